import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/missing-activity.js';
import { loadConfig } from '../../src/config/config.js';
import { resolveRules } from '../../src/engine/settings.js';
import { makeRepo, type RepoFiles } from '../helpers/repo.js';
import { runRule, runRuleIn, testRule } from '../helpers/rule-tester.js';

/** The default activities, each performed by one control at exactly the expected cadence. */
const DEFAULTS: [id: string, activity: string, frequency: string][] = [
  ['AR', 'access-review', 'quarterly'],
  ['TR', 'security-training', 'annual'],
  ['PR', 'policy-review', 'annual'],
  ['RA', 'risk-assessment', 'annual'],
  ['VR', 'vendor-review', 'annual'],
  ['IR', 'incident-response-test', 'annual'],
  ['BC', 'business-continuity-test', 'annual'],
  ['PT', 'penetration-test', 'annual'],
  ['VS', 'vulnerability-scan', 'quarterly'],
  ['CM', 'change-management', 'event'],
  ['BG', 'background-check', 'event'],
  ['MR', 'management-review', 'quarterly'],
  ['RT', 'backup-restore-test', 'annual'],
  ['AI', 'asset-inventory-review', 'annual'],
];

/** One control per file; its `frequency` value is on line 3, column 12. */
const control = (id: string, activity: string, frequency: string, status = 'active') =>
  `id: ${id}\ntitle: Control ${id}\nfrequency: ${frequency}\nactivity: ${activity}\nstatus: ${status}\n`;
const FREQUENCY = (id: string) => ({ file: `controls/${id}.yaml`, line: 3, column: 12 });
/** The program anchor: the `categories` key of scope.yaml, line 1, column 1. */
const ANCHOR = { file: 'scope.yaml', line: 1, column: 1 };

/**
 * A healthy program: scope.yaml and a control for every default activity. `change` replaces the frequency (or, with
 * `null`, removes the control) by ID; `extra` adds files.
 */
const program = (change: Record<string, string | null> = {}, extra: RepoFiles = {}): RepoFiles => {
  const files: RepoFiles = { 'scope.yaml': 'categories: [security]\n' };
  for (const [id, activity, frequency] of DEFAULTS) {
    if (change[id] === null) continue;
    files[`controls/${id}.yaml`] = control(id, activity, change[id] ?? frequency);
  }
  return { ...files, ...extra };
};

