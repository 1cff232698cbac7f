// Inline directives end to end, on real temporary repos: which findings `soc2lint-disable` comments suppress (exactly
// the rules they name, on exactly the lines they cover) in controls YAML, policy front matter and policy bodies, with
// LF, CRLF and a byte order mark; which comments are not directives at all; and how the JSON report shows them.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import invalidDirective from '../../rules/invalid-directive.js';
import unusedDirective from '../../rules/unused-directive.js';
import { main } from '../../src/cli/main.js';
import type { Finding } from '../../src/engine/finding.js';
import type { AnyRule } from '../../src/engine/rule.js';
import { lint } from '../../src/report/lint.js';
import { frontMatterDirectives, markdownDirectives, yamlDirectives } from '../../src/parse/directives.js';
import { makeRepo, policy, type RepoFiles } from '../helpers/repo.js';

/** Every built-in rule plus the two directive rules, once each (whether or not rules/index.ts registers them yet). */
const ALL: AnyRule[] = [...new Map([...RULES, invalidDirective, unusedDirective].map((rule) => [rule.meta.id, rule])).values()];

const CONFIG = 'as_of: 2026-07-01\nrules:\n  missing-activity: off\n';

/** A monthly control whose only evidence (2026-03-02) is stale on 2026-07-01; `date` is the whole `date:` line. */
const monthly = (id: string, { date = '        date: 2026-03-02', before = '', title = `Monthly review ${id}` } = {}) =>
  `  - id: ${id}\n    title: ${title}\n    owner: it@x.io\n    frequency: monthly\n    criteria: [CC6.2]\n    evidence:\n      - url: https://tickets.example/${id}\n${before}${date}\n`;

/**
 * (a) Controls YAML. Each control takes 8 lines, its `date:` value last (column 15):
 * - AC-07: `disable-line` on its date (line 9): suppressed.
 * - AC-08: `disable-next-line` on a comment line, a blank line and another comment above its date (line 20): suppressed.
 * - AC-09: a `#` in a quoted title and in a block scalar are not comments; the date (line 30) is not suppressed.
 * - AC-10: `disable-line` of another rule on its date (line 38): not suppressed, and that directive is unused.
 * - AC-11: `disable-line` on the line above its date (line 46): not suppressed, and that directive is unused.
 */
const CONTROLS = `controls:\n${[
  monthly('AC-07', { date: '        date: 2026-03-02 # soc2lint-disable-line stale-evidence -- Replaced by AC-12; auditor informed.' }),
  monthly('AC-08', { before: '        # soc2lint-disable-next-line stale-evidence -- Tool migration, see SEC-210.\n\n        # evidence is archived\n' }),
  monthly('AC-09', {
    title: '"Issue #12 -- fixed # soc2lint-disable-line stale-evidence -- in a string"\n    description: |\n      # soc2lint-disable-next-line stale-evidence -- in a block scalar',
  }),
  monthly('AC-10', { date: '        date: 2026-03-02 # soc2lint-disable-line future-date -- Wrong rule.' }),
  monthly('AC-11', { before: '' }).replace('https://tickets.example/AC-11', 'https://tickets.example/AC-11 # soc2lint-disable-line stale-evidence -- Wrong line.'),
].join('')}`;

/**
 * (b) Policy front matter, with the file's own line numbers: the title on line 4 has a placeholder (suppressed by the
 * directive on line 3) and a quoted `#` that is no comment; `last_reviewed` on line 9 is stale (suppressed by its
 * trailing directive).
 */
const FRONT_MATTER = [
  '---',
  'id: POL-AC',
  '# soc2lint-disable-next-line placeholder-text -- Company name filled in at publication.',
  'title: "[COMPANY NAME] Access Policy # soc2lint-disable-line stale-review -- in a string, not a comment"',
  'status: approved',
  'owner: a@x.io',
  'approved_by: b@x.io',
  'approved_on: 2025-01-10',
  'last_reviewed: 2025-01-10 # soc2lint-disable-line stale-review -- Annual review booked for 2026-07-15.',
  '---',
  '# Access Policy',
  '',
  'Text.',
  '',
].join('\n');

/**
 * (c) A policy body with a range: placeholders on lines 11 and 13 are inside it (suppressed), the one on line 16 is
 * after its end; the broken link on line 12 is inside it but of a rule the range does not name.
 */
const BODY = policy(
  'id: POL-IS\ntitle: Information Security\nstatus: approved\nowner: a@x.io\napproved_by: b@x.io\napproved_on: 2026-01-10\nlast_reviewed: 2026-01-10',
  [
    '# Information Security',
    '',
    '<!-- soc2lint-disable placeholder-text -- Template sections to be written for the 2027 program. -->',
    'Owner: [COMPANY NAME] security team.',
    'See [the standard](missing.md).',
    'Review cadence: TBD.',
    '<!-- soc2lint-enable placeholder-text -->',
    '',
    'Contact: TODO.',
    '```',
    '<!-- soc2lint-disable-next-line stale-evidence -- inside a code block, not a directive -->',
    '```',
    '',
  ].join('\n'),
);

