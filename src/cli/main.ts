// The CLI: arguments in, exit code out. Never calls process.exit; bin/soc2lint.js owns the process.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../config/config.js';
import { GitError } from '../git/errors.js';
import { packageRoot } from '../package-root.js';
import { HELP, UsageError, parseCliArgs, type CliCommand } from './args.js';
import { runCriteria } from './commands/criteria.js';
import { runExplain } from './commands/explain.js';
import { runInit } from './commands/init.js';
import { runLint } from './commands/lint.js';
import { runRulesList } from './commands/rules.js';
import type { CliIo } from './io.js';

export type { CliIo } from './io.js';

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command: CliCommand = parseCliArgs(argv);
    switch (command.command) {
      case 'help':
        io.stdout.write(HELP);
        return 0;
      case 'version':
        io.stdout.write(`${version()}\n`);
        return 0;
      case 'init':
        return await runInit(command.args, io);
      case 'explain':
        return await runExplain(command.args, io);
      case 'rules':
        return await runRulesList(command.args, io);
      case 'criteria':
        return await runCriteria(command.args, io);
      case 'lint':
        return await runLint(command, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`soc2lint: ${error.message}\nRun soc2lint --help for usage.\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`soc2lint: ${error.describe()}\n`);
      return 2;
    }
    if (error instanceof GitError) {
      io.stderr.write(`soc2lint: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`soc2lint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nThis is a bug in soc2lint; please report it.\n`);
    return 2;
  }
}

export function version(): string {
  return (JSON.parse(readFileSync(resolve(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}
