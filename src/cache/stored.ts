// A file's contribution in the form the cache keeps, and back. Records carry their sources: objects that turn a path
// into a line and column. A YAML source holds its document's position index (src/parse/source.ts); it is kept as a flat
// table of the ranges of every node it can point at, which answers every question the source would (TableSource). A mapped source keeps only
// what its translation changes. The other sources are kept field by field.
//
// Reading the cache is most of a warm run's own work, and most of that is making objects and collecting them: the
// stored form is made of as few objects as it can be (a table is two strings, not an object per node), and
// is kept as JSON text whenever JSON gives it back exactly (JSON.parse makes plain objects about twice as fast as v8's
// deserialize does).
import type { SourceRange } from '../core/types.js';
import type { FileContribution } from '../model/load.js';
import { MappedSource, Translation } from '../model/mapping.js';
import { CsvRowSource, FileSource, YamlSource, type Part, type PathSegment, type PositionIndex, type RecordSource } from '../parse/source.js';

/** Marks a stored source or class instance. A record whose own data holds this key is not cached. */
const TAG = '\u0000soc2lint';

/** The classes a contribution may hold, stored field by field. */
const CLASSES: Record<string, object> = {
  CsvRowSource: CsvRowSource.prototype,
  FileSource: FileSource.prototype,
};

/** The lists of a contribution; an empty one is not stored, and comes back as this one (read, never written to). */
const LISTS = ['problems', 'directives', 'unknownFields', 'policies', 'controls', 'vendors', 'people', 'training', 'acknowledgments', 'waivers', 'populationFiles', 'declared', 'roles'] as const;
const EMPTY: never[] = Object.freeze([]) as unknown as never[];

class Uncacheable extends Error {}

/**
 * A contribution in the form the cache keeps, as JSON text when JSON gives that form back exactly, else the form
 * itself (for v8's serialization, which keeps what JSON cannot: an object met twice, a Map or Set, undefined, -0, NaN
 * and the infinities). Undefined when something in it could not be given back exactly.
 */
