// The reference for positions: a YAML source that walks the parsed document itself, as soc2lint did before it kept
// only a position index (src/parse/source.ts). Tests check that the index answers every path exactly as this does.
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import type { SourceRange } from '../../src/core/types.js';
import { YAML_OPTIONS } from '../../src/parse/fast-yaml.js';
import type { Part, PathSegment, RecordSource } from '../../src/parse/source.js';

export class DocumentSource implements RecordSource {
  constructor(
    readonly file: string,
    private readonly node: Node | null,
    private readonly lines: LineCounter,
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
    let last = end;
    while (last > start && this.lines.lineStarts.includes(last)) last -= 1;
    const to = this.lines.linePos(Math.max(start, last));
    const range: SourceRange = { file: this.file, line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
    if (this.recordId !== undefined) range.record = this.recordId;
    return range;
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}

function childOf(node: Node | null, segment: PathSegment): { value: Node | null; pair?: Pair } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item): item is Pair => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
    if (!pair) return undefined;
    return { value: isNode(pair.value) ? pair.value : null, pair };
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return isNode(item) ? { value: item } : undefined;
  }
  return undefined;
}

/** Every path a document writes, and for each one a few that it does not. */
export function pathsOf(node: Node | null, path: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  out.push(path, [...path, 'not-written'], [...path, 0], [...path, 'x', 3], [...path, -1]);
  if (isMap(node)) {
    for (const item of node.items) if (isPair(item) && isScalar(item.key)) pathsOf(item.value as Node | null, [...path, String(item.key.value)], out);
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      pathsOf(item as Node | null, [...path, index], out);
      out.push([...path, String(index)]);
    });
  }
  return out;
}

/** The nodes a record can be rooted at: the document's root and every node below it. */
export function nodesOf(node: Node | null, out: (Node | null)[] = []): (Node | null)[] {
  out.push(node);
  if (isMap(node)) for (const item of node.items) if (isPair(item) && isNode(item.value)) nodesOf(item.value, out);
  if (isSeq(node)) for (const item of node.items) if (isNode(item)) nodesOf(item, out);
  return out;
}

/** The document soc2lint's parse reads (the same options as src/parse/yaml.ts), with its own line counter: the reference. */
export function referenceDocument(text: string): { root: Node | null; lines: LineCounter } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter: lines });
  return { root: doc.contents, lines };
}

/** The nodes a record can be rooted at, each with the path that reaches it from the root (the first pair of a key). */
export function nodePaths(node: Node | null, path: PathSegment[] = [], out: [Node | null, PathSegment[]][] = []): [Node | null, PathSegment[]][] {
  out.push([node, path]);
  if (isMap(node)) {
    const seen = new Set<string>();
    for (const item of node.items) {
      if (!isPair(item) || !isScalar(item.key) || !isNode(item.value)) continue;
      const key = String(item.key.value);
      if (seen.has(key)) continue;
      seen.add(key);
      nodePaths(item.value, [...path, key], out);
    }
  }
  if (isSeq(node)) node.items.forEach((item, index) => isNode(item) && nodePaths(item, [...path, index], out));
  return out;
}
