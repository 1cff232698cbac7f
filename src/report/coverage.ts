// Criteria coverage: each in-scope criterion, the active controls that map it and whether their evidence is current,
// and the criteria declared not applicable. Pure: a model and a date in, rows out. Read by `soc2lint criteria`.
import type { IsoDate } from '../core/dates.js';
import type { CategoryId } from '../core/tsc2017.js';
import { DEFAULT_CALENDAR, evidenceStatus, type CalendarOptions } from '../model/evidence-calendar.js';
import { activeControls, controlsCover, inScopeCategories, inScopeCriteria, policiesCover } from '../model/program.js';
import type { Control, ControlFrequency, RepoModel } from '../model/types.js';

/** current: the latest interval past its deadline is proven (any evidence, for event controls); stale: it is not; none: no dated evidence up to as_of. */
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
  /** The deadline of the next interval still to be proven (the shared evidence calendar); periodic controls with evidence only. */
  nextEvidenceDue?: IsoDate;
}

/** An approved policy mapping a criterion, where policies count toward coverage. */
export interface PolicyCoverage {
  id: string;
  title: string;
  file: string;
  line: number;
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
  /** Approved policies that map it, when policies count toward coverage (coverage: policies or both); absent when none. */
  policies?: PolicyCoverage[];
  /** The reason given in scope.yaml, for a not-applicable criterion. */
  reason?: string;
}

export interface CoverageReport {
  asOf: IsoDate;
  categories: CategoryId[];
  criteria: CriterionCoverage[];
  summary: { inScope: number; covered: number; currentEvidence: number; notApplicable: number; unmapped: number };
  /** What counts toward coverage, when it is not only active controls (config `coverage:`, or the program's shape). */
  coverage?: 'policies' | 'both';
}

/** stale-evidence's options (grace, continuous_every), so coverage and the rule judge evidence alike. */
export type CoverageOptions = CalendarOptions;

/** The coverage of the program in `model` as of `asOf`. */
export function coverage(model: RepoModel, asOf: IsoDate, options: CoverageOptions = DEFAULT_CALENDAR): CoverageReport {
  const active = controlsCover(model) ? activeControls(model) : [];
  const approved = policiesCover(model) ? model.policies.filter((policy) => policy.status === 'approved') : [];
  const judged = new Map(active.map((control) => [control, controlCoverage(control, asOf, options)]));
  const notApplicable = new Map(model.scope?.notApplicable.map((entry) => [entry.criterion, entry.reason]));
  const criteria = inScopeCriteria(model).map((criterion): CriterionCoverage => {
    const controls = active.filter((control) => control.criteria.some((mention) => mention.value === criterion.id)).map((control) => judged.get(control)!);
    const policies = approved
      .filter((policy) => policy.criteria.some((mention) => mention.value === criterion.id))
      .map((policy) => ({ id: policy.id, title: policy.title, file: policy.source.file, line: policy.source.at(['id']).line }));
    const reason = notApplicable.get(criterion.id);
    const status = controls.length + policies.length > 0 ? 'covered' : reason !== undefined ? 'not-applicable' : 'unmapped';
    return {
      id: criterion.id,
      category: criterion.category,
      topic: criterion.topic,
      status,
      currentEvidence: controls.some((control) => control.evidence === 'current'),
      controls,
      ...(policies.length > 0 ? { policies } : {}),
      ...(status === 'not-applicable' ? { reason } : {}),
    };
  });
  const counted = (status: CriterionCoverage['status']) => criteria.filter((criterion) => criterion.status === status).length;
  return {
    asOf,
    categories: inScopeCategories(model),
    criteria,
    ...(model.coverage === 'policies' || model.coverage === 'both' ? { coverage: model.coverage } : {}),
    summary: {
      inScope: criteria.length,
      covered: counted('covered'),
      currentEvidence: criteria.filter((criterion) => criterion.currentEvidence).length,
      notApplicable: counted('not-applicable'),
      unmapped: counted('unmapped'),
    },
  };
}

/**
 * A criterion's standing in one word, as the criteria table and the readiness report's heatmap show it: covered with
 * current evidence, covered but not current (stale), covered by approved policies alone (policy: no evidence to judge),
 * unmapped, or not applicable.
 */
export type CriterionState = 'current' | 'stale' | 'policy' | 'unmapped' | 'not-applicable';

export function criterionState(criterion: CriterionCoverage): CriterionState {
  if (criterion.status !== 'covered') return criterion.status;
  if (criterion.controls.length === 0) return 'policy';
  return criterion.currentEvidence ? 'current' : 'stale';
}

function controlCoverage(control: Control, asOf: IsoDate, options: CalendarOptions): ControlCoverage {
  const base = { id: control.id, title: control.title, frequency: control.frequency, file: control.source.file, line: control.source.at(['id']).line };
  const status = evidenceStatus(control, asOf, options);
  if (status.state === 'none') return { ...base, evidence: 'none' };
  // Due soon is still current: its deadline has not passed.
  const evidence = status.state === 'stale' ? 'stale' : 'current';
  return { ...base, evidence, newestEvidence: status.newest, ...(status.due !== undefined ? { nextEvidenceDue: status.due } : {}) };
}
