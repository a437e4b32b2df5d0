// A body's own pattern for its case numbers, beyond the two built-in forms (docs/decisions/0030):
// `{n}/{yy}`, `{yyyy}/{body}{m}-{nnn}`, `{body} {n}/{yy}`. Pure, so the server checks a pattern, the
// numbering renders with it and the web previews it with the same code.
//
//   {n}     the case's number, as it is (7, 41)          {yy}    the year's last two digits (23)
//   {nnn}   the case's number, three digits (007)        {yyyy}  the year (2023)
//   {m}     the meeting's number in the body's year (6)  {body}  the body's prefix (ST, AU)

export const CASE_PATTERN_TOKENS = ['n', 'nnn', 'm', 'yy', 'yyyy', 'body'] as const;
export type TCasePatternToken = (typeof CASE_PATTERN_TOKENS)[number];

const TOKEN = /\{([^{}]*)\}/g;
export const CASE_PATTERN_MAX = 40;

export type TCasePatternValues = { year: number; sequence: number; meetingNumber?: number | null; prefix?: string | null };

/**
 * Why the pattern cannot number the body's cases, in bokmål, or null when it can. `perMeeting`: the
 * body numbers per meeting (the numbers start again in every meeting), so the pattern must hold the
 * meeting's number or two meetings' cases would carry the same number.
 */
export function casePatternProblem(pattern: string, o: { perMeeting: boolean; prefix?: string | null }): string | null {
  if (pattern.trim() !== pattern || !pattern) return 'Mønsteret kan ikke begynne eller slutte med mellomrom';
  if (pattern.length > CASE_PATTERN_MAX) return `Mønsteret kan ha høyst ${CASE_PATTERN_MAX} tegn`;
  const tokens = [...pattern.matchAll(TOKEN)].map((m) => m[1]!);
  const unknown = tokens.find((t) => !(CASE_PATTERN_TOKENS as readonly string[]).includes(t));
  if (unknown !== undefined) return `Ukjent felt {${unknown}}; bruk {n}, {nnn}, {m}, {yy}, {yyyy} eller {body}`;
  if (/[{}]/.test(pattern.replace(TOKEN, ''))) return 'En klamme { eller } står uten sitt felt';
  const running = tokens.filter((t) => t === 'n' || t === 'nnn').length;
  if (running !== 1) return 'Mønsteret må ha saksnummeret nøyaktig én gang: {n} eller {nnn}';
  if (!tokens.includes('yy') && !tokens.includes('yyyy')) return 'Mønsteret må ha året, {yy} eller {yyyy}, så numrene ikke gjentas neste år';
  if (o.perMeeting && !tokens.includes('m')) return 'Nummerering per møte krever møtets nummer {m} i mønsteret';
  if (tokens.includes('body') && !o.prefix?.trim()) return 'Mønsteret bruker {body}; organet trenger et prefiks';
  return null;
}

/** The case number the pattern makes; a case without a meeting prints its {m} as nothing. */
export function formatPatternCaseNumber(pattern: string, v: TCasePatternValues): string {
  const values: Record<TCasePatternToken, string> = {
    n: String(v.sequence),
    nnn: String(v.sequence).padStart(3, '0'),
    m: v.meetingNumber == null ? '' : String(v.meetingNumber),
    yy: String(v.year % 100).padStart(2, '0'),
    yyyy: String(v.year),
    body: v.prefix?.trim() ?? '',
  };
  return pattern.replace(TOKEN, (_, token: TCasePatternToken) => values[token]);
}
