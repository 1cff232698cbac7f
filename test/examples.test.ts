// The bundled examples are part of the contract: the healthy one lints clean, the broken one fires exactly what its
// README says, and between them every rule fires at least once.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { activeFindings } from '../src/engine/finding.js';
import type { RuleOverride } from '../src/engine/settings.js';
import { lint } from '../src/report/lint.js';
import { RULES } from '../rules/index.js';
import { git, gitRepo } from './helpers/git.js';

const examples = fileURLToPath(new URL('../examples', import.meta.url));

/**
 * What the git rules find depends on the state of the repository the examples sit in (this project's checkout), not
 * on the example files; they are checked on a copy with a history of its own below.
 */
const GIT_RULES = ['untracked-evidence', 'changed-since-approval', 'backdated-evidence'];
const withoutGit: RuleOverride[] = GIT_RULES.map((ruleId) => ({ ruleId, setting: 'off' }));

describe('examples/acme-saas', () => {
  it('lints clean, its one known gap suppressed by an approved waiver', async () => {
    const { findings } = await lint({ root: join(examples, 'acme-saas'), ruleOverrides: withoutGit });
    expect(activeFindings(findings).map((f) => `${f.file}:${f.line} ${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(findings.filter((f) => f.suppressedBy).map((f) => `${f.ruleId} ${f.record}`)).toEqual([
      'vendor-assurance VEN-PASSSAFE', // its report covers none of the audit period
      'vendor-assurance VEN-PASSSAFE', // and is out of date
    ]);
  });

  it('goes stale a year later, so the clean result is earned and not hard-coded', async () => {
    const { findings } = await lint({ root: join(examples, 'acme-saas'), now: '2027-07-10', ruleOverrides: withoutGit });
    expect(new Set(findings.map((f) => f.ruleId))).toContain('stale-evidence');
  });

  it('lints clean with the git rules too, committed in a repository of its own', async () => {
    const root = gitRepo([{ date: '2026-07-01', files: {} }]);
    cpSync(join(examples, 'acme-saas'), root, { recursive: true });
    git(root, ['add', '-A']);
    git(root, ['commit', '-q', '-m', 'Import'], { GIT_AUTHOR_DATE: '2026-07-02T10:00:00Z', GIT_COMMITTER_DATE: '2026-07-02T10:00:00Z' });
    // One import commit dates every evidence file 2026-07-02, months after most of them were made: backdated-evidence
    // would be judging the import, not the program (it is judged on the broken example's history below).
    const { findings, notices } = await lint({ root, ruleOverrides: [{ ruleId: 'backdated-evidence', setting: 'off' }] });
    expect(notices).toEqual([]);
    expect(activeFindings(findings).map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([]);
  });
});

describe('examples/broken-saas', () => {
  it('fires exactly the findings its README lists', async () => {
    const readme = readFileSync(join(examples, 'broken-saas', 'README.md'), 'utf8');
    const listed = [...readme.matchAll(/^\| `([a-z-]+)` \| `([^`]+):(\d+)` \|/gm)].map(([, rule, file, line]) => `${rule} ${file}:${line}`);
    const { findings } = await lint({ root: join(examples, 'broken-saas'), ruleOverrides: withoutGit });
    const actual = activeFindings(findings).map((f) => `${f.ruleId} ${f.file}:${f.line}`);
    expect(actual.sort()).toEqual(listed.sort());
    expect(findings.filter((f) => f.suppressedBy).map((f) => `${f.suppressedBy!.kind} ${f.ruleId} ${f.file}:${f.line}`)).toEqual([
      'directive placeholder-text policies/information-security.md:22',
      'waiver unmapped-criterion scope.yaml:2',
    ]);
  });

  it('breaks every rule at least once, the git rules in a repository with a history of its own', async () => {
    const { findings } = await lint({ root: join(examples, 'broken-saas'), ruleOverrides: withoutGit });
    // The example's files, committed on 2026-01-05; the access control policy (approved 2025-07-28) reworded on
    // 2026-03-05; the Q1 endpoint review (dated 2026-03-25) first committed on 2026-05-01; one offboarding record never
    // committed.
    const root = gitRepo([{ date: '2026-01-05', files: {} }]);
    cpSync(join(examples, 'broken-saas'), root, { recursive: true });
    const access = join(root, 'policies', 'access-control.md');
    const text = readFileSync(access, 'utf8');
    git(root, ['add', '-A']);
    git(root, ['rm', '-q', '--cached', 'evidence/HR/2026-04-27-ryan-offboarding.md', 'evidence/IN-01/2026-Q1-endpoint-review.md']);
    git(root, ['commit', '-q', '-m', 'Import'], { GIT_AUTHOR_DATE: '2026-01-05T10:00:00Z', GIT_COMMITTER_DATE: '2026-01-05T10:00:00Z' });
    writeFileSync(access, text.replace('reviewed quarterly', 'reviewed every quarter by the system owner'));
    git(root, ['commit', '-q', '-m', 'Reword the access control policy', '--', 'policies/access-control.md'], {
      GIT_AUTHOR_DATE: '2026-03-05T10:00:00Z',
      GIT_COMMITTER_DATE: '2026-03-05T10:00:00Z',
    });
    git(root, ['add', 'evidence/IN-01/2026-Q1-endpoint-review.md']);
    git(root, ['commit', '-q', '-m', 'Add the Q1 endpoint review'], { GIT_AUTHOR_DATE: '2026-05-01T10:00:00Z', GIT_COMMITTER_DATE: '2026-05-01T10:00:00Z' });
    const withGit = await lint({ root, rules: RULES.filter((rule) => GIT_RULES.includes(rule.meta.id)) });
    expect(withGit.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort()).toEqual([
      'backdated-evidence controls/integrity.yaml:10',
      'changed-since-approval policies/access-control.md:7',
      'untracked-evidence people.yaml:15',
    ]);

    const fired = new Set([...findings, ...withGit.findings].map((f) => f.ruleId));
    expect(RULES.map((r) => r.meta.id).filter((id) => !fired.has(id))).toEqual([]);
  });
});

/** The README's table of a bundled example: one `rule file:line` per row. */
function listedIn(example: string): string[] {
  const readme = readFileSync(join(examples, example, 'README.md'), 'utf8');
  return [...readme.matchAll(/^\| `([a-z-]+)` \| `([^`]+):(\d+)` \|/gm)].map(([, rule, file, line]) => `${rule} ${file}:${line}`);
}

describe.each(['comply-saas', 'custom-fields-saas'])('examples/%s', (example) => {
  it('fires exactly the findings its README lists', async () => {
    const { findings } = await lint({ root: join(examples, example), ruleOverrides: withoutGit });
    expect(activeFindings(findings).map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort()).toEqual(listedIn(example).sort());
    expect(findings.filter((f) => f.suppressedBy)).toEqual([]);
  });
});

describe('examples/comply-saas with git', () => {
  it('finds a document reworded after its newest revision, and not one whose header alone changed', async () => {
    const root = gitRepo([{ date: '2026-03-10', files: {} }]);
    cpSync(join(examples, 'comply-saas'), root, { recursive: true });
    git(root, ['add', '-A']);
    git(root, ['commit', '-q', '-m', 'Import'], { GIT_AUTHOR_DATE: '2026-03-10T10:00:00Z', GIT_COMMITTER_DATE: '2026-03-10T10:00:00Z' });
    const access = join(root, 'policies', 'access.md');
    writeFileSync(access, readFileSync(access, 'utf8').replace('each quarter', 'twice a year'));
    // A headerless document whose header alone changed: its body, split at the first --- line, is the same.
    const incident = join(root, 'policies', 'incident.md');
    writeFileSync(incident, readFileSync(incident, 'utf8').replace('comment: First version', 'comment: First version, approved by the CEO'));
    const at = { GIT_AUTHOR_DATE: '2026-04-01T10:00:00Z', GIT_COMMITTER_DATE: '2026-04-01T10:00:00Z' };
    git(root, ['commit', '-q', '-am', 'Loosen access reviews; reword a revision note'], at);
    const { findings } = await lint({ root, rules: RULES.filter((rule) => rule.meta.id === 'changed-since-approval') });
    expect(findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(['changed-since-approval policies/access.md:10']);
  });
});
