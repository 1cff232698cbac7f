// Documentation out of date: the most common cause of SOC 2 exceptions. Policies, the audit scope and critical or
// high vendors must be reviewed on their stated cadence (annual by default).
import { reviewState } from '../src/model/program.js';
import { defineRule } from '../src/engine/rule.js';
import { describeInterval, INTERVAL_KEYWORDS } from '../src/core/dates.js';

export default defineRule({
  meta: {
    id: 'stale-review',
    description: 'A policy, a vendor or the scope whose last_reviewed plus review_every (or next_review) is before as_of, or an approved policy or a vendor with a review cadence that was never reviewed.',
    defaultSeverity: 'error',
    perFile: true,
    reads: ['policy', 'scope', 'vendor'],
    messages: {
      policyNeverReviewed: 'Policy {{policy}} is approved but has no last_reviewed date. Review it and record the date in "last_reviewed:".',
      policyOverdue:
        'Policy {{policy}} was last reviewed on {{reviewed}}; its {{cadence}} review (every {{interval}}) was due on {{due}}. Review it and update "last_reviewed:".',
      vendorNeverReviewed:
        'Vendor {{vendor}} ({{criticality}}) has a review cycle ({{cadence}}) but was never reviewed: it has no last_reviewed date. Review the vendor (its assurance report, contract and access) and record the date in "last_reviewed:".',
      vendorOverdue:
        'Vendor {{vendor}} ({{criticality}}) was last reviewed on {{reviewed}}; its {{cadence}} review (every {{interval}}) was due on {{due}}. Review the vendor (its assurance report, contract and access) and update "last_reviewed:".',
      revisionOverdue:
        'Policy {{policy}}\'s newest revision is dated {{reviewed}}; its {{cadence}} review (every {{interval}}) was due on {{due}}. Review it and add the review to "majorRevisions:".',
      nextReviewPassed:
        '{{record}} was due for review on {{due}} (its next_review). Review it, record the date in "last_reviewed:" and set the next "next_review:".',
      scopeNeverReviewed: 'The audit scope has no last_reviewed date. Review scope.yaml (systems, categories, period) and record the date in "last_reviewed:".',
      scopeOverdue:
        'The audit scope was last reviewed on {{reviewed}}; its {{cadence}} review was due on {{due}}. Review the systems, categories and period in scope.yaml and update "last_reviewed:".',
    },
  },
  check({ model, asOf, report }) {
    // A last_reviewed written with an invalid date is schema-violation's finding; only one not written at all is ours.
    for (const policy of model.policies) {
      if (policy.status !== 'approved') continue;
      const state = reviewState(policy.lastReviewed, policy.reviewEvery, asOf, 0, policy.nextReview);
      if (state.state === 'overdue' && policy.nextReview) {
        report({ messageId: 'nextReviewPassed', data: { record: `Policy ${policy.id}`, due: state.due }, at: policy.source.at(['next_review']) });
      } else if (state.state === 'never') {
        if (policy.source.has(['last_reviewed'])) continue;
        report({ messageId: 'policyNeverReviewed', data: { policy: policy.id }, at: policy.source.at(['id']) });
      } else if (state.state === 'overdue') {
        report({
          // A comply document is reviewed by adding a revision, not by editing a date.
          messageId: policy.approvalRecord === 'revision-history' ? 'revisionOverdue' : 'policyOverdue',
          data: { policy: policy.id, reviewed: policy.lastReviewed!, cadence: policy.reviewEveryText, interval: describeInterval(policy.reviewEvery), due: state.due },
          at: policy.source.at(['last_reviewed']),
        });
      }
    }
    for (const vendor of model.vendors) {
      // A medium or low vendor with no review_every has no cadence.
      if (vendor.nextReview && reviewState(vendor.lastReviewed, INTERVAL_KEYWORDS.annual, asOf, 0, vendor.nextReview).state === 'overdue') {
        report({ messageId: 'nextReviewPassed', data: { record: `Vendor ${vendor.id}`, due: vendor.nextReview }, at: vendor.source.at(['next_review']) });
        continue;
      }
      if (!vendor.reviewEvery || vendor.reviewEveryText === undefined || vendor.nextReview) continue;
      const state = reviewState(vendor.lastReviewed, vendor.reviewEvery, asOf, 0);
      const named = { vendor: vendor.id, criticality: vendor.criticality, cadence: vendor.reviewEveryText };
      if (state.state === 'never') {
        if (vendor.source.has(['last_reviewed'])) continue;
        report({ messageId: 'vendorNeverReviewed', data: named, at: vendor.source.at(['id']) });
      } else if (state.state === 'overdue') {
        report({
          messageId: 'vendorOverdue',
          data: { ...named, reviewed: vendor.lastReviewed!, interval: describeInterval(vendor.reviewEvery), due: state.due },
          at: vendor.source.at(['last_reviewed']),
        });
      }
    }
    const scope = model.scope;
    if (scope?.nextReview) {
      if (reviewState(scope.lastReviewed, scope.reviewEvery, asOf, 0, scope.nextReview).state === 'overdue') {
        report({ messageId: 'nextReviewPassed', data: { record: 'The audit scope', due: scope.nextReview }, at: scope.source.at(['next_review']) });
      }
    } else if (scope?.lastReviewed) {
      const state = reviewState(scope.lastReviewed, scope.reviewEvery, asOf, 0);
      if (state.state === 'overdue') {
        report({
          messageId: 'scopeOverdue',
          data: { reviewed: scope.lastReviewed, cadence: scope.reviewEveryText, due: state.due },
          at: scope.source.at(['last_reviewed']),
        });
      }
    } else if (scope && !scope.source.has(['last_reviewed'])) {
      report({ messageId: 'scopeNeverReviewed', at: scope.source.at([]) });
    }
  },
});
