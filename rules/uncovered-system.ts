// An in-scope system that no active control protects: the system description promises the auditor something
// the controls never test, which shows up as a scoping gap.
import { activeControls } from '../src/model/program.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'uncovered-system',
    description: 'A system in scope.yaml that no active control names in its systems list.',
    defaultSeverity: 'warn',
    reads: ['system', 'control'],
    messages: {
      uncovered: 'System {{system}} is in scope, but no active control names it. Add it to the systems: of the controls that protect it, or take it out of scope.',
    },
  },
  check({ model, report }) {
    const covered = new Set(activeControls(model).flatMap((control) => control.systems.map((mention) => mention.value)));
    for (const system of model.systems) {
      if (covered.has(system.id)) continue;
      report({
        messageId: 'uncovered',
        data: { system: system.id },
        at: system.source.at(['id']),
      });
    }
  },
});
