// Someone at work without current security awareness training (none within 30 days of starting, or none in the last
// year): "training not completed" is one of the most frequent SOC 2 exceptions (CC2.2, CC1.4).
import { addDays, addInterval, compareDates, describeInterval, parseInterval, INTERVAL_PATTERN } from '../src/core/dates.js';
import { isActivePerson } from '../src/model/people.js';
import { samplingWindow } from '../src/model/program.js';
import { nextTrainingDue, securityTrainingBy } from '../src/model/training.js';
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
    // Future-dated training is no proof.
    const recordsBy = securityTrainingBy(model, asOf, options.courses);
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
    for (const person of model.people) {
      if (!isActivePerson(person, asOf)) continue;
      const dates = (recordsBy.get(person.id) ?? []).map((record) => record.date);
      const at = person.source.at(['id']);
      const start = person.start;
      if (start && compareDates(asOf, addDays(start, within)) <= 0) continue; // still inside the onboarding window
      // Training taken late still counts once it is done (as a late acknowledgment does): the finding is for someone
      // who has never been trained since joining, and the dates on record show the auditor it was late.
      const next = nextTrainingDue(person, dates, every, within, asOf);
      if (next.kind === 'onboarding') {
        report({ messageId: 'noOnboardingTraining', data: { person: person.id, days: within, start: next.start, due: next.due }, at, record: person.id });
      } else if (next.kind === 'refresher') {
        if (compareDates(next.due, asOf) >= 0) continue; // the next is due on or after asOf
        report({ messageId: 'overdue', data: { person: person.id, last: next.last, interval: describeInterval(every), due: next.due }, at, record: person.id });
      } else {
        report({ messageId: 'neverTrained', data: { person: person.id, interval: describeInterval(every) }, at, record: person.id });
      }
    }
  },
});
