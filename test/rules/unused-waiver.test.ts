import { describe, expect, it } from 'vitest';
import staleEvidence from '../../rules/stale-evidence.js';
import staleReview from '../../rules/stale-review.js';
import rule from '../../rules/unused-waiver.js';
import { lint } from '../../src/report/lint.js';
import { makeRepo, type RepoFiles } from '../helpers/repo.js';
import { testRule } from '../helpers/rule-tester.js';

type W = { rule?: string; target?: string; expires?: string };
const REASON = 'Control replaced by AC-12 mid-period; auditor informed.';

/**
 * waivers.yaml with a `waivers:` list, five lines per waiver (rule, target, reason, approved_by, expires):
 * waiver i's `rule` value is on line 2 + 5i, column 11, its `target` value on line 3 + 5i, column 13.
 */
const waivers = (...list: W[]) =>
  `waivers:\n${list
    .map((w) => `  - rule: ${w.rule ?? 'stale-evidnce'}\n    target: ${w.target ?? 'AC-07'}\n    reason: ${REASON}\n    approved_by: ciso@acme.example\n    expires: ${w.expires ?? '2026-09-30'}\n`)
    .join('')}`;
const atRule = (index: number) => ({ file: 'waivers.yaml', line: 2 + 5 * index, column: 11 });
const atTarget = (index: number) => ({ file: 'waivers.yaml', line: 3 + 5 * index, column: 13 });

// The rule tester runs this rule alone, so no waiver can match a finding here. The tables use rule names that exist in
// no version of soc2lint (typos), so what they expect does not depend on which rules are registered; waivers of real
// rules, used and unused, are run with those rules below.
testRule(rule, {
  valid: [
    { name: 'a program without waivers.yaml has no unused waiver', files: { 'controls/c.yaml': 'id: C-1\ntitle: T\nfrequency: event\n' } },
    { name: 'an empty waivers.yaml has no unused waiver', files: { 'waivers.yaml': 'waivers: []\n' } },
    { name: 'an expired waiver that matches nothing is expired-waiver\'s finding, not this rule\'s', files: { 'waivers.yaml': waivers({ expires: '2026-06-30' }) } },
    { name: 'a waiver that expired on a leap day is skipped from March 1st', asOf: '2024-03-01', files: { 'waivers.yaml': waivers({ expires: '2024-02-29' }) } },
    { name: 'a waiver with an impossible expiry date is schema-violation\'s finding, not this rule\'s', files: { 'waivers.yaml': waivers({ expires: '2026-02-30' }) } },
    { name: 'malformed YAML in waivers.yaml does not crash the rule', files: { 'waivers.yaml': 'waivers:\n  - rule: [\n' } },
  ],
  invalid: [
    {
      name: 'a waiver of a rule that does not exist matched nothing, and is reported at its rule name',
      files: { 'waivers.yaml': waivers({}) },
      errors: [{ ...atRule(0), messageId: 'unknownRule', data: { rule: 'stale-evidnce', target: 'AC-07', suggestion: ' Did you mean "stale-evidence"?' }, message: 'The waiver of stale-evidnce for AC-07 matched no finding: there is no rule "stale-evidnce".' }],
    },
    {
      name: 'a waiver expiring on the as-of day is in force, so it is reported when it matched nothing',
      files: { 'waivers.yaml': waivers({ rule: 'no-such-rule', target: 'C-1', expires: '2026-07-01' }) },
      errors: [{ ...atRule(0), messageId: 'unknownRule', data: { rule: 'no-such-rule', target: 'C-1', suggestion: '' }, message: 'The waiver of no-such-rule for C-1 matched no finding' }],
    },
    {
      name: 'a waiver expiring on a leap day is in force on that day',
      asOf: '2024-02-29',
      files: { 'waivers.yaml': waivers({ expires: '2024-02-29' }) },
      errors: [{ ...atRule(0), messageId: 'unknownRule', message: 'The waiver of stale-evidnce for AC-07 matched no finding' }],
    },
    {
      name: 'of three waivers, the two in force are reported at their own lines and the expired one is not',
      files: {
        'waivers.yaml': waivers({ target: 'AC-01' }, { target: 'AC-02', expires: '2026-06-30' }, { rule: 'misisng-owner', target: "'controls/legacy/**'", expires: '2027-01-31' }),
      },
      errors: [
        { ...atRule(0), messageId: 'unknownRule', message: 'The waiver of stale-evidnce for AC-01 matched no finding' },
        { ...atRule(2), messageId: 'unknownRule', message: 'The waiver of misisng-owner for controls/legacy/** matched no finding' },
      ],
    },
    {
      name: 'a waiver of unused-waiver itself can never match: its findings cannot be waived',
      files: { 'waivers.yaml': waivers({ rule: 'unused-waiver', target: 'waivers.yaml' }) },
      errors: [
        { ...atRule(0), messageId: 'unwaivable', data: { rule: 'unused-waiver', target: 'waivers.yaml' }, message: 'The waiver of unused-waiver for waivers.yaml matched no finding: unused-waiver findings cannot be waived. Remove it.' },
      ],
    },
    {
      name: 'a waiver of a rule that ran but matched nothing is reported at its target',
      alongside: [staleEvidence],
      files: { 'controls/ac.yaml': 'id: AC-07\ntitle: Access review\nfrequency: event\n', 'waivers.yaml': waivers({ rule: 'stale-evidence', target: 'AC-07' }) },
      errors: [{ ...atTarget(0), messageId: 'unused', data: { rule: 'stale-evidence', target: 'AC-07' }, message: 'The waiver of stale-evidence for AC-07 matched no finding. Remove it, or fix its rule or target.' }],
    },
    {
      name: 'a waivers.yaml holding one waiver as a mapping is reported at its rule name',
      files: { 'waivers.yaml': `rule: stale-evidnce\ntarget: AC-07\nreason: ${REASON}\napproved_by: ciso@acme.example\nexpires: 2026-12-31\n` },
      errors: [{ file: 'waivers.yaml', line: 1, column: 7, messageId: 'unknownRule', message: 'The waiver of stale-evidnce for AC-07 matched no finding' }],
    },
  ],
});

