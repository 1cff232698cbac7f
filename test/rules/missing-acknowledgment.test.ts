import { describe, expect, it } from 'vitest';
import rule from '../../rules/missing-acknowledgment.js';
import { loadConfig } from '../../src/config/config.js';
import { resolveRules } from '../../src/engine/settings.js';
import { makeRepo, policy } from '../helpers/repo.js';
import { people, personAt, type PersonFixture } from '../helpers/people.js';
import { testRule } from '../helpers/rule-tester.js';

// as_of is 2026-07-01 unless a case says otherwise.

const at = personAt;

/** An approved policy requiring acknowledgment; `version` and `approved_on` are written as given (raw YAML text). */
const infosec = ({ version = '"3.0"', approvedOn = '2026-01-12', status = 'approved', requires = 'true', id = 'POL-INFOSEC' } = {}) =>
  policy(
    `id: ${id}\ntitle: Information Security Policy\nstatus: ${status}\nowner: sec@acme.example${version ? `\nversion: ${version}` : ''}${approvedOn ? `\napproved_on: ${approvedOn}` : ''}\nrequires_acknowledgment: ${requires}`,
  );
/** Acknowledgment rows [person, policy, version as raw YAML text, date] in a YAML `records:` list. */
const acksYaml = (...rows: [string, string, string, string][]) =>
  `records:\n${rows.map(([person, pol, version, date]) => `  - {person: ${person}, policy: ${pol}, version: ${version}, date: ${date}}\n`).join('')}`;
const acksCsv = (...rows: [string, string, string, string][]) => `person,policy,version,date\n${rows.map((row) => row.join(',')).join('\n')}\n`;

const JANE = 'jane@acme.example';
const OMAR = 'omar@acme.example';
const veteran = { id: JANE, start: '2020-01-06' };
const repo = (ackFile: Record<string, string>, pol = infosec(), who: PersonFixture[] = [veteran]) => ({ 'policies/infosec.md': pol, 'people.yaml': people(...who), ...ackFile });

