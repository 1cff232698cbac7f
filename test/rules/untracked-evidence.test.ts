import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/untracked-evidence.js';
import { loadConfig } from '../../src/config/config.js';
import { loadRepo } from '../../src/model/load.js';
import { git, gitRepo, shallowClone } from '../helpers/git.js';
import { makeRepo, writeFiles } from '../helpers/repo.js';
import { runRuleIn } from '../helpers/rule-tester.js';
import type { Finding } from '../../src/engine/finding.js';

/** A control as a mapping: the `path` of evidence entry i is on line 6 + 2i, column 11. */
const control = (...paths: string[]) =>
  `id: C-AR\ntitle: Access review\nowner: a@x.io\nfrequency: quarterly\nevidence:\n${paths.map((p) => `  - path: ${p}\n    date: 2026-06-02\n`).join('')}`;

/** A vendor whose report path is on line 7, column 9, and bridge letter path on line 10, column 11. */
const vendor = (report: string, bridge: string) =>
  ['id: V-AWS', 'name: AWS', 'criticality: critical', 'assurance:', '  kind: soc2-type2', '  period_end: 2026-03-31', `  path: ${report}`, '  bridge_letter:', '    through: 2026-06-30', `    path: ${bridge}`, ''].join('\n');

/** A leaver whose offboarding proof path is on line 7, column 17. */
const leaver = (evidence: string) => `people:\n  - id: ada@x.io\n    name: Ada\n    end: 2026-05-01\n    offboarded:\n      date: 2026-05-01\n      evidence: ${evidence}\n`;

const where = (finding: Finding) => `${finding.file}:${finding.line}:${finding.column}`;

