// What was linted, in the two formats people read it in: under stylish's summary line, and on the JSON entry of the
// program's folder. Only for a run over the whole program (`program` given); formats for CI leave it out.
import { describe, expect, it } from 'vitest';
import { json, type JsonFileResult } from '../../src/formatters/json.js';
import { stylish } from '../../src/formatters/stylish.js';
import type { ProgramSummary } from '../../src/formatters/types.js';
import { FIXTURE_FINDINGS, fixtureInput } from './fixture.js';

const PROGRAM: ProgramSummary = { policies: 27, controls: 4, vendors: 0, people: 0, trainingRecords: 0, acknowledgments: 0, waivers: 0, scopeFile: null };
const FULL: ProgramSummary = { policies: 1, controls: 1, vendors: 1, people: 1, trainingRecords: 1, acknowledgments: 1, waivers: 1, scopeFile: 'scope.yml' };

describe('stylish', () => {
  it('says what was linted under the summary line: policies and controls always, other kinds when present, the scope file or its absence', () => {
    expect(stylish(fixtureInput({ program: PROGRAM }))).toMatch(/\n✖ \d+ problems \([^)]*\)\n {2}in 27 policies, 4 controls, no scope\.yaml\n$/);
    expect(stylish(fixtureInput({ program: FULL }))).toMatch(/\n {2}in 1 policy, 1 control, 1 vendor, 1 person, 1 training record, 1 acknowledgment, 1 waiver, scope\.yml\n$/);
  });

  it('says it under the suppressed count of a run with only suppressed findings, and prints nothing for a clean one', () => {
    const suppressed = FIXTURE_FINDINGS.filter((finding) => finding.suppressedBy);
    expect(stylish(fixtureInput({ findings: suppressed, program: PROGRAM }))).toBe('✔ 0 problems (2 suppressed by waivers and inline directives)\n  in 27 policies, 4 controls, no scope.yaml\n');
    expect(stylish(fixtureInput({ findings: [], program: PROGRAM }))).toBe('');
  });

  it('says nothing of it for a run over given files', () => {
    expect(stylish(fixtureInput())).not.toContain('\n  in ');
  });
});

describe('json', () => {
  const parse = (text: string) => JSON.parse(text) as JsonFileResult[];

  it('carries the counts on the entry of the program folder, which holds its findings when it has some', () => {
    const results = parse(json(fixtureInput({ program: PROGRAM })));
    expect(results.filter((result) => result.program)).toEqual([expect.objectContaining({ filePath: '.', errorCount: 1, program: PROGRAM })]);
  });

  it('adds the entry last, with no messages, when the program folder has no finding', () => {
    const results = parse(json(fixtureInput({ findings: FIXTURE_FINDINGS.filter((finding) => finding.file !== '.'), program: PROGRAM })));
    expect(results.at(-1)).toEqual({ filePath: '.', messages: [], suppressedMessages: [], errorCount: 0, warningCount: 0, program: PROGRAM });
    expect(parse(json(fixtureInput({ findings: [], program: PROGRAM })))).toHaveLength(1);
  });

  it('is the plain ESLint array for a run over given files', () => {
    expect(parse(json(fixtureInput())).some((result) => 'program' in result)).toBe(false);
    expect(json(fixtureInput({ findings: [] }))).toBe('[]\n');
  });
});
