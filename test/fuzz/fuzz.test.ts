// A small, fixed-seed fuzz run in every `npm test`, and every crash the fuzzer ever found kept as a case of its own.
// `npm run fuzz -- --runs 5000` runs thousands (see docs/contributing.md).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, check, fuzzCase } from './check.js';
import { copyOf } from './mutate.js';

const built = existsSync(new URL('../../dist/bundle/main.js', import.meta.url));
const SEEDS = Array.from({ length: 10 }, (_, i) => 1000 + i * 7919);

describe.skipIf(!built).concurrent('fuzz: mutated examples through the real CLI', () => {
  it.each(SEEDS)('seed %i', async (seed) => {
    const result = await fuzzCase(seed);
    expect(result.failure, `seed ${seed}, after: ${result.did.join('; ')}`).toBeUndefined();
  });
});

/** Crashes and hangs found by probing and fuzzing, each kept as the program change that caused it. */
const REGRESSIONS: [string, (root: string) => void][] = [
  ['an evidence entry written as a plain string', (root) => append(root, 'controls/regression.yaml', 'id: REG-1\ntitle: T\nfrequency: annual\nevidence: [evidence/run.md]\n')],
  ['a YAML merge-key tag as a value', (root) => append(root, 'controls/regression.yaml', 'id: !!merge <<\ntitle: T\nfrequency: annual\n')],
  ['.inf as a frequency', (root) => append(root, 'controls/regression.yaml', 'id: REG-2\ntitle: T\nfrequency: .inf\n')],
  ['a named pipe as a policy', (root) => execFileSync('mkfifo', [join(root, 'policies', 'pipe.md')])],
  ['a 300 KB line of "\\t- "', (root) => append(root, 'controls/regression.yaml', `a:${'\t- '.repeat(100_000)}\n`)],
  ['a 300 KB line of "["', (root) => append(root, 'controls/regression.yaml', `a: ${'['.repeat(300_000)}\n`)],
  ['a value that contains itself through an alias', (root) => append(root, 'controls/regression.yaml', 'id: REG-3\ntitle: &t [*t, *t]\nfrequency: annual\n')],
  ['a key that is a list', (root) => append(root, 'controls/regression.yaml', '? [a, b]\n: c\n')],
  ['20,000 unknown fields', (root) => append(root, 'controls/regression.yaml', `id: REG-4\ntitle: T\nfrequency: annual\n${Array.from({ length: 20_000 }, (_, i) => `f${i}: x\n`).join('')}`)],
  ['a folder where a control file should be', (root) => mkdirSync(join(root, 'controls', 'folder.yaml'))],
  ['a policy title of 100,000 backticks and a body line of 400,000 braces', (root) => append(root, 'policies/regression.md', `---\nid: POL-REG\ntitle: "${'`'.repeat(100_000)}"\nstatus: draft\n---\n${'{'.repeat(400_000)}\n`)],
  // Quadratic in Ajv's generated code (each failing item copied every error so far): minutes at 200,000 items.
  ['100,000 strings where evidence entries go', (root) => append(root, 'controls/regression.yaml', `id: REG-5\ntitle: T\nfrequency: annual\nevidence: [${Array.from({ length: 100_000 }, (_, i) => `e${i}`).join(', ')}]\n`)],
  // Every one of them explained and placed, then all but 20 dropped: 40 s and 1.5 GB for a 4 MiB file.
  ['100,000 numbers where criteria go', (root) => append(root, 'controls/regression.yaml', `id: REG-6\ntitle: T\nfrequency: annual\ncriteria: [${Array.from({ length: 100_000 }, (_, i) => i).join(',')}]\n`)],
  ['a policy line of 128 KB of "!["', (root) => append(root, 'policies/regression.md', `---\nid: POL-REG\ntitle: T\nstatus: draft\n---\n${'!['.repeat(64 * 1024)}\n`)],
];

function append(root: string, file: string, text: string): void {
  writeFileSync(join(root, file), text);
}

describe.skipIf(!built).concurrent('fuzz regressions', () => {
  it.each(REGRESSIONS.flatMap(([name, change]) => EXAMPLES.slice(0, 1).map((example) => [name, change, example] as const)))('%s', async (_name, change, example) => {
    const root = copyOf(example);
    try {
      change(root);
      expect(await check(root)).toBeUndefined();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
