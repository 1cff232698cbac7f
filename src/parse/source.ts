// Where a record came from, and how to turn a path inside it into a line and column.
import { isMap, isPair, isScalar, isSeq, type LineCounter, type Node, type Pair } from 'yaml';
import type { SourceRange } from '../core/types.js';

export type PathSegment = string | number;

/** Points at a value (default) or at the key that holds it. */
export type Part = 'value' | 'key';

export interface RecordSource {
  readonly file: string;
  /**
   * The range of the value at `path` below the record (or its key). A path that does not exist
   * falls back to the deepest part of it that does, so a finding always has a place.
   */
  at(path?: readonly PathSegment[], part?: Part): SourceRange;
  /** Whether the path is written in the file at all (a key can be present yet dropped from the model as invalid). */
  has(path: readonly PathSegment[]): boolean;
}

/** A record that is a YAML node: a control in a list, a policy's front matter, scope.yaml. */
export class YamlSource implements RecordSource {
  constructor(
    readonly file: string,
    private readonly node: Node | null,
    private readonly lines: LineCounter,
    /** The ID of the record this node holds, carried into every range. */
    private readonly recordId?: string,
  ) {}

  at(path: readonly PathSegment[] = [], part: Part = 'value'): SourceRange {
    let node: Node | null = this.node;
    let pair: Pair | undefined;
    for (const segment of path) {
      const next = childOf(node, segment);
      if (!next) break;
      node = next.value;
      pair = next.pair;
      if (!node) break;
    }
    if (part === 'key' && pair && isNode(pair.key)) return this.rangeOf(pair.key);
    if (node) return this.rangeOf(node);
    if (pair && isNode(pair.key)) return this.rangeOf(pair.key);
    return this.rangeOf(this.node);
  }

  has(path: readonly PathSegment[]): boolean {
    let node: Node | null = this.node;
    for (const segment of path) {
      const next = childOf(node, segment);
      if (!next) return false;
      node = next.value;
    }
    return true;
  }

  private rangeOf(node: Node | null): SourceRange {
    const [start, end] = node?.range ?? [0, 0];
    const from = this.lines.linePos(start);
    const to = this.lines.linePos(Math.max(start, this.withoutTrailingNewline(start, end)));
    const range: SourceRange = { file: this.file, line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
    if (this.recordId !== undefined) range.record = this.recordId;
    return range;
  }

  /** Block collections end at the start of the next line; end them on their own last line instead. */
  private withoutTrailingNewline(start: number, end: number): number {
    const starts = this.lines.lineStarts;
    while (end > start && isLineStart(starts, end)) end -= 1;
    return end;
  }
}

/** A row of a CSV file: every path points at the row's line, the column at the field when it can be found. */
export class CsvRowSource implements RecordSource {
  constructor(
    readonly file: string,
    private readonly line: number,
    private readonly text: string,
    private readonly header: readonly string[],
    /** Each cell's place in the line, as the CSV parser split it; empty when unknown. */
    private readonly cells: readonly { column: number; length: number }[],
  ) {}

  at(path: readonly PathSegment[] = []): SourceRange {
    const field = typeof path[0] === 'string' ? this.header.indexOf(path[0]) : -1;
    const cell = field >= 0 ? this.cells[field] : undefined;
    if (cell) return { file: this.file, line: this.line, column: cell.column, endLine: this.line, endColumn: cell.column + cell.length };
    const firstLine = this.text.split('\n')[0] ?? '';
    return { file: this.file, line: this.line, column: 1, endLine: this.line, endColumn: firstLine.length + 1 };
  }

  has(path: readonly PathSegment[]): boolean {
    return path.length === 1 && typeof path[0] === 'string' && this.header.includes(path[0]);
  }
}

/** A record that has no node of its own (a file without front matter): everything points at its first line. */
export class FileSource implements RecordSource {
  constructor(readonly file: string) {}
  at(): SourceRange {
    return { file: this.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  }

  has(path: readonly PathSegment[]): boolean {
    return path.length === 0;
  }
}

/** Whether `offset` is where a line starts: a binary search of the sorted line starts. */
function isLineStart(starts: readonly number[], offset: number): boolean {
  let low = 0;
  let high = starts.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = starts[middle]!;
    if (value === offset) return true;
    if (value < offset) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}

/** Mappings large enough to index: looking keys up one by one in them would make positions quadratic. */
const INDEX_FROM = 16;
const keyIndexes = new WeakMap<object, Map<string, Pair>>();

/** The pair holding `key` in a mapping (the first, as the parser reports duplicates): by index for large mappings. */
function pairOf(map: { items: unknown[] }, key: string): Pair | undefined {
  const matches = (item: unknown): item is Pair => isPair(item) && isScalar(item.key) && String(item.key.value) === key;
  if (map.items.length < INDEX_FROM) return map.items.find(matches);
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) {
      if (isPair(item) && isScalar(item.key)) {
        const name = String(item.key.value);
        if (!index.has(name)) index.set(name, item);
      }
    }
    keyIndexes.set(map, index);
  }
  return index.get(key);
}

function childOf(node: Node | null, segment: PathSegment): { value: Node | null; pair?: Pair } | undefined {
  if (isMap(node)) {
    const pair = pairOf(node, String(segment));
    if (!pair) return undefined;
    return { value: isNode(pair.value) ? pair.value : null, pair };
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return isNode(item) ? { value: item } : undefined;
  }
  return undefined;
}

