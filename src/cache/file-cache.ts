// The lint cache (--cache): what reading each program file added to the model (its records, problems, directives,
// declared IDs), kept between runs in one file, so an unchanged file is neither read nor parsed again. Cross-file
// rules still run on the whole model every time: the output is the same with the cache or without it.
//
// A file is unchanged when its size and modification time are the ones kept (strategy `metadata`, the default), or
// when its content hashes the same (`content`). The whole cache is dropped, with a notice, when it cannot be read or
// was written by another soc2lint version or for another config. It is written only when --cache is given, at the
// cache location, and atomically: a temporary file renamed over it.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Config } from '../config/config.js';
import type { DiscoveredFile } from '../files/discover.js';
import type { FileCache, FileContribution } from '../model/load.js';
import { MappedSource, Translation } from '../model/mapping.js';
import { CsvRowSource, FileSource, PositionIndex, YamlSource } from '../parse/source.js';

export type CacheStrategy = 'metadata' | 'content';

/** The cache file's own layout; a cache written in another one is not read. */
const FORMAT = 2;

interface Entry {
  kind: string;
  size: number;
  mtimeMs: number;
  /** With the content strategy: the SHA-256 of the file. */
  hash?: string;
  /** The contribution in its stored form (sources as position tables, see `stored`), serialized on its own. */
  contribution: Uint8Array;
}

interface Stored {
  format: number;
  version: string;
  config: string;
  strategy: CacheStrategy;
  entries: Map<string, Entry>;
}

export interface CacheOptions {
  /** The cache file (absolute). */
  file: string;
  strategy: CacheStrategy;
  /** soc2lint's version: results kept by another version are not trusted. */
  version: string;
}

export class LintCache implements FileCache {
  /** Things to tell the user about the cache (it could not be read, it was for another version or config). */
  readonly notices: string[] = [];
  private kept = new Map<string, Entry>();
  private readonly next = new Map<string, Entry>();
  private readonly seen = new Map<string, { size: number; mtimeMs: number; hash?: string }>();
  private configKey = '';
  private changed = false;

  constructor(private readonly options: CacheOptions) {}

  /** Read the kept results, and keep only those that were for this config. */
  useConfig(config: Config): void {
    this.configKey = hashOf(stableJson(config));
    let text: Buffer;
    try {
      text = readFileSync(this.options.file);
    } catch {
      this.changed = true;
      return; // no cache yet
    }
    let stored: Stored;
    try {
      stored = deserialize(text) as Stored;
    } catch {
      stored = undefined as unknown as Stored;
    }
    this.changed = true;
    const where = `the cache ${this.options.file}`;
    if (!stored || typeof stored !== 'object' || stored.format !== FORMAT || !(stored.entries instanceof Map)) {
      this.notices.push(`${where} could not be read (it is damaged, or not a soc2lint cache); linting without it, and writing it anew.`);
    } else if (stored.version !== this.options.version) {
      this.notices.push(`${where} was written by soc2lint ${String(stored.version)}, not ${this.options.version}; linting without it, and writing it anew.`);
    } else if (stored.config !== this.configKey) {
      this.notices.push(`${where} was written for another config; linting without it, and writing it anew.`);
    } else if (stored.strategy !== this.options.strategy) {
      this.notices.push(`${where} was written with --cache-strategy ${String(stored.strategy)}; linting without it, and writing it anew.`);
    } else {
      this.kept = stored.entries;
      this.changed = false;
    }
  }

  get(discovered: DiscoveredFile): FileContribution | undefined {
    const state = this.stateOf(discovered.absolute);
    if (!state) return undefined;
    this.seen.set(discovered.file, state);
    const entry = this.kept.get(discovered.file);
    if (!entry || entry.kind !== discovered.kind) return undefined;
    const unchanged = this.options.strategy === 'content' ? entry.hash === state.hash : entry.size === state.size && entry.mtimeMs === state.mtimeMs;
    if (!unchanged) return undefined;
    let contribution: FileContribution;
    try {
      contribution = revived(deserialize(entry.contribution)) as FileContribution;
    } catch {
      return undefined;
    }
    this.next.set(discovered.file, { ...entry, ...state });
    return contribution;
  }

  set(discovered: DiscoveredFile, contribution: FileContribution): void {
    this.changed = true;
    const state = this.seen.get(discovered.file);
    if (!state) return; // the file could not be looked at: nothing to compare with next time
    let form: Uint8Array;
    try {
      form = serialize(stored(contribution));
    } catch {
      return; // something the cache cannot keep exactly: the file is read every time
    }
    this.next.set(discovered.file, { kind: discovered.kind, ...state, contribution: form });
  }

