// Ajv's errors in words: what is wrong, at which key or value, and how to fix it. One explanation per mistake, not
// one per schema branch that failed.
import type { ErrorObject } from 'ajv';
import { INTERVAL_PATTERN } from '../core/dates.js';
import { didYouMean } from '../core/suggest.js';
import type { PathSegment } from '../parse/source.js';

/** One mistake in a record. */
export interface Explained {
  /** Where: the value, or for an unknown field its key (the path then ends with the field). */
  path: PathSegment[];
  part: 'key' | 'value';
  /** The schema keyword that failed: `required`, `additionalProperties`, `enum`, `minimum`... */
  keyword: string;
  /** What is wrong, without naming the field: `must be >= 0.` (a caller may name the field its own way). */
  problem: string;
  /** The value at `path` (for an unknown field, the value under it). */
  value: unknown;
  /** For an unknown field: the fields allowed where it is. */
  allowed?: string[];
  /** The whole sentence: `"evidence[0].date" must be a calendar date written YYYY-MM-DD ...`. */
  message: string;
}

/**
 * A value fits a `oneOf` branch unless the branch fails on the value's very shape (a list where a string goes, a
 * list of the wrong length): then it is not the branch the writer meant, and its errors are noise.
 */
const SHAPE_KEYWORDS = new Set(['type', 'minItems', 'maxItems']);

