import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import rule from '../../rules/departed-owner.js';
import { policy } from '../helpers/repo.js';
import { runRuleIn, testRule } from '../helpers/rule-tester.js';

/** Ryan left on 2026-04-17 (his last day); Ana still works here; Noa starts later this year. */
const PEOPLE = [
  'people:',
  '  - id: ryan@x.io',
  '    name: Ryan Cole',
  '    end: 2026-04-17',
  '  - id: ana@x.io',
  '    name: Ana Silva',
  '  - id: noa@x.io',
  '    name: Noa Levi',
  '    start: 2026-09-01',
  '',
].join('\n');
const peopleEnding = (end: string) => PEOPLE.replace('2026-04-17', end);

/** A control as a mapping; its owner value is on line 3, column 8. */
const control = (owner: string, extra = '') => `id: AC-01\ntitle: Access review\nowner: ${owner}\nfrequency: quarterly\n${extra}`;
/** An approved policy; its owner value is on line 5, column 8 (line 1 is `---`). */
const pol = (owner: string, status = 'approved') => policy(`id: POL-ACCESS\ntitle: Access Control\nstatus: ${status}\nowner: ${owner}`);
/** The scope, owned by `owner` (line 1, column 8), with one system owned by `systemOwner` (line 5, column 12). */
const scope = (owner: string, systemOwner: string) => `owner: ${owner}\nsystems:\n  - id: SYS-APP\n    name: Production app\n    owner: ${systemOwner}\n`;
/** A vendor; its owner value is on line 4, column 8. */
const vendor = (owner: string) => `id: VEN-AWS\nname: Amazon Web Services\ncriticality: critical\nowner: ${owner}\n`;

