// The fields soc2lint knows in each kind of record, and the keys a record writes beyond them. An unknown key does not
// make a record invalid: the loader sets it aside (the record keeps every valid field and takes part in every rule)
// and `unknown-field` reports it. Keys starting with `x-` are the writer's own and never reported.
import type { PathSegment } from '../parse/source.js';
import { propertiesAt, type SchemaName } from '../schema/validate.js';
import type { RecordKind } from './types.js';

/** The record kinds that are written as records of their own (a system is written inside the scope). */
export type FieldedKind = Exclude<RecordKind, 'system'>;

const SCHEMA_OF: Record<FieldedKind, SchemaName> = {
  policy: 'policy',
  control: 'control',
  scope: 'scope',
  vendor: 'vendor',
  person: 'person',
  training: 'training',
  acknowledgment: 'acknowledgment',
  waiver: 'waiver',
};

/** The config's name for the files of each kind (the key under `paths:` and `fields:`). */
export const FILES_OF: Record<FieldedKind, string> = {
  policy: 'policies',
  control: 'controls',
  scope: 'scope',
  vendor: 'vendors',
  person: 'people',
  training: 'training',
  acknowledgment: 'acknowledgments',
  waiver: 'waivers',
};

/**
 * The fields a record of `kind` knows in the mapping at `parentPath` (`[]`: the record's own fields; `['evidence',
 * 0]`: an evidence entry's), or undefined where any key goes. The loader and `unknown-field` both ask here: a
 * mapping of custom keys to fields from the config plugs in at this one place.
 */
export function knownFields(kind: FieldedKind, parentPath: readonly PathSegment[] = []): readonly string[] | undefined {
  // Every list item has the same fields: one schema walk per kind and path shape, whatever the program's size.
  const key = `${kind}:${parentPath.map((segment) => (typeof segment === 'number' ? '#' : segment)).join('/')}`;
  if (!cache.has(key)) cache.set(key, propertiesAt(SCHEMA_OF[kind], parentPath));
  return cache.get(key);
}

const cache = new Map<string, readonly string[] | undefined>();

/** A key that is the writer's own extension, never reported: `x-jira`, `x-review-notes`. */
export function isExtensionKey(key: string): boolean {
  return key.startsWith('x-');
}

/** A key found in a record that soc2lint does not know: the path to it (ending with the key). */
export interface FoundKey {
  path: PathSegment[];
  /** An `x-` key: set aside like any other, but not reported. */
  extension: boolean;
}

/** Every key in `value` (a record of `kind`) that its kind does not know, at any depth, in document order. */
export function unknownKeys(kind: FieldedKind, value: unknown, parentPath: PathSegment[] = []): FoundKey[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => unknownKeys(kind, item, [...parentPath, index]));
  if (value === null || typeof value !== 'object') return [];
  const known = knownFields(kind, parentPath);
  if (!known) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    known.includes(key) ? unknownKeys(kind, child, [...parentPath, key]) : [{ path: [...parentPath, key], extension: isExtensionKey(key) }],
  );
}

/** A copy of `value` without the keys at `paths` (each path ends with the key to remove). */
export function withoutKeys(value: unknown, paths: readonly (readonly PathSegment[])[]): unknown {
  if (paths.length === 0 || value === null || typeof value !== 'object') return value;
  const copy = structuredClone(value) as Record<string, unknown>;
  for (const path of paths) {
    let parent: unknown = copy;
    for (const segment of path.slice(0, -1)) parent = parent && typeof parent === 'object' ? (parent as Record<string, unknown>)[segment as string] : undefined;
    if (parent && typeof parent === 'object' && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[String(path[path.length - 1])];
  }
  return copy;
}
