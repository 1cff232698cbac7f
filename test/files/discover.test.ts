// The directory walk (src/files/walk.ts) finds exactly what glob finds: the same files in the same order, with the
// same problems, on trees with every awkward entry a folder can hold (symlinks in and out of the repo, to files and to
// folders, broken and looping; dot files and dot folders; named pipes; folders named like files; names that are not
// UTF-8; ignored folders), for the default paths, comply's, and configs whose patterns and ignores use every form the
// walk knows. glob, the lister before the walk, is the reference: each case runs discovery both ways and compares.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minimatch } from 'minimatch';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPLY_PATHS, COMPLY_STANDARDS, DEFAULT_IGNORE, DEFAULT_PATHS, type FileKind } from '../../src/config/config.js';
import { discoverFiles } from '../../src/files/discover.js';
import { walkFiles, walkIgnore, walkPattern } from '../../src/files/walk.js';
import { writeFiles, type RepoFiles } from '../helpers/repo.js';

const created: string[] = [];
afterAll(() => {
  for (const dir of created.splice(0)) {
    // A folder made unreadable must be readable again to be removed (when the tests do not run as root).
    for (const locked of ['controls/locked', 'policies/locked']) {
      try {
        chmodSync(join(dir, 'repo', locked), 0o755);
      } catch {
        // not in this tree
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

const YAML = 'id: X\n';

/** A repo with every awkward entry, and a folder outside it that links lead to. */
function awkwardTree(): string {
  const top = mkdtempSync(join(tmpdir(), 'soc2lint-discover-'));
  created.push(top);
  const root = join(top, 'repo');
  const outside = join(top, 'outside');
  writeFiles(outside, { 'o.yaml': YAML, 'o.md': '# O\n', 'nested/n.yaml': YAML });
  const files: RepoFiles = {
    'scope.yaml': YAML,
    'people.yaml/inner.yaml': YAML, // a folder named like the file
    'waivers.yml': { symlink: join(outside, 'o.yaml') },
    'incidents.yaml': { fifo: true },
    'controls/a.yaml': YAML,
    'controls/b.yml': YAML,
    'controls/C.YAML': YAML,
    'controls/.hidden.yaml': YAML,
    'controls/.yaml': YAML,
    'controls/yaml': YAML,
    'controls/a.yaml.bak': YAML,
    'controls/x.yamlx': YAML,
    'controls/.dot/inside.yaml': YAML,
    'controls/sub/deep/d.yaml': YAML,
    'controls/sub/deep/special.yaml': YAML,
    'controls/sub/.git/g.yaml': YAML,
    'controls/node_modules/m.yaml': YAML,
    'controls/sub/node_modules': YAML, // a file named like an ignored folder
    'controls/folder.yaml/inner.yaml': YAML, // a folder named like a file
    'controls/special.yaml': YAML,
    'controls/sub/\ufb01le.yaml': YAML, // a ligature: `file.yaml` in compatibility form
    'controls/sub/cafe\u0301.yaml': YAML, // decomposed: `café.yaml` as macOS writes it
    'controls/caf\u00e9.yaml': YAML,
    'controls/fifo.yaml': { fifo: true },
    'controls/link-in': { symlink: '../shared' }, // a folder inside the repo, followed one level
    'controls/link-out': { symlink: outside },
    'controls/link-file.yaml': { symlink: '../shared/s.yaml' },
    'controls/link-out-file.yaml': { symlink: join(outside, 'o.yaml') },
    'controls/link-broken.yaml': { symlink: 'nowhere.yaml' },
    'controls/link-folder.yaml': { symlink: '../shared' }, // a link named like a file, to a folder
    'controls/loop': { symlink: '.' },
    'controls/sub/link-up': { symlink: '..' },
    'controls/sub/link-to-file': { symlink: '../a.yaml' },
    'shared/s.yaml': YAML,
    'shared/special.yaml': YAML,
    'shared/.s.yaml': YAML,
    'shared/nested/n.yaml': YAML, // below a symlinked folder: not followed that far
    'real-vendors/v.yaml': YAML,
    'real-vendors/sub/w.yml': YAML,
    vendors: { symlink: 'real-vendors' }, // the walk's own folder is a link
    training: 'not a folder\n',
    'populations/p.csv': 'id\n1\n',
    'populations/q/r.json': '[]\n',
    'populations/q/s.txt': 'no\n',
    'policies/p.md': '# P\n',
    'policies/README.md': '# About\n',
    'policies/sub/README.md': '# About\n',
    'policies/sub/q.md': '# Q\n',
    'policies/node_modules/x.md': '# X\n',
    'policies/.git/y.md': '# Y\n',
    'narratives/n.md': '# N\n',
    'narratives/README.md': '# About\n',
    'procedures/pr.md': '# Pr\n',
    'standards/tsc.yml': YAML,
    'standards/extra/iso.yaml': YAML,
    'standards/.draft.yml': YAML,
    'standards/link-out': { symlink: outside },
    'standards/pipe.yml': { fifo: true },
    'notes.md': '# Notes\n',
    'deep/er/notes.md': '# Notes\n',
    'deep/link-out': { symlink: outside },
  };
  mkdirSync(root);
  writeFiles(root, files);
  // A name that is not valid UTF-8: the listing shows it with U+FFFD.
  writeFileSync(Buffer.concat([Buffer.from(`${root}/controls/bad-`), Buffer.from([0xff, 0xfe]), Buffer.from('.yaml')]), YAML);
  // Folders that cannot be read (when not running as root): nothing in them is found.
  writeFiles(root, { 'controls/locked/l.yaml': YAML, 'policies/locked/l.md': '# L\n' });
  chmodSync(join(root, 'controls/locked'), 0o000);
  chmodSync(join(root, 'policies/locked'), 0o311);
  symlinkSync(join(root, 'controls/locked'), join(root, 'controls/link-locked'));
  return root;
}

const tree = awkwardTree();

type Paths = Partial<Record<FileKind, readonly string[]>>;

async function both(paths: Paths, ignore: readonly string[], overlay?: Map<string, Uint8Array>) {
  return {
    walk: await discoverFiles(tree, paths, ignore, overlay, 'walk'),
    glob: await discoverFiles(tree, paths, ignore, overlay, 'glob'),
  };
}

/** Every kind's patterns and the ignores are ones the walk takes on itself (no case falls back to glob unseen). */
function walked(paths: Paths, ignore: readonly string[]): boolean {
  const ignored = walkIgnore(ignore);
  return ignored !== undefined && Object.values(paths).every((patterns) => walkFiles(tree, patterns, ignored) !== undefined);
}

const CASES: [string, Paths, readonly string[]][] = [
  ['the default paths and ignores', DEFAULT_PATHS, DEFAULT_IGNORE],
  ['comply', { ...DEFAULT_PATHS, ...COMPLY_PATHS }, [...DEFAULT_IGNORE, 'narratives/**/README.md', 'procedures/**/README.md']],
  ['comply standards', { scope: COMPLY_STANDARDS }, DEFAULT_IGNORE],
  [
    'patterns and ignores of every form the walk knows',
    {
      controls: ['controls/**/*.{yaml,yml}', 'controls/sub/**/*.yaml', 'controls/**/special.yaml', 'controls/**/file.yaml'],
      policies: ['**/*.md'],
      vendors: ['vendors/**/*.yml', 'real-vendors/**/*.yaml'],
      scope: ['scope.yaml', 'people.yaml', 'controls/sub/link-to-file', 'nowhere.yaml'],
      waivers: ['waivers.{yaml,yml}', 'deep/link-out/o.yaml', 'policies/locked/l.md'],
      populations: ['populations/**/*.{csv,json}', '**/special.yaml'],
    },
    ['**/node_modules/**', '**/.git/**', 'controls/sub/**', '**/b.yml', 'controls/**/d.yaml', 'controls/a.yaml', 'policies/**/README.md', '**/real-vendors/**'],
  ],
  ['no ignores', DEFAULT_PATHS, []],
  ['a literal name below **, found in compatibility form', { controls: ['controls/**/file.yaml', 'controls/**/fifo.yaml'] }, []],
];

describe('discovery by one directory walk', () => {
  it.each(CASES)('finds what glob finds: %s', async (_name, paths, ignore) => {
    expect(walked(paths, ignore)).toBe(true);
    const { walk, glob } = await both(paths, ignore);
    expect(walk).toEqual(glob);
    // The tree gives every case files and problems to compare.
    expect(walk.files.length).toBeGreaterThan(0);
    expect(walk.problems.length).toBeGreaterThan(0);
  });

  it('finds what glob finds, at the same absolute paths, from a root given through a symlink or with a trailing slash', async () => {
    const link = `${tree}-link`;
    symlinkSync(tree, link);
    created.push(link);
    for (const root of [link, `${link}/`, `${tree}/../repo`]) {
      const walk = await discoverFiles(root, DEFAULT_PATHS, DEFAULT_IGNORE, undefined, 'walk');
      expect(walk).toEqual(await discoverFiles(root, DEFAULT_PATHS, DEFAULT_IGNORE, undefined, 'glob'));
      expect(walk.files.length).toBeGreaterThan(0);
    }
  });

  it('finds what glob finds with files given in an overlay', async () => {
    const overlay = new Map([
      ['controls/new.yaml', new TextEncoder().encode(YAML)],
      ['controls/a.yaml', new TextEncoder().encode(YAML)],
      ['policies/README.md', new TextEncoder().encode('# About\n')],
    ]);
    const { walk, glob } = await both(DEFAULT_PATHS, DEFAULT_IGNORE, overlay);
    expect(walk).toEqual(glob);
    expect(walk.files.map((file) => file.file)).toContain('controls/new.yaml');
  });

  it.each([
    ['a name that is not ASCII', { controls: ['controls/**/caf\u00e9.yaml', 'controls/**/file.yaml'] }, []],
    ['a wildcard folder', { controls: ['controls/*/*.yaml'] }, DEFAULT_IGNORE],
    ['braces in a folder', { controls: ['{controls,shared}/**/*.yaml'] }, DEFAULT_IGNORE],
    ['a wildcard at the top', { policies: ['*.md'] }, DEFAULT_IGNORE],
    ['a character class', { controls: ['controls/**/[ab].yaml'] }, DEFAULT_IGNORE],
    ['an ignore with a wildcard name', DEFAULT_PATHS, ['**/*.yml']],
    ['an ignore with braces', DEFAULT_PATHS, ['controls/{sub,loop}/**']],
  ] as [string, Paths, string[]][])('leaves to glob what the walk cannot match exactly: %s', async (_name, paths, ignore) => {
    expect(walked(paths, ignore)).toBe(false);
    const { walk, glob } = await both(paths, ignore);
    expect(walk).toEqual(glob);
    expect(walk.files.length).toBeGreaterThan(0);
  });

  it('reads a pattern as glob does, or not at all', () => {
    expect(walkPattern('controls/**/*.{yaml,yml}')).toEqual({ folders: ['controls'], deep: true, name: { extensions: ['yaml', 'yml'] } });
    expect(walkPattern('scope.{yaml,yml}')).toEqual({ folders: [], deep: false, name: { literal: ['scope.yaml', 'scope.yml'] } });
    expect(walkPattern('**/*.md')).toEqual({ folders: [], deep: true, name: { extensions: ['md'] } });
    for (const other of ['*.md', 'a/*/b.yaml', 'a/**/b/*.yaml', '{a,b}/**/*.yaml', 'a/**/*.{yaml}', 'a/**/*.{y,{z}}', 'a/**/?.yaml', './a/**/*.yaml', 'a//b.yaml', 'a/../b.yaml', 'a/**/*.y*']) {
      expect(walkPattern(other), other).toBeUndefined();
    }
  });
});

describe('ignore patterns as glob matches them', () => {
  const PATHS = ['a', 'a/b', 'a/b/c.md', 'node_modules', 'x/node_modules', 'x/node_modules/y.md', 'x/.git/y', 'policies/README.md', 'policies/a/README.md', 'policies/.a/README.md', 'README.md', 'policies', 'policies/README.md/x', 'a/b/README.md', 'N', 'a/N', 'a/N/b', 'a/.b/N', 'ab', 'a/bc'];
  const PATTERNS = ['**/node_modules/**', '**/.git/**', 'policies/**/README.md', 'a/**', 'a/b/**', 'a', 'a/b', '**/N', '**/README.md', 'a/**/N'];
  it.each(PATTERNS)('%s', (pattern) => {
    const options = { dot: true, nocomment: true, nonegate: true, optimizationLevel: 2 };
    const test = walkIgnore([pattern])!;
    expect(test).toBeDefined();
    for (const path of PATHS) expect(test(path), path).toBe(minimatch(path, pattern, options) || minimatch(`${path}/`, pattern, options));
  });
});
