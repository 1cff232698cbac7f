// `soc2lint audit`: the built CLI on copies of the examples in temp folders (not git repos, so the git rules are
// skipped and the lists do not depend on this checkout): formats, the seed, --fail-on-exceptions and exit codes.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestList } from '../../src/report/audit.js';

const bin = fileURLToPath(new URL('../../bin/soc2lint.js', import.meta.url));
const examples = fileURLToPath(new URL('../../examples', import.meta.url));
const built = existsSync(new URL('../../dist/bundle/main.js', import.meta.url));

function soc2lint(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!built)('soc2lint audit', () => {
  let work: string;
  let acme: string;
  let broken: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'soc2lint-audit-'));
    acme = join(work, 'acme-saas');
    broken = join(work, 'broken-saas');
    cpSync(join(examples, 'acme-saas'), acme, { recursive: true });
    cpSync(join(examples, 'broken-saas'), broken, { recursive: true });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const json = (args: string[], cwd: string): RequestList => {
    const result = soc2lint(['audit', ...args, '--format', 'json'], cwd);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as RequestList;
  };

  it('writes markdown by default, the summary first, and exits 0 even with exceptions predicted', () => {
    const result = soc2lint(['audit', 'broken-saas', '--now', '2026-07-10'], work);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Audit request list\n\nAs of 2026-07-10, sampling the audit period 2026-01-01 to 2026-06-30/);
    expect(result.stdout.indexOf('| Controls | Ready |')).toBeLessThan(result.stdout.indexOf('\n## '));
  });

  it('lists every active control of the healthy example as of its pinned date', () => {
    const list = json(['--now', '2026-07-10'], acme);
    expect(list.asOf).toBe('2026-07-10');
    expect(list.summary.controls).toBe(list.controls.length);
    expect(list.controls.length).toBeGreaterThan(30);
    expect(list.controls.every((control) => control.sample.length === control.sampleSize)).toBe(true);
  });

  it('gives the same sample for the same seed, the default seed when none is given, and another for another seed', () => {
    const first = json(['--seed', '99', '--now', '2026-07-10'], acme);
    const again = json(['--seed', '99', '--now', '2026-07-10'], acme);
    expect(again).toEqual(first);
    expect(json(['--now', '2026-07-10'], acme)).toEqual(json(['--seed', '20260101', '--now', '2026-07-10'], acme));
    const daily = (list: RequestList) => list.controls.find((control) => control.frequency === 'daily')!.sample.map((item) => item.id);
    const others = [1, 2].map((seed) => daily(json(['--seed', String(seed), '--now', '2026-07-10'], acme)).join());
    expect(new Set([daily(first).join(), ...others]).size).toBeGreaterThan(1);
  });

  it('writes one CSV row per sampled item, a row for a control with no sample, RFC 4180 quoting', () => {
    const result = soc2lint(['audit', '-f', 'csv', '--now', '2026-07-10'], broken);
    expect(result.code).toBe(0);
    const list = json(['--now', '2026-07-10'], broken);
    const rows = result.stdout.split('\r\n').filter((line, i, all) => !(i === all.length - 1 && line === ''));
    expect(rows[0]).toMatch(/^control,title,criteria,frequency,population,/);
    // Quoted cells hold no line break here, so rows are lines.
    const expected = list.controls.reduce((sum, control) => sum + Math.max(1, control.sample.length), 0);
    expect(rows.length - 1).toBe(expected);
    expect(result.stdout).toContain('"Control AC-02: evidence path ""evidence/AC-02/okta-mfa-policy.png"" does not exist.');
  });

  it('exits 1 with --fail-on-exceptions when an exception is predicted', () => {
    expect(soc2lint(['audit', '--fail-on-exceptions', '--now', '2026-07-10'], broken).code).toBe(1);
  });

  it.each([
    [['--seed', 'abc'], /audit --seed takes a whole number from 0 to 4294967295; got "abc"/],
    [['--seed', '4294967296'], /audit --seed takes a whole number/],
    [['--format', 'html'], /audit --format is markdown, csv or json; got "html"/],
    [['--sed', '1'], /Unknown option --sed\. Did you mean --seed\?/],
    [['a', 'b'], /audit takes one folder/],
    [['--now', '2026-13-01'], /2026-13-01/],
  ])('exits 2 for bad usage: %j', (args, message) => {
    const result = soc2lint(['audit', ...args], acme);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('exits 2 for a folder with no program, and for a bad sampling table', () => {
    const empty = mkdtempSync(join(work, 'empty-'));
    expect(soc2lint(['audit', empty], work).code).toBe(2);
    writeFileSync(join(work, 'bad.yaml'), 'sampling:\n  event:\n    - { max: 50, size: 5 }\n    - { max: 4, size: all }\n    - { size: 25 }\n');
    const result = soc2lint(['audit', '-c', join(work, 'bad.yaml')], acme);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.yaml:4:14: "sampling\.event\[1\]\.max" is 4, not larger than the band before it/);
  });

  it('prints its help, and the main help names it', () => {
    const help = soc2lint(['audit', '--help'], work);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: soc2lint audit \[DIR\] \[options\]/);
    expect(soc2lint(['--help'], work).stdout).toContain('audit [DIR]');
    expect(soc2lint(['audt'], work).stderr).toMatch(/Unknown command audt\. Did you mean audit\?/);
  });
});
