// The request list formats with hostile text: pipes and line breaks in markdown cells, quotes, commas and line breaks
// in CSV cells (RFC 4180), and a control with nothing to sample.
import { describe, expect, it } from 'vitest';
import { auditCsv, auditMarkdown, formatAudit } from '../../src/formatters/audit.js';
import type { RequestList } from '../../src/report/audit.js';

const LIST: RequestList = {
  asOf: '2026-07-10',
  period: { start: '2025-07-10', end: '2026-07-10', label: 'the last 12 months' },
  seed: 5,
  summary: { controls: 2, ready: 0, withExceptions: 2, itemsToCollect: 1 },
  controls: [
    {
      id: 'CHG-1',
      title: 'Changes | reviewed',
      file: 'controls/c.yaml',
      line: 2,
      criteria: ['CC8.1'],
      frequency: 'event',
      population: { name: 'changes', origin: 'populations/changes.csv', size: 1 },
      sampleSize: 1,
      sample: [
        {
          id: '#7',
          title: 'Fix "quotes", commas\nand lines',
          date: '2026-03-04',
          file: 'populations/changes.csv',
          line: 2,
          evidence: [{ path: 'evidence/pr-7.md', found: false }],
          exceptions: [{ ruleId: 'unreviewed-change', messageId: 'none', message: 'Change #7 | merged without approval', file: 'populations/changes.csv', line: 2 }],
        },
      ],
      exceptions: [],
    },
    {
      id: 'OPS-1',
      title: 'Disposals',
      file: 'controls/o.yaml',
      line: 4,
      criteria: [],
      frequency: 'event',
      population: undefined,
      sampleSize: 0,
      sample: [],
      exceptions: [{ message: 'no population: the auditor will ask for one', file: 'controls/o.yaml', line: 6 }],
    },
  ],
};

describe('audit formats', () => {
  it('markdown keeps every row one line and every pipe escaped, and gives the period its days', () => {
    const text = auditMarkdown(LIST);
    expect(text).toContain('As of 2026-07-10, sampling the last 12 months (2025-07-10 to 2026-07-10) with seed 5.');
    expect(text).toContain('| CHG-1 Changes \\| reviewed | event | changes: 1 (populations/changes.csv) | 1 | 1 |');
    expect(text).toContain('| #7: Fix "quotes", commas and lines | 2026-03-04 | evidence/pr-7.md (missing) | Change #7 \\| merged without approval (populations/changes.csv:2, unreviewed-change) |');
    expect(text).toContain('- no population: the auditor will ask for one (controls/o.yaml:6)');
    expect(text).toContain('Criteria: none. Frequency: event. Population: none named. Sample: 0.');
  });

  it('CSV quotes what needs quoting, doubles quotes, ends lines with CRLF, and gives a control with no sample one row', () => {
    const text = auditCsv(LIST);
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe('control,title,criteria,frequency,population,population_size,sample_size,item,item_title,date,file,line,evidence,evidence_missing,exceptions,control_exceptions');
    expect(text).toContain('CHG-1,Changes | reviewed,CC8.1,event,changes (populations/changes.csv),1,1,#7,"Fix ""quotes"", commas\nand lines",2026-03-04,populations/changes.csv,2,evidence/pr-7.md,evidence/pr-7.md,');
    expect(text).toContain('OPS-1,Disposals,,event,,,0,,,,controls/o.yaml,4,,,,no population: the auditor will ask for one (controls/o.yaml:6)\r\n');
  });

  it('JSON is the list itself', () => {
    expect(JSON.parse(formatAudit(LIST, 'json'))).toEqual(JSON.parse(JSON.stringify(LIST)));
  });
});
