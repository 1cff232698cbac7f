// `soc2lint report` on the command line: formats and their default, --output written safely, the job summary, and
// bad usage exits 2 with one line.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeRepo } from '../helpers/repo.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
const NOW = ['--now', '2026-07-10'];

describe('soc2lint report', () => {
  const folder = makeRepo({}, 'soc2lint-report-cli-');
  cpSync(join(examples, 'broken-saas'), join(folder, 'broken-saas'), { recursive: true });
  const broken = join(folder, 'broken-saas');

  it('prints markdown by default and exits 0 for a program that is not ready', async () => {
    const { code, stdout } = await runCli(['report', broken, ...NOW], folder);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# SOC 2 readiness: broken-saas\n/);
    expect(stdout).toContain('## Status: Not ready');
  });

  it('writes HTML when --output ends in .html, creating its folder, and nothing on standard output', async () => {
    const { code, stdout } = await runCli(['report', 'broken-saas', ...NOW, '-o', 'out/readiness.html'], folder);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const html = readFileSync(join(folder, 'out', 'readiness.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect((html.match(/data-criterion=/g) ?? []).length).toBe(36);
  });

  it('writes markdown to a file of another name, and HTML to standard output when asked', async () => {
    expect((await runCli(['report', 'broken-saas', ...NOW, '--output', 'out/summary.md'], folder)).code).toBe(0);
    expect(readFileSync(join(folder, 'out', 'summary.md'), 'utf8')).toMatch(/^# SOC 2 readiness/);
    const { stdout } = await runCli(['report', 'broken-saas', ...NOW, '--format', 'html'], folder);
    expect(stdout).toMatch(/^<!doctype html>/);
  });

  it('appends the markdown report to $GITHUB_STEP_SUMMARY with --step-summary', async () => {
    const summary = join(folder, 'step-summary.md');
    writeFileSync(summary, '# Earlier step\n');
    const { code } = await runCli(['report', 'broken-saas', ...NOW, '--step-summary', '-o', 'out/r.html'], folder, { GITHUB_STEP_SUMMARY: summary });
    expect(code).toBe(0);
    const text = readFileSync(summary, 'utf8');
    expect(text).toMatch(/^# Earlier step\n# SOC 2 readiness: broken-saas\n/);
    expect(text).not.toContain('<!doctype');
    const unset = await runCli(['report', 'broken-saas', ...NOW, '--step-summary'], folder, {});
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('GITHUB_STEP_SUMMARY');
  });

  it.each([
    [['--format', 'pdf'], 'report --format is html or markdown; got "pdf".'],
    [['--formt', 'html'], 'report: Unknown option --formt. Did you mean --format?'],
    [['a', 'b'], 'report takes one folder'],
    [['--now', '2026-02-30'], '--now must be a calendar date'],
  ])('exits 2 with one line for %j', async (args, message) => {
    const { code, stdout, stderr } = await runCli(['report', ...(args[0] === 'a' ? args : ['broken-saas', ...args])], folder);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('says so in one line when --output names a folder, and writes nothing there', async () => {
    mkdirSync(join(folder, 'a-folder.html'), { recursive: true });
    const { code, stderr } = await runCli(['report', 'broken-saas', ...NOW, '-o', 'a-folder.html'], folder);
    expect(code).toBe(2);
    expect(stderr).toMatch(/\nsoc2lint: --output a-folder\.html: could not write .*a-folder\.html: it is a folder; give a file name\.\n$/);
  });

  it('exits 2 for a folder that holds no program, and suggests the mistyped command', async () => {
    const empty = makeRepo({ 'notes.txt': 'nothing here\n' });
    const { code, stderr } = await runCli(['report', empty], folder);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^soc2lint: /);
    const typo = await runCli(['repot'], folder);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Did you mean report?');
    expect(existsSync(join(empty, 'readiness.html'))).toBe(false);
  });

  it('prints its help, and the main help lists it', async () => {
    const help = await runCli(['report', '--help'], folder);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: soc2lint report \[DIR\] \[options\]/);
    expect((await runCli(['--help'], folder)).stdout).toContain('report [DIR]');
  });
});
