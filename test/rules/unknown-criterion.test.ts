import rule from '../../rules/unknown-criterion.js';
import { policy } from '../helpers/repo.js';
import { testRule } from '../helpers/rule-tester.js';

// Written out rather than read from the catalog, so a criterion dropped from the catalog fails here.
const ALL_61 = [
  'CC1.1', 'CC1.2', 'CC1.3', 'CC1.4', 'CC1.5', 'CC2.1', 'CC2.2', 'CC2.3', 'CC3.1', 'CC3.2', 'CC3.3', 'CC3.4',
  'CC4.1', 'CC4.2', 'CC5.1', 'CC5.2', 'CC5.3', 'CC6.1', 'CC6.2', 'CC6.3', 'CC6.4', 'CC6.5', 'CC6.6', 'CC6.7',
  'CC6.8', 'CC7.1', 'CC7.2', 'CC7.3', 'CC7.4', 'CC7.5', 'CC8.1', 'CC9.1', 'CC9.2', 'A1.1', 'A1.2', 'A1.3',
  'C1.1', 'C1.2', 'PI1.1', 'PI1.2', 'PI1.3', 'PI1.4', 'PI1.5', 'P1.1', 'P2.1', 'P3.1', 'P3.2', 'P4.1', 'P4.2',
  'P4.3', 'P5.1', 'P5.2', 'P6.1', 'P6.2', 'P6.3', 'P6.4', 'P6.5', 'P6.6', 'P6.7', 'P7.1', 'P8.1',
];

/** A control in a `controls:` list whose criteria are a block list, one per line from line 6. */
const controlWith = (...criteria: string[]) =>
  `controls:\n  - id: AC-02\n    title: MFA enforced\n    frequency: continuous\n    criteria:\n${criteria.map((c) => `      - ${c}\n`).join('')}`;

const policyWith = (criteria: string) => policy(`id: POL-ACCESS\ntitle: Access control\nstatus: draft\ncriteria: ${criteria}`);

