// The bundle's V8 code cache (src/build/load-bundle.ts, made by src/build/code-cache.ts): V8 takes the cache the build
// made, and a run prints the same bytes with the cache, without it, and with a cache that is damaged or was made from
// other code (which V8 itself would not notice, and would crash on).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, projectRoot } from '../integration/program.js';

const cacheFolder = join(projectRoot, 'dist', 'bundle', 'code-cache', `${process.versions.v8}-${process.arch}`);
const examples = join(projectRoot, 'examples');

function run(binary: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [binary, ...args], { cwd: examples, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!existsSync(join(cacheFolder, 'manifest.json')))('the code cache', () => {
  let copy: string;
  let copiedCache: string;

  beforeAll(() => {
    // The package as built, in a folder of its own whose cache the tests may break.
    copy = mkdtempSync(join(tmpdir(), 'soc2lint-code-cache-'));
    for (const part of ['bin', 'dist', 'schemas', 'rules', 'templates', 'package.json']) cpSync(join(projectRoot, part), join(copy, part), { recursive: true });
    symlinkSync(join(projectRoot, 'node_modules'), join(copy, 'node_modules'), 'dir');
    copiedCache = join(copy, 'dist', 'bundle', 'code-cache', `${process.versions.v8}-${process.arch}`);
    return () => rmSync(copy, { recursive: true, force: true });
  });

  /** Rewrite every cache file of the copy (the manifest aside) from the project's. */
  function rewriteCaches(change: (bytes: Buffer) => Buffer): void {
    const manifest = JSON.parse(readFileSync(join(cacheFolder, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    for (const name of Object.keys(manifest)) writeFileSync(join(copiedCache, `${name}.cache`), change(readFileSync(join(cacheFolder, `${name}.cache`))));
  }

  it('is taken by V8 for every chunk it was made for', () => {
    const manifest = JSON.parse(readFileSync(join(cacheFolder, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(manifest)).toContain('cjs/main.cjs');
    // The precompiled validators, shipped beside the bundle, have their cache too (src/core/load-shipped.ts).
    expect(Object.keys(manifest)).toContain('@parent/validators.cjs');
    // In a plain node process, with the flags a run has.
    const check = `
      const { readFileSync } = require('node:fs'); const { Module } = require('node:module'); const { Script } = require('node:vm');
      const [bundle, cache, ...names] = process.argv.slice(1);
      const rejected = names.filter((name) => new Script(Module.wrap(readFileSync(bundle + '/' + name.replace(/(^|\\/)@parent(?=\\/)/g, '$1..'), 'utf8')), { filename: name, cachedData: readFileSync(cache + '/' + name + '.cache') }).cachedDataRejected);
      process.stdout.write(JSON.stringify(rejected));`;
    const result = spawnSync(process.execPath, ['-e', check, join(projectRoot, 'dist', 'bundle'), cacheFolder, ...Object.keys(manifest)], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([]);
  });

  const programs = readdirSync(examples, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const runs = programs.flatMap((program) => ['json', 'stylish'].map((format) => [program, '--format', format]));
  let expected: Map<string, ReturnType<typeof run>>;

  beforeAll(() => {
    expected = new Map(runs.map((args) => [args.join(' '), run(bin, args)]));
  });

  const cases: [string, ((bytes: Buffer) => Buffer) | undefined][] = [
    ['the cache as built', (bytes) => bytes],
    ['no cache', undefined],
    ['damaged caches (bytes flipped, same length)', (bytes) => Buffer.from(bytes.map((byte, i) => (i > bytes.length / 2 && i % 97 === 0 ? byte ^ 0x5a : byte)))],
    ['truncated caches', (bytes) => bytes.subarray(0, Math.floor(bytes.length / 2))],
  ];

  it.each(cases)('prints the same findings, byte for byte, with %s', (_name, change) => {
    rmSync(copiedCache, { recursive: true, force: true });
    if (change) {
      cpSync(cacheFolder, copiedCache, { recursive: true });
      rewriteCaches(change);
    }
    for (const args of runs) {
      const actual = run(join(copy, 'bin', 'soc2lint.js'), args);
      const wanted = expected.get(args.join(' '))!;
      expect(actual.stderr, args.join(' ')).toBe(wanted.stderr);
      expect(actual.status, args.join(' ')).toBe(wanted.status);
      expect(actual.stdout === wanted.stdout, `${args.join(' ')}: output differs`).toBe(true);
    }
  });

  it('runs a chunk as it is now, not the code its cache was made from, even when its length has not changed', () => {
    rmSync(copiedCache, { recursive: true, force: true });
    cpSync(cacheFolder, copiedCache, { recursive: true });
    const chunks = join(copy, 'dist', 'bundle', 'cjs', 'chunks');
    const stylish = join(chunks, readdirSync(chunks).find((name) => name.startsWith('stylish-'))!);
    const original = readFileSync(stylish, 'utf8');
    try {
      writeFileSync(stylish, original.replaceAll(' problem', ' PROBLEM'));
      const result = run(join(copy, 'bin', 'soc2lint.js'), ['broken-saas']);
      expect(result.status, result.stderr).toBe(1);
      expect(result.stdout).toMatch(/✖ \d+ PROBLEMs? \(/);
    } finally {
      writeFileSync(stylish, original);
    }
  });
});
