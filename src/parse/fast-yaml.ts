// The common shape of a compliance record's YAML, read in one pass over its characters: block mappings and lists,
// plain and quoted scalars on one line each, flow lists and mappings on one line, block scalars (`|`, `|-`, `>`,
// `>-`), comments, LF or CRLF line ends. It gives what src/parse/yaml.ts would give for the same text (the value, the
// position index, each scalar's text as written), without building a document, and gives up (undefined) on anything
// else: anchors, tags, multi-line scalars, escapes, duplicate keys, keys that are not text, tabs, document markers,
// comments in the places where `yaml` folds them into a node's range, any text it is not sure of. The full parser then
// reads the file, as it always did. test/parse/fast-yaml.test.ts holds the two to the same answers on the examples, on
// awkward documents and on thousands of generated, mutated and edited ones.
import { isScalar, parseDocument, type ScalarTag } from 'yaml';
import { NO_NODE, PositionIndexBuilder, type PositionIndex } from './source.js';

export interface FastYaml {
  readonly value: unknown;
  readonly index: PositionIndex;
  readonly sources: readonly (string | undefined)[];
  readonly root: number;
}

/** Records nest a few levels; deeper documents go to the full parser, which says what is wrong with them. */
const MAX_DEPTH = 32;

/** `yaml` refuses implicit keys longer than 1024 characters (in strict mode); leave those to it. */
const MAX_KEY = 1000;

/**
 * Characters the fast path does not read: tabs, a carriage return not ending a line (CRLF line ends are read), other
 * controls, NEL, line and paragraph separators, BOMs, non-characters, lone surrogates.
 */
const UNREAD = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\r(?!\n)|\p{Cs}/u;

