// A rule that says it is per-file (`meta.perFile`) is run on the reported files' records only when a run reports only
// some files (a hook's staged files). That is right only if, run on part of the model, it finds in each of its files
// what it finds there on the whole model: checked here for every such rule, on every file of every example program,
// on days through the audit period and beyond, and on pairs of files.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { loadConfig } from '../../src/config/config.js';
import type { Finding } from '../../src/engine/finding.js';
import { modelPartsFor } from '../../src/engine/rule.js';
import { runRules, type EnabledRule } from '../../src/engine/run.js';
import { loadRepo } from '../../src/model/load.js';
import type { RepoModel } from '../../src/model/types.js';
import { makeRepo, policy } from '../helpers/repo.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
const perFile = RULES.filter((rule) => rule.meta.perFile);
const enabled = (rules: typeof RULES): EnabledRule[] => rules.map((rule) => ({ rule, severity: rule.meta.defaultSeverity, options: rule.meta.options?.defaults ?? {} }));
const DAYS = ['2025-12-31', '2026-02-01', '2026-04-15', '2026-07-10', '2026-10-01', '2027-03-31'];

/** Every file a record, a problem or a directive of the model is in. */
function filesOf(model: RepoModel): string[] {
  const files = new Set<string>();
  for (const list of [model.policies, model.controls, model.systems, model.vendors, model.people, model.training, model.acknowledgments, model.waivers]) {
    for (const record of list) files.add(record.source.file);
  }
  if (model.scope) files.add(model.scope.source.file);
  for (const problem of model.problems) files.add(problem.range.file);
  for (const unknown of model.unknownFields) files.add(unknown.at.file);
  return [...files].sort();
}

const text = (findings: Finding[]) => findings.map((finding) => JSON.stringify(finding));

/** For each rule, on each day: what it finds in the files given, run on them alone, is what it finds there on the whole model. */
function expectPerFile(model: RepoModel, groups: readonly (readonly string[])[]): number {
  let compared = 0;
  const recordFiles = new Set(filesOf(model));
  for (const rule of perFile) {
    for (const day of DAYS) {
      const whole = runRules(model, enabled([rule]), day);
      // A finding in a file no record is in (an evidence file) would be lost when only that file is reported.
      for (const finding of whole) expect(recordFiles, `${rule.meta.id} on ${day}: ${finding.file} holds no record`).toContain(finding.file);
      for (const group of groups) {
        const files = new Set(group);
        const alone = runRules(model, enabled([rule]), day, undefined, files).filter((finding) => files.has(finding.file));
        expect(text(alone), `${rule.meta.id} on ${day}, ${group.join(' + ')}`).toEqual(text(whole.filter((finding) => files.has(finding.file))));
        compared += alone.length;
      }
    }
  }
  return compared;
}