const FILES: RepoFiles = {
  'soc2lint.config.yaml': CONFIG,
  'controls/ac.yaml': CONTROLS,
  'policies/access.md': FRONT_MATTER,
  'policies/infosec.md': BODY,
};

const show = (f: Finding) =>
  `${f.ruleId} ${f.file}:${f.line}:${f.column}${f.suppressedBy ? ` suppressed by ${f.suppressedBy.kind} ${f.suppressedBy.file}:${f.suppressedBy.line}` : ''}`;

const RULES_SEEN = ['parse-error', 'schema-violation', 'stale-evidence', 'stale-review', 'placeholder-text', 'broken-link', 'future-date', 'invalid-directive', 'unused-directive'];

async function findings(files: RepoFiles): Promise<Finding[]> {
  return (await lint({ root: makeRepo(files), rules: ALL })).findings.filter((f) => RULES_SEEN.includes(f.ruleId));
}

const VARIANTS: [string, (text: string) => string][] = [
  ['LF', (text) => text],
  ['CRLF', (text) => text.replace(/\n/g, '\r\n')],
  ['a byte order mark', (text) => `\uFEFF${text}`],
  ['CRLF and a byte order mark', (text) => `\uFEFF${text.replace(/\n/g, '\r\n')}`],
];

describe.each(VARIANTS)('directives in files with %s', (_name, encode) => {
  const files = Object.fromEntries(Object.entries(FILES).map(([path, text]) => [path, encode(text as string)]));

  it('suppress exactly the named rule on exactly the covered lines, and are judged unused where they cover nothing', async () => {
    expect((await findings(files)).map(show)).toEqual([
      // (a) controls YAML
      'stale-evidence controls/ac.yaml:9:15 suppressed by directive controls/ac.yaml:9',
      'stale-evidence controls/ac.yaml:20:15 suppressed by directive controls/ac.yaml:17',
      'stale-evidence controls/ac.yaml:30:15',
      'stale-evidence controls/ac.yaml:38:15',
      'unused-directive controls/ac.yaml:38:50',
      'unused-directive controls/ac.yaml:45:68',
      'stale-evidence controls/ac.yaml:46:15',
      // (c) the policy body range
      'placeholder-text policies/infosec.md:13:8 suppressed by directive policies/infosec.md:12',
      'broken-link policies/infosec.md:14:20',
      'placeholder-text policies/infosec.md:15:17 suppressed by directive policies/infosec.md:12',
      'placeholder-text policies/infosec.md:18:10',
      // (b) policy front matter
      'placeholder-text policies/access.md:4:9 suppressed by directive policies/access.md:3',
      'stale-review policies/access.md:9:16 suppressed by directive policies/access.md:9',
    ].sort(byPlace));
  });
});

function byPlace(a: string, b: string): number {
  const place = (s: string) => s.split(' ')[1]!.split(':');
  const [fa, la, ca] = place(a);
  const [fb, lb, cb] = place(b);
  return fa! < fb! ? -1 : fa! > fb! ? 1 : Number(la) - Number(lb) || Number(ca) - Number(cb);
}

describe('what is a directive', () => {
  const lines = (directives: ReturnType<typeof yamlDirectives>) => directives.map((d) => `${d.at.line}:${d.at.column} ${d.keyword} ${d.rules.map((r) => r.id).join(',')}`);

  it('in YAML, only comment tokens: not a # in a quoted or plain string, a block scalar or a URL fragment', () => {
    const text = [
      'title: "Issue #12 -- fixed # soc2lint-disable-line stale-evidence -- quoted"',
      "note: 'single # soc2lint-disable-line stale-evidence -- quoted'",
      'url: https://example.com/page#soc2lint-disable-line',
      'description: |',
      '  # soc2lint-disable-next-line stale-evidence -- block scalar',
      'folded: >-',
      '  text # soc2lint-disable-line stale-evidence -- block scalar',
      'list: [a, b] # soc2lint-disable-line missing-owner -- a real trailing comment',
      '# soc2lint-disable-next-line stale-evidence, future-date -- a real comment line',
      'date: 2026-03-02',
    ].join('\n');
    expect(lines(yamlDirectives(text, 'c.yaml'))).toEqual(['8:14 disable-line missing-owner', '9:1 disable-next-line stale-evidence,future-date']);
  });

  it('in YAML, disable-line covers its own line and disable-next-line the next line with content', () => {
    const text = 'a: 1 # soc2lint-disable-line x-rule -- r\n# soc2lint-disable-next-line y-rule -- r\n\n   \n# a comment\nb:\n  - 2\n';
    expect(yamlDirectives(text, 'c.yaml').map((d) => d.rules[0]!.lines)).toEqual([
      { first: 1, last: 1 },
      { first: 6, last: 6 },
    ]);
  });

  it('in front matter, lines and columns are the policy file\'s own, and the body\'s comments are not read as YAML', () => {
    const text = '---\nid: P-1\ntitle: T   # soc2lint-disable-line placeholder-text -- r\n---\n# soc2lint-disable-line stale-review -- a heading\n';
    expect(lines(frontMatterDirectives(text, 'p.md'))).toEqual(['3:12 disable-line placeholder-text']);
  });

  it('in markdown, only HTML comments that start with the directive, outside fenced code and inline code', () => {
    const body = [
      '<!-- soc2lint-disable-next-line broken-link -- r -->',
      'Write `<!-- soc2lint-disable placeholder-text -- r -->` to suppress.',
      '<!-- see soc2lint-disable in the README -->',
      '~~~md',
      '<!-- soc2lint-disable placeholder-text -- example -->',
      '~~~',
      'Text <!-- soc2lint-disable placeholder-text -- r --> more.',
      '<!--',
      '  soc2lint-enable placeholder-text',
      '-->',
    ].join('\n');
    const directives = markdownDirectives(body, 10, 'p.md');
    expect(lines(directives)).toEqual(['10:1 disable-next-line broken-link', '16:6 disable placeholder-text', '17:1 enable placeholder-text']);
    // The range runs from its own line to the line its enable starts on; next-line covers the line after the comment.
    expect(directives.map((d) => d.rules[0]!.lines)).toEqual([{ first: 11, last: 11 }, { first: 16, last: 17 }, undefined]);
  });

  it('a file that mentions no directive is not lexed for them', () => {
    expect(yamlDirectives('a: "#" # comment\n', 'c.yaml')).toEqual([]);
    expect(markdownDirectives('<!-- a comment -->\n', 1, 'p.md')).toEqual([]);
  });
});

