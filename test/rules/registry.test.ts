// One rule, one file, one doc, one test table: this test fails when a rule lacks any of them.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const HEADINGS = ['## What it finds', '## Why auditors care', '## How to fix', '## Options', '## Example'];

describe('rule registry', () => {
  it('registers every rule file in rules/ exactly once', () => {
    const files = readdirSync(join(root, 'rules'))
      .filter((name) => name.endsWith('.ts') && name !== 'index.ts' && !name.startsWith('_')) // _template.ts is for copying
      .map((name) => name.slice(0, -3))
      .sort();
    expect(RULES.map((rule) => rule.meta.id).sort()).toEqual(files);
  });

  it.each(RULES.map((rule) => [rule.meta.id, rule] as const))('%s has metadata, a docs page and a test table', (id, rule) => {
    expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(['error', 'warn']).toContain(rule.meta.defaultSeverity);
    expect(rule.meta.description.length).toBeGreaterThan(20);
    expect(rule.meta.reads.length).toBeGreaterThan(0);
    const docs = join(root, 'rules', `${id}.md`);
    expect(existsSync(docs), `rules/${id}.md`).toBe(true);
    const text = readFileSync(docs, 'utf8');
    expect(text.startsWith(`# ${id}\n`)).toBe(true);
    const positions = HEADINGS.map((heading) => text.indexOf(`\n${heading}\n`));
    expect(positions.every((p) => p > 0), `headings ${HEADINGS.join(', ')}`).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain(`**${rule.meta.defaultSeverity}**`);
    expect(existsSync(join(root, 'test', 'rules', `${id}.test.ts`)), `test/rules/${id}.test.ts`).toBe(true);
  });

  it('lists every rule in the generated index, docs/rules.md, with its default severity', () => {
    const index = readFileSync(join(root, 'docs', 'rules.md'), 'utf8');
    for (const rule of RULES) {
      expect(index, rule.meta.id).toMatch(new RegExp(`\\[\`${rule.meta.id}\`\\]\\(\\.\\./rules/${rule.meta.id}\\.md\\) \\| ${rule.meta.defaultSeverity} \\|`));
    }
  });
});
