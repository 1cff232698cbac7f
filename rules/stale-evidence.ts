// Proof that has stopped coming: the newest evidence is older than the control's own cadence allows, so the control
// has probably stopped operating (or stopped being recorded), which an auditor's sample will show as an exception.
import { EVIDENCE_MAX_AGE, activeControls, newestEvidenceDate } from '../src/model/program.js';
import { addDays, addInterval, compareDates, describeInterval } from '../src/core/dates.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule<{ grace: number }>({
  meta: {
    id: 'stale-evidence',
    description: "An active control whose newest evidence is older than its frequency allows (option grace, in days).",
    defaultSeverity: 'error',
    reads: ['control'],
    options: {
      defaults: { grace: 0 },
      schema: { type: 'object', additionalProperties: false, properties: { grace: { type: 'integer', minimum: 0, maximum: 366 } } },
    },
  },
  check({ model, asOf, options, report }) {
    for (const control of activeControls(model)) {
      const maxAge = EVIDENCE_MAX_AGE[control.frequency];
      const newest = newestEvidenceDate(control, asOf);
      if (!maxAge || !newest) continue; // event controls never go stale; no evidence at all is missing-evidence
      const due = addDays(addInterval(newest, maxAge), options.grace);
      if (compareDates(due, asOf) >= 0) continue;
      const entry = control.evidence.find((e) => e.date === newest)!;
      report({
        message: `Control ${control.id} runs ${control.frequency}, but its newest evidence is from ${newest}; the next was due by ${due}${options.grace ? ` (with ${options.grace} days' grace)` : ''}, ${describeInterval(maxAge)} after it. Add evidence of the latest run, or fix the frequency.`,
        at: control.source.at(['evidence', entry.index, 'date']),
      });
    }
  },
});
