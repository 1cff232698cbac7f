import rule from '../../rules/missing-cuecs.js';
import { testRule } from '../helpers/rule-tester.js';

/** A vendor as the file's single mapping: `assurance.kind` value on line 5, column 9; `extra` lines after it. */
const vendor = (criticality: string, kind: string, extra = '') =>
  `id: VEN-OKTA\nname: Okta\ncriticality: ${criticality}\nassurance:\n  kind: ${kind}\n  period_end: 2026-03-31\n${extra}`;

testRule(rule, {
  valid: [
    { name: 'a critical vendor whose CUECs are mapped', files: { 'vendors/okta.yaml': vendor('critical', 'soc2-type2', 'cuecs:\n  - text: Customers enforce MFA\n    controls: [AC-02]\n') } },
    { name: 'a report that lists no CUECs, recorded as an empty list', files: { 'vendors/okta.yaml': vendor('critical', 'soc2-type2', 'cuecs: []\n') } },
    { name: 'a high vendor is not asked for CUECs', files: { 'vendors/okta.yaml': vendor('high', 'soc2-type2') } },
    { name: 'an ISO 27001 certificate lists no CUECs', files: { 'vendors/okta.yaml': vendor('critical', 'iso27001') } },
    { name: 'cuecs written in a shape schema-violation rejects are still written: not also missing', files: { 'vendors/okta.yaml': vendor('critical', 'soc2-type2', 'cuecs: none\n') } },
  ],
  invalid: [
    {
      name: 'a critical vendor with a SOC 2 Type I report and no cuecs',
      files: { 'vendors/okta.yaml': vendor('critical', 'soc2-type1') },
      errors: [{ file: 'vendors/okta.yaml', line: 5, column: 9, messageId: 'missing', data: { vendor: 'VEN-OKTA' } }],
    },
    {
      name: 'a critical vendor with a SOC 2 report and no cuecs, reported at the report kind',
      files: { 'vendors/okta.yaml': vendor('critical', 'soc2-type2') },
      errors: [
        {
          file: 'vendors/okta.yaml',
          line: 5,
          column: 9,
          messageId: 'missing',
          data: { vendor: 'VEN-OKTA' },
          message: 'Vendor VEN-OKTA (critical) has a SOC 2 report but no complementary user entity controls recorded.',
        },
      ],
    },
  ],
});
