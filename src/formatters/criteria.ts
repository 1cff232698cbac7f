// The output of `soc2lint criteria`: the coverage table as plain text, or the coverage report as JSON. Pure, like the
// lint formats; the command writes the string.
import { criterionState, type ControlCoverage, type CoverageReport } from '../report/coverage.js';

export const CRITERIA_FORMATS = ['text', 'json'] as const;
export type CriteriaFormat = (typeof CRITERIA_FORMATS)[number];

/** `where` is the program's folder as the user would type it. */
export function formatCriteria(report: CoverageReport, format: CriteriaFormat, where: string): string {
  return format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : criteriaText(report, where);
}

const STATUS_TEXT = { current: 'current', stale: 'not current', unmapped: 'unmapped', 'not-applicable': 'n/a', policy: 'by policy' } as const;

/** A plain table: criterion, status, topic, then the controls (those without current evidence say why) or the reason. */
export function criteriaText(report: CoverageReport, where: string): string {
  const rows = report.criteria.map((criterion) => {
    // A criterion only policies map has no evidence to be current or not: it is covered by policy.
    const status = criterionState(criterion);
    const detail =
      criterion.status === 'covered'
        ? [...criterion.controls.map(describeControl), ...(criterion.policies ?? []).map((policy) => `policy ${policy.id}`)].join(', ')
        : criterion.status === 'not-applicable'
          ? `not applicable: ${criterion.reason}`
          : `no ${report.coverage === 'policies' ? 'approved policy' : report.coverage === 'both' ? 'active control or approved policy' : 'active control'} maps it`;
    return [criterion.id, STATUS_TEXT[status], criterion.topic, detail];
  });
  const header = ['Criterion', 'Status', 'Topic', 'Controls'];
  const widths = [0, 1, 2].map((column) => Math.max(header[column]!.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ').trimEnd();
  const { inScope, covered, currentEvidence, notApplicable, unmapped } = report.summary;
  return [
    `Criteria coverage of ${where} as of ${report.asOf}; in scope: ${report.categories.join(', ')}`,
    '',
    line(header),
    ...rows.map(line),
    '',
    `${covered} of ${inScope} in-scope criteria covered by ${report.coverage === 'policies' ? 'approved policies' : report.coverage === 'both' ? 'active controls or approved policies' : 'active controls'}, ${currentEvidence} with current evidence; ${notApplicable} not applicable, ${unmapped} unmapped.`,
    '',
  ].join('\n');
}

function describeControl(control: ControlCoverage): string {
  if (control.evidence === 'current') return control.id;
  if (control.evidence === 'none') return `${control.id} (no evidence)`;
  return `${control.id} (stale: newest ${control.newestEvidence}, next due ${control.nextEvidenceDue})`;
}
