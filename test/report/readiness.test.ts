// The readiness report's data, built from one lint run of real programs: it agrees with `criteria` (the heatmap),
// with evidence-gap (the timeline), with the rules' due dates, and its status follows the documented rule.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reportHtml } from '../../src/formatters/report-html.js';
import { reportMarkdown } from '../../src/formatters/report-markdown.js';
import { criteriaCoverage } from '../../src/report/criteria.js';
import { criterionState } from '../../src/report/coverage.js';
import { lint } from '../../src/report/lint.js';
import { STATUS_RULE, readiness, type ReadinessReport } from '../../src/report/readiness.js';
import { makeRepo } from '../helpers/repo.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const NOW = '2026-07-10';

/** A copy of an example in a temporary folder (no git: the git rules are skipped, and say so). */
function copyOf(example: string): string {
  const root = makeRepo({}, `soc2lint-readiness-${example}-`);
  cpSync(join(projectRoot, 'examples', example), root, { recursive: true });
  return root;
}

async function reportOf(root: string, now = NOW): Promise<{ report: ReadinessReport; findings: Awaited<ReturnType<typeof lint>>['findings'] }> {
  const result = await lint({ root, now });
  return { report: readiness(result, { where: 'program', version: '0.0.0-test' }), findings: result.findings };
}

