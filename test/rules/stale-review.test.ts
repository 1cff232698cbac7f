import rule from '../../rules/stale-review.js';
import { policy } from '../helpers/repo.js';
import { testRule } from '../helpers/rule-tester.js';

const approved = (extra: string) => policy(`id: POL-A\ntitle: Access\nstatus: approved\nowner: a@x.io\n${extra}`);

testRule(rule, {
  valid: [
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
  ],
  invalid: [
    {
      name: 'reviewed more than a year ago',
      files: { 'policies/a.md': approved('last_reviewed: 2025-06-30') },
      errors: [{ file: 'policies/a.md', line: 6, column: 16, message: 'was due on 2026-06-30' }],
    },
    {
      name: 'leap day + 12 months is overdue from Mar 1',
      asOf: '2025-03-01',
      files: { 'policies/a.md': approved('last_reviewed: 2024-02-29') },
      errors: [{ file: 'policies/a.md', line: 6, message: 'was due on 2025-02-28' }],
    },
    {
      name: 'quarterly cadence from a month end',
      asOf: '2026-05-01',
      files: { 'policies/a.md': approved('last_reviewed: 2026-01-31\nreview_every: quarterly') },
      errors: [{ file: 'policies/a.md', line: 6, message: 'was due on 2026-04-30' }],
    },
    {
      name: 'approved but never reviewed, reported at the id',
      files: { 'policies/a.md': approved('') },
      errors: [{ file: 'policies/a.md', line: 2, column: 5, message: 'no last_reviewed' }],
    },
    {
      name: 'the scope is overdue',
      files: { 'scope.yaml': 'categories: [security]\nlast_reviewed: 2025-01-10\n' },
      errors: [{ file: 'scope.yaml', line: 2, column: 16, message: 'audit scope was last reviewed on 2025-01-10' }],
    },
    {
      name: 'a scope that was never reviewed',
      files: { 'scope.yaml': 'categories: [security]\n' },
      errors: [{ file: 'scope.yaml', line: 1, message: 'no last_reviewed' }],
    },
  ],
});
