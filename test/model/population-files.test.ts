// Population files as exports write them: a `gh pr list --json` export (pretty or on one line), a plain changes CSV,
// incidents.yaml, generic CSV and YAML lists. Every item keeps the line of its id; a file that cannot be read is a
// load problem with its file and line, and the rest of the program still loads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { loadRepo } from '../../src/model/load.js';
import { readPopulationFile } from '../../src/model/population-files.js';
import type { Change, Incident, RepoModel } from '../../src/model/types.js';
import { makeRepo, type RepoFiles } from '../helpers/repo.js';

async function load(files: RepoFiles): Promise<RepoModel> {
  return loadRepo(loadConfig(makeRepo(files)));
}

/** One pull request as `gh pr list --json number,title,author,mergedAt,mergedBy,reviews,commits,labels,baseRefName` writes it. */
function ghPullRequest(number: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    author: { id: 'U_1', is_bot: false, login: 'alice', name: 'Alice' },
    baseRefName: 'main',
    commits: [
      { authoredDate: '2026-03-01T09:00:00Z', authors: [{ login: 'alice' }], committedDate: '2026-03-01T09:00:00Z', messageHeadline: 'First', oid: 'a1' },
      { authoredDate: '2026-03-02T08:00:00Z', authors: [{ login: 'alice' }], committedDate: '2026-03-02T10:30:00Z', messageHeadline: 'Second', oid: 'a2' },
    ],
    labels: [{ id: 'LA_1', name: 'security', color: 'e99695' }],
    mergedAt: '2026-03-02T15:00:00Z',
    mergedBy: { login: 'alice' },
    number,
    reviews: [
      { author: { login: 'bob' }, state: 'COMMENTED', submittedAt: '2026-03-01T12:00:00Z' },
      { author: { login: 'bob' }, state: 'APPROVED', submittedAt: '2026-03-02T11:00:00Z' },
    ],
    title: `Change ${number}`,
    ...extra,
  };
}

const lineOf = (text: string, needle: string, from = 0) => text.slice(0, text.indexOf(needle, from)).split('\n').length;

describe('a gh pull request export', () => {
  it('reads each pull request as a change, at the line of its number', async () => {
    const text = JSON.stringify([ghPullRequest(482), ghPullRequest(481, { author: { login: 'app/depbump', is_bot: true }, mergedAt: '2026-03-03T01:30:00+02:00', labels: [] })], null, 2);
    const model = await load({ 'populations/changes.json': text });
    expect(model.problems).toEqual([]);
    const [file] = model.populationFiles;
    expect(file).toMatchObject({ file: 'populations/changes.json', name: 'changes', format: 'json' });
    const [first, second] = file!.items as Change[];
    expect(first).toMatchObject({
      id: '#482',
      number: 482,
      title: 'Change 482',
      date: '2026-03-02',
      author: 'alice',
      authorIsBot: false,
      mergedAt: '2026-03-02T15:00:00Z',
      mergedBy: 'alice',
      lastCommitAt: '2026-03-02T10:30:00Z',
      labels: ['security'],
      base: 'main',
      evidence: [],
      reviews: [
        { by: 'bob', state: 'COMMENTED', at: '2026-03-01T12:00:00Z' },
        { by: 'bob', state: 'APPROVED', at: '2026-03-02T11:00:00Z' },
      ],
    });
    expect(first!.at).toMatchObject({ file: 'populations/changes.json', line: lineOf(text, '"number": 482'), column: 5, record: '#482' });
    expect(first!.endLine).toBe(lineOf(text, '"title": "Change 482"') + 1);
    // A timestamp with an offset is read in UTC: 01:30 at +02:00 is the evening before.
    expect(second).toMatchObject({ id: '#481', authorIsBot: true, mergedAt: '2026-03-02T23:30:00Z', date: '2026-03-02', labels: [] });
    expect(second!.at.line).toBe(lineOf(text, '"number": 481'));
  });

  it('reads an export written on one line (as gh writes it to a file): every change on line 1, at its own column', async () => {
    const text = JSON.stringify([ghPullRequest(2), ghPullRequest(1)]);
    const model = await load({ 'populations/changes.json': `${text}\n` });
    const items = model.populationFiles[0]!.items;
    expect(items.map((item) => [item.id, item.at.line, item.at.column])).toEqual([
      ['#2', 1, text.indexOf('"number":2') + 1],
      ['#1', 1, text.indexOf('"number":1') + 1],
    ]);
  });

  it('reports a file that is not JSON, one that is not an array, and items without a number, and keeps the rest', async () => {
    const items = JSON.stringify([ghPullRequest(7), { title: 'no number' }, 'text', ghPullRequest(8)], null, 2);
    const model = await load({
      'populations/broken/changes.json': '[{"number": 1,\n  "title": }]\n',
      'populations/changes.json': items,
      'populations/object/changes.json': '{"number": 3}\n',
      'controls/ac.yaml': 'id: AC-01\ntitle: Access\nfrequency: quarterly\n',
    });
    expect(model.problems.map((p) => `${p.range.file}:${p.range.line} ${p.kind}: ${p.message}`)).toEqual([
      expect.stringMatching(/^populations\/broken\/changes\.json:2 parse: /),
      `populations/changes.json:${lineOf(items, '"title": "no number"') - 1} schema: Item 2 of populations/changes.json has no number or id; every population item needs one, as the auditor would cite it.`,
      `populations/changes.json:${lineOf(items, '"text"')} schema: Item 3 of populations/changes.json is not an object; each item has fields (id, date, …).`,
      'populations/object/changes.json:1 schema: A population file holds a JSON array of objects, one item a row with at least an id and a date; populations/object/changes.json does not.',
    ]);
    expect(model.populationFiles.map((file) => [file.file, file.items.map((item) => item.id)])).toEqual([['populations/changes.json', ['#7', '#8']]]);
    expect(model.controls.map((control) => control.id)).toEqual(['AC-01']);
  });
});

