// Finding the program's files: one glob per file kind, never following symlinks out of the repo.
import { realpathSync } from 'node:fs';
import { sep } from 'node:path';
import { glob } from 'glob';
import type { FileKind } from '../core/types.js';
import type { LoadProblem } from '../core/types.js';

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
  paths: Readonly<Record<FileKind, readonly string[]>>,
  ignore: readonly string[],
): Promise<Discovery> {
  const realRoot = realpathSync(root);
  const kinds = Object.keys(paths) as FileKind[];
  const found = await Promise.all(
    kinds.map((kind) =>
      glob([...paths[kind]], { cwd: root, ignore: [...ignore], nodir: true, follow: false, dot: false, withFileTypes: true }),
    ),
  );
  const seen = new Set<string>();
  const files: DiscoveredFile[] = [];
  const problems: LoadProblem[] = [];
  kinds.forEach((kind, k) => {
    for (const entry of found[k]!.sort((a, b) => compare(a.relativePosix(), b.relativePosix()))) {
      const file = entry.relativePosix();
      if (seen.has(file)) continue; // a file matched by two kinds belongs to the first
      seen.add(file);
      const absolute = entry.fullpath();
      if (!entry.isFile()) {
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
