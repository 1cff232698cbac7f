// --format gitlab: the golden file, the fields GitLab's Code Quality report requires, and stable fingerprints.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { gitlab, type CodeQualityIssue } from '../../src/formatters/gitlab.js';
import { FINGERPRINT_KEY, sarif as formatSarif } from '../../src/formatters/sarif.js';
import { FIXTURE_FINDINGS, FIXTURE_INPUT, fixtureInput } from './fixture.js';
import { GOLDEN_DIR, expectGolden } from './golden.js';

const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
const schema = JSON.parse(readFileSync(`${GOLDEN_DIR}gitlab-code-quality.schema.json`, 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(schema);
const issues = (input = FIXTURE_INPUT) => JSON.parse(gitlab(input)) as CodeQualityIssue[];

describe('gitlab', () => {
  it('matches its golden file', () => {
    expectGolden('gitlab.golden.json', gitlab(FIXTURE_INPUT));
  });

  it("has every field GitLab's Code Quality report requires", () => {
    const report = issues();
    expect(validate(report), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // And the schema can fail: a report without fingerprints is rejected.
    expect(validate(report.map(({ fingerprint: _, ...rest }) => rest))).toBe(false);
  });

  it('is plain UTF-8 JSON with no byte order mark', () => {
    const bytes = Buffer.from(gitlab(FIXTURE_INPUT), 'utf8');
    expect(bytes[0]).toBe('['.charCodeAt(0));
    expect(gitlab(fixtureInput({ findings: [] }))).toBe('[]\n');
  });

  it('maps error to major and warn to minor, and leaves suppressed findings out', () => {
    const report = issues();
    expect(report.map((issue) => [issue.check_name, issue.severity])).toEqual([
      ['sample-undocumented', 'major'],
      ['sample-error', 'major'],
      ['sample-error', 'major'],
      ['sample-error', 'major'],
      ['sample-error', 'major'],
      ['sample-warning', 'minor'],
      ['sample-error', 'major'],
    ]);
    expect(report.some((issue) => /AC-07|GOV-02/.test(issue.description))).toBe(false);
  });

  it('keeps the message whole and places issues by path relative to the working folder', () => {
    const report = issues(fixtureInput({ root: '/builds/acme/app/compliance', cwd: '/builds/acme/app' }));
    expect(report[0]!.location).toEqual({ path: 'compliance', lines: { begin: 1, end: 1 } });
    expect(report[4]).toMatchObject({
      description: 'Evidence 100%: done, "final"\r\nline two\nhas <insert name> & \'quotes\' | a\\pipe\u0007.',
      location: { path: 'compliance/evidence/100%:done,final.md', lines: { begin: 7, end: 7 } },
    });
    expect(report[5]!.location.path).toBe('compliance/policies/access control.md');
  });

  it('fingerprints each issue uniquely, without its line, the same as its SARIF result', () => {
    const report = issues();
    expect(new Set(report.map((issue) => issue.fingerprint)).size).toBe(report.length);
    const moved = issues(fixtureInput({ findings: FIXTURE_FINDINGS.map((f) => ({ ...f, line: f.line + 10, endLine: f.endLine + 10 })) }));
    expect(moved.map((issue) => issue.fingerprint)).toEqual(report.map((issue) => issue.fingerprint));
    const sarif = JSON.parse(formatSarif(FIXTURE_INPUT)).runs[0].results as { partialFingerprints: Record<string, string>; suppressions?: unknown }[];
    expect(report.map((issue) => issue.fingerprint)).toEqual(sarif.filter((r) => !r.suppressions).map((r) => r.partialFingerprints[FINGERPRINT_KEY]));
  });
});
