// `soc2lint init`: the scaffold lints clean with every rule on, today and on awkward dates; its dates are real (time
// makes findings appear); it never overwrites; inside git it is clean once committed; and its editor settings give
// each YAML file the schema it passes. Real folders, real git.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { Ajv } from 'ajv';
import { minimatch } from 'minimatch';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readTemplates, scaffold } from '../../src/cli/commands/init.js';
import { addDays, todayUtc } from '../../src/core/dates.js';
import { packageRoot } from '../../src/core/package-root.js';
import { DEFAULT_OWNER, planInit, renderTemplate } from '../../src/report/init-plan.js';
import { git } from '../helpers/git.js';
import { makeRepo } from '../helpers/repo.js';
import { runCli } from '../helpers/cli.js';

const run = (args: string[], cwd = '/', env: Record<string, string | undefined> = {}) => runCli(args, cwd, env);

const addFormats = createRequire(import.meta.url)('ajv-formats') as typeof import('ajv-formats').default;

/** Every file init writes, in the order it lists them. */
const initFiles = () => planInit(readTemplates(), { today: '2026-01-01', owner: DEFAULT_OWNER }).map(({ file }) => file);

/** The rule IDs of every finding, from the JSON report. */
async function ruleIds(args: string[]): Promise<string[]> {
  const { stdout } = await run([...args, '--format', 'json']);
  const files = JSON.parse(stdout) as { messages: { ruleId: string }[] }[];
  return files.flatMap((file) => file.messages.map((message) => message.ruleId)).sort();
}

function snapshot(dir: string): Map<string, { text: string; mtime: number }> {
  return new Map(initFiles().map((file) => [file, { text: readFileSync(join(dir, file), 'utf8'), mtime: statSync(join(dir, file)).mtimeMs }]));
}

function initGitRepo(): string {
  const root = makeRepo({}, 'soc2lint-init-git-');
  git(root, ['init', '-q', '-b', 'main']);
  git(root, ['config', 'user.name', 'Test']);
  git(root, ['config', 'user.email', 'test@example.com']);
  git(root, ['config', 'commit.gpgsign', 'false']);
  return root;
}

