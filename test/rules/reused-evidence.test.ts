import rule from '../../rules/reused-evidence.js';
import { testRule } from '../helpers/rule-tester.js';

/** A control citing [path, date] pairs in order; the `path` value of entry i is on line 6 + 2i, column 11. */
const control = (entries: [string, string][]) =>
  `id: C-1\ntitle: The control\nowner: a@x.io\nfrequency: quarterly\nevidence:\n${entries.map(([path, date]) => `  - path: ${path}\n    date: ${date}\n`).join('')}`;
const pathAt = (index: number) => ({ file: 'controls/c.yaml', line: 6 + 2 * index, column: 11 });
const Q1 = '# Access review Q1\n\nReviewed 42 accounts; removed 3.\n';
const Q2 = '# Access review Q2\n\nReviewed 44 accounts; removed 1.\n';

testRule(rule, {
  valid: [
    { name: 'two files with different content', files: { 'controls/c.yaml': control([['e/q1.md', '2026-03-20'], ['e/q2.md', '2026-06-20']]), 'e/q1.md': Q1, 'e/q2.md': Q2 } },
    { name: 'the same file cited twice for the same date is a duplicate line, not a second run', files: { 'controls/c.yaml': control([['e/q1.md', '2026-03-20'], ['e/q1.md', '2026-03-20']]), 'e/q1.md': Q1 } },
    {
      name: 'a range explains it: the June export cited for the month and for a day inside it',
      files: { 'controls/c.yaml': 'id: C-1\ntitle: T\nfrequency: daily\nevidence:\n  - path: e/june.csv\n    from: 2026-06-01\n    to: 2026-06-30\n  - path: e/june.csv\n    date: 2026-06-15\n', 'e/june.csv': 'day,status\n' },
    },
    {
      name: 'two controls may cite one shared export',
      files: { 'controls/a.yaml': control([['e/q1.md', '2026-03-20']]), 'controls/b.yaml': control([['e/q1.md', '2026-06-20']]).replace('C-1', 'C-2'), 'e/q1.md': Q1 },
    },
    { name: "empty files are alike, but that is empty-evidence's finding", files: { 'controls/c.yaml': control([['e/a.md', '2026-03-20'], ['e/b.md', '2026-06-20']]), 'e/a.md': '', 'e/b.md': '\n' } },
  ],
  invalid: [
    {
      name: 'the Q1 file cited again with a Q2 date, at the later citation',
      files: { 'controls/c.yaml': control([['e/q1.md', '2026-06-20'], ['e/q1.md', '2026-03-20']]), 'e/q1.md': Q1 },
      errors: [
        {
          ...pathAt(0),
          messageId: 'samePath',
          data: { control: 'C-1', path: 'e/q1.md', span: '2026-06-20', earlierSpan: '2026-03-20' },
          message:
            'Control C-1 cites "e/q1.md" for 2026-06-20, but already cites it for 2026-03-20: one file cannot prove two different runs. Add the evidence of that run; if the file really covers both, record it once with the range it covers ("from:", "to:").',
        },
      ],
    },
    {
      name: 'the same path written two ways is the same file',
      files: { 'controls/c.yaml': control([['e/q1.md', '2026-03-20'], ['./e/q1.md', '2026-06-20']]), 'e/q1.md': Q1 },
      errors: [{ ...pathAt(1), messageId: 'samePath', message: 'Control C-1 cites "./e/q1.md" for 2026-06-20, but already cites it for 2026-03-20' }],
    },
    {
      name: 'a copy under a new name has the same content',
      files: { 'controls/c.yaml': control([['e/q1.md', '2026-03-20'], ['e/q2.md', '2026-06-20']]), 'e/q1.md': Q1, 'e/q2.md': Q1 },
      errors: [{ ...pathAt(1), messageId: 'sameContent', data: { control: 'C-1', path: 'e/q2.md', span: '2026-06-20', earlierPath: 'e/q1.md', earlierSpan: '2026-03-20' }, message: 'Control C-1: "e/q2.md" (for 2026-06-20) has the same content as "e/q1.md" (for 2026-03-20): a copy cannot prove a second run.' }],
    },
    {
      name: 'a file with no content to compare (empty or missing) cited for two dates is still the same file',
      files: { 'controls/c.yaml': control([['e/blank.md', '2026-03-20'], ['e/blank.md', '2026-06-20'], ['e/gone.md', '2026-03-20'], ['e/gone.md', '2026-06-20']]), 'e/blank.md': '' },
      errors: [
        { ...pathAt(1), messageId: 'samePath', data: { control: 'C-1', path: 'e/blank.md', span: '2026-06-20', earlierSpan: '2026-03-20' } },
        { ...pathAt(3), messageId: 'samePath', data: { control: 'C-1', path: 'e/gone.md', span: '2026-06-20', earlierSpan: '2026-03-20' } },
      ],
    },
    {
      name: 'a file cited for three quarters: each later citation is set against the first',
      files: { 'controls/c.yaml': control([['e/q1.md', '2026-03-20'], ['e/q1.md', '2026-06-20'], ['e/q1.md', '2026-09-20']]), 'e/q1.md': Q1 },
      errors: [
        { ...pathAt(1), messageId: 'samePath', data: { control: 'C-1', path: 'e/q1.md', span: '2026-06-20', earlierSpan: '2026-03-20' } },
        { ...pathAt(2), messageId: 'samePath', data: { control: 'C-1', path: 'e/q1.md', span: '2026-09-20', earlierSpan: '2026-03-20' } },
      ],
    },
    {
      name: 'a copy cited again: set against the earliest citation of that content, whichever file it was',
      files: { 'controls/c.yaml': control([['e/a.md', '2026-01-10'], ['e/b.md', '2026-02-10'], ['e/b.md', '2026-03-10']]), 'e/a.md': Q1, 'e/b.md': Q1 },
      errors: [
        { ...pathAt(1), messageId: 'sameContent', data: { control: 'C-1', path: 'e/b.md', span: '2026-02-10', earlierPath: 'e/a.md', earlierSpan: '2026-01-10' } },
        { ...pathAt(2), messageId: 'sameContent', data: { control: 'C-1', path: 'e/b.md', span: '2026-03-10', earlierPath: 'e/a.md', earlierSpan: '2026-01-10' } },
      ],
    },
    {
      name: 'two ranges that do not overlap: the March export re-cited for April',
      files: { 'controls/c.yaml': 'id: C-1\ntitle: T\nfrequency: daily\nevidence:\n  - path: e/m.csv\n    from: 2026-03-01\n    to: 2026-03-31\n  - path: e/m.csv\n    from: 2026-04-01\n    to: 2026-04-30\n', 'e/m.csv': 'day,status\n' },
      errors: [{ file: 'controls/c.yaml', line: 8, column: 11, messageId: 'samePath', data: { control: 'C-1', path: 'e/m.csv', span: '2026-04-01 to 2026-04-30', earlierSpan: '2026-03-01 to 2026-03-31' } }],
    },
  ],
});
