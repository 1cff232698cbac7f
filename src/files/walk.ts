// Finding the program's files by one walk of the folders the `paths` patterns name, for the patterns whose matches a
// walk can tell exactly as glob would: literal folders, then `**` and a file name (`controls/**/*.{yaml,yml}`), or a
// literal file (`scope.{yaml,yml}`). glob costs more than reading the folders it lists (its path objects, a matcher per
// entry and per ignore pattern), which a warm run, that reads no file, spends most of its discovery in. Any other
// pattern, or ignore pattern, is left to glob (./discover.ts), and so is a platform where glob ignores case.
//
// What glob does, and so what the walk does (test/files/discover.test.ts compares the two on awkward trees):
// - a literal folder is followed wherever it leads (a symlink included); `**` descends real folders whose name does
//   not start with a dot, and a symlinked folder one level only (its own entries are matched, nothing below them),
//   unless `**` starts the pattern, when symlinks are not followed at all;
// - anything but a real folder is a match when its name matches (a symlink or a named pipe: ./discover.ts judges it);
// - a folder that cannot be read has no entries;
// - an ignore pattern is matched against the path with dot files included (`**/.git/**` ignores `.git` folders).
import { lstatSync, readdirSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';

/** What a walk found: the root-relative path (`/` separators) and the entry's type, as the folder listing (or lstat) gave it. */
export interface WalkedFile {
  file: string;
  type: Dirent | Stats;
}

/** A `paths` pattern the walk understands. */
interface WalkPattern {
  /** The literal folders before `**` or the file name. */
  folders: string[];
  /** `**` before the file name. */
  deep: boolean;
  /** The file name: the literal names it may be, or the extensions of `*.ext`. */
  name: { literal: readonly string[] } | { extensions: readonly string[] };
}

/** Whether a root-relative path is ignored. */
export type IgnoreTest = (file: string) => boolean;

/** Characters that make a glob segment more than a literal name. */
const MAGIC = /[*?[\]{}()!+@\\]/;

/**
 * A literal path segment the walk takes as it is written: printable ASCII only, since glob compares a name found in a
 * folder with a pattern's in Unicode compatibility form (NFKD), which leaves ASCII as it is.
 */
function isLiteral(segment: string): boolean {
  return segment !== '' && segment !== '.' && segment !== '..' && /^[\x20-\x7e]+$/.test(segment) && !MAGIC.test(segment) && !segment.startsWith('#');
}

/** `a{b,c}d` as its alternatives; undefined for any other use of braces (nested, empty or magic alternatives). */
function expandBraces(segment: string): string[] | undefined {
  const open = segment.indexOf('{');
  if (open === -1) return [segment];
  const close = segment.indexOf('}', open);
  if (close === -1) return undefined;
  const head = segment.slice(0, open);
  const tail = segment.slice(close + 1);
  const alternatives = segment.slice(open + 1, close).split(',');
  // One group of two or more plain alternatives: glob leaves `{a}` as it is written.
  if (alternatives.length < 2 || alternatives.some((alternative) => !/^[A-Za-z0-9_-]+$/.test(alternative))) return undefined;
  if (MAGIC.test(head) || MAGIC.test(tail)) return undefined;
  return alternatives.map((alternative) => `${head}${alternative}${tail}`);
}

/** The pattern as the walk takes it, or undefined when only glob can match it exactly. */
export function walkPattern(pattern: string): WalkPattern | undefined {
  const segments = pattern.split('/');
  const last = segments.pop()!;
  const deep = segments.at(-1) === '**';
  if (deep) segments.pop();
  if (!segments.every(isLiteral)) return undefined;
  const star = /^\*\.(.+)$/.exec(last);
  if (star && !deep) return undefined;
  const names = expandBraces(star ? star[1]! : last);
  if (!names) return undefined;
  if (star) return names.every((extension) => /^[A-Za-z0-9_-]+$/.test(extension)) ? { folders: segments, deep, name: { extensions: names } } : undefined;
  return names.every(isLiteral) ? { folders: segments, deep, name: { literal: names } } : undefined;
}

/**
 * The ignore patterns as one test, or undefined when one of them is not of a form the walk knows: `**​/name/**`,
 * `folder/**`, `folder/**​/name`, `**​/name` and a literal path. Matched as glob matches ignores (dot files included,
 * a path ignored when it or it with a trailing `/` matches).
 */
export function walkIgnore(patterns: readonly string[]): IgnoreTest | undefined {
  const tests: IgnoreTest[] = [];
  for (const pattern of patterns) {
    const segments = pattern.split('/');
    const stars = segments.filter((segment) => segment === '**').length;
    const literal = segments.filter((segment) => segment !== '**');
    if (!literal.every(isLiteral) || literal.length === 0) return undefined;
    const n = segments.length;
    if (stars === 0) {
      tests.push((file) => file === pattern);
    } else if (n === 3 && stars === 2 && segments[0] === '**' && segments[2] === '**') {
      // Any folder (or the file itself) of that name.
      const name = segments[1]!;
      const [first, inner, last] = [`${name}/`, `/${name}/`, `/${name}`];
      tests.push((file) => file === name || file.startsWith(first) || file.endsWith(last) || file.includes(inner));
    } else if (stars === 1 && segments[n - 1] === '**') {
      const folder = segments.slice(0, -1).join('/');
      tests.push((file) => file === folder || file.startsWith(`${folder}/`));
    } else if (stars === 1 && segments[n - 2] === '**') {
      // `**/name`, or `folder/**/name`: a file of that name at any depth (below the folder).
      const folder = segments.slice(0, -2).join('/');
      const name = segments[n - 1]!;
      tests.push((file) => (folder === '' || file.startsWith(`${folder}/`)) && file.slice(file.lastIndexOf('/') + 1) === name);
    } else {
      return undefined;
    }
  }
  return (file) => tests.some((test) => test(file));
}

/**
 * The files the patterns match under the root, ignored ones left out, in no particular order (each path once); or
 * undefined when a pattern is one the walk cannot match exactly (then glob must).
 */
export function walkFiles(root: string, patterns: readonly string[], ignored: IgnoreTest): WalkedFile[] | undefined {
  const parsed = patterns.map(walkPattern);
  if (parsed.some((pattern) => pattern === undefined)) return undefined;
  const found = new Map<string, WalkedFile>();
  const add = (file: string, type: Dirent | Stats) => {
    if (!found.has(file) && !ignored(file)) found.set(file, { file, type });
  };
  for (const pattern of parsed as WalkPattern[]) {
    const folder = pattern.folders.join('/');
    const named = nameTest(pattern.name);
    if (!pattern.deep) {
      for (const name of (pattern.name as { literal: readonly string[] }).literal) literalFile(root, folder, name, add);
      continue;
    }
    // `**` first follows no symlink; after a literal folder, a symlinked folder one level.
    descend(root, folder, named, pattern.folders.length > 0 ? pattern.name : undefined, ignored, add);
  }
  return [...found.values()];
}

/** A literal file: there, and not a real folder (glob looks it up with lstat). */
function literalFile(root: string, folder: string, name: string, add: (file: string, type: Stats) => void): void {
  const file = folder === '' ? name : `${folder}/${name}`;
  let stats: Stats;
  try {
    stats = lstatSync(join(root, file));
  } catch {
    return; // not there, or not reachable
  }
  if (!stats.isDirectory()) add(file, stats);
}

function nameTest(name: WalkPattern['name']): (entry: string) => boolean {
  // A name found in a folder matches a literal one in compatibility form, as glob compares them (`ﬁle` is `file`).
  if ('literal' in name) return (entry) => name.literal.includes(entry) || (!/^[\x20-\x7e]*$/.test(entry) && name.literal.includes(entry.normalize('NFKD')));
  // `*.ext` without dot files: `*` never matches a leading dot.
  return (entry) => entry.charCodeAt(0) !== 0x2e && name.extensions.some((extension) => entry.length > extension.length + 1 && entry.endsWith(extension) && entry.charCodeAt(entry.length - extension.length - 1) === 0x2e);
}

/**
 * `folder/**​/name`: the folder's entries that match, then each real folder below that does not start with a dot; a
 * symlinked one (when `follow` is given) has its own entries matched, one level.
 */
function descend(root: string, folder: string, named: (entry: string) => boolean, follow: WalkPattern['name'] | undefined, ignored: IgnoreTest, add: (file: string, type: Dirent | Stats) => void): void {
  for (const entry of entries(root, folder)) {
    const file = folder === '' ? entry.name : `${folder}/${entry.name}`;
    if (named(entry.name) && !entry.isDirectory()) add(file, entry);
    if (entry.name.charCodeAt(0) === 0x2e) continue;
    if (entry.isDirectory()) {
      // A folder whose every path is ignored (`**/node_modules/**`) is not read.
      if (!ignored(`${file}/`)) descend(root, file, named, follow, ignored, add);
    } else if (follow && entry.isSymbolicLink()) {
      if ('literal' in follow) {
        for (const name of follow.literal) literalFile(root, file, name, add);
      } else {
        for (const inner of entries(root, file)) if (named(inner.name) && !inner.isDirectory()) add(`${file}/${inner.name}`, inner);
      }
    }
  }
}

/** A folder's entries; none when it cannot be read (missing, not a folder, no permission). */
function entries(root: string, folder: string): Dirent[] {
  try {
    return readdirSync(folder === '' ? root : join(root, folder), { withFileTypes: true });
  } catch {
    return [];
  }
}