  /**
   * Write the cache: the entries of this run's files only (a deleted or renamed file's entry goes). Nothing is written
   * when every file was kept and none went.
   */
  save(): void {
    if (!this.changed && this.next.size === this.kept.size) return;
    const data: Stored = { format: FORMAT, version: this.options.version, config: this.configKey, strategy: this.options.strategy, entries: this.next };
    const file = this.options.file;
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(temporary, serialize(data));
      renameSync(temporary, file);
    } catch (error) {
      rmSync(temporary, { force: true });
      this.notices.push(`the cache ${file} could not be written: ${(error as Error).message}`);
    }
  }

  private stateOf(absolute: string): { size: number; mtimeMs: number; hash?: string } | undefined {
    try {
      const stats = statSync(absolute);
      if (!stats.isFile()) return undefined;
      const state = { size: stats.size, mtimeMs: stats.mtimeMs };
      return this.options.strategy === 'content' ? { ...state, hash: hashOf(readFileSync(absolute)) } : state;
    } catch {
      return undefined;
    }
  }
}

function hashOf(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** JSON with maps and sets written out, for a key that changes whenever the config does. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (item instanceof Map ? { map: [...item] } : item instanceof Set ? { set: [...item] } : item));
}

// --- Contributions to and from their stored form ---------------------------------------------------------------
// Records carry their sources: objects that turn a path into a line and column. A YAML source holds its document's
// position index (flat arrays, src/parse/source.ts), not the document, so every source and the field mapping are
// stored field by field, and a file's sources share one index.

/** Marks a stored source or class instance. A record whose own data holds this key is not cached. */
const TAG = '\u0000soc2lint';

/** The classes a contribution may hold, stored field by field. */
const CLASSES: Record<string, object> = {
  YamlSource: YamlSource.prototype,
  PositionIndex: PositionIndex.prototype,
  MappedSource: MappedSource.prototype,
  Translation: Translation.prototype,
  CsvRowSource: CsvRowSource.prototype,
  FileSource: FileSource.prototype,
};

class Uncacheable extends Error {}

/** A contribution in the form the cache keeps. Throws Uncacheable for anything it could not give back exactly. */
function stored(value: unknown, memo = new Map<object, unknown>()): unknown {
  if (typeof value === 'function' || typeof value === 'symbol') throw new Uncacheable(typeof value);
  if (value === null || typeof value !== 'object') return value;
  const known = memo.get(value);
  if (known !== undefined) return known;
  const prototype = Object.getPrototypeOf(value) as object | null;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    memo.set(value, out);
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) throw new Uncacheable('sparse array');
      out.push(stored(value[i], memo));
    }
    return out;
  }
  if (prototype === Object.prototype) {
    if (TAG in value) throw new Uncacheable('tag');
    const out: Record<string, unknown> = {};
    memo.set(value, out);
    for (const [key, item] of Object.entries(value)) out[key] = stored(item, memo);
    return out;
  }
  if (value instanceof Map && prototype === Map.prototype) {
    const out = new Map<unknown, unknown>();
    memo.set(value, out);
    for (const [key, item] of value) out.set(stored(key, memo), stored(item, memo));
    return out;
  }
  if (value instanceof Set && prototype === Set.prototype) {
    const out = new Set<unknown>();
    memo.set(value, out);
    for (const item of value) out.add(stored(item, memo));
    return out;
  }
  // Typed arrays (a YAML source's positions) are kept as they are.
  if (ArrayBuffer.isView(value)) return value;
  const name = Object.keys(CLASSES).find((key) => CLASSES[key] === prototype);
  if (name === undefined) throw new Uncacheable(`an instance of ${(value as object).constructor?.name ?? 'a class'}`);
  const out: Record<string, unknown> = { [TAG]: name };
  memo.set(value, out);
  out.fields = stored({ ...(value as object) }, memo);
  return out;
}

/** A stored contribution made live again, in place: the stored form is read once per run. */
function revived(value: unknown, memo = new Map<object, unknown>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  const known = memo.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    memo.set(value, value);
    for (let i = 0; i < value.length; i++) value[i] = revived(value[i], memo);
    return value;
  }
  if (ArrayBuffer.isView(value)) return value;
  if (value instanceof Map) {
    const out = new Map<unknown, unknown>();
    memo.set(value, out);
    for (const [key, item] of value) out.set(revived(key, memo), revived(item, memo));
    return out;
  }
  if (value instanceof Set) {
    const out = new Set<unknown>();
    memo.set(value, out);
    for (const item of value) out.add(revived(item, memo));
    return out;
  }
  const object = value as Record<string, unknown>;
  const tag = object[TAG];
  if (tag === undefined) {
    memo.set(value, value);
    for (const key of Object.keys(object)) object[key] = revived(object[key], memo);
    return value;
  }
  const prototype = typeof tag === 'string' ? CLASSES[tag] : undefined;
  if (!prototype) throw new Error(`unknown stored class ${String(tag)}`);
  const instance = Object.create(prototype) as object;
  memo.set(value, instance);
  Object.assign(instance, revived(object.fields, memo));
  return instance;
}
