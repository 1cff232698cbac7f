import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/late-offboarding.js';
import { loadConfig } from '../../src/config/config.js';
import { resolveRules } from '../../src/engine/settings.js';
import { makeRepo } from '../helpers/repo.js';
import { runRuleIn, testRule } from '../helpers/rule-tester.js';

/**
 * people.yaml with one person, Ryan Cole. With an end date, `end`'s value is on line 4, column 10; an offboarded record
 * follows with its key on line 5, column 5, and its date value on line 6, column 13.
 */
const ryan = (end?: string, offboarded = '') => `people:\n  - id: ryan@x.io\n    name: Ryan Cole\n${end ? `    end: ${end}\n` : ''}${offboarded}`;
const removed = (date: string, evidence: string | null = 'evidence/HR-03/ticket.md') =>
  `    offboarded:\n      date: ${date}\n${evidence === null ? '' : `      evidence: ${evidence}\n`}`;
const END = { file: 'people.yaml', line: 4, column: 10 };
const DATE = { file: 'people.yaml', line: 6, column: 13 };
const KEY = { file: 'people.yaml', line: 5, column: 5 };

/** A Friday leaver (2026-03-06): `offboarded.date` value on line 6, column 13; per-system dates from line 9 (`systems` key on line 8, column 7). */
const friday = (removedOn: string, systems: Record<string, string> = {}) =>
  `people:\n  - id: ryan@x.io\n    name: Ryan Cole\n    end: 2026-03-06\n    offboarded:\n      date: ${removedOn}\n      evidence: evidence/HR-03/ticket.md\n` +
  (Object.keys(systems).length ? `      systems:\n${Object.entries(systems).map(([system, date]) => `        ${system}: ${date}\n`).join('')}` : '');
const SCOPE_SYSTEMS = { 'scope.yaml': 'systems:\n  - { id: SYS-IDP, name: Okta }\n  - { id: SYS-GITHUB, name: GitHub }\n  - { id: SYS-DB, name: Database }\n' };
const BUSINESS_DAY = { deadline: { business_days: 1 } };

