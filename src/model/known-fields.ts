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
  return knownAt(kind, shapeOf(parentPath), parentPath);
}

/** A path's shape: its keys, with `#` for every list index (every list item has the same fields). */
function shapeOf(path: readonly PathSegment[]): string {
  return path.map((segment) => (typeof segment === 'number' ? '#' : segment)).join('/');
}

/** The fields known at a path of the given shape: one schema walk per kind and shape, whatever the program's size. */
function knownAt(kind: FieldedKind, shape: string, path: readonly PathSegment[]): readonly string[] | undefined {
  const key = `${kind}:${shape}`;
  if (!cache.has(key)) cache.set(key, propertiesAt(SCHEMA_OF[kind], path));
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
  const found: FoundKey[] = [];
  // One walk; the path and its shape are built as it goes down, and copied only for a key it reports.
  const path = [...parentPath];
  const walk = (item: unknown, shape: string): void => {
    if (Array.isArray(item)) {
      const itemShape = shape === '' ? '#' : `${shape}/#`;
      for (let index = 0; index < item.length; index++) {
        path.push(index);
        walk(item[index], itemShape);
        path.pop();
      }
      return;
    }
    if (item === null || typeof item !== 'object') return;
    const known = knownAt(kind, shape, path);
    if (!known) return;
    for (const [key, child] of Object.entries(item as Record<string, unknown>)) {
      path.push(key);
      if (known.includes(key)) walk(child, shape === '' ? key : `${shape}/${key}`);
      else found.push({ path: [...path], extension: isExtensionKey(key) });
      path.pop();
    }
  };
  walk(value, shapeOf(parentPath));
  return found;
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
