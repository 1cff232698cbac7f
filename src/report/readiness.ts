// The readiness report (`soc2lint report`): one lint result turned into what the people who own the audit need to see.
// Pure: data in, data out. Every judgement comes from the module that makes it for the lint and `criteria` (coverage,
// the evidence calendar, due dates, the rule → cause table); this file only gathers and counts.
import { compareDates, daysBetween, parseInterval, type IsoDate } from '../core/dates.js';
import { activeFindings, compareFindings, fileStart, type Finding, type Severity } from '../engine/finding.js';
import { isWaiverInForce, waiverMatches } from '../engine/waivers.js';
import { resolveSettings } from '../engine/settings.js';
import { anyCovers, dueDate, evidenceUpTo, intervalsWithin, owes, proofSchedule, type CalendarOptions } from '../model/evidence-calendar.js';
import { roleNamed } from '../model/people.js';
import { typeTwoPeriod } from '../model/program.js';
import type { Control, ControlFrequency, RepoModel, Waiver } from '../model/types.js';
import { RULES } from '../../rules/index.js';
import { CAUSES, CAUSE_TEXT, causeOf, type Cause } from './causes.js';
import { coverage, criterionState, type CriterionState } from './coverage.js';
import { ruleCalendar } from './criteria.js';
import { DEFAULT_DUE_OPTIONS, DUE_WINDOWS, dueItems, type DueItem, type DueOptions } from './due.js';
import { countFindings, summarizeProgram, type FindingCounts, type ProgramSummary } from './format-input.js';
import type { LintResult } from './lint.js';
import { NO_POPULATION, requestList, type AuditControl, type PredictedException } from './audit.js';

export type ReadinessLevel = 'ready' | 'at-risk' | 'not-ready';

/** A measured signal behind the overall status, with the level it reaches and the threshold that puts it there. */
export interface ReadinessSignal {
  id: SignalId;
  label: string;
  value: number;
  /** The level this signal reaches: `raises` when value > 0, else ready. */
  level: ReadinessLevel;
  /** The level any value above 0 raises the status to. */
  raises: Exclude<ReadinessLevel, 'ready'>;
  /** What it counts, in words. */
  detail: string;
}

export type SignalId = 'errors' | 'unmapped' | 'gaps' | 'exceptions' | 'stale' | 'populations' | 'overdue' | 'warnings';

/**
 * The status rule, one line per signal: any value above 0 raises the status to the level given. The status is the
 * highest level any signal reaches (ready when none is above 0). Documented in docs/report.md.
 */
export const STATUS_RULE: ReadonlyArray<{ id: SignalId; label: string; raises: Exclude<ReadinessLevel, 'ready'>; detail: string }> = [
  { id: 'errors', label: 'Errors', raises: 'not-ready', detail: 'lint errors that count (not waived or suppressed)' },
  { id: 'unmapped', label: 'Unmapped criteria', raises: 'not-ready', detail: 'in-scope criteria no control maps and none declared not applicable' },
  { id: 'gaps', label: 'Evidence gaps', raises: 'not-ready', detail: 'intervals of the Type II period whose proof is due and missing' },
  { id: 'exceptions', label: 'Predicted exceptions', raises: 'not-ready', detail: 'controls the mock audit expects an exception for (a missing population aside)' },
  { id: 'stale', label: 'Criteria with stale evidence', raises: 'at-risk', detail: 'covered criteria none of whose controls has current evidence' },
  { id: 'populations', label: 'Missing populations', raises: 'at-risk', detail: 'event-driven controls that name no population to sample from: the auditor will ask for one' },
  { id: 'overdue', label: 'Overdue items', raises: 'at-risk', detail: 'reviews, evidence, training, vendor reports and waivers past their due date, unless a waiver in force covers them' },
  { id: 'warnings', label: 'Warnings', raises: 'at-risk', detail: 'lint warnings that count' },
];

export interface HeatmapCell {
  id: string;
  category: string;
  topic: string;
  state: CriterionState;
  /** The controls (with their evidence state) and policies that map it. */
  mappedBy: string[];
  /** Why it is not applicable. */
  reason?: string;
}

/** proven: evidence covers it; gap: its proof is due and missing; not-yet-due: its proof may still come; not-owed: the control was not in effect for all of it. */
export type IntervalState = 'proven' | 'gap' | 'not-yet-due' | 'not-owed';

export interface TimelineInterval {
  label: string;
  start: IsoDate;
  end: IsoDate;
  state: IntervalState;
  /** The last day its proof may arrive (filing interval end plus grace). */
  due: IsoDate;
}

export interface ControlTimeline {
  id: string;
  title: string;
  frequency: ControlFrequency;
  /** The interval it is sampled by (`month`, `quarter`), or `period` when it owes one run in the whole period. */
  unit: string;
  file: string;
  line: number;
  intervals: TimelineInterval[];
}

