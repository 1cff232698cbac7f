import { expect, it } from 'vitest';
import rule from '../../rules/unknown-field.js';
import missingEvidence from '../../rules/missing-evidence.js';
import missingOwner from '../../rules/missing-owner.js';
import schemaViolation from '../../rules/schema-violation.js';
import { policy } from '../helpers/repo.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

/** A control file whose record starts on line 1; `extra` lines follow `frequency` (line 3), from line 4. */
const control = (extra = '') => `id: CTL-1\ntitle: Access review\nfrequency: quarterly\n${extra}`;
const pol = (extra: string) => policy(`id: POL-A\ntitle: Access\nstatus: draft\n${extra}`);

testRule(rule, {
  valid: [
    { name: 'a record with only fields soc2lint knows', files: { 'controls/access.yaml': control('owner: a@x.io\n'), 'policies/a.md': pol('owner: a@x.io') } },
    {
      name: 'keys starting with x- are the writer\'s own, at any depth, in a CSV header and beside a list',
      files: {
        'controls/access.yaml': 'x-schema-version: 2\ncontrols:\n  - id: CTL-1\n    title: Access review\n    frequency: quarterly\n    x-jira: SEC-1\n    evidence:\n      - { path: e.md, date: 2026-01-05, x-reviewer: bob }\n',
        'training/2026.csv': 'person,course,date,x-department\na@x.io,security-awareness,2026-01-05,Engineering\n',
      },
    },
    { name: 'a config file is not a record: its unknown keys are a config error, not this rule', files: { 'controls/access.yaml': control() } },
  ],
  invalid: [
    {
      name: 'a known field in another case or with other separators is read in snake case, however far it is in letters',
      files: { 'policies/a.md': pol('APPROVED-ON: 2026-01-10\n" Approved  -  By ": a@x.io') },
      errors: [
        { file: 'policies/a.md', line: 5, column: 1, messageId: 'typo', data: { field: 'APPROVED-ON', key: 'APPROVED-ON', record: 'policy POL-A', suggestion: 'approved_on' } },
        { file: 'policies/a.md', line: 6, column: 1, messageId: 'typo', data: { field: ' Approved  -  By ', key: ' Approved  -  By ', record: 'policy POL-A', suggestion: 'approved_by' } },
      ],
    },
    {
      name: 'a typo is reported at the key with the field it most likely means',
      files: { 'controls/access.yaml': control('ownr: a@x.io\n') },
      errors: [
        {
          file: 'controls/access.yaml',
          line: 4,
          column: 1,
          messageId: 'typo',
          data: { field: 'ownr', key: 'ownr', record: 'control CTL-1', suggestion: 'owner' },
          message: 'Unknown field "ownr" in control CTL-1; soc2lint ignores it. Did you mean "owner"? Rename it.',
        },
      ],
    },
    {
      name: 'a synonym suggests the field and prints the fields: line that maps it',
      files: { 'policies/a.md': pol('approver: ceo@x.io\napproval_date: 2026-01-05\ntsc_criteria: [CC6.1]') },
      errors: [
        {
          file: 'policies/a.md',
          line: 5,
          column: 1,
          messageId: 'synonym',
          data: { field: 'approver', key: 'approver', record: 'policy POL-A', suggestion: 'approved_by', mapping: 'fields: { policies: { approved_by: approver } }' },
          message: 'Unknown field "approver" in policy POL-A; soc2lint ignores it. It reads like "approved_by": rename it, or map it in soc2lint.config.yaml with `fields: { policies: { approved_by: approver } }`.',
        },
        { file: 'policies/a.md', line: 6, column: 1, messageId: 'synonym', message: '`fields: { policies: { approved_on: approval_date } }`' },
        { file: 'policies/a.md', line: 7, column: 1, messageId: 'synonym', message: '`fields: { policies: { criteria: tsc_criteria } }`' },
      ],
    },
    {
      name: 'synonyms are read in any case or separator (soc2_criteria, Satisfies, camelCase), and name means title where title is a field',
      files: {
        'controls/a.yaml': 'id: CTL-1\nname: Access review\nfrequency: quarterly\nSatisfies: [CC6.1]\n',
        'policies/a.md': policy('id: POL-A\ntitle: Access\nstatus: draft\nsoc2Criteria: [CC6.1]\napprovedBy: ceo@x.io'),
      },
      errors: [
        { file: 'controls/a.yaml', line: 2, column: 1, messageId: 'synonym', data: { field: 'name', key: 'name', record: 'control CTL-1', suggestion: 'title', mapping: 'fields: { controls: { title: name } }' } },
        { file: 'controls/a.yaml', line: 4, column: 1, messageId: 'synonym', message: '`fields: { controls: { criteria: Satisfies } }`' },
        { file: 'policies/a.md', line: 5, column: 1, messageId: 'synonym', message: '`fields: { policies: { criteria: soc2Criteria } }`' },
        { file: 'policies/a.md', line: 6, column: 1, messageId: 'typo', data: { field: 'approvedBy', key: 'approvedBy', record: 'policy POL-A', suggestion: 'approved_by' } },
      ],
    },
    {
      name: 'a synonym or typo for a field the record already writes is not suggested (name beside title, ownr beside owner)',
      files: { 'policies/a.md': pol('name: Access policy\nowner: a@x.io\nownr: b@x.io') },
      errors: [
        { file: 'policies/a.md', line: 5, column: 1, messageId: 'unknown', data: { field: 'name', key: 'name', record: 'policy POL-A' } },
        {
          file: 'policies/a.md',
          line: 7,
          column: 1,
          messageId: 'unknown',
          message: 'Unknown field "ownr" in policy POL-A; soc2lint ignores it. Remove it, or rename it to "x-ownr" to keep it as your own.',
        },
      ],
    },
    {
      name: 'a key with spaces is quoted in the mapping line',
      files: { 'policies/a.md': pol('"Next Review Date": 2027-01-05\n"Approval Date": 2026-01-05') },
      errors: [
        // next_review is a policy field now, so "Next Review Date" is its synonym.
        {
          file: 'policies/a.md',
          line: 5,
          column: 1,
          messageId: 'synonym',
          data: { field: 'Next Review Date', key: 'Next Review Date', record: 'policy POL-A', suggestion: 'next_review', mapping: 'fields: { policies: { next_review: "Next Review Date" } }' },
        },
        { file: 'policies/a.md', line: 6, column: 1, messageId: 'synonym', message: '`fields: { policies: { approved_on: "Approval Date" } }`' },
      ],
    },
    {
      name: 'nested keys are reported with their path (evidence entries, vendor assurance, scope systems); synonyms apply only to a record\'s own fields',
      files: {
        'controls/access.yaml': control('evidence:\n  - path: e.md\n    date: 2026-01-05\n    reviewer: bob\n  - url: https://x.example/1\n    dat: 2026-02-05\n'),
        'vendors/aws.yaml': 'id: aws\nname: AWS\ncriticality: high\nassurance:\n  kind: soc2-type2\n  name: SOC 2 report\n',
        'scope.yaml': 'categories: [security]\nsystems:\n  - id: SYS-1\n    name: App\n    tier: 1\n',
      },
      errors: [
        { file: 'controls/access.yaml', line: 7, column: 5, messageId: 'unknown', data: { field: 'evidence[0].reviewer', key: 'reviewer', record: 'control CTL-1' } },
        { file: 'controls/access.yaml', line: 9, column: 5, messageId: 'typo', data: { field: 'evidence[1].dat', key: 'dat', record: 'control CTL-1', suggestion: 'date' } },
        { file: 'scope.yaml', line: 5, column: 5, messageId: 'unknown', data: { field: 'systems[0].tier', key: 'tier', record: 'the scope' } },
        { file: 'vendors/aws.yaml', line: 6, column: 3, messageId: 'unknown', data: { field: 'assurance.name', key: 'name', record: 'vendor aws' } },
      ],
    },
    {
      name: 'a CSV column soc2lint does not know is reported once, at its header cell, not on every row',
      files: { 'training/2026.csv': 'person,course,department,date,cours\na@x.io,security-awareness,Eng,2026-01-05,x\nb@x.io,security-awareness,Ops,2026-01-06,y\n' },
      errors: [
        { file: 'training/2026.csv', line: 1, column: 15, messageId: 'unknown', data: { field: 'department', key: 'department', record: 'the CSV header' } },
        { file: 'training/2026.csv', line: 1, column: 31, messageId: 'unknown', data: { field: 'cours', key: 'cours', record: 'the CSV header' } },
      ],
    },
    {
      name: 'a misspelt CSV column is a typo of the column that is missing (a ;-separated export, quoted header)',
      files: { 'acknowledgments/2026.csv': 'person;"polcy";version;date\na@x.io;POL-A;1.0;2026-01-05\n' },
      errors: [{ file: 'acknowledgments/2026.csv', line: 1, column: 8, messageId: 'typo', data: { field: 'polcy', key: 'polcy', record: 'the CSV header', suggestion: 'policy' } }],
    },
    {
      name: 'a key beside a file\'s list of records is reported at the key',
      files: { 'controls/access.yaml': 'version: 2\ncontrols:\n  - id: CTL-1\n    title: Access review\n    frequency: quarterly\n' },
      errors: [
        {
          file: 'controls/access.yaml',
          line: 1,
          column: 1,
          messageId: 'besideList',
          data: { key: 'version', record: 'this control file', list: 'controls' },
          message: 'Unknown key "version" in this control file, beside the "controls:" list; soc2lint ignores it. Remove it, or rename it to "x-version" to keep it as your own.',
        },
      ],
    },
    {
      name: 'records without an ID are named by their kind',
      files: { 'acknowledgments/a.yaml': 'records:\n  - { person: a@x.io, policy: POL-A, version: "1", date: 2026-01-05, signed: true }\n' },
      errors: [{ file: 'acknowledgments/a.yaml', line: 2, column: 70, messageId: 'unknown', data: { field: 'signed', key: 'signed', record: 'an acknowledgment' } }],
    },
  ],
});

