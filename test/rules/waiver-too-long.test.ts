import rule from '../../rules/waiver-too-long.js';
import { testRule } from '../helpers/rule-tester.js';

/** waivers.yaml with one waiver: `expires` value on line 6, column 14; an optional approved_on after it. */
const waiver = (expires: string, approvedOn?: string) =>
  `waivers:\n  - rule: stale-evidence\n    target: AC-07\n    reason: Control replaced by AC-12 mid-period; auditor informed.\n    approved_by: ciso@acme.example\n    expires: ${expires}\n${approvedOn ? `    approved_on: ${approvedOn}\n` : ''}`;
const AT = { file: 'waivers.yaml', line: 6, column: 14 };
const named = { rule: 'stale-evidence', target: 'AC-07' };

testRule(rule, {
  valid: [
    { name: 'exactly 12 months after its approval', files: { 'waivers.yaml': waiver('2027-01-15', '2026-01-15') } },
    { name: 'a month-end approval: 12 months later is the same month end', files: { 'waivers.yaml': waiver('2027-02-28', '2026-02-28') } },
    { name: 'no approved_on: within 12 months of as_of', files: { 'waivers.yaml': waiver('2027-07-01') } },
    { name: 'option max_months 24 allows two years', options: { max_months: 24 }, files: { 'waivers.yaml': waiver('2028-01-15', '2026-01-15') } },
    { name: 'an expired waiver is expired-waiver\'s finding, not a long one', files: { 'waivers.yaml': waiver('2026-05-31', '2026-01-15') } },
  ],
  invalid: [
    {
      name: 'a day more than 12 months after its approval',
      files: { 'waivers.yaml': waiver('2027-01-16', '2026-01-15') },
      errors: [
        {
          ...AT,
          messageId: 'tooLong',
          data: { ...named, approvedOn: '2026-01-15', expires: '2027-01-16', max: 12, limit: '2027-01-15' },
          message: 'The waiver of stale-evidence for AC-07 was approved on 2026-01-15 and expires on 2027-01-16, more than 12 months later (at most 2027-01-15).',
        },
      ],
    },
    {
      name: 'a waiver expiring in 2099 with no approval date is measured from as_of',
      files: { 'waivers.yaml': waiver('2099-12-31') },
      errors: [
        {
          ...AT,
          messageId: 'tooLongUndated',
          data: { ...named, expires: '2099-12-31', max: 12, limit: '2027-07-01', asOf: '2026-07-01' },
          message: 'expires on 2099-12-31, more than 12 months after 2026-07-01 (at most 2027-07-01), and records no approved_on date.',
        },
      ],
    },
    {
      name: 'option max_months 6',
      options: { max_months: 6 },
      files: { 'waivers.yaml': waiver('2026-08-31', '2026-01-15') },
      errors: [{ ...AT, messageId: 'tooLong', data: { ...named, approvedOn: '2026-01-15', expires: '2026-08-31', max: 6, limit: '2026-07-15' } }],
    },
  ],
});
