// The zip directory of an uploaded XLSX, checked before any entry is inflated: the central directory
// states each entry's packed and unpacked size, so a bomb (100 KB that unpacks to 100 MB or more) is
// refused from the directory alone, in milliseconds and without memory. An entry that unpacks to more
// than it declared is stopped by the reader (yauzl validates sizes while inflating; the worker's heap
// limit bounds the rest).
import yauzl from 'yauzl';
import { HttpError } from '../../server/errors.js';
import { formatCount, formatMegabytes, RATIO_FLOOR_BYTES, type TTableFileLimits } from './limits.js';

export const tooMuch = (message: string) => new HttpError(413, 'table_file_limit', message);
export const unreadable = (message: string) => new HttpError(400, 'bad_request', message, [{ path: 'file', message }]);

type TZipEntry = { fileName: string; compressedSize: number; uncompressedSize: number };

/** Every entry of the zip's central directory, stopping once there are more than `maxEntries`. */
function listEntries(bytes: Uint8Array, maxEntries: number): Promise<{ entries: TZipEntry[]; declared: number }> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, autoClose: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const entries: TZipEntry[] = [];
      zip.on('error', reject);
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push({ fileName: entry.fileName, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize });
        if (entries.length > maxEntries) {
          zip.close();
          resolve({ entries, declared: zip.entryCount });
        } else zip.readEntry();
      });
      zip.on('end', () => resolve({ entries, declared: zip.entryCount }));
      zip.readEntry();
    });
  });
}

/** Refuses (413) a workbook whose zip has too many entries, too much unpacked data or a bomb's ratio; 400 when it is no zip. */
export async function checkWorkbookZip(bytes: Uint8Array, limits: TTableFileLimits): Promise<void> {
  let listed: Awaited<ReturnType<typeof listEntries>>;
  try {
    listed = await listEntries(bytes, limits.maxZipEntries);
  } catch {
    throw unreadable('Filen kan ikke leses som XLSX (den er ikke en gyldig arbeidsbok)');
  }
  const { entries, declared } = listed;
  if (declared > limits.maxZipEntries || entries.length > limits.maxZipEntries) {
    throw tooMuch(`Arbeidsboken består av ${formatCount(Math.max(declared, entries.length))} deler; høyst ${formatCount(limits.maxZipEntries)} leses. Lagre den på nytt som en vanlig XLSX eller CSV.`);
  }
  let unpacked = 0;
  for (const entry of entries) {
    unpacked += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.maxCompressionRatio) {
      throw tooMuch(`Arbeidsboken pakker seg ut til ${formatMegabytes(entry.uncompressedSize)} fra ${formatMegabytes(entry.compressedSize)} (delen ${entry.fileName}, ${Math.round(ratio)} ganger); så hardt pakker ingen vanlig regnearkfil, og den leses ikke.`);
    }
  }
  if (unpacked > limits.maxUnpackedBytes) {
    throw tooMuch(`Arbeidsboken pakker seg ut til ${formatMegabytes(unpacked)}; høyst ${formatMegabytes(limits.maxUnpackedBytes)} leses. Del den opp, eller lagre den som CSV.`);
  }
}
