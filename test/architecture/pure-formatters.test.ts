// Formatters are pure: results in, a string out. None may read or write a file, or read the rule pages itself (the
// caller reads them once and passes them in), so every formatter can run anywhere, on any input, and be tested alone.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { globSync } from 'glob';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/core/package-root.js';

const FORBIDDEN: readonly { test: (specifier: string, resolved: string) => boolean; why: string }[] = [
  { test: (specifier) => /^(node:)?fs(\/promises)?$/.test(specifier), why: 'use no file system: the caller writes the output' },
  { test: (_specifier, resolved) => resolved === 'src/report/rule-docs.ts', why: 'read no rule page: the caller passes their text in FormatInput.rules' },
];

/** Every import (static, type-only, re-export, dynamic) of a formatter file that reaches what formatters must not. */
function impurities(file: string, text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map(({ fileName }) => fileName)
    .flatMap((specifier) => {
      const resolved = specifier.startsWith('.') ? join(dirname(file), specifier).split('\\').join('/').replace(/\.js$/, '.ts') : specifier;
      return FORBIDDEN.filter(({ test }) => test(specifier, resolved)).map(({ why }) => `${file} imports ${specifier}; formatters ${why}`);
    });
}

describe('formatters are pure', () => {
  const files = globSync('src/formatters/**/*.ts', { cwd: packageRoot, posix: true }).sort();

  it('finds the formatters', () => {
    expect(files).toEqual(expect.arrayContaining(['src/formatters/stylish.ts', 'src/formatters/sarif.ts', 'src/formatters/github.ts']));
  });

  it('no formatter imports node:fs or the rule pages reader', () => {
    expect(files.flatMap((file) => impurities(file, readFileSync(join(packageRoot, file), 'utf8')))).toEqual([]);
  });

  it.each([
    ["import { appendFileSync } from 'node:fs';", 'file system'],
    ["import { readFileSync } from 'fs';", 'file system'],
    ["import type { Stats } from 'node:fs';", 'file system'],
    ["const { readFile } = await import('node:fs/promises');", 'file system'],
    ["import { ruleDocs } from '../report/rule-docs.js';", 'rule page'],
    ["export { ruleDocs } from '../../report/rule-docs.js';", 'rule page'],
  ])('catches %s', (source, why) => {
    const file = source.includes('../../') ? 'src/formatters/nested/x.ts' : 'src/formatters/x.ts';
    expect(impurities(file, source)).toEqual([expect.stringContaining(why)]);
  });

  it('allows what a pure formatter needs', () => {
    const source = "import { join } from 'node:path';\nimport { createHash } from 'node:crypto';\nimport { REPOSITORY_URL } from '../report/format-input.js';";
    expect(impurities('src/formatters/x.ts', source)).toEqual([]);
  });
});
