// Records that cannot be true: training or an acknowledgment dated before the person started, or an acknowledgment of
// a policy version dated before that version was approved. Auditors read them as backfilled or fabricated evidence.
import { compareDates } from '../src/core/dates.js';
import { defineRule } from '../src/engine/rule.js';
import { peopleByAddress } from '../src/model/people.js';

export default defineRule({
  meta: {
    id: 'impossible-record',
    description: 'A training or acknowledgment record dated before the person started, or an acknowledgment dated before the acknowledged policy version was approved.',
    defaultSeverity: 'error',
    reads: ['person', 'policy', 'training', 'acknowledgment'],
    messages: {
      trainingBeforeStart:
        'Training record of {{person}} for {{course}} is dated {{date}}, before they started on {{start}}. Correct the date from the training tool\'s export; a record dated before the person joined reads as backfilled evidence.',
      acknowledgmentBeforeStart:
        'Acknowledgment of {{policy}} by {{person}} is dated {{date}}, before they started on {{start}}. Correct the date from the signing tool\'s export; a record dated before the person joined reads as backfilled evidence.',
      acknowledgmentBeforeApproval:
        'Acknowledgment of {{policy}} version "{{version}}" by {{person}} is dated {{date}}, before that version was approved on {{approvedOn}}. Nobody can acknowledge a version that did not exist yet: correct the date or the version.',
    },
  },
  check({ model, report }) {
    const personAt = peopleByAddress(model);
    const startOf = (id: string) => personAt(id)?.start;
    for (const record of model.training) {
      const start = startOf(record.person);
      if (start && compareDates(record.date, start) < 0) {
        report({ messageId: 'trainingBeforeStart', data: { person: record.person, course: record.course, date: record.date, start }, at: record.source.at(['date']) });
      }
    }
    const policies = new Map(model.policies.map((policy) => [policy.id, policy]));
    for (const record of model.acknowledgments) {
      const data = { person: record.person, policy: record.policy, date: record.date };
      const start = startOf(record.person);
      if (start && compareDates(record.date, start) < 0) {
        report({ messageId: 'acknowledgmentBeforeStart', data: { ...data, start }, at: record.source.at(['date']) });
      }
      // Only the current version's approval date is known; earlier versions were approved on dates no file records.
      const policy = policies.get(record.policy);
      if (policy?.approvedOn && policy.version === record.version && compareDates(record.date, policy.approvedOn) < 0) {
        report({ messageId: 'acknowledgmentBeforeApproval', data: { ...data, version: record.version, approvedOn: policy.approvedOn }, at: record.source.at(['date']) });
      }
    }
  },
});