export function explain(errors: readonly ErrorObject[], root: unknown): Explained[] {
  // A value that is not a date at all also fails the date pattern; the format message says it better.
  const formatPaths = new Set(errors.filter((e) => e.keyword === 'format').map((e) => e.instancePath));
  // A bad key (`propertyNames`) is explained by the keyword it breaks, at the key; Ajv's wrapper error says less.
  const badKeys = new Set(errors.filter((e) => e.propertyName !== undefined).map((e) => e.instancePath));
  // A value of the wrong type for the field (a string where an evidence entry goes) fails every `oneOf` shape too;
  // the type says it once.
  const wrongType = errors.filter((e) => e.keyword === 'type');
  const shadowedOneOf = (e: ErrorObject) =>
    e.keyword === 'oneOf' && wrongType.some((t) => t.instancePath === e.instancePath && !t.schemaPath.startsWith(`${e.schemaPath}/`));
  const kept = withoutNoise(errors).filter(
    (e) => !(e.keyword === 'pattern' && formatPaths.has(e.instancePath)) && !(e.keyword === 'propertyNames' && badKeys.has(e.instancePath)) && !shadowedOneOf(e),
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

/**
 * For each failed `oneOf`: when exactly one branch fits the value's shape, its errors say what is wrong (`fatal` is
 * not a severity) and the `oneOf` and the other branches are dropped. Otherwise the `oneOf` explains itself better
 * than the failures of each branch at that value. Needs Ajv's `verbose` (the branches are read from `error.schema`).
 */
function withoutNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  for (const oneOf of errors) {
    if (oneOf.keyword !== 'oneOf' || dropped.has(oneOf)) continue;
    const branchCount = Array.isArray(oneOf.schema) ? oneOf.schema.length : 0;
    const branches = Array.from({ length: branchCount }, (_, i) => errors.filter((e) => branchOf(oneOf, e) === i));
    const fitting = branches.flatMap((branch, i) =>
      branch.some((e) => e.instancePath === oneOf.instancePath && SHAPE_KEYWORDS.has(e.keyword)) ? [] : [i],
    );
    if (fitting.length === 1) {
      dropped.add(oneOf);
      branches.forEach((branch, i) => i !== fitting[0] && branch.forEach((e) => dropped.add(e)));
    } else {
      for (const e of branches.flat()) if (e.instancePath === oneOf.instancePath) dropped.add(e);
    }
  }
  // An `if` fails only with its `then` or `else` branch, whose own errors say what is wrong ("missing date").
  return errors.filter((e) => !dropped.has(e) && e.keyword !== 'if');
}

/** The index of the `oneOf` branch an error comes from, or undefined when it comes from elsewhere. */
function branchOf(oneOf: ErrorObject, error: ErrorObject): number | undefined {
  if (error === oneOf || !error.schemaPath.startsWith(`${oneOf.schemaPath}/`)) return undefined;
  if (error.instancePath !== oneOf.instancePath && !error.instancePath.startsWith(`${oneOf.instancePath}/`)) return undefined;
  const index = Number(error.schemaPath.slice(oneOf.schemaPath.length + 1).split('/')[0]);
  return Number.isInteger(index) ? index : undefined;
}

function explainOne(error: ErrorObject, root: unknown): Explained {
  const params = error.params as Record<string, unknown>;
  const keyword = error.keyword;
  if (error.propertyName !== undefined) {
    // The key itself breaks the schema (`propertyNames`): point at it, and judge the key as the value.
    const path = [...toPath(error.instancePath), error.propertyName];
    const problem = explainOne({ ...error, propertyName: undefined, instancePath: '' }, error.propertyName).problem;
    return { path, part: 'key', keyword, problem, value: error.propertyName, message: `the key "${error.propertyName}" in "${fieldName(path.slice(0, -1))}" ${problem}` };
  }
  const path = toPath(error.instancePath);
  const field = fieldName(path);
  const value = valueAt(root, path);
  const about = (problem: string): Explained => ({ path, part: 'value', keyword, problem, value, message: `"${field}" ${problem}` });
  switch (keyword) {
    case 'required': {
      const problem = `is missing the required field "${String(params.missingProperty)}". Add it.`;
      return { path, part: 'value', keyword, problem, value, message: path.length ? `"${field}" ${problem}` : problem.replace(/^is /, '') };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {});
      const hint = didYouMean(extra, allowed) || ` Allowed fields: ${allowed.join(', ')}.`;
      return {
        path: [...path, extra],
        part: 'key',
        keyword,
        problem: `has an unknown field "${extra}".${hint}`,
        value: valueAt(value, [extra]),
        allowed,
        message: `unknown field "${extra}"${path.length ? ` in ${field}` : ''}.${hint}`,
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      return about(`must be one of ${allowed.join(', ')}; found ${show(value)}.${typeof value === 'string' ? didYouMean(value, allowed) : ''}`);
    }
    case 'type':
      return about(`must be ${article(String(params.type))}; found ${describeType(value)}.`);
    case 'format':
      return about(`${formatHint(String(params.format))}; found ${show(value)}.`);
    case 'pattern':
      return about(`${patternHint(String(params.pattern))}; found ${show(value)}.`);
    case 'minLength':
      return about(Number(params.limit) <= 1 ? 'must not be empty.' : `must be at least ${String(params.limit)} characters; write it out.`);
    case 'maxLength':
      return about(`must be at most ${String(params.limit)} characters.`);
    case 'uniqueItems':
      return about('lists the same value twice; list each once.');
    case 'oneOf':
      return about(oneOfHint(field, value));
    case 'minItems':
    case 'maxItems':
      return about(`${error.message ?? 'has the wrong number of items'}.`);
    default:
      return about(`${error.message ?? 'is invalid'}.`);
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
export function fieldName(path: readonly PathSegment[]): string {
  let name = '';
  for (const segment of path) name += typeof segment === 'number' ? `[${segment}]` : name ? `.${segment}` : segment;
  return name || 'record';
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  // JSON has no infinity or NaN (`.inf`, `.nan` in YAML): JSON.stringify would call them null.
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'not a number (.nan)' : value > 0 ? 'infinity (.inf)' : 'minus infinity (-.inf)';
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value, (_key, item: unknown) => (typeof item === 'number' && !Number.isFinite(item) ? String(item) : item));
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
  if (pattern.endsWith('%)$')) return 'must be a whole number of at least 1, a percentage such as 10%, or all'; // sampling.event[].size
  return 'must start with a letter or digit and contain only letters, digits and . _ - @ +';
}

/** What is wrong with a value that fits none of a `oneOf`'s shapes, without naming the field. */
function oneOfHint(field: string, value: unknown): string {
  if (field.startsWith('evidence[')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'must be a mapping with a "path" (a file in the repo) or a "url", and a "date".';
    const entry = value as Record<string, unknown>;
    return 'path' in entry && 'url' in entry
      ? 'has both "path" and "url"; an evidence entry points at one of them. Split it in two.'
      : 'needs a "path" (a file in the repo) or a "url".';
  }
  return 'does not have any of the allowed shapes.';
}
