import rule from '../../rules/stale-evidence.js';
import { testRule } from '../helpers/rule-tester.js';

/**
 * One control as a mapping with url evidence on the given dates, in the order given. The `date` value of entry i is on
 * line 7 + 2i, column 11.
 */
const control = (frequency: string, dates: string[], status = '') =>
  `id: C-1\ntitle: The control\nowner: a@x.io\nfrequency: ${frequency}\n${status ? `status: ${status}\n` : ''}evidence:\n${dates
    .map((date) => `  - url: https://ci.example.com/runs/${date}\n    date: ${date}\n`)
    .join('')}`;
const at = (index: number) => ({ file: 'controls/c.yaml', line: 7 + 2 * index, column: 11 });

testRule(rule, {
  valid: [
    { name: 'monthly: evidence of 2026-05-31 is due again on 2026-06-30, so it is fine on that day', asOf: '2026-06-30', files: { 'controls/c.yaml': control('monthly', ['2026-05-31']) } },
    { name: 'monthly from a month end: 2026-01-31 + 1 month is due 2026-02-28, fine on that day', asOf: '2026-02-28', files: { 'controls/c.yaml': control('monthly', ['2026-01-31']) } },
    { name: 'quarterly: 2026-03-31 is due 2026-06-30, fine on that day', asOf: '2026-06-30', files: { 'controls/c.yaml': control('quarterly', ['2026-03-31']) } },
    { name: 'semiannual: 2026-01-01 is due 2026-07-01, fine on that day', files: { 'controls/c.yaml': control('semiannual', ['2026-01-01']) } },
    { name: 'annual from a leap day: 2024-02-29 is due 2025-02-28, fine on that day', asOf: '2025-02-28', files: { 'controls/c.yaml': control('annual', ['2024-02-29']) } },
    { name: 'weekly: 2026-06-24 is due 7 days later, 2026-07-01', files: { 'controls/c.yaml': control('weekly', ['2026-06-24']) } },
    { name: 'daily: yesterday\'s evidence is due today', files: { 'controls/c.yaml': control('daily', ['2026-06-30']) } },
    { name: 'continuous is held to one month: 2026-06-01 is due 2026-07-01', files: { 'controls/c.yaml': control('continuous', ['2026-06-01']) } },
    { name: 'an event-driven control never goes stale', files: { 'controls/c.yaml': control('event', ['2019-03-01']) } },
    { name: 'grace: 5 days: monthly evidence of 2026-05-26 is due 2026-06-26 + 5 = 2026-07-01', options: { grace: 5 }, files: { 'controls/c.yaml': control('monthly', ['2026-05-26']) } },
    { name: 'the newest entry decides, wherever it is in the list', files: { 'controls/c.yaml': control('monthly', ['2026-01-05', '2026-06-20', '2026-03-02']) } },
    { name: 'a planned control with old evidence is skipped', files: { 'controls/c.yaml': control('monthly', ['2025-01-01'], 'planned') } },
    { name: 'a retired control with old evidence is skipped', files: { 'controls/c.yaml': control('daily', ['2024-01-01'], 'retired') } },
    { name: 'a control with no evidence is missing-evidence\'s business, not this rule\'s', files: { 'controls/c.yaml': 'id: C-1\ntitle: T\nfrequency: daily\nevidence: []\n' } },
    {
      name: 'a malformed neighbour (bad YAML, a control without frequency, an invalid date) does not crash the rule',
      files: {
        'controls/c.yaml': control('monthly', ['2026-06-15', '2026-13-01']),
        'controls/broken.yaml': 'id: "C-X\n',
        'controls/nofreq.yaml': 'id: C-NF\ntitle: No frequency\nevidence:\n  - url: https://x.example.com\n    date: 2020-01-01\n',
      },
    },
  ],
  invalid: [
    {
      name: 'monthly: evidence of 2026-05-31 is stale one day after its due date',
      files: { 'controls/c.yaml': control('monthly', ['2026-05-31']) },
      errors: [{ ...at(0), messageId: 'stale', message: 'Control C-1 runs monthly, but its newest evidence is from 2026-05-31; the next was due by 2026-06-30' }],
    },
    {
      name: 'month end: 2026-01-31 + 1 month is 2026-02-28, so it is stale on 2026-03-01',
      asOf: '2026-03-01',
      files: { 'controls/c.yaml': control('monthly', ['2026-01-31']) },
      errors: [{ ...at(0), messageId: 'stale', message: 'newest evidence is from 2026-01-31; the next was due by 2026-02-28' }],
    },
    {
      name: 'quarterly: 2026-03-31 is stale on 2026-07-01',
      files: { 'controls/c.yaml': control('quarterly', ['2026-03-31']) },
      errors: [{ ...at(0), messageId: 'stale', message: 'runs quarterly, but its newest evidence is from 2026-03-31; the next was due by 2026-06-30' }],
    },
    {
      name: 'semiannual: 2025-12-31 is due 2026-06-30 and stale on 2026-07-01',
      files: { 'controls/c.yaml': control('semiannual', ['2025-12-31']) },
      errors: [{ ...at(0), messageId: 'stale', message: 'from 2025-12-31; the next was due by 2026-06-30' }],
    },
    {
      name: 'annual across a leap day: 2024-02-29 is stale on 2025-03-01',
      asOf: '2025-03-01',
      files: { 'controls/c.yaml': control('annual', ['2024-02-29']) },
      errors: [{ ...at(0), messageId: 'stale', message: 'from 2024-02-29; the next was due by 2025-02-28' }],
    },
    {
      name: 'weekly: 8 days old is stale',
      files: { 'controls/c.yaml': control('weekly', ['2026-06-23']) },
      errors: [{ ...at(0), messageId: 'stale', message: 'runs weekly, but its newest evidence is from 2026-06-23; the next was due by 2026-06-30, 7 days after it' }],
    },
    {
      name: 'daily: 2 days old is stale',
      files: { 'controls/c.yaml': control('daily', ['2026-06-29']) },
      errors: [{ ...at(0), messageId: 'stale', message: 'from 2026-06-29; the next was due by 2026-06-30, 1 day after it' }],
    },
    {
      name: 'continuous: no proof for more than a month is stale',
      files: { 'controls/c.yaml': control('continuous', ['2026-05-31']) },
      errors: [{ ...at(0), messageId: 'stale', message: 'runs continuous, but its newest evidence is from 2026-05-31; the next was due by 2026-06-30, 1 month after it' }],
    },
    {
      name: 'grace: 5 days still runs out: 2026-05-25 is due 2026-06-30 with grace',
      options: { grace: 5 },
      files: { 'controls/c.yaml': control('monthly', ['2026-05-25']) },
      errors: [{ ...at(0), messageId: 'staleWithGrace', data: { control: 'C-1', frequency: 'monthly', newest: '2026-05-25', due: '2026-06-30', grace: 5, maxAge: '1 month' }, message: "from 2026-05-25; the next was due by 2026-06-30 (with 5 days' grace)" }],
    },
    {
      name: 'entries out of order: the newest (the middle one) is reported, at its own date line',
      files: { 'controls/c.yaml': control('monthly', ['2026-04-01', '2026-05-15', '2026-03-01']) },
      errors: [{ ...at(1), messageId: 'stale', message: 'newest evidence is from 2026-05-15; the next was due by 2026-06-15' }],
    },
    {
      name: 'a future-dated entry does not hide staleness: the newest entry on or before as_of is reported',
      files: { 'controls/c.yaml': control('monthly', ['2026-12-01', '2026-05-01']) },
      errors: [{ ...at(1), messageId: 'stale', message: 'newest evidence is from 2026-05-01; the next was due by 2026-06-01' }],
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
      errors: [{ file: 'controls/list.yaml', line: 13, column: 15, messageId: 'stale', data: { control: 'C-AR', frequency: 'quarterly', newest: '2026-02-27', due: '2026-05-27', grace: 0, maxAge: '3 months' }, message: 'Control C-AR runs quarterly, but its newest evidence is from 2026-02-27; the next was due by 2026-05-27' }],
    },
  ],
});
