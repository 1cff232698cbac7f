// One fixed set of findings for every formatter's golden file: the awkward cases a real repo produces only sometimes.
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../src/engine/finding.js';
import type { RuleMeta } from '../../src/engine/rule.js';
import type { FormatInput } from '../../src/formatters/types.js';
import { formatInput, type RunFacts } from '../../src/report/format-input.js';
import { describeRules } from '../../src/report/rule-docs.js';

/** A package folder whose rules/<id>.md pages stand in for soc2lint's own, so goldens do not change with the docs. */
export const FIXTURE_DOCS = fileURLToPath(new URL('../fixtures/formatters/docs', import.meta.url));

const rule = (id: string, description: string, defaultSeverity: 'error' | 'warn'): RuleMeta<unknown> => ({ id, description, defaultSeverity, reads: [], messages: { sample: '{{text}}' } });

export const FIXTURE_RULES: RuleMeta<unknown>[] = [
  rule('sample-error', 'A control whose newest evidence is older than its frequency allows.', 'error'),
  rule('sample-warning', 'An active control that maps no criterion.', 'warn'),
  // No docs page: formats fall back to the one-line description.
  rule('sample-undocumented', 'A problem with the program as a whole.', 'error'),
  // A rule that never fires still gets described.
  rule('sample-quiet', 'A rule with nothing to say.', 'warn'),
];

const at = (file: string, line: number, column: number, endLine: number, endColumn: number, record?: string) => ({
  file,
  line,
  column,
  endLine,
  endColumn,
  ...(record !== undefined ? { record } : {}),
});

export const FIXTURE_FINDINGS: Finding[] = [
  { ruleId: 'sample-undocumented', severity: 'error', messageId: 'sample', data: { text: 'x' }, message: 'No scope.yaml or config file: the program has no declared scope.', ...at('.', 1, 1, 1, 1) },
  {
    ruleId: 'sample-error',
    severity: 'error',
    messageId: 'duplicate',
    data: { kind: 'control', id: 'AC-01', others: 'controls/access.yaml' },
    message: 'Duplicate control ID "AC-01": also defined in controls/access.yaml. Give each control its own ID.',
    ...at('controls/access.yaml', 2, 9, 2, 14, 'AC-01'),
  },
  // The same problem twice at one place (the engine reports one per interval, say): two results, two fingerprints.
  { ruleId: 'sample-error', severity: 'error', messageId: 'sample', data: { text: 'x' }, message: 'Control AC-03 has no evidence dated in 2026-01.', ...at('controls/access.yaml', 30, 5, 30, 10, 'AC-03') },
  { ruleId: 'sample-error', severity: 'error', messageId: 'sample', data: { text: 'x' }, message: 'Control AC-03 has no evidence dated in 2026-01.', ...at('controls/access.yaml', 30, 5, 30, 10, 'AC-03') },
  {
    ruleId: 'sample-warning',
    severity: 'warn',
    messageId: 'sample',
    data: { text: 'x' },
    message: 'Control AC-07 maps no criterion.',
    ...at('controls/access.yaml', 44, 9, 46, 1, 'AC-07'),
    suppressedBy: { kind: 'waiver', file: 'waivers.yaml', line: 3, reason: 'Retired at quarter end; see ticket <SEC-12> & "notes".', approvedBy: 'ciso@acme.example', expires: '2026-09-30' },
  },
  {
    ruleId: 'sample-warning',
    severity: 'warn',
    messageId: 'sample',
    data: { text: 'x' },
    message: 'Control GOV-02 maps no criterion | table breaker.',
    ...at('controls/governance.yaml', 12, 5, 12, 11, 'GOV-02'),
    suppressedBy: { kind: 'directive', file: 'controls/governance.yaml', line: 11, reason: 'Internal only' },
  },
  // Every character the formats must escape: `%`, `:` and `,` in a path; CR, LF, `%`, `:`, `,`, markup, quotes, a pipe,
  // a backslash and a control character in a message.
  {
    ruleId: 'sample-error',
    severity: 'error',
    messageId: 'sample',
    data: { text: 'x' },
    message: 'Evidence 100%: done, "final"\r\nline two\nhas <insert name> & \'quotes\' | a\\pipe\u0007.',
    ...at('evidence/100%:done,final.md', 7, 3, 7, 12, 'OPS-02'),
  },
  { ruleId: 'sample-warning', severity: 'warn', messageId: 'sample', data: { text: 'x' }, message: 'Policy POL-ACCESS maps no criterion.', ...at('policies/access control.md', 9, 26, 9, 40, 'POL-ACCESS') },
  // A rule that reported an end before its start: formats must not send that on.
  { ruleId: 'sample-error', severity: 'error', messageId: 'sample', data: { text: 'x' }, message: 'Policy POL-ÉTÉ is stale.', ...at('policies/été.md', 5, 16, 5, 1) },
];

/** The run the fixture stands for; a test changes what it needs (`fixtureInput({ findings: [] })`). */
export const FIXTURE_RUN: RunFacts = {
  findings: FIXTURE_FINDINGS,
  // Read here, by the caller, as the CLI reads soc2lint's own pages: formatters never read a file.
  rules: describeRules(FIXTURE_RULES, { docsBase: FIXTURE_DOCS }),
  version: '1.2.3',
  asOf: '2026-07-01',
  root: '/repo',
  cwd: '/repo',
  color: false,
};

export function fixtureInput(changes: Partial<RunFacts> = {}): FormatInput {
  return formatInput({ ...FIXTURE_RUN, ...changes });
}

export const FIXTURE_INPUT: FormatInput = fixtureInput();
