// soc2lint reads; it never writes into the repo it lints (init excepted) and never reaches the network. Both are
// checked on the real bin: the repo, .git included, is hashed before and after every command and format; and every
// run is made with a preloaded module that records and refuses any socket, DNS or HTTP use.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, lstatSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, breakPolicy, isBuilt, programRepo } from '../integration/program.js';
import { git } from '../helpers/git.js';

/** Every path and its bytes (a symlink by its target), in one digest. */
function digest(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stats = lstatSync(path);
      hash.update(`${relative(root, path)}\0${stats.mode}\0`);
      if (stats.isDirectory()) walk(path);
      else if (stats.isSymbolicLink()) hash.update(readlinkSync(path));
      else if (stats.isFile()) hash.update(readFileSync(path));
    }
  };
  walk(root);
  return hash.digest('hex');
}

/** Loaded before soc2lint: any attempt at the network is written to stderr and fails. */
const NO_NETWORK = `
import net from 'node:net'; import dns from 'node:dns'; import http from 'node:http'; import https from 'node:https'; import tls from 'node:tls';
const refuse = (what) => function () { process.stderr.write('NETWORK ATTEMPT: ' + what + '\\n'); throw new Error('network disabled in this test'); };
net.Socket.prototype.connect = refuse('net.Socket.connect'); net.connect = refuse('net.connect'); net.createConnection = refuse('net.createConnection');
tls.connect = refuse('tls.connect'); dns.lookup = refuse('dns.lookup'); dns.resolve = refuse('dns.resolve'); dns.promises.lookup = refuse('dns.promises.lookup');
http.request = refuse('http.request'); http.get = refuse('http.get'); https.request = refuse('https.request'); https.get = refuse('https.get');
globalThis.fetch = refuse('fetch');
`;

describe.skipIf(!isBuilt).concurrent('side effects', () => {
  let repo: string;
  let program: string;
  let out: string;
  let preload: string;

  beforeAll(() => {
    ({ repo, program } = programRepo('compliance'));
    // A finding, a waiver at work, uncommitted and staged changes: the git rules and every format have work to do.
    breakPolicy(program, 'policies/acceptable-use.md');
    git(repo, ['add', 'compliance/policies/acceptable-use.md']);
    writeFileSync(join(program, 'policies', 'backup.md'), readFileSync(join(program, 'policies', 'backup.md'), 'utf8') + '\nAn uncommitted line.\n');
    out = mkdtempSync(join(tmpdir(), 'soc2lint-out-'));
    preload = join(out, 'no-network.mjs');
    writeFileSync(preload, NO_NETWORK);
  });

  const commands: [string, (out: string) => string[]][] = [
    ['lint (stylish)', () => [program]],
    ...['json', 'sarif', 'junit', 'github', 'gitlab'].map((format): [string, (out: string) => string[]] => [`lint --format ${format} --output`, (o) => [program, '--format', format, '--output', join(o, `r.${format}`)]]),
    ['lint --format github with a job summary', () => [program, '--format', 'github']],
    ['lint FILE (as pre-commit calls it)', () => [join(program, 'policies', 'acceptable-use.md')]],
    ['lint --staged', () => ['--staged']],
    ['lint --print-config', () => ['--print-config', join(program, 'controls', 'access.yaml')]],
    ['criteria', () => ['criteria', program]],
    ['criteria --format json', () => ['criteria', program, '--format', 'json']],
    ['rules --format json', () => ['rules', '--format', 'json']],
    ['explain', () => ['explain', 'stale-evidence']],
  ];

  it.each(commands)('%s: writes nothing into the repo (.git included) and makes no network call', (_name, args) => {
    const before = digest(repo);
    const result = spawnSync(process.execPath, ['--import', preload, bin, ...args(out)], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', GITHUB_STEP_SUMMARY: join(out, 'summary.md') },
    });
    expect(result.stderr, result.stderr).not.toMatch(/NETWORK ATTEMPT|internal error/);
    expect([0, 1]).toContain(result.status);
    expect(digest(repo)).toBe(before);
  });

  it('the network guard works: it catches a fetch', () => {
    const result = spawnSync(process.execPath, ['--import', preload, '-e', "fetch('http://127.0.0.1:9').catch(() => {})"], { encoding: 'utf8' });
    expect(result.stderr).toContain('NETWORK ATTEMPT: fetch');
  });
});
