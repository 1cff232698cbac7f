import rule from '../../rules/missing-background-check.js';
import { testRule } from '../helpers/rule-tester.js';

// as_of is 2026-07-01 unless a case says otherwise.

/** A Type II audit period, 2026-01-01 to 2026-06-30. */
const SCOPE = { 'scope.yaml': 'audit:\n  type: type2\n  period: { start: 2026-01-01, end: 2026-06-30 }\n' };
/**
 * people.yaml with one person: `start` value on line 4, column 12; a background_check after it with its date value on
 * line 6, column 13; `extra` lines last.
 */
const mei = (start: string, checked?: string, extra = '') =>
  `people:\n  - id: mei@acme.example\n    name: Mei Tanaka\n    start: ${start}\n${checked ? `    background_check:\n      date: ${checked}\n      evidence: evidence/HR-01/mei.md\n` : ''}${extra}`;
const START = { file: 'people.yaml', line: 4, column: 12 };
const CHECKED = { file: 'people.yaml', line: 6, column: 13 };
const named = { person: 'Mei Tanaka (mei@acme.example)' };

testRule(rule, {
  valid: [
    { name: 'a joiner of the period checked before starting', files: { ...SCOPE, 'people.yaml': mei('2026-01-20', '2026-01-14') } },
    { name: 'checked on the start day itself', files: { ...SCOPE, 'people.yaml': mei('2026-01-20', '2026-01-20') } },
    { name: 'someone who started before the audit period is not in the joiner population', files: { ...SCOPE, 'people.yaml': mei('2025-12-31') } },
    { name: 'someone who starts after as_of is not a joiner yet', asOf: '2026-03-01', files: { ...SCOPE, 'people.yaml': mei('2026-03-02') } },
    { name: 'without a period, a start more than 12 months ago is not judged', files: { 'people.yaml': mei('2025-06-30') } },
    { name: 'option grace_days 7 allows a check in the first week', options: { grace_days: 7 }, files: { ...SCOPE, 'people.yaml': mei('2026-01-20', '2026-01-27') } },
    { name: 'option exclude_contractors leaves contractors out', options: { exclude_contractors: true }, files: { ...SCOPE, 'people.yaml': mei('2026-01-20', undefined, '    type: contractor\n') } },
    { name: 'a background_check with an impossible date is schema-violation\'s finding', files: { ...SCOPE, 'people.yaml': mei('2026-01-20', '2026-02-30') } },
  ],
  invalid: [
    {
      name: 'a new hire of the period with no background check, reported at the start date',
      files: { ...SCOPE, 'people.yaml': mei('2026-05-11') },
      errors: [
        {
          ...START,
          messageId: 'missing',
          data: { ...named, start: '2026-05-11', window: 'the audit period 2026-01-01 to 2026-06-30' },
          message: 'Mei Tanaka (mei@acme.example) started on 2026-05-11, within the audit period 2026-01-01 to 2026-06-30, but no background check is recorded.',
        },
      ],
    },
    {
      name: 'without a period: a joiner of the last 12 months',
      files: { 'people.yaml': mei('2025-07-01') },
      errors: [{ ...START, messageId: 'missing', data: { ...named, start: '2025-07-01', window: 'the last 12 months' } }],
    },
    {
      name: 'contractors are checked unless the option excludes them',
      files: { ...SCOPE, 'people.yaml': mei('2026-01-20', undefined, '    type: contractor\n') },
      errors: [{ ...START, messageId: 'missing' }],
    },
    {
      name: 'a check dated after the start, reported at its date',
      files: { ...SCOPE, 'people.yaml': mei('2026-01-20', '2026-01-21') },
      errors: [
        {
          ...CHECKED,
          messageId: 'late',
          data: { ...named, start: '2026-01-20', checked: '2026-01-21', due: '2026-01-20' },
          message: 'Mei Tanaka (mei@acme.example) started on 2026-01-20 but the background check is dated 2026-01-21, after the start (allowed until 2026-01-20).',
        },
      ],
    },
  ],
});