describe('a plain changes CSV', () => {
  it('reads id, date, author, approver and approved_at, with extra columns, at each row line', async () => {
    const model = await load({
      'populations/changes.csv': [
        'id,date,author,approver,approved_at,title,labels',
        '#101,2026-02-03T10:00:00Z,alice,bob,2026-02-03T09:00:00Z,Add SSO,security',
        '',
        'PR-102,2026-02-04,carol,,,"Fix, then deploy","emergency;incident"',
      ].join('\n'),
    });
    expect(model.problems).toEqual([]);
    const [first, second] = model.populationFiles[0]!.items as Change[];
    expect(first).toMatchObject({ id: '#101', number: 101, date: '2026-02-03', mergedAt: '2026-02-03T10:00:00Z', author: 'alice', title: 'Add SSO', labels: ['security'] });
    expect(first!.reviews).toEqual([{ by: 'bob', state: 'APPROVED', at: '2026-02-03T09:00:00Z' }]);
    expect(first!.at).toMatchObject({ line: 2, column: 1, record: '#101' });
    // A day alone is a date, not a merge time; no approver is no review.
    expect(second).toMatchObject({ id: 'PR-102', date: '2026-02-04', title: 'Fix, then deploy', labels: ['emergency', 'incident'], reviews: [] });
    expect(second!.mergedAt).toBeUndefined();
    expect(second!.number).toBeUndefined();
    expect(second!.at.line).toBe(4);
  });
});

describe('incidents', () => {
  it('reads a root incidents.yaml: opened is the date, the postmortem its evidence', async () => {
    const model = await load({
      'incidents.yaml': [
        '# From Jira',
        'incidents:',
        '  - id: SEC-1',
        '    title: Phishing',
        '    opened: 2026-02-18T23:05:00-05:00',
        '    severity: SEV3',
        '    closed: 2026-02-19',
        '    postmortem: evidence/IR/sec-1.md',
        '  - id: SEC-2',
        '    opened: sometime in May',
      ].join('\n'),
    });
    expect(model.problems).toEqual([]);
    const [file] = model.populationFiles;
    expect(file).toMatchObject({ file: 'incidents.yaml', name: 'incidents', format: 'yaml' });
    const [first, second] = file!.items as Incident[];
    expect(first).toMatchObject({ id: 'SEC-1', title: 'Phishing', opened: '2026-02-19T04:05:00Z', date: '2026-02-19', severity: 'SEV3', closed: '2026-02-19', evidence: ['evidence/IR/sec-1.md'], endLine: 8 });
    expect(first!.at).toMatchObject({ line: 3, column: 5 });
    // A date that is no date is kept as written, for incomplete-population to report.
    expect(second).toMatchObject({ id: 'SEC-2', writtenDate: 'sometime in May', endLine: 10 });
    expect(second!.date).toBeUndefined();
  });
});

