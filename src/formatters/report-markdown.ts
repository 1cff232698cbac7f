// The readiness report as markdown tables: for a job summary ($GITHUB_STEP_SUMMARY) or a pull-request comment. The
// same content as the HTML report (src/formatters/report-html.ts). Pure: the report in, a string out.
import type { ReadinessReport, ReportFinding } from '../report/readiness.js';
import { cell } from './github.js';
import {
  CRITERION_STATES,
  CRITERION_TEXT,
  LEVEL_MEANING,
  LEVEL_TEXT,
  WAIVER_TEXT,
  dueWindow,
  place,
  plural,
  someOf,
  whenDue,
} from './report-labels.js';

export function reportMarkdown(report: ReadinessReport): string {
  return [...header(report), ...status(report), ...heatmap(report), ...timeline(report), ...due(report), ...causes(report), ...owners(report), ...waivers(report), ...audit(report), ...notes(report)].join('\n');
}

function header(report: ReadinessReport): string[] {
  const { program } = report;
  const audit = program.audit
    ? program.audit.type === 'type2' && program.audit.period
      ? `Type II audit period ${program.audit.period.start} to ${program.audit.period.end}`
      : program.audit.type === 'type2'
        ? 'Type II audit (no period set)'
        : 'Type I audit'
    : 'no audit type set';
  return [
    `# SOC 2 readiness: ${cell(report.where)}`,
    '',
    `As of ${report.asOf}; ${audit}; in scope: ${program.categories.join(', ')}. Made by soc2lint ${cell(report.version)}.`,
    '',
  ];
}

function status(report: ReadinessReport): string[] {
  const { level, signals } = report.status;
  return [
    `## Status: ${LEVEL_TEXT[level]}`,
    '',
    `**${LEVEL_TEXT[level]}**: ${LEVEL_MEANING[level]}. Each signal above 0 raises the status to the level shown; the status is the highest level reached.`,
    '',
    '| Signal | Value | Above 0 makes it | What it counts |',
    '| --- | ---: | --- | --- |',
    ...signals.map((signal) => `| ${signal.value > 0 ? `**${signal.label}**` : signal.label} | ${signal.value} | ${LEVEL_TEXT[signal.raises].toLowerCase()} | ${cell(signal.detail)} |`),
    '',
  ];
}

function heatmap(report: ReadinessReport): string[] {
  const { cells, counts } = report.heatmap;
  const summary = CRITERION_STATES.filter((state) => counts[state] > 0 || state !== 'policy').map((state) => `${counts[state]} ${CRITERION_TEXT[state].long}`);
  return [
    '## Criteria',
    '',
    `${plural(cells.length, 'criterion', 'criteria')} in scope: ${summary.join('; ')}.`,
    '',
    '| Criterion | Status | Topic | Mapped by |',
    '| --- | --- | --- | --- |',
    ...cells.map((c) => `| ${c.id} | ${CRITERION_TEXT[c.state].long} | ${cell(c.topic)} | ${c.state === 'not-applicable' ? cell(`not applicable: ${c.reason ?? ''}`) : c.mappedBy.length > 0 ? cell(c.mappedBy.join(', ')) : '—'} |`),
    '',
  ];
}

function timeline(report: ReadinessReport): string[] {
  if (!report.timeline) return ['## Evidence timeline', '', 'No Type II audit period in scope.yaml: there is no period whose intervals must be proven.', ''];
  const { period, controls } = report.timeline;
  const count = (intervals: { state: string }[], state: string) => intervals.filter((interval) => interval.state === state).length;
  return [
    `## Evidence timeline, ${period.start} to ${period.end}`,
    '',
    'Each control\'s intervals in the Type II period, as the auditor samples them: proven, a gap (its proof is due and missing), not yet due, or not owed (the control was not in effect).',
    '',
    '| Control | Frequency | Sampled by | Proven | Gaps | Not yet due | Not owed | Gap intervals |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | --- |',
    ...controls.map((control) => {
      const gaps = control.intervals.filter((interval) => interval.state === 'gap').map((interval) => interval.label);
      return `| ${cell(control.id)} | ${control.frequency} | ${control.unit === 'period' ? 'once in the period' : control.unit} | ${count(control.intervals, 'proven')} | ${gaps.length > 0 ? `**${gaps.length}**` : '0'} | ${count(control.intervals, 'not-yet-due')} | ${count(control.intervals, 'not-owed')} | ${gaps.length > 0 ? cell(someOf(gaps)) : '—'} |`;
    }),
    '',
  ];
}

function due(report: ReadinessReport): string[] {
  const { windows, items } = report.due;
  const counted = (key: string) => items.filter((item) => dueWindow(item, windows) === key).length;
  const lines = [
    `## Due in the next ${windows.slice(0, -1).join(', ')} and ${windows.at(-1)} days`,
    '',
    `${counted('overdue')} overdue; ${windows.map((days) => `${counted(String(days))} within ${days} days`).join(', ')}.`,
    '',
  ];
  if (items.length === 0) return [...lines, 'Nothing falls due.', ''];
  return [
    ...lines,
    '| Due | When | What | Owner | Where |',
    '| --- | --- | --- | --- | --- |',
    ...items.map((item) => `| ${item.due} | ${whenDue(item.days)}${item.waived ? ' (waived)' : ''} | ${cell(`${item.subject}: ${item.what}`)} | ${cell(item.owner ?? 'unassigned')} | ${cell(place(item.file, item.line))} |`),
    '',
  ];
}

