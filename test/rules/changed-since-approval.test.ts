import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/changed-since-approval.js';
import type { Finding } from '../../src/engine/finding.js';
import { lint } from '../../src/report/lint.js';
import { git, gitRepo, shallowClone } from '../helpers/git.js';
import { makeRepo, policy } from '../helpers/repo.js';
import { runRuleIn } from '../helpers/rule-tester.js';

const BODY = '# Access control\n\nAccess is reviewed every quarter.\n\nMFA is required for production.\n';
const EDITED = BODY.replace('MFA is required for production.', 'MFA is required everywhere.');
const EDITED_AGAIN = EDITED.replace('every quarter', 'every month');
const EDITED_THRICE = `${EDITED_AGAIN}\nContractors are held to the same rules.\n`;

interface Doc {
  id?: string;
  status?: string;
  owner?: string;
  approvedOn?: string;
  lastReviewed?: string;
  body?: string;
}

/**
 * A policy: `approved_on` (when set) is on line 7, column 14; `last_reviewed` on line 8, column 16 after it
 * (line 7 without an approval). The body starts on the line after the closing `---`.
 */
function doc({ id = 'POL-ACCESS', status = 'approved', owner = 'it@acme.io', approvedOn, lastReviewed, body = BODY }: Doc = {}): string {
  const fields = [`id: ${id}`, 'title: Access control', `status: ${status}`, `owner: ${owner}`];
  if (approvedOn) fields.push('approved_by: ciso@acme.io', `approved_on: ${approvedOn}`);
  if (lastReviewed) fields.push(`last_reviewed: ${lastReviewed}`);
  return policy(fields.join('\n'), body);
}

const FILE = 'policies/access.md';
const crlf = (text: string) => text.replace(/\n/g, '\r\n');
/** The abbreviated hash of a commit, as `git log --format=%h` prints it. */
const hash = (root: string, rev = 'HEAD') => git(root, ['log', '-1', '--format=%h', rev]).trim();
const show = (f: Finding) => `${f.file}:${f.line}:${f.column} ${f.messageId} ${JSON.stringify(f.data)}: ${f.message}`;

async function findings(root: string, asOf = '2026-07-01'): Promise<Finding[]> {
  return runRuleIn(rule, root, { asOf });
}

type MessageId = keyof typeof rule.meta.messages;
/** The message IDs the cases below expect; the last case checks that every one the rule declares is among them. */
const expected = new Set<string>();

function expectOne(
  found: Finding[],
  want: { file?: string; line: number; column: number; messageId: MessageId; data?: Record<string, string | number>; message: string[] },
): void {
  expected.add(want.messageId);
  expect(found.map(show)).toHaveLength(1);
  const [finding] = found;
  expect({ file: finding!.file, line: finding!.line, column: finding!.column }).toEqual({ file: want.file ?? FILE, line: want.line, column: want.column });
  expect(finding!.messageId, show(finding!)).toBe(want.messageId);
  if (want.data) expect(finding!.data, show(finding!)).toEqual(want.data);
  for (const part of want.message) expect(finding!.message).toContain(part);
  expect(finding!.severity).toBe('warn');
}

