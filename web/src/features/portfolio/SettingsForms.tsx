// What the portfolio is set up with: the kinds of project the cooperation runs (a building project with
// weekly status, an investment project …) and SSB's inhabitants per member municipality and year, which
// the population-based cost splits read. Staff keep both here instead of through the API.
import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { CheckboxField, FormErrors, TextField } from '../forms/fields';
import { LoadError, Loading } from '../shell/states';
import { TableScroll } from '../tables/TableScroll';
import { useCreateProjectKind, usePopulations, useProjectKinds, useSetPopulations } from './api';
import { localError } from './form-parts';
import { usePortfolioT } from './messages';

export function ProjectKindForm() {
  const t = usePortfolioT();
  const kinds = useProjectKinds();
  const [name, setName] = useState('');
  const [weekly, setWeekly] = useState(false);
  const write = useCreateProjectKind({ onDone: () => { setName(''); setWeekly(false); } });
  const submit = (e: FormEvent) => { e.preventDefault(); write.mutate({ name, weeklyStatus: weekly, sortOrder: kinds.data?.length ?? 0 }); };
  return (
    <form className="stack" aria-labelledby="kind-form-heading" noValidate onSubmit={submit} data-testid="kind-form">
      <h3 id="kind-form-heading" style={{ margin: 0 }}>{t('portfolio.settings.kinds')}</h3>
      {kinds.data?.length ? (
        <ul>{kinds.data.map((k) => <li key={k.id} lang="nb">{k.name}{k.weeklyStatus ? ` (${t('portfolio.settings.weekly')})` : ''}</li>)}</ul>
      ) : null}
      <FormErrors form="kind" error={write.error} labels={{ name: t('portfolio.settings.kindName') }} />
      <TextField form="kind" name="name" label={t('portfolio.settings.kindName')} value={name} onChange={setName} error={write.error} required />
      <CheckboxField form="kind" name="weeklyStatus" label={t('portfolio.settings.weeklyLabel')} checked={weekly} onChange={setWeekly} />
      <div className="actions">
        <Button type="submit" disabled={write.isPending}>{t('portfolio.settings.addKind')}</Button>
        {write.isSuccess ? <Paragraph role="status" data-size="sm">{t('portfolio.settings.saved')}</Paragraph> : null}
      </div>
    </form>
  );
}

export function PopulationsForm() {
  const t = usePortfolioT();
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const valid = /^\d{4}$/.test(year);
  return (
    <div className="stack" data-testid="populations-form">
      <h3 id="populations-heading" style={{ margin: 0 }}>{t('portfolio.settings.populations')}</h3>
      <Paragraph data-size="sm">{t('portfolio.settings.populationsHint')}</Paragraph>
      <TextField form="populations-year" name="year" label={t('portfolio.settings.year')} value={year} onChange={setYear} />
      {valid ? <PopulationsYear key={year} year={Number(year)} /> : null}
    </div>
  );
}

function PopulationsYear({ year }: { year: number }) {
  const t = usePortfolioT();
  const populations = usePopulations(year);
  const write = useSetPopulations(year);
  const [edited, setEdited] = useState<Record<string, string>>({});
  const [local, setLocal] = useState<Error | null>(null);
  if (populations.isPending) return <Loading />;
  if (populations.error) return <LoadError error={populations.error} />;
  const rows = populations.data.rows;
  const value = (id: string, stored: number | null) => edited[id] ?? (stored === null ? '' : String(stored));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const entered = rows.map((r) => ({ municipalityId: r.municipalityId, name: r.name, text: value(r.municipalityId, r.inhabitants).replace(/[\s\u00a0\u202f]/g, '') }))
      .filter((r) => r.text !== '');
    const bad = entered.find((r) => !/^\d{1,8}$/.test(r.text) || Number(r.text) < 1);
    if (bad) { setLocal(localError(`inhabitants-${bad.municipalityId}`, t('portfolio.settings.badNumber', { name: bad.name }))); return; }
    setLocal(null);
    write.mutate({ rows: entered.map((r) => ({ municipalityId: r.municipalityId, inhabitants: Number(r.text) })) });
  };
  return (
    <form className="stack" aria-labelledby="populations-heading" noValidate onSubmit={submit}>
      <FormErrors form="populations" error={local ?? write.error} />
      <TableScroll label={t('portfolio.settings.populationsCaption', { year })}>
        <Table className="full-width">
          <caption style={{ textAlign: 'left', fontWeight: 600 }}>{t('portfolio.settings.populationsCaption', { year })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('portfolio.settings.municipality')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('portfolio.settings.inhabitants')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((r) => (
              <Table.Row key={r.municipalityId}>
                <Table.HeaderCell scope="row" style={{ fontWeight: 400 }}>{r.name}</Table.HeaderCell>
                <Table.Cell className="field--in-row">
                  <TextField form="populations" name={`inhabitants-${r.municipalityId}`} label={t('portfolio.settings.inhabitantsOf', { name: r.name })}
                    value={value(r.municipalityId, r.inhabitants)} onChange={(v) => setEdited({ ...edited, [r.municipalityId]: v })} error={local} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      <div className="actions">
        <Button type="submit" disabled={write.isPending || rows.length === 0}>{t('portfolio.settings.savePopulations')}</Button>
        {write.isSuccess && !local ? <Paragraph role="status" data-size="sm">{t('portfolio.settings.saved')}</Paragraph> : null}
      </div>
    </form>
  );
}
