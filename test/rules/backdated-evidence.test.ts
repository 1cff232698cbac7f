// backdated-evidence reads git history, so its cases are real repositories with real commit dates.
import { describe, expect, it } from 'vitest';
import rule from '../../rules/backdated-evidence.js';
import type { Finding } from '../../src/engine/finding.js';
import { gitRepo, shallowClone } from '../helpers/git.js';
import { runRuleIn } from '../helpers/rule-tester.js';
import { lint } from '../../src/report/lint.js';

/** A control citing [path, date] pairs; the `date` value of entry i is on line 7 + 2i, column 11. */
const control = (entries: [string, string][]) =>
  `id: C-AR\ntitle: Access review\nowner: a@x.io\nfrequency: quarterly\nevidence:\n${entries.map(([path, date]) => `  - path: ${path}\n    date: ${date}\n`).join('')}`;
const show = (f: Finding) => `${f.file}:${f.line}:${f.column} ${f.messageId} ${JSON.stringify(f.data)}`;

describe('backdated-evidence', () => {
  it('evidence committed within 30 days of its date is fine, and exactly 30 days is still fine', async () => {
    const root = gitRepo([
      { date: '2026-03-25', files: { 'evidence/q1.md': 'Q1 review\n' } },
      { date: '2026-07-24', files: { 'evidence/q2.md': 'Q2 review\n', 'controls/ar.yaml': control([['evidence/q1.md', '2026-03-20'], ['evidence/q2.md', '2026-06-24']]) } },
    ]);
    expect((await runRuleIn(rule, root)).map(show)).toEqual([]);
  });

  it('reports a file first committed more than 30 days after the date it claims, at that date', async () => {
    const root = gitRepo([
      { date: '2026-03-25', files: { 'evidence/q1.md': 'Q1 review\n' } },
      { date: '2026-06-21', files: { 'evidence/q1-signoff.md': 'Signed off\n', 'controls/ar.yaml': control([['evidence/q1.md', '2026-03-20'], ['evidence/q1-signoff.md', '2026-03-21']]) } },
    ]);
    const findings = await runRuleIn(rule, root);
    expect(findings.map(show)).toEqual([
      `controls/ar.yaml:9:11 backdated ${JSON.stringify({ control: 'C-AR', path: 'evidence/q1-signoff.md', date: '2026-03-21', committed: '2026-06-21', days: 92, max: 30 })}`,
    ]);
    expect(findings[0]!.message).toBe(
      'Control C-AR: "evidence/q1-signoff.md" is dated 2026-03-21, but it was first committed on 2026-06-21, 92 days later (more than 30). If it was written after the fact, say so in a note and date it when it was made; if it was kept elsewhere first, keep the original export with its own date.',
    );
  });

  it('judges the first commit, not a later edit, and follows the days option', async () => {
    const root = gitRepo([
      { date: '2026-02-10', files: { 'evidence/jan.md': 'January\n' } },
      { date: '2026-06-01', files: { 'evidence/jan.md': 'January, with a typo fixed\n', 'controls/ar.yaml': control([['./evidence/jan.md', '2026-01-31']]) } },
    ]);
    expect((await runRuleIn(rule, root)).map(show)).toEqual([]);
    expect((await runRuleIn(rule, root, { options: { days: 7 } })).map((f) => f.data.days)).toEqual([10]);
  });

  it('uses the committer date in its own time zone, not the machine\'s', async () => {
    const root = gitRepo([
      { date: '2026-04-30T23:30:00-10:00', files: { 'evidence/q1.md': 'Q1\n', 'controls/ar.yaml': control([['evidence/q1.md', '2026-03-31']]) } },
    ]);
    // 2026-04-30 in the committer's zone is 30 days after 2026-03-31 (in UTC it is already 2026-05-01).
    expect((await runRuleIn(rule, root)).map(show)).toEqual([]);
  });

  it('leaves uncommitted files to untracked-evidence', async () => {
    const root = gitRepo([{ date: '2026-06-01', files: { 'controls/ar.yaml': control([['evidence/new.md', '2026-01-10']]) } }], { 'evidence/new.md': 'new\n' });
    expect(await runRuleIn(rule, root)).toEqual([]);
  });

  it('is skipped, and says why, in a shallow clone', async () => {
    const source = gitRepo([
      { date: '2026-01-05', files: { 'evidence/q1.md': 'Q1\n' } },
      { date: '2026-06-01', files: { 'controls/ar.yaml': control([['evidence/q1.md', '2025-01-10']]) } },
    ]);
    const result = await lint({ root: shallowClone(source), now: '2026-07-01', rules: [rule] });
    expect(result.findings).toEqual([]);
    expect(result.notices).toEqual(['skipped backdated-evidence: this is a shallow clone, so the history is incomplete (in GitHub Actions, check out with fetch-depth: 0).']);
  });
});
