// A criterion of an in-scope category with no active control: the auditor will find nothing to test for it.
import { coveringRecords, inScopeCriteria, policiesCover, programAnchor, standardEntry } from '../src/model/program.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'unmapped-criterion',
    description: 'A criterion of an in-scope category that no active control (or, by the coverage mode, approved policy) maps to and that is not declared not applicable.',
    defaultSeverity: 'error',
    reads: ['scope', 'control', 'policy'],
    messages: {
      unmapped:
        '{{criterion}} ({{topic}}) is in scope ({{category}}) but no active control maps to it. Map a control to {{criterion}}, or declare it under not_applicable in scope.yaml with a reason.',
      unmappedByAny:
        '{{criterion}} ({{topic}}) is in scope ({{category}}) but no {{mappers}} maps to it. Map one to {{criterion}}, or declare it under not_applicable in scope.yaml with a reason.',
    },
  },
  check({ model, report }) {
    const covered = new Set(coveringRecords(model).flatMap((record) => record.criteria.map((c) => c.value)));
    const mappers = model.coverage === 'policies' ? 'approved policy' : model.coverage === 'both' ? 'active control or approved policy' : undefined;
    const notApplicable = new Set(model.scope?.notApplicable.map((entry) => entry.criterion));
    // The finding belongs to whoever decides the scope: scope.yaml's categories, else the comply standard that lists
    // the criterion, else the config, else the repo.
    const anchor = programAnchor(model);
    for (const criterion of inScopeCriteria(model)) {
      if (covered.has(criterion.id) || notApplicable.has(criterion.id)) continue;
      const data = { criterion: criterion.id, topic: criterion.topic, category: criterion.category };
      report({
        ...(mappers && policiesCover(model) ? { messageId: 'unmappedByAny', data: { ...data, mappers } } : { messageId: 'unmapped', data }),
        at: standardEntry(model, criterion.id) ?? anchor,
        record: criterion.id,
      });
    }
  },
});
