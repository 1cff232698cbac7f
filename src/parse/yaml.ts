// YAML with positions. Strict on purpose: duplicate keys, tabs and alias bombs are errors, and dates stay strings
// (the YAML 1.2 core schema has no timestamp type, so 2026-01-31 is never turned into a time-zone-shifted Date).
import { LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { LoadProblem } from '../core/types.js';

/** Enough for any real document; an alias bomb needs thousands. */
const MAX_ALIAS_COUNT = 100;

/** Compliance records nest a few levels; past this a document is hostile or broken, and is not walked further. */
export const MAX_YAML_DEPTH = 64;

/** Errors reported per file: a broken line can make the parser report one error per character. */
const MAX_PROBLEMS = 20;

export interface ParsedYaml {
  readonly file: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  readonly value: unknown;
}

export type YamlResult = { ok: true; yaml: ParsedYaml } | { ok: false; problems: LoadProblem[] };

export function parseYaml(text: string, file: string): YamlResult {
  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true, schema: 'core' });
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
  try {
    const value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    const tooDeep = depthBeyond(value, MAX_YAML_DEPTH);
    if (tooDeep) return { ok: false, problems: [problemAt(file, lines, 0, NESTED_TOO_DEEP)] };
    return { ok: true, yaml: { file, doc, lines, value } };
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

/** The text of a scalar exactly as written: `version: 1.10` is "1.10", not 1.1. */
export function sourceText(node: unknown): string | undefined {
  if (node && typeof node === 'object' && 'source' in node && typeof (node as { source: unknown }).source === 'string') {
    return (node as { source: string }).source;
  }
  return undefined;
}

export function nodeAt(yaml: ParsedYaml, path: readonly (string | number)[]): Node | undefined {
  const node = yaml.doc.getIn(path, true);
  return node && typeof node === 'object' ? (node as Node) : undefined;
}

const NESTED_TOO_DEEP = `YAML nests deeper than ${MAX_YAML_DEPTH} levels; no compliance record needs that many. Flatten it.`;

/** Whether a value nests deeper than `limit` lists and mappings (walked without recursion, so depth cannot hurt). */
function depthBeyond(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(item) ? item : item instanceof Map ? item.values() : Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
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
