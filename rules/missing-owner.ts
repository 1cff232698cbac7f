// Accountability: an approved policy, an active control or an in-scope system that nobody owns will not be reviewed,
// operated or fixed, and the auditor asks who is responsible for each.
import { activeControls } from '../src/domain/program.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'missing-owner',
    description: 'An approved policy, an active control or an in-scope system with no owner.',
    defaultSeverity: 'error',
    reads: ['policy', 'control', 'system'],
  },
  check({ model, report }) {
    const hint = 'Add "owner:" with the e-mail address of the person accountable for it.';
    for (const policy of model.policies) {
      if (policy.status === 'approved' && !policy.owner) {
        report({ message: `Policy ${policy.id} is approved but has no owner. ${hint}`, at: policy.source.at(['id']) });
      }
    }
    for (const control of activeControls(model)) {
      if (!control.owner) report({ message: `Control ${control.id} is active but has no owner. ${hint}`, at: control.source.at(['id']) });
    }
    for (const system of model.systems) {
      if (!system.owner) report({ message: `System ${system.id} is in scope but has no owner. ${hint}`, at: system.source.at(['id']) });
    }
  },
});
