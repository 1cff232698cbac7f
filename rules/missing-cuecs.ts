// A critical vendor's SOC 2 report lists complementary user entity controls: what the vendor's customers must do for
// the vendor's controls to work. The auditor asks how each is met; with none recorded, nobody has mapped them.
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'missing-cuecs',
    description: 'A critical vendor with a SOC 2 report and no cuecs recorded: the complementary user entity controls of its report are not mapped to controls of ours.',
    defaultSeverity: 'warn',
    perFile: true,
    reads: ['vendor'],
    messages: {
      missing:
        'Vendor {{vendor}} (critical) has a SOC 2 report but no complementary user entity controls recorded. List the CUECs of its report under "cuecs:", each with the controls of ours that meet it (or "cuecs: []" if the report lists none).',
    },
  },
  check({ model, report }) {
    for (const vendor of model.vendors) {
      const kind = vendor.assurance?.kind;
      if (vendor.criticality !== 'critical' || (kind !== 'soc2-type2' && kind !== 'soc2-type1')) continue;
      if (vendor.cuecs !== undefined || vendor.source.has(['cuecs'])) continue; // written, even if schema-violation dropped it
      report({ messageId: 'missing', data: { vendor: vendor.id }, at: vendor.source.at(['assurance', 'kind']) });
    }
  },
});
