import rule from '../../rules/unknown-reference.js';
import { policy } from '../helpers/repo.js';
import { testRule } from '../helpers/rule-tester.js';

// The declared side of every reference: two policies, two systems, a vendor, two people.
const program = {
  'policies/access.md': policy('id: POL-ACCESS\ntitle: Access control\nstatus: approved'),
  'policies/backup.md': policy('id: POL-BACKUP\ntitle: Backup\nstatus: retired'),
  'scope.yaml': 'categories: [security]\nsystems:\n  - id: prod-db\n    name: Production database\n  - id: okta\n    name: Okta\n',
  'vendors/aws.yaml': 'id: aws\nname: AWS\ncriticality: critical\n',
  'people.yaml': 'people:\n  - id: alice@acme.io\n    name: Alice\n  - id: bob@acme.io\n    name: Bob\n',
};

/** Controls AC-02 (active) and AC-09 (planned); a vendor whose CUEC names `controls` (the list on line 6, items from column 18). */
const cuecControls = { 'controls/c.yaml': 'controls:\n  - id: AC-02\n    title: MFA\n    frequency: continuous\n  - id: AC-09\n    title: Admin review\n    frequency: quarterly\n    status: planned\n' };
const cuecVendor = (controls: string) =>
  `id: VEN-OKTA\nname: Okta\ncriticality: critical\ncuecs:\n  - text: Customers enforce MFA\n    controls: [${controls}]\n`;

