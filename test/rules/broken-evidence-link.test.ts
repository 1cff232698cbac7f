import rule from '../../rules/broken-evidence-link.js';
import { testRule } from '../helpers/rule-tester.js';

/** A monthly control as a mapping: its first evidence entry's `path` value is on line 6, column 11; the next on line 8. */
const control = (...paths: string[]) =>
  `id: C-VS\ntitle: Monthly vulnerability scan\nowner: a@x.io\nfrequency: monthly\nevidence:\n${paths.map((p) => `  - path: ${p}\n    date: 2026-06-02\n`).join('')}`;

/** A vendor whose report path is on line 8, column 9, and bridge letter path on line 11, column 11. */
const vendor = (report: string, bridge: string) =>
  [
    'id: V-AWS',
    'name: Amazon Web Services',
    'criticality: critical',
    'owner: a@x.io',
    'assurance:',
    '  kind: soc2-type2',
    '  period_end: 2026-03-31',
    `  path: ${report}`,
    '  bridge_letter:',
    '    through: 2026-06-30',
    `    path: ${bridge}`,
    '',
  ].join('\n');

/** A leaver whose offboarding proof path is on line 7, column 17. */
const leaver = (evidence: string) =>
  `people:\n  - id: a@x.io\n    name: Ada\n    end: 2026-05-01\n    offboarded:\n      date: 2026-05-01\n      evidence: ${evidence}\n`;

const scan = { 'evidence/scans/2026-06.pdf': 'report' };

