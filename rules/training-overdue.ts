// Someone at work without current security awareness training (none within 30 days of starting, or none in the last
// year): "training not completed" is one of the most frequent SOC 2 exceptions (CC2.2, CC1.4).
import { addDays, addInterval, compareDates, describeInterval, maxDate, parseInterval, subtractInterval, INTERVAL_PATTERN } from '../src/core/dates.js';
import { isActivePerson } from '../src/model/people.js';
import { defineRule, ruleOptions } from '../src/engine/rule.js';

const DEFAULT_EVERY = 'P12M';

export default defineRule({
  meta: {
    id: 'training-overdue',
    description: 'An active person with no security training within within_days of starting, or none in the last year (option every).',
    defaultSeverity: 'error',
    reads: ['person', 'training'],
    options: ruleOptions<{ every: string; within_days: number; courses: string[] }>({
      defaults: { every: DEFAULT_EVERY, within_days: 30, courses: [] },
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          every: { type: 'string', pattern: INTERVAL_PATTERN },
          within_days: { type: 'integer', minimum: 0, maximum: 366 },
          courses: { type: 'array', items: { type: 'string', minLength: 1 } },
        },
      },
    }),
    messages: {
      noOnboardingTraining:
        '{{person}} had no security training within {{days}} days of starting on {{start}} (due by {{due}}). Have them take the security training and add the record under training/.',
      overdue:
        '{{person}}: last security training on {{last}}, more than {{interval}} ago (the next was due by {{due}}). Have them take the security training and add the record under training/.',
      neverTrained: '{{person}} has no security training on record; it is due every {{interval}}. Have them take the security training and add the record under training/.',
    },
  },
  check({ model, asOf, options, report }) {
    if (!model.hasPeopleFile) return; // without a people register there is no one to hold to it
    const every = parseInterval(options.every) ?? parseInterval(DEFAULT_EVERY)!;
    const within = options.within_days;
    const courses = new Set(options.courses.map((course) => course.trim().toLowerCase()));
    const isSecurity = (course: string) => (courses.size > 0 ? courses.has(course.trim().toLowerCase()) : course.toLowerCase().includes('security'));
    const datesBy = new Map<string, string[]>();
    for (const record of model.training) {
      if (!isSecurity(record.course) || compareDates(record.date, asOf) > 0) continue; // future-dated training is no proof
      datesBy.set(record.person, [...(datesBy.get(record.person) ?? []), record.date]);
    }
    const recentSince = subtractInterval(asOf, every); // who started after this is a recent starter
    for (const person of model.people) {
      if (!isActivePerson(person, asOf)) continue;
      const dates = datesBy.get(person.id) ?? [];
      const at = person.source.at(['id']);
      const start = person.start;
      if (start && compareDates(asOf, addDays(start, within)) <= 0) continue; // still inside the onboarding window
      if (start && compareDates(start, recentSince) > 0) {
        // Training taken late still counts once it is done (as a late acknowledgment does): the finding is for
        // someone who has never been trained since joining, and the dates on record show the auditor it was late.
        const [from, to] = [addDays(start, -within), addDays(start, within)];
        if (!dates.some((date) => compareDates(date, from) >= 0)) {
          report({ messageId: 'noOnboardingTraining', data: { person: person.id, days: within, start, due: to }, at, record: person.id });
          continue;
        }
      }
      const last = maxDate(dates);
      if (last && compareDates(addInterval(last, every), asOf) >= 0) continue; // the next is due on or after asOf
      if (last) {
        report({ messageId: 'overdue', data: { person: person.id, last, interval: describeInterval(every), due: addInterval(last, every) }, at, record: person.id });
      } else {
        report({ messageId: 'neverTrained', data: { person: person.id, interval: describeInterval(every) }, at, record: person.id });
      }
    }
  },
});
