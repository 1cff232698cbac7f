import rule from '../../rules/invalid-approver.js';
import { policy } from '../helpers/repo.js';
import { testRule } from '../helpers/rule-tester.js';

/** people.yaml: Olivia (CEO, since 2020), Priya (since 2023-04-03) and Ryan (left 2026-04-17); `grants` adds can_approve lines. */
const people = (grants: { olivia?: string; priya?: string } = {}) =>
  `people:\n  - id: olivia@acme.example\n    name: Olivia Grant\n    start: 2020-02-03\n${grants.olivia ? `    can_approve: ${grants.olivia}\n` : ''}` +
  `  - id: priya@acme.example\n    name: Priya Nair\n    start: 2023-04-03\n${grants.priya ? `    can_approve: ${grants.priya}\n` : ''}` +
  '  - id: ryan@acme.example\n    name: Ryan Cole\n    start: 2024-03-04\n    end: 2026-04-17\n';

/** A policy whose `approved_by` value is on line 6, column 14. */
const approved = (by: string, on = '2026-01-12') => policy(`id: POL-A\ntitle: Access\nstatus: approved\nowner: priya@acme.example\napproved_by: ${by}\napproved_on: ${on}`);
const POLICY_AT = { file: 'policies/a.md', line: 6, column: 14 };

/** waivers.yaml with one waiver: `approved_by` on line 5, column 18. */
const waiver = (by: string, extra = '') =>
  `waivers:\n  - rule: stale-evidence\n    target: AC-07\n    reason: Control replaced by AC-12 mid-period; auditor informed.\n    approved_by: ${by}\n    expires: 2026-08-31\n${extra}`;
const WAIVER_AT = { file: 'waivers.yaml', line: 5, column: 18 };

testRule(rule, {
  valid: [
    { name: 'an active person approves, and nobody has can_approve: anyone employed may', files: { 'people.yaml': people(), 'policies/a.md': approved('olivia@acme.example') } },
    { name: 'addresses compare without regard to case', files: { 'people.yaml': people(), 'policies/a.md': approved('Olivia@Acme.example') } },
    { name: 'approved on the approver\'s first day', files: { 'people.yaml': people(), 'policies/a.md': approved('priya@acme.example', '2023-04-03') } },
    { name: 'approved on the approver\'s last day', files: { 'people.yaml': people(), 'policies/a.md': approved('ryan@acme.example', '2026-04-17') } },
    {
      name: 'an approval by someone who has left since is still an approval made while employed',
      files: { 'people.yaml': people(), 'policies/a.md': approved('ryan@acme.example', '2025-10-01') },
    },
    {
      name: 'can_approve grants the kind',
      files: { 'people.yaml': people({ olivia: '[policies]', priya: '[waivers, scope]' }), 'policies/a.md': approved('olivia@acme.example'), 'waivers.yaml': waiver('priya@acme.example') },
    },
    { name: 'a waiver with no approved_on is judged on who approved it only', files: { 'people.yaml': people(), 'waivers.yaml': waiver('ryan@acme.example') } },
    { name: 'no people.yaml: nothing to check against', files: { 'policies/a.md': approved('stranger@acme.example') } },
    { name: 'a draft policy with no approved_by', files: { 'people.yaml': people(), 'policies/a.md': policy('id: POL-A\ntitle: Access\nstatus: draft') } },
    {
      name: 'an approver dropped from people.yaml as malformed is schema-violation\'s finding, not an unknown approver',
      files: { 'people.yaml': `${people()}  - id: sam@acme.example\n    name: Sam\n    start: 2026-02-30\n`, 'policies/a.md': approved('sam@acme.example') },
    },
  ],
  invalid: [
    {
      name: 'a policy approved by a stranger',
      files: { 'people.yaml': people(), 'policies/a.md': approved('consultant@example.com') },
      errors: [
        {
          ...POLICY_AT,
          messageId: 'unknown',
          data: { approval: 'Policy POL-A', approver: 'consultant@example.com' },
          message: 'Policy POL-A is approved by consultant@example.com, who is not in people.yaml. Record the approval of a person listed in people.yaml, or add the person.',
        },
      ],
    },
    {
      name: 'a policy approved by someone who had already left',
      files: { 'people.yaml': people(), 'policies/a.md': approved('ryan@acme.example', '2026-05-04') },
      errors: [
        {
          ...POLICY_AT,
          messageId: 'departed',
          data: { approval: 'Policy POL-A', approver: 'ryan@acme.example', approvedOn: '2026-05-04', end: '2026-04-17' },
          message: 'Policy POL-A was approved on 2026-05-04 by ryan@acme.example, who left on 2026-04-17.',
        },
      ],
    },
    {
      name: 'a policy approved before the approver started',
      files: { 'people.yaml': people(), 'policies/a.md': approved('priya@acme.example', '2023-04-02') },
      errors: [{ ...POLICY_AT, messageId: 'notStarted', data: { approval: 'Policy POL-A', approver: 'priya@acme.example', approvedOn: '2023-04-02', start: '2023-04-03' } }],
    },
    {
      name: 'once anyone has can_approve, a policy approval needs it',
      files: { 'people.yaml': people({ olivia: '[policies]', priya: '[waivers]' }), 'policies/a.md': approved('priya@acme.example') },
      errors: [
        {
          ...POLICY_AT,
          messageId: 'notAuthorized',
          data: { approval: 'Policy POL-A', approver: 'priya@acme.example', kind: 'policies', allowed: 'olivia@acme.example' },
          message: 'who may not approve policies: people.yaml grants that (can_approve: [policies]) to olivia@acme.example today.',
        },
      ],
    },
    {
      name: 'a waiver approved by an unknown address is reported at its approved_by',
      files: { 'people.yaml': people(), 'waivers.yaml': waiver('cfo@elsewhere.example') },
      errors: [{ ...WAIVER_AT, messageId: 'unknown', data: { approval: 'The waiver of stale-evidence for AC-07', approver: 'cfo@elsewhere.example' } }],
    },
    {
      name: 'a waiver approved (approved_on) after its approver left',
      files: { 'people.yaml': people(), 'waivers.yaml': waiver('ryan@acme.example', '    approved_on: 2026-05-01\n') },
      errors: [{ ...WAIVER_AT, messageId: 'departed', data: { approval: 'The waiver of stale-evidence for AC-07', approver: 'ryan@acme.example', approvedOn: '2026-05-01', end: '2026-04-17' } }],
    },
    {
      name: 'a waiver approved by someone who may approve policies only; nobody may approve waivers',
      files: { 'people.yaml': people({ olivia: '[policies]' }), 'waivers.yaml': waiver('olivia@acme.example') },
      errors: [{ ...WAIVER_AT, messageId: 'notAuthorized', data: { approval: 'The waiver of stale-evidence for AC-07', approver: 'olivia@acme.example', kind: 'waivers', allowed: 'nobody' } }],
    },
    {
      name: 'the scope approved by someone without the scope authority',
      files: {
        'people.yaml': people({ olivia: '[policies, scope]' }),
        'scope.yaml': 'categories: [security]\nowner: priya@acme.example\napproved_by: priya@acme.example\napproved_on: 2026-01-05\n',
      },
      errors: [{ file: 'scope.yaml', line: 3, column: 14, messageId: 'notAuthorized', data: { approval: 'The scope', approver: 'priya@acme.example', kind: 'scope', allowed: 'olivia@acme.example' } }],
    },
  ],
});