testRule(rule, {
  valid: [
    { name: 'all 61 criteria of the catalog are known', files: { 'controls/all.yaml': `id: ALL\ntitle: Everything\nfrequency: annual\ncriteria: [${ALL_61.join(', ')}]\n` } },
    { name: 'the last ID of each short series (P6.7, PI1.5, A1.3) is real', files: { 'policies/p.md': policyWith('[P6.7, PI1.5, A1.3, C1.2, CC8.1]') } },
    {
      name: 'a real criterion declared not applicable in scope.yaml is known',
      files: { 'scope.yaml': 'categories: [security, privacy]\nnot_applicable:\n  - criterion: P3.1\n    reason: We never collect personal information directly from data subjects.\n' },
    },
    { name: 'a control with no criteria maps nothing unknown', files: { 'controls/x.yaml': 'id: X-01\ntitle: Unmapped\nfrequency: annual\n' } },
    {
      name: 'a malformed neighbour file does not stop or break the rule',
      files: { 'controls/ok.yaml': controlWith('CC6.1'), 'controls/broken.yaml': 'controls:\n\t- id: X\n', 'policies/empty.md': '' },
    },
  ],
  invalid: [
    {
      name: 'the advice reads the whole value: anchored IDs, two-digit numbers, spaces around, one-criterion series, privacy headings only in P',
      files: { 'controls/c.yaml': controlWith('CC6.1.10', 'xCC6.1.3', 'CC6.1.3 Logical access', '"CC6.1.3 "', 'CC9.9.1', 'the CC series', 'CC - Series', 'CC series', 'see CC6.1', 'xCC6', 'xCC9.9', 'CC9.9 Risk', 'CC9.10', '"CC9.9 "', 'CC10.1', 'P8.2', 'CC9.0', 'P3.9') },
      errors: [
        { file: 'controls/c.yaml', line: 6, column: 9, messageId: 'controlMaps', data: { control: 'AC-02', value: 'CC6.1.10', suggestion: 'It is a point of focus of CC6.1; SOC 2 maps to criterion-level IDs, so map "CC6.1".' } },
        { file: 'controls/c.yaml', line: 7, column: 9, messageId: 'controlMaps', data: { control: 'AC-02', value: 'xCC6.1.3', suggestion: 'Use an ID from the catalog: CC1.1–CC9.2, A1.1–A1.3, C1.1–C1.2, PI1.1–PI1.5, P1.1–P8.1.' } },
        { file: 'controls/c.yaml', line: 8, column: 9, messageId: 'controlMaps', data: { control: 'AC-02', value: 'CC6.1.3 Logical access', suggestion: 'Write just the ID, "CC6.1"; keep descriptions out of the list.' } },
        { file: 'controls/c.yaml', line: 9, column: 9, messageId: 'controlMaps', data: { control: 'AC-02', value: 'CC6.1.3 ', suggestion: 'It is a point of focus of CC6.1; SOC 2 maps to criterion-level IDs, so map "CC6.1".' } },
        { file: 'controls/c.yaml', line: 10, column: 9, messageId: 'controlMaps', data: { control: 'AC-02', value: 'CC9.9.1', suggestion: 'Use an ID from the catalog: CC1.1–CC9.2, A1.1–A1.3, C1.1–C1.2, PI1.1–PI1.5, P1.1–P8.1.' } },
        { file: 'controls/c.yaml', line: 11, column: 9, messageId: 'controlMaps', data: { control: 'AC-02', value: 'the CC series', suggestion: 'Use an ID from the catalog: CC1.1–CC9.2, A1.1–A1.3, C1.1–C1.2, PI1.1–PI1.5, P1.1–P8.1.' } },
        { file: 'controls/c.yaml', line: 12, column: 9, messageId: 'controlMaps', data: { control: 'AC-02', value: 'CC - Series', suggestion: 'It names a whole series; SOC 2 maps to criterion-level IDs. Map the ones that apply, from CC1.1–CC9.2.' } },
        { file: 'controls/c.yaml', line: 13, column: 9, messageId: 'controlMaps', data: { control: 'AC-02', value: 'CC series', suggestion: 'It names a whole series; SOC 2 maps to criterion-level IDs. Map the ones that apply, from CC1.1–CC9.2.' } },
        { file: 'controls/c.yaml', line: 14, column: 9, messageId: 'controlMaps', data: { control: 'AC-02', value: 'see CC6.1', suggestion: 'Use an ID from the catalog: CC1.1–CC9.2, A1.1–A1.3, C1.1–C1.2, PI1.1–PI1.5, P1.1–P8.1.' } },
        { file: 'controls/c.yaml', line: 15, column: 9, messageId: 'controlMaps', data: { control: 'AC-02', value: 'xCC6', suggestion: 'Use an ID from the catalog: CC1.1–CC9.2, A1.1–A1.3, C1.1–C1.2, PI1.1–PI1.5, P1.1–P8.1.' } },
        { file: 'controls/c.yaml', line: 16, column: 9, messageId: 'controlMaps', data: { control: 'AC-02', value: 'xCC9.9', suggestion: 'Use an ID from the catalog: CC1.1–CC9.2, A1.1–A1.3, C1.1–C1.2, PI1.1–PI1.5, P1.1–P8.1.' } },
        { file: 'controls/c.yaml', line: 17, column: 9, messageId: 'controlMaps', data: { control: 'AC-02', value: 'CC9.9 Risk', suggestion: 'Use an ID from the catalog: CC1.1–CC9.2, A1.1–A1.3, C1.1–C1.2, PI1.1–PI1.5, P1.1–P8.1.' } },
        { file: 'controls/c.yaml', line: 18, column: 9, messageId: 'controlMaps', data: { control: 'AC-02', value: 'CC9.10', suggestion: 'Series CC9 has only CC9.1–CC9.2; use the one you meant.' } },
        { file: 'controls/c.yaml', line: 19, column: 9, messageId: 'controlMaps', data: { control: 'AC-02', value: 'CC9.9 ', suggestion: 'Series CC9 has only CC9.1–CC9.2; use the one you meant.' } },
        { file: 'controls/c.yaml', line: 20, column: 9, messageId: 'controlMaps', data: { control: 'AC-02', value: 'CC10.1', suggestion: 'Did you mean "CC1.1"?' } },
        { file: 'controls/c.yaml', line: 21, column: 9, messageId: 'controlMaps', data: { control: 'AC-02', value: 'P8.2', suggestion: 'Series P8 has only P8.1; use the one you meant.' } },
        { file: 'controls/c.yaml', line: 22, column: 9, messageId: 'controlMaps', data: { control: 'AC-02', value: 'CC9.0', suggestion: 'Series CC9 has only CC9.1–CC9.2; use the one you meant.' } },
        { file: 'controls/c.yaml', line: 23, column: 9, messageId: 'controlMaps', data: { control: 'AC-02', value: 'P3.9', suggestion: 'Series P3 has only P3.1–P3.2; use the one you meant.' } },
      ],
    },
    {
      name: 'a template placeholder (CC9.9) is reported with the real range of its series',
      files: { 'controls/access.yaml': controlWith('CC6.1', 'CC9.9') },
      errors: [{ file: 'controls/access.yaml', line: 7, column: 9, messageId: 'controlMaps', data: { control: 'AC-02', value: 'CC9.9', suggestion: 'Series CC9 has only CC9.1–CC9.2; use the one you meant.' }, message: 'Control AC-02 maps "CC9.9", which is not a Trust Services Criterion. Series CC9 has only CC9.1–CC9.2' }],
    },
    {
      name: 'an ID with its label glued on suggests just the ID',
      files: { 'controls/access.yaml': controlWith('CC7.3 - Incident response') },
      errors: [{ file: 'controls/access.yaml', line: 6, column: 9, messageId: 'controlMaps', message: 'maps "CC7.3 - Incident response", which is not a Trust Services Criterion. Write just the ID, "CC7.3"' }],
    },
    {
      name: 'a family-level ID (CC6) suggests the criteria of the family',
      files: { 'controls/access.yaml': controlWith('CC6') },
      errors: [{ file: 'controls/access.yaml', line: 6, column: 9, messageId: 'controlMaps', message: 'maps "CC6", which is not a Trust Services Criterion. Map the specific criteria instead of the family: CC6.1–CC6.8.' }],
    },
    {
      name: 'a lowercase ID (cc6.1) is not silently accepted; the fix is named',
      files: { 'controls/access.yaml': controlWith('cc6.1') },
      errors: [{ file: 'controls/access.yaml', line: 6, column: 9, messageId: 'controlMaps', message: 'maps "cc6.1", which is not a Trust Services Criterion. Write it as "CC6.1".' }],
    },
    {
      name: 'an ID with a trailing space is reported at the quoted value',
      files: { 'controls/access.yaml': controlWith("'CC6.1 '") },
      errors: [{ file: 'controls/access.yaml', line: 6, column: 9, messageId: 'controlMaps', message: 'maps "CC6.1 ", which is not a Trust Services Criterion. Write it as "CC6.1".' }],
    },
    {
      name: 'a privacy heading (P3.0) is a heading, not a criterion',
      files: { 'controls/privacy.yaml': controlWith('P3.0') },
      errors: [{ file: 'controls/privacy.yaml', line: 6, column: 9, messageId: 'controlMaps', message: 'maps "P3.0", which is not a Trust Services Criterion. P3.0 is a privacy group heading, not a criterion; use P3.1–P3.2 instead.' }],
    },
    {
      name: 'one past the end of a series (PI1.6) names the series range',
      files: { 'controls/pi.yaml': controlWith('PI1.5', 'PI1.6') },
      errors: [{ file: 'controls/pi.yaml', line: 7, column: 9, messageId: 'controlMaps', message: 'maps "PI1.6", which is not a Trust Services Criterion. Series PI1 has only PI1.1–PI1.5' }],
    },
    {
      name: 'a typo that is no series at all (CC61) gets the nearest ID',
      files: { 'controls/x.yaml': controlWith('CC61') },
      errors: [{ file: 'controls/x.yaml', line: 6, column: 9, messageId: 'controlMaps', data: { control: 'AC-02', value: 'CC61', suggestion: 'Did you mean "CC6.1"?' }, message: 'Control AC-02 maps "CC61", which is not a Trust Services Criterion. Did you mean "CC6.1"?' }],
    },
    {
      name: 'something that is no ID at all lists the catalog ranges',
      files: { 'controls/x.yaml': controlWith('SOC2') },
      errors: [{ file: 'controls/x.yaml', line: 6, column: 9, messageId: 'controlMaps', message: 'maps "SOC2", which is not a Trust Services Criterion. Use an ID from the catalog: CC1.1–CC9.2' }],
    },
    {
      name: "every bad ID in a policy's flow list is reported at its own column",
      files: { 'policies/access.md': policyWith("[CC6.1, CC9.9, 'CC7.3 - Incident response', CC6, cc6.1, 'CC6.1 ', P3.0]") },
      errors: [
        { file: 'policies/access.md', line: 5, column: 19, messageId: 'policyMaps', data: { policy: 'POL-ACCESS', value: 'CC9.9', suggestion: 'Series CC9 has only CC9.1–CC9.2; use the one you meant.' }, message: 'Policy POL-ACCESS maps "CC9.9"' },
        { file: 'policies/access.md', line: 5, column: 26, messageId: 'policyMaps', message: 'Policy POL-ACCESS maps "CC7.3 - Incident response"' },
        { file: 'policies/access.md', line: 5, column: 55, messageId: 'policyMaps', message: 'Policy POL-ACCESS maps "CC6",' },
        { file: 'policies/access.md', line: 5, column: 60, messageId: 'policyMaps', message: 'Policy POL-ACCESS maps "cc6.1"' },
        { file: 'policies/access.md', line: 5, column: 67, messageId: 'policyMaps', message: 'Policy POL-ACCESS maps "CC6.1 "' },
        { file: 'policies/access.md', line: 5, column: 77, messageId: 'policyMaps', message: 'Policy POL-ACCESS maps "P3.0"' },
      ],
    },
    {
      name: 'a whole series (CC-Series, "A-Series: Availability") says SOC 2 maps criterion-level IDs and lists the series',
      files: { 'controls/x.yaml': controlWith('CC-Series', '"A-Series: Availability"') },
      errors: [
        { file: 'controls/x.yaml', line: 6, column: 9, messageId: 'controlMaps', data: { control: 'AC-02', value: 'CC-Series', suggestion: 'It names a whole series; SOC 2 maps to criterion-level IDs. Map the ones that apply, from CC1.1–CC9.2.' } },
        { file: 'controls/x.yaml', line: 7, column: 9, messageId: 'controlMaps', message: 'maps "A-Series: Availability", which is not a Trust Services Criterion. It names a whole series; SOC 2 maps to criterion-level IDs. Map the ones that apply, from A1.1–A1.3.' },
      ],
    },
    {
      name: 'a point of focus (C1.1.1) names the criterion it belongs to',
      files: { 'policies/c.md': policyWith('[C1.1.1]') },
      errors: [{ file: 'policies/c.md', line: 5, column: 12, messageId: 'policyMaps', data: { policy: 'POL-ACCESS', value: 'C1.1.1', suggestion: 'It is a point of focus of C1.1; SOC 2 maps to criterion-level IDs, so map "C1.1".' } }],
    },
    {
      name: 'a comply standard that lists an invented ID is reported at its key: a standard file does not make it real',
      files: {
        'comply.yml': 'name: Example\n',
        'standards/tsc.yml': 'name: TSC\nCC6.1:\n  family: CC6\nCC9.9:\n  family: CC9\n',
        'policies/a.md': 'name: Access\nacronym: AP\nsatisfies:\n  TSC:\n    - CC9.9\n---\n# Access\n',
      },
      errors: [
        { file: 'policies/a.md', line: 5, column: 7, messageId: 'policyMaps', data: { policy: 'AP', value: 'CC9.9', suggestion: 'Series CC9 has only CC9.1–CC9.2; use the one you meant.' } },
        { file: 'standards/tsc.yml', line: 4, column: 1, messageId: 'standardLists', data: { standard: 'TSC', value: 'CC9.9', suggestion: 'Series CC9 has only CC9.1–CC9.2; use the one you meant.' }, message: 'Standard TSC lists "CC9.9", which is not a Trust Services Criterion, so nothing can cover it.' },
      ],
    },
    {
      name: 'scope.yaml not_applicable entries are checked at the criterion value',
      files: {
        'scope.yaml':
          'categories: [security, privacy]\nnot_applicable:\n  - criterion: P3.1\n    reason: We never collect personal information directly.\n  - criterion: CC9.9\n    reason: Template row nobody deleted.\n  - criterion: p3.2\n    reason: No secondary collection of personal data.\n',
      },
      errors: [
        { file: 'scope.yaml', line: 5, column: 16, messageId: 'notApplicable', data: { value: 'CC9.9', suggestion: 'Series CC9 has only CC9.1–CC9.2; use the one you meant.' }, message: 'scope.yaml declares not applicable "CC9.9", which is not a Trust Services Criterion.' },
        { file: 'scope.yaml', line: 7, column: 16, messageId: 'notApplicable', message: 'scope.yaml declares not applicable "p3.2", which is not a Trust Services Criterion. Write it as "P3.2".' },
      ],
    },
  ],
});
