// The upload limits (limits.ts) on a form-validated upload route, the ledger import: a file one byte
// over its kind's cap is refused with 413 `too_large` naming the cap, though its body is within the
// room the multipart envelope is given; a file at the cap is read; a body past MAX_UPLOAD_BYTES is
// refused before it is read, with the same code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../../test/app.js';
import { startEconomy, type TEconomyStart } from '../economy/economy-fixture.js';

const CAP = 2000;
let e: TEconomyStart;
beforeAll(async () => { e = await startEconomy({ MAX_IMPORT_BYTES: String(CAP), MAX_UPLOAD_BYTES: String(64 * 1024) }); });
afterAll(() => e.database.drop());

/** A ledger CSV of exactly `size` bytes (its last row padded with spaces before the line end). */
function csvOf(size: number): FormData {
  const head = 'konto;prosjekt;periode;beløp\r\n11500;;2023-01;100,00';
  const bytes = Buffer.alloc(size, ' ');
  bytes.write(head, 0, 'utf8');
  bytes.write('\r\n', size - 2, 'utf8');
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'text/csv' }), 'hovedbok.csv');
  return form;
}

describe('the upload limits on an import', () => {
  it('refuses a file one byte over the kind\'s cap with 413 too_large, and reads one at the cap', async () => {
    const over = await json(await e.staff.post('/api/economy/2023/ledger-imports/preview', csvOf(CAP + 1)), 413);
    expect(over.error).toMatchObject({ code: 'too_large' });
    expect(over.error.message).toContain('importfiler');
    expect((await e.staff.post('/api/economy/2023/ledger-imports/preview', csvOf(CAP))).status).not.toBe(413);
  });

  it('refuses a body past MAX_UPLOAD_BYTES before reading it, with the same code', async () => {
    const past = await json(await e.staff.post('/api/economy/2023/ledger-imports/preview', csvOf(200 * 1024)), 413);
    expect(past.error).toMatchObject({ code: 'too_large' });
  });
});
