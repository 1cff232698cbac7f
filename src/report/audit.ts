// The auditor's request list (`soc2lint audit`, and the readiness report's mock audit): for each active control, its
// population in the audit period, a reproducible sample, the evidence found for each sampled item and the exceptions an
// auditor would raise. Computed from one lint result: the findings are the judgements, made once by the rules; this
// module only places them on the sampled items. Periodic controls are sampled by the intervals of the evidence calendar.
import { compareDates, type CalendarPeriod, type IsoDate, type PeriodUnit } from '../core/dates.js';
import { activeFindings, type Finding } from '../engine/finding.js';
import { resolveRules } from '../engine/settings.js';
import { calendarOptions, covers, evidenceUpTo, proofSchedule, sampledUnit, type CalendarOptions } from '../model/evidence-calendar.js';
import { CHANGE_APPROVAL_DEFAULTS, changeApproval, type ChangeApproval, type ChangeApprovalOptions } from '../model/changes.js';
import { changesOf } from '../model/population.js';
import { activeControls, samplingWindow } from '../model/program.js';
import { populationExists, populationFor } from '../model/resolve-population.js';
import type { Change, Control, ControlFrequency, EvidenceRef, PopulationItem, RepoModel } from '../model/types.js';
import { RULES } from '../../rules/index.js';
import { lint, type LintResult } from './lint.js';
import { defaultSeed, sampleItems, sampleSize, sampleTables, type SampleTables } from './sample.js';

/** An exception an auditor would raise: from a lint finding (with its rule), or from the sample itself. */
export interface PredictedException {
  ruleId?: string;
  messageId?: string;
  message: string;
  file: string;
  line: number;
}

/** A piece of proof for a sampled item: a file (and whether it is there) or a link, as the program names it. */
export interface FoundEvidence {
  path?: string;
  url?: string;
  date?: IsoDate;
  /** A file that exists in the program, or a link (not followed: soc2lint never touches the network). */
  found: boolean;
  /** What the proof says, when it is not a file: a change's approval, from the change-approval judgement. */
  note?: string;
}

export interface SampledItem {
  /** As the auditor cites it: an interval label (`2026-Q1`), `#482`, a person's address, a vendor ID. */
  id: string;
  title?: string;
  date?: IsoDate;
  /** Where the item is written (a periodic interval: its first covering evidence entry, else the control's evidence key). */
  file: string;
  line: number;
  evidence: FoundEvidence[];
  exceptions: PredictedException[];
}

export interface AuditControl {
  id: string;
  title: string;
  file: string;
  line: number;
  criteria: string[];
  frequency: ControlFrequency;
  /** What the sample is drawn from; undefined for an event-driven control that names no population. */
  population: { name: string; origin: string; size: number } | undefined;
  sampleSize: number;
  sample: SampledItem[];
  /** Exceptions of the control as a whole: no population, and problems of items outside this sample. */
  exceptions: PredictedException[];
  /** Something the reader should know about the sample (a population with no item in the period). */
  note?: string;
}

export interface RequestList {
  asOf: IsoDate;
  period: { start: IsoDate; end: IsoDate; label: string };
  seed: number;
  summary: {
    /** Active controls listed. */
    controls: number;
    /** Controls with no predicted exception. */
    ready: number;
    withExceptions: number;
    /** Sampled items across every control: each is evidence the auditor will ask for. */
    itemsToCollect: number;
  };
  controls: AuditControl[];
}

export interface RequestListOptions {
  /** The sample's seed; by default the period's first day as a number (see defaultSeed). */
  seed?: number;
  /** The sample tables; by default the config's `sampling:` over the built-in tables. */
  tables?: SampleTables;
}

/**
 * Rules that judge evidence against the calendar (is every interval proven? is the newest proof current?): the request
 * list judges each sampled interval itself, from the same calendar, so their findings are not placed on items.
 */
const CALENDAR_RULES: ReadonlySet<string> = new Set(['evidence-gap', 'stale-evidence', 'missing-evidence']);

