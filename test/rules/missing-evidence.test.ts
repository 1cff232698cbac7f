import rule from '../../rules/missing-evidence.js';
import { testRule } from '../helpers/rule-tester.js';

/** One control as a mapping; `rest` goes after the required fields. */
const control = (rest: string, head = 'id: C-AR\ntitle: Quarterly access review\nowner: a@x.io\nfrequency: quarterly\n') => `${head}${rest}`;
const urlEvidence = 'evidence:\n  - url: https://drive.example.com/access-review-2026-q2\n    date: 2026-06-28\n';

testRule(rule, {
  valid: [
    {
      name: 'an active control with a dated evidence file',
      files: { 'controls/ar.yaml': control('evidence:\n  - path: evidence/ar/2026-q2.md\n    date: 2026-06-28\n'), 'evidence/ar/2026-q2.md': 'done' },
    },
    { name: 'url-only evidence counts as evidence', files: { 'controls/ar.yaml': control(urlEvidence) } },
    { name: 'a planned control needs no evidence yet', files: { 'controls/ar.yaml': control('status: planned\n') } },
    { name: 'a retired control needs no evidence', files: { 'controls/ar.yaml': control('status: retired\nevidence: []\n') } },
    {
      name: 'old evidence still counts as evidence (its age is stale-evidence\'s business)',
      files: { 'controls/ar.yaml': control('evidence:\n  - url: https://drive.example.com/ar-2019\n    date: 2019-01-15\n') },
    },
    {
      name: 'a file that does not parse and a control that breaks its schema do not crash the rule',
      files: {
        'controls/ar.yaml': control(urlEvidence),
        'controls/broken.yaml': 'id: [C-X\n',
        'controls/no-frequency.yaml': 'id: C-NF\ntitle: No frequency\n',
        'controls/empty.yaml': '',
      },
    },
    {
      // Fails today: src/model/records.ts prune() drops the whole evidence entry when only its optional note is invalid.
      name: 'an evidence entry with a malformed note is still evidence (schema-violation reports the note)',
      files: { 'controls/ar.yaml': control('evidence:\n  - url: https://drive.example.com/ar-q2\n    date: 2026-06-28\n    note: 5\n') },
    },
  ],
  invalid: [
    {
      name: 'an active control without an evidence key is reported at its id, even when id is not the first key',
      files: { 'controls/ar.yaml': '# Access reviews\ntitle: Quarterly access review\nid: C-AR\nowner: a@x.io\nfrequency: quarterly\n' },
      errors: [{ file: 'controls/ar.yaml', line: 3, column: 5, messageId: 'noEvidence', data: { control: 'C-AR' }, message: 'Control C-AR is active but lists no evidence' }],
    },
    {
      name: 'an empty evidence list is reported at the evidence key',
      files: { 'controls/ar.yaml': control('evidence: []\n') },
      errors: [{ file: 'controls/ar.yaml', line: 5, column: 1, messageId: 'noEvidence', message: 'Control C-AR is active but lists no evidence' }],
    },
    {
      name: 'a control with status active written out is reported like one with the default',
      files: { 'controls/ar.yaml': control('status: active\n') },
      errors: [{ file: 'controls/ar.yaml', line: 1, column: 5, messageId: 'noEvidence', message: 'Control C-AR is active' }],
    },
    {
      name: 'status defaults to active: the control in a controls list with no status and no evidence is reported',
      files: {
        'controls/it.yaml': [
          'controls:',
          '  - id: C-BK',
          '    title: Daily backups',
          '    frequency: daily',
          '    evidence:',
          '      - url: https://ci.example.com/backups/2026-06-30',
          '        date: 2026-06-30',
          '  - id: C-VS',
          '    title: Weekly vulnerability scan',
          '    frequency: weekly',
          '  - id: C-PT',
          '    title: Penetration test',
          '    status: planned',
          '    frequency: annual',
          '',
        ].join('\n'),
      },
      errors: [{ file: 'controls/it.yaml', line: 8, column: 9, messageId: 'noEvidence', message: 'Control C-VS is active but lists no evidence' }],
    },
    {
      name: 'every active control without evidence is reported, in file order',
      files: {
        'controls/a.yaml': 'controls:\n  - id: C-1\n    title: One\n    frequency: monthly\n  - id: C-2\n    title: Two\n    frequency: monthly\n    evidence: []\n',
      },
      errors: [
        { file: 'controls/a.yaml', line: 2, column: 9, messageId: 'noEvidence', message: 'Control C-1' },
        { file: 'controls/a.yaml', line: 8, column: 5, messageId: 'noEvidence', message: 'Control C-2' },
      ],
    },
    {
      name: 'a control whose only evidence entry is malformed (no date) has no usable evidence',
      files: { 'controls/ar.yaml': control('evidence:\n  - path: evidence/ar.md\n'), 'evidence/ar.md': 'x' },
      errors: [{ file: 'controls/ar.yaml', line: 5, column: 1, messageId: 'noEvidence', message: 'Control C-AR is active but lists no evidence' }],
    },
  ],
});
