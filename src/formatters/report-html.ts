// The readiness report as one self-contained HTML page: inline CSS (with print rules), inline SVG charts, no script,
// nothing fetched. Every string from the program is escaped. Heatmap cells carry data-criterion and data-status, and
// timeline intervals data-state, so a browser test can count them. Pure: the report in, a string out.
import type { ControlTimeline, ReadinessReport, ReportFinding } from '../report/readiness.js';
import {
  CRITERION_STATES,
  CRITERION_TEXT,
  INTERVAL_STATES,
  INTERVAL_TEXT,
  LEVEL_MEANING,
  LEVEL_TEXT,
  WAIVER_TEXT,
  dueWindow,
  place,
  plural,
  someOf,
  whenDue,
} from './report-labels.js';

/** Text safe anywhere in HTML: element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

const e = escapeHtml;

export function reportHtml(report: ReadinessReport): string {
  const title = `SOC 2 readiness: ${report.where}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="soc2lint ${e(report.version)}">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top">
<h1>${e(title)}</h1>
<p class="meta">${e(describeRun(report))}</p>
</header>
<nav aria-label="Sections">
<ul>${SECTIONS.map(([id, label]) => `<li><a href="#${id}">${label}</a></li>`).join('')}</ul>
</nav>
<main>
${[status(report), heatmap(report), timeline(report), due(report), causes(report), owners(report), waivers(report), audit(report), notes(report)].join('\n')}
</main>
<footer>
<p>Made by soc2lint ${e(report.version)} as of ${e(report.asOf)}. This page fetches nothing and runs no script; print it as it is.</p>
</footer>
</body>
</html>
`;
}

const SECTIONS: ReadonlyArray<[string, string]> = [
  ['status', 'Status'],
  ['criteria', 'Criteria'],
  ['timeline', 'Evidence timeline'],
  ['due', 'Due next'],
  ['causes', 'Findings by cause'],
  ['owners', 'To do by owner'],
  ['waivers', 'Waivers'],
  ['mock-audit', 'Mock audit'],
];

function describeRun(report: ReadinessReport): string {
  const { program } = report;
  const audit = program.audit
    ? program.audit.type === 'type2' && program.audit.period
      ? `Type II audit period ${program.audit.period.start} to ${program.audit.period.end}`
      : program.audit.type === 'type2'
        ? 'Type II audit (no period set)'
        : 'Type I audit'
    : 'no audit type set';
  return `As of ${report.asOf}; ${audit}; in scope: ${program.categories.join(', ')}; ${plural(program.policies, 'policy', 'policies')}, ${plural(program.controls, 'control')}, ${plural(program.vendors, 'vendor')}, ${plural(program.people, 'person', 'people')}.`;
}

function section(id: string, heading: string, body: string): string {
  return `<section id="${id}" aria-labelledby="${id}-h">\n<h2 id="${id}-h">${heading}</h2>\n${body}\n</section>`;
}

/** A wide table in a box that scrolls sideways on a narrow screen; focusable so a keyboard can scroll it. */
function tableBox(label: string, table: string): string {
  return `<div class="scroll" role="region" aria-label="${e(label)}" tabindex="0">${table}</div>`;
}

function status(report: ReadinessReport): string {
  const { level, signals } = report.status;
  const rows = signals
    .map((signal) => `<tr class="${signal.level}"><th scope="row">${e(signal.label)}</th><td class="num">${signal.value}</td><td>${signal.value > 0 ? `<strong>${LEVEL_TEXT[signal.level]}</strong>` : 'ok'}</td><td>${LEVEL_TEXT[signal.raises].toLowerCase()}</td><td>${e(signal.detail)}</td></tr>`)
    .join('');
  return section(
    'status',
    'Status',
    `<div class="status-grid"><div>
<p class="badge ${level}" data-level="${level}"><span class="mark" aria-hidden="true">${level === 'ready' ? '✓' : level === 'at-risk' ? '!' : '✕'}</span> ${LEVEL_TEXT[level]}</p>
<p>${LEVEL_TEXT[level]}: ${e(LEVEL_MEANING[level])}. Each signal above 0 raises the status to the level in its row; the status is the highest level any signal reaches.</p>
${coverageBar(report)}
</div>
${tableBox('Readiness signals', `<table class="signals"><caption>The signals behind the status</caption><thead><tr><th scope="col">Signal</th><th scope="col">Value</th><th scope="col">Reaches</th><th scope="col">Above 0 makes it</th><th scope="col">What it counts</th></tr></thead><tbody>${rows}</tbody></table>`)}</div>`,
  );
}

