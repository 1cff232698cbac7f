// The config schema, schemas/config.schema.json, made from the rules' metadata: every rule ID with its description,
// default severity and options schema, so an editor flags a misspelt rule or option while it is typed, and soc2lint
// checks rule options with the same file. `npm run schemas` writes it; test/schema/config-schema.test.ts fails when
// the committed file is out of date.
import type { AnyRule } from '../engine/rule.js';

type Schema = Record<string, unknown>;

/** The severity, written inside every branch: an error under a `$ref` would not say which branch it came from. */
const SEVERITY: Schema = { type: 'string', enum: ['off', 'warn', 'error'] };

/**
 * What a config may write for one rule: `warn`, `[warn]`, or `[warn, {options}]` when the rule takes options. Each
 * list is a full tuple (its length fixed), so the schema passes Ajv's strict mode as it is, without options.
 */
function ruleEntry(rule: AnyRule): Schema {
  const { id, description, defaultSeverity, options } = rule.meta;
  const takes = options ? ` Options: ${Object.keys(options.defaults as object).join(', ')}; \`soc2lint explain ${id}\` describes them.` : '';
  return {
    description: `${description} Default: ${defaultSeverity}.${takes}`,
    default: defaultSeverity,
    oneOf: [
      SEVERITY,
      { type: 'array', minItems: 1, maxItems: 1, items: [SEVERITY] },
      ...(options ? [{ type: 'array', minItems: 2, maxItems: 2, items: [SEVERITY, options.schema] }] : []),
    ],
  };
}

/** The whole config schema. Everything but `definitions.rules` is written here by hand. */
export function configSchema(rules: readonly AnyRule[]): Schema {
  const sorted = [...rules].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://soc2lint.dev/schemas/config.schema.json',
    $comment: 'Generated from the rules by `npm run schemas` (src/build/config-schema.ts). Do not edit.',
    title: 'soc2lint configuration',
    description: 'soc2lint.config.yaml at the repo root, or a config file it extends. Every key is optional.',
    type: 'object',
    additionalProperties: false,
    properties: {
      extends: {
        description: 'Presets (soc2lint:recommended, soc2lint:strict) or config files (relative to this file) to start from, merged in order before this file.',
        oneOf: [
          { type: 'string', minLength: 1 },
          { type: 'array', items: { type: 'string', minLength: 1 } },
        ],
      },
      as_of: {
        description: 'The date to evaluate against (default: today in UTC). --now overrides it.',
        $ref: 'common.schema.json#/definitions/date',
      },
      holidays: {
        description: 'Public holidays (YYYY-MM-DD) that do not count as business days, for deadlines given in business days (late-offboarding).',
        type: 'array',
        uniqueItems: true,
        items: { $ref: 'common.schema.json#/definitions/date' },
      },
      paths: {
        description: 'Glob patterns, relative to the repo root, per file kind.',
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          [...KINDS, 'populations'].map((kind) => [kind, { $ref: '#/definitions/globs' }]),
        ),
      },
      ignore: { $ref: '#/definitions/globs' },
      format: {
        description: 'How the program is written: native (soc2lint\'s own files) or comply (strongdm/comply documents, procedures and standards). Default: comply when comply.yml exists at the root, else native.',
        type: 'string',
        enum: ['native', 'comply'],
      },
      fields: {
        description: 'Per file kind, the program\'s own key for each field soc2lint reads: approved_on: approval_date. A key may be a dotted path (satisfies.TSC) or a list of candidates, the first one present winning.',
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(KINDS.map((kind) => [kind, { type: 'object', additionalProperties: { $ref: '#/definitions/someKeys' } }])),
      },
      defaults: {
        description: 'Per file kind, values for fields the program never records (owner: security@acme.example, review_every: annual).',
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(KINDS.map((kind) => [kind, { type: 'object' }])),
      },
      coverage: {
        description: 'What counts toward criteria coverage: controls, approved policies, or both. Default: both in a comply program; else controls when the program has controls, policies when it has none.',
        type: 'string',
        enum: ['controls', 'policies', 'both'],
      },
      sampling: {
        description:
          "The audit firm's sample sizes, for `soc2lint audit`: frequency sets the samples per control frequency (those not written keep their defaults); event replaces the table by population size: bands smallest first, each with the largest population it holds (max) and the sample (a count, a percentage such as 10%, or all); the last band has no max. docs/audit.md lists the defaults.",
        type: 'object',
        additionalProperties: false,
        properties: {
          frequency: {
            type: 'object',
            additionalProperties: false,
            properties: Object.fromEntries(['continuous', 'daily', 'weekly', 'monthly', 'quarterly', 'semiannual', 'annual'].map((frequency) => [frequency, { type: 'integer', minimum: 1 }])),
          },
          event: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['size'],
              properties: {
                max: { type: 'integer', minimum: 0 },
                size: {
                  description: 'How many to sample: a whole number, a percentage of the population (10%, rounded up) or all.',
                  oneOf: [
                    { type: 'integer', minimum: 1 },
                    { type: 'string', pattern: '^(all|(100|[1-9][0-9]?)%)$' },
                  ],
                },
              },
            },
          },
        },
      },
      rules: { $ref: '#/definitions/rules' },
      overrides: {
        description:
          'Rule severities for some files: each entry\'s rules apply to findings in files matching files and not excludedFiles (globs relative to the repo root). Severities only; options are set under the top-level rules.',
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['files', 'rules'],
          properties: {
            files: { $ref: '#/definitions/someGlobs' },
            excludedFiles: { $ref: '#/definitions/globs' },
            rules: { $ref: '#/definitions/rules' },
          },
        },
      },
    },
    definitions: {
      rules: {
        description: 'rule-id: off | warn | error, or [severity, {options}]. `soc2lint rules` lists the rules.',
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(sorted.map((rule) => [rule.meta.id, ruleEntry(rule)])),
      },
      globs: {
        oneOf: [
          { type: 'string', minLength: 1 },
          { type: 'array', items: { type: 'string', minLength: 1 } },
        ],
      },
      someKeys: {
        oneOf: [
          { type: 'string', minLength: 1 },
          { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
        ],
      },
      someGlobs: {
        oneOf: [
          { type: 'string', minLength: 1 },
          { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
        ],
      },
    },
  };
}

const KINDS = ['policies', 'controls', 'scope', 'vendors', 'people', 'training', 'acknowledgments', 'waivers'];

const WIDTH = 120;

/**
 * JSON laid out the way the hand-written schemas are: a value on one line when it fits in 120 columns, else one
 * entry per line. Stable, so a change to one rule is a small diff.
 */
export function formatJson(value: unknown, indent = '', lead = 0): string {
  const flat = inline(value);
  if (value === null || typeof value !== 'object' || indent.length + lead + flat.length <= WIDTH) return flat;
  const inner = `${indent}  `;
  const lines = Array.isArray(value)
    ? value.map((item) => inner + formatJson(item, inner))
    : Object.entries(value).map(([key, item]) => `${inner}${JSON.stringify(key)}: ${formatJson(item, inner, JSON.stringify(key).length + 2)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return lines.length === 0 ? `${open}${close}` : `${open}\n${lines.join(',\n')}\n${indent}${close}`;
}

function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${inline(item)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value);
}

/** The file's text, as `npm run schemas` writes it and the test compares it. */
export function configSchemaText(rules: readonly AnyRule[]): string {
  return `${formatJson(configSchema(rules))}\n`;
}
