// Norwegian wording for zod's own validation messages. Schemas that name their message keep it (a
// schema's message wins over this map); everything else, "Invalid UUID", "expected number, received
// NaN" and the like, reaches the client in bokmål instead of zod's English. Installed once, for the whole
// process, by openapi.ts; zod's bundled `no` locale was not used because it leaves type names such as
// "string" and "undefined" in its sentences.
import type { $ZodConfig } from 'zod/v4/core';
import { DATE_FORMAT_MESSAGE } from '../lib/date-schemas.js';

type TIssue = Parameters<NonNullable<$ZodConfig['localeError']>>[0];

const TYPE_NAMES: Record<string, string> = {
  string: 'tekst', number: 'et tall', int: 'et heltall', bigint: 'et heltall', boolean: 'sann eller usann (true/false)',
  array: 'en liste', object: 'et objekt', date: 'en dato', file: 'en fil', null: 'tom (null)',
};

const FORMAT_NAMES: Record<string, string> = {
  uuid: 'Ugyldig identifikator (UUID)', guid: 'Ugyldig identifikator (GUID)', email: 'Ugyldig e-postadresse', url: 'Ugyldig nettadresse',
  datetime: 'Tidspunkt som ISO 8601, f.eks. 2025-03-04T13:00:00+01:00', date: DATE_FORMAT_MESSAGE,
  time: 'Klokkeslett som TT:MM', duration: 'Varighet som ISO 8601', ipv4: 'Ugyldig IPv4-adresse', ipv6: 'Ugyldig IPv6-adresse',
  base64: 'Ugyldig base64', jwt: 'Ugyldig JWT',
};

/** Singular and plural of what is counted: "Høyst 1 element", "Minst 2 elementer". */
const UNITS: Record<string, [string, string]> = {
  string: ['tegn', 'tegn'], array: ['element', 'elementer'], set: ['element', 'elementer'], file: ['byte', 'byte'],
};
const counted = (n: number | bigint, origin: string | undefined) => {
  const unit = UNITS[origin ?? ''];
  return unit ? `${String(n)} ${Number(n) === 1 ? unit[0] : unit[1]}` : null;
};

const quoted = (v: unknown) => (typeof v === 'string' ? `«${v}»` : String(v));

/** One issue in plain bokmål; undefined hands the issue back to zod's default (never reached in practice). */
export function norwegianIssueMessage(issue: TIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'Må fylles ut';
      if (typeof issue.input === 'number' && Number.isNaN(issue.input)) return 'Må være et tall';
      return `Må være ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    }
    case 'invalid_value':
      return issue.values.length === 1 ? `Må være ${quoted(issue.values[0])}` : `Må være en av: ${issue.values.map(quoted).join(', ')}`;
    case 'too_big': {
      const amount = counted(issue.maximum as number | bigint, issue.origin);
      if (amount) return `Høyst ${amount}`;
      return issue.inclusive ? `Høyst ${String(issue.maximum)}` : `Må være mindre enn ${String(issue.maximum)}`;
    }
    case 'too_small': {
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'Må fylles ut';
      const amount = counted(issue.minimum as number | bigint, issue.origin);
      if (amount) return `Minst ${amount}`;
      return issue.inclusive ? `Minst ${String(issue.minimum)}` : `Må være større enn ${String(issue.minimum)}`;
    }
    case 'invalid_format':
      if (issue.format === 'starts_with') return `Må begynne med «${(issue as { prefix?: string }).prefix}»`;
      if (issue.format === 'ends_with') return `Må slutte med «${(issue as { suffix?: string }).suffix}»`;
      if (issue.format === 'includes') return `Må inneholde «${(issue as { includes?: string }).includes}»`;
      return FORMAT_NAMES[issue.format] ?? 'Ugyldig format';
    case 'not_multiple_of':
      return `Må være et multiplum av ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `${issue.keys.length > 1 ? 'Ukjente felt' : 'Ukjent felt'}: ${issue.keys.join(', ')}`;
    case 'invalid_key':
      return 'Ugyldig nøkkel';
    case 'invalid_element':
      return 'Ugyldig verdi i listen';
    case 'invalid_union':
      return 'Ugyldig verdi';
    default:
      return 'Ugyldig verdi';
  }
}
