// populationFor on real programs in temp folders: each built-in population and a file population, within a window,
// with the places of the items (so findings can be matched to them).
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { loadRepo } from '../../src/model/load.js';
import { populationExists, populationFor } from '../../src/model/resolve-population.js';
import type { RepoModel } from '../../src/model/types.js';
import { makeRepo } from '../helpers/repo.js';

const WINDOW = { start: '2026-01-01', end: '2026-06-30' };

const PROGRAM = {
  'people.yaml': [
    'people:',
    '  - { id: old@x.io, name: Old Timer, start: 2020-01-06 }',
    '  - id: new@x.io',
    '    name: New Hire',
    '    start: 2026-02-02',
    '    background_check: { date: 2026-01-20, evidence: evidence/HR/new-check.md }',
    '  - id: gone@x.io',
    '    name: Gone Away',
    '    start: 2021-03-01',
    '    end: 2026-04-17',
    '    offboarded: { date: 2026-04-17, evidence: evidence/HR/gone-offboarding.md }',
    '  - { id: late@x.io, name: Late Start, start: 2026-08-03 }',
    '',
  ].join('\n'),
  'vendors/vendors.yaml': [
    'vendors:',
    '  - { id: VEN-LOW, name: Stickers, owner: old@x.io, criticality: low }',
    '  - { id: VEN-CLOUD, name: Cloud, owner: old@x.io, criticality: critical, assurance: { kind: soc2-type2, period_end: 2026-03-31, path: evidence/vendors/cloud.pdf } }',
    '  - { id: VEN-CRM, name: CRM, owner: old@x.io, criticality: high }',
    '',
  ].join('\n'),
  'populations/deploys.csv': 'id,date,title,evidence\nD-1,2025-12-30,Before the period,\nD-2,2026-03-04,In the period,evidence/deploys/d-2.md\nD-3,,No date,\n',
  'evidence/HR/new-check.md': 'Cleared.\n',
  'evidence/deploys/d-2.md': 'Deployed.\n',
  'controls/all.yaml': [
    'controls:',
    ...['joiners', 'leavers', 'vendors', 'access-reviews', 'populations/deploys.csv', './populations/deploys.csv', 'populations/nope.csv', 'changes'].flatMap((population, i) => [
      `  - id: C-${i}`,
      `    title: Control ${i}`,
      '    frequency: event',
      '    criteria: [CC6.1]',
      `    population: ${population}`,
      ...(population === 'access-reviews'
        ? ['    evidence:', '      - { path: evidence/AR/2025-12.md, date: 2025-12-15 }', '      - path: evidence/AR/2026-03.md', '        date: 2026-03-20', '        note: Q1 review']
        : []),
    ]),
    '  - { id: C-NONE, title: None, frequency: event, criteria: [CC6.1] }',
    '',
  ].join('\n'),
};

async function program(): Promise<RepoModel> {
  const root = makeRepo(PROGRAM, 'soc2lint-population-');
  return loadRepo(loadConfig(root));
}

describe('populationFor', () => {
  it('gives joiners and leavers of the window from people.yaml, at their start or end, with their proof', async () => {
    const model = await program();
    const control = (id: string) => model.controls.find((c) => c.id === id)!;
    const joiners = populationFor(model, control('C-0'), WINDOW)!;
    expect(joiners.origin).toBe('people.yaml');
    expect(joiners.items).toEqual([
      { id: 'new@x.io', date: '2026-02-02', title: 'New Hire', at: expect.objectContaining({ file: 'people.yaml', line: 5, record: 'new@x.io' }), endLine: 6, evidence: ['evidence/HR/new-check.md'] },
    ]);
    const leavers = populationFor(model, control('C-1'), WINDOW)!;
    expect(leavers.items.map((item) => [item.id, item.date, item.at.line, item.endLine, item.evidence])).toEqual([['gone@x.io', '2026-04-17', 10, 11, ['evidence/HR/gone-offboarding.md']]]);
  });

  it('lists every vendor, critical first, with its reports as proof', async () => {
    const model = await program();
    const vendors = populationFor(model, model.controls.find((c) => c.id === 'C-2')!, WINDOW)!;
    expect(vendors.items.map((item) => [item.id, item.at.line, item.evidence])).toEqual([
      ['VEN-CLOUD', 3, ['evidence/vendors/cloud.pdf']],
      ['VEN-CRM', 4, []],
      ['VEN-LOW', 2, []],
    ]);
  });

  it("takes the control's own evidence entries of the window as its access reviews", async () => {
    const model = await program();
    const reviews = populationFor(model, model.controls.find((c) => c.id === 'C-3')!, WINDOW)!;
    expect(reviews.origin).toBe("the control's evidence");
    expect(reviews.items.map((item) => [item.id, item.date, item.title, item.at.line, item.endLine])).toEqual([['evidence/AR/2026-03.md', '2026-03-20', 'Q1 review', 24, 26]]);
  });

  it('reads a population file by its path, ./ or not, leaving out items dated outside the window and keeping undated ones', async () => {
    const model = await program();
    for (const id of ['C-4', 'C-5']) {
      const deploys = populationFor(model, model.controls.find((c) => c.id === id)!, WINDOW)!;
      expect(deploys.file).toBe('populations/deploys.csv');
      expect(deploys.items.map((item) => item.id)).toEqual(['D-2', 'D-3']);
    }
    expect(model.paths.get('evidence/deploys/d-2.md')).toEqual({ state: 'file' });
  });

  it('gives an empty population for a file that is not there or a built-in kept in files that has none, and undefined for no population', async () => {
    const model = await program();
    const control = (id: string) => model.controls.find((c) => c.id === id)!;
    expect(populationFor(model, control('C-6'), WINDOW)).toMatchObject({ origin: 'populations/nope.csv (not found)', items: [] });
    expect(populationExists(model, control('C-6'))).toBe(false);
    expect(populationFor(model, control('C-7'), WINDOW)).toMatchObject({ name: 'changes', origin: 'no changes file', items: [] });
    expect(populationExists(model, control('C-7'))).toBe(false);
    expect(populationFor(model, control('C-NONE'), WINDOW)).toBeUndefined();
    expect(populationExists(model, control('C-0'))).toBe(true);
  });
});