/** A stacked bar of the in-scope criteria by state, each part labelled in words beside it. */
function coverageBar(report: ReadinessReport): string {
  const { cells, counts } = report.heatmap;
  const total = Math.max(cells.length, 1);
  let x = 0;
  const parts = CRITERION_STATES.filter((state) => counts[state] > 0).map((state) => {
    const width = (counts[state] / total) * 1000;
    const rect = `<rect class="fill-${state}" x="${x.toFixed(1)}" y="0" width="${width.toFixed(1)}" height="28"><title>${counts[state]} ${CRITERION_TEXT[state].long}</title></rect>`;
    x += width;
    return rect;
  });
  const legend = CRITERION_STATES.filter((state) => counts[state] > 0)
    .map((state) => `<li><span class="swatch fill-${state}" aria-hidden="true"></span>${counts[state]} ${CRITERION_TEXT[state].long}</li>`)
    .join('');
  const label = `${cells.length} in-scope criteria: ${CRITERION_STATES.filter((state) => counts[state] > 0).map((state) => `${counts[state]} ${CRITERION_TEXT[state].long}`).join(', ')}`;
  return `<figure class="bar"><svg viewBox="0 0 1000 28" preserveAspectRatio="none" role="img" aria-label="${e(label)}">${parts.join('')}</svg><figcaption><ul class="legend">${legend}</ul></figcaption></figure>`;
}

function heatmap(report: ReadinessReport): string {
  const { cells } = report.heatmap;
  const categories = [...new Set(cells.map((c) => c.category))];
  const groups = categories
    .map((category) => {
      const tiles = cells
        .filter((c) => c.category === category)
        .map((c) => {
          const detail = c.state === 'not-applicable' ? `not applicable: ${c.reason ?? ''}` : c.mappedBy.length > 0 ? `mapped by ${c.mappedBy.join(', ')}` : 'mapped by nothing';
          return `<li class="cell s-${c.state}" data-criterion="${e(c.id)}" data-status="${c.state}" title="${e(`${c.id} ${c.topic}: ${detail}`)}"><span class="id">${e(c.id)}</span><span class="state">${CRITERION_TEXT[c.state].short}</span></li>`;
        })
        .join('');
      return `<h3>${e(category[0]!.toUpperCase() + category.slice(1))}</h3>\n<ul class="heatmap" aria-label="${e(category)} criteria">${tiles}</ul>`;
    })
    .join('\n');
  const legend = CRITERION_STATES.map((state) => `<li><span class="swatch fill-${state}" aria-hidden="true"></span><strong>${CRITERION_TEXT[state].short}</strong>: ${CRITERION_TEXT[state].long}</li>`).join('');
  const rows = cells
    .map((c) => `<tr><th scope="row">${e(c.id)}</th><td>${CRITERION_TEXT[c.state].long}</td><td>${e(c.topic)}</td><td>${c.state === 'not-applicable' ? e(`not applicable: ${c.reason ?? ''}`) : e(c.mappedBy.join(', ') || '—')}</td></tr>`)
    .join('');
  return section(
    'criteria',
    'Criteria',
    `<p>Every in-scope criterion, one cell each, with its state written in the cell.</p>
<ul class="legend">${legend}</ul>
${groups}
<details class="table-details"><summary>The criteria as a table</summary>
${tableBox('Criteria table', `<table><thead><tr><th scope="col">Criterion</th><th scope="col">Status</th><th scope="col">Topic</th><th scope="col">Mapped by</th></tr></thead><tbody>${rows}</tbody></table>`)}
</details>`,
  );
}

const TRACK = 600;

