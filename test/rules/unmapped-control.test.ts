import rule from '../../rules/unmapped-control.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'an active control that maps a criterion',
      files: { 'controls/access.yaml': 'id: C-ACC\ntitle: Access review\nfrequency: quarterly\nstatus: active\ncriteria: [CC6.2, CC6.3]\n' },
    },
    {
      name: 'every control in a controls: list maps a criterion',
      files: {
        'controls/all.yaml':
          'controls:\n  - id: C-1\n    title: One\n    frequency: annual\n    criteria: [CC1.1]\n  - id: C-2\n    title: Two\n    frequency: annual\n    criteria:\n      - CC2.2\n',
      },
    },
    {
      name: 'a planned control may map nothing yet',
      files: { 'controls/dlp.yaml': 'id: C-DLP\ntitle: Data loss prevention\nfrequency: continuous\nstatus: planned\n' },
    },
    {
      name: 'a retired control with criteria: [] is fine',
      files: { 'controls/old.yaml': 'id: C-OLD\ntitle: Old pager rota\nfrequency: event\nstatus: retired\ncriteria: []\n' },
    },
    {
      name: 'a mapping to an unknown ID (CC9.9) is unknown-criterion\'s finding, not this one',
      files: { 'controls/x.yaml': 'id: C-X\ntitle: Template control\nfrequency: annual\ncriteria: [CC9.9]\n' },
    },
  ],
  invalid: [
    {
      name: 'an active control with no criteria key is reported at its id',
      files: { 'controls/backup.yaml': 'id: C-BAK\ntitle: Nightly backups\nfrequency: daily\nstatus: active\n' },
      errors: [{ file: 'controls/backup.yaml', line: 1, column: 5, messageId: 'unmapped', data: { control: 'C-BAK' }, message: 'Control C-BAK is active but maps no criterion. Add the criteria it addresses under "criteria:" (e.g. [CC6.1]).' }],
    },
    {
      name: 'a control without a status is active, and is reported at its id even when other keys come first',
      files: { 'controls/backup.yaml': '# Backups\ntitle: Nightly backups\nfrequency: daily\nid: C-BAK\n' },
      errors: [{ file: 'controls/backup.yaml', line: 4, column: 5, messageId: 'unmapped', message: 'Control C-BAK is active' }],
    },
    {
      name: 'criteria: [] is reported at the criteria key',
      files: { 'controls/backup.yaml': 'id: C-BAK\ntitle: Nightly backups\nfrequency: daily\ncriteria: []\n' },
      errors: [{ file: 'controls/backup.yaml', line: 4, column: 1, messageId: 'unmapped', message: 'Add the criteria it addresses under "criteria:"' }],
    },
    {
      name: 'an empty criteria: key is reported at the key',
      files: { 'controls/backup.yaml': 'id: C-BAK\ntitle: Nightly backups\nfrequency: daily\ncriteria:\nowner: ops@acme.io\n' },
      errors: [{ file: 'controls/backup.yaml', line: 4, column: 1, messageId: 'unmapped', message: 'Control C-BAK' }],
    },
    {
      name: 'in a controls: list, only the unmapped controls are reported, each at its own id or criteria key',
      files: {
        'controls/all.yaml':
          'controls:\n  - id: C-1\n    title: One\n    frequency: annual\n    criteria: [CC1.1]\n  - id: C-2\n    title: Two\n    frequency: annual\n  - id: C-3\n    title: Three\n    frequency: annual\n    criteria: []\n',
      },
      errors: [
        { file: 'controls/all.yaml', line: 6, column: 9, messageId: 'unmapped', message: 'Control C-2 is active but maps no criterion' },
        { file: 'controls/all.yaml', line: 12, column: 5, messageId: 'unmapped', message: 'Control C-3 is active but maps no criterion' },
      ],
    },
    {
      name: 'a control whose only criterion is malformed ("") maps nothing',
      files: { 'controls/backup.yaml': 'id: C-BAK\ntitle: Nightly backups\nfrequency: daily\ncriteria: [""]\n' },
      errors: [{ file: 'controls/backup.yaml', line: 4, column: 1, messageId: 'unmapped', message: 'Control C-BAK' }],
    },
    {
      name: 'a malformed neighbour file does not stop the check',
      files: {
        'controls/broken.yaml': 'controls:\n  - id: C-BROKEN\n    criteria: [CC3.3\n',
        'controls/no-title.yaml': 'id: C-NT\nfrequency: annual\n',
        'controls/backup.yaml': 'id: C-BAK\ntitle: Nightly backups\nfrequency: daily\n',
      },
      errors: [{ file: 'controls/backup.yaml', line: 1, column: 5, messageId: 'unmapped', message: 'Control C-BAK' }],
    },
  ],
});
