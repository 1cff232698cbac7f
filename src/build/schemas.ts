// `npm run schemas`: write schemas/config.schema.json from the rules' metadata (see ./config-schema.ts). The file is
// committed, since editors read it from the repo and the package; test/schema/config-schema.test.ts says when to rerun.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../rules/index.js';
import { packageRoot } from '../core/package-root.js';
import { configSchemaText } from './config-schema.js';

writeFileSync(join(packageRoot, 'schemas', 'config.schema.json'), configSchemaText(RULES));
