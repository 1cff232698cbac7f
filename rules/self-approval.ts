// Segregation of duties: a policy approved by its own owner, or a waiver approved by the person who asked for it, is
// the author signing off their own work; the auditor tests approvals for someone other than the author.
import { defineRule } from '../src/engine/rule.js';
import { approvals, samePerson } from '../src/model/people.js';

export default defineRule({
  meta: {
    id: 'self-approval',
    description: 'A policy approved by its own owner, or a waiver approved by its own requester (requested_by): no segregation of duties.',
    defaultSeverity: 'warn',
    reads: ['policy', 'waiver'],
    messages: {
      ownPolicy: '{{approval}} is approved by its own owner, {{approver}}. Have someone other than the owner approve it (segregation of duties), and record who in "approved_by:".',
      ownWaiver:
        '{{approval}} is approved by the person who requested it, {{approver}}. Have someone other than the requester approve the exception (segregation of duties), and record who in "approved_by:".',
    },
  },
  check({ model, report }) {
    for (const approval of approvals(model)) {
      if (!approval.author || !samePerson(approval.author.person, approval.approver)) continue;
      report({
        messageId: approval.author.field === 'owner' ? 'ownPolicy' : 'ownWaiver',
        data: { approval: approval.label, approver: approval.approver },
        at: approval.at(),
      });
    }
  },
});
