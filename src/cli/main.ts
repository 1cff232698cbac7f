// The CLI: arguments in, exit code out. Never calls process.exit; bin/soc2lint.js owns the process.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { todayUtc } from '../core/dates.js';
import { version } from './version.js';
import { HELP, UsageError, mistypedCommand, parseCliArgs, type CliCommand } from './args.js';
import type { CliIo } from './io.js';

export type { CliIo } from './io.js';

// What main loads up front is what `--help` and a usage error need: the argument parser and its help text. The config
// loader, the YAML parser, the schemas and the rules come with the command that uses them.

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command: CliCommand = parseCliArgs(argv);
    // "Today" is decided here, once, and every command judges by it (unless --now or as_of says otherwise).
    const today = todayUtc(io.now?.() ?? new Date());
    switch (command.command) {
      case 'help':
        io.stdout.write(HELP);
        return 0;
      case 'version':
        io.stdout.write(`${version()}\n`);
        return 0;
      // Commands are loaded when run, so a lint (the hook's hot path) loads no code it does not use.
      case 'init':
        return await (await import('./commands/init.js')).runInit(command.args, io, today);
      case 'explain':
        return await (await import('./commands/explain.js')).runExplain(command.args, io);
      case 'rules':
        return await (await import('./commands/rules.js')).runRulesList(command.args, io);
      case 'criteria':
        return await (await import('./commands/criteria.js')).runCriteria(command.args, io, today);
      case 'audit':
        return await (await import('./commands/audit.js')).runAudit(command.args, io, today);
      case 'report':
        return await (await import('./commands/report.js')).runReport(command.args, io, today);
      case 'lint': {
        const mistyped = mistypedCommand(argv, (path) => existsSync(resolve(io.cwd, path)));
        if (mistyped) throw mistyped;
        return await (await import('./commands/lint.js')).runLint(command, io, today);
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`soc2lint: ${error.message}\nRun soc2lint --help for usage.\n`);
      return 2;
    }
    const { message, usage } = (await import('./failures.js')).describeFailure(error);
    io.stderr.write(`soc2lint: ${message}\n${usage ? 'Run soc2lint --help for usage.\n' : ''}`);
    return 2;
  }
}