export function storedContribution(contribution: FileContribution): { json: string } | { form: unknown } | undefined {
  const out: Record<string, unknown> = {};
  const memo: Memo = { stored: new Map(), json: true, path: [], tags: [], inTag: 0 };
  try {
    for (const [key, value] of Object.entries(contribution)) {
      if ((LISTS as readonly string[]).includes(key) && Array.isArray(value) && value.length === 0) continue;
      memo.path = [key];
      out[key] = stored(value, memo);
    }
  } catch (error) {
    if (error instanceof Uncacheable) return undefined;
    throw error;
  }
  if (!memo.json) return { form: out };
  const kept: JsonContribution = { tags: memo.tags, value: out };
  // Written in Latin-1 only: the cache keeps every text as one string, which one other character (a typographic quote
  // in a policy) would make a string of two bytes per character.
  return { json: JSON.stringify(kept).replace(/[\u0100-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`) };
}

/** A stored contribution made live again, in place: the stored form is read once per run. */
export function revivedContribution(value: unknown): FileContribution {
  return withLists(revived(value, new Map()) as Record<string, unknown>);
}

/**
 * A contribution kept as JSON made live again. It holds no object twice, and says where its sources are: only those
 * are made again, and nothing else is walked.
 */
export function revivedJsonContribution(text: string): FileContribution {
  const { tags, value } = JSON.parse(text) as JsonContribution;
  for (const path of tags) {
    let parent = value as Record<string | number, unknown>;
    for (let i = 0; i < path.length - 1; i++) parent = parent[path[i]!] as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    parent[last] = revived(parent[last], undefined);
  }
  return withLists(value);
}

function withLists(contribution: Record<string, unknown>): FileContribution {
  for (const list of LISTS) contribution[list] ??= EMPTY;
  return contribution as unknown as FileContribution;
}

/** A contribution as JSON keeps it: the stored form, and the path to each stored source or class instance in it. */
interface JsonContribution {
  tags: PathSegment[][];
  value: Record<string, unknown>;
}

/**
 * While a contribution is stored: what each object became, whether JSON gives back everything met so far, where the
 * value being stored is, and where each stored source or class instance not inside another one is.
 */
interface Memo {
  stored: Map<object, unknown>;
  json: boolean;
  path: PathSegment[];
  tags: PathSegment[][];
  inTag: number;
}

function stored(value: unknown, memo: Memo): unknown {
  if (typeof value === 'function' || typeof value === 'symbol') throw new Uncacheable(typeof value);
  if (value === null || typeof value !== 'object') {
    if (memo.json && !exactInJson(value)) memo.json = false;
    return value;
  }
  const known = memo.stored.get(value);
  if (known !== undefined) {
    memo.json = false; // met twice: JSON would give back two objects
    return known;
  }
  const prototype = Object.getPrototypeOf(value) as object | null;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    memo.stored.set(value, out);
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) throw new Uncacheable('sparse array');
      memo.path.push(i);
      out.push(stored(value[i], memo));
      memo.path.pop();
    }
    return out;
  }
  if (prototype === Object.prototype) {
    if (TAG in value) throw new Uncacheable('tag');
    // JSON.parse makes `__proto__` an own key, where an assignment sets the prototype.
    if (Object.hasOwn(value, '__proto__')) memo.json = false;
    const out: Record<string, unknown> = {};
    memo.stored.set(value, out);
    for (const [key, item] of Object.entries(value)) {
      memo.path.push(key);
      out[key] = stored(item, memo);
      memo.path.pop();
    }
    return out;
  }
  if (value instanceof Map && prototype === Map.prototype) {
    memo.json = false;
    const out = new Map<unknown, unknown>();
    memo.stored.set(value, out);
    for (const [key, item] of value) out.set(stored(key, memo), stored(item, memo));
    return out;
  }
  if (value instanceof Set && prototype === Set.prototype) {
    memo.json = false;
    const out = new Set<unknown>();
    memo.stored.set(value, out);
    for (const item of value) out.add(stored(item, memo));
    return out;
  }
  if (memo.inTag === 0) memo.tags.push([...memo.path]);
  memo.inTag++;
  try {
    const out = storedInstance(value, prototype, memo);
    memo.stored.set(value, out);
    return out;
  } finally {
    memo.inTag--;
  }
}

/** A source or an instance of one of CLASSES, tagged. */
function storedInstance(value: object, prototype: object | null, memo: Memo): Record<string, unknown> {
  let out: Record<string, unknown>;
  if (value instanceof YamlSource) {
    const { nodes, keys } = tableOf(value);
    out = storedTable(value.file, (value as unknown as { recordId?: string }).recordId, nodes, keys);
  } else if (value instanceof TableSource) {
    out = storedTable(value.file, value.recordId, value.nodes, value.keys);
  } else if (value instanceof MappedSource) {
    const { inner, translation } = value as unknown as { inner: RecordSource; translation: Translation };
    const changes = changesOf(translation);
    // A translation that changes no path (a native program without a `fields:` mapping) is its inner source.
    out = changes ? { [TAG]: 'mapped', inner: stored(inner, memo), ...changes } : (stored(inner, memo) as Record<string, unknown>);
  } else {
    const name = Object.keys(CLASSES).find((key) => CLASSES[key] === prototype);
    if (name === undefined) throw new Uncacheable(`an instance of ${(value as object).constructor?.name ?? 'a class'}`);
    out = { [TAG]: name, fields: stored({ ...(value as object) }, memo) };
  }
  return out;
}

/** Whether JSON gives this value back as it is. */
function exactInJson(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  return typeof value === 'string' || typeof value === 'boolean' || value === null;
}

/** A stored table; a record ID only when there is one (JSON has no undefined). */
function storedTable(file: string, record: string | undefined, nodes: string, keys: string): Record<string, unknown> {
  return record === undefined ? { [TAG]: 'table', file, nodes, keys } : { [TAG]: 'table', file, record, nodes, keys };
}

function revived(value: unknown, memo: Map<object, unknown> | undefined): unknown {
  if (value === null || typeof value !== 'object') return value;
  const known = memo?.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    memo?.set(value, value);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item !== null && typeof item === 'object') value[i] = revived(item, memo);
    }
    return value;
  }
  if (value instanceof Map) {
    const out = new Map<unknown, unknown>();
    memo?.set(value, out);
    for (const [key, item] of value) out.set(revived(key, memo), revived(item, memo));
    return out;
  }
  if (value instanceof Set) {
    const out = new Set<unknown>();
    memo?.set(value, out);
    for (const item of value) out.add(revived(item, memo));
    return out;
  }
  const object = value as Record<string, unknown>;
  const tag = object[TAG];
  if (tag === undefined) {
    memo?.set(value, value);
    for (const key in object) {
      const item = object[key];
      if (item !== null && typeof item === 'object') object[key] = revived(item, memo);
    }
    return value;
  }
  let out: object;
  if (tag === 'table') {
    out = new TableSource(object.file as string, object.nodes as string, object.keys as string, object.record as string | undefined);
  } else if (tag === 'mapped') {
    out = new MappedSource(revived(object.inner, memo) as RecordSource, translationOf(object as unknown as Changes));
  } else {
    const prototype = typeof tag === 'string' ? CLASSES[tag] : undefined;
    if (!prototype) throw new Error(`unknown stored class ${String(tag)}`);
    out = Object.assign(Object.create(prototype) as object, revived(object.fields, memo));
  }
  memo?.set(value, out);
  return out;
}

// --- Mapped sources --------------------------------------------------------------------------------------------

/**
 * What a translation changes about paths: fields read from another path, lists gathered from several places, fields
 * written empty. `written` and `isEmptied`, all a mapped source asks of its translation, need nothing else; the mapped
 * value and the keys the mapping consumed are read only while the record is being mapped.
 */
interface Changes {
  fields: [string, readonly PathSegment[]][];
  items: [string, (readonly PathSegment[])[]][];
  emptied: string[];
}

function changesOf(translation: Translation): Changes | undefined {
  // A translation makes its maps on first use: one that never moved a field has none.
  const { fields = new Map(), items = new Map(), emptied = new Set() } = translation as unknown as { fields?: unknown; items?: unknown; emptied?: unknown };
  if (!(fields instanceof Map) || !(items instanceof Map) || !(emptied instanceof Set)) throw new Uncacheable('a translation of another shape');
  const moved = [...(fields as Map<string, readonly PathSegment[]>)].filter(([field, path]) => items.has(field) || path.length !== 1 || path[0] !== field);
  if (moved.length === 0 && items.size === 0 && emptied.size === 0) return undefined;
  return { fields: moved.map(([field, path]) => [field, [...path]]), items: [...(items as Map<string, (readonly PathSegment[])[]>)].map(([field, list]) => [field, list.map((path) => [...path])]), emptied: [...(emptied as Set<string>)] };
}

/** A translation that answers `written` and `isEmptied` as the kept one did, made through its own methods. */
function translationOf(changes: Changes): Translation {
  const translation = new Translation();
  const lists = new Map(changes.items);
  for (const [field, whole] of changes.fields) {
    const list = lists.get(field);
    if (list) translation.setList(field, list.map((written) => ({ value: undefined, written })), whole);
    else translation.set(field, undefined, whole);
  }
  for (const field of changes.emptied) translation.empty(field);
  return translation;
}

// --- YAML sources as tables ------------------------------------------------------------------------------------

/**
 * The numbers kept for each node, in document order (a node before the nodes below it): the range `at` gives for its
 * value (line, column, end line, end column), the same for its key, the index just past its last descendant, and
 * what it is (KIND).
 */
const STRIDE = 10;
const END = 8;
const KIND_AT = 9;
const KIND = { other: 0, map: 1, seq: 2 } as const;

/**
 * Every node a path of a YAML source can reach, answered by the source itself, so the table gives back exactly what
 * it would: for a mapping, the first pair of each key (as YamlSource reads them), for a list every item that is a node.
 * `nodes` holds the numbers written in decimal, separated by commas (decoded only when the source is asked, into one
 * Int32Array: thousands of arrays of numbers would be read, copied and collected on every run); `keys` each node's key
 * in its parent (a mapping's key as a string, a list's index as a number), as JSON.
 */
function tableOf(source: YamlSource): { nodes: string; keys: string } {
  const { index, root } = source as unknown as { index: PositionIndex; root: number };
  const nodes: number[] = [];
  const keys: (string | number | null)[] = [];
  const walk = (node: number, path: PathSegment[], key: string | number | null): void => {
    const at = keys.length;
    const value = source.at(path, 'value');
    const keyRange = source.at(path, 'key');
    nodes.push(value.line, value.column, value.endLine, value.endColumn, keyRange.line, keyRange.column, keyRange.endLine, keyRange.endColumn, 0, KIND.other);
    keys.push(key);
    // The index's children: a mapping's first pair of each key in document order, a list's items (-1: not a node).
    const children = node >= 0 ? index.children[node] : null;
    if (children instanceof Map) {
      nodes[at * STRIDE + KIND_AT] = KIND.map;
      for (const [child, number] of children) walk(number, [...path, child], child);
    } else if (children) {
      nodes[at * STRIDE + KIND_AT] = KIND.seq;
      children.forEach((number, i) => {
        if (number >= 0) walk(number, [...path, i], i);
      });
    }
    nodes[at * STRIDE + END] = keys.length;
  };
  walk(root, [], null);
  if (!nodes.every((number) => (number | 0) === number)) throw new Uncacheable('a position that is not a 32-bit integer');
  return { nodes: nodes.join(','), keys: JSON.stringify(keys) };
}

/** The numbers of a table, from their decimal text (see tableOf). */
function decodedNodes(text: string): Int32Array {
  let count = text === '' ? 0 : 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x2c) count++;
  const nodes = new Int32Array(count);
  let n = 0;
  let value = 0;
  let sign = 1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x2c;
    if (c === 0x2c) {
      nodes[n++] = sign * value;
      value = 0;
      sign = 1;
    } else if (c === 0x2d) {
      sign = -1;
    } else {
      value = value * 10 + (c - 0x30);
    }
  }
  return nodes;
}

/** A YAML record's source, from the table the cache kept: the same ranges, without the document. */
export class TableSource implements RecordSource {
  private decoded: Int32Array | undefined;
  private decodedKeys: (string | number | null)[] | undefined;

  constructor(
    readonly file: string,
    /** The table's numbers as text (see tableOf). */
    readonly nodes: string,
    readonly keys: string,
    readonly recordId?: string,
  ) {}

  private get table(): Int32Array {
    return (this.decoded ??= decodedNodes(this.nodes));
  }

  at(path: readonly PathSegment[] = [], part: Part = 'value'): SourceRange {
    let node = 0;
    for (const segment of path) {
      const next = this.childOf(node, segment);
      if (next < 0) break;
      node = next;
    }
    const at = node * STRIDE + (part === 'key' ? 4 : 0);
    const n = this.table;
    const range: SourceRange = { file: this.file, line: n[at]!, column: n[at + 1]!, endLine: n[at + 2]!, endColumn: n[at + 3]! };
    if (this.recordId !== undefined) range.record = this.recordId;
    return range;
  }

  has(path: readonly PathSegment[]): boolean {
    let node = 0;
    for (const segment of path) {
      node = this.childOf(node, segment);
      if (node < 0) return false;
    }
    return true;
  }

  /** The node below `node` at `segment`, or -1. */
  private childOf(node: number, segment: PathSegment): number {
    const table = this.table;
    const kind = table[node * STRIDE + KIND_AT];
    if (kind === KIND.other || (kind === KIND.seq && typeof segment !== 'number')) return -1;
    const key = kind === KIND.map ? String(segment) : segment;
    const keys = (this.decodedKeys ??= JSON.parse(this.keys) as (string | number | null)[]);
    const end = table[node * STRIDE + END]!;
    for (let child = node + 1; child < end; child = table[child * STRIDE + END]!) if (keys[child] === key) return child;
    return -1;
  }
}
