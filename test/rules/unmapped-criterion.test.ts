import rule from '../../rules/unmapped-criterion.js';
import { testRule, type ExpectedFinding } from '../helpers/rule-tester.js';

// The 33 common criteria (security), written out here rather than read from the catalog, so a catalog that loses
// or gains a criterion fails these tests.
const SECURITY = [
  'CC1.1', 'CC1.2', 'CC1.3', 'CC1.4', 'CC1.5',
  'CC2.1', 'CC2.2', 'CC2.3',
  'CC3.1', 'CC3.2', 'CC3.3', 'CC3.4',
  'CC4.1', 'CC4.2',
  'CC5.1', 'CC5.2', 'CC5.3',
  'CC6.1', 'CC6.2', 'CC6.3', 'CC6.4', 'CC6.5', 'CC6.6', 'CC6.7', 'CC6.8',
  'CC7.1', 'CC7.2', 'CC7.3', 'CC7.4', 'CC7.5',
  'CC8.1',
  'CC9.1', 'CC9.2',
];
const AVAILABILITY = ['A1.1', 'A1.2', 'A1.3'];

/** Every security criterion except the ones named. */
const securityExcept = (...missing: string[]) => SECURITY.filter((id) => !missing.includes(id));

/** A controls file with one control (status active unless given) mapping the criteria. */
const controlsFile = (criteria: string[], status?: string) =>
  `controls:\n  - id: C-ALL\n    title: The whole program\n    frequency: annual\n${status ? `    status: ${status}\n` : ''}    criteria: [${criteria.join(', ')}]\n`;

/** All findings land on one place; the engine orders them by message, that is by criterion ID. */
const at = (file: string, line: number, column: number, ids: string[]): ExpectedFinding[] =>
  ids.map((id) => ({ file, line, column, messageId: 'unmapped', message: new RegExp(`^${id.replace('.', '\\.')} \\(`) }));

