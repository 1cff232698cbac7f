// A program's own keys read as soc2lint's fields. Records keep soc2lint's field names; their source maps each native
// path back to the key the program wrote, so `policy.source.at(['approved_on'])` points at `approval_date:` (or at
// comply's newest `majorRevisions` date) and every rule reports at the program's own line without knowing the mapping.
import type { FieldSource } from './fields.js';
import type { Part, PathSegment, RecordSource } from '../parse/source.js';
import { parseWrittenDate } from '../core/dates.js';
import type { SourceRange } from '../core/types.js';

type Raw = Record<string, unknown>;

/** Per native field, the program's keys for it (each a path: `satisfies.TSC` is `['satisfies', 'TSC']`), first present wins. */
export type FieldMap = Readonly<Record<string, readonly (readonly string[])[]>>;

/** A record in native field names, with where each field (or each item of a list field) is written. */
export class Translation {
  readonly value: Raw = {};
  /** Fields written under another key than their own; a field not here is written under its own name. */
  private fields: Map<string, readonly PathSegment[]> | undefined;
  private items: Map<string, (readonly PathSegment[])[]> | undefined;
  /** Fields written empty; see `empty`. */
  private emptied: Set<string> | undefined;

  set(field: string, value: unknown, written: readonly PathSegment[]): void {
    this.value[field] = value;
    // Most fields are written under their own name (every field of soc2lint's own format): nothing to keep for them.
    if (written.length === 1 && written[0] === field) this.fields?.delete(field);
    else (this.fields ??= new Map()).set(field, written);
  }

  /** A list gathered from several places (comply's `satisfies` of every standard): each item keeps its own place. */
  setList(field: string, list: { value: unknown; written: readonly PathSegment[] }[], whole: readonly PathSegment[]): void {
    this.set(field, list.map((item) => item.value), whole);
    (this.items ??= new Map()).set(field, list.map((item) => item.written));
  }

  /** Forget a field written empty: it is absent, as if never written, though findings may still point at it. */
  empty(field: string): void {
    delete this.value[field];
    (this.emptied ??= new Set()).add(field);
  }

  isEmptied(field: PathSegment | undefined): boolean {
    return typeof field === 'string' && this.emptied !== undefined && this.emptied.has(field);
  }

  /** Whether every field is written under its own name, none gathered or written empty: paths are the program's own. */
  get changesNoPath(): boolean {
    return (this.fields === undefined || this.fields.size === 0) && this.items === undefined && this.emptied === undefined;
  }

  /** The program's path for a native path: `['criteria', 2]` → `['satisfies', 'TSC', 2]`. */
  written(path: readonly PathSegment[]): readonly PathSegment[] {
    const [field, index, ...rest] = path;
    if (typeof field !== 'string') return path;
    const items = this.items?.get(field);
    if (items && typeof index === 'number' && items[index]) return [...items[index]!, ...rest];
    const at = this.fields?.get(field);
    return at ? [...at, ...path.slice(1)] : path;
  }

  /**
   * The program's own keys the mapping reads (every candidate the config names, and a format's keys such as comply's
   * `majorRevisions`), whether written in this record or not. With the native fields of the kind, these are the
   * record's known keys: any other key is passed through under its own name, for the schema to report.
   */
  readonly consumed = new Set<string>();
}

/** A record's source seen through its translation: native paths in, the program's lines out. */
export class MappedSource implements RecordSource, FieldSource<never> {
  constructor(
    private readonly inner: RecordSource,
    private readonly translation: Translation,
  ) {}

  get file(): string {
    return this.inner.file;
  }

  at(path: readonly PathSegment[] = [], part?: Part): SourceRange {
    return this.inner.at(this.translation.written(path), part);
  }

  has(path: readonly PathSegment[]): boolean {
    return !this.translation.isEmptied(path[0]) && this.inner.has(this.translation.written(path));
  }
}

export function valueAt(raw: unknown, path: readonly PathSegment[]): unknown {
  let value = raw;
  for (const segment of path) value = value && typeof value === 'object' ? (value as Raw)[segment as string] : undefined;
  return value;
}

