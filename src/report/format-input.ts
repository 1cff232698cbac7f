// What every formatter is given: the findings with the paths to show them at, the counts, and the rules described
// with their docs text and page. Made here, once per run, so a formatter is a pure function from this to a string.
import { join, relative } from 'node:path';
import { REPO_ROOT, activeFindings, type Finding } from '../engine/finding.js';
import type { RuleMeta } from '../engine/rule.js';
import type { RepoModel } from '../model/types.js';

export const REPOSITORY_URL = 'https://github.com/soc2lint/soc2lint';

/** A finding with where to show it. */
export interface ReportedFinding extends Finding {
  /** Relative to the working folder, `/` separators (`.` when that is the program itself): a path people can click. */
  path: string;
}

/** A rule's docs, from its page: the page's first paragraph and its "How to fix" section, links made absolute. */
export interface RuleDocs {
  /** Markdown; the page's "Default severity" sentence left out (the configured severity may differ). */
  summary: string;
  /** Markdown; empty when the page has none. */
  howToFix: string;
}

export interface RuleDescription {
  meta: RuleMeta<unknown>;
  /** The rule's documentation page. */
  url: string;
  /** Undefined when the rule has no page, or when the caller did not read the pages (no format asked for them). */
  docs?: RuleDocs;
}

/** Of the findings that count, and of those suppressed by waivers and by inline directives. */
export interface FindingCounts {
  errors: number;
  warnings: number;
  suppressed: number;
  byWaivers: number;
  byDirectives: number;
}

/** What a run read: the records of each kind that loaded, and the scope file, so a report can say what was linted. */
export interface ProgramSummary {
  policies: number;
  controls: number;
  vendors: number;
  people: number;
  trainingRecords: number;
  acknowledgments: number;
  waivers: number;
  /** The scope file as found (`scope.yaml`), or null when the program has none. */
  scopeFile: string | null;
}

export function summarizeProgram(model: RepoModel): ProgramSummary {
  return {
    policies: model.policies.length,
    controls: model.controls.length,
    vendors: model.vendors.length,
    people: model.people.length,
    trainingRecords: model.training.length,
    acknowledgments: model.acknowledgments.length,
    waivers: model.waivers.length,
    scopeFile: model.scopeFile ?? null,
  };
}

export interface FormatInput {
  /** Every finding to report, including those suppressed by waivers or directives (marked `suppressedBy`). */
  findings: readonly ReportedFinding[];
  counts: FindingCounts;
  /** Every known rule, for formats that describe the rules (SARIF) or link to their pages. */
  rules: readonly RuleDescription[];
  /** soc2lint's version. */
  version: string;
  /** The date the program was evaluated as of. */
  asOf: string;
  /** Absolute program root; findings' `file` is relative to it. */
  root: string;
  color: boolean;
  /**
   * The program root's path inside its git checkout (`compliance/`, or empty at the top), for formats whose paths must
   * be relative to the repository (SARIF for GitHub code scanning).
   */
  uriPrefix?: string;
  /** What the run read, when it reports on the whole program (undefined when it reports on given files only). */
  program?: ProgramSummary;
}

export interface RunFacts {
  findings: readonly Finding[];
  rules: readonly RuleDescription[];
  version: string;
  asOf: string;
  root: string;
  /** The absolute working folder, which shown paths are relative to. */
  cwd: string;
  color?: boolean;
  uriPrefix?: string;
  program?: ProgramSummary;
}

export function formatInput({ findings, cwd, color = false, ...run }: RunFacts): FormatInput {
  return { ...run, findings: findings.map((finding) => ({ ...finding, path: shownPath(finding.file, run.root, cwd) })), counts: countFindings(findings), color };
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const active = activeFindings(findings);
  const errors = active.filter((finding) => finding.severity === 'error').length;
  const byWaivers = findings.filter((finding) => finding.suppressedBy?.kind === 'waiver').length;
  return {
    errors,
    warnings: active.length - errors,
    suppressed: findings.length - active.length,
    byWaivers,
    byDirectives: findings.length - active.length - byWaivers,
  };
}

/** The page of a rule on soc2lint's repository, as SARIF's helpUri and the job summary link it. */
export function ruleUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/rules/${encodeURIComponent(ruleId)}.md`;
}

function shownPath(file: string, root: string, cwd: string): string {
  return relative(cwd, file === REPO_ROOT ? root : join(root, file)).split('\\').join('/') || '.';
}
