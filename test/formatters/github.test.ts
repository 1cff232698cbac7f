// --format github: workflow commands read back the way the Actions runner parses them, and the job summary.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/finding.js';
import { SUMMARY_ROWS, escapeData, escapeProperty, github, githubStepSummary } from '../../src/formatters/github.js';
import { FIXTURE_FINDINGS, FIXTURE_INPUT, fixtureInput } from './fixture.js';
import { expectGolden } from './golden.js';

interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
}

/**
 * A workflow command line as the Actions runner reads it (ActionCommand.TryParseV2): `::name k=v,k=v::data`, the
 * command section ending at the first `::`, properties split on `,` and their key at the first `=`, then unescaped.
 */
function parseCommand(line: string): WorkflowCommand {
  expect(line.startsWith('::'), line).toBe(true);
  const end = line.indexOf('::', 2);
  expect(end, line).toBeGreaterThan(2);
  const section = line.slice(2, end);
  const space = section.indexOf(' ');
  const command = space < 0 ? section : section.slice(0, space);
  const properties: Record<string, string> = {};
  if (space >= 0) {
    for (const pair of section.slice(space + 1).split(',')) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = pair.slice(eq + 1).replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
    }
  }
  const data = line.slice(end + 2).replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  return { command, properties, data };
}

const lines = (text: string) => text.split('\n').filter((line) => line !== '');

describe('github', () => {
  it('matches its golden file', () => {
    expectGolden('github.golden.txt', github(FIXTURE_INPUT));
  });

  it('writes one command per line, each readable by the runner, every character intact', () => {
    const output = github(FIXTURE_INPUT);
    expect(output.endsWith('\n')).toBe(true);
    const commands = lines(output).map(parseCommand);
    expect(commands.map((c) => c.command)).toEqual(['error', 'error', 'error', 'error', 'error', 'warning', 'error', 'notice']);
    const nasty = commands[4]!;
    expect(nasty).toEqual({
      command: 'error',
      properties: { file: 'evidence/100%:done,final.md', line: '7', col: '3', endLine: '7', endColumn: '12', title: 'sample-error' },
      data: 'Evidence 100%: done, "final"\r\nline two\nhas <insert name> & \'quotes\' | a\\pipe\u0007.',
    });
    expect(commands[5]!.properties.file).toBe('policies/access control.md');
    // An end before the start is not sent.
    expect(commands[6]!.properties).toEqual({ file: 'policies/été.md', line: '5', col: '16', title: 'sample-error' });
  });

  it('annotates a finding about the whole program without a file', () => {
    expect(parseCommand(lines(github(FIXTURE_INPUT))[0]!)).toEqual({
      command: 'error',
      properties: { title: 'sample-undocumented' },
      data: 'No scope.yaml or config file: the program has no declared scope.',
    });
  });

  it('does not annotate suppressed findings, but counts them in one closing notice', () => {
    const commands = lines(github(FIXTURE_INPUT)).map(parseCommand);
    expect(commands.some((c) => c.data.includes('AC-07') || c.data.includes('GOV-02'))).toBe(false);
    expect(commands.at(-1)).toEqual({
      command: 'notice',
      properties: { title: 'soc2lint' },
      data: '2 findings suppressed (1 by waivers, 1 by inline directives); they do not fail the run.',
    });
  });

  it('prints nothing for a clean run', () => {
    expect(github(fixtureInput({ findings: [] }))).toBe('');
  });

  it('gives paths relative to the working folder (the workspace GitHub resolves them against)', () => {
    const output = github(fixtureInput({ root: '/home/runner/work/app/app/compliance', cwd: '/home/runner/work/app/app' }));
    expect(parseCommand(lines(output)[1]!).properties.file).toBe('compliance/controls/access.yaml');
  });

  it('escapes data and property values exactly as the toolkit does', () => {
    expect(escapeData('100%\r\n: a,b')).toBe('100%25%0D%0A: a,b');
    expect(escapeProperty('100%\r\n: a,b')).toBe('100%25%0D%0A%3A a%2Cb');
    // `%` first, so an escape in the text is not read back as one.
    expect(escapeData('%0A')).toBe('%250A');
  });
});

describe('githubStepSummary', () => {
  it('matches its golden file', () => {
    expectGolden('github-summary.golden.md', githubStepSummary(FIXTURE_INPUT));
  });

  it('keeps every message on its own table row, pipes and markup escaped', () => {
    const summary = githubStepSummary(FIXTURE_INPUT);
    const row = summary.split('\n').find((line) => line.includes('OPS') || line.includes('100%'))!;
    // Exactly four unescaped cell separators inside the row's outer pipes.
    expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(6);
    expect(row).toContain('&lt;insert name&gt; &amp;');
    expect(row).toContain('<br>line two<br>');
    expect(summary).toContain('6 errors, 1 warning, 2 suppressed (1 by waivers, 1 by inline directives)');
    expect(summary).not.toContain('\u0007');
  });

  it('says so when there is nothing to report', () => {
    expect(githubStepSummary(fixtureInput({ findings: [] }))).toBe('## soc2lint\n\n0 errors, 0 warnings, 0 suppressed. As of 2026-07-01, soc2lint 1.2.3.\n\nNo problems found.\n');
  });

  it(`lists at most ${SUMMARY_ROWS} findings and counts the rest`, () => {
    const many: Finding[] = Array.from({ length: SUMMARY_ROWS + 5 }, (_, i) => ({ ...FIXTURE_FINDINGS[1]!, line: i + 1, endLine: i + 1 }));
    const summary = githubStepSummary(fixtureInput({ findings: many }));
    expect(summary.split('\n').filter((line) => line.startsWith('| controls/'))).toHaveLength(SUMMARY_ROWS);
    expect(summary).toContain('…and 5 more; the full list is in the job log.');
  });

  it('links each rule to the page the input gives it, and names a rule the input does not describe without a link', () => {
    const summary = githubStepSummary(fixtureInput({ rules: FIXTURE_INPUT.rules.filter((rule) => rule.meta.id !== 'sample-warning') }));
    expect(summary).toContain('| [sample-error](https://github.com/soc2lint/soc2lint/blob/main/rules/sample-error.md) |');
    expect(summary).toContain('| warning | sample-warning |');
  });
});
