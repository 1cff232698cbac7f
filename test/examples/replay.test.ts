// A Type II audit tests every day of the period, not the day the linter runs: the healthy example must lint without
// errors on each day from its period start to 30 days after its end. The program is loaded once and the rules re-run
// per day, the way lint() runs them.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { addDays, compareDates } from '../../src/core/dates.js';
import { activeFindings } from '../../src/engine/finding.js';
import { modelPartsFor } from '../../src/engine/rule.js';
import { runRules } from '../../src/engine/run.js';
import { applyFileSettings, resolveSettings } from '../../src/engine/settings.js';
import { loadRepo } from '../../src/model/load.js';
import { typeTwoPeriod } from '../../src/model/program.js';
import { RULES } from '../../rules/index.js';

const root = fileURLToPath(new URL('../../examples/acme-saas', import.meta.url));
/**
 * Off: what git says depends on this project's checkout, not on the example (test/examples.test.ts covers it); and
 * future-date, because replaying today's files makes every record written after a replayed day "in the future" on
 * it. The evidence judgements ignore entries dated after the day, as if they had not been written yet.
 */
const OFF = ['untracked-evidence', 'changed-since-approval', 'backdated-evidence', 'future-date'];

describe('examples/acme-saas replayed through its audit period', () => {
  it('has no errors on any day from the period start to 30 days after its end', async () => {
    const config = loadConfig(root);
    const settings = resolveSettings(RULES, config, OFF.map((ruleId) => ({ ruleId, setting: 'off' as const })));
    const model = await loadRepo(config, modelPartsFor(settings.enabled.map((e) => e.rule)));
    const period = typeTwoPeriod(model);
    expect(period, 'the example declares a Type II period').toBeDefined();
    const ids = new Set(RULES.map((rule) => rule.meta.id));
    const errors: string[] = [];
    let days = 0;
    for (let day = period!.start; compareDates(day, addDays(period!.end, 30)) <= 0; day = addDays(day, 1)) {
      days++;
      const findings = activeFindings(applyFileSettings(runRules(model, settings.enabled, day, ids), settings));
      for (const f of findings.filter((finding) => finding.severity === 'error')) errors.push(`${day} ${f.file}:${f.line} ${f.ruleId}: ${f.message}`);
    }
    expect(errors).toEqual([]);
    expect(days, '181 days of the period and 30 after').toBe(211);
  });
});