function timeline(report: ReadinessReport): string {
  if (!report.timeline) return section('timeline', 'Evidence timeline', '<p>No Type II audit period in scope.yaml: there is no period whose intervals must be proven.</p>');
  const { period, controls } = report.timeline;
  const start = Date.parse(`${period.start}T00:00:00Z`);
  const span = Date.parse(`${period.end}T00:00:00Z`) + 86_400_000 - start;
  const at = (date: string, end = false) => ((Date.parse(`${date}T00:00:00Z`) + (end ? 86_400_000 : 0) - start) / span) * TRACK;
  const bar = (control: ControlTimeline) =>
    control.intervals
      .map((interval) => {
        const x = Math.max(0, at(interval.start));
        const width = Math.max(1, Math.min(TRACK, at(interval.end, true)) - x);
        return `<rect class="iv-${interval.state}" data-state="${interval.state}" data-interval="${e(interval.label)}" x="${x.toFixed(2)}" y="2" width="${width.toFixed(2)}" height="20"><title>${e(`${control.id} ${interval.label} (${interval.start} to ${interval.end}): ${INTERVAL_TEXT[interval.state]}${interval.state === 'gap' || interval.state === 'not-yet-due' ? `, due by ${interval.due}` : ''}`)}</title></rect>`;
      })
      .join('');
  const rows = controls
    .map((control) => {
      const gaps = control.intervals.filter((interval) => interval.state === 'gap');
      const counts = INTERVAL_STATES.filter((state) => control.intervals.some((interval) => interval.state === state)).map((state) => `${control.intervals.filter((interval) => interval.state === state).length} ${INTERVAL_TEXT[state]}`);
      return `<tr data-control="${e(control.id)}"><th scope="row">${e(control.id)}<span class="sub">${e(control.title)}</span></th><td>${control.frequency}<span class="sub">${control.unit === 'period' ? 'once in the period' : `by ${control.unit}`}</span></td><td class="track"><svg viewBox="0 0 ${TRACK} 24" preserveAspectRatio="none" role="img" aria-label="${e(`${control.id}: ${counts.join(', ')}`)}">${bar(control)}</svg></td><td>${gaps.length > 0 ? `<strong>${plural(gaps.length, 'gap')}</strong>: ${e(someOf(gaps.map((gap) => gap.label)))}` : 'no gaps'}</td></tr>`;
    })
    .join('');
  const legend = INTERVAL_STATES.map((state) => `<li><span class="swatch iv-${state}" aria-hidden="true"></span>${INTERVAL_TEXT[state]}</li>`).join('');
  return section(
    'timeline',
    `Evidence timeline, ${e(period.start)} to ${e(period.end)}`,
    `<p>Each control's intervals in the Type II period, as the auditor samples them: proven, a gap (its proof is due and missing), not yet due, or not owed (the control was not in effect). Each bar runs from ${e(period.start)} on the left to ${e(period.end)} on the right; the gaps are also listed in words.</p>
<ul class="legend">${legend}</ul>
${tableBox('Evidence timeline', `<table class="timeline"><thead><tr><th scope="col">Control</th><th scope="col">Frequency</th><th scope="col">Intervals</th><th scope="col">Gaps</th></tr></thead><tbody>${rows}</tbody></table>`)}`,
  );
}

function due(report: ReadinessReport): string {
  const { windows, items } = report.due;
  const counted = (key: string) => items.filter((item) => dueWindow(item, windows) === key).length;
  const boxes = [['overdue', 'overdue'], ...windows.map((days) => [String(days), `within ${days} days`])]
    .map(([key, label]) => `<li class="count ${key === 'overdue' && counted('overdue') > 0 ? 'alert' : ''}"><span class="n">${counted(key!)}</span> ${label}</li>`)
    .join('');
  const rows = items
    .map(
      (item) =>
        `<tr data-window="${dueWindow(item, windows)}"><td class="date">${e(item.due)}</td><td>${item.days < 0 ? `<strong>${whenDue(item.days)}</strong>` : whenDue(item.days)}${item.waived ? ' (waived)' : ''}</td><td>${e(item.subject)}: ${e(item.what)}</td><td>${e(item.owner ?? 'unassigned')}</td><td><code>${e(place(item.file, item.line))}</code></td></tr>`,
    )
    .join('');
  return section(
    'due',
    `Due in the next ${windows.slice(0, -1).join(', ')} and ${windows.at(-1)} days`,
    `<ul class="counts">${boxes}</ul>
${items.length === 0 ? '<p>Nothing falls due.</p>' : tableBox('Due items', `<table><thead><tr><th scope="col">Due</th><th scope="col">When</th><th scope="col">What</th><th scope="col">Owner</th><th scope="col">Where</th></tr></thead><tbody>${rows}</tbody></table>`)}`,
  );
}