testRule(rule, {
  valid: [
    { name: 'every default activity performed at exactly its expected cadence', files: program() },
    { name: 'more often than expected is fine: a monthly access review', files: program({ AR: 'monthly' }) },
    { name: 'continuous satisfies every periodic expectation: continuous vulnerability scanning', files: program({ VS: 'continuous' }) },
    { name: 'an event expectation is met by any cadence: change management reviewed daily', files: program({ CM: 'daily' }) },
    { name: 'an event expectation is met by an annual control too', files: program({ BG: 'annual' }) },
    {
      name: 'one control at the expected cadence is enough; a slower one beside it is fine',
      files: program({}, { 'controls/AR2.yaml': control('AR2', 'access-review', 'annual') }),
    },
    {
      name: 'a control without a status is active and counts',
      files: program({ PT: null }, { 'controls/PT.yaml': 'id: PT\ntitle: Pen test\nfrequency: annual\nactivity: penetration-test\n' }),
    },
    { name: 'activities: { penetration-test: off } drops the expectation', options: { activities: { 'penetration-test': 'off' } }, files: program({ PT: null }) },
    { name: 'activities: { access-review: annual } relaxes the cadence', options: { activities: { 'access-review': 'annual' } }, files: program({ AR: 'annual' }) },
    {
      name: 'overrides: access-review monthly, penetration-test off, data-restore-test annual, all met',
      options: { activities: { 'access-review': 'monthly', 'penetration-test': 'off', 'data-restore-test': 'annual' } },
      files: program({ AR: 'monthly', PT: null }, { 'controls/DR.yaml': control('DR', 'data-restore-test', 'annual') }),
    },
    { name: 'a tag no expectation names is not checked', files: program({}, { 'controls/X.yaml': control('X', 'tabletop-extra', 'event') }) },
  ],
  invalid: [
    {
      name: 'no control performs access-review: one finding at the program anchor naming the activity and its cadence',
      files: program({ AR: null }),
      errors: [{ ...ANCHOR, messageId: 'noControl', data: { activity: 'access-review', expected: 'quarterly' }, message: 'No active control performs the access-review activity (expected quarterly). Tag the control that does with activity: access-review, or add one.' }],
    },
    {
      name: 'without scope.yaml the finding goes to the repo root',
      files: Object.fromEntries(Object.entries(program({ PT: null })).filter(([path]) => path !== 'scope.yaml')),
      errors: [{ file: '.', line: 1, column: 1, messageId: 'noControl', message: 'No active control performs the penetration-test activity (expected annual)' }],
    },
    {
      name: 'a planned control tagged with the activity does not count',
      files: program({ PT: null }, { 'controls/PT.yaml': control('PT', 'penetration-test', 'annual', 'planned') }),
      errors: [{ ...ANCHOR, messageId: 'noControl', message: 'No active control performs the penetration-test activity' }],
    },
    {
      name: 'a retired control tagged with the activity does not count',
      files: program({ RA: null }, { 'controls/RA.yaml': control('RA', 'risk-assessment', 'annual', 'retired') }),
      errors: [{ ...ANCHOR, messageId: 'noControl', message: 'No active control performs the risk-assessment activity (expected annual)' }],
    },
    {
      name: 'an annual access review when quarterly is expected is reported at its frequency with both cadences',
      files: program({ AR: 'annual' }),
      errors: [{ ...FREQUENCY('AR'), messageId: 'tooRare', data: { control: 'AR', activity: 'access-review', frequency: 'annual', expected: 'quarterly' }, message: 'Control AR performs access-review annual, but it is expected quarterly. Run it quarterly or explain the exception with a waiver.' }],
    },
    {
      name: 'semiannual is one step short of quarterly',
      files: program({ VS: 'semiannual' }),
      errors: [{ ...FREQUENCY('VS'), messageId: 'tooRare', message: 'Control VS performs vulnerability-scan semiannual, but it is expected quarterly' }],
    },
    {
      name: 'an event-driven control does not meet a periodic expectation',
      files: program({ TR: 'event' }),
      errors: [
        {
          ...FREQUENCY('TR'),
          messageId: 'onlyOnEvents',
          data: { control: 'TR', activity: 'security-training', frequency: 'event', expected: 'annual' },
          message: 'Control TR performs security-training only on events, but it is expected annual. Run it annual or explain the exception with a waiver.',
        },
      ],
    },
    {
      name: 'when no tagged control is fast enough, each of them is reported',
      files: program({ AR: 'semiannual' }, { 'controls/AR2.yaml': control('AR2', 'access-review', 'annual') }),
      errors: [
        { ...FREQUENCY('AR'), messageId: 'tooRare', message: 'Control AR performs access-review semiannual, but it is expected quarterly' },
        { ...FREQUENCY('AR2'), messageId: 'tooRare', message: 'Control AR2 performs access-review annual, but it is expected quarterly' },
      ],
    },
    {
      name: 'overrides: access-review monthly makes a quarterly review too slow; data-restore-test annual is added; penetration-test off',
      options: { activities: { 'access-review': 'monthly', 'penetration-test': 'off', 'data-restore-test': 'annual' } },
      files: program({ PT: null }),
      errors: [
        { ...FREQUENCY('AR'), messageId: 'tooRare', message: 'Control AR performs access-review quarterly, but it is expected monthly' },
        { ...ANCHOR, messageId: 'noControl', message: 'No active control performs the data-restore-test activity (expected annual)' },
      ],
    },
    {
      name: 'a program with no controls misses every default activity, one finding each',
      files: { 'scope.yaml': 'categories: [security]\n' },
      errors: [
        // In the order of the default set, which is the order the rule reports them in.
        'access-review (expected quarterly)',
        'security-training (expected annual)',
        'policy-review (expected annual)',
        'risk-assessment (expected annual)',
        'vendor-review (expected annual)',
        'incident-response-test (expected annual)',
        'business-continuity-test (expected annual)',
        'penetration-test (expected annual)',
        'vulnerability-scan (expected quarterly)',
        'change-management (expected event)',
        'background-check (expected event)',
        'management-review (expected quarterly)',
        'backup-restore-test (expected annual)',
        'asset-inventory-review (expected annual)',
      ].map((text) => ({ ...ANCHOR, messageId: 'noControl', message: `No active control performs the ${text.replace(' (', ' activity (')}` })),
    },
  ],
});

describe('missing-activity findings', () => {
  it('a missing activity carries the activity as its record, so a waiver can target it', async () => {
    const findings = await runRule(rule, { name: 'missing', files: program({ BC: null }) });
    expect(findings.map((f) => f.record)).toEqual(['business-continuity-test']);
  });

  it('a control that runs too rarely carries the control as its record', async () => {
    const findings = await runRule(rule, { name: 'slow', files: program({ AR: 'annual' }) });
    expect(findings.map((f) => f.record)).toEqual(['AR']);
  });

  it('the healthy example program performs every expected activity', async () => {
    const root = fileURLToPath(new URL('../../examples/acme-saas', import.meta.url));
    expect(await runRuleIn(rule, root, { asOf: '2026-07-10' })).toEqual([]);
  });
});

describe('missing-activity options', () => {
  const configured = (activities: string) =>
    loadConfig(makeRepo({ 'soc2lint.config.yaml': `rules:\n  missing-activity: [error, { activities: ${activities} }]\n` }));

  it('a config map overrides the defaults one entry at a time: the entries it does not name still apply', async () => {
    const [enabled] = resolveRules([rule], configured('{ penetration-test: off, data-restore-test: annual }'));
    const options = enabled?.options as Record<string, unknown>;
    // Without penetration testing and without access review: only the access review (a default the map keeps) is missing.
    const findings = await runRule(rule, { name: 'config', options, files: program({ PT: null, AR: null }, { 'controls/DR.yaml': control('DR', 'data-restore-test', 'annual') }) });
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('the access-review activity (expected quarterly)')]);
  });

  it.each(['{ access-review: biweekly }', '{ access-review: 4 }', '{ Access_Review: annual }', '{ access-review: [annual] }'])('rejects activities %s', (activities) => {
    expect(() => resolveRules([rule], configured(activities))).toThrow(/Invalid options for rule "missing-activity"/);
  });

  it('rejects an unknown option', () => {
    // The config schema checks rule options as the config is read.
    const root = makeRepo({ 'soc2lint.config.yaml': 'rules:\n  missing-activity: [error, { activity: { access-review: annual } }]\n' });
    expect(() => resolveRules([rule], loadConfig(root))).toThrow(/unknown option "activity"/);
  });
});
