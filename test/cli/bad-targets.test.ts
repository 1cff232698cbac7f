// What users get wrong on the command line, and what the machine gets wrong under it: one line and exit 2, never a
// stack trace (issue: reliability and containment).
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeRepo } from '../helpers/repo.js';

const program = () =>
  makeRepo({
    'scope.yaml': 'categories: [security]\n',
    'policies/a.md': '---\nid: POL-A\ntitle: A\nstatus: draft\n---\n# A\n',
  });

const oneLine = (stderr: string) => {
  expect(stderr).not.toMatch(/internal error|\n\s+at /);
  return stderr.trim().split('\n').filter((line) => !line.startsWith('soc2lint: skipped')).join('\n');
};

describe('writing reports', () => {
  const cases: [string, (root: string) => string, RegExp][] = [
    ['onto a folder', (root) => join(root, 'policies'), /--output .*: could not write .*: it is a folder; give a file name\.$/],
    ['under a regular file', (root) => join(root, 'scope.yaml', 'report.json'), /: a part of the path is a file, not a folder\.$/],
  ];
  if (process.platform === 'linux') cases.push(['onto a full disk', () => '/dev/full', /: no space left on the device\.$/]);
  it.each(cases)('--output %s: exit 2 and one line', async (_where, target, expected) => {
    const root = program();
    const result = await runCli([root, '--format', 'json', '--output', target(root)], root);
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toMatch(expected);
  });

  it('GITHUB_STEP_SUMMARY in a folder that does not exist: exit 2 and one line', async () => {
    const root = program();
    const result = await runCli([root, '--format', 'github'], root, { GITHUB_STEP_SUMMARY: join(root, 'missing', 'summary.md') });
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toMatch(/^soc2lint: GITHUB_STEP_SUMMARY: could not write .*: its folder does not exist\.$/);
  });

  it.skipIf(process.getuid?.() === 0)('--output where writing is not allowed: exit 2 and one line', async () => {
    const root = program();
    mkdirSync(join(root, 'locked'));
    chmodSync(join(root, 'locked'), 0o500);
    const result = await runCli([root, '--format', 'json', '--output', join(root, 'locked', 'r.json')], root);
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toMatch(/permission denied\.$/);
  });
});

describe('arguments', () => {
  it('--config with a folder names the folder and says to give the file', async () => {
    const root = program();
    const result = await runCli([root, '--config', '.'], root);
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toBe(`soc2lint: --config ${root} is a folder; give the config file itself (soc2lint.config.yaml).`);
  });

  it('--max-warnings -1 means no limit, as in ESLint', async () => {
    const root = program();
    writeFileSync(join(root, 'soc2lint.config.yaml'), 'rules:\n  unapproved-policy: off\n');
    const result = await runCli([root, '--max-warnings', '-1'], root);
    expect(result.stderr).not.toMatch(/ambiguous/);
    expect([0, 1]).toContain(result.code);
  });

  it('a file name that is not valid UTF-8 is a finding at that file, not "disappeared"', async () => {
    const root = program();
    writeFileSync(Buffer.from(join(root, 'policies', 'bad\xff.md'), 'latin1'), '---\nid: POL-B\ntitle: B\nstatus: draft\n---\n');
    const result = await runCli([root, '--format', 'json'], root);
    expect(result.stdout).toContain('The file name is not valid UTF-8');
    expect(result.stdout).not.toContain('disappeared');
  });
});
