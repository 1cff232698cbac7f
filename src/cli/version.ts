// soc2lint's own version, from its package.json.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { packageRoot } from '../core/package-root.js';

export function version(): string {
  return (JSON.parse(readFileSync(resolve(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}
