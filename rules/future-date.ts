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
  evidenceRangeEnd: `Control {{control}}: the evidence range ends on {{date}}, after {{asOf}}, the date being linted as of; an export cannot cover days that have not happened. Fix "to:" (a typo?).`,
  controlEffective: `Control {{control}} is active, but its effective_from {{date}} is after {{asOf}}, the date being linted as of. Fix the date, or mark the control planned until then.`,
  controlRetired: `Control {{control}} is retired, but its retired_on {{date}} is after {{asOf}}, the date being linted as of. Fix the date, or keep the control active until then.`,
  vendorReview: `Vendor {{vendor}}: last_reviewed ${AFTER}`,
  reportPeriodEnd: `Vendor {{vendor}}: assurance period_end ${AFTER}`,
  offboarding: `Person {{person}}: offboarded date ${AFTER}`,
  training: `Training of {{person}}: date ${AFTER}`,
  acknowledgment: `Acknowledgment of {{policy}} by {{person}}: date ${AFTER}`,
};

export default defineRule({
  meta: {
    id: 'future-date',
    description: 'A review, approval, evidence, report or record date after as_of, or an active control taking effect (a retired one retiring) after it.',
    defaultSeverity: 'error',
    reads: ['policy', 'scope', 'control', 'vendor', 'person', 'training', 'acknowledgment'],
    perFile: true,
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
        // Most entries are dated on or before as_of and are no range: nothing to judge, so nothing to look up.
        if (compareDates(entry.date, asOf) <= 0 && entry.to === undefined) continue;
        // A range without a date is dated by its end.
        const dated = control.source.has(['evidence', entry.index, 'date']);
        check(entry.date, 'evidence', { control: control.id }, () => control.source.at(['evidence', entry.index, dated ? 'date' : 'to']));
        if (dated && entry.to !== undefined && compareDates(entry.date, asOf) <= 0) check(entry.to, 'evidenceRangeEnd', { control: control.id }, () => control.source.at(['evidence', entry.index, 'to']));
      }
      // A planned control may well take effect later, and an active one may have its retirement scheduled.
      if (control.status === 'active') check(control.effectiveFrom, 'controlEffective', { control: control.id }, () => control.source.at(['effective_from']));
      if (control.status === 'retired') check(control.retiredOn, 'controlRetired', { control: control.id }, () => control.source.at(['retired_on']));
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
