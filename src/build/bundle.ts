// Build step (npm run build): bundle the CLI into a few files (dist/bundle), so a run loads a handful of modules
// instead of a hundred. Start-up is most of a pre-commit hook's time, and module loading most of start-up.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../core/package-root.js';

// Start clean: chunks are named by content hash, and stale ones would ship in the package.
rmSync(join(packageRoot, 'dist', 'bundle'), { recursive: true, force: true });

await build({
  entryPoints: [join(packageRoot, 'src', 'cli', 'main.ts')],
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
  // gray-matter's js-yaml (and esprima behind it) is never used: front matter is parsed by `yaml` (src/parse/front-matter.ts).
  alias: { 'js-yaml': join(packageRoot, 'src', 'build', 'no-js-yaml.ts') },
  logLevel: 'warning',
});
