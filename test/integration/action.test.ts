// action.yml, the GitHub Action: GitHub itself cannot run here, so its structure is checked against what the runner
// needs, and its lint script is run for real with bash the way a composite step runs it. Its install step, which
// needs a package, is run in test/integration/package.test.ts on the tarball npm pack makes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeRepo } from '../helpers/repo.js';
import { bin, isBuilt, projectRoot } from './program.js';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  'working-directory'?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(projectRoot, 'action.yml'), 'utf8')) as Action;
const steps = action.runs.steps;
const lintStep = steps.find((step) => step.id === 'lint')!;

describe('action.yml', () => {
  it('is a composite action with the documented inputs and defaults', () => {
    expect(action.name).toBe('soc2lint');
    expect(action.description).toBeTruthy();
    expect(action.runs.using).toBe('composite');
    const defaults = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default]));
    expect(defaults).toEqual({ path: '.', args: '', 'sarif-file': 'soc2lint.sarif', 'upload-sarif': 'true', 'report-summary': 'false', 'node-version': '24', package: '' });
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description, name).toBeTruthy();
      expect(typeof input.default, `${name}: the runner passes inputs as strings`).toBe('string');
    }
    expect(action.outputs['exit-code']!.value).toBe('${{ steps.lint.outputs.exit-code }}');
  });

  it('sets up Node, installs the soc2lint package, lints, reports readiness when asked, leaves suppressed findings out, then uploads SARIF', () => {
    expect(steps.map((step) => step.uses?.replace(/@.*/, '') ?? step.id ?? step.name)).toEqual([
      'actions/setup-node',
      'install',
      'lint',
      'report',
      'upload-file',
      'github/codeql-action/upload-sarif',
    ]);
    const [setupNode, install, , report, prepare, upload] = steps;
    expect(report!.if).toBe("always() && inputs.report-summary == 'true' && steps.install.outputs.cli != ''");
    expect(report!.env).toEqual({ SOC2LINT_CLI: '${{ steps.install.outputs.cli }}', SOC2LINT_PATH: '${{ inputs.path }}' });
    // The current majors: setup-node v7 (July 2026) and upload-sarif v4 (v3 is deprecated in December 2026).
    expect(setupNode!.uses).toBe('actions/setup-node@v7');
    expect(setupNode!.with).toEqual({ 'node-version': '${{ inputs.node-version }}', 'package-manager-cache': false });
    expect(install!['working-directory']).toBe('${{ github.workspace }}');
    expect(install!.env).toEqual({ SOC2LINT_PACKAGE: '${{ inputs.package }}' });
    expect(prepare!.if).toContain('always()');
    expect(prepare!.if).toContain("inputs.upload-sarif == 'true'");
    expect(upload!.uses).toBe('github/codeql-action/upload-sarif@v4');
    expect(upload!.with).toEqual({ sarif_file: '${{ steps.upload-file.outputs.path }}', category: 'soc2lint' });
    expect(upload!.if).toContain('always()');
  });

  it('installs the package, never the checkout: nothing to build, no development dependencies', () => {
    const install = steps.find((step) => step.id === 'install')!;
    // By default the package of this action's own version, so a tag of the action runs the release of that tag.
    expect(install.run).toContain(`soc2lint@$(node -p 'require(process.argv[1]).version' "$GITHUB_ACTION_PATH/package.json")`);
    expect(install.run).toMatch(/npm install --prefix "\$folder" --no-save --omit=dev /);
    expect(install.run).not.toMatch(/npm ci|npm run|--include=dev/);
    expect(install.run).toContain('echo "cli=$folder/node_modules/soc2lint/bin/soc2lint.js" >> "$GITHUB_OUTPUT"');
  });

  it('runs the bin once with both reports: annotations to stdout, SARIF to the file', () => {
    expect(lintStep.run).toContain('node "$SOC2LINT_CLI" "$SOC2LINT_PATH" --format github --format sarif --output "$SOC2LINT_SARIF"');
    expect(lintStep.run!.match(/\$SOC2LINT_CLI/g)).toHaveLength(1);
    expect(lintStep.env).toEqual({
      SOC2LINT_CLI: '${{ steps.install.outputs.cli }}',
      SOC2LINT_PATH: '${{ inputs.path }}',
      SOC2LINT_ARGS: '${{ inputs.args }}',
      SOC2LINT_SARIF: '${{ inputs.sarif-file }}',
    });
  });

  it('gives every run step a shell, and pastes no expression into a script (inputs arrive as environment variables)', () => {
    for (const step of steps.filter((candidate) => candidate.run !== undefined)) {
      expect(step.shell, step.name).toBe('bash');
      expect(step.run, step.name).not.toContain('${{');
    }
  });
});

