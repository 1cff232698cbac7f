// unreviewed-change: every change of the period approved by someone other than its author, on its last commit, before
// merge (or, for an emergency change, within the days allowed after it). Bots are left out.
import rule from '../../rules/unreviewed-change.js';
import { testRule } from '../helpers/rule-tester.js';

const HEADER = 'id,date,author,approver,approved_at,title,labels,last_commit_at';
/** A plain changes CSV: one change a row, the first on line 2. */
const csv = (...rows: string[]) => ({ 'populations/changes.csv': [HEADER, ...rows].join('\n') + '\n' });

const TYPE2 = 'categories: [security]\naudit:\n  type: type2\n  period: { start: 2026-01-01, end: 2026-06-30 }\n';

/** A pull request as `gh pr list --json number,title,author,mergedAt,mergedBy,reviews,commits,labels,baseRefName` writes it. */
function pr(number: number, fields: { author?: string; isBot?: boolean; mergedAt?: string; commits?: string[]; reviews?: [string, string, string][]; labels?: string[] }) {
  return {
    author: { is_bot: fields.isBot ?? false, login: fields.author ?? 'alice' },
    baseRefName: 'main',
    commits: (fields.commits ?? ['2026-03-02T09:00:00Z']).map((at, i) => ({ authoredDate: at, committedDate: at, oid: `c${i}` })),
    labels: (fields.labels ?? []).map((name) => ({ name })),
    mergedAt: fields.mergedAt ?? '2026-03-02T15:00:00Z',
    mergedBy: { login: fields.author ?? 'alice' },
    number,
    reviews: (fields.reviews ?? []).map(([login, state, submittedAt]) => ({ author: { login }, state, submittedAt })),
    title: `Change ${number}`,
  };
}

/** A gh export, pretty-printed as `jq .` writes it: a pull request's number is on its line 20 with one commit, 25 with two. */
const gh = (...prs: ReturnType<typeof pr>[]) => ({ 'populations/changes.json': JSON.stringify(prs, null, 2) + '\n' });

