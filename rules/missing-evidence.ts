// "If you can't prove it, the auditor can't report it": an active control with no evidence at all.
import { activeControls } from '../src/model/program.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'missing-evidence',
    description: 'An active control with no evidence entry.',
    defaultSeverity: 'error',
    perFile: true,
    reads: ['control'],
    messages: {
      noEvidence:
        'Control {{control}} is active but lists no evidence. Add an "evidence:" entry with the path (or url) and date of each time it operated.',
    },
  },
  check({ model, report }) {
    for (const control of activeControls(model)) {
      if (control.evidence.length > 0) continue;
      // At "evidence:" when it is written (`evidence: []`); otherwise at the control's id.
      report({
        messageId: 'noEvidence',
        data: { control: control.id },
        at: control.source.has(['evidence']) ? control.source.at(['evidence'], 'key') : control.source.at(['id']),
      });
    }
  },
});
