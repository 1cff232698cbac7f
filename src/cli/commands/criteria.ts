// `soc2lint criteria [DIR]`: the coverage table. Each in-scope criterion with the active controls that map it and
// whether their evidence is current (stale-evidence's judgement), and the criteria declared not applicable.
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, findRoot, loadConfig } from '../../config/config.js';
import { addDays, addInterval, compareDates, isIsoDate, todayUtc, type IsoDate } from '../../core/dates.js';
import { EVIDENCE_MAX_AGE, activeControls, inScopeCategories, inScopeCriteria, newestEvidenceDate } from '../../model/program.js';
import type { CategoryId } from '../../core/tsc2017.js';
import { resolveRules } from '../../engine/settings.js';
import { loadRepo } from '../../model/load.js';
import type { Control, ControlFrequency, RepoModel } from '../../model/types.js';
import { RULES } from '../../../rules/index.js';
import { UsageError } from '../args.js';
import type { CliIo } from '../io.js';

/** current: newest evidence within the frequency's allowance (any evidence, for event controls); stale: older; none: no dated evidence up to as_of. */
export type EvidenceState = 'current' | 'stale' | 'none';

export interface ControlCoverage {
  id: string;
  title: string;
  frequency: ControlFrequency;
  /** Where the control is written: root-relative, `/` separators. */
  file: string;
  line: number;
  evidence: EvidenceState;
  /** The newest evidence date on or before as_of. */
  newestEvidence?: IsoDate;
  /** The last day the next evidence is due (newest + frequency + grace); periodic controls with evidence only. */
  nextEvidenceDue?: IsoDate;
}

export interface CriterionCoverage {
  id: string;
  category: CategoryId;
  topic: string;
  /** covered: an active control maps it; not-applicable: declared in scope.yaml and mapped by none; unmapped: neither. */
  status: 'covered' | 'not-applicable' | 'unmapped';
  /** Whether at least one of the controls has current evidence. */
  currentEvidence: boolean;
  controls: ControlCoverage[];
  /** The reason given in scope.yaml, for a not-applicable criterion. */
  reason?: string;
}

export interface CoverageReport {
  asOf: IsoDate;
  categories: CategoryId[];
  criteria: CriterionCoverage[];
  summary: { inScope: number; covered: number; currentEvidence: number; notApplicable: number; unmapped: number };
}

const FORMATS = ['text', 'json'] as const;

/** The coverage of the program in `model` as of `asOf`; `grace` is stale-evidence's option, so both judge alike. */
export function coverage(model: RepoModel, asOf: IsoDate, grace = 0): CoverageReport {
  const active = activeControls(model);
  const judged = new Map(active.map((control) => [control, judgeEvidence(control, asOf, grace)]));
  const notApplicable = new Map(model.scope?.notApplicable.map((entry) => [entry.criterion, entry.reason]));
  const criteria = inScopeCriteria(model).map((criterion): CriterionCoverage => {
    const controls = active.filter((control) => control.criteria.some((mention) => mention.value === criterion.id)).map((control) => judged.get(control)!);
    const reason = notApplicable.get(criterion.id);
    const status = controls.length > 0 ? 'covered' : reason !== undefined ? 'not-applicable' : 'unmapped';
    return {
      id: criterion.id,
      category: criterion.category,
      topic: criterion.topic,
      status,
      currentEvidence: controls.some((control) => control.evidence === 'current'),
      controls,
      ...(status === 'not-applicable' ? { reason } : {}),
    };
  });
  const counted = (status: CriterionCoverage['status']) => criteria.filter((criterion) => criterion.status === status).length;
  return {
    asOf,
    categories: inScopeCategories(model),
    criteria,
    summary: {
      inScope: criteria.length,
      covered: counted('covered'),
      currentEvidence: criteria.filter((criterion) => criterion.currentEvidence).length,
      notApplicable: counted('not-applicable'),
      unmapped: counted('unmapped'),
    },
  };
}

function judgeEvidence(control: Control, asOf: IsoDate, grace: number): ControlCoverage {
  const base = { id: control.id, title: control.title, frequency: control.frequency, file: control.source.file, line: control.source.at(['id']).line };
  const newest = newestEvidenceDate(control, asOf);
  if (newest === undefined) return { ...base, evidence: 'none' };
  const maxAge = EVIDENCE_MAX_AGE[control.frequency];
  if (!maxAge) return { ...base, evidence: 'current', newestEvidence: newest };
  const due = addDays(addInterval(newest, maxAge), grace);
  return { ...base, evidence: compareDates(due, asOf) >= 0 ? 'current' : 'stale', newestEvidence: newest, nextEvidenceDue: due };
}

