// Nothing outside the program root is read, and no special file is opened: paths patterns that climb out, symlinked
// folders that lead out, evidence under such folders, and named pipes where a policy or evidence file should be.
// The outside files are made unreadable (mode 000, and not run as root where that is ignored: their content is a
// secret the output must never show), so reading one would show up as a permission error or as the secret.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeRepo } from '../helpers/repo.js';

const SECRET = 'OUTSIDE-SECRET-7f3a';
const policy = (id: string) => `---\nid: ${id}\ntitle: ${id} policy\nstatus: draft\n---\n# ${id}\n`;

function outsideFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'soc2lint-outside-'));
  // Read, the policy would be reported by ID (unapproved-policy), and the evidence as holding a secret (sensitive-evidence).
  writeFileSync(join(folder, 'leak.md'), `---\nid: POL-${SECRET}\ntitle: Leak\nstatus: approved\n---\n${SECRET}\n`);
  writeFileSync(join(folder, 'evidence.txt'), `aws_access_key_id = AKIAZ7QWERTYUIOPASDF\n${SECRET}\n`);
  chmodSync(join(folder, 'leak.md'), 0o000);
  chmodSync(join(folder, 'evidence.txt'), 0o000);
  return folder;
}

const control = (path: string) => `id: C-1\ntitle: Control\nowner: a@x.io\nfrequency: annual\ncriteria: [CC6.1]\nevidence:\n  - path: ${path}\n    date: 2026-06-01\n`;

describe('containment', () => {
  it('a paths pattern that climbs out of the repository is a config error at its line, and no file is read', async () => {
    const outside = outsideFolder();
    const root = makeRepo({ 'scope.yaml': 'categories: [security]\n', 'policies/a.md': policy('POL-A'), 'soc2lint.config.yaml': `paths:\n  policies: ['policies/*.md', '../${outside.split('/').pop()}/*.md']\n` });
    const result = await runCli([root, '--format', 'json'], tmpdir());
    const text = result.stdout + result.stderr;
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/permission denied/i);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/soc2lint\.config\.yaml:2:.*paths\.policies: ".*\/\*\.md" climbs out of the repository/);
  });

  it('a symlinked folder inside policies/ that leads out of the repository is reported, not read', async () => {
    const outside = outsideFolder();
    const root = makeRepo({ 'scope.yaml': 'categories: [security]\n', 'policies/a.md': policy('POL-A') });
    symlinkSync(outside, join(root, 'policies', 'linked'));
    const result = await runCli([root, '--format', 'json'], root);
    const text = result.stdout + result.stderr;
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/permission denied/i);
    expect(text).toMatch(/policies\/linked\/leak\.md[\s\S]*links outside the repository/);
  });

  it('evidence under a symlinked folder that leads out is outside, and never opened (sensitive-evidence would quote it)', async () => {
    const outside = outsideFolder();
    const root = makeRepo({ 'scope.yaml': 'categories: [security]\n', 'controls/c.yaml': control('evidence/linked/evidence.txt') });
    mkdirSync(join(root, 'evidence'));
    symlinkSync(outside, join(root, 'evidence', 'linked'));
    const result = await runCli([root, '--format', 'json'], root);
    const text = result.stdout + result.stderr;
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('sensitive-evidence');
    expect(text).toContain('evidence path \\"evidence/linked/evidence.txt\\" is a symlink to a file outside the repository');
  });
});

describe('special files', () => {
  const fifo = (path: string) => execFileSync('mkfifo', [path]);

  it('a named pipe where a policy should be is reported and never opened (the run does not hang)', async () => {
    const root = makeRepo({ 'scope.yaml': 'categories: [security]\n', 'policies/a.md': policy('POL-A') });
    fifo(join(root, 'policies', 'pipe.md'));
    const result = await runCli([root, '--format', 'json'], root);
    expect(result.stdout).toMatch(/policies\/pipe\.md[\s\S]*Not a regular file \(a named pipe, socket or device\)/);
    expect(result.stderr).not.toMatch(/internal error/);
  });

  it('a named pipe named as evidence is reported by broken-evidence-link and never opened', async () => {
    const root = makeRepo({ 'scope.yaml': 'categories: [security]\n', 'controls/c.yaml': control('evidence/pipe.txt') });
    mkdirSync(join(root, 'evidence'));
    fifo(join(root, 'evidence', 'pipe.txt'));
    const result = await runCli([root, '--format', 'json'], root);
    expect(result.stdout).toContain('evidence path \\"evidence/pipe.txt\\" is a named pipe, socket or device');
  });

  it('a named pipe as the config file is a config error, not a hang', async () => {
    const root = makeRepo({ 'scope.yaml': 'categories: [security]\n' });
    fifo(join(root, 'soc2lint.config.yaml'));
    const result = await runCli([root], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Not a regular file/);
  });
});