testRule(rule, {
  valid: [
    { name: 'a CUEC met by an active control', files: { ...cuecControls, 'vendors/okta.yaml': cuecVendor('AC-02') } },
    {
      name: 'a subservice organization in the vendor register',
      files: { 'vendors/aws.yaml': 'id: VEN-AWS\nname: AWS\ncriticality: critical\n', 'scope.yaml': 'subservice_organizations:\n  - { vendor: VEN-AWS, method: carve-out }\n' },
    },
    {
      name: 'every reference resolves, including to a retired policy',
      files: {
        ...program,
        'controls/access.yaml': 'controls:\n  - id: AC-01\n    title: Access review\n    frequency: quarterly\n    policies: [POL-ACCESS, POL-BACKUP]\n    systems:\n      - prod-db\n      - okta\n    vendors: [aws]\n',
        'acknowledgments/2026.csv': 'person,policy,version,date\nalice@acme.io,POL-ACCESS,1.2,2026-01-10\n',
        'training/2026.yaml': 'records:\n  - person: bob@acme.io\n    course: Security awareness\n    date: 2026-01-12\n',
      },
    },
    {
      name: 'a policy that exists but breaks its schema is not also "unknown"',
      files: {
        'policies/ir.md': policy('id: POL-IR\ntitle: Incident response\nstatus: aproved'),
        'controls/ir.yaml': 'id: IR-01\ntitle: Tabletop\nfrequency: annual\npolicies: [POL-IR]\n',
        'acknowledgments/a.yaml': 'person: alice@acme.io\npolicy: POL-IR\nversion: 1\ndate: 2026-01-10\n',
      },
    },
    {
      name: 'a person whose people.yaml entry breaks its schema is still known',
      files: {
        'people.yaml': 'people:\n  - id: alice@acme.io\n    name: Alice\n    start: 2026-02-30\n',
        'training/2026.csv': 'person,course,date\nalice@acme.io,Security awareness,2026-03-02\n',
      },
    },
    {
      name: 'without a people file, training and acknowledgment people are not checked',
      files: {
        'policies/access.md': program['policies/access.md'],
        'training/2026.csv': 'person,course,date\nanyone@acme.io,Security awareness,2026-01-12\n',
        'acknowledgments/2026.csv': 'person,policy,version,date\nsomeone@acme.io,POL-ACCESS,1,2026-01-10\n',
      },
    },
    {
      name: 'a control that names nothing has nothing to resolve',
      files: { 'controls/x.yaml': 'id: X-01\ntitle: Standalone\nfrequency: annual\n' },
    },
    {
      name: 'when people.yaml cannot be parsed, people are not reported unknown (the parse error is the finding)',
      files: {
        'people.yaml': 'people:\n  - id: alice@acme.io\n    name: [Alice\n',
        'training/2026.csv': 'person,course,date\nalice@acme.io,Security awareness,2026-01-12\n',
      },
    },
    {
      name: 'a CUEC met by a control that exists but breaks its schema is not also "unknown"',
      files: { 'controls/c.yaml': 'id: AC-02\ntitle: MFA\nfrequency: hourly\n', 'vendors/okta.yaml': cuecVendor('AC-02') },
    },
  ],
  invalid: [
    {
      name: 'a YAML training record for someone not in people.yaml is reported at its person value',
      files: { ...program, 'training/2026.yaml': 'records:\n  - course: Security awareness\n    person: carol@acme.io\n    date: 2026-01-12\n' },
      errors: [{ file: 'training/2026.yaml', line: 3, column: 13, messageId: 'unknownTrainee', data: { person: 'carol@acme.io', suggestion: '' } }],
    },
    {
      name: 'an offboarding record per system naming a system that is not in scope, reported at its key',
      files: {
        'scope.yaml': 'systems:\n  - { id: SYS-IDP, name: Okta }\n',
        'people.yaml': 'people:\n  - id: ryan@x.io\n    name: Ryan\n    end: 2026-03-06\n    offboarded:\n      date: 2026-03-06\n      systems: { SYS-IDP: 2026-03-06, SYS-IPD: 2026-03-06 }\n',
      },
      errors: [
        {
          file: 'people.yaml',
          line: 7,
          column: 39,
          messageId: 'unknownOffboardedSystem',
          data: { person: 'ryan@x.io', system: 'SYS-IPD', suggestion: '' },
          message: 'Person ryan@x.io: offboarded.systems names system "SYS-IPD", which does not exist. Use the IDs of the systems under "systems:" in scope.yaml.',
        },
      ],
    },
    {
      name: 'a CUEC met by a control that does not exist, and by one that is only planned',
      files: { ...cuecControls, 'vendors/okta.yaml': cuecVendor('AC-2, AC-09') },
      errors: [
        {
          file: 'vendors/okta.yaml',
          line: 6,
          column: 16,
          messageId: 'unknownCuecControl',
          data: { vendor: 'VEN-OKTA', cuec: 'Customers enforce MFA', control: 'AC-2', suggestion: ' Did you mean "AC-02"?' },
          message: 'Vendor VEN-OKTA: the complementary user entity control "Customers enforce MFA" is met by control "AC-2", which does not exist. Did you mean "AC-02"?',
        },
        {
          file: 'vendors/okta.yaml',
          line: 6,
          column: 22,
          messageId: 'inactiveCuecControl',
          data: { vendor: 'VEN-OKTA', cuec: 'Customers enforce MFA', control: 'AC-09', status: 'planned' },
          message: 'is met by control AC-09, which is planned. A CUEC must be met by an active control',
        },
      ],
    },
    {
      name: 'a subservice organization that is not in the vendor register',
      files: { 'vendors/aws.yaml': 'id: VEN-AWS\nname: AWS\ncriticality: critical\n', 'scope.yaml': 'subservice_organizations:\n  - { vendor: VEN-AWZ, method: carve-out }\n' },
      errors: [
        {
          file: 'scope.yaml',
          line: 2,
          column: 15,
          messageId: 'unknownSubservice',
          data: { vendor: 'VEN-AWZ', suggestion: ' Did you mean "VEN-AWS"?' },
          message: 'scope.yaml names subservice organization "VEN-AWZ", which is not in the vendor register. Did you mean "VEN-AWS"?',
        },
      ],
    },
    {
      name: 'an unknown policy in a flow list is reported at that item, with a suggestion',
      files: { ...program, 'controls/access.yaml': 'id: AC-01\ntitle: Access review\nfrequency: quarterly\npolicies: [POL-ACCESS, POL-ACCES]\n' },
      errors: [{ file: 'controls/access.yaml', line: 4, column: 24, messageId: 'unknownPolicy', data: { control: 'AC-01', policy: 'POL-ACCES', suggestion: ' Did you mean "POL-ACCESS"?' }, message: 'Control AC-01 names policy "POL-ACCES", which does not exist. Did you mean "POL-ACCESS"?' }],
    },
    {
      name: 'an unknown system in a block list is reported at that item, with a suggestion',
      files: { ...program, 'controls/access.yaml': 'controls:\n  - id: AC-01\n    title: Access review\n    frequency: quarterly\n    systems:\n      - okta\n      - prod-dbb\n' },
      errors: [{ file: 'controls/access.yaml', line: 7, column: 9, messageId: 'unknownSystem', data: { control: 'AC-01', system: 'prod-dbb', suggestion: ' Did you mean "prod-db"?' }, message: 'Control AC-01 names system "prod-dbb", which does not exist. Did you mean "prod-db"? Systems are declared under "systems:" in scope.yaml.' }],
    },
    {
      name: 'an unknown vendor is reported with a suggestion',
      files: { ...program, 'controls/vendors.yaml': 'id: VM-01\ntitle: Vendor review\nfrequency: annual\nvendors: [awz]\n' },
      errors: [{ file: 'controls/vendors.yaml', line: 4, column: 11, messageId: 'unknownVendor', data: { control: 'VM-01', vendor: 'awz', suggestion: ' Did you mean "aws"?' }, message: 'Control VM-01 names vendor "awz", which does not exist. Did you mean "aws"? Vendors are declared in vendors/*.yaml.' }],
    },
    {
      name: 'a reference with no near match gets no guess',
      files: { ...program, 'controls/access.yaml': 'id: AC-01\ntitle: Access review\nfrequency: quarterly\npolicies: [POL-HR-ONBOARDING]\n' },
      errors: [{ file: 'controls/access.yaml', line: 4, column: 12, messageId: 'unknownPolicy', data: { control: 'AC-01', policy: 'POL-HR-ONBOARDING', suggestion: '' }, message: /^Control AC-01 names policy "POL-HR-ONBOARDING", which does not exist\. Use the "id"/ }],
    },
    {
      name: 'a system is not found among vendors: each kind resolves only against its own IDs',
      files: { ...program, 'controls/x.yaml': 'id: X-01\ntitle: Cross kinds\nfrequency: annual\nsystems: [aws]\nvendors: [okta]\n' },
      errors: [
        { file: 'controls/x.yaml', line: 4, column: 11, messageId: 'unknownSystem', message: 'names system "aws"' },
        { file: 'controls/x.yaml', line: 5, column: 11, messageId: 'unknownVendor', message: 'names vendor "okta"' },
      ],
    },
    {
      name: 'an acknowledgment (CSV) of a policy that does not exist is reported at the policy cell',
      files: { ...program, 'acknowledgments/2026.csv': 'person,policy,version,date\nalice@acme.io,POL-ACCESS,1,2026-01-10\nbob@acme.io,POL-ACESS,1,2026-01-11\n' },
      errors: [{ file: 'acknowledgments/2026.csv', line: 3, column: 13, messageId: 'unknownAcknowledgedPolicy', data: { person: 'bob@acme.io', policy: 'POL-ACESS', suggestion: ' Did you mean "POL-ACCESS"?' }, message: 'Acknowledgment by bob@acme.io names policy "POL-ACESS", which does not exist. Did you mean "POL-ACCESS"?' }],
    },
    {
      name: 'an acknowledgment (YAML) of a policy that does not exist is reported at the value',
      files: { ...program, 'acknowledgments/2026.yaml': 'records:\n  - person: alice@acme.io\n    policy: POL-AUP\n    version: 1\n    date: 2026-01-10\n' },
      errors: [{ file: 'acknowledgments/2026.yaml', line: 3, column: 13, messageId: 'unknownAcknowledgedPolicy', message: 'Acknowledgment by alice@acme.io names policy "POL-AUP", which does not exist.' }],
    },
    {
      name: 'a training record for someone not in people.yaml is reported at the person',
      files: { ...program, 'training/2026.csv': 'person,course,date\nalice@acme.io,Security awareness,2026-01-12\nalcie@acme.io,Security awareness,2026-01-12\n' },
      errors: [{ file: 'training/2026.csv', line: 3, column: 1, messageId: 'unknownTrainee', data: { person: 'alcie@acme.io', suggestion: ' Did you mean "alice@acme.io"?' }, message: 'Training record names person "alcie@acme.io", who is not in people.yaml. Did you mean "alice@acme.io"? Add them or fix the address.' }],
    },
    {
      name: 'an acknowledgment by someone not in people.yaml is reported at the person',
      files: { ...program, 'acknowledgments/a.yaml': 'person: mallory@acme.io\npolicy: POL-ACCESS\nversion: 1\ndate: 2026-01-10\n' },
      errors: [{ file: 'acknowledgments/a.yaml', line: 1, column: 9, messageId: 'unknownAcknowledger', data: { person: 'mallory@acme.io', suggestion: '' }, message: 'Acknowledgment record names person "mallory@acme.io", who is not in people.yaml. Add them or fix the address.' }],
    },
  ],
});
