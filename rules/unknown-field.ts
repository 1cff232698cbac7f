// Keys soc2lint does not know: the record still loads and every other rule reads it, but the key's value is read by
// nobody, so a misspelt `ownr:` or a team's own `approver:` would silently hide an owner or an approval. Suggests the
// field meant (typos and common synonyms) and, for a synonym, the `fields:` line that maps it.
import { closest } from '../src/core/suggest.js';
import { defineRule } from '../src/engine/rule.js';
import { FILES_OF, knownFields } from '../src/model/known-fields.js';
import type { PathSegment, UnknownField } from '../src/model/types.js';

/** What other programs call soc2lint's fields, by key written in snake_case. */
const SYNONYMS: Readonly<Record<string, string>> = {
  name: 'title',
  approver: 'approved_by',
  approval_date: 'approved_on',
  tsc_criteria: 'criteria',
  soc2_criteria: 'criteria',
  satisfies: 'criteria',
  next_review_date: 'next_review',
  last_review_date: 'last_reviewed',
  review_frequency: 'review_every',
  document_owner: 'owner',
};

export default defineRule({
  meta: {
    id: 'unknown-field',
    description: 'A key soc2lint does not know in a record or a CSV header: its value is ignored. Suggests the field meant, for typos and common synonyms.',
    defaultSeverity: 'warn',
    reads: ['problems'],
    perFile: true,
    // {{field}}: the key with its path in the record (`evidence[0].reviewer`); {{key}}: the key alone.
    messages: {
      unknown: 'Unknown field "{{field}}" in {{record}}; soc2lint ignores it. Remove it, or rename it to "x-{{key}}" to keep it as your own.',
      typo: 'Unknown field "{{field}}" in {{record}}; soc2lint ignores it. Did you mean "{{suggestion}}"? Rename it.',
      synonym: 'Unknown field "{{field}}" in {{record}}; soc2lint ignores it. It reads like "{{suggestion}}": rename it, or map it in soc2lint.config.yaml with `{{mapping}}`.',
      besideList: 'Unknown key "{{key}}" in {{record}}, beside the "{{list}}:" list; soc2lint ignores it. Remove it, or rename it to "x-{{key}}" to keep it as your own.',
    },
  },
  check({ model, report }) {
    for (const unknown of model.unknownFields) {
      const key = String(unknown.path[unknown.path.length - 1]);
      const data = { field: fieldName(unknown.path), key, record: unknown.label };
      if (unknown.beside !== undefined) {
        report({ messageId: 'besideList', data: { key, record: unknown.label, list: unknown.beside }, at: unknown.at });
        continue;
      }
      const meant = suggestion(unknown, key);
      if (!meant) report({ messageId: 'unknown', data, at: unknown.at });
      else if (meant.synonym) report({ messageId: 'synonym', data: { ...data, suggestion: meant.field, mapping: mapping(unknown, meant.field, key) }, at: unknown.at });
      else report({ messageId: 'typo', data: { ...data, suggestion: meant.field }, at: unknown.at });
    }
  },
});

/** The field the key most likely means, among those its record knows and does not already write. */
function suggestion(unknown: UnknownField, key: string): { field: string; synonym: boolean } | undefined {
  const parent = unknown.path.slice(0, -1);
  const beside = siblingSet(unknown.siblings);
  const free = (knownFields(unknown.kind, parent) ?? []).filter((field) => !beside.has(field));
  const written = snakeCase(key);
  if (free.includes(written)) return { field: written, synonym: false };
  const synonym = SYNONYMS[written];
  if (parent.length === 0 && synonym !== undefined && free.includes(synonym)) return { field: synonym, synonym: true };
  const near = closest(key, free);
  return near === undefined ? undefined : { field: near, synonym: false };
}

/** The keys beside an unknown one, as a set: records with thousands of unknown keys share one list of them. */
const siblingSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function siblingSet(siblings: readonly string[]): ReadonlySet<string> {
  let set = siblingSets.get(siblings);
  if (!set) siblingSets.set(siblings, (set = new Set(siblings)));
  return set;
}

/** `approvalDate`, `Approval Date` and `approval-date` all read as `approval_date`. */
function snakeCase(key: string): string {
  return key
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** The config line that maps the key to the field: `fields: { policies: { approved_by: approver } }`. */
function mapping(unknown: UnknownField, field: string, key: string): string {
  const written = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : JSON.stringify(key);
  return `fields: { ${FILES_OF[unknown.kind]}: { ${field}: ${written} } }`;
}

/** `owner`, `evidence[0].reviewer`. */
function fieldName(path: readonly PathSegment[]): string {
  let name = '';
  for (const segment of path) name += typeof segment === 'number' ? `[${segment}]` : name ? `.${segment}` : segment;
  return name;
}
