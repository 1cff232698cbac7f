// Programs with front matter of their own ("document control"), read with nothing but a `fields:` mapping: every
// record kept, every finding at the program's own key.
import { describe, expect, it } from 'vitest';
import { activeFindings } from '../../src/engine/finding.js';
import { lint } from '../../src/report/lint.js';
import { loadConfig, ConfigError } from '../../src/config/config.js';
import { loadRepo } from '../../src/model/load.js';
import { makeRepo } from '../helpers/repo.js';

const CONFIG = `fields:
  policies:
    id: doc_id
    approved_by: approver
    approved_on: approval_date
    last_reviewed: [last_review_date, approval_date]
    next_review: next_review_date
    links: related_documents
    criteria: [soc2_criteria, satisfies.TSC]
defaults:
  policies:
    owner: security@acme.example
`;

const doc = (fields: string) => `---\n${fields.trim()}\n---\n# Document\n\nText.\n`;

const PROGRAM = {
  'soc2lint.config.yaml': CONFIG,
  'policies/access.md': doc(`
doc_id: POL-001
doc_type: Policy
title: Access Control Policy
status: Approved
approver: CISO
approval_date: June 1, 2026
next_review_date: 2027-06-01
related_documents:
  - incident.md
  - ../procedures/access-review.md
soc2_criteria: [CC6, CC6.1]
`),
  'policies/incident.md': doc(`
doc_id: POL-001
title: Incident Response Policy
status: published
approver: CISO
approval_date: 1 March 2026
satisfies:
  TSC: [CC7.4]
`),
  'policies/vendor.md': doc(`
doc_id: POL-003
title: Vendor Management Policy
status: Draft
approver: ""
approval_date: 03/04/2026
soc2_criteria: [CC9.2]
`),
};

