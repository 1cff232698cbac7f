// YAML with positions. Strict on purpose: duplicate keys, tabs and alias bombs are errors, and dates stay strings
// (the YAML 1.2 core schema has no timestamp type, so 2026-01-31 is never turned into a time-zone-shifted Date).
import { LineCounter, isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import type { LoadProblem } from '../core/types.js';
import { fastYaml, YAML_OPTIONS } from './fast-yaml.js';
import { NO_NODE, PositionIndexBuilder, type PositionIndex, type IndexedYaml, type PathSegment } from './source.js';

/** Enough for any real document; an alias bomb needs thousands. */
const MAX_ALIAS_COUNT = 100;

/** Compliance records nest a few levels; past this a document is hostile or broken, and is not walked further. */
export const MAX_YAML_DEPTH = 64;

/** Errors reported per file: a broken line can make the parser report one error per character. */
const MAX_PROBLEMS = 20;

/**
 * A parsed YAML file: its value, and its position index (nodes by number) to find records and say where things are.
 * The parsed document itself is not kept: the index holds what positions need.
 */
export interface ParsedYaml extends IndexedYaml {
  readonly file: string;
  readonly value: unknown;
  /** The document's node (NO_NODE for an empty document). */
  readonly root: number;
  /** The node at `path` below `from` (the root by default), as the document writes it; NO_NODE when it does not. */
  node(path: readonly PathSegment[], from?: number): number;
  /** A scalar's text as written, before it is read as a number or a boolean (`version: 1.10` is "1.10"). */
  sourceText(node: number): string | undefined;
}

/** A ParsedYaml from a value, its position index, the texts of its scalars and its root node. */
export function parsedYaml(file: string, value: unknown, index: PositionIndex, sources: readonly (string | undefined)[], root: number): ParsedYaml {
  return {
    file,
    value,
    index,
    root,
    node: (path, from = root) => index.nodeAt(path, from),
    sourceText: (node) => (node < 0 ? undefined : sources[node]),
  };
}

export type YamlResult = { ok: true; yaml: ParsedYaml } | { ok: false; problems: LoadProblem[] };

/** `fast: false` reads every file with the full parser (the reference the fast path is tested against). */
export function parseYaml(text: string, file: string, { fast = true }: { fast?: boolean } = {}): YamlResult {
  // Most records are plain block YAML: read those in one pass, without a document (./fast-yaml.ts); anything else, and
  // every file with an error, is read by the full parser below. The fast path nests at most 32 levels (it gives up
  // deeper), so it needs no measure of the nesting first.
  const read = fast ? fastOrNothing(text) : undefined;
  if (read) return { ok: true, yaml: parsedYaml(file, read.value, read.index, read.sources, read.root) };
  const lines = new LineCounter();
  // The parser recurses once per level, and at a few hundred levels runs out of stack, sometimes fatally: measure the
  // nesting first, without parsing.
  const deep = nestingOffset(text, MAX_YAML_DEPTH);
  if (deep !== undefined) {
    const line = countLinesBefore(text, deep);
    return { ok: false, problems: [{ kind: 'parse', message: NESTED_TOO_DEEP, range: { file, line, column: 1, endLine: line, endColumn: 1 } }] };
  }
  let doc: Document.Parsed;
  try {
    // Duplicate keys are found below, in one pass: the parser's own check compares each key with every earlier one.
    doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter: lines });
  } catch (error) {
    return { ok: false, problems: [problemAt(file, lines, 0, `YAML cannot be parsed: ${(error as Error).message}`)] };
  }
  if (doc.errors.length > 0) {
    // Past a few hundred levels the parser runs out of stack and reports it among many follow-on errors: say it once.
    const overflow = doc.errors.find((error) => /call stack/i.test(error.message));
    if (overflow) return { ok: false, problems: [problemAt(file, lines, overflow.pos[0], NESTED_TOO_DEEP)] };
    const shown = doc.errors.slice(0, MAX_PROBLEMS);
    const problems = shown.map((error) => problemAt(file, lines, error.pos[0], describeYamlError(error.code, error.message, keyAt(text, error.pos[0]))));
    const more = doc.errors.length - shown.length;
    if (more > 0) problems.push(problemAt(file, lines, doc.errors[MAX_PROBLEMS]!.pos[0], `${more} more YAML errors in this file, not listed; fix the ones above first.`));
    return { ok: false, problems };
  }
  // Keys written twice, keys that are lists or mappings (`? [a, b]: c`, which would turn into text), and YAML 1.1 merge
  // keys (`!!merge <<`, a marker, not text): found in one walk of the document, which also indexes its positions.
  const positions = new PositionIndexBuilder();
  const keys = keyProblems(doc, positions);
  if (keys.duplicates.length > 0) {
    return { ok: false, problems: keys.duplicates.slice(0, MAX_PROBLEMS).map(({ offset, key }) => problemAt(file, lines, offset, describeYamlError('DUPLICATE_KEY', '', key))) };
  }
  if (keys.complexKey !== undefined) return { ok: false, problems: [problemAt(file, lines, keys.complexKey, 'A YAML key is a list or mapping; keys must be plain text. Write the key as text.')] };
  if (keys.merge !== undefined) return { ok: false, problems: [problemAt(file, lines, keys.merge, 'YAML merge keys (!!merge <<) are not supported; write the fields out.')] };
  try {
    const value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    if (nesting(value, MAX_YAML_DEPTH) > MAX_YAML_DEPTH) return { ok: false, problems: [problemAt(file, lines, firstAliasOffset(doc), NESTED_TOO_DEEP)] };
    return { ok: true, yaml: parsedYaml(file, value, positions.finish(lines.lineStarts), positions.sources, keys.root) };
  } catch (error) {
    const message = (error as Error).message;
    const text = /alias count|resource exhaustion/i.test(message)
      ? `YAML aliases expand too far (more than ${MAX_ALIAS_COUNT} alias uses); this looks like an alias bomb. Write the values out instead.`
      : /unresolved alias/i.test(message)
        ? `YAML reads a value that starts with * as an alias (${message.replace(/^.*?:\s*/, '*')}), and no anchor of that name exists. If it is a glob or text, quote it: "**/*.md".`
        : `YAML cannot be read: ${message}`;
    return { ok: false, problems: [problemAt(file, lines, firstAliasOffset(doc), text)] };
  }
}