testRule(rule, {
  valid: [
    { name: 'a control owned by a current employee', files: { 'people.yaml': PEOPLE, 'controls/ac.yaml': control('ana@x.io') } },
    { name: 'on the owner\'s last day (end == as_of) they are still here', asOf: '2026-04-17', files: { 'people.yaml': PEOPLE, 'controls/ac.yaml': control('ryan@x.io') } },
    { name: 'an owner whose end date is in the future has not left yet', files: { 'people.yaml': peopleEnding('2026-08-31'), 'controls/ac.yaml': control('ryan@x.io') } },
    { name: 'a retired control owned by a leaver is not in force', files: { 'people.yaml': PEOPLE, 'controls/ac.yaml': control('ryan@x.io', 'status: retired\n') } },
    { name: 'a planned control owned by a leaver is not in force', files: { 'people.yaml': PEOPLE, 'controls/ac.yaml': control('ryan@x.io', 'status: planned\n') } },
    { name: 'a draft policy owned by a leaver is not in force', files: { 'people.yaml': PEOPLE, 'policies/access.md': pol('ryan@x.io', 'draft') } },
    { name: 'a retired policy owned by a leaver is not in force', files: { 'people.yaml': PEOPLE, 'policies/access.md': pol('ryan@x.io', 'retired') } },
    { name: 'an owner not in people.yaml is unknown-owner\'s business, not this rule\'s', files: { 'people.yaml': PEOPLE, 'controls/ac.yaml': control('ghost@x.io') } },
    { name: 'a team name as owner is not a person', files: { 'people.yaml': PEOPLE, 'controls/ac.yaml': control('Security Team') } },
    { name: 'a new joiner who has not started yet has not left', files: { 'people.yaml': PEOPLE, 'controls/ac.yaml': control('noa@x.io') } },
    { name: 'without a people file nobody is known to have left', files: { 'controls/ac.yaml': control('ryan@x.io') } },
  ],
  invalid: [
    {
      name: 'a role whose holder has left is reported at the owner, naming the role and its holder',
      files: { 'people.yaml': `${PEOPLE}roles:\n  - { id: ISMS Manager, holder: ryan@x.io }\n`, 'controls/ac.yaml': 'id: AC-01\ntitle: Access review\nowner: ISMS Manager\nfrequency: quarterly\n' },
      errors: [{ file: 'controls/ac.yaml', line: 3, column: 8, messageId: 'departedHolder', data: { owned: 'Control AC-01', role: 'ISMS Manager', owner: 'ryan@x.io', left: '2026-04-17' }, message: 'Control AC-01 is owned by the role ISMS Manager, whose holder ryan@x.io left on 2026-04-17. Name the current holder of ISMS Manager under roles: in people.yaml.' }],
    },
    {
      name: 'an active control owned by a leaver is reported at its owner, naming the control, the owner and the end date',
      files: { 'people.yaml': PEOPLE, 'controls/ac.yaml': control('ryan@x.io') },
      errors: [{ file: 'controls/ac.yaml', line: 3, column: 8, messageId: 'departed', data: { owned: 'Control AC-01', owner: 'ryan@x.io', left: '2026-04-17' }, message: 'Control AC-01 is owned by ryan@x.io, who left on 2026-04-17. Hand it to a current owner.' }],
    },
    {
      name: 'the day after the owner\'s last day they have left',
      asOf: '2026-04-18',
      files: { 'people.yaml': PEOPLE, 'controls/ac.yaml': control('ryan@x.io') },
      errors: [{ file: 'controls/ac.yaml', line: 3, column: 8, messageId: 'departed', message: 'who left on 2026-04-17' }],
    },
    {
      name: 'month end: an owner whose last day was 2026-02-28 has left on 2026-03-01',
      asOf: '2026-03-01',
      files: { 'people.yaml': peopleEnding('2026-02-28'), 'controls/ac.yaml': control('ryan@x.io') },
      errors: [{ file: 'controls/ac.yaml', line: 3, column: 8, messageId: 'departed', message: 'who left on 2026-02-28' }],
    },
    {
      name: 'an approved policy owned by a leaver',
      files: { 'people.yaml': PEOPLE, 'policies/access.md': pol('ryan@x.io') },
      errors: [{ file: 'policies/access.md', line: 5, column: 8, messageId: 'departed', message: 'Policy POL-ACCESS is owned by ryan@x.io, who left on 2026-04-17' }],
    },
    {
      name: 'the scope and an in-scope system owned by a leaver are both reported',
      files: { 'people.yaml': PEOPLE, 'scope.yaml': scope('ryan@x.io', 'ryan@x.io') },
      errors: [
        { file: 'scope.yaml', line: 1, column: 8, messageId: 'departed', data: { owned: 'The scope', owner: 'ryan@x.io', left: '2026-04-17' }, message: 'The scope is owned by ryan@x.io, who left on 2026-04-17' },
        { file: 'scope.yaml', line: 5, column: 12, messageId: 'departed', message: 'System SYS-APP is owned by ryan@x.io, who left on 2026-04-17' },
      ],
    },
    {
      name: 'a vendor owned by a leaver',
      files: { 'people.yaml': PEOPLE, 'vendors/aws.yaml': vendor('ryan@x.io') },
      errors: [{ file: 'vendors/aws.yaml', line: 4, column: 8, messageId: 'departed', message: 'Vendor VEN-AWS is owned by ryan@x.io, who left on 2026-04-17' }],
    },
    {
      name: 'an owner address written in another case is the same person',
      files: { 'people.yaml': PEOPLE, 'controls/ac.yaml': control('Ryan@X.io') },
      errors: [{ file: 'controls/ac.yaml', line: 3, column: 8, messageId: 'departed', message: 'Control AC-01 is owned by Ryan@X.io, who left on 2026-04-17' }],
    },
    {
      name: 'in a controls list, only the active control owned by the leaver is reported',
      files: {
        'people.yaml': PEOPLE,
        'controls/list.yaml': [
          'controls:',
          '  - id: AC-01',
          '    title: Access review',
          '    owner: ana@x.io',
          '    frequency: quarterly',
          '  - id: AC-02',
          '    title: SSO enforcement',
          '    owner: ryan@x.io',
          '    frequency: continuous',
          '  - id: AC-03',
          '    title: Old manual review',
          '    owner: ryan@x.io',
          '    status: retired',
          '    frequency: annual',
          '',
        ].join('\n'),
      },
      errors: [{ file: 'controls/list.yaml', line: 8, column: 12, messageId: 'departed', message: 'Control AC-02 is owned by ryan@x.io' }],
    },
  ],
});

it('the healthy example program has no departed owners', async () => {
  const root = fileURLToPath(new URL('../../examples/acme-saas', import.meta.url));
  expect(await runRuleIn(rule, root, { asOf: '2026-07-10' })).toEqual([]);
});
