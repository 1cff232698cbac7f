// Build step (npm run build, after ./bundle.ts): run the bundled CLI the way a hook does, on the example programs
// when they are there, then write the V8 code cache of what ran (dist/bundle/code-cache/<V8>-<arch>), which
// dist/bundle/main.js hands to V8 on every later run with this Node. Nothing is printed: `npm pack` runs the build,
// and its standard output must hold the tarball's name only.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../core/package-root.js';

type Loader = typeof import('./load-bundle.js');
const { main, writeCodeCache } = (await import(pathToFileURL(join(packageRoot, 'dist', 'bundle', 'main.js')).href)) as Loader;

const silent = { write: () => true };
const io = { stdout: silent, stderr: silent, env: {}, cwd: packageRoot };
await main(['--help'], io);
for (const example of ['acme-saas', 'broken-saas']) {
  const program = join(packageRoot, 'examples', example);
  if (!existsSync(program)) continue;
  for (const format of ['stylish', 'json']) await main([program, '--format', format], io);
}
writeCodeCache();
