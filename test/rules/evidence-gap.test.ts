import rule from '../../rules/evidence-gap.js';
import { addDays } from '../../src/core/dates.js';
import { testRule } from '../helpers/rule-tester.js';

/** scope.yaml declaring an audit of the given type over the given period. */
const scope = (start: string, end: string, type = 'type2') =>
  `categories: [security]\naudit:\n  type: ${type}\n  period:\n    start: ${start}\n    end: ${end}\n`;

/** One control as a mapping with url evidence on the given dates; its `evidence:` key is on line 5 (after a status line, 6), column 1. `status` is a status, or lines of fields. */
const control = (frequency: string, dates: string[], status = '') =>
  `id: C-1\ntitle: The control\nowner: a@x.io\nfrequency: ${frequency}\n${status ? `${status.includes(':') ? status : `status: ${status}`}\n` : ''}evidence:\n${dates
    .map((date) => `  - url: https://ci.example.com/runs/${date}\n    date: ${date}\n`)
    .join('')}`;
const at = { file: 'controls/c.yaml', line: 5, column: 1 };
/** A control proven by range-covering exports (`from`, `to`); its `evidence:` key is on line 5, or 6 with `extra`. */
const ranges = (frequency: string, spans: [string, string][], extra = '') =>
  `id: C-1\ntitle: The control\nowner: a@x.io\nfrequency: ${frequency}\n${extra}evidence:\n${spans
    .map(([from, to]) => `  - path: evidence/${to}-export.csv\n    from: ${from}\n    to: ${to}\n`)
    .join('')}`;

/** Every date from `start` to `end` (inclusive) stepping by `step` days, except those in `skip`. */
const every = (start: string, end: string, step = 1, skip: string[] = []) => {
  const dates: string[] = [];
  for (let date = start; date <= end; date = addDays(date, step)) if (!skip.includes(date)) dates.push(date);
  return dates;
};
const repo = (period: [string, string], frequency: string, dates: string[], type = 'type2') => ({
  'scope.yaml': scope(period[0], period[1], type),
  'controls/c.yaml': control(frequency, dates),
});
const H1: [string, string] = ['2026-01-01', '2026-06-30'];
const YEAR: [string, string] = ['2026-01-01', '2026-12-31'];

testRule(rule, {
  valid: [
    { name: 'quarterly: one run in each ended quarter (the last day of a quarter counts) is enough', files: repo(H1, 'quarterly', ['2026-03-15', '2026-06-30']) },
    { name: 'on the last day of Q2 (as_of 2026-06-30) Q2 has not ended, so it is not required yet', asOf: '2026-06-30', files: repo(H1, 'quarterly', ['2026-02-01']) },
    { name: 'as_of in the middle of Q3: Q3 is not required yet', asOf: '2026-08-15', files: repo(YEAR, 'quarterly', ['2026-02-01', '2026-05-01']) },
    {
      name: 'period 2026-01-15..2026-12-31: Q1 is only partly inside, so it is not required',
      files: { 'scope.yaml': scope('2026-01-15', '2026-12-31'), 'controls/c.yaml': control('quarterly', ['2026-05-01']) },
    },
    { name: 'monthly: evidence on the first day of January and the last of February covers both months', asOf: '2026-03-01', files: repo(YEAR, 'monthly', ['2026-01-01', '2026-02-28']) },
    { name: 'leap year: evidence on 2024-02-29 covers February 2024', asOf: '2024-03-01', files: repo(['2024-01-01', '2024-12-31'], 'monthly', ['2024-01-31', '2024-02-29']) },
    { name: 'leap year: on 2024-02-29 February has not ended yet', asOf: '2024-02-29', files: repo(['2024-01-01', '2024-12-31'], 'monthly', ['2024-01-31']) },
    {
      name: 'weekly over calendar 2026: only W02..W52 are whole; W01 (from 2025-12-29) and W53 (to 2027-01-03) are not required',
      asOf: '2027-02-01',
      files: repo(YEAR, 'weekly', every('2026-01-07', '2026-12-23', 7)),
    },
    {
      name: 'weekly: on the Sunday that ends 2026-W53 (2027-01-03) that week is not required yet',
      asOf: '2027-01-03',
      files: repo(['2026-12-14', '2027-01-03'], 'weekly', ['2026-12-14', '2026-12-27']),
    },
    { name: 'semiannual: one run in each half', asOf: '2027-01-01', files: repo(YEAR, 'semiannual', ['2026-06-30', '2026-07-01']) },
    { name: 'daily: every ended day has a run; today (as_of) is not required', asOf: '2026-06-04', files: repo(['2026-06-01', '2026-12-31'], 'daily', every('2026-06-01', '2026-06-03')) },
    {
      name: 'path and url entries both count as evidence',
      files: {
        'scope.yaml': scope(...H1),
        'controls/c.yaml': 'id: C-1\ntitle: T\nfrequency: quarterly\nevidence:\n  - path: evidence/q1.md\n    date: 2026-01-10\n  - url: https://x.example.com/q2\n    date: 2026-04-10\n',
      },
    },
    { name: 'a Type I audit has no period to cover', files: repo(H1, 'quarterly', ['2025-01-01'], 'type1') },
    { name: 'a Type II audit without a period: nothing to check', files: { 'scope.yaml': 'audit:\n  type: type2\n', 'controls/c.yaml': control('monthly', ['2025-01-01']) } },
    { name: 'no scope file: nothing to check', files: { 'controls/c.yaml': control('monthly', ['2025-01-01']) } },
    { name: 'a planned control is skipped', files: { 'scope.yaml': scope(...H1), 'controls/c.yaml': control('monthly', ['2025-01-01'], 'planned') } },
    { name: 'a retired control is skipped', files: { 'scope.yaml': scope(...H1), 'controls/c.yaml': control('monthly', ['2025-01-01'], 'retired') } },
    { name: "a control with no evidence at all is missing-evidence's finding, not a gap per interval", files: { 'scope.yaml': scope(...H1), 'controls/c.yaml': 'id: C-1\ntitle: T\nfrequency: monthly\nevidence: []\n' } },
    { name: 'event: the period has not ended on its last day, so no run is required yet', asOf: '2026-06-30', files: repo(H1, 'event', ['2025-11-01']) },
    { name: 'event: one run dated inside the ended period is enough', files: repo(H1, 'event', ['2026-06-30']) },
    { name: 'continuous: one configuration snapshot per quarter (continuous_every, default quarterly) is enough', files: repo(H1, 'continuous', ['2026-01-01', '2026-06-30']) },
    { name: 'continuous with continuous_every: semiannual: one snapshot in the half-year is enough', options: { continuous_every: 'semiannual' }, files: repo(H1, 'continuous', ['2026-05-01']) },
    {
      name: 'daily: two monthly log exports (from/to) cover every day of a two-month period',
      asOf: '2026-03-01',
      files: { 'scope.yaml': scope('2026-01-01', '2026-02-28'), 'controls/c.yaml': ranges('daily', [['2026-01-01', '2026-01-31'], ['2026-02-01', '2026-02-28']]) },
    },
    {
      name: 'daily proven monthly (evidence_every: monthly): in the middle of June, June\'s days are not due yet',
      asOf: '2026-06-15',
      files: { 'scope.yaml': scope(...H1), 'controls/c.yaml': ranges('daily', [['2026-01-01', '2026-05-31']], 'evidence_every: monthly\n') },
    },
    {
      name: 'a control introduced mid-period (effective_from 2026-04-01) owes nothing for Q1',
      files: { 'scope.yaml': scope(...H1), 'controls/c.yaml': control('quarterly', ['2026-05-10'], 'effective_from: 2026-04-01') },
    },
    {
      name: 'a control retired on 2026-04-01 owes Q1 only, and has it',
      files: { 'scope.yaml': scope(...H1), 'controls/c.yaml': control('quarterly', ['2026-02-10'], 'status: retired\nretired_on: 2026-04-01') },
    },
    { name: 'grace: 10 days: on 2026-07-05 Q2 is not due yet', asOf: '2026-07-05', options: { grace: 10 }, files: repo(H1, 'quarterly', ['2026-03-15']) },
    { name: 'annual in a 6-month period (no whole year inside): one run inside the period is enough', files: repo(H1, 'annual', ['2026-04-01']) },
    { name: 'annual in a 6-month period that has not ended: nothing required yet', asOf: '2026-06-30', files: repo(H1, 'annual', ['2025-04-01']) },
    { name: 'a period of one day (start and end the same) is judged, not taken for a backwards one', files: repo(['2026-06-15', '2026-06-15'], 'daily', ['2026-06-15']) },
    {
      name: 'a control retired before the period began owes nothing in it',
      files: { 'scope.yaml': scope(...H1), 'controls/c.yaml': control('quarterly', ['2025-10-10'], 'status: retired\nretired_on: 2025-12-01') },
    },
  ],
  invalid: [
    {
      name: 'daily: exactly five missing days are all listed, without an ellipsis',
      asOf: '2026-01-08',
      files: repo(YEAR, 'daily', every('2026-01-01', '2026-01-02')),
      errors: [{ ...at, messageId: 'gapInDays', data: { control: 'C-1', periodStart: '2026-01-01', periodEnd: '2026-12-31', missing: 5, ended: 7, days: '2026-01-03, 2026-01-04, 2026-01-05, 2026-01-06, 2026-01-07' } }],
    },
    {
      name: 'quarterly: on the day after Q2 ends (2026-07-01), Q2 without evidence is a gap',
      files: repo(H1, 'quarterly', ['2026-03-15']),
      errors: [
        {
          ...at,
          messageId: 'gapInQuarter',
          data: { control: 'C-1', periodStart: '2026-01-01', periodEnd: '2026-06-30', interval: '2026-Q2', start: '2026-04-01', end: '2026-06-30' },
          message:
            "Control C-1 runs quarterly but has no evidence dated in 2026-Q2 (2026-04-01 to 2026-06-30), inside the Type II period 2026-01-01 to 2026-06-30. Add the evidence of that quarter's run; if it did not run, that is an exception to disclose.",
        },
      ],
    },
    {
      name: 'as_of in the middle of Q3: only the ended Q2 is reported, not Q3',
      asOf: '2026-08-15',
      files: repo(YEAR, 'quarterly', ['2026-02-10']),
      errors: [{ ...at, messageId: 'gapInQuarter', message: 'no evidence dated in 2026-Q2 (2026-04-01 to 2026-06-30), inside the Type II period 2026-01-01 to 2026-12-31' }],
    },
    {
      name: 'period 2026-01-15..2026-12-31: evidence in the partial Q1 does not cover Q2, Q3 or Q4',
      asOf: '2027-01-01',
      files: { 'scope.yaml': scope('2026-01-15', '2026-12-31'), 'controls/c.yaml': control('quarterly', ['2026-01-20']) },
      errors: [
        { ...at, messageId: 'gapInQuarter', message: '2026-Q2 (2026-04-01 to 2026-06-30), inside the Type II period 2026-01-15 to 2026-12-31' },
        { ...at, messageId: 'gapInQuarter', message: '2026-Q3 (2026-07-01 to 2026-09-30)' },
        { ...at, messageId: 'gapInQuarter', message: '2026-Q4 (2026-10-01 to 2026-12-31)' },
      ],
    },
    {
      name: 'evidence from before the period covers no quarter of it',
      files: repo(H1, 'quarterly', ['2025-12-31']),
      errors: [
        { ...at, messageId: 'gapInQuarter', message: '2026-Q1 (2026-01-01 to 2026-03-31)' },
        { ...at, messageId: 'gapInQuarter', message: '2026-Q2 (2026-04-01 to 2026-06-30)' },
      ],
    },
    {
      name: 'leap year: February 2024 runs to the 29th, and on 2024-03-01 it is a gap',
      asOf: '2024-03-01',
      files: repo(['2024-01-01', '2024-12-31'], 'monthly', ['2024-01-15', '2024-03-01']),
      errors: [{ ...at, messageId: 'gapInMonth', message: "runs monthly but has no evidence dated in 2024-02 (2024-02-01 to 2024-02-29), inside the Type II period 2024-01-01 to 2024-12-31. Add the evidence of that month's run" }],
    },
    {
      name: 'weekly: the ISO week 2026-W52 (Monday 2026-12-21 to Sunday 2026-12-27) has no run',
      asOf: '2027-02-01',
      files: repo(YEAR, 'weekly', every('2026-01-07', '2026-12-16', 7)),
      errors: [
        {
          ...at,
          messageId: 'gapInWeek',
          data: { control: 'C-1', periodStart: '2026-01-01', periodEnd: '2026-12-31', interval: '2026-W52', start: '2026-12-21', end: '2026-12-27' },
          message: "runs weekly but has no evidence dated in 2026-W52 (2026-12-21 to 2026-12-27), inside the Type II period 2026-01-01 to 2026-12-31. Add the evidence of that week's run",
        },
      ],
    },
    {
      name: 'weekly: 2026-W53 (2026-12-28 to 2027-01-03) is required when the period holds it whole and it has ended',
      asOf: '2027-01-04',
      files: repo(['2026-12-14', '2027-01-03'], 'weekly', ['2026-12-14', '2026-12-27']),
      errors: [{ ...at, messageId: 'gapInWeek', message: 'no evidence dated in 2026-W53 (2026-12-28 to 2027-01-03), inside the Type II period 2026-12-14 to 2027-01-03' }],
    },
    {
      name: 'semiannual: the second half without a run',
      asOf: '2027-01-01',
      files: repo(YEAR, 'semiannual', ['2026-03-01']),
      errors: [
        {
          ...at,
          messageId: 'gapInHalfYear',
          data: { control: 'C-1', periodStart: '2026-01-01', periodEnd: '2026-12-31', interval: '2026-H2', start: '2026-07-01', end: '2026-12-31' },
          message: "runs semiannually but has no evidence dated in 2026-H2 (2026-07-01 to 2026-12-31), inside the Type II period 2026-01-01 to 2026-12-31. Add the evidence of that half-year's run",
        },
      ],
    },
    {
      name: 'annual: the whole calendar year 2025 inside an 18-month period without a run',
      files: repo(['2025-01-01', '2026-06-30'], 'annual', ['2026-02-01']),
      errors: [
        {
          ...at,
          messageId: 'gapInYear',
          data: { control: 'C-1', periodStart: '2025-01-01', periodEnd: '2026-06-30', interval: '2025', start: '2025-01-01', end: '2025-12-31' },
          message: 'runs annually but has no evidence dated in 2025 (2025-01-01 to 2025-12-31), inside the Type II period 2025-01-01 to 2026-06-30',
        },
      ],
    },
    {
      name: 'daily: one finding counting the missing days, listing the first five',
      files: repo(['2026-06-01', '2026-06-30'], 'daily', every('2026-06-01', '2026-06-30', 1, ['2026-06-03', '2026-06-10', '2026-06-11', '2026-06-12', '2026-06-13', '2026-06-14', '2026-06-15'])),
      errors: [
        {
          ...at,
          messageId: 'gapInManyDays',
          data: { control: 'C-1', periodStart: '2026-06-01', periodEnd: '2026-06-30', missing: 7, ended: 30, days: '2026-06-03, 2026-06-10, 2026-06-11, 2026-06-12, 2026-06-13' },
          message:
            'Control C-1 runs daily but has no evidence dated on 7 of the 30 ended days of the Type II period 2026-06-01 to 2026-06-30 (2026-06-03, 2026-06-10, 2026-06-11, 2026-06-12, 2026-06-13, ...).',
        },
      ],
    },
    {
      name: 'daily: days not yet ended are not counted, and a short list has no ellipsis',
      asOf: '2026-01-08',
      files: repo(YEAR, 'daily', every('2026-01-01', '2026-01-05')),
      errors: [
        {
          ...at,
          messageId: 'gapInDays',
          data: { control: 'C-1', periodStart: '2026-01-01', periodEnd: '2026-12-31', missing: 2, ended: 7, days: '2026-01-06, 2026-01-07' },
          message: 'no evidence dated on 2 of the 7 ended days of the Type II period 2026-01-01 to 2026-12-31 (2026-01-06, 2026-01-07).',
        },
      ],
    },
    {
      name: 'event: the period has ended (as_of the day after) and no entry is dated in it',
      files: repo(H1, 'event', ['2025-12-31', '2026-07-01']),
      errors: [{ ...at, messageId: 'noEvent', data: { control: 'C-1', periodStart: '2026-01-01', periodEnd: '2026-06-30' }, message: 'Control C-1 runs on events: an event-driven control is sampled from the occurrences inside the Type II period 2026-01-01 to 2026-06-30, but the period has ended and no evidence is dated in it.' }],
    },
    {
      name: 'continuous: a quarter of the period without a configuration snapshot',
      asOf: '2026-09-01',
      files: repo(H1, 'continuous', ['2026-02-01', '2026-08-01']),
      errors: [
        {
          ...at,
          messageId: 'gapContinuous',
          data: { control: 'C-1', periodStart: '2026-01-01', periodEnd: '2026-06-30', every: 'quarter', interval: '2026-Q2', start: '2026-04-01', end: '2026-06-30' },
          message:
            'Control C-1 runs continuously and must show a snapshot of its configuration each quarter, but has no evidence dated in 2026-Q2 (2026-04-01 to 2026-06-30), inside the Type II period 2026-01-01 to 2026-06-30.',
        },
      ],
    },
    {
      name: 'continuous in a period holding no whole quarter: one snapshot inside it is expected',
      asOf: '2026-09-01',
      files: repo(['2026-02-01', '2026-04-30'], 'continuous', ['2026-08-01']),
      errors: [{ ...at, messageId: 'notContinuous', data: { control: 'C-1', periodStart: '2026-02-01', periodEnd: '2026-04-30' }, message: 'Control C-1 runs continuously: a continuous control must show it operated during the Type II period 2026-02-01 to 2026-04-30, but the period has ended' }],
    },
    {
      name: 'the worked example of the rule page: run on 13 March and 17 April, grace 5, as of 2026-06-06',
      asOf: '2026-06-06',
      options: { grace: 5 },
      files: repo(H1, 'monthly', ['2026-03-13', '2026-04-17']),
      errors: [
        { ...at, messageId: 'gapInMonth', message: 'no evidence dated in 2026-01 (' },
        { ...at, messageId: 'gapInMonth', message: 'no evidence dated in 2026-02 (' },
        { ...at, messageId: 'gapInMonth', message: 'no evidence dated in 2026-05 (' },
      ],
    },
    {
      name: 'the worked example on 2026-04-05: March is due that day, so only January and February',
      asOf: '2026-04-05',
      options: { grace: 5 },
      files: repo(H1, 'monthly', ['2026-03-13']),
      errors: [
        { ...at, messageId: 'gapInMonth', message: 'no evidence dated in 2026-01 (' },
        { ...at, messageId: 'gapInMonth', message: 'no evidence dated in 2026-02 (' },
      ],
    },
    {
      name: 'a period written backwards (start after end) cannot be judged: said once, at its end date',
      files: repo(['2026-06-30', '2026-01-01'], 'monthly', ['2025-01-01']),
      errors: [
        {
          file: 'scope.yaml',
          line: 6,
          column: 10,
          messageId: 'invertedPeriod',
          data: { periodStart: '2026-06-30', periodEnd: '2026-01-01' },
          message: "The Type II period in scope.yaml ends (2026-01-01) before it starts (2026-06-30), so no control's evidence can be judged against it. Fix the period.",
        },
      ],
    },
    {
      name: 'a control retired on 2026-05-15 still owes the months before it: its March gap is reported',
      files: { 'scope.yaml': scope(...H1), 'controls/c.yaml': control('monthly', ['2026-01-10', '2026-02-10', '2026-04-10'], 'status: retired\nretired_on: 2026-05-15') },
      errors: [{ ...at, line: 7, messageId: 'gapInMonth', message: 'Control C-1 runs monthly but has no evidence dated in 2026-03 (2026-03-01 to 2026-03-31)' }],
    },
    {
      name: 'daily proven by monthly exports: a month with no export leaves its days uncovered once the month is due',
      asOf: '2026-04-01',
      files: { 'scope.yaml': scope(...H1), 'controls/c.yaml': ranges('daily', [['2026-01-01', '2026-01-31'], ['2026-03-01', '2026-03-31']], 'evidence_every: monthly\n') },
      errors: [{ ...at, line: 6, messageId: 'gapInManyDays', data: { control: 'C-1', periodStart: '2026-01-01', periodEnd: '2026-06-30', missing: 28, ended: 90, days: '2026-02-01, 2026-02-02, 2026-02-03, 2026-02-04, 2026-02-05' } }],
    },
    {
      name: 'annual in a 6-month period: no whole year fits, so one run in the period is required once it has ended',
      files: repo(H1, 'annual', ['2025-12-15']),
      errors: [{ ...at, messageId: 'noWholeYear', data: { control: 'C-1', periodStart: '2026-01-01', periodEnd: '2026-06-30' }, message: 'Control C-1 runs annually: no whole calendar year lies inside the Type II period 2026-01-01 to 2026-06-30, so at least one run inside the period is expected, but the period has ended and no evidence is dated in it.' }],
    },
    {
      name: 'weekly in a period of four days (Thursday to Sunday): no whole ISO week fits, so one run in the period is required',
      files: repo(['2026-01-01', '2026-01-04'], 'weekly', ['2025-12-31']),
      errors: [
        {
          ...at,
          messageId: 'noWholeWeek',
          data: { control: 'C-1', periodStart: '2026-01-01', periodEnd: '2026-01-04' },
          message:
            'Control C-1 runs weekly: no whole week lies inside the Type II period 2026-01-01 to 2026-01-04, so at least one run inside the period is expected, but the period has ended and no evidence is dated in it. Add the evidence of its operation in the period; if it did not operate, that is an exception to disclose.',
        },
      ],
    },
    {
      name: 'monthly in a period from 2026-01-10 to 2026-02-05: no whole month fits',
      files: repo(['2026-01-10', '2026-02-05'], 'monthly', ['2026-02-06']),
      errors: [{ ...at, messageId: 'noWholeMonth', data: { control: 'C-1', periodStart: '2026-01-10', periodEnd: '2026-02-05' }, message: 'Control C-1 runs monthly: no whole month lies inside the Type II period 2026-01-10 to 2026-02-05, so' }],
    },
    {
      name: 'quarterly in a period from February to April: no whole quarter fits',
      files: repo(['2026-02-01', '2026-04-30'], 'quarterly', ['2026-01-31']),
      errors: [{ ...at, messageId: 'noWholeQuarter', data: { control: 'C-1', periodStart: '2026-02-01', periodEnd: '2026-04-30' }, message: 'Control C-1 runs quarterly: no whole quarter lies inside the Type II period 2026-02-01 to 2026-04-30, so' }],
    },
    {
      name: 'semiannual in a period from February to July: no whole half-year fits',
      asOf: '2026-08-01',
      files: repo(['2026-02-01', '2026-07-31'], 'semiannual', ['2025-12-01']),
      errors: [{ ...at, messageId: 'noWholeHalfYear', data: { control: 'C-1', periodStart: '2026-02-01', periodEnd: '2026-07-31' }, message: 'Control C-1 runs semiannually: no whole half-year lies inside the Type II period 2026-02-01 to 2026-07-31, so' }],
    },
    {
      name: 'in a controls list, the finding is at that control\'s evidence key, one per missing month in order',
      asOf: '2026-04-01',
      files: {
        'scope.yaml': scope(...YEAR),
        'controls/list.yaml': [
          'controls:',
          '  - id: C-OK',
          '    title: Fine',
          '    frequency: quarterly',
          '    evidence:',
          '      - path: evidence/q1.md',
          '        date: 2026-03-02',
          '  - id: C-VS',
          '    title: Vulnerability scan',
          '    frequency: monthly',
          '    evidence:',
          '      - path: evidence/vs-02.md',
          '        date: 2026-02-04',
          '',
        ].join('\n'),
      },
      errors: [
        { file: 'controls/list.yaml', line: 11, column: 5, messageId: 'gapInMonth', message: 'Control C-VS runs monthly but has no evidence dated in 2026-01 (2026-01-01 to 2026-01-31)' },
        { file: 'controls/list.yaml', line: 11, column: 5, messageId: 'gapInMonth', message: 'Control C-VS runs monthly but has no evidence dated in 2026-03 (2026-03-01 to 2026-03-31)' },
      ],
    },
  ],
});
