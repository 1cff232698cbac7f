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

describe('comply edge cases', () => {
  const model = async (files: Record<string, string>) => loadRepo(loadConfig(makeRepo(files)));

  it('reports a cron that is no schedule and a revision date that is ambiguous or no date, at their lines', async () => {
    const { problems, controls, policies } = await model({
      'comply.yml': 'name: X\n',
      'procedures/p.md': 'id: p\nname: P\ncron: "every monday"\n---\n# P\n',
      'policies/a.md': 'name: A\nacronym: A\nmajorRevisions:\n  - date: 03/04/2026\n    comment: x\n  - date: someday\n    comment: y\n---\n# A\n',
    });
    expect(problems.map((p) => `${p.range.file}:${p.range.line}:${p.range.column} ${p.message}`)).toEqual([
      'policies/a.md:4:11 Policy A: "03/04/2026" could be either of two days (month/day or day/month). Write it as YYYY-MM-DD.',
      'policies/a.md:6:11 Policy A: "someday" is not a date; write the revision date as YYYY-MM-DD or as comply does (Jun 1 2018).',
      'procedures/p.md:3:7 Control p: cron "every monday" is not a cron schedule; comply writes six fields, seconds first ("0 0 9 1 * *": 09:00 on the 1st of each month).',
    ]);
    expect(controls).toEqual([]);
    // Approved (it has revisions), but with no date it can be judged by.
    expect(policies.map((p) => [p.id, p.status, p.lastReviewed])).toEqual([['A', 'approved', undefined]]);
  });

  it('format: native in the config reads a folder with a comply.yml as soc2lint\'s own', async () => {
    const root = makeRepo({ 'comply.yml': 'name: X\n', 'soc2lint.config.yaml': 'format: native\n', 'policies/a.md': 'name: A\n---\n# A\n' });
    const config = loadConfig(root);
    expect(config.format).toBe('native');
    expect((await loadRepo(config)).problems.map((p) => p.message)).toEqual([expect.stringMatching(/^The file does not start with YAML front matter/)]);
  });

  it('format: comply works without a comply.yml, and the config\'s paths replace comply\'s', async () => {
    const root = makeRepo({ 'soc2lint.config.yaml': 'format: comply\npaths:\n  policies: docs/**/*.md\n', 'docs/a.md': 'name: A\nacronym: A\n---\n# A\n', 'narratives/n.md': 'name: N\nacronym: N\n---\n' });
    expect((await loadRepo(loadConfig(root))).policies.map((p) => [p.id, p.status])).toEqual([['A', 'draft']]);
  });

  it('a README beside the narratives or procedures is not a document', async () => {
    const { problems } = await model({ 'comply.yml': 'name: X\n', 'narratives/README.md': '# Narratives\n', 'procedures/README.md': '# Procedures\n' });
    expect(problems).toEqual([]);
  });

  it('a config mapping wins over comply\'s reading, and other standards than TSC are left alone', async () => {
    const { policies } = await model({
      'comply.yml': 'name: X\n',
      'soc2lint.config.yaml': 'fields:\n  policies:\n    title: [long_name, name]\n',
      'policies/a.md': 'name: A\nlong_name: Access Control\nacronym: A\nsatisfies:\n  TSC: [CC6.1]\n  ISO27001: [A.9.1]\n---\n# A\n',
    });
    expect(policies.map((p) => [p.title, p.criteria.map((c) => c.value)])).toEqual([['Access Control', ['CC6.1']]]);
  });
});

describe('a comply document that does not parse', () => {
  it('still declares its acronym, so a procedure naming it is not also an unknown reference', async () => {
    const root = makeRepo({ 'comply.yml': 'name: X\n', 'policies/a.md': 'name: A\nacronym: ACP\nsatisfies: [\n---\n# A\n' });
    const model = await loadRepo(loadConfig(root));
    expect(model.declaredIds.get('policy')).toEqual(new Set(['ACP']));
  });
});
