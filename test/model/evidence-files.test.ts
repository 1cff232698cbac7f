// evidenceFiles is made once per model and shared by the loader and the evidence rules; repoPath keeps its answers.
// Both must answer as working it out afresh would.
import { posix } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { loadRepo } from '../../src/model/load.js';
import { evidenceFiles, repoPath } from '../../src/model/evidence.js';
import type { RepoModel } from '../../src/model/types.js';
import { makeRepo } from '../helpers/repo.js';

const control = (id: string, paths: string[]) =>
  `id: ${id}\ntitle: ${id}\nowner: a@acme.example\nfrequency: monthly\ncriteria: [CC6.1]\nevidence:\n${paths.map((path) => `  - { path: ${path}, date: 2026-03-01 }\n`).join('')}`;

async function program(): Promise<RepoModel> {
  return loadRepo(
    loadConfig(
      makeRepo({
        'controls/ac-01.yaml': control('AC-01', ['evidence/a.md', './evidence/b.md']),
        'controls/ac-02.yaml': control('AC-02', ['evidence\\c.md']),
        'vendors/vendors.yaml': 'vendors:\n  - id: VEN-1\n    name: One\n    owner: a@acme.example\n    criticality: high\n    assurance: { kind: soc2-type2, period_end: 2026-03-31, path: vendors/one.pdf }\n',
      }),
    ),
  );
}

const paths = (model: Pick<RepoModel, 'controls' | 'vendors' | 'people'>) => evidenceFiles(model).map((ref) => `${ref.record}:${ref.path}`);

describe('evidenceFiles', () => {
  it('lists every file the records name, once per model', async () => {
    const model = await program();
    const first = evidenceFiles(model);
    expect(paths(model)).toEqual(['AC-01:evidence/a.md', 'AC-01:./evidence/b.md', 'AC-02:evidence\\c.md', 'VEN-1:vendors/one.pdf']);
    expect(evidenceFiles(model)).toBe(first);
  });

  it('lists afresh for a model whose lists are other ones, or have grown', async () => {
    const model = await program();
    const before = evidenceFiles(model);
    const reordered = { ...model, controls: [...model.controls].reverse() };
    expect(paths(reordered)).toEqual(['AC-02:evidence\\c.md', 'AC-01:evidence/a.md', 'AC-01:./evidence/b.md', 'VEN-1:vendors/one.pdf']);
    model.controls.push(model.controls[0]!);
    expect(evidenceFiles(model)).not.toBe(before);
    expect(paths(model)).toHaveLength(6);
  });
});

describe('repoPath', () => {
  it.each([
    ['evidence/a.md', 'evidence/a.md'],
    ['./evidence/a.md', 'evidence/a.md'],
    ['evidence\\a.md', 'evidence/a.md'],
    ['evidence/x/../a.md', 'evidence/a.md'],
    ['evidence//a.md', 'evidence/a.md'],
  ])('%s is %s', (written, expected) => {
    expect(repoPath(written)).toBe(expected);
    expect(repoPath(written)).toBe(expected); // asked again: the kept answer
  });

  it('answers as normalising afresh would, for any path', () => {
    const segment = fc.constantFrom('a', 'b.md', '.', '..', '', 'ev idence', 'é');
    const written = fc.array(segment, { minLength: 1, maxLength: 6 }).chain((parts) => fc.constantFrom('/', '\\').map((separator) => parts.join(separator)));
    fc.assert(
      fc.property(written, (path) => {
        expect(repoPath(path)).toBe(posix.normalize(path.replace(/\\/g, '/')));
        expect(repoPath(path)).toBe(posix.normalize(path.replace(/\\/g, '/')));
      }),
      { numRuns: 500 },
    );
  });
});
