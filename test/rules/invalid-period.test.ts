import rule from '../../rules/invalid-period.js';
import { testRule } from '../helpers/rule-tester.js';

/** scope.yaml with a Type II period: `end`'s value is on line 6, column 10. */
const scope = (start: string, end: string, type = 'type2') => `categories: [security]\naudit:\n  type: ${type}\n  period:\n    start: ${start}\n    end: ${end}\n`;
const endAt = { file: 'scope.yaml', line: 6, column: 10 };
/** A control with the given extra lines from line 5 (a value at column 17 for `effective_from:`, 13 for `retired_on:`). */
const control = (lines: string, evidence = '  - url: https://x.example.com/1\n    date: 2026-02-01\n') =>
  `id: C-1\ntitle: The control\nowner: a@x.io\nfrequency: monthly\n${lines}\nevidence:\n${evidence}`;
const PEOPLE = 'people:\n  - id: a@x.io\n    name: A\n    start: 2024-03-04\n  - id: b@x.io\n    name: B\n    start: 2025-01-06\n';

testRule(rule, {
  valid: [
    { name: 'six months', files: { 'scope.yaml': scope('2026-01-01', '2026-06-30') } },
    { name: 'exactly twelve months, across a leap day', files: { 'scope.yaml': scope('2024-03-01', '2025-02-28') } },
    { name: 'exactly three months', files: { 'scope.yaml': scope('2026-01-01', '2026-03-31') } },
    { name: 'a Type I audit needs no period', files: { 'scope.yaml': 'categories: [security]\naudit:\n  type: type1\n' } },
    { name: 'no audit at all', files: { 'scope.yaml': 'categories: [security]\n' } },
    { name: 'a malformed period is schema-violation\'s finding, not "no period"', files: { 'scope.yaml': 'audit:\n  type: type2\n  period:\n    start: 2026-01-01\n' } },
    {
      name: 'a control in effect from after the first hire, retired after it started; a range in order',
      files: {
        'people.yaml': PEOPLE,
        'controls/c.yaml': control('effective_from: 2024-03-04\nretired_on: 2026-05-01', '  - path: e.csv\n    from: 2026-01-01\n    to: 2026-01-31\n'),
      },
    },
    { name: 'without start dates in people.yaml, there is no earliest date to judge by', files: { 'controls/c.yaml': control('effective_from: 2019-01-01') } },
    { name: 'a control retired on the day the earliest person started is not before the company', files: { 'people.yaml': PEOPLE, 'controls/c.yaml': control('status: retired\nretired_on: 2024-03-04') } },
    { name: 'an evidence range of one day (from and to the same) is not backwards', files: { 'controls/c.yaml': control('', '  - path: a.csv\n    from: 2026-02-01\n    to: 2026-02-01\n') } },
  ],
  invalid: [
    {
      name: 'a period of one day (start and end the same) is too short, not backwards',
      files: { 'scope.yaml': scope('2026-03-02', '2026-03-02') },
      errors: [{ ...endAt, messageId: 'tooShort', severity: 'warn' }],
    },
    {
      name: 'a period that ends before it starts',
      files: { 'scope.yaml': scope('2026-06-30', '2026-01-01') },
      errors: [{ ...endAt, messageId: 'inverted', data: { start: '2026-06-30', end: '2026-01-01' }, message: 'The Type II period ends on 2026-01-01, before it starts on 2026-06-30, so nothing in it can be judged. Fix the dates under audit.period.' }],
    },
    {
      name: 'twelve months and a day',
      files: { 'scope.yaml': scope('2026-01-01', '2027-01-01') },
      errors: [{ ...endAt, messageId: 'tooLong', data: { start: '2026-01-01', end: '2027-01-01', latestEnd: '2026-12-31' }, message: 'is longer than 12 months (it should end by 2026-12-31)' }],
    },
    {
      name: 'shorter than three months is a warning',
      files: { 'scope.yaml': scope('2026-01-01', '2026-03-30') },
      errors: [{ ...endAt, messageId: 'tooShort', severity: 'warn', data: { start: '2026-01-01', end: '2026-03-30', earliestEnd: '2026-03-31' }, message: 'is shorter than 3 months' }],
    },
    {
      name: 'a Type II scope without a period, reported at its type',
      files: { 'scope.yaml': 'categories: [security]\naudit:\n  type: type2\n' },
      errors: [{ file: 'scope.yaml', line: 3, column: 9, messageId: 'noPeriod', data: {} }],
    },
    {
      name: 'retired on the day it took effect',
      files: { 'controls/c.yaml': control('effective_from: 2026-03-01\nretired_on: 2026-03-01') },
      errors: [{ file: 'controls/c.yaml', line: 6, column: 13, messageId: 'retiredBeforeEffective', data: { control: 'C-1', retired: '2026-03-01', effective: '2026-03-01' } }],
    },
    {
      name: 'effective_from and retired_on before anyone in people.yaml had started',
      files: { 'people.yaml': PEOPLE, 'controls/c.yaml': control('effective_from: 2014-03-01\nretired_on: 2016-01-01') },
      errors: [
        { file: 'controls/c.yaml', line: 5, column: 17, messageId: 'beforeCompany', data: { control: 'C-1', field: 'effective_from', date: '2014-03-01', earliest: '2024-03-04' } },
        { file: 'controls/c.yaml', line: 6, column: 13, messageId: 'beforeCompany', data: { control: 'C-1', field: 'retired_on', date: '2016-01-01', earliest: '2024-03-04' } },
      ],
    },
    {
      name: 'an evidence range that ends before it starts, at its to',
      files: { 'controls/c.yaml': control('status: active', '  - path: e.csv\n    from: 2026-02-01\n    to: 2026-01-31\n') },
      errors: [{ file: 'controls/c.yaml', line: 9, column: 9, messageId: 'rangeInverted', data: { control: 'C-1', from: '2026-02-01', to: '2026-01-31' } }],
    },
  ],
});
