// Build step (npm run build): bundle the CLI into a few files (dist/bundle), so a run loads a handful of modules
// instead of a hundred. Start-up is most of a pre-commit hook's time, and module loading most of start-up.
import { build, type Plugin } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../core/package-root.js';

// Start clean: chunks are named by content hash, and stale ones would ship in the package.
rmSync(join(packageRoot, 'dist', 'bundle'), { recursive: true, force: true });

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
  outdir: join(packageRoot, 'dist', 'bundle'),
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  // Commands, formatters and git are loaded on demand; splitting keeps them out of the lint path.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Bundled CommonJS dependencies (gray-matter) call require; give ES module chunks one.
  banner: { js: "import { createRequire as __soc2lintCreateRequire } from 'node:module'; const require = __soc2lintCreateRequire(import.meta.url);" },
  plugins: [noFrontMatterEngines],
  metafile: true,
  logLevel: 'warning',
});

// What must never ship: a JavaScript engine for front matter, or the YAML parser that is not soc2lint's.
const unwanted = Object.keys(result.metafile.inputs).filter((input) => /node_modules[\\/](js-yaml|esprima)[\\/]|gray-matter[\\/]lib[\\/]engines\.js$/.test(input));
if (unwanted.length > 0) throw new Error(`The bundle includes modules soc2lint never runs: ${unwanted.join(', ')}`);

// Which sources each chunk holds, for the test that checks what a run loads (test/build/lazy-loading.test.ts). Beside
// the bundle, not in it: the package does not ship it.
writeFileSync(join(packageRoot, 'dist', 'bundle-meta.json'), JSON.stringify(result.metafile));
