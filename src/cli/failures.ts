// What the CLI says when a command fails: the errors it expects (a bad target, config, git, output) in one line, any
// other as a bug. Loaded only when something failed, since the error classes come with the code that throws them.
import { ConfigError } from '../config/types.js';
import { GitError } from '../git/errors.js';
import { TargetError } from '../report/targets.js';
import { OutputError } from './io.js';

/** The message for standard error, without the `soc2lint: ` prefix, and whether to point at --help. */
export function describeFailure(error: unknown): { message: string; usage: boolean } {
  if (error instanceof TargetError) return { message: error.message, usage: true };
  if (error instanceof ConfigError) return { message: error.describe(), usage: false };
  if (error instanceof OutputError || error instanceof GitError) return { message: error.message, usage: false };
  return {
    message: `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nThis is a bug in soc2lint; please report it.`,
    usage: false,
  };
}
