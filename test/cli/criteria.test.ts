// `soc2lint criteria`: the coverage table agrees with the rules (unmapped-criterion, stale-evidence) on the examples
// and on small real repos, in text and JSON, and bad input exits 2.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoverageReport } from '../../src/report/coverage.js';
import { lint } from '../../src/report/lint.js';
import { makeRepo, type RepoFiles } from '../helpers/repo.js';
import { runCli } from '../helpers/cli.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const run = (args: string[], cwd = projectRoot, env: Record<string, string | undefined> = {}) => runCli(args, cwd, env);
const acme = join(projectRoot, 'examples/acme-saas');
const broken = join(projectRoot, 'examples/broken-saas');


async function report(args: string[], cwd = projectRoot): Promise<CoverageReport> {
  const { code, stdout } = await run(['criteria', ...args, '--format', 'json'], cwd);
  expect(code).toBe(0);
  return JSON.parse(stdout) as CoverageReport;
}

const control = (id: string, criteria: string, frequency: string, date: string) =>
  `  - id: ${id}\n    title: Control ${id}\n    owner: a@x.io\n    frequency: ${frequency}\n    criteria: [${criteria}]\n    evidence:\n      - url: https://tickets.example/${id}\n        date: ${date}\n`;

/** A small program as of 2026-07-01: one current, one stale, one planned control; one criterion declared not applicable. */
const SMALL: RepoFiles = {
  'soc2lint.config.yaml': 'as_of: 2026-07-01\n',
  'scope.yaml': 'categories: [security]\nnot_applicable:\n  - criterion: CC6.4\n    reason: No offices or data centres; the hosting provider covers physical security.\n',
  'controls/all.yaml': `controls:\n${control('AC-01', 'CC6.1, CC6.2', 'quarterly', '2026-06-15')}${control('AC-02', 'CC6.1', 'monthly', '2026-05-20')}${control('OPS-01', 'CC7.1', 'monthly', '2026-05-20')}  - id: PL-01\n    title: Planned\n    status: planned\n    frequency: annual\n    criteria: [CC8.1]\n`,
};