function findingsTable(label: string, findings: readonly ReportFinding[]): string {
  const rows = findings
    .map((finding) => `<tr><td class="sev-${finding.severity}">${finding.severity === 'error' ? 'error' : 'warning'}</td><td><code>${e(finding.ruleId)}</code></td><td><code>${e(place(finding.file, finding.line))}</code></td><td>${e(finding.message)}</td></tr>`)
    .join('');
  return tableBox(label, `<table><thead><tr><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">Where</th><th scope="col">Message</th></tr></thead><tbody>${rows}</tbody></table>`);
}

function causes(report: ReadinessReport): string {
  const groups = report.causes;
  const most = Math.max(1, ...groups.map((group) => group.errors + group.warnings));
  const rowHeight = 26;
  const bars = groups
    .map((group, i) => {
      const y = i * rowHeight;
      const errors = (group.errors / most) * 560;
      const warnings = (group.warnings / most) * 560;
      return `<text x="0" y="${y + 17}" class="label">${e(group.title)}</text><rect class="fill-error" x="130" y="${y + 4}" width="${errors.toFixed(1)}" height="18"><title>${group.title}: ${plural(group.errors, 'error')}</title></rect><rect class="fill-warn" x="${(130 + errors).toFixed(1)}" y="${y + 4}" width="${warnings.toFixed(1)}" height="18"><title>${group.title}: ${plural(group.warnings, 'warning')}</title></rect><text x="${(136 + errors + warnings).toFixed(1)}" y="${y + 17}" class="value">${group.errors} / ${group.warnings}</text>`;
    })
    .join('');
  const chart = `<figure class="chart"><svg viewBox="0 0 800 ${groups.length * rowHeight}" role="img" aria-label="${e(`Findings by cause, errors / warnings: ${groups.map((group) => `${group.title} ${group.errors} / ${group.warnings}`).join('; ')}`)}">${bars}</svg><figcaption><ul class="legend"><li><span class="swatch fill-error" aria-hidden="true"></span>errors</li><li><span class="swatch fill-warn" aria-hidden="true"></span>warnings</li></ul></figcaption></figure>`;
  const lists = groups
    .filter((group) => group.findings.length > 0)
    .map((group) => `<h3 id="cause-${group.cause}">${e(group.title)}: ${plural(group.errors, 'error')}, ${plural(group.warnings, 'warning')}</h3>\n<p>${e(group.description)}</p>\n${findingsTable(`${group.title} findings`, group.findings)}`)
    .join('\n');
  return section('causes', 'Findings by cause', `<p>The findings that count (not waived or suppressed), by the cause of failed audits they speak to.</p>\n${chart}\n${lists || '<p>No findings.</p>'}`);
}

function owners(report: ReadinessReport): string {
  if (report.owners.length === 0) return section('owners', 'To do by owner', '<p>Nothing to do.</p>');
  const blocks = report.owners
    .map((todo) => {
      const who = todo.owner === 'unassigned' ? 'Unassigned' : `${todo.name ? `${todo.name} (${todo.owner})` : todo.owner}${todo.role ? `, ${todo.role}` : ''}`;
      const items = [
        ...todo.findings.map((finding) => `<li><span class="sev-${finding.severity}">${finding.severity === 'error' ? 'error' : 'warning'}</span> <code>${e(finding.ruleId)}</code> <code>${e(place(finding.file, finding.line))}</code>: ${e(finding.message)}</li>`),
        ...todo.due.map((item) => `<li><span class="${item.days < 0 ? 'sev-error' : 'due'}">${item.days < 0 ? 'overdue' : 'due'}</span> ${e(item.due)} (${whenDue(item.days)}${item.waived ? ', waived' : ''}): ${e(item.subject)}: ${e(item.what)}</li>`),
      ];
      return `<h3>${e(who)}: ${plural(todo.findings.length, 'finding')}, ${todo.due.length} due</h3>\n<ul class="todo">${items.join('')}</ul>`;
    })
    .join('\n');
  return section('owners', 'To do by owner', `<p>Findings go to the owner of the record they are about (a role to its holder); what falls due goes to the owner of what is due.</p>\n${blocks}`);
}

