// Inline suppression directives (`soc2lint-disable-next-line stale-evidence -- reason`): read from the comment tokens
// of the YAML lexer, so a `#` inside a quoted string or a block scalar is never taken for one, and from the HTML
// comments of a policy's markdown body outside code. Only files that mention `soc2lint-` are lexed at all.
import { CST, Lexer, LineCounter } from 'yaml';
import {
  DIRECTIVE_FORMS,
  type Directive,
  type DirectiveForm,
  type DirectiveProblem,
  type DirectiveProblemKind,
  type DirectiveRule,
  type DirectiveSyntax,
  type SourceRange,
} from '../core/types.js';
import { proseLines } from './markdown.js';
import type { Lines } from './source.js';

/** The forms each syntax takes: ranges only make sense in prose, "this line" only after YAML content. */

const MARKER = 'soc2lint-';
/** Tokens that are not content: a line holding only these is blank or a comment. */
const NOT_CONTENT = new Set(['space', 'newline', 'comment', 'byte-order-mark', 'doc-mode', 'flow-error-end']);

/** Directives in the comments of a YAML file. `lines` is the parse's own line counter, when the caller has one. */
export function yamlDirectives(text: string, file: string, lines: Lines = countLines(text)): Directive[] {
  if (!text.includes(MARKER)) return [];
  const { comments, contentStarts } = lex(text);
  const place = (start: number, end: number) => range(file, lines, start, end);
  const directives: Directive[] = [];
  for (const comment of comments) {
    const inner = comment.source.slice(1);
    if (!inner.trimStart().startsWith(MARKER)) continue;
    const directive = readDirective('yaml', inner, comment.offset + 1, place(comment.offset, comment.offset + comment.source.length), place);
    if (!directive.form) {
      directives.push(directive);
      continue;
    }
    const { line } = lines.linePos(comment.offset);
    const alone = text.slice(lines.lineStarts[line - 1] ?? 0, comment.offset).trim() === '';
    if (directive.form === 'disable-line' && alone) {
      addProblem(directive, 'alone-on-line', directive.at);
    } else {
      // The line it suppresses: its own, or the next line with content (skipping blank and comment lines).
      const next = contentStarts.find((offset) => offset > comment.offset && lines.linePos(offset).line > line);
      const target = directive.form === 'disable-line' ? line : next !== undefined ? lines.linePos(next).line : line + 1;
      for (const rule of directive.rules) rule.lines = { first: target, last: target };
    }
    directives.push(directive);
  }
  return directives;
}

/**
 * Directives in a policy's front matter. The text is the whole policy file; the front matter is lexed in place (its
 * opening `---` line blanked), so lines and columns are the file's own, as in the front matter's parse.
 */
export function frontMatterDirectives(text: string, file: string): Directive[] {
  if (!text.includes(MARKER) || !text.startsWith('---')) return [];
  // As gray-matter splits it: the front matter ends at the first line that starts with `---`.
  const firstLineEnd = text.indexOf('\n');
  const close = text.indexOf('\n---', 3);
  if (firstLineEnd === -1 || close === -1) return [];
  const matter = ' '.repeat(firstLineEnd) + text.slice(firstLineEnd, close + 1);
  return yamlDirectives(matter, file);
}

