// Build step (npm run build): bundle the CLI into a few files (dist/bundle), so a run loads a handful of modules
// instead of a hundred. Start-up is most of a pre-commit hook's time, and module loading most of start-up.
//
// esbuild splits the CLI into chunks (commands, formatters and git load on demand), each chunk is turned into
// CommonJS (dist/bundle/cjs), and dist/bundle/main.js is the loader that runs them with V8's code cache
// (./load-bundle.ts; the cache itself is made by ./code-cache.ts).
import { build, transform, type Plugin } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { packageRoot } from '../core/package-root.js';

const bundle = join(packageRoot, 'dist', 'bundle');
// Start clean: chunks are named by content hash, and stale ones (or a code cache made from other code) would ship.
rmSync(bundle, { recursive: true, force: true });

/**
 * gray-matter's default engines (js-yaml, esprima behind it, and an `eval` for `---js`) are never used: front matter
 * is parsed by `yaml` (src/parse/front-matter.ts). Its engines module is replaced by one that refuses.
 */
const noFrontMatterEngines: Plugin = {
  name: 'no-front-matter-engines',
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\/(lib\/)?engines$/ }, (args) =>
      /[\\/]gray-matter[\\/]/.test(args.importer) ? { path: join(packageRoot, 'src', 'build', 'no-front-matter-engines.ts') } : undefined,
    );
  },
};

const result = await build({
  entryPoints: [join(packageRoot, 'src', 'cli', 'main.ts')],
  // The metafile names sources relative to this folder: `src/cli/main.ts`, `node_modules/yaml/...`.
  absWorkingDir: packageRoot,
  outdir: join(bundle, 'cjs'),
  outExtension: { '.js': '.cjs' },
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  // Commands, formatters and git are loaded on demand; splitting keeps them out of the lint path.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [noFrontMatterEngines],
  metafile: true,
  write: false,
  logLevel: 'warning',
});

// What must never ship: a JavaScript engine for front matter, or the YAML parser that is not soc2lint's.
const unwanted = Object.keys(result.metafile.inputs).filter((input) => /node_modules[\\/](js-yaml|esprima)[\\/]|gray-matter[\\/]lib[\\/]engines\.js$/.test(input));
if (unwanted.length > 0) throw new Error(`The bundle includes modules soc2lint never runs: ${unwanted.join(', ')}`);

// Each chunk as CommonJS: imports become require calls (the loader resolves the chunks' own), dynamic imports lazy
// requires, and import.meta.url the chunk's own file URL.
for (const file of result.outputFiles) {
  const { code } = await transform(file.text, {
    loader: 'js',
    format: 'cjs',
    target: 'node20',
    supported: { 'dynamic-import': false },
    define: { 'import.meta.url': '__soc2lintFileUrl' },
    banner: "var __soc2lintFileUrl = require('node:url').pathToFileURL(__filename).href;",
    logLevel: 'warning',
  });
  if (/\bimport\s*\(/.test(code.replace(/\/\/.*$/gm, ''))) throw new Error(`${relative(packageRoot, file.path)}: a dynamic import was left in CommonJS output`);
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path, withPlainExports(code, relative(packageRoot, file.path)));
}

// The loader, as dist/bundle/main.js: what bin/soc2lint.js imports.
await build({
  entryPoints: [join(packageRoot, 'src', 'build', 'load-bundle.ts')],
  absWorkingDir: packageRoot,
  outfile: join(bundle, 'main.js'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});

// Which sources each chunk holds, for the test that checks what a run loads (test/build/lazy-loading.test.ts). Beside
// the bundle, not in it: the package does not ship it.
writeFileSync(join(packageRoot, 'dist', 'bundle-meta.json'), JSON.stringify(result.metafile));

/**
 * esbuild's CommonJS form of a chunk's exports is a getter per name (ESM's live bindings), so each call from one chunk
 * into another (a rule calling a date function) first calls a getter, two with the copy `__toCommonJS` makes. Once
 * the chunk has run, each exported function is written into its exports as a plain value. A function declaration's
 * binding never changes after that (the sources export no `let`), and while the chunk runs, a chunk that requires it
 * back still reads through the getters.
 */
function withPlainExports(code: string, name: string): string {
  const exported = code.indexOf('module.exports = __toCommonJS(');
  if (exported < 0) return code; // an entry chunk with no exports
  // The two helpers above that line define the getters: `__export`'s and `__copyProps`'s (names may be renamed).
  const helpers = code.slice(0, exported);
  const getter = /(__defProp\(\w+, \w+, \{ get: [^;\n]*?) \}\);/g;
  const found = helpers.match(getter) ?? [];
  if (found.length !== 2) throw new Error(`${name}: esbuild's export helpers are not the ones expected (${found.length} getters); see withPlainExports in src/build/bundle.ts`);
  const configurable = helpers.replace(getter, '$1, configurable: true });');
  return `${configurable}${code.slice(exported)}\nfor (const key of Object.keys(module.exports)) { const value = module.exports[key]; if (typeof value === 'function') __defProp(module.exports, key, { value, enumerable: true }); }\n`;
}