testRule(rule, {
  valid: [
    { name: 'an evidence file committed in the repo', files: { 'controls/vs.yaml': control('evidence/scans/2026-06.pdf'), ...scan } },
    { name: 'a leading ./ is normalized to the same file', files: { 'controls/vs.yaml': control('./evidence/scans/2026-06.pdf'), ...scan } },
    {
      name: 'a symlink to another file inside the repo is a file',
      files: { 'controls/vs.yaml': control('evidence/scans/latest.pdf'), 'evidence/scans/latest.pdf': { symlink: '2026-06.pdf' }, ...scan },
    },
    {
      name: 'url entries are never checked',
      files: { 'controls/vs.yaml': 'id: C-VS\ntitle: Scan\nfrequency: monthly\nevidence:\n  - url: https://scanner.example.com/reports/does-not-exist\n    date: 2026-06-02\n' },
    },
    {
      name: 'vendor report, bridge letter and offboarding proof that exist',
      files: {
        'vendors/aws.yaml': vendor('evidence/vendors/aws-soc2.pdf', 'evidence/vendors/aws-bridge.pdf'),
        'people.yaml': leaver('evidence/offboarding/ada.md'),
        'evidence/vendors/aws-soc2.pdf': 'r',
        'evidence/vendors/aws-bridge.pdf': 'b',
        'evidence/offboarding/ada.md': 'o',
      },
    },
    {
      name: 'a malformed neighbour does not crash the rule',
      files: { 'controls/vs.yaml': control('evidence/scans/2026-06.pdf'), 'controls/bad.yaml': 'controls: [\n', 'vendors/bad.yaml': '- a\n', ...scan },
    },
  ],
  invalid: [
    {
      name: 'a path to a file that was never committed',
      files: { 'controls/vs.yaml': control('evidence/scans/2026-07.pdf'), ...scan },
      errors: [{ file: 'controls/vs.yaml', line: 6, column: 11, messageId: 'missing', data: { owner: 'Control C-VS', path: 'evidence/scans/2026-07.pdf' }, message: 'Control C-VS: evidence path "evidence/scans/2026-07.pdf" does not exist' }],
    },
    {
      name: 'only the broken entry is reported, at its own path value',
      files: { 'controls/vs.yaml': control('evidence/scans/2026-06.pdf', 'evidence/scans/2026-05.pdf'), ...scan },
      errors: [{ file: 'controls/vs.yaml', line: 8, column: 11, messageId: 'missing', message: '"evidence/scans/2026-05.pdf" does not exist' }],
    },
    {
      name: 'a path that climbs out of the repo with ../',
      files: { 'controls/vs.yaml': control('../outside.txt') },
      errors: [{ file: 'controls/vs.yaml', line: 6, column: 11, messageId: 'outside', data: { owner: 'Control C-VS', path: '../outside.txt' }, message: '"../outside.txt" leaves the repository' }],
    },
    {
      name: 'an absolute path, even to a file that exists on this machine',
      files: { 'controls/vs.yaml': control('/etc/hostname') },
      errors: [{ file: 'controls/vs.yaml', line: 6, column: 11, messageId: 'absolute', data: { owner: 'Control C-VS', path: '/etc/hostname' }, message: '"/etc/hostname" is absolute' }],
    },
    {
      name: 'a named pipe where the evidence file should be: reported, never opened',
      files: { 'controls/vs.yaml': control('evidence/scans/pipe.txt'), 'evidence/scans/pipe.txt': { fifo: true } },
      errors: [{ file: 'controls/vs.yaml', line: 6, column: 11, messageId: 'special', data: { owner: 'Control C-VS', path: 'evidence/scans/pipe.txt' }, message: 'is a named pipe, socket or device, not a file' }],
    },
    {
      name: 'a file under a symlinked folder that leads out of the repo is outside, though the file itself is no symlink',
      files: { 'controls/vs.yaml': control('evidence/etc/hostname'), 'evidence/etc': { symlink: '/etc' } },
      errors: [{ file: 'controls/vs.yaml', line: 6, column: 11, messageId: 'symlinkOutside', message: '"evidence/etc/hostname" is a symlink to a file outside the repository' }],
    },
    {
      name: 'a symlink inside the repo that points at a file outside it',
      files: { 'controls/vs.yaml': control('evidence/scans/host.txt'), 'evidence/scans/host.txt': { symlink: '/etc/hostname' } },
      errors: [{ file: 'controls/vs.yaml', line: 6, column: 11, messageId: 'symlinkOutside', data: { owner: 'Control C-VS', path: 'evidence/scans/host.txt' }, message: '"evidence/scans/host.txt" is a symlink to a file outside the repository' }],
    },
    {
      name: 'a symlink whose target is gone does not exist',
      files: { 'controls/vs.yaml': control('evidence/scans/latest.pdf'), 'evidence/scans/latest.pdf': { symlink: 'deleted.pdf' } },
      errors: [{ file: 'controls/vs.yaml', line: 6, column: 11, messageId: 'missing', message: '"evidence/scans/latest.pdf" does not exist' }],
    },
    {
      name: 'a path to a folder instead of a file',
      files: { 'controls/vs.yaml': control('evidence/scans'), ...scan },
      errors: [{ file: 'controls/vs.yaml', line: 6, column: 11, messageId: 'folder', data: { owner: 'Control C-VS', path: 'evidence/scans' }, message: '"evidence/scans" is a folder, not a file' }],
    },
    {
      name: 'the broken entry of the right control in a controls list, even for a retired control',
      files: {
        'controls/all.yaml': [
          'controls:',
          '  - id: C-OK',
          '    title: Fine',
          '    frequency: monthly',
          '    evidence:',
          '      - path: evidence/scans/2026-06.pdf',
          '        date: 2026-06-02',
          '  - id: C-OLD',
          '    title: Old firewall review',
          '    status: retired',
          '    frequency: annual',
          '    evidence:',
          '      - path: evidence/firewall/2024.md',
          '        date: 2024-05-01',
          '',
        ].join('\n'),
        ...scan,
      },
      errors: [{ file: 'controls/all.yaml', line: 13, column: 15, messageId: 'missing', message: 'Control C-OLD: evidence path "evidence/firewall/2024.md" does not exist' }],
    },
    {
      // src/model/records.ts prune() drops only the invalid note, not the whole evidence entry.
      name: 'an entry whose note breaks the schema still has its path checked',
      files: { 'controls/vs.yaml': 'id: C-VS\ntitle: Scan\nfrequency: monthly\nevidence:\n  - path: evidence/scans/2026-07.pdf\n    date: 2026-06-02\n    note: 5\n' },
      errors: [{ file: 'controls/vs.yaml', line: 5, column: 11, messageId: 'missing', message: '"evidence/scans/2026-07.pdf" does not exist' }],
    },
    {
      name: "a vendor's SOC 2 report and bridge letter paths are checked",
      files: { 'vendors/aws.yaml': vendor('evidence/vendors/aws-soc2.pdf', '../bridge.pdf') },
      errors: [
        { file: 'vendors/aws.yaml', line: 8, column: 9, messageId: 'missing', message: 'Vendor V-AWS: evidence path "evidence/vendors/aws-soc2.pdf" does not exist' },
        { file: 'vendors/aws.yaml', line: 11, column: 11, messageId: 'outside', message: 'Vendor V-AWS: evidence path "../bridge.pdf" leaves the repository' },
      ],
    },
    {
      name: "a leaver's offboarding proof is checked",
      files: { 'people.yaml': leaver('evidence/offboarding/ada.md') },
      errors: [{ file: 'people.yaml', line: 7, column: 17, messageId: 'missing', data: { owner: 'Person a@x.io', path: 'evidence/offboarding/ada.md' }, message: 'Person a@x.io: evidence path "evidence/offboarding/ada.md" does not exist' }],
    },
  ],
});
