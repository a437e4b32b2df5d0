// Table files (CSV/XLSX -> rows) for every import: the reader with its limits, and the one shape of a
// refused file's row issues.
export { readTableFile, isWorkbook, type TTable, type TTableFileOptions } from './read.js';
export { DEFAULT_TABLE_FILE_LIMITS, type TTableFileLimits } from './limits.js';
export { readCsv } from './csv.js';
export { MAX_ROW_ISSUES, RowIssues, refuseFile, type TRowIssue, type TRowIssueSummary } from './issues.js';
export { dataRows, locateColumns, mapLabel, normalHeader, parseCount, parseNorwegianDay } from './columns.js';
export { MAX_INTEGER_COLUMN, textProblem } from './cell-rules.js';