function findingRow(finding: ReportFinding): string {
  return `| ${finding.severity === 'error' ? 'error' : 'warning'} | ${finding.ruleId} | ${cell(place(finding.file, finding.line))} | ${cell(finding.message)} |`;
}

function causes(report: ReadinessReport): string[] {
  const lines = [
    '## Findings by cause',
    '',
    'The findings that count (not waived or suppressed), by the cause of failed audits they speak to.',
    '',
    '| Cause | Errors | Warnings | What it covers |',
    '| --- | ---: | ---: | --- |',
    ...report.causes.map((group) => `| ${group.title} | ${group.errors} | ${group.warnings} | ${cell(group.description)} |`),
    '',
  ];
  for (const group of report.causes.filter((candidate) => candidate.findings.length > 0)) {
    lines.push(`### ${group.title}: ${plural(group.errors, 'error')}, ${plural(group.warnings, 'warning')}`, '', '| Severity | Rule | Where | Message |', '| --- | --- | --- | --- |', ...group.findings.map(findingRow), '');
  }
  return lines;
}

function owners(report: ReadinessReport): string[] {
  const lines = ['## To do by owner', ''];
  if (report.owners.length === 0) return [...lines, 'Nothing to do.', ''];
  for (const todo of report.owners) {
    const who = todo.owner === 'unassigned' ? 'Unassigned' : `${todo.name ? `${todo.name} (${todo.owner})` : todo.owner}${todo.role ? `, ${todo.role}` : ''}`;
    lines.push(`### ${cell(who)}: ${plural(todo.findings.length, 'finding')}, ${todo.due.length} due`, '');
    for (const finding of todo.findings) lines.push(`- [ ] Fix (${finding.severity === 'error' ? 'error' : 'warning'}, ${finding.ruleId}, ${cell(place(finding.file, finding.line))}): ${cell(finding.message)}`);
    for (const item of todo.due) lines.push(`- [ ] ${item.days < 0 ? 'Overdue' : 'Due'} ${item.due} (${whenDue(item.days)}${item.waived ? ', waived' : ''}): ${cell(`${item.subject}: ${item.what}`)}`);
    lines.push('');
  }
  return lines;
}

function waivers(report: ReadinessReport): string[] {
  const lines = ['## Waiver register', ''];
  if (report.waivers.length === 0) return [...lines, 'No waivers.', ''];
  return [
    ...lines,
    '| Rule | Target | Expires | State | Suppresses | Approved by | Reason | Where |',
    '| --- | --- | --- | --- | ---: | --- | --- | --- |',
    ...report.waivers.map(
      (waiver) =>
        `| ${cell(waiver.rule)} | ${cell(waiver.target)} | ${waiver.expires} (${whenDue(waiver.days).replace('overdue', 'ago')}) | ${WAIVER_TEXT[waiver.state]} | ${waiver.suppresses} | ${cell(waiver.approvedBy)}${waiver.approvedOn ? ` on ${waiver.approvedOn}` : ''} | ${cell(waiver.reason)} | ${cell(place(waiver.file, waiver.line))} |`,
    ),
    '',
  ];
}

function audit(report: ReadinessReport): string[] {
  const summary = report.audit;
  const lines = [
    '## Mock audit',
    '',
    `The audit request list (\`soc2lint audit\`, seed ${summary.seed}) samples each active control over ${cell(summary.period.label)} as an auditor would: ${plural(summary.controls, 'control')}, ${summary.ready} ready, ${summary.withExceptions} with predicted exceptions${summary.withExceptions > summary.exceptions.length ? ` (${summary.withExceptions - summary.exceptions.length} of them only for want of a population)` : ''}, ${plural(summary.itemsToCollect, 'item')} of evidence to collect.`,
    '',
    '| Controls | Ready | With exceptions | Items to collect |',
    '| ---: | ---: | ---: | ---: |',
    `| ${summary.controls} | ${summary.ready} | ${summary.withExceptions} | ${summary.itemsToCollect} |`,
    '',
  ];
  if (summary.noPopulation.length > 0) lines.push(`No population to sample from (the auditor will ask for one): ${cell(summary.noPopulation.join(', '))}.`, '');
  if (summary.exceptions.length === 0) return lines;
  return [
    ...lines,
    '| Control | Exceptions | The first |',
    '| --- | ---: | --- |',
    ...summary.exceptions.map((control) => `| ${cell(control.id)} | ${control.count} | ${cell(control.first)} |`),
    '',
  ];
}

function notes(report: ReadinessReport): string[] {
  if (report.notices.length === 0) return [];
  return ['## Notes', '', ...report.notices.map((notice) => `- ${cell(notice)}`), ''];
}

