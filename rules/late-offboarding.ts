// Leavers whose access was removed late, or not at all on record: one of the exceptions auditors raise most often
// (CC6.2), because a former employee with working credentials is the plainest access failure there is.
import { addBusinessDays, addDays, compareDates, daysBetween } from '../src/core/dates.js';
import { hasLeft } from '../src/model/people.js';
import { samplingWindow } from '../src/model/program.js';
import { defineRule, ruleOptions } from '../src/engine/rule.js';

const LATE = '{{name}} ({{person}}): access removed {{removed}}';
const FIX_LATE = 'Correct the date if it is a typo; otherwise record the exception with a waiver and tighten the leaver process.';

export default defineRule({
  meta: {
    id: 'late-offboarding',
    description:
      'A leaver of the audit period (or the last 12 months) whose access removal, overall or per system, is missing, has no evidence, or came after the deadline (within_days, or deadline: { business_days }).',
    defaultSeverity: 'error',
    reads: ['person', 'scope'],
    options: ruleOptions<{ within_days: number; deadline?: { business_days: number } }>({
      defaults: { within_days: 1 },
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          within_days: { type: 'integer', minimum: 0, maximum: 366 },
          deadline: {
            type: 'object',
            additionalProperties: false,
            required: ['business_days'],
            properties: { business_days: { type: 'integer', minimum: 0, maximum: 60 } },
          },
        },
      },
    }),
    // Late by one day happens only when none is allowed, so "1 day after" and "allowed: 1 day" never meet.
    messages: {
      notRecorded:
        '{{name}} ({{person}}) left on {{end}} but no access removal is recorded; access was due to be removed by {{deadline}}. Add offboarded: {date, evidence} with the date access was removed.',
      late: `${LATE}, {{days}} days after the last day {{end}}; allowed: {{allowed}} days. ${FIX_LATE}`,
      lateByOneDay: `${LATE}, 1 day after the last day {{end}}; allowed: {{allowed}} days. ${FIX_LATE}`,
      lateWithOneDayAllowed: `${LATE}, {{days}} days after the last day {{end}}; allowed: 1 day. ${FIX_LATE}`,
      lateBusinessDays: `${LATE}, after the deadline {{deadline}} ({{allowedText}} after the last day {{end}}). ${FIX_LATE}`,
      systemLate: `{{name}} ({{person}}): access to {{system}} removed {{removed}}, after the deadline {{deadline}} ({{allowedText}} after the last day {{end}}). ${FIX_LATE}`,
      systemNotRecorded:
        '{{name}} ({{person}}) left on {{end}}, but offboarded.systems records no removal of access to {{system}}, due by {{deadline}}. Add the date access to {{system}} was removed (removal is tested per system).',
      noEvidence:
        '{{name}} ({{person}}) left on {{end}} and offboarded.date says access was removed on {{removed}}, but there is no evidence of the removal. Add offboarded.evidence with the path of the ticket or export that shows it.',
    },
  },
  check({ model, asOf, options, report }) {
    const allowed = options.within_days;
    const businessDays = options.deadline?.business_days;
    const allowedText = businessDays !== undefined ? plural(businessDays, 'business day') : plural(allowed, 'day');
    // Leavers from the start of the audit period (or of the last 12 months) on: a 2023 leaver is history.
    const window = samplingWindow(model, asOf, 12);
    for (const person of model.people) {
      const { end, offboarded } = person;
      // Not a leaver, or still here (the last day counts as employed): nothing is due yet.
      if (end === undefined || !hasLeft(person, asOf) || compareDates(end, window.start) < 0) continue;
      const leaver = { name: person.name, person: person.id, end };
      const deadline = businessDays !== undefined ? addBusinessDays(end, businessDays, model.holidays) : addDays(end, allowed);
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
      if (compareDates(offboarded.date, deadline) > 0 && businessDays !== undefined) {
        report({ messageId: 'lateBusinessDays', data: { ...leaver, removed: offboarded.date, deadline, allowedText }, at: person.source.at(['offboarded', 'date']) });
      } else if (compareDates(offboarded.date, deadline) > 0) {
        const days = daysBetween(end, offboarded.date);
        report({
          messageId: days === 1 ? 'lateByOneDay' : allowed === 1 ? 'lateWithOneDayAllowed' : 'late',
          data: { ...leaver, removed: offboarded.date, days, allowed },
          at: person.source.at(['offboarded', 'date']),
        });
      }
      if (offboarded.systems) {
        const removed = new Map(offboarded.systems.map((entry) => [entry.system, entry.date]));
        for (const { system, date } of offboarded.systems) {
          if (compareDates(date, deadline) <= 0) continue;
          report({ messageId: 'systemLate', data: { ...leaver, system, removed: date, deadline, allowedText }, at: person.source.at(['offboarded', 'systems', system]) });
        }
        // Once removal is recorded per system, every system in scope must be in the list.
        if (compareDates(asOf, deadline) > 0) {
          for (const system of model.systems) {
            if (removed.has(system.id)) continue;
            report({ messageId: 'systemNotRecorded', data: { ...leaver, system: system.id, deadline }, at: person.source.at(['offboarded', 'systems'], 'key') });
          }
        }
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

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
