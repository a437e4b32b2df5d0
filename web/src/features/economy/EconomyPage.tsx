// /okonomi: the economy report for staff and the council. Pick a year and a date; read the operating and
// investment tables (whole thousands, as the papers print them), the chart of budget against forecast,
// and download the same as XLSX or PDF. Staff also import ledger files and enter forecasts here.
import { Alert, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useEconomyT } from './messages';
import { osloToday } from '../../../../src/lib/oslo-time';
import { formatDate } from '../../i18n/format';
import { canWrite, useSession } from '../auth/session';
import { SelectField, TextField } from '../forms/fields';
import { PageHeading } from '../shell/PageHeading';
import { LoadError, Loading } from '../shell/states';
import { reportFileUrl, useEconomyLines, useEconomyReport } from './api';
import { BudgetChart } from './BudgetChart';
import { EconomySetup } from './EconomySetup';
import { FinancingTables } from './FinancingTables';
import { ForecastForm } from './ForecastForm';
import { ForecastHistory } from './ForecastHistory';
import { LedgerImport } from './LedgerImport';
import { PublishedCopyNotice } from './PublishedCopyNotice';
import { ReportTable } from './ReportTable';

export function EconomyPage({ year, asOf, onChange }: { year: number; asOf: string; onChange: (next: { year: number; asOf: string }) => void }) {
  const t = useEconomyT();
  const { user } = useSession();
  const report = useEconomyReport(year, asOf);
  const lines = useEconomyLines();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 2015 + 2 }, (_, i) => thisYear + 1 - i);

  return (
    <div className="stack-lg">
      <div className="stack">
        <PageHeading>{t('economy.heading')}</PageHeading>
        <form className="row" aria-label={t('economy.pickYearAndDate')} onSubmit={(e) => e.preventDefault()}>
          <SelectField form="economy" name="year" label={t('economy.year')} value={String(year)}
            onChange={(v) => onChange({ year: Number(v), asOf: defaultAsOf(Number(v)) })}
            options={years.map((y) => ({ value: String(y), label: String(y) }))} />
          <TextField form="economy" name="asOf" label={t('economy.asOf')} type="date" value={asOf}
            onChange={(v) => v && onChange({ year, asOf: v })} />
        </form>
        <div className="actions">
          <DsLink href={reportFileUrl(year, asOf, 'xlsx')} download>{t('economy.downloadXlsx')}</DsLink>
          <DsLink href={reportFileUrl(year, asOf, 'pdf')}>{t('economy.downloadPdf')}</DsLink>
        </div>
      </div>

      {report.isPending ? <Loading /> : report.error ? <LoadError error={report.error} /> : (
        <div className="stack-lg">
          <Paragraph>
            {report.data.mode === 'arsslutt'
              ? t('economy.yearEndIntro', { year })
              : t('economy.asOfIntro', { date: formatDate(asOf), period: report.data.throughPeriod })}
          </Paragraph>
          <PublishedCopyNotice year={year} />
          {report.data.operating.rows.length === 0 && report.data.investment.rows.length === 0 ? (
            <Alert data-color="info"><Paragraph>{t('economy.noFigures', { year })}</Paragraph></Alert>
          ) : null}
          <section className="stack" aria-labelledby="operating-heading">
            <h2 id="operating-heading" style={{ margin: 0 }}>{t('economy.operatingHeading')}</h2>
            <ReportTable caption={t('economy.operating')} firstColumn={t('economy.expenseType')} table={report.data.operating} testId="operating-table" />
            <BudgetChart title={t('economy.operatingChart')} table={report.data.operating} testId="operating-chart" />
          </section>
          <section className="stack" aria-labelledby="investment-heading">
            <h2 id="investment-heading" style={{ margin: 0 }}>{t('economy.investmentHeading')}</h2>
            <ReportTable caption={t('economy.investment')} firstColumn={t('economy.project')} table={report.data.investment} testId="investment-table" />
            <BudgetChart title={t('economy.investmentChart')} table={report.data.investment} testId="investment-chart" />
          </section>
          <section className="stack" aria-labelledby="financing-heading">
            <h2 id="financing-heading" style={{ margin: 0 }}>{t('economy.financingHeading')}</h2>
            <FinancingTables year={year} asOf={asOf} yearEnd={report.data.mode === 'arsslutt'} />
          </section>
        </div>
      )}

      {canWrite(user) ? (
        <section className="stack-lg" aria-labelledby="economy-edit-heading">
          <h2 id="economy-edit-heading" style={{ margin: 0 }}>{t('economy.editHeading', { year })}</h2>
          <LedgerImport year={year} />
          {lines.data ? <ForecastForm year={year} defaultDate={asOf} lines={lines.data.filter((l) => l.active)} /> : null}
          {lines.data ? <ForecastHistory year={year} lines={lines.data} /> : null}
          {lines.data ? <EconomySetup year={year} lines={lines.data} /> : null}
        </section>
      ) : null}
    </div>
  );
}

/** The current year reports as of today; an earlier year as of its last day. */
export function defaultAsOf(year: number): string {
  const today = osloToday();
  return Number(today.slice(0, 4)) === year ? today : `${year}-12-31`;
}
