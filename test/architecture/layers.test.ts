// Imports run one way, down the pipeline (see LAYERS): an upward import fails here with both files named.
import { globSync } from 'glob';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/core/package-root.js';
import { LAYERS, checkLayers, importGraph, importsOf, layerOf } from './layers.js';

const files = globSync(['src/**/*.ts', 'rules/*.ts'], { cwd: packageRoot, posix: true }).sort();

describe('layers', () => {
  it('maps every source file to a layer', () => {
    expect(files.filter((file) => layerOf(file) === undefined)).toEqual([]);
  });

  it('has no upward import, no rule reading below the model, and no import cycle', () => {
    expect(checkLayers(importGraph(packageRoot, files)).map((v) => v.why)).toEqual([]);
  });

  it('reports a deliberately upward import with both files named', () => {
    const graph = new Map([
      ['src/parse/yaml.ts', importsOf('src/parse/yaml.ts', "import type { Finding } from '../engine/finding.js';")],
      ['src/engine/finding.ts', []],
    ]);
    expect(checkLayers(graph).map((v) => v.why)).toEqual(['src/parse/yaml.ts (layer parse) imports src/engine/finding.ts (layer engine, above it)']);
  });

  it('reports a rule that reads the parser or git directly, and a dynamic import upward', () => {
    const graph = new Map([
      ['rules/x.ts', importsOf('rules/x.ts', "import { proseLines } from '../src/parse/markdown.js';")],
      ['src/model/load.ts', importsOf('src/model/load.ts', "const m = await import('../engine/run.js');")],
    ]);
    expect(checkLayers(graph).map((v) => v.why)).toEqual([
      'rules/x.ts (layer rules) imports src/parse/markdown.ts (layer parse); it may import only core, model, engine, rules',
      'src/model/load.ts (layer model) imports src/engine/run.ts (layer engine, above it)',
    ]);
  });

  it('reports an import cycle', () => {
    const graph = new Map([
      ['src/cli/main.ts', ['src/cli/commands/lint.ts']],
      ['src/cli/commands/lint.ts', ['src/cli/main.ts']],
    ]);
    expect(checkLayers(graph).map((v) => v.why)).toEqual(['import cycle: src/cli/commands/lint.ts -> src/cli/main.ts -> src/cli/commands/lint.ts']);
  });

  it('lists the layers bottom-up as the pipeline runs', () => {
    expect(LAYERS.map((layer) => layer.name)).toEqual(['core', 'files', 'parse', 'git', 'schema', 'config', 'model', 'cache', 'engine', 'rules', 'report', 'formatters', 'cli', 'api', 'build']);
  });
});
