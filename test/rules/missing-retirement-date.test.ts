import rule from '../../rules/missing-retirement-date.js';
import { testRule } from '../helpers/rule-tester.js';

const scope = (start: string, end: string, type = 'type2') => `categories: [security]\naudit:\n  type: ${type}\n  period:\n    start: ${start}\n    end: ${end}\n`;
/** A control with the given status lines (`status:` on line 5, its value at column 9) and url evidence on the dates. */
const control = (lines: string, dates: string[]) =>
  `id: C-1\ntitle: The control\nowner: a@x.io\nfrequency: monthly\n${lines}\nevidence:\n${dates.map((date) => `  - url: https://x.example.com/${date}\n    date: ${date}\n`).join('')}`;
const H1 = scope('2026-01-01', '2026-06-30');

testRule(rule, {
  valid: [
    { name: 'a retired control with retired_on', files: { 'scope.yaml': H1, 'controls/c.yaml': control('status: retired\nretired_on: 2026-04-01', ['2026-02-10']) } },
    { name: 'an active control needs no retirement date', files: { 'scope.yaml': H1, 'controls/c.yaml': control('status: active', ['2026-02-10']) } },
    { name: 'a control retired before the period (no evidence in it) owes the period nothing', files: { 'scope.yaml': H1, 'controls/c.yaml': control('status: retired', ['2025-06-10']) } },
    { name: 'before the period starts, nothing is tested yet', asOf: '2025-12-31', files: { 'scope.yaml': scope('2026-01-01', '2026-12-31'), 'controls/c.yaml': control('status: retired', ['2025-12-10']) } },
    { name: 'a Type I audit has no period to test through', files: { 'scope.yaml': H1.replace('type2', 'type1'), 'controls/c.yaml': control('status: retired', ['2026-02-10']) } },
    { name: 'without a scope there is no period', files: { 'controls/c.yaml': control('status: retired', ['2026-02-10']) } },
    { name: 'evidence dated after as_of does not count as having run', asOf: '2026-03-01', files: { 'scope.yaml': H1, 'controls/c.yaml': control('status: retired', ['2026-04-10']) } },
    { name: 'an invalid retired_on is schema-violation\'s finding, not this one', files: { 'scope.yaml': H1, 'controls/c.yaml': control('status: retired\nretired_on: 2026-02-30', ['2026-02-10']) } },
    { name: 'evidence dated after the period ended shows no run in it', files: { 'scope.yaml': H1, 'controls/c.yaml': control('status: retired', ['2026-07-01']) } },
  ],
  invalid: [
    {
      name: 'the latest date in the period is named, whatever the order of the entries',
      files: { 'scope.yaml': H1, 'controls/c.yaml': control('status: retired', ['2026-02-10', '2026-01-12']) },
      errors: [{ file: 'controls/c.yaml', line: 5, column: 9, messageId: 'noRetiredOn', data: { control: 'C-1', periodStart: '2026-01-01', periodEnd: '2026-06-30', latest: '2026-02-10' } }],
    },
    {
      name: 'on the first day of the period, evidence dated that day counts',
      asOf: '2026-01-01',
      files: { 'scope.yaml': H1, 'controls/c.yaml': control('status: retired', ['2026-01-01']) },
      errors: [{ file: 'controls/c.yaml', line: 5, column: 9, messageId: 'noRetiredOn', data: { control: 'C-1', periodStart: '2026-01-01', periodEnd: '2026-06-30', latest: '2026-01-01' } }],
    },
    {
      name: 'evidence dated on as_of counts',
      asOf: '2026-03-01',
      files: { 'scope.yaml': H1, 'controls/c.yaml': control('status: retired', ['2026-03-01']) },
      errors: [{ file: 'controls/c.yaml', line: 5, column: 9, messageId: 'noRetiredOn', data: { control: 'C-1', periodStart: '2026-01-01', periodEnd: '2026-06-30', latest: '2026-03-01' } }],
    },
    {
      name: 'a period of one day (start and end the same) is a period',
      files: { 'scope.yaml': scope('2026-03-02', '2026-03-02'), 'controls/c.yaml': control('status: retired', ['2026-03-02']) },
      errors: [{ file: 'controls/c.yaml', line: 5, column: 9, messageId: 'noRetiredOn', data: { control: 'C-1', periodStart: '2026-03-02', periodEnd: '2026-03-02', latest: '2026-03-02' } }],
    },
    {
      name: 'retired with evidence in the period and no retired_on, reported at its status',
      files: { 'scope.yaml': H1, 'controls/c.yaml': control('status: retired', ['2026-01-12', '2026-02-10']) },
      errors: [
        {
          file: 'controls/c.yaml',
          line: 5,
          column: 9,
          messageId: 'noRetiredOn',
          data: { control: 'C-1', periodStart: '2026-01-01', periodEnd: '2026-06-30', latest: '2026-02-10' },
          message:
            'Control C-1 is retired but has no "retired_on:" date, and it has evidence dated in the Type II period 2026-01-01 to 2026-06-30 (the latest on 2026-02-10). A control that ran for part of the period is still tested for that part: add the day it stopped as "retired_on:".',
        },
      ],
    },
    {
      name: 'still reported after the period has ended, when the auditor tests it',
      asOf: '2026-08-15',
      files: { 'scope.yaml': H1, 'controls/c.yaml': control('status: retired', ['2026-06-30']) },
      errors: [{ file: 'controls/c.yaml', line: 5, column: 9, messageId: 'noRetiredOn', message: '(the latest on 2026-06-30)' }],
    },
  ],
});
