// The start of every command that reports on a whole program (audit, report): lint it once, say what stderr should
// know (notices, problems loading), and stop with exit 2 when the folder holds no program at all.
import { resolve } from 'node:path';
import type { IsoDate } from '../../core/dates.js';
import { lint, type LintResult } from '../../report/lint.js';
import { holdsNoProgram, nothingFoundMessage } from '../../report/nothing-found.js';
import { shownPath } from '../../report/targets.js';
import type { CliIo } from '../io.js';

/** The lint result of the program at `root`, or undefined (said on stderr) when there is no program there. */
export async function lintProgram(root: string, options: { config?: string; now?: string }, io: CliIo, today: IsoDate, what: string): Promise<LintResult | undefined> {
  const result = await lint({
    root,
    ...(options.config !== undefined ? { configFile: resolve(io.cwd, options.config) } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
    today,
  });
  if (holdsNoProgram(result.model)) {
    io.stderr.write(`soc2lint: ${nothingFoundMessage(result.config, io.cwd)}\n`);
    return undefined;
  }
  for (const notice of result.notices) io.stderr.write(`soc2lint: ${notice}\n`);
  const problems = result.model.problems.length;
  if (problems > 0) {
    const lintCommand = `soc2lint${root === io.cwd ? '' : ` ${shownPath(io.cwd, root)}`}`;
    io.stderr.write(`soc2lint: ${problems} problem${problems === 1 ? '' : 's'} loading the program (unreadable files or invalid records), left out of this ${what}; run ${lintCommand} for details.\n`);
  }
  return result;
}
