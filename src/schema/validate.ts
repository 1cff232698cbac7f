// The JSON Schemas in schemas/, compiled once per process (or precompiled by the build), and records checked against
// them: every mistake a problem at the exact key or value (the words are ./explain.ts's).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadShipped } from '../core/load-shipped.js';
import { join } from 'node:path';
import type { Ajv, Options, ValidateFunction } from 'ajv';
import type { Part, PathSegment, RecordSource } from '../parse/source.js';
import type { LoadProblem } from '../core/types.js';
import { packageRoot } from '../core/package-root.js';
import { explain, type Explained } from './explain.js';
import { FORMATS } from './formats.js';

const require = createRequire(import.meta.url);

/** The record-level schemas: what one record of each kind must look like. */
export const RECORD_SCHEMAS = {
  policy: 'policy.schema.json',
  control: 'control.schema.json#/definitions/control',
  scope: 'scope.schema.json',
  vendor: 'vendor.schema.json#/definitions/vendor',
  person: 'people.schema.json#/definitions/person',
  training: 'training.schema.json#/definitions/record',
  acknowledgment: 'acknowledgment.schema.json#/definitions/record',
  waiver: 'waivers.schema.json#/definitions/waiver',
  config: 'config.schema.json',
} as const;

export type SchemaName = keyof typeof RECORD_SCHEMAS;

const SCHEMA_FILES = ['common', 'policy', 'control', 'scope', 'vendor', 'people', 'training', 'acknowledgment', 'waivers', 'config', 'catalog'];
export const BASE_ID = 'https://soc2lint.dev/schemas/';

let documents: Map<string, Record<string, unknown>> | undefined;

/** The schema documents by $id, read on first use (a command that validates nothing reads none), then kept. */
function schemaDocuments(): Map<string, Record<string, unknown>> {
  documents ??= new Map(SCHEMA_FILES.map((name) => [BASE_ID + `${name}.schema.json`, JSON.parse(readFileSync(join(packageRoot, 'schemas', `${name}.schema.json`), 'utf8'))]));
  return documents;
}

/**
 * What every schema in schemas/ compiles under: Ajv's strict mode and nothing of soc2lint's own, since editors read
 * the same files (test/schema/standard.test.ts checks it with a plain Ajv). Union types (`type: [string, number]`)
 * are standard JSON Schema; `strictRequired` is off, as in Ajv's defaults, for evidence's `oneOf` of bare `required`.
 */
export const SCHEMA_OPTIONS = { strict: true, strictRequired: false, allowUnionTypes: true } as const;

/** An Ajv instance with soc2lint's options, formats and schemas: for the build-time precompiler and the fallback. */
export function newAjv(extra: Options = {}): Ajv {
  const { Ajv: AjvClass } = require('ajv') as typeof import('ajv');
  // verbose: the explanations read the schema that failed (a oneOf's branches, the fields an object allows).
  const ajv = new AjvClass({ allErrors: true, verbose: true, ...SCHEMA_OPTIONS, ...extra });
  for (const [name, format] of Object.entries(FORMATS)) ajv.addFormat(name, format);
  for (const schema of schemaDocuments().values()) ajv.addSchema(schema);
  return ajv;
}

let validators: Record<string, ValidateFunction> | undefined;

/**
 * The validators, precompiled by the build (dist/validators.cjs) or, when running from source without a build,
 * compiled here once. Either way the same schemas, options and formats.
 */
function loadValidators(): Record<string, ValidateFunction> {
  if (validators) return validators;
  const precompiled = join(packageRoot, 'dist', 'validators.cjs');
  if (existsSync(precompiled)) {
    validators = (loadShipped(precompiled, require) as (formats: typeof FORMATS) => Record<string, ValidateFunction>)(FORMATS);
  } else {
    const ajv = newAjv();
    validators = Object.fromEntries(Object.entries(RECORD_SCHEMAS).map(([name, ref]) => [name, ajv.getSchema(BASE_ID + ref)!]));
  }
  return validators;
}

export function validatorFor(name: SchemaName): ValidateFunction {
  const validate = loadValidators()[name];
  if (!validate) throw new Error(`soc2lint: no validator for ${name}`);
  return validate;
}

/**
 * Whether `key` is required in the object found at `parentPath` inside a record of `name` (numbers in the path step
 * into list items). Used to decide what to leave out of the model when a value breaks the schema.
 */
