// An owner who is not in the people register: usually a typo or a former address, so nobody is accountable and the
// auditor cannot tie the owner to a person employed during the period.
import { looksLikeEmail, ownerships } from '../src/model/people.js';
import { closest } from '../src/core/suggest.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'unknown-owner',
    description: 'An owner e-mail address on an approved policy, an active control, a system, a vendor or the scope that is not a person in people.yaml, an owner that is not a role people.yaml defines, or a role held by nobody known.',
    defaultSeverity: 'warn',
    reads: ['policy', 'control', 'system', 'vendor', 'scope', 'person'],
    messages: {
      // `owned` names the record (`Control AC-01`, `The scope`); `suggestion` is ` Did you mean "..."?` or empty.
      unknownOwner: '{{owned}} is owned by {{owner}}, who is not in people.yaml.{{suggestion}} Fix the address, or add the person to people.yaml.',
      unknownRole: '{{owned}} is owned by "{{owner}}", which is neither a person nor a role in people.yaml.{{suggestion}} Name a person or a role listed under roles:.',
      unknownHolder: 'Role {{role}} is held by {{holder}}, who is not in people.yaml.{{suggestion}} Fix the address, or add the person to people.yaml.',
    },
  },
  check({ model, report }) {
    if (!model.hasPeopleFile) return; // no register, nothing to check against
    // Every ID written in the register, even of a person dropped as malformed (schema-violation reports that).
    const declared = [...(model.declaredIds.get('person') ?? []), ...model.people.map((person) => person.id)];
    const known = new Set(declared.map((id) => id.toLowerCase()));
    // A role's holder must be a person, whether or not anything names the role yet.
    for (const role of model.roles?.values() ?? []) {
      if (known.has(role.holder.toLowerCase())) continue;
      const suggestion = closest(role.holder, new Set(declared));
      report({ messageId: 'unknownHolder', data: { role: role.id, holder: role.holder, suggestion: suggestion ? ` Did you mean "${suggestion}"?` : '' }, at: role.range });
    }
    const roleNames = [...(model.roles?.keys() ?? [])];
    for (const { label, owner, at, inForce, role } of ownerships(model)) {
      if (!inForce || role) continue;
      // Where people.yaml defines roles, an owner that is no address must be one of them.
      if (!looksLikeEmail(owner) && roleNames.length > 0) {
        const suggestion = closest(owner, new Set(roleNames));
        report({ messageId: 'unknownRole', data: { owned: label, owner, suggestion: suggestion ? ` Did you mean "${suggestion}"?` : '' }, at: at() });
        continue;
      }
      // Otherwise team names are not checked; e-mail addresses are compared without regard to case.
      if (!looksLikeEmail(owner) || known.has(owner.toLowerCase())) continue;
      const suggestion = closest(owner, new Set(declared));
      report({
        messageId: 'unknownOwner',
        data: { owned: label, owner, suggestion: suggestion ? ` Did you mean "${suggestion}"?` : '' },
        at: at(),
      });
    }
  },
});
