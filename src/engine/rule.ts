// What a rule is: metadata next to a check over the repo model. A rule never reads files or the clock.
import type { IsoDate } from '../core/dates.js';
import type { ModelPart, RecordKind, RepoModel, Waiver } from '../model/types.js';
import type { DirectiveUse } from './directives.js';
import type { Severity, SourceRange } from './finding.js';

export interface RuleMeta<Options> {
  /** Kebab-case, naming the problem: `stale-evidence`. */
  id: string;
  /** One sentence: what the rule finds. */
  description: string;
  defaultSeverity: Severity;
  /**
   * What the rule looks at: record kinds, 'problems' (the loader's parse and schema problems), and costly model
   * parts (git, evidence content, link targets), which are loaded only when an enabled rule reads them.
   */
  reads: readonly (RecordKind | 'problems' | ModelPart)[];
  /** Options with their defaults and a JSON Schema to check what a config sets. */
  options?: { defaults: Options; schema: Record<string, unknown> };
  /**
   * `waivers`: the rule runs after waivers are applied and sees how many findings each waiver matched
   * (`context.waiverMatches`); its own findings cannot be waived.
   */
  phase?: 'waivers';
}

export interface Problem {
  message: string;
  at: SourceRange;
  /** The record the finding is about, when it is not the record at `at` (e.g. a criterion reported at scope.yaml). */
  record?: string;
}

export interface RuleContext<Options> {
  readonly model: RepoModel;
  /** The date every date is judged against (config `as_of`, `--now`, or today in UTC). */
  readonly asOf: IsoDate;
  readonly options: Options;
  /** How many findings each waiver matched; only for rules with `phase: 'waivers'` (empty otherwise). */
  readonly waiverMatches: ReadonlyMap<Waiver, number>;
  /**
   * How many findings each rule named by an inline directive suppressed, and which rules no directive can suppress.
   * Directives are applied right after waivers; only for rules with `phase: 'waivers'` (empty otherwise).
   */
  readonly directiveUse: DirectiveUse;
  /** The IDs of every known rule, enabled or not (to check rule names written in data, such as waivers). */
  readonly ruleIds: ReadonlySet<string>;
  /** The IDs of the rules that ran before waivers were applied (off and skipped rules are not among them). */
  readonly ranRuleIds: ReadonlySet<string>;
  report(problem: Problem): void;
}

export interface Rule<Options = Record<string, never>> {
  meta: RuleMeta<Options>;
  check(context: RuleContext<Options>): void;
}

/** Identity, for type inference of a rule's options. */
export function defineRule<Options = Record<string, never>>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

// Rules with different option types live in one registry.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;

/** Where a rule's documentation lives, relative to the package root. */
export function docsPath(ruleId: string): string {
  return `rules/${ruleId}.md`;
}

const MODEL_PARTS: readonly ModelPart[] = ['git-index', 'git-history', 'evidence-content', 'link-targets'];

/** The costly model parts the given rules read. */
export function modelPartsFor(rules: readonly AnyRule[]): Set<ModelPart> {
  return new Set(rules.flatMap((rule) => rule.meta.reads.filter((part): part is ModelPart => MODEL_PARTS.includes(part as ModelPart))));
}
