import rule from '../../rules/self-approval.js';
import { policy } from '../helpers/repo.js';
import { testRule } from '../helpers/rule-tester.js';

/** A policy owned by Priya; its `approved_by` value is on line 6, column 14. */
const approved = (by: string) => policy(`id: POL-A\ntitle: Access\nstatus: approved\nowner: priya@acme.example\napproved_by: ${by}\napproved_on: 2026-01-12`);

/** waivers.yaml with one waiver: `approved_by` on line 5, column 18. */
const waiver = (by: string, requester?: string) =>
  `waivers:\n  - rule: stale-evidence\n    target: AC-07\n    reason: Control replaced by AC-12 mid-period; auditor informed.\n    approved_by: ${by}\n    expires: 2026-08-31\n${requester ? `    requested_by: ${requester}\n` : ''}`;

testRule(rule, {
  valid: [
    { name: 'a policy approved by someone other than its owner', files: { 'policies/a.md': approved('olivia@acme.example') } },
    { name: 'a policy with no owner cannot be self-approved', files: { 'policies/a.md': policy('id: POL-A\ntitle: Access\nstatus: approved\napproved_by: olivia@acme.example') } },
    { name: 'a waiver approved by someone other than its requester', files: { 'waivers.yaml': waiver('olivia@acme.example', 'priya@acme.example') } },
    { name: 'a waiver with no requester recorded', files: { 'waivers.yaml': waiver('priya@acme.example') } },
  ],
  invalid: [
    {
      name: 'a policy approved by its own owner',
      files: { 'policies/a.md': approved('priya@acme.example') },
      errors: [
        {
          file: 'policies/a.md',
          line: 6,
          column: 14,
          messageId: 'ownPolicy',
          data: { approval: 'Policy POL-A', approver: 'priya@acme.example' },
          message: 'Policy POL-A is approved by its own owner, priya@acme.example. Have someone other than the owner approve it (segregation of duties)',
        },
      ],
    },
    {
      name: 'the same address in another case is the same person',
      files: { 'policies/a.md': approved('Priya@ACME.example') },
      errors: [{ file: 'policies/a.md', line: 6, column: 14, messageId: 'ownPolicy', data: { approval: 'Policy POL-A', approver: 'Priya@ACME.example' } }],
    },
    {
      name: 'a waiver approved by its own requester',
      files: { 'waivers.yaml': waiver('priya@acme.example', 'priya@acme.example') },
      errors: [
        {
          file: 'waivers.yaml',
          line: 5,
          column: 18,
          messageId: 'ownWaiver',
          data: { approval: 'The waiver of stale-evidence for AC-07', approver: 'priya@acme.example' },
          message: 'is approved by the person who requested it, priya@acme.example.',
        },
      ],
    },
  ],
});
