// The zip directory check in front of every uploaded workbook (issue 8): the entry count is capped
// before any entry is inflated. A workbook of one sheet has about a dozen parts; a zip of thousands of
// tiny parts costs the reader time and memory per part whatever their sizes, so the count alone refuses.
import yauzl from 'yauzl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HttpError } from '../../server/errors.js';
import { DEFAULT_TABLE_FILE_LIMITS } from './limits.js';
import { buildWorkbook, buildZip } from './test-workbooks.js';
import { checkWorkbookZip } from './zip-check.js';

/** A zip of `count` parts of a few bytes each: small in every way except the number of parts. */
const manyParts = (count: number) => buildZip(Array.from({ length: count }, (_, i) => ({ name: `xl/media/del${i}.xml`, chunks: () => ['<a/>'] })));

const refusal = async (bytes: Uint8Array, limits = DEFAULT_TABLE_FILE_LIMITS) => {
  try {
    await checkWorkbookZip(bytes, limits);
  } catch (e) {
    return e as HttpError;
  }
  return null;
};

afterEach(() => { vi.restoreAllMocks(); });

describe('checkWorkbookZip: the entry count', () => {
  it(`refuses a workbook of ${DEFAULT_TABLE_FILE_LIMITS.maxZipEntries + 1} parts with 413 and a message in Norwegian, inflating nothing`, async () => {
    expect(DEFAULT_TABLE_FILE_LIMITS.maxZipEntries).toBe(1_000);
    const bytes = await manyParts(1_001);
    // Any inflating goes through openReadStream; the check must decide from the directory alone.
    const inflate = vi.spyOn(yauzl.ZipFile.prototype, 'openReadStream');
    const error = await refusal(bytes);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 413, code: 'table_file_limit' });
    expect(error!.message).toBe('Arbeidsboken består av 1 001 deler; høyst 1 000 leses. Lagre den på nytt som en vanlig XLSX eller CSV.');
    expect(inflate).not.toHaveBeenCalled();
  });

  it('takes the cap from the limits it is given, and lets a workbook at the cap through', async () => {
    const workbook = await buildWorkbook(() => ['<row r="1"><c r="A1"><v>1</v></c></row>']);
    expect(await refusal(workbook)).toBeNull();
    // The workbook above has 6 parts.
    expect(await refusal(workbook, { ...DEFAULT_TABLE_FILE_LIMITS, maxZipEntries: 6 })).toBeNull();
    const error = await refusal(workbook, { ...DEFAULT_TABLE_FILE_LIMITS, maxZipEntries: 5 });
    expect(error).toMatchObject({ status: 413, message: 'Arbeidsboken består av 6 deler; høyst 5 leses. Lagre den på nytt som en vanlig XLSX eller CSV.' });
    expect(await refusal(await manyParts(1_000))).toBeNull();
  });

  it('refuses bytes that are no zip with 400, not 413', async () => {
    expect(await refusal(new TextEncoder().encode('konto;beløp\n1;2'))).toMatchObject({ status: 400 });
  });
});
