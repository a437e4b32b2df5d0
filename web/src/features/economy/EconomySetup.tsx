// Staff set up and keep the year's figures outside the ledger: lines (expense types and investment
// projects), the annual budget per line, budget revisions with the deciding case number, the account
// mapping the ledger import uses, and manual actuals. Amounts are typed in kroner the Norwegian way.
import { Button, Details, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { parseNorwegianAmount } from '../../../../src/modules/economy/calculations';
import { formatDate } from '../../i18n/format';
import { CheckboxField, FormErrors, SelectField, TextField } from '../forms/fields';
import { useAccountMappings, useBudgets, useEconomyWrite } from './api';
import { formatKroner } from './format';
import type { TEconomyLine } from './types';

const kronerError = new Error('Beløpet må være kroner, f.eks. 1 234 567 eller −5 238 000');

function SetupForm({ id, title, error, onSubmit, pending, done, children, submit }: {
  id: string; title: string; error: unknown; onSubmit: () => void; pending: boolean; done: boolean; children: ReactNode; submit: string;
}) {
  return (
    <form className="stack" aria-labelledby={`${id}-heading`} noValidate onSubmit={(e: FormEvent) => { e.preventDefault(); onSubmit(); }}>
      <h4 id={`${id}-heading`} style={{ margin: 0 }}>{title}</h4>
      <FormErrors form={id} error={error} />
      {children}
      <div className="actions">
        <Button type="submit" disabled={pending}>{submit}</Button>
        {done ? <Paragraph role="status" data-size="sm">Lagret.</Paragraph> : null}
      </div>
    </form>
  );
}

const lineOptions = (lines: TEconomyLine[]) => lines.map((l) => ({ value: l.id, label: `${l.name}${l.kind === 'investering' ? ' (investering)' : ''}` }));

function NewLineForm() {
  const [kind, setKind] = useState<'drift' | 'investering'>('drift');
  const [name, setName] = useState('');
  const [isIncome, setIncome] = useState(false);
  const [owner, setOwner] = useState('');
  const [startYear, setStart] = useState('');
  const [endYear, setEnd] = useState('');
  const write = useEconomyWrite<object>('post', '/api/economy/lines');
  const year = (v: string) => (v ? Number(v) : null);
  return (
    <SetupForm id="new-line" title="Ny linje" error={write.error} pending={write.isPending} done={write.isSuccess} submit="Legg til linje"
      onSubmit={() => write.mutate(kind === 'drift'
        ? { kind, name, isIncome }
        : { kind, name, owner: owner || null, startYear: year(startYear), endYear: year(endYear) }, { onSuccess: () => setName('') })}>
      <div className="row">
        <SelectField form="new-line" name="kind" label="Type" value={kind} onChange={(v) => setKind(v as 'drift' | 'investering')}
          options={[{ value: 'drift', label: 'Utgiftstype (drift)' }, { value: 'investering', label: 'Investeringsprosjekt' }]} />
        <TextField form="new-line" name="name" label="Navn" value={name} onChange={setName} required error={write.error} />
      </div>
      {kind === 'drift' ? (
        <CheckboxField form="new-line" name="isIncome" label="Inntektslinje (beløp føres med minus)" checked={isIncome} onChange={setIncome} />
      ) : (
        <div className="row">
          <TextField form="new-line" name="owner" label="Eier" value={owner} onChange={setOwner} error={write.error} />
          <TextField form="new-line" name="startYear" label="Startår" type="number" value={startYear} onChange={setStart} error={write.error} />
          <TextField form="new-line" name="endYear" label="Sluttår" type="number" value={endYear} onChange={setEnd} error={write.error} />
        </div>
      )}
    </SetupForm>
  );
}

function BudgetForm({ year, lines }: { year: number; lines: TEconomyLine[] }) {
  const [lineId, setLineId] = useState('');
  const [amount, setAmount] = useState('');
  const [local, setLocal] = useState<Error | null>(null);
  const write = useEconomyWrite<object>('put', `/api/economy/${year}/budgets`);
  return (
    <SetupForm id="budget" title={`Årsbudsjett ${year}`} error={local ?? write.error} pending={write.isPending} done={write.isSuccess} submit="Lagre budsjett"
      onSubmit={() => {
        const amountOre = parseNorwegianAmount(amount);
        setLocal(amountOre === null ? kronerError : null);
        if (amountOre !== null) write.mutate({ lineId, amountOre });
      }}>
      <div className="row">
        <SelectField form="budget" name="lineId" label="Linje" value={lineId} onChange={setLineId} placeholder="Velg linje" options={lineOptions(lines)} error={write.error} />
        <TextField form="budget" name="amountOre" label="Vedtatt budsjett (kr)" value={amount} onChange={setAmount} error={write.error} />
      </div>
    </SetupForm>
  );
}

function RevisionForm({ year, lines }: { year: number; lines: TEconomyLine[] }) {
  const [lineId, setLineId] = useState('');
  const [date, setDate] = useState('');
  const [change, setChange] = useState('');
  const [reference, setReference] = useState('');
  const [local, setLocal] = useState<Error | null>(null);
  const write = useEconomyWrite<object>('post', `/api/economy/${year}/budget-revisions`);
  return (
    <SetupForm id="revision" title="Budsjettrevisjon" error={local ?? write.error} pending={write.isPending} done={write.isSuccess} submit="Registrer revisjon"
      onSubmit={() => {
        const changeOre = parseNorwegianAmount(change);
        setLocal(changeOre === null ? kronerError : null);
        if (changeOre !== null) write.mutate({ lineId, date, changeOre, decisionReference: reference });
      }}>
      <div className="row">
        <SelectField form="revision" name="lineId" label="Linje" value={lineId} onChange={setLineId} placeholder="Velg linje" options={lineOptions(lines)} error={write.error} />
        <TextField form="revision" name="date" label="Vedtaksdato" type="date" value={date} onChange={setDate} error={write.error} />
        <TextField form="revision" name="changeOre" label="Endring (kr)" value={change} onChange={setChange} error={write.error} description="Økning positiv, reduksjon med minus" />
        <TextField form="revision" name="decisionReference" label="Saksnummer" value={reference} onChange={setReference} error={write.error} description="F.eks. 2023/M4-005" />
      </div>
    </SetupForm>
  );
}

function MappingForm({ lines }: { lines: TEconomyLine[] }) {
  const [lineId, setLineId] = useState('');
  const [account, setAccount] = useState('');
  const [project, setProject] = useState('');
  const write = useEconomyWrite<object>('put', '/api/economy/account-mappings');
  return (
    <SetupForm id="mapping" title="Kontokobling for regnskapsimport" error={write.error} pending={write.isPending} done={write.isSuccess} submit="Lagre kobling"
      onSubmit={() => write.mutate({ account: account || null, project: project || null, lineId }, { onSuccess: () => { setAccount(''); setProject(''); } })}>
      <Paragraph data-size="sm">Oppgi enten en konto (utgiftstyper) eller et prosjektnummer (investeringer).</Paragraph>
      <div className="row">
        <TextField form="mapping" name="account" label="Konto" value={account} onChange={setAccount} error={write.error} />
        <TextField form="mapping" name="project" label="Prosjekt" value={project} onChange={setProject} error={write.error} />
        <SelectField form="mapping" name="lineId" label="Linje" value={lineId} onChange={setLineId} placeholder="Velg linje" options={lineOptions(lines)} error={write.error} />
      </div>
    </SetupForm>
  );
}

function ManualActualForm({ year, lines }: { year: number; lines: TEconomyLine[] }) {
  const [lineId, setLineId] = useState('');
  const [period, setPeriod] = useState('');
  const [amount, setAmount] = useState('');
  const [text, setText] = useState('');
  const [local, setLocal] = useState<Error | null>(null);
  const write = useEconomyWrite<object>('post', `/api/economy/${year}/actuals`);
  return (
    <SetupForm id="actual" title="Manuell regnskapspost" error={local ?? write.error} pending={write.isPending} done={write.isSuccess} submit="Registrer post"
      onSubmit={() => {
        const amountOre = parseNorwegianAmount(amount);
        setLocal(amountOre === null ? kronerError : null);
        if (amountOre !== null) write.mutate({ lineId, period: Number(period), amountOre, text: text || null });
      }}>
      <div className="row">
        <SelectField form="actual" name="lineId" label="Linje" value={lineId} onChange={setLineId} placeholder="Velg linje" options={lineOptions(lines)} error={write.error} />
        <SelectField form="actual" name="period" label="Periode" value={period} onChange={setPeriod} placeholder="Velg måned" error={write.error}
          options={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))} />
        <TextField form="actual" name="amountOre" label="Beløp (kr)" value={amount} onChange={setAmount} error={write.error} />
        <TextField form="actual" name="text" label="Tekst" value={text} onChange={setText} error={write.error} />
      </div>
    </SetupForm>
  );
}

