// Every rule page's example runs, as ESLint checks its rule examples (tools/check-rule-examples.js): the files of
// "### Invalid" give exactly the findings of the rule that the page shows, and the files of "### Valid" give none.
// The page convention is in ./rule-page.ts. Git examples (committed files) run in real git repos with real dates.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/finding.js';
import type { AnyRule } from '../../src/engine/rule.js';
import { RULES } from '../../rules/index.js';
import { gitRepo, type Commit } from '../helpers/git.js';
import { makeRepo, writeFiles, type RepoFiles } from '../helpers/repo.js';
import { runRuleIn } from '../helpers/rule-tester.js';
import { readRuleExamples, stylishFindings, type Example, type ExampleFile } from './rule-page.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

const readsGit = (rule: AnyRule) => rule.meta.reads.some((part) => part === 'git-index' || part === 'git-history');

/** The example's files on disk: a plain folder, or a git repo when some of its files are committed. */
function writeExample(files: readonly ExampleFile[]): string {
  if (!files.some((file) => file.commit)) {
    const root = makeRepo({});
    for (const file of files) writeFiles(root, { [file.path]: file.content });
    return root;
  }
  const commits: Commit[] = [];
  for (const file of files.filter((file) => file.commit)) {
    const { date, message } = file.commit!;
    const last = commits.at(-1);
    if (last && last.date === date && last.message === message) last.files[file.path] = file.content;
    else commits.push({ date, files: { [file.path]: file.content }, ...(message !== undefined ? { message } : {}) });
  }
  // An uncommitted file is what is on disk, unless a later file of the example writes the same path.
  const uncommitted: RepoFiles = {};
  files.forEach((file, i) => {
    if (!file.commit && !files.slice(i + 1).some((later) => later.path === file.path)) uncommitted[file.path] = file.content;
  });
  return gitRepo(commits, uncommitted);
}

/** Lint the example with every rule on, as `soc2lint --now <as of>` would, and keep the findings of `rule` that count. */
async function findingsOf(rule: AnyRule, example: Example): Promise<Finding[]> {
  const alongside = RULES.filter((other) => other !== rule && !readsGit(other));
  const findings = await runRuleIn(rule, writeExample(example.files), { asOf: example.asOf, alongside });
  return findings.filter((finding) => !finding.suppressedBy);
}

/** A finding as the page shows it; commit hashes differ in every repo the test builds, so they are left out. */
function shown(finding: { file: string; line: number; column: number; message: string }): string {
  return `${finding.file}:${finding.line}:${finding.column} ${finding.message.replace(/\bcommit [0-9a-f]{7,40}\b/g, 'commit <hash>')}`;
}

describe.each(RULES.map((rule) => [rule.meta.id, rule] as const))('the example on rules/%s.md', (id, rule) => {
  const page = `rules/${id}.md`;
  // Read in each test, so a page that breaks the convention fails its own tests and no others.
  const examples = () => readRuleExamples(page, readFileSync(join(root, page), 'utf8'));

  it('Invalid: gives exactly the findings of the rule that its output shows', async () => {
    const { invalid } = examples();
    const expected = invalid.shown.filter((finding) => finding.ruleId === id);
    expect(expected.length, `${page}: the Invalid output shows no ${id} finding`).toBeGreaterThan(0);
    for (const finding of expected) expect(finding.severity, `${page}: ${shown(finding)}`).toBe(rule.meta.defaultSeverity === 'warn' ? 'warning' : 'error');
    const actual = await findingsOf(rule, invalid);
    expect(actual.map(shown), `${page}: the findings of the Invalid files, against the output the page shows`).toEqual(expected.map(shown));
  });

  it("Invalid: gives the other rules' findings that its output shows too", async () => {
    // The files of an example are not a whole program, so other rules find more than a page shows: only what is shown is checked.
    const { invalid } = examples();
    for (const otherId of new Set(invalid.shown.map((finding) => finding.ruleId).filter((ruleId) => ruleId !== id))) {
      const other = RULES.find((candidate) => candidate.meta.id === otherId);
      expect(other, `${page} shows a finding of "${otherId}", which is not a rule`).toBeDefined();
      const actual = (await findingsOf(other!, invalid)).map(shown);
      for (const finding of invalid.shown.filter((candidate) => candidate.ruleId === otherId)) expect(actual, `${page} shows ${shown(finding)}`).toContain(shown(finding));
    }
  });

  it('Valid: gives no finding of the rule', async () => {
    const actual = await findingsOf(rule, examples().valid);
    expect(actual.map(shown), `${page}: the Valid files`).toEqual([]);
  });
});

