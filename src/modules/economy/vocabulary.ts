// The economy's fixed lists, stored as short ASCII keys. Pure, so the tables (pgEnum), the API's
// schemas (zod) and the web import the same list.

/** `drift`: an operating expense type (Lønn, Inntekter …). `investering`: an investment project. */
export const LINE_KINDS = ['drift', 'investering'] as const;
export type TLineKind = (typeof LINE_KINDS)[number];

/** An investment project's state; `pagar` is «pågår». A finished or cancelled one is settled with the members. */
export const PROJECT_STATUSES = ['planlagt', 'pagar', 'avsluttet', 'avlyst'] as const;
export type TProjectStatus = (typeof PROJECT_STATUSES)[number];

/** Where an actual comes from: a ledger import (replaced per period) or an entry by hand. */
export const ACTUAL_SOURCES = ['import', 'manuell'] as const;
export type TActualSource = (typeof ACTUAL_SOURCES)[number];

/** `prognose` during the year (Avvik against the forecast), `arsslutt` after it (against actuals). */
export const REPORT_MODES = ['prognose', 'arsslutt'] as const;
export type TReportMode = (typeof REPORT_MODES)[number];

/** `overfores`: the balance stays with the project into next year; `avregnes`: settled with the members now. */
export const INVESTMENT_TREATMENTS = ['overfores', 'avregnes'] as const;
export type TInvestmentTreatment = (typeof INVESTMENT_TREATMENTS)[number];

/**
 * The funds a municipal body keeps (kommuneloven § 14-3, budsjett- og regnskapsforskriften): `bundet_driftsfond`
 * (bound by law or a donor), `prosjektfond` (set aside for named projects), `disposisjonsfond` (free reserves).
 */
export const FUND_KINDS = ['bundet_driftsfond', 'prosjektfond', 'disposisjonsfond'] as const;
export type TFundKind = (typeof FUND_KINDS)[number];

/**
 * A fund's movements: `inngaende_saldo` the balance it had when samrad took over (once, no decision needed),
 * `avsetning` money put in, `bruk` money taken out; the last two each made by a decision.
 */
export const FUND_MOVEMENT_KINDS = ['inngaende_saldo', 'avsetning', 'bruk'] as const;
export type TFundMovementKind = (typeof FUND_MOVEMENT_KINDS)[number];

/**
 * How an exit settlement (utmeldingsoppgjør) is made: `nokkel` computes the leaving member's share of each
 * fund and of the investment balances carried over by the year's key; `vedtatt_belop` takes only the
 * amounts the council decided instead. Both may carry decided amounts as lines of their own.
 */
export const EXIT_SETTLEMENT_BASES = ['nokkel', 'vedtatt_belop'] as const;
export type TExitSettlementBasis = (typeof EXIT_SETTLEMENT_BASES)[number];

/** `utkast` while the figures may still change; `vedtatt` once the council's case decided it (then frozen). */
export const EXIT_SETTLEMENT_STATUSES = ['utkast', 'vedtatt'] as const;
export type TExitSettlementStatus = (typeof EXIT_SETTLEMENT_STATUSES)[number];

/** A line's origin: a fund's balance by the key, an investment balance carried over by the key, or an amount decided. */
export const EXIT_SETTLEMENT_LINE_KINDS = ['fond', 'investering', 'vedtatt_belop'] as const;
export type TExitSettlementLineKind = (typeof EXIT_SETTLEMENT_LINE_KINDS)[number];
