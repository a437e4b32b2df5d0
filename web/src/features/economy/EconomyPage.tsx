// /okonomi: the economy report for staff and the council. Pick a year and a date; read the operating and
// investment tables (whole thousands, as the papers print them), the chart of budget against forecast,
// and download the same as XLSX or PDF. Staff also import ledger files and enter forecasts here.
import { Alert, Button, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useEconomyT, useExitSettlementT } from './messages';
import { osloToday } from '../../../../src/lib/oslo-time';
import { formatDate, formatWholeKroner } from '../../i18n/format';
import { canWrite, useSession } from '../auth/session';
import { SelectField, TextField } from '../forms/fields';
import { PageHeading } from '../shell/PageHeading';
import { LoadError, Loading } from '../shell/states';
import { reportFileUrl, useEconomyLines, useEconomyReport, useFigurePeriods } from './api';
import { BudgetChart } from './BudgetChart';
import { EconomySetup } from './EconomySetup';
import { FinancingTables } from './FinancingTables';
import { FundsSection } from './FundsSection';
import { ExitSettlementSection } from './ExitSettlementSection';
import { ForecastForm } from './ForecastForm';
import { ForecastHistory } from './ForecastHistory';
import { LedgerImport } from './LedgerImport';
import { PublishedCopyNotice } from './PublishedCopyNotice';
import { ReportTable } from './ReportTable';
import type { TReportTable } from './types';

/**
 * Whether the report's last period is a whole month: «Pr. 01.12.2023, regnskap til og med periode 12»
 * would claim December's accounts on its first day, so a date inside the month says the period is open.
 */
function periodClosed(year: number, asOf: string): boolean {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  if (y !== year) return true;
  return d === new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function EconomyPage({ year, asOf, onChange }: { year: number; asOf: string; onChange: (next: { year: number; asOf: string }) => void }) {
  const t = useEconomyT();
  const te = useExitSettlementT();
  const { user } = useSession();
  const report = useEconomyReport(year, asOf);
  const lines = useEconomyLines();
  const periods = useFigurePeriods();
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
              : t(periodClosed(year, asOf) ? 'economy.asOfIntro' : 'economy.asOfIntroPartial', { date: formatDate(asOf), period: report.data.throughPeriod })}
          </Paragraph>
          <PublishedCopyNotice year={year} />
          {!hasFigures(report.data.operating) && !hasFigures(report.data.investment) ? (
            // Said plainly instead of tables of «–» and empty charts, with the ways on: another year, the import.
            <Alert data-color="info" data-testid="economy-empty">
              <Paragraph>{(periods.data ?? []).length === 0 ? t('economy.emptyAnywhere') : t('economy.empty', { year })}</Paragraph>
              <div className="actions">
                {(() => {
                  const other = (periods.data ?? []).find((p) => p.year !== year)?.year ?? year - 1;
                  return <Button type="button" variant="secondary" data-size="sm" onClick={() => onChange({ year: other, asOf: defaultAsOf(other) })}>{t('economy.showYear', { year: other })}</Button>;
                })()}
                {canWrite(user) ? <DsLink href="#ledger-heading">{t('economy.goImport', { year })}</DsLink> : null}
              </div>
            </Alert>
          ) : (
            <>
              <section className="stack" aria-labelledby="operating-heading">
                <h2 id="operating-heading" style={{ margin: 0 }}>{t('economy.operatingHeading')}</h2>
                <ReportTable caption={t('economy.operating')} firstColumn={t('economy.expenseType')} table={report.data.operating} mode={report.data.mode} testId="operating-table" />
                {hasFigures(report.data.operating) ? <BudgetChart title={t('economy.operatingChart')} table={report.data.operating} testId="operating-chart" /> : null}
              </section>
              <section className="stack" aria-labelledby="investment-heading">
                <h2 id="investment-heading" style={{ margin: 0 }}>{t('economy.investmentHeading')}</h2>
                <ReportTable caption={t('economy.investment')} firstColumn={t('economy.project')} table={report.data.investment} mode={report.data.mode} testId="investment-table" />
                {report.data.investmentFrame?.differs ? (
                  <Alert data-color="warning" data-testid="investment-frame-differs">
                    <Paragraph>{t('economy.investmentFrameDiffers', {
                      budget: formatWholeKroner(report.data.investmentFrame.budgetOre), frame: formatWholeKroner(report.data.investmentFrame.frameOre),
                      difference: formatWholeKroner(report.data.investmentFrame.budgetOre - report.data.investmentFrame.frameOre),
                    })}</Paragraph>
                  </Alert>
                ) : null}
                {hasFigures(report.data.investment) ? <BudgetChart title={t('economy.investmentChart')} table={report.data.investment} testId="investment-chart" /> : null}
              </section>
              <section className="stack" aria-labelledby="financing-heading">
                <h2 id="financing-heading" style={{ margin: 0 }}>{t('economy.financingHeading')}</h2>
                <FinancingTables year={year} asOf={asOf} yearEnd={report.data.mode === 'arsslutt'} />
              </section>
            </>
          )}
        </div>
      )}

      {/* Not tied to the ledger's figures either: a cooperation taking samrad into use registers its funds'
          balances before (or without) importing a ledger. */}
      <section className="stack" aria-labelledby="funds-heading">
        <h2 id="funds-heading" style={{ margin: 0 }}>{t('economy.funds.heading')}</h2>
        <FundsSection year={year} canWrite={canWrite(user)} />
      </section>

      {/* Not tied to the chosen year's figures: a leaving is settled whatever year the page shows. */}
      <section className="stack" aria-labelledby="exit-settlement-heading">
        <h2 id="exit-settlement-heading" style={{ margin: 0 }}>{te('exitSettlement.heading')}</h2>
        <ExitSettlementSection canWrite={canWrite(user)} />
      </section>

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

/** A table with at least one figure (a line with neither actuals, budget nor forecast prints as «–»). */
function hasFigures(table: TReportTable): boolean {
  return table.rows.some((r) => r.figures.actual !== 0 || r.figures.budget !== 0 || r.figures.forecast !== 0);
}

/**
 * The year the page opens on without one in the address: the current year once it has actuals, else the
 * newest year with actuals, as of the end of its last imported period (so the date and the period agree).
 */
export function openingPeriod(years: { year: number; lastPeriod: number | null }[], today = osloToday()): { year: number; asOf: string } {
  const current = Number(today.slice(0, 4));
  const withActuals = years.filter((y) => y.lastPeriod !== null);
  const latest = withActuals[0];
  if (!latest || latest.year >= current) return { year: current, asOf: today };
  const end = new Date(Date.UTC(latest.year, latest.lastPeriod!, 0)).toISOString().slice(0, 10);
  return { year: latest.year, asOf: end };
}

/** The current year reports as of today; an earlier year as of its last day. */
export function defaultAsOf(year: number): string {
  const today = osloToday();
  return Number(today.slice(0, 4)) === year ? today : `${year}-12-31`;
}

/**
 * /okonomi for a municipality user: their own municipality's exit settlement, read-only (decision
 * 0040). The cooperation's ledger, forecasts and funds are for staff and the council; a member reads
 * them in the council's papers.
 */
export function MunicipalityEconomyPage() {
  const t = useEconomyT();
  const te = useExitSettlementT();
  return (
    <div className="stack-lg">
      <PageHeading>{t('economy.heading')}</PageHeading>
      <section className="stack" aria-labelledby="exit-settlement-heading">
        <h2 id="exit-settlement-heading" style={{ margin: 0 }}>{te('exitSettlement.heading')}</h2>
        <ExitSettlementSection canWrite={false} own />
      </section>
    </div>
  );
}
