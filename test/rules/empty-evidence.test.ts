import rule from '../../rules/empty-evidence.js';
import { testRule } from '../helpers/rule-tester.js';

/** A control citing the given evidence files; the `path` value of entry i is on line 6 + 2i, column 11. */
const control = (paths: string[]) =>
  `id: C-1\ntitle: The control\nowner: a@x.io\nfrequency: monthly\nevidence:\n${paths.map((path, i) => `  - path: ${path}\n    date: 2026-0${i + 1}-10\n`).join('')}`;

testRule(rule, {
  valid: [
    { name: 'a file with content', files: { 'controls/c.yaml': control(['evidence/a.md']), 'evidence/a.md': '# Review\n\nDone.\n' } },
    { name: 'a single character is content', files: { 'controls/c.yaml': control(['evidence/a.csv']), 'evidence/a.csv': 'x' } },
    { name: 'a binary file (a screenshot) with bytes in it', files: { 'controls/c.yaml': control(['evidence/a.png']), 'evidence/a.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) } },
    { name: "a missing file is broken-evidence-link's finding", files: { 'controls/c.yaml': control(['evidence/missing.md']) } },
    { name: 'a url entry has no file to read', files: { 'controls/c.yaml': 'id: C-1\ntitle: T\nfrequency: monthly\nevidence:\n  - url: https://x.example.com/1\n    date: 2026-01-10\n' } },
  ],
  invalid: [
    {
      name: 'a 0-byte file, at its path',
      files: { 'controls/c.yaml': control(['evidence/ok.md', 'evidence/empty.md']), 'evidence/ok.md': 'Done.\n', 'evidence/empty.md': '' },
      errors: [
        {
          file: 'controls/c.yaml',
          line: 8,
          column: 11,
          messageId: 'empty',
          data: { owner: 'Control C-1', what: 'evidence file', path: 'evidence/empty.md' },
          message: 'Control C-1: evidence file "evidence/empty.md" is empty (0 bytes), so it proves nothing. Put the real export, report or record in it, or remove the entry.',
        },
      ],
    },
    {
      name: 'whitespace only (with a byte-order mark) is blank',
      files: { 'controls/c.yaml': control(['evidence/blank.md']), 'evidence/blank.md': '\uFEFF \n\t\r\n' },
      errors: [{ file: 'controls/c.yaml', line: 6, column: 11, messageId: 'blank', data: { owner: 'Control C-1', what: 'evidence file', path: 'evidence/blank.md' } }],
    },
    {
      name: "a vendor's empty assurance report and an empty offboarding record",
      files: {
        'vendors/v.yaml': 'id: V-1\nname: V\ncriticality: high\nassurance:\n  kind: soc2-type2\n  period_end: 2026-03-31\n  path: evidence/v-soc2.pdf\n',
        'evidence/v-soc2.pdf': '',
        'people.yaml': 'people:\n  - id: b@x.io\n    name: Bo\n    end: 2026-03-01\n    offboarded:\n      date: 2026-03-01\n      evidence: evidence/off.md\n',
        'evidence/off.md': '\n\n',
      },
      errors: [
        { file: 'people.yaml', line: 7, column: 17, messageId: 'blank', message: 'Person b@x.io: offboarding evidence file "evidence/off.md" holds nothing but whitespace' },
        { file: 'vendors/v.yaml', line: 7, column: 9, messageId: 'empty', message: 'Vendor V-1: assurance report "evidence/v-soc2.pdf" is empty (0 bytes)' },
      ],
    },
  ],
});
