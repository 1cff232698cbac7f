import { expect, it } from 'vitest';
import rule from '../../rules/schema-violation.js';
import missingEvidence from '../../rules/missing-evidence.js';
import { policy } from '../helpers/repo.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

const control = (extra = '') => `id: CTL-1\ntitle: Access review\nfrequency: quarterly\n${extra}`;

testRule(rule, {
  valid: [
    {
      name: 'a complete program breaks no schema',
      files: {
        'policies/access.md': policy('id: POL-ACCESS\ntitle: Access control\nstatus: approved\nowner: a@x.io\nversion: "1.10"\nlast_reviewed: 2026-01-15\nreview_every: annual\ncriteria: [CC6.1]'),
        'controls/access.yaml': `controls:\n  - id: CTL-1\n    title: Access review\n    frequency: quarterly\n    status: active\n    evidence:\n      - path: evidence/q1.pdf\n        date: 2026-03-31\n      - url: https://tickets.example.com/AR-12\n        date: 2026-06-30\n`,
        'scope.yaml': 'categories: [security, availability]\naudit:\n  type: type2\n  period: { start: 2026-01-01, end: 2026-12-31 }\nsystems:\n  - id: prod\n    name: Production\n',
        'vendors/aws.yaml': 'id: aws\nname: AWS\ncriticality: critical\nassurance:\n  kind: soc2-type2\n  period_end: 2026-03-31\n',
        'people.yaml': 'people:\n  - id: a@x.io\n    name: Ann\n    start: 2024-02-29\n',
        'training/2026.csv': 'person,course,date\na@x.io,Security awareness,2026-01-05\n',
      },
    },
    { name: 'a leap day is a real date', files: { 'policies/a.md': policy('id: POL-A\ntitle: A\nstatus: draft\nlast_reviewed: 2024-02-29') } },
    { name: 'an ISO 8601 duration is a valid review interval', files: { 'policies/a.md': policy('id: POL-A\ntitle: A\nstatus: draft\nreview_every: P6M') } },
    {
      name: 'a policy saved with CRLF line endings is valid',
      files: { 'policies/a.md': policy('id: POL-A\ntitle: A\nstatus: approved\nlast_reviewed: 2026-01-15').replace(/\n/g, '\r\n') },
    },
    { name: 'a single control in a mapping file needs no "controls:" key', files: { 'controls/one.yaml': control() } },
  ],
  invalid: [
    {
      name: 'an evidence entry written as a plain string is explained, not a crash',
      files: { 'controls/ops.yaml': 'id: CTL-1\ntitle: Access review\nfrequency: quarterly\nevidence: [evidence/run.md]\n' },
      errors: [{ file: 'controls/ops.yaml', line: 4, column: 12, messageId: 'violation', message: 'Control CTL-1: "evidence[0]" must be a mapping; found a string ("evidence/run.md").' }],
    },
    {
      name: 'an infinite number is shown as infinity, not as null',
      files: { 'controls/ops.yaml': 'id: CTL-1\ntitle: Access review\nfrequency: .inf\n' },
      errors: [{ file: 'controls/ops.yaml', line: 3, column: 12, messageId: 'violation', message: 'found infinity (.inf)' }],
    },
    {
      name: 'an evidence entry needs a date, or from and to: one finding each, not one per way it could have been written',
      files: { 'controls/c.yaml': 'id: C-1\ntitle: T\nfrequency: daily\nevidence:\n  - url: https://x.example.com/1\n  - url: https://x.example.com/2\n    from: 2026-01-01\n  - path: e.csv\n    from: 2026-01-01\n    to: 2026-01-31\n' },
      errors: [
        { file: 'controls/c.yaml', line: 5, column: 5, messageId: 'violation', message: '"evidence[0]" is missing the required field "date". Add it.' },
        { file: 'controls/c.yaml', line: 6, column: 5, messageId: 'violation', message: '"evidence[1]" is missing the required field "to". Add it.' },
      ],
    },
    {
      name: 'a control without a frequency is reported at the record, naming it',
      files: { 'controls/ops.yaml': 'controls:\n  - id: CTL-1\n    title: Access review\n    frequency: quarterly\n  - id: CTL-2\n    title: Restore test\n    owner: ops@x.io\n' },
      errors: [{ file: 'controls/ops.yaml', line: 5, column: 5, messageId: 'violation', data: { problem: 'Control CTL-2: missing the required field "frequency". Add it.' }, message: 'Control CTL-2: missing the required field "frequency"' }],
    },
    {
      name: 'a misspelt status is reported at the value with a suggestion, naming the policy',
      files: { 'policies/ir.md': policy('id: POL-IR\ntitle: Incident response\nstatus: aproved') },
      errors: [{ file: 'policies/ir.md', line: 4, column: 9, messageId: 'violation', message: /^Policy POL-IR: "status" must be one of draft, approved, retired; found "aproved"\. Did you mean "approved"\?/ }],
    },
    {
      name: 'an impossible calendar date (Feb 30) is reported at the value',
      files: { 'controls/access.yaml': control('evidence:\n  - path: evidence/q1.pdf\n    date: 2026-02-30\n') },
      errors: [{ file: 'controls/access.yaml', line: 6, column: 11, messageId: 'violation', message: 'Control CTL-1: "evidence[0].date" must be a calendar date written YYYY-MM-DD (for example 2026-01-31); found "2026-02-30"' }],
    },
    {
      name: 'Feb 29 outside a leap year is not a date',
      files: { 'vendors/aws.yaml': 'id: aws\nname: AWS\ncriticality: high\nlast_reviewed: 2025-02-29\n' },
      errors: [{ file: 'vendors/aws.yaml', line: 4, column: 16, messageId: 'violation', message: 'Vendor aws: "last_reviewed" must be a calendar date' }],
    },
    {
      name: 'a date written as a timestamp is one finding asking for YYYY-MM-DD',
      files: { 'vendors/aws.yaml': 'id: aws\nname: AWS\ncriticality: high\nlast_reviewed: 2026-01-05T10:00:00Z\n' },
      errors: [{ file: 'vendors/aws.yaml', line: 4, column: 16, messageId: 'violation', message: /^Vendor aws: "last_reviewed" must be a calendar date written YYYY-MM-DD.*found "2026-01-05T10:00:00Z"/ }],
    },
    {
      name: 'an interval that is not a keyword or ISO duration (yearly) is reported at the value',
      files: { 'policies/a.md': policy('id: POL-A\ntitle: A\nstatus: draft\nreview_every: yearly') },
      errors: [{ file: 'policies/a.md', line: 5, column: 15, messageId: 'violation', message: '"review_every" must be daily, weekly, monthly, quarterly, semiannual, annual, or an ISO 8601 duration such as P6M or P90D; found "yearly"' }],
    },
    {
      name: 'an evidence entry with both a path and a url is reported at the entry',
      files: { 'controls/access.yaml': control('evidence:\n  - path: evidence/q1.pdf\n    url: https://drive.example.com/q1\n    date: 2026-03-31\n') },
      errors: [{ file: 'controls/access.yaml', line: 5, column: 5, messageId: 'violation', message: 'Control CTL-1: "evidence[0]" has both "path" and "url"' }],
    },
    {
      name: 'an evidence entry with neither a path nor a url is reported at the entry',
      files: { 'controls/access.yaml': control('evidence:\n  - path: evidence/q1.pdf\n    date: 2026-03-31\n  - date: 2026-06-30\n    note: done, trust me\n') },
      errors: [{ file: 'controls/access.yaml', line: 7, column: 5, messageId: 'violation', message: 'Control CTL-1: "evidence[1]" needs a "path" (a file in the repo) or a "url"' }],
    },
    {
      name: 'criteria written as a string instead of a list is reported at the value',
      files: { 'controls/access.yaml': control('criteria: CC6.1\n') },
      errors: [{ file: 'controls/access.yaml', line: 4, column: 11, messageId: 'violation', message: 'Control CTL-1: "criteria" must be a list; found a string ("CC6.1")' }],
    },
    {
      name: 'a bare top-level list in a controls file is reported, saying to put it under "controls:"',
      files: { 'controls/list.yaml': '- id: CTL-1\n  title: Access review\n  frequency: quarterly\n' },
      errors: [{ file: 'controls/list.yaml', line: 1, column: 1, messageId: 'violation', message: 'found a bare list. Put the list under "controls:"' }],
    },
    {
      name: 'a training CSV missing a required column is one finding on line 1, not one per row (the misspelt column is unknown-field\'s)',
      files: { 'training/2026.csv': 'person,curse,date\na@x.io,Security awareness,2026-01-05\nb@x.io,Security awareness,2026-01-06\n' },
      errors: [{ file: 'training/2026.csv', line: 1, column: 1, messageId: 'violation', message: 'CSV header is missing the column course; the header must name person, course, date.' }],
    },
    {
      name: 'a CSV row with an empty date is reported on that row',
      files: { 'training/2026.csv': 'person,course,date\na@x.io,Security awareness,2026-01-05\nb@x.io,Security awareness,\n' },
      errors: [{ file: 'training/2026.csv', line: 3, column: 1, messageId: 'violation', message: 'Training record: missing the required field "date"' }],
    },
    {
      name: 'a second scope file (scope.yml next to scope.yaml) is reported',
      files: { 'scope.yaml': 'categories: [security]\n', 'scope.yml': 'categories: [security, availability]\n' },
      errors: [{ file: 'scope.yml', line: 1, column: 1, messageId: 'violation', message: 'A second scope file; scope.yaml is already the scope' }],
    },
    {
      name: 'a policy whose front matter is only comments misses every required field',
      files: { 'policies/todo.md': '---\n# id: POL-TODO\n# fill in later\n---\n# TODO\n' },
      errors: [
        // In the schema's order of required fields.
        { file: 'policies/todo.md', line: 1, column: 1, messageId: 'violation', message: 'missing the required field "id"' },
        { file: 'policies/todo.md', line: 1, column: 1, messageId: 'violation', message: 'missing the required field "title"' },
        { file: 'policies/todo.md', line: 1, column: 1, messageId: 'violation', message: 'missing the required field "status"' },
      ],
    },
  ],
});

it('an unknown field is not a schema violation (unknown-field reports it), and no value is lost with it', async () => {
  expect(await runRule(rule, { name: 'ownr', files: { 'controls/access.yaml': control('ownr: a@x.io\n'), 'training/a.csv': 'person,course,date,team\na@x.io,x,2026-01-05,Eng\n' } })).toEqual([]);
});

it('a control with an unknown field is still linted by the other rules', async () => {
  const findings = await runRule(missingEvidence, { name: 'ownr', files: { 'controls/access.yaml': control('ownr: a@x.io\n') } });
  expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
    expect.stringMatching(/^controls\/access\.yaml:1:5 Control CTL-1 is active but lists no evidence/),
  ]);
});

it('a control missing a required field is left out of the model, so other rules do not pile on', async () => {
  const findings = await runRule(missingEvidence, { name: 'no frequency', files: { 'controls/access.yaml': 'id: CTL-1\ntitle: Access review\n' } });
  expect(findings).toEqual([]);
});
