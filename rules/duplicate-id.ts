// Two records of one kind with the same ID: references to it become ambiguous, and an auditor's sample cannot be traced.
import { defineRule } from '../src/engine/rule.js';
import type { SourceRange } from '../src/engine/finding.js';
import type { RecordKind } from '../src/model/types.js';

/** One record's ID, the file it is in, and where its `id` is written (asked for only when it is a duplicate). */
interface Copy {
  id: string;
  file: string;
  at: () => SourceRange;
}

export default defineRule({
  meta: {
    id: 'duplicate-id',
    description: 'Two records of one kind share an ID; both places are reported.',
    defaultSeverity: 'error',
    reads: ['policy', 'control', 'system', 'vendor', 'person'],
    messages: {
      // {{files}}: the files of the other copies, each once. Not their lines: a finding names no other finding's line,
      // so its text (and its fingerprint) stays the same when lines are added above another copy.
      duplicate: 'Duplicate {{kind}} ID "{{id}}": also defined in {{files}}. Give each {{kind}} its own ID.',
    },
  },
  check({ model, report }) {
    const kinds: [RecordKind, Copy[]][] = [
      ['policy', model.policies.map((r) => ({ id: r.id, file: r.source.file, at: () => r.source.at(['id']) }))],
      ['control', model.controls.map((r) => ({ id: r.id, file: r.source.file, at: () => r.source.at(['id']) }))],
      ['system', model.systems.map((r) => ({ id: r.id, file: r.source.file, at: () => r.source.at(['id']) }))],
      ['vendor', model.vendors.map((r) => ({ id: r.id, file: r.source.file, at: () => r.source.at(['id']) }))],
      ['person', model.people.map((r) => ({ id: r.id, file: r.source.file, at: () => r.source.at(['id']) }))],
    ];
    for (const [kind, copies] of kinds) {
      const byId = new Map<string, Copy[]>();
      for (const copy of copies) byId.set(copy.id, [...(byId.get(copy.id) ?? []), copy]);
      for (const [id, same] of byId) {
        if (same.length < 2) continue;
        for (const copy of same) {
          const files = new Set(same.filter((other) => other !== copy).map((other) => other.file));
          report({ messageId: 'duplicate', data: { kind, id, files: [...files].join(', ') }, at: copy.at() });
        }
      }
    }
  },
});
