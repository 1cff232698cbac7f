import brokenLink from '../../rules/broken-link.js';
import placeholderText from '../../rules/placeholder-text.js';
import staleEvidence from '../../rules/stale-evidence.js';
import staleReview from '../../rules/stale-review.js';
import rule from '../../rules/unused-directive.js';
import { policy } from '../helpers/repo.js';
import { testRule } from '../helpers/rule-tester.js';

// The rules whose findings the directives below suppress (or fail to) run alongside this one.
const alongside = [staleEvidence, staleReview, placeholderText, brokenLink];

/** A monthly control whose evidence (2026-03-02) is stale on 2026-07-01, reported at its `date:` value on line 7. */
const control = (comment = '', above = '', date = '2026-03-02') =>
  `id: AC-07\ntitle: Access review\nowner: a@x.io\nfrequency: monthly\nevidence:\n  - url: https://tickets.example/1\n${above}    date: ${date}${comment}\n`;
/** The rule name of a directive appended to the date line (`# soc2lint-disable-line `) is at column 46. */
const AT_RULE = { file: 'controls/ac.yaml', line: 7, column: 46 };

const FIELDS = 'id: POL-IS\ntitle: Information Security\nstatus: approved\nowner: a@x.io\napproved_by: b@x.io\napproved_on: 2026-01-10\nlast_reviewed: 2026-01-10';
/** A policy whose body starts on line 10. */
const body = (...lines: string[]) => policy(FIELDS, `${lines.join('\n')}\n`);

