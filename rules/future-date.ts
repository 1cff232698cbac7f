// Dates after as_of: nearly always typos (2062 for 2026), and they hide staleness, since a review "in the future" is never overdue.
import { compareDates, type IsoDate } from '../src/core/dates.js';
import { defineRule } from '../src/engine/rule.js';
import type { RecordSource } from '../src/model/types.js';

export default defineRule({
  meta: {
    id: 'future-date',
    description: 'A review, approval, evidence, report or record date after as_of.',
    defaultSeverity: 'error',
    reads: ['policy', 'scope', 'control', 'vendor', 'person', 'training', 'acknowledgment'],
  },
  check({ model, asOf, report }) {
    const check = (owner: string, field: string, date: IsoDate | undefined, source: RecordSource, path: (string | number)[]) => {
      if (date === undefined || compareDates(date, asOf) <= 0) return;
      report({
        message: `${owner}: ${field} ${date} is after ${asOf}, the date being linted as of. Fix the date (a typo?), or record it once it has happened.`,
        at: source.at(path),
      });
    };
    for (const policy of model.policies) {
      check(`Policy ${policy.id}`, 'approved_on', policy.approvedOn, policy.source, ['approved_on']);
      check(`Policy ${policy.id}`, 'last_reviewed', policy.lastReviewed, policy.source, ['last_reviewed']);
    }
    if (model.scope) check('Scope', 'last_reviewed', model.scope.lastReviewed, model.scope.source, ['last_reviewed']);
    for (const control of model.controls) {
      for (const entry of control.evidence) {
        check(`Control ${control.id}`, 'evidence date', entry.date, control.source, ['evidence', entry.index, 'date']);
      }
    }
    for (const vendor of model.vendors) {
      check(`Vendor ${vendor.id}`, 'last_reviewed', vendor.lastReviewed, vendor.source, ['last_reviewed']);
      check(`Vendor ${vendor.id}`, 'assurance period_end', vendor.assurance?.periodEnd, vendor.source, ['assurance', 'period_end']);
    }
    for (const person of model.people) {
      check(`Person ${person.id}`, 'offboarded date', person.offboarded?.date, person.source, ['offboarded', 'date']);
    }
    for (const record of model.training) check(`Training of ${record.person}`, 'date', record.date, record.source, ['date']);
    for (const record of model.acknowledgments) {
      check(`Acknowledgment of ${record.policy} by ${record.person}`, 'date', record.date, record.source, ['date']);
    }
  },
});
