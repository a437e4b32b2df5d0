// /kundeservice/telefonstatistikk: the phone system's daily queue statistics. Upload the export (with a
// municipality column, when the phone system has a queue or number per municipality), preview the days
// (offered, answered, answer rate, mean wait and talk time) with any row errors, import (the days the
// file covers are replaced), and read the stored days month by month, for all municipalities or one.
import { Alert, Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState, type ChangeEvent } from 'react';
import { useContentLang, useI18n } from '../../../i18n';
import { formatDate, MONTH_NAMES } from '../../../i18n/format';
import { FormErrors, SelectField } from '../../forms/fields';
import { PageIntro } from '../../shell/PageHeading';
import { LoadError, Loading } from '../../shell/states';
import { formatNumber } from '../format';
import { useSdT } from '../messages';
import '../servicedesk.css';
import './import.css';
import { useImportPhoneStats, usePhoneDays, usePreviewPhoneStats, type TPhoneByMunicipality, type TPhoneDay, type TPhonePreview } from './api';
import { useMunicipalities } from '../api';
import { FileForm } from './FileForm';
import { IssuesTable, refusedFileOf, useColumnLabel } from './IssuesTable';
import { formatSeconds, monthRange } from './mapping-text';
import { DataTable } from '../../tables/DataTable';

const percent = (rate: number | null) => (rate === null ? '–' : `${formatNumber(rate, 1)}\u00a0%`);

export function PhoneStatsPage() {
  const t = useSdT();
  const today = new Date();
  const [month, setMonth] = useState({ year: today.getFullYear(), month: today.getMonth() + 1 });
  return (
    <div className="stack-lg sd-import">
      <PageIntro heading={t('phonestats.heading')}>{t('phonestats.intro')}</PageIntro>
      {/* After an import, the list turns to the month of the file's last day. */}
      <Upload onImported={(days) => {
        const last = days.at(-1)?.day;
        if (last) setMonth({ year: Number(last.slice(0, 4)), month: Number(last.slice(5, 7)) });
      }} />
      <StoredDays year={month.year} month={month.month} onChange={setMonth} />
    </div>
  );
}

function Upload({ onImported }: { onImported: (days: TPhoneDay[]) => void }) {
  const t = useSdT();
  const [file, setFile] = useState<File | null>(null);
  const [municipalityColumn, setMunicipalityColumn] = useState('');
  const [result, setResult] = useState<TPhonePreview | null>(null);
  const preview = usePreviewPhoneStats();
  const run = useImportPhoneStats((done) => {
    setResult(done);
    preview.reset();
    onImported(done.days);
  });
  const columnLabel = useColumnLabel('phonestats');
  const refused = refusedFileOf(preview.error);

  useEffect(() => {
    preview.reset();
    run.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file, municipalityColumn]);

  const showPreview = (chosen: File) => {
    setResult(null);
    run.reset();
    preview.mutate({ file: chosen, municipalityColumn });
  };
  const importNow = () => {
    if (file) run.mutate({ file, municipalityColumn });
  };

  return (
    <>
      <section className="stack panel" aria-labelledby="sd-phone-upload-heading">
        <Heading level={2} data-size="xs" id="sd-phone-upload-heading">{t('phonestats.uploadHeading')}</Heading>
        <FileForm form="sd-phone" label={t('phonestats.uploadHeading')} file={file} onFile={(f) => { setFile(f); setResult(null); }}
          error={preview.error} busy={preview.isPending} onPreview={showPreview}>
          <Textfield id="sd-phone-municipalityColumn" name="municipalityColumn" label={t('phonestats.municipalityColumn')}
            description={t('phonestats.municipalityColumnHint')} value={municipalityColumn}
            onChange={(e: ChangeEvent<HTMLInputElement>) => setMunicipalityColumn(e.target.value)} />
        </FileForm>
      </section>
      {refused ? <IssuesTable {...refused} columnLabel={columnLabel} /> : null}
      {preview.data ? <Preview preview={preview.data} importing={run.isPending} error={run.error} onImport={importNow} /> : null}
      {result ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('phonestats.done', { days: formatNumber(new Set(result.days.map((d) => d.day)).size), replaced: formatNumber(result.replacesDays.length) })}</Paragraph>
        </Alert>
      ) : null}
    </>
  );
}

