import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import rule from '../../rules/unknown-owner.js';
import { policy } from '../helpers/repo.js';
import { runRuleIn, testRule } from '../helpers/rule-tester.js';

const PEOPLE = [
  'people:',
  '  - id: jane@acme.example',
  '    name: Jane Doe',
  '  - id: ryan@acme.example',
  '    name: Ryan Cole',
  '    end: 2026-04-17',
  '  - id: ab@x.io',
  '    name: Ab',
  '  - id: ac@x.io',
  '    name: Ac',
  '',
].join('\n');

/** A control as a mapping; its owner value is on line 3, column 8. */
const control = (owner: string, extra = '') => `id: AC-01\ntitle: Access review\nowner: ${owner}\nfrequency: quarterly\n${extra}`;
const OWNER = { file: 'controls/ac.yaml', line: 3, column: 8 };
/** An approved policy; its owner value is on line 5, column 8. */
const pol = (owner: string, status = 'approved') => policy(`id: POL-ACCESS\ntitle: Access Control\nstatus: ${status}\nowner: ${owner}`);

testRule(rule, {
  valid: [
    {
      name: 'an owner naming a role people.yaml defines, held by a person, is known (any case)',
      files: { 'people.yaml': `${PEOPLE}roles:\n  - id: ISMS Manager\n    holder: jane@acme.example\n`, 'controls/ac.yaml': control('isms manager'), 'policies/a.md': pol('ISMS Manager') },
    },
    { name: 'an owner who is in people.yaml', files: { 'people.yaml': PEOPLE, 'controls/ac.yaml': control('jane@acme.example') } },
    { name: 'an owner who has left is still a known person (departed-owner judges that)', files: { 'people.yaml': PEOPLE, 'controls/ac.yaml': control('ryan@acme.example') } },
    { name: 'e-mail addresses differing only in case are the same person', files: { 'people.yaml': PEOPLE, 'controls/ac.yaml': control('Jane@Acme.example') } },
    { name: 'a team name is not checked against people.yaml', files: { 'people.yaml': PEOPLE, 'controls/ac.yaml': control('Security Team') } },
    { name: 'without a people file there is nothing to check against', files: { 'controls/ac.yaml': control('ghost@acme.example') } },
    {
      name: 'a people file that does not parse is parse-error\'s finding, and owners are not checked against it',
      files: { 'people.yaml': 'people:\n  - id: [\n', 'controls/ac.yaml': control('ghost@acme.example') },
    },
    { name: 'a retired control with an unknown owner is not in force', files: { 'people.yaml': PEOPLE, 'controls/ac.yaml': control('ghost@acme.example', 'status: retired\n') } },
    { name: 'a planned control with an unknown owner is not in force', files: { 'people.yaml': PEOPLE, 'controls/ac.yaml': control('ghost@acme.example', 'status: planned\n') } },
    { name: 'a draft policy with an unknown owner is not in force', files: { 'people.yaml': PEOPLE, 'policies/access.md': pol('ghost@acme.example', 'draft') } },
    {
      name: 'a person whose record is malformed (no name) is still declared, so owning is not reported as unknown too',
      files: { 'people.yaml': `${PEOPLE}  - id: mo@acme.example\n`, 'controls/ac.yaml': control('mo@acme.example') },
    },
  ],
  invalid: [
    {
      name: 'where people.yaml defines roles, an owner that is neither a person nor a role is reported with the nearest role',
      files: { 'people.yaml': `${PEOPLE}roles:\n  - id: ISMS Manager\n    holder: jane@acme.example\n`, 'controls/ac.yaml': control('ISMS Manger') },
      errors: [{ ...OWNER, messageId: 'unknownRole', data: { owned: 'Control AC-01', owner: 'ISMS Manger', suggestion: ' Did you mean "ISMS Manager"?' }, message: 'Control AC-01 is owned by "ISMS Manger", which is neither a person nor a role in people.yaml. Did you mean "ISMS Manager"? Name a person or a role listed under roles:.' }],
    },
    {
      name: 'a role held by someone who is not in people.yaml is reported at the holder',
      files: { 'people.yaml': `${PEOPLE}roles:\n  - id: ISMS Manager\n    holder: jane@acme.exampel\n`, 'controls/ac.yaml': control('ISMS Manager') },
      errors: [{ file: 'people.yaml', line: 13, column: 13, messageId: 'unknownHolder', data: { role: 'ISMS Manager', holder: 'jane@acme.exampel', suggestion: ' Did you mean "jane@acme.example"?' } }],
    },
    {
      name: 'a typo in an owner address is reported at the owner with the nearest person suggested',
      files: { 'people.yaml': PEOPLE, 'controls/ac.yaml': control('jane@acme.exmple') },
      errors: [{ ...OWNER, messageId: 'unknownOwner', data: { owned: 'Control AC-01', owner: 'jane@acme.exmple', suggestion: ' Did you mean "jane@acme.example"?' }, message: 'Control AC-01 is owned by jane@acme.exmple, who is not in people.yaml. Did you mean "jane@acme.example"?' }],
    },
    {
      name: 'an address near nobody gets no suggestion',
      files: { 'people.yaml': PEOPLE, 'controls/ac.yaml': control('ghost@elsewhere.example') },
      errors: [{ ...OWNER, messageId: 'unknownOwner', data: { owned: 'Control AC-01', owner: 'ghost@elsewhere.example', suggestion: '' }, message: /^Control AC-01 is owned by ghost@elsewhere\.example, who is not in people\.yaml\. Fix the address, or add the person to people\.yaml\.$/ }],
    },
    {
      name: 'an address equally near two people gets no suggestion',
      files: { 'people.yaml': PEOPLE, 'controls/ac.yaml': control('ad@x.io') },
      errors: [{ ...OWNER, messageId: 'unknownOwner', message: /^Control AC-01 is owned by ad@x\.io, who is not in people\.yaml\. Fix/ }],
    },
    {
      name: 'an approved policy with an unknown owner',
      files: { 'people.yaml': PEOPLE, 'policies/access.md': pol('jdoe@acme.example') },
      errors: [{ file: 'policies/access.md', line: 5, column: 8, messageId: 'unknownOwner', message: 'Policy POL-ACCESS is owned by jdoe@acme.example, who is not in people.yaml' }],
    },
    {
      name: 'the scope, a system and a vendor with unknown owners are each reported',
      files: {
        'people.yaml': PEOPLE,
        'scope.yaml': 'owner: ciso@acme.example\nsystems:\n  - id: SYS-APP\n    name: Production app\n    owner: cto@acme.example\n',
        'vendors/aws.yaml': 'id: VEN-AWS\nname: Amazon Web Services\ncriticality: critical\nowner: cfo@acme.example\n',
      },
      errors: [
        { file: 'scope.yaml', line: 1, column: 8, messageId: 'unknownOwner', data: { owned: 'The scope', owner: 'ciso@acme.example', suggestion: '' }, message: 'The scope is owned by ciso@acme.example, who is not in people.yaml' },
        { file: 'scope.yaml', line: 5, column: 12, messageId: 'unknownOwner', message: 'System SYS-APP is owned by cto@acme.example' },
        { file: 'vendors/aws.yaml', line: 4, column: 8, messageId: 'unknownOwner', message: 'Vendor VEN-AWS is owned by cfo@acme.example' },
      ],
    },
    {
      name: 'a people file in the single-person form is a register too',
      files: { 'people.yaml': 'id: jane@acme.example\nname: Jane Doe\n', 'controls/ac.yaml': control('jane@acme.exmple') },
      errors: [{ ...OWNER, messageId: 'unknownOwner', message: 'Did you mean "jane@acme.example"?' }],
    },
  ],
});

it('the healthy example program has no unknown owners', async () => {
  const root = fileURLToPath(new URL('../../examples/acme-saas', import.meta.url));
  expect(await runRuleIn(rule, root, { asOf: '2026-07-10' })).toEqual([]);
});