function waivers(report: ReadinessReport): string {
  if (report.waivers.length === 0) return section('waivers', 'Waiver register', '<p>No waivers.</p>');
  const rows = report.waivers
    .map(
      (waiver) =>
        `<tr class="w-${waiver.state}"><td><code>${e(waiver.rule)}</code></td><td>${e(waiver.target)}</td><td>${e(waiver.expires)} (${whenDue(waiver.days).replace('overdue', 'ago')})</td><td>${WAIVER_TEXT[waiver.state]}</td><td class="num">${waiver.suppresses}</td><td>${e(waiver.approvedBy)}${waiver.approvedOn ? ` on ${e(waiver.approvedOn)}` : ''}</td><td>${e(waiver.reason)}</td><td><code>${e(place(waiver.file, waiver.line))}</code></td></tr>`,
    )
    .join('');
  return section(
    'waivers',
    'Waiver register',
    tableBox('Waiver register', `<table><thead><tr><th scope="col">Rule</th><th scope="col">Target</th><th scope="col">Expires</th><th scope="col">State</th><th scope="col">Suppresses</th><th scope="col">Approved by</th><th scope="col">Reason</th><th scope="col">Where</th></tr></thead><tbody>${rows}</tbody></table>`),
  );
}

function audit(report: ReadinessReport): string {
  const summary = report.audit;
  const figures = [
    [summary.controls, 'controls sampled'],
    [summary.ready, 'ready'],
    [summary.withExceptions, 'with predicted exceptions'],
    [summary.itemsToCollect, 'items of evidence to collect'],
  ] as const;
  const rows = summary.exceptions.map((control) => `<tr><th scope="row">${e(control.id)}<span class="sub">${e(control.title)}</span></th><td class="num">${control.count}</td><td>${e(control.first)}</td></tr>`).join('');
  return section(
    'mock-audit',
    'Mock audit',
    `<p>The audit request list (<code>soc2lint audit</code>, seed ${summary.seed}) samples each active control over ${e(summary.period.label)} as an auditor would.</p>
<ul class="counts">${figures.map(([n, label]) => `<li class="count ${label === 'with predicted exceptions' && n > 0 ? 'alert' : ''}"><span class="n">${n}</span> ${label}</li>`).join('')}</ul>
${summary.withExceptions > summary.exceptions.length ? `<p>Of the controls with predicted exceptions, ${summary.withExceptions - summary.exceptions.length} only want a population.</p>` : ''}
${summary.noPopulation.length > 0 ? `<p>No population to sample from (the auditor will ask for one): ${e(summary.noPopulation.join(', '))}.</p>` : ''}
${rows ? tableBox('Controls with predicted exceptions', `<table><caption>Controls with predicted exceptions</caption><thead><tr><th scope="col">Control</th><th scope="col">Exceptions</th><th scope="col">The first</th></tr></thead><tbody>${rows}</tbody></table>`) : ''}`,
  );
}

function notes(report: ReadinessReport): string {
  if (report.notices.length === 0) return '';
  return section('notes', 'Notes', `<ul>${report.notices.map((notice) => `<li>${e(notice)}</li>`).join('')}</ul>`);
}