testRule(rule, {
  valid: [
    { name: 'approved by someone else after the last commit and before the merge', files: csv('#1,2026-03-02T15:00:00Z,alice,bob,2026-03-02T11:00:00Z,Add SSO,,2026-03-02T10:00:00Z') },
    { name: 'an approver without a time counts (a plain CSV often has none)', files: csv('#1,2026-03-02,alice,bob,,Add SSO,,') },
    { name: 'approved on the merge day, when the export gives days only', files: csv('#1,2026-03-02,alice,bob,2026-03-02,Add SSO,,2026-03-02') },
    { name: 'a bot whose login ends in [bot] is left out', files: csv('#1,2026-03-02,depbump[bot],,,Bump pg,,') },
    { name: 'a bot the export marks is_bot is left out', files: gh(pr(7, { author: 'app/depbump', isBot: true })) },
    { name: 'a login in the bots option is left out, whatever its case', options: { bots: ['release-robot'] }, files: csv('#1,2026-03-02,Release-Robot,,,Release 2.3,,') },
    { name: 'an emergency change approved the next day', files: csv('#1,2026-03-02T22:00:00Z,alice,bob,2026-03-03T09:00:00Z,Hotfix,emergency,2026-03-02T21:50:00Z') },
    { name: 'an emergency change approved on the last day allowed', files: csv('#1,2026-03-02T22:00:00Z,alice,bob,2026-03-04T23:59:00Z,Hotfix,Emergency,') },
    { name: 'an emergency change not yet approved, the days allowed not over', asOf: '2026-07-01', files: csv('#1,2026-06-30,alice,,,Hotfix,emergency,') },
    { name: 'the emergency label is an option', options: { emergency_label: 'hotfix' }, files: csv('#1,2026-03-02,alice,bob,2026-03-03,Hotfix,hotfix,') },
    { name: 'merged before the Type II period: not judged', files: { 'scope.yaml': TYPE2, ...csv('#1,2025-12-31,alice,,,Old change,,') } },
    { name: 'merged after the as-of date: not judged yet', asOf: '2026-03-01', files: csv('#1,2026-03-02,alice,,,Tomorrow,,') },
    { name: 'with no Type II period, merged more than 12 months before as_of: not judged', asOf: '2026-07-01', files: csv('#1,2025-06-30,alice,,,Old change,,') },
    { name: 'a change without a date cannot be placed in the period (incomplete-population reports it)', files: csv('#1,,alice,,,Undated,,') },
    { name: 'only files named changes hold changes', files: { 'populations/deploys.csv': [HEADER, '#1,2026-03-02,alice,,,Deploy,,'].join('\n') } },
    {
      name: 'gh: changes requested, then approved after the fix',
      files: gh(
        pr(9, {
          commits: ['2026-03-01T09:00:00Z', '2026-03-02T10:00:00Z'],
          reviews: [
            ['bob', 'CHANGES_REQUESTED', '2026-03-01T12:00:00Z'],
            ['bob', 'APPROVED', '2026-03-02T11:00:00Z'],
          ],
        }),
      ),
    },
    { name: 'gh: one stale approval, then a second approval on the last commit', files: gh(pr(9, { commits: ['2026-03-02T10:00:00Z'], reviews: [['bob', 'APPROVED', '2026-03-02T09:00:00Z'], ['carol', 'APPROVED', '2026-03-02T12:00:00Z']] })) },
  ],
  invalid: [
    {
      name: 'no approval at all: reported at the change, naming it',
      files: csv('#101,2026-03-02T15:00:00Z,alice,,,Add SSO,,'),
      errors: [
        {
          file: 'populations/changes.csv',
          line: 2,
          column: 1,
          messageId: 'noApproval',
          data: { change: '#101', title: 'Add SSO', author: 'alice', merged: '2026-03-02T15:00:00Z' },
          message: 'Change #101 "Add SSO" by alice was merged on 2026-03-02T15:00:00Z without an approving review.',
        },
      ],
    },
    {
      name: 'approved only by its author, whatever the case of the login',
      files: csv('#1,2026-03-02,alice,bob,2026-03-02,Fine,,', '#102,2026-03-03,alice,Alice,2026-03-03,Self-approved,,'),
      errors: [{ file: 'populations/changes.csv', line: 3, messageId: 'selfApproved', data: { change: '#102', title: 'Self-approved', author: 'alice', merged: '2026-03-03', approver: 'Alice', approvedAt: '2026-03-03' } }],
    },
    {
      name: 'gh: the only approval predates the last commit; reported at the line of its number',
      files: gh(pr(9, { commits: ['2026-03-02T09:00:00Z', '2026-03-02T13:00:00Z'], reviews: [['bob', 'APPROVED', '2026-03-02T12:00:00Z']] })),
      errors: [
        {
          file: 'populations/changes.json',
          line: 25,
          column: 5,
          messageId: 'approvedBeforeLastCommit',
          data: { change: '#9', title: 'Change 9', author: 'alice', merged: '2026-03-02T15:00:00Z', approver: 'bob', approvedAt: '2026-03-02T12:00:00Z', lastCommitAt: '2026-03-02T13:00:00Z' },
          message: 'its approval by bob at 2026-03-02T12:00:00Z predates its last commit at 2026-03-02T13:00:00Z',
        },
      ],
    },
    {
      name: 'gh: comments and requested changes are no approval',
      files: gh(pr(9, { reviews: [['bob', 'COMMENTED', '2026-03-02T10:00:00Z'], ['carol', 'CHANGES_REQUESTED', '2026-03-02T11:00:00Z']] })),
      errors: [{ file: 'populations/changes.json', line: 20, messageId: 'noApproval' }],
    },
    {
      name: 'approved by someone else only after the merge, with no emergency label',
      files: csv('#103,2026-03-02T15:00:00Z,alice,bob,2026-03-02T16:00:00Z,Late review,,'),
      errors: [
        {
          file: 'populations/changes.csv',
          line: 2,
          messageId: 'approvedAfterMerge',
          data: { change: '#103', title: 'Late review', author: 'alice', merged: '2026-03-02T15:00:00Z', approver: 'bob', approvedAt: '2026-03-02T16:00:00Z', label: 'emergency' },
        },
      ],
    },
    {
      name: 'an emergency change approved after the days allowed',
      files: csv('#104,2026-03-02T22:00:00Z,alice,bob,2026-03-05T08:00:00Z,Hotfix,emergency;incident,'),
      errors: [
        {
          file: 'populations/changes.csv',
          line: 2,
          messageId: 'emergencyLate',
          data: { change: '#104', title: 'Hotfix', author: 'alice', merged: '2026-03-02T22:00:00Z', approver: 'bob', approvedAt: '2026-03-05T08:00:00Z', due: '2026-03-04', allowed: '2 days' },
          message: 'Emergency Change #104 "Hotfix" by alice, merged on 2026-03-02T22:00:00Z, was approved by bob at 2026-03-05T08:00:00Z, after 2026-03-04 (2 days after the merge).',
        },
      ],
    },
    {
      name: 'an emergency change never approved, once the days allowed are over',
      asOf: '2026-07-01',
      files: csv('#105,2026-06-28,alice,,,Hotfix,emergency,'),
      errors: [{ file: 'populations/changes.csv', line: 2, messageId: 'emergencyNotApproved', data: { change: '#105', title: 'Hotfix', author: 'alice', merged: '2026-06-28', due: '2026-06-30', allowed: '2 days' } }],
    },
    {
      name: 'days: 1 allows an approval up to the day after the merge, said in the singular',
      options: { days: 1 },
      files: csv('#106,2026-03-02,alice,bob,2026-03-04,Hotfix,emergency,'),
      errors: [{ file: 'populations/changes.csv', line: 2, messageId: 'emergencyLate', message: 'after 2026-03-03 (1 day after the merge)' }],
    },
    {
      name: 'inside the Type II period, up to as_of: judged; a bot in the same file is not',
      files: { 'scope.yaml': TYPE2, ...csv('#1,2026-01-01,alice,,,First day,,', '#2,2026-01-02,depbump[bot],,,Bump,,', '#3,2026-06-30,bob,,,Last day,,') },
      errors: [
        { file: 'populations/changes.csv', line: 2, messageId: 'noApproval' },
        { file: 'populations/changes.csv', line: 4, messageId: 'noApproval' },
      ],
    },
  ],
});