describe('the readiness report', () => {
  const acme = copyOf('acme-saas');
  const broken = copyOf('broken-saas');

  it('has one heatmap cell per in-scope criterion, with the state soc2lint criteria gives it', async () => {
    for (const root of [acme, broken]) {
      const { report } = await reportOf(root);
      const { coverage } = await criteriaCoverage({ root, now: NOW });
      expect(report.heatmap.cells.map((cell) => [cell.id, cell.state])).toEqual(coverage.criteria.map((criterion) => [criterion.id, criterionState(criterion)]));
    }
  });

  it('shows in the timeline exactly the gaps evidence-gap reports (for controls that have evidence)', async () => {
    const { report, findings } = await reportOf(broken);
    const reported = findings
      .filter((finding) => finding.ruleId === 'evidence-gap' && finding.data.interval !== undefined)
      .map((finding) => `${finding.data.control} ${finding.data.interval}`)
      .sort();
    const withEvidence = new Set(findings.filter((finding) => finding.ruleId === 'missing-evidence').map((finding) => finding.record));
    const shown = report.timeline!.controls.filter((control) => !withEvidence.has(control.id)).flatMap((control) => control.intervals.filter((interval) => interval.state === 'gap').map((interval) => `${control.id} ${interval.label}`));
    expect([...new Set(shown)].sort()).toEqual([...new Set(reported)].sort());
    // The README's gaps: AC-03 has no evidence in January, February, April, May or June.
    const ac03 = report.timeline!.controls.find((control) => control.id === 'AC-03')!;
    expect(ac03.intervals.map((interval) => `${interval.label}:${interval.state}`)).toEqual(['2026-01:gap', '2026-02:gap', '2026-03:proven', '2026-04:gap', '2026-05:gap', '2026-06:gap']);
  });

  it('finds nothing blocking in the healthy example and the broken one not ready, with the signals measured', async () => {
    // The healthy example blocks nothing; what it lacks (a population for some event controls) only puts it at risk.
    const healthy = (await reportOf(acme)).report;
    expect(healthy.status.signals.filter((signal) => signal.raises === 'not-ready').map((signal) => [signal.id, signal.value])).toEqual([
      ['errors', 0],
      ['unmapped', 0],
      ['gaps', 0],
      ['exceptions', 0],
    ]);
    const populations = healthy.status.signals.find((signal) => signal.id === 'populations')!;
    expect(populations.value).toBe(healthy.audit.noPopulation.length);
    expect(healthy.status.level).toBe(healthy.status.signals.some((signal) => signal.value > 0) ? 'at-risk' : 'ready');
    const { report, findings } = await reportOf(broken);
    expect(report.status.level).toBe('not-ready');
    const value = (id: string) => report.status.signals.find((signal) => signal.id === id)!.value;
    expect(value('errors')).toBe(findings.filter((finding) => !finding.suppressedBy && finding.severity === 'error').length);
    expect(value('unmapped')).toBe(report.heatmap.counts.unmapped);
    expect(value('stale')).toBe(1); // CC6.7, mapped only by AC-03
    expect(report.heatmap.cells.find((cell) => cell.id === 'CC6.7')!.state).toBe('stale');
  });

  it('is at risk when only a warning or an overdue item stands out', async () => {
    // The healthy example a month later than its pinned date: nothing blocks, but some proof is now overdue or due soon.
    const root = copyOf('acme-saas');
    const { report } = await reportOf(root, '2026-08-10');
    const raised = report.status.signals.filter((signal) => signal.value > 0);
    expect(raised.length).toBeGreaterThan(0);
    const expected = raised.some((signal) => signal.raises === 'not-ready') ? 'not-ready' : 'at-risk';
    expect(report.status.level).toBe(expected);
    // One warning more: a policy review falling due within review-due-soon's 30 days.
    const before = (await reportOf(root)).report.status.signals.find((signal) => signal.id === 'warnings')!.value;
    const policy = join(root, 'policies', 'acceptable-use.md');
    writeFileSync(policy, readFileSync(policy, 'utf8').replace(/^last_reviewed: .*$/m, 'last_reviewed: 2025-07-20'));
    const warned = (await reportOf(root)).report;
    const warnings = warned.status.signals.find((signal) => signal.id === 'warnings')!;
    expect(warnings).toMatchObject({ value: before + 1, level: 'at-risk' });
    expect(warned.status.signals.filter((signal) => signal.raises === 'not-ready' && signal.value > 0)).toEqual([]);
    expect(warned.status.level).toBe('at-risk');
    expect(warned.due.items.some((item) => item.kind === 'policy-review' && item.due === '2026-07-20' && item.days === 10)).toBe(true);
  });

  it('documents one status rule line per signal', () => {
    expect(STATUS_RULE.map((rule) => rule.id)).toEqual(['errors', 'unmapped', 'gaps', 'exceptions', 'stale', 'populations', 'overdue', 'warnings']);
  });

  it('lists what falls due from the dates the rules judge by, and waived items do not count as overdue', async () => {
    const { report, findings } = await reportOf(broken);
    const overdue = report.due.items.filter((item) => item.days < 0);
    // Every overdue item of a kind a rule reports is a finding of that rule about the same record.
    for (const item of overdue.filter((candidate) => candidate.kind === 'training')) {
      expect(findings.some((finding) => finding.ruleId === 'training-overdue' && finding.data.person === item.record && finding.data.due === item.due)).toBe(true);
    }
    expect(overdue.some((item) => item.kind === 'policy-review' && item.subject === 'Policy POL-INFOSEC' && item.due === '2026-06-20')).toBe(true);
    expect(overdue.some((item) => item.kind === 'vendor-report' && item.subject === 'Vendor VEN-CLOUD')).toBe(true);
    const healthy = (await reportOf(acme)).report;
    const passsafe = healthy.due.items.find((item) => item.kind === 'vendor-report' && item.subject === 'Vendor VEN-PASSSAFE')!;
    expect(passsafe.days).toBeLessThan(0);
    expect(passsafe.waived).toBe(true);
  });

  it('groups the findings that count by cause, gives each to an owner, and registers every waiver', async () => {
    const { report, findings } = await reportOf(broken);
    const counting = findings.filter((finding) => !finding.suppressedBy);
    expect(report.causes.reduce((sum, group) => sum + group.findings.length, 0)).toBe(counting.length);
    expect(report.owners.reduce((sum, todo) => sum + todo.findings.length, 0)).toBe(counting.length);
    // AC-03 has no owner: its findings are unassigned; OPS-04's go to its owner.
    const unassigned = report.owners.find((todo) => todo.owner === 'unassigned')!;
    expect(unassigned.findings.some((finding) => finding.record === 'AC-03' && finding.ruleId === 'missing-owner')).toBe(true);
    expect(report.waivers.map((waiver) => [waiver.rule, waiver.target, waiver.state])).toEqual([
      ['unmapped-criterion', 'CC9.2', 'active'],
      ['missing-owner', 'SYS-WAREHOUSE', 'expired'],
      ['stale-evidence', 'AC-09', 'active'],
      ['evidence-gap', 'OPS-09', 'active'],
    ]);
    expect(report.waivers[0]!.suppresses).toBe(1);
  });

  it('escapes what the program writes: a <script> in a control title is text in both formats', async () => {
    const root = copyOf('acme-saas');
    const file = join(root, 'controls', 'access.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^(\s+)title: .*$/m, '$1title: "<script>alert(1)</script> & <img src=x onerror=alert(2)>"'));
    const { report } = await reportOf(root);
    const html = reportHtml(report);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;');
    expect(html).not.toMatch(/<script|<img/i);
    const markdown = reportMarkdown(report);
    expect(markdown).not.toMatch(/<script|<img/i);
  });

  it('writes no URL that loads: no src, no stylesheet link, no external href', async () => {
    for (const root of [acme, broken]) {
      const html = reportHtml((await reportOf(root)).report);
      expect(html).not.toMatch(/\ssrc=/i);
      expect(html).not.toMatch(/<link\b/i);
      expect(html).not.toMatch(/href="(?!#)/i);
      expect(html).not.toMatch(/url\((?!#)/i);
      expect(html).not.toMatch(/@import/i);
    }
  });
});