testRule(rule, {
  valid: [
    { name: 'a disable-line on the finding\'s line was used', alongside, files: { 'controls/ac.yaml': control(' # soc2lint-disable-line stale-evidence -- Replaced by AC-12.') } },
    {
      name: 'a disable-next-line above the finding was used, across blank and comment lines',
      alongside,
      files: { 'controls/ac.yaml': control('', '    # soc2lint-disable-next-line stale-evidence -- Replaced by AC-12.\n\n    # archived in SEC-210\n') },
    },
    {
      name: 'a markdown range over placeholders was used',
      alongside,
      files: { 'policies/is.md': body('<!-- soc2lint-disable placeholder-text -- Drafts for 2027. -->', 'Owner: TBD.', '<!-- soc2lint-enable placeholder-text -->') },
    },
    {
      name: 'a markdown next-line above a broken link was used',
      alongside,
      files: { 'policies/is.md': body('<!-- soc2lint-disable-next-line broken-link -- The standard is published next week. -->', 'See [the standard](standard.md).') },
    },
    {
      name: 'two directives covering one finding were both used',
      alongside,
      files: { 'policies/is.md': body('<!-- soc2lint-disable placeholder-text -- Drafts. -->', '<!-- soc2lint-disable-next-line placeholder-text -- Owner to be named. -->', 'Owner: TBD.') },
    },
    { name: 'an invalid directive is invalid-directive\'s finding, not this rule\'s', alongside, files: { 'controls/ac.yaml': control(' # soc2lint-disable-line stale-evidence', '', '2026-06-20') } },
    { name: 'a directive naming an unknown rule is invalid-directive\'s finding', alongside, files: { 'controls/ac.yaml': control(' # soc2lint-disable-line stale-evidnce -- x', '', '2026-06-20') } },
    {
      name: 'a directive for a rule that did not run (off) found nothing to suppress, through no fault of its own',
      files: { 'controls/ac.yaml': control(' # soc2lint-disable-line stale-evidence -- Replaced by AC-12.', '', '2026-06-20') },
    },
  ],
  invalid: [
    {
      name: 'the finding was fixed: the directive is reported at its rule name',
      alongside,
      files: { 'controls/ac.yaml': control(' # soc2lint-disable-line stale-evidence -- Replaced by AC-12.', '', '2026-06-20') },
      errors: [{ ...AT_RULE, messageId: 'disableLine', data: { rule: 'stale-evidence' }, message: 'soc2lint-disable-line suppressed no stale-evidence finding on its line. If the problem is fixed, remove it; otherwise move it to the line of the finding, or fix the rule name.' }],
    },
    {
      name: 'a directive on the wrong line',
      alongside,
      files: { 'controls/ac.yaml': control().replace('https://tickets.example/1', 'https://tickets.example/1 # soc2lint-disable-line stale-evidence -- Replaced.') },
      errors: [{ file: 'controls/ac.yaml', line: 6, column: 60, messageId: 'disableLine', message: 'suppressed no stale-evidence finding on its line' }],
    },
    {
      name: 'a directive naming the wrong rule for the line',
      alongside,
      files: { 'controls/ac.yaml': control(' # soc2lint-disable-line stale-review -- Replaced.') },
      errors: [{ ...AT_RULE, messageId: 'disableLine', message: 'suppressed no stale-review finding on its line' }],
    },
    {
      name: 'of two rules named, the one that suppressed nothing, at its own name',
      alongside,
      files: { 'controls/ac.yaml': control(' # soc2lint-disable-line stale-evidence, stale-review -- Replaced.') },
      errors: [{ file: 'controls/ac.yaml', line: 7, column: 62, messageId: 'disableLineOfSeveral', data: { rule: 'stale-review' }, message: 'soc2lint-disable-line suppressed no stale-review finding on its line. If the problem is fixed, remove stale-review from it; otherwise move it to the line of the finding, or fix the rule name.' }],
    },
    {
      name: 'a disable-next-line whose next content line has no finding',
      alongside,
      files: { 'controls/ac.yaml': control('', '', '2026-06-20').replace('  - url:', '  # soc2lint-disable-next-line stale-evidence -- Replaced.\n  - url:') },
      errors: [{ file: 'controls/ac.yaml', line: 6, column: 32, messageId: 'disableNextLine', data: { rule: 'stale-evidence', line: 7 }, message: 'soc2lint-disable-next-line suppressed no stale-evidence finding on line 7. If the problem is fixed, remove it; otherwise move it to the line of the finding, or fix the rule name.' }],
    },
    {
      name: 'a markdown range with nothing to suppress names its lines',
      alongside,
      files: { 'policies/is.md': body('<!-- soc2lint-disable placeholder-text -- Drafts. -->', 'Done.', '<!-- soc2lint-enable placeholder-text -->') },
      errors: [{ file: 'policies/is.md', line: 10, column: 23, messageId: 'disableRange', data: { rule: 'placeholder-text', first: 10, last: 12 }, message: 'soc2lint-disable suppressed no placeholder-text finding on lines 10–12. If the problem is fixed, remove it; otherwise make the range cover the line of the finding, or fix the rule name.' }],
    },
    {
      name: 'a markdown next-line above a clean line (the placeholder is two lines down)',
      alongside,
      files: { 'policies/is.md': body('<!-- soc2lint-disable-next-line placeholder-text -- Drafts. -->', '', 'Owner: TBD.') },
      errors: [{ file: 'policies/is.md', line: 10, column: 33, messageId: 'disableNextLine', message: 'on line 11.' }],
    },
    {
      name: 'a markdown next-line naming two rules, one of which has nothing on the next line: remove that one from it',
      alongside,
      files: { 'policies/is.md': body('<!-- soc2lint-disable-next-line placeholder-text, broken-link -- Drafts. -->', 'Owner: TBD.') },
      errors: [
        {
          file: 'policies/is.md',
          line: 10,
          column: 51,
          messageId: 'disableNextLineOfSeveral',
          data: { rule: 'broken-link', line: 11 },
          message: 'soc2lint-disable-next-line suppressed no broken-link finding on line 11. If the problem is fixed, remove broken-link from it; otherwise move it to the line of the finding, or fix the rule name.',
        },
      ],
    },
    {
      name: 'a markdown range naming two rules, one of which has nothing in the range',
      alongside,
      files: { 'policies/is.md': body('<!-- soc2lint-disable placeholder-text, broken-link -- Drafts. -->', 'Owner: TBD.', '<!-- soc2lint-enable placeholder-text, broken-link -->') },
      errors: [
        {
          file: 'policies/is.md',
          line: 10,
          column: 41,
          messageId: 'disableRangeOfSeveral',
          data: { rule: 'broken-link', first: 10, last: 12 },
          message: 'soc2lint-disable suppressed no broken-link finding on lines 10–12. If the problem is fixed, remove broken-link from it; otherwise make the range cover the line of the finding, or fix the rule name.',
        },
      ],
    },
    {
      name: 'a markdown range opened and closed on one line names that line',
      alongside,
      files: { 'policies/is.md': body('<!-- soc2lint-disable placeholder-text -- Drafts. --> Done. <!-- soc2lint-enable placeholder-text -->') },
      errors: [
        {
          file: 'policies/is.md',
          line: 10,
          column: 23,
          messageId: 'disableRangeOneLine',
          data: { rule: 'placeholder-text', line: 10 },
          message: 'soc2lint-disable suppressed no placeholder-text finding on line 10. If the problem is fixed, remove it; otherwise make the range cover the line of the finding, or fix the rule name.',
        },
      ],
    },
    {
      name: 'a one-line markdown range naming two rules, one of which has nothing on that line',
      alongside,
      files: { 'policies/is.md': body('<!-- soc2lint-disable placeholder-text, broken-link -- Drafts. --> Owner: TBD. <!-- soc2lint-enable placeholder-text, broken-link -->') },
      errors: [
        {
          file: 'policies/is.md',
          line: 10,
          column: 41,
          messageId: 'disableRangeOneLineOfSeveral',
          data: { rule: 'broken-link', line: 10 },
          message: 'soc2lint-disable suppressed no broken-link finding on line 10. If the problem is fixed, remove broken-link from it; otherwise make the range cover the line of the finding, or fix the rule name.',
        },
      ],
    },
    {
      name: 'a front matter directive whose finding is gone',
      alongside,
      files: { 'policies/is.md': policy(`${FIELDS} # soc2lint-disable-line stale-review -- Review booked.`) },
      errors: [{ file: 'policies/is.md', line: 8, column: 51, messageId: 'disableLine', message: 'suppressed no stale-review finding on its line' }],
    },
    {
      name: 'a finding a waiver suppressed first leaves the directive unused',
      alongside,
      files: {
        'controls/ac.yaml': control(' # soc2lint-disable-line stale-evidence -- Replaced by AC-12.'),
        'waivers.yaml': 'rule: stale-evidence\ntarget: AC-07\nreason: Replaced by AC-12.\napproved_by: ciso@x.io\nexpires: 2026-12-31\n',
      },
      errors: [{ ...AT_RULE, messageId: 'disableLine', message: 'suppressed no stale-evidence finding on its line' }],
    },
    {
      name: 'with CRLF line endings, the same place',
      alongside,
      files: { 'controls/ac.yaml': control(' # soc2lint-disable-line stale-evidence -- Replaced by AC-12.', '', '2026-06-20').replace(/\n/g, '\r\n') },
      errors: [{ ...AT_RULE, messageId: 'disableLine' }],
    },
  ],
});