const STYLE = `
:root{--ink:#1b1f24;--muted:#4a5360;--line:#c9ced6;--bg:#ffffff;--panel:#f4f6f8;
--current:#cdebd8;--current-ink:#0b3d1f;--stale:#ffe7a3;--stale-ink:#4d3900;--policy:#d6e4fa;--policy-ink:#0d2f5e;
--unmapped:#f8cfcb;--unmapped-ink:#6b0f0a;--na:#e4e6ea;--na-ink:#30363d;
--proven:#2e8b57;--gap:#c0392b;--due:#ffffff;--notowed:#d5d9df;--error:#b42318;--warn:#b7791f}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
header.top,nav,main,footer{max-width:1200px;margin:0 auto;padding:0 20px}
header.top{padding-top:20px}
h1{font-size:1.6rem;margin:0 0 4px}
h2{font-size:1.3rem;margin:0 0 10px;padding-top:8px;border-top:2px solid var(--line)}
h3{font-size:1.05rem;margin:18px 0 6px}
.meta,.sub{color:var(--muted)}
.sub{display:block;font-size:.8rem;font-weight:normal}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:6px 14px;padding:0;margin:10px 0 16px}
nav a{color:#0b4f9c}
section{margin:0 0 28px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em;background:var(--panel);padding:0 3px;border-radius:3px;overflow-wrap:anywhere}
.badge{display:inline-block;font-size:1.4rem;font-weight:700;padding:6px 16px;border-radius:6px;color:#fff;margin:4px 0 8px}
.badge.ready{background:#0a6b2e}.badge.at-risk{background:#8a5300}.badge.not-ready{background:#a31b12}
.scroll{overflow-x:auto;max-width:100%}
.scroll:focus{outline:2px solid #0b4f9c}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:6px 0}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
thead th{background:var(--panel)}
td.num{text-align:right}
td.date{white-space:nowrap}
.status-grid{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr);gap:24px;align-items:start}
@media (max-width:900px){.status-grid{grid-template-columns:minmax(0,1fr)}}
tr.not-ready th,tr.at-risk th{font-weight:700}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:4px 16px;padding:0;margin:6px 0}
.swatch{display:inline-block;width:14px;height:14px;border:1px solid #59626e;margin-right:6px;vertical-align:-2px}
.fill-current{fill:var(--current);background:var(--current)}.fill-stale{fill:var(--stale);background:var(--stale)}
.fill-policy{fill:var(--policy);background:var(--policy)}.fill-unmapped{fill:var(--unmapped);background:var(--unmapped)}
.fill-not-applicable{fill:var(--na);background:var(--na)}
.fill-error{fill:var(--error);background:var(--error)}.fill-warn{fill:var(--warn);background:var(--warn)}
figure{margin:8px 0}
figure.bar svg{width:100%;height:28px;border:1px solid #59626e}
figure.chart svg{width:100%;max-width:800px;height:auto}
svg text{font-size:13px;fill:var(--ink)}
.heatmap{list-style:none;display:grid;grid-template-columns:repeat(auto-fill,minmax(86px,1fr));gap:6px;padding:0;margin:0 0 8px}
.cell{border:1px solid #59626e;border-radius:4px;padding:6px;text-align:center;min-height:54px}
.cell .id{display:block;font-weight:700}
.cell .state{display:block;font-size:.8rem}
.s-current{background:var(--current);color:var(--current-ink)}
.s-stale{background:var(--stale);color:var(--stale-ink);border-style:dashed}
.s-policy{background:var(--policy);color:var(--policy-ink)}
.s-unmapped{background:var(--unmapped);color:var(--unmapped-ink);border-width:2px}
.s-not-applicable{background:var(--na);color:var(--na-ink);border-style:dotted}
.table-details{margin:8px 0}
.timeline td.track{min-width:220px;width:45%}
.timeline svg{width:100%;height:24px;display:block}
.iv-proven{fill:var(--proven);background:var(--proven)}
.iv-gap{fill:var(--gap);background:var(--gap)}
.iv-not-yet-due{fill:var(--due);stroke:#59626e;stroke-width:1;background:var(--due)}
.iv-not-owed{fill:var(--notowed);background:var(--notowed)}
rect[class^="iv-"]{stroke:#ffffff;stroke-width:.6}
rect.iv-not-yet-due{stroke:#59626e}
.counts{list-style:none;display:flex;flex-wrap:wrap;gap:10px;padding:0;margin:6px 0 10px}
.count{border:1px solid var(--line);border-radius:6px;padding:6px 14px;background:var(--panel)}
.count .n{font-size:1.4rem;font-weight:700;margin-right:4px}
.count.alert{border-color:var(--error);border-width:2px}
.sev-error{color:var(--error);font-weight:700}.sev-warn{color:#7a4f00;font-weight:700}.due{font-weight:700}
td > code{white-space:nowrap;overflow-wrap:normal}
.todo{padding-left:20px}.todo li{margin:2px 0}
footer{color:var(--muted);border-top:1px solid var(--line);padding-top:8px;padding-bottom:24px}
@media (max-width:600px){body{font-size:14px}h1{font-size:1.3rem}.scroll table{min-width:640px}.timeline td.track{min-width:200px}}
@media print{nav,.table-details summary{display:none}body{font-size:11px}h2{break-after:avoid}tr,li.cell{break-inside:avoid}
.scroll{overflow:visible}.badge{border:2px solid #000}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
details.table-details{display:none}a{color:inherit;text-decoration:none}}
`;
