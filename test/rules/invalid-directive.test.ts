import rule from '../../rules/invalid-directive.js';
import { policy } from '../helpers/repo.js';
import { testRule } from '../helpers/rule-tester.js';

/** A control whose evidence `date:` is line 7 (its value at column 11); `comment` is appended to that line. */
const control = (comment = '', above = '') =>
  `id: AC-07\ntitle: Access review\nowner: a@x.io\nfrequency: monthly\nevidence:\n  - url: https://tickets.example/1\n${above}    date: 2026-03-02${comment}\n`;
/** The `#` of a comment appended to the date line is at column 22. */
const AT_DATE = { file: 'controls/ac.yaml', line: 7, column: 22 };

const FIELDS = 'id: POL-IS\ntitle: Information Security\nstatus: approved\nowner: a@x.io\napproved_by: b@x.io\napproved_on: 2026-01-10\nlast_reviewed: 2026-01-10';
/** A policy whose body starts on line 10; `lines` are its body from there. */
const body = (...lines: string[]) => policy(FIELDS, `${lines.join('\n')}\n`);

testRule(rule, {
  valid: [
    { name: 'a program without directives', files: { 'controls/ac.yaml': control() } },
    { name: 'a YAML disable-line with a rule and a reason', files: { 'controls/ac.yaml': control(' # soc2lint-disable-line stale-evidence -- Replaced by AC-12.') } },
    {
      name: 'a YAML disable-next-line naming two rules, with a space after the comma',
      files: { 'controls/ac.yaml': control('', '    # soc2lint-disable-next-line stale-evidence, future-date -- Tool migration.\n') },
    },
    {
      name: 'a "#" inside a quoted string is no comment, so no directive (a line scan would find a misspelt one)',
      files: { 'controls/ac.yaml': control().replace('title: Access review', 'title: "Issue #12 -- fixed # soc2lint-disable-nextline"') },
    },
    {
      name: 'a "#" line inside a block scalar is text, not a comment',
      files: { 'controls/ac.yaml': control().replace('title: Access review', 'title: Access review\ndescription: |\n  # soc2lint-disable-line -- no rule, but not a directive either') },
    },
    { name: 'a comment that only mentions a directive is not one', files: { 'controls/ac.yaml': control(' # see soc2lint-disable-line in the README') } },
    { name: 'a YAML file that does not parse has no directives to judge', files: { 'controls/ac.yaml': 'id: AC-07 # soc2lint-disable-line\ntitle: [\n' } },
    { name: 'CSV files take no directives: the text is data', files: { 'training/log.csv': 'person,course,date\n# soc2lint-disable-line x,security-awareness,2026-02-03\n' } },
    {
      name: 'a markdown range with a reason, ended by an enable without one',
      files: { 'policies/is.md': body('<!-- soc2lint-disable placeholder-text -- Template kept for the 2027 rewrite. -->', 'TBD', '<!-- soc2lint-enable placeholder-text -->') },
    },
    { name: 'a range left open runs to the end of the policy', files: { 'policies/is.md': body('<!-- soc2lint-disable placeholder-text -- Drafts below. -->', 'TBD') } },
    {
      name: 'directives in fenced code and inline code are examples, not directives',
      files: { 'policies/is.md': body('```', '<!-- soc2lint-enable stale-review -->', '```', 'Write `<!-- soc2lint-disable-nextline x -->` to suppress.') },
    },
    {
      name: 'a policy front matter directive',
      files: { 'policies/is.md': policy(`${FIELDS} # soc2lint-disable-line stale-review -- Review booked.`) },
    },
  ],
  invalid: [
    {
      name: 'an enable naming an unknown rule is only an enable without a disable (its names are checked by pairing)',
      files: { 'policies/is.md': body('<!-- soc2lint-enable no-such-rule -->') },
      errors: [{ file: 'policies/is.md', line: 10, column: 22, messageId: 'unmatchedEnable', data: { rule: 'no-such-rule' } }],
    },
    {
      name: 'a misspelt directive is told its spelling, not that its rule names are unknown',
      files: { 'policies/is.md': body('<!-- soc2lint-disabel no-such-rule -- Drafts. -->') },
      errors: [{ file: 'policies/is.md', line: 10, column: 1, messageId: 'unknownPolicyForm' }],
    },
    {
      name: 'a misspelt directive in an unclosed comment is not said to suppress nothing until fixed',
      files: { 'policies/is.md': body('<!-- soc2lint-disabel placeholder-text -- Drafts.') },
      errors: [
        { file: 'policies/is.md', line: 10, column: 1, messageId: 'unknownPolicyForm' },
        { file: 'policies/is.md', line: 10, column: 1, messageId: 'unclosed' },
      ],
    },
    {
      name: 'a reason run into the rule name, with several spaces after the name',
      files: { 'controls/ac.yaml': control(' # soc2lint-disable-line stale-evidence   waiting for Q3') },
      errors: [{ ...AT_DATE, column: 46, messageId: 'reasonRunTogether', data: { directive: 'soc2lint-disable-line', text: 'stale-evidence   waiting for Q3', rule: 'stale-evidence', reason: 'waiting for Q3' } }],
    },
    {
      name: 'a YAML directive without a reason, at its "#"',
      files: { 'controls/ac.yaml': control(' # soc2lint-disable-line stale-evidence') },
      errors: [{ ...AT_DATE, messageId: 'noReason', data: { directive: 'soc2lint-disable-line', rule: 'stale-evidence' }, message: 'soc2lint-disable-line gives no reason; add one after " -- ", as in "soc2lint-disable-line stale-evidence -- REASON". An auditor will ask why the finding is suppressed. It suppresses nothing until it is fixed.' }],
    },
    {
      name: 'an empty reason is no reason',
      files: { 'controls/ac.yaml': control(' # soc2lint-disable-line stale-evidence --   ') },
      errors: [{ ...AT_DATE, messageId: 'noReason', message: 'gives no reason' }],
    },
    {
      name: 'an unknown rule, at its name, with a did-you-mean',
      files: { 'controls/ac.yaml': control(' # soc2lint-disable-line stale-evidnce -- Replaced.') },
      errors: [{ file: 'controls/ac.yaml', line: 7, column: 46, messageId: 'unknownRule', data: { directive: 'soc2lint-disable-line', rule: 'stale-evidnce', suggestion: ' Did you mean "stale-evidence"?' }, message: 'soc2lint-disable-line names "stale-evidnce", which is not a soc2lint rule. Did you mean "stale-evidence"? It suppresses nothing until it is fixed.' }],
    },
    {
      name: 'one unknown rule in a list makes the whole directive invalid, and two problems are two findings',
      files: { 'controls/ac.yaml': control('', '    # soc2lint-disable-next-line future-date,  no-such-rule\n') },
      errors: [
        { file: 'controls/ac.yaml', line: 7, column: 5, messageId: 'noReason', message: 'gives no reason' },
        { file: 'controls/ac.yaml', line: 7, column: 48, messageId: 'unknownRule', data: { directive: 'soc2lint-disable-next-line', rule: 'no-such-rule', suggestion: '' }, message: '"no-such-rule", which is not a soc2lint rule. It suppresses' },
      ],
    },
    {
      name: 'no rule at all',
      files: { 'controls/ac.yaml': control(' # soc2lint-disable-line -- Replaced.') },
      errors: [{ ...AT_DATE, messageId: 'noRule', data: { directive: 'soc2lint-disable-line' }, message: 'soc2lint-disable-line names no rule; write the IDs of the rules to suppress, separated by commas, then " -- " and the reason.' }],
    },
    {
      name: 'a misspelt directive, with a did-you-mean',
      files: { 'controls/ac.yaml': control('', '    # soc2lint-disable-nextline stale-evidence -- Replaced.\n') },
      errors: [{ file: 'controls/ac.yaml', line: 7, column: 5, messageId: 'unknownYamlForm', data: { directive: 'soc2lint-disable-nextline', suggestion: ' Did you mean "soc2lint-disable-next-line"?' }, message: '"soc2lint-disable-nextline" is not a soc2lint directive. Did you mean "soc2lint-disable-next-line"? In YAML, write soc2lint-disable-line or soc2lint-disable-next-line.' }],
    },
    {
      name: 'a disable-line on a line of its own suppresses nothing',
      files: { 'controls/ac.yaml': control('', '    # soc2lint-disable-line stale-evidence -- Replaced.\n') },
      errors: [{ file: 'controls/ac.yaml', line: 7, column: 5, messageId: 'aloneOnLine', data: { directive: 'soc2lint-disable-line' }, message: 'soc2lint-disable-line suppresses findings on its own line, which holds nothing else.' }],
    },
    {
      name: 'a range in YAML',
      files: { 'controls/ac.yaml': `# soc2lint-disable stale-evidence -- Legacy file.\n${control()}` },
      errors: [{ file: 'controls/ac.yaml', line: 1, column: 1, messageId: 'policyOnlyForm', data: { directive: 'soc2lint-disable' }, message: 'soc2lint-disable works in policy text only. In YAML, put soc2lint-disable-line' }],
    },
    {
      name: 'a reason without " -- " before it, at the run-together text',
      files: { 'controls/ac.yaml': control(' # soc2lint-disable-line stale-evidence waiting for Q3') },
      errors: [{ file: 'controls/ac.yaml', line: 7, column: 46, messageId: 'reasonRunTogether', data: { directive: 'soc2lint-disable-line', text: 'stale-evidence waiting for Q3', rule: 'stale-evidence', reason: 'waiting for Q3' }, message: 'put " -- " between the rule names and the reason, as in "soc2lint-disable-line stale-evidence -- waiting for Q3".' }],
    },
    {
      name: 'rule names separated by spaces',
      files: { 'controls/ac.yaml': control(' # soc2lint-disable-line stale-evidence future-date -- Replaced.') },
      errors: [{ file: 'controls/ac.yaml', line: 7, column: 46, messageId: 'notOneRule', data: { directive: 'soc2lint-disable-line', text: 'stale-evidence future-date' }, message: 'names "stale-evidence future-date", which is not one rule; separate rule names with commas.' }],
    },
    {
      name: 'a stray comma, at the comma',
      files: { 'controls/ac.yaml': control(' # soc2lint-disable-line stale-evidence, -- Replaced.') },
      errors: [{ file: 'controls/ac.yaml', line: 7, column: 60, messageId: 'strayComma', data: { directive: 'soc2lint-disable-line', list: 'stale-evidence,' }, message: 'has an empty rule name in "stale-evidence,"; remove the extra comma.' }],
    },
    {
      name: 'with CRLF line endings, the same place',
      files: { 'controls/ac.yaml': control(' # soc2lint-disable-line stale-evidence').replace(/\n/g, '\r\n') },
      errors: [{ ...AT_DATE, messageId: 'noReason', message: 'gives no reason' }],
    },
    {
      name: 'in policy front matter, at the file\'s own line and column',
      files: { 'policies/is.md': policy(FIELDS.replace('last_reviewed: 2026-01-10', 'last_reviewed: 2026-01-10 # soc2lint-disable-line stale-reveiw -- Booked.')) },
      errors: [{ file: 'policies/is.md', line: 8, column: 51, messageId: 'unknownRule', message: 'Did you mean "stale-review"?' }],
    },
    {
      name: 'an enable without a disable, at the rule name (a different rule was disabled)',
      files: { 'policies/is.md': body('<!-- soc2lint-disable placeholder-text -- Drafts. -->', 'TBD', '<!-- soc2lint-enable broken-link -->') },
      errors: [{ file: 'policies/is.md', line: 12, column: 22, messageId: 'unmatchedEnable', data: { rule: 'broken-link' }, message: 'soc2lint-enable broken-link has no soc2lint-disable broken-link above it to end.' }],
    },
    {
      name: 'a YAML form in a policy body',
      files: { 'policies/is.md': body('Text', 'TBD <!-- soc2lint-disable-line placeholder-text -- Drafts. -->') },
      errors: [{ file: 'policies/is.md', line: 11, column: 5, messageId: 'yamlOnlyForm', data: { directive: 'soc2lint-disable-line' }, message: 'soc2lint-disable-line works in YAML comments only.' }],
    },
    {
      name: 'a markdown directive without a reason, and an unknown rule in its list',
      files: { 'policies/is.md': body('<!-- soc2lint-disable-next-line placeholder-text, brokn-link -->', 'TBD') },
      errors: [
        { file: 'policies/is.md', line: 10, column: 1, messageId: 'noReason', message: 'soc2lint-disable-next-line gives no reason' },
        { file: 'policies/is.md', line: 10, column: 51, messageId: 'unknownRule', message: 'Did you mean "broken-link"?' },
      ],
    },
    {
      name: 'an HTML comment that is never closed',
      files: { 'policies/is.md': body('<!-- soc2lint-disable-next-line placeholder-text -- Drafts.', 'TBD') },
      errors: [{ file: 'policies/is.md', line: 10, column: 1, messageId: 'unclosedDisable', data: { directive: 'soc2lint-disable-next-line' }, message: 'is in an HTML comment that is never closed; end it with "-->". It suppresses nothing until it is fixed.' }],
    },
    {
      name: 'a misspelt directive in a policy, which lists the policy forms',
      files: { 'policies/is.md': body('<!-- soc2lint-disabel placeholder-text -- Drafts. -->', 'TBD') },
      errors: [
        {
          file: 'policies/is.md',
          line: 10,
          column: 1,
          messageId: 'unknownPolicyForm',
          data: { directive: 'soc2lint-disabel', suggestion: ' Did you mean "soc2lint-disable"?' },
          message: '"soc2lint-disabel" is not a soc2lint directive. Did you mean "soc2lint-disable"? In a policy, write soc2lint-disable-next-line, soc2lint-disable or soc2lint-enable.',
        },
      ],
    },
    {
      name: 'an enable naming no rule is told to name the rules to enable again, and not that it suppresses nothing',
      files: { 'policies/is.md': body('<!-- soc2lint-disable placeholder-text -- Drafts. -->', 'TBD', '<!-- soc2lint-enable -->') },
      errors: [
        {
          file: 'policies/is.md',
          line: 12,
          column: 1,
          messageId: 'noRuleInEnable',
          data: { directive: 'soc2lint-enable' },
          message: 'soc2lint-enable names no rule; write the IDs of the rules to enable again, separated by commas.',
        },
      ],
    },
    {
      name: 'a stray comma in an enable',
      files: { 'policies/is.md': body('<!-- soc2lint-disable placeholder-text -- Drafts. -->', 'TBD', '<!-- soc2lint-enable placeholder-text, -->') },
      errors: [
        {
          file: 'policies/is.md',
          line: 12,
          column: 38,
          messageId: 'strayCommaInEnable',
          data: { directive: 'soc2lint-enable', list: 'placeholder-text,' },
          message: 'soc2lint-enable has an empty rule name in "placeholder-text,"; remove the extra comma.',
        },
      ],
    },
    {
      // An enable takes no reason, so words after its first rule name are more names, never a reason run in.
      name: 'an enable naming two rules separated by a space is told to separate them with commas',
      files: { 'policies/is.md': body('<!-- soc2lint-disable placeholder-text, broken-link -- Drafts. -->', 'TBD', '<!-- soc2lint-enable placeholder-text broken-link -->') },
      errors: [
        {
          file: 'policies/is.md',
          line: 12,
          column: 22,
          messageId: 'notOneRuleInEnable',
          data: { directive: 'soc2lint-enable', text: 'placeholder-text broken-link' },
          message: 'soc2lint-enable names "placeholder-text broken-link", which is not one rule; separate rule names with commas.',
        },
      ],
    },
    {
      name: 'a directive with neither rule nor reason gets both findings; the reason example names no rule',
      files: { 'controls/ac.yaml': control(' # soc2lint-disable-line') },
      errors: [
        { ...AT_DATE, messageId: 'noRule', message: 'soc2lint-disable-line names no rule;' },
        {
          ...AT_DATE,
          messageId: 'noReasonNoRule',
          data: { directive: 'soc2lint-disable-line' },
          message: 'soc2lint-disable-line gives no reason; add one after " -- ", as in "soc2lint-disable-line RULE -- REASON". An auditor will ask why the finding is suppressed. It suppresses nothing until it is fixed.',
        },
      ],
    },
    {
      name: 'an unclosed comment holding an enable does not say it suppresses nothing',
      files: { 'policies/is.md': body('<!-- soc2lint-disable placeholder-text -- Drafts. -->', 'TBD', '<!-- soc2lint-enable placeholder-text') },
      errors: [
        {
          file: 'policies/is.md',
          line: 12,
          column: 1,
          messageId: 'unclosed',
          data: { directive: 'soc2lint-enable' },
          message: 'soc2lint-enable is in an HTML comment that is never closed; end it with "-->".',
        },
      ],
    },
    {
      name: 'a directive naming invalid-directive: its findings are judged after directives apply',
      files: { 'controls/ac.yaml': control(' # soc2lint-disable-line invalid-directive -- Noise.') },
      errors: [{ file: 'controls/ac.yaml', line: 7, column: 46, messageId: 'unsuppressible', data: { directive: 'soc2lint-disable-line', rule: 'invalid-directive' }, message: 'names invalid-directive, whose findings no directive can suppress' }],
    },
    {
      name: 'a directive cannot suppress an invalid-directive finding on the line it covers',
      files: { 'controls/ac.yaml': control(' # soc2lint-disable-line stale-evidnce -- x', '    # soc2lint-disable-next-line invalid-directive -- Noise.\n') },
      errors: [
        { file: 'controls/ac.yaml', line: 7, column: 34, messageId: 'unsuppressible', message: 'names invalid-directive' },
        { file: 'controls/ac.yaml', line: 8, column: 46, messageId: 'unknownRule', message: 'names "stale-evidnce"' },
      ],
    },
  ],
});
