// Files that cannot be read or parsed. The loader records them; this rule reports them, so they can be configured like any rule.
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'parse-error',
    description: 'A file that cannot be read or parsed: malformed YAML or front matter, duplicate keys, tabs, bad encoding, binary or oversized files.',
    defaultSeverity: 'error',
    reads: ['problems'],
    perFile: true,
    messages: {
      // The loader's own sentence: a load problem carries its text, not a code and facts (part of it is the YAML
      // parser's message), so the whole text is the one placeholder.
      unparsable: '{{problem}}',
    },
  },
  check({ model, report }) {
    for (const problem of model.problems) {
      if (problem.kind === 'parse') report({ messageId: 'unparsable', data: { problem: problem.message }, at: problem.range });
    }
  },
});