/** A monthly control AC-07 whose newest evidence (2026-03-02) is stale on 2026-07-01. */
const STALE_AC07: RepoFiles = {
  'controls/ac.yaml': 'id: AC-07\ntitle: Access review\nowner: a@x.io\nfrequency: monthly\nevidence:\n  - url: https://tickets.example/1\n    date: 2026-03-02\n',
};

/** Run stale-evidence, stale-review and this rule the way lint() does, and return this rule's findings. */
async function unused(files: RepoFiles, now = '2026-07-01') {
  const result = await lint({ root: makeRepo(files), now, rules: [staleEvidence, staleReview, rule] });
  return result.findings.filter((f) => f.ruleId === rule.meta.id).map((f) => ({ place: `${f.file}:${f.line}:${f.column}`, severity: f.severity, message: f.message }));
}

describe('unused-waiver with the waived rules running', () => {
  it('a waiver of a real rule that matched nothing is reported at its target', async () => {
    expect(await unused({ ...STALE_AC07, 'waivers.yaml': waivers({ rule: 'stale-evidence', target: 'AC-99' }) })).toEqual([
      { place: 'waivers.yaml:3:13', severity: 'warn', message: 'The waiver of stale-evidence for AC-99 matched no finding. Remove it, or fix its rule or target.' },
    ]);
  });

  it('a waiver that suppressed a finding is not reported', async () => {
    expect(await unused({ ...STALE_AC07, 'waivers.yaml': waivers({ rule: 'stale-evidence', target: 'AC-07' }) })).toEqual([]);
  });

  it('a glob that suppressed a finding is not reported; one that matched no file is, at its target', async () => {
    const files = { ...STALE_AC07, 'waivers.yaml': waivers({ rule: 'stale-evidence', target: "'controls/*.yaml'" }, { rule: 'stale-evidence', target: "'controls/legacy/**'" }) };
    expect((await unused(files)).map((f) => f.place)).toEqual([`waivers.yaml:${atTarget(1).line}:${atTarget(1).column}`]);
  });

  it('a waiver whose finding was fixed becomes unused: the same waiver is used before the fix and reported after', async () => {
    const waiver = { 'waivers.yaml': waivers({ rule: 'stale-evidence', target: 'AC-07' }) };
    const fixed = { 'controls/ac.yaml': (STALE_AC07['controls/ac.yaml'] as string).replace('2026-03-02', '2026-06-20') };
    expect(await unused({ ...STALE_AC07, ...waiver })).toEqual([]);
    expect((await unused({ ...fixed, ...waiver })).map((f) => f.place)).toEqual(['waivers.yaml:3:13']);
  });

  it('a misspelt rule name gets a did-you-mean for the nearest rule', async () => {
    const [finding, ...rest] = await unused({ ...STALE_AC07, 'waivers.yaml': waivers({ rule: 'stale-evidnce', target: 'AC-07' }) });
    expect(rest).toEqual([]);
    expect(finding).toEqual({
      place: 'waivers.yaml:2:11',
      severity: 'warn',
      message: 'The waiver of stale-evidnce for AC-07 matched no finding: there is no rule "stale-evidnce". Did you mean "stale-evidence"? Fix the rule name, or remove the waiver.',
    });
  });

  it('a rule name far from every rule gets no suggestion', async () => {
    const [finding] = await unused({ 'waivers.yaml': waivers({ rule: 'soc2-everything', target: 'AC-07' }) });
    expect(finding!.message).toBe('The waiver of soc2-everything for AC-07 matched no finding: there is no rule "soc2-everything". Fix the rule name, or remove the waiver.');
  });

  it('the day a waiver expires it is still judged here; the day after it is left to expired-waiver', async () => {
    const files = { 'waivers.yaml': waivers({ rule: 'stale-evidence', target: 'AC-99', expires: '2026-07-15' }) };
    expect((await unused(files, '2026-07-15')).map((f) => f.place)).toEqual(['waivers.yaml:3:13']);
    expect(await unused(files, '2026-07-16')).toEqual([]);
  });
});
