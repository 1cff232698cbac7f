// requestList on small real programs: which intervals and items make the population, where findings land, what a
// waiver takes away, and what is said of a control with nothing to sample.
import { describe, expect, it } from 'vitest';
import { NO_POPULATION, auditProgram, hasExceptions, requestList } from '../../src/report/audit.js';
import { lint } from '../../src/report/lint.js';
import { makeRepo, type RepoFiles } from '../helpers/repo.js';

const BASE: RepoFiles = {
  'soc2lint.config.yaml': 'as_of: 2026-07-10\n',
  'scope.yaml': 'categories: [security]\naudit: { type: type2, period: { start: 2026-01-01, end: 2026-06-30 } }\n',
  'people.yaml': 'people:\n  - { id: a@x.io, name: A, start: 2020-01-06 }\n  - { id: b@x.io, name: B, start: 2026-03-02 }\n',
};

const monthly = (id: string, months: string[]) =>
  [
    `  - id: ${id}`,
    `    title: Monthly ${id}`,
    '    owner: a@x.io',
    '    frequency: monthly',
    '    criteria: [CC7.1]',
    '    evidence:',
    ...months.flatMap((month) => [`      - path: evidence/${id}/${month}.md`, `        date: ${month}-28`]),
  ].join('\n');

async function listOf(files: RepoFiles, seed = 1) {
  return requestList(await lint({ root: makeRepo({ ...BASE, ...files }, 'soc2lint-audit-') }), { seed });
}

describe('requestList', () => {
  it('samples a monthly control from the months of the period, and every unproven month is an exception, sampled or not', async () => {
    const months = ['2026-01', '2026-02', '2026-04', '2026-05', '2026-06'];
    const files: RepoFiles = { 'controls/m.yaml': `controls:\n${monthly('M-1', months)}\n` };
    for (const month of months) files[`evidence/M-1/${month}.md`] = `Report for ${month}.\n`;
    const control = (await listOf(files)).controls[0]!;
    expect(control.population).toEqual({ name: 'months', origin: '2026-01-01 to 2026-06-30', size: 6 });
    expect(control.sampleSize).toBe(2);
    const march = [...control.sample.flatMap((item) => item.exceptions), ...control.exceptions].map((e) => e.message).filter((m) => m.includes('2026-03'));
    expect(march).toHaveLength(1);
    expect(march[0]).toMatch(/^(2026-03 \(not in this sample\): )?no evidence for 2026-03 \(2026-03-01 to 2026-03-31\)$/);
    expect(hasExceptions(control)).toBe(true);
    // Whatever the seed, the control is not ready: readiness does not depend on the draw.
    for (const seed of [1, 2, 3, 4, 5]) expect(hasExceptions((await listOf(files, seed)).controls[0]!)).toBe(true);
  });

  it('places a finding on the sampled interval whose evidence entry it is written in, and a waiver takes it away', async () => {
    const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
    const files: RepoFiles = { 'controls/m.yaml': `controls:\n${monthly('M-1', months)}\n` };
    for (const month of months.filter((m) => m !== '2026-04')) files[`evidence/M-1/${month}.md`] = `Report for ${month}.\n`;
    const all = (list: Awaited<ReturnType<typeof listOf>>) => list.controls.flatMap((c) => [...c.exceptions, ...c.sample.flatMap((item) => item.exceptions)]);
    const broken = all(await listOf(files)).filter((e) => e.ruleId === 'broken-evidence-link');
    expect(broken).toEqual([expect.objectContaining({ file: 'controls/m.yaml', line: 14, message: expect.stringContaining('evidence/M-1/2026-04.md') })]);
    const waived = await listOf({
      ...files,
      'waivers.yaml': 'waivers:\n  - { rule: broken-evidence-link, target: M-1, reason: The April report is being recovered from backup, approved_by: a@x.io, expires: 2026-09-30 }\n',
    });
    expect(all(waived).filter((e) => e.ruleId === 'broken-evidence-link')).toEqual([]);
    expect(waived.summary.ready).toBe(1);
  });

  it('asks for a population an event control does not name, and says when one has nothing in the period', async () => {
    const list = await listOf({
      'controls/e.yaml': [
        'controls:',
        '  - { id: E-1, title: No population, owner: a@x.io, frequency: event, criteria: [CC6.2] }',
        '  - { id: E-2, title: Leavers, owner: a@x.io, frequency: event, criteria: [CC6.2], population: leavers }',
        '  - { id: E-3, title: Joiners, owner: a@x.io, frequency: event, criteria: [CC6.2], population: joiners }',
        '',
      ].join('\n'),
    });
    const [none, leavers, joiners] = list.controls;
    expect(none!.population).toBeUndefined();
    expect(none!.exceptions.map((e) => [e.message.startsWith(NO_POPULATION) || /names no population/.test(e.message), e.file, e.line])).toEqual([[true, 'controls/e.yaml', 2]]);
    expect(leavers).toMatchObject({ population: { name: 'leavers', size: 0 }, sampleSize: 0, sample: [], exceptions: [], note: 'no leavers in the period: nothing to sample' });
    expect(joiners).toMatchObject({ population: { name: 'joiners', size: 1 }, sampleSize: 1, sample: [{ id: 'b@x.io', date: '2026-03-02', file: 'people.yaml', line: 3 }] });
    // The joiner has no background check and no training: the findings on their record are the sampled item's.
    expect(joiners!.sample[0]!.exceptions.map((e) => e.ruleId).sort()).toEqual(['missing-background-check', 'training-overdue']);
    expect(list.summary).toEqual({ controls: 3, ready: 1, withExceptions: 2, itemsToCollect: 1 });
  });

  it('leaves out planned controls, and auditProgram gives the same list as lint then requestList', async () => {
    const files: RepoFiles = {
      'controls/p.yaml': 'controls:\n  - { id: P-1, title: Planned, owner: a@x.io, status: planned, frequency: monthly, criteria: [CC7.1] }\n  - { id: A-1, title: Annual, owner: a@x.io, frequency: annual, criteria: [CC7.1], evidence: [{ url: https://tickets.example/1, date: 2026-05-04 }] }\n',
    };
    const root = makeRepo({ ...BASE, ...files }, 'soc2lint-audit-');
    const list = await auditProgram({ root, seed: 9 });
    expect(list.controls.map((c) => c.id)).toEqual(['A-1']);
    expect(list.controls[0]).toMatchObject({ population: { name: 'the period', size: 1 }, sample: [{ id: 'the period', evidence: [{ url: 'https://tickets.example/1', found: true }], exceptions: [] }] });
    expect(list).toEqual(requestList(await lint({ root }), { seed: 9 }));
  });
});
