// Someone at work who has not acknowledged the current version of a policy that requires it: the auditor samples
// staff and asks for each one's signed acknowledgment of the policies in force (CC1.1, CC2.2).
import { addDays, compareDates, maxDate } from '../src/core/dates.js';
import { isActivePerson } from '../src/model/people.js';
import { defineRule } from '../src/engine/rule.js';
import type { AcknowledgmentRecord, Person, Policy } from '../src/model/types.js';

export default defineRule<{ within_days: number }>({
  meta: {
    id: 'missing-acknowledgment',
    description: 'An active person who has not acknowledged the current version of an approved policy that requires acknowledgment, within_days after it was approved or they started.',
    defaultSeverity: 'error',
    reads: ['person', 'policy', 'acknowledgment'],
    options: {
      defaults: { within_days: 30 },
      schema: { type: 'object', additionalProperties: false, properties: { within_days: { type: 'integer', minimum: 0, maximum: 366 } } },
    },
  },
  check({ model, asOf, options, report }) {
    if (!model.hasPeopleFile) return; // without a people register there is no one to hold to it
    const policies = model.policies.filter((policy) => policy.status === 'approved' && policy.requiresAcknowledgment);
    if (policies.length === 0) return;
    const acks = new Map<string, AcknowledgmentRecord[]>();
    for (const ack of model.acknowledgments) {
      if (compareDates(ack.date, asOf) > 0) continue; // an acknowledgment dated in the future is no proof yet
      const key = `${ack.person}\n${ack.policy}`;
      acks.set(key, [...(acks.get(key) ?? []), ack]);
    }
    for (const person of model.people) {
      if (!isActivePerson(person, asOf)) continue;
      for (const policy of policies) {
        const due = deadline(person, policy, options.within_days);
        if (due && compareDates(asOf, due.date) <= 0) continue; // still within the grace period
        const theirs = acks.get(`${person.id}\n${policy.id}`) ?? [];
        if (theirs.some((ack) => policy.version === undefined || ack.version === policy.version)) continue;
        const what = policy.version === undefined ? policy.id : `${policy.id} version "${policy.version}"`;
        const latest = maxDate(theirs.map((ack) => ack.date));
        const older = theirs.find((ack) => ack.date === latest);
        report({
          message:
            `${person.id} has not acknowledged ${what}` +
            (due ? ` (due by ${due.date}, ${options.within_days} days after ${due.reason})` : '') +
            (older ? `; they last acknowledged version "${older.version}" on ${older.date}` : '') +
            '. Record the acknowledgment in acknowledgments/.',
          at: person.source.at(['id']),
          record: person.id,
        });
      }
    }
  },
});

/** The last day to acknowledge: within_days after the later of the start date and the approval; none when neither is known. */
function deadline(person: Person, policy: Policy, within: number): { date: string; reason: string } | undefined {
  const { start } = person;
  const approved = policy.approvedOn;
  if (start && (!approved || compareDates(start, approved) > 0)) return { date: addDays(start, within), reason: `they started on ${start}` };
  if (approved) return { date: addDays(approved, within), reason: `it was approved on ${approved}` };
  return undefined;
}
