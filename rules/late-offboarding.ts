// Leavers whose access was removed late, or not at all on record: one of the exceptions auditors raise most often
// (CC6.2), because a former employee with working credentials is the plainest access failure there is.
import { addDays, compareDates, daysBetween } from '../src/core/dates.js';
import { hasLeft } from '../src/model/people.js';
import { defineRule, ruleOptions } from '../src/engine/rule.js';

const LATE = '{{name}} ({{person}}): access removed {{removed}}';
const FIX_LATE = 'Correct the date if it is a typo; otherwise record the exception with a waiver and tighten the leaver process.';

export default defineRule({
  meta: {
    id: 'late-offboarding',
    description: 'A leaver whose access removal (offboarded.date) is missing, has no evidence, or came more than within_days after their last day.',
    defaultSeverity: 'error',
    reads: ['person'],
    options: ruleOptions<{ within_days: number }>({
      defaults: { within_days: 1 },
      schema: { type: 'object', additionalProperties: false, properties: { within_days: { type: 'integer', minimum: 0, maximum: 366 } } },
    }),
    // Late by one day happens only when none is allowed, so "1 day after" and "allowed: 1 day" never meet.
    messages: {
      notRecorded:
        '{{name}} ({{person}}) left on {{end}} but no access removal is recorded; access was due to be removed by {{deadline}}. Add offboarded: {date, evidence} with the date access was removed.',
      late: `${LATE}, {{days}} days after the last day {{end}}; allowed: {{allowed}} days. ${FIX_LATE}`,
      lateByOneDay: `${LATE}, 1 day after the last day {{end}}; allowed: {{allowed}} days. ${FIX_LATE}`,
      lateWithOneDayAllowed: `${LATE}, {{days}} days after the last day {{end}}; allowed: 1 day. ${FIX_LATE}`,
      noEvidence:
        '{{name}} ({{person}}) left on {{end}} and offboarded.date says access was removed on {{removed}}, but there is no evidence of the removal. Add offboarded.evidence with the path of the ticket or export that shows it.',
    },
  },
  check({ model, asOf, options, report }) {
    const allowed = options.within_days;
    for (const person of model.people) {
      const { end, offboarded } = person;
      // Not a leaver, or still here (the last day counts as employed): nothing is due yet.
      if (end === undefined || !hasLeft(person, asOf)) continue;
      const leaver = { name: person.name, person: person.id, end };
      const deadline = addDays(end, allowed);
      if (!offboarded) {
        // Within the window; or an offboarded record is written but malformed, which schema-violation reports.
        if (compareDates(asOf, deadline) <= 0 || person.source.has(['offboarded'])) continue;
        report({
          messageId: 'notRecorded',
          data: { ...leaver, deadline },
          at: person.source.at(['end']),
        });
        continue;
      }
      if (compareDates(offboarded.date, deadline) > 0) {
        const days = daysBetween(end, offboarded.date);
        report({
          messageId: days === 1 ? 'lateByOneDay' : allowed === 1 ? 'lateWithOneDayAllowed' : 'late',
          data: { ...leaver, removed: offboarded.date, days, allowed },
          at: person.source.at(['offboarded', 'date']),
        });
      }
      if (offboarded.evidence === undefined && !person.source.has(['offboarded', 'evidence'])) {
        report({
          messageId: 'noEvidence',
          data: { ...leaver, removed: offboarded.date },
          at: person.source.at(['offboarded'], 'key'),
        });
      }
    }
  },
});
