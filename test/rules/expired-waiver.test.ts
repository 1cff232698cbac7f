import rule from '../../rules/expired-waiver.js';
import { describe, expect, it } from 'vitest';
import { runRule, testRule } from '../helpers/rule-tester.js';

type W = { rule?: string; target?: string; expires: string };
const REASON = 'Control replaced by AC-12 mid-period; auditor informed.';

/**
 * waivers.yaml with a `waivers:` list, five lines per waiver in the order rule, target, reason, approved_by, expires:
 * waiver i's `expires` value is on line 6 + 5i, column 14.
 */
const waivers = (...list: W[]) =>
  `waivers:\n${list
    .map((w) => `  - rule: ${w.rule ?? 'stale-evidence'}\n    target: ${w.target ?? 'AC-07'}\n    reason: ${REASON}\n    approved_by: ciso@acme.example\n    expires: ${w.expires}\n`)
    .join('')}`;
const at = (index: number) => ({ file: 'waivers.yaml', line: 6 + 5 * index, column: 14 });

testRule(rule, {
  valid: [
    { name: 'a waiver expiring on the as-of day itself is still in force', files: { 'waivers.yaml': waivers({ expires: '2026-07-01' }) } },
    { name: 'a waiver expiring tomorrow is in force', files: { 'waivers.yaml': waivers({ expires: '2026-07-02' }) } },
    { name: 'a waiver expiring on a leap day is in force on that day', asOf: '2024-02-29', files: { 'waivers.yaml': waivers({ expires: '2024-02-29' }) } },
    { name: 'a waiver expiring on a month end is in force on that day', asOf: '2026-02-28', files: { 'waivers.yaml': waivers({ expires: '2026-02-28' }) } },
    { name: 'a waiver expiring on New Year\'s Eve is in force that day', asOf: '2025-12-31', files: { 'waivers.yaml': waivers({ expires: '2025-12-31' }) } },
    { name: 'a program without waivers.yaml has nothing to expire', files: { 'controls/c.yaml': 'id: C-1\ntitle: T\nfrequency: event\n' } },
    { name: 'an empty waivers.yaml has nothing to expire', files: { 'waivers.yaml': '' } },
    {
      name: 'a waiver with an impossible expiry date (2026-02-30) is schema-violation\'s finding, not this rule\'s',
      files: { 'waivers.yaml': waivers({ expires: '2026-02-30' }) },
    },
    { name: 'malformed YAML in waivers.yaml does not crash the rule', files: { 'waivers.yaml': 'waivers:\n  - rule: [\n' } },
  ],
  invalid: [
    {
      name: 'a waiver that expired yesterday is reported at its expires date, naming rule, target and date',
      files: { 'waivers.yaml': waivers({ expires: '2026-06-30' }) },
      errors: [
        {
          ...at(0),
          messageId: 'expired',
          data: { rule: 'stale-evidence', target: 'AC-07', expires: '2026-06-30' },
          message:
            'The waiver of stale-evidence for AC-07 expired on 2026-06-30; it no longer suppresses anything. Fix the finding, or renew the waiver with a new approval and expiry date.',
        },
      ],
    },
    {
      name: 'a waiver expiring on a leap day has expired on March 1st',
      asOf: '2024-03-01',
      files: { 'waivers.yaml': waivers({ expires: '2024-02-29' }) },
      errors: [{ ...at(0), messageId: 'expired', message: 'for AC-07 expired on 2024-02-29;' }],
    },
    {
      name: 'a waiver expiring on February 28th of a common year has expired on March 1st',
      asOf: '2026-03-01',
      files: { 'waivers.yaml': waivers({ expires: '2026-02-28' }) },
      errors: [{ ...at(0), messageId: 'expired', message: 'expired on 2026-02-28;' }],
    },
    {
      name: 'a waiver expiring on New Year\'s Eve has expired on New Year\'s Day',
      asOf: '2026-01-01',
      files: { 'waivers.yaml': waivers({ expires: '2025-12-31' }) },
      errors: [{ ...at(0), messageId: 'expired', message: 'expired on 2025-12-31;' }],
    },
    {
      name: 'a waiver that expired years ago is reported the same way',
      files: { 'waivers.yaml': waivers({ expires: '2019-04-30' }) },
      errors: [{ ...at(0), messageId: 'expired', message: 'expired on 2019-04-30;' }],
    },
    {
      name: 'of three waivers only the expired one (the middle one) is reported, at its own expires line',
      files: {
        'waivers.yaml': waivers(
          { rule: 'missing-owner', target: 'AC-01', expires: '2026-12-31' },
          { rule: 'unmapped-criterion', target: 'CC6.4', expires: '2026-05-31' },
          { rule: 'stale-review', target: 'POL-AC', expires: '2026-07-01' },
        ),
      },
      errors: [{ ...at(1), messageId: 'expired', message: 'The waiver of unmapped-criterion for CC6.4 expired on 2026-05-31;' }],
    },
    {
      name: 'a waiver on a path glob names the glob',
      files: { 'waivers.yaml': waivers({ target: "'controls/legacy/**'", expires: '2026-06-01' }) },
      errors: [{ ...at(0), messageId: 'expired', message: 'The waiver of stale-evidence for controls/legacy/** expired on 2026-06-01;' }],
    },
    {
      name: 'an expired waiver of a rule that does not exist is still reported as expired',
      files: { 'waivers.yaml': waivers({ rule: 'stale-evidnce', expires: '2026-06-30' }) },
      errors: [{ ...at(0), messageId: 'expired', message: 'The waiver of stale-evidnce for AC-07 expired on 2026-06-30;' }],
    },
    {
      name: 'a waivers.yaml holding one waiver as a mapping is reported at its expires line',
      files: { 'waivers.yaml': `rule: missing-owner\ntarget: C-9\nreason: ${REASON}\napproved_by: ciso@acme.example\nexpires: 2026-04-15\n` },
      errors: [{ file: 'waivers.yaml', line: 5, column: 10, messageId: 'expired', message: 'The waiver of missing-owner for C-9 expired on 2026-04-15;' }],
    },
    {
      name: 'waivers.yml (the other extension) is read too',
      files: { 'waivers.yml': waivers({ expires: '2026-06-30' }) },
      errors: [{ ...at(0), file: 'waivers.yml', messageId: 'expired', message: 'expired on 2026-06-30;' }],
    },
  ],
});

describe('expired-waiver runs after the waivers', () => {
  it('cannot itself be waived: a waiver of expired-waiver suppresses nothing (found by mutation testing)', async () => {
    const findings = await runRule(rule, {
      name: 'waived',
      files: { 'waivers.yaml': waivers({ expires: '2026-06-30' }, { rule: 'expired-waiver', target: 'waivers.yaml', expires: '2026-12-31' }) },
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...at(0), messageId: 'expired' });
    expect(findings[0]!.suppressedBy).toBeUndefined();
  });
});