export function isRequired(name: SchemaName, parentPath: readonly PathSegment[], key: string): boolean {
  let schema = resolved(BASE_ID + RECORD_SCHEMAS[name]);
  for (const segment of parentPath) {
    if (!schema) return false;
    const next: unknown = typeof segment === 'number' ? schema.schema.items : (schema.schema.properties as Record<string, unknown> | undefined)?.[segment];
    schema = next && typeof next === 'object' ? resolved(schema.base, next as SchemaObject) : undefined;
  }
  return Array.isArray(schema?.schema.required) && (schema.schema.required as string[]).includes(key);
}

type SchemaObject = Record<string, unknown>;

/**
 * The keys a record of `name` may have in the mapping at `parentPath` (numbers step into list items), or undefined
 * when the schema does not close that mapping (a free-form value): what "an unknown field" is measured against.
 */
export function propertiesAt(name: SchemaName, parentPath: readonly PathSegment[]): string[] | undefined {
  let schema = resolved(BASE_ID + RECORD_SCHEMAS[name]);
  for (const segment of parentPath) {
    if (!schema) return undefined;
    const next: unknown = typeof segment === 'number' ? schema.schema.items : (schema.schema.properties as Record<string, unknown> | undefined)?.[segment];
    schema = next && typeof next === 'object' ? resolved(schema.base, next as SchemaObject) : undefined;
  }
  if (!schema || schema.schema.additionalProperties !== false) return undefined;
  return Object.keys((schema.schema.properties as object | undefined) ?? {});
}

/** A schema with its $ref followed, and the base URI that further relative $refs resolve against. */
function resolved(ref: string, schema?: SchemaObject): { base: string; schema: SchemaObject } | undefined {
  let base = ref.split('#')[0]!;
  let current: SchemaObject | undefined = schema ?? lookup(ref);
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 10; hops++) {
    const target: string = current.$ref.startsWith('#') ? base + current.$ref : new URL(current.$ref, base).href;
    base = target.split('#')[0]!;
    current = lookup(target);
  }
  return current ? { base, schema: current } : undefined;
}

/** A schema by URI with an optional JSON pointer fragment: `...control.schema.json#/definitions/control`. */
function lookup(uri: string): SchemaObject | undefined {
  const [file, pointer = ''] = uri.split('#');
  let node: unknown = schemaDocuments().get(file!);
  for (const key of pointer.split('/').filter(Boolean)) node = (node as SchemaObject | undefined)?.[key];
  return node && typeof node === 'object' ? (node as SchemaObject) : undefined;
}

/** The top-level properties a schema allows, e.g. the columns a CSV file may have. */
export function propertiesOf(name: SchemaName): { allowed: string[]; required: string[] } {
  const schema = (resolved(BASE_ID + RECORD_SCHEMAS[name])?.schema ?? {}) as { properties?: object; required?: string[] };
  return { allowed: Object.keys(schema.properties ?? {}), required: schema.required ?? [] };
}

/** A value that broke the schema: where it is, and whether it is an unknown key (which can simply be dropped). */
export interface Violation {
  path: PathSegment[];
  unknownKey: boolean;
}

/**
 * A caller's own words for some mistakes, where it knows the record better than the schema can say (the config
 * words its rule entries, see src/config/file.ts): the message, and where to point if not at the mistake itself.
 * Undefined keeps the schema's explanation.
 */
export type Reword = (mistake: Explained) => { message: string; path?: PathSegment[]; part?: Part } | undefined;

/**
 * Validate one record. Every violation becomes a problem located at the offending key or value, and is returned
 * as a path so the loader can leave the bad value out of the model instead of handing it to the rules.
 */
export function validateRecord(
  name: SchemaName,
  value: unknown,
  source: RecordSource,
  label: string,
  reword: Reword = () => undefined,
  limit = Infinity,
): { problems: LoadProblem[]; violations: Violation[]; total: number } {
  const validate = validatorFor(name);
  if (validate(value)) return { problems: [], violations: [], total: 0 };
  const explained = explain(validate.errors ?? [], value, limit);
  return {
    total: explained.length,
    // Only the first `limit` are put in words and placed; every one is a violation to prune.
    problems: explained.slice(0, limit).map((mistake) => {
      const own = reword(mistake);
      return own
        ? { kind: 'schema', message: own.message, range: source.at(own.path ?? mistake.path, own.part ?? mistake.part) }
        : { kind: 'schema', message: `${capitalize(label)}: ${mistake.message}`, range: source.at(mistake.path, mistake.part) };
    }),
    violations: explained.map(({ path, part }) => ({ path, unknownKey: part === 'key' })),
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