/** Directives in the HTML comments of a markdown body that starts on file line `firstLine`, outside code. */
export function markdownDirectives(body: string, firstLine: number, file: string): Directive[] {
  if (!body.includes(MARKER)) return [];
  // Fenced code and inline code spans are blanked, keeping every line and column where it was.
  const rows = body.split('\n').map(() => '');
  for (const { text, index } of proseLines(body)) rows[index] = text.replace(/(`+)([^`]|(?!\1)`)*?\1/g, (span) => ' '.repeat(span.length));
  const visible = rows.join('\n');
  const lines = countLines(visible);
  const place = (start: number, end: number) => {
    const at = range(file, lines, start, end);
    return { ...at, line: at.line + firstLine - 1, endLine: at.endLine + firstLine - 1 };
  };
  const lastLine = firstLine + rows.length - 1;

  const directives: Directive[] = [];
  for (let open = visible.indexOf('<!--'); open !== -1; open = visible.indexOf('<!--', open + 4)) {
    const closing = visible.indexOf('-->', open + 4);
    const end = closing === -1 ? visible.length : closing;
    const inner = visible.slice(open + 4, end);
    if (!inner.trimStart().startsWith(MARKER)) {
      if (closing === -1) break;
      open = closing - 1;
      continue;
    }
    const at = place(open, closing === -1 ? end : closing + 3);
    const directive = readDirective('markdown', inner, open + 4, at, place);
    if (closing === -1) addProblem(directive, 'unclosed', at);
    directives.push(directive);
    if (closing === -1) break;
    open = closing - 1;
  }
  pairRanges(directives, lastLine);
  return directives;
}

/** Next-line directives cover the line after their comment; `disable` covers its own line to its `enable`, or the end. */
function pairRanges(directives: Directive[], lastLine: number): void {
  const open = new Map<string, DirectiveRule[]>();
  for (const directive of directives) {
    if (directive.form === 'disable-next-line') {
      for (const rule of directive.rules) rule.lines = { first: directive.at.endLine + 1, last: directive.at.endLine + 1 };
    } else if (directive.form === 'disable') {
      for (const rule of directive.rules) {
        rule.lines = { first: directive.at.line, last: lastLine };
        open.set(rule.id, [...(open.get(rule.id) ?? []), rule]);
      }
    } else if (directive.form === 'enable') {
      for (const rule of directive.rules) {
        const ended = open.get(rule.id);
        if (!ended) {
          addProblem(directive, 'unmatched-enable', rule.at, rule.id);
          continue;
        }
        for (const disabled of ended) disabled.lines = { first: disabled.lines!.first, last: directive.at.line };
        open.delete(rule.id);
      }
    }
  }
}

/**
 * Read one directive from a comment's inner text (after `#`, or between `<!--` and `-->`), which starts at `offset`.
 * `at` is the whole comment; `place` turns offsets into ranges.
 */
function readDirective(
  syntax: DirectiveSyntax,
  inner: string,
  offset: number,
  at: SourceRange,
  place: (start: number, end: number) => SourceRange,
): Directive {
  const start = inner.indexOf(MARKER) + MARKER.length;
  const keyword = /^\S*/.exec(inner.slice(start))![0];
  const directive: Directive = { syntax, at, keyword, rules: [], problems: [] };
  const known = DIRECTIVE_FORMS[syntax].find((form) => form === keyword);
  if (!known) {
    const other = DIRECTIVE_FORMS[syntax === 'yaml' ? 'markdown' : 'yaml'].includes(keyword as DirectiveForm);
    addProblem(directive, other ? 'wrong-syntax' : 'unknown-form', at);
    return directive;
  }
  directive.form = known;

  const restStart = start + keyword.length;
  const rest = inner.slice(restStart);
  // The reason follows the first ` -- `; rule names never contain two dashes in a row.
  const separator = /(?:^|\s)--(?=\s|$)/.exec(rest);
  const list = separator ? rest.slice(0, separator.index) : rest;
  const reason = separator ? rest.slice(separator.index + separator[0].length).trim() : undefined;
  if (reason) directive.reason = reason;

  if (list.trim() === '') {
    addProblem(directive, 'no-rule', at);
  } else {
    let pieceStart = offset + restStart;
    list.split(',').forEach((piece, index) => {
      const name = piece.trim();
      const nameStart = pieceStart + piece.indexOf(name);
      pieceStart += piece.length + 1;
      if (name === '') {
        // Point at the comma before the empty name, or at the first comma when the list starts with one.
        const comma = index === 0 ? pieceStart - 1 : pieceStart - piece.length - 2;
        addProblem(directive, 'stray-comma', place(comma, comma + 1), list.trim());
        return;
      }
      const where = place(nameStart, nameStart + name.length);
      if (/\s/.test(name)) {
        // `stale-evidence waiting for Q3`: a reason written without ` -- `, or names separated by spaces.
        addProblem(directive, 'missing-separator', where, name);
      } else {
        directive.rules.push({ id: name, at: where });
      }
    });
  }
  // A reason run into the rule list is one mistake: say so once, not also "no reason".
  if (directive.problems.some((problem) => problem.kind === 'missing-separator')) return directive;
  if (known !== 'enable' && !reason) addProblem(directive, 'no-reason', at);
  return directive;
}

function addProblem(directive: Directive, kind: DirectiveProblemKind, at: SourceRange, text?: string): void {
  const problem: DirectiveProblem = { kind, at };
  if (text !== undefined) problem.text = text;
  directive.problems.push(problem);
}

/** The comments of a YAML text, and where each content token starts (at its first non-blank character). */
function lex(text: string): { comments: { offset: number; source: string }[]; contentStarts: number[] } {
  const comments: { offset: number; source: string }[] = [];
  const contentStarts: number[] = [];
  // Offsets advance as the YAML parser advances them: by each token's source, except the scalar marker (whose source
  // is the next lexeme) and the zero-width mode tokens.
  let offset = 0;
  let atScalar = false;
  for (const lexeme of new Lexer().lex(text)) {
    const type = atScalar ? 'scalar' : CST.tokenType(lexeme);
    if (!atScalar && type === 'scalar') {
      atScalar = true;
      continue;
    }
    atScalar = false;
    if (type === 'doc-mode' || type === 'flow-error-end') continue;
    if (type === 'comment') {
      comments.push({ offset, source: lexeme });
    } else if (!NOT_CONTENT.has(type ?? '')) {
      const firstVisible = lexeme.search(/\S/);
      if (firstVisible !== -1) contentStarts.push(offset + firstVisible);
    }
    offset += lexeme.length;
  }
  return { comments, contentStarts };
}

function countLines(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}

/** The range of a stretch of text, from its first character to just after its last. */
function range(file: string, lines: Lines, start: number, end: number): SourceRange {
  const from = lines.linePos(start);
  const to = lines.linePos(end);
  return { file, line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}