function Preview({ preview, importing, error, onImport }: { preview: TPhonePreview; importing: boolean; error: unknown; onImport: () => void }) {
  const t = useSdT();
  const columnLabel = useColumnLabel('phonestats');
  // The file may have changed since its preview; then the import is refused with its issues too.
  const refused = refusedFileOf(error);
  return (
    <section className="stack panel" aria-labelledby="sd-phone-preview-heading">
      <Heading level={2} data-size="xs" id="sd-phone-preview-heading">{t('phonestats.previewHeading')}</Heading>
      {preview.days.length ? (
        <DaysTable caption={t('phonestats.previewHeading')} days={preview.days} testId="sd-phone-preview"
          totals={{ ...preview.totals }} />
      ) : null}
      <MunicipalityTotals caption={t('phonestats.byMunicipalityPreview')} rows={preview.byMunicipality} testId="sd-phone-preview-municipalities" />
      {preview.replacesDays.length ? <Paragraph>{t('phonestats.replaces', { count: formatNumber(preview.replacesDays.length) })}</Paragraph> : null}
      {refused ? <IssuesTable {...refused} columnLabel={columnLabel} /> : <FormErrors form="sd-phone" error={error} labels={{ file: t('import.file') }} />}
      <div className="actions"><Button type="button" onClick={onImport} loading={importing}>{t('phonestats.run')}</Button></div>
    </section>
  );
}

/**
 * Days with a totals row; mean times are per row as the phone system gives them, so no total is made up
 * for them. Rows of an export with a municipality column say whose calls they were.
 */
function DaysTable({ caption, days, totals, testId }: {
  caption: string; days: TPhoneDay[]; totals: { offered: number; answered: number; answerRate: number | null }; testId: string;
}) {
  const t = useSdT();
  const lang = useContentLang();
  const perMunicipality = days.some((d) => d.municipality);
  const dayCount = new Set(days.map((d) => d.day)).size;
  return (
    <DataTable caption={caption} testId={testId} columns={[
      t('phonestats.day'), ...(perMunicipality ? [t('phonestats.municipality')] : []),
      { label: t('phonestats.offered'), numeric: true }, { label: t('phonestats.answered'), numeric: true },
      { label: t('phonestats.answerRate'), numeric: true }, { label: t('phonestats.meanWait'), numeric: true },
      { label: t('phonestats.meanTalk'), numeric: true },
    ]}>
      {days.map((d) => (
        <Table.Row key={`${d.day}:${d.municipality ?? ''}`}>
          <Table.Cell>{formatDate(d.day)}</Table.Cell>
          {perMunicipality ? <Table.Cell lang={lang}>{d.municipality ?? '–'}</Table.Cell> : null}
          <Table.Cell className="num">{formatNumber(d.offered)}</Table.Cell>
          <Table.Cell className="num">{formatNumber(d.answered)}</Table.Cell>
          <Table.Cell className="num">{percent(d.answerRate)}</Table.Cell>
          <Table.Cell className="num">{formatSeconds(d.meanWaitSeconds)}</Table.Cell>
          <Table.Cell className="num">{formatSeconds(d.meanTalkSeconds)}</Table.Cell>
        </Table.Row>
      ))}
      <Table.Row>
        <Table.HeaderCell scope="row">{`${t('phonestats.total')} (${t('phonestats.daysCount', { count: dayCount })})`}</Table.HeaderCell>
        {perMunicipality ? <Table.Cell /> : null}
        <Table.Cell className="num">{formatNumber(totals.offered)}</Table.Cell>
        <Table.Cell className="num">{formatNumber(totals.answered)}</Table.Cell>
        <Table.Cell className="num">{percent(totals.answerRate)}</Table.Cell>
        <Table.Cell className="num">–</Table.Cell>
        <Table.Cell className="num">–</Table.Cell>
      </Table.Row>
    </DataTable>
  );
}

