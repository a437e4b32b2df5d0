// How much of an uploaded table file (CSV or XLSX) samrad will read. An XLSX is a zip: 100 KB can
// declare or unpack to gigabytes, so the zip's directory is checked against these before any entry is
// inflated, and the rows are counted as they stream. See docs/decisions/0017-table-file-limits.md.

export type TTableFileLimits = {
  /** Data rows (after the header) one import reads; a bigger file is refused, not cut. */
  maxRows: number;
  /** Columns per row; no export we read has more than a few dozen. */
  maxColumns: number;
  /** Entries in an XLSX zip; a workbook of one sheet has about a dozen. */
  maxZipEntries: number;
  /** The sum of every entry's declared unpacked size. */
  maxUnpackedBytes: number;
  /** Unpacked size over packed size for any entry larger than RATIO_FLOOR_BYTES unpacked. */
  maxCompressionRatio: number;
};

export const DEFAULT_TABLE_FILE_LIMITS: TTableFileLimits = {
  maxRows: 200_000,
  maxColumns: 200,
  maxZipEntries: 1_000,
  maxUnpackedBytes: 256 * 1024 * 1024,
  // Sheet XML of real exports packs 5–30 times; deflate cannot do better than about 1,030, which is
  // what a bomb of repeated bytes reaches.
  maxCompressionRatio: 100,
};

/** Small entries (styles, rels) may pack very well without being a threat. */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

export const formatMegabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`.replace('.', ',');
export const formatCount = (n: number) => n.toLocaleString('nb-NO').replace(/\u00a0/g, ' ');
