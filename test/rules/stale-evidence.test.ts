import rule from '../../rules/stale-evidence.js';
import { testRule } from '../helpers/rule-tester.js';

/**
 * One control as a mapping with url evidence on the given dates, in the order given. The `date` value of entry i is on
 * line 7 + 2i (one line further with `extra`), column 11.
 */
const control = (frequency: string, dates: string[], extra = '') =>
  `id: C-1\ntitle: The control\nowner: a@x.io\nfrequency: ${frequency}\n${extra}evidence:\n${dates
    .map((date) => `  - url: https://ci.example.com/runs/${date}\n    date: ${date}\n`)
    .join('')}`;
const at = (index: number, shift = 0) => ({ file: 'controls/c.yaml', line: 7 + 2 * index + shift, column: 11 });
/** A control whose evidence is range-covering exports (`from`, `to`, no date): the `to` of entry i is on line 8 + 3i + shift, column 9. */
const ranged = (frequency: string, ranges: [string, string][], extra = '') =>
  `id: C-1\ntitle: The control\nowner: a@x.io\nfrequency: ${frequency}\n${extra}evidence:\n${ranges
    .map(([from, to]) => `  - path: evidence/${to}-export.csv\n    from: ${from}\n    to: ${to}\n`)
    .join('')}`;

testRule(rule, {
  valid: [
    { name: 'monthly, run on 13 March and 17 April: on 15 April March is proven and April is not due yet', asOf: '2026-04-15', files: { 'controls/c.yaml': control('monthly', ['2026-03-13', '2026-04-17']) } },
    { name: 'monthly, run on 13 March: on 15 April (before the April run) April is still open', asOf: '2026-04-15', files: { 'controls/c.yaml': control('monthly', ['2026-03-13']) } },
    { name: 'monthly: on the last day of June, May and June are both proven', asOf: '2026-06-30', files: { 'controls/c.yaml': control('monthly', ['2026-05-31', '2026-06-02']) } },
    { name: 'quarterly: Q1 proven on its last day; on 2026-06-20 Q2 is open and more than 7 days from its end', asOf: '2026-06-20', files: { 'controls/c.yaml': control('quarterly', ['2026-03-31']) } },
    { name: 'annual from a leap day: 2024 is proven; on 2025-02-28 2025 is open', asOf: '2025-02-28', files: { 'controls/c.yaml': control('annual', ['2024-02-29']) } },
    { name: 'weekly: the ISO week before (2026-W26) is proven on its Sunday; W27 is open', files: { 'controls/c.yaml': control('weekly', ['2026-06-28']) } },
    { name: 'daily: yesterday is proven; today is open and never "due soon"', files: { 'controls/c.yaml': control('daily', ['2026-06-30']) } },
    { name: 'continuous is held to one snapshot a quarter (continuous_every, default quarterly), not one a month', asOf: '2026-06-15', files: { 'controls/c.yaml': control('continuous', ['2026-01-05', '2026-04-02']) } },
    { name: 'continuous_every: monthly holds an automated control to a monthly snapshot, and May has one', asOf: '2026-06-15', options: { continuous_every: 'monthly' }, files: { 'controls/c.yaml': control('continuous', ['2026-05-29']) } },
    { name: 'an event-driven control never goes stale', files: { 'controls/c.yaml': control('event', ['2019-03-01']) } },
    { name: 'grace: 5 days: May is due by 2026-06-05, so on that day its missing proof is not yet stale', asOf: '2026-06-05', options: { grace: 5, days: 0 }, files: { 'controls/c.yaml': control('monthly', ['2026-04-20']) } },
    { name: 'entries in any order', files: { 'controls/c.yaml': control('monthly', ['2026-01-05', '2026-06-20', '2026-03-02']) } },
    { name: 'a planned control with old evidence is skipped', files: { 'controls/c.yaml': control('monthly', ['2025-01-01'], 'status: planned\n') } },
    { name: 'a retired control with old evidence is skipped', files: { 'controls/c.yaml': control('daily', ['2024-01-01'], 'status: retired\nretired_on: 2024-01-02\n') } },
    { name: "a control with no evidence is missing-evidence's business, not this rule's", files: { 'controls/c.yaml': 'id: C-1\ntitle: T\nfrequency: daily\nevidence: []\n' } },
    { name: 'the interval before the first proof is not judged: proof that never started is evidence-gap\'s finding', asOf: '2026-07-05', files: { 'controls/c.yaml': control('quarterly', ['2026-07-02']) } },
    {
      name: 'a daily control proven by a monthly export (evidence_every: monthly) is not stale in the middle of a month',
      asOf: '2026-06-15',
      files: { 'controls/c.yaml': ranged('daily', [['2026-04-01', '2026-04-30'], ['2026-05-01', '2026-05-31']], 'evidence_every: monthly\n') },
    },
    { name: 'a range covers every interval it spans: a weekly control\'s June export covers W26', files: { 'controls/c.yaml': ranged('weekly', [['2026-06-01', '2026-06-30']]) } },
    { name: 'a control introduced on 2026-06-01 (effective_from) owes nothing for May', asOf: '2026-06-10', files: { 'controls/c.yaml': control('monthly', ['2026-04-10'], 'effective_from: 2026-06-01\n') } },
    { name: 'days: 0 turns the due-soon warning off', asOf: '2026-06-28', options: { days: 0 }, files: { 'controls/c.yaml': control('monthly', ['2026-05-20']) } },
    {
      name: 'a malformed neighbour (bad YAML, a control without frequency, an invalid date) does not crash the rule',
      files: {
        'controls/c.yaml': control('monthly', ['2026-05-15', '2026-06-15', '2026-13-01']),
        'controls/broken.yaml': 'id: "C-X\n',
        'controls/nofreq.yaml': 'id: C-NF\ntitle: No frequency\nevidence:\n  - url: https://x.example.com\n    date: 2020-01-01\n',
      },
    },
  ],
  invalid: [
    {
      name: 'monthly: May has no proof on 2026-06-01, reported at the newest entry',
      asOf: '2026-06-01',
      files: { 'controls/c.yaml': control('monthly', ['2026-03-10', '2026-04-30']) },
      errors: [
        {
          ...at(1),
          messageId: 'stale',
          data: { control: 'C-1', every: 'monthly', interval: '2026-05', start: '2026-05-01', end: '2026-05-31', due: '2026-05-31', newest: '2026-04-30', grace: 0 },
          message:
            'Control C-1 is filed monthly, but no evidence covers 2026-05 (2026-05-01 to 2026-05-31), due by 2026-05-31; its newest evidence is from 2026-04-30. Add the evidence of that run (with its real date), or fix the frequency.',
        },
      ],
    },
    {
      name: 'monthly: run on 13 March and not in April is stale on 1 May',
      asOf: '2026-05-01',
      files: { 'controls/c.yaml': control('monthly', ['2026-03-13']) },
      errors: [{ ...at(0), messageId: 'stale', message: 'no evidence covers 2026-04 (2026-04-01 to 2026-04-30), due by 2026-04-30' }],
    },
    {
      name: 'leap year: February 2024 ends on the 29th; on 2024-03-01 it has no proof',
      asOf: '2024-03-01',
      files: { 'controls/c.yaml': control('monthly', ['2024-01-31']) },
      errors: [{ ...at(0), messageId: 'stale', message: 'no evidence covers 2024-02 (2024-02-01 to 2024-02-29), due by 2024-02-29' }],
    },
    {
      name: 'quarterly: Q2 without proof is stale on 2026-07-01',
      files: { 'controls/c.yaml': control('quarterly', ['2026-03-31']) },
      errors: [{ ...at(0), messageId: 'stale', message: 'is filed quarterly, but no evidence covers 2026-Q2 (2026-04-01 to 2026-06-30)' }],
    },
    {
      name: 'weekly: the ISO week 2026-W26 (22 to 28 June) has no proof',
      files: { 'controls/c.yaml': control('weekly', ['2026-06-21']) },
      errors: [{ ...at(0), messageId: 'stale', message: 'no evidence covers 2026-W26 (2026-06-22 to 2026-06-28), due by 2026-06-28' }],
    },
    {
      name: 'daily: yesterday has no proof',
      files: { 'controls/c.yaml': control('daily', ['2026-06-29']) },
      errors: [{ ...at(0), messageId: 'stale', message: 'is filed daily, but no evidence covers 2026-06-30 (2026-06-30 to 2026-06-30)' }],
    },
    {
      name: 'continuous: no snapshot in Q2 is stale once Q2 ends',
      files: { 'controls/c.yaml': control('continuous', ['2026-03-02']) },
      errors: [{ ...at(0), messageId: 'stale', data: { control: 'C-1', every: 'quarterly (snapshots of a continuous control)', interval: '2026-Q2', start: '2026-04-01', end: '2026-06-30', due: '2026-06-30', newest: '2026-03-02', grace: 0 } }],
    },
    {
      name: 'grace: 5 days: May is stale from 2026-06-06',
      asOf: '2026-06-06',
      options: { grace: 5 },
      files: { 'controls/c.yaml': control('monthly', ['2026-04-20']) },
      errors: [{ ...at(0), messageId: 'staleWithGrace', message: "no evidence covers 2026-05 (2026-05-01 to 2026-05-31), due by 2026-06-05 (with 5 days' grace); its newest evidence is from 2026-04-20" }],
    },
    {
      name: 'a future-dated entry does not hide staleness: the newest entry on or before as_of is reported',
      files: { 'controls/c.yaml': control('monthly', ['2026-12-01', '2026-05-01']) },
      errors: [{ ...at(1), messageId: 'stale', message: 'no evidence covers 2026-06 (2026-06-01 to 2026-06-30), due by 2026-06-30; its newest evidence is from 2026-05-01' }],
    },
    {
      name: 'a daily control filed monthly is stale once a whole month has no export, reported at the `to` of the newest',
      asOf: '2026-07-01',
      files: { 'controls/c.yaml': ranged('daily', [['2026-04-01', '2026-04-30'], ['2026-05-01', '2026-05-31']], 'evidence_every: monthly\n') },
      errors: [{ file: 'controls/c.yaml', line: 12, column: 9, messageId: 'stale', data: { control: 'C-1', every: 'monthly', interval: '2026-06', start: '2026-06-01', end: '2026-06-30', due: '2026-06-30', newest: '2026-05-31', grace: 0 } }],
    },
    {
      name: 'due soon: June is due in 3 days and has no proof yet (a warning)',
      asOf: '2026-06-27',
      files: { 'controls/c.yaml': control('monthly', ['2026-05-20']) },
      errors: [
        {
          ...at(0),
          messageId: 'dueSoon',
          severity: 'warn',
          data: { control: 'C-1', every: 'monthly', interval: '2026-06', start: '2026-06-01', end: '2026-06-30', due: '2026-06-30', days: 3 },
          message: 'Control C-1 is filed monthly: the evidence for 2026-06 (2026-06-01 to 2026-06-30) is due by 2026-06-30, in 3 days, and none is recorded yet. Run the control and record it.',
        },
      ],
    },
    {
      name: 'due today: the last day of the quarter without its proof',
      asOf: '2026-06-30',
      files: { 'controls/c.yaml': control('quarterly', ['2026-02-10'], 'effective_from: 2026-01-01\n') },
      errors: [{ ...at(0, 1), messageId: 'dueToday', severity: 'warn', message: 'the evidence for 2026-Q2 (2026-04-01 to 2026-06-30) is due today (2026-06-30)' }],
    },
    {
      name: 'in a controls list, a control with no status is active and its stale evidence is reported',
      files: {
        'controls/list.yaml': [
          'controls:',
          '  - id: C-FRESH',
          '    title: Fresh',
          '    frequency: weekly',
          '    evidence:',
          '      - path: evidence/w.md',
          '        date: 2026-06-29',
          '  - id: C-AR',
          '    title: Access review',
          '    frequency: quarterly',
          '    evidence:',
          '      - path: evidence/ar-q1.md',
          '        date: 2026-02-27',
          '',
        ].join('\n'),
      },
      errors: [{ file: 'controls/list.yaml', line: 13, column: 15, messageId: 'stale', message: 'Control C-AR is filed quarterly, but no evidence covers 2026-Q2' }],
    },
  ],
});
