// The CLI as users call it: a table of arguments -> exit code and output, run in-process against real temp repos,
// plus the built bin in a child process to prove `npx soc2lint` works.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { gitRepo } from '../helpers/git.js';
import { makeRepo, policy, type RepoFiles } from '../helpers/repo.js';
import { main } from '../../src/cli/main.js';
import { runCli } from '../helpers/cli.js';
import { CLEAN } from '../helpers/programs.js';

const run = runCli;

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));





const WITH_WARNING: RepoFiles = {
  ...CLEAN,
  'controls/extra.yaml': 'id: X-1\ntitle: Unmapped\nowner: a@x.io\nfrequency: event\nevidence:\n  - url: https://tickets.example/x\n    date: 2026-02-01\n',
};

const WITH_ERROR: RepoFiles = {
  ...CLEAN,
  'policies/access.md': policy('id: POL-AC\ntitle: Access\nstatus: approved\nowner: a@x.io\napproved_by: b@x.io\napproved_on: 2025-06-01\nlast_reviewed: 2025-06-01'),
};

describe('soc2lint CLI', () => {
  let clean: string, warning: string, error: string;
  beforeAll(() => {
    clean = makeRepo(CLEAN);
    warning = makeRepo(WITH_WARNING);
    error = makeRepo(WITH_ERROR);
  });

  it.each<[string, () => [string[], string], number, RegExp]>([
    ['a clean repo exits 0 and prints nothing', () => [[], clean], 0, /^$/],
    ['the folder can be given as an argument', () => [[clean], '/'], 0, /^$/],
    ['a subfolder finds the root upward', () => [['policies'], clean], 0, /^$/],
    ['warnings alone exit 0', () => [[], warning], 0, /unmapped-control/],
    ['--max-warnings 0 turns warnings into exit 1', () => [['--max-warnings', '0'], warning], 1, /unmapped-control/],
    ['--max-warnings 1 allows one warning', () => [['--max-warnings', '1'], warning], 0, /1 problem \(0 errors, 1 warning\)/],
    ['--quiet hides warnings', () => [['--quiet'], warning], 0, /^$/],
    ['an error exits 1', () => [[], error], 1, /stale-review/],
    ['--rule turns a rule off', () => [['--rule', 'stale-review:off'], error], 0, /^$/],
    ['--rule can downgrade to a warning', () => [['--rule', 'stale-review=warn'], error], 0, /warning/],
    ['--now moves the evaluation date', () => [['--now', '2026-05-15'], error], 0, /due for its annual review on 2026-06-01 \(in 17 days\).*review-due-soon/],
    ['a file argument limits findings to that file', () => [['policies/infosec.md'], error], 0, /^$/],
    ['a file argument reports findings in that file', () => [['policies/access.md'], error], 1, /access\.md/],
    ['--format json prints the findings as JSON', () => [['--format', 'json'], error], 1, /"ruleId": "stale-review"/],
    ['--format json prints only what was linted for a clean repo, on the entry of the program folder', () => [['-f', 'json'], clean], 0, /^\[\n  \{\n    "filePath": "\.",\n    "messages": \[\],[^]*"program": \{\n      "policies": 1,\n      "controls": 33,[^]*"scopeFile": "scope\.yaml"\n    \}\n  \}\n\]\n$/],
    ['--help prints usage', () => [['--help'], clean], 0, /Usage: soc2lint/],
    ['--version prints the version', () => [['--version'], clean], 0, /^\d+\.\d+\.\d+\n$/],
  ])('%s', async (_name, setup, expectedCode, stdoutPattern) => {
    const [args, cwd] = setup();
    const result = await run(args, cwd);
    expect(result.code, result.stderr + result.stdout).toBe(expectedCode);
    expect(result.stdout).toMatch(stdoutPattern);
  });

  it.each([
    ['an unknown option', ['--frobnicate'], /Unknown option --frobnicate\.\n/],
    ['an unknown format', ['--format', 'xml'], /Unknown format "xml"/],
    ['a bad --now date', ['--now', '2026-02-30'], /--now must be a calendar date/],
    ['a bad --rule flag', ['--rule', 'stale-review'], /--rule takes rule-id:severity/],
    ['an unknown rule in --rule', ['--rule', 'stale-reviews:off'], /Unknown rule "stale-reviews".*Did you mean "stale-review"/],
    ['a bad --max-warnings', ['--max-warnings', 'many'], /--max-warnings takes a whole number/],
    ['a missing path', ['no/such/folder'], /No such file or folder: no\/such\/folder/],
  ])('exits 2 for %s', async (_name, args, pattern) => {
    const result = await run(args, clean);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr).not.toMatch(/\n\s+at /); // never a stack trace
  });

  it.each([
    ['an unknown rule name', 'rules:\n  stale-reveiw: warn\n', /soc2lint\.config\.yaml:2:3: Unknown rule "stale-reveiw".*Did you mean "stale-review"/],
    ['an unknown key', 'as_of: 2026-07-01\nrulez: {}\n', /soc2lint\.config\.yaml:2:1: Config: unknown field "rulez".*Did you mean "rules"/],
    ['a bad severity', 'rules:\n  stale-review: fatal\n', /soc2lint\.config\.yaml:2:17: .*rules\.stale-review/],
    ['a bad rule option', 'rules:\n  stale-evidence: [error, { grace: -1 }]\n', /soc2lint\.config\.yaml:2:19: Invalid options for rule "stale-evidence": option "grace" must be >= 0/],
    ['an unknown rule option', 'rules:\n  review-due-soon: [warn, { dayz: 10 }]\n', /soc2lint\.config\.yaml:2:20: Invalid options for rule "review-due-soon": unknown option "dayz"/],
    ['options for a rule that takes none', 'rules:\n  missing-owner: [error, { x: 1 }]\n', /soc2lint\.config\.yaml:2:18: Rule "missing-owner" takes no options/],
    ['a bad as_of', 'as_of: 2026-13-01\n', /soc2lint\.config\.yaml:1:8: .*"as_of" must be a calendar date/],
    ['malformed YAML', 'rules:\n  a: [\n', /soc2lint\.config\.yaml:\d+:\d+: YAML syntax error/],
  ])('a config with %s exits 2 naming file, line and key', async (_name, config, pattern) => {
    const repo = makeRepo({ ...CLEAN, 'soc2lint.config.yaml': config });
    const result = await run([], repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(pattern);
    expect(result.stdout).toBe('');
  });

  it('--config uses another config file', async () => {
    const repo = makeRepo({ ...WITH_ERROR, 'ci/soc2lint.yaml': 'as_of: 2026-07-01\nrules:\n  stale-review: off\n  missing-activity: off\n' });
    expect((await run(['--config', 'ci/soc2lint.yaml'], repo)).code).toBe(0);
  });

  it('--output writes the report to a file and nothing to stdout', async () => {
    const repo = makeRepo(WITH_ERROR);
    const result = await run(['--format', 'json', '--output', 'reports/soc2lint.json'], repo);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const report = JSON.parse(readFileSync(join(repo, 'reports/soc2lint.json'), 'utf8'));
    expect(report[0]).toMatchObject({ filePath: 'policies/access.md', errorCount: 1, warningCount: 0 });
    expect(report[0].messages[0]).toMatchObject({ ruleId: 'stale-review', severity: 2, line: 8, column: 16 });
  });

  it('stylish output groups by file, ends lines with the rule id and sums up', async () => {
    const result = await run([], error);
    expect(result.stdout).toBe(
      [
        '',
        'policies/access.md',
        '  8:16  error  Policy POL-AC was last reviewed on 2025-06-01; its annual review (every 12 months) was due on 2026-06-01. Review it and update "last_reviewed:".  stale-review',
        '',
        '✖ 1 problem (1 error, 0 warnings)',
        '  in 2 policies, 33 controls, scope.yaml',
        '',
      ].join('\n'),
    );
  });

  it('colours only when asked or on a terminal, and honours NO_COLOR', async () => {
    expect((await run(['--color'], error)).stdout).toContain('\u001b[31m');
    expect((await run([], error)).stdout).not.toContain('\u001b[');
    let out = '';
    await main([], { stdout: { write: (t: string) => (out += t), isTTY: true }, stderr: { write: () => true }, env: { NO_COLOR: '1' }, cwd: error });
    expect(out).not.toContain('\u001b[');
  });

  it('never writes into the linted repo', async () => {
    const repo = makeRepo(WITH_ERROR);
    const before = execFileSync('find', [repo, '-newer', join(repo, 'soc2lint.config.yaml')], { encoding: 'utf8' });
    await run([], repo);
    expect(execFileSync('find', [repo, '-newer', join(repo, 'soc2lint.config.yaml')], { encoding: 'utf8' })).toBe(before);
  });
});

