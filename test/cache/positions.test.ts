// A YAML record's source, kept by the cache (its position index, without the document), answers every path as the
// parsed document does: the same range for a value and for its key, the same fallback for a path that is not written,
// the same `has`.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LintCache } from '../../src/cache/file-cache.js';
import { TableSource } from '../../src/cache/stored.js';
import { loadConfig } from '../../src/config/config.js';
import type { FileContribution } from '../../src/model/load.js';
import { MappedSource, translate, emptyToAbsent } from '../../src/model/mapping.js';
import { yamlSource, type RecordSource } from '../../src/parse/source.js';
import type { Node } from 'yaml';
import { parseYaml } from '../../src/parse/yaml.js';
import { DocumentSource, pathsOf, referenceDocument } from '../helpers/document-source.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'soc2lint-cache-positions-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Every YAML file of the examples, and a few written to be awkward. */
function documents(): [string, string][] {
  const found: [string, string][] = [];
  for (const example of readdirSync(examples)) {
    for (const entry of readdirSync(join(examples, example), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && /\.ya?ml$/.test(entry.name)) found.push([`${example}/${entry.name}`, readFileSync(join(entry.parentPath, entry.name), 'utf8')]);
    }
  }
  found.push(
    ['empty values', 'id: A\nowner:\nlist:\n  -\n  - ~\n  - { a: 1 }\nnested: { deep: [1, [2, { x: y }]] }\n'],
    ['numbers as keys', '0: zero\n1: [a, b]\n"2": { "0": x }\n'],
    ['aliases', 'base: &b { a: 1 }\nuse: *b\nlist: [&x 1, *x]\n'],
    ['block scalars', 'text: |\n  one\n  two\nfolded: >\n  three\n\nafter: 1\n'],
  );
  return found;
}

/** The source as the cache gives it back: kept, written, read by a new cache, and revived. */
function throughCache(name: string, source: RecordSource): RecordSource {
  const file = join(folder, `${name.replace(/\W/g, '-')}.yaml`);
  writeFileSync(file, name);
  const cacheFile = join(folder, `${name.replace(/\W/g, '-')}.cache`);
  const config = loadConfig(folder);
  const contribution = { problems: [], directives: [], unknownFields: [], policies: [], controls: [{ source }], vendors: [], people: [], training: [], acknowledgments: [], waivers: [], declared: [], hasRoles: false, roles: [], hasPeopleFile: false } as unknown as FileContribution;
  const discovered = { kind: 'controls' as const, file: 'c.yaml', absolute: file };
  const writer = new LintCache({ file: cacheFile, strategy: 'metadata', version: 'test' });
  writer.useConfig(config);
  expect(writer.get(discovered)).toBeUndefined();
  writer.set(discovered, contribution);
  writer.save();
  const reader = new LintCache({ file: cacheFile, strategy: 'metadata', version: 'test' });
  reader.useConfig(config);
  const kept = reader.get(discovered);
  expect(reader.notices).toEqual([]);
  return (kept!.controls[0] as unknown as { source: RecordSource }).source;
}

describe('a cached YAML source', () => {
  it.each(documents())('answers every path of %s as the document does', (name, text) => {
    const parsed = parseYaml(text, name);
    if (!parsed.ok) return; // a document that does not parse has no records to keep
    const { root, lines } = referenceDocument(text);
    for (const recordId of [undefined, 'REC-1']) {
      const source = new DocumentSource(name, root, lines, recordId);
      const kept = throughCache(`${name}-${recordId ?? 'none'}`, yamlSource(parsed.yaml, parsed.yaml.root, recordId));
      expect(kept).toBeInstanceOf(TableSource);
      for (const path of pathsOf(root)) {
        expect(kept.at(path), JSON.stringify(path)).toEqual(source.at(path));
        expect(kept.at(path, 'key'), JSON.stringify(path)).toEqual(source.at(path, 'key'));
        expect(kept.has(path), JSON.stringify(path)).toBe(source.has(path));
      }
      expect(kept.at()).toEqual(source.at());
    }
  });
});

describe('a cached mapped source', () => {
  // A program's own keys read as soc2lint's fields (a `fields:` mapping), a list gathered from two places (comply's
  // `satisfies`), fields written empty, and a mapping that changes nothing (kept as its inner source).
  const text = 'ref: CTL-9\nname: Nine\nowner: ""\nwho: { lead: a@x.example }\nsatisfies:\n  TSC: [CC1.1, CC2.1]\n  ISO: [A.5]\nevidence:\n  - { path: e.md, date: 2026-01-02 }\n';
  const native = ['id', 'title', 'owner', 'approver', 'criteria', 'evidence', 'satisfies', 'ref', 'who'];
  const paths = (node: Node | null) => [...pathsOf(node), ...native.flatMap((field) => [[field], [field, 0], [field, 1], [field, 'lead'], [field, 0, 'path']])];

  it.each([
    ['a fields mapping, a gathered list and empty fields', { id: [['ref']], title: [['name']], approver: [['who', 'lead']] }, true],
    ['a mapping that changes nothing', {}, false],
  ])('answers every path as the live one does: %s', (name, map, gathered) => {
    const parsed = parseYaml(text, 'mapped.yaml');
    if (!parsed.ok) throw new Error('the document parses');
    const translation = translate(parsed.yaml.value as Record<string, unknown>, map, (t) => {
      if (gathered) t.setList('criteria', [{ value: 'CC1.1', written: ['satisfies', 'TSC', 0] }, { value: 'A.5', written: ['satisfies', 'ISO', 0] }], ['satisfies', 'TSC']);
      return [];
    });
    if (gathered) emptyToAbsent(translation);
    const source = new MappedSource(yamlSource(parsed.yaml, parsed.yaml.root, 'CTL-9'), translation);
    const kept = throughCache(`mapped ${name}`, source);
    for (const path of paths(referenceDocument(text).root)) {
      expect(kept.at(path), JSON.stringify(path)).toEqual(source.at(path));
      expect(kept.at(path, 'key'), JSON.stringify(path)).toEqual(source.at(path, 'key'));
      expect(kept.has(path), JSON.stringify(path)).toBe(source.has(path));
    }
    expect(kept.file).toBe(source.file);
    if (gathered) expect(kept).toBeInstanceOf(MappedSource);
  });
});
