// Documentation out of date: the most common cause of SOC 2 exceptions. Policies, the audit scope and critical or
// high vendors must be reviewed on their stated cadence (annual by default).
import { reviewState } from '../src/model/program.js';
import { defineRule } from '../src/engine/rule.js';
import { describeInterval } from '../src/core/dates.js';

export default defineRule({
  meta: {
    id: 'stale-review',
    description: 'A policy, a vendor or the scope whose last_reviewed plus review_every is before as_of, or an approved policy or a vendor with a review cadence that was never reviewed.',
    defaultSeverity: 'error',
    reads: ['policy', 'scope', 'vendor'],
  },
  check({ model, asOf, report }) {
    for (const policy of model.policies) {
      if (policy.status !== 'approved') continue;
      const state = reviewState(policy.lastReviewed, policy.reviewEvery, asOf, 0);
      if (state.state === 'never') {
        report({
          message: `Policy ${policy.id} is approved but has no last_reviewed date. Review it and record the date in "last_reviewed:".`,
          at: policy.source.at(['id']),
        });
      } else if (state.state === 'overdue') {
        report({
          message: `Policy ${policy.id} was last reviewed on ${policy.lastReviewed}; its ${policy.reviewEveryText} review (every ${describeInterval(policy.reviewEvery)}) was due on ${state.due}. Review it and update "last_reviewed:".`,
          at: policy.source.at(['last_reviewed']),
        });
      }
    }
    for (const vendor of model.vendors) {
      if (!vendor.reviewEvery) continue; // a medium or low vendor with no review_every has no cadence
      const name = `Vendor ${vendor.id} (${vendor.criticality})`;
      const state = reviewState(vendor.lastReviewed, vendor.reviewEvery, asOf, 0);
      if (state.state === 'never') {
        report({
          message: `${name} has a review cycle (${vendor.reviewEveryText}) but was never reviewed: it has no last_reviewed date. Review the vendor (its assurance report, contract and access) and record the date in "last_reviewed:".`,
          at: vendor.source.at(['id']),
        });
      } else if (state.state === 'overdue') {
        report({
          message: `${name} was last reviewed on ${vendor.lastReviewed}; its ${vendor.reviewEveryText} review (every ${describeInterval(vendor.reviewEvery)}) was due on ${state.due}. Review the vendor (its assurance report, contract and access) and update "last_reviewed:".`,
          at: vendor.source.at(['last_reviewed']),
        });
      }
    }
    const scope = model.scope;
    if (scope?.lastReviewed) {
      const state = reviewState(scope.lastReviewed, scope.reviewEvery, asOf, 0);
      if (state.state === 'overdue') {
        report({
          message: `The audit scope was last reviewed on ${scope.lastReviewed}; its ${scope.reviewEveryText} review was due on ${state.due}. Review the systems, categories and period in scope.yaml and update "last_reviewed:".`,
          at: scope.source.at(['last_reviewed']),
        });
      }
    } else if (scope) {
      report({
        message: 'The audit scope has no last_reviewed date. Review scope.yaml (systems, categories, period) and record the date in "last_reviewed:".',
        at: scope.source.at([]),
      });
    }
  },
});
