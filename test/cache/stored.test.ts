// A file's contribution comes back from the cache as it went in: the same values (undefined, -0, NaN, Maps and Sets
// included, which JSON alone would change), and one object where it was one object (unknown fields share their list of
// siblings), whichever way the cache kept it. And what it kept of an evidence file comes back for that file only.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LintCache } from '../../src/cache/file-cache.js';
import { loadConfig } from '../../src/config/config.js';
import type { FileContribution } from '../../src/model/load.js';
import { CsvRowSource, FileSource } from '../../src/parse/source.js';

const folder = mkdtempSync(join(tmpdir(), 'soc2lint-cache-stored-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const EMPTY = { problems: [], directives: [], unknownFields: [], policies: [], controls: [], vendors: [], people: [], training: [], acknowledgments: [], waivers: [], populationFiles: [], declared: [], hasRoles: false, roles: [], hasPeopleFile: false };

/** The contribution as the cache gives it back: kept, written, read by a new cache. */
function throughCache(name: string, contribution: FileContribution): FileContribution {
  const file = join(folder, `${name}.yaml`);
  writeFileSync(file, name);
  const cacheFile = join(folder, `${name}.cache`);
  const config = loadConfig(folder);
  const discovered = { kind: 'controls' as const, file: `${name}.yaml`, absolute: file };
  const writer = new LintCache({ file: cacheFile, strategy: 'metadata', version: 'test' });
  writer.useConfig(config);
  expect(writer.get(discovered)).toBeUndefined(); // looked at, not kept yet
  writer.set(discovered, contribution);
  writer.save();
  const reader = new LintCache({ file: cacheFile, strategy: 'metadata', version: 'test' });
  reader.useConfig(config);
  const kept = reader.get(discovered);
  expect(reader.notices).toEqual([]);
  return kept!;
}

const control = (fields: Record<string, unknown>) => ({ kind: 'control', id: 'C-1', title: 'Control', ...fields });

const CASES: [string, Record<string, unknown>][] = [
  ['plain values', { owner: 'a@x.io', criteria: [{ value: 'CC6.1', index: 0 }], count: 3, ratio: 0.1, active: true, none: null, nested: { deep: [[1, 2], { x: 'y' }] } }],
  ['text JSON escapes', { title: 'quote " backslash \\ tab \t newline \n nul \u0000 é 日本 😀', lone: '\ud800 alone' }],
  ['keys that are numbers', { map: { '2': 'b', '1': 'a', z: 'z' } }],
  ['an undefined value', { owner: undefined }],
  ['an undefined list item', { list: [1, undefined, 3] }],
  ['minus zero', { offset: -0 }],
  ['NaN and the infinities', { values: [NaN, Infinity, -Infinity] }],
  ['a Map and a Set', { byId: new Map([['a', 1]]), ids: new Set(['a', 'b']) }],
];

describe('a contribution kept by the cache', () => {
  it.each(CASES)('gives back %s', (name, fields) => {
    const record = control(fields);
    const kept = throughCache(name.replace(/\W/g, '-'), { ...EMPTY, controls: [record] } as unknown as FileContribution);
    expect(kept.controls[0]).toStrictEqual(record);
    for (const [key, value] of Object.entries(fields)) if (Object.is(value, -0)) expect(Object.is((kept.controls[0] as unknown as Record<string, unknown>)[key], -0)).toBe(true);
  });

  it('gives back one object where there was one', () => {
    const siblings = ['id', 'title', 'colour'];
    const at = { file: 'c.yaml', line: 3, column: 1, endLine: 3, endColumn: 7 };
    const unknownFields = [
      { kind: 'control', path: ['colour'], at, label: 'control C-1', siblings },
      { kind: 'control', path: ['shade'], at: { ...at, line: 4 }, label: 'control C-1', siblings },
    ];
    const kept = throughCache('shared', { ...EMPTY, unknownFields } as unknown as FileContribution);
    expect(kept.unknownFields).toStrictEqual(unknownFields);
    expect(kept.unknownFields[0]!.siblings).toBe(kept.unknownFields[1]!.siblings);
  });

  it('gives back each source where it was, at any depth', () => {
    const row = new CsvRowSource('training/t.csv', 2, 'a@x.io,course,2026-02-01', ['person', 'course', 'date'], [{ column: 1, length: 6 }, { column: 8, length: 6 }, { column: 15, length: 10 }]);
    const training = [{ kind: 'training', person: 'a@x.io', source: row }];
    const controls = [control({ source: new FileSource('c.yaml'), nested: { deep: [{ also: new FileSource('d.yaml') }] } })];
    const kept = throughCache('sources', { ...EMPTY, training, controls } as unknown as FileContribution);
    expect(kept.training[0]!.source).toBeInstanceOf(CsvRowSource);
    expect(kept.training[0]!.source.at(['date'])).toEqual(row.at(['date']));
    const keptControl = kept.controls[0] as unknown as { source: FileSource; nested: { deep: [{ also: FileSource }] } };
    expect(keptControl.source).toBeInstanceOf(FileSource);
    expect(keptControl.nested.deep[0].also).toBeInstanceOf(FileSource);
    expect(keptControl.nested.deep[0].also.at()).toEqual(new FileSource('d.yaml').at());
  });
});

describe('evidence facts kept by the cache', () => {
  const files = ['a.md', 'b.md', 'c.md'];
  for (const file of files) writeFileSync(join(folder, file), `evidence ${file}\n`);
  const config = loadConfig(folder);
  const factsOf = (file: string) => ({ content: 'text' as const, digest: { bytes: 13, blank: false, sha256: file.repeat(16).slice(0, 64) } });
  const cacheFile = join(folder, 'evidence.cache');

  /** A new cache over the kept file, asked about `order`: what it gives back for each, kept again and saved. */
  function ask(order: string[]): (object | undefined)[] {
    const cache = new LintCache({ file: cacheFile, strategy: 'metadata', version: 'test' });
    cache.useConfig(config);
    const answers = order.map((file) => {
      const kept = cache.evidence(file, join(folder, file), statSync(join(folder, file)));
      cache.keepEvidence(file, kept ?? factsOf(file));
      return kept;
    });
    cache.save();
    return answers;
  }

  it('gives back what it kept of each unchanged file, in the order kept or not, and nothing for one it did not keep', () => {
    expect(ask(files)).toEqual([undefined, undefined, undefined]);
    expect(ask(files)).toEqual(files.map(factsOf));
    expect(ask(['c.md', 'a.md', 'b.md'])).toEqual(['c.md', 'a.md', 'b.md'].map(factsOf));
    writeFileSync(join(folder, 'd.md'), 'new\n');
    expect(ask(['a.md', 'd.md', 'c.md'])).toEqual([factsOf('a.md'), undefined, factsOf('c.md')]);
    expect(ask(['a.md', 'd.md', 'c.md', 'b.md'])).toEqual([factsOf('a.md'), factsOf('d.md'), factsOf('c.md'), undefined]);
  });
});