describe('changed-since-approval', () => {
  it('reports a body edited after approval at approved_on, naming the commit, its date and subject', async () => {
    const root = gitRepo([
      { date: '2026-01-02', files: { [FILE]: doc({ approvedOn: '2026-01-10' }) }, message: 'Add access policy' },
      { date: '2026-03-02', files: { [FILE]: doc({ approvedOn: '2026-01-10', body: EDITED }) }, message: 'Tighten MFA wording' },
    ]);
    expectOne(await findings(root), {
      line: 7,
      column: 14,
      messageId: 'commitSinceApproval',
      data: { policy: 'POL-ACCESS', approvedOn: '2026-01-10', commit: hash(root), date: '2026-03-02', subject: 'Tighten MFA wording', count: 1 },
      message: [
        `Policy POL-ACCESS was approved on 2026-01-10, but its text changed after that: commit ${hash(root)} on 2026-03-02 ("Tighten MFA wording"), the only such commit.`,
        'have it re-approved and update approved_on',
      ],
    });
  });

  it('ignores commits dated after as_of, so a pinned as_of gives the same answer as the history grows', async () => {
    const root = gitRepo([
      { date: '2026-01-02', files: { [FILE]: doc({ approvedOn: '2026-01-10' }) }, message: 'Add access policy' },
      { date: '2026-03-02', files: { [FILE]: doc({ approvedOn: '2026-01-10', body: EDITED }) }, message: 'Tighten MFA wording' },
    ]);
    expect(await findings(root, '2026-03-01')).toEqual([]);
    expect((await findings(root, '2026-03-02')).map(show)).toHaveLength(1);
  });

  it('names the most recent of several body-changing commits and counts them, ignoring front-matter-only commits', async () => {
    const root = gitRepo([
      { date: '2026-01-02', files: { [FILE]: doc({ approvedOn: '2026-01-10' }) } },
      { date: '2026-02-01', files: { [FILE]: doc({ approvedOn: '2026-01-10', body: EDITED }) }, message: 'Tighten MFA wording' },
      { date: '2026-03-01', files: { [FILE]: doc({ approvedOn: '2026-01-10', body: EDITED_AGAIN }) }, message: 'Monthly reviews' },
      { date: '2026-04-01', files: { [FILE]: doc({ approvedOn: '2026-01-10', body: EDITED_AGAIN, owner: 'sec@acme.io' }) }, message: 'New owner' },
    ]);
    expectOne(await findings(root), {
      line: 7,
      column: 14,
      messageId: 'commitsSinceApproval',
      data: { policy: 'POL-ACCESS', approvedOn: '2026-01-10', commit: hash(root, 'HEAD~1'), date: '2026-03-01', subject: 'Monthly reviews', count: 2 },
      message: [`commit ${hash(root, 'HEAD~1')} on 2026-03-01 ("Monthly reviews"), 2 commits in all.`],
    });
  });

  it('does not report a policy whose front matter alone changed after approval (a new owner)', async () => {
    const root = gitRepo([
      { date: '2026-01-10', files: { [FILE]: doc({ approvedOn: '2026-01-10' }) } },
      { date: '2026-03-02', files: { [FILE]: doc({ approvedOn: '2026-01-10', owner: 'sec@acme.io' }) } },
    ]);
    expect((await findings(root)).map(show)).toEqual([]);
  });

  it('does not report a commit that changes only whitespace in the body (rewrapped, trailing spaces, CRLF), nor an uncommitted one', async () => {
    const rewrapped = BODY.replace('Access is reviewed every quarter.', 'Access is reviewed\nevery quarter.   ').replace('\n\nMFA', '\n\n\nMFA');
    const root = gitRepo([
      { date: '2026-01-10', files: { [FILE]: doc({ approvedOn: '2026-01-10' }) } },
      { date: '2026-03-02', files: { [FILE]: doc({ approvedOn: '2026-01-10', body: rewrapped }) }, message: 'Rewrap' },
      { date: '2026-04-02', files: { [FILE]: crlf(doc({ approvedOn: '2026-01-10', body: rewrapped })) }, message: 'CRLF' },
    ]);
    writeFileSync(join(root, FILE), doc({ approvedOn: '2026-01-10', body: `${BODY}\n\n` }));
    expect((await findings(root)).map(show)).toEqual([]);
  });

  it('reports a whitespace commit that also changes a word, as one change', async () => {
    const root = gitRepo([
      { date: '2026-01-10', files: { [FILE]: doc({ approvedOn: '2026-01-10' }) } },
      { date: '2026-03-02', files: { [FILE]: doc({ approvedOn: '2026-01-10', body: BODY.replace('every quarter.', 'every\nquarter.') }) }, message: 'Rewrap' },
      { date: '2026-04-02', files: { [FILE]: doc({ approvedOn: '2026-01-10', body: BODY.replace('every quarter.', 'every\nmonth.') }) }, message: 'Monthly' },
    ]);
    expectOne(await findings(root), { line: 7, column: 14, messageId: 'commitSinceApproval', message: [`commit ${hash(root)} on 2026-04-02 ("Monthly")`] });
  });

  it('does not report updating last_reviewed in the front matter after approval', async () => {
    const root = gitRepo([
      { date: '2026-01-10', files: { [FILE]: doc({ approvedOn: '2026-01-10' }) } },
      { date: '2026-06-15', files: { [FILE]: doc({ approvedOn: '2026-01-10', lastReviewed: '2026-06-15' }) }, message: 'Annual review' },
    ]);
    expect((await findings(root)).map(show)).toEqual([]);
  });

  it('does not report a body edited before approval then approved, while the same commit counts for a policy approved earlier', async () => {
    const other = 'policies/other.md';
    const root = gitRepo([
      { date: '2025-11-01', files: { [FILE]: doc({ status: 'draft' }), [other]: doc({ id: 'POL-OTHER', approvedOn: '2025-12-01' }) } },
      { date: '2026-01-05', files: { [FILE]: doc({ status: 'draft', body: EDITED }), [other]: doc({ id: 'POL-OTHER', approvedOn: '2025-12-01', body: EDITED }) }, message: 'Edit both' },
      { date: '2026-01-10', files: { [FILE]: doc({ approvedOn: '2026-01-10', body: EDITED }) }, message: 'Approve access policy' },
    ]);
    expectOne(await findings(root), { file: other, line: 7, column: 14, messageId: 'commitSinceApproval', message: ['Policy POL-OTHER was approved on 2025-12-01', 'on 2026-01-05 ("Edit both")'] });
  });

  it('does not report a body edit on the approval date itself (only strictly after counts)', async () => {
    const root = gitRepo([
      { date: '2026-01-02', files: { [FILE]: doc({ status: 'draft' }) } },
      { date: '2026-01-10', files: { [FILE]: doc({ approvedOn: '2026-01-10', body: EDITED }) }, message: 'Final edits and approval' },
    ]);
    expect((await findings(root)).map(show)).toEqual([]);
  });

  it('reports a body edit one day after the approval date, across a month end', async () => {
    const root = gitRepo([
      { date: '2026-01-02', files: { [FILE]: doc({ approvedOn: '2026-01-31' }) } },
      { date: '2026-02-01', files: { [FILE]: doc({ approvedOn: '2026-01-31', body: EDITED }) }, message: 'Next day' },
    ]);
    expectOne(await findings(root), { line: 7, column: 14, messageId: 'commitSinceApproval', message: ['approved on 2026-01-31', 'on 2026-02-01 ("Next day")'] });
  });

  it('reports a body edit the day after a leap day approval', async () => {
    const root = gitRepo([
      { date: '2024-02-01', files: { [FILE]: doc({ approvedOn: '2024-02-29' }) } },
      { date: '2024-03-01', files: { [FILE]: doc({ approvedOn: '2024-02-29', body: EDITED }) }, message: 'After leap day' },
    ]);
    expectOne(await findings(root, '2024-06-01'), { line: 7, column: 14, messageId: 'commitSinceApproval', message: ['approved on 2024-02-29', 'on 2024-03-01 ("After leap day")'] });
  });

  it('judges against last_reviewed when it is later than approved_on, and reports at last_reviewed', async () => {
    const reviewed = { approvedOn: '2025-09-01', lastReviewed: '2026-02-15' };
    const root = gitRepo([
      { date: '2025-09-01', files: { [FILE]: doc(reviewed) } },
      { date: '2026-01-20', files: { [FILE]: doc({ ...reviewed, body: EDITED }) }, message: 'Reviewed in this cycle' },
      { date: '2026-03-03', files: { [FILE]: doc({ ...reviewed, body: EDITED_AGAIN }) }, message: 'After the review' },
    ]);
    expectOne(await findings(root), {
      line: 8,
      column: 16,
      messageId: 'commitSinceReview',
      data: { policy: 'POL-ACCESS', lastReviewed: '2026-02-15', commit: hash(root), date: '2026-03-03', subject: 'After the review', count: 1 },
      message: ['Policy POL-ACCESS was last reviewed on 2026-02-15', `commit ${hash(root)} on 2026-03-03 ("After the review"), the only such commit`],
    });
  });

  it('does not report a change made before a later last_reviewed date', async () => {
    const reviewed = { approvedOn: '2025-09-01', lastReviewed: '2026-02-15' };
    const root = gitRepo([
      { date: '2025-09-01', files: { [FILE]: doc(reviewed) } },
      { date: '2026-01-20', files: { [FILE]: doc({ ...reviewed, body: EDITED }) } },
    ]);
    expect((await findings(root)).map(show)).toEqual([]);
  });

  it('reports uncommitted body changes as such', async () => {
    const root = gitRepo([{ date: '2026-01-10', files: { [FILE]: doc({ approvedOn: '2026-01-10' }) } }], { [FILE]: doc({ approvedOn: '2026-01-10', body: EDITED }) });
    expectOne(await findings(root), {
      line: 7,
      column: 14,
      messageId: 'uncommittedSinceApproval',
      data: { policy: 'POL-ACCESS', approvedOn: '2026-01-10' },
      message: ['Policy POL-ACCESS was approved on 2026-01-10, but its text changed after that: uncommitted changes to its text.'],
    });
  });

  it('reports staged body changes as uncommitted', async () => {
    const root = gitRepo([{ date: '2026-01-10', files: { [FILE]: doc({ approvedOn: '2026-01-10' }) } }], { [FILE]: doc({ approvedOn: '2026-01-10', body: EDITED }) });
    git(root, ['add', FILE]);
    expectOne(await findings(root), { line: 7, column: 14, messageId: 'uncommittedSinceApproval', message: ['uncommitted changes to its text'] });
  });

  it('reports uncommitted changes first and then the newest commit when there are both', async () => {
    const root = gitRepo(
      [
        { date: '2026-01-10', files: { [FILE]: doc({ approvedOn: '2026-01-10' }) } },
        { date: '2026-03-02', files: { [FILE]: doc({ approvedOn: '2026-01-10', body: EDITED }) }, message: 'Tighten MFA wording' },
      ],
      { [FILE]: doc({ approvedOn: '2026-01-10', body: EDITED_AGAIN }) },
    );
    expectOne(await findings(root), {
      line: 7,
      column: 14,
      messageId: 'uncommittedAndCommitSinceApproval',
      data: { policy: 'POL-ACCESS', approvedOn: '2026-01-10', commit: hash(root), date: '2026-03-02', subject: 'Tighten MFA wording', count: 1 },
      message: [`uncommitted changes to its text, and before them commit ${hash(root)} on 2026-03-02 ("Tighten MFA wording"), the only such commit.`],
    });
  });

  it('counts the commits after uncommitted changes when there are several', async () => {
    const root = gitRepo(
      [
        { date: '2026-01-10', files: { [FILE]: doc({ approvedOn: '2026-01-10' }) } },
        { date: '2026-02-01', files: { [FILE]: doc({ approvedOn: '2026-01-10', body: EDITED }) }, message: 'Tighten MFA wording' },
        { date: '2026-03-02', files: { [FILE]: doc({ approvedOn: '2026-01-10', body: EDITED_AGAIN }) }, message: 'Monthly reviews' },
      ],
      { [FILE]: doc({ approvedOn: '2026-01-10', body: EDITED_THRICE }) },
    );
    expectOne(await findings(root), {
      line: 7,
      column: 14,
      messageId: 'uncommittedAndCommitsSinceApproval',
      data: { policy: 'POL-ACCESS', approvedOn: '2026-01-10', commit: hash(root), date: '2026-03-02', subject: 'Monthly reviews', count: 2 },
      message: [`uncommitted changes to its text, and before them commit ${hash(root)} on 2026-03-02 ("Monthly reviews"), 2 commits in all.`],
    });
  });

  describe('after a review later than the approval, each kind of change is reported against last_reviewed', () => {
    const reviewed = { approvedOn: '2025-09-01', lastReviewed: '2026-02-15' };
    const signed = { date: '2025-09-01', files: { [FILE]: doc(reviewed) } };
    const edit = (date: string, body: string, message: string) => ({ date, files: { [FILE]: doc({ ...reviewed, body }) }, message });
    const uncommitted = { [FILE]: doc({ ...reviewed, body: EDITED_THRICE }) };
    const cases = [
      { name: 'uncommitted changes', commits: [], uncommitted, messageId: 'uncommittedSinceReview', text: 'changed after that: uncommitted changes to its text.' },
      {
        name: 'several commits',
        commits: [edit('2026-03-03', EDITED, 'Reword MFA'), edit('2026-04-01', EDITED_AGAIN, 'Monthly reviews')],
        uncommitted: {},
        messageId: 'commitsSinceReview',
        text: '("Monthly reviews"), 2 commits in all.',
      },
      {
        name: 'uncommitted changes and a commit',
        commits: [edit('2026-04-01', EDITED_AGAIN, 'Monthly reviews')],
        uncommitted,
        messageId: 'uncommittedAndCommitSinceReview',
        text: 'uncommitted changes to its text, and before them commit',
      },
      {
        name: 'uncommitted changes and several commits',
        commits: [edit('2026-03-03', EDITED, 'Reword MFA'), edit('2026-04-01', EDITED_AGAIN, 'Monthly reviews')],
        uncommitted,
        messageId: 'uncommittedAndCommitsSinceReview',
        text: '("Monthly reviews"), 2 commits in all.',
      },
    ] as const;
    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, { commits, uncommitted: files, messageId, text }) => {
      const root = gitRepo([signed, ...commits], files);
      const newest: Record<string, string | number> = commits.length ? { commit: hash(root), date: '2026-04-01', subject: 'Monthly reviews', count: commits.length } : {};
      expectOne(await findings(root), {
        line: 8,
        column: 16,
        messageId,
        data: { policy: 'POL-ACCESS', lastReviewed: '2026-02-15', ...newest },
        message: ['Policy POL-ACCESS was last reviewed on 2026-02-15, but its text changed after that: ', text],
      });
    });
  });

  it('does not report uncommitted front matter edits', async () => {
    const root = gitRepo([{ date: '2026-01-10', files: { [FILE]: doc({ approvedOn: '2026-01-10' }) } }], { [FILE]: doc({ approvedOn: '2026-01-10', lastReviewed: '2026-06-30' }) });
    expect((await findings(root)).map(show)).toEqual([]);
  });

  it('finds a policy in a subfolder of a program that is itself a subfolder of the git repository', async () => {
    const file = 'compliance/policies/security/access.md';
    const root = gitRepo([
      { date: '2026-01-10', files: { [file]: doc({ approvedOn: '2026-01-10' }), 'compliance/scope.yaml': 'categories: [security]\n', 'README.md': '# Monorepo\n' } },
      { date: '2026-03-02', files: { [file]: doc({ approvedOn: '2026-01-10', body: EDITED }) }, message: 'Tighten MFA wording' },
    ]);
    expectOne(await findings(join(root, 'compliance')), { file: 'policies/security/access.md', line: 7, column: 14, messageId: 'commitSinceApproval', message: [`commit ${hash(root)} on 2026-03-02`] });
  });

  it("uses the commit's own calendar date in its time zone: 2026-03-01T23:30-08:00 is 2026-03-01, not after an approval on that day", async () => {
    const root = gitRepo([
      { date: '2026-02-01', files: { [FILE]: doc({ approvedOn: '2026-03-01' }) } },
      { date: '2026-03-01T23:30:00-08:00', files: { [FILE]: doc({ approvedOn: '2026-03-01', body: EDITED }) }, message: 'Late evening in California' },
    ]);
    expect((await findings(root)).map(show)).toEqual([]);
  });

  it('reports the same late-evening commit as 2026-03-01 (not the UTC 2026-03-02) when approval was the day before', async () => {
    const root = gitRepo([
      { date: '2026-02-01', files: { [FILE]: doc({ approvedOn: '2026-02-28' }) } },
      { date: '2026-03-01T23:30:00-08:00', files: { [FILE]: doc({ approvedOn: '2026-02-28', body: EDITED }) }, message: 'Late evening in California' },
    ]);
    expectOne(await findings(root), { line: 7, column: 14, messageId: 'commitSinceApproval', message: ['on 2026-03-01 ("Late evening in California")'] });
  });

  it('reports an early-morning commit east of UTC (2026-03-02T00:30+14:00, UTC 2026-03-01) as after an approval on 2026-03-01', async () => {
    const root = gitRepo([
      { date: '2026-02-01', files: { [FILE]: doc({ approvedOn: '2026-03-01' }) } },
      { date: '2026-03-02T00:30:00+14:00', files: { [FILE]: doc({ approvedOn: '2026-03-01', body: EDITED }) }, message: 'Early in Kiribati' },
    ]);
    expectOne(await findings(root), { line: 7, column: 14, messageId: 'commitSinceApproval', message: ['on 2026-03-02 ("Early in Kiribati")'] });
  });

  it('does not report a policy file created after its approval date (its creation is the baseline)', async () => {
    const root = gitRepo([
      { date: '2026-01-02', files: { 'README.md': '# Compliance\n' } },
      { date: '2026-03-01', files: { [FILE]: doc({ approvedOn: '2026-01-10' }) }, message: 'Import approved policy from the GRC tool' },
    ]);
    expect((await findings(root)).map(show)).toEqual([]);
  });

  it('reports a body edit made after a policy was created after its approval, counting only the edit', async () => {
    const root = gitRepo([
      { date: '2026-03-01', files: { [FILE]: doc({ approvedOn: '2026-01-10' }) }, message: 'Import' },
      { date: '2026-04-01', files: { [FILE]: doc({ approvedOn: '2026-01-10', body: EDITED }) }, message: 'Edit after import' },
    ]);
    expectOne(await findings(root), { line: 7, column: 14, messageId: 'commitSinceApproval', message: [`commit ${hash(root)} on 2026-04-01 ("Edit after import"), the only such commit`] });
  });

  it('reports a CRLF policy whose body was edited, and not one whose front matter alone was', async () => {
    const other = 'policies/other.md';
    const root = gitRepo([
      { date: '2026-01-10', files: { [FILE]: crlf(doc({ approvedOn: '2026-01-10' })), [other]: crlf(doc({ id: 'POL-OTHER', approvedOn: '2026-01-10' })) } },
      { date: '2026-03-02', files: { [FILE]: crlf(doc({ approvedOn: '2026-01-10', body: EDITED })), [other]: crlf(doc({ id: 'POL-OTHER', approvedOn: '2026-01-10', owner: 'sec@acme.io' })) }, message: 'CRLF edits' },
    ]);
    expectOne(await findings(root), { line: 7, column: 14, messageId: 'commitSinceApproval', message: ['Policy POL-ACCESS', `commit ${hash(root)} on 2026-03-02 ("CRLF edits")`] });
  });

  it('ignores drafts and retired policies, and approved policies with neither approved_on nor last_reviewed', async () => {
    const root = gitRepo([
      { date: '2026-01-01', files: { 'policies/d.md': doc({ id: 'POL-D', status: 'draft' }), 'policies/r.md': doc({ id: 'POL-R', status: 'retired', approvedOn: '2025-01-01' }), 'policies/n.md': doc({ id: 'POL-N' }), 'policies/x.md': doc({ id: 'POL-X', approvedOn: '2025-12-01' }) } },
      {
        date: '2026-03-01',
        files: { 'policies/d.md': doc({ id: 'POL-D', status: 'draft', body: EDITED }), 'policies/r.md': doc({ id: 'POL-R', status: 'retired', approvedOn: '2025-01-01', body: EDITED }), 'policies/n.md': doc({ id: 'POL-N', body: EDITED }), 'policies/x.md': doc({ id: 'POL-X', approvedOn: '2025-12-01', body: EDITED }) },
      },
    ]);
    // POL-X proves the commit is seen; the other three are skipped by status or for want of a sign-off date.
    expect((await findings(root)).map((f) => f.file)).toEqual(['policies/x.md']);
  });

  it('does not run on a shallow clone: no crash, no findings, and lint() says why', async () => {
    const source = gitRepo([
      { date: '2026-01-10', files: { [FILE]: doc({ approvedOn: '2026-01-10' }) } },
      { date: '2026-03-02', files: { [FILE]: doc({ approvedOn: '2026-01-10', body: EDITED }) } },
    ]);
    const clone = shallowClone(source);
    // Even an uncommitted edit is not judged: the history the rule needs is not there.
    writeFileSync(join(clone, FILE), doc({ approvedOn: '2026-01-10', body: EDITED_AGAIN }));
    expect((await findings(clone)).map(show)).toEqual([]);
    const result = await lint({ root: clone, rules: [rule], now: '2026-07-01' });
    expect(result.findings.map(show)).toEqual([]);
    expect(result.notices.join('\n')).toMatch(/skipped changed-since-approval: .*shallow/);
  });

  it('does not run outside a git repository: no findings, and lint() says it is not a git repository', async () => {
    const root = makeRepo({ [FILE]: doc({ approvedOn: '2026-01-10', body: EDITED }) });
    expect((await findings(root)).map(show)).toEqual([]);
    const result = await lint({ root, rules: [rule], now: '2026-07-01' });
    expect(result.findings.map(show)).toEqual([]);
    expect(result.notices.join('\n')).toMatch(/skipped changed-since-approval: .*not in a git repository/);
  });

  // The cases below exercise src/git/facts.ts, which this rule trusts. Each expects the correct behaviour and fails
  // while loadGitFacts gets it wrong; the comment in each says why.
  describe('git facts the rule relies on', () => {
    it('does not crash in a repository without commits yet (git init, then lint before the first commit)', async () => {
      // `rev-parse --verify --quiet HEAD` fails with no stderr, which simple-git resolves; `diff HEAD` then throws.
      const root = gitRepo([], { [FILE]: doc({ approvedOn: '2026-01-10' }) });
      expect((await findings(root)).map(show)).toEqual([]);
    });

    it('reports deleting a body line that starts with "-- " (an SQL comment in a code block)', async () => {
      // parsePatches reads the removed line `--- remove leavers` as a file header, so the hunk loses its old line.
      const sql = `${BODY}\n\`\`\`sql\n-- remove leavers\nREVOKE ALL ON prod FROM leaver;\n\`\`\`\n`;
      const root = gitRepo([
        { date: '2026-01-10', files: { [FILE]: doc({ approvedOn: '2026-01-10', body: sql }) } },
        { date: '2026-03-02', files: { [FILE]: doc({ approvedOn: '2026-01-10', body: sql.replace('-- remove leavers\n', '') }) }, message: 'Drop comment' },
      ]);
      expectOne(await findings(root), { line: 7, column: 14, messageId: 'commitSinceApproval', message: [`commit ${hash(root)} on 2026-03-02 ("Drop comment")`] });
    });

    it('reports adding a body line that starts with "++ "', async () => {
      // parsePatches reads the added line `+++ Also ...` as a file header and renames the patch away from the policy.
      const root = gitRepo([
        { date: '2026-01-10', files: { [FILE]: doc({ approvedOn: '2026-01-10' }) } },
        { date: '2026-03-02', files: { [FILE]: doc({ approvedOn: '2026-01-10', body: `${BODY}\n++ Also applies to contractors.\n` }) }, message: 'Add line' },
      ]);
      expectOne(await findings(root), { line: 7, column: 14, messageId: 'commitSinceApproval', message: [`commit ${hash(root)} on 2026-03-02 ("Add line")`] });
    });

    it('reports uncommitted changes when the user has diff.mnemonicPrefix set', async () => {
      // `git diff HEAD` then prints `+++ w/policies/...`; only a `b/` prefix is stripped.
      const root = gitRepo([{ date: '2026-01-10', files: { [FILE]: doc({ approvedOn: '2026-01-10' }) } }], { [FILE]: doc({ approvedOn: '2026-01-10', body: EDITED }) });
      git(root, ['config', 'diff.mnemonicPrefix', 'true']);
      expectOne(await findings(root), { line: 7, column: 14, messageId: 'uncommittedSinceApproval', message: ['uncommitted changes to its text'] });
    });

    it('reports changes in a program subfolder when the user has diff.relative set', async () => {
      // Paths then come relative to the program folder and no longer start with the rev-parse prefix.
      const file = 'compliance/policies/access.md';
      const root = gitRepo([
        { date: '2026-01-10', files: { [file]: doc({ approvedOn: '2026-01-10' }) } },
        { date: '2026-03-02', files: { [file]: doc({ approvedOn: '2026-01-10', body: EDITED }) }, message: 'Tighten MFA wording' },
      ]);
      git(root, ['config', 'diff.relative', 'true']);
      expectOne(await findings(join(root, 'compliance')), { line: 7, column: 14, messageId: 'commitSinceApproval', message: [`commit ${hash(root)} on 2026-03-02`] });
    });

    it('reports a body change merged into the main line after approval, though the branch commit is older', async () => {
      // `git log -p` shows no diff for a merge commit, and the branch commit carries its own, older date; the main line's
      // history (--first-parent --diff-merges=first-parent) dates the change at the merge.
      const root = gitRepo([{ date: '2026-01-02', files: { [FILE]: doc({ status: 'draft' }) } }]);
      const on = (date: string) => ({ GIT_AUTHOR_DATE: `${date}T12:00:00+00:00`, GIT_COMMITTER_DATE: `${date}T12:00:00+00:00` });
      git(root, ['checkout', '-q', '-b', 'reword']);
      writeFileSync(join(root, FILE), doc({ status: 'draft', body: EDITED }));
      git(root, ['commit', '-q', '-am', 'Tighten MFA wording'], on('2026-01-05'));
      git(root, ['checkout', '-q', 'main']);
      writeFileSync(join(root, FILE), doc({ approvedOn: '2026-01-10' }));
      git(root, ['commit', '-q', '-am', 'Approve access policy'], on('2026-01-10'));
      git(root, ['merge', '-q', '--no-ff', '-m', 'Merge branch reword', 'reword'], on('2026-03-01'));
      // The text in force on main since 2026-03-01 is the reworded one, which was never approved.
      expectOne(await findings(root), { line: 7, column: 14, messageId: 'commitSinceApproval', message: ['2026-03-01'] });
    });
  });

  it('exercises every message the rule declares', () => {
    expect(Object.keys(rule.meta.messages).filter((id) => !expected.has(id)), 'messages no case expects').toEqual([]);
  });
});