/** The fast path's reading, or undefined; a fault in it (a bug: its tests call it directly, and fail on one) must not cost a user a file, so the full parser reads it then. */
function fastOrNothing(text: string): ReturnType<typeof fastYaml> {
  try {
    return fastYaml(text);
  } catch {
    return undefined;
  }
}

/** The text of a scalar exactly as written: `version: 1.10` is "1.10", not 1.1. */
function sourceText(node: unknown): string | undefined {
  if (node && typeof node === 'object' && 'source' in node && typeof (node as { source: unknown }).source === 'string') {
    return (node as { source: string }).source;
  }
  return undefined;
}

const NESTED_TOO_DEEP = `YAML nests deeper than ${MAX_YAML_DEPTH} levels (or an alias makes a value contain itself); no compliance record needs that. Flatten it.`;

/**
 * Where the text first nests deeper than `limit`, reading it as the parser would only roughly and in one pass: flow
 * brackets outside quotes and comments, and block levels by indentation and `- ` markers. Undefined when it does not.
 * Over-counting is possible (a `[` in a plain scalar), and harmless at this limit: real records nest a few levels.
 */
function nestingOffset(text: string, limit: number): number | undefined {
  let flow = 0;
  const indents: number[] = [];
  let lineStart = true;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === '\\' && quote === '"') i++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (lineStart) {
      lineStart = false;
      let at = i;
      while (text[at] === ' ') at++;
      if (flow === 0 && text[at] !== '\n' && text[at] !== '\r' && text[at] !== '#' && at < text.length) {
        let indent = at - i;
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        // Each `- ` on the line opens a sequence one level deeper (`- - - x`).
        while (text[at] === '-' && (text[at + 1] === ' ' || text[at + 1] === '\n')) {
          at += 2;
          while (text[at] === ' ') at++;
          indent = at - i;
          indents.push(indent);
        }
        if (indents.length > limit) return i;
      }
    }
    if (char === '\n') lineStart = true;
    else if (char === '"' || char === "'") {
      // A quote opens a quoted scalar only where a value starts (after space, bracket, comma, colon or at line start).
      const before = text[i - 1];
      if (before === undefined || ' \t\n[{,:-?'.includes(before)) quote = char;
    } else if (char === '#' && (i === 0 || ' \t\n'.includes(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      if (end === -1) break;
      i = end - 1;
    } else if (char === '[' || char === '{') {
      if (++flow > limit) return i;
    } else if ((char === ']' || char === '}') && flow > 0) flow--;
  }
  return undefined;
}

