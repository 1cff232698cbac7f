// An owner who is not in the people register: usually a typo or a former address, so nobody is accountable and the
// auditor cannot tie the owner to a person employed during the period.
import { looksLikeEmail, ownerships } from '../src/model/people.js';
import { closest } from '../src/core/suggest.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'unknown-owner',
    description: 'An owner e-mail address on an approved policy, an active control, a system, a vendor or the scope that is not a person in people.yaml.',
    defaultSeverity: 'warn',
    reads: ['policy', 'control', 'system', 'vendor', 'scope', 'person'],
    messages: {
      // `owned` names the record (`Control AC-01`, `The scope`); `suggestion` is ` Did you mean "..."?` or empty.
      unknownOwner: '{{owned}} is owned by {{owner}}, who is not in people.yaml.{{suggestion}} Fix the address, or add the person to people.yaml.',
    },
  },
  check({ model, report }) {
    if (!model.hasPeopleFile) return; // no register, nothing to check against
    // Every ID written in the register, even of a person dropped as malformed (schema-violation reports that).
    const declared = [...(model.declaredIds.get('person') ?? []), ...model.people.map((person) => person.id)];
    const known = new Set(declared.map((id) => id.toLowerCase()));
    for (const { label, owner, at, inForce } of ownerships(model)) {
      // Team names are not checked; e-mail addresses are compared without regard to case.
      if (!inForce || !looksLikeEmail(owner) || known.has(owner.toLowerCase())) continue;
      const suggestion = closest(owner, new Set(declared));
      report({
        messageId: 'unknownOwner',
        data: { owned: label, owner, suggestion: suggestion ? ` Did you mean "${suggestion}"?` : '' },
        at: at(),
      });
    }
  },
});
