// Which version of a public paper is current, in one statement (decision 0023). Composing a public
// notice reads 7–13 statements (the meeting, its cases, presenters, attachments, votes, legal bases,
// attendance, the notice as sent, and the full agenda to tell whether it changed since); on the embedded
// database each runs on the event loop. Instead, triggers give a meeting's scope a new tag in the same
// transaction as any change to what its papers show, and data that every paper shows (bodies, people,
// municipalities, legal bases, the cooperation's letterhead) moves the 'shared' tag. A paper rendered while both tags held is the
// paper until either moves, so a cache keyed by them needs no other invalidation.
//
// The triggers are installed after the migrations (drizzle-kit does not describe triggers), idempotently.
// Every table a public paper reads must be listed here; paper-revisions.test.ts checks the list against
// the tables the composition actually reads.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

/** Tables whose rows belong to one meeting: [table, column, what the column names]. */
export const MEETING_TABLES = [
  ['meetings', 'id', 'meeting'],
  ['cases', 'meeting_id', 'meeting'],
  ['attendance', 'meeting_id', 'meeting'],
  ['notice_versions', 'meeting_id', 'meeting'],
  ['archived_documents', 'meeting_id', 'meeting'],
  ['attachments', 'case_id', 'case'],
  ['case_presenters', 'case_id', 'case'],
  ['case_votes', 'case_id', 'case'],
] as const;

/** Tables every paper may show a row of. */
export const SHARED_TABLES = ['cooperations', 'bodies', 'people', 'municipalities', 'legal_bases'] as const;

export const SHARED_SCOPE = 'shared';

const FUNCTIONS = [`
create or replace function samrad_paper_meeting_changed() returns trigger language plpgsql as $fn$
declare
  ids text[] := '{}';
begin
  if TG_OP <> 'INSERT' then ids := ids || (to_jsonb(OLD) ->> TG_ARGV[0]); end if;
  if TG_OP <> 'DELETE' then ids := ids || (to_jsonb(NEW) ->> TG_ARGV[0]); end if;
  if TG_ARGV[1] = 'case' then
    select coalesce(array_agg(c.meeting_id::text), '{}') into ids from cases c where c.id::text = any(ids) and c.meeting_id is not null;
  end if;
  insert into paper_revisions (scope, tag)
    select s, gen_random_uuid() from (select distinct s from unnest(ids) s where s is not null) d
    on conflict (scope) do update set tag = excluded.tag;
  return null;
end $fn$`, `
create or replace function samrad_paper_shared_changed() returns trigger language plpgsql as $fn$
begin
  insert into paper_revisions (scope, tag) values ('${SHARED_SCOPE}', gen_random_uuid())
    on conflict (scope) do update set tag = excluded.tag;
  return null;
end $fn$`];

/** Every statement that installs the triggers, in order (the test template hashes them too). */
export const PAPER_REVISION_DDL: readonly string[] = [
  ...FUNCTIONS,
  ...MEETING_TABLES.flatMap(([table, column, kind]) => [
    `create or replace trigger samrad_paper_rows after insert or update or delete on ${table}
      for each row execute function samrad_paper_meeting_changed('${column}', '${kind}')`,
    // A truncate names no rows: every paper is stale.
    `create or replace trigger samrad_paper_truncate after truncate on ${table}
      for each statement execute function samrad_paper_shared_changed()`,
  ]),
  ...SHARED_TABLES.map((table) => `create or replace trigger samrad_paper_shared after insert or update or delete or truncate on ${table}
      for each statement execute function samrad_paper_shared_changed()`),
];

/** Installs (or renews) the triggers; safe to run on every start. */
export async function ensurePaperRevisionTriggers(db: DbOrTx): Promise<void> {
  for (const statement of PAPER_REVISION_DDL) await db.execute(sql.raw(statement));
}

/** The tags a public paper of this meeting (or of this case's meeting) was made under; null when there is no such meeting. */
export type TPaperVersion = { meetingId: string; meetingTag: string; sharedTag: string };

export async function paperVersion(db: DbOrTx, of: { meetingId: string } | { caseId: string }): Promise<TPaperVersion | null> {
  const result = await db.execute<{ meeting_id: string; meeting_tag: string | null; shared_tag: string | null }>('meetingId' in of
    ? sql`select m.id as meeting_id, r.tag as meeting_tag, s.tag as shared_tag from meetings m
        left join paper_revisions r on r.scope = m.id::text left join paper_revisions s on s.scope = ${SHARED_SCOPE}
        where m.id = ${of.meetingId}`
    : sql`select c.meeting_id, r.tag as meeting_tag, s.tag as shared_tag from cases c
        left join paper_revisions r on r.scope = c.meeting_id::text left join paper_revisions s on s.scope = ${SHARED_SCOPE}
        where c.id = ${of.caseId} and c.meeting_id is not null`);
  const row = (result as unknown as { rows: { meeting_id: string; meeting_tag: string | null; shared_tag: string | null }[] }).rows[0];
  if (!row) return null;
  // No row yet: nothing changed since the triggers were installed (which the cache's start postdates).
  return { meetingId: row.meeting_id, meetingTag: row.meeting_tag ?? 'none', sharedTag: row.shared_tag ?? 'none' };
}

export const sameVersion = (a: TPaperVersion | null, b: TPaperVersion | null) =>
  a !== null && b !== null && a.meetingId === b.meetingId && a.meetingTag === b.meetingTag && a.sharedTag === b.sharedTag;

/** The current version (the tags a cache slot names, `meeting/shared`) of each of these meetings; a meeting gone has none. */
export async function currentPaperVersions(db: DbOrTx, meetingIds: readonly string[]): Promise<Map<string, string>> {
  const versions = new Map<string, string>();
  if (meetingIds.length === 0) return versions;
  const result = await db.execute<{ meeting_id: string; meeting_tag: string | null; shared_tag: string | null }>(sql`
    select m.id as meeting_id, r.tag as meeting_tag, s.tag as shared_tag from meetings m
      left join paper_revisions r on r.scope = m.id::text left join paper_revisions s on s.scope = ${SHARED_SCOPE}
      where m.id::text = any(${`{${meetingIds.join(',')}}`}::text[])`);
  for (const row of (result as unknown as { rows: { meeting_id: string; meeting_tag: string | null; shared_tag: string | null }[] }).rows) {
    versions.set(row.meeting_id, paperVersionTag({ meetingId: row.meeting_id, meetingTag: row.meeting_tag ?? 'none', sharedTag: row.shared_tag ?? 'none' }));
  }
  return versions;
}

/** A version as a cache slot names it. */
export const paperVersionTag = (v: TPaperVersion) => `${v.meetingTag}/${v.sharedTag}`;

/** What a sweep needs of a paper cache (documents/cached-papers.ts). */
export type TSweptPaperCache = { groupsFiled(): string[]; retireSuperseded(versions: ReadonlyMap<string, string>): Promise<number> };

/** Removes the filed papers of every meeting whose version moved since they were filed: one statement per cache. */
export async function retireSupersededPapers(db: DbOrTx, caches: readonly TSweptPaperCache[]): Promise<number> {
  let removed = 0;
  for (const cache of caches) {
    const groups = cache.groupsFiled();
    if (groups.length === 0) continue;
    removed += await cache.retireSuperseded(await currentPaperVersions(db, groups));
  }
  return removed;
}

