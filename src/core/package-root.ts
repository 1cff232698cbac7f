// The folder holding soc2lint's package.json: schemas/ lives there, both when running from dist/ and from source.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'schemas'))) return dir;
    if (dirname(dir) === dir) throw new Error('soc2lint: cannot find its own package folder');
  }
}

export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