export const CRITERIA_HELP = `Usage: soc2lint criteria [DIR] [options]

The coverage table of the program at DIR (default: the current folder; the root
is the nearest folder upward holding soc2lint.config.yaml or scope.yaml): each
in-scope criterion, the active controls that map it and whether their evidence
is current, and the criteria declared not applicable. It is a report: it exits 0
whatever the coverage, and 2 for bad usage or a bad config.

  -f, --format NAME  text (default) or json
      --now DATE     evaluate as of DATE (YYYY-MM-DD) instead of as_of or today (UTC)
  -c, --config FILE  use FILE instead of the root's soc2lint.config.yaml
  -h, --help         show this help
`;

export async function runCriteria(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseCriteriaArgs(args);
  if (options === 'help') {
    io.stdout.write(CRITERIA_HELP);
    return 0;
  }
  const target = resolve(io.cwd, options.dir ?? '.');
  if (!existsSync(target)) throw new UsageError(`No such folder: ${shown(io.cwd, target)}`);
  if (!statSync(target).isDirectory()) throw new UsageError(`criteria takes the folder of a compliance repo; ${shown(io.cwd, target)} is a file.`);
  const root = findRoot(target) ?? target;
  const config = loadConfig(root, options.config !== undefined ? resolve(io.cwd, options.config) : undefined);
  if (options.now !== undefined && !isIsoDate(options.now)) throw new ConfigError(`--now must be a calendar date YYYY-MM-DD; got "${options.now}".`);
  const asOf = options.now ?? config.asOf ?? todayUtc();
  // Resolving every rule checks the config as lint does, and gives stale-evidence's grace (its default, 0, when it is off).
  const staleEvidence = resolveRules(RULES, config).find((enabled) => enabled.rule.meta.id === 'stale-evidence');
  const grace = (staleEvidence?.options as { grace?: number } | undefined)?.grace ?? 0;

  const model = await loadRepo(config);
  const report = coverage(model, asOf, grace);
  if (model.problems.length > 0) {
    const lintCommand = `soc2lint${root === io.cwd ? '' : ` ${shown(io.cwd, root)}`}`;
    io.stderr.write(`soc2lint: ${model.problems.length} problem${model.problems.length === 1 ? '' : 's'} loading the program (unreadable files or invalid records), left out of this table; run ${lintCommand} for details.\n`);
  }
  io.stdout.write(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatText(report, shown(io.cwd, root)));
  return 0;
}

function parseCriteriaArgs(args: readonly string[]): { dir?: string; format: (typeof FORMATS)[number]; now?: string; config?: string } | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: { format: { type: 'string', short: 'f' }, now: { type: 'string' }, config: { type: 'string', short: 'c' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError(`criteria: ${(error as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, '')}`);
  }
  const { positionals, values } = parsed;
  if (values.help) return 'help';
  if (positionals.length > 1) throw new UsageError('criteria takes one folder, e.g. soc2lint criteria compliance.');
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`criteria --format is text or json; got "${format}".`);
  return {
    ...(positionals[0] !== undefined ? { dir: positionals[0] } : {}),
    format: format as (typeof FORMATS)[number],
    ...(values.now !== undefined ? { now: values.now } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
  };
}

/** A path as the user would type it from where they are: relative below the working folder, else absolute. */
function shown(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

const STATUS_TEXT = { current: 'current', stale: 'not current', unmapped: 'unmapped', 'not-applicable': 'n/a' } as const;

/** A plain table: criterion, status, topic, then the controls (those without current evidence say why) or the reason. */
export function formatText(report: CoverageReport, where: string): string {
  const rows = report.criteria.map((criterion) => {
    const status = criterion.status === 'covered' ? (criterion.currentEvidence ? 'current' : 'stale') : criterion.status;
    const detail =
      criterion.status === 'covered'
        ? criterion.controls.map(describeControl).join(', ')
        : criterion.status === 'not-applicable'
          ? `not applicable: ${criterion.reason}`
          : 'no active control maps it';
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
    `${covered} of ${inScope} in-scope criteria covered by active controls, ${currentEvidence} with current evidence; ${notApplicable} not applicable, ${unmapped} unmapped.`,
    '',
  ].join('\n');
}

function describeControl(control: ControlCoverage): string {
  if (control.evidence === 'current') return control.id;
  if (control.evidence === 'none') return `${control.id} (no evidence)`;
  return `${control.id} (stale: newest ${control.newestEvidence}, next due ${control.nextEvidenceDue})`;
}