describe('the built bin', () => {
  const bin = join(projectRoot, 'bin', 'soc2lint.js');
  it.skipIf(!existsSync(join(projectRoot, 'dist', 'src', 'cli', 'main.js')))('runs as a process and sets the exit code', () => {
    const repo = makeRepo(WITH_ERROR);
    const result = spawnSync(process.execPath, [bin, repo, '--format', 'json'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)[0].filePath).toBe('policies/access.md');
    expect(spawnSync(process.execPath, [bin, '--bogus'], { encoding: 'utf8' }).status).toBe(2);
  });
});

describe('configuration: extends, overrides and --print-config', () => {
  /** CLEAN, with an archived policy that has a placeholder, and a config that extends a team file and a preset. */
  const PROGRAM: RepoFiles = {
    ...CLEAN,
    'soc2lint.config.yaml': [
      'extends: [soc2lint:recommended, ./config/team.yaml]',
      'as_of: 2026-07-01',
      'overrides:',
      '  - files: policies/**',
      '    rules: { placeholder-text: error }',
      '  - files: policies/archive/**',
      '    rules: { placeholder-text: off, review-due-soon: off }',
      '',
    ].join('\n'),
    'config/team.yaml': 'rules:\n  missing-activity: off\n  review-due-soon: [warn, { days: 45 }]\n',
    'policies/archive/old.md': policy('id: POL-OLD\ntitle: Old\nstatus: approved\nowner: a@x.io\napproved_by: b@x.io\napproved_on: 2026-01-10\nlast_reviewed: 2026-01-10', 'Owner: TBD.\n'),
  };

  it('--print-config FILE prints the effective settings for that file after extends and overrides', async () => {
    const repo = makeRepo(PROGRAM);
    const current = await run(['--print-config', 'policies/infosec.md'], repo);
    expect(current.code, current.stderr).toBe(0);
    const printed = JSON.parse(current.stdout);
    expect(Object.keys(printed)).toEqual(['file', 'asOf', 'extends', 'rules']);
    expect(printed).toMatchObject({ file: 'policies/infosec.md', asOf: '2026-07-01', extends: ['soc2lint:recommended', 'config/team.yaml'] });
    expect(printed.rules['placeholder-text']).toEqual(['error', { ignore: [] }]);
    expect(printed.rules['review-due-soon']).toEqual(['warn', { days: 45 }]);
    expect(printed.rules['missing-activity']).toEqual(['off']);
    expect(printed.rules['stale-evidence']).toEqual(['error', { grace: 0, days: 7, continuous_every: 'quarterly' }]);
    const { RULES } = await import('../../rules/index.js');
    expect(Object.keys(printed.rules)).toEqual(RULES.map((rule) => rule.meta.id));

    // The file is taken relative to the working folder, and shown relative to the root.
    const archived = JSON.parse((await run(['--print-config', 'archive/old.md'], join(repo, 'policies'))).stdout);
    expect(archived.file).toBe('policies/archive/old.md');
    expect(archived.rules['placeholder-text']).toEqual(['off']);
    expect(archived.rules['review-due-soon']).toEqual(['off']);
    // --rule flags win over overrides.
    const flagged = JSON.parse((await run(['--print-config', 'policies/archive/old.md', '--rule', 'placeholder-text:warn'], repo)).stdout);
    expect(flagged.rules['placeholder-text']).toEqual(['warn', { ignore: [] }]);
  });

  it('--print-config with no config file shows the defaults and an empty chain', async () => {
    const repo = makeRepo({ 'scope.yaml': CLEAN['scope.yaml']! });
    const printed = JSON.parse((await run(['--print-config', 'scope.yaml'], repo)).stdout);
    expect(printed).toMatchObject({ file: 'scope.yaml', extends: [] });
    expect(printed).not.toHaveProperty('asOf');
    expect(printed.rules['placeholder-text']).toEqual(['warn', { ignore: [] }]);
  });

  it('overrides set the severity of findings per file in the report and the exit code', async () => {
    const repo = makeRepo(PROGRAM);
    expect((await run([], repo)).code).toBe(0); // the only placeholder is archived, where the rule is off
    const raised = makeRepo({ ...PROGRAM, 'policies/access.md': policy('id: POL-AC\ntitle: Access\nstatus: draft', 'Effective [INSERT DATE].\n') });
    const result = await run([], raised);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/policies\/access\.md\n\s+6:11\s+error\s+Policy POL-AC still contains the template placeholder "\[INSERT DATE\]".*placeholder-text/);
    expect(result.stdout).not.toContain('archive');
  });

  it('--config FILE extends files relative to itself', async () => {
    const repo = makeRepo({ ...WITH_ERROR, 'ci/soc2lint.yaml': 'extends: ./base.yaml\nas_of: 2026-07-01\n', 'ci/base.yaml': 'rules:\n  stale-review: off\n  missing-activity: off\n' });
    const result = await run(['--config', 'ci/soc2lint.yaml'], repo);
    expect(result.code, result.stderr + result.stdout).toBe(0);
  });

  it.each<[string, RepoFiles, RegExp]>([
    [
      'a typo in a rule name in an override',
      { 'soc2lint.config.yaml': 'as_of: 2026-07-01\noverrides:\n  - files: policies/**\n    rules:\n      placeholder-txt: error\n' },
      /^soc2lint: soc2lint\.config\.yaml:5:7: Unknown rule "placeholder-txt" in "overrides\[0\]\.rules"\. Did you mean "placeholder-text"\?/,
    ],
    [
      'a bad option in an extended file',
      { 'soc2lint.config.yaml': 'extends: ./config/team.yaml\n', 'config/team.yaml': '# shared by every team\nrules:\n  review-due-soon: [warn, { days: 0 }]\n' },
      /^soc2lint: config\/team\.yaml:3:20: Invalid options for rule "review-due-soon": option "days" must be >= 1\./,
    ],
    [
      'an unknown top-level key in an extended file',
      { 'soc2lint.config.yaml': 'extends: ./config/team.yaml\n', 'config/team.yaml': 'override:\n  - files: x\n' },
      /^soc2lint: config\/team\.yaml:1:1: Config: unknown field "override"\. Did you mean "overrides"\?/,
    ],
    [
      'an unknown key inside an override',
      { 'soc2lint.config.yaml': 'overrides:\n  - files: policies/**\n    rules: { placeholder-text: error }\n    severity: error\n' },
      /^soc2lint: soc2lint\.config\.yaml:4:5: Config: unknown field "severity" in overrides\[0\]\. Allowed fields: files, excludedFiles, rules\./,
    ],
    [
      'options in an override',
      { 'soc2lint.config.yaml': 'overrides:\n  - files: policies/**\n    rules: { review-due-soon: [warn, { days: 10 }] }\n' },
      /^soc2lint: soc2lint\.config\.yaml:3:38: Options cannot be set in an override/,
    ],
    [
      'an extends cycle',
      { 'soc2lint.config.yaml': 'extends: ./config/a.yaml\n', 'config/a.yaml': 'extends: ../soc2lint.config.yaml\n' },
      /^soc2lint: config\/a\.yaml:1:10: "extends" goes round in a cycle: soc2lint\.config\.yaml → config\/a\.yaml → soc2lint\.config\.yaml\./,
    ],
    [
      'a missing extended file',
      { 'soc2lint.config.yaml': 'as_of: 2026-07-01\nextends: ./config/team.yaml\n' },
      /^soc2lint: soc2lint\.config\.yaml:2:10: The config file "\.\/config\/team\.yaml" named in "extends" does not exist/,
    ],
  ])('exits 2 for %s, naming file, line and key', async (_name, config, pattern) => {
    const repo = makeRepo({ ...CLEAN, ...config });
    for (const args of [[], ['--print-config', 'scope.yaml']]) {
      const result = await run(args, repo);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(pattern);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stdout).toBe('');
    }
  });
});

