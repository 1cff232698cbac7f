// A criterion of an in-scope category with no active control: the auditor will find nothing to test for it.
import { activeControls, inScopeCriteria, programAnchor } from '../src/model/program.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'unmapped-criterion',
    description: 'A criterion of an in-scope category that no active control maps to and that is not declared not applicable.',
    defaultSeverity: 'error',
    reads: ['scope', 'control'],
    messages: {
      unmapped:
        '{{criterion}} ({{topic}}) is in scope ({{category}}) but no active control maps to it. Map a control to {{criterion}}, or declare it under not_applicable in scope.yaml with a reason.',
    },
  },
  check({ model, report }) {
    const covered = new Set(activeControls(model).flatMap((control) => control.criteria.map((c) => c.value)));
    const notApplicable = new Set(model.scope?.notApplicable.map((entry) => entry.criterion));
    // The finding belongs to whoever decides the scope: scope.yaml's categories, else the config, else the repo.
    const at = programAnchor(model);
    for (const criterion of inScopeCriteria(model)) {
      if (covered.has(criterion.id) || notApplicable.has(criterion.id)) continue;
      report({
        messageId: 'unmapped',
        data: { criterion: criterion.id, topic: criterion.topic, category: criterion.category },
        at,
        record: criterion.id,
      });
    }
  },
});
