// The CI formats through the CLI as users call it: registered, written to standard output or a file, and
// the golden-file check itself able to fail.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { expectGolden } from './golden.js';
import { runCli } from '../helpers/cli.js';

const run = runCli;

const brokenSaas = fileURLToPath(new URL('../../examples/broken-saas', import.meta.url));
// Pinned, and the rules that read git off, so the output is the same on any machine and day.
const PINNED = ['--now', '2026-07-10', '--rule', 'untracked-evidence:off', '--rule', 'changed-since-approval:off', '--rule', 'backdated-evidence:off'];


const out = mkdtempSync(join(tmpdir(), 'soc2lint-formats-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('CI formats on the command line', () => {
  it.each([
    ['sarif', (text: string) => expect(JSON.parse(text).runs[0].results.length).toBeGreaterThan(50)],
    ['junit', (text: string) => expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="soc2lint" tests="\d+" failures="\d+" errors="0"/)],
    ['github', (text: string) => expect(text.split('\n').filter(Boolean).every((line) => /^::(error|warning|notice) /.test(line))).toBe(true)],
    ['gitlab', (text: string) => expect(JSON.parse(text).every((issue: { check_name: string }) => issue.check_name)).toBe(true)],
  ])('--format %s writes its report and exits 1 for the errors', async (format, check) => {
    const result = await run([brokenSaas, ...PINNED, '--format', format], '/');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    check(result.stdout);
  });

  it('writes several CI reports in one run, each to its own file', async () => {
    const result = await run([brokenSaas, ...PINNED, '-f', 'sarif', '-o', join(out, 'soc2lint.sarif'), '-f', 'junit', '-o', join(out, 'junit.xml'), '-f', 'gitlab', '-o', join(out, 'gl-code-quality-report.json'), '-f', 'github'], '/');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=/);
    expect(JSON.parse(readFileSync(join(out, 'soc2lint.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toContain('<testsuites name="soc2lint"');
    expect(Array.isArray(JSON.parse(readFileSync(join(out, 'gl-code-quality-report.json'), 'utf8')))).toBe(true);
  });

  it('names the new formats when an unknown one is asked for', async () => {
    const result = await run(['--format', 'checkstyle'], brokenSaas);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Formats: stylish, json, sarif, junit, github, gitlab.');
  });

  it.skipIf(process.env.UPDATE_GOLDEN === '1')('fails when output differs from its golden file', () => {
    expect(() => expectGolden('junit.golden.xml', '<testsuites/>\n')).toThrow(/differs from its golden file/);
    expect(() => expectGolden('no-such.golden.txt', '')).toThrow(/No golden file/);
  });
});