describe('CI reports through the CLI', () => {
  it('--format github also appends a job summary to GITHUB_STEP_SUMMARY', async () => {
    const repo = makeRepo(WITH_ERROR);
    const summary = join(repo, '..', `summary-${Date.now()}.md`);
    const result = await run(['--format', 'github'], repo, { GITHUB_STEP_SUMMARY: summary });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=policies\/access\.md,line=8,/m);
    expect(readFileSync(summary, 'utf8')).toMatch(/stale-review/);
  });

  it('SARIF paths are relative to the git checkout when the program is a subfolder of it', async () => {
    const checkout = gitRepo([{ date: '2026-06-01', files: Object.fromEntries(Object.entries(WITH_ERROR).map(([path, text]) => [`compliance/${path}`, text])) }]);
    const result = await run(['--format', 'sarif', 'compliance'], checkout);
    const sarif = JSON.parse(result.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri)).toContain('compliance/policies/access.md');
  });
});

describe('command help', () => {
  it.each([['rules'], ['explain'], ['init'], ['criteria']])('soc2lint %s --help prints its usage and exits 0', async (command) => {
    const result = await run([command, '--help'], '/');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`soc2lint ${command}`);
  });
});

describe('--print-config from outside the program', () => {
  it('finds the program the file belongs to', async () => {
    const repo = makeRepo({ ...CLEAN, 'soc2lint.config.yaml': 'as_of: 2026-07-01\nrules:\n  missing-activity: off\n' });
    const result = await run(['--print-config', join(repo, 'policies', 'infosec.md')], '/');
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { file: string; asOf: string; rules: Record<string, unknown[]> };
    expect(printed).toMatchObject({ file: 'policies/infosec.md', asOf: '2026-07-01' });
    expect(printed.rules['missing-activity']).toEqual(['off']);
  });
});