/** Findings about soc2lint's own bookkeeping (its comments, waivers and the keys it ignores): no auditor tests them. */
const BOOKKEEPING_RULES: ReadonlySet<string> = new Set(['invalid-directive', 'unused-directive', 'unused-waiver', 'expired-waiver', 'waiver-too-long', 'unknown-field']);

/** How long the audit period is taken to be when the scope declares no Type II period: the last 12 months. */
const DEFAULT_PERIOD_MONTHS = 12;

export const NO_POPULATION = 'no population: the auditor will ask for one';

/** The request list of a program already linted. Pure over the lint result: nothing is reloaded or re-linted. */
export function requestList(result: LintResult, options: RequestListOptions = {}): RequestList {
  const { model, asOf } = result;
  const window = samplingWindow(model, asOf, DEFAULT_PERIOD_MONTHS);
  const period = { start: window.start, end: window.end, label: window.label };
  const seed = options.seed ?? defaultSeed(period.start);
  const tables = options.tables ?? sampleTables(result.config.sampling);
  // The evidence calendar's settings are evidence-gap's, so the intervals sampled are the ones it judges.
  const enabled = resolveRules(RULES, result.config);
  const gap = enabled.find(({ rule }) => rule.meta.id === 'evidence-gap');
  const calendar = calendarOptions(gap?.options as Parameters<typeof calendarOptions>[0]);
  // Each sampled change shows its approval as unreviewed-change judges it, with that rule's options.
  const unreviewed = enabled.find(({ rule }) => rule.meta.id === 'unreviewed-change');
  const approval = { ...CHANGE_APPROVAL_DEFAULTS, ...(unreviewed?.options as Partial<ChangeApprovalOptions> | undefined) };
  const findings = activeFindings(result.findings).filter((finding) => !finding.headsUp && !CALENDAR_RULES.has(finding.ruleId) && !BOOKKEEPING_RULES.has(finding.ruleId));
  const context: Context = { model, asOf, period, seed, tables, calendar, findings, approval, changes: new Set(changesOf(model.populationFiles)) };

  const controls = activeControls(model).map((control) => (control.frequency === 'event' ? eventControl(context, control) : periodicControl(context, control)));
  const ready = controls.filter((control) => !hasExceptions(control)).length;
  return {
    asOf,
    period,
    seed,
    summary: { controls: controls.length, ready, withExceptions: controls.length - ready, itemsToCollect: controls.reduce((sum, control) => sum + control.sample.length, 0) },
    controls,
  };
}

