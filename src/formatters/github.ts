// GitHub Actions output: one workflow command per finding, which GitHub turns into an annotation on the file and line,
// and a markdown job summary, which the CLI appends to $GITHUB_STEP_SUMMARY.
import { REPO_ROOT } from '../engine/finding.js';
import { countingFindings, type FindingCounts, type FormatInput, type ReportedFinding } from './types.js';

/** The most findings the job summary lists; the rest are counted in one line. */
export const SUMMARY_ROWS = 200;

/**
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule-id::message`, `::warning` for warnings. Paths are
 * relative to the working folder: GitHub resolves them against the workspace, where the job runs. Suppressed findings
 * are not annotated; when there are any, one closing `::notice` counts them, so they are not invisible either.
 */
export function github(input: FormatInput): string {
  const active = countingFindings(input.findings);
  const lines = active.map((finding) => command(finding.severity === 'error' ? 'error' : 'warning', properties(finding), finding.message));
  const { suppressed } = input.counts;
  if (suppressed > 0) {
    lines.push(command('notice', [['title', 'soc2lint']], `${suppressed} finding${suppressed === 1 ? '' : 's'} suppressed (${bySuppressor(input.counts)}); they do not fail the run.`));
  }
  return lines.map((line) => `${line}\n`).join('');
}

function properties(finding: ReportedFinding): [string, string | number][] {
  const title: [string, string] = ['title', finding.ruleId];
  // A finding about the program as a whole has no file to annotate: it shows on the run itself.
  if (finding.file === REPO_ROOT) return [title];
  const { line, column, endLine, endColumn } = finding;
  // An end before the start (a rule's mistake) is left out rather than handed to GitHub.
  const end: [string, number][] = endLine > line || (endLine === line && endColumn >= column) ? [['endLine', endLine], ['endColumn', endColumn]] : [];
  return [['file', finding.path], ['line', line], ['col', column], ...end, title];
}

function command(name: string, props: readonly [string, string | number][], message: string): string {
  const list = props.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${name}${list ? ` ${list}` : ''}::${escapeData(message)}`;
}

/** A workflow command's message: `%`, CR and LF encoded, as GitHub's toolkit does (`%` first). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: as data, plus `:` and `,`, which would end the value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * The job summary, as markdown: counts, then a table of the findings that count (at most SUMMARY_ROWS rows). Every
 * step appends to the same summary file, so the caller appends this rather than writing it.
 */
export function githubStepSummary(input: FormatInput): string {
  const active = countingFindings(input.findings);
  const { errors, warnings, suppressed } = input.counts;
  const pages = new Map(input.rules.map((rule) => [rule.meta.id, rule.url]));
  const lines = [
    '## soc2lint',
    '',
    `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${suppressed} suppressed${suppressed > 0 ? ` (${bySuppressor(input.counts)})` : ''}. As of ${input.asOf}, soc2lint ${input.version}.`,
    '',
  ];
  if (active.length === 0) {
    lines.push('No problems found.', '');
    return lines.join('\n');
  }
  lines.push('| Location | Severity | Rule | Message |', '| --- | --- | --- | --- |');
  for (const finding of active.slice(0, SUMMARY_ROWS)) {
    const place = finding.file === REPO_ROOT ? finding.path : `${finding.path}:${finding.line}`;
    const page = pages.get(finding.ruleId);
    const rule = page ? `[${finding.ruleId}](${page})` : cell(finding.ruleId);
    lines.push(`| ${cell(place)} | ${finding.severity === 'error' ? 'error' : 'warning'} | ${rule} | ${cell(finding.message)} |`);
  }
  if (active.length > SUMMARY_ROWS) lines.push('', `…and ${active.length - SUMMARY_ROWS} more; the full list is in the job log.`);
  lines.push('');
  return lines.join('\n');
}

/**
 * Text safe in a markdown table cell: `|` would split the cell and a newline end the row; `<`, `>` and `&` are
 * entities so a message quoting `<insert name>` shows it instead of being swallowed as HTML; `\` so it escapes nothing;
 * other control characters dropped.
 */
export function cell(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/\t/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '&#92;')
    .replace(/\|/g, '\\|')
    .replace(/\r\n?|\n/g, '<br>');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function bySuppressor({ byWaivers: waivers, byDirectives: directives }: FindingCounts): string {
  return [...(waivers > 0 ? [`${waivers} by waivers`] : []), ...(directives > 0 ? [`${directives} by inline directives`] : [])].join(', ');
}
