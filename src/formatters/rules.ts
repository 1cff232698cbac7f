// The output of `soc2lint rules`: one line per rule for people, or the rules' metadata as JSON for tools (editor
// integrations, config generators). Pure; the command writes the string.
import type { RuleDescription } from './types.js';

export const RULES_FORMATS = ['text', 'json'] as const;
export type RulesFormat = (typeof RULES_FORMATS)[number];

/** What `rules --format json` gives for each rule. */
export interface RuleListing {
  id: string;
  description: string;
  defaultSeverity: string;
  /** The options' defaults and the JSON Schema a config's options are checked against; null for a rule with none. */
  options: { defaults: unknown; schema: Record<string, unknown> } | null;
  /** The message templates by message ID, as findings name them (`messageId`); `{{name}}` marks a value. */
  messages: Readonly<Record<string, string>>;
  /** The rule's documentation page. */
  url: string;
}

export function formatRules(rules: readonly RuleDescription[], format: RulesFormat): string {
  return format === 'json' ? `${JSON.stringify(rules.map(listing), null, 2)}\n` : rulesText(rules);
}

function rulesText(rules: readonly RuleDescription[]): string {
  const width = Math.max(...rules.map(({ meta }) => meta.id.length));
  const lines = rules.map(({ meta }) => `${meta.id.padEnd(width)}  ${meta.defaultSeverity.padEnd(5)}  ${meta.description}`);
  return `${lines.join('\n')}\n\n${rules.length} rules. soc2lint explain RULE prints one rule's documentation.\n`;
}

function listing({ meta, url }: RuleDescription): RuleListing {
  return {
    id: meta.id,
    description: meta.description,
    defaultSeverity: meta.defaultSeverity,
    options: meta.options ? { defaults: meta.options.defaults, schema: meta.options.schema } : null,
    messages: meta.messages,
    url,
  };
}
