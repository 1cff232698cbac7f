// CSV records (training and acknowledgment logs, as exported from HR and LMS tools): a header row, then one row a record.
import { parse } from 'csv-parse/sync';
import type { LoadProblem } from '../core/types.js';

export interface CsvRow {
  values: Record<string, string>;
  /** The file line the row ends on (its only line, for rows without quoted line breaks). */
  line: number;
  text: string;
}

export type CsvResult = { ok: true; header: string[]; rows: CsvRow[] } | { ok: false; problems: LoadProblem[] };

export function parseCsv(text: string, file: string): CsvResult {
  const lines = text.split(/\r?\n/);
  let parsed: { record: Record<string, string>; info: { lines: number } }[];
  try {
    parsed = parse(text, { columns: (header: string[]) => header.map((h) => h.trim()), info: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    const { message, lines: line } = error as Error & { lines?: number };
    const at = typeof line === 'number' && line > 0 ? line : 1;
    return { ok: false, problems: [{ kind: 'parse', message: `CSV cannot be parsed: ${message}`, range: { file, line: at, column: 1, endLine: at, endColumn: 1 } }] };
  }
  const header = (lines[0] ?? '').replace(/^\uFEFF/, '').split(',').map((h) => h.trim().replace(/^"|"$/g, ''));
  return {
    ok: true,
    header,
    rows: parsed.map(({ record, info }) => ({ values: dropEmpty(record), line: info.lines, text: lines[info.lines - 1] ?? '' })),
  };
}

/** An empty cell is a missing value, so the schema reports it as missing rather than as an empty string. */
function dropEmpty(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== ''));
}
