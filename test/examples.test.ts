// The bundled examples are part of the contract: the healthy one lints clean, the broken one fires exactly what its
// README says, and between them every rule fires at least once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/lint.js';
import { RULES } from '../rules/index.js';

const examples = fileURLToPath(new URL('../examples', import.meta.url));

describe('examples/acme-saas', () => {
  it('lints clean', async () => {
    const { findings } = await lint({ root: join(examples, 'acme-saas') });
    expect(findings.map((f) => `${f.file}:${f.line} ${f.ruleId}: ${f.message}`)).toEqual([]);
  });

  it('goes stale a year later, so the clean result is earned and not hard-coded', async () => {
    const { findings } = await lint({ root: join(examples, 'acme-saas'), now: '2027-07-10' });
    expect(new Set(findings.map((f) => f.ruleId))).toContain('stale-evidence');
  });
});

describe('examples/broken-saas', () => {
  it('fires exactly the findings its README lists', async () => {
    const readme = readFileSync(join(examples, 'broken-saas', 'README.md'), 'utf8');
    const listed = [...readme.matchAll(/^\| `([a-z-]+)` \| `([^`]+):(\d+)` \|/gm)].map(([, rule, file, line]) => `${rule} ${file}:${line}`);
    const { findings } = await lint({ root: join(examples, 'broken-saas') });
    const actual = findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);
    expect(actual.sort()).toEqual(listed.sort());
  });

  it('breaks every rule at least once', async () => {
    const { findings } = await lint({ root: join(examples, 'broken-saas') });
    const fired = new Set(findings.map((f) => f.ruleId));
    expect(RULES.map((r) => r.meta.id).filter((id) => !fired.has(id))).toEqual([]);
  });
});