/** Absent as real programs write it: not there, `null`, `~` or an empty string. */
export function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Read `raw` through `map`: each mapped field from its first candidate that is present, every other key as it is (so a
 * key that is neither native nor mapped still breaks the schema). A candidate's top-level key is never also kept as
 * a key of its own: `approval_date` mapped to `approved_on` is not an unknown `approval_date`.
 */
export function translate(raw: Raw, map: FieldMap, format?: (translation: Translation) => Iterable<string>): Translation {
  const translation = new Translation();
  const consumed = translation.consumed;
  for (const [field, candidates] of Object.entries(map)) {
    for (const path of candidates) consumed.add(path[0]!);
    const found = candidates.find((path) => !isAbsent(valueAt(raw, path)));
    if (found && !(field in translation.value)) translation.set(field, valueAt(raw, found), found);
  }
  // A format's own reading (comply's) fills what the config did not map, and names the keys it read.
  for (const key of format?.(translation) ?? []) consumed.add(key);
  for (const [key, value] of Object.entries(raw)) {
    if (!consumed.has(key) && !(key in translation.value)) translation.set(key, value, [key]);
  }
  return translation;
}

/**
 * A record read through a mapping (the config's `fields:` or `defaults:` for its kind, or comply) is read as real
 * programs write it: a top-level field written empty (`""`, `~`, `null`) is absent. soc2lint's own format stays strict:
 * there an empty value is a mistake the schema reports at its line.
 */
export function emptyToAbsent(translation: Translation): void {
  for (const [key, item] of Object.entries(translation.value)) if (isAbsent(item)) translation.empty(key);
}

/** Fields holding dates, in any record kind. */
const DATE_FIELDS = new Set(['approved_on', 'last_reviewed', 'next_review', 'start', 'end', 'date', 'period_end', 'through', 'expires']);
/** Fields whose values are keywords, matched without regard to case. */
const KEYWORD_FIELDS = new Set(['status', 'criticality', 'frequency', 'kind', 'type']);
/** How programs say a policy is in force. */
const APPROVED_SYNONYMS = new Set(['published', 'active', 'effective', 'final', 'current', 'in effect']);

export interface NormalisationProblem {
  path: PathSegment[];
  message: string;
  /** The path is the program's own (comply's `majorRevisions[2].date`), not a native one. */
  written?: boolean;
  /** The value was needed for a required field: the record is unusable, and this problem says why (no second one). */
  fatal?: boolean;
}

/**
 * Values as real programs write them, made native: keywords in any case (`Approved`, `Published` for a policy), dates
 * in written forms (`Jun 1 2018`). A numeric date such as `03/04/2026` could be either of two days: it is removed and
 * reported, never guessed. Empty top-level fields are left to the caller (see emptyToAbsent).
 */
export function normalise(value: Raw, kind: 'policy' | 'other', problems: NormalisationProblem[], path: PathSegment[] = []): void {
  // Called for every record and every mapping in it: a path is built only for a problem or a mapping below.
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item = value[key];
    if (typeof item === 'string' && DATE_FIELDS.has(key) && !isAbsent(item)) {
      const read = parseWrittenDate(item);
      if (read && 'date' in read) value[key] = read.date;
      else if (read) {
        delete value[key];
        problems.push({ path: [...path, key], message: `"${item}" could be either of two days (month/day or day/month). Write it as YYYY-MM-DD.` });
      }
    } else if (typeof item === 'string' && KEYWORD_FIELDS.has(key)) {
      const lower = item.trim().toLowerCase();
      value[key] = kind === 'policy' && key === 'status' && APPROVED_SYNONYMS.has(lower) ? 'approved' : lower;
    } else if (Array.isArray(item)) {
      item.forEach((entry, index) => {
        if (entry && typeof entry === 'object' && !Array.isArray(entry)) normalise(entry as Raw, 'other', problems, [...path, key, index]);
      });
    } else if (item && typeof item === 'object') {
      normalise(item as Raw, 'other', problems, [...path, key]);
    }
  }
}