describe.skipIf(!isBuilt)('the lint step of action.yml, run with bash', () => {
  /**
   * Run the step's script as the runner does (bash -e -o pipefail), with the outputs file, and as the CLI the install
   * step names, this checkout's bin: the file the package ships.
   */
  function runLintStep(env: Record<string, string>) {
    const workspace = makeRepo({});
    const outputs = join(workspace, 'github-output.txt');
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', lintStep.run!], {
      cwd: workspace,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', SOC2LINT_CLI: bin, GITHUB_OUTPUT: outputs, ...env },
    });
    return { ...result, workspace, outputs: existsSync(outputs) ? readFileSync(outputs, 'utf8') : '' };
  }
  const broken = join(projectRoot, 'examples', 'broken-saas');
  const healthy = join(projectRoot, 'examples', 'acme-saas');

  it('keeps soc2lint exit code, says it in the exit-code output, and writes the SARIF report', () => {
    const failed = runLintStep({ SOC2LINT_PATH: broken, SOC2LINT_ARGS: '', SOC2LINT_SARIF: 'reports/soc2lint.sarif' });
    expect(failed.status, failed.stderr).toBe(1);
    expect(failed.outputs).toBe('exit-code=1\n');
    expect(failed.stdout).toMatch(/^::error /m);
    const sarif = JSON.parse(readFileSync(join(failed.workspace, 'reports', 'soc2lint.sarif'), 'utf8')) as { version: string; runs: Array<{ results: unknown[] }> };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);

    const passed = runLintStep({ SOC2LINT_PATH: healthy, SOC2LINT_ARGS: '', SOC2LINT_SARIF: 'soc2lint.sarif' });
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.outputs).toBe('exit-code=0\n');
    expect(existsSync(join(passed.workspace, 'soc2lint.sarif'))).toBe(true);
  });

  it('splits args on whitespace and passes each word to soc2lint', () => {
    // Every rule that fires on the broken example, turned off: it passes only if each --rule word arrived intact.
    const rules = [...new Set((JSON.parse(spawnSync(process.execPath, [bin, broken, '--format', 'json'], { encoding: 'utf8' }).stdout) as Array<{ messages: Array<{ ruleId: string }> }>)
      .flatMap((file) => file.messages.map((message) => message.ruleId)))];
    expect(rules.length).toBeGreaterThan(1);
    const args = rules.map((rule) => `--rule  ${rule}:off`).join('   ');
    const result = runLintStep({ SOC2LINT_PATH: broken, SOC2LINT_ARGS: args, SOC2LINT_SARIF: 'soc2lint.sarif' });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.outputs).toBe('exit-code=0\n');
  });

  it('uploads only the findings that count: suppressed ones stay in the report file', () => {
    const linted = runLintStep({ SOC2LINT_PATH: broken, SOC2LINT_ARGS: '', SOC2LINT_SARIF: 'soc2lint.sarif' });
    const prepare = steps.find((step) => step.id === 'upload-file')!;
    const outputs = join(linted.workspace, 'prepare-output.txt');
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', prepare.run!], {
      cwd: linted.workspace,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', GITHUB_OUTPUT: outputs, SOC2LINT_SARIF: 'soc2lint.sarif' },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(outputs, 'utf8')).toBe('path=soc2lint.sarif.upload\n');
    type Sarif = { runs: Array<{ results: Array<{ suppressions?: unknown[] }> }> };
    const all = (JSON.parse(readFileSync(join(linted.workspace, 'soc2lint.sarif'), 'utf8')) as Sarif).runs[0]!.results;
    const uploaded = (JSON.parse(readFileSync(join(linted.workspace, 'soc2lint.sarif.upload'), 'utf8')) as Sarif).runs[0]!.results;
    expect(all.filter((r) => r.suppressions?.length).length).toBe(2); // the broken example's waiver and directive
    expect(uploaded).toHaveLength(all.length - 2);
    expect(uploaded.some((r) => r.suppressions?.length)).toBe(false);
  });

  it('appends the readiness report to the job summary in the report step', () => {
    const reportStep = steps.find((step) => step.id === 'report')!;
    for (const [program, status] of [[broken, /## Status: Not ready\n/], [healthy, /## Status: (Ready|At risk)\n/]] as const) {
      const workspace = makeRepo({});
      const summary = join(workspace, 'step-summary.md');
      writeFileSync(summary, '# soc2lint\n\nThe lint step\'s summary.\n');
      const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', reportStep.run!], {
        cwd: workspace,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', SOC2LINT_CLI: bin, SOC2LINT_PATH: program, GITHUB_STEP_SUMMARY: summary },
      });
      expect(result.status, result.stderr).toBe(0);
      const text = readFileSync(summary, 'utf8');
      expect(text).toMatch(/^# soc2lint\n\nThe lint step's summary\.\n# SOC 2 readiness: /);
      expect(text).toMatch(status);
      expect(result.stdout).toContain('## Criteria');
    }
  });

  it('exits 2 on a bad argument and writes no report, so the upload step is skipped', () => {
    const result = runLintStep({ SOC2LINT_PATH: healthy, SOC2LINT_ARGS: '--rule no-such-rule:off', SOC2LINT_SARIF: 'soc2lint.sarif' });
    expect(result.status).toBe(2);
    expect(result.outputs).toBe('exit-code=2\n');
    expect(result.stderr).toContain('no-such-rule');
    expect(existsSync(join(result.workspace, 'soc2lint.sarif'))).toBe(false);
  });
});
