// The layer map and its checker: soc2lint's modules import one way, down the pipeline. Read by the layer test.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Bottom to top. A module may import from its own layer or any layer below it, never from one above, not even a
 * type. Rules are narrower still: they see the model through `core`, `model` and `engine` only.
 */
export const LAYERS: readonly { name: string; folder: string; may?: readonly string[] }[] = [
  { name: 'core', folder: 'src/core' },
  { name: 'files', folder: 'src/files' },
  { name: 'parse', folder: 'src/parse' },
  { name: 'git', folder: 'src/git' },
  { name: 'schema', folder: 'src/schema' },
  { name: 'config', folder: 'src/config' },
  { name: 'model', folder: 'src/model' },
  { name: 'cache', folder: 'src/cache' },
  { name: 'engine', folder: 'src/engine' },
  { name: 'rules', folder: 'rules', may: ['core', 'model', 'engine', 'rules'] },
  { name: 'report', folder: 'src/report' },
  { name: 'formatters', folder: 'src/formatters' },
  { name: 'cli', folder: 'src/cli' },
  { name: 'api', folder: 'src/index.ts' },
  { name: 'build', folder: 'src/build' },
];

export interface Violation {
  from: string;
  to: string;
  why: string;
}

/** The layer a root-relative file belongs to, or undefined for files outside the map (tests, scripts). */
export function layerOf(file: string): number | undefined {
  const index = LAYERS.findIndex(({ folder }) => file === folder || file.startsWith(`${folder}/`));
  return index < 0 ? undefined : index;
}

/** The relative imports of a TypeScript file (static, type-only, re-exports and dynamic), root-relative `.ts` paths. */
export function importsOf(file: string, text: string): string[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => join(dirname(file), name).split('\\').join('/').replace(/\.js$/, '.ts'));
}

/** Every import that runs upward or sideways out of a layer's allowance, and every import cycle, with both files named. */
export function checkLayers(graph: ReadonlyMap<string, readonly string[]>): Violation[] {
  const violations: Violation[] = [];
  for (const [from, targets] of graph) {
    const fromLayer = layerOf(from);
    if (fromLayer === undefined) continue;
    for (const to of targets) {
      const toLayer = layerOf(to);
      if (toLayer === undefined) {
        violations.push({ from, to, why: `${from} imports ${to}, which belongs to no layer` });
        continue;
      }
      const allowed = LAYERS[fromLayer]!.may;
      if (toLayer > fromLayer) {
        violations.push({ from, to, why: `${from} (layer ${LAYERS[fromLayer]!.name}) imports ${to} (layer ${LAYERS[toLayer]!.name}, above it)` });
      } else if (allowed && !allowed.includes(LAYERS[toLayer]!.name)) {
        violations.push({ from, to, why: `${from} (layer ${LAYERS[fromLayer]!.name}) imports ${to} (layer ${LAYERS[toLayer]!.name}); it may import only ${allowed.join(', ')}` });
      }
    }
  }
  for (const cycle of cycles(graph)) violations.push({ from: cycle[0]!, to: cycle[1]!, why: `import cycle: ${cycle.join(' -> ')}` });
  return violations;
}

/** One cycle per strongly connected group of files that import each other, as a path that returns to its start. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return found;
}

/** The import graph of the given root-relative files. */
export function importGraph(root: string, files: readonly string[]): Map<string, string[]> {
  return new Map(files.map((file) => [file, importsOf(file, readFileSync(join(root, file), 'utf8'))]));
}

export function relativeTo(root: string, absolute: string): string {
  return relative(root, absolute).split('\\').join('/');
}