describe('the rule page template, rules/_template.md', () => {
  it('has the headings of a rule page, in order, and an example written the way the test reads it', () => {
    const text = readFileSync(join(root, 'rules', '_template.md'), 'utf8');
    const headings = ['## What it finds', '## Why auditors care', '## How to fix', '## Options', '## Example', '### Invalid', '### Valid'];
    const positions = headings.map((heading) => text.indexOf(`\n${heading}\n`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const { invalid, valid } = readRuleExamples('rules/_template.md', text);
    expect(invalid.files.map((file) => file.path)).toEqual(['controls/access.yaml']);
    expect(valid.files.length).toBe(2);
  });
});

describe('reading a rule page example', () => {
  const page = [
    '# sample-rule',
    '',
    '## Example',
    '',
    '### Invalid',
    '',
    '`controls/a.yaml`, linted as of 2026-07-01:',
    '',
    '```yaml',
    'id: A',
    '```',
    '',
    '`policies/p.md`, committed on 2026-01-02 with the message "Add the policy":',
    '',
    '```markdown',
    '---',
    'id: P',
    '---',
    '```',
    '',
    '```text',
    'controls/a.yaml',
    '  1:5  error  Something is wrong.  sample-rule',
    '',
    '✖ 1 problem (1 error, 0 warnings)',
    '```',
    '',
    '### Valid',
    '',
    '`controls/a.yaml`:',
    '',
    '```yaml',
    'id: B',
    '```',
    '',
  ].join('\n');

  it('takes files from code blocks led by their path, output from the others, and the date from "as of"', () => {
    const { invalid, valid } = readRuleExamples('sample.md', page);
    expect(invalid).toEqual({
      asOf: '2026-07-01',
      files: [
        { path: 'controls/a.yaml', content: 'id: A\n' },
        { path: 'policies/p.md', content: '---\nid: P\n---\n', commit: { date: '2026-01-02', message: 'Add the policy' } },
      ],
      shown: [{ file: 'controls/a.yaml', line: 1, column: 5, severity: 'error', message: 'Something is wrong.', ruleId: 'sample-rule' }],
    });
    expect(valid.asOf).toBe('2026-07-01');
    expect(valid.files.map((file) => `${file.path}: ${file.content.trim()}`)).toEqual(['controls/a.yaml: id: A', 'policies/p.md: ---\nid: P\n---', 'controls/a.yaml: id: B']);
  });

  it('refuses a page without the sub-sections or without a date, naming the page', () => {
    expect(() => readRuleExamples('sample.md', page.replace('### Valid', '### Fixed'))).toThrow('sample.md: "## Example" needs a "### Invalid" and a "### Valid"');
    expect(() => readRuleExamples('sample.md', page.replace('linted as of 2026-07-01', 'linted today'))).toThrow('does not say the date');
  });

  it('reads stylish output, with the file above its findings', () => {
    expect(stylishFindings('a.yaml\n  2:9   warning  One  two.  some-rule\n\nb.md\n  10:1  error  Three.  other-rule\n').map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message} ${f.ruleId}`)).toEqual([
      'a.yaml:2:9 warning One  two. some-rule',
      'b.md:10:1 error Three. other-rule',
    ]);
  });
});
