// Policies that govern active controls but were never approved, or whose approval is not recorded: auditors test
// that management approved each policy (CC1, CC5.3), and an unapproved one is an exception for every control on it.
import { activeControls, policiesCover } from '../src/model/program.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'unapproved-policy',
    description: 'A draft policy that active controls rely on or (when policies count toward coverage) that maps criteria, or an approved policy without approved_by or approved_on.',
    defaultSeverity: 'error',
    reads: ['policy', 'control'],
    messages: {
      draftReliedOn:
        'Policy {{policy}} is still a draft, but active control {{control}} relies on it. Approve it (status: approved, approved_by, approved_on) or point the control at an approved policy.',
      draftReliedOnByMany:
        'Policy {{policy}} is still a draft, but active controls {{controls}} rely on it. Approve it (status: approved, approved_by, approved_on) or point the controls at an approved policy.',
      draftMapsCriteria:
        'Policy {{policy}} is still a draft but maps {{criteria}}: an unapproved policy covers no criterion. Approve it (status: approved, approved_by, approved_on) or remove the mapping.',
      draftDocumentMapsCriteria:
        'Policy {{policy}} has no revision yet, so it is not approved, but it maps {{criteria}}: an unapproved document covers no criterion. Approve it by adding its first entry under "majorRevisions:", or remove the mapping.',
      noApprovedBy: 'Policy {{policy}} is approved but has no approved_by. Record who approved it (a person in people.yaml).',
      noApprovedOn: 'Policy {{policy}} is approved but has no approved_on. Record the date it was approved (YYYY-MM-DD).',
    },
  },
  check({ model, report }) {
    // Which active controls name each policy ID, in the order they appear, each once.
    const reliedOn = new Map<string, string[]>();
    for (const control of activeControls(model)) {
      for (const { value } of control.policies) {
        const controls = reliedOn.get(value) ?? [];
        if (!controls.includes(control.id)) controls.push(control.id);
        reliedOn.set(value, controls);
      }
    }

    for (const policy of model.policies) {
      const at = policy.source.at(['status']);
      if (policy.status === 'draft') {
        // Where policies count toward coverage, a draft that maps criteria claims coverage it cannot give.
        if (policiesCover(model) && policy.criteria.length > 0) {
          report({ messageId: policy.approvalRecord === 'revision-history' ? 'draftDocumentMapsCriteria' : 'draftMapsCriteria', data: { policy: policy.id, criteria: policy.criteria.map((c) => c.value).join(', ') }, at: policy.source.at(['criteria'], 'key') });
        }
        const controls = reliedOn.get(policy.id);
        if (!controls) continue;
        if (controls.length === 1) report({ messageId: 'draftReliedOn', data: { policy: policy.id, control: controls[0]! }, at });
        else report({ messageId: 'draftReliedOnByMany', data: { policy: policy.id, controls: controls.join(', ') }, at });
      } else if (policy.status === 'approved') {
        // A field written with an invalid value is schema-violation's finding; only a field not written at all is ours.
        // A comply document's revision history records when it was approved, and comply has no field for who.
        if (policy.approvedBy === undefined && !policy.source.has(['approved_by']) && policy.approvalRecord !== 'revision-history') {
          report({ messageId: 'noApprovedBy', data: { policy: policy.id }, at });
        }
        if (policy.approvedOn === undefined && !policy.source.has(['approved_on'])) {
          report({ messageId: 'noApprovedOn', data: { policy: policy.id }, at });
        }
      }
    }
  },
});
