// The library entry of `soc2lint criteria`: config → model → coverage, judged as stale-evidence judges.
import { loadConfig, type Config } from '../config/config.js';
import { todayUtc, type IsoDate } from '../core/dates.js';
import { resolveSettings } from '../engine/settings.js';
import { loadRepo } from '../model/load.js';
import { RULES } from '../../rules/index.js';
import { resolveAsOf } from './as-of.js';
import { coverage, type CoverageReport } from './coverage.js';
import { calendarOptions, type CalendarOptions } from '../model/evidence-calendar.js';

export interface CriteriaOptions {
  /** The repo root (absolute). */
  root: string;
  /** A config file other than the root's soc2lint.config.yaml. */
  configFile?: string;
  /** Overrides the config's as_of. */
  now?: IsoDate;
  /** The date when neither `now` nor as_of is set; today in UTC when not given. */
  today?: IsoDate;
}

export interface CriteriaResult {
  coverage: CoverageReport;
  /** How many files or records could not be loaded, and so are left out of the coverage. */
  problems: number;
}

/**
 * The evidence calendar a rule judges by: its `grace` and `continuous_every` options as the config sets them (its
 * defaults when not set). Coverage and the report's due dates use stale-evidence's; the report's timeline evidence-gap's.
 */
export function ruleCalendar(config: Config, ruleId: 'stale-evidence' | 'evidence-gap'): CalendarOptions {
  return calendarOptions(resolveSettings(RULES, config).optionsFor(ruleId) as Parameters<typeof calendarOptions>[0]);
}

/** The coverage of the program at `options.root`. Throws ConfigError for a bad config or option. */
export async function criteriaCoverage(options: CriteriaOptions): Promise<CriteriaResult> {
  const config = loadConfig(options.root, options.configFile);
  const asOf = resolveAsOf(options.now, config, options.today ?? todayUtc());
  // Resolving every rule checks the config as lint does, and gives stale-evidence's options.
  const calendar = ruleCalendar(config, 'stale-evidence');
  const model = await loadRepo(config);
  return { coverage: coverage(model, asOf, calendar), problems: model.problems.length };
}
