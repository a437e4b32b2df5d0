// A row of entered figures (a forecast, a budget revision, a manual actual) that staff can correct or
// delete in place: Rediger opens a form below the row with the entry's fields; Slett asks once more
// before deleting. Both send the version the list was read at, so an entry someone else changed in the
// meantime is refused (409) with the server's message, and the list reloads to show what is there now.
import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { parseNorwegianAmount } from '../../../../src/modules/economy/calculations';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import { groupThousands } from '../../i18n/format';
import { useEconomyT } from './messages';
import { FormErrors, SelectField, TextField, useFocusFirstField } from '../forms/fields';
import { useCorrectEntry, useDeleteEntry, type TCorrectable, type TEntryRef } from './api';
import type { TEconomyLine } from './types';
import { TableScroll } from '../tables/TableScroll';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { announce, focusSectionHeading } from '../shell/focus';

/** One editable field of an entry: its API name, label, how it is typed, and its value now. */
export type TEntryField =
  | { name: string; label: string; kind: 'date' | 'text'; value: string | null }
  | { name: string; label: string; kind: 'kroner'; value: number }
  | { name: string; label: string; kind: 'period'; value: number }
  | { name: string; label: string; kind: 'line'; value: string };

/** Øre as a person types kroner: "28 782 600", "-8 025 000,50" (parseNorwegianAmount reads it back). */
export function oreAsInput(ore: number): string {
  const abs = Math.abs(ore);
  const kr = groupThousands(String(Math.floor(abs / 100)), ' ');
  const rest = abs % 100;
  return `${ore < 0 ? '-' : ''}${kr}${rest ? `,${String(rest).padStart(2, '0')}` : ''}`;
}

const initialText = (f: TEntryField) =>
  f.kind === 'kroner' ? oreAsInput(f.value) : f.kind === 'period' ? String(f.value) : f.value ?? '';

type TEditorProps = { kind: TCorrectable; entry: TEntryRef; fields: TEntryField[]; lines: TEconomyLine[]; formId: string; onClose: () => void };

/** The editor, opened anew on the stored entry when a correction is refused as stale and the user reloads. */
function EntryEditor(props: TEditorProps) {
  const [opened, setOpened] = useState(0);
  return <EntryEditorAt key={opened} {...props} onReload={() => setOpened((n) => n + 1)} />;
}

function EntryEditorAt({ kind, entry: shown, fields: shownFields, lines, formId, onClose, onReload }: TEditorProps & { onReload: () => void }) {
  const t = useEconomyT();
  // The entry as the editor was opened: corrected at this version and compared with these values, even
  // when the table has fetched a newer entry behind it (then the server answers 409 `stale`).
  const [entry] = useState(shown);
  const [fields] = useState(shownFields);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.name, initialText(f)])));
  const [local, setLocal] = useState<Error | null>(null);
  const correct = useCorrectEntry(kind);
  const ref = useFocusFirstField<HTMLFormElement>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setLocal(null);
    // Only what changed is sent, so the server's answer names exactly the field that is wrong.
    const changes: Record<string, unknown> = {};
    for (const f of fields) {
      const text = values[f.name] ?? '';
      if (text === initialText(f)) continue;
      if (f.kind === 'kroner') {
        const ore = parseNorwegianAmount(text);
        if (ore === null) { setLocal(new Error(t('economy.setup.kronerError'))); return; }
        changes[f.name] = ore;
      } else if (f.kind === 'period') changes[f.name] = Number(text);
      else if (f.kind === 'text') changes[f.name] = text.trim() || null;
      else changes[f.name] = text;
    }
    if (!Object.keys(changes).length) { onClose(); return; }
    correct.mutate({ id: entry.id, version: entry.version, changes }, { onSuccess: onClose });
  };

  const set = (name: string) => (v: string) => setValues((prev) => ({ ...prev, [name]: v }));
  return (
    <form ref={ref} className="stack" aria-label={t('economy.correct.formLabel')} onSubmit={submit} noValidate>
      <FormErrors form={formId} error={local ?? correct.error} labels={Object.fromEntries(fields.map((f) => [f.name, f.label]))} onReload={onReload} />
      <div className="row">
        {fields.map((f) => {
          const common = { form: formId, name: f.name, label: f.label, value: values[f.name] ?? '', onChange: set(f.name), error: correct.error };
          if (f.kind === 'line') {
            return <SelectField key={f.name} {...common} options={lines.map((l) => ({ value: l.id, label: l.kind === 'investering' ? t('economy.lineInvestment', { name: l.name }) : l.name }))} />;
          }
          if (f.kind === 'period') {
            return <SelectField key={f.name} {...common} options={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))} />;
          }
          return <TextField key={f.name} {...common} type={f.kind === 'date' ? 'date' : 'text'} />;
        })}
      </div>
      <div className="actions">
        <Button type="submit" data-size="sm" disabled={correct.isPending}>{t('economy.correct.save')}</Button>
        <Button type="button" data-size="sm" variant="tertiary" onClick={onClose}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}

