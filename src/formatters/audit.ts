// The output of `soc2lint audit`: the auditor's request list as markdown (fit for a GitHub job summary), CSV (one row
// per sampled item, for a spreadsheet) or JSON. Pure: data in, string out; the command writes it.
import type { AuditControl, FoundEvidence, PredictedException, RequestList, SampledItem } from '../report/audit.js';

export const AUDIT_FORMATS = ['markdown', 'csv', 'json'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export function formatAudit(list: RequestList, format: AuditFormat): string {
  return format === 'json' ? auditJson(list) : format === 'csv' ? auditCsv(list) : auditMarkdown(list);
}

export function auditJson(list: RequestList): string {
  return `${JSON.stringify(list, null, 2)}\n`;
}

/** The summary first (figures, then one row per control), then each control's sample. */
export function auditMarkdown(list: RequestList): string {
  const { summary } = list;
  const lines = [
    '# Audit request list',
    '',
    `As of ${list.asOf}, sampling ${describePeriod(list.period)} with seed ${list.seed}.`,
    '',
    '| Controls | Ready | With predicted exceptions | Items to collect |',
    '|---:|---:|---:|---:|',
    `| ${summary.controls} | ${summary.ready} | ${summary.withExceptions} | ${summary.itemsToCollect} |`,
    '',
  ];
  if (list.controls.length > 0) {
    lines.push('| Control | Frequency | Population | Sample | Predicted exceptions |', '|---|---|---|---:|---:|');
    for (const control of list.controls) {
      lines.push(row([`${control.id} ${control.title}`, control.frequency, describePopulation(control), String(control.sampleSize), String(exceptionCount(control))]));
    }
    lines.push('');
  }
  for (const control of list.controls) lines.push(...controlSection(control));
  return `${lines.join('\n')}\n`;
}

/** The period's label, with its days when the label does not give them (the last 12 months, a period not yet ended). */
function describePeriod(period: RequestList['period']): string {
  const days = `${period.start} to ${period.end}`;
  return period.label.endsWith(days) ? period.label : `${period.label} (${days})`;
}

function controlSection(control: AuditControl): string[] {
  const lines = [
    `## ${control.id} ${control.title}`,
    '',
    `Criteria: ${control.criteria.join(', ') || 'none'}. Frequency: ${control.frequency}. Population: ${describePopulation(control)}. Sample: ${control.sampleSize}. Written at \`${control.file}:${control.line}\`.`,
    '',
  ];
  if (control.note) lines.push(`${capitalize(control.note)}.`, '');
  if (control.sample.length > 0) {
    lines.push('| Item | Date | Evidence | Predicted exceptions |', '|---|---|---|---|');
    for (const item of control.sample) lines.push(row([itemLabel(item), item.date ?? '', evidenceText(item.evidence), exceptionsText(item.exceptions)]));
    lines.push('');
  }
  if (control.exceptions.length > 0) {
    lines.push('Predicted exceptions of the control:', '', ...control.exceptions.map((exception) => `- ${escapeInline(describeException(exception))}`), '');
  }
  return lines;
}

function describePopulation(control: AuditControl): string {
  return control.population ? `${control.population.name}: ${control.population.size} (${control.population.origin})` : 'none named';
}

function exceptionCount(control: AuditControl): number {
  return control.exceptions.length + control.sample.reduce((sum, item) => sum + item.exceptions.length, 0);
}

function itemLabel(item: SampledItem): string {
  return item.title !== undefined ? `${item.id}: ${item.title}` : item.id;
}

function evidenceText(evidence: readonly FoundEvidence[]): string {
  if (evidence.length === 0) return 'none';
  return evidence.map((entry) => [entry.path ?? entry.url ?? '', entry.path !== undefined && !entry.found ? '(missing)' : '', entry.note ?? ''].filter(Boolean).join(' ')).join('; ');
}

function exceptionsText(exceptions: readonly PredictedException[]): string {
  return exceptions.length === 0 ? 'none' : exceptions.map(describeException).join('; ');
}

function describeException(exception: PredictedException): string {
  return `${exception.message} (${exception.file}:${exception.line}${exception.ruleId ? `, ${exception.ruleId}` : ''})`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A table row: pipes escaped and line breaks flattened, so a cell never breaks the table. */
function row(cells: readonly string[]): string {
  return `| ${cells.map(escapeInline).join(' | ')} |`;
}

function escapeInline(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/\|/g, '\\|');
}

const CSV_HEADER = [
  'control',
  'title',
  'criteria',
  'frequency',
  'population',
  'population_size',
  'sample_size',
  'item',
  'item_title',
  'date',
  'file',
  'line',
  'evidence',
  'evidence_missing',
  'exceptions',
  'control_exceptions',
];

/**
 * One row per sampled item; a control with no sample still gets a row (its item columns empty). Lists inside a cell
 * are joined with "; ". Quoted as RFC 4180 says, with CRLF line ends.
 */
export function auditCsv(list: RequestList): string {
  const rows: string[][] = [CSV_HEADER];
  for (const control of list.controls) {
    const head = [
      control.id,
      control.title,
      control.criteria.join('; '),
      control.frequency,
      control.population ? `${control.population.name} (${control.population.origin})` : '',
      control.population ? String(control.population.size) : '',
      String(control.sampleSize),
    ];
    const controlExceptions = control.exceptions.map(describeException).join('; ');
    if (control.sample.length === 0) rows.push([...head, '', '', '', control.file, String(control.line), '', '', '', controlExceptions]);
    for (const item of control.sample) {
      rows.push([
        ...head,
        item.id,
        item.title ?? '',
        item.date ?? '',
        item.file,
        String(item.line),
        item.evidence.map((entry) => entry.path ?? entry.url ?? entry.note ?? '').join('; '),
        item.evidence.filter((entry) => entry.path !== undefined && !entry.found).map((entry) => entry.path).join('; '),
        item.exceptions.map(describeException).join('; '),
        controlExceptions,
      ]);
    }
  }
  return rows.map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
