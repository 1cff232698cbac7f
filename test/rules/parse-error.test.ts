import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/parse-error.js';
import unknownCriterion from '../../rules/unknown-criterion.js';
import { makeRepo, policy } from '../helpers/repo.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

// A good policy sits next to every broken file: the error count is exact, so it proves the good one is still read.
const good = policy('id: POL-GOOD\ntitle: Good\nstatus: draft');
const control = 'id: CTL-1\ntitle: Access review\nfrequency: quarterly\n';

/** The classic billion laughs: 9 levels of 9 aliases each, 9^9 strings when expanded. */
function aliasBomb(): string {
  const names = 'abcdefghi'.split('');
  let text = `a: &a [${Array(9).fill('"lol"').join(',')}]\n`;
  for (let i = 1; i < names.length; i++) text += `${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]\n`;
  return text;
}

// A file outside the repo for a symlink to point at (a real file, so the link is not merely broken).
const outside = join(makeRepo({ 'secret.txt': 'not for soc2lint\n' }, 'soc2lint-outside-'), 'secret.txt');

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

testRule(rule, {
  valid: [
    { name: 'a file that parses but breaks its schema is schema-violation\'s finding, not this one', files: { 'controls/c.yaml': 'id: C-1\ntitle: T\nfrequency: hourly\n' } },
    {
      name: 'well-formed policies, controls, scope and CSV records are not parse errors',
      files: {
        'policies/good.md': good,
        'controls/access.yaml': `controls:\n  - ${control.trim().replace(/\n/g, '\n    ')}\n`,
        'scope.yaml': 'categories: [security]\n',
        'training/2026.csv': 'person,course,date\na@x.io,Security awareness,2026-01-05\n',
      },
    },
    {
      name: 'a policy saved with a UTF-8 byte order mark is read normally',
      files: { 'policies/bom.md': `\uFEFF${good}`, 'controls/bom.yaml': `\uFEFF${control}` },
    },
    {
      name: 'CRLF line endings (Windows editors) are valid in policies, YAML and CSV',
      files: {
        'policies/crlf.md': crlf(policy('id: POL-CRLF\ntitle: Windows\nstatus: approved\ncriteria: [CC6.1, CC6.2]')),
        'controls/crlf.yaml': crlf(`${control}criteria: [CC6.1]\n`),
        'training/crlf.csv': crlf('person,course,date\na@x.io,Security awareness,2026-01-05\n'),
      },
    },
    { name: 'an empty controls file holds no records and is not an error', files: { 'controls/empty.yaml': '' } },
    {
      name: 'a few YAML aliases under the limit are fine',
      files: { 'controls/anchors.yaml': 'controls:\n  - &base\n    id: CTL-1\n    title: A\n    frequency: annual\n  - id: CTL-2\n    title: B\n    frequency: annual\n' },
    },
  ],
  invalid: [
    {
      name: 'malformed YAML in a controls file is reported at the line of the error, and the good policy beside it is still read',
      files: { 'policies/good.md': good, 'controls/access.yaml': 'id: CTL-1\ntitle: Access: quarterly review\nfrequency: quarterly\n' },
      errors: [{ file: 'controls/access.yaml', line: 2, column: 8, messageId: 'unparsable', message: 'YAML syntax error: Nested mappings' }],
    },
    {
      name: 'a duplicate key is reported where it repeats and names the key',
      files: { 'policies/good.md': good, 'controls/access.yaml': 'id: CTL-1\ntitle: Access review\nfrequency: quarterly\ntitle: Quarterly access review\n' },
      errors: [{ file: 'controls/access.yaml', line: 4, column: 1, messageId: 'unparsable', message: 'Duplicate key "title"' }],
    },
    {
      name: 'tab indentation is reported on the indented line',
      files: { 'policies/good.md': good, 'controls/access.yaml': 'controls:\n\t- id: CTL-1\n' },
      errors: [{ file: 'controls/access.yaml', line: 2, column: 1, messageId: 'unparsable', message: 'Tabs are not allowed as indentation' }],
    },
    {
      name: 'front matter without its closing --- is reported on line 1',
      files: { 'policies/good.md': good, 'policies/open.md': '---\nid: POL-OPEN\ntitle: Open\nstatus: draft\n# Open policy\n' },
      errors: [{ file: 'policies/open.md', line: 1, column: 1, messageId: 'unparsable', message: 'Front matter is not closed' }],
    },
    {
      name: 'a policy without front matter is reported on line 1',
      files: { 'policies/good.md': good, 'policies/plain.md': '# Acceptable use\n\nBe nice.\n' },
      errors: [{ file: 'policies/plain.md', line: 1, column: 1, messageId: 'unparsable', message: 'does not start with YAML front matter' }],
    },
    {
      name: 'an empty policy file is reported as empty',
      files: { 'policies/good.md': good, 'policies/empty.md': '' },
      errors: [
        {
          file: 'policies/empty.md',
          line: 1,
          column: 1,
          messageId: 'unparsable',
          data: { problem: 'The file is empty; a policy starts with a `---` line, its fields (id, title, status, ...), and another `---` line.' },
          message: 'The file is empty',
        },
      ],
    },
    {
      name: 'a binary file named .md is reported at the line of its first NUL byte',
      files: { 'policies/good.md': good, 'policies/diagram.md': Buffer.from('---\nid: POL-BIN\n\u0000\u0001\u0002PNG\n---\n', 'latin1') },
      errors: [{ file: 'policies/diagram.md', line: 3, column: 1, messageId: 'unparsable', message: 'File is binary' }],
    },
    {
      name: 'invalid UTF-8 (a Windows-1252 é) is reported at the line of the bad byte',
      files: {
        'policies/good.md': good,
        'policies/cafe.md': Buffer.concat([Buffer.from('---\nid: POL-CAFE\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\nstatus: draft\n---\n')]),
      },
      errors: [{ file: 'policies/cafe.md', line: 3, column: 1, messageId: 'unparsable', message: 'not valid UTF-8 (byte 0xe9' }],
    },
    {
      name: 'a UTF-16 file with a byte order mark is reported, not decoded as garbage',
      files: { 'policies/good.md': good, 'policies/utf16.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(policy('id: POL-16\ntitle: Wide\nstatus: draft'), 'utf16le')]) },
      errors: [{ file: 'policies/utf16.md', line: 1, column: 1, messageId: 'unparsable', message: 'UTF-16' }],
    },
    {
      name: 'a YAML alias bomb is refused at its first alias, naming aliases',
      files: { 'policies/good.md': good, 'controls/bomb.yaml': aliasBomb() },
      errors: [{ file: 'controls/bomb.yaml', line: 2, column: 8, messageId: 'unparsable', message: /alias bomb/ }],
    },
    {
      name: 'a file over 4 MiB is not read and is reported on line 1',
      files: { 'policies/good.md': good, 'controls/huge.yaml': '# x\n'.repeat((5 * 1024 * 1024) / 4) },
      errors: [{ file: 'controls/huge.yaml', line: 1, column: 1, messageId: 'unparsable', message: '5.0 MiB, over the 4.0 MiB limit' }],
    },
    {
      name: 'several YAML documents in one controls file are reported at the second one',
      files: { 'policies/good.md': good, 'controls/two.yaml': `${control}---\nid: CTL-2\ntitle: Second\nfrequency: annual\n` },
      errors: [{ file: 'controls/two.yaml', line: 4, column: 1, messageId: 'unparsable', message: 'several YAML documents' }],
    },
    {
      name: 'a symlink in policies/ pointing outside the repo is reported and not read',
      files: { 'policies/good.md': good, 'policies/linked.md': { symlink: outside } },
      errors: [{ file: 'policies/linked.md', line: 1, column: 1, messageId: 'unparsable', message: /outside the repository.*does not read it/ }],
    },
    {
      name: 'a symlink in controls/ pointing at nothing is reported',
      files: { 'policies/good.md': good, 'controls/gone.yaml': { symlink: '../nowhere/gone.yaml' } },
      errors: [{ file: 'controls/gone.yaml', line: 1, column: 1, messageId: 'unparsable', message: 'Symlink points to a file that does not exist' }],
    },
    {
      name: '---js front matter is refused, never executed',
      files: { 'policies/good.md': good, 'policies/evil.md': "---js\n{ id: (()=>{ throw new Error('executed') })() }\n---\n# Evil\n" },
      errors: [{ file: 'policies/evil.md', line: 1, column: 1, messageId: 'unparsable', message: /^(?!.*executed).*front matter/ }],
    },
    {
      name: 'a CSV row with an extra cell is reported on its line',
      files: { 'policies/good.md': good, 'training/2026.csv': 'person,course,date\na@x.io,Security awareness,2026-01-05\nb@x.io,Security awareness,2026-01-06,late\n' },
      errors: [{ file: 'training/2026.csv', line: 3, column: 1, messageId: 'unparsable', message: 'CSV cannot be parsed' }],
    },
  ],
});

it('a BOM does not shift the line and column other rules report', async () => {
  const findings = await runRule(unknownCriterion, { files: { 'policies/bom.md': `\uFEFF${policy('id: POL-BOM\ntitle: Bom\nstatus: draft\ncriteria: [CC9.9]')}` }, name: 'bom' });
  expect(findings.map((f) => [f.file, f.line, f.column])).toEqual([['policies/bom.md', 5, 12]]);
});

it('broken files do not stop the good ones from being linted by other rules', async () => {
  const findings = await runRule(unknownCriterion, {
    name: 'neighbours',
    files: {
      'policies/empty.md': '',
      'policies/open.md': '---\nid: POL-OPEN\n',
      'controls/bomb.yaml': aliasBomb(),
      'controls/tabs.yaml': 'controls:\n\t- id: CTL-1\n',
      'policies/good.md': policy('id: POL-GOOD\ntitle: Good\nstatus: draft\ncriteria: [CC9.9]'),
    },
  });
  expect(findings.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(['policies/good.md:5:12']);
});

it('an alias bomb is refused fast, without expanding it', async () => {
  const started = performance.now();
  const findings = await runRule(rule, { name: 'bomb', files: { 'controls/bomb.yaml': aliasBomb() } });
  expect(findings).toHaveLength(1);
  expect(performance.now() - started).toBeLessThan(2000);
});

describe('parse-error hints', () => {
  it('says to quote a glob that YAML reads as an alias', async () => {
    const findings = await runRule(rule, { name: 'alias', files: { 'controls/c.yaml': 'id: C-1\ntitle: T\nfrequency: event\ndescription: **/*.md\n' } });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('quote it');
    expect(findings[0]!.line).toBe(4);
  });
});
