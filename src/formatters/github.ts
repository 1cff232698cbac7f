// GitHub Actions output: one workflow command per finding, which GitHub turns into an annotation on the file and line,
// and a markdown job summary for $GITHUB_STEP_SUMMARY.
import { appendFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT, activeFindings, type Finding } from '../engine/finding.js';
import type { FormatInput } from './types.js';

/** The most findings the job summary lists; the rest are counted in one line. */
export const SUMMARY_ROWS = 200;

/**
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule-id::message`, `::warning` for warnings. Paths are
 * relative to the working folder: GitHub resolves them against the workspace, where the job runs. Suppressed findings
 * are not annotated; when there are any, one closing `::notice` counts them, so they are not invisible either.
 */
export function github(input: FormatInput): string {
  const active = activeFindings(input.findings);
  const lines = active.map((finding) => command(finding.severity === 'error' ? 'error' : 'warning', properties(finding, input), finding.message));
  const suppressed = input.findings.length - active.length;
  if (suppressed > 0) {
    lines.push(command('notice', [['title', 'soc2lint']], `${suppressed} finding${suppressed === 1 ? '' : 's'} suppressed (${bySuppressor(input.findings)}); they do not fail the run.`));
  }
  return lines.map((line) => `${line}\n`).join('');
}

function properties(finding: Finding, { root, cwd }: FormatInput): [string, string | number][] {
  const title: [string, string] = ['title', finding.ruleId];
  // A finding about the program as a whole has no file to annotate: it shows on the run itself.
  if (finding.file === REPO_ROOT) return [title];
  const { line, column, endLine, endColumn } = finding;
  // An end before the start (a rule's mistake) is left out rather than handed to GitHub.
  const end: [string, number][] = endLine > line || (endLine === line && endColumn >= column) ? [['endLine', endLine], ['endColumn', endColumn]] : [];
  return [['file', shownPath(finding.file, root, cwd)], ['line', line], ['col', column], ...end, title];
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

/** The job summary: counts, then a table of the findings that count (at most SUMMARY_ROWS rows). */
export function githubStepSummary(input: FormatInput): string {
  const active = activeFindings(input.findings);
  const errors = active.filter((finding) => finding.severity === 'error').length;
  const warnings = active.length - errors;
  const suppressed = input.findings.length - active.length;
  const lines = [
    '## soc2lint',
    '',
    `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${suppressed} suppressed${suppressed > 0 ? ` (${bySuppressor(input.findings)})` : ''}. As of ${input.asOf}, soc2lint ${input.version}.`,
    '',
  ];
  if (active.length === 0) {
    lines.push('No problems found.', '');
    return lines.join('\n');
  }
  lines.push('| Location | Severity | Rule | Message |', '| --- | --- | --- | --- |');
  for (const finding of active.slice(0, SUMMARY_ROWS)) {
    const place = finding.file === REPO_ROOT ? shownPath(finding.file, input.root, input.cwd) : `${shownPath(finding.file, input.root, input.cwd)}:${finding.line}`;
    const rule = `[${finding.ruleId}](https://github.com/soc2lint/soc2lint/blob/main/rules/${encodeURIComponent(finding.ruleId)}.md)`;
    lines.push(`| ${cell(place)} | ${finding.severity === 'error' ? 'error' : 'warning'} | ${rule} | ${cell(finding.message)} |`);
  }
  if (active.length > SUMMARY_ROWS) lines.push('', `…and ${active.length - SUMMARY_ROWS} more; the full list is in the job log.`);
  lines.push('');
  return lines.join('\n');
}

/** Writes the job summary where GitHub reads it: appended, as every step shares the file. */
export function appendGithubStepSummary(path: string, input: FormatInput): void {
  appendFileSync(path, githubStepSummary(input));
}

/**
 * Text safe in a markdown table cell: `|` would split the cell and a newline end the row; `<`, `>` and `&` are
 * entities so a message quoting `<insert name>` shows it instead of being swallowed as HTML; `\` so it escapes nothing;
 * other control characters dropped.
 */
function cell(text: string): string {
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

function shownPath(file: string, root: string, cwd: string): string {
  return relative(cwd, file === REPO_ROOT ? root : join(root, file)).split('\\').join('/') || '.';
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function bySuppressor(findings: readonly Finding[]): string {
  const waivers = findings.filter((finding) => finding.suppressedBy?.kind === 'waiver').length;
  const directives = findings.filter((finding) => finding.suppressedBy?.kind === 'directive').length;
  return [...(waivers > 0 ? [`${waivers} by waivers`] : []), ...(directives > 0 ? [`${directives} by inline directives`] : [])].join(', ');
}
