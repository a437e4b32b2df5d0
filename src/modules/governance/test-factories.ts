// Test data builders for governance tests (not used by the product). Each builds the smallest valid
// row and lets a test override what it cares about.
import { randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { Db } from '../../db/client.js';
import { systemActor } from '../../server/context.js';
import type { Role } from '../../server/context.js';
import { createUser } from '../org/users.service.js';
import { bodies, bodyMembers, cooperations, municipalities, people } from '../org/schema.js';
import { attachments, cases, legalBases, meetings } from './schema.js';

export const TEST_PASSWORD = 'correct horse battery';

export async function buildCooperation(db: Db) {
  const [coop] = await db.insert(cooperations).values({ name: 'ROR-IKT', shortName: 'ROR-IKT' }).returning();
  return coop!;
}

export async function buildMunicipality(db: Db, name = `Kommune ${randomUUID().slice(0, 6)}`) {
  const [m] = await db.insert(municipalities).values({ name }).returning();
  return m!;
}

export async function buildBody(db: Db, o: Partial<typeof bodies.$inferInsert> & { cooperationId: string }) {
  const [b] = await db.insert(bodies).values({ name: `Samarbeidsråd ${randomUUID().slice(0, 6)}`, ...o }).returning();
  return b!;
}

export async function buildPerson(db: Db, o: Partial<typeof people.$inferInsert> = {}) {
  const [p] = await db.insert(people).values({ familyName: 'Gjørtz', givenName: 'Fred', ...o }).returning();
  return p!;
}

export async function buildBodyMember(db: Db, o: typeof bodyMembers.$inferInsert) {
  const [m] = await db.insert(bodyMembers).values(o).returning();
  return m!;
}

export async function buildMeeting(db: Db, o: Partial<typeof meetings.$inferInsert> & { bodyId: string }) {
  const [m] = await db.insert(meetings).values({
    year: 2023, number: 6, date: '2023-12-13', startTime: '09:00', endTime: '12:00', place: 'Molde rådhus', ...o,
  }).returning();
  return m!;
}

export async function buildCase(db: Db, o: Partial<typeof cases.$inferInsert> & { bodyId: string; meetingId: string; sequence: number }) {
  const [c] = await db.insert(cases).values({
    year: 2023, position: o.sequence, number: `2023/M6-${String(o.sequence).padStart(3, '0')}`,
    title: `Sak ${o.sequence}`, caseType: 'vedtak', ...o,
  }).returning();
  return c!;
}

/** An attachment row for read-model tests; its bytes are not in any file store. */
export async function buildAttachment(db: Db, o: { caseId: string; filename: string; size?: number }) {
  const [a] = await db.insert(attachments).values({
    caseId: o.caseId, filename: o.filename, contentType: 'application/pdf', size: o.size ?? 16, sha256: 'f'.repeat(64),
  }).returning();
  return a!;
}

export async function legalBasisByCode(db: Db, code: string) {
  const rows = await db.select().from(legalBases);
  const basis = rows.find((b) => b.code === code);
  if (!basis) throw new Error(`no legal basis ${code}`);
  return basis;
}

/** One account per role, all with TEST_PASSWORD, e-mails `<role>@<tag>.test`. */
export async function buildUsers(db: Db, tag: string, municipalityId?: string) {
  const roles: Role[] = ['admin', 'staff', 'council', 'municipality'];
  const out = {} as Record<Role, Awaited<ReturnType<typeof createUser>>>;
  for (const role of roles) {
    out[role] = await createUser(db, systemActor, {
      email: `${role}@${tag}.test`, name: `${role} ${tag}`, role, password: TEST_PASSWORD,
      municipalityId: role === 'municipality' ? municipalityId ?? null : null,
    });
  }
  return out;
}

/**
 * A cooperation with a council (meeting numbering) and a board numbered the old way (ST 39/18), two
 * people, one account per role and a signed-in client for each (anon is not signed in).
 */
export async function buildGovernanceWorld(db: Db, app: import('../../test/app.js').TestApp, tag: string) {
  const { buildClients } = await import('../../test/app.js');
  const coop = await buildCooperation(db);
  const molde = await buildMunicipality(db, `Molde ${tag}`);
  const aukra = await buildMunicipality(db, `Aukra ${tag}`);
  const council = await buildBody(db, { cooperationId: coop.id, name: `Samarbeidsrådet ${tag}` });
  const board = await buildBody(db, { cooperationId: coop.id, name: `Styret ${tag}`, caseNumbering: 'running', casePrefix: 'ST' });
  const fred = await buildPerson(db, { familyName: 'Gjørtz', givenName: 'Fred', municipalityId: molde.id });
  const marianne = await buildPerson(db, { familyName: 'Aasen', givenName: 'Marianne Stokkereit', municipalityId: aukra.id });
  const users = await buildUsers(db, tag, molde.id);
  const roles = Object.keys(users) as Role[];
  const clients = await buildClients(app, Object.fromEntries(roles.map((role) => [role, `${role}@${tag}.test`])) as Record<Role, string>, TEST_PASSWORD);
  return { coop, molde, aukra, council, board, fred, marianne, users, clients };
}

export type TGovernanceWorld = Awaited<ReturnType<typeof buildGovernanceWorld>>;

/** A fresh database holding the governance world, the app on it (with `env`) and its file store. */
export async function startGovernanceWorld(tag: string, env: Record<string, string> = {}) {
  const { createTestApp, createTestFileStore } = await import('../../test/app.js');
  const { createTestDatabase } = await import('../../test/db.js');
  const database = await createTestDatabase();
  const files = createTestFileStore();
  const app = createTestApp(database.db, env, files);
  return { database, app, files, w: await buildGovernanceWorld(database.db, app, tag) };
}

/** A ZIP with stored (uncompressed) entries: enough to build a .docx that file-type recognises. */
export function storedZip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const n = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  const count = centrals.length / 2;
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(count, 8); end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The smallest PDF a reader opens: a catalogue, an empty page tree and a cross-reference table. */
export function minimalPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xrefAt = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

export const SAMPLE_FILES = {
  pdf: minimalPdf(),
  png: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
  jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]),
  docx: storedZip({
    '[Content_Types].xml': '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    'word/document.xml': '<w:document/>',
  }),
  zip: storedZip({ 'a.txt': 'x' }),
};

export function uploadForm(filename: string, bytes: Uint8Array, type = 'application/octet-stream') {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(bytes)], filename, { type }));
  return form;
}
