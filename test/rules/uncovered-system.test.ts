import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import rule from '../../rules/uncovered-system.js';
import { runRuleIn, testRule } from '../helpers/rule-tester.js';

/** scope.yaml with the given system IDs; system i's id value is on line 2 + 2i, column 9. */
const scope = (...ids: string[]) => `systems:\n${ids.map((id) => `  - id: ${id}\n    name: The ${id} system\n`).join('')}`;
const at = (index: number) => ({ file: 'scope.yaml', line: 2 + 2 * index, column: 9 });
/** One control naming the systems. */
const control = (systems: string[], status = 'active', id = 'C-1') =>
  `id: ${id}\ntitle: A control\nfrequency: quarterly\nstatus: ${status}\nsystems: [${systems.join(', ')}]\n`;

testRule(rule, {
  valid: [
    { name: 'every in-scope system is named by an active control', files: { 'scope.yaml': scope('SYS-APP', 'SYS-DB'), 'controls/c.yaml': control(['SYS-APP', 'SYS-DB']) } },
    {
      name: 'systems may be covered by different controls, one without a status (active)',
      files: {
        'scope.yaml': scope('SYS-APP', 'SYS-DB'),
        'controls/a.yaml': control(['SYS-APP']),
        'controls/b.yaml': 'id: C-2\ntitle: Backups\nfrequency: daily\nsystems: [SYS-DB]\n',
      },
    },
    { name: 'a scope with no systems has nothing to cover', files: { 'scope.yaml': 'categories: [security]\n', 'controls/c.yaml': control([]) } },
    { name: 'no scope file, no systems', files: { 'controls/c.yaml': control(['SYS-APP']) } },
  ],
  invalid: [
    {
      name: 'a system no control names is reported at its id in scope.yaml',
      files: { 'scope.yaml': scope('SYS-APP', 'SYS-WAREHOUSE'), 'controls/c.yaml': control(['SYS-APP']) },
      errors: [{ ...at(1), messageId: 'uncovered', data: { system: 'SYS-WAREHOUSE' }, message: 'System SYS-WAREHOUSE is in scope, but no active control names it. Add it to the systems: of the controls that protect it, or take it out of scope.' }],
    },
    {
      name: 'a system named only by a planned control is still uncovered',
      files: { 'scope.yaml': scope('SYS-APP', 'SYS-WAREHOUSE'), 'controls/c.yaml': control(['SYS-APP']), 'controls/p.yaml': control(['SYS-WAREHOUSE'], 'planned', 'C-P') },
      errors: [{ ...at(1), messageId: 'uncovered', message: 'System SYS-WAREHOUSE is in scope, but no active control names it' }],
    },
    {
      name: 'a system named only by a retired control is uncovered',
      files: { 'scope.yaml': scope('SYS-LEGACY'), 'controls/r.yaml': control(['SYS-LEGACY'], 'retired') },
      errors: [{ ...at(0), messageId: 'uncovered', message: 'System SYS-LEGACY is in scope' }],
    },
    {
      name: 'several uncovered systems are each reported at their own id, in file order',
      files: { 'scope.yaml': scope('SYS-A', 'SYS-B', 'SYS-C'), 'controls/c.yaml': control(['SYS-B']) },
      errors: [
        { ...at(0), messageId: 'uncovered', message: 'System SYS-A is in scope' },
        { ...at(2), messageId: 'uncovered', message: 'System SYS-C is in scope' },
      ],
    },
    {
      name: 'system IDs are matched exactly: a control naming sys-app does not cover SYS-APP',
      files: { 'scope.yaml': scope('SYS-APP'), 'controls/c.yaml': control(['sys-app']) },
      errors: [{ ...at(0), messageId: 'uncovered', message: 'System SYS-APP is in scope' }],
    },
    {
      name: 'with no controls at all, every system is uncovered',
      files: { 'scope.yaml': scope('SYS-APP', 'SYS-DB') },
      errors: [
        { ...at(0), messageId: 'uncovered', message: 'System SYS-APP' },
        { ...at(1), messageId: 'uncovered', message: 'System SYS-DB' },
      ],
    },
  ],
});

it('the healthy example program covers every system', async () => {
  const root = fileURLToPath(new URL('../../examples/acme-saas', import.meta.url));
  expect(await runRuleIn(rule, root, { asOf: '2026-07-10' })).toEqual([]);
});