export interface ReportFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  record?: string;
}

export interface CauseGroup {
  cause: Cause;
  title: string;
  description: string;
  errors: number;
  warnings: number;
  findings: ReportFinding[];
}

export interface OwnerTodo {
  /** The person (an address), `unassigned`, or an owner as written that names no one in people.yaml. */
  owner: string;
  /** The person's name from people.yaml, and the role the records name, when there is one. */
  name?: string;
  role?: string;
  findings: ReportFinding[];
  due: DueItem[];
}

export type WaiverState = 'active' | 'expiring' | 'expired';

/** A waiver as the register shows it: what the waiver says (without its source), and how it stands as of as_of. */
export interface WaiverRow extends Pick<Waiver, 'rule' | 'target' | 'reason' | 'approvedBy' | 'approvedOn' | 'requestedBy' | 'expires'> {
  /** Days from as_of to expiry; negative once expired. */
  days: number;
  /** expiring: within the first due window (30 days). */
  state: WaiverState;
  /** How many findings it suppresses in this run. */
  suppresses: number;
  file: string;
  line: number;
}

/** The mock audit: the audit request list's counts (src/report/audit.ts, as `soc2lint audit` makes it), and its controls with predicted exceptions. */
export interface MockAuditSummary {
  controls: number;
  ready: number;
  withExceptions: number;
  itemsToCollect: number;
  period: { start: IsoDate; end: IsoDate; label: string };
  seed: number;
  /** The controls an auditor is expected to raise an exception for (a missing population aside), with how many and the first one, in words. */
  exceptions: { id: string; title: string; count: number; first: string }[];
  /** Event-driven controls that name no population: the auditor will ask for one. */
  noPopulation: string[];
}

export interface ReadinessReport {
  /** The program's folder as the user would type it. */
  where: string;
  asOf: IsoDate;
  version: string;
  program: ProgramSummary & { categories: string[]; audit?: { type: string; period?: { start: IsoDate; end: IsoDate } } };
  status: { level: ReadinessLevel; signals: ReadinessSignal[] };
  counts: FindingCounts;
  heatmap: { cells: HeatmapCell[]; counts: Record<CriterionState, number> };
  /** Per control over the Type II period; absent without one. */
  timeline?: { period: { start: IsoDate; end: IsoDate }; controls: ControlTimeline[] };
  due: { windows: readonly number[]; items: DueItem[] };
  causes: CauseGroup[];
  owners: OwnerTodo[];
  waivers: WaiverRow[];
  audit: MockAuditSummary;
  /** Things the reader should know that are not findings (rules skipped, and why). */
  notices: string[];
}

export interface ReadinessInput {
  where: string;
  version: string;
  /** The mock audit's sample seed; the request list's default (from the period's first day) when not given. */
  seed?: number;
}