function Overview({ year, lines }: { year: number; lines: TEconomyLine[] }) {
  const budgets = useBudgets(year);
  const mappings = useAccountMappings();
  const budgetOf = (lineId: string) => budgets.data?.budgets.find((b) => b.lineId === lineId)?.amountOre;
  const revisionsOf = (lineId: string) => budgets.data?.revisions.filter((r) => r.lineId === lineId) ?? [];
  const mappedOf = (lineId: string) => (mappings.data ?? []).filter((m) => m.lineId === lineId).map((m) => m.account ?? `prosjekt ${m.project}`).join(', ');
  return (
    <div className="table-scroll">
      <Table zebra className="full-width">
        <caption style={{ textAlign: 'left', fontWeight: 600 }}>Linjer, budsjett {year} og kontokobling</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">Linje</Table.HeaderCell>
            <Table.HeaderCell scope="col">Type</Table.HeaderCell>
            <Table.HeaderCell scope="col" style={{ textAlign: 'right' }}>Vedtatt budsjett (kr)</Table.HeaderCell>
            <Table.HeaderCell scope="col">Revisjoner</Table.HeaderCell>
            <Table.HeaderCell scope="col">Kontoer/prosjekter</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {lines.map((l) => {
            const budget = budgetOf(l.id);
            return (
              <Table.Row key={l.id}>
                <Table.HeaderCell scope="row" style={{ fontWeight: 400 }}>{l.name}</Table.HeaderCell>
                <Table.Cell>{l.kind === 'drift' ? (l.isIncome ? 'Inntekt' : 'Drift') : 'Investering'}</Table.Cell>
                <Table.Cell style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{budget === undefined ? '' : formatKroner(budget)}</Table.Cell>
                <Table.Cell>{revisionsOf(l.id).map((r) => `${formatDate(r.date)} ${r.decisionReference}: ${formatKroner(r.changeOre)}`).join('; ')}</Table.Cell>
                <Table.Cell>{mappedOf(l.id)}</Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </div>
  );
}

export function EconomySetup({ year, lines }: { year: number; lines: TEconomyLine[] }) {
  return (
    <Details>
      <Details.Summary>Linjer, budsjett, revisjoner, kontokobling og manuelle poster</Details.Summary>
      <Details.Content>
        <div className="stack-lg">
          <Overview year={year} lines={lines} />
          <BudgetForm year={year} lines={lines} />
          <RevisionForm year={year} lines={lines} />
          <ManualActualForm year={year} lines={lines} />
          <MappingForm lines={lines} />
          <NewLineForm />
        </div>
      </Details.Content>
    </Details>
  );
}
