// Staff keep the cooperation's lines in the set-up: a table per kind (expense types, investment
// projects) in the order the report and the papers print them. «Flytt opp»/«Flytt ned» move a line one
// place and save the kind's order at once (PUT /api/economy/lines/order); focus stays on the moved
// line's arrow (MoveButtons, as in the financing key). «Rediger» opens a form below the row (name,
// income, owner, start and end year, active) sent with the line's revision: a line someone else changed
// meanwhile is refused (409 `stale`) and the form offers to open again on what is stored (decision 0024).
import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { LINE_KINDS, type TLineKind } from '../../../../src/modules/economy/vocabulary';
import type { TApiSchema } from '../../api/client';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import { CheckboxField, FormErrors, TextField, useFocusFirstField } from '../forms/fields';
import { MoveButtons } from '../forms/MoveButtons';
import { announce } from '../shell/focus';
import { TableScroll } from '../tables/TableScroll';
import { useSetLineOrder, useUpdateLine } from './api';
import { useEconomyT } from './messages';
import type { TEconomyLine } from './types';

export function LineList({ lines }: { lines: TEconomyLine[] }) {
  const t = useEconomyT();
  return (
    <section className="stack" aria-labelledby="line-list-heading" data-testid="line-list">
      <h4 id="line-list-heading" style={{ margin: 0 }}>{t('economy.lines.heading')}</h4>
      <Paragraph data-size="sm">{t('economy.lines.hint')}</Paragraph>
      {LINE_KINDS.map((kind) => <LineKindTable key={kind} kind={kind} lines={lines.filter((l) => l.kind === kind)} />)}
    </section>
  );
}

const years = (l: TEconomyLine) => (l.startYear || l.endYear ? `${l.startYear ?? ''}–${l.endYear ?? ''}` : '–');

