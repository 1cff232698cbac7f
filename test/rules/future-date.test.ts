import rule from '../../rules/future-date.js';
import { policy } from '../helpers/repo.js';
import { testRule } from '../helpers/rule-tester.js';

// as_of is 2026-07-01 unless a case says otherwise: 2026-07-01 is not in the future, 2026-07-02 is.
const approved = (extra: string) => policy(`id: POL-A\ntitle: Access\nstatus: approved\nowner: a@x.io\n${extra}`);

const TODAY = '2026-07-01';

/** One record of every kind, with every date the rule checks set to `date`. */
const everyDateOn = (date: string) => ({
  'policies/a.md': approved(`approved_on: ${date}\nlast_reviewed: ${date}`),
  'scope.yaml': `categories: [security]\nlast_reviewed: ${date}\n`,
  'controls/backup.yaml': `id: C-BAK\ntitle: Backups\nfrequency: daily\nevidence:\n  - url: https://x.io/run\n    date: ${date}\n`,
  'vendors/aws.yaml': `id: V-AWS\nname: AWS\ncriticality: critical\nlast_reviewed: ${date}\nassurance:\n  kind: soc2-type2\n  period_end: ${date}\n`,
  'people.yaml': `people:\n  - id: b@x.io\n    name: Bo\n    end: ${date}\n    offboarded:\n      date: ${date}\n`,
  'training/2026.csv': `person,course,date\nb@x.io,security-awareness,${date}\n`,
  'acknowledgments/2026.yaml': `person: b@x.io\npolicy: POL-A\nversion: "1.2"\ndate: ${date}\n`,
});