/** Lint the program once and build its request list: the library entry of `soc2lint audit`. Throws ConfigError for a bad config. */
export async function auditProgram(options: { root: string; configFile?: string; now?: IsoDate; today?: IsoDate; seed?: number }): Promise<RequestList> {
  const result = await lint({
    root: options.root,
    ...(options.configFile !== undefined ? { configFile: options.configFile } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
    ...(options.today !== undefined ? { today: options.today } : {}),
  });
  return requestList(result, options.seed !== undefined ? { seed: options.seed } : {});
}

/** Whether the control has any predicted exception, in its sample or as a whole. */
export function hasExceptions(control: AuditControl): boolean {
  return control.exceptions.length > 0 || control.sample.some((item) => item.exceptions.length > 0);
}

interface Context {
  model: RepoModel;
  asOf: IsoDate;
  period: { start: IsoDate; end: IsoDate };
  seed: number;
  tables: SampleTables;
  calendar: CalendarOptions;
  findings: Finding[];
  /** The options change approvals are judged with (unreviewed-change's). */
  approval: ChangeApprovalOptions;
  /** The items of the changes files: each shows its approval. */
  changes: ReadonlySet<PopulationItem>;
}

function base(control: Control): Pick<AuditControl, 'id' | 'title' | 'file' | 'line' | 'criteria' | 'frequency'> {
  const at = control.source.at(['id']);
  return { id: control.id, title: control.title, file: at.file, line: at.line, criteria: control.criteria.map((mention) => mention.value), frequency: control.frequency };
}

const UNIT_PLURAL: Readonly<Record<PeriodUnit, string>> = { day: 'days', week: 'weeks', month: 'months', quarter: 'quarters', half: 'half-years', year: 'years' };

/**
 * A periodic control: its population is the intervals of the period it owes proof for and whose proof is due by
 * as_of (a cadence longer than the time owed: that time, as one interval); each sampled interval's proof is the entries
 * that cover it.
 */
function periodicControl(context: Context, control: Control): AuditControl {
  const { asOf, calendar } = context;
  const unit = sampledUnit(control.frequency, calendar)!;
  // As evidence-gap judges: whole intervals whose proof is due; a cadence longer than the time owed owes one run in
  // that time, judged once it has ended (and its grace).
  const schedule = proofSchedule(control, context.period, calendar);
  const owed = schedule?.window;
  const intervals: CalendarPeriod[] =
    schedule?.by === 'interval'
      ? schedule.intervals.filter((interval) => compareDates(interval.due, asOf) < 0)
      : schedule && compareDates(schedule.window.due, asOf) < 0
        ? [{ unit, label: 'the period', start: schedule.window.start, end: schedule.window.end }]
        : [];
  const entries = evidenceUpTo(control, asOf);
  const size = sampleSize(control.frequency, intervals.length, context.tables);
  const picked = new Set(sampleItems(intervals, size, context.seed, control.id));
  const sample: SampledItem[] = [];
  const exceptions: PredictedException[] = [];
  for (const interval of intervals) {
    const item = intervalItem(context, control, interval, entries);
    if (picked.has(interval)) sample.push(item);
    else exceptions.push(...item.exceptions.map((exception) => outsideSample(item.id, exception)));
  }
  return {
    ...base(control),
    population: { name: schedule?.by === 'interval' ? UNIT_PLURAL[unit] : 'the period', origin: owed ? `${owed.start} to ${owed.end}` : 'not in effect during the period', size: intervals.length },
    sampleSize: size,
    sample,
    exceptions,
    ...(intervals.length === 0 ? { note: owed ? 'no interval of the period has fallen due yet: nothing to sample' : 'the control was not in effect during the period: nothing to sample' } : {}),
  };
}

function intervalItem(context: Context, control: Control, interval: CalendarPeriod, entries: readonly EvidenceRef[]): SampledItem {
  const covering = entries.filter((entry) => covers(entry, interval.start, interval.end));
  const first = covering[0];
  const at = first ? control.source.at(['evidence', first.index]) : control.source.has(['evidence']) ? control.source.at(['evidence'], 'key') : control.source.at(['frequency']);
  const ranges = covering.map((entry) => control.source.at(['evidence', entry.index]));
  const paths = new Set(covering.flatMap((entry) => (entry.path !== undefined ? [entry.path] : [])));
  const found = context.findings.filter(
    (finding) => paths.has(finding.file) || ranges.some((range) => finding.file === range.file && finding.line >= range.line && finding.line <= range.endLine),
  );
  const exceptions = covering.length === 0 ? [{ message: `no evidence for ${interval.label} (${interval.start} to ${interval.end})`, file: at.file, line: at.line }] : found.map(exceptionOf);
  return {
    id: interval.label,
    ...(interval.start !== interval.end ? { title: `${interval.start} to ${interval.end}` } : {}),
    date: interval.end,
    file: at.file,
    line: at.line,
    evidence: covering.map((entry) => evidenceOf(context.model, entry.path, entry.url, entry.date)),
    exceptions,
  };
}

/** An event-driven control: sampled from its population (see src/model/resolve-population.ts) by population size. */
function eventControl(context: Context, control: Control): AuditControl {
  const population = populationFor(context.model, control, context.period);
  // What incomplete-population says of the control (no population, one that does not exist) is the control's
  // exception; with that rule off, the same is said here, so the list never looks ready for want of a rule.
  const said = context.findings.filter((finding) => finding.ruleId === 'incomplete-population' && finding.record === control.id && finding.file === control.source.file).map(exceptionOf);
  const at = control.source.has(['population']) ? control.source.at(['population']) : control.source.at(['frequency']);
  const missing = !population || !populationExists(context.model, control);
  const exceptions: PredictedException[] = said.length > 0 ? said : missing ? [{ message: population ? `${NO_POPULATION} (${population.origin})` : NO_POPULATION, file: at.file, line: at.line }] : [];
  if (!population) return { ...base(control), population: undefined, sampleSize: 0, sample: [], exceptions };
  const size = sampleSize('event', population.items.length, context.tables);
  const picked = new Set(sampleItems(population.items, size, context.seed, control.id));
  const sample: SampledItem[] = [];
  for (const item of population.items) {
    const sampled = populationItem(context, item);
    if (picked.has(item)) sample.push(sampled);
    else exceptions.push(...sampled.exceptions.map((exception) => outsideSample(sampled.id, exception)));
  }
  return {
    ...base(control),
    population: { name: population.name, origin: population.origin, size: population.items.length },
    sampleSize: size,
    sample,
    exceptions,
    ...(population.items.length === 0 && !missing ? { note: `no ${population.name} in the period: nothing to sample` } : {}),
  };
}

function populationItem(context: Context, item: PopulationItem): SampledItem {
  const paths = new Set(item.evidence);
  const found = context.findings.filter(
    (finding) =>
      paths.has(finding.file) ||
      (finding.file === item.at.file && ((finding.line >= item.at.line && finding.line <= item.endLine) || (item.at.record !== undefined && finding.record === item.at.record))),
  );
  return {
    id: item.id,
    ...(item.title !== undefined ? { title: item.title } : {}),
    ...(item.date !== undefined ? { date: item.date } : {}),
    file: item.at.file,
    line: item.at.line,
    evidence: [
      ...(context.changes.has(item) ? [approvalOf(changeApproval(item as Change, context.approval, context.asOf))] : []),
      ...item.evidence.map((path) => evidenceOf(context.model, path, undefined, undefined)),
    ],
    exceptions: found.map(exceptionOf),
  };
}

function evidenceOf(model: RepoModel, path: string | undefined, url: string | undefined, date: IsoDate | undefined): FoundEvidence {
  return {
    ...(path !== undefined ? { path } : {}),
    ...(url !== undefined ? { url } : {}),
    ...(date !== undefined ? { date } : {}),
    found: path !== undefined ? model.paths.get(path)?.state === 'file' : url !== undefined,
  };
}

const UNAPPROVED: Readonly<Record<Extract<ChangeApproval, { state: 'unapproved' }>['reason'], string>> = {
  none: 'no approving review',
  self: 'approved only by its author',
  'before-last-commit': 'approved before its last commit',
  'after-merge': 'approved only after its merge',
  'emergency-late': 'an emergency change approved too late',
  'emergency-none': 'an emergency change never approved',
};

/** A change's approval as proof: who approved it and when, or why it counts as unapproved (the exception is the rule's). */
function approvalOf(judged: ChangeApproval): FoundEvidence {
  switch (judged.state) {
    case 'bot':
      return { found: true, note: "a bot's change: not judged" };
    case 'approved': {
      const { by, at, afterMerge } = judged.approval;
      return { found: true, note: `approved by ${by}${at !== undefined ? ` at ${at}` : ''}${afterMerge ? ' (after the merge: an emergency change)' : ''}` };
    }
    case 'pending':
      return { found: false, note: `an emergency change: approval due by ${judged.due}` };
    case 'unapproved':
      return { found: false, note: `not approved: ${UNAPPROVED[judged.reason]}` };
  }
}

function exceptionOf(finding: Finding): PredictedException {
  return { ruleId: finding.ruleId, messageId: finding.messageId, message: finding.message, file: finding.file, line: finding.line };
}

/** A problem of an item the sample did not pick: the auditor's own sample may pick it. */
function outsideSample(id: string, exception: PredictedException): PredictedException {
  return { ...exception, message: `${id} (not in this sample): ${exception.message}` };
}