it('a record with unknown fields keeps every valid field and takes part in every other rule', async () => {
  const files = { 'controls/access.yaml': control('ownr: a@x.io\napprover: b@x.io\n'), 'people.yaml': 'people:\n  - { id: a@x.io, name: A }\n' };
  const missing = await runRule(missingEvidence, { name: 'unknown fields', files });
  expect(missing.map((f) => `${f.file}:${f.line} ${f.messageId}`)).toEqual(['controls/access.yaml:1 noEvidence']);
  const owner = await runRule(missingOwner, { name: 'unknown fields', files });
  expect(owner.map((f) => `${f.file}:${f.line}`)).toEqual(['controls/access.yaml:1']);
});

it('an unknown field is not a schema violation, but a wrong value next to it still is, and only that value is left out', async () => {
  const findings = await runRule(schemaViolation, { name: 'unknown and invalid', files: { 'controls/access.yaml': control('ownr: a@x.io\nstatus: activ\n') } });
  expect(findings.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(['controls/access.yaml:5:9']);
  const missing = await runRule(missingEvidence, { name: 'unknown and invalid', files: { 'controls/access.yaml': control('ownr: a@x.io\nstatus: activ\n') } });
  expect(missing).toHaveLength(1);
});

it('a CSV with unknown columns loads its rows', async () => {
  const findings = await runRule(schemaViolation, { name: 'csv', files: { 'training/2026.csv': 'person,course,department,date\na@x.io,security-awareness,Eng,2026-02-30\n' } });
  expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([expect.stringMatching(/^training\/2026\.csv:2:31 Training record: "date" must be a calendar date/)]);
});
