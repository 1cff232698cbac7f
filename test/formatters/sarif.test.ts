// --format sarif: the golden file, what code scanning relies on, and Microsoft's SARIF validator on real runs.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { activeFindings, type Finding } from '../../src/engine/finding.js';
import { FINGERPRINT_KEY, pascalCase, sarif, type SarifInput } from '../../src/formatters/sarif.js';
import type { FormatInput } from '../../src/formatters/types.js';
import { formatInput, type RunFacts } from '../../src/report/format-input.js';
import { lint } from '../../src/report/lint.js';
import { describeRules } from '../../src/report/rule-docs.js';
import { RULES } from '../../rules/index.js';
import { FIXTURE_FINDINGS, FIXTURE_INPUT, FIXTURE_RULES, fixtureInput } from './fixture.js';
import { expectGolden } from './golden.js';
import { findMultitool, validateSarif, type Diagnostic } from './multitool.js';

const format = sarif;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const parse = (text: string): any => JSON.parse(text);
const run = (input: SarifInput = FIXTURE_INPUT) => parse(format(input)).runs[0];

describe('sarif', () => {
  it('matches its golden file', () => {
    expectGolden('sarif.golden.sarif', format(FIXTURE_INPUT));
  });

  it('describes every rule, fired or not, with help from its docs page', () => {
    const { driver } = run().tool;
    expect(driver).toMatchObject({ name: 'soc2lint', version: '1.2.3', semanticVersion: '1.2.3', informationUri: 'https://github.com/soc2lint/soc2lint' });
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(FIXTURE_RULES.map((r) => r.id));
    const [documented, warning, undocumented] = driver.rules;
    expect(documented).toMatchObject({
      name: 'SampleError',
      shortDescription: { text: 'A control whose newest evidence is older than its frequency allows.' },
      fullDescription: { text: 'A control whose proof is older than its cadence allows, described for the formatter tests.' },
      helpUri: 'https://github.com/soc2lint/soc2lint/blob/main/rules/sample-error.md',
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['soc2', 'compliance'] },
    });
    // The How-to-fix section, whole (a `##` inside a code block does not end it), links made absolute, nothing after it.
    expect(documented.help.markdown).toContain('## How to fix\n\n1. Run the control');
    expect(documented.help.markdown).toContain('[the evidence guide](https://github.com/soc2lint/soc2lint/blob/main/guides/evidence.md#naming)');
    expect(documented.help.markdown).toContain('## Not a heading');
    expect(documented.help.markdown).not.toContain('## Options');
    expect(documented.help.text).toContain('Or change frequency: to what the policy really says.');
    expect(warning.defaultConfiguration.level).toBe('warning');
    expect(undocumented.fullDescription.text).toBe('A problem with the program as a whole.');
  });

  it('names rules in PascalCase', () => {
    expect(pascalCase('stale-evidence')).toBe('StaleEvidence');
    expect(pascalCase('parse-error')).toBe('ParseError');
  });

  it('places results relative to %SRCROOT%, percent-encoding what a URI cannot hold', () => {
    const { results, originalUriBaseIds } = run();
    expect(originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///repo/' } });
    const uris = results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris).toContain('evidence/100%25%3Adone,final.md');
    expect(uris).toContain('policies/access%20control.md');
    expect(uris).toContain('policies/%C3%A9t%C3%A9.md');
    expect(results[1].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'controls/access.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 9, endLine: 2, endColumn: 14 },
    });
  });

  it('points a finding about the whole program at the program folder, with no region', () => {
    expect(run().results[0].locations).toEqual([{ physicalLocation: { artifactLocation: { uri: './', uriBaseId: '%SRCROOT%' } } }]);
  });

  it('drops an end that comes before the start', () => {
    expect(run().results.at(-1).locations[0].physicalLocation.region).toEqual({ startLine: 5, startColumn: 16 });
  });

  it('marks suppressed findings: a waiver as external, an inline directive as inSource, with the reason', () => {
    const { results } = run();
    expect(results[4].suppressions).toEqual([
      {
        kind: 'external',
        justification: 'Retired at quarter end; see ticket <SEC-12> & "notes".',
        location: { physicalLocation: { artifactLocation: { uri: 'waivers.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 3 } } },
        properties: { approvedBy: 'ciso@acme.example', expires: '2026-09-30' },
      },
    ]);
    expect(results[5].suppressions).toMatchObject([{ kind: 'inSource', justification: 'Internal only' }]);
    expect(results.filter((r: { suppressions?: unknown }) => r.suppressions)).toHaveLength(2);
  });

  it('gives each result its rule index and level', () => {
    for (const result of run().results) {
      expect(FIXTURE_RULES[result.ruleIndex]!.id).toBe(result.ruleId);
      expect(['error', 'warning']).toContain(result.level);
    }
  });

  describe('fingerprints', () => {
    const print = (findings: Finding[]) => run(fixtureInput({ findings })).results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints[FINGERPRINT_KEY]);
    const base = FIXTURE_FINDINGS[1]!;

    it('stay the same when the finding moves down the file, or its message is reworded', () => {
      const moved = { ...base, line: 12, endLine: 12 };
      const reworded = { ...base, message: 'Control ID "AC-01" is used twice (also in controls/access.yaml).' };
      expect(print([moved])).toEqual(print([base]));
      expect(print([reworded])).toEqual(print([base]));
    });

    it('change with the rule, the file, the record, the message ID or the names of its data', () => {
      const variants = [
        base,
        { ...base, ruleId: 'sample-warning' },
        { ...base, file: 'controls/other.yaml' },
        { ...base, record: 'AC-09' },
        { ...base, messageId: 'another' },
        { ...base, data: { ...base.data, month: '2026-01' } },
      ];
      expect(new Set(print(variants)).size).toBe(variants.length);
    });

    it('tell apart the same problem reported twice at one place', () => {
      const [, , first, second] = print(FIXTURE_FINDINGS);
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(second).not.toBe(first);
    });

    it('stay the same when a rule rewrites a message template (the text is not hashed, the ID and data keys are)', async () => {
      const { runRules } = await import('../../src/engine/run.js');
      const { loadConfig } = await import('../../src/config/config.js');
      const { loadRepo } = await import('../../src/model/load.js');
      const { default: staleEvidence } = await import('../../rules/stale-evidence.js');
      const { makeRepo } = await import('../helpers/repo.js');
      const root = makeRepo({ 'controls/c.yaml': 'id: C-1\ntitle: T\nfrequency: monthly\nevidence:\n  - url: https://ci.example.com/1\n    date: 2026-01-05\n' });
      const model = await loadRepo(loadConfig(root), new Set());
      const lintWith = (messages: Record<string, string>) => {
        const rule = { ...staleEvidence, meta: { ...staleEvidence.meta, messages: { ...staleEvidence.meta.messages, ...messages } } };
        return runRules(model, [{ rule, severity: 'error', options: rule.meta.options!.defaults }], '2026-07-01');
      };
      const before = lintWith({});
      const after = lintWith({ stale: 'Evidence for {{control}} ({{every}}) is missing for {{interval}}: {{due}} passed, newest {{newest}}.' });
      expect(after.map((f) => f.message)).not.toEqual(before.map((f) => f.message));
      expect(print(after)).toEqual(print(before));
    });
  });

  it('honours uriPrefix, for a program in a subfolder of the checkout', () => {
    const prefixed = run(fixtureInput({ root: '/work/checkout/compliance', cwd: '/work/checkout', uriPrefix: './compliance/' }));
    expect(prefixed.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///work/checkout/');
    expect(prefixed.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('compliance/');
    expect(prefixed.results[1].locations[0].physicalLocation.artifactLocation.uri).toBe('compliance/controls/access.yaml');
    expect(prefixed.results[4].suppressions[0].location.physicalLocation.artifactLocation.uri).toBe('compliance/waivers.yaml');
    // The fingerprint is of the finding, not of where the checkout puts it.
    expect(prefixed.results.map((r: { partialFingerprints: unknown }) => r.partialFingerprints)).toEqual(run().results.map((r: { partialFingerprints: unknown }) => r.partialFingerprints));
  });

  it("takes every built-in rule's help from its shipped page", () => {
    const rules = parse(sarif(fixtureInput({ findings: [], rules: describeRules(RULES.map((r) => r.meta)) }))).runs[0].tool.driver.rules;
    expect(rules).toHaveLength(RULES.length);
    for (const rule of rules) {
      expect(rule.fullDescription.text, rule.id).not.toMatch(/Default severity|^$/);
      expect(rule.help.markdown, rule.id).toMatch(/\n## How to fix\n\n\S/);
    }
  });
});

/** A lint of a real program, as the CLI would format it (git-dependent rules off so the result is the same anywhere). */
async function lintInput(folder: string, extra: Partial<RunFacts> = {}): Promise<SarifInput> {
  const root = fileURLToPath(new URL(`../../examples/${folder}`, import.meta.url));
  const result = await lint({
    root,
    now: '2026-07-10',
    ruleOverrides: [
      { ruleId: 'untracked-evidence', setting: 'off' },
      { ruleId: 'changed-since-approval', setting: 'off' },
      { ruleId: 'backdated-evidence', setting: 'off' },
    ],
  });
  return formatInput({ findings: result.findings, rules: describeRules(RULES.map((r) => r.meta)), version: '0.1.0', asOf: result.asOf, root, cwd: root, ...extra });
}

const tool = findMultitool();
if (!tool.ok) console.warn(`\nSKIPPED: SARIF validation with Sarif.Multitool cannot run here: ${tool.reason}\n`);

describe.skipIf(!tool.ok)(`Sarif.Multitool validate${tool.ok ? '' : ` (SKIPPED: ${tool.reason})`}`, () => {
  const multitool = tool as Extract<typeof tool, { ok: true }>;
  /** WRN999: the tool's note that SARIF2006 (which fetches every URI) is off, as tests stay off the network. */
  const OFFLINE = 'WRN999.RuleExplicitlyDisabled';
  /** SARIF2017 asks every location for a region; a finding about the whole program points at a folder, which has none. */
  const FOLDER_WITHOUT_REGION = /^SARIF2017 runs\[0\]\.results\[0\]\.locations\[0\]\.physicalLocation: The 'region' property is absent\./;

  // [name, SARIF text, the default rules' expected warnings (each explained in the README's SARIF section)]
  const cases: [string, () => Promise<string>, (string | RegExp)[]][] = [
    ['the golden fixture', async () => format(FIXTURE_INPUT), [OFFLINE, FOLDER_WITHOUT_REGION]],
    ['examples/broken-saas', async () => sarif(await lintInput('broken-saas')), [OFFLINE]],
    ['examples/acme-saas (clean but for one waived finding)', async () => sarif(await lintInput('acme-saas')), [OFFLINE]],
    ['a run with no findings at all', async () => sarif(await lintInput('acme-saas', { findings: [] })), [OFFLINE]],
    ['a program in a subfolder of the checkout (uriPrefix)', async () => sarif(await lintInput('broken-saas', { uriPrefix: 'examples/broken-saas' })), [OFFLINE]],
  ];

  it.each(cases)('%s: no errors or warnings with GitHub rules (--rule-kind Gh)', async (_name, make) => {
    const diagnostics = validateSarif(multitool, await make(), 'Gh');
    expect(diagnostics.filter((d) => d.level !== 'note').map((d) => d.line)).toEqual([]);
  });

  it.each(cases)('%s: no errors, and only the known warnings, with the default rules', async (_name, make, expected) => {
    const diagnostics = validateSarif(multitool, await make());
    expect(diagnostics.filter((d) => d.level === 'error').map((d) => d.line)).toEqual([]);
    const warnings = diagnostics.filter((d) => d.level === 'warning').map((d) => `${d.code} ${d.line.replace(/^.*?: warning \S+\s?: /, '')}`);
    expect(warnings).toEqual(expected.map((e) => (typeof e === 'string' ? expect.stringMatching(new RegExp(`^${e.replace(/\./g, '\\.')} `)) : expect.stringMatching(e))));
  });

  it('finds errors in a log that breaks GitHub rules (so the checks above can fail)', () => {
    const broken = parse(format(FIXTURE_INPUT));
    broken.runs[0].results[1].locations = [];
    delete broken.runs[0].tool.driver.rules[0].help;
    const codes = validateSarif(multitool, JSON.stringify(broken), 'Gh').filter((d: Diagnostic) => d.level === 'error').map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['GH1015', 'GH2012']));
  });

  it('acme-saas has nothing that counts, so its log is a clean run', async () => {
    const input: FormatInput = await lintInput('acme-saas');
    expect(activeFindings(input.findings)).toEqual([]);
  });
});
