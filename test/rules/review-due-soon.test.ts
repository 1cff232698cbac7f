import rule from '../../rules/review-due-soon.js';
import { policy } from '../helpers/repo.js';
import { testRule } from '../helpers/rule-tester.js';

// as_of is 2026-07-01 unless a case says otherwise; the default window is 30 days, so up to 2026-07-31.
const approved = (extra: string) => policy(`id: POL-A\ntitle: Access\nstatus: approved\nowner: a@x.io\n${extra}`);
/** A vendor as the file's single mapping; extra lines from line 4 (`last_reviewed` value at column 16). */
const vendor = (criticality: string, extra = '') => `id: VEN-X\nname: Vendor X\ncriticality: ${criticality}\n${extra}`;

testRule(rule, {
  valid: [
    { name: 'due in 31 days is outside the 30-day window', files: { 'policies/a.md': approved('last_reviewed: 2025-08-01') } },
    { name: 'a policy reviewed recently is not due soon', files: { 'policies/a.md': approved('last_reviewed: 2026-03-15') } },
    { name: 'an overdue review is stale-review\'s finding, not this one', files: { 'policies/a.md': approved('last_reviewed: 2025-06-30') } },
    { name: 'a policy never reviewed is stale-review\'s finding, not this one', files: { 'policies/a.md': approved('') } },
    {
      name: 'a draft policy is never due',
      files: { 'policies/a.md': policy('id: POL-A\ntitle: Access\nstatus: draft\nlast_reviewed: 2025-07-15') },
    },
    {
      name: 'a retired policy is never due',
      files: { 'policies/a.md': policy('id: POL-A\ntitle: Access\nstatus: retired\nlast_reviewed: 2025-07-15') },
    },
    { name: 'due in 40 days is outside the default window', files: { 'policies/a.md': approved('last_reviewed: 2025-08-10') } },
    {
      name: 'a longer cadence (P2Y) is honoured: an annual review would be due in 14 days',
      files: { 'policies/a.md': approved('last_reviewed: 2024-07-15\nreview_every: P2Y') },
      asOf: '2025-07-01',
    },
    { name: 'a scope with no last_reviewed is left to stale-review', files: { 'scope.yaml': 'categories: [security]\n' } },
    { name: 'a scope reviewed this year is not due', files: { 'scope.yaml': 'categories: [security]\nlast_reviewed: 2026-01-05\n' } },
    { name: 'a critical vendor due in 31 days is outside the window', files: { 'vendors/x.yaml': vendor('critical', 'last_reviewed: 2025-08-01\n') } },
    { name: 'a critical vendor never reviewed is stale-review\'s finding, not this one', files: { 'vendors/x.yaml': vendor('critical') } },
    { name: 'an overdue vendor is stale-review\'s finding, not this one', files: { 'vendors/x.yaml': vendor('high', 'last_reviewed: 2025-06-30\n') } },
    { name: 'a medium vendor without review_every has no cadence and is never due', files: { 'vendors/x.yaml': vendor('medium', 'last_reviewed: 2025-07-15\n') } },
  ],
  invalid: [
    {
      name: 'an explicit next_review within the window warns at next_review, whatever last_reviewed says',
      files: { 'policies/a.md': approved('last_reviewed: 2026-01-10\nnext_review: 2026-07-15'), 'vendors/x.yaml': vendor('low', 'next_review: 2026-07-02\n') },
      errors: [
        { file: 'policies/a.md', line: 7, column: 14, messageId: 'policyDueInDays', data: { policy: 'POL-A', cadence: 'annual', due: '2026-07-15', days: 14 } },
        { file: 'vendors/x.yaml', line: 4, column: 14, messageId: 'vendorDueTomorrow', data: { vendor: 'VEN-X', criticality: 'low', cadence: 'scheduled', due: '2026-07-02', days: 1 } },
      ],
    },
    {
      name: 'due in exactly 30 days warns (month end: 2025-07-31 + annual is 2026-07-31)',
      files: { 'policies/a.md': approved('last_reviewed: 2025-07-31') },
      errors: [{ file: 'policies/a.md', line: 6, column: 16, messageId: 'policyDueInDays', data: { policy: 'POL-A', cadence: 'annual', due: '2026-07-31', days: 30 }, message: 'Policy POL-A is due for its annual review on 2026-07-31 (in 30 days)' }],
    },
    {
      name: 'due today is due soon, not yet overdue',
      files: { 'policies/a.md': approved('last_reviewed: 2025-07-01') },
      errors: [{ file: 'policies/a.md', line: 6, column: 16, messageId: 'policyDueToday', data: { policy: 'POL-A', cadence: 'annual', due: '2026-07-01', days: 0 }, message: 'on 2026-07-01 (today)' }],
    },
    {
      name: 'due tomorrow says tomorrow',
      files: { 'policies/a.md': approved('last_reviewed: 2025-07-02') },
      errors: [{ file: 'policies/a.md', line: 6, column: 16, messageId: 'policyDueTomorrow', data: { policy: 'POL-A', cadence: 'annual', due: '2026-07-02', days: 1 }, message: 'on 2026-07-02 (tomorrow)' }],
    },
    {
      name: 'option days: 45 widens the window',
      options: { days: 45 },
      files: { 'policies/a.md': approved('last_reviewed: 2025-08-10') },
      errors: [{ file: 'policies/a.md', line: 6, column: 16, messageId: 'policyDueInDays', message: 'on 2026-08-10 (in 40 days)' }],
    },
    {
      name: 'option days: 7 narrows the window to a week, inclusive',
      options: { days: 7 },
      files: { 'policies/a.md': approved('last_reviewed: 2025-07-08'), 'policies/b.md': approved('last_reviewed: 2025-07-09').replace('POL-A', 'POL-B') },
      errors: [{ file: 'policies/a.md', line: 6, column: 16, messageId: 'policyDueInDays', message: 'Policy POL-A is due for its annual review on 2026-07-08 (in 7 days)' }],
    },
    {
      name: 'quarterly from a month end: 2026-03-31 is due 2026-06-30',
      asOf: '2026-06-01',
      files: { 'policies/a.md': approved('last_reviewed: 2026-03-31\nreview_every: quarterly') },
      errors: [{ file: 'policies/a.md', line: 6, column: 16, messageId: 'policyDueInDays', message: 'its quarterly review on 2026-06-30 (in 29 days)' }],
    },
    {
      name: 'leap day + 12 months is due on Feb 28, which is today',
      asOf: '2025-02-28',
      files: { 'policies/a.md': approved('last_reviewed: 2024-02-29') },
      errors: [{ file: 'policies/a.md', line: 6, column: 16, messageId: 'policyDueToday', message: 'on 2025-02-28 (today)' }],
    },
    {
      name: 'the scope falling due soon is reported at its last_reviewed',
      files: { 'scope.yaml': 'categories: [security]\nlast_reviewed: 2025-07-20\n' },
      errors: [{ file: 'scope.yaml', line: 2, column: 16, messageId: 'scopeDueInDays', data: { cadence: 'annual', due: '2026-07-20', days: 19 }, message: 'The audit scope is due for its annual review on 2026-07-20 (in 19 days)' }],
    },
    {
      name: 'the scope due today says today',
      files: { 'scope.yaml': 'categories: [security]\nlast_reviewed: 2025-07-01\n' },
      errors: [{ file: 'scope.yaml', line: 2, column: 16, messageId: 'scopeDueToday', data: { cadence: 'annual', due: '2026-07-01', days: 0 }, message: 'The audit scope is due for its annual review on 2026-07-01 (today). Schedule the review.' }],
    },
    {
      name: 'the scope due tomorrow says tomorrow',
      files: { 'scope.yaml': 'categories: [security]\nlast_reviewed: 2025-07-02\n' },
      errors: [{ file: 'scope.yaml', line: 2, column: 16, messageId: 'scopeDueTomorrow', data: { cadence: 'annual', due: '2026-07-02', days: 1 }, message: 'The audit scope is due for its annual review on 2026-07-02 (tomorrow). Schedule the review.' }],
    },
    {
      name: 'the scope\'s own cadence is honoured',
      files: { 'scope.yaml': 'last_reviewed: 2026-01-15\nreview_every: semiannual\ncategories: [security]\n' },
      errors: [{ file: 'scope.yaml', line: 1, column: 16, messageId: 'scopeDueInDays', message: 'its semiannual review on 2026-07-15 (in 14 days)' }],
    },
    {
      name: 'a malformed neighbour policy does not stop the check',
      files: {
        'policies/broken.md': '---\nid: POL-B\ntitle: [unclosed\n---\n# B\n',
        'policies/no-front-matter.md': '# Just text\n',
        'policies/a.md': approved('last_reviewed: 2025-07-15'),
      },
      errors: [{ file: 'policies/a.md', line: 6, column: 16, messageId: 'policyDueInDays', message: 'Policy POL-A' }],
    },
    {
      name: 'a critical vendor due in exactly 30 days warns, at its last_reviewed',
      files: { 'vendors/x.yaml': vendor('critical', 'last_reviewed: 2025-07-31\n') },
      errors: [{ file: 'vendors/x.yaml', line: 4, column: 16, messageId: 'vendorDueInDays', data: { vendor: 'VEN-X', criticality: 'critical', cadence: 'annual', due: '2026-07-31', days: 30 }, message: 'Vendor VEN-X (critical) is due for its annual review on 2026-07-31 (in 30 days). Schedule the review.' }],
    },
    {
      name: 'a high vendor reviewed on a leap day is due on Feb 28, today',
      asOf: '2025-02-28',
      files: { 'vendors/x.yaml': vendor('high', 'last_reviewed: 2024-02-29\n') },
      errors: [{ file: 'vendors/x.yaml', line: 4, column: 16, messageId: 'vendorDueToday', data: { vendor: 'VEN-X', criticality: 'high', cadence: 'annual', due: '2025-02-28', days: 0 }, message: 'Vendor VEN-X (high) is due for its annual review on 2025-02-28 (today)' }],
    },
    {
      name: 'a low vendor with review_every set is held to its own cadence',
      files: { 'vendors/x.yaml': vendor('low', 'last_reviewed: 2026-01-15\nreview_every: semiannual\n') },
      errors: [{ file: 'vendors/x.yaml', line: 4, column: 16, messageId: 'vendorDueInDays', message: 'Vendor VEN-X (low) is due for its semiannual review on 2026-07-15 (in 14 days)' }],
    },
    {
      name: 'a vendor in a list is reported at its own last_reviewed',
      files: {
        'vendors/all.yaml': 'vendors:\n  - id: VEN-A\n    name: A\n    criticality: high\n    last_reviewed: 2026-03-01\n  - id: VEN-B\n    name: B\n    criticality: critical\n    last_reviewed: 2025-07-02\n',
      },
      errors: [{ file: 'vendors/all.yaml', line: 9, column: 20, messageId: 'vendorDueTomorrow', data: { vendor: 'VEN-B', criticality: 'critical', cadence: 'annual', due: '2026-07-02', days: 1 }, message: 'Vendor VEN-B (critical) is due for its annual review on 2026-07-02 (tomorrow)' }],
    },
  ],
});
