import rule from '../../rules/stale-review.js';
import { policy } from '../helpers/repo.js';
import { testRule } from '../helpers/rule-tester.js';

const approved = (extra: string) => policy(`id: POL-A\ntitle: Access\nstatus: approved\nowner: a@x.io\n${extra}`);
/** A vendor as the file's single mapping: `id` on line 1, column 5; the extra lines from line 4 (`last_reviewed` value at column 16). */
const vendor = (criticality: string, extra = '') => `id: VEN-X\nname: Vendor X\ncriticality: ${criticality}\n${extra}`;

testRule(rule, {
  valid: [
    { name: 'a scope whose next_review is still ahead is not due, though last_reviewed is over a year old', files: { 'scope.yaml': 'categories: [security]\nlast_reviewed: 2025-01-10\nnext_review: 2026-09-30\n' } },
    { name: 'an explicit next_review still ahead wins over last_reviewed plus a year', files: { 'policies/a.md': approved('last_reviewed: 2025-01-10\nnext_review: 2026-09-30') } },
    { name: 'a critical vendor with a next_review ahead and no last_reviewed is not "never reviewed"', files: { 'vendors/x.yaml': vendor('critical', 'next_review: 2026-08-01\n') } },
    { name: 'reviewed within the year', files: { 'policies/a.md': approved('last_reviewed: 2025-07-02') } },
    { name: 'due exactly on as_of is not yet overdue', files: { 'policies/a.md': approved('last_reviewed: 2025-07-01') } },
    { name: 'a draft is never stale', files: { 'policies/a.md': policy('id: POL-A\ntitle: A\nstatus: draft') } },
    { name: 'a retired policy is never stale', files: { 'policies/a.md': policy('id: POL-A\ntitle: A\nstatus: retired\nlast_reviewed: 2020-01-01') } },
    { name: 'a custom interval (P2Y) is honoured', files: { 'policies/a.md': approved('last_reviewed: 2024-08-01\nreview_every: P2Y') } },
    {
      name: 'leap day + 12 months is due on Feb 28, not Mar 1',
      asOf: '2025-02-28',
      files: { 'policies/a.md': approved('last_reviewed: 2024-02-29') },
    },
    { name: 'scope reviewed this year', files: { 'scope.yaml': 'last_reviewed: 2026-01-05\n' } },
    { name: 'a critical vendor reviewed exactly a year ago is due today, not yet overdue', files: { 'vendors/x.yaml': vendor('critical', 'last_reviewed: 2025-07-01\n') } },
    { name: 'a high vendor reviewed on a leap day is due on Feb 28 and not overdue that day', asOf: '2025-02-28', files: { 'vendors/x.yaml': vendor('high', 'last_reviewed: 2024-02-29\n') } },
    { name: 'a medium vendor with no review_every has no cadence, so never-reviewed is fine', files: { 'vendors/x.yaml': vendor('medium') } },
    { name: 'a low vendor with no review_every and an old review is not stale', files: { 'vendors/x.yaml': vendor('low', 'last_reviewed: 2019-01-01\n') } },
    { name: 'a vendor\'s own longer cadence (P2Y) is honoured', files: { 'vendors/x.yaml': vendor('critical', 'last_reviewed: 2024-07-01\nreview_every: P2Y\n') } },
    {
      name: 'a last_reviewed written with an impossible date is schema-violation\'s finding, not "no last_reviewed date"',
      files: {
        'policies/a.md': approved('last_reviewed: 2026-02-30'),
        'vendors/x.yaml': vendor('critical', 'last_reviewed: 2026-02-30\n'),
        'scope.yaml': 'categories: [security]\nlast_reviewed: 2026-02-30\n',
      },
    },
  ],
  invalid: [
    {
      name: 'an explicit next_review that has passed is the due date, reported at next_review, even if last_reviewed is recent',
      files: { 'policies/a.md': approved('last_reviewed: 2026-01-10\nnext_review: 2026-06-30') },
      errors: [{ file: 'policies/a.md', line: 7, column: 14, messageId: 'nextReviewPassed', data: { record: 'Policy POL-A', due: '2026-06-30' }, message: 'Policy POL-A was due for review on 2026-06-30 (its next_review). Review it, record the date in "last_reviewed:" and set the next "next_review:".' }],
    },
    {
      name: 'a vendor and the scope with a passed next_review are reported at it',
      files: { 'vendors/x.yaml': vendor('medium', 'next_review: 2026-05-01\n'), 'scope.yaml': 'categories: [security]\nlast_reviewed: 2026-01-05\nnext_review: 2026-06-01\n' },
      errors: [
        { file: 'scope.yaml', line: 3, column: 14, messageId: 'nextReviewPassed', data: { record: 'The audit scope', due: '2026-06-01' } },
        { file: 'vendors/x.yaml', line: 4, column: 14, messageId: 'nextReviewPassed', data: { record: 'Vendor VEN-X', due: '2026-05-01' } },
      ],
    },
    {
      name: 'a comply document whose newest revision is over a year old is told to add a revision, at that revision\'s date',
      files: { 'comply.yml': 'name: Example\n', 'policies/a.md': 'name: Access\nacronym: ACP\nmajorRevisions:\n  - date: Jun 1 2025\n    comment: Review\n  - date: Jun 1 2024\n    comment: First\n---\n# Access\n' },
      errors: [{ file: 'policies/a.md', line: 4, column: 11, messageId: 'revisionOverdue', data: { policy: 'ACP', reviewed: '2025-06-01', cadence: 'annual', interval: '12 months', due: '2026-06-01' }, message: 'Policy ACP\'s newest revision is dated 2025-06-01; its annual review (every 12 months) was due on 2026-06-01. Review it and add the review to "majorRevisions:".' }],
    },
    {
      name: 'reviewed more than a year ago',
      files: { 'policies/a.md': approved('last_reviewed: 2025-06-30') },
      errors: [{ file: 'policies/a.md', line: 6, column: 16, messageId: 'policyOverdue', data: { policy: 'POL-A', reviewed: '2025-06-30', cadence: 'annual', interval: '12 months', due: '2026-06-30' }, message: 'Policy POL-A was last reviewed on 2025-06-30; its annual review (every 12 months) was due on 2026-06-30. Review it and update "last_reviewed:".' }],
    },
    {
      name: 'leap day + 12 months is overdue from Mar 1',
      asOf: '2025-03-01',
      files: { 'policies/a.md': approved('last_reviewed: 2024-02-29') },
      errors: [{ file: 'policies/a.md', line: 6, messageId: 'policyOverdue', message: 'was due on 2025-02-28' }],
    },
    {
      name: 'quarterly cadence from a month end',
      asOf: '2026-05-01',
      files: { 'policies/a.md': approved('last_reviewed: 2026-01-31\nreview_every: quarterly') },
      errors: [{ file: 'policies/a.md', line: 6, messageId: 'policyOverdue', data: { policy: 'POL-A', reviewed: '2026-01-31', cadence: 'quarterly', interval: '3 months', due: '2026-04-30' }, message: 'was due on 2026-04-30' }],
    },
    {
      name: 'approved but never reviewed, reported at the id',
      files: { 'policies/a.md': approved('') },
      errors: [{ file: 'policies/a.md', line: 2, column: 5, messageId: 'policyNeverReviewed', data: { policy: 'POL-A' }, message: 'Policy POL-A is approved but has no last_reviewed date. Review it and record the date in "last_reviewed:".' }],
    },
    {
      name: 'the scope is overdue',
      files: { 'scope.yaml': 'categories: [security]\nlast_reviewed: 2025-01-10\n' },
      errors: [{ file: 'scope.yaml', line: 2, column: 16, messageId: 'scopeOverdue', data: { reviewed: '2025-01-10', cadence: 'annual', due: '2026-01-10' }, message: 'The audit scope was last reviewed on 2025-01-10; its annual review was due on 2026-01-10. Review the systems, categories and period in scope.yaml and update "last_reviewed:".' }],
    },
    {
      name: 'a scope that was never reviewed',
      files: { 'scope.yaml': 'categories: [security]\n' },
      errors: [{ file: 'scope.yaml', line: 1, column: 1, messageId: 'scopeNeverReviewed', data: {}, message: 'The audit scope has no last_reviewed date. Review scope.yaml (systems, categories, period) and record the date in "last_reviewed:".' }],
    },
    {
      name: 'a critical vendor reviewed a year and a day ago is overdue, reported at last_reviewed',
      files: { 'vendors/x.yaml': vendor('critical', 'last_reviewed: 2025-06-30\n') },
      errors: [{ file: 'vendors/x.yaml', line: 4, column: 16, messageId: 'vendorOverdue', data: { vendor: 'VEN-X', criticality: 'critical', cadence: 'annual', reviewed: '2025-06-30', interval: '12 months', due: '2026-06-30' }, message: 'Vendor VEN-X (critical) was last reviewed on 2025-06-30; its annual review (every 12 months) was due on 2026-06-30' }],
    },
    {
      name: 'a high vendor reviewed on a leap day is overdue from Mar 1',
      asOf: '2025-03-01',
      files: { 'vendors/x.yaml': vendor('high', 'last_reviewed: 2024-02-29\n') },
      errors: [{ file: 'vendors/x.yaml', line: 4, column: 16, messageId: 'vendorOverdue', message: 'Vendor VEN-X (high) was last reviewed on 2024-02-29; its annual review (every 12 months) was due on 2025-02-28' }],
    },
    {
      name: 'a critical vendor never reviewed is reported at its id',
      files: { 'vendors/x.yaml': vendor('critical') },
      errors: [{ file: 'vendors/x.yaml', line: 1, column: 5, messageId: 'vendorNeverReviewed', data: { vendor: 'VEN-X', criticality: 'critical', cadence: 'annual' }, message: 'Vendor VEN-X (critical) has a review cycle (annual) but was never reviewed' }],
    },
    {
      name: 'a medium vendor with review_every set is held to it, from a month end',
      asOf: '2026-05-01',
      files: { 'vendors/x.yaml': vendor('medium', 'last_reviewed: 2026-01-31\nreview_every: quarterly\n') },
      errors: [{ file: 'vendors/x.yaml', line: 4, column: 16, messageId: 'vendorOverdue', message: 'Vendor VEN-X (medium) was last reviewed on 2026-01-31; its quarterly review (every 3 months) was due on 2026-04-30' }],
    },
    {
      name: 'a medium vendor with review_every set but never reviewed is reported',
      files: { 'vendors/x.yaml': vendor('medium', 'review_every: P2Y\n') },
      errors: [{ file: 'vendors/x.yaml', line: 1, column: 5, messageId: 'vendorNeverReviewed', data: { vendor: 'VEN-X', criticality: 'medium', cadence: 'P2Y' }, message: 'Vendor VEN-X (medium) has a review cycle (P2Y) but was never reviewed' }],
    },
    {
      name: 'vendors in a list are each judged, at their own lines',
      files: {
        'vendors/all.yaml':
          'vendors:\n  - id: VEN-A\n    name: A\n    criticality: high\n    last_reviewed: 2025-01-15\n  - id: VEN-B\n    name: B\n    criticality: medium\n  - id: VEN-C\n    name: C\n    criticality: critical\n',
      },
      errors: [
        { file: 'vendors/all.yaml', line: 5, column: 20, messageId: 'vendorOverdue', message: 'Vendor VEN-A (high) was last reviewed on 2025-01-15' },
        { file: 'vendors/all.yaml', line: 9, column: 9, messageId: 'vendorNeverReviewed', message: 'Vendor VEN-C (critical) has a review cycle (annual) but was never reviewed' },
      ],
    },
  ],
});
