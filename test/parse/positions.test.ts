// A YAML source keeps a position index, not the document: every path, from every node a record can be rooted at, must
// give the range and `has` the document itself gives (test/helpers/document-source.ts walks the document).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yamlSource } from '../../src/parse/source.js';
import { parseYaml } from '../../src/parse/yaml.js';
import { DocumentSource, nodePaths, pathsOf, referenceDocument } from '../helpers/document-source.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

/** Compare the index with the document on every path below every node; the number of comparisons made. */
function compare(name: string, text: string): number {
  const parsed = parseYaml(text, name);
  if (!parsed.ok) return 0;
  let compared = 0;
  const { root, lines } = referenceDocument(text);
  expect(parsed.yaml.index.lineStarts, name).toEqual(lines.lineStarts);
  for (const [node, nodePath] of nodePaths(root)) {
    for (const recordId of [undefined, 'REC-1']) {
      const reference = new DocumentSource(name, node, lines, recordId);
      const source = yamlSource(parsed.yaml, parsed.yaml.node(nodePath), recordId);
      expect(source.at(), name).toEqual(reference.at());
      for (const path of pathsOf(node)) {
        const where = `${name} ${JSON.stringify(path)}`;
        expect(source.at(path), where).toEqual(reference.at(path));
        expect(source.at(path, 'key'), where).toEqual(reference.at(path, 'key'));
        expect(source.has(path), where).toBe(reference.has(path));
        compared++;
      }
    }
  }
  return compared;
}

describe('the position index', () => {
  it('answers every path of every YAML file of the examples as the document does', () => {
    let compared = 0;
    for (const example of readdirSync(examples)) {
      for (const entry of readdirSync(join(examples, example), { recursive: true, withFileTypes: true })) {
        if (entry.isFile() && /\.ya?ml$/.test(entry.name)) compared += compare(`${example}/${entry.name}`, readFileSync(join(entry.parentPath, entry.name), 'utf8'));
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it.each([
    ['empty values', 'id: A\nowner:\nlist:\n  -\n  - ~\n  - { a: 1 }\nnested: { deep: [1, [2, { x: y }]] }\n'],
    ['numbers as keys', '0: zero\n1: [a, b]\n"2": { "0": x }\n'],
    ['aliases', 'base: &b { a: 1 }\nuse: *b\nlist: [&x 1, *x]\n'],
    ['block scalars', 'text: |\n  one\n  two\nfolded: >\n  three\n\nafter: 1\n'],
    ['an empty document', ''],
    ['a comment only', '# nothing here\n'],
    ['a bare scalar', 'just text\n'],
    ['a bare list', '- a\n- b:\n  c: d\n'],
    ['CRLF line ends', 'id: A\r\nlist:\r\n  - x\r\n  - y\r\n'],
    ['a null key', '? \n: value\nother: 1\n'],
    ['a key with a NUL escape', '"a\\0b": 1\na: { b: 2 }\n'],
    ['flow pairs', 'list: [a: 1, b]\n'],
    ['many keys', Array.from({ length: 40 }, (_, i) => `k${i}: ${i}\n`).join('')],
  ])('answers every path of %s as the document does', (name, text) => {
    compare(name, text);
  });

  it('answers every path of generated documents as the document does', () => {
    const scalar = fc.oneof(fc.constantFrom('', '~', 'x', '1', '"q"', "'s'", '2026-01-31', 'a b'), fc.string({ maxLength: 6 }).map((s) => JSON.stringify(s)));
    const key = fc.constantFrom('id', 'evidence', 'date', '0', '1', 'path', '"x y"');
    const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('map'), tie('seq')),
      map: fc.array(fc.tuple(key, tie('node')), { maxLength: 4 }),
      seq: fc.array(tie('node'), { maxLength: 4 }),
    })).node;
    // Block style, with flow collections where the generator says so.
    const render = (item: unknown, indent: string, flow: boolean): string => {
      if (typeof item === 'string') return item;
      if (!Array.isArray(item) || item.length === 0) return flow ? '[]' : '{}';
      const isMap = Array.isArray(item[0]) && item[0].length === 2 && typeof item[0][0] === 'string' && item.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string');
      if (flow) return isMap ? `{ ${item.map(([k, v]) => `${k}: ${render(v, '', true)}`).join(', ')} }` : `[${item.map((v) => render(v, '', true)).join(', ')}]`;
      return item
        .map((entry) => {
          if (isMap) {
            const [k, v] = entry as [string, unknown];
            return typeof v === 'string' || !Array.isArray(v) || v.length === 0 ? `${indent}${k}: ${render(v, '', true)}` : `${indent}${k}:\n${render(v, indent + '  ', false)}`;
          }
          return typeof entry === 'string' ? `${indent}- ${entry}` : `${indent}- ${render(entry, '', true)}`;
        })
        .join('\n');
    };
    fc.assert(
      fc.property(value, fc.boolean(), (doc, flow) => {
        compare('generated.yaml', `${render(doc, '', flow)}\n`);
      }),
      { numRuns: 300 },
    );
  });
});
