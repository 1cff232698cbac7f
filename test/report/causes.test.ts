// Every registered rule speaks to one cause of failed audits, so the readiness report can group its findings: a new
// rule without a cause fails here until src/report/causes.ts gives it one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAUSES, CAUSE_TEXT, RULE_CAUSES } from '../../src/report/causes.js';
import { RULES } from '../../rules/index.js';

describe('the rule → cause table', () => {
  it('gives every registered rule a cause', () => {
    const missing = RULES.map((rule) => rule.meta.id).filter((id) => !(id in RULE_CAUSES));
    expect(missing, 'add these rules to RULE_CAUSES in src/report/causes.ts').toEqual([]);
  });

  it('names only registered rules, and only known causes', () => {
    const registered = new Set(RULES.map((rule) => rule.meta.id));
    expect(Object.keys(RULE_CAUSES).filter((id) => !registered.has(id))).toEqual([]);
    expect(Object.values(RULE_CAUSES).filter((cause) => !(CAUSES as readonly string[]).includes(cause))).toEqual([]);
  });

  it('describes every cause', () => {
    for (const cause of CAUSES) expect(CAUSE_TEXT[cause].title.length, cause).toBeGreaterThan(0);
  });

  it('is the table docs/report.md shows', () => {
    const page = readFileSync(new URL('../../docs/report.md', import.meta.url), 'utf8');
    for (const cause of CAUSES) {
      const row = page.split('\n').find((line) => line.startsWith(`| ${CAUSE_TEXT[cause].title} | `));
      expect(row, `docs/report.md has no row for ${cause}`).toBeDefined();
      const documented = [...row!.matchAll(/\[`([a-z0-9-]+)`\]/g)].map((match) => match[1]).sort();
      const table = Object.keys(RULE_CAUSES).filter((id) => RULE_CAUSES[id] === cause).sort();
      expect(documented, `the ${cause} row of docs/report.md`).toEqual(table);
    }
  });
});
