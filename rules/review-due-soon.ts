// A heads-up before stale-review fires: reviews falling due within the next few weeks.
import { reviewState } from '../src/model/program.js';
import { defineRule, ruleOptions } from '../src/engine/rule.js';
import { daysBetween, INTERVAL_KEYWORDS } from '../src/core/dates.js';

export default defineRule({
  meta: {
    id: 'review-due-soon',
    description: 'A policy, a vendor or the scope whose review (last_reviewed plus review_every, or next_review) falls due within the next 30 days (option days).',
    defaultSeverity: 'warn',
    perFile: true,
    reads: ['policy', 'scope', 'vendor'],
    options: ruleOptions<{ days: number }>({
      defaults: { days: 30 },
      schema: { type: 'object', additionalProperties: false, properties: { days: { type: 'integer', minimum: 1, maximum: 366 } } },
    }),
    messages: {
      policyDueToday: 'Policy {{policy}} is due for its {{cadence}} review on {{due}} (today). Schedule the review.',
      policyDueTomorrow: 'Policy {{policy}} is due for its {{cadence}} review on {{due}} (tomorrow). Schedule the review.',
      policyDueInDays: 'Policy {{policy}} is due for its {{cadence}} review on {{due}} (in {{days}} days). Schedule the review.',
      vendorDueToday: 'Vendor {{vendor}} ({{criticality}}) is due for its {{cadence}} review on {{due}} (today). Schedule the review.',
      vendorDueTomorrow: 'Vendor {{vendor}} ({{criticality}}) is due for its {{cadence}} review on {{due}} (tomorrow). Schedule the review.',
      vendorDueInDays: 'Vendor {{vendor}} ({{criticality}}) is due for its {{cadence}} review on {{due}} (in {{days}} days). Schedule the review.',
      scopeDueToday: 'The audit scope is due for its {{cadence}} review on {{due}} (today). Schedule the review.',
      scopeDueTomorrow: 'The audit scope is due for its {{cadence}} review on {{due}} (tomorrow). Schedule the review.',
      scopeDueInDays: 'The audit scope is due for its {{cadence}} review on {{due}} (in {{days}} days). Schedule the review.',
    },
  },
  check({ model, asOf, options, report }) {
    // Each record kind says "today", "tomorrow" or "in N days" with a sentence of its own.
    const whenDue = <Id extends string>(due: string, today: Id, tomorrow: Id, inDays: Id) => {
      const days = daysBetween(asOf, due);
      return { messageId: days === 0 ? today : days === 1 ? tomorrow : inDays, days };
    };
    for (const policy of model.policies) {
      if (policy.status !== 'approved') continue;
      const state = reviewState(policy.lastReviewed, policy.reviewEvery, asOf, options.days, policy.nextReview);
      if (state.state !== 'due-soon') continue;
      const { messageId, days } = whenDue(state.due, 'policyDueToday', 'policyDueTomorrow', 'policyDueInDays');
      report({
        messageId,
        data: { policy: policy.id, cadence: policy.reviewEveryText, due: state.due, days },
        at: policy.source.at([policy.nextReview ? 'next_review' : 'last_reviewed']),
      });
    }
    for (const vendor of model.vendors) {
      if (!vendor.nextReview && (!vendor.reviewEvery || vendor.reviewEveryText === undefined)) continue; // no cadence, nothing falls due
      const state = reviewState(vendor.lastReviewed, vendor.reviewEvery ?? INTERVAL_KEYWORDS.annual, asOf, options.days, vendor.nextReview);
      if (state.state !== 'due-soon') continue;
      const { messageId, days } = whenDue(state.due, 'vendorDueToday', 'vendorDueTomorrow', 'vendorDueInDays');
      report({
        messageId,
        data: { vendor: vendor.id, criticality: vendor.criticality, cadence: vendor.reviewEveryText ?? 'scheduled', due: state.due, days },
        at: vendor.source.at([vendor.nextReview ? 'next_review' : 'last_reviewed']),
      });
    }
    const scope = model.scope;
    if (!scope) return;
    const state = reviewState(scope.lastReviewed, scope.reviewEvery, asOf, options.days, scope.nextReview);
    if (state.state === 'due-soon') {
      const { messageId, days } = whenDue(state.due, 'scopeDueToday', 'scopeDueTomorrow', 'scopeDueInDays');
      report({
        messageId,
        data: { cadence: scope.reviewEveryText, due: state.due, days },
        at: scope.source.at([scope.nextReview ? 'next_review' : 'last_reviewed']),
      });
    }
  },
});
