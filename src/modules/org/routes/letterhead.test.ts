// The cooperation's own particulars and letterhead over HTTP: the form of cooperation, address and
// letterhead lines edited by an admin (400 per field, 403 for others, 409 stale), the logo uploaded
// through the uploads module (401/403/404/409/413/415, PNG or JPEG only, kept in the file store and by
// the sweep), and both printed at the top of the notice and the minutes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../documents/pdf-text.js';
import { referencedStoredFiles } from '../../../server/files.js';
import { buildClients, fieldsOf, json, type TestClient } from '../../../test/app.js';
import { imageForm, pdfImages, png } from '../../../test/images.js';
import { PASSWORD, startCycle } from '../../governance/routes/cycle-fixture.js';
import { SAMPLE_FILES } from '../../governance/test-factories.js';
import type { TCooperation } from '../model.js';

let t: Awaited<ReturnType<typeof startCycle>>;
let admin: TestClient;
const NONE = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await startCycle();
  ({ admin } = await buildClients(t.app, { admin: 'admin@example.no' }, PASSWORD));
});
afterAll(() => t.database.drop());

const current = async () => json<TCooperation>(await admin.get('/api/cooperation'), 200);
const logoPath = (id = t.cycle.body.cooperationId) => `/api/cooperations/${id}/logo`;
const pdf = async (client: TestClient, path: string) => {
  const res = await client.get(path);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
};

describe('the cooperation edited by an admin', () => {
  it('keeps the form of cooperation, address and letterhead lines; refuses bad fields, other roles and stale edits', async () => {
    const before = await current();
    expect(before).toMatchObject({ form: null, address: null, letterhead: null, logo: null });
    const path = `/api/cooperations/${before.id}`;

    const bad = await admin.patch(path, { revision: before.revision, organisationNumber: '974760674', form: 'aksjeselskap', address: 'x\n'.repeat(7) });
    expect(bad.status).toBe(400);
    expect(fieldsOf(await bad.json())).toEqual(['address', 'form', 'organisationNumber']);
    expect((await t.staff.patch(path, { revision: before.revision, address: 'Postboks 1' })).status).toBe(403);

    const saved = await json<TCooperation>(await admin.patch(path, {
      revision: before.revision, organisationNumber: '974760673', form: 'vertskommune',
      address: 'Postboks 1\n\n  6401 Molde  ', letterhead: 'Telefon 71 11 10 00\npost@ror-ikt.example.no',
    }), 200);
    // Blank lines and the spaces around a line are not kept: the letterhead prints line by line.
    expect(saved).toMatchObject({ form: 'vertskommune', address: 'Postboks 1\n6401 Molde', organisationNumber: '974760673', revision: before.revision + 1 });

    const stale = await admin.patch(path, { revision: before.revision, address: 'Annen adresse' });
    expect(stale.status).toBe(409);
    expect((await current()).address).toBe('Postboks 1\n6401 Molde');
  });

  it('takes a logo through the uploads module: PNG or JPEG, within its cap, at the revision read', async () => {
    const coop = await current();
    const form = (bytes: Buffer, name = 'logo.png', revision = coop.revision) => imageForm(name, bytes, 'image/png', { revision: String(revision) });
    expect((await t.anon.post(logoPath(), form(png(40, 20)))).status).toBe(401);
    expect((await t.staff.post(logoPath(), form(png(40, 20)))).status).toBe(403);
    expect((await admin.post(logoPath(NONE), form(png(40, 20)))).status).toBe(404);
    expect((await admin.post(logoPath(), form(SAMPLE_FILES.pdf, 'logo.pdf'))).status).toBe(415);
    expect((await admin.post(logoPath(), form(Buffer.alloc(2 * 1024 * 1024 + 1, 1)))).status).toBe(413);
    expect((await admin.post(logoPath(), form(png(40, 20), 'logo.png', coop.revision - 1 || 99))).status).toBe(409);
    expect((await current()).logo).toBeNull();

    const image = png(40, 20);
    const saved = await json<TCooperation>(await admin.post(logoPath(), form(image)), 200);
    expect(saved.logo).toMatchObject({ contentType: 'image/png', size: image.length });
    expect(saved.revision).toBe(coop.revision + 1);
    expect(await t.files.exists(saved.logo!.sha256)).toBe(true);
    expect((await referencedStoredFiles(t.database.db)([saved.logo!.sha256])).has(saved.logo!.sha256)).toBe(true);

    // Public: the logo is printed on the public papers.
    const served = await t.anon.get(logoPath());
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(image)).toBe(true);
  });

  it('prints the letterhead with the logo at the top of the notice and the draft minutes', async () => {
    const { m6 } = t.cycle;
    for (const paper of ['notice.pdf', 'minutes.pdf']) {
      const bytes = await pdf(t.staff, `/api/meetings/${m6.id}/${paper}`);
      const text = pdfText(bytes);
      expect(text).toContain('ROR-IKT');
      expect(text).toContain('Postboks 1');
      expect(text).toContain('6401 Molde');
      expect(text).toContain('Org.nr. 974 760 673');
      expect(text).toContain('post@ror-ikt.example.no');
      expect(pdfImages(bytes)).toMatch(/\s40\s+20\s/);
    }
  });

  it('prints no logo once it is removed, and a removed logo is 404', async () => {
    const coop = await current();
    expect((await admin.delete(`${logoPath()}?revision=${coop.revision - 1}`)).status).toBe(409);
    const removed = await json<TCooperation>(await admin.delete(`${logoPath()}?revision=${coop.revision}`), 200);
    expect(removed.logo).toBeNull();
    expect((await t.anon.get(logoPath())).status).toBe(404);
    const bytes = await pdf(t.staff, `/api/meetings/${t.cycle.m6.id}/notice.pdf`);
    expect(pdfImages(bytes)).not.toMatch(/\s40\s+20\s/);
    expect(pdfText(bytes)).toContain('Org.nr. 974 760 673');
  });
});
