// The bundled CLI's loader, built into dist/bundle/main.js: loads the bundle's CommonJS chunks (dist/bundle/cjs) on
// demand, each compiled with the V8 code cache the build left for this Node (dist/bundle/code-cache/<V8>-<arch>), so
// a run skips parsing and compiling most of the code it runs. Node 20 has no compile cache of its own
// (module.enableCompileCache is Node 22) and takes a code cache for vm.Script only, not for ES modules: hence chunks
// in CommonJS. Nothing is written at run time; a chunk without a cache for this Node compiles as usual.
//
// V8 checks that a cache was made by its own version with the same flags, but of the source only the length, and a
// damaged cache crashes the process. So a cache is used only when the manifest the build wrote beside it has the
// checksums (CRC-32) of both the cache and the chunk it was made from, and both match: a guard against damage and
// stale files, not an attacker, who could as well change the chunks themselves. Checking every chunk a lint loads
// takes about 1 ms.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Module, createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';
import { registerShippedLoader } from '../core/load-shipped.js';

type Main = typeof import('../cli/main.js').main;

/** What the build made a cache from, and the cache, by chunk path relative to the bundle folder. */
type Manifest = Record<string, { source: number; cache: number }>;

const bundle = dirname(fileURLToPath(import.meta.url));
const cacheFolder = join(bundle, 'code-cache', `${process.versions.v8}-${process.arch}`);
const manifestFile = join(cacheFolder, 'manifest.json');
const scripts = new Map<string, { script: Script; source: string }>();
// Chunks are registered in require's cache like any CommonJS module: loaded once, and visible as loaded.
const loaded = createRequire(import.meta.url).cache;
let manifest: Manifest | undefined;

function readManifest(): Manifest {
  if (!manifest) {
    try {
      const read: unknown = JSON.parse(readFileSync(manifestFile, 'utf8'));
      manifest = read && typeof read === 'object' ? (read as Manifest) : {};
    } catch {
      manifest = {};
    }
  }
  return manifest;
}

/** The cache for a chunk, when there is one for this Node, made from this very source, and undamaged. */
function codeCache(name: string, source: string): Buffer | undefined {
  const expected = readManifest()[name];
  if (!expected) return undefined;
  try {
    const cache = readFileSync(join(cacheFolder, `${name}.cache`));
    return crc32(cache) === expected.cache && crc32(source) === expected.source ? cache : undefined;
  } catch {
    return undefined;
  }
}

function load(file: string): unknown {
  const known = loaded[file];
  if (known) return known.exports;
  // A file shipped beside the bundle (../validators.cjs) keeps its cache inside this Node's cache folder too.
  const name = relative(bundle, file).split('\\').join('/').replace(/(^|\/)\.\.(?=\/)/g, '$1@parent');
  const source = readFileSync(file, 'utf8');
  const cachedData = codeCache(name, source);
  const script = new Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  scripts.set(name, { script, source });
  const module = new Module(file);
  module.filename = file;
  loaded[file] = module;
  // Chunks require each other by relative path (through this loader), and Node's built-ins and packages through Node.
  const nodeRequire = createRequire(file);
  const chunkRequire = Object.assign((id: string) => (id.startsWith('./') || id.startsWith('../') ? load(join(dirname(file), id)) : nodeRequire(id)), {
    resolve: nodeRequire.resolve,
    cache: nodeRequire.cache,
  });
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, chunkRequire, module, file, dirname(file));
  module.loaded = true;
  return module.exports;
}

registerShippedLoader(load);

/** The CLI's main, from the bundle. */
export const main = (load(join(bundle, 'cjs', 'main.cjs')) as { main: Main }).main;

/**
 * Writes the code cache of every chunk loaded so far, with the functions compiled so far, and its manifest
 * (src/build/code-cache.ts calls it after a few runs). Returns how many chunks it wrote.
 */
export function writeCodeCache(): number {
  const written: Manifest = {};
  for (const [name, { script, source }] of scripts) {
    const cache = script.createCachedData();
    const target = join(cacheFolder, `${name}.cache`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, cache);
    written[name] = { source: crc32(source), cache: crc32(cache) };
  }
  mkdirSync(cacheFolder, { recursive: true });
  writeFileSync(manifestFile, `${JSON.stringify(written, null, 1)}\n`);
  return scripts.size;
}
