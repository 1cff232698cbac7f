// Evidence committed long after the run it claims to record: a review "held" in March whose file first appeared in
// git in June was probably written after the fact. Git's history is the one witness a fabricated date cannot move.
import { repoPath } from '../src/model/evidence.js';
import { daysBetween } from '../src/core/dates.js';
import { defineRule, ruleOptions } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'backdated-evidence',
    description: 'An evidence file first committed to git more than option days (default 30) after the date its entry claims.',
    defaultSeverity: 'warn',
    perFile: true,
    reads: ['control', 'git-added'],
    options: ruleOptions<{ days: number }>({
      defaults: { days: 30 },
      schema: { type: 'object', additionalProperties: false, properties: { days: { type: 'integer', minimum: 0, maximum: 3660 } } },
    }),
    messages: {
      backdated:
        'Control {{control}}: "{{path}}" is dated {{date}}, but it was first committed on {{committed}}, {{days}} days later (more than {{max}}). If it was written after the fact, say so in a note and date it when it was made; if it was kept elsewhere first, keep the original export with its own date.',
    },
  },
  check({ model, options, report }) {
    const added = model.git?.available ? model.git.evidenceAdded : undefined;
    if (!added) return;
    for (const control of model.controls) {
      for (const entry of control.evidence) {
        if (entry.path === undefined) continue;
        const committed = added.get(repoPath(entry.path));
        if (committed === undefined) continue; // not committed yet: untracked-evidence's finding
        const days = daysBetween(entry.date, committed);
        if (days <= options.days) continue;
        const dated = control.source.has(['evidence', entry.index, 'date']);
        report({
          messageId: 'backdated',
          data: { control: control.id, path: entry.path, date: entry.date, committed, days, max: options.days },
          at: control.source.at(['evidence', entry.index, dated ? 'date' : 'to']),
        });
      }
    }
  },
});