describe('soc2lint init', () => {
  it('scaffolds every template into an empty folder, and the program lints clean today with every rule on', async () => {
    const dir = makeRepo({}, 'soc2lint-init-');
    const init = await run(['init', dir]);
    expect(init.code).toBe(0);
    expect(init.stderr).toBe('');
    expect(init.stdout).toMatch(/^Created 35 files in /);
    for (const file of initFiles()) expect(init.stdout).toContain(`\n  ${file}\n`);
    expect(init.stdout).toMatch(/Next steps:[\s\S]*npx soc2lint [\s\S]*git init && git add \. && git commit/);
    for (const file of initFiles()) expect(readFileSync(join(dir, file), 'utf8')).not.toContain('${');
    expect(readFileSync(join(dir, 'people.yaml'), 'utf8')).toContain(`id: ${DEFAULT_OWNER}`);

    // No --now and no as_of: checked against today. Outside git, only the git rules are skipped (and said so).
    const lint = await run([dir]);
    expect(lint).toMatchObject({ code: 0, stdout: '' });
    expect(lint.stderr).toMatch(/skipped .*untracked-evidence.*not in a git repository/);
  });

  it('writes real dates: findings appear as time passes', async () => {
    const dir = makeRepo({}, 'soc2lint-init-');
    expect((await run(['init', dir])).code).toBe(0);
    const today = todayUtc();
    // 300 days on, the quarterly controls have gone stale, and nothing else has fallen due yet.
    expect(await ruleIds([dir, '--now', addDays(today, 300)])).toEqual(Array(4).fill('stale-evidence'));
    // Past a year: the policy, scope and vendor reviews, the vendor's report and the owner's training are all due.
    const later = new Set(await ruleIds([dir, '--now', addDays(today, 400)]));
    expect([...later].sort()).toEqual(['stale-evidence', 'stale-review', 'training-overdue', 'vendor-assurance']);
  });

  // Every date is computed from the day init runs: month ends, a leap day and the turn of a year must all work.
  it.each(['2024-02-29', '2026-03-31', '2026-01-01', '2026-12-31', '2027-05-31'])('a program started on %s lints clean that day', async (today) => {
    const dir = makeRepo({}, 'soc2lint-init-');
    const result = scaffold(dir, { today, owner: 'jane@acme.example' });
    expect(result).toEqual({ created: initFiles(), skipped: [], failed: [] });
    expect(await run([dir, '--now', today])).toMatchObject({ code: 0, stdout: '' });
  });

  it('dates the vendor report two months back, month-end safe', () => {
    const dir = makeRepo({}, 'soc2lint-init-');
    scaffold(dir, { today: '2026-04-30', owner: 'jane@acme.example' });
    expect(readFileSync(join(dir, 'vendors/vendors.yaml'), 'utf8')).toMatch(/period_end: 2026-02-28\n/);
  });

  it('uses --owner everywhere an owner is written', async () => {
    const dir = makeRepo({}, 'soc2lint-init-');
    expect((await run(['init', dir, '--owner', 'jane.doe+sec@acme.example'])).code).toBe(0);
    for (const file of ['people.yaml', 'scope.yaml', 'controls/access.yaml', 'policies/information-security.md', 'training/security-awareness.csv']) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text).toContain('jane.doe+sec@acme.example');
      expect(text).not.toContain(DEFAULT_OWNER);
    }
    expect(await run([dir])).toMatchObject({ code: 0, stdout: '' });
  });

  it('run twice, creates nothing the second time and changes nothing', async () => {
    const dir = makeRepo({}, 'soc2lint-init-');
    await run(['init', dir]);
    const before = snapshot(dir);
    const again = await run(['init', dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`Nothing to do: all 35 files init writes already exist in ${dir.slice(1)}; none was changed.\n`);
    expect(snapshot(dir)).toEqual(before);
  });

  it('keeps a file that is already there, and says so', async () => {
    const mine = 'categories: [security, availability]\nowner: me@acme.example\nlast_reviewed: 2026-01-05\n';
    const dir = makeRepo({ 'scope.yaml': mine }, 'soc2lint-init-');
    const { code, stdout } = await run(['init', dir]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Created 34 files in /);
    expect(stdout).toContain('Kept 1 existing file, not overwritten:\n  scope.yaml\n');
    expect(stdout).not.toMatch(/\n {2}scope\.yaml\n[\s\S]*Kept/); // not listed as created
    expect(readFileSync(join(dir, 'scope.yaml'), 'utf8')).toBe(mine);
  });

  it('creates a missing folder, with its parents', async () => {
    const base = makeRepo({}, 'soc2lint-init-');
    const { code } = await run(['init', 'compliance/soc2'], base);
    expect(code).toBe(0);
    expect(existsSync(join(base, 'compliance/soc2/scope.yaml'))).toBe(true);
  });

  it('writes what it can and exits 2 when something is in the way', async () => {
    const dir = makeRepo({ controls: 'a file where the controls folder goes\n' }, 'soc2lint-init-');
    const { code, stdout, stderr } = await run(['init', dir]);
    expect(code).toBe(2);
    expect(stdout).toMatch(/^Created 27 files in /);
    expect(stderr).toContain(`soc2lint: could not write ${dir.slice(1)}/controls/access.yaml: a file is in the way of its folder.\n`);
    expect(readFileSync(join(dir, 'controls'), 'utf8')).toBe('a file where the controls folder goes\n');
  });

  it.each([
    ['a file as DIR', (dir: string) => ['init', join(dir, 'scope.yaml')], /init writes into a folder, but .*scope\.yaml is a file/],
    ['two folders', () => ['init', 'a', 'b'], /init takes one folder/],
    ['an owner that is not an e-mail address', () => ['init', '--owner', 'security team'], /--owner takes the program owner's e-mail address/],
    ['an owner with characters YAML would read specially', () => ['init', '--owner', "o'brien@acme.example"], /--owner takes/],
    ['an unknown option', () => ['init', '--force'], /init: Unknown option '--force'/],
  ])('exits 2 for %s', async (_name, args, message) => {
    const dir = makeRepo({ 'scope.yaml': 'categories: [security]\n' }, 'soc2lint-init-');
    const { code, stdout, stderr } = await run(args(dir), dir);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(readFileSync(join(dir, 'scope.yaml'), 'utf8')).toBe('categories: [security]\n');
  });

  it('inside a git repo: evidence warns as untracked until committed, then the program is clean', async () => {
    const repo = initGitRepo();
    const { stdout } = await run(['init', 'compliance'], repo);
    expect(stdout).toContain('3. Commit it: git add compliance && git commit');
    const dir = join(repo, 'compliance');
    expect(await ruleIds([dir])).toEqual(Array(16).fill('untracked-evidence'));
    expect((await run([dir])).code).toBe(0); // warnings only

    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'Start the SOC 2 program']);
    // Clean, and no rule skipped: the git rules ran (changed-since-approval included, on the fresh history).
    expect(await run([dir])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('prints its usage with --help, and writes nothing', async () => {
    const dir = makeRepo({}, 'soc2lint-init-');
    const { code, stdout } = await run(['init', '--help'], dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: soc2lint init \[DIR\] \[--owner EMAIL\]\n[\s\S]*never overwritten/);
    expect(existsSync(join(dir, 'scope.yaml'))).toBe(false);
  });

  it('fails loudly on a template marker it does not fill in, before writing anything', () => {
    expect(() => renderTemplate('owner: ${owner}\nname: ${nmae}\n', { owner: 'a@b.io' }, 'people.yaml')).toThrow('template people.yaml uses ${nmae}, which init does not fill in');
    expect(renderTemplate('owner: ${owner}\n', { owner: 'a@b.io' }, 'x')).toBe('owner: a@b.io\n');
  });

  it('never follows a symlink at a target path', async () => {
    const outside = makeRepo({}, 'soc2lint-init-outside-');
    const dir = makeRepo({}, 'soc2lint-init-');
    mkdirSync(join(dir, 'vendors'));
    symlinkSync(join(outside, 'vendors.yaml'), join(dir, 'vendors/vendors.yaml')); // dangling: points at nothing yet
    const { code, stderr } = await run(['init', dir]);
    expect(code).toBe(2);
    expect(stderr).toContain('vendors/vendors.yaml: a symlink that leads nowhere is in the way.');
    expect(existsSync(join(outside, 'vendors.yaml'))).toBe(false);
  });
});

describe('the editor settings init writes', () => {
  const plan = planInit(readTemplates(), { today: '2026-01-01', owner: DEFAULT_OWNER });
  const settings = JSON.parse(plan.find(({ file }) => file === '.vscode/settings.json')!.text) as { 'yaml.schemas': Record<string, string[]> };
  const schemas = settings['yaml.schemas'];

  it('map the schemas of the installed package for the YAML extension, one entry per YAML file kind and the config', () => {
    expect(schemas).toEqual({
      './node_modules/soc2lint/schemas/control.schema.json': ['controls/**/*.yaml', 'controls/**/*.yml'],
      './node_modules/soc2lint/schemas/scope.schema.json': ['scope.yaml', 'scope.yml'],
      './node_modules/soc2lint/schemas/vendor.schema.json': ['vendors/**/*.yaml', 'vendors/**/*.yml'],
      './node_modules/soc2lint/schemas/people.schema.json': ['people.yaml', 'people.yml'],
      './node_modules/soc2lint/schemas/training.schema.json': ['training/**/*.yaml', 'training/**/*.yml'],
      './node_modules/soc2lint/schemas/acknowledgment.schema.json': ['acknowledgments/**/*.yaml', 'acknowledgments/**/*.yml'],
      './node_modules/soc2lint/schemas/waivers.schema.json': ['waivers.yaml', 'waivers.yml'],
      './node_modules/soc2lint/schemas/config.schema.json': ['soc2lint.config.yaml'],
    });
    for (const path of Object.keys(schemas)) expect(existsSync(join(packageRoot, 'schemas', basename(path))), path).toBe(true);
  });

  // yaml-language-server matches a pattern anywhere below the workspace (it puts **/ before it).
  const schemaFor = (file: string) => Object.keys(schemas).filter((path) => schemas[path]!.some((glob) => minimatch(file, `**/${glob}`)));

  it('give every YAML file init writes exactly one schema, and the file is valid against it', () => {
    const ajv = new Ajv({ strict: true, strictRequired: false, allowUnionTypes: true });
    addFormats(ajv);
    for (const file of readdirSync(join(packageRoot, 'schemas'))) ajv.addSchema(JSON.parse(readFileSync(join(packageRoot, 'schemas', file), 'utf8')));
    const yamlFiles = plan.filter(({ file }) => /\.ya?ml$/.test(file));
    expect(yamlFiles.length).toBeGreaterThan(10);
    for (const { file, text } of yamlFiles) {
      const matched = schemaFor(file);
      expect(matched, file).toHaveLength(1);
      const validate = ajv.getSchema(`https://soc2lint.dev/schemas/${basename(matched[0]!)}`)!;
      const value: unknown = parse(text) ?? {}; // a file of comments only (the config) is an empty mapping, as soc2lint reads it
      expect(validate(value), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('are never written over settings already there', async () => {
    const mine = '{ "editor.tabSize": 2 }\n';
    const dir = makeRepo({ '.vscode/settings.json': mine }, 'soc2lint-init-');
    const { code, stdout } = await run(['init', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain('Kept 1 existing file, not overwritten:\n  .vscode/settings.json\n');
    expect(stdout).not.toContain('5. Check YAML as you type');
    expect(readFileSync(join(dir, '.vscode/settings.json'), 'utf8')).toBe(mine);
  });

  it('are explained in the next steps when written', async () => {
    const { stdout } = await run(['init', makeRepo({}, 'soc2lint-init-')]);
    expect(stdout).toContain('5. Check YAML as you type: .vscode/settings.json points VS Code\'s YAML extension at node_modules/soc2lint/schemas;');
  });

  it('come from a pure plan: the same templates, owner and day give the same files', () => {
    expect(planInit(readTemplates(), { today: '2026-01-01', owner: DEFAULT_OWNER })).toEqual(plan);
    expect(planInit([], { today: '2026-01-01', owner: DEFAULT_OWNER }).map(({ file }) => file)).toEqual(['.vscode/settings.json']);
  });
});