function countLinesBefore(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * How deep a value nests, counting lists and mappings, or Infinity past `limit` or when an alias makes it contain
 * itself (`&a [*a]`). Shared parts are measured once, so a value built from aliases costs what its nodes cost.
 */
function nesting(value: unknown, limit: number): number {
  const heights = new Map<object, number>(); // -1 while being measured: meeting it again is a cycle
  const height = (item: unknown, depth: number): number => {
    if (item === null || typeof item !== 'object') return 0;
    if (depth > limit) return Infinity;
    const known = heights.get(item);
    if (known !== undefined) return known === -1 ? Infinity : known;
    heights.set(item, -1);
    let deepest = 0;
    for (const child of Array.isArray(item) ? item : item instanceof Map ? [...item.values()] : Object.values(item)) {
      deepest = Math.max(deepest, height(child, depth + 1));
      if (deepest === Infinity) return Infinity;
    }
    heights.set(item, deepest + 1);
    return deepest + 1;
  };
  return height(value, 0);
}

/** The key starting at `offset` (the parser's error range covers only its first character); at most a line's first 200 characters are read. */
function keyAt(text: string, offset: number): string {
  const newline = text.indexOf('\n', offset);
  const line = text.slice(offset, Math.min(newline === -1 ? text.length : newline, offset + 200));
  return /^("[^"]*"|'[^']*'|[^:#]*?)\s*:/.exec(line)?.[1] ?? line.trim();
}

function describeYamlError(code: string, message: string, snippet: string): string {
  const first = message.split('\n')[0] ?? message;
  switch (code) {
    case 'DUPLICATE_KEY':
      return `Duplicate key "${snippet.trim()}": a key may appear only once in a mapping. Keep one.`;
    case 'TAB_AS_INDENT':
      return 'Tabs are not allowed as indentation in YAML; indent with spaces.';
    case 'UNEXPECTED_TOKEN':
    case 'IMPOSSIBLE':
      return /call stack/i.test(first) ? NESTED_TOO_DEEP : `YAML syntax error: ${first}`;
    case 'MULTIPLE_DOCS':
      return 'The file holds several YAML documents (separated by ---); keep one document per file, or use a list.';
    default:
      return /call stack/i.test(first) ? NESTED_TOO_DEEP : `YAML syntax error: ${first}`;
  }
}

function problemAt(file: string, lines: LineCounter, offset: number, message: string): LoadProblem {
  const { line, col } = lines.linePos(offset);
  return { kind: 'parse', message, range: { file, line: line || 1, column: col || 1, endLine: line || 1, endColumn: col || 1 } };
}

interface KeyProblems {
  /** The document's node in the index (NO_NODE when it has none). */
  root: number;
  /** Each key written a second time in its mapping, where the second one starts. */
  duplicates: { offset: number; key: string }[];
  /** Where the first key (in the text) that is a list or mapping starts. */
  complexKey?: number;
  /** Where the first scalar that reads as a merge marker (`!!merge <<`) starts. */
  merge?: number;
}

/**
 * One walk of the document's nodes, without recursion: linear in the number of nodes, whatever their depth. Every node
 * a path can reach (the first pair of each plain key, every list item) is numbered in `positions` on the way.
 */
function keyProblems(doc: Document.Parsed, positions: PositionIndexBuilder): KeyProblems {
  const add = (node: unknown, key: Node | null): number => {
    const [start, end] = hasRange(node) ? (node.range ?? [0, 0]) : [NO_NODE, NO_NODE];
    const [keyStart, keyEnd] = key ? (key.range ?? [0, 0]) : [NO_NODE, NO_NODE];
    const number = positions.add(start, end, keyStart, keyEnd);
    const text = sourceText(node);
    if (text !== undefined) positions.setSource(number, text);
    return number;
  };
  const root = hasRange(doc.contents) ? add(doc.contents, null) : NO_NODE;
  const found: KeyProblems = { root, duplicates: [] };
  const stack: [node: unknown, number: number][] = [[doc.contents, root]];
  while (stack.length > 0) {
    const [node, number] = stack.pop()!;
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        let child = NO_NODE;
        if (isScalar(key)) {
          if (typeof key.value === 'symbol') found.merge = Math.min(found.merge ?? Infinity, key.range?.[0] ?? 0);
          const name = String(key.value);
          if (seen.has(name)) found.duplicates.push({ offset: key.range?.[0] ?? 0, key: key.source ?? name });
          else {
            if (number !== NO_NODE) child = add(pair.value, key);
            seen.set(name, child);
          }
        } else if (isMap(key) || isSeq(key)) {
          found.complexKey = Math.min(found.complexKey ?? Infinity, key.range?.[0] ?? 0);
        }
        stack.push([pair.value, hasRange(pair.value) ? child : NO_NODE]);
      }
      if (number !== NO_NODE) positions.setChildren(number, seen);
    } else if (isSeq(node)) {
      const items = node.items.map((item) => (number !== NO_NODE && hasRange(item) ? add(item, null) : NO_NODE));
      node.items.forEach((item, i) => stack.push([item, items[i]!]));
      if (number !== NO_NODE) positions.setChildren(number, items);
    } else if (isScalar(node) && typeof node.value === 'symbol') {
      found.merge = Math.min(found.merge ?? Infinity, node.range?.[0] ?? 0);
    }
  }
  found.duplicates.sort((a, b) => a.offset - b.offset);
  return found;
}

/** A node with a place in the text (a pair, or nothing, is not one). */
function hasRange(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}

function firstAliasOffset(doc: Document.Parsed): number {
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}
