// CSV records (training and acknowledgment logs, as exported from HR and LMS tools): a header row, then one row a
// record. The parser reads the header too (quoted cells, commas inside quotes), and `;`-separated exports, as
// spreadsheet programs write them in much of Europe, are read as such.
import { parse } from 'csv-parse/sync';
import type { LoadProblem } from '../core/types.js';

/** Where a cell is written in its row's line: 1-based column and length, as written (quotes included). */
export interface CsvCell {
  column: number;
  length: number;
}

export interface CsvRow {
  values: Record<string, string>;
  /** The file line the row starts on. */
  line: number;
  /** The row as written (all its lines, for a row with a quoted line break). */
  text: string;
  /** Each cell's place in the row's first line; empty when a quoted line break makes places unreliable. */
  cells: CsvCell[];
}

export type CsvResult =
  | {
      ok: true;
      header: string[];
      rows: CsvRow[];
      delimiter: string;
      /** The file line of the header row, and each header cell's place in it (empty when unknown). */
      headerLine?: number;
      headerCells?: CsvCell[];
    }
  | { ok: false; problems: LoadProblem[] };

export function parseCsv(text: string, file: string): CsvResult {
  const delimiter = delimiterOf(text);
  let parsed: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    parsed = parse(text, { delimiter, info: true, raw: true, skip_empty_lines: true, trim: true, bom: true }) as unknown as typeof parsed;
  } catch (error) {
    const { message, lines: line } = error as Error & { lines?: number };
    const at = typeof line === 'number' && line > 0 ? line : 1;
    return { ok: false, problems: [{ kind: 'parse', message: `CSV cannot be parsed: ${message}`, range: { file, line: at, column: 1, endLine: at, endColumn: 1 } }] };
  }
  const [first, ...records] = parsed;
  if (!first) return { ok: true, header: [], rows: [], delimiter };
  const header = first.record.map((cell) => cell.trim());
  const rows = records.map(({ record, info, raw }) => {
    // The raw text of a row after blank lines starts with them (skipped, yet kept in `raw`): they are not the row's,
    // nor is the line break that ends it (`\r` too, in a file with Windows line endings).
    const text = raw.replace(/^[\r\n]+/, '').replace(/[\r\n]+$/, '');
    const lineBreaks = text.split('\n').length - 1;
    const values: Record<string, string> = {};
    header.forEach((name, i) => {
      const value = record[i];
      // An empty cell is a missing value, so the schema reports it as missing rather than as an empty string.
      if (value !== undefined && value !== '' && name !== '') values[name] = value;
    });
    return { values, line: info.lines - lineBreaks, text, cells: lineBreaks === 0 ? cellsOf(text, delimiter) : [] };
  });
  const headerText = first.raw.replace(/\r?\n$/, '').replace(/^\uFEFF/, '');
  const headerBreaks = headerText.split('\n').length - 1;
  const headerCells = headerBreaks === 0 ? cellsOf(headerText, delimiter) : [];
  return { ok: true, header, rows, delimiter, headerLine: first.info.lines - headerBreaks, headerCells };
}

/** `;` when the header line has more semicolons than commas outside quotes, else `,`. */
function delimiterOf(text: string): string {
  const newline = text.indexOf('\n');
  const header = newline === -1 ? text : text.slice(0, newline);
  let quoted = false;
  let commas = 0;
  let semicolons = 0;
  for (const char of header) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** The cells of a one-line row, by scanning for delimiters outside quotes (`""` inside quotes is a quote). */
function cellsOf(line: string, delimiter: string): CsvCell[] {
  const cells: CsvCell[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= line.length; i++) {
    const char = line[i];
    if (char === '"') quoted = !quoted;
    else if (i === line.length || (!quoted && char === delimiter)) {
      const raw = line.slice(start, i);
      const lead = raw.length - raw.trimStart().length;
      cells.push({ column: start + lead + 1, length: raw.trim().length });
      start = i + 1;
    }
  }
  return cells;
}
