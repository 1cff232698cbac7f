// `soc2lint rules`: every rule with its default severity and what it finds.
import { RULES } from '../../../rules/index.js';
import { UsageError } from '../args.js';
import type { CliIo } from '../io.js';

export async function runRulesList(args: readonly string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write('Usage: soc2lint rules\n\nList every rule with its default severity and what it finds.\n');
    return 0;
  }
  if (args.length > 0) throw new UsageError('rules takes no arguments.');
  const width = Math.max(...RULES.map((rule) => rule.meta.id.length));
  const lines = RULES.map((rule) => `${rule.meta.id.padEnd(width)}  ${rule.meta.defaultSeverity.padEnd(5)}  ${rule.meta.description}`);
  io.stdout.write(`${lines.join('\n')}\n\n${RULES.length} rules. soc2lint explain RULE prints one rule's documentation.\n`);
  return 0;
}
