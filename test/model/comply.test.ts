// A strongdm/comply program read as it is: headerless documents, procedures with cron, standards, no config.
import { describe, expect, it } from 'vitest';
import { activeFindings } from '../../src/engine/finding.js';
import { lint } from '../../src/report/lint.js';
import { loadConfig } from '../../src/config/config.js';
import { loadRepo } from '../../src/model/load.js';
import { cronFrequency } from '../../src/model/comply.js';
import { makeRepo } from '../helpers/repo.js';

const COMPLY = {
  'comply.yml': 'name: Example Co\nfilePrefix: Example\n',
  'standards/tsc.yml': 'name: TSC\nCC6.1:\n  family: CC6\n  name: Logical access\nCC6.2:\n  family: CC6\n  name: Registration\nCC9.9:\n  family: CC9\n  name: Made up\n',
  'policies/access.md':
    'name: Access Policy\nacronym: AP\nsatisfies:\n  TSC:\n    - CC6.1\n    - CC9.9\nmajorRevisions:\n  - date: Jun 1 2018\n    comment: Initial document\n  - date: Jul 10 2025\n    comment: Yearly review\n---\n\n# Access\n\nWho gets access.\n',
  'narratives/system.md': '---\nname: System Narrative\nacronym: SN\nsatisfies:\n  TSC:\n    - CC6.2\nmajorRevisions:\n  - date: Jun 1 2018\n    comment: First version\n---\n# System\n',
  'procedures/review.md': 'id: "access-review"\nname: "Access Review"\ncron: "0 0 9 1 */3 *"\nsatisfies:\n  TSC:\n    - CC6.2\n---\n\n# Steps\n',
  'procedures/offboard.md': 'id: "offboard"\nname: "Offboarding"\n---\n\n# Steps\n',
};

describe('a comply program with no config', () => {
  it('is read natively: documents as policies, procedures as controls, the revisions as review dates', async () => {
    const root = makeRepo(COMPLY);
    const config = loadConfig(root);
    expect(config.format).toBe('comply');
    const model = await loadRepo(config);
    expect(model.problems).toEqual([]);
    expect(model.policies.map((p) => [p.id, p.title, p.status, p.lastReviewed, p.approvedOn, p.criteria.map((c) => c.value)])).toEqual([
      ['SN', 'System Narrative', 'approved', '2018-06-01', '2018-06-01', ['CC6.2']],
      ['AP', 'Access Policy', 'approved', '2025-07-10', '2025-07-10', ['CC6.1', 'CC9.9']],
    ]);
    expect(model.controls.map((c) => [c.id, c.title, c.frequency, c.criteria.map((m) => m.value)])).toEqual([
      ['offboard', 'Offboarding', 'event', []],
      ['access-review', 'Access Review', 'quarterly', ['CC6.2']],
    ]);
    expect(model.coverage).toBe('both');
    expect(model.standards?.[0]?.criteria.map((c) => `${c.id}@${c.range.line}`)).toEqual(['CC6.1@2', 'CC6.2@5', 'CC9.9@8']);
  });

  it('reports invented criteria and stale revisions at their lines, with no parse or schema errors', async () => {
    const root = makeRepo(COMPLY);
    const { findings } = await lint({ root, now: '2026-07-01' });
    const shown = activeFindings(findings).map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column}`);
    expect(shown.filter((f) => /parse-error|schema-violation/.test(f))).toEqual([]);
    expect(shown).toContain('unknown-criterion policies/access.md:6:7');
    expect(shown).toContain('unknown-criterion standards/tsc.yml:8:1');
    expect(shown).toContain('stale-review narratives/system.md:8:11');
    expect(shown).not.toContain('stale-review policies/access.md:11:11');
    expect(shown.filter((f) => f.startsWith('unapproved-policy'))).toEqual([]);
  });
});

describe('cronFrequency', () => {
  it.each([
    ['0 0 9 * * *', 'daily'],
    ['0 0 9 * * 1-5', 'daily'],
    ['0 0 9 * * 1', 'weekly'],
    ['0 0 9 1 * *', 'monthly'],
    ['0 0 9 1 */3 *', 'quarterly'],
    ['0 0 9 1 1,4,7,10 *', 'quarterly'],
    ['0 0 9 1 1,7 *', 'semiannual'],
    ['0 0 0 1 1 *', 'annual'],
    ['0 9 1 * *', 'monthly'],
    ['@yearly', 'annual'],
  ])('%s is %s', (cron, frequency) => expect(cronFrequency(cron)).toBe(frequency));

  it.each(['every monday', '0 0 9 1', ''])('"%s" is no schedule', (cron) => expect(cronFrequency(cron)).toBeUndefined());
});