/** The calls per municipality (the export's unattributed ones on a row of their own); nothing when no row names one. */
function MunicipalityTotals({ caption, rows, testId }: { caption: string; rows: TPhoneByMunicipality; testId: string }) {
  const t = useSdT();
  const lang = useContentLang();
  if (!rows.length) return null;
  return (
    <DataTable caption={caption} testId={testId} columns={[
      t('phonestats.municipality'), { label: t('phonestats.offered'), numeric: true }, { label: t('phonestats.answered'), numeric: true },
      { label: t('phonestats.answerRate'), numeric: true },
    ]}>
      {rows.map((r) => (
        <Table.Row key={r.municipalityId ?? 'none'}>
          <Table.HeaderCell scope="row" lang={r.municipality ? lang : undefined}>{r.municipality ?? t('phonestats.unattributed')}</Table.HeaderCell>
          <Table.Cell className="num">{formatNumber(r.offered)}</Table.Cell>
          <Table.Cell className="num">{formatNumber(r.answered)}</Table.Cell>
          <Table.Cell className="num">{percent(r.answerRate)}</Table.Cell>
        </Table.Row>
      ))}
    </DataTable>
  );
}


function StoredDays({ year, month, onChange }: { year: number; month: number; onChange: (next: { year: number; month: number }) => void }) {
  const t = useSdT();
  const { language } = useI18n();
  const names = MONTH_NAMES[language];
  const range = monthRange(year, month);
  // '' is every municipality's calls, per day; otherwise one municipality's.
  const [municipality, setMunicipality] = useState('');
  const municipalities = useMunicipalities();
  const days = usePhoneDays(range.from, range.to, municipality || undefined);
  const thisYear = new Date().getFullYear();
  // The demo's history starts in 2021 and older exports may be imported: ten years back, and the one shown.
  const years = Array.from(new Set([...Array.from({ length: 11 }, (_, i) => thisYear - i), year])).sort((a, b) => b - a);
  const label = `${names[month - 1]} ${year}`;
  const list = days.data?.days ?? [];
  return (
    <section className="stack" aria-labelledby="sd-phone-days-heading">
      <Heading level={2} data-size="xs" id="sd-phone-days-heading">{t('phonestats.listHeading')}</Heading>
      <div className="grid-form narrow">
        <SelectField form="sd-phone-days" name="year" label={t('phonestats.year')} value={String(year)}
          onChange={(v) => onChange({ year: Number(v), month })} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
        <SelectField form="sd-phone-days" name="month" label={t('phonestats.month')} value={String(month)}
          onChange={(v) => onChange({ year, month: Number(v) })} options={names.map((n, i) => ({ value: String(i + 1), label: n }))} />
        <SelectField form="sd-phone-days" name="municipality" label={t('field.municipality')} value={municipality} placeholder={t('kpi.allMunicipalities')}
          onChange={setMunicipality} options={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))} />
      </div>
      {days.isPending ? <Loading /> : days.error ? <LoadError error={days.error} /> : list.length === 0 ? (
        <Paragraph>{t('phonestats.noDays', { month: label })}</Paragraph>
      ) : (
        <>
          <DaysTable caption={`${t('phonestats.listHeading')}: ${label}`} days={list} testId="sd-phone-days"
            totals={days.data!.totals} />
          <MunicipalityTotals caption={t('phonestats.byMunicipality', { month: label })} rows={days.data!.byMunicipality} testId="sd-phone-municipalities" />
        </>
      )}
    </section>
  );
}