describe('untracked-evidence', () => {
  it('a committed evidence file is fine (also written with a leading ./)', async () => {
    const root = gitRepo([{ date: '2026-06-02', files: { 'controls/ar.yaml': control('evidence/ar.md', './evidence/ar.md'), 'evidence/ar.md': 'review\n' } }]);
    expect(await runRuleIn(rule, root)).toEqual([]);
  });

  it('a staged but not yet committed evidence file is fine: it is in the index', async () => {
    const root = gitRepo([{ date: '2026-06-02', files: { 'controls/ar.yaml': control('evidence/ar.md') } }]);
    writeFiles(root, { 'evidence/ar.md': 'review\n' });
    git(root, ['add', 'evidence/ar.md']);
    expect(await runRuleIn(rule, root)).toEqual([]);
  });

  it('an untracked evidence file is reported at its path, naming the control and the file', async () => {
    const root = gitRepo(
      [{ date: '2026-06-02', files: { 'controls/ar.yaml': control('evidence/committed.md', 'evidence/new.md'), 'evidence/committed.md': 'ok\n' } }],
      { 'evidence/new.md': 'review\n' },
    );
    const findings = await runRuleIn(rule, root);
    expect(findings.map(where)).toEqual(['controls/ar.yaml:8:11']);
    expect(findings[0]!.severity).toBe('warn');
    expect(findings[0]).toMatchObject({ messageId: 'untracked', data: { owner: 'Control C-AR', role: 'evidence file', path: 'evidence/new.md' } });
    expect(findings[0]!.message).toBe(
      'Control C-AR: evidence file "evidence/new.md" is not committed to git; proof that lives on one laptop is no proof. Commit it (git add "evidence/new.md"; if .gitignore excludes it, change the ignore rule or use git add -f).',
    );
  });

  it('a gitignored evidence file is reported', async () => {
    const root = gitRepo([{ date: '2026-06-02', files: { '.gitignore': 'evidence/private/\n', 'controls/ar.yaml': control('./evidence/private/ar.md') } }], {
      'evidence/private/ar.md': 'review\n',
    });
    const findings = await runRuleIn(rule, root);
    expect(findings.map(where)).toEqual(['controls/ar.yaml:6:11']);
    expect(findings[0]!.messageId).toBe('untracked');
    expect(findings[0]!.message).toContain('Control C-AR: evidence file "./evidence/private/ar.md" is not committed to git');
  });

  it('vendor reports, bridge letters and offboarding proof are checked too', async () => {
    const root = gitRepo([{ date: '2026-06-02', files: { 'vendors/aws.yaml': vendor('vendors/aws/soc2.pdf', 'vendors/aws/bridge.pdf'), 'people.yaml': leaver('evidence/offboarding/ada.md') } }], {
      'vendors/aws/soc2.pdf': 'report',
      'vendors/aws/bridge.pdf': 'letter',
      'evidence/offboarding/ada.md': 'done\n',
    });
    const findings = await runRuleIn(rule, root);
    expect(findings.map((f) => `${where(f)} ${f.message.slice(0, f.message.indexOf(' is not'))}`)).toEqual([
      'people.yaml:7:17 Person ada@x.io: offboarding evidence file "evidence/offboarding/ada.md"',
      'vendors/aws.yaml:7:9 Vendor V-AWS: assurance report "vendors/aws/soc2.pdf"',
      'vendors/aws.yaml:10:11 Vendor V-AWS: bridge letter "vendors/aws/bridge.pdf"',
    ]);
    expect(findings.map((f) => [f.messageId, f.data])).toEqual([
      ['untracked', { owner: 'Person ada@x.io', role: 'offboarding evidence file', path: 'evidence/offboarding/ada.md' }],
      ['untracked', { owner: 'Vendor V-AWS', role: 'assurance report', path: 'vendors/aws/soc2.pdf' }],
      ['untracked', { owner: 'Vendor V-AWS', role: 'bridge letter', path: 'vendors/aws/bridge.pdf' }],
    ]);
  });

  it('missing files, folders and urls are not this rule\'s business', async () => {
    const root = gitRepo([{ date: '2026-06-02', files: { 'controls/ar.yaml': control('evidence/gone.md', 'evidence') + '  - url: https://x.example.com/r\n    date: 2026-06-03\n' } }]);
    mkdirSync(join(root, 'evidence'));
    expect(await runRuleIn(rule, root)).toEqual([]);
  });

  it('a program in a subfolder of the git repo: paths are relative to the program, and still right', async () => {
    const repo = gitRepo(
      [{ date: '2026-06-02', files: { 'README.md': 'app\n', 'compliance/scope.yaml': 'categories: [security]\n', 'compliance/controls/ar.yaml': control('evidence/ar.md', 'evidence/new.md'), 'compliance/evidence/ar.md': 'ok\n' } }],
      { 'compliance/evidence/new.md': 'new\n' },
    );
    const findings = await runRuleIn(rule, join(repo, 'compliance'));
    expect(findings.map(where)).toEqual(['controls/ar.yaml:8:11']);
    expect(findings[0]!.message).toContain('"evidence/new.md" is not committed');
  });

  it('a file inside a nested repository (a gitlink in the index) is not reported', async () => {
    const root = gitRepo([{ date: '2026-06-02', files: { 'controls/ar.yaml': control('evidence/shared/ar.md') } }]);
    const inner = join(root, 'evidence/shared');
    writeFiles(inner, { 'ar.md': 'ok\n' });
    git(inner, ['init', '-q', '-b', 'main']);
    git(inner, ['add', 'ar.md']);
    git(inner, ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'inner']);
    git(root, ['add', 'evidence/shared']);
    expect(await runRuleIn(rule, root)).toEqual([]);
  });

  it('a folder that is not a git repository: no findings and no crash', async () => {
    const root = makeRepo({ 'controls/ar.yaml': control('evidence/ar.md'), 'evidence/ar.md': 'ok\n' });
    const model = await loadRepo(loadConfig(root), new Set(['git-index']));
    expect(model.git).toEqual({ available: false, reason: 'the folder is not in a git repository' });
    expect(await runRuleIn(rule, root)).toEqual([]);
  });

  it('a shallow clone has an index: committed files are fine, new ones are reported', async () => {
    const source = gitRepo([
      { date: '2026-03-02', files: { 'controls/ar.yaml': control('evidence/ar.md', 'evidence/new.md'), 'evidence/ar.md': 'old\n' } },
      { date: '2026-06-02', files: { 'evidence/ar.md': 'updated\n' } },
    ]);
    const clone = shallowClone(source);
    expect(git(clone, ['rev-parse', '--is-shallow-repository']).trim()).toBe('true');
    writeFiles(clone, { 'evidence/new.md': 'new\n' });
    const findings = await runRuleIn(rule, clone);
    expect(findings.map(where)).toEqual(['controls/ar.yaml:8:11']);
    expect(findings[0]!.message).toContain('Control C-AR: evidence file "evidence/new.md" is not committed to git');
  });
});
