// The test table of a new rule, and the test of rules/_template.ts: copy this file to test/rules/<rule-id>.test.ts,
// import your rule, and write your cases. Each case is a small repo written to a temporary folder; the rule runs over it
// as the engine runs it (test/helpers/rule-tester.ts). A valid case must give no finding; an invalid one exactly the
// findings listed, in order, with their file, line, column, message ID and (once per message ID at least) data. Write
// the cases as the rule's specification: the edge the rule must not cross (a date on the due day, a draft) belongs here.
import rule from '../../rules/_template.js';
import { policy } from '../helpers/repo.js';
import { testRule } from '../helpers/rule-tester.js';

const reviewed = (date: string, status = 'approved') => policy(`id: POL-ACCESS\ntitle: Access Control Policy\nstatus: ${status}\nlast_reviewed: ${date}`);

testRule(rule, {
  valid: [
    { name: 'reviewed exactly max_days before as_of', asOf: '2026-07-01', files: { 'policies/access.md': reviewed('2025-07-01') } },
    { name: 'a draft is not judged', asOf: '2026-07-01', files: { 'policies/access.md': reviewed('2020-01-01', 'draft') } },
    { name: 'an option narrows the window', asOf: '2026-07-01', options: { max_days: 30 }, files: { 'policies/access.md': reviewed('2026-06-15') } },
  ],
  invalid: [
    {
      name: 'reviewed one day too long ago: reported at last_reviewed',
      asOf: '2026-07-02', // the date the rule judges against; 2026-07-01 when left out
      files: { 'policies/access.md': reviewed('2025-07-01') },
      errors: [
        {
          file: 'policies/access.md',
          line: 5,
          column: 16,
          messageId: 'tooOld',
          data: { policy: 'POL-ACCESS', reviewed: '2025-07-01', max: 365, asOf: '2026-07-02' },
          message: 'Policy POL-ACCESS was last reviewed on 2025-07-01, more than 365 days before 2026-07-02.',
        },
      ],
    },
  ],
});
