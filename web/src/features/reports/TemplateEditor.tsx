// /rapporter/maler: the admin edits each kind's section tree as an indented list. Every row is a title
// with buttons to move it up, down, in and out a level, or delete it; numbers follow from the order and
// levels. The whole tree is saved at once with the revision read (409 when someone saved in between).
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { FormErrors } from '../forms/fields';
import { PageHeading } from '../shell/PageHeading';
import { LoadError, Loading } from '../shell/states';
import { type TTemplate, useSaveTemplate, useTemplates } from './api';
import { useReportsT } from './messages';
import './reports.css';

type TRow = { key: string; depth: number; title: string; ownerUserIds: string[] };
const KINDS = ['aktivitetsrapport', 'arsrapport'] as const;

function rowsOf(template: TTemplate | undefined): TRow[] {
  return (template?.sections ?? []).map((s) => ({ key: s.id, depth: s.depth, title: s.title, ownerUserIds: s.ownerUserIds }));
}

/** Numbers as the server gives them: 1, 1.1, 2 … from the rows' order and depth. */
function numbersOf(rows: TRow[]): string[] {
  const counters: number[] = [];
  return rows.map((r) => {
    counters.length = r.depth;
    counters[r.depth - 1] = (counters[r.depth - 1] ?? 0) + 1;
    for (let i = 0; i < r.depth - 1; i++) counters[i] ??= 1;
    return counters.join('.');
  });
}

function TemplateForm({ kind, template }: { kind: (typeof KINDS)[number]; template: TTemplate | undefined }) {
  const t = useReportsT();
  const save = useSaveTemplate();
  const [rows, setRows] = useState<TRow[]>(() => rowsOf(template));
  const [saved, setSaved] = useState(false);
  useEffect(() => { setRows(rowsOf(template)); }, [template]);
  const numbers = numbersOf(rows);
  const change = (next: TRow[]) => { setRows(next); setSaved(false); };
  const move = (i: number, to: number) => {
    if (to < 0 || to >= rows.length) return;
    const next = [...rows];
    const [row] = next.splice(i, 1);
    next.splice(to, 0, row!);
    change(fixDepths(next));
  };
  const indent = (i: number, by: number) => change(fixDepths(rows.map((r, j) => (j === i ? { ...r, depth: Math.max(1, Math.min(5, r.depth + by)) } : r))));
  const form = `template-${kind}`;
  const stale = save.error instanceof ApiError && save.error.code === 'stale';
  return (
    <form className="stack panel" aria-labelledby={`${form}-heading`} onSubmit={(e) => {
      e.preventDefault();
      const parents: string[] = [];
      const sections = rows.map((r) => {
        parents.length = r.depth - 1;
        const parentKey = r.depth > 1 ? parents[r.depth - 2] ?? null : null;
        parents[r.depth - 1] = r.key;
        return { key: r.key, parentKey, title: r.title, ownerUserIds: r.ownerUserIds };
      });
      save.mutate({ id: template?.id ?? null, body: { kind, revision: template?.revision ?? 1, name: template?.name ?? t(`reports.kind.${kind}`), sections } },
        { onSuccess: () => setSaved(true) });
    }}>
      <Heading level={2} data-size="sm" id={`${form}-heading`}>{t('reports.templateFor', { kind: t(`reports.kind.${kind}`) })}</Heading>
      {!template ? <Paragraph>{t('reports.noTemplate')}</Paragraph> : null}
      {stale ? <Alert data-color="warning"><Paragraph>{t('reports.stale')}</Paragraph></Alert> : <FormErrors form={form} error={save.error} />}
      {saved ? <Paragraph role="status">{t('reports.saved')}</Paragraph> : null}
      <ol className="template-tree">
        {rows.map((r, i) => (
          <li key={r.key} className="template-tree__row" style={{ paddingInlineStart: `${(r.depth - 1) * 1.25}rem` }}>
            <Textfield id={`${form}-${i}`} label={t('reports.sectionTitle', { number: numbers[i]! })} value={r.title}
              onChange={(e) => change(rows.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)))} />
            <div className="row template-tree__buttons">
              <Button type="button" variant="tertiary" data-size="sm" aria-label={t('reports.moveUp', { title: r.title })} onClick={() => move(i, i - 1)}>↑</Button>
              <Button type="button" variant="tertiary" data-size="sm" aria-label={t('reports.moveDown', { title: r.title })} onClick={() => move(i, i + 1)}>↓</Button>
              <Button type="button" variant="tertiary" data-size="sm" aria-label={t('reports.outdent', { title: r.title })} onClick={() => indent(i, -1)}>←</Button>
              <Button type="button" variant="tertiary" data-size="sm" aria-label={t('reports.indent', { title: r.title })} onClick={() => indent(i, 1)}>→</Button>
              <Button type="button" variant="tertiary" data-size="sm" aria-label={t('reports.removeSection', { title: r.title })}
                onClick={() => change(fixDepths(rows.filter((_, j) => j !== i)))}>✕</Button>
            </div>
          </li>
        ))}
      </ol>
      <div className="row">
        <Button type="button" variant="secondary" onClick={() => change([...rows, { key: `new-${Date.now()}-${rows.length}`, depth: 1, title: t('reports.newSection'), ownerUserIds: [] }])}>
          {t('reports.addSection')}
        </Button>
        <Button type="submit" disabled={save.isPending}>{template ? t('reports.saveTemplate') : t('reports.createTemplate')}</Button>
      </div>
    </form>
  );
}

/** A row may be at most one level deeper than the row before it. */
function fixDepths(rows: TRow[]): TRow[] {
  let previous = 0;
  return rows.map((r) => {
    const depth = Math.max(1, Math.min(r.depth, previous + 1));
    previous = depth;
    return depth === r.depth ? r : { ...r, depth };
  });
}

export function TemplateEditor() {
  const t = useReportsT();
  const templates = useTemplates(true);
  return (
    <div className="stack">
      <PageHeading>{t('reports.templates')}</PageHeading>
      {templates.isPending ? <Loading /> : templates.error ? <LoadError error={templates.error} /> : KINDS.map((kind) => (
        <TemplateForm key={kind} kind={kind} template={templates.data.find((x) => x.kind === kind)} />
      ))}
    </div>
  );
}