testRule(rule, {
  valid: [
    {
      name: 'every security criterion mapped by an active control, with no scope.yaml',
      files: { 'controls/all.yaml': controlsFile(SECURITY) },
    },
    {
      name: 'a control without a status is active and counts',
      files: { 'controls/all.yaml': controlsFile(SECURITY.slice(0, 20)), 'controls/rest.yaml': `id: C-REST\ntitle: Rest\nfrequency: annual\ncriteria: [${SECURITY.slice(20).join(', ')}]\n` },
    },
    {
      name: 'criteria covered across a controls list and a single-control file',
      files: {
        'controls/list.yaml': controlsFile(securityExcept('CC8.1'), 'active'),
        'controls/change.yaml': 'id: C-CHG\ntitle: Change approval\nfrequency: event\nstatus: active\ncriteria: [CC8.1]\n',
      },
    },
    {
      name: 'a criterion declared not_applicable needs no control',
      files: {
        'scope.yaml': 'categories: [security]\nnot_applicable:\n  - criterion: CC6.4\n    reason: Fully remote company with no offices or data centers of its own.\n',
        'controls/all.yaml': controlsFile(securityExcept('CC6.4')),
      },
    },
    {
      name: 'availability in scope with A1.1 to A1.3 mapped',
      files: { 'scope.yaml': 'categories: [security, availability]\n', 'controls/all.yaml': controlsFile([...SECURITY, ...AVAILABILITY]) },
    },
    {
      name: 'a category that is not in scope needs no controls (availability unmapped, not listed)',
      files: { 'scope.yaml': 'categories: [security]\n', 'controls/all.yaml': controlsFile(SECURITY) },
    },
  ],
  invalid: [
    {
      name: 'with no scope.yaml and no config, all 33 security criteria are reported at the repo root',
      files: { 'policies/README.md': '# Policies\n' },
      errors: at('.', 1, 1, SECURITY),
    },
    {
      name: 'with no scope.yaml only the security criteria are in scope, reported at the config file',
      files: {
        'soc2lint.config.yaml': 'rules:\n  stale-review: warn\n',
        'controls/all.yaml': controlsFile(securityExcept('CC6.2')),
      },
      errors: [{ file: 'soc2lint.config.yaml', line: 1, column: 1, messageId: 'unmapped', data: { criterion: 'CC6.2', topic: 'User registration and removal', category: 'security' }, message: 'CC6.2 (User registration and removal) is in scope (security) but no active control maps to it' }],
    },
    {
      name: 'the finding is placed at the categories key of scope.yaml',
      files: {
        'scope.yaml': 'owner: lead@acme.io\nlast_reviewed: 2026-01-05\ncategories:\n  - security\n',
        'controls/all.yaml': controlsFile(securityExcept('CC9.2')),
      },
      errors: [{ file: 'scope.yaml', line: 3, column: 1, messageId: 'unmapped', message: 'CC9.2 (Vendor and business partner risk management)' }],
    },
    {
      name: 'a scope.yaml without categories has security in scope, reported at its first key',
      files: {
        'scope.yaml': '# Audit scope for FY2026\nowner: lead@acme.io\nlast_reviewed: 2026-01-05\n',
        'controls/all.yaml': controlsFile(securityExcept('CC1.2')),
      },
      errors: [{ file: 'scope.yaml', line: 2, column: 1, messageId: 'unmapped', message: 'CC1.2 (Independent board oversight of internal control)' }],
    },
    {
      name: 'an empty scope.yaml still places the finding at its line 1',
      files: { 'scope.yaml': '', 'controls/all.yaml': controlsFile(securityExcept('CC2.3')) },
      errors: [{ file: 'scope.yaml', line: 1, column: 1, messageId: 'unmapped', message: 'CC2.3 (Communication with external parties)' }],
    },
    {
      name: 'security stays in scope when categories lists only availability',
      files: { 'scope.yaml': 'categories: [availability]\n', 'controls/all.yaml': controlsFile([...securityExcept('CC7.5'), ...AVAILABILITY]) },
      errors: [{ file: 'scope.yaml', line: 1, column: 1, messageId: 'unmapped', message: 'CC7.5 (Recovering from security incidents) is in scope (security)' }],
    },
    {
      name: 'availability in categories adds A1.1 to A1.3',
      files: { 'scope.yaml': 'last_reviewed: 2026-01-05\ncategories: [security, availability]\n', 'controls/all.yaml': controlsFile(SECURITY) },
      errors: [
        { file: 'scope.yaml', line: 2, column: 1, messageId: 'unmapped', data: { criterion: 'A1.1', topic: 'Capacity monitoring and planning', category: 'availability' }, message: 'A1.1 (Capacity monitoring and planning) is in scope (availability)' },
        { file: 'scope.yaml', line: 2, column: 1, messageId: 'unmapped', message: 'A1.2 (Environmental protections, backups and recovery infrastructure) is in scope (availability)' },
        { file: 'scope.yaml', line: 2, column: 1, messageId: 'unmapped', message: 'A1.3 (Testing recovery plan procedures) is in scope (availability)' },
      ],
    },
    {
      name: 'a criterion covered only by a planned or a retired control is still unmapped',
      files: {
        'scope.yaml': 'categories: [security]\n',
        'controls/all.yaml': controlsFile(securityExcept('CC7.4')),
        'controls/ir-planned.yaml': 'id: C-IR-NEW\ntitle: Incident runbook\nfrequency: event\nstatus: planned\ncriteria: [CC7.4]\n',
        'controls/ir-retired.yaml': 'id: C-IR-OLD\ntitle: Old pager rota\nfrequency: event\nstatus: retired\ncriteria: [CC7.4]\n',
      },
      errors: [{ file: 'scope.yaml', line: 1, column: 1, messageId: 'unmapped', message: 'CC7.4 (Responding to security incidents) is in scope (security) but no active control maps to it' }],
    },
    {
      name: 'not_applicable removes only the criterion it names',
      files: {
        'scope.yaml': 'categories: [security]\nnot_applicable:\n  - criterion: CC6.4\n    reason: Fully remote company with no offices or data centers of its own.\n',
        'controls/all.yaml': controlsFile(securityExcept('CC6.4', 'CC6.5')),
      },
      errors: [{ file: 'scope.yaml', line: 1, column: 1, messageId: 'unmapped', message: 'CC6.5 (Secure disposal of assets and data)' }],
    },
    {
      name: 'the message says how to fix it: map a control, or declare it not applicable',
      files: { 'scope.yaml': 'categories: [security]\n', 'controls/all.yaml': controlsFile(securityExcept('CC3.3')) },
      errors: [{ file: 'scope.yaml', line: 1, column: 1, messageId: 'unmapped', message: 'Map a control to CC3.3, or declare it under not_applicable in scope.yaml with a reason.' }],
    },
    {
      name: 'an ID with a label glued on ("CC7.3 - Incident response") does not cover CC7.3',
      files: { 'scope.yaml': 'categories: [security]\n', 'controls/all.yaml': controlsFile([...securityExcept('CC7.3'), '"CC7.3 - Incident response"']) },
      errors: [{ file: 'scope.yaml', line: 1, column: 1, messageId: 'unmapped', message: /^CC7\.3 \(Evaluating security events/ }],
    },
    {
      name: 'malformed neighbour files do not crash it, and their controls do not count',
      files: {
        'scope.yaml': 'categories: [security]\n',
        'controls/all.yaml': controlsFile(securityExcept('CC3.3')),
        'controls/broken.yaml': 'controls:\n  - id: C-BROKEN\n    criteria: [CC3.3\n',
        'controls/invalid.yaml': 'id: C-FRAUD\ncriteria: [CC3.3]\n',
        'controls/bare-list.yaml': '- id: C-BARE\n  title: Bare\n  frequency: annual\n  criteria: [CC3.3]\n',
      },
      errors: [{ file: 'scope.yaml', line: 1, column: 1, messageId: 'unmapped', message: 'CC3.3 (Fraud risk considered in risk assessment)' }],
    },
    {
      name: 'a program of policies and no controls is covered by its approved policies, not by its drafts',
      files: {
        'scope.yaml': 'categories: [security]\n',
        'policies/all.md': `---\nid: POL-ALL\ntitle: Everything\nstatus: approved\ncriteria: [${securityExcept('CC6.1', 'CC6.2').join(', ')}]\n---\n# All\n`,
        'policies/draft.md': '---\nid: POL-DRAFT\ntitle: Access\nstatus: draft\ncriteria: [CC6.1]\n---\n# Access\n',
      },
      errors: [
        { file: 'scope.yaml', line: 1, column: 1, messageId: 'unmappedByAny', data: { criterion: 'CC6.1', topic: 'Logical access security over protected information assets', category: 'security', mappers: 'approved policy' }, message: 'CC6.1 (Logical access security over protected information assets) is in scope (security) but no approved policy maps to it. Map one to CC6.1' },
        { file: 'scope.yaml', line: 1, column: 1, messageId: 'unmappedByAny', message: /^CC6\.2 .* no approved policy maps to it/ },
      ],
    },
    {
      name: 'coverage: controls in the config keeps policies out of coverage even with no controls',
      files: {
        'soc2lint.config.yaml': 'coverage: controls\n',
        'scope.yaml': 'categories: [security]\n',
        'policies/all.md': `---\nid: POL-ALL\ntitle: Everything\nstatus: approved\ncriteria: [${SECURITY.join(', ')}]\n---\n# All\n`,
      },
      errors: at('scope.yaml', 1, 1, SECURITY),
    },
    {
      name: 'a comply program with no scope.yaml has its standards in scope, each gap reported where the standard lists it',
      files: {
        'comply.yml': 'name: Example\n',
        'standards/tsc.yml': 'name: TSC\nCC6.1:\n  family: CC6\nCC6.2:\n  family: CC6\nCC8.1:\n  family: CC8\n',
        'policies/access.md': 'name: Access\nacronym: AP\nsatisfies:\n  TSC: [CC6.1]\nmajorRevisions:\n  - date: Jan 5 2026\n    comment: First\n---\n# Access\n',
        'procedures/change.md': 'id: change\nname: Change review\nsatisfies:\n  TSC: [CC8.1]\n---\n# Steps\n',
      },
      errors: [{ file: 'standards/tsc.yml', line: 4, column: 1, messageId: 'unmappedByAny', data: { criterion: 'CC6.2', topic: 'User registration and removal', category: 'security', mappers: 'active control or approved policy' }, message: 'no active control or approved policy maps to it' }],
    },
  ],
});
