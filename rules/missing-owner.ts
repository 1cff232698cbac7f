// Accountability: an approved policy, an active control or an in-scope system that nobody owns will not be reviewed,
// operated or fixed, and the auditor asks who is responsible for each.
import { activeControls } from '../src/model/program.js';
import { defineRule } from '../src/engine/rule.js';

const HINT = 'Add "owner:" with the e-mail address of the person accountable for it.';

export default defineRule({
  meta: {
    id: 'missing-owner',
    description: 'An approved policy, an active control or an in-scope system with no owner.',
    defaultSeverity: 'error',
    perFile: true,
    reads: ['policy', 'control', 'system'],
    messages: {
      policy: `Policy {{policy}} is approved but has no owner. ${HINT}`,
      control: `Control {{control}} is active but has no owner. ${HINT}`,
      system: `System {{system}} is in scope but has no owner. ${HINT}`,
    },
  },
  check({ model, report }) {
    for (const policy of model.policies) {
      if (policy.status === 'approved' && unowned(policy.owner, () => policy.source.has(['owner']))) {
        report({ messageId: 'policy', data: { policy: policy.id }, at: policy.source.at(['id']) });
      }
    }
    for (const control of activeControls(model)) {
      if (unowned(control.owner, () => control.source.has(['owner']))) {
        report({ messageId: 'control', data: { control: control.id }, at: control.source.at(['id']) });
      }
    }
    for (const system of model.systems) {
      if (unowned(system.owner, () => system.source.has(['owner']))) {
        report({ messageId: 'system', data: { system: system.id }, at: system.source.at(['id']) });
      }
    }
  },
});

/**
 * No owner, or only blanks. An "owner:" key that is written but was dropped as invalid (`owner: ""`, `owner:`) is
 * schema-violation's finding, so it is not reported a second time here.
 */
function unowned(owner: string | undefined, ownerWritten: () => boolean): boolean {
  if (owner !== undefined) return owner.trim() === '';
  return !ownerWritten();
}