/** The readiness report of one lint run. */
export function readiness(result: LintResult, input: ReadinessInput): ReadinessReport {
  const { model, asOf, config } = result;
  const settings = resolveSettings(RULES, config);
  const calendar = ruleCalendar(config, 'stale-evidence');
  const covered = coverage(model, asOf, calendar);
  // The options the rules run with (their defaults, with the config's on top), so due dates agree with the findings.
  const training = settings.optionsFor('training-overdue') as { every?: string; within_days?: number; courses?: string[] } | undefined;
  const vendor = settings.optionsFor('vendor-assurance') as { max_age?: string } | undefined;
  const fallback = DEFAULT_DUE_OPTIONS;
  const dueOptions: DueOptions = {
    calendar,
    training: {
      every: parseInterval(training?.every ?? '') ?? fallback.training.every,
      withinDays: training?.within_days ?? fallback.training.withinDays,
      courses: training?.courses ?? fallback.training.courses,
    },
    vendorMaxAge: parseInterval(vendor?.max_age ?? '') ?? fallback.vendorMaxAge,
  };
  const due = dueItems(model, asOf, dueOptions).map((item) => (isWaived(model, asOf, item) ? { ...item, waived: true as const } : item));
  const counting = activeFindings(result.findings).sort(compareFindings);
  const counts = countFindings(result.findings);

  const cells: HeatmapCell[] = covered.criteria.map((criterion) => ({
    id: criterion.id,
    category: criterion.category,
    topic: criterion.topic,
    state: criterionState(criterion),
    mappedBy: [...criterion.controls.map((control) => `${control.id} (${control.evidence === 'current' ? 'current' : control.evidence === 'none' ? 'no evidence' : 'stale'})`), ...(criterion.policies ?? []).map((policy) => policy.id)],
    ...(criterion.reason !== undefined ? { reason: criterion.reason } : {}),
  }));
  const stateCounts = { current: 0, stale: 0, policy: 0, unmapped: 0, 'not-applicable': 0 } satisfies Record<CriterionState, number>;
  for (const cell of cells) stateCounts[cell.state]++;

  const mockAudit = mockAuditOf(result, input.seed);
  const timeline = controlTimelines(model, asOf, ruleCalendar(config, 'evidence-gap'));
  const gaps = timeline?.controls.reduce((sum, control) => sum + control.intervals.filter((interval) => interval.state === 'gap').length, 0) ?? 0;
  const values: Record<SignalId, number> = {
    errors: counts.errors,
    unmapped: stateCounts.unmapped,
    gaps,
    exceptions: mockAudit.exceptions.length,
    populations: mockAudit.noPopulation.length,
    stale: stateCounts.stale,
    overdue: due.filter((item) => item.days < 0 && !item.waived).length,
    warnings: counts.warnings,
  };
  const signals = STATUS_RULE.map(
    (rule): ReadinessSignal => ({ ...rule, value: values[rule.id], level: values[rule.id] > 0 ? rule.raises : 'ready' }),
  );
  const level: ReadinessLevel = signals.some((signal) => signal.level === 'not-ready') ? 'not-ready' : signals.some((signal) => signal.level === 'at-risk') ? 'at-risk' : 'ready';

  const shown = counting.map(reportFinding);
  const causes = CAUSES.map((cause): CauseGroup => {
    const findings = shown.filter((finding) => causeOf(finding.ruleId) === cause);
    const errors = findings.filter((finding) => finding.severity === 'error').length;
    return { cause, ...CAUSE_TEXT[cause], errors, warnings: findings.length - errors, findings };
  });

  const scope = model.scope;
  const audit = scope?.audit;
  return {
    where: input.where,
    asOf,
    version: input.version,
    program: {
      ...summarizeProgram(model),
      categories: covered.categories,
      ...(audit ? { audit: { type: audit.type, ...(audit.period ? { period: audit.period } : {}) } } : {}),
    },
    status: { level, signals },
    counts,
    heatmap: { cells, counts: stateCounts },
    ...(timeline ? { timeline } : {}),
    due: { windows: DUE_WINDOWS, items: due },
    causes,
    owners: ownerTodos(model, shown, due),
    waivers: waiverRegister(model, asOf, result.findings),
    audit: mockAudit,
    notices: result.notices,
  };
}

/** Whether a waiver in force covers the finding the item would be once overdue (same rule, same record or file). */
function isWaived(model: RepoModel, asOf: IsoDate, item: DueItem): boolean {
  const finding: Finding = { ...fileStart(item.file), ruleId: item.rule, severity: 'error', messageId: '', data: {}, message: '', ...(item.record !== undefined ? { record: item.record } : {}) };
  return model.waivers.some((waiver) => isWaiverInForce(waiver, asOf) && waiverMatches(waiver, finding));
}

/** The audit request list of the same lint run (`soc2lint audit`'s), summed up. */
function mockAuditOf(result: LintResult, seed: number | undefined): MockAuditSummary {
  const list = requestList(result, seed !== undefined ? { seed } : {});
  // An event-driven control that names no population is a request the auditor will make, not a failure of the control:
  // what is said about its missing population (incomplete-population's finding, or the request list's own note) is
  // counted apart from the exceptions.
  const wantsPopulation = (control: AuditControl) => control.population === undefined;
  const aboutPopulation = (control: AuditControl, exception: PredictedException) => wantsPopulation(control) && (exception.message.startsWith(NO_POPULATION) || exception.ruleId === 'incomplete-population');
  const exceptions = list.controls
    .map((control) => ({ control, all: [...control.exceptions, ...control.sample.flatMap((item) => item.exceptions)].filter((exception) => !aboutPopulation(control, exception)) }))
    .filter(({ all }) => all.length > 0)
    .map(({ control, all }) => ({ id: control.id, title: control.title, count: all.length, first: all[0]!.message }));
  const noPopulation = list.controls.filter(wantsPopulation).map((control) => control.id);
  return { ...list.summary, period: list.period, seed: list.seed, exceptions, noPopulation };
}

function reportFinding(finding: Finding): ReportFinding {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    file: finding.file,
    line: finding.line,
    ...(finding.record !== undefined ? { record: finding.record } : {}),
  };
}

/**
 * Each control's sampled intervals over the Type II period, judged as evidence-gap judges them: the same calendar,
 * the same intervals, the same due dates. Controls evidence-gap skips (planned, retired without retired_on) are left out.
 */
export function controlTimelines(model: RepoModel, asOf: IsoDate, calendar: CalendarOptions): ReadinessReport['timeline'] {
  const period = typeTwoPeriod(model);
  if (!period || compareDates(period.start, period.end) > 0) return undefined;
  const controls = model.controls
    .filter((control) => control.status === 'active' || (control.status === 'retired' && control.retiredOn !== undefined))
    .map((control) => controlTimeline(control, period, asOf, calendar));
  return { period, controls };
}

