// Finding the program's files: one glob per file kind, never following symlinks out of the repo. A file given in the
// overlay belongs to the program when a kind's globs match it, even if it is not on disk yet.
import { realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import { glob } from 'glob';
import { minimatch } from 'minimatch';
import type { FileKind } from '../core/types.js';
import type { LoadProblem } from '../core/types.js';
import type { Overlay } from './read.js';

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

export async function discoverFiles(
  root: string,
  paths: Readonly<Partial<Record<FileKind, readonly string[]>>>,
  ignore: readonly string[],
  overlay?: Overlay,
): Promise<Discovery> {
  const realRoot = realpathSync(root);
  const kinds = Object.keys(paths) as FileKind[];
  const found = await Promise.all(
    kinds.map((kind) =>
      glob([...paths[kind]!], { cwd: root, ignore: [...ignore], nodir: true, follow: false, dot: false, withFileTypes: true }),
    ),
  );
  const seen = new Set<string>();
  const files: DiscoveredFile[] = [];
  const problems: LoadProblem[] = [];
  kinds.forEach((kind, k) => {
    const onDisk = found[k]!.map((entry) => ({ file: entry.relativePosix(), entry }));
    const known = new Set(onDisk.map(({ file }) => file));
    const given = [...(overlay?.keys() ?? [])].filter((file) => !known.has(file) && matches(file, paths[kind]!, ignore)).map((file) => ({ file, entry: undefined }));
    for (const { file, entry } of [...onDisk, ...given].sort((a, b) => compare(a.file, b.file))) {
      if (seen.has(file)) continue; // a file matched by two kinds belongs to the first
      seen.add(file);
      const absolute = entry ? entry.fullpath() : join(root, file);
      if (entry && !entry.isFile()) {
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

/** Whether a root-relative path is one the globs find, as glob matches (no dot files, ignores applied). */
function matches(file: string, patterns: readonly string[], ignore: readonly string[]): boolean {
  const options = { dot: false };
  return patterns.some((pattern) => minimatch(file, pattern, options)) && !ignore.some((pattern) => minimatch(file, pattern, options));
}

function realTarget(path: string): string | undefined {
  try {
    return realpathSync(path);
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