/** A plain scalar can only be something other than text if it starts with one of these (or is empty): see the core schema's tests. */
const MAYBE_TYPED = new Set(['~', 'n', 'N', 't', 'T', 'f', 'F', '+', '-', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

/** Characters a plain scalar may not start with here (YAML indicators; `-`, `?` and `:` are checked with what follows). */
const NOT_PLAIN_START = new Set(['[', ']', '{', '}', ',', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', '?', ':']);

/** The options soc2lint reads YAML with, both ways (src/parse/yaml.ts adds its line counter): the fast path resolves scalars as they say. */
export const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: false, strict: true, schema: 'core' } as const;

let coreTags: { tags: ScalarTag[]; options: object } | undefined;

/** The core schema's scalar tags, in the order the composer tries them, from `yaml` itself: the same resolution, not a copy of it. */
function core(): { tags: ScalarTag[]; options: object } {
  if (!coreTags) {
    const doc = parseDocument('', YAML_OPTIONS);
    const tags = (doc.schema.tags as ScalarTag[]).filter((tag) => tag.default === true && tag.test !== undefined);
    coreTags = { tags, options: doc.options };
  }
  return coreTags;
}

/** Thrown to give up; caught once, in `fastYaml`. */
class GiveUp {}
const GIVE_UP = new GiveUp();

/** The next line with content: where it starts, its indentation, and what was skipped on the way. */
interface Content {
  /** Offset of the first character that is not a space (text.length at the end). */
  first: number;
  indent: number;
  /** Whether a comment line was skipped, and the deepest indentation of one. */
  comments: boolean;
  deepestComment: number;
}

export function fastYaml(text: string): FastYaml | undefined {
  if (text.length === 0 || UNREAD.test(text)) return undefined;
  try {
    return new FastParser(text).document();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

class FastParser {
  private readonly builder = new PositionIndexBuilder();
  /** The value of the node just read, and where its range's third offset (after its line and what it folds in) is. */
  private value: unknown;
  private end2 = 0;
  /** The next content line after the node just read. */
  private next: Content;

  constructor(private readonly text: string) {
    this.next = this.contentFrom(0);
  }

  document(): FastYaml {
    const start = this.next;
    if (start.first >= this.text.length) return giveUp(); // no content: the full parser says what an empty document is
    const root = this.builder.add(NO_NODE, NO_NODE, NO_NODE, NO_NODE);
    this.block(root, start, 0, false);
    if (this.next.first < this.text.length) return giveUp(); // content after the root closed: an error for the full parser
    const lineStarts = [0];
    for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    return { value: this.value, index: this.builder.finish(lineStarts), sources: this.builder.sources, root };
  }

  /** A block mapping or list whose first line is `at`; `compact` when it is a list at its parent mapping's own indentation. */
  private block(number: number, at: Content, depth: number, compact: boolean): void {
    if (depth > MAX_DEPTH) giveUp();
    if (this.isDash(at.first)) this.list(number, at, depth, compact);
    else this.mapping(number, at.first, at.indent, depth);
  }

  private mapping(number: number, first: number, indent: number, depth: number): void {
    const text = this.text;
    const object: Record<string, unknown> = {};
    const children = new Map<string, number>();
    let keyStart = first;
    let last = first;
    for (;;) {
      const keyEnd = this.keyEnd(keyStart);
      if (keyEnd < 0) giveUp();
      const key = text.slice(keyStart, keyEnd);
      if (key === '__proto__' || key === '<<' || children.has(key) || resolvePlain(key) !== key) giveUp();
      const child = this.builder.add(NO_NODE, NO_NODE, keyStart, keyEnd);
      children.set(key, child);
      this.entryValue(child, keyEnd + 1, indent, depth, true);
      defineValue(object, key, this.value);
      last = this.end2;
      const next = this.next;
      if (next.first >= text.length || next.indent < indent) {
        this.closing(next);
        break;
      }
      if (next.indent > indent || this.isDash(next.first)) giveUp();
      keyStart = next.first;
    }
    this.builder.setRange(number, first, last);
    this.builder.setChildren(number, children);
    this.value = object;
    this.end2 = last;
  }

  private list(number: number, at: Content, depth: number, compact: boolean): void {
    const text = this.text;
    const values: unknown[] = [];
    const items: number[] = [];
    const indent = at.indent;
    let dash = at.first;
    let commentsBefore = at.comments;
    let last = dash;
    for (;;) {
      const item = this.builder.add(NO_NODE, NO_NODE, NO_NODE, NO_NODE);
      items.push(item);
      this.entryValue(item, dash + 1, indent, depth, false, commentsBefore);
      values.push(this.value);
      last = this.end2;
      const next = this.next;
      if (next.first >= text.length || next.indent < indent) {
        this.closing(next);
        break;
      }
      if (next.indent > indent) giveUp();
      if (!this.isDash(next.first)) {
        // A list written at its key's indentation ends where the mapping's next key starts.
        if (!compact) giveUp();
        this.closing(next);
        break;
      }
      dash = next.first;
      commentsBefore = next.comments;
    }
    this.builder.setRange(number, at.first, last);
    this.builder.setChildren(number, items);
    this.value = values;
    this.end2 = last;
  }

  /**
   * A collection closes before `next` (a line indented less, or the end). `yaml` folds a comment between its last
   * line and `next` into the last node's range when the comment is indented past `next` (or at the end): give up there.
   */
  private closing(next: Content): void {
    if (!next.comments) return;
    if (next.first >= this.text.length || next.deepestComment > next.indent) giveUp();
  }

  /**
   * The value after a key's `:` or a list's `-` (at `from`), for an entry of a collection indented `indent`: on the
   * same line, on the lines below (a nested collection), or nothing. Sets this.value, this.end2 and this.next.
   * `commentsBefore`: comment lines came between the entry and the line before it.
   */
  private entryValue(number: number, from: number, indent: number, depth: number, inMapping: boolean, commentsBefore = false): void {
    const text = this.text;
    const at = skipSpaces(text, from);
    const char = text[at];
    if (char === undefined || char === '\n' || char === '\r' || (char === '#' && at > from)) {
      const commented = char === '#';
      const next = this.contentFrom(lineEnd(text, at));
      // A nested collection: indented deeper, or a list at a mapping key's own indentation.
      if (next.first < text.length && (next.indent > indent || (inMapping && next.indent === indent && this.isDash(next.first)))) {
        this.block(number, next, depth + 1, next.indent === indent);
        return;
      }
      // Nothing: `yaml` puts the empty value after the spaces, and folds any comment near it into its range (for a list
      // item, a comment on the lines before its `-` too).
      if (commented || next.comments || commentsBefore) giveUp();
      this.builder.setRange(number, at, at);
      this.builder.setSource(number, '');
      this.value = null;
      this.end2 = at;
      this.next = next;
      return;
    }
    if (char === '#') giveUp(); // `-#` or `:#`
    if (char === '|' || char === '>') {
      const end = this.blockScalar(number, at, indent);
      this.end2 = end;
      const next = this.contentFrom(end);
      if (next.first < text.length && next.indent > indent) giveUp();
      this.next = next;
      return;
    }
    let valueEnd: number;
    if (char === '[' || char === '{') valueEnd = this.flow(number, at, depth + 1);
    else if (char === '"' || char === "'") valueEnd = this.quoted(number, at, char);
    else {
      if (NOT_PLAIN_START.has(char) || (char === '-' && isBlankOrEnd(text, at + 1))) giveUp();
      // A mapping starting on a list item's line (`- id: A`), its keys at that column.
      if (!inMapping && this.keyEnd(at) >= 0) {
        const column = at - lineStartOf(text, at);
        this.mapping(number, at, column, depth + 1);
        return;
      }
      valueEnd = this.plainEnd(at);
      const written = text.slice(at, valueEnd);
      this.builder.setSource(number, written);
      this.value = resolvePlain(written);
    }
    this.builder.setRange(number, at, valueEnd);
    const end = this.lineRest(valueEnd);
    this.end2 = end;
    const next = this.contentFrom(end);
    // A line indented deeper than the entry continues the scalar (or is an error): the full parser reads that.
    if (next.first < text.length && next.indent > indent) giveUp();
    this.next = next;
  }

  /** A flow list or mapping on one line (`[a, "b", 3]`, `{ id: A, on: [x] }`), nested or not; its end (after the bracket). */
  private flow(number: number, open: number, depth: number): number {
    if (depth > MAX_DEPTH) giveUp();
    const text = this.text;
    const isMap = text[open] === '{';
    const close = isMap ? '}' : ']';
    const values: unknown[] = [];
    const items: number[] = [];
    const object: Record<string, unknown> = {};
    const children = new Map<string, number>();
    let at = skipSpaces(text, open + 1);
    if (text[at] !== close) {
      for (;;) {
        let item: number;
        let key = '';
        if (isMap) {
          const keyStart = at;
          const keyEnd = this.flowKeyEnd(keyStart);
          key = text.slice(keyStart, keyEnd);
          if (key === '__proto__' || key === '<<' || children.has(key) || resolvePlain(key) !== key) giveUp();
          item = this.builder.add(NO_NODE, NO_NODE, keyStart, keyEnd);
          children.set(key, item);
          at = skipSpaces(text, keyEnd + 1);
        } else {
          item = this.builder.add(NO_NODE, NO_NODE, NO_NODE, NO_NODE);
          items.push(item);
        }
        at = this.flowValue(item, at, depth);
        if (isMap) defineValue(object, key, this.value);
        else values.push(this.value);
        at = skipSpaces(text, at);
        if (text[at] === close) break;
        if (text[at] !== ',') giveUp();
        at = skipSpaces(text, at + 1);
        if (text[at] === close || text[at] === ',') giveUp(); // a trailing or doubled comma
      }
    }
    if (isMap) this.builder.setChildren(number, children);
    else this.builder.setChildren(number, items);
    this.value = isMap ? object : values;
    return at + 1;
  }

  /** A value inside a flow collection, starting at `at`: a scalar or a nested collection. Sets its range; returns its end. */
  private flowValue(number: number, at: number, depth: number): number {
    const text = this.text;
    const char = text[at];
    let end: number;
    if (char === '[' || char === '{') end = this.flow(number, at, depth + 1);
    else if (char === '"' || char === "'") end = this.quoted(number, at, char);
    else {
      if (char === undefined || NOT_PLAIN_START.has(char) || (char === '-' && ' \n,]}'.includes(text[at + 1] ?? ' '))) giveUp();
      end = at;
      for (;;) {
        const c = text[end];
        if (c === undefined || c === '\n' || c === '\r' || c === ',' || c === ']' || c === '}') break;
        if (c === '[' || c === '{' || c === ':' || (c === '#' && text[end - 1] === ' ')) giveUp();
        end++;
      }
      while (text.charCodeAt(end - 1) === 32) end--;
      const written = text.slice(at, end);
      this.builder.setSource(number, written);
      this.value = resolvePlain(written);
    }
    this.builder.setRange(number, at, end);
    return end;
  }

  /** Where a key inside a flow mapping ends: right before its `:`, which a space follows. Gives up on anything else. */
  private flowKeyEnd(from: number): number {
    const text = this.text;
    const first = text[from];
    if (first === undefined || NOT_PLAIN_START.has(first) || first === '-') giveUp();
    for (let at = from; at - from <= MAX_KEY; at++) {
      const c = text[at];
      if (c === ':') {
        if (text[at + 1] !== ' ' || text[at - 1] === ' ') giveUp();
        return at;
      }
      if (c === undefined || c === '\n' || c === '\r' || c === ',' || c === '[' || c === ']' || c === '{' || c === '}' || c === '#' || c === '"' || c === "'") giveUp();
    }
    return giveUp();
  }

  /**
   * A block scalar (`|`, `|-`, `>`, `>-`) of an entry indented `indent`, its header at `at`; where its range ends (after
   * its last line with content). Gives up on what the common shape does not need: keep chomping (`+`), indentation
   * indicators, leading blank lines, lines of spaces, and in a folded scalar lines indented past the first.
   */
  private blockScalar(number: number, at: number, indent: number): number {
    const text = this.text;
    const folded = text[at] === '>';
    let header = at + 1;
    const strip = text[header] === '-';
    if (strip) header++;
    if (text[header] !== ' ' && !isLineEnd(text, header)) giveUp();
    let line = this.lineRest(header);
    if (line >= text.length) giveUp();
    // The first line sets the indentation of all of them.
    const content = skipSpaces(text, line) - line;
    if (content <= indent || isLineEnd(text, line + content) || line + content >= text.length) giveUp();
    const lines: string[] = [];
    let blank = 0;
    let end = line;
    while (line < text.length) {
      const first = skipSpaces(text, line);
      const lineIndent = first - line;
      if (isLineEnd(text, first) || first >= text.length) {
        if (first > line) giveUp(); // a line of spaces
        if (first >= text.length) break;
        blank++;
        line = lineEnd(text, first);
        continue;
      }
      if (lineIndent < content) break;
      if (folded && lineIndent > content) giveUp();
      const newline = text.indexOf('\n', first);
      if (newline === -1) giveUp(); // the last line has no line break: leave the chomping to the full parser
      for (; blank > 0; blank--) lines.push('');
      lines.push(text.slice(line + content, text[newline - 1] === '\r' ? newline - 1 : newline));
      line = end = newline + 1;
    }
    let value: string;
    if (folded) {
      value = lines[0]!;
      for (let i = 1; i < lines.length; i++) {
        const previous = lines[i - 1]!;
        value += lines[i] === '' ? '\n' : previous === '' ? lines[i] : ` ${lines[i]}`;
      }
    } else value = lines.join('\n');
    if (!strip) value += '\n';
    this.builder.setRange(number, at, end);
    this.builder.setSource(number, value);
    this.value = value;
    return end;
  }

  /** A quoted scalar on one line, without escapes; its end (after the closing quote). Sets the value and source. */
  private quoted(number: number, open: number, quote: string): number {
    const text = this.text;
    let at = open + 1;
    let value = '';
    let from = at;
    const newline = text.indexOf('\n', at);
    const lineEnds = newline === -1 ? text.length : newline;
    for (;;) {
      const close = text.indexOf(quote, at);
      if (close === -1 || close > lineEnds) giveUp();
      if (quote === "'" && text[close + 1] === "'") {
        value += text.slice(from, close + 1);
        at = from = close + 2;
        continue;
      }
      value += text.slice(from, close);
      at = close + 1;
      break;
    }
    if (quote === '"' && value.includes('\\')) giveUp();
    this.builder.setSource(number, value);
    this.value = value;
    return at;
  }

  /** Where a plain scalar in a block starting at `from` ends (trailing spaces excluded); gives up on `: ` inside it. */
  private plainEnd(from: number): number {
    const text = this.text;
    let end = from;
    for (;;) {
      const c = text.charCodeAt(end);
      if (Number.isNaN(c) || c === 10 || c === 13) break;
      if (c === 35 /* # */ && text.charCodeAt(end - 1) === 32) break;
      if (c === 58 /* : */ && isBlankOrEnd(text, end + 1)) giveUp();
      end++;
    }
    while (text.charCodeAt(end - 1) === 32) end--;
    return end;
  }

  /** After a value: spaces, perhaps a comment, then the end of the line. Where the next line starts. */
  private lineRest(from: number): number {
    const text = this.text;
    const at = skipSpaces(text, from);
    if (text[at] === '#') {
      if (at === from) giveUp(); // a comment must be set apart by a space
      return lineEnd(text, at);
    }
    if (at < text.length && !isLineEnd(text, at)) giveUp();
    return lineEnd(text, at);
  }

  /** Where the key starting at `from` ends (its `:` follows, then a space or the line's end); -1 when the line holds no plain key. */
  private keyEnd(from: number): number {
    const text = this.text;
    const first = text[from]!;
    if (NOT_PLAIN_START.has(first) || first === '-') return -1;
    for (let at = from; at - from <= MAX_KEY; at++) {
      const c = text.charCodeAt(at);
      if (Number.isNaN(c) || c === 10 || c === 13) return -1;
      if (c === 58 /* : */ && isBlankOrEnd(text, at + 1)) return text.charCodeAt(at - 1) === 32 ? -1 : at;
      if (c === 35 /* # */ || c === 39 /* ' */ || c === 34 /* " */) return -1;
    }
    return -1;
  }

  private isDash(at: number): boolean {
    return this.text[at] === '-' && isBlankOrEnd(this.text, at + 1);
  }

  /** The next line at or after `from` (a line start) that is not blank or a comment. */
  private contentFrom(from: number): Content {
    const text = this.text;
    let start = from;
    let comments = false;
    let deepestComment = -1;
    while (start < text.length) {
      const at = skipSpaces(text, start);
      const c = text[at];
      if (c === '#') {
        comments = true;
        deepestComment = Math.max(deepestComment, at - start);
      } else if (c !== '\n' && c !== '\r' && c !== undefined) {
        // `---` and `...` at a line's start mark documents: the full parser reads those.
        if (at === start && (text.startsWith('---', at) || text.startsWith('...', at))) giveUp();
        return { first: at, indent: at - start, comments, deepestComment };
      }
      start = lineEnd(text, at);
    }
    return { first: text.length, indent: -1, comments, deepestComment };
  }
}

function giveUp(): never {
  throw GIVE_UP;
}

/** The start of the line after the one holding `at` (text.length on the last line). */
function lineEnd(text: string, at: number): number {
  const newline = text.indexOf('\n', at);
  return newline === -1 ? text.length : newline + 1;
}

function lineStartOf(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function skipSpaces(text: string, at: number): number {
  while (text.charCodeAt(at) === 32) at++;
  return at;
}

/** A line ends at `at`: a line feed, or a carriage return before one (UNREAD leaves no other). */
function isLineEnd(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c === 10 || c === 13;
}

function isBlankOrEnd(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return Number.isNaN(c) || c === 32 || c === 10 || c === 13;
}

/** A plain scalar's value under the core schema: the first of `yaml`'s own tags whose test matches, or the text. */
function resolvePlain(written: string): unknown {
  if (written.length > 0 && !MAYBE_TYPED.has(written[0]!)) return written;
  const { tags, options } = core();
  for (const tag of tags) {
    if (!tag.test!.test(written)) continue;
    let failed = false;
    const resolved = tag.resolve(written, () => (failed = true), options as never);
    if (failed) giveUp();
    return isScalar(resolved) ? resolved.value : resolved;
  }
  return written;
}

/** As `yaml`'s toJS sets a mapping's key: a name an object already answers to (`constructor`) is defined, not assigned. */
function defineValue(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key in object) Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  else object[key] = value;
}
