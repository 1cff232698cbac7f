// The date a run judges by, decided in one place for every command: --now, else the config's as_of, else today.
import { ConfigError, type Config } from '../config/config.js';
import { isIsoDate, type IsoDate } from '../core/dates.js';

/** `today` is decided once, where the run starts (the CLI's main, or a program calling the library), and passed down. */
export function resolveAsOf(now: string | undefined, config: Config, today: IsoDate): IsoDate {
  if (now !== undefined && !isIsoDate(now)) throw new ConfigError(`--now must be a calendar date YYYY-MM-DD; got "${now}".`);
  return now ?? config.asOf ?? today;
}
