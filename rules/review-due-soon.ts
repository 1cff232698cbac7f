// A heads-up before stale-review fires: reviews falling due within the next few weeks.
import { reviewState } from '../src/model/program.js';
import { defineRule } from '../src/engine/rule.js';
import { daysBetween } from '../src/core/dates.js';

export default defineRule<{ days: number }>({
  meta: {
    id: 'review-due-soon',
    description: 'A policy, a vendor or the scope whose review falls due within the next 30 days (option days).',
    defaultSeverity: 'warn',
    reads: ['policy', 'scope', 'vendor'],
    options: {
      defaults: { days: 30 },
      schema: { type: 'object', additionalProperties: false, properties: { days: { type: 'integer', minimum: 1, maximum: 366 } } },
    },
  },
  check({ model, asOf, options, report }) {
    const dueIn = (due: string) => {
      const days = daysBetween(asOf, due);
      return days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
    };
    for (const policy of model.policies) {
      if (policy.status !== 'approved') continue;
      const state = reviewState(policy.lastReviewed, policy.reviewEvery, asOf, options.days);
      if (state.state !== 'due-soon') continue;
      report({
        message: `Policy ${policy.id} is due for its ${policy.reviewEveryText} review on ${state.due} (${dueIn(state.due)}). Schedule the review.`,
        at: policy.source.at(['last_reviewed']),
      });
    }
    for (const vendor of model.vendors) {
      if (!vendor.reviewEvery) continue; // no cadence, nothing falls due
      const state = reviewState(vendor.lastReviewed, vendor.reviewEvery, asOf, options.days);
      if (state.state !== 'due-soon') continue;
      report({
        message: `Vendor ${vendor.id} (${vendor.criticality}) is due for its ${vendor.reviewEveryText} review on ${state.due} (${dueIn(state.due)}). Schedule the review.`,
        at: vendor.source.at(['last_reviewed']),
      });
    }
    const scope = model.scope;
    if (!scope) return;
    const state = reviewState(scope.lastReviewed, scope.reviewEvery, asOf, options.days);
    if (state.state === 'due-soon') {
      report({
        message: `The audit scope is due for its ${scope.reviewEveryText} review on ${state.due} (${dueIn(state.due)}). Schedule the review.`,
        at: scope.source.at(['last_reviewed']),
      });
    }
  },
});