testRule(rule, {
  valid: [
    { name: 'deadline in business days: a Friday leaver removed on Monday is on time', options: BUSINESS_DAY, files: { 'people.yaml': friday('2026-03-09') } },
    {
      name: 'deadline in business days: with Monday a holiday in the config, Tuesday is on time',
      options: BUSINESS_DAY,
      files: { 'people.yaml': friday('2026-03-10'), 'soc2lint.config.yaml': 'holidays: [2026-03-09]\n' },
    },
    { name: 'a 2023 leaver with no record is outside the last 12 months and not judged forever', files: { 'people.yaml': ryan('2023-05-12') } },
    {
      name: 'a leaver who left before the audit period began is not in its population',
      files: { 'people.yaml': ryan('2025-12-19'), 'scope.yaml': 'audit:\n  type: type2\n  period: { start: 2026-01-01, end: 2026-06-30 }\n' },
    },
    {
      name: 'access removed from every system in scope on time',
      options: BUSINESS_DAY,
      files: { ...SCOPE_SYSTEMS, 'people.yaml': friday('2026-03-09', { 'SYS-IDP': '2026-03-06', 'SYS-GITHUB': '2026-03-09', 'SYS-DB': '2026-03-09' }) },
    },
    { name: 'a person with no end date is not a leaver', files: { 'people.yaml': ryan() } },
    { name: 'an end date in the future: nothing is due yet', files: { 'people.yaml': ryan('2026-07-15') } },
    { name: 'an end date of today: still here on the last day', files: { 'people.yaml': ryan('2026-07-01') } },
    {
      name: 'an end date of today with an offboarded record that has no evidence yet: nothing is judged before the last day is over',
      files: { 'people.yaml': ryan('2026-07-01', removed('2026-07-01', null)) },
    },
    { name: 'the day after the last day, with the default 1 day, the removal may still be unrecorded', files: { 'people.yaml': ryan('2026-06-30') } },
    { name: 'access removed on the last day', files: { 'people.yaml': ryan('2026-04-17', removed('2026-04-17')) } },
    { name: 'access removed the day after the last day is within the default 1 day', files: { 'people.yaml': ryan('2026-04-17', removed('2026-04-18')) } },
    { name: 'access removed before the last day (garden leave) is fine', files: { 'people.yaml': ryan('2026-04-17', removed('2026-04-03')) } },
    { name: 'month end: last day 2026-01-31, removed 2026-02-01 is one day later', files: { 'people.yaml': ryan('2026-01-31', removed('2026-02-01')) } },
    { name: 'no leap day in 2026: last day 2026-02-28, removed 2026-03-01 is one day later', files: { 'people.yaml': ryan('2026-02-28', removed('2026-03-01')) } },
    { name: 'year end: last day 2025-12-31, removed 2026-01-01', files: { 'people.yaml': ryan('2025-12-31', removed('2026-01-01')) } },
    { name: 'within_days: 0 and access removed on the last day', options: { within_days: 0 }, files: { 'people.yaml': ryan('2026-04-17', removed('2026-04-17')) } },
    { name: 'within_days: 0 and the last day is today', options: { within_days: 0 }, files: { 'people.yaml': ryan('2026-07-01') } },
    { name: 'within_days: 5 allows a removal 5 days after the last day', options: { within_days: 5 }, files: { 'people.yaml': ryan('2026-04-17', removed('2026-04-22')) } },
    { name: 'within_days: 5 leaves 5 days to record it: last day 2026-06-26, as of 2026-07-01', options: { within_days: 5 }, files: { 'people.yaml': ryan('2026-06-26') } },
    {
      name: 'an offboarded record with an invalid date is schema-violation\'s finding, not reported as missing too',
      files: { 'people.yaml': ryan('2026-04-17', removed('2026-04-31')) },
    },
    {
      name: 'an empty evidence value is schema-violation\'s finding, not reported as missing evidence too',
      files: { 'people.yaml': ryan('2026-04-17', removed('2026-04-17', '""')) },
    },
    { name: 'no people file, nothing to check', files: { 'controls/c.yaml': 'id: C-1\ntitle: T\nfrequency: annual\n' } },
    {
      name: 'per system: a system not yet recorded on the deadline day itself is not reported yet',
      asOf: '2026-03-07',
      files: { ...SCOPE_SYSTEMS, 'people.yaml': ryan('2026-03-06', `${removed('2026-03-06')}      systems:\n        SYS-IDP: 2026-03-06\n`) },
    },
  ],
  invalid: [
    {
      name: 'per system, with a deadline in calendar days: the late system names the days allowed',
      options: { within_days: 2 },
      files: { 'scope.yaml': 'systems:\n  - { id: SYS-IDP, name: Okta }\n', 'people.yaml': friday('2026-03-06', { 'SYS-IDP': '2026-03-10' }) },
      errors: [{ file: 'people.yaml', line: 9, column: 18, messageId: 'systemLate', data: { name: 'Ryan Cole', person: 'ryan@x.io', end: '2026-03-06', system: 'SYS-IDP', removed: '2026-03-10', deadline: '2026-03-08', allowedText: '2 days' } }],
    },
    {
      name: 'a leaver whose last day is the first day of the sampling window is in it',
      files: { 'people.yaml': ryan('2025-07-01') },
      errors: [{ ...END, messageId: 'notRecorded', data: { name: 'Ryan Cole', person: 'ryan@x.io', end: '2025-07-01', deadline: '2025-07-02' } }],
    },
    {
      name: 'deadline in business days: removed on Tuesday after a Friday last day',
      options: BUSINESS_DAY,
      files: { 'people.yaml': friday('2026-03-10') },
      errors: [
        {
          file: 'people.yaml',
          line: 6,
          column: 13,
          messageId: 'lateBusinessDays',
          data: { name: 'Ryan Cole', person: 'ryan@x.io', end: '2026-03-06', removed: '2026-03-10', deadline: '2026-03-09', allowedText: '1 business day' },
          message: 'Ryan Cole (ryan@x.io): access removed 2026-03-10, after the deadline 2026-03-09 (1 business day after the last day 2026-03-06).',
        },
      ],
    },
    {
      name: 'per system: one system removed late and one never recorded',
      options: BUSINESS_DAY,
      files: { ...SCOPE_SYSTEMS, 'people.yaml': friday('2026-03-09', { 'SYS-IDP': '2026-03-06', 'SYS-GITHUB': '2026-03-11' }) },
      errors: [
        {
          file: 'people.yaml',
          line: 8,
          column: 7,
          messageId: 'systemNotRecorded',
          data: { name: 'Ryan Cole', person: 'ryan@x.io', end: '2026-03-06', system: 'SYS-DB', deadline: '2026-03-09' },
          message: 'Ryan Cole (ryan@x.io) left on 2026-03-06, but offboarded.systems records no removal of access to SYS-DB, due by 2026-03-09.',
        },
        {
          file: 'people.yaml',
          line: 10,
          column: 21,
          messageId: 'systemLate',
          data: { name: 'Ryan Cole', person: 'ryan@x.io', end: '2026-03-06', system: 'SYS-GITHUB', removed: '2026-03-11', deadline: '2026-03-09', allowedText: '1 business day' },
          message: 'Ryan Cole (ryan@x.io): access to SYS-GITHUB removed 2026-03-11, after the deadline 2026-03-09 (1 business day after the last day 2026-03-06).',
        },
      ],
    },
    {
      name: 'two days after the last day with no removal recorded, the leaver is reported at the end date',
      files: { 'people.yaml': ryan('2026-06-29') },
      errors: [{ ...END, messageId: 'notRecorded', data: { name: 'Ryan Cole', person: 'ryan@x.io', end: '2026-06-29', deadline: '2026-06-30' }, message: 'Ryan Cole (ryan@x.io) left on 2026-06-29 but no access removal is recorded; access was due to be removed by 2026-06-30' }],
    },
    {
      name: 'a leaver of months ago with no offboarded record',
      files: { 'people.yaml': ryan('2026-04-17') },
      errors: [{ ...END, messageId: 'notRecorded', message: 'Add offboarded: {date, evidence} with the date access was removed' }],
    },
    {
      name: 'within_days: 0: one day after the last day, the removal is already overdue',
      options: { within_days: 0 },
      files: { 'people.yaml': ryan('2026-06-30') },
      errors: [{ ...END, messageId: 'notRecorded', message: 'left on 2026-06-30 but no access removal is recorded; access was due to be removed by 2026-06-30' }],
    },
    {
      name: 'access removed 8 days after the last day is reported at the offboarded date with both dates',
      files: { 'people.yaml': ryan('2026-04-17', removed('2026-04-25')) },
      errors: [
        {
          ...DATE,
          messageId: 'lateWithOneDayAllowed',
          data: { name: 'Ryan Cole', person: 'ryan@x.io', end: '2026-04-17', removed: '2026-04-25', days: 8, allowed: 1 },
          message: 'Ryan Cole (ryan@x.io): access removed 2026-04-25, 8 days after the last day 2026-04-17; allowed: 1 day',
        },
      ],
    },
    {
      name: 'access removed two days after the last day is one day too late with the default',
      files: { 'people.yaml': ryan('2026-04-17', removed('2026-04-19')) },
      errors: [{ ...DATE, messageId: 'lateWithOneDayAllowed', message: 'access removed 2026-04-19, 2 days after the last day 2026-04-17; allowed: 1 day' }],
    },
    {
      name: 'month end: last day 2026-01-31, removed 2026-02-02 is late',
      files: { 'people.yaml': ryan('2026-01-31', removed('2026-02-02')) },
      errors: [{ ...DATE, messageId: 'lateWithOneDayAllowed', message: 'access removed 2026-02-02, 2 days after the last day 2026-01-31' }],
    },
    {
      name: 'leap year: last day 2024-02-28, removed 2024-03-01 is two days later (2024-02-29 exists)',
      asOf: '2024-06-01',
      files: { 'people.yaml': ryan('2024-02-28', removed('2024-03-01')) },
      errors: [{ ...DATE, messageId: 'lateWithOneDayAllowed', message: 'access removed 2024-03-01, 2 days after the last day 2024-02-28' }],
    },
    {
      name: 'within_days: 0: access removed the day after the last day is late',
      options: { within_days: 0 },
      files: { 'people.yaml': ryan('2026-04-17', removed('2026-04-18')) },
      errors: [
        {
          ...DATE,
          messageId: 'lateByOneDay',
          data: { name: 'Ryan Cole', person: 'ryan@x.io', end: '2026-04-17', removed: '2026-04-18', days: 1, allowed: 0 },
          message: 'access removed 2026-04-18, 1 day after the last day 2026-04-17; allowed: 0 days.',
        },
      ],
    },
    {
      name: 'within_days: 5: six days after the last day is late',
      options: { within_days: 5 },
      files: { 'people.yaml': ryan('2026-04-17', removed('2026-04-23')) },
      errors: [
        {
          ...DATE,
          messageId: 'late',
          data: { name: 'Ryan Cole', person: 'ryan@x.io', end: '2026-04-17', removed: '2026-04-23', days: 6, allowed: 5 },
          message: 'Ryan Cole (ryan@x.io): access removed 2026-04-23, 6 days after the last day 2026-04-17; allowed: 5 days. Correct the date if it is a typo; otherwise record the exception with a waiver and tighten the leaver process.',
        },
      ],
    },
    {
      name: 'an offboarded record without evidence is reported at the offboarded key',
      files: { 'people.yaml': ryan('2026-04-17', removed('2026-04-17', null)) },
      errors: [{ ...KEY, messageId: 'noEvidence', data: { name: 'Ryan Cole', person: 'ryan@x.io', end: '2026-04-17', removed: '2026-04-17' }, message: 'Ryan Cole (ryan@x.io) left on 2026-04-17 and offboarded.date says access was removed on 2026-04-17, but there is no evidence of the removal' }],
    },
    {
      name: 'a late removal without evidence gives two findings, the key first, then the date',
      files: { 'people.yaml': ryan('2026-04-17', removed('2026-04-30', null)) },
      errors: [
        { ...KEY, messageId: 'noEvidence', message: 'no evidence of the removal' },
        { ...DATE, messageId: 'lateWithOneDayAllowed', message: 'access removed 2026-04-30, 13 days after the last day 2026-04-17' },
      ],
    },
    {
      name: 'in a register of several people, only the leaver without a record is reported, at their own end date',
      files: {
        'people.yaml': [
          'people:',
          '  - id: ana@x.io',
          '    name: Ana Silva',
          '    start: 2024-01-08',
          '  - id: ben@x.io',
          '    name: Ben Ode',
          '    end: 2026-03-31',
          '    offboarded: { date: 2026-03-31, evidence: evidence/ben.md }',
          '  - id: cy@x.io',
          '    name: Cy Park',
          '    end: 2026-05-29',
          '',
        ].join('\n'),
      },
      errors: [{ file: 'people.yaml', line: 11, column: 10, messageId: 'notRecorded', message: 'Cy Park (cy@x.io) left on 2026-05-29' }],
    },
  ],
});

it('the healthy example program has no late offboarding', async () => {
  const root = fileURLToPath(new URL('../../examples/acme-saas', import.meta.url));
  expect(await runRuleIn(rule, root, { asOf: '2026-07-10' })).toEqual([]);
});

describe('late-offboarding options', () => {
  const configured = (value: string) => loadConfig(makeRepo({ 'soc2lint.config.yaml': `rules:\n  late-offboarding: [error, { within_days: ${value} }]\n` }));

  it.each([['0', 0], ['3', 3], ['30', 30]])('accepts within_days %s', (value, expected) => {
    expect(resolveRules([rule], configured(value))[0]?.options).toEqual({ within_days: expected });
  });

  it.each(['-1', '1.5', '"1"', '1000'])('rejects within_days %s', (value) => {
    expect(() => resolveRules([rule], configured(value))).toThrow(/Invalid options for rule "late-offboarding": option "within_days"/);
  });
});
