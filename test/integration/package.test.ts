// The package as npm builds it and pre-commit and the GitHub Action install it: `npm pack` of a checkout, `npm install
// -g` of the tarball into a temp prefix, the action's install step, and the installed bin linting the examples from
// elsewhere on disk.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeRepo } from '../helpers/repo.js';
import { projectRoot, projectSnapshot } from './program.js';

const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };

/** No npm variables leaking in from `npm test`: each npm command here reads only its own folder's config. */
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== 'INIT_CWD'));

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the npm package', () => {
  let packed: { status: number | null; stdout: string; stderr: string };
  let tarball: string;
  let prefix: string;
  let installed: { status: number | null; stdout: string; stderr: string };

  beforeAll(() => {
    const { repo: checkout } = projectSnapshot();
    // The build needs the dev dependencies; link this project's instead of downloading them again.
    symlinkSync(join(projectRoot, 'node_modules'), join(checkout, 'node_modules'), 'dir');
    const destination = makeRepo({}, 'soc2lint-pack-');
    packed = run('npm', ['pack', '--pack-destination', destination], checkout);
    expect(packed.status, packed.stderr).toBe(0);
    tarball = join(destination, readdirSync(destination).find((name) => name.endsWith('.tgz'))!);
    prefix = makeRepo({}, 'soc2lint-prefix-');
    // As pre-commit does it (into its own prefix); the registry or npm's cache provides the dependencies.
    installed = run('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', tarball], prefix);
  }, 240_000);

  it('npm pack prints only the tarball name on standard output, which pre-commit reads as the file to install', () => {
    // The prepare script (the build) runs during npm pack; its output must not land on stdout. The project's .npmrc
    // (foreground-scripts=false) keeps lifecycle output off it.
    expect(packed.stdout.trim()).toBe(`soc2lint-${version}.tgz`);
  });

  it('ships the compiled code, the precompiled schemas, the schemas and the rule docs, not the sources', () => {
    const listing = run('tar', ['-tzf', tarball], projectRoot);
    expect(listing.status, listing.stderr).toBe(0);
    const files = new Set(listing.stdout.split('\n').filter(Boolean));
    for (const file of ['bin/soc2lint.js', 'dist/src/cli/main.js', 'dist/rules/index.js', 'dist/validators.cjs', 'schemas/control.schema.json', 'rules/stale-review.md', 'package.json', 'README.md', 'LICENSE']) {
      expect(files, file).toContain(`package/${file}`);
    }
    expect([...files].filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
    // `soc2lint init` copies its templates from the package folder.
    if (existsSync(join(projectRoot, 'templates'))) expect([...files].some((file) => file.startsWith('package/templates/'))).toBe(true);
  });

  it('installs globally, and the installed bin lints from anywhere', () => {
    expect(installed.status, installed.stderr).toBe(0);
    const bin = join(prefix, 'bin', 'soc2lint');
    const elsewhere = makeRepo({});

    expect(run(bin, ['--version'], elsewhere).stdout).toBe(`${version}\n`);
    const healthy = run(bin, [join(projectRoot, 'examples', 'acme-saas')], elsewhere);
    expect(healthy.status, healthy.stdout + healthy.stderr).toBe(0);
    const broken = run(bin, [join(projectRoot, 'examples', 'broken-saas'), '--format', 'json'], elsewhere);
    expect(broken.status, broken.stderr).toBe(1);
    expect(JSON.parse(broken.stdout).length).toBeGreaterThan(0);
    const explained = run(bin, ['explain', 'stale-review'], elsewhere); // reads rules/*.md from the package folder
    expect(explained.stdout).toMatch(/^# stale-review\n/);
  });

  it.skipIf(!existsSync(join(projectRoot, 'templates')))('the installed bin scaffolds a program with init, from the templates it ships', () => {
    expect(installed.status, installed.stderr).toBe(0);
    const bin = join(prefix, 'bin', 'soc2lint');
    const folder = join(makeRepo({}), 'compliance');
    const scaffolded = run(bin, ['init', folder], prefix);
    expect(scaffolded.status, scaffolded.stderr).toBe(0);
    const linted = run(bin, [folder], prefix);
    expect(linted.status, linted.stdout + linted.stderr).toBe(0);
  });

  it('installs as the GitHub Action installs it: the tarball, nothing built, no development dependencies', () => {
    const { runs } = parse(readFileSync(join(projectRoot, 'action.yml'), 'utf8')) as { runs: { steps: Array<{ id?: string; run?: string }> } };
    const script = runs.steps.find((step) => step.id === 'install')!.run!;
    const runnerTemp = makeRepo({}, 'soc2lint-runner-temp-');
    const outputs = join(runnerTemp, 'github-output.txt');
    // The workspace holds the tarball, named relative to it, as a workflow that packed soc2lint in an earlier step would.
    const installed = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
      cwd: dirname(tarball),
      encoding: 'utf8',
      env: { ...env, GITHUB_ACTION_PATH: projectRoot, GITHUB_OUTPUT: outputs, RUNNER_TEMP: runnerTemp, SOC2LINT_PACKAGE: `./${basename(tarball)}` },
    });
    expect(installed.status, installed.stderr).toBe(0);
    const cli = /^cli=(.*)$/m.exec(readFileSync(outputs, 'utf8'))?.[1];
    expect(cli).toBe(join(runnerTemp, 'soc2lint', 'node_modules', 'soc2lint', 'bin', 'soc2lint.js'));
    const modules = readdirSync(join(runnerTemp, 'soc2lint', 'node_modules'));
    expect(modules).toContain('ajv');
    for (const tool of ['typescript', 'esbuild', 'vitest', '@types']) expect(modules, `${tool} is a development dependency`).not.toContain(tool);
    const linted = run(process.execPath, [cli!, join(projectRoot, 'examples', 'acme-saas')], makeRepo({}));
    expect(linted.status, linted.stdout + linted.stderr).toBe(0);
  });
});
