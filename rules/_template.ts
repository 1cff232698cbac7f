// Copy this file to rules/<rule-id>.ts (with rules/_template.md → rules/<rule-id>.md and a test table in
// test/rules/<rule-id>.test.ts), add one line to rules/index.ts, and run `npm test`: the registry test lists what is
// still missing. One sentence here on what the rule finds and why an auditor cares.
import { compareDates, daysBetween } from '../src/core/dates.js';
import { defineRule, ruleOptions } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    // Kebab-case, naming the problem, not the fix.
    id: 'rule-template',
    // One sentence: what the rule finds. Shown by `soc2lint rules` and in the docs' rule index.
    description: 'An approved policy whose last review is older than the option max_days.',
    defaultSeverity: 'warn',
    // The record kinds and costly model parts the rule reads: the loader loads only what enabled rules read.
    reads: ['policy'],
    // Options: their type (for `options` below), defaults, and a JSON Schema a config is checked against.
    options: ruleOptions<{ max_days: number }>({
      defaults: { max_days: 365 },
      schema: { type: 'object', additionalProperties: false, properties: { max_days: { type: 'integer', minimum: 1 } } },
    }),
    // What the rule says, by ID. Placeholders are filled from `data`; data holds facts (IDs, dates, counts), and a
    // different sentence gets a different ID. Say what is wrong and what to do.
    messages: {
      tooOld: 'Policy {{policy}} was last reviewed on {{reviewed}}, more than {{max}} days before {{asOf}}. Review it and update last_reviewed.',
    },
  },
  // A rule never reads files, processes or the clock: it gets the model, the as-of date and its options.
  check({ model, asOf, options, report }) {
    for (const policy of model.policies) {
      if (policy.status !== 'approved' || policy.lastReviewed === undefined) continue;
      // Dates are IsoDate strings; all calendar arithmetic is in src/core/dates.ts, never in a rule.
      if (compareDates(policy.lastReviewed, asOf) > 0 || daysBetween(policy.lastReviewed, asOf) <= options.max_days) continue;
      report({
        messageId: 'tooOld',
        data: { policy: policy.id, reviewed: policy.lastReviewed, max: options.max_days, asOf },
        // The exact value that is wrong, by field path: the compiler checks the path against the record's fields.
        at: policy.source.at(['last_reviewed']),
      });
    }
  },
});
