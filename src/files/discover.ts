// Finding the program's files: one directory walk for the patterns it can match exactly (./walk.ts), else one glob per
// file kind, never following symlinks out of the repo. A file given in the overlay belongs to the program when a
// kind's globs match it, even if it is not on disk yet.
import { existsSync, realpathSync, type Dirent, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { minimatch } from 'minimatch';
import type { FileKind } from '../core/types.js';
import type { LoadProblem } from '../core/types.js';
import type { Overlay } from './read.js';
import { walkFiles, walkIgnore, type WalkedFile } from './walk.js';

export interface DiscoveredFile {
  kind: FileKind;
  /** Relative to the root, `/` separators. */
  file: string;
  absolute: string;
}

export interface Discovery {
  files: DiscoveredFile[];
  problems: LoadProblem[];
}

/** How the files are listed: `glob` always, or the walk wherever it matches exactly as glob does (what the tests compare). */
export type Lister = 'walk' | 'glob';

/** A found file as the lister gave it: its root-relative path, where it is, and its type from the folder listing. */
interface Listed {
  file: string;
  absolute: string;
  type: Pick<Dirent | Stats, 'isFile' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>;
}

export async function discoverFiles(
  root: string,
  paths: Readonly<Partial<Record<FileKind, readonly string[]>>>,
  ignore: readonly string[],
  overlay?: Overlay,
  lister: Lister = 'walk',
): Promise<Discovery> {
  const realRoot = realpathSync.native(root);
  const kinds = Object.keys(paths) as FileKind[];
  const found = await listFiles(root, kinds.map((kind) => paths[kind]!), ignore, lister);
  const seen = new Set<string>();
  const files: DiscoveredFile[] = [];
  const problems: LoadProblem[] = [];
  // A symlinked folder inside the program can lead out of it (glob follows one level of them under **): each folder
  // holding a found file is resolved once, and files in folders outside the repository are not read.
  const folderOutside = outsideFolders(realRoot);
  kinds.forEach((kind, k) => {
    const onDisk = found[k]!.map((entry) => ({ file: entry.file, entry }));
    const known = new Set(onDisk.map(({ file }) => file));
    const given = [...(overlay?.keys() ?? [])].filter((file) => !known.has(file) && matches(file, paths[kind]!, ignore)).map((file) => ({ file, entry: undefined }));
    for (const { file, entry } of [...onDisk, ...given].sort((a, b) => compare(a.file, b.file))) {
      if (seen.has(file)) continue; // a file matched by two kinds belongs to the first
      seen.add(file);
      const absolute = entry ? entry.absolute : join(root, file);
      if (entry && file.includes('\uFFFD') && !existsSync(absolute)) {
        // The folder listing decodes names as UTF-8; a name in another encoding comes back changed and cannot be opened.
        problems.push(problem(file, 'The file name is not valid UTF-8 (its bad bytes are shown as \uFFFD), so it cannot be read; rename the file.'));
        continue;
      }
      if (file.startsWith('../') || isAbsolute(file)) {
        problems.push(problem(file, `Matched by a paths pattern of ${kind}, but outside the repository; soc2lint reads only files inside it. Fix the pattern in paths.`));
        continue;
      }
      const leadsTo = entry ? folderOutside(dirname(absolute)) : undefined;
      if (leadsTo !== undefined) {
        problems.push(problem(file, `In a folder that links outside the repository (to ${leadsTo}); soc2lint does not read it. Copy the files into the repo instead.`));
        continue;
      }
      if (entry && (entry.type.isFIFO() || entry.type.isSocket() || entry.type.isCharacterDevice() || entry.type.isBlockDevice())) {
        problems.push(problem(file, 'Not a regular file (a named pipe, socket or device); soc2lint does not read it.'));
        continue;
      }
      if (entry && !entry.type.isFile()) {
        // A symlink (or an entry whose type the directory listing did not tell): follow it only to check where it leads.
        const target = realTarget(absolute);
        if (target === undefined) {
          problems.push(problem(file, 'Symlink points to a file that does not exist; fix or remove the link.'));
          continue;
        }
        if (target !== realRoot && !target.startsWith(realRoot + sep)) {
          problems.push(problem(file, `Symlink points outside the repository (to ${target}); soc2lint does not read it. Copy the file into the repo instead.`));
          continue;
        }
      }
      files.push({ kind, file, absolute });
    }
  });
  return { files, problems };
}

/**
 * Each kind's files. The walk lists them where every pattern and ignore pattern is one it knows and names are
 * case-sensitive (glob ignores case on macOS and Windows); glob, loaded only then, lists the rest.
 */
async function listFiles(root: string, patterns: readonly (readonly string[])[], ignore: readonly string[], lister: Lister): Promise<Listed[][]> {
  const ignored = lister === 'walk' && process.platform !== 'darwin' && process.platform !== 'win32' ? walkIgnore(ignore) : undefined;
  const base = resolve(root);
  // The walk's paths are made of folder names (no `.`, `..` or empty part): the root and `/` make them absolute.
  const prefix = base.endsWith(sep) ? base : `${base}${sep}`;
  const listed = (files: WalkedFile[]) => files.map(({ file, type }) => ({ file, absolute: `${prefix}${file}`, type }));
  const walked = patterns.map((kind) => (ignored ? walkFiles(base, kind, ignored) : undefined));
  if (walked.every((files) => files !== undefined)) return walked.map((files) => listed(files!));
  const { glob } = await import('glob');
  return Promise.all(
    patterns.map(async (kind, k) => {
      if (walked[k]) return listed(walked[k]);
      const entries = await glob([...kind], { cwd: root, ignore: [...ignore], nodir: true, follow: false, dot: false, withFileTypes: true });
      return entries.map((entry) => ({ file: entry.relativePosix(), absolute: entry.fullpath(), type: entry }));
    }),
  );
}

/** Whether a root-relative path is one the globs find, as glob matches (no dot files, ignores applied). */
function matches(file: string, patterns: readonly string[], ignore: readonly string[]): boolean {
  const options = { dot: false };
  return patterns.some((pattern) => minimatch(file, pattern, options)) && !ignore.some((pattern) => minimatch(file, pattern, options));
}

/** For a folder, where it really is when that is outside the root (undefined when inside); each folder resolved once. */
function outsideFolders(realRoot: string): (folder: string) => string | undefined {
  const known = new Map<string, string | undefined>();
  return (folder) => {
    if (!known.has(folder)) {
      const real = realTarget(folder);
      known.set(folder, real === undefined || real === realRoot || real.startsWith(realRoot + sep) ? undefined : real);
    }
    return known.get(folder);
  };
}

function realTarget(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

function problem(file: string, message: string): LoadProblem {
  return { kind: 'parse', message, range: { file, line: 1, column: 1, endLine: 1, endColumn: 1 } };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