describe('other population files', () => {
  it('reads id, date, title and evidence from CSV and YAML lists', async () => {
    const model = await load({
      'populations/deploys.csv': 'id,date,title,evidence\nD-1,2026-01-15,Deploy 1,evidence/d1.md;evidence/d1-log.txt\nD-2,,Deploy 2,\n',
      'populations/access/grants.yml': '- id: 12\n  date: 15 January 2026\n  evidence: [evidence/g12.md]\n',
    });
    expect(model.problems).toEqual([]);
    expect(model.populationFiles.map((file) => [file.file, file.name, file.format])).toEqual([
      ['populations/access/grants.yml', 'grants', 'yaml'],
      ['populations/deploys.csv', 'deploys', 'csv'],
    ]);
    expect(model.populationFiles[0]!.items).toEqual([
      { id: '12', date: '2026-01-15', at: { file: 'populations/access/grants.yml', line: 1, column: 3, endLine: 1, endColumn: 9, record: '12' }, endLine: 3, evidence: ['evidence/g12.md'] },
    ]);
    expect(model.populationFiles[1]!.items.map((item) => [item.id, item.date, item.title, item.evidence, item.at.line])).toEqual([
      ['D-1', '2026-01-15', 'Deploy 1', ['evidence/d1.md', 'evidence/d1-log.txt'], 2],
      ['D-2', undefined, 'Deploy 2', [], 3],
    ]);
  });

  it('reads population files where paths.populations says, and nowhere else', async () => {
    const model = await load({
      'soc2lint.config.yaml': 'paths:\n  populations: audit/samples/*.csv\n',
      'audit/samples/deploys.csv': 'id,date\nD-1,2026-01-15\n',
      'populations/ignored.csv': 'id,date\nX,2026-01-15\n',
    });
    expect(model.populationFiles.map((file) => file.file)).toEqual(['audit/samples/deploys.csv']);
  });
});

describe('the population field of a control', () => {
  it('is read, and is no unknown field', async () => {
    const model = await load({ 'controls/chg.yaml': 'id: CHG-01\ntitle: Reviewed changes\nfrequency: event\npopulation: changes\n' });
    expect(model.problems).toEqual([]);
    expect(model.unknownFields).toEqual([]);
    expect(model.controls[0]!.population).toBe('changes');
    expect(model.controls[0]!.source.at(['population']).line).toBe(4);
  });
});

describe('any text as a population file', () => {
  it('never throws, and places every item and problem inside the file', () => {
    const pieces = fc.constantFrom('[', ']', '{', '}', ',', ':', '"number"', '"id"', '"mergedAt"', '"2026-03-02T10:00:00Z"', '12', 'null', '\n', ' ', '- id: A', 'date: 2026-01-01', 'id,date', '"', '#', 'incidents:', '\t');
    const text = fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom('populations/changes.json', 'populations/changes.csv', 'incidents.yaml', 'populations/deploys.yml'), (body, file) => {
        const read = readPopulationFile(file, body);
        const lines = body.split('\n').length;
        for (const item of read.population?.items ?? []) {
          expect(item.at.line).toBeGreaterThanOrEqual(1);
          expect(item.endLine).toBeLessThanOrEqual(lines);
        }
        for (const problem of read.problems) expect(problem.range.line).toBeLessThanOrEqual(lines);
      }),
      { numRuns: 300 },
    );
  });
});
