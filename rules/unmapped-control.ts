// An active control that maps no criterion: work that earns no credit in the report, or a mapping someone forgot.
import { activeControls } from '../src/model/program.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'unmapped-control',
    description: 'An active control that maps no Trust Services Criterion.',
    defaultSeverity: 'warn',
    perFile: true,
    reads: ['control'],
    messages: {
      unmapped: 'Control {{control}} is active but maps no criterion. Add the criteria it addresses under "criteria:" (e.g. [CC6.1]).',
    },
  },
  check({ model, report }) {
    for (const control of activeControls(model)) {
      if (control.criteria.length > 0) continue;
      report({
        messageId: 'unmapped',
        data: { control: control.id },
        // At "criteria:" when it is written (`criteria: []`); otherwise at the control's id, not at whatever key comes first.
        at: control.source.has(['criteria']) ? control.source.at(['criteria'], 'key') : control.source.at(['id']),
      });
    }
  },
});
