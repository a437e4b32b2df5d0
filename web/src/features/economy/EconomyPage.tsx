// /okonomi: the economy report for staff and the council. Pick a year and a date; read the operating and
// investment tables (whole thousands, as the papers print them), the chart of budget against forecast,
// and download the same as XLSX or PDF. Staff also import ledger files and enter forecasts here.
import { Alert, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
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
import { ReportTable } from './ReportTable';

export function EconomyPage({ year, asOf, onChange }: { year: number; asOf: string; onChange: (next: { year: number; asOf: string }) => void }) {
  const { user } = useSession();
  const report = useEconomyReport(year, asOf);
  const lines = useEconomyLines();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 2015 + 2 }, (_, i) => thisYear + 1 - i);

  return (
    <div className="stack-lg">
      <div className="stack">
        <PageHeading>Økonomi</PageHeading>
        <form className="row" aria-label="Velg år og dato" onSubmit={(e) => e.preventDefault()}>
          <SelectField form="economy" name="year" label="År" value={String(year)}
            onChange={(v) => onChange({ year: Number(v), asOf: defaultAsOf(Number(v)) })}
            options={years.map((y) => ({ value: String(y), label: String(y) }))} />
          <TextField form="economy" name="asOf" label="Rapport pr." type="date" value={asOf}
            onChange={(v) => v && onChange({ year, asOf: v })} />
        </form>
        <div className="actions">
          <DsLink href={reportFileUrl(year, asOf, 'xlsx')} download>Last ned som regneark (XLSX)</DsLink>
          <DsLink href={reportFileUrl(year, asOf, 'pdf')}>Last ned som PDF</DsLink>
        </div>
      </div>

      {report.isPending ? <Loading /> : report.error ? <LoadError error={report.error} /> : (
        <div className="stack-lg">
          <Paragraph>
            {report.data.mode === 'arsslutt'
              ? `Årsavslutning ${year}: Avvik er årsbudsjett minus regnskap.`
              : `Pr. ${formatDate(asOf)}, regnskap til og med periode ${report.data.throughPeriod}. Avvik er årsbudsjett minus prognose; positivt tall er mindreforbruk, negativt merforbruk.`}
          </Paragraph>
          {report.data.operating.rows.length === 0 && report.data.investment.rows.length === 0 ? (
            <Alert data-color="info"><Paragraph>Ingen linjer eller tall for {year} ennå.</Paragraph></Alert>
          ) : null}
          <section className="stack" aria-labelledby="operating-heading">
            <h2 id="operating-heading" style={{ margin: 0 }}>1.1 Driftskostnader</h2>
            <ReportTable caption="Driftskostnader" firstColumn="Type utgift" table={report.data.operating} testId="operating-table" />
            <BudgetChart title="Driftskostnader: årsbudsjett og prognose per linje" table={report.data.operating} testId="operating-chart" />
          </section>
          <section className="stack" aria-labelledby="investment-heading">
            <h2 id="investment-heading" style={{ margin: 0 }}>1.2 Investeringskostnader</h2>
            <ReportTable caption="Investeringskostnader" firstColumn="Prosjekt" table={report.data.investment} testId="investment-table" />
            <BudgetChart title="Investeringer: årsbudsjett og prognose per prosjekt" table={report.data.investment} testId="investment-chart" />
          </section>
          <section className="stack" aria-labelledby="financing-heading">
            <h2 id="financing-heading" style={{ margin: 0 }}>Finansiering og oppgjør</h2>
            <FinancingTables year={year} asOf={asOf} yearEnd={report.data.mode === 'arsslutt'} />
          </section>
        </div>
      )}

      {canWrite(user) ? (
        <section className="stack-lg" aria-labelledby="economy-edit-heading">
          <h2 id="economy-edit-heading" style={{ margin: 0 }}>Registrer tall for {year}</h2>
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
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
  return Number(today.slice(0, 4)) === year ? today : `${year}-12-31`;
}
