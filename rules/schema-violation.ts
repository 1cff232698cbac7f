// Records that break their JSON Schema (schemas/*.schema.json), one finding per violation, at the key or value.
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'schema-violation',
    description: 'A record that breaks its JSON Schema: a missing required field, a wrong type, an invalid date or interval, an impossible file shape.',
    defaultSeverity: 'error',
    reads: ['problems'],
    perFile: true,
    // The loader explains each violation (src/schema/validate.ts) before any rule runs, so its text is the one fact
    // this rule has: a load problem carries no code or parts to build a sentence from here.
    messages: {
      violation: '{{problem}}',
    },
  },
  check({ model, report }) {
    for (const problem of model.problems) {
      if (problem.kind === 'schema') report({ messageId: 'violation', data: { problem: problem.message }, at: problem.range });
    }
  },
});
