// Someone at work who has not acknowledged the current version of a policy that requires it: the auditor samples
// staff and asks for each one's signed acknowledgment of the policies in force (CC1.1, CC2.2).
import { addDays, compareDates, maxDate, type IsoDate } from '../src/core/dates.js';
import { isActivePerson } from '../src/model/people.js';
import { samplingWindow } from '../src/model/program.js';
import { defineRule, ruleOptions } from '../src/engine/rule.js';
import type { AcknowledgmentRecord, Person, Policy } from '../src/model/types.js';

const NOT_ACKNOWLEDGED = '{{person}} has not acknowledged {{policy}}';
const VERSION = ' version "{{version}}"';
const DUE_AFTER_APPROVAL = ' (due by {{due}}, {{within}} days after it was approved on {{approvedOn}})';
const DUE_AFTER_START = ' (due by {{due}}, {{within}} days after they started on {{start}})';
const LAST = '; they last acknowledged version "{{lastVersion}}" on {{lastDate}}';
const RECORD = '. Record the acknowledgment in acknowledgments/.';

export default defineRule({
  meta: {
    id: 'missing-acknowledgment',
    description: 'An active person who has not acknowledged the current version of an approved policy that requires acknowledgment, within_days after it was approved or they started.',
    defaultSeverity: 'error',
    reads: ['person', 'policy', 'acknowledgment', 'scope'],
    options: ruleOptions<{ within_days: number; late_in_period: boolean }>({
      defaults: { within_days: 30, late_in_period: true },
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: { within_days: { type: 'integer', minimum: 0, maximum: 366 }, late_in_period: { type: 'boolean' } },
      },
    }),
    // missing: the policy has no version, so any acknowledgment would do; missingVersion: none of the current version;
    // outdated: only of an older version. Each with its deadline, when one is known.
    messages: {
      missing: `${NOT_ACKNOWLEDGED}${RECORD}`,
      missingSinceApproval: `${NOT_ACKNOWLEDGED}${DUE_AFTER_APPROVAL}${RECORD}`,
      missingSinceStart: `${NOT_ACKNOWLEDGED}${DUE_AFTER_START}${RECORD}`,
      missingVersion: `${NOT_ACKNOWLEDGED}${VERSION}${RECORD}`,
      missingVersionSinceApproval: `${NOT_ACKNOWLEDGED}${VERSION}${DUE_AFTER_APPROVAL}${RECORD}`,
      missingVersionSinceStart: `${NOT_ACKNOWLEDGED}${VERSION}${DUE_AFTER_START}${RECORD}`,
      outdated: `${NOT_ACKNOWLEDGED}${VERSION}${LAST}${RECORD}`,
      outdatedSinceApproval: `${NOT_ACKNOWLEDGED}${VERSION}${DUE_AFTER_APPROVAL}${LAST}${RECORD}`,
      outdatedSinceStart: `${NOT_ACKNOWLEDGED}${VERSION}${DUE_AFTER_START}${LAST}${RECORD}`,
      // Met, but late, with the deadline inside the audit period: the auditor samples what happened then.
      lateSinceStart:
        '{{person}} acknowledged {{policy}} on {{acknowledged}}, due by {{due}} ({{within}} days after they started on {{start}}), within {{window}}: an auditor sampling this joiner records an exception. Keep the record as it is, and collect acknowledgments on time.',
      lateSinceApproval:
        '{{person}} acknowledged {{policy}} on {{acknowledged}}, due by {{due}} ({{within}} days after it was approved on {{approvedOn}}), within {{window}}: an auditor sampling this person records an exception. Keep the record as it is, and collect acknowledgments on time.',
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
    if (options.late_in_period) {
      const window = samplingWindow(model, asOf, 12);
      for (const person of model.people) {
        for (const policy of policies) {
          const due = deadline(person, policy, options.within_days);
          if (!due || compareDates(due.date, window.start) < 0 || compareDates(due.date, window.end) > 0) continue;
          const matching = (acks.get(`${person.id}\n${policy.id}`) ?? []).filter((ack) => policy.version === undefined || ack.version === policy.version);
          const first = matching.sort((a, b) => compareDates(a.date, b.date))[0];
          if (!first || compareDates(first.date, due.date) <= 0) continue;
          report({
            messageId: 'start' in due.after ? 'lateSinceStart' : 'lateSinceApproval',
            data: { person: person.id, policy: policy.id, acknowledged: first.date, due: due.date, within: options.within_days, window: window.label, ...due.after },
            at: first.source.at(['date']),
            record: person.id,
          });
        }
      }
    }
    for (const person of model.people) {
      if (!isActivePerson(person, asOf)) continue;
      for (const policy of policies) {
        const due = deadline(person, policy, options.within_days);
        if (due && compareDates(asOf, due.date) <= 0) continue; // still within the grace period
        const theirs = acks.get(`${person.id}\n${policy.id}`) ?? [];
        if (theirs.some((ack) => policy.version === undefined || ack.version === policy.version)) continue;
        const latest = maxDate(theirs.map((ack) => ack.date));
        const older = theirs.find((ack) => ack.date === latest);
        const what = policy.version === undefined ? 'missing' : older ? 'outdated' : 'missingVersion';
        const since = !due ? '' : 'start' in due.after ? 'SinceStart' : 'SinceApproval';
        report({
          messageId: `${what}${since}`,
          data: {
            person: person.id,
            policy: policy.id,
            ...(policy.version !== undefined ? { version: policy.version } : {}),
            ...(due ? { due: due.date, within: options.within_days, ...due.after } : {}),
            ...(older ? { lastVersion: older.version, lastDate: older.date } : {}),
          },
          at: person.source.at(['id']),
          record: person.id,
        });
      }
    }
  },
});

/**
 * The last day to acknowledge: within_days after the later of the start date and the approval, and which one that is;
 * none when neither is known.
 */
function deadline(person: Person, policy: Policy, within: number): { date: IsoDate; after: { start: IsoDate } | { approvedOn: IsoDate } } | undefined {
  const { start } = person;
  const { approvedOn } = policy;
  if (start && (!approvedOn || compareDates(start, approvedOn) > 0)) return { date: addDays(start, within), after: { start } };
  if (approvedOn) return { date: addDays(approvedOn, within), after: { approvedOn } };
  return undefined;
}
