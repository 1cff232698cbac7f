// Shared value types: places in files, severities, what the loader reports and finds. The bottom layer: it imports
// nothing of soc2lint, and every layer above may use it.

export type Severity = 'error' | 'warn';
export type RuleSetting = Severity | 'off';

/** A place in a file: 1-based lines and columns, end exclusive like ESLint's. */
export interface SourceRange {
  /** Relative to the repo root, `/` separators; `.` for the repo itself. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The ID of the record the place belongs to (a control, a policy), for waivers and stable fingerprints. */
  record?: string;
}

/** The repo root, for findings about the program as a whole when no file holds the offending value. */
export const REPO_ROOT = '.';

export function fileStart(file: string): SourceRange {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** The kinds of files a program holds, by the config's `paths` key. */
export type FileKind = 'policies' | 'controls' | 'scope' | 'vendors' | 'people' | 'training' | 'acknowledgments' | 'waivers' | 'populations';

/** A file that could not be read or parsed, or a record that broke its schema. */
export interface LoadProblem {
  kind: 'parse' | 'schema';
  message: string;
  range: SourceRange;
}

/** What the loader found at a path a record names, so rules never touch the file system. */
export type PathTarget =
  | { state: 'file' }
  | { state: 'missing' }
  | { state: 'outside'; reason: 'parent' | 'absolute' | 'symlink' }
  | { state: 'directory' }
  /** A named pipe, socket or device: never opened. */
  | { state: 'special' };

/** The text of an evidence file, or why it was not read. */
export type EvidenceContent = { text: string } | { skipped: 'binary' | 'too-large' | 'unreadable' };

/** Where a directive is written: a `#` comment in a YAML file or policy front matter, or an HTML comment in a policy body. */
export type DirectiveSyntax = 'yaml' | 'markdown';

/** What a directive does: suppress on its own line, on the next line, from here on, or end a `disable` range. */
export type DirectiveForm = 'disable-line' | 'disable-next-line' | 'disable' | 'enable';

/** A rule named by a directive, where its name is written, and the file lines the directive covers for it. */
export interface DirectiveRule {
  id: string;
  at: SourceRange;
  /** First and last covered file line, inclusive; undefined for `enable`, and for a directive too broken to cover anything. */
  lines?: { first: number; last: number };
}

/** Why a directive cannot work, found while reading it (unknown rule names are judged later, against the rules). */
export type DirectiveProblemKind =
  | 'unknown-form' // soc2lint-disable-nextline
  | 'wrong-syntax' // a form of the other syntax: soc2lint-disable-line in markdown, a range in YAML
  | 'no-rule'
  | 'stray-comma'
  | 'missing-separator' // rule names and a reason without " -- " between them
  | 'no-reason'
  | 'alone-on-line' // a YAML disable-line with no content before it on its line
  | 'unmatched-enable'
  | 'unclosed'; // an HTML comment without -->

export interface DirectiveProblem {
  kind: DirectiveProblemKind;
  at: SourceRange;
  /** The text the problem is about, as written (a rule name, a rule list). */
  text?: string;
}

/** An inline suppression comment (`soc2lint-disable-next-line stale-evidence -- reason`), as written and as understood. */
export interface Directive {
  syntax: DirectiveSyntax;
  /** The comment, from its `#` or `<!--` to its end. */
  at: SourceRange;
  /** The word after `soc2lint-`, as written (`disable-nextline` stays misspelt). */
  keyword: string;
  /** Undefined when the keyword is not a form of this syntax. */
  form?: DirectiveForm;
  rules: DirectiveRule[];
  /** The text after ` -- `, trimmed; undefined when there is none. */
  reason?: string;
  problems: DirectiveProblem[];
}

/** The directive forms each syntax has: YAML comments act on lines, HTML comments in markdown also on ranges. */
export const DIRECTIVE_FORMS: Readonly<Record<DirectiveSyntax, readonly DirectiveForm[]>> = {
  yaml: ['disable-line', 'disable-next-line'],
  markdown: ['disable-next-line', 'disable', 'enable'],
};
