// Staff set up and keep the year's figures outside the ledger: lines (expense types and investment
// projects), the annual budget per line, budget revisions with the deciding case number, the account
// mapping the ledger import uses, and manual actuals. Amounts are typed in kroner the Norwegian way.
// Revisions and manual actuals are listed with Rediger/Slett, so a wrong one is corrected, not outweighed.
// The lines are listed per kind in their printed order, moved and edited in place (LineList).
import { Button, Details, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { parseNorwegianAmount } from '../../../../src/modules/economy/calculations';
import { useEconomyT, type TEconomyT } from './messages';
import { formatDate, formatKroner } from '../../i18n/format';
import { CheckboxField, FormErrors, SelectField, TextField } from '../forms/fields';
import {
  useAccountMappings, useAddBudgetRevision, useAddManualActual, useBudgets, useCreateLine, useManualActuals, useSaveAccountMapping, useSetBudget,
} from './api';
import { CorrectableRow, CorrectableTable } from './CorrectableRow';
import { FinancingForm } from './FinancingForm';
import { LineList } from './LineList';
import type { TEconomyLine } from './types';
import { TableScroll } from '../tables/TableScroll';

const kronerError = (t: TEconomyT) => new Error(t('economy.setup.kronerError'));

function SetupForm({ id, title, error, onSubmit, pending, done, children, submit }: {
  id: string; title: string; error: unknown; onSubmit: () => void; pending: boolean; done: boolean; children: ReactNode; submit: string;
}) {
  const t = useEconomyT();
  return (
    <form className="stack" aria-labelledby={`${id}-heading`} noValidate onSubmit={(e: FormEvent) => { e.preventDefault(); onSubmit(); }}>
      <h4 id={`${id}-heading`} style={{ margin: 0 }}>{title}</h4>
      <FormErrors form={id} error={error} />
      {children}
      <div className="actions">
        <Button type="submit" disabled={pending}>{submit}</Button>
        {done ? <Paragraph role="status" data-size="sm">{t('common.saved')}</Paragraph> : null}
      </div>
    </form>
  );
}

const lineOptions = (t: TEconomyT, lines: TEconomyLine[]) =>
  lines.map((l) => ({ value: l.id, label: l.kind === 'investering' ? t('economy.lineInvestment', { name: l.name }) : l.name }));

function NewLineForm() {
  const t = useEconomyT();
  const [kind, setKind] = useState<'drift' | 'investering'>('drift');
  const [name, setName] = useState('');
  const [isIncome, setIncome] = useState(false);
  const [owner, setOwner] = useState('');
  const [startYear, setStart] = useState('');
  const [endYear, setEnd] = useState('');
  const write = useCreateLine();
  const year = (v: string) => (v ? Number(v) : null);
  return (
    <SetupForm id="new-line" title={t('economy.setup.newLine')} error={write.error} pending={write.isPending} done={write.isSuccess} submit={t('economy.setup.addLine')}
      onSubmit={() => write.mutate(kind === 'drift'
        ? { kind, name, isIncome }
        : { kind, name, owner: owner || null, startYear: year(startYear), endYear: year(endYear) }, { onSuccess: () => setName('') })}>
      <div className="row">
        <SelectField form="new-line" name="kind" label={t('economy.setup.kind')} value={kind} onChange={(v) => setKind(v as 'drift' | 'investering')}
          options={[{ value: 'drift', label: t('economy.setup.kindDrift') }, { value: 'investering', label: t('economy.setup.kindInvestment') }]} />
        <TextField form="new-line" name="name" label={t('common.name')} value={name} onChange={setName} required error={write.error} />
      </div>
      {kind === 'drift' ? (
        <CheckboxField form="new-line" name="isIncome" label={t('economy.setup.isIncome')} checked={isIncome} onChange={setIncome} />
      ) : (
        <div className="row">
          <TextField form="new-line" name="owner" label={t('economy.setup.owner')} value={owner} onChange={setOwner} error={write.error} />
          <TextField form="new-line" name="startYear" label={t('economy.setup.startYear')} type="number" value={startYear} onChange={setStart} error={write.error} />
          <TextField form="new-line" name="endYear" label={t('economy.setup.endYear')} type="number" value={endYear} onChange={setEnd} error={write.error} />
        </div>
      )}
    </SetupForm>
  );
}

function BudgetForm({ year, lines }: { year: number; lines: TEconomyLine[] }) {
  const t = useEconomyT();
  const [lineId, setLineId] = useState('');
  const [amount, setAmount] = useState('');
  const [local, setLocal] = useState<Error | null>(null);
  const write = useSetBudget(year);
  return (
    <SetupForm id="budget" title={t('economy.setup.budgetTitle', { year })} error={local ?? write.error} pending={write.isPending} done={write.isSuccess} submit={t('economy.setup.saveBudget')}
      onSubmit={() => {
        const amountOre = parseNorwegianAmount(amount);
        setLocal(amountOre === null ? kronerError(t) : null);
        if (amountOre !== null) write.mutate({ lineId, amountOre });
      }}>
      <div className="row">
        <SelectField form="budget" name="lineId" label={t('economy.line')} value={lineId} onChange={setLineId} placeholder={t('economy.chooseLine')} options={lineOptions(t, lines)} error={write.error} />
        <TextField form="budget" name="amountOre" label={t('economy.setup.adoptedBudget')} value={amount} onChange={setAmount} error={write.error} />
      </div>
    </SetupForm>
  );
}

function RevisionForm({ year, lines }: { year: number; lines: TEconomyLine[] }) {
  const t = useEconomyT();
  const [lineId, setLineId] = useState('');
  const [date, setDate] = useState('');
  const [change, setChange] = useState('');
  const [reference, setReference] = useState('');
  const [local, setLocal] = useState<Error | null>(null);
  const write = useAddBudgetRevision(year);
  return (
    <SetupForm id="revision" title={t('economy.setup.revision')} error={local ?? write.error} pending={write.isPending} done={write.isSuccess} submit={t('economy.setup.saveRevision')}
      onSubmit={() => {
        const changeOre = parseNorwegianAmount(change);
        setLocal(changeOre === null ? kronerError(t) : null);
        if (changeOre !== null) write.mutate({ lineId, date, changeOre, decisionReference: reference });
      }}>
      <div className="row">
        <SelectField form="revision" name="lineId" label={t('economy.line')} value={lineId} onChange={setLineId} placeholder={t('economy.chooseLine')} options={lineOptions(t, lines)} error={write.error} />
        <TextField form="revision" name="date" label={t('economy.setup.decisionDate')} type="date" value={date} onChange={setDate} error={write.error} />
        <TextField form="revision" name="changeOre" label={t('economy.setup.change')} value={change} onChange={setChange} error={write.error} description={t('economy.setup.changeHint')} />
        <TextField form="revision" name="decisionReference" label={t('economy.setup.caseNumber')} value={reference} onChange={setReference} error={write.error} description={t('economy.setup.caseNumberHint')} />
      </div>
    </SetupForm>
  );
}

function MappingForm({ lines }: { lines: TEconomyLine[] }) {
  const t = useEconomyT();
  const [lineId, setLineId] = useState('');
  const [account, setAccount] = useState('');
  const [project, setProject] = useState('');
  const write = useSaveAccountMapping();
  return (
    <SetupForm id="mapping" title={t('economy.setup.mapping')} error={write.error} pending={write.isPending} done={write.isSuccess} submit={t('economy.setup.saveMapping')}
      onSubmit={() => write.mutate({ account: account || null, project: project || null, lineId }, { onSuccess: () => { setAccount(''); setProject(''); } })}>
      <Paragraph data-size="sm">{t('economy.setup.mappingHint')}</Paragraph>
      <div className="row">
        <TextField form="mapping" name="account" label={t('economy.setup.account')} value={account} onChange={setAccount} error={write.error} />
        <TextField form="mapping" name="project" label={t('economy.project')} value={project} onChange={setProject} error={write.error} />
        <SelectField form="mapping" name="lineId" label={t('economy.line')} value={lineId} onChange={setLineId} placeholder={t('economy.chooseLine')} options={lineOptions(t, lines)} error={write.error} />
      </div>
    </SetupForm>
  );
}

function ManualActualForm({ year, lines }: { year: number; lines: TEconomyLine[] }) {
  const t = useEconomyT();
  const [lineId, setLineId] = useState('');
  const [period, setPeriod] = useState('');
  const [amount, setAmount] = useState('');
  const [text, setText] = useState('');
  const [local, setLocal] = useState<Error | null>(null);
  const write = useAddManualActual(year);
  return (
    <SetupForm id="actual" title={t('economy.setup.manualActual')} error={local ?? write.error} pending={write.isPending} done={write.isSuccess} submit={t('economy.setup.saveActual')}
      onSubmit={() => {
        const amountOre = parseNorwegianAmount(amount);
        setLocal(amountOre === null ? kronerError(t) : null);
        if (amountOre !== null) write.mutate({ lineId, period: Number(period), amountOre, text: text || null });
      }}>
      <div className="row">
        <SelectField form="actual" name="lineId" label={t('economy.line')} value={lineId} onChange={setLineId} placeholder={t('economy.chooseLine')} options={lineOptions(t, lines)} error={write.error} />
        <SelectField form="actual" name="period" label={t('economy.setup.period')} value={period} onChange={setPeriod} placeholder={t('economy.setup.chooseMonth')} error={write.error}
          options={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))} />
        <TextField form="actual" name="amountOre" label={t('economy.setup.amount')} value={amount} onChange={setAmount} error={write.error} />
        <TextField form="actual" name="text" label={t('economy.setup.text')} value={text} onChange={setText} error={write.error} />
      </div>
    </SetupForm>
  );
}