function LineKindTable({ kind, lines }: { kind: TLineKind; lines: TEconomyLine[] }) {
  const t = useEconomyT();
  const { language } = useI18n();
  const reorder = useSetLineOrder();
  const [editing, setEditing] = useState<string | null>(null);
  const caption = t(kind === 'drift' ? 'economy.lines.captionDrift' : 'economy.lines.captionInvestment');
  if (!lines.length) {
    return <Paragraph data-size="sm">{caption}: {t('economy.lines.none')}</Paragraph>;
  }
  // Made on the order as shown; a refusal (a line added meanwhile) is shown above the table, and the
  // list is fetched again, so the next move is made on what is stored.
  const move = async (index: number, by: -1 | 1) => {
    const order = lines.map((l) => l.id);
    const [id] = order.splice(index, 1);
    order.splice(index + by, 0, id!);
    await reorder.mutateAsync({ kind, lineIds: order });
    announce(t('economy.lines.moved', { name: lines[index]!.name, place: index + by + 1, count: lines.length }));
  };
  return (
    <div className="stack">
      {reorder.error ? <Paragraph role="alert" data-size="sm">{errorMessage(reorder.error, language, t)}</Paragraph> : null}
      <TableScroll>
        <Table zebra className="full-width" data-testid={`line-list-${kind}`}>
          <caption style={{ textAlign: 'left', fontWeight: 600 }}>{caption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col" style={{ textAlign: 'right' }}>{t('economy.lines.place')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('economy.line')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('economy.lines.details')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('economy.lines.active')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('common.actions')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {lines.map((l, i) => (
              <LineRow key={l.id} line={l} index={i} count={lines.length} busy={reorder.isPending} editing={editing === l.id}
                onMove={(by) => move(i, by)} onEdit={() => setEditing(editing === l.id ? null : l.id)} onClose={() => setEditing(null)} />
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    </div>
  );
}

function LineRow({ line, index, count, busy, editing, onMove, onEdit, onClose }: {
  line: TEconomyLine; index: number; count: number; busy: boolean; editing: boolean;
  onMove: (by: -1 | 1) => Promise<unknown>; onEdit: () => void; onClose: () => void;
}) {
  const t = useEconomyT();
  const details = line.kind === 'drift'
    ? t(line.isIncome ? 'economy.lines.income' : 'economy.lines.expense')
    : t('economy.lines.ownerYears', { owner: line.owner ?? '–', years: years(line) });
  return (
    <>
      <Table.Row>
        <Table.Cell style={{ textAlign: 'right' }}>{index + 1}</Table.Cell>
        <Table.HeaderCell scope="row" style={{ fontWeight: 400 }}>{line.name}</Table.HeaderCell>
        <Table.Cell>{details}</Table.Cell>
        <Table.Cell>{t(line.active ? 'common.yes' : 'common.no')}</Table.Cell>
        <Table.Cell>
          <div className="actions actions--nowrap">
            <MoveButtons idPrefix="line" rowId={line.id} name={line.name} index={index} count={count} busy={busy}
              labels={{ up: t('economy.financingForm.up'), down: t('economy.financingForm.down') }} onMove={onMove} />
            <Button type="button" variant="secondary" data-size="sm" id={`line-edit-${line.id}`} aria-expanded={editing} onClick={onEdit}>
              {t('common.edit')}<span className="sr-only"> {line.name}</span>
            </Button>
          </div>
        </Table.Cell>
      </Table.Row>
      {editing ? (
        <Table.Row>
          <Table.Cell colSpan={5}>
            <LineEditor line={line} onClose={onClose} />
          </Table.Cell>
        </Table.Row>
      ) : null}
    </>
  );
}

/** The editor, opened anew on the stored line when a save is refused as stale and the user reloads. */
function LineEditor({ line, onClose }: { line: TEconomyLine; onClose: () => void }) {
  const [opened, setOpened] = useState(0);
  return <LineEditorAt key={opened} line={line} onClose={onClose} onReload={() => setOpened((n) => n + 1)} />;
}

const yearText = (year: number | null) => (year === null ? '' : String(year));
const yearOf = (text: string) => (text.trim() ? Number(text) : null);

function LineEditorAt({ line: shown, onClose, onReload }: { line: TEconomyLine; onClose: () => void; onReload: () => void }) {
  const t = useEconomyT();
  // The line as the editor was opened: saved at this revision, even when the list has fetched a newer
  // line behind it (then the server answers 409 `stale` and the form offers to reload).
  const [line] = useState(shown);
  const [name, setName] = useState(line.name);
  const [isIncome, setIncome] = useState(line.isIncome);
  const [owner, setOwner] = useState(line.owner ?? '');
  const [startYear, setStart] = useState(yearText(line.startYear));
  const [endYear, setEnd] = useState(yearText(line.endYear));
  const [active, setActive] = useState(line.active);
  const save = useUpdateLine();
  const ref = useFocusFirstField<HTMLFormElement>();
  const form = `line-${line.id}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Only what changed is sent, so the server's answer names exactly the field that is wrong.
    const changes: Omit<TApiSchema<'UpdateEconomyLineRequest'>, 'revision'> = {};
    if (name !== line.name) changes.name = name;
    if (active !== line.active) changes.active = active;
    if (line.kind === 'drift') {
      if (isIncome !== line.isIncome) changes.isIncome = isIncome;
    } else {
      if ((owner.trim() || null) !== line.owner) changes.owner = owner.trim() || null;
      if (yearOf(startYear) !== line.startYear) changes.startYear = yearOf(startYear);
      if (yearOf(endYear) !== line.endYear) changes.endYear = yearOf(endYear);
    }
    if (!Object.keys(changes).length) { onClose(); return; }
    try {
      await save.mutateAsync({ id: line.id, body: { ...changes, revision: line.revision } });
      announce(t('economy.lines.saved', { name: changes.name ?? line.name }));
      onClose();
    } catch {
      // The error is shown above the fields (save.error).
    }
  };

  return (
    <form ref={ref} className="stack" aria-label={t('economy.lines.formLabel', { name: line.name })} onSubmit={(e) => { void submit(e); }} noValidate>
      <FormErrors form={form} error={save.error} onReload={onReload}
        labels={{
          name: t('common.name'), isIncome: t('economy.setup.isIncome'), owner: t('economy.setup.owner'),
          startYear: t('economy.setup.startYear'), endYear: t('economy.setup.endYear'), active: t('economy.lines.activeField'),
        }} />
      <div className="row">
        <TextField form={form} name="name" label={t('common.name')} value={name} onChange={setName} required error={save.error} />
        {line.kind === 'investering' ? (
          <>
            <TextField form={form} name="owner" label={t('economy.setup.owner')} value={owner} onChange={setOwner} error={save.error} />
            <TextField form={form} name="startYear" label={t('economy.setup.startYear')} type="number" value={startYear} onChange={setStart} error={save.error} />
            <TextField form={form} name="endYear" label={t('economy.setup.endYear')} type="number" value={endYear} onChange={setEnd} error={save.error} />
          </>
        ) : null}
      </div>
      {line.kind === 'drift' ? <CheckboxField form={form} name="isIncome" label={t('economy.setup.isIncome')} checked={isIncome} onChange={setIncome} /> : null}
      <CheckboxField form={form} name="active" label={t('economy.lines.activeField')} checked={active} onChange={setActive} />
      <div className="actions">
        <Button type="submit" data-size="sm" disabled={save.isPending}>{t('economy.lines.save')}</Button>
        <Button type="button" data-size="sm" variant="tertiary" onClick={onClose}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