describe('soc2lint criteria', () => {
  let small: string;
  beforeAll(() => {
    small = makeRepo(SMALL, 'soc2lint-criteria-');
  });

  it('covers all 36 criteria of the healthy example, with current evidence, as of its pinned date', async () => {
    const { code, stdout, stderr } = await run(['criteria', 'examples/acme-saas']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Criteria coverage of examples\/acme-saas as of 2026-07-10; in scope: security, availability\n\nCriterion {2}Status {3}Topic +Controls\n/);
    expect(stdout).toMatch(/\nCC6\.1 {6}current {2}Logical access security over protected information assets {7}AC-01, AC-02, AC-04, OPS-01, OPS-04, OPS-10\n/);
    expect(stdout).toMatch(/\nA1\.3 {7}current {2}Testing recovery plan procedures +AV-03, AV-10\n/);
    expect(stdout).toMatch(/\n36 of 36 in-scope criteria covered by active controls, 36 with current evidence; 0 not applicable, 0 unmapped\.\n$/);
  });

  it('gives the same as JSON, with each control judged and placed', async () => {
    const coverage = await report([acme]);
    expect(coverage.asOf).toBe('2026-07-10');
    expect(coverage.categories).toEqual(['security', 'availability']);
    expect(coverage.criteria).toHaveLength(36);
    expect(coverage.summary).toEqual({ inScope: 36, covered: 36, currentEvidence: 36, notApplicable: 0, unmapped: 0 });
    const cc12 = coverage.criteria.find((criterion) => criterion.id === 'CC1.2')!;
    expect(cc12).toEqual({
      id: 'CC1.2',
      category: 'security',
      topic: 'Independent board oversight of internal control',
      status: 'covered',
      currentEvidence: true,
      controls: [
        { id: 'GOV-01', title: 'Quarterly security steering committee', frequency: 'quarterly', file: 'controls/governance.yaml', line: 3, evidence: 'current', newestEvidence: '2026-06-18', nextEvidenceDue: '2026-10-05' },
        { id: 'GOV-10', title: 'Quarterly management review of the security program', frequency: 'quarterly', file: 'controls/oversight.yaml', line: 4, evidence: 'current', newestEvidence: '2026-06-22', nextEvidenceDue: '2026-10-05' },
      ],
    });
  });

  it('finds the unmapped criteria unmapped-criterion reports, and the stale controls stale-evidence reports', async () => {
    const coverage = await report([broken]);
    const result = await lint({ root: broken });
    const findings = (rule: string) => result.findings.filter((finding) => finding.ruleId === rule);
    const unmapped = coverage.criteria.filter((criterion) => criterion.status === 'unmapped').map((criterion) => criterion.id);
    expect(unmapped).toEqual(['CC1.1', 'CC2.2', 'CC5.3', 'CC9.2', 'A1.3']);
    expect(unmapped).toEqual(findings('unmapped-criterion').map((finding) => finding.record));
    const stale = new Set(coverage.criteria.flatMap((criterion) => criterion.controls.filter((c) => c.evidence === 'stale').map((c) => c.id)));
    expect(stale).toEqual(new Set(findings('stale-evidence').map((finding) => /^Control (\S+) /.exec(finding.message)![1])));
    expect(stale.size).toBeGreaterThan(0);
    expect(coverage.summary).toEqual({ inScope: 36, covered: 31, currentEvidence: 30, notApplicable: 0, unmapped: 5 });
  });

  it('says on stderr that records it could not load are left out', async () => {
    const { stderr } = await run(['criteria', 'examples/broken-saas']);
    expect(stderr).toBe('soc2lint: 3 problems loading the program (unreadable files or invalid records), left out of this table; run soc2lint examples/broken-saas for details.\n');
  });

  it('shows stale and evidence-less controls, planned controls as uncovering, and not-applicable criteria with their reason', async () => {
    const { code, stdout } = await run(['criteria', small]);
    expect(code).toBe(0);
    expect(stdout).toContain('\nCC6.1      current      Logical access security over protected information assets       AC-01, AC-02 (stale: newest 2026-05-20, next due 2026-06-30)\n');
    expect(stdout).toContain('\nCC6.4      n/a          Physical access to facilities and assets                        not applicable: No offices or data centres; the hosting provider covers physical security.\n');
    expect(stdout).toContain('\nCC7.1      not current  Vulnerability and configuration change monitoring               OPS-01 (stale: newest 2026-05-20, next due 2026-06-30)\n');
    expect(stdout).toContain('\nCC8.1      unmapped     Authorizing, testing and approving system changes               no active control maps it\n');
    expect(stdout).toContain('\n3 of 33 in-scope criteria covered by active controls, 2 with current evidence; 1 not applicable, 29 unmapped.\n');
  });

  it('judges as of --now, and with stale-evidence\'s grace from the config', async () => {
    // The shared calendar: AC-01's Q3 is due on 2026-09-30, so it is current on that day and stale the next.
    const due = await report([small, '--now', '2026-09-30']);
    expect(due.criteria.find((criterion) => criterion.id === 'CC6.2')!.controls).toMatchObject([{ id: 'AC-01', evidence: 'current', nextEvidenceDue: '2026-09-30' }]);
    const later = await report([small, '--now', '2026-10-01']);
    expect(later.criteria.find((criterion) => criterion.id === 'CC6.2')!.controls).toMatchObject([{ id: 'AC-01', evidence: 'stale', nextEvidenceDue: '2026-09-30' }]);
    const graced = makeRepo({ ...SMALL, 'soc2lint.config.yaml': 'as_of: 2026-07-01\nrules:\n  stale-evidence: [warn, { grace: 11 }]\n' }, 'soc2lint-criteria-');
    const withGrace = await report([graced]);
    expect(withGrace.criteria.find((criterion) => criterion.id === 'CC7.1')).toMatchObject({ currentEvidence: true, controls: [{ evidence: 'current', nextEvidenceDue: '2026-07-11' }] });
  });

  it('judges a control with no evidence dated up to as_of as having none; event controls need only one', async () => {
    const repo = makeRepo({ 'scope.yaml': 'categories: [security]\n', 'controls/c.yaml': `controls:\n${control('IR-01', 'CC7.3', 'event', '2019-01-01')}${control('FUT-01', 'CC7.4', 'annual', '2026-08-01')}` }, 'soc2lint-criteria-');
    const coverage = await report([repo, '--now', '2026-07-01']);
    expect(coverage.criteria.find((criterion) => criterion.id === 'CC7.3')!.controls).toMatchObject([{ id: 'IR-01', evidence: 'current', newestEvidence: '2019-01-01' }]);
    const future = coverage.criteria.find((criterion) => criterion.id === 'CC7.4')!;
    expect(future).toMatchObject({ currentEvidence: false, controls: [{ id: 'FUT-01', evidence: 'none' }] });
    expect(future.controls[0]).not.toHaveProperty('newestEvidence');
  });

  it('counts approved policies where they map criteria (a comply program: documents and procedures both)', async () => {
    const comply = makeRepo(
      {
        'comply.yml': 'name: Example\n',
        'standards/tsc.yml': 'name: TSC\nCC6.1:\n  family: CC6\nCC6.2:\n  family: CC6\nCC8.1:\n  family: CC8\n',
        'policies/access.md': 'name: Access\nacronym: AP\nsatisfies:\n  TSC: [CC6.1]\nmajorRevisions:\n  - date: Jan 5 2026\n    comment: First\n---\n# Access\n',
        'policies/draft.md': 'name: Draft\nacronym: DR\nsatisfies:\n  TSC: [CC6.2]\n---\n# Draft\n',
      },
      'soc2lint-criteria-comply-',
    );
    const coverage = await report([comply, '--now', '2026-07-01']);
    expect(coverage.coverage).toBe('both');
    expect(coverage.criteria.map((criterion) => [criterion.id, criterion.status, criterion.policies?.map((policy) => `${policy.id} ${policy.file}:${policy.line}`)])).toEqual([
      ['CC6.1', 'covered', ['AP policies/access.md:2']],
      ['CC6.2', 'unmapped', undefined],
      ['CC8.1', 'unmapped', undefined],
    ]);
    const { stdout } = await run(['criteria', comply, '--now', '2026-07-01']);
    expect(stdout).toContain('\nCC6.1      by policy  ');
    expect(stdout).toContain('1 of 3 in-scope criteria covered by active controls or approved policies, 0 with current evidence; 0 not applicable, 2 unmapped.');
  });

  it('finds the root upward from a subfolder, and takes --config', async () => {
    expect((await report(['examples/acme-saas/controls'])).summary.inScope).toBe(36);
    const config = makeRepo({ 'other.yaml': 'as_of: 2026-01-01\n' }, 'soc2lint-criteria-config-');
    expect((await report([small, '--config', join(config, 'other.yaml')])).asOf).toBe('2026-01-01');
  });

  it('prints its usage with --help', async () => {
    const { code, stdout } = await run(['criteria', '-h']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: soc2lint criteria \[DIR\] \[options\]\n[\s\S]*--format NAME  text \(default\) or json/);
  });

  it.each([
    ['a folder that does not exist', ['criteria', 'no/such/folder'], /No such folder: no\/such\/folder/],
    ['a file', ['criteria', 'examples/acme-saas/scope.yaml'], /criteria takes the folder of a compliance repo; examples\/acme-saas\/scope\.yaml is a file/],
    ['two folders', ['criteria', 'examples/acme-saas', 'examples/broken-saas'], /criteria takes one folder/],
    ['an unknown format', ['criteria', 'examples/acme-saas', '--format', 'sarif'], /criteria --format is text or json; got "sarif"/],
    ['a bad --now', ['criteria', 'examples/acme-saas', '--now', '2026-02-30'], /--now must be a calendar date YYYY-MM-DD; got "2026-02-30"/],
    ['a missing --config', ['criteria', 'examples/acme-saas', '--config', 'nope.yaml'], /Config file .*nope\.yaml does not exist/],
    ['an unknown option', ['criteria', '--quiet'], /criteria: Unknown option --quiet\./],
  ])('exits 2 for %s', async (_name, args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('exits 2 for a config with an unknown rule, as lint does', async () => {
    const repo = makeRepo({ 'soc2lint.config.yaml': 'rules:\n  stale-reveiw: warn\n' }, 'soc2lint-criteria-');
    const { code, stderr } = await run(['criteria', repo]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/soc2lint\.config\.yaml:2:3: Unknown rule "stale-reveiw" in "rules"\. Did you mean "stale-review"\?/);
  });
});
