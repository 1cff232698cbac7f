// CSV records as HR and LMS tools export them: quoted headers, `;` separators, quoted line breaks, and where each
// cell is written.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/parse/csv.js';

const ok = (text: string) => {
  const result = parseCsv(text, 'training/log.csv');
  if (!result.ok) throw new Error(result.problems[0]!.message);
  return result;
};

describe('parseCsv', () => {
  it('reads a plain export, with each cell placed in its line', () => {
    const result = ok('person,course,date\njane@acme.example,Security awareness,2026-03-01\n');
    expect(result.header).toEqual(['person', 'course', 'date']);
    expect(result.rows).toEqual([
      {
        values: { person: 'jane@acme.example', course: 'Security awareness', date: '2026-03-01' },
        line: 2,
        text: 'jane@acme.example,Security awareness,2026-03-01',
        cells: [
          { column: 1, length: 17 },
          { column: 19, length: 18 },
          { column: 38, length: 10 },
        ],
      },
    ]);
  });

  it('reads a header whose cells are quoted, one holding a comma', () => {
    const result = ok('"person","course, title",date\njane@acme.example,"Security, awareness",2026-03-01\n');
    expect(result.header).toEqual(['person', 'course, title', 'date']);
    expect(result.rows[0]!.values['course, title']).toBe('Security, awareness');
    expect(result.rows[0]!.cells[2]).toEqual({ column: 41, length: 10 });
  });

  it('reads a `;`-separated export, where commas are part of values', () => {
    const result = ok('\uFEFFperson;course;date\r\njane@acme.example;Security, awareness;2026-03-01\r\n');
    expect(result.delimiter).toBe(';');
    expect(result.header).toEqual(['person', 'course', 'date']);
    expect(result.rows[0]!.values).toEqual({ person: 'jane@acme.example', course: 'Security, awareness', date: '2026-03-01' });
    expect(result.rows[0]!.cells[2]).toEqual({ column: 39, length: 10 });
  });

  it('places a row with a quoted line break at its first line, cells unknown', () => {
    const result = ok('person,course,date\na@x.io,"Two\nlines",2026-01-01\nb@x.io,One,2026-01-02\n');
    expect(result.rows.map((row) => [row.line, row.cells.length])).toEqual([
      [2, 0],
      [4, 3],
    ]);
  });

  it('places a row after blank lines on its own line, blank lines before the last row included', () => {
    for (const ending of ['\n', '\r\n']) {
      const result = ok(['person,course,date', 'a@acme.example,Security,2026-03-01', '', '', 'b@acme.example,Security,2026-03-02'].join(ending));
      expect(result.rows.map((row) => [row.line, row.text, row.cells[0]])).toEqual([
        [2, 'a@acme.example,Security,2026-03-01', { column: 1, length: 14 }],
        [5, 'b@acme.example,Security,2026-03-02', { column: 1, length: 14 }],
      ]);
    }
  });

  it('drops empty cells, so the schema calls them missing', () => {
    expect(ok('person,course,date\na@x.io,,2026-01-01\n').rows[0]!.values).toEqual({ person: 'a@x.io', date: '2026-01-01' });
  });

  it('reports a row with too many cells at its line', () => {
    const result = parseCsv('person,course,date\na@x.io,c,2026-01-01\nb@x.io,c,2026-01-01,extra\n', 'training/log.csv');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]!.range.line).toBe(3);
  });

  it('never throws, and every cell lies inside its line', () => {
    const cell = fc.oneof(fc.constantFrom('', 'a', '"q"', '"a,b"', '"x""y"', ' s ', ';', ','), fc.string({ maxLength: 6 }));
    const row = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(','));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }).map((rows) => rows.join('\n')), (text) => {
        const result = parseCsv(text, 'f.csv');
        if (!result.ok) return;
        for (const r of result.rows) for (const c of r.cells) expect(c.column + c.length - 1).toBeLessThanOrEqual(r.text.length);
      }),
      { numRuns: 300 },
    );
  });
});
