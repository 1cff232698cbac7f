import rule from '../../rules/unapproved-policy.js';
import { policy } from '../helpers/repo.js';
import { testRule } from '../helpers/rule-tester.js';

/** A policy whose `status` value is on line 4, column 9 (after `---`, id and title). */
const pol = (id: string, status: string, extra = '') => policy(`id: ${id}\ntitle: The policy\nstatus: ${status}\n${extra}`);
const signed = 'approved_by: ciso@x.io\napproved_on: 2026-01-10\n';

/** Controls as a list, each naming the given policies; `status` omitted means active. */
const controls = (...list: { id: string; policies: string[]; status?: string }[]) =>
  `controls:\n${list
    .map((c) => `  - id: ${c.id}\n    title: Control ${c.id}\n    frequency: quarterly\n${c.status ? `    status: ${c.status}\n` : ''}    policies: [${c.policies.join(', ')}]\n`)
    .join('')}`;

const status = (file: string) => ({ file, line: 4, column: 9 });

testRule(rule, {
  valid: [
    {
      name: 'a comply document approved by its revision history needs no approved_by (comply has no such field)',
      files: { 'comply.yml': 'name: Example\n', 'policies/a.md': 'name: Access\nacronym: AP\nmajorRevisions:\n  - date: Jun 1 2026\n    comment: First\n---\n# Access\n' },
    },
    {
      name: 'where only controls count toward coverage, a draft that maps criteria claims nothing',
      files: { 'soc2lint.config.yaml': 'coverage: controls\n', 'policies/a.md': pol('POL-A', 'draft', 'criteria: [CC6.1]\n') },
    },
    { name: 'an approved policy with approved_by and approved_on, relied on by an active control', files: { 'policies/a.md': pol('POL-A', 'approved', signed), 'controls/c.yaml': controls({ id: 'AC-01', policies: ['POL-A'] }) } },
    { name: 'a draft that no control names is work in progress, not a finding', files: { 'policies/a.md': pol('POL-A', 'draft') } },
    { name: 'a draft named only by a planned control', files: { 'policies/a.md': pol('POL-A', 'draft'), 'controls/c.yaml': controls({ id: 'AC-01', policies: ['POL-A'], status: 'planned' }) } },
    { name: 'a draft named only by a retired control', files: { 'policies/a.md': pol('POL-A', 'draft'), 'controls/c.yaml': controls({ id: 'AC-01', policies: ['POL-A'], status: 'retired' }) } },
    { name: 'a retired policy, even without approval fields and relied on by an active control, is not this rule\'s business', files: { 'policies/a.md': pol('POL-A', 'retired'), 'controls/c.yaml': controls({ id: 'AC-01', policies: ['POL-A'] }) } },
    { name: 'a control naming an unknown policy is unknown-reference\'s business', files: { 'policies/a.md': pol('POL-A', 'approved', signed), 'controls/c.yaml': controls({ id: 'AC-01', policies: ['POL-NOPE'] }) } },
    {
      name: 'an approved_on written with an invalid date is schema-violation\'s finding, not a missing field',
      files: { 'policies/a.md': pol('POL-A', 'approved', 'approved_by: ciso@x.io\napproved_on: 2026-02-30\n') },
    },
  ],
  invalid: [
    {
      name: 'a draft relied on by one active control is reported at its status, naming the control',
      files: { 'policies/a.md': pol('POL-A', 'draft'), 'controls/c.yaml': controls({ id: 'AC-01', policies: ['POL-A'] }) },
      errors: [{ ...status('policies/a.md'), messageId: 'draftReliedOn', data: { policy: 'POL-A', control: 'AC-01' }, message: 'Policy POL-A is still a draft, but active control AC-01 relies on it. Approve it (status: approved, approved_by, approved_on) or point the control at an approved policy.' }],
    },
    {
      name: 'a draft relied on by several active controls names each active one once, not the planned one',
      files: {
        'policies/a.md': pol('POL-A', 'draft'),
        'controls/c.yaml': controls(
          { id: 'AC-01', policies: ['POL-A'] },
          { id: 'AC-02', policies: ['POL-B', 'POL-A', 'POL-A'] },
          { id: 'AC-03', policies: ['POL-A'], status: 'planned' },
        ),
      },
      errors: [{ ...status('policies/a.md'), messageId: 'draftReliedOnByMany', data: { policy: 'POL-A', controls: 'AC-01, AC-02' }, message: 'Policy POL-A is still a draft, but active controls AC-01, AC-02 rely on it. Approve it (status: approved, approved_by, approved_on) or point the controls at an approved policy.' }],
    },
    {
      name: 'a control without a status is active',
      files: { 'policies/a.md': pol('POL-A', 'draft'), 'controls/c.yaml': 'id: AC-09\ntitle: Single\nfrequency: annual\npolicies:\n  - POL-A\n' },
      errors: [{ ...status('policies/a.md'), messageId: 'draftReliedOn', message: 'active control AC-09 relies on it' }],
    },
    {
      name: 'an approved policy without approved_by is reported at its status, naming the field',
      files: { 'policies/a.md': pol('POL-A', 'approved', 'approved_on: 2026-01-10\n') },
      errors: [{ ...status('policies/a.md'), messageId: 'noApprovedBy', data: { policy: 'POL-A' }, message: 'Policy POL-A is approved but has no approved_by. Record who approved it (a person in people.yaml).' }],
    },
    {
      name: 'an approved policy without approved_on is reported at its status, naming the field',
      files: { 'policies/a.md': pol('POL-A', 'approved', 'approved_by: ciso@x.io\n') },
      errors: [{ ...status('policies/a.md'), messageId: 'noApprovedOn', data: { policy: 'POL-A' }, message: 'Policy POL-A is approved but has no approved_on. Record the date it was approved (YYYY-MM-DD).' }],
    },
    {
      name: 'an approved policy with neither field gets one finding per missing field',
      files: { 'policies/a.md': pol('POL-A', 'approved', 'last_reviewed: 2026-01-10\n') },
      errors: [
        { ...status('policies/a.md'), messageId: 'noApprovedBy', message: 'has no approved_by' },
        { ...status('policies/a.md'), messageId: 'noApprovedOn', message: 'has no approved_on' },
      ],
    },
    {
      name: 'a status written after other fields is found where it is (line 6, column 9)',
      files: {
        'policies/nested/b.md': policy('id: POL-B\ntitle: B\nowner: a@x.io\nversion: "1.0"\nstatus: draft'),
        'controls/c.yaml': controls({ id: 'AC-01', policies: ['POL-B'] }),
      },
      errors: [{ file: 'policies/nested/b.md', line: 6, column: 9, messageId: 'draftReliedOn', message: 'Policy POL-B is still a draft' }],
    },
    {
      name: 'a comply document with no revision that maps criteria is told to add its first revision, at its TSC list',
      files: { 'comply.yml': 'name: Example\n', 'policies/v.md': 'name: Vendors\nacronym: VMP\nsatisfies:\n  TSC: [CC9.2]\n---\n# Vendors\n' },
      errors: [{ file: 'policies/v.md', line: 4, column: 3, messageId: 'draftDocumentMapsCriteria', data: { policy: 'VMP', criteria: 'CC9.2' }, message: 'Policy VMP has no revision yet, so it is not approved, but it maps CC9.2: an unapproved document covers no criterion. Approve it by adding its first entry under "majorRevisions:", or remove the mapping.' }],
    },
    {
      name: 'where policies count toward coverage, a draft that maps criteria is reported at its criteria',
      files: { 'policies/a.md': pol('POL-A', 'draft', 'criteria: [CC6.1, CC6.2]\n') },
      errors: [{ file: 'policies/a.md', line: 5, column: 1, messageId: 'draftMapsCriteria', data: { policy: 'POL-A', criteria: 'CC6.1, CC6.2' }, message: 'Policy POL-A is still a draft but maps CC6.1, CC6.2: an unapproved policy covers no criterion.' }],
    },
  ],
});
