// The JSON Schemas in schemas/, compiled once per process, and ajv errors turned into findings at the exact key or value.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv, ErrorObject, Options, ValidateFunction } from 'ajv';
import { INTERVAL_PATTERN } from '../core/dates.js';
import { didYouMean } from '../core/suggest.js';
import type { PathSegment, RecordSource } from '../parse/source.js';
import type { LoadProblem } from '../core/types.js';
import { packageRoot } from '../core/package-root.js';
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

/** The schema documents by $id, read once. */
const documents = new Map<string, Record<string, unknown>>(
  SCHEMA_FILES.map((name) => [BASE_ID + `${name}.schema.json`, JSON.parse(readFileSync(join(packageRoot, 'schemas', `${name}.schema.json`), 'utf8'))]),
);

/**
 * What every schema in schemas/ compiles under: Ajv's strict mode and nothing of soc2lint's own, since editors read
 * the same files (test/schema/standard.test.ts checks it with a plain Ajv). Union types (`type: [string, number]`)
 * are standard JSON Schema; `strictRequired` is off, as in Ajv's defaults, for evidence's `oneOf` of bare `required`.
 * `strictTuples` is off until the config schema's `[severity, {options}]` is written as full tuples.
 */
export const SCHEMA_OPTIONS = { strict: true, strictRequired: false, strictTuples: false, allowUnionTypes: true } as const;

