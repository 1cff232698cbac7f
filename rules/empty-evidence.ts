// An evidence file with nothing in it (0 bytes, or only whitespace) proves nothing, but it counts as evidence
// everywhere else: the control looks proven until the auditor opens the file.
import { evidenceFiles } from '../src/model/evidence.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'empty-evidence',
    description: 'An evidence file (of a control, a vendor or an offboarding) that is empty or holds only whitespace.',
    defaultSeverity: 'error',
    perFile: true,
    reads: ['control', 'vendor', 'person', 'evidence-digest'],
    messages: {
      empty: '{{owner}}: {{what}} "{{path}}" is empty (0 bytes), so it proves nothing. Put the real export, report or record in it, or remove the entry.',
      blank: '{{owner}}: {{what}} "{{path}}" holds nothing but whitespace, so it proves nothing. Put the real export, report or record in it, or remove the entry.',
    },
  },
  check({ model, report }) {
    for (const ref of evidenceFiles(model)) {
      const digest = model.evidenceDigests.get(ref.path);
      if (!digest || 'unreadable' in digest || !digest.blank) continue;
      const data = { owner: ref.owner, what: ref.what, path: ref.path };
      report({ messageId: digest.bytes === 0 ? 'empty' : 'blank', data, at: ref.at() });
    }
  },
});
