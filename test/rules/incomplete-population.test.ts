// incomplete-population: an event-driven control names the population it is sampled from, that population exists,
// and every item of a population file is dated within the audit period.
import rule from '../../rules/incomplete-population.js';
import { testRule } from '../helpers/rule-tester.js';

const control = (fields: string, status = 'active') => `id: CHG-01\ntitle: Reviewed changes\nstatus: ${status}\n${fields.trim()}\n`;
const TYPE2 = 'categories: [security]\naudit:\n  type: type2\n  period: { start: 2026-01-01, end: 2026-06-30 }\n';
const deploys = (...rows: string[]) => ({ 'populations/deploys.csv': ['id,date,title', ...rows].join('\n') + '\n' });

testRule(rule, {
  valid: [
    { name: 'an event control with a built-in population from the program', files: { 'controls/hr.yaml': control('frequency: event\npopulation: leavers') } },
    { name: 'an event control sampled from changes, with a changes file', files: { 'controls/chg.yaml': control('frequency: event\npopulation: changes'), 'populations/changes.csv': 'id,date,author,approver,approved_at\n#1,2026-03-02,alice,bob,2026-03-02\n' } },
    { name: 'incidents from a root incidents.yaml', files: { 'controls/ir.yaml': control('frequency: event\npopulation: incidents'), 'incidents.yaml': '- id: SEC-1\n  opened: 2026-03-02\n' } },
    { name: 'a population file named by its path, ./ and all', files: { 'controls/chg.yaml': control('frequency: event\npopulation: ./populations/deploys.csv'), ...deploys('D-1,2026-03-02,Deploy') } },
    { name: 'a planned event control needs no population yet', files: { 'controls/chg.yaml': control('frequency: event', 'planned') } },
    { name: 'a control that runs on a schedule needs none', files: { 'controls/chg.yaml': control('frequency: quarterly') } },
    { name: 'items on the first and the last day of the Type II period', files: { 'scope.yaml': TYPE2, ...deploys('D-1,2026-01-01,First', 'D-2,2026-06-30,Last') } },
    { name: 'items of a Type II period after the as-of date (an export made mid-period is not wrong)', asOf: '2026-03-01', files: { 'scope.yaml': TYPE2, ...deploys('D-1,2026-06-01,Later') } },
    { name: 'without a Type II period: items of the last 12 months up to as_of', asOf: '2026-07-01', files: deploys('D-1,2025-07-01,A year ago', 'D-2,2026-07-01,Today') },
  ],
  invalid: [
    {
      name: 'an active event control with no population: reported at its frequency',
      files: { 'controls/chg.yaml': control('frequency: event') },
      errors: [{ file: 'controls/chg.yaml', line: 4, column: 12, messageId: 'noPopulation', data: { control: 'CHG-01' }, message: 'Control CHG-01 runs on events but names no population' }],
    },
    {
      name: 'a population that is neither built in nor a file read: reported at the value',
      files: { 'controls/chg.yaml': control('frequency: event\npopulation: deploys'), ...deploys('D-1,2026-03-02,Deploy') },
      errors: [{ file: 'controls/chg.yaml', line: 5, column: 13, messageId: 'unknownPopulation', data: { control: 'CHG-01', population: 'deploys' } }],
    },
    {
      name: 'changes with no changes file',
      files: { 'controls/chg.yaml': control('frequency: event\npopulation: changes') },
      errors: [{ file: 'controls/chg.yaml', line: 5, column: 13, messageId: 'noPopulationFile', data: { control: 'CHG-01', population: 'changes' } }],
    },
    {
      name: 'items without a date, or with one that is no date, each at its row',
      files: deploys('D-1,2026-03-02,Dated', 'D-2,,Undated', 'D-3,last Tuesday,Unreadable'),
      errors: [
        { file: 'populations/deploys.csv', line: 3, column: 1, messageId: 'undated', data: { file: 'populations/deploys.csv', item: 'D-2' } },
        { file: 'populations/deploys.csv', line: 4, column: 1, messageId: 'unreadableDate', data: { file: 'populations/deploys.csv', item: 'D-3', written: 'last Tuesday' } },
      ],
    },
    {
      name: 'ten undated items listed, the rest counted at the eleventh',
      files: deploys(...Array.from({ length: 13 }, (_, i) => `D-${i + 1},,Undated`)),
      errors: [
        ...Array.from({ length: 10 }, (_, i) => ({ file: 'populations/deploys.csv', line: i + 2, messageId: 'undated' })),
        { file: 'populations/deploys.csv', line: 12, messageId: 'moreUndated', data: { file: 'populations/deploys.csv', count: 3 } },
      ],
    },
    {
      name: 'items outside the Type II period: one finding per file, at the first',
      files: { 'scope.yaml': TYPE2, ...deploys('D-1,2025-12-31,Before', 'D-2,2026-03-02,Inside', 'D-3,2026-07-01,After') },
      errors: [
        {
          file: 'populations/deploys.csv',
          line: 2,
          messageId: 'outsidePeriod',
          data: { file: 'populations/deploys.csv', count: 2, item: 'D-1', date: '2025-12-31', window: 'the audit period 2026-01-01 to 2026-06-30' },
          message: 'populations/deploys.csv: 2 items are dated outside the audit period 2026-01-01 to 2026-06-30, the first D-1 on 2025-12-31',
        },
      ],
    },
    {
      name: 'gh: one change outside the period, at the line of its number',
      files: { 'scope.yaml': TYPE2, 'populations/changes.json': '[\n  {\n    "mergedAt": "2025-12-31T23:59:59Z",\n    "number": 12\n  }\n]\n' },
      errors: [{ file: 'populations/changes.json', line: 4, column: 5, messageId: 'oneOutsidePeriod', data: { file: 'populations/changes.json', item: '#12', date: '2025-12-31', window: 'the audit period 2026-01-01 to 2026-06-30' } }],
    },
    {
      name: 'without a Type II period: items dated after as_of are outside the last 12 months',
      asOf: '2026-07-01',
      files: deploys('D-1,2026-07-02,Tomorrow'),
      errors: [{ file: 'populations/deploys.csv', line: 2, messageId: 'oneOutsidePeriod', data: { file: 'populations/deploys.csv', item: 'D-1', date: '2026-07-02', window: 'the last 12 months' } }],
    },
  ],
});
