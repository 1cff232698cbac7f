// What a rule is: metadata next to a check over the repo model. A rule never reads files or the clock.
import type { IsoDate } from '../core/dates.js';
import type { ModelPart, RecordKind, RepoModel, Waiver } from '../model/types.js';
import type { DirectiveUse } from './directives.js';
import type { Severity, SourceRange } from './finding.js';

/** The values a message template's `{{placeholders}}` take. */
export type MessageData = Readonly<Record<string, string | number>>;

/** A rule's options: their defaults and a JSON Schema that checks what a config sets. */
export interface RuleOptions<Options> {
  defaults: Options;
  schema: Record<string, unknown>;
}

/** Declares a rule's options with their type, so `defineRule` infers it: `options: ruleOptions<{ grace: number }>({ ... })`. */
export function ruleOptions<Options>(options: RuleOptions<Options>): RuleOptions<Options> {
  return options;
}

export interface RuleMeta<Options, MessageIds extends string = string> {
  /** Kebab-case, naming the problem: `stale-evidence`. */
  id: string;
  /** One sentence: what the rule finds. */
  description: string;
  defaultSeverity: Severity;
  /**
   * What the rule looks at: record kinds, 'population' (the items of population files), 'problems' (the loader's parse
   * and schema problems), and costly model parts (git, evidence content, link targets), which are loaded only when an
   * enabled rule reads them.
   */
  reads: readonly (RecordKind | 'population' | 'problems' | ModelPart)[];
  /** Options with their defaults and a JSON Schema to check what a config sets. */
  options?: RuleOptions<Options>;
  /**
   * What the rule says, by message ID: templates whose `{{name}}` placeholders take the `data` of each report. The
   * text is produced once, by the engine; reports, fingerprints and tests work from the ID and the data.
   */
  messages: Readonly<Record<MessageIds, string>>;
  /**
   * `waivers`: the rule runs after waivers are applied and sees how many findings each waiver matched
   * (`context.waiverMatches`); its own findings cannot be waived.
   */
  phase?: 'waivers';
  /**
   * `true`: each finding is about one file and follows from that file's records alone, with as_of and the options.
   * Run on part of the model, the rule finds in each of its files what it finds there on the whole model, so with file
   * targets (a hook's staged files) the engine runs it on those files' records only. test/engine/per-file.test.ts
   * holds every rule that says so to it.
   */
  perFile?: true;
}

export interface Problem<MessageIds extends string = string> {
  /** A key of the rule's `meta.messages`. */
  messageId: MessageIds;
  /** The values of the template's placeholders. */
  data?: MessageData;
  at: SourceRange;
  /** The record the finding is about, when it is not the record at `at` (e.g. a criterion reported at scope.yaml). */
  record?: string;
  /** A heads-up (something falls due soon): a warning, even where the rule is set to error. */
  severity?: 'warn';
}

export interface RuleContext<Options, MessageIds extends string = string> {
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
  report(problem: Problem<MessageIds>): void;
}

export interface Rule<Options = Record<string, never>, MessageIds extends string = string> {
  meta: RuleMeta<Options, MessageIds>;
  check(context: RuleContext<Options, MessageIds>): void;
}

/**
 * Identity, for type inference: the options' type from `meta.options` (see `ruleOptions`), the message IDs from the
 * keys of `meta.messages`, so `report({ messageId })` with an ID the rule does not declare fails to compile.
 */
export function defineRule<Options = Record<string, never>, MessageIds extends string = never>(rule: Rule<Options, MessageIds>): Rule<Options, MessageIds> {
  return rule;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The placeholder names of a message template, in order of first use. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/** A message from its template and data; undefined when the data lacks a placeholder's value (a bug in the rule). */
export function formatMessage(template: string, data: MessageData = {}): string | undefined {
  let missing = false;
  const text = template.replace(PLACEHOLDER, (_whole, name: string) => {
    if (!Object.hasOwn(data, name)) {
      missing = true;
      return '';
    }
    return String(data[name]);
  });
  return missing ? undefined : text;
}

// Rules with different option types live in one registry.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any, string>;

/** Where a rule's documentation lives, relative to the package root. */
export function docsPath(ruleId: string): string {
  return `rules/${ruleId}.md`;
}

const MODEL_PARTS: readonly ModelPart[] = ['git-index', 'git-history', 'evidence-content', 'link-targets', 'evidence-digest', 'git-added'];

/** The costly model parts the given rules read. */
export function modelPartsFor(rules: readonly AnyRule[]): Set<ModelPart> {
  return new Set(rules.flatMap((rule) => rule.meta.reads.filter((part): part is ModelPart => MODEL_PARTS.includes(part as ModelPart))));
}
