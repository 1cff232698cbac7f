import { describe, expect, it } from 'vitest';
import rule from '../../rules/training-overdue.js';
import { loadConfig } from '../../src/config/config.js';
import { resolveRules } from '../../src/engine/settings.js';
import { makeRepo } from '../helpers/repo.js';
import { people, personAt } from '../helpers/people.js';
import { testRule } from '../helpers/rule-tester.js';

// as_of is 2026-07-01 unless a case says otherwise.

const at = personAt;
/** A CSV export from the LMS: [person, course, date] rows. */
const csv = (...rows: [string, string, string][]) => `person,course,date\n${rows.map((row) => row.join(',')).join('\n')}\n`;
const yaml = (...rows: [string, string, string][]) => `records:\n${rows.map(([person, course, date]) => `  - {person: ${person}, course: ${course}, date: ${date}}\n`).join('')}`;

const JANE = 'jane@acme.example';
const OMAR = 'omar@acme.example';
const LIN = 'lin@acme.example';
const veteran = { id: JANE, start: '2020-01-06' };
const trained = (date: string, course = 'security-awareness') => ({ 'people.yaml': people(veteran), 'training/lms.csv': csv([JANE, course, date]) });

testRule(rule, {
  valid: [
    {
      name: 'option late_in_period false: onboarding training taken late (31 days after the start) counts once it is done',
      options: { late_in_period: false },
      files: { 'people.yaml': people({ id: JANE, start: '2026-03-02' }), 'training/lms.csv': csv([JANE, 'security-awareness', '2026-04-02']) },
    },
    {
      name: 'onboarding training on the last day of the window is on time',
      files: { 'people.yaml': people({ id: JANE, start: '2026-03-02' }), 'training/lms.csv': csv([JANE, 'security-awareness', '2026-04-01']) },
    },
    {
      name: 'a late refresher whose due date fell before the audit period is not in the sample',
      files: { ...trained('2024-06-01'), 'training/lms2.csv': csv([JANE, 'security-awareness', '2025-12-01']), 'scope.yaml': 'audit:\n  type: type2\n  period: { start: 2026-01-01, end: 2026-06-30 }\n' },
    },
    { name: 'training exactly 12 months ago is due again today, so it is still current', files: trained('2025-07-01') },
    { name: 'leap day: training on 2024-02-29 is due again on 2025-02-28 and current that day', asOf: '2025-02-28', files: trained('2024-02-29') },
    { name: 'option every P6M from a month end: training on 2026-01-01 is current until 2026-07-01', options: { every: 'P6M' }, files: trained('2026-01-01') },
    { name: 'by default any course whose name contains "security" counts, in any case', files: trained('2026-01-20', 'Annual SECURITY Awareness 2026') },
    { name: 'option courses: a listed course counts, matched case-insensitively', options: { courses: ['Phishing 101'] }, files: trained('2026-01-20', 'phishing 101') },
    { name: 'a person without a start date only needs training in the last 12 months', files: { 'people.yaml': people({ id: JANE }), 'training/lms.csv': csv([JANE, 'security-awareness', '2025-11-03']) } },
    { name: 'a new starter is not due yet on day 30 of the onboarding window', files: { 'people.yaml': people({ id: JANE, start: '2026-06-01' }) } },
    { name: 'leap day: someone starting on 2024-02-29 is not due yet on 2024-03-30', asOf: '2024-03-30', files: { 'people.yaml': people({ id: JANE, start: '2024-02-29' }) } },
    {
      name: 'onboarding training up to 30 days before the start date counts (2026-03-02 - 30 days = 2026-01-31)',
      files: { 'people.yaml': people({ id: JANE, start: '2026-03-02' }), 'training/lms.csv': csv([JANE, 'security-awareness', '2026-01-31']) },
    },
    {
      name: 'onboarding training on day 30 after the start date counts',
      files: { 'people.yaml': people({ id: JANE, start: '2026-03-02' }), 'training/lms.csv': csv([JANE, 'security-awareness', '2026-04-01']) },
    },
    { name: 'a leaver is not required to train', files: { 'people.yaml': people({ id: JANE, start: '2019-01-07', end: '2026-06-30' }) } },
    { name: 'a future hire is not required to train yet', files: { 'people.yaml': people({ id: JANE, start: '2026-08-03' }) } },
    {
      name: 'records in YAML count like records in CSV',
      files: { 'people.yaml': people(veteran, { id: OMAR }), 'training/2026.yaml': yaml([JANE, 'Security Awareness', '2026-02-02'], [OMAR, 'Security Awareness', '2026-02-03']) },
    },
    { name: 'without people.yaml there is no one to check', files: { 'training/lms.csv': csv([JANE, 'security-awareness', '2019-01-01']) } },
    { name: 'an unusable every that slipped past the schema falls back to 12 months', options: { every: 'P0D' }, files: trained('2025-07-01') },
    {
      name: 'option courses: spaces around a listed course or a recorded one do not matter',
      options: { courses: ['Phishing 101 '] },
      files: { 'people.yaml': people(veteran), 'training/lms.yaml': `records:\n  - {person: ${JANE}, course: " phishing 101", date: 2026-01-20}\n` },
    },
    { name: 'training dated on as_of counts', files: trained('2026-07-01') },
    { name: 'a refresher on the very day it is due is on time', files: { ...trained('2025-03-01'), 'training/lms2.csv': csv([JANE, 'security-awareness', '2026-03-01']) } },
    {
      name: 'training on the first day of the onboarding window (30 days before the start) is the onboarding training',
      files: { 'people.yaml': people({ id: JANE, start: '2026-02-02' }), 'training/lms.csv': csv([JANE, 'security-awareness', '2026-01-03'], [JANE, 'security-awareness', '2026-06-15']) },
    },
    {
      name: 'a refresher due after the audit period ended is not in its sample, though it came late',
      asOf: '2026-08-01',
      files: { ...trained('2025-07-15'), 'training/lms2.csv': csv([JANE, 'security-awareness', '2026-07-20']), 'scope.yaml': 'audit:\n  type: type2\n  period: { start: 2026-01-01, end: 2026-06-30 }\n' },
    },
  ],
  invalid: [
    {
      name: 'a refresher due on the first day of the sampling window is in the sample',
      files: { ...trained('2024-07-01'), 'training/lms2.csv': csv([JANE, 'security-awareness', '2025-08-01']) },
      errors: [{ file: 'training/lms2.csv', line: 2, column: 38, messageId: 'lateRefresher', data: { person: JANE, completed: '2025-08-01', due: '2025-07-01', interval: '12 months', previous: '2024-07-01', window: 'the last 12 months' } }],
    },
    {
      name: 'a refresher due on the last day of the audit period is in the sample',
      files: { ...trained('2025-06-30'), 'training/lms2.csv': csv([JANE, 'security-awareness', '2026-07-01']), 'scope.yaml': 'audit:\n  type: type2\n  period: { start: 2026-01-01, end: 2026-06-30 }\n' },
      errors: [{ file: 'training/lms2.csv', line: 2, column: 38, messageId: 'lateRefresher', data: { person: JANE, completed: '2026-07-01', due: '2026-06-30', interval: '12 months', previous: '2025-06-30', window: 'the audit period 2026-01-01 to 2026-06-30' } }],
    },
    {
      name: 'records are judged in date order, whatever their order in the file',
      files: { 'people.yaml': people(veteran), 'training/lms.csv': csv([JANE, 'security-awareness', '2026-04-15'], [JANE, 'security-awareness', '2025-03-01']) },
      errors: [{ file: 'training/lms.csv', line: 2, column: 38, messageId: 'lateRefresher', data: { person: JANE, completed: '2026-04-15', due: '2026-03-01', interval: '12 months', previous: '2025-03-01', window: 'the last 12 months' } }],
    },
    {
      name: 'training long before the start is not the onboarding training: the late one after the start is, and is not also a late refresher',
      files: {
        'people.yaml': people({ id: JANE, start: '2026-02-02' }),
        'training/lms.csv': csv([JANE, 'security-awareness', '2025-06-01'], [JANE, 'security-awareness', '2026-06-15']),
      },
      errors: [{ file: 'training/lms.csv', line: 3, column: 38, messageId: 'lateOnboarding', data: { person: JANE, completed: '2026-06-15', due: '2026-03-04', days: 30, start: '2026-02-02', window: 'the last 12 months' } }],
    },
    {
      name: 'someone who started exactly 12 months ago is no recent starter: never trained, not missing onboarding training',
      files: { 'people.yaml': people({ id: JANE, start: '2025-07-01' }) },
      errors: [{ ...at(0), messageId: 'neverTrained' }],
    },
    {
      name: 'a joiner of the period trained four months late is reported at the late record, though trained now',
      files: {
        'people.yaml': people({ id: JANE, start: '2026-02-02' }),
        'training/lms.csv': csv([JANE, 'security-awareness', '2026-06-15']),
        'scope.yaml': 'audit:\n  type: type2\n  period: { start: 2026-01-01, end: 2026-06-30 }\n',
      },
      errors: [
        {
          file: 'training/lms.csv',
          line: 2,
          column: 38,
          messageId: 'lateOnboarding',
          data: { person: JANE, completed: '2026-06-15', due: '2026-03-04', days: 30, start: '2026-02-02', window: 'the audit period 2026-01-01 to 2026-06-30' },
          message: 'jane@acme.example completed security training on 2026-06-15, due by 2026-03-04 (30 days after starting on 2026-02-02), within the audit period 2026-01-01 to 2026-06-30: an auditor sampling this joiner records an exception.',
        },
      ],
    },
    {
      name: 'a yearly refresher taken late within the last 12 months, reported at the late record',
      files: { ...trained('2025-03-01'), 'training/lms2.csv': csv([JANE, 'security-awareness', '2026-04-15']) },
      errors: [
        {
          file: 'training/lms2.csv',
          line: 2,
          column: 38,
          messageId: 'lateRefresher',
          data: { person: JANE, completed: '2026-04-15', due: '2026-03-01', interval: '12 months', previous: '2025-03-01', window: 'the last 12 months' },
        },
      ],
    },
    {
      name: 'a person with no security training at all is reported at their id',
      files: { 'people.yaml': people(veteran) },
      errors: [{ ...at(0), messageId: 'neverTrained', data: { person: 'jane@acme.example', interval: '12 months' }, message: 'jane@acme.example has no security training on record; it is due every 12 months. Have them take the security training and add the record under training/.' }],
    },
    {
      name: 'training 12 months and 1 day ago is overdue, naming the last training date',
      files: trained('2025-06-30'),
      errors: [{ ...at(0), messageId: 'overdue', data: { person: 'jane@acme.example', last: '2025-06-30', interval: '12 months', due: '2026-06-30' }, message: 'jane@acme.example: last security training on 2025-06-30, more than 12 months ago (the next was due by 2026-06-30). Have them take the security training' }],
    },
    {
      name: 'leap day: training on 2024-02-29 is overdue on 2025-03-01',
      asOf: '2025-03-01',
      files: trained('2024-02-29'),
      errors: [{ ...at(0), messageId: 'overdue', message: 'last security training on 2024-02-29, more than 12 months ago (the next was due by 2025-02-28)' }],
    },
    {
      name: 'option every P6M from a month end: training on 2025-12-31 was due again on 2026-06-30',
      options: { every: 'P6M' },
      files: trained('2025-12-31'),
      errors: [{ ...at(0), messageId: 'overdue', data: { person: 'jane@acme.example', last: '2025-12-31', interval: '6 months', due: '2026-06-30' }, message: 'last security training on 2025-12-31, more than 6 months ago (the next was due by 2026-06-30)' }],
    },
    {
      name: 'a new starter without training on day 31 is reported with the start date',
      files: { 'people.yaml': people({ id: JANE, start: '2026-05-31' }) },
      errors: [{ ...at(0), messageId: 'noOnboardingTraining', data: { person: 'jane@acme.example', days: 30, start: '2026-05-31', due: '2026-06-30' }, message: 'jane@acme.example had no security training within 30 days of starting on 2026-05-31 (due by 2026-06-30). Have them take the security training and add the record under training/.' }],
    },
    {
      name: 'leap day: someone starting on 2024-02-29 without training is due by 2024-03-30 and reported on 2024-03-31',
      asOf: '2024-03-31',
      files: { 'people.yaml': people({ id: JANE, start: '2024-02-29' }) },
      errors: [{ ...at(0), messageId: 'noOnboardingTraining', message: 'within 30 days of starting on 2024-02-29 (due by 2024-03-30)' }],
    },
    {
      name: 'training 31 days before the start date is not onboarding training',
      files: { 'people.yaml': people({ id: JANE, start: '2026-03-02' }), 'training/lms.csv': csv([JANE, 'security-awareness', '2026-01-30']) },
      errors: [{ ...at(0), messageId: 'noOnboardingTraining', message: 'had no security training within 30 days of starting on 2026-03-02' }],
    },
    {
      name: 'option within_days 14 narrows the onboarding window',
      options: { within_days: 14 },
      asOf: '2026-06-16',
      files: { 'people.yaml': people({ id: JANE, start: '2026-06-01' }), 'training/lms.csv': csv(['someone@else.io', 'security-awareness', '2026-06-02']) },
      errors: [{ ...at(0), messageId: 'noOnboardingTraining', data: { person: 'jane@acme.example', days: 14, start: '2026-06-01', due: '2026-06-15' }, message: 'had no security training within 14 days of starting on 2026-06-01 (due by 2026-06-15)' }],
    },
    {
      name: 'a recent starter trained before starting still needs training again 12 months after that training',
      files: { 'people.yaml': people({ id: JANE, start: '2025-07-15' }), 'training/lms.csv': csv([JANE, 'security-awareness', '2025-06-20']) },
      errors: [{ ...at(0), messageId: 'overdue', message: 'last security training on 2025-06-20, more than 12 months ago (the next was due by 2026-06-20)' }],
    },
    {
      name: 'training dated after as_of does not count',
      files: { 'people.yaml': people({ id: JANE }), 'training/lms.csv': csv([JANE, 'security-awareness', '2026-07-02']) },
      errors: [{ ...at(0), messageId: 'neverTrained', message: 'jane@acme.example has no security training on record' }],
    },
    {
      name: 'a course without "security" in its name does not count by default',
      files: trained('2026-03-01', 'Code of Conduct'),
      errors: [{ ...at(0), messageId: 'neverTrained', message: 'jane@acme.example has no security training on record' }],
    },
    {
      name: 'option courses replaces the default: a security course not listed does not count',
      options: { courses: ['Phishing 101'] },
      files: trained('2026-03-01', 'Security Awareness'),
      errors: [{ ...at(0), messageId: 'neverTrained', message: 'jane@acme.example has no security training on record' }],
    },
    {
      name: 'someone whose last day is today is still at work and still needs training',
      files: { 'people.yaml': people({ id: JANE, start: '2020-01-06', end: '2026-07-01' }) },
      errors: [{ ...at(0), messageId: 'neverTrained', message: 'jane@acme.example has no security training on record' }],
    },
    {
      name: 'CSV and YAML records are combined; only the person in neither is reported',
      files: {
        'people.yaml': people(veteran, { id: OMAR, start: '2024-05-06' }, { id: LIN, start: '2023-09-04' }),
        'training/lms.csv': csv([JANE, 'security-awareness', '2026-01-20']),
        'training/2026.yaml': yaml([OMAR, 'Security Awareness', '2026-02-03'], [LIN, 'Security Awareness', '2025-05-02']),
      },
      errors: [{ ...at(2), messageId: 'overdue', message: 'lin@acme.example: last security training on 2025-05-02, more than 12 months ago' }],
    },
    {
      name: 'a people.yaml holding a single person as a mapping is reported at that id',
      files: { 'people.yaml': `id: ${JANE}\nname: Jane\nstart: 2021-03-01\n` },
      errors: [{ file: 'people.yaml', line: 1, column: 5, messageId: 'neverTrained', message: 'jane@acme.example has no security training on record' }],
    },
  ],
});

describe('training-overdue options', () => {
  const configured = (options: string) => loadConfig(makeRepo({ 'soc2lint.config.yaml': `rules:\n  training-overdue: [error, ${options}]\n` }));

  it('accepts every, within_days and courses', () => {
    expect(resolveRules([rule], configured('{ every: annual, within_days: 14, courses: [Phishing 101] }'))[0]?.options).toEqual({ every: 'annual', within_days: 14, courses: ['Phishing 101'], late_in_period: true });
  });

  it.each(['{ every: P0D }', '{ every: "12 months" }', '{ within_days: -1 }', '{ within_days: 7.5 }', '{ courses: [""] }', '{ courses: Phishing }', '{ grace: 3 }'])('rejects %s', (options) => {
    expect(() => resolveRules([rule], configured(options))).toThrow(/Invalid options for rule "training-overdue"/);
  });
});
