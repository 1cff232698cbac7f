// Two records of one kind with the same ID: references to it become ambiguous, and an auditor's sample cannot be traced.
import { defineRule } from '../src/engine/rule.js';
import type { ComplianceRecord } from '../src/model/types.js';

type Identified = Extract<ComplianceRecord, { id: string }>;

export default defineRule({
  meta: {
    id: 'duplicate-id',
    description: 'Two records of one kind share an ID; both places are reported.',
    defaultSeverity: 'error',
    reads: ['policy', 'control', 'system', 'vendor', 'person'],
  },
  check({ model, report }) {
    const kinds: [string, Identified[]][] = [
      ['policy', model.policies],
      ['control', model.controls],
      ['system', model.systems],
      ['vendor', model.vendors],
      ['person', model.people],
    ];
    for (const [kind, records] of kinds) {
      const byId = new Map<string, Identified[]>();
      for (const record of records) byId.set(record.id, [...(byId.get(record.id) ?? []), record]);
      for (const [id, same] of byId) {
        if (same.length < 2) continue;
        for (const record of same) {
          const others = same.filter((other) => other !== record).map((other) => place(other));
          report({
            message: `Duplicate ${kind} ID "${id}": also defined at ${others.join(', ')}. Give each ${kind} its own ID.`,
            at: record.source.at(['id']),
          });
        }
      }
    }
  },
});

function place(record: Identified): string {
  const at = record.source.at(['id']);
  return `${at.file}:${at.line}`;
}
