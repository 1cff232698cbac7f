// docs/rules.md is generated from the rules' metadata: this test fails when the committed page is out of date.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULE_INDEX_PATH, registryGroups, ruleIndexMarkdown } from '../../src/build/rule-index.js';
import { defineRule, type AnyRule } from '../../src/engine/rule.js';
import { RULES } from '../../rules/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const registrySource = readFileSync(join(root, 'rules', 'index.ts'), 'utf8');

function sampleRule(id: string, description: string): AnyRule {
  return defineRule({ meta: { id, description, defaultSeverity: 'warn', reads: ['policy'], messages: {} }, check: () => {} });
}

describe('the rule index, docs/rules.md', () => {
  it('is what npm run docs:rules generates from the rules today', () => {
    const committed = readFileSync(join(root, RULE_INDEX_PATH), 'utf8');
    const generated = ruleIndexMarkdown(RULES, registryGroups(registrySource));
    expect(committed === generated, `${RULE_INDEX_PATH} is out of date: run \`npm run docs:rules\` and commit the result.`).toBe(true);
  });

  it('is not contradicted by the other pages that count the rules (the README said "31 rules" when there were 33)', () => {
    const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md') && name !== 'rules.md').map((name) => `docs/${name}`)];
    const counts = pages.flatMap((page) => [...readFileSync(join(root, page), 'utf8').matchAll(/\b(\d+) rules\b/g)].map((match) => `${page}: ${match[0]}`));
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.filter((count) => !count.endsWith(`: ${RULES.length} rules`))).toEqual([]);
  });

  it('groups every registered rule once, in the order and under the headings of rules/index.ts', () => {
    const groups = registryGroups(registrySource);
    expect(groups.flatMap((group) => group.ruleIds)).toEqual(RULES.map((rule) => rule.meta.id));
    expect(groups[0]).toEqual({ title: 'Files and records', ruleIds: ['parse-error', 'schema-violation', 'unknown-field', 'duplicate-id', 'unknown-reference'] });
  });

  it('links each rule to its page, with its default severity and description in one table cell', () => {
    const page = ruleIndexMarkdown([sampleRule('no-pipes', 'A value like a | b, or <insert name>.')], [{ title: 'Samples', ruleIds: ['no-pipes'] }]);
    expect(page).toContain('## Samples\n\n| Rule | Default | What it finds |\n|---|---|---|\n');
    expect(page).toContain('| [`no-pipes`](../rules/no-pipes.md) | warn | A value like a \\| b, or &lt;insert name&gt;. |\n');
  });

  it('refuses groups that leave a rule out or name one that does not exist', () => {
    const rules = [sampleRule('first-rule', 'The first sample rule, for this test.'), sampleRule('second-rule', 'The second sample rule, for this test.')];
    expect(() => ruleIndexMarkdown(rules, [{ title: 'Some', ruleIds: ['first-rule', 'third-rule'] }])).toThrow(
      'second-rule is in no group; third-rule is not a rule',
    );
  });

  it('reads groups from the registry source: a "// Title" comment, then the rules imported and listed under it', () => {
    const source = [
      "import alpha from './alpha-rule.js';",
      "import beta from './beta-rule.js';",
      'export const RULES = [',
      '  // First group',
      '  alpha,',
      '  // Second group',
      '  beta,',
      '];',
    ].join('\n');
    expect(registryGroups(source)).toEqual([
      { title: 'First group', ruleIds: ['alpha-rule'] },
      { title: 'Second group', ruleIds: ['beta-rule'] },
    ]);
    expect(() => registryGroups(source.replace('  // First group\n', ''))).toThrow('lists alpha before any "// Group" comment');
  });
});
