// Command-line conventions: "did you mean" for mistyped options and commands, colour as FORCE_COLOR and NO_COLOR ask,
// --quiet with --max-warnings, rules as JSON, and one "today" for the whole run, decided by main from its clock.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HELP, parseCliArgs } from '../../src/cli/args.js';
import type { RuleListing } from '../../src/formatters/rules.js';
import type { CoverageReport } from '../../src/report/coverage.js';
import { RULES } from '../../rules/index.js';
import { runCli as run } from '../helpers/cli.js';
import { CLEAN } from '../helpers/programs.js';
import { makeRepo, type RepoFiles } from '../helpers/repo.js';

/** CLEAN, plus a monthly control whose newest evidence is from 2026-05-20: stale-evidence fires from 2026-06-21. */
const STALE: RepoFiles = {
  ...CLEAN,
  'controls/ops.yaml': 'id: OPS-01\ntitle: Patching\nowner: a@x.io\nfrequency: monthly\ncriteria: [CC7.1]\nevidence:\n  - url: https://tickets.example/ops\n    date: 2026-05-20\n',
};

describe('did you mean', () => {
  let repo: string;
  beforeAll(() => {
    repo = makeRepo(CLEAN);
  });

  it.each([
    ['a mistyped option', ['--formt', 'json'], 'soc2lint: Unknown option --formt. Did you mean --format?\n'],
    ['a mistyped option written with =', ['--formt=json'], 'soc2lint: Unknown option --formt. Did you mean --format?\n'],
    ['a mistyped negation', ['--no-colour'], 'soc2lint: Unknown option --no-colour. Did you mean --no-color?\n'],
    ['an option near nothing', ['--frobnicate'], 'soc2lint: Unknown option --frobnicate.\n'],
    ['a mistyped command', ['critera'], 'soc2lint: Unknown command critera. Did you mean criteria?\n'],
    ['a mistyped command with arguments', ['rule', '--format', 'json'], 'soc2lint: Unknown command rule. Did you mean rules?\n'],
    ["a subcommand's mistyped option", ['criteria', '--formt', 'json'], 'soc2lint: criteria: Unknown option --formt. Did you mean --format?\n'],
    ["the rules command's mistyped option", ['rules', '--formats', 'json'], 'soc2lint: rules: Unknown option --formats. Did you mean --format?\n'],
  ])('%s exits 2 with a suggestion', async (_name, args, message) => {
    const result = await run(args, repo);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `${message}Run soc2lint --help for usage.\n` });
  });

  it('lints a folder or file whose name is near a command, when it exists', async () => {
    const parent = makeRepo(Object.fromEntries(Object.entries(STALE).map(([path, text]) => [`rule/${path}`, text])));
    const result = await run(['rule'], parent);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain('rule/controls/ops.yaml');
  });

  it('suggests a command only for the first argument, where commands go', async () => {
    const result = await run(['--quiet', 'critera'], repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^soc2lint: No such file or folder: critera\n/);
  });

  it('leaves a missing path that is near no command as a missing path', async () => {
    expect((await run(['polices/x.md'], repo)).stderr).toMatch(/^soc2lint: No such file or folder: polices\/x\.md\n/);
  });
});