testRule(rule, {
  valid: [
    {
      name: 'every checked date may be as_of itself',
      files: everyDateOn(TODAY),
    },
    {
      name: 'a planned control may take effect later, and an active one may have its retirement scheduled',
      files: { 'controls/c.yaml': 'controls:\n  - id: C-P\n    title: P\n    frequency: monthly\n    status: planned\n    effective_from: 2026-10-01\n  - id: C-A\n    title: A\n    frequency: monthly\n    retired_on: 2026-12-31\n' },
    },
    {
      name: 'a future start date is a planned hire, and a future end date a notice period',
      files: { 'people.yaml': 'people:\n  - id: new@x.io\n    name: New Hire\n    start: 2026-09-01\n  - id: leaver@x.io\n    name: Leaver\n    start: 2021-01-04\n    end: 2026-07-31\n' },
    },
    {
      name: 'an audit period that has not ended yet and a waiver that expires later are expected to be in the future',
      files: {
        'scope.yaml': 'categories: [security]\nlast_reviewed: 2026-01-05\naudit:\n  type: type2\n  period:\n    start: 2026-01-01\n    end: 2026-12-31\n',
        'waivers.yaml': 'waivers:\n  - rule: stale-evidence\n    target: C-BAK\n    reason: Backup tool migration in progress, see ticket OPS-12.\n    approved_by: cto@x.io\n    expires: 2026-09-30\n',
      },
    },
    {
      name: 'a leap day is not in the future on the leap day itself',
      asOf: '2024-02-29',
      files: { 'policies/a.md': approved('approved_on: 2024-02-29') },
    },
    { name: 'a vendor without assurance has no report period to check', files: { 'vendors/v.yaml': 'id: VEN-A\nname: A\ncriticality: low\n' } },
  ],
  invalid: [
    {
      name: 'an evidence range dated on as_of whose end is later is reported at its end; one dated later only at its date',
      files: {
        'controls/c.yaml': 'id: C-1\ntitle: T\nfrequency: daily\nevidence:\n  - path: a.csv\n    date: 2026-07-01\n    from: 2026-06-01\n    to: 2026-07-31\n  - path: b.csv\n    date: 2026-07-02\n    from: 2026-07-01\n    to: 2026-07-31\n',
      },
      errors: [
        { file: 'controls/c.yaml', line: 8, column: 9, messageId: 'evidenceRangeEnd', data: { control: 'C-1', date: '2026-07-31', asOf: TODAY } },
        { file: 'controls/c.yaml', line: 10, column: 11, messageId: 'evidence', data: { control: 'C-1', date: '2026-07-02', asOf: TODAY } },
      ],
    },
    {
      name: 'an active control taking effect after as_of, and a retired one retiring after it',
      files: {
        'controls/a.yaml': 'id: C-A\ntitle: A\nfrequency: monthly\neffective_from: 2026-07-02\n',
        'controls/r.yaml': 'id: C-R\ntitle: R\nfrequency: monthly\nstatus: retired\nretired_on: 2026-08-01\n',
      },
      errors: [
        { file: 'controls/a.yaml', line: 4, column: 17, messageId: 'controlEffective', data: { control: 'C-A', date: '2026-07-02', asOf: TODAY }, message: 'Control C-A is active, but its effective_from 2026-07-02 is after 2026-07-01' },
        { file: 'controls/r.yaml', line: 5, column: 13, messageId: 'controlRetired', data: { control: 'C-R', date: '2026-08-01', asOf: TODAY }, message: 'Control C-R is retired, but its retired_on 2026-08-01 is after 2026-07-01' },
      ],
    },
    {
      name: 'an evidence range reaching past as_of: at its to, whether or not the entry has a date',
      files: {
        'controls/c.yaml': 'id: C-1\ntitle: T\nfrequency: daily\nevidence:\n  - path: a.csv\n    date: 2026-06-30\n    from: 2026-06-01\n    to: 2026-07-31\n  - path: b.csv\n    from: 2026-07-01\n    to: 2026-07-02\n',
      },
      errors: [
        { file: 'controls/c.yaml', line: 8, column: 9, messageId: 'evidenceRangeEnd', data: { control: 'C-1', date: '2026-07-31', asOf: TODAY } },
        { file: 'controls/c.yaml', line: 11, column: 9, messageId: 'evidence', data: { control: 'C-1', date: '2026-07-02', asOf: TODAY } },
      ],
    },
    {
      name: 'every checked date one day after as_of is reported, each at its value',
      asOf: '2026-06-30',
      files: everyDateOn(TODAY),
      errors: [
        { file: 'acknowledgments/2026.yaml', line: 4, column: 7, messageId: 'acknowledgment', data: { policy: 'POL-A', person: 'b@x.io', date: '2026-07-01', asOf: '2026-06-30' }, message: 'Acknowledgment of POL-A by b@x.io: date 2026-07-01 is after 2026-06-30' },
        { file: 'controls/backup.yaml', line: 6, column: 11, messageId: 'evidence', data: { control: 'C-BAK', date: '2026-07-01', asOf: '2026-06-30' }, message: 'Control C-BAK: evidence date 2026-07-01' },
        { file: 'people.yaml', line: 6, column: 13, messageId: 'offboarding', data: { person: 'b@x.io', date: '2026-07-01', asOf: '2026-06-30' }, message: 'Person b@x.io: offboarded date 2026-07-01' },
        { file: 'policies/a.md', line: 6, column: 14, messageId: 'policyApproval', data: { policy: 'POL-A', date: '2026-07-01', asOf: '2026-06-30' }, message: 'Policy POL-A: approved_on 2026-07-01' },
        { file: 'policies/a.md', line: 7, column: 16, messageId: 'policyReview', data: { policy: 'POL-A', date: '2026-07-01', asOf: '2026-06-30' }, message: 'Policy POL-A: last_reviewed 2026-07-01' },
        { file: 'scope.yaml', line: 2, column: 16, messageId: 'scopeReview', data: { date: '2026-07-01', asOf: '2026-06-30' }, message: 'Scope: last_reviewed 2026-07-01' },
        { file: 'training/2026.csv', line: 2, column: 27, messageId: 'training', data: { person: 'b@x.io', date: '2026-07-01', asOf: '2026-06-30' }, message: 'Training of b@x.io: date 2026-07-01' },
        { file: 'vendors/aws.yaml', line: 4, column: 16, messageId: 'vendorReview', data: { vendor: 'V-AWS', date: '2026-07-01', asOf: '2026-06-30' }, message: 'Vendor V-AWS: last_reviewed 2026-07-01' },
        { file: 'vendors/aws.yaml', line: 7, column: 15, messageId: 'reportPeriodEnd', data: { vendor: 'V-AWS', date: '2026-07-01', asOf: '2026-06-30' }, message: 'Vendor V-AWS: assurance period_end 2026-07-01' },
      ],
    },
    {
      name: 'a policy approved one day after as_of',
      files: { 'policies/a.md': approved('approved_on: 2026-07-02') },
      errors: [{ file: 'policies/a.md', line: 6, column: 14, messageId: 'policyApproval', message: 'Policy POL-A: approved_on 2026-07-02 is after 2026-07-01' }],
    },
    {
      name: 'a policy last_reviewed typed as 2062',
      files: { 'policies/a.md': approved('approved_on: 2026-06-20\nlast_reviewed: 2062-06-20') },
      errors: [{ file: 'policies/a.md', line: 7, column: 16, messageId: 'policyReview', message: 'Policy POL-A: last_reviewed 2062-06-20' }],
    },
    {
      name: 'a draft policy with a future date is still a typo',
      files: { 'policies/a.md': policy('id: POL-D\ntitle: Draft\nstatus: draft\nlast_reviewed: 2026-08-01') },
      errors: [{ file: 'policies/a.md', line: 5, column: 16, messageId: 'policyReview', message: 'Policy POL-D: last_reviewed 2026-08-01' }],
    },
    {
      name: 'a leap day is in the future the day before',
      asOf: '2024-02-28',
      files: { 'policies/a.md': approved('approved_on: 2024-02-29') },
      errors: [{ file: 'policies/a.md', line: 6, column: 14, messageId: 'policyApproval', message: 'approved_on 2024-02-29 is after 2024-02-28' }],
    },
    {
      name: 'the scope reviewed in the future',
      files: { 'scope.yaml': 'categories: [security]\nlast_reviewed: 2026-07-02\n' },
      errors: [{ file: 'scope.yaml', line: 2, column: 16, messageId: 'scopeReview', message: 'Scope: last_reviewed 2026-07-02' }],
    },
    {
      name: 'a future evidence date in a controls: list, at the entry\'s date',
      files: {
        'controls/all.yaml':
          'controls:\n  - id: C-1\n    title: Backups\n    frequency: monthly\n    evidence:\n      - url: https://x.io/a\n        date: 2026-06-30\n      - url: https://x.io/b\n        date: 2026-07-02\n',
      },
      errors: [{ file: 'controls/all.yaml', line: 9, column: 15, messageId: 'evidence', message: 'Control C-1: evidence date 2026-07-02' }],
    },
    {
      name: 'a malformed evidence entry before it does not shift the place, and a planned control is checked too',
      files: {
        'controls/ir.yaml': 'id: C-IR\ntitle: Tabletop\nfrequency: annual\nstatus: planned\nevidence:\n  - note: no proof yet\n  - path: evidence/tabletop.pdf\n    date: 2027-01-15\n',
      },
      errors: [{ file: 'controls/ir.yaml', line: 8, column: 11, messageId: 'evidence', message: 'Control C-IR: evidence date 2027-01-15' }],
    },
    {
      name: 'a vendor reviewed in the future, with a report period ending in the future',
      files: {
        'vendors/all.yaml':
          'vendors:\n  - id: V-AWS\n    name: AWS\n    criticality: critical\n    last_reviewed: 2026-07-02\n    assurance:\n      kind: soc2-type2\n      period_end: 2026-09-30\n',
      },
      errors: [
        { file: 'vendors/all.yaml', line: 5, column: 20, messageId: 'vendorReview', message: 'Vendor V-AWS: last_reviewed 2026-07-02' },
        { file: 'vendors/all.yaml', line: 8, column: 19, messageId: 'reportPeriodEnd', message: 'Vendor V-AWS: assurance period_end 2026-09-30' },
      ],
    },
    {
      name: 'a leaver offboarded in the future',
      files: { 'people.yaml': 'people:\n  - id: b@x.io\n    name: Bo\n    end: 2026-06-30\n    offboarded:\n      date: 2062-06-30\n' },
      errors: [{ file: 'people.yaml', line: 6, column: 13, messageId: 'offboarding', message: 'Person b@x.io: offboarded date 2062-06-30' }],
    },
    {
      name: 'a training row in a CSV file, at its date cell',
      files: { 'training/2026.csv': 'person,course,date\na@x.io,security-awareness,2026-06-01\nb@x.io,security-awareness,2026-07-02\n' },
      errors: [{ file: 'training/2026.csv', line: 3, column: 27, messageId: 'training', message: 'Training of b@x.io: date 2026-07-02' }],
    },
    {
      name: 'a training record in a YAML file',
      files: { 'training/2026.yaml': 'records:\n  - person: a@x.io\n    course: security-awareness\n    date: 2026-07-02\n' },
      errors: [{ file: 'training/2026.yaml', line: 4, column: 11, messageId: 'training', message: 'Training of a@x.io: date 2026-07-02' }],
    },
    {
      name: 'acknowledgment rows in a CSV file; a row with quoted cells is reported at its date cell too',
      files: { 'acknowledgments/2026.csv': 'person,policy,version,date\na@x.io,POL-A,1.2,2026-07-02\n"b@x.io",POL-A,"1.10",2026-07-03\n' },
      errors: [
        { file: 'acknowledgments/2026.csv', line: 2, column: 18, messageId: 'acknowledgment', message: 'Acknowledgment of POL-A by a@x.io: date 2026-07-02' },
        { file: 'acknowledgments/2026.csv', line: 3, column: 23, messageId: 'acknowledgment', message: 'Acknowledgment of POL-A by b@x.io: date 2026-07-03' },
      ],
    },
    {
      name: 'an acknowledgment as a single YAML mapping',
      files: { 'acknowledgments/a.yaml': 'person: a@x.io\npolicy: POL-A\nversion: "1.2"\ndate: 2026-07-02\n' },
      errors: [{ file: 'acknowledgments/a.yaml', line: 4, column: 7, messageId: 'acknowledgment', message: 'Acknowledgment of POL-A by a@x.io: date 2026-07-02' }],
    },
    {
      name: 'malformed neighbour files do not stop the check',
      files: {
        'vendors/broken.yaml': 'vendors:\n  - id: V-X\n    name: [unclosed\n',
        'training/bad.csv': 'who,when\na@x.io,2026-07-02\n',
        'people.yaml': 'people:\n  - name: No id\n    offboarded:\n      date: 2062-01-01\n',
        'scope.yaml': 'categories: [security]\nlast_reviewed: 2026-07-02\n',
      },
      errors: [{ file: 'scope.yaml', line: 2, column: 16, messageId: 'scopeReview', message: 'Scope: last_reviewed 2026-07-02' }],
    },
  ],
});
