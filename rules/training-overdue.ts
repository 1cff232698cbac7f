// Someone at work without current security awareness training (none within 30 days of starting, or none in the last
// year): "training not completed" is one of the most frequent SOC 2 exceptions (CC2.2, CC1.4).
import { addDays, addInterval, compareDates, describeInterval, maxDate, parseInterval, subtractInterval, INTERVAL_PATTERN } from '../src/core/dates.js';
import { isActivePerson } from '../src/model/people.js';
import { samplingWindow } from '../src/model/program.js';
import type { TrainingRecord } from '../src/model/types.js';
import { defineRule, ruleOptions } from '../src/engine/rule.js';

const DEFAULT_EVERY = 'P12M';

export default defineRule({
  meta: {
    id: 'training-overdue',
    description: 'An active person with no security training within within_days of starting, or none in the last year (option every).',
    defaultSeverity: 'error',
    reads: ['person', 'training', 'scope'],
    options: ruleOptions<{ every: string; within_days: number; courses: string[]; late_in_period: boolean }>({
      defaults: { every: DEFAULT_EVERY, within_days: 30, courses: [], late_in_period: true },
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          every: { type: 'string', pattern: INTERVAL_PATTERN },
          within_days: { type: 'integer', minimum: 0, maximum: 366 },
          courses: { type: 'array', items: { type: 'string', minLength: 1 } },
          late_in_period: { type: 'boolean' },
        },
      },
    }),
    messages: {
      noOnboardingTraining:
        '{{person}} had no security training within {{days}} days of starting on {{start}} (due by {{due}}). Have them take the security training and add the record under training/.',
      overdue:
        '{{person}}: last security training on {{last}}, more than {{interval}} ago (the next was due by {{due}}). Have them take the security training and add the record under training/.',
      lateOnboarding:
        '{{person}} completed security training on {{completed}}, due by {{due}} ({{days}} days after starting on {{start}}), within {{window}}: an auditor sampling this joiner records an exception. Keep the record as it is, and train joiners within {{days}} days.',
      lateRefresher:
        '{{person}} completed security training on {{completed}}, due by {{due}} ({{interval}} after the previous one on {{previous}}), within {{window}}: an auditor sampling this person records an exception. Keep the record as it is, and retrain before the due date.',
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
    const recordsBy = new Map<string, TrainingRecord[]>();
    for (const record of model.training) {
      if (!isSecurity(record.course) || compareDates(record.date, asOf) > 0) continue; // future-dated training is no proof
      datesBy.set(record.person, [...(datesBy.get(record.person) ?? []), record.date]);
      recordsBy.set(record.person, [...(recordsBy.get(record.person) ?? []), record]);
    }
    if (options.late_in_period) {
      const window = samplingWindow(model, asOf, 12);
      const inWindow = (date: string) => compareDates(date, window.start) >= 0 && compareDates(date, window.end) <= 0;
      for (const person of model.people) {
        // The auditor samples what happened then: training done late is an exception even when it is done now.
        const records = [...(recordsBy.get(person.id) ?? [])].sort((a, b) => compareDates(a.date, b.date));
        const start = person.start;
        const onboarding = start ? records.find((record) => compareDates(record.date, addDays(start, -within)) >= 0) : undefined;
        if (start && onboarding) {
          const due = addDays(start, within);
          if (inWindow(due) && compareDates(onboarding.date, due) > 0) {
            report({ messageId: 'lateOnboarding', data: { person: person.id, completed: onboarding.date, due, days: within, start, window: window.label }, at: onboarding.source.at(['date']), record: person.id });
          }
        }
        for (let i = 1; i < records.length; i++) {
          const [previous, next] = [records[i - 1]!, records[i]!];
          if (next === onboarding) continue;
          const due = addInterval(previous.date, every);
          if (inWindow(due) && compareDates(next.date, due) > 0) {
            report({ messageId: 'lateRefresher', data: { person: person.id, completed: next.date, due, interval: describeInterval(every), previous: previous.date, window: window.label }, at: next.source.at(['date']), record: person.id });
          }
        }
      }
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
