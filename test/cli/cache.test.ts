// --cache: the built CLI, run on real copies of the examples and on a generated program with defects, gives the same
// report byte for byte with the cache or without it, cold and warm, and after files are edited, renamed and deleted.
// A damaged cache, or one written by another version or for another config, is ignored with a notice.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { generateProgram } from '../bench/generate.js';

const bin = fileURLToPath(new URL('../../bin/soc2lint.js', import.meta.url));
const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

const created: string[] = [];
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function temporary(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

function run(cwd: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, '--format', 'json', '--now', '2026-07-01', ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under a folder, root-relative, sorted. */
function listing(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

/** The one cache file in a cache folder, and its entries by file. */
function cacheIn(folder: string): { file: string; entries: Map<string, unknown>; data: Record<string, unknown> } {
  const names = readdirSync(folder);
  expect(names).toHaveLength(1);
  const file = join(folder, names[0]!);
  const data = deserialize(readFileSync(file)) as Record<string, unknown>;
  return { file, entries: data.entries as Map<string, unknown>, data };
}

/** Without the cache, then with it twice (cold, warm): the same exit code, report and notices each time. */
function expectSameWithCache(root: string, cacheArgs: string[]): ReturnType<typeof run> {
  const plain = run(root, []);
  const cold = run(root, ['--cache', ...cacheArgs]);
  const warm = run(root, ['--cache', ...cacheArgs]);
  expect(cold).toEqual(plain);
  expect(warm).toEqual(plain);
  return plain;
}

/** Set a file's modification time to a fixed moment, so a metadata change is certain whatever the clock's grain. */
function touch(path: string, seconds: number): void {
  utimesSync(path, seconds, seconds);
}

describe('--cache', () => {
  it.each(readdirSync(examples))('gives the same report on examples/%s, cold and warm, and writes only at the cache location', (name) => {
    const root = temporary('soc2lint-cache-example-');
    cpSync(join(examples, name), root, { recursive: true });
    const before = listing(root);
    const cache = join(temporary('soc2lint-cache-location-'), 'here/');
    expectSameWithCache(root, ['--cache-location', cache]);
    expect(listing(root)).toEqual(before);
    // One file, no temporary left over; an entry for each program file read (the scope file is always read).
    const { entries } = cacheIn(cache);
    expect(entries.size).toBeGreaterThan(0);
  });

  it('keeps the cache under node_modules/.cache/soc2lint/ by default, and nowhere else', () => {
    const root = temporary('soc2lint-cache-default-');
    cpSync(join(examples, 'acme-saas'), root, { recursive: true });
    const before = listing(root);
    expectSameWithCache(root, []);
    const added = listing(root).filter((file) => !before.includes(file));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^node_modules\/\.cache\/soc2lint\/lint-[0-9a-f]{16}\.cache$/);
  });

  it('gives the same report on a generated program with defects, after edits, renames and deletions', () => {
    const root = temporary('soc2lint-cache-generated-');
    generateProgram(root, { policies: 4, controls: 24, evidencePerControl: 2 });
    // Defects of every kind the loader reports: YAML that does not parse, a schema violation, an unknown field, an ID
    // declared twice, a policy without its fields, a path that is not there.
    writeFileSync(join(root, 'controls/ctl-00001.yaml'), 'id: CTL-00001\ntitle: [unclosed\n');
    writeFileSync(join(root, 'controls/ctl-00002.yaml'), readFileSync(join(root, 'controls/ctl-00002.yaml'), 'utf8').replace('frequency: quarterly', 'frequency: sometimes\ncolour: blue'));
    writeFileSync(join(root, 'controls/ctl-00003.yaml'), readFileSync(join(root, 'controls/ctl-00004.yaml'), 'utf8'));
    writeFileSync(join(root, 'policies/pol-0001.md'), '---\ntitle: No ID\n---\n# Policy\n');
    writeFileSync(join(root, 'controls/ctl-00005.yaml'), readFileSync(join(root, 'controls/ctl-00005.yaml'), 'utf8').replace(/path: evidence\/CTL-00005\/[^\n]*/, 'path: evidence/CTL-00005/missing.md'));
    const cache = join(temporary('soc2lint-cache-location-'), 'cache.bin');
    const first = expectSameWithCache(root, ['--cache-location', cache]);
    expect(first.code).toBe(1);
    const findings = JSON.parse(first.stdout) as { filePath: string }[];
    expect(findings.length).toBeGreaterThan(0);

    // Edited (new text and a later time), renamed, deleted: each change is seen.
    writeFileSync(join(root, 'controls/ctl-00006.yaml'), readFileSync(join(root, 'controls/ctl-00006.yaml'), 'utf8').replace('owner: ', 'owner: nobody-'));
    touch(join(root, 'controls/ctl-00006.yaml'), 2_000_000_000);
    writeFileSync(join(root, 'controls/ctl-00001.yaml'), readFileSync(join(root, 'controls/ctl-00007.yaml'), 'utf8').replace('CTL-00007', 'CTL-00001'));
    touch(join(root, 'controls/ctl-00001.yaml'), 2_000_000_000);
    renameSync(join(root, 'controls/ctl-00008.yaml'), join(root, 'controls/ctl-00108.yaml'));
    rmSync(join(root, 'policies/pol-0002.md'));
    rmSync(join(root, 'vendors/vendors.yaml'));
    const changed = run(root, ['--cache', '--cache-location', cache]);
    expect(changed).toEqual(run(root, []));
    expect(changed.stdout).not.toEqual(first.stdout);
    // The deleted and renamed files' entries are gone; the new name has one.
    const { entries } = cacheIn(join(cache, '..'));
    expect([...entries.keys()]).toContain('controls/ctl-00108.yaml');
    expect([...entries.keys()]).not.toContain('controls/ctl-00008.yaml');
    expect([...entries.keys()]).not.toContain('policies/pol-0002.md');
    expect(run(root, ['--cache', '--cache-location', cache])).toEqual(changed);
  });

  it('trusts size and modification time by default, and hashes the content with --cache-strategy content', () => {
    const root = temporary('soc2lint-cache-strategy-');
    generateProgram(root, { policies: 2, controls: 6, evidencePerControl: 1 });
    const file = join(root, 'controls/ctl-00003.yaml');
    touch(file, 1_900_000_000);
    const cache = temporary('soc2lint-cache-location-');
    for (const strategy of ['metadata', 'content']) {
      const args = ['--cache', '--cache-location', join(cache, `${strategy}.cache`), '--cache-strategy', strategy];
      const clean = run(root, args);
      // The same size and time, other text: an owner that is nobody's.
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace(/owner: owner\d+@/, (owner) => owner.replace(/\d+@/, (n) => `${'x'.repeat(n.length - 1)}@`)));
      expect(statSync(file).size).toBe(Buffer.byteLength(text));
      touch(file, 1_900_000_000);
      const after = run(root, args);
      if (strategy === 'metadata') expect(after).toEqual(clean);
      else expect(after).toEqual(run(root, []));
      if (strategy === 'content') expect(after.stdout).not.toEqual(clean.stdout);
      writeFileSync(file, text);
      touch(file, 1_900_000_000);
    }
  });

  it('ignores a damaged cache, or one from another version or config, with a notice, and writes it anew', () => {
    const root = temporary('soc2lint-cache-foreign-');
    cpSync(join(examples, 'broken-saas'), root, { recursive: true });
    const plain = run(root, []);
    const folder = temporary('soc2lint-cache-location-');
    const args = ['--cache', '--cache-location', `${folder}/`];
    run(root, args);
    const { file, data } = cacheIn(folder);

    writeFileSync(file, 'not a cache at all');
    const damaged = run(root, args);
    expect(damaged.stdout).toBe(plain.stdout);
    expect(damaged.stderr).toContain(`soc2lint: the cache ${file} could not be read`);
    expect(run(root, args)).toEqual(plain);

    writeFileSync(file, serialize({ ...data, version: '0.0.1' }));
    const older = run(root, args);
    expect(older.stdout).toBe(plain.stdout);
    expect(older.stderr).toContain('was written by soc2lint 0.0.1');
    expect(run(root, args)).toEqual(plain);

    // A kept result that is no longer what reading the file gives: never trusted once the config changed.
    writeFileSync(join(root, 'soc2lint.config.yaml'), `${readFileSync(join(root, 'soc2lint.config.yaml'), 'utf8')}\n# a new line\nignore: ["nothing/**"]\n`);
    const reconfigured = run(root, args);
    expect(reconfigured.stderr).toContain('was written for another config');
    const now = run(root, []);
    expect(reconfigured.stdout).toBe(now.stdout);
    expect(run(root, args)).toEqual(now);
    expect(readdirSync(folder)).toHaveLength(1);
    expect(existsSync(file)).toBe(true);
  });

  it('refuses the cache options without --cache, and a strategy it does not know', () => {
    const root = temporary('soc2lint-cache-usage-');
    expect(run(root, ['--cache-location', 'x']).code).toBe(2);
    expect(run(root, ['--cache-strategy', 'content']).stderr).toContain('add --cache');
    expect(run(root, ['--cache', '--cache-strategy', 'mtime']).stderr).toContain('--cache-strategy is metadata');
  });
});
