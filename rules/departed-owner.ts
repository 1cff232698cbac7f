// Ownership by someone who has left: nobody reviews, operates or answers for the policy, control, system or vendor,
// and the auditor's first question about it ("who owns this?") has a wrong answer.
import { hasLeft, ownerships } from '../src/model/people.js';
import { defineRule } from '../src/engine/rule.js';
import type { Person } from '../src/model/types.js';

export default defineRule({
  meta: {
    id: 'departed-owner',
    description: 'An approved policy, an active control, a system, a vendor or the scope owned by a person whose end date is before as_of.',
    defaultSeverity: 'error',
    reads: ['policy', 'control', 'system', 'vendor', 'scope', 'person'],
    messages: {
      // {{owned}} is the owned record as ownerships() names it: `Control AC-01`, `The scope`.
      departed: '{{owned}} is owned by {{owner}}, who left on {{left}}. Hand it to a current owner.',
      departedHolder: '{{owned}} is owned by the role {{role}}, whose holder {{owner}} left on {{left}}. Name the current holder of {{role}} under roles: in people.yaml.',
    },
  },
  check({ model, asOf, report }) {
    // E-mail addresses are matched without regard to case, as mail systems do.
    const people = new Map<string, Person>();
    for (const person of model.people) if (!people.has(person.id.toLowerCase())) people.set(person.id.toLowerCase(), person);
    for (const { label, owner, at, inForce, role } of ownerships(model)) {
      if (!inForce) continue; // a draft or retired policy, a planned or retired control: nobody relies on it yet
      const person = people.get((role?.holder ?? owner).toLowerCase());
      if (!person?.end || !hasLeft(person, asOf)) continue;
      report(
        role
          ? { messageId: 'departedHolder', data: { owned: label, role: role.id, owner: role.holder, left: person.end }, at: at() }
          : { messageId: 'departed', data: { owned: label, owner, left: person.end }, at: at() },
      );
    }
  },
});
