// `soc2lint rules`: every rule with its default severity and what it finds; with --format json, their metadata.
import { RULES_FORMATS, formatRules, type RulesFormat } from '../../formatters/rules.js';
import { describeRules } from '../../report/rule-docs.js';
import { RULES } from '../../../rules/index.js';
import { UsageError, parseOptions } from '../args.js';
import type { CliIo } from '../io.js';

export const RULES_HELP = `Usage: soc2lint rules [--format text|json]

List every rule with its default severity and what it finds.

  -f, --format NAME  text (default), or json: each rule's id, description, default
                     severity, options (defaults and JSON Schema), message IDs with
                     their templates, and documentation URL
  -h, --help         show this help
`;

export async function runRulesList(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(
    { args: [...args], allowPositionals: true, strict: true, options: { format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } } },
    'rules',
  );
  if (values.help) {
    io.stdout.write(RULES_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError('rules takes no arguments but --format.');
  const format = values.format ?? 'text';
  if (!(RULES_FORMATS as readonly string[]).includes(format)) throw new UsageError(`rules --format is text or json; got "${format}".`);
  io.stdout.write(formatRules(describeRules(RULES.map((rule) => rule.meta), { docs: false }), format as RulesFormat));
  return 0;
}