function controlTimeline(control: Control, period: { start: IsoDate; end: IsoDate }, asOf: IsoDate, calendar: CalendarOptions): ControlTimeline {
  const entries = evidenceUpTo(control, asOf);
  const proven = anyCovers(entries);
  const base = { id: control.id, title: control.title, frequency: control.frequency, file: control.source.file, line: control.source.at(['id']).line };
  const schedule = proofSchedule(control, period, calendar);
  const judged = (start: IsoDate, end: IsoDate, due: IsoDate): IntervalState => (proven(start, end) ? 'proven' : compareDates(due, asOf) < 0 ? 'gap' : 'not-yet-due');
  if (schedule?.by === 'interval') {
    // Every interval of the period is drawn, those before or after the control was in effect as not owed.
    const intervals = intervalsWithin(schedule.unit, period).map((interval): TimelineInterval => {
      const due = dueDate(interval, schedule.filing, calendar.grace);
      const state: IntervalState = !owes(control, interval) ? 'not-owed' : judged(interval.start, interval.end, due);
      return { label: interval.label, start: interval.start, end: interval.end, state, due };
    });
    return { ...base, unit: schedule.unit, intervals };
  }
  // Event controls, and cadences longer than the time owed: one run inside the time owed, once it has ended (and its grace).
  if (!schedule) return { ...base, unit: 'period', intervals: [{ label: 'the period', start: period.start, end: period.end, state: 'not-owed', due: period.end }] };
  const { start, end, due } = schedule.window;
  return { ...base, unit: 'period', intervals: [{ label: `${start} to ${end}`, start, end, state: judged(start, end, due), due }] };
}

/** The person an owner names: a role's holder, else the owner as written. */
function resolveOwner(model: RepoModel, owner: string): { key: string; role?: string } {
  const role = roleNamed(model, owner);
  return role ? { key: role.holder.trim().toLowerCase(), role: role.id } : { key: owner.trim().toLowerCase() };
}

/** Findings by the owner of the record they are about (the scope's owner for scope.yaml), and what falls due by owner. */
function ownerTodos(model: RepoModel, findings: ReportFinding[], due: DueItem[]): OwnerTodo[] {
  const ownerOf = new Map<string, string>();
  for (const record of [...model.policies, ...model.controls, ...model.systems, ...model.vendors]) {
    if (record.owner && !ownerOf.has(record.id)) ownerOf.set(record.id, record.owner);
  }
  const byOwner = new Map<string, OwnerTodo>();
  const todo = (written: string | undefined): OwnerTodo => {
    const { key, role } = written ? resolveOwner(model, written) : { key: 'unassigned' };
    let entry = byOwner.get(key);
    if (!entry) {
      const person = model.people.find((candidate) => candidate.id.trim().toLowerCase() === key);
      entry = { owner: person?.id ?? (key === 'unassigned' ? key : written!.trim()), ...(person ? { name: person.name } : {}), findings: [], due: [] };
      byOwner.set(key, entry);
    }
    if (role && entry.role === undefined) entry.role = role;
    return entry;
  };
  for (const finding of findings) {
    const written = (finding.record !== undefined ? ownerOf.get(finding.record) : undefined) ?? (model.scope && finding.file === model.scope.source.file && finding.record === undefined ? model.scope.owner : undefined);
    todo(written).findings.push(finding);
  }
  for (const item of due) if (item.days <= DUE_WINDOWS[DUE_WINDOWS.length - 1]!) todo(item.owner).due.push(item);
  // People by address; unassigned last.
  return [...byOwner.values()].sort((a, b) => (a.owner === 'unassigned' ? 1 : b.owner === 'unassigned' ? -1 : a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0));
}

function waiverRegister(model: RepoModel, asOf: IsoDate, findings: readonly Finding[]): WaiverRow[] {
  return model.waivers.map((waiver): WaiverRow => {
    // Where waivers.ts says a suppressing waiver is: the record's start.
    const at = waiver.source.at([]);
    const days = daysBetween(asOf, waiver.expires);
    const suppresses = findings.filter((finding) => finding.suppressedBy?.kind === 'waiver' && finding.suppressedBy.file === at.file && finding.suppressedBy.line === at.line).length;
    return {
      rule: waiver.rule,
      target: waiver.target,
      reason: waiver.reason,
      approvedBy: waiver.approvedBy,
      ...(waiver.approvedOn ? { approvedOn: waiver.approvedOn } : {}),
      ...(waiver.requestedBy ? { requestedBy: waiver.requestedBy } : {}),
      expires: waiver.expires,
      days,
      state: days < 0 ? 'expired' : days <= DUE_WINDOWS[0] ? 'expiring' : 'active',
      suppresses,
      file: at.file,
      line: at.line,
    };
  });
}
