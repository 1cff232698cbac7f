// YAML with positions, on hostile input: deep nesting, lines that make the parser report an error per character,
// and any string at all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_YAML_DEPTH, parseYaml } from '../../src/parse/yaml.js';

const problems = (text: string) => {
  const result = parseYaml(text, 'controls/x.yaml');
  return result.ok ? [] : result.problems.map((p) => ({ line: p.range.line, message: p.message }));
};

describe('parseYaml on hostile input', () => {
  it.each([
    ['a 300 KB line of "["', 'a: ' + '['.repeat(300_000)],
    ['a 300 KB line of "{"', 'a: ' + '{'.repeat(300_000)],
    ['1,000 levels of block mappings', Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n') + ' v\n'],
    [`${MAX_YAML_DEPTH + 1} levels of flow lists`, `a: ${'['.repeat(MAX_YAML_DEPTH + 1)}1${']'.repeat(MAX_YAML_DEPTH + 1)}\n`],
  ])('reports %s as nested too deeply, once', (_name, text) => {
    expect(problems(text)).toEqual([{ line: expect.any(Number), message: expect.stringMatching(/^YAML nests deeper than 64 levels/) }]);
  });

  it('reports a value that contains itself through an alias, without walking it forever', () => {
    expect(problems('a: &x [*x, *x, *x]\n')).toEqual([{ line: 1, message: expect.stringMatching(/^YAML nests deeper than 64 levels \(or an alias makes a value contain itself\)/) }]);
  });

  it('measures values shared through aliases once (a wide but shallow document is fine)', () => {
    const shared = 'base: &b {k: v}\nlist:\n' + Array.from({ length: 90 }, () => '  - *b').join('\n') + '\n';
    expect(problems(shared)).toEqual([]);
  });

  it.each([
    ['a flow mapping as a key', '{[a, b]: c}\n'],
    ['an explicit list key', '? [a, b]\n: c\n'],
    ['a mapping key inside a record', 'id: C-1\n? {x: 1}\n: y\n'],
  ])('reports %s at its line, without a runtime warning', async (_name, text) => {
    const warnings: string[] = [];
    const listen = (warning: Error) => warnings.push(warning.message);
    process.on('warning', listen);
    try {
      expect(problems(text)).toEqual([{ line: expect.any(Number), message: expect.stringMatching(/^A YAML key is a list or mapping/) }]);
      // Node emits warnings on a later tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listen);
    }
    expect(warnings).toEqual([]);
  });

  it.each([
    ['a merge key as a value', 'id: !!merge <<\ntitle: T\n', 1],
    ['a merge key as a key', 'id: C-1\n!!merge <<: {title: T}\n', 2],
  ])('reports %s at its line (it would otherwise read as a marker no record can hold)', (_name, text, line) => {
    expect(problems(text)).toEqual([{ line, message: 'YAML merge keys (!!merge <<) are not supported; write the fields out.' }]);
  });

  it(`reads ${MAX_YAML_DEPTH - 1} levels of nesting`, () => {
    expect(problems(`a: ${'['.repeat(MAX_YAML_DEPTH - 1)}1${']'.repeat(MAX_YAML_DEPTH - 1)}\n`)).toEqual([]);
  });

  it('lists at most 20 errors of a line that breaks at every character, then says how many more', () => {
    const found = problems('a:' + '\t- '.repeat(100_000));
    expect(found).toHaveLength(21);
    expect(found[20]!.message).toMatch(/^\d+ more YAML errors in this file, not listed/);
  });

  it('never throws, and every problem is on a line of the text', () => {
    const piece = fc.constantFrom('a', ':', ' ', '\n', '- ', '[', ']', '{', '}', ',', '"', "'", '&x ', '*x', '!!merge ', '<<', '#', '\t', '---\n', '? ', '|', '>');
    fc.assert(
      fc.property(fc.oneof(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), fc.string({ maxLength: 80 })), (text) => {
        const lines = text.split('\n').length;
        for (const problem of problems(text)) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.line).toBeLessThanOrEqual(lines);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