/**
 * `cells` are the row's own cells; an action cell is added after them. `name` says which entry this is
 * ("prognose 01.12.2023 Lønn"), for the buttons' accessible names.
 */
export function CorrectableRow({ kind, entry, name, cells, fields, lines, columns }: {
  kind: TCorrectable; entry: TEntryRef; name: string; cells: ReactNode; fields: TEntryField[]; lines: TEconomyLine[]; columns: number;
}) {
  const t = useEconomyT();
  const { language } = useI18n();
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm'>('view');
  const remove = useDeleteEntry(kind);
  return (
    <>
      <Table.Row>
        {cells}
        <Table.Cell>
          <div className="actions">
            <Button type="button" data-size="sm" variant="secondary" aria-label={t('economy.correct.editOf', { name })}
              aria-expanded={mode === 'edit'} onClick={() => setMode(mode === 'edit' ? 'view' : 'edit')}>{t('common.edit')}</Button>
            <Button type="button" data-size="sm" variant="tertiary" data-color="danger" aria-label={t('economy.correct.deleteOf', { name })}
              onClick={() => { remove.reset(); setMode('confirm'); }}>{t('common.delete')}</Button>
          </div>
          {mode === 'confirm' ? (
            <ConfirmDialog title={t('economy.correct.deleteOf', { name })} confirmLabel={t('economy.correct.confirmDelete')}
              confirmName={t('economy.correct.confirmDeleteOf', { name })} pending={remove.isPending}
              error={remove.error ? <Paragraph role="alert" data-size="sm">{errorMessage(remove.error, language, t)}</Paragraph> : null}
              onCancel={() => { setMode('view'); remove.reset(); }}
              onConfirm={() => remove.mutate(entry, {
                onSuccess: () => {
                  // The row goes; focus goes to the heading of the section the table is in.
                  focusSectionHeading(document.activeElement);
                  announce(t('economy.correct.deleted', { name }));
                  setMode('view');
                },
              })} />
          ) : null}
        </Table.Cell>
      </Table.Row>
      {mode === 'edit' ? (
        <Table.Row>
          <Table.Cell colSpan={columns}>
            <EntryEditor kind={kind} entry={entry} fields={fields} lines={lines} formId={`correct-${entry.id}`} onClose={() => setMode('view')} />
          </Table.Cell>
        </Table.Row>
      ) : null}
    </>
  );
}

/** The table around CorrectableRows: its caption, the column headings and the Handlinger column. */
export function CorrectableTable({ caption, columns, testId, captionHidden, children }: {
  caption: string; columns: { label: string; numeric?: boolean }[]; testId: string; captionHidden?: boolean; children: ReactNode;
}) {
  const t = useEconomyT();
  return (
    <TableScroll>
      <Table zebra className="full-width" data-testid={testId}>
        <caption className={captionHidden ? 'sr-only' : undefined} style={captionHidden ? undefined : { textAlign: 'left', fontWeight: 600 }}>{caption}</caption>
        <Table.Head>
          <Table.Row>
            {columns.map((c) => (
              <Table.HeaderCell key={c.label} scope="col" style={c.numeric ? { textAlign: 'right' } : undefined}>{c.label}</Table.HeaderCell>
            ))}
            <Table.HeaderCell scope="col">{t('common.actions')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>{children}</Table.Body>
      </Table>
    </TableScroll>
  );
}