function Overview({ year, lines }: { year: number; lines: TEconomyLine[] }) {
  const t = useEconomyT();
  const budgets = useBudgets(year);
  const mappings = useAccountMappings();
  const budgetOf = (lineId: string) => budgets.data?.budgets.find((b) => b.lineId === lineId)?.amountOre;
  const revisionsOf = (lineId: string) => budgets.data?.revisions.filter((r) => r.lineId === lineId) ?? [];
  const mappedOf = (lineId: string) => (mappings.data ?? []).filter((m) => m.lineId === lineId).map((m) => m.account ?? t('economy.setup.projectRef', { project: m.project ?? '' })).join(', ');
  return (
    <TableScroll>
      <Table zebra className="full-width">
        <caption style={{ textAlign: 'left', fontWeight: 600 }}>{t('economy.setup.overviewCaption', { year })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('economy.line')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('economy.setup.kind')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" style={{ textAlign: 'right' }}>{t('economy.setup.adoptedBudget')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('economy.setup.revisions')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('economy.setup.accountsProjects')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {lines.map((l) => {
            const budget = budgetOf(l.id);
            return (
              <Table.Row key={l.id}>
                <Table.HeaderCell scope="row" style={{ fontWeight: 400 }}>{l.name}</Table.HeaderCell>
                <Table.Cell>{t(l.kind === 'drift' ? (l.isIncome ? 'economy.setup.kindIncome' : 'economy.setup.kindOperating') : 'economy.setup.kindInvestmentShort')}</Table.Cell>
                <Table.Cell style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{budget === undefined ? '' : formatKroner(budget)}</Table.Cell>
                <Table.Cell>{revisionsOf(l.id).map((r) => `${formatDate(r.date)} ${r.decisionReference}: ${formatKroner(r.changeOre)}`).join('; ')}</Table.Cell>
                <Table.Cell>{mappedOf(l.id)}</Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

const lineName = (lines: TEconomyLine[], id: string) => lines.find((l) => l.id === id)?.name ?? '';
const num = { textAlign: 'right', whiteSpace: 'nowrap' } as const;

function RevisionList({ year, lines }: { year: number; lines: TEconomyLine[] }) {
  const t = useEconomyT();
  const revisions = useBudgets(year).data?.revisions ?? [];
  if (!revisions.length) return null;
  return (
    <CorrectableTable testId="revision-list" caption={t('economy.correct.revisionsCaption', { year })}
      columns={[{ label: t('economy.setup.decisionDate') }, { label: t('economy.line') }, { label: t('economy.setup.change'), numeric: true }, { label: t('economy.setup.caseNumber') }]}>
      {revisions.map((r) => (
        <CorrectableRow key={r.id} kind="budget-revisions" entry={r} lines={lines} columns={5}
          name={t('economy.correct.revisionName', { reference: r.decisionReference, line: lineName(lines, r.lineId) })}
          fields={[
            { name: 'lineId', label: t('economy.line'), kind: 'line', value: r.lineId },
            { name: 'date', label: t('economy.setup.decisionDate'), kind: 'date', value: r.date },
            { name: 'changeOre', label: t('economy.setup.change'), kind: 'kroner', value: r.changeOre },
            { name: 'decisionReference', label: t('economy.setup.caseNumber'), kind: 'text', value: r.decisionReference },
          ]}
          cells={<>
            <Table.Cell>{formatDate(r.date)}</Table.Cell>
            <Table.Cell>{lineName(lines, r.lineId)}</Table.Cell>
            <Table.Cell style={num}>{formatKroner(r.changeOre)}</Table.Cell>
            <Table.Cell>{r.decisionReference}</Table.Cell>
          </>} />
      ))}
    </CorrectableTable>
  );
}

function ManualActualList({ year, lines }: { year: number; lines: TEconomyLine[] }) {
  const t = useEconomyT();
  const rows = useManualActuals(year).data ?? [];
  if (!rows.length) return null;
  return (
    <CorrectableTable testId="manual-actual-list" caption={t('economy.correct.actualsCaption', { year })}
      columns={[{ label: t('economy.setup.period') }, { label: t('economy.line') }, { label: t('economy.setup.amount'), numeric: true }, { label: t('economy.setup.text') }]}>
      {rows.map((a) => (
        <CorrectableRow key={a.id} kind="actuals" entry={a} lines={lines} columns={5}
          name={t('economy.correct.actualName', { period: a.period, line: lineName(lines, a.lineId) })}
          fields={[
            { name: 'lineId', label: t('economy.line'), kind: 'line', value: a.lineId },
            { name: 'period', label: t('economy.setup.period'), kind: 'period', value: a.period },
            { name: 'amountOre', label: t('economy.setup.amount'), kind: 'kroner', value: a.amountOre },
            { name: 'text', label: t('economy.setup.text'), kind: 'text', value: a.text },
          ]}
          cells={<>
            <Table.Cell>{a.period}</Table.Cell>
            <Table.Cell>{lineName(lines, a.lineId)}</Table.Cell>
            <Table.Cell style={num}>{formatKroner(a.amountOre)}</Table.Cell>
            <Table.Cell>{a.text ?? ''}</Table.Cell>
          </>} />
      ))}
    </CorrectableTable>
  );
}

export function EconomySetup({ year, lines }: { year: number; lines: TEconomyLine[] }) {
  const t = useEconomyT();
  return (
    <Details data-testid="economy-setup">
      <Details.Summary>{t('economy.setup.summary')}</Details.Summary>
      <Details.Content>
        <div className="stack-lg">
          <Overview year={year} lines={lines} />
          <BudgetForm year={year} lines={lines} />
          <RevisionForm year={year} lines={lines} />
          <RevisionList year={year} lines={lines} />
          <ManualActualForm year={year} lines={lines} />
          <ManualActualList year={year} lines={lines} />
          <MappingForm lines={lines} />
          <FinancingForm year={year} />
          <LineList lines={lines} />
          <NewLineForm />
        </div>
      </Details.Content>
    </Details>
  );
}