describe('colour', () => {
  let repo: string;
  beforeAll(() => {
    repo = makeRepo(STALE);
  });

  // [flags, environment, standard output is a terminal, coloured]
  it.each<[string[], Record<string, string>, boolean, boolean]>([
    [[], {}, false, false],
    [[], {}, true, true],
    [[], { NO_COLOR: '1' }, true, false],
    [[], { NO_COLOR: '' }, true, true], // empty means unset, as no-color.org says
    [[], { FORCE_COLOR: '1' }, false, true],
    [[], { FORCE_COLOR: '2' }, false, true],
    [[], { FORCE_COLOR: '3' }, false, true],
    [[], { FORCE_COLOR: 'true' }, false, true],
    [[], { FORCE_COLOR: '' }, false, true],
    [[], { FORCE_COLOR: '0' }, true, false],
    [[], { FORCE_COLOR: 'false' }, true, false],
    [[], { FORCE_COLOR: 'sometimes' }, true, true], // not understood: left out of the decision
    [[], { FORCE_COLOR: '1', NO_COLOR: '1' }, false, true], // FORCE_COLOR wins, as in Node.js
    [[], { FORCE_COLOR: '0', NO_COLOR: '' }, true, false],
    [['--color'], { NO_COLOR: '1' }, false, true],
    [['--color'], { FORCE_COLOR: '0' }, false, true],
    [['--no-color'], { FORCE_COLOR: '1' }, true, false],
    [['--no-color'], {}, true, false],
  ])('%j with %j on a terminal: %s → coloured: %s', async (flags, env, isTTY, coloured) => {
    const result = await run([...flags, '--now', '2026-07-01'], repo, env, { isTTY });
    expect(result.code).toBe(1);
    expect(result.stdout.includes('\u001b[')).toBe(coloured);
  });

  it('never colours a report written to a file', async () => {
    const out = join(makeRepo({}), 'report.txt');
    await run(['--color', '--output', out], repo);
    expect(readFileSync(out, 'utf8')).toContain('stale-evidence');
    expect(readFileSync(out, 'utf8')).not.toContain('\u001b[');
  });
});

describe('--quiet and --max-warnings', () => {
  const asWarning = ['--rule', 'stale-evidence:warn'];
  let repo: string;
  beforeAll(() => {
    repo = makeRepo(STALE);
  });

  it('prints the warning without --quiet', async () => {
    expect((await run(asWarning, repo)).stdout).toMatch(/warning .*stale-evidence/);
  });

  it('hides warnings, which still count toward --max-warnings, as in ESLint', async () => {
    const result = await run([...asWarning, '--quiet', '--max-warnings', '0'], repo);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toContain('soc2lint: 1 warning (not shown: --quiet), more than --max-warnings 0.\n');
  });

  it('passes when the hidden warnings are within --max-warnings', async () => {
    const result = await run([...asWarning, '--quiet', '--max-warnings', '1'], repo);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).not.toContain('max-warnings');
  });

  it('with no --max-warnings, hidden warnings exit 0', async () => {
    expect(await run([...asWarning, '--quiet'], repo)).toMatchObject({ code: 0, stdout: '' });
  });
});

describe('soc2lint rules --format json', () => {
  it('gives every rule with its metadata, in registry order', async () => {
    const result = await run(['rules', '--format', 'json'], '/');
    expect(result.code, result.stderr).toBe(0);
    const rules = JSON.parse(result.stdout) as RuleListing[];
    expect(rules.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.meta.id));
    expect(Object.keys(rules.find((rule) => rule.id === 'stale-evidence')!)).toEqual(['id', 'description', 'defaultSeverity', 'options', 'messages', 'url']);
    for (const rule of rules) {
      expect(rule.url).toBe(`https://github.com/soc2lint/soc2lint/blob/main/rules/${rule.id}.md`);
      expect(['error', 'warn']).toContain(rule.defaultSeverity);
    }
  });

  it('gives options with their defaults and schema, and the message IDs with their templates', async () => {
    const rules = JSON.parse((await run(['rules', '-f', 'json'], '/')).stdout) as RuleListing[];
    const staleEvidence = rules.find((rule) => rule.id === 'stale-evidence')!;
    expect(staleEvidence).toMatchObject({
      description: expect.stringContaining('no evidence for the latest calendar interval of its cadence'),
      defaultSeverity: 'error',
      options: {
        defaults: { grace: 0, days: 7, continuous_every: 'quarterly' },
        schema: { type: 'object', additionalProperties: false, properties: { grace: { type: 'integer', minimum: 0, maximum: 366 } } },
      },
    });
    expect(Object.keys(staleEvidence.messages)).toEqual(['stale', 'staleWithGrace', 'dueSoon', 'dueToday']);
    expect(staleEvidence.messages.stale).toContain('{{control}}');
    const withoutOptions = RULES.find((rule) => !rule.meta.options)!.meta.id;
    expect(rules.find((rule) => rule.id === withoutOptions)!.options).toBeNull();
  });

  it('keeps the text list as the default, and as --format text', async () => {
    const text = await run(['rules'], '/');
    expect(text.stdout).toMatch(/^stale-evidence +error {2}An active control with no evidence for the latest calendar interval/m);
    expect(text.stdout).toMatch(new RegExp(`\\n\\n${RULES.length} rules\\. soc2lint explain RULE prints one rule's documentation\\.\\n$`));
    expect((await run(['rules', '--format', 'text'], '/')).stdout).toBe(text.stdout);
  });

  it.each([
    ['an unknown format', ['rules', '--format', 'xml'], 'soc2lint: rules --format is text or json; got "xml".\n'],
    ['an argument', ['rules', 'stale-evidence'], 'soc2lint: rules takes no arguments but --format.\n'],
  ])('exits 2 for %s', async (_name, args, message) => {
    expect(await run(args, '/')).toEqual({ code: 2, stdout: '', stderr: `${message}Run soc2lint --help for usage.\n` });
  });

  it('says so in its help', async () => {
    expect((await run(['rules', '--help'], '/')).stdout).toMatch(/^Usage: soc2lint rules \[--format text\|json\]\n[\s\S]*message IDs/);
  });
});