describe('per-file rules', () => {
  it('are the rules whose findings follow from one file', () => {
    expect(perFile.map((rule) => rule.meta.id).sort()).toEqual([
      'backdated-evidence',
      'broken-evidence-link',
      'empty-evidence',
      'evidence-date-mismatch',
      'evidence-gap',
      'future-date',
      'missing-background-check',
      'missing-cuecs',
      'missing-evidence',
      'missing-owner',
      'missing-retirement-date',
      'parse-error',
      'placeholder-text',
      'review-due-soon',
      'schema-violation',
      'stale-evidence',
      'stale-review',
      'unknown-field',
      'unmapped-control',
      'untracked-evidence',
      'vendor-assurance',
    ]);
    for (const rule of perFile) expect(rule.meta.phase, rule.meta.id).toBeUndefined();
  });

  it.each(readdirSync(examples))('find in each file of %s alone what they find there in the whole program', async (example) => {
    const model = await loadRepo(loadConfig(`${examples}${example}`), modelPartsFor(perFile));
    const files = filesOf(model);
    expect(files.length).toBeGreaterThan(3);
    const pairs = files.map((file, i) => [file, files[(i * 7 + 3) % files.length]!]);
    expectPerFile(model, [...files.map((file) => [file]), ...pairs]);
  });

  it('find in a program spread over many files what they find in it whole, file by file', async () => {
    const control = (id: string, extra = '') =>
      `id: ${id}\ntitle: ${id}\nowner: a@acme.example\nstatus: active\nfrequency: monthly\ncriteria: [CC6.1]\n${extra}evidence:\n  - { path: evidence/${id}/2026-01-31.md, date: 2026-03-31 }\n  - { path: evidence/${id}/2026-02-28.md, date: 2026-02-28 }\n  - { path: evidence/${id}/2027-01-01.md, date: 2027-01-01 }\n`;
    const root = makeRepo({
      'soc2lint.config.yaml': 'as_of: 2026-07-01\n',
      'scope.yaml': 'categories: [security]\naudit:\n  type: type2\n  period: { start: 2026-01-01, end: 2026-06-30 }\nlast_reviewed: 2027-01-05\nsystems:\n  - { id: SYS-A, name: App, owner: a@acme.example }\n',
      'controls/ac-01.yaml': control('AC-01'),
      'controls/ac-02.yaml': control('AC-02', 'effective_from: 2026-09-01\n'),
      'controls/ac-03.yaml': control('AC-03', 'unexpected_key: 1\n'),
      'controls/ac-04.yaml': 'id: AC-04\ntitle: [unclosed\n',
      'controls/ac-05.yaml': control('AC-05').replace('frequency: monthly', 'frequency: sometimes'),
      'policies/access.md': policy('id: POL-1\ntitle: Access [TBD]\nowner: a@acme.example\nstatus: approved\napproved_by: b@acme.example\napproved_on: 2027-02-01\ncriteria: [CC6.1]', '# Access\n\nReviewed by [NAME] every [X] days.\n'),
      'policies/other.md': policy('id: POL-2\ntitle: Other\nowner: a@acme.example\nstatus: draft', '# Other\n\nTODO: write this.\n'),
      'vendors/vendors.yaml': 'vendors:\n  - { id: VEN-1, name: One, owner: a@acme.example, criticality: high, last_reviewed: 2027-01-01 }\n',
      'people.yaml': 'people:\n  - { id: a@acme.example, name: A, start: 2024-01-01 }\n  - { id: b@acme.example, name: B, start: 2024-01-01, offboarded: { date: 2027-01-01 } }\n',
      'training/awareness.csv': 'person,course,date\na@acme.example,security-awareness,2027-01-10\n',
    });
    const model = await loadRepo(loadConfig(root), modelPartsFor(perFile));
    const files = filesOf(model);
    expect(files.length).toBeGreaterThanOrEqual(10);
    const compared = expectPerFile(model, [...files.map((file) => [file]), files.slice(0, 3), files.slice(-4)]);
    expect(compared).toBeGreaterThan(20); // the program has findings of these rules to compare
  });

  it('run on the whole model when a waiver is among the reported files (whether it is used depends on every finding)', async () => {
    const root = makeRepo({
      'soc2lint.config.yaml': 'as_of: 2026-07-01\n',
      'policies/access.md': policy('id: POL-1\ntitle: Access\nowner: a@acme.example\nstatus: approved\napproved_by: b@acme.example\napproved_on: 2027-02-01\ncriteria: [CC6.1]'),
      'waivers.yaml': 'waivers:\n  - { rule: future-date, target: POL-1, reason: Signed ahead of the board meeting., approved_by: b@acme.example, approved_on: 2026-06-01, expires: 2026-12-31 }\n',
    });
    const rules = RULES.filter((rule) => ['future-date', 'unused-waiver'].includes(rule.meta.id));
    const model = await loadRepo(loadConfig(root), modelPartsFor(rules));
    const waiverFile = model.waivers[0]!.source.file;
    const unusedWaiver = (files?: ReadonlySet<string>) => runRules(model, enabled(rules), '2026-07-01', undefined, files).filter((finding) => finding.ruleId === 'unused-waiver');
    expect(unusedWaiver()).toEqual([]);
    expect(unusedWaiver(new Set([waiverFile]))).toEqual([]);
  });
});