testRule(rule, {
  valid: [
    { name: 'an acknowledgment of the current version (quoted "3.0" on both sides) counts', files: repo({ 'acknowledgments/2026.yaml': acksYaml([JANE, 'POL-INFOSEC', '"3.0"', '2026-01-13']) }) },
    { name: 'a CSV version 3.0 matches the policy\'s "3.0"', files: repo({ 'acknowledgments/hr.csv': acksCsv([JANE, 'POL-INFOSEC', '3.0', '2026-01-13']) }) },
    { name: 'an unquoted YAML 3.0 stays "3.0" and matches', files: repo({ 'acknowledgments/2026.yaml': acksYaml([JANE, 'POL-INFOSEC', '3.0', '2026-01-13']) }) },
    {
      name: 'unquoted 3.10 stays "3.10" on both sides (policy and acknowledgment), not the number 3.1',
      files: repo({ 'acknowledgments/2026.yaml': acksYaml([JANE, 'POL-INFOSEC', '3.10', '2026-01-13']) }, infosec({ version: '3.10' })),
    },
    {
      name: 'a quoted "3.10" acknowledgment matches a policy with unquoted version 3.10',
      files: repo({ 'acknowledgments/jane.yaml': `person: ${JANE}\npolicy: POL-INFOSEC\nversion: "3.10"\ndate: 2026-01-13\n` }, infosec({ version: '3.10' })),
    },
    {
      name: 'option late_in_period false: a late acknowledgment counts once it is done (only the current state is judged)',
      options: { late_in_period: false },
      files: repo({ 'acknowledgments/hr.csv': acksCsv([JANE, 'POL-INFOSEC', '3.0', '2026-05-01']) }),
    },
    {
      name: 'a late acknowledgment whose deadline fell before the audit period is not in the sample',
      files: { ...repo({ 'acknowledgments/hr.csv': acksCsv([JANE, 'POL-INFOSEC', '3.0', '2026-05-01']) }, infosec({ approvedOn: '2025-06-01' })), 'scope.yaml': 'audit:\n  type: type2\n  period: { start: 2026-01-01, end: 2026-06-30 }\n' },
    },
    { name: 'a policy without a version accepts an acknowledgment of any version', files: repo({ 'acknowledgments/hr.csv': acksCsv([JANE, 'POL-INFOSEC', '1', '2025-03-01']) }, infosec({ version: '' })) },
    { name: 'grace: a policy approved on 2026-06-01 is not due until 2026-07-01 inclusive', files: repo({}, infosec({ approvedOn: '2026-06-01' })) },
    { name: 'grace from a month end: approved 2026-01-31 is due 2026-03-02 and fine that day', asOf: '2026-03-02', files: repo({}, infosec({ approvedOn: '2026-01-31' })) },
    { name: 'grace across a leap day: approved 2024-01-30 is due 2024-02-29 and fine that day', asOf: '2024-02-29', files: repo({}, infosec({ approvedOn: '2024-01-30' }), [{ id: JANE, start: '2020-01-06' }]) },
    { name: 'someone who started after the approval has 30 days from their start (2026-06-10 + 30 = 2026-07-10)', files: repo({}, infosec(), [{ id: JANE, start: '2026-06-10' }]) },
    { name: 'a draft policy requires no acknowledgment yet', files: repo({}, infosec({ status: 'draft' })) },
    { name: 'a retired policy requires no acknowledgment', files: repo({}, infosec({ status: 'retired' })) },
    { name: 'an approved policy with requires_acknowledgment: false needs none', files: repo({}, infosec({ requires: 'false' })) },
    { name: 'a leaver needs no acknowledgment', files: repo({}, infosec(), [{ id: JANE, start: '2020-01-06', end: '2026-06-30' }]) },
    { name: 'a future hire needs no acknowledgment yet', files: repo({}, infosec(), [{ id: JANE, start: '2026-09-01' }]) },
    { name: 'without people.yaml there is no one to check', files: { 'policies/infosec.md': infosec() } },
    {
      name: 'an acknowledgment on the very day it is due is on time',
      files: repo({ 'acknowledgments/hr.csv': acksCsv([JANE, 'POL-INFOSEC', '3.0', '2026-02-11']) }),
    },
    {
      name: 'a deadline after the audit period ended is not in its sample, though the acknowledgment came late',
      asOf: '2026-08-01',
      files: { ...repo({ 'acknowledgments/hr.csv': acksCsv([JANE, 'POL-INFOSEC', '3.0', '2026-07-20']) }, infosec({ approvedOn: '2026-06-15' })), 'scope.yaml': 'audit:\n  type: type2\n  period: { start: 2026-01-01, end: 2026-06-30 }\n' },
    },
  ],
  invalid: [
    {
      name: 'an acknowledgment dated on as_of counts (here, late)',
      files: repo({ 'acknowledgments/hr.csv': acksCsv([JANE, 'POL-INFOSEC', '3.0', '2026-07-01']) }, infosec({ approvedOn: '2026-05-01' })),
      errors: [{ file: 'acknowledgments/hr.csv', line: 2, column: 35, messageId: 'lateSinceApproval', data: { person: JANE, policy: 'POL-INFOSEC', acknowledged: '2026-07-01', due: '2026-05-31', within: 30, approvedOn: '2026-05-01', window: 'the last 12 months' } }],
    },
    {
      name: 'a deadline on the first day of the sampling window is in the sample',
      files: repo({ 'acknowledgments/hr.csv': acksCsv([JANE, 'POL-INFOSEC', '3.0', '2025-08-01']) }, infosec({ approvedOn: '2025-06-01' })),
      errors: [{ file: 'acknowledgments/hr.csv', line: 2, column: 35, messageId: 'lateSinceApproval', data: { person: JANE, policy: 'POL-INFOSEC', acknowledged: '2025-08-01', due: '2025-07-01', within: 30, approvedOn: '2025-06-01', window: 'the last 12 months' } }],
    },
    {
      name: 'a deadline on the last day of the audit period is in the sample',
      files: { ...repo({ 'acknowledgments/hr.csv': acksCsv([JANE, 'POL-INFOSEC', '3.0', '2026-07-01']) }, infosec({ approvedOn: '2026-05-31' })), 'scope.yaml': 'audit:\n  type: type2\n  period: { start: 2026-01-01, end: 2026-06-30 }\n' },
      errors: [{ file: 'acknowledgments/hr.csv', line: 2, column: 35, messageId: 'lateSinceApproval', data: { person: JANE, policy: 'POL-INFOSEC', acknowledged: '2026-07-01', due: '2026-06-30', within: 30, approvedOn: '2026-05-31', window: 'the audit period 2026-01-01 to 2026-06-30' } }],
    },
    {
      name: 'the late finding names the first acknowledgment of the version, wherever it stands in the file',
      files: repo({ 'acknowledgments/hr.csv': acksCsv([JANE, 'POL-INFOSEC', '3.0', '2026-05-01'], [JANE, 'POL-INFOSEC', '3.0', '2026-03-01']) }),
      errors: [{ file: 'acknowledgments/hr.csv', line: 3, column: 35, messageId: 'lateSinceApproval', data: { person: JANE, policy: 'POL-INFOSEC', acknowledged: '2026-03-01', due: '2026-02-11', within: 30, approvedOn: '2026-01-12', window: 'the last 12 months' } }],
    },
    {
      name: 'a late acknowledgment of an older version is not a late acknowledgment of this one',
      files: repo({ 'acknowledgments/hr.csv': acksCsv([JANE, 'POL-INFOSEC', '2.0', '2026-03-01']) }),
      errors: [{ ...at(0), messageId: 'outdatedSinceApproval' }],
    },
    {
      name: 'a policy without a version: a late acknowledgment of any version is late',
      files: repo({ 'acknowledgments/hr.csv': acksCsv([JANE, 'POL-INFOSEC', '1.0', '2026-03-01']) }, infosec({ version: '' })),
      errors: [{ file: 'acknowledgments/hr.csv', line: 2, column: 35, messageId: 'lateSinceApproval', data: { person: JANE, policy: 'POL-INFOSEC', acknowledged: '2026-03-01', due: '2026-02-11', within: 30, approvedOn: '2026-01-12', window: 'the last 12 months' } }],
    },
    {
      name: 'someone who started on the day of the approval is due 30 days after the approval',
      files: repo({}, infosec(), [{ id: JANE, start: '2026-01-12' }]),
      errors: [{ ...at(0), messageId: 'missingVersionSinceApproval', data: { person: JANE, policy: 'POL-INFOSEC', version: '3.0', due: '2026-02-11', within: 30, approvedOn: '2026-01-12' } }],
    },
    {
      name: 'an acknowledgment made late within the period is reported at the late record, though it is done now',
      files: repo({ 'acknowledgments/hr.csv': acksCsv([JANE, 'POL-INFOSEC', '3.0', '2026-05-01']) }),
      errors: [
        {
          file: 'acknowledgments/hr.csv',
          line: 2,
          column: 35,
          messageId: 'lateSinceApproval',
          data: { person: JANE, policy: 'POL-INFOSEC', acknowledged: '2026-05-01', due: '2026-02-11', within: 30, approvedOn: '2026-01-12', window: 'the last 12 months' },
          message: 'jane@acme.example acknowledged POL-INFOSEC on 2026-05-01, due by 2026-02-11 (30 days after it was approved on 2026-01-12), within the last 12 months: an auditor sampling this person records an exception.',
        },
      ],
    },
    {
      name: 'a joiner of the audit period who acknowledged four months late',
      files: {
        ...repo({ 'acknowledgments/hr.csv': acksCsv([OMAR, 'POL-INFOSEC', '3.0', '2026-06-15']) }, infosec(), [{ id: OMAR, start: '2026-02-02' }]),
        'scope.yaml': 'audit:\n  type: type2\n  period: { start: 2026-01-01, end: 2026-06-30 }\n',
      },
      errors: [
        {
          file: 'acknowledgments/hr.csv',
          line: 2,
          column: 35,
          messageId: 'lateSinceStart',
          data: { person: OMAR, policy: 'POL-INFOSEC', acknowledged: '2026-06-15', due: '2026-03-04', within: 30, start: '2026-02-02', window: 'the audit period 2026-01-01 to 2026-06-30' },
          message: 'omar@acme.example acknowledged POL-INFOSEC on 2026-06-15, due by 2026-03-04 (30 days after they started on 2026-02-02), within the audit period 2026-01-01 to 2026-06-30: an auditor sampling this joiner records an exception.',
        },
      ],
    },
    {
      name: 'no acknowledgment at all: reported at the person, naming policy, version and deadline',
      files: repo({}),
      errors: [
        {
          ...at(0),
          messageId: 'missingVersionSinceApproval',
          data: { person: JANE, policy: 'POL-INFOSEC', version: '3.0', due: '2026-02-11', within: 30, approvedOn: '2026-01-12' },
          message: 'jane@acme.example has not acknowledged POL-INFOSEC version "3.0" (due by 2026-02-11, 30 days after it was approved on 2026-01-12). Record the acknowledgment in acknowledgments/.',
        },
      ],
    },
    {
      name: 'a new version was approved: the acknowledgment of the old one no longer counts, and the message says so',
      files: repo({ 'acknowledgments/2025.yaml': acksYaml([JANE, 'POL-INFOSEC', '"2.0"', '2024-03-04'], [JANE, 'POL-INFOSEC', '"2.1"', '2025-02-03']) }),
      errors: [
        {
          ...at(0),
          messageId: 'outdatedSinceApproval',
          data: { person: JANE, policy: 'POL-INFOSEC', version: '3.0', due: '2026-02-11', within: 30, approvedOn: '2026-01-12', lastVersion: '2.1', lastDate: '2025-02-03' },
          message: 'has not acknowledged POL-INFOSEC version "3.0" (due by 2026-02-11, 30 days after it was approved on 2026-01-12); they last acknowledged version "2.1" on 2025-02-03.',
        },
      ],
    },
    {
      name: 'grace: a policy approved on 2026-05-31 is due 2026-06-30 and missing the next day',
      files: repo({}, infosec({ approvedOn: '2026-05-31' })),
      errors: [{ ...at(0), messageId: 'missingVersionSinceApproval', message: '(due by 2026-06-30, 30 days after it was approved on 2026-05-31)' }],
    },
    {
      name: 'grace across a leap day: approved 2024-01-30 is missing on 2024-03-01',
      asOf: '2024-03-01',
      files: repo({}, infosec({ approvedOn: '2024-01-30' })),
      errors: [{ ...at(0), messageId: 'missingVersionSinceApproval', message: '(due by 2024-02-29, 30 days after it was approved on 2024-01-30)' }],
    },
    {
      name: 'someone who started after the approval is due 30 days after their start',
      files: repo({}, infosec(), [{ id: JANE, start: '2026-05-15' }]),
      errors: [
        {
          ...at(0),
          messageId: 'missingVersionSinceStart',
          data: { person: JANE, policy: 'POL-INFOSEC', version: '3.0', due: '2026-06-14', within: 30, start: '2026-05-15' },
          message: 'jane@acme.example has not acknowledged POL-INFOSEC version "3.0" (due by 2026-06-14, 30 days after they started on 2026-05-15)',
        },
      ],
    },
    {
      name: 'with neither a start date nor an approval date, the acknowledgment is required at once',
      files: repo({}, infosec({ approvedOn: '' }), [{ id: JANE }]),
      errors: [{ ...at(0), messageId: 'missingVersion', data: { person: JANE, policy: 'POL-INFOSEC', version: '3.0' }, message: 'jane@acme.example has not acknowledged POL-INFOSEC version "3.0". Record the acknowledgment in acknowledgments/.' }],
    },
    {
      name: 'a missing approval date falls back to the start date',
      files: repo({}, infosec({ approvedOn: '' }), [{ id: JANE, start: '2026-05-01' }]),
      errors: [{ ...at(0), messageId: 'missingVersionSinceStart', message: '(due by 2026-05-31, 30 days after they started on 2026-05-01)' }],
    },
    {
      name: 'an acknowledgment dated after as_of does not count',
      files: repo({ 'acknowledgments/hr.csv': acksCsv([JANE, 'POL-INFOSEC', '3.0', '2026-07-02']) }),
      errors: [{ ...at(0), messageId: 'missingVersionSinceApproval', message: 'has not acknowledged POL-INFOSEC version "3.0"' }],
    },
    {
      name: 'versions compare as written: "3" is not "3.0"',
      files: repo({ 'acknowledgments/hr.csv': acksCsv([JANE, 'POL-INFOSEC', '3', '2026-01-20']) }),
      errors: [{ ...at(0), messageId: 'outdatedSinceApproval', message: 'they last acknowledged version "3" on 2026-01-20' }],
    },
    {
      name: 'an unquoted policy version 3.10 is not acknowledged by version "3.1"',
      files: repo({ 'acknowledgments/2026.yaml': acksYaml([JANE, 'POL-INFOSEC', '"3.1"', '2026-01-20']) }, infosec({ version: '3.10' })),
      errors: [{ ...at(0), messageId: 'outdatedSinceApproval', message: 'has not acknowledged POL-INFOSEC version "3.10" (due by 2026-02-11, 30 days after it was approved on 2026-01-12); they last acknowledged version "3.1"' }],
    },
    {
      name: 'one finding per person and policy, each at the person; another person\'s acknowledgment does not count',
      files: {
        'policies/infosec.md': infosec(),
        'policies/aup.md': infosec({ id: 'POL-AUP', version: '"2.1"' }),
        'people.yaml': people(veteran, { id: OMAR, start: '2024-02-05' }),
        'acknowledgments/hr.csv': acksCsv([JANE, 'POL-INFOSEC', '3.0', '2026-01-13'], [JANE, 'POL-AUP', '2.1', '2026-01-13'], [OMAR, 'POL-AUP', '2.1', '2026-01-14']),
      },
      errors: [{ ...at(1), messageId: 'missingVersionSinceApproval', message: 'omar@acme.example has not acknowledged POL-INFOSEC version "3.0"' }],
    },
    {
      name: 'two missing policies for one person give two findings at the same place',
      files: { 'policies/infosec.md': infosec(), 'policies/aup.md': infosec({ id: 'POL-AUP', version: '"2.1"' }), 'people.yaml': people(veteran) },
      errors: [
        { ...at(0), messageId: 'missingVersionSinceApproval', message: 'has not acknowledged POL-AUP version "2.1"' },
        { ...at(0), messageId: 'missingVersionSinceApproval', message: 'has not acknowledged POL-INFOSEC version "3.0"' },
      ],
    },
    {
      name: 'someone whose last day is today still needs the acknowledgment',
      files: repo({}, infosec(), [{ id: JANE, start: '2020-01-06', end: '2026-07-01' }]),
      errors: [{ ...at(0), messageId: 'missingVersionSinceApproval', message: 'jane@acme.example has not acknowledged POL-INFOSEC' }],
    },
    {
      name: 'option within_days 0: a policy approved yesterday is already due',
      options: { within_days: 0 },
      files: repo({}, infosec({ approvedOn: '2026-06-30' })),
      errors: [{ ...at(0), messageId: 'missingVersionSinceApproval', message: '(due by 2026-06-30, 0 days after it was approved on 2026-06-30)' }],
    },
    {
      name: 'a policy without a version is named without one',
      files: repo({}, infosec({ version: '' })),
      errors: [
        {
          ...at(0),
          messageId: 'missingSinceApproval',
          data: { person: JANE, policy: 'POL-INFOSEC', due: '2026-02-11', within: 30, approvedOn: '2026-01-12' },
          message: 'jane@acme.example has not acknowledged POL-INFOSEC (due by 2026-02-11',
        },
      ],
    },
    {
      name: 'a policy without a version, for someone who started after its approval',
      files: repo({}, infosec({ version: '' }), [{ id: JANE, start: '2026-05-15' }]),
      errors: [
        {
          ...at(0),
          messageId: 'missingSinceStart',
          data: { person: JANE, policy: 'POL-INFOSEC', due: '2026-06-14', within: 30, start: '2026-05-15' },
          message: 'jane@acme.example has not acknowledged POL-INFOSEC (due by 2026-06-14, 30 days after they started on 2026-05-15). Record the acknowledgment in acknowledgments/.',
        },
      ],
    },
    {
      name: 'a policy with neither a version nor an approval date, for someone with no start date',
      files: repo({}, infosec({ version: '', approvedOn: '' }), [{ id: JANE }]),
      errors: [
        {
          ...at(0),
          messageId: 'missing',
          data: { person: JANE, policy: 'POL-INFOSEC' },
          message: 'jane@acme.example has not acknowledged POL-INFOSEC. Record the acknowledgment in acknowledgments/.',
        },
      ],
    },
    {
      name: 'an older version acknowledged, with no deadline known',
      files: repo({ 'acknowledgments/hr.csv': acksCsv([JANE, 'POL-INFOSEC', '2.1', '2025-02-03']) }, infosec({ approvedOn: '' }), [{ id: JANE }]),
      errors: [
        {
          ...at(0),
          messageId: 'outdated',
          data: { person: JANE, policy: 'POL-INFOSEC', version: '3.0', lastVersion: '2.1', lastDate: '2025-02-03' },
          message: 'jane@acme.example has not acknowledged POL-INFOSEC version "3.0"; they last acknowledged version "2.1" on 2025-02-03. Record the acknowledgment in acknowledgments/.',
        },
      ],
    },
    {
      name: 'an older version acknowledged, by someone who started after the approval',
      files: repo({ 'acknowledgments/hr.csv': acksCsv([JANE, 'POL-INFOSEC', '2.1', '2026-05-20']) }, infosec(), [{ id: JANE, start: '2026-05-15' }]),
      errors: [
        {
          ...at(0),
          messageId: 'outdatedSinceStart',
          data: { person: JANE, policy: 'POL-INFOSEC', version: '3.0', due: '2026-06-14', within: 30, start: '2026-05-15', lastVersion: '2.1', lastDate: '2026-05-20' },
          message: 'jane@acme.example has not acknowledged POL-INFOSEC version "3.0" (due by 2026-06-14, 30 days after they started on 2026-05-15); they last acknowledged version "2.1" on 2026-05-20. Record the acknowledgment in acknowledgments/.',
        },
      ],
    },
  ],
});

describe('missing-acknowledgment options', () => {
  const configured = (options: string) => loadConfig(makeRepo({ 'soc2lint.config.yaml': `rules:\n  missing-acknowledgment: [error, ${options}]\n` }));

  it('accepts within_days', () => {
    expect(resolveRules([rule], configured('{ within_days: 45 }'))[0]?.options).toEqual({ within_days: 45, late_in_period: true });
  });

  it.each(['{ within_days: -1 }', '{ within_days: 400 }', '{ within_days: "30" }', '{ grace: 30 }'])('rejects %s', (options) => {
    expect(() => resolveRules([rule], configured(options))).toThrow(/Invalid options for rule "missing-acknowledgment"/);
  });
});
