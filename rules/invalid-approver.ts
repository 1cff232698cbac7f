// An approval the auditor cannot accept: signed by someone who is not in the people register, who was not employed on
// the approval date, or who has no authority to approve that kind of record (`can_approve` in people.yaml).
import { compareDates } from '../src/core/dates.js';
import { defineRule } from '../src/engine/rule.js';
import { approvals, isActivePerson, mayApprove, peopleByAddress, samePerson } from '../src/model/people.js';

export default defineRule({
  meta: {
    id: 'invalid-approver',
    description: 'A policy, waiver or scope approved_by who is not a person in people.yaml, was not employed on the approval date, or may not approve that kind (can_approve).',
    defaultSeverity: 'error',
    reads: ['policy', 'waiver', 'scope', 'person'],
    messages: {
      unknown: '{{approval}} is approved by {{approver}}, who is not in people.yaml. Record the approval of a person listed in people.yaml, or add the person.',
      notStarted:
        '{{approval}} was approved on {{approvedOn}} by {{approver}}, who only started on {{start}}. Have it approved by someone employed on that day, and record who and when.',
      departed:
        '{{approval}} was approved on {{approvedOn}} by {{approver}}, who left on {{end}}. Have it approved again by someone employed now, and record who and when.',
      notAuthorized:
        '{{approval}} is approved by {{approver}}, who may not approve {{kind}}: people.yaml grants that (can_approve: [{{kind}}]) to {{allowed}} today. Have an authorized person approve it, or grant the authority in people.yaml.',
    },
  },
  check({ model, asOf, report }) {
    if (!model.hasPeopleFile) return; // no register, nothing to check against
    const personAt = peopleByAddress(model);
    for (const approval of approvals(model)) {
      const data = { approval: approval.label, approver: approval.approver };
      const person = personAt(approval.approver);
      if (!person) {
        // A person dropped as malformed is schema-violation's finding, not an unknown approver.
        const declared = [...(model.declaredIds.get('person') ?? [])].some((id) => samePerson(id, approval.approver));
        if (!declared) report({ messageId: 'unknown', data, at: approval.at() });
        continue;
      }
      if (approval.on && person.start && compareDates(approval.on, person.start) < 0) {
        report({ messageId: 'notStarted', data: { ...data, approvedOn: approval.on, start: person.start }, at: approval.at() });
        continue;
      }
      // The last day (`end`) still counts as employed.
      if (approval.on && person.end && compareDates(approval.on, person.end) > 0) {
        report({ messageId: 'departed', data: { ...data, approvedOn: approval.on, end: person.end }, at: approval.at() });
        continue;
      }
      if (!mayApprove(model, person, approval.kind)) {
        // Named so the fix is one message away: who, employed today, may approve this kind.
        const allowed = model.people.filter((p) => p.canApprove?.includes(approval.kind) && isActivePerson(p, asOf)).map((p) => p.id);
        report({
          messageId: 'notAuthorized',
          data: { ...data, kind: approval.kind, allowed: allowed.length ? allowed.join(', ') : 'nobody' },
          at: approval.at(),
        });
      }
    }
  },
});