describe('a document-control program read through fields:', () => {
  it('keeps every record, with native fields read from the program\'s own keys and values normalised', async () => {
    const root = makeRepo(PROGRAM);
    const model = await loadRepo(loadConfig(root));
    expect(model.policies.map((p) => [p.id, p.status, p.owner, p.approvedBy, p.approvedOn, p.lastReviewed, p.nextReview, p.criteria.map((c) => c.value)])).toEqual([
      ['POL-001', 'approved', 'security@acme.example', 'CISO', '2026-06-01', '2026-06-01', '2027-06-01', ['CC6', 'CC6.1']],
      ['POL-001', 'approved', 'security@acme.example', 'CISO', '2026-03-01', '2026-03-01', undefined, ['CC7.4']],
      ['POL-003', 'draft', 'security@acme.example', undefined, undefined, undefined, undefined, ['CC9.2']],
    ]);
  });

  it('reports duplicate IDs, broken related documents, family-level criteria and ambiguous dates at the program\'s keys', async () => {
    const root = makeRepo(PROGRAM);
    const { findings } = await lint({ root, now: '2026-07-01' });
    const shown = activeFindings(findings).map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column}`);
    expect(shown).toContain('duplicate-id policies/incident.md:2:9');
    expect(shown).toContain('broken-link policies/access.md:11:5');
    expect(shown).not.toContain('broken-link policies/access.md:10:5');
    expect(shown).toContain('unknown-criterion policies/access.md:12:17');
    expect(shown).toContain('schema-violation policies/vendor.md:6:16');
    const ambiguous = findings.find((f) => f.ruleId === 'schema-violation' && f.file === 'policies/vendor.md');
    expect(ambiguous?.message).toBe('Policy POL-003: "03/04/2026" could be either of two days (month/day or day/month). Write it as YYYY-MM-DD.');
    // The mapped keys are known: only the unmapped doc_type is not, and it is unknown-field's warning, not a schema error.
    expect(findings.filter((f) => f.ruleId === 'schema-violation').map((f) => `${f.file}:${f.line}`)).toEqual(['policies/vendor.md:6']);
    expect(findings.filter((f) => f.ruleId === 'unknown-field').map((f) => `${f.file}:${f.line}`)).toEqual(['policies/access.md:3']);
  });

  it('refuses a mapping to a field soc2lint does not have, naming the nearest', () => {
    const root = makeRepo({ 'soc2lint.config.yaml': 'fields:\n  policies:\n    approved_at: approval_date\n' });
    expect(() => loadConfig(root)).toThrow(ConfigError);
    expect(() => loadConfig(root)).toThrow(/"fields.policies" maps "approved_at", which is not a field of policies. /);
  });
});

describe('fields: and defaults: on YAML records', () => {
  it('maps keys of records in a list, dotted paths included, and points at them', async () => {
    const root = makeRepo({
      'soc2lint.config.yaml': 'fields:\n  controls:\n    id: control_id\n    criteria: mapping.tsc\n    frequency: [cadence, frequency]\n',
      'controls/all.yaml': 'controls:\n  - control_id: AC-01\n    title: Access review\n    cadence: Quarterly\n    mapping:\n      tsc: [CC6.2, CC9.9]\n      iso: [A.9.2.5]\n',
    });
    const { findings } = await lint({ root, now: '2026-07-01' });
    const model = await loadRepo(loadConfig(root));
    expect(model.controls.map((c) => [c.id, c.frequency, c.criteria.map((m) => m.value)])).toEqual([['AC-01', 'quarterly', ['CC6.2', 'CC9.9']]]);
    expect(model.problems).toEqual([]);
    const unknown = findings.filter((f) => f.ruleId === 'unknown-criterion').map((f) => `${f.file}:${f.line}:${f.column} ${f.record}`);
    expect(unknown).toEqual(['controls/all.yaml:6:20 AC-01']);
  });

  it('fills what a program never records from defaults:, never over what it writes', async () => {
    const root = makeRepo({
      'soc2lint.config.yaml': 'defaults:\n  vendors:\n    owner: vendors@acme.example\n    review_every: P2Y\n',
      'vendors/v.yaml': 'vendors:\n  - id: VEN-A\n    name: A\n    criticality: high\n  - id: VEN-B\n    name: B\n    criticality: high\n    owner: b@acme.example\n    review_every: annual\n',
    });
    const model = await loadRepo(loadConfig(root));
    expect(model.vendors.map((v) => [v.id, v.owner, v.reviewEveryText])).toEqual([
      ['VEN-A', 'vendors@acme.example', 'P2Y'],
      ['VEN-B', 'b@acme.example', 'annual'],
    ]);
  });

  it('merges fields: field by field across extends, the extending file winning', () => {
    const root = makeRepo({
      'base.yaml': 'fields:\n  policies:\n    id: doc_id\n    approved_on: approval_date\n',
      'soc2lint.config.yaml': 'extends: base.yaml\nfields:\n  policies:\n    approved_on: [signed_on, approval_date]\n',
    });
    expect(loadConfig(root).fields).toEqual({ policies: { id: [['doc_id']], approved_on: [['signed_on'], ['approval_date']] } });
  });

  it('an empty value in a mapped kind is absent: the owner rule reports it missing', async () => {
    const root = makeRepo({
      'soc2lint.config.yaml': 'fields:\n  policies:\n    approved_by: approver\n',
      'policies/a.md': doc('id: POL-A\ntitle: A\nstatus: approved\nowner: ""\napprover: ~\napproved_on: 2026-06-01\nlast_reviewed: 2026-06-01'),
    });
    const { findings } = await lint({ root, now: '2026-07-01' });
    expect(activeFindings(findings).filter((f) => f.file === 'policies/a.md').map((f) => `${f.ruleId}:${f.messageId}`).sort()).toEqual(['missing-owner:policy', 'unapproved-policy:noApprovedBy']);
  });
});

describe('fields: on CSV records', () => {
  it('reads a training export with its own column names, and reports at the mapped column', async () => {
    const root = makeRepo({
      'soc2lint.config.yaml': 'fields:\n  training:\n    person: Email\n    course: Course Name\n    date: Completed On\n',
      'people.yaml': 'people:\n  - id: jane@acme.example\n    name: Jane\n    start: 2024-01-01\n',
      'training/export.csv': 'Email,Course Name,Completed On\njane@acme.example,Security Awareness,"June 1, 2026"\njane@acme.example,Security Awareness,03/04/2026\n',
    });
    const model = await loadRepo(loadConfig(root));
    expect(model.training.map((t) => [t.person, t.course, t.date])).toEqual([['jane@acme.example', 'Security Awareness', '2026-06-01']]);
    expect(model.problems.map((p) => `${p.range.file}:${p.range.line}:${p.range.column} ${p.message}`)).toEqual([
      'training/export.csv:3:38 Training record: "03/04/2026" could be either of two days (month/day or day/month). Write it as YYYY-MM-DD.',
    ]);
  });
});
