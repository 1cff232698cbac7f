// Where a record came from, and how to turn a path inside it into a line and column.
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

/**
 * The positions of a parsed YAML document, without the document: what `YamlSource` needs to turn any path into a line
 * and column, kept in a few flat arrays. A parsed document is large (an object per node, key and range); a program of
 * 100,000 files keeps one of these per file instead, and the document goes as soon as its records are built.
 */
export class PositionIndex implements Lines {
  constructor(
    /** Where each line starts, as the parser's LineCounter counted them. */
    readonly lineStarts: readonly number[],
    /**
     * Four offsets per node: where its value starts and ends, and where its key starts and ends (-1 when it has no
     * value node, as `key:` with nothing after it, or no key node, as a list item).
     */
    readonly offsets: Int32Array,
    /** Per node: its children by key (a mapping: the first pair of each key), by index (a list: -1 for an item that is not a node), or null. */
    readonly children: (Map<string, number> | readonly number[] | null)[],
  ) {}

  /** The node below `node` at one key (a mapping) or index (a list); undefined when there is none. */
  child(node: number, segment: PathSegment): number | undefined {
    if (node < 0 || this.offsets[node * 4]! < 0) return undefined;
    const children = this.children[node];
    if (children instanceof Map) return children.get(String(segment));
    if (children && typeof segment === 'number') {
      const item = Number.isInteger(segment) ? children[segment] : undefined;
      return item === undefined || item < 0 ? undefined : item;
    }
    return undefined;
  }

  /** The node at `path` below `from`, or NO_NODE when the path is not written that far. */
  nodeAt(path: readonly PathSegment[], from: number): number {
    let node = from;
    for (const segment of path) {
      const next = this.child(node, segment);
      if (next === undefined) return NO_NODE;
      node = next;
    }
    return node;
  }

  /** What a node is: a mapping, a list, or (a scalar, an empty value, an alias) neither. */
  kind(node: number): 'map' | 'seq' | 'scalar' | undefined {
    if (node < 0) return undefined;
    const children = this.children[node];
    return children instanceof Map ? 'map' : Array.isArray(children) ? 'seq' : 'scalar';
  }

  /** The items of a list node, by number (empty for anything else). */
  items(node: number): readonly number[] {
    const children = node < 0 ? null : this.children[node];
    return Array.isArray(children) ? children : [];
  }

  /** The 1-based line and column of an offset, exactly as the parser's LineCounter gives them. */
  linePos(offset: number): { line: number; col: number } {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (starts[middle]! < offset) low = middle + 1;
      else high = middle;
    }
    if (starts[low] === offset) return { line: low + 1, col: 1 };
    if (low === 0) return { line: 0, col: offset };
    return { line: low, col: offset - starts[low - 1]! + 1 };
  }
}

/** No node: a document with no content, or a record that is not one. */
export const NO_NODE = -1;

/** Lines as the parser counted them: where each starts, and an offset's line and column. */
export interface Lines {
  readonly lineStarts: readonly number[];
  linePos(offset: number): { line: number; col: number };
}

/** What a YAML source is built from: a parsed document's position index. */
export interface IndexedYaml {
  readonly file: string;
  readonly index: PositionIndex;
}

/** The source of the record at a node of a parsed document (its number in the index): its root, or a node found with `ParsedYaml.node`. */
export function yamlSource(yaml: IndexedYaml, node: number, recordId?: string): YamlSource {
  return new YamlSource(yaml.file, yaml.index, node, recordId);
}

/**
 * Builds a position index while a document is walked or parsed (src/parse/yaml.ts, src/parse/fast-yaml.ts): `add`
 * numbers a node reached by a key or as a list item, `setChildren` says what is below a node, `setSource` keeps a
 * scalar's text as written for the load (`version: 1.10` is "1.10"), which the index itself does not keep.
 */
export class PositionIndexBuilder {
  private readonly offsets: number[] = [];
  private readonly children: (Map<string, number> | number[] | null)[] = [];
  readonly sources: (string | undefined)[] = [];

  /** Number a node by its value's range (-1, -1 for a key written with no value node) and its key's range (-1, -1 for none). */
  add(start: number, end: number, keyStart: number, keyEnd: number): number {
    const number = this.children.length;
    this.offsets.push(start, end, keyStart, keyEnd);
    this.children.push(null);
    return number;
  }

  /** Set a node's value range, once it is known (a parser numbers a node before it has read it). */
  setRange(number: number, start: number, end: number): void {
    this.offsets[number * 4] = start;
    this.offsets[number * 4 + 1] = end;
  }

  setChildren(number: number, children: Map<string, number> | number[]): void {
    this.children[number] = children;
  }

  setSource(number: number, text: string): void {
    this.sources[number] = text;
  }

  finish(lineStarts: readonly number[]): PositionIndex {
    return new PositionIndex(lineStarts, Int32Array.from(this.offsets), this.children);
  }
}

/** A record that is a YAML node: a control in a list, a policy's front matter, scope.yaml. */
export class YamlSource implements RecordSource {
  constructor(
    readonly file: string,
    private readonly index: PositionIndex,
    /** The record's node in the index (NO_NODE when there is none). */
    private readonly root: number,
    /** The ID of the record this node holds, carried into every range. */
    private readonly recordId?: string,
  ) {}

  at(path: readonly PathSegment[] = [], part: Part = 'value'): SourceRange {
    // Walk as far as the path is written; a pair whose value is not a node (`key:`) has no children, and ends the walk.
    let node = this.root;
    let steps = 0;
    for (const segment of path) {
      const next = this.index.child(node, segment);
      if (next === undefined) break;
      node = next;
      steps++;
    }
    if (steps === 0) return this.rangeOf(this.root);
    const offsets = this.index.offsets;
    const hasKey = offsets[node * 4 + 2]! >= 0;
    if (part === 'key' && hasKey) return this.range(offsets[node * 4 + 2]!, offsets[node * 4 + 3]!);
    if (offsets[node * 4]! >= 0) return this.range(offsets[node * 4]!, offsets[node * 4 + 1]!);
    if (hasKey) return this.range(offsets[node * 4 + 2]!, offsets[node * 4 + 3]!);
    return this.rangeOf(this.root);
  }

  has(path: readonly PathSegment[]): boolean {
    return path.length === 0 || this.index.nodeAt(path, this.root) !== NO_NODE;
  }

  /** The range of a node's value: the record's own node for the root (whatever key holds it in the document). */
  private rangeOf(node: number): SourceRange {
    return node < 0 ? this.range(0, 0) : this.range(this.index.offsets[node * 4]!, this.index.offsets[node * 4 + 1]!);
  }

  private range(start: number, end: number): SourceRange {
    const from = this.index.linePos(start);
    const to = this.index.linePos(Math.max(start, this.withoutTrailingNewline(start, end)));
    const range: SourceRange = { file: this.file, line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
    if (this.recordId !== undefined) range.record = this.recordId;
    return range;
  }

  /** Block collections end at the start of the next line; end them on their own last line instead. */
  private withoutTrailingNewline(start: number, end: number): number {
    const starts = this.index.lineStarts;
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
