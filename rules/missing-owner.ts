// Accountability: an approved policy, an active control or an in-scope system that nobody owns will not be reviewed,
// operated or fixed, and the auditor asks who is responsible for each.
import { activeControls } from '../src/model/program.js';
import { defineRule } from '../src/engine/rule.js';
import type { RecordSource } from '../src/model/types.js';

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
      if (policy.status === 'approved' && unowned(policy.owner, policy.source)) {
        report({ message: `Policy ${policy.id} is approved but has no owner. ${hint}`, at: policy.source.at(['id']) });
      }
    }
    for (const control of activeControls(model)) {
      if (unowned(control.owner, control.source)) report({ message: `Control ${control.id} is active but has no owner. ${hint}`, at: control.source.at(['id']) });
    }
    for (const system of model.systems) {
      if (unowned(system.owner, system.source)) report({ message: `System ${system.id} is in scope but has no owner. ${hint}`, at: system.source.at(['id']) });
    }
  },
});

/**
 * No owner, or only blanks. An "owner:" key that is written but was dropped as invalid (`owner: ""`, `owner:`) is
 * schema-violation's finding, so it is not reported a second time here.
 */
function unowned(owner: string | undefined, source: RecordSource): boolean {
  if (owner !== undefined) return owner.trim() === '';
  return !source.has(['owner']);
}
