// The audit request list of the two examples, in each format, compared with golden files; and the sample reproducible
// by seed. Pinned date and seed, git rules off (what they find depends on this checkout), so the lists are the same on
// any machine and day.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuleOverride } from '../../src/engine/settings.js';
import { auditCsv, auditJson, auditMarkdown } from '../../src/formatters/audit.js';
import { hasExceptions, requestList } from '../../src/report/audit.js';
import { lint, type LintResult } from '../../src/report/lint.js';
import { expectGolden } from './golden.js';

const examples = fileURLToPath(new URL('../../examples', import.meta.url));
const withoutGit: RuleOverride[] = ['untracked-evidence', 'changed-since-approval', 'backdated-evidence'].map((ruleId) => ({ ruleId, setting: 'off' }));
const SEED = 42;

const results = new Map<string, LintResult>();
beforeAll(async () => {
  for (const name of ['acme-saas', 'broken-saas']) results.set(name, await lint({ root: join(examples, name), now: '2026-07-10', ruleOverrides: withoutGit }));
});

describe.each(['acme-saas', 'broken-saas'])('the request list of examples/%s', (name) => {
  it.each([
    ['markdown', 'md', auditMarkdown],
    ['csv', 'csv', auditCsv],
    ['json', 'json', auditJson],
  ] as const)('as %s matches its golden file', (_format, extension, format) => {
    expectGolden(`audit-${name}.golden.${extension}`, format(requestList(results.get(name)!, { seed: SEED })));
  });

  it('lists every active control, each with its sample', () => {
    const result = results.get(name)!;
    const list = requestList(result, { seed: SEED });
    expect(list.controls.map((control) => control.id)).toEqual(result.model.controls.filter((control) => control.status === 'active').map((control) => control.id));
    for (const control of list.controls) {
      expect(control.sample.length).toBe(control.sampleSize);
      expect(control.sampleSize).toBeLessThanOrEqual(control.population?.size ?? 0);
    }
    expect(list.summary.itemsToCollect).toBe(list.controls.reduce((sum, control) => sum + control.sample.length, 0));
    expect(list.summary.ready + list.summary.withExceptions).toBe(list.controls.length);
  });
});

describe('the sample', () => {
  it('is the same for the same seed, and the default seed is the period start as a number', () => {
    const result = results.get('acme-saas')!;
    expect(JSON.stringify(requestList(result, { seed: 7 }))).toBe(JSON.stringify(requestList(result, { seed: 7 })));
    const list = requestList(result);
    expect(list.seed).toBe(20260101);
    expect(JSON.stringify(list)).toBe(JSON.stringify(requestList(result, { seed: 20260101 })));
  });

  it('changes with the seed where the population is larger than the sample (a daily control)', () => {
    const result = results.get('acme-saas')!;
    const daily = (seed: number) => requestList(result, { seed }).controls.find((control) => control.frequency === 'daily')!;
    expect(daily(1).population!.size).toBeGreaterThan(daily(1).sampleSize);
    const samples = new Set([1, 2, 3, 4, 5].map((seed) => daily(seed).sample.map((item) => item.id).join(',')));
    expect(samples.size).toBeGreaterThan(1);
  });

  it('follows the tables it is given', () => {
    const result = results.get('acme-saas')!;
    const list = requestList(result, { seed: SEED, tables: { frequency: { annual: 1, semiannual: 1, quarterly: 1, monthly: 3, weekly: 5, daily: 10, continuous: 1 }, event: [{ size: 'all' }] } });
    const daily = list.controls.find((control) => control.frequency === 'daily')!;
    expect(daily.sampleSize).toBe(10);
    expect(list.controls.filter((control) => control.frequency === 'quarterly').every((control) => control.sampleSize === Math.min(1, control.population!.size))).toBe(true);
  });
});

describe('predicted exceptions', () => {
  it('predict none on the healthy example', () => {
    const list = requestList(results.get('acme-saas')!, { seed: SEED });
    expect(list.controls.filter(hasExceptions).map((control) => control.id)).toEqual([]);
  });

  it('predict the broken example’s gaps: an interval with no evidence, a broken evidence link, an event control with no population, an unreviewed change', () => {
    const list = requestList(results.get('broken-saas')!, { seed: SEED });
    const all = list.controls.flatMap((control) => [...control.exceptions, ...control.sample.flatMap((item) => item.exceptions)].map((exception) => ({ control: control.id, ...exception })));
    expect(all).toContainEqual(expect.objectContaining({ control: 'AC-02', message: expect.stringMatching(/^(2026-Q1 \(not in this sample\): )?no evidence for 2026-Q1/) }));
    expect(all).toContainEqual(expect.objectContaining({ control: 'AC-02', ruleId: 'broken-evidence-link', file: 'controls/access.yaml', line: 23 }));
    expect(all).toContainEqual(expect.objectContaining({ control: 'OPS-03', ruleId: 'incomplete-population', messageId: 'noPopulation' }));
    expect(all).toContainEqual(expect.objectContaining({ control: 'OPS-04', ruleId: 'unreviewed-change', file: 'populations/changes.json' }));
    expect(list.summary.ready).toBeLessThan(list.summary.controls);
  });

  it('agree with the rules on the broken example: every gap evidence-gap finds, every unreviewed change, every control with no population', () => {
    const result = results.get('broken-saas')!;
    const list = requestList(result, { seed: SEED });
    const active = new Set(list.controls.map((control) => control.id));
    const messages = (id: string) => list.controls.filter((control) => control.id === id).flatMap((control) => [...control.exceptions, ...control.sample.flatMap((item) => item.exceptions)]);
    const gaps = result.findings.filter((f) => f.ruleId === 'evidence-gap' && !f.suppressedBy && f.data.interval !== undefined && active.has(String(f.data.control)));
    expect(gaps.length).toBeGreaterThan(5);
    for (const gap of gaps) expect(messages(String(gap.data.control)).map((e) => e.message)).toContainEqual(expect.stringContaining(`no evidence for ${gap.data.interval} `));
    const unreviewed = result.findings.filter((f) => f.ruleId === 'unreviewed-change' && !f.suppressedBy);
    expect(unreviewed.length).toBe(3);
    for (const finding of unreviewed) expect(messages('OPS-04').map((e) => e.line)).toContain(finding.line);
    const noPopulation = result.findings.filter((f) => f.ruleId === 'incomplete-population' && f.messageId === 'noPopulation');
    expect(noPopulation.map((f) => f.data.control)).toEqual(['OPS-03', 'OPS-05']);
    for (const finding of noPopulation) expect(messages(String(finding.data.control))).toContainEqual(expect.objectContaining({ ruleId: 'incomplete-population', line: finding.line }));
  });
});
