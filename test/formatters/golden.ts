// Golden files: a formatter's whole output compared byte for byte with a committed file.
// UPDATE_GOLDEN=1 npx vitest run test/formatters rewrites them; review the diff before committing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const GOLDEN_DIR = fileURLToPath(new URL('../fixtures/formatters/', import.meta.url));

export function expectGolden(name: string, actual: string): void {
  const file = `${GOLDEN_DIR}${name}`;
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`No golden file ${name}: run UPDATE_GOLDEN=1 npx vitest run test/formatters to write it.`);
  // Compared as one string so the failure shows a diff; any byte that differs fails.
  expect(actual, `${name} differs from its golden file; if the change is intended, run UPDATE_GOLDEN=1 npx vitest run test/formatters`).toBe(readFileSync(file, 'utf8'));
}
