// Build step (npm run build): compile schemas/*.json into standalone validator code (./validators.ts). Writes
// dist/validators.cjs (silently: `npm pack` output must stay clean); src/schema/validate.ts loads it when present.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../core/package-root.js';
import { validatorsSource } from './validators.js';

writeFileSync(join(packageRoot, 'dist', 'validators.cjs'), validatorsSource());
