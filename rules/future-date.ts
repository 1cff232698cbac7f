// Dates after as_of: nearly always typos (2062 for 2026), and they hide staleness, since a review "in the future" is never overdue.
import { compareDates, type IsoDate } from '../src/core/dates.js';
import { defineRule, type MessageData } from '../src/engine/rule.js';
import type { SourceRange } from '../src/engine/finding.js';

const AFTER = '{{date}} is after {{asOf}}, the date being linted as of. Fix the date (a typo?), or record it once it has happened.';

/** One message per date the rule checks: which record and which of its dates are in the words. */
const MESSAGES = {
  policyApproval: `Policy {{policy}}: approved_on ${AFTER}`,
  policyReview: `Policy {{policy}}: last_reviewed ${AFTER}`,
  scopeReview: `Scope: last_reviewed ${AFTER}`,
  evidence: `Control {{control}}: evidence date ${AFTER}`,
  vendorReview: `Vendor {{vendor}}: last_reviewed ${AFTER}`,
  reportPeriodEnd: `Vendor {{vendor}}: assurance period_end ${AFTER}`,
  offboarding: `Person {{person}}: offboarded date ${AFTER}`,
  training: `Training of {{person}}: date ${AFTER}`,
  acknowledgment: `Acknowledgment of {{policy}} by {{person}}: date ${AFTER}`,
};

export default defineRule({
  meta: {
    id: 'future-date',
    description: 'A review, approval, evidence, report or record date after as_of.',
    defaultSeverity: 'error',
    reads: ['policy', 'scope', 'control', 'vendor', 'person', 'training', 'acknowledgment'],
    messages: MESSAGES,
  },
  check({ model, asOf, report }) {
    /** Report `date` when it is after as_of, at the range `at` gives (asked for only then). */
    const check = (date: IsoDate | undefined, messageId: keyof typeof MESSAGES, data: MessageData, at: () => SourceRange) => {
      if (date === undefined || compareDates(date, asOf) <= 0) return;
      report({ messageId, data: { ...data, date, asOf }, at: at() });
    };
    for (const policy of model.policies) {
      check(policy.approvedOn, 'policyApproval', { policy: policy.id }, () => policy.source.at(['approved_on']));
      check(policy.lastReviewed, 'policyReview', { policy: policy.id }, () => policy.source.at(['last_reviewed']));
    }
    const scope = model.scope;
    if (scope) check(scope.lastReviewed, 'scopeReview', {}, () => scope.source.at(['last_reviewed']));
    for (const control of model.controls) {
      for (const entry of control.evidence) {
        check(entry.date, 'evidence', { control: control.id }, () => control.source.at(['evidence', entry.index, 'date']));
      }
    }
    for (const vendor of model.vendors) {
      check(vendor.lastReviewed, 'vendorReview', { vendor: vendor.id }, () => vendor.source.at(['last_reviewed']));
      check(vendor.assurance?.periodEnd, 'reportPeriodEnd', { vendor: vendor.id }, () => vendor.source.at(['assurance', 'period_end']));
    }
    for (const person of model.people) {
      check(person.offboarded?.date, 'offboarding', { person: person.id }, () => person.source.at(['offboarded', 'date']));
    }
    for (const record of model.training) check(record.date, 'training', { person: record.person }, () => record.source.at(['date']));
    for (const record of model.acknowledgments) {
      check(record.date, 'acknowledgment', { policy: record.policy, person: record.person }, () => record.source.at(['date']));
    }
  },
});