/** An Ajv instance with soc2lint's options, formats and schemas: for the build-time precompiler and the fallback. */
export function newAjv(extra: Options = {}): Ajv {
  const { Ajv: AjvClass } = require('ajv') as typeof import('ajv');
  const ajv = new AjvClass({ allErrors: true, verbose: true, ...SCHEMA_OPTIONS, ...extra });
  for (const [name, format] of Object.entries(FORMATS)) ajv.addFormat(name, format);
  for (const schema of documents.values()) ajv.addSchema(schema);
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
    validators = (require(precompiled) as (formats: typeof FORMATS) => Record<string, ValidateFunction>)(FORMATS);
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
  let node: unknown = documents.get(file!);
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
 * Validate one record. Every violation becomes a problem located at the offending key or value, and is returned
 * as a path so the loader can leave the bad value out of the model instead of handing it to the rules.
 */
export function validateRecord(
  name: SchemaName,
  value: unknown,
  source: RecordSource,
  label: string,
): { problems: LoadProblem[]; violations: Violation[] } {
  const validate = validatorFor(name);
  if (validate(value)) return { problems: [], violations: [] };
  const explained = explain(validate.errors ?? [], value);
  return {
    problems: explained.map(({ path, part, message }) => ({ kind: 'schema', message: `${capitalize(label)}: ${message}`, range: source.at(path, part) })),
    violations: explained.map(({ path, part }) => ({ path, unknownKey: part === 'key' })),
  };
}

interface Explained {
  path: PathSegment[];
  part: 'key' | 'value';
  message: string;
}

function explain(errors: ErrorObject[], root: unknown): Explained[] {
  // A oneOf failure explains itself better than the failures of each of its branches.
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  // A value that is not a date at all also fails the date pattern; the format message says it better.
  const formatPaths = new Set(errors.filter((e) => e.keyword === 'format').map((e) => e.instancePath));
  const kept = errors.filter(
    (e) =>
      (e.keyword === 'oneOf' || !(oneOfPaths.has(e.instancePath) && e.schemaPath.includes('/oneOf/'))) &&
      !(e.keyword === 'pattern' && formatPaths.has(e.instancePath)),
  );
  const seen = new Set<string>();
  const result: Explained[] = [];
  for (const error of kept) {
    const explained = explainOne(error, root);
    const key = `${explained.path.join('/')}|${explained.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      result.push(explained);
    }
  }
  return result;
}

function explainOne(error: ErrorObject, root: unknown): Explained {
  const path = toPath(error.instancePath);
  const field = fieldName(path);
  const value = valueAt(root, path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      return { path, part: 'value', message: `${path.length ? `"${fieldName(path)}" is missing` : 'missing'} the required field "${missing}". Add it.` };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {});
      return {
        path: [...path, extra],
        part: 'key',
        message: `unknown field "${extra}"${path.length ? ` in ${field}` : ''}.${didYouMean(extra, allowed) || ` Allowed fields: ${allowed.join(', ')}.`}`,
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      return {
        path,
        part: 'value',
        message: `"${field}" must be one of ${allowed.join(', ')}; found ${show(value)}.${typeof value === 'string' ? didYouMean(value, allowed) : ''}`,
      };
    }
    case 'type':
      return { path, part: 'value', message: `"${field}" must be ${article(String(params.type))}; found ${describeType(value)}.` };
    case 'format':
      return { path, part: 'value', message: `"${field}" ${formatHint(String(params.format))}; found ${show(value)}.` };
    case 'pattern':
      return { path, part: 'value', message: `"${field}" ${patternHint(String(params.pattern))}; found ${show(value)}.` };
    case 'minLength':
      return {
        path,
        part: 'value',
        message: Number(params.limit) <= 1 ? `"${field}" must not be empty.` : `"${field}" must be at least ${String(params.limit)} characters; write it out.`,
      };
    case 'maxLength':
      return { path, part: 'value', message: `"${field}" must be at most ${String(params.limit)} characters.` };
    case 'uniqueItems':
      return { path, part: 'value', message: `"${field}" lists the same value twice; list each once.` };
    case 'oneOf':
      return { path, part: 'value', message: oneOfHint(field, value) };
    case 'minItems':
    case 'maxItems':
      return { path, part: 'value', message: `"${field}" ${error.message ?? 'has the wrong number of items'}.` };
    default:
      return { path, part: 'value', message: `"${field}" ${error.message ?? 'is invalid'}.` };
  }
}

function toPath(instancePath: string): PathSegment[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function valueAt(root: unknown, path: PathSegment[]): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment as string];
  }
  return value;
}

/** `criteria[2]`, `evidence[0].date`, `status`. */
function fieldName(path: PathSegment[]): string {
  let name = '';
  for (const segment of path) name += typeof segment === 'number' ? `[${segment}]` : name ? `.${segment}` : segment;
  return name || 'record';
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

function describeType(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${article(typeof value)} (${show(value)})`;
}

function article(type: string): string {
  const names: Record<string, string> = {
    string: 'a string',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping',
    null: 'empty',
  };
  return type
    .split(',')
    .map((t) => names[t] ?? t)
    .join(' or ');
}

function formatHint(format: string): string {
  switch (format) {
    case 'date':
      return 'must be a calendar date written YYYY-MM-DD (for example 2026-01-31)';
    case 'email':
      return 'must be an e-mail address';
    case 'uri':
      return 'must be a full URL (https://...)';
    default:
      return `must match the ${format} format`;
  }
}

/** What a schema pattern asks for, in words. */
function patternHint(pattern: string): string {
  if (pattern === INTERVAL_PATTERN) return 'must be daily, weekly, monthly, quarterly, semiannual, annual, or an ISO 8601 duration such as P6M or P90D';
  if (pattern.startsWith('^[a-z0-9]+(-')) return 'must be a lowercase tag with dashes, such as access-review';
  if (pattern.includes('\\d{2}-\\d{2}$')) return 'must be a calendar date written YYYY-MM-DD (for example 2026-01-31)';
  return 'must start with a letter or digit and contain only letters, digits and . _ - @ +';
}

function oneOfHint(field: string, value: unknown): string {
  if (field.startsWith('evidence[')) {
    const entry = (value ?? {}) as Record<string, unknown>;
    return 'path' in entry && 'url' in entry
      ? `"${field}" has both "path" and "url"; an evidence entry points at one of them. Split it in two.`
      : `"${field}" needs a "path" (a file in the repo) or a "url".`;
  }
  return `"${field}" does not have any of the allowed shapes.`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