describe('what directives cannot suppress', () => {
  it('a parse error: a file that does not parse has no directives, so none is applied or judged', async () => {
    const files = { 'soc2lint.config.yaml': CONFIG, 'controls/bad.yaml': 'controls:\n  - id: X # soc2lint-disable-line parse-error -- r\n    title: [\n' };
    expect((await findings(files)).map(show)).toEqual(['parse-error controls/bad.yaml:4:1']);
  });

  it('a finding a waiver already suppressed: the waiver is used, the directive is not', async () => {
    const files = {
      ...FILES,
      'waivers.yaml': 'waivers:\n  - rule: stale-evidence\n    target: AC-07\n    reason: Replaced by AC-12.\n    approved_by: ciso@x.io\n    expires: 2026-12-31\n',
    };
    const all = (await lint({ root: makeRepo(files), rules: ALL })).findings;
    const ac07 = all.find((f) => f.ruleId === 'stale-evidence' && f.line === 9)!;
    expect(ac07.suppressedBy).toMatchObject({ kind: 'waiver', file: 'waivers.yaml', line: 2 });
    expect(all.filter((f) => f.ruleId === 'unused-directive' || f.ruleId === 'unused-waiver').map(show)).toContain('unused-directive controls/ac.yaml:9:50');
  });
});

describe('reports', () => {
  async function run(args: string[], cwd: string) {
    let stdout = '';
    let stderr = '';
    const code = await main(args, { stdout: { write: (text: string) => (stdout += text), isTTY: false }, stderr: { write: (text: string) => (stderr += text) }, env: {}, cwd });
    return { code, stdout, stderr };
  }

  it('--format json lists suppressed findings under suppressedMessages, with kind directive, the reason and the place', async () => {
    const result = await run(['--format', 'json'], makeRepo(FILES));
    const report = JSON.parse(result.stdout) as { filePath: string; suppressedMessages: { ruleId: string; line: number; suppressions: unknown[] }[] }[];
    const suppressed = Object.fromEntries(report.map((file) => [file.filePath, file.suppressedMessages.map((m) => ({ ruleId: m.ruleId, line: m.line, suppressions: m.suppressions }))]));
    expect(suppressed['controls/ac.yaml']).toEqual([
      { ruleId: 'stale-evidence', line: 9, suppressions: [{ kind: 'directive', justification: 'Replaced by AC-12; auditor informed.', directive: 'controls/ac.yaml:9' }] },
      { ruleId: 'stale-evidence', line: 20, suppressions: [{ kind: 'directive', justification: 'Tool migration, see SEC-210.', directive: 'controls/ac.yaml:17' }] },
    ]);
    expect(suppressed['policies/access.md']).toEqual([
      { ruleId: 'placeholder-text', line: 4, suppressions: [{ kind: 'directive', justification: 'Company name filled in at publication.', directive: 'policies/access.md:3' }] },
      { ruleId: 'stale-review', line: 9, suppressions: [{ kind: 'directive', justification: 'Annual review booked for 2026-07-15.', directive: 'policies/access.md:9' }] },
    ]);
    expect(suppressed['policies/infosec.md']!.map((m) => `${m.ruleId}:${m.line}`)).toEqual(['placeholder-text:13', 'placeholder-text:15']);
  });

  it('stylish counts what directives suppressed on the summary line', async () => {
    const result = await run([], makeRepo(FILES));
    expect(result.stdout).toMatch(/suppressed by inline directives\)\n  in \d+ polic(y|ies), \d+ controls?, [^\n]*scope\.yaml\n$/);
    expect(result.stdout).toContain(', 6 suppressed by inline directives)');
  });
});
