import rule from '../../rules/placeholder-text.js';
import { policy } from '../helpers/repo.js';
import { describe, expect, it } from 'vitest';
import { runRule, testRule } from '../helpers/rule-tester.js';

/** A policy whose body starts on line 6: body line i (0-based) is file line 6 + i. */
const pol = (body: string, title = 'Access Control Policy', status = 'approved') => policy(`id: POL-A\ntitle: ${title}\nstatus: ${status}`, body);
/** A placeholder in the body of policies/a.md. */
const at = (line: number, column: number, message?: string) => ({ file: 'policies/a.md', line, column, messageId: 'inText', ...(message ? { message } : {}) });

testRule(rule, {
  valid: [
    { name: 'a finished policy', files: { 'policies/a.md': pol('# Access control\n\nAcme reviews access every quarter. See the [Incident Response Policy](incident.md).\n') } },
    {
      name: 'markdown links, reference links, reference definitions, task boxes, footnotes and alerts are not placeholders',
      files: {
        'policies/a.md': pol(
          [
            '# Links',
            'See [Access Review Procedure](review.md) and ![Network Diagram](net.png).',
            'See [the Policy Index][POLICY INDEX] and [Vendor Register][].',
            'The [Acceptable Use Policy] applies (a shortcut reference link).',
            '- [ ] open item',
            '- [x] done item',
            'As required by law.[^1]',
            '> [!IMPORTANT]',
            '',
            '[POLICY INDEX]: https://wiki.example.com/policies',
            '[Vendor Register]: vendors.md',
            '[acceptable use policy]: aup.md',
            '[^1]: See the statute.',
          ].join('\n'),
        ),
      },
    },
    {
      name: 'placeholders inside fenced code blocks (``` and ~~~) and inline code are examples, not leftovers',
      files: {
        'policies/a.md': pol(
          ['# Template syntax', 'Write `{{ company }}` or ``[COMPANY NAME]`` in templates.', '```', 'TODO: [INSERT DATE] {{ x }}', '~~~', 'still code: TBD', '```', '~~~', 'TODO in tilde fence', '~~~'].join('\n'),
        ),
      },
    },
    { name: 'lowercase todo, tbd and words containing TODO are not placeholders', files: { 'policies/a.md': pol('Our todo list is tbd. TODOS_LIST and ATODO are identifiers, not markers.\n') } },
    { name: 'single-word brackets that are not capitals: [sic], [1], [CC6]', files: { 'policies/a.md': pol('The quote [sic] cites [1] under [CC6].\n') } },
    { name: 'a retired policy is history, not checked', files: { 'policies/a.md': pol('Owner: [COMPANY NAME]. TODO.\n', 'Old policy', 'retired') } },
    { name: 'a real date is not XX/XX/XXXX', files: { 'policies/a.md': pol('Effective 03/01/2026.\n') } },
    {
      name: 'ignore: template syntax the repo renders at build time, in the body and the title (* is any characters)',
      files: { 'policies/a.md': pol('Owner: {{ .Owner.Name }}, for {{company_name}}.\n', '"{{ .Company }} Access Policy"') },
      options: { ignore: ['{{ .* }}', '{{company_name}}'] },
    },
    { name: 'dates and acronyms in brackets are not blanks: [2026-01-31], [TCP/IP], [v1.2]', files: { 'policies/a.md': pol('Approved [2026-01-31] over [TCP/IP] in [v1.2].\n') } },
    {
      name: 'a reference definition whose label holds a marker ([TODO list]: url) names a link',
      files: { 'policies/a.md': pol('Open items are kept in one place.\n\n[TODO list]: todo.md\n') },
    },
    {
      name: 'a shortcut reference link matches its definition with spaces collapsed and case ignored',
      files: { 'policies/a.md': pol('The [Access   Policy] applies, as does [ Access Policy ].\n\n[ACCESS POLICY]: aup.md\n') },
    },
    { name: 'citations without letters are not placeholders: [1, 2]', files: { 'policies/a.md': pol('As shown in [1, 2].\n') } },
    {
      name: 'a bracket is a blank only when all of it is: [mySQL], [Read/write], [tcp/udp:443]',
      files: { 'policies/a.md': pol('Runs on [mySQL] in [Read/write] mode over [tcp/udp:443].\n') },
    },
    { name: 'a span opened and closed by four backticks hides everything up to its closing run', files: { 'policies/a.md': pol('Use ````a TBD```` here.\n') } },
  ],
  invalid: [
    {
      name: 'a placeholder is highlighted from its first to its last character',
      files: { 'policies/a.md': pol('Owner: [COMPANY NAME].\n') },
      errors: [{ ...at(6, 8), endLine: 6, endColumn: 22 }],
    },
    {
      name: 'placeholders side by side are two findings',
      files: { 'policies/a.md': pol('[COMPANY NAME]TBD\n') },
      errors: [at(6, 1, '"[COMPANY NAME]"'), at(6, 15, '"TBD"')],
    },
    {
      name: 'a label followed by a colon in the middle of a line is not a reference definition',
      files: { 'policies/a.md': pol('Call [Company Name]: 555-0100.\n') },
      errors: [at(6, 6, '"[Company Name]"')],
    },
    {
      name: 'reference definitions elsewhere in the body do not hide a placeholder',
      files: { 'policies/a.md': pol('Owner: [COMPANY NAME].\n\n[Vendor Register]: vendors.md\n') },
      errors: [at(6, 8, '"[COMPANY NAME]"')],
    },
    {
      name: 'a label matches a definition only with its spaces: [SECURITYTEAM] is not [Security Team]',
      files: { 'policies/a.md': pol('Owner: [SECURITYTEAM].\n\n[Security Team]: team.md\n') },
      errors: [at(6, 8, '"[SECURITYTEAM]"')],
    },
    {
      name: 'spaces inside the brackets are not part of the placeholder: [ CISO ], and three alternatives [yes/no/maybe]',
      files: { 'policies/a.md': pol('Owner: [ CISO ], answer [yes/no/maybe].\n') },
      errors: [at(6, 8, '"[ CISO ]"'), at(6, 25, '"[yes/no/maybe]"')],
    },
    {
      name: 'a placeholder of exactly 40 characters is quoted whole',
      files: { 'policies/a.md': pol('See [INSERT THE NAME OF THE SECURITY LEADER].\n') },
      errors: [{ ...at(6, 5), data: { policy: 'POL-A', placeholder: '[INSERT THE NAME OF THE SECURITY LEADER]' } }],
    },
    {
      name: 'a title folded over two lines is reported at the whole value, even when its width equals the title\'s length',
      files: { 'policies/a.md': policy('id: POL-A\ntitle: Policy\n              TBD\nstatus: approved', 'Text.\n') },
      errors: [{ file: 'policies/a.md', line: 3, column: 8, messageId: 'inTitle', message: '"TBD" in its title' }],
    },
    {
      name: 'a bracketed capital placeholder is reported at its exact line and column, quoted',
      files: { 'policies/a.md': pol('# Access control\n\nThis policy applies to [COMPANY NAME] staff.\n') },
      errors: [{ ...at(8, 24, 'Policy POL-A still contains the template placeholder "[COMPANY NAME]". Replace it with the real text.'), data: { policy: 'POL-A', placeholder: '[COMPANY NAME]' } }],
    },
    {
      name: 'a draft is checked too',
      files: { 'policies/a.md': pol('Effective [INSERT DATE].\n', 'Access', 'draft') },
      errors: [at(6, 11, '"[INSERT DATE]"')],
    },
    {
      name: 'Title Case words in brackets, a single capitalised word and snake case capitals',
      files: { 'policies/a.md': pol('Signed by [Company Name].\nOwner: [CISO] and [SECURITY_LEAD].\n') },
      errors: [at(6, 11, '"[Company Name]"'), at(7, 8, '"[CISO]"'), at(7, 19, '"[SECURITY_LEAD]"')],
    },
    {
      name: 'bracketed blanks: a date format, a single capitalised word, alternatives to pick from',
      files: { 'policies/a.md': pol('Effective [day/month/year], reviewed [DD/MM/YYYY] or [YYYY-MM-DD].\nSigned on [DATE] by [name/title] of [Company Name].\n') },
      errors: [
        { ...at(6, 11, '"[day/month/year]"'), data: { policy: 'POL-A', placeholder: '[day/month/year]' } },
        at(6, 38, '"[DD/MM/YYYY]"'),
        at(6, 54, '"[YYYY-MM-DD]"'),
        at(7, 11, '"[DATE]"'),
        at(7, 21, '"[name/title]"'),
        at(7, 37, '"[Company Name]"'),
      ],
    },
    {
      name: 'ignore patterns match the whole placeholder: other placeholders are still reported',
      files: { 'policies/a.md': pol('For {{company_name}}, {{ company_name }} and {{owner}}; TODO.\n') },
      options: { ignore: ['{{company_name}}', 'TBD'] },
      errors: [at(6, 23, '"{{ company_name }}"'), at(6, 46, '"{{owner}}"'), at(6, 57, '"TODO"')],
    },
    {
      name: 'moustaches, with or without spaces',
      files: { 'policies/a.md': pol('Hello {{ company_name }} and {{owner}}.\n') },
      errors: [at(6, 7, '"{{ company_name }}"'), at(6, 30, '"{{owner}}"')],
    },
    {
      name: 'TODO, TBD, TBA and FIXME as whole uppercase words',
      files: { 'policies/a.md': pol('TODO: write this.\nRetention is TBD, training TBA.\nFIXME\n') },
      errors: [at(6, 1, '"TODO"'), at(7, 14, '"TBD"'), at(7, 28, '"TBA"'), at(8, 1, '"FIXME"')],
    },
    {
      name: 'lorem ipsum in any case, <insert ...>, and XX/XX/XXXX',
      files: { 'policies/a.md': pol('Lorem Ipsum dolor.\nContact <insert name here> by xx/xx/xxxx or XX/XX/XXXX.\nAlso LOREM IPSUM.\n') },
      errors: [at(6, 1, '"Lorem Ipsum"'), at(7, 9, '"<insert name here>"'), at(7, 31, '"xx/xx/xxxx"'), at(7, 45, '"XX/XX/XXXX"'), at(8, 6, '"LOREM IPSUM"')],
    },
    {
      name: 'a placeholder that holds a marker is one finding, not two: [TODO] and {{ TBD }}',
      files: { 'policies/a.md': pol('Owner: [TODO], due {{ TBD }}.\n') },
      errors: [at(6, 8, '"[TODO]"'), at(6, 20, '"{{ TBD }}"')],
    },
    {
      name: 'a long placeholder is quoted truncated to 40 characters',
      files: { 'policies/a.md': pol('See [INSERT THE NAME OF YOUR INFORMATION SECURITY OFFICER HERE].\n') },
      errors: [{ ...at(6, 5, '"[INSERT THE NAME OF YOUR INFORMATION SE…"'), data: { policy: 'POL-A', placeholder: '[INSERT THE NAME OF YOUR INFORMATION SE…' } }],
    },
    {
      name: 'text after a closed fence is checked again, and inline code only hides what it encloses',
      files: { 'policies/a.md': pol('```yaml\nowner: TODO\n```\nUse `x` for [COMPANY NAME].\n') },
      errors: [at(9, 13, '"[COMPANY NAME]"')],
    },
    {
      name: 'a fence of another character does not close the fence',
      files: { 'policies/a.md': pol('~~~\n```\nTODO\n~~~\nTBD\n') },
      errors: [at(10, 1, '"TBD"')],
    },
    {
      name: 'a reference definition\'s label is not a placeholder, but its title can hold one',
      files: { 'policies/a.md': pol('[Policy Index]: index.md "TBD"\n') },
      errors: [at(6, 27, '"TBD"')],
    },
    {
      name: 'a placeholder in the title (plain) is reported in the title value',
      files: { 'policies/a.md': pol('Text.\n', 'Access Policy of [COMPANY]') },
      errors: [
        {
          file: 'policies/a.md',
          line: 3,
          column: 25,
          messageId: 'inTitle',
          data: { policy: 'POL-A', placeholder: '[COMPANY]' },
          message: 'Policy POL-A still contains the template placeholder "[COMPANY]" in its title. Replace it with the real text.',
        },
      ],
    },
    {
      name: 'a placeholder in a quoted title is placed inside the quotes',
      files: { 'policies/a.md': pol('Text.\n', '"{{ company }} Access Policy TBD"') },
      errors: [
        { file: 'policies/a.md', line: 3, column: 9, messageId: 'inTitle', data: { policy: 'POL-A', placeholder: '{{ company }}' }, message: '"{{ company }}" in its title' },
        { file: 'policies/a.md', line: 3, column: 37, messageId: 'inTitle', message: '"TBD" in its title' },
      ],
    },
    {
      name: 'a title with escapes, where columns cannot be mapped back, is reported at the whole title value',
      files: { 'policies/a.md': pol('Text.\n', '"Access \\"Policy\\" TBD"') },
      errors: [{ file: 'policies/a.md', line: 3, column: 8, messageId: 'inTitle', message: '"TBD" in its title' }],
    },
    {
      name: 'a TODO in an HTML comment is still a leftover in the file',
      files: { 'policies/a.md': pol('Text.\n<!-- TODO: fill in the owner -->\n') },
      errors: [at(7, 6, '"TODO"')],
    },
    {
      name: 'CRLF line endings: lines and columns as in the file',
      files: { 'policies/a.md': '---\r\nid: POL-A\r\ntitle: Access\r\nstatus: approved\r\n---\r\n# Access\r\n\r\nApplies to [COMPANY NAME].\r\n```\r\nTODO\r\n```\r\nTBD\r\n' },
      errors: [at(8, 12, '"[COMPANY NAME]"'), at(12, 1, '"TBD"')],
    },
    {
      name: 'a UTF-8 BOM does not shift lines or columns',
      files: { 'policies/a.md': '\uFEFF---\nid: POL-A\ntitle: Access\nstatus: approved\n---\n\n## Scope\n\tTBD – [Company Name]\n' },
      errors: [at(8, 2, '"TBD"'), at(8, 8, '"[Company Name]"')],
    },
    {
      name: 'a policy with more front matter starts its body later (bodyLine), and columns count characters, not bytes',
      files: { 'policies/deep/b.md': policy('id: POL-B\ntitle: B\nstatus: approved\nowner: a@x.io\nversion: "2"', 'Ünïcödé — [INSERT DATE]\n') },
      errors: [{ file: 'policies/deep/b.md', line: 8, column: 11, messageId: 'inText', message: 'Policy POL-B still contains the template placeholder "[INSERT DATE]"' }],
    },
  ],
});

describe('placeholder-text reads code spans as CommonMark does', () => {
  it.each([
    ['a span closed by a run of the same length', 'Use ``{{ name }}`` here.', []],
    ['an unclosed run is literal, so the placeholder after it counts', 'A ` stray tick, then [COMPANY NAME].', [22]],
    ['a longer run does not close a shorter one', 'See `a `` b` and [Company Name].', [18]],
    ['a span after an emoji keeps its columns', '🙂 `[COMPANY NAME]` then [Company Name]', [26]],
    ['an unclosed run before a span: the span still hides its content', 'A `` stray, `TODO` then [COMPANY NAME].', [25]],
    ['a span hides nothing after its closing run', 'Use `x`TODO now.', [8]],
    ['runs of sixteen backticks open and close a span too', `x ${'`'.repeat(16)}TODO${'`'.repeat(16)} and TBD`, [44]],
  ])('%s', async (_name, line, columns) => {
    const findings = await runRule(rule, { name: 'spans', files: { 'policies/a.md': `---\nid: POL-A\ntitle: A\nstatus: draft\n---\n${line}\n` } });
    expect(findings.map((finding) => [finding.messageId, finding.line, finding.column])).toEqual(columns.map((column) => ['inText', 6, column]));
  });
});