describe('one today, decided by main', () => {
  /** STALE without as_of: what it judges by is the clock, unless --now says otherwise. */
  const UNPINNED: RepoFiles = { ...STALE, 'soc2lint.config.yaml': 'rules:\n  missing-activity: off\n' };
  const at = (date: string) => ({ now: new Date(`${date}T23:59:59Z`) });
  let repo: string;
  beforeAll(() => {
    repo = makeRepo(UNPINNED);
  });

  it('lint judges by the clock main reads, in UTC', async () => {
    expect((await run([], repo, {}, at('2026-06-30'))).code).toBe(0);
    const later = await run([], repo, {}, at('2026-07-01'));
    expect(later.code).toBe(1);
    expect(later.stdout).toContain('due by 2026-06-30');
  });

  it('--now wins over the clock, and so does as_of', async () => {
    expect((await run(['--now', '2026-06-01'], repo, {}, at('2027-01-01'))).code).toBe(0);
    const pinned = makeRepo(STALE); // as_of: 2026-07-01
    expect((await run([], pinned, {}, at('2026-06-01'))).code).toBe(1);
  });

  it('criteria judges by the same clock', async () => {
    const report = (date: string) => run(['criteria', '--format', 'json'], repo, {}, at(date)).then((result) => JSON.parse(result.stdout) as CoverageReport);
    expect((await report('2026-06-30')).asOf).toBe('2026-06-30');
    const later = await report('2026-07-01');
    expect(later.criteria.find((criterion) => criterion.id === 'CC7.1')!.controls.find((control) => control.id === 'OPS-01')).toMatchObject({ evidence: 'stale', nextEvidenceDue: '2026-06-30' });
  });

  it('init dates the program it writes by the same clock', async () => {
    const dir = makeRepo({}, 'soc2lint-init-');
    expect((await run(['init', dir], '/', {}, at('2024-02-29'))).code).toBe(0);
    expect(readFileSync(join(dir, 'policies/information-security.md'), 'utf8')).toContain('approved_on: 2024-02-29');
  });
});

describe('--help', () => {
  it('lists every option the command line takes', () => {
    const source = readFileSync(new URL('../../src/cli/args.ts', import.meta.url), 'utf8');
    const declared = [...source.slice(source.indexOf('export function parseCliArgs')).matchAll(/^ {6}'?([a-z-]+)'?: \{ type:/gm)].map((match) => match[1]!);
    expect(declared).toEqual(expect.arrayContaining(['format', 'stdin', 'stdin-filename', 'no-color']));
    for (const option of declared) expect(HELP, option).toContain(`--${option}`);
  });

  it('tells how colour is decided and how editors lint unsaved text', () => {
    expect(HELP).toMatch(/FORCE_COLOR[\s\S]*NO_COLOR/);
    expect(HELP).toContain('soc2lint [options] --stdin --stdin-filename PATH');
    expect(HELP).toContain('soc2lint rules [--format text|json]');
  });

  it('parses the new flags', () => {
    expect(parseCliArgs(['--stdin', '--stdin-filename', 'controls/a.yaml'])).toMatchObject({ command: 'lint', stdinFilename: 'controls/a.yaml', targets: [] });
  });
});
