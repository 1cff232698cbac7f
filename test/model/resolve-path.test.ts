// What a path a record names leads to: inside the program or not, and what is there. Each folder is resolved once per
// load (its parent's real path and its own name, unless it is a symlink), so the table is checked both ways: each path
// on its own (resolvePath), and all of them in one load, in an order where folders are met before the paths below them.
import { mkdtempSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import type { PathTarget } from '../../src/core/types.js';
import { loadRepo, resolvePath } from '../../src/model/load.js';
import { makeRepo } from '../helpers/repo.js';

function outsideFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'soc2lint-outside-'));
  mkdirSync(join(folder, 'deeper'));
  writeFileSync(join(folder, 'x.txt'), 'outside\n');
  writeFileSync(join(folder, 'deeper', 'y.txt'), 'outside\n');
  return folder;
}

const outside = outsideFolder();
const FILES = {
  'scope.yaml': 'categories: [security]\n',
  'evidence/a.txt': 'a\n',
  'evidence/dir/keep.txt': 'k\n',
  'evidence/sub/deep/b.txt': 'b\n',
  'evidence/in': { symlink: 'sub' },
  'evidence/out': { symlink: outside },
  'evidence/link.txt': { symlink: 'a.txt' },
  'evidence/escape.txt': { symlink: join(outside, 'x.txt') },
  'evidence/gone.txt': { symlink: 'deleted.txt' },
  'evidence/loop': { symlink: 'loop' },
  'evidence/pipe': { fifo: true },
  // A folder of many folders: read whole once enough of them are asked for, in one load.
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`many/f${i}/x.txt`, 'x\n'])),
  'many/in': { symlink: 'f0' },
  'many/out': { symlink: outside },
  'many/file': 'not a folder\n',
} as const;

const CASES: [string, PathTarget][] = [
  ['evidence/a.txt', { state: 'file' }],
  ['evidence/dir', { state: 'directory' }],
  ['evidence/dir/', { state: 'directory' }],
  ['evidence/sub/deep/b.txt', { state: 'file' }],
  ['evidence/in/deep/b.txt', { state: 'file' }],
  ['evidence/in', { state: 'directory' }],
  ['evidence/out/x.txt', { state: 'outside', reason: 'symlink' }],
  ['evidence/out/missing.txt', { state: 'outside', reason: 'symlink' }],
  ['evidence/out/deeper/y.txt', { state: 'outside', reason: 'symlink' }],
  ['evidence/out', { state: 'outside', reason: 'symlink' }],
  ['evidence/link.txt', { state: 'file' }],
  ['evidence/escape.txt', { state: 'outside', reason: 'symlink' }],
  ['evidence/gone.txt', { state: 'missing' }],
  ['evidence/loop/x.txt', { state: 'missing' }],
  ['evidence/loop', { state: 'missing' }],
  ['evidence/pipe', { state: 'special' }],
  ['evidence/a.txt/x', { state: 'missing' }],
  ['evidence/nope/x.txt', { state: 'missing' }],
  ['nope/deeper/x.txt', { state: 'missing' }],
  ['evidence//a.txt', { state: 'file' }],
  ['./evidence/a.txt', { state: 'file' }],
  ['evidence/sub/../a.txt', { state: 'file' }],
  ['evidence\\a.txt', { state: 'file' }],
  ['../x.txt', { state: 'outside', reason: 'parent' }],
  ['evidence/../../x.txt', { state: 'outside', reason: 'parent' }],
  ['/etc/hostname', { state: 'outside', reason: 'absolute' }],
  ...Array.from({ length: 10 }, (_, i): [string, PathTarget] => [`many/f${i}/x.txt`, { state: 'file' }]),
  ['many/out/x.txt', { state: 'outside', reason: 'symlink' }],
  ['many/in/x.txt', { state: 'file' }],
  ['many/file/x.txt', { state: 'missing' }],
  ['many/nope/x.txt', { state: 'missing' }],
];

describe('resolvePath', () => {
  const root = makeRepo(FILES);

  it.each(CASES)('%s', (path, target) => {
    expect(resolvePath(root, path)).toEqual(target);
  });

  it('gives the same answers through a symlink to the root', () => {
    const linked = join(mkdtempSync(join(tmpdir(), 'soc2lint-link-')), 'root');
    symlinkSync(root, linked);
    for (const [path, target] of CASES) expect([path, resolvePath(linked, path)]).toEqual([path, target]);
  });

  it('gives the same answers for every path in one load, folders resolved once', async () => {
    const control = `id: C-1\ntitle: Control\nowner: a@x.io\nfrequency: annual\ncriteria: [CC6.1]\nevidence:\n${CASES.map(([path]) => `  - path: ${JSON.stringify(path)}\n    date: 2026-06-01\n`).join('')}`;
    const program = makeRepo({ ...FILES, 'controls/c.yaml': control });
    const model = await loadRepo(loadConfig(program));
    expect(CASES.map(([path]) => [path, model.paths.get(path)])).toEqual(CASES);
  });
});
