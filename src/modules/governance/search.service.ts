// Full-text search over cases and decisions with Postgres' Norwegian configuration. Staff and council
// search everything (search_vector); everyone else searches public_search_vector of published meetings,
// which holds only the number and public title of an exempt case, and their snippets are built from
// the same public text. Filters that would reveal something about an exempt case's content (its type,
// its presenters' municipality) match public cases only for those viewers.
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { SessionUser } from '../../server/context.js';
import { bodyRows } from '../org/bodies.service.js';
import { personRows } from '../org/people.service.js';
import type { TSearchQuery } from './model.js';
import { renderLegalBasis } from './legal-basis.js';
import { meetingLabel } from './numbering.js';
import { attendance, casePresenters, cases, legalBases, meetings } from './schema.js';
import { canReadAll } from './policy.js';

const bodies = bodyRows();
const people = personRows();
import { publicDisclosureSql } from './views.service.js';
import type { TCaseAccess, TCaseType } from './vocabulary.js';

/** The search query as the API takes it (`body`, `municipality`: ids). */
export type TSearchCasesOptions = TSearchQuery;

export type TSearchHit = {
  /** Null for an exempt case in a public result: there is nothing of it to open. */
  caseId: string | null;
  number: string;
  /** The case's title; of an exempt case in a public result, its public title. */
  title: string;
  access: TCaseAccess;
  /** Why an exempt case is exempt, as the papers cite it; null for a public case. */
  legalBasis: string | null;
  caseType: TCaseType | null;
  meeting: { id: string; bodyName: string; year: number; numberLabel: string; date: string } | null;
  /**
   * An excerpt with the hits between « and », and no other « or » (plain text, never markup); empty for
   * an exempt case in a public result, whose only text is the public title the hit already shows.
   */
  snippet: string;
  rank: number;
};

const HEADLINE_OPTIONS = 'StartSel=«, StopSel=», MaxFragments=2, MaxWords=25, MinWords=8, FragmentDelimiter=" … "';

export async function searchCases(db: DbOrTx, viewer: SessionUser | null, options: TSearchCasesOptions): Promise<TSearchHit[]> {
  const full = canReadAll(viewer);
  const q = options.q?.trim() ?? '';
  const query = sql`websearch_to_tsquery('norwegian', ${q})`;
  const vector = full ? cases.searchVector : cases.publicSearchVector;
  const isPublicCase = sql`${cases.access} = 'offentlig'`;
  // The text a snippet may come from: all of it for staff, only the public title of an exempt case otherwise.
  const fullText = sql`concat_ws(' ', ${cases.title}, ${cases.description}, ${cases.proposal}, ${cases.decisionText}, ${cases.treatment})`;
  const document = full ? fullText : sql`case when ${isPublicCase} then ${fullText} else coalesce(${cases.publicTitle}, '') end`;

  const where: SQL[] = [];
  if (q) where.push(sql`${vector} @@ ${query}`);
  // The public finds a case once its agenda is public, and one with a decision only once the minutes are
  // approved (decision 0016): neither a hit nor a snippet may come from a draft.
  if (!full) {
    where.push(publicDisclosureSql.agenda);
    where.push(sql`(${publicDisclosureSql.minutes} or (${cases.decisionText} is null and ${cases.treatment} is null))`);
  }
  if (options.body) where.push(eq(cases.bodyId, options.body));
  if (options.year) where.push(eq(cases.year, options.year));
  if (options.type) where.push(full ? eq(cases.caseType, options.type) : and(eq(cases.caseType, options.type), isPublicCase)!);
  if (options.municipality) {
    const presentedFrom = sql`exists (select 1 from ${casePresenters} join ${people} on ${people.id} = ${casePresenters.personId}
      where ${casePresenters.caseId} = ${cases.id} and ${people.municipalityId} = ${options.municipality})`;
    const attendedBy = sql`exists (select 1 from ${attendance} where ${attendance.meetingId} = ${cases.meetingId}
      and ${attendance.role} = 'til_stede' and ${attendance.municipalityId} = ${options.municipality})`;
    where.push(full ? sql`(${presentedFrom} or ${attendedBy})` : sql`((${isPublicCase} and ${presentedFrom}) or (${publicDisclosureSql.minutes} and ${attendedBy}))`);
  }

  const rank = q ? sql<number>`ts_rank(${vector}, ${query})` : sql<number>`0::real`;
  // « and » mark the hits, so the text's own guillemets (Norwegian quotes, «sitat») are shown as ‹ and ›
  // in the snippet: otherwise a quoted word would read as a hit.
  const excerpted = sql`translate(${document}, '«»', '‹›')`;
  const snippet = q
    ? sql<string>`ts_headline('norwegian', ${excerpted}, ${query}, ${HEADLINE_OPTIONS})`
    : sql<string>`left(${excerpted}, 200)`;
  const rows = await db
    .select({
      id: cases.id, number: cases.number, title: cases.title, publicTitle: cases.publicTitle, access: cases.access, legalBasisId: cases.legalBasisId,
      caseType: cases.caseType, meetingId: meetings.id, bodyName: bodies.name, year: cases.year,
      meetingNumber: meetings.number, date: meetings.date, rank, snippet,
    })
    .from(cases)
    .innerJoin(bodies, eq(bodies.id, cases.bodyId))
    .leftJoin(meetings, eq(meetings.id, cases.meetingId))
    .where(and(...where))
    .orderBy(...(q ? [desc(rank)] : []), desc(meetings.date), desc(cases.sequence))
    .limit(Math.min(options.limit ?? 50, 200))
    .offset(options.offset ?? 0);

  const basisIds = [...new Set(rows.filter((r) => r.access === 'unntatt' && r.legalBasisId).map((r) => r.legalBasisId!))];
  const citations = new Map((basisIds.length ? await db.select().from(legalBases).where(inArray(legalBases.id, basisIds)) : [])
    .map((b) => [b.id, renderLegalBasis(b)]));
  return rows.map((r) => {
    const hidden = !full && r.access === 'unntatt';
    return {
      caseId: hidden ? null : r.id,
      number: r.number,
      // The same words as the public meeting page gives an exempt case (views.service redactCase).
      title: hidden ? r.publicTitle ?? 'Unntatt offentlighet' : r.title,
      access: r.access,
      legalBasis: r.access === 'unntatt' ? (r.legalBasisId ? citations.get(r.legalBasisId) : undefined) ?? 'Unntatt offentlighet' : null,
      caseType: hidden ? null : r.caseType,
      meeting: r.meetingId && r.meetingNumber != null && r.date
        ? { id: r.meetingId, bodyName: r.bodyName, year: r.year, numberLabel: meetingLabel(r.meetingNumber), date: r.date }
        : null,
      snippet: hidden ? '' : r.snippet ?? '',
      rank: Number(r.rank),
    };
  });
}
