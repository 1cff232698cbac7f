import rule from '../../rules/duplicate-id.js';
import { policy } from '../helpers/repo.js';
import { testRule } from '../helpers/rule-tester.js';

const controlList = (...ids: string[]) => `controls:\n${ids.map((id, i) => `  - id: ${id}\n    title: Control ${i + 1}\n    frequency: quarterly\n`).join('')}`;

testRule(rule, {
  valid: [
    {
      name: 'every record has its own ID',
      files: {
        'policies/access.md': policy('id: POL-ACCESS\ntitle: Access\nstatus: draft'),
        'policies/backup.md': policy('id: POL-BACKUP\ntitle: Backup\nstatus: draft'),
        'controls/access.yaml': controlList('CTL-1', 'CTL-2'),
        'controls/backup.yaml': 'id: CTL-3\ntitle: Restore test\nfrequency: annual\n',
        'scope.yaml': 'systems:\n  - { id: prod, name: Production }\n  - { id: staging, name: Staging }\n',
        'vendors/aws.yaml': 'id: aws\nname: AWS\ncriticality: high\n',
        'people.yaml': 'people:\n  - { id: a@x.io, name: Ann }\n  - { id: b@x.io, name: Bob }\n',
      },
    },
    {
      name: 'records of different kinds may share an ID',
      files: {
        'policies/access.md': policy('id: ACCESS\ntitle: Access policy\nstatus: draft'),
        'controls/access.yaml': 'id: ACCESS\ntitle: Access review\nfrequency: quarterly\n',
        'scope.yaml': 'systems:\n  - id: okta\n    name: Okta\n',
        'vendors/okta.yaml': 'id: okta\nname: Okta Inc.\ncriticality: critical\n',
      },
    },
    {
      name: 'the same ID in two kinds of record files is not a duplicate of either',
      files: { 'controls/a.yaml': controlList('CTL-1'), 'vendors/v.yaml': 'vendors:\n  - id: CTL-1\n    name: Odd but legal\n    criticality: low\n' },
    },
    {
      name: 'a malformed file next to unique records does not make the rule fail',
      files: { 'controls/a.yaml': controlList('CTL-1'), 'controls/broken.yaml': 'controls:\n\t- id: CTL-1\n', 'policies/empty.md': '' },
    },
  ],
  invalid: [
    {
      name: 'two policies with one ID in different files are both reported, each naming the other',
      files: {
        'policies/information-security.md': policy('id: POL-INFOSEC\ntitle: Information security\nstatus: approved'),
        'policies/old/infosec-copy.md': policy('title: Information security (copy)\nid: POL-INFOSEC\nstatus: draft'),
      },
      errors: [
        {
          file: 'policies/information-security.md',
          line: 2,
          column: 5,
          messageId: 'duplicate',
          data: { kind: 'policy', id: 'POL-INFOSEC', files: 'policies/old/infosec-copy.md' },
          message: 'Duplicate policy ID "POL-INFOSEC": also defined in policies/old/infosec-copy.md. Give each policy its own ID.',
        },
        { file: 'policies/old/infosec-copy.md', line: 3, column: 5, messageId: 'duplicate', message: 'Duplicate policy ID "POL-INFOSEC": also defined in policies/information-security.md.' },
      ],
    },
    {
      name: 'two controls in one "controls:" list are both reported',
      files: { 'controls/access.yaml': controlList('AC-01', 'AC-02', 'AC-01') },
      errors: [
        { file: 'controls/access.yaml', line: 2, column: 9, messageId: 'duplicate', message: 'Duplicate control ID "AC-01": also defined in controls/access.yaml.' },
        { file: 'controls/access.yaml', line: 8, column: 9, messageId: 'duplicate', message: 'Duplicate control ID "AC-01": also defined in controls/access.yaml.' },
      ],
    },
    {
      name: 'a control in a list file and one in a single-mapping file clash',
      files: { 'controls/access.yaml': controlList('AC-01', 'AC-02'), 'controls/mfa.yaml': 'title: MFA enforced\nid: AC-02\nfrequency: continuous\n' },
      errors: [
        { file: 'controls/access.yaml', line: 5, column: 9, messageId: 'duplicate', message: 'also defined in controls/mfa.yaml.' },
        { file: 'controls/mfa.yaml', line: 2, column: 5, messageId: 'duplicate', message: 'Duplicate control ID "AC-02": also defined in controls/access.yaml.' },
      ],
    },
    {
      name: 'three copies of one ID each name the other two',
      files: { 'controls/a.yaml': controlList('AC-01'), 'controls/b.yaml': controlList('AC-01'), 'controls/c.yaml': controlList('AC-01') },
      errors: [
        { file: 'controls/a.yaml', line: 2, column: 9, messageId: 'duplicate', message: 'also defined in controls/b.yaml, controls/c.yaml.' },
        { file: 'controls/b.yaml', line: 2, column: 9, messageId: 'duplicate', message: 'also defined in controls/a.yaml, controls/c.yaml.' },
        { file: 'controls/c.yaml', line: 2, column: 9, messageId: 'duplicate', message: 'also defined in controls/a.yaml, controls/b.yaml.' },
      ],
    },
    {
      name: 'a file that holds two of the other copies is named once',
      files: { 'controls/a.yaml': controlList('AC-01', 'AC-01'), 'controls/b.yaml': controlList('AC-01') },
      errors: [
        { file: 'controls/a.yaml', line: 2, column: 9, messageId: 'duplicate', message: 'also defined in controls/a.yaml, controls/b.yaml.' },
        { file: 'controls/a.yaml', line: 5, column: 9, messageId: 'duplicate', message: 'also defined in controls/a.yaml, controls/b.yaml.' },
        {
          file: 'controls/b.yaml',
          line: 2,
          column: 9,
          messageId: 'duplicate',
          data: { kind: 'control', id: 'AC-01', files: 'controls/a.yaml' },
          message: 'Duplicate control ID "AC-01": also defined in controls/a.yaml. Give each control its own ID.',
        },
      ],
    },
    {
      name: 'two systems in scope.yaml with one ID (block and flow style)',
      files: { 'scope.yaml': 'categories: [security]\nsystems:\n  - id: prod-db\n    name: Production database\n  - { id: prod-db, name: Replica }\n' },
      errors: [
        { file: 'scope.yaml', line: 3, column: 9, messageId: 'duplicate', message: 'Duplicate system ID "prod-db": also defined in scope.yaml.' },
        { file: 'scope.yaml', line: 5, column: 11, messageId: 'duplicate', message: 'Duplicate system ID "prod-db": also defined in scope.yaml.' },
      ],
    },
    {
      name: 'a vendor defined in two vendor files',
      files: { 'vendors/cloud.yaml': 'vendors:\n  - id: aws\n    name: AWS\n    criticality: critical\n', 'vendors/aws.yaml': 'id: aws\nname: Amazon Web Services\ncriticality: critical\n' },
      errors: [
        { file: 'vendors/aws.yaml', line: 1, column: 5, messageId: 'duplicate', message: 'Duplicate vendor ID "aws": also defined in vendors/cloud.yaml.' },
        { file: 'vendors/cloud.yaml', line: 2, column: 9, messageId: 'duplicate', message: 'Duplicate vendor ID "aws": also defined in vendors/aws.yaml.' },
      ],
    },
    {
      name: 'a person listed twice in people.yaml (a rehire) is reported',
      files: { 'people.yaml': 'people:\n  - id: ann@x.io\n    name: Ann\n    end: 2025-03-31\n  - id: ann@x.io\n    name: Ann (rehired)\n    start: 2026-01-05\n' },
      errors: [
        { file: 'people.yaml', line: 2, column: 9, messageId: 'duplicate', message: 'Duplicate person ID "ann@x.io": also defined in people.yaml.' },
        { file: 'people.yaml', line: 5, column: 9, messageId: 'duplicate', message: 'Duplicate person ID "ann@x.io": also defined in people.yaml.' },
      ],
    },
  ],
});
