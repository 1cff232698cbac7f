// A policy whose text changed in git after it was approved or last reviewed: the text in force is not the text
// management signed off, which auditors treat as an unapproved policy (CC1.3, CC5.3).
import { compareDates } from '../src/core/dates.js';
import { defineRule } from '../src/engine/rule.js';
import { WORKING_TREE } from '../src/model/types.js';

const APPROVED = 'Policy {{policy}} was approved on {{approvedOn}}, but its text changed after that:';
const REVIEWED = 'Policy {{policy}} was last reviewed on {{lastReviewed}}, but its text changed after that:';
const UNCOMMITTED = 'uncommitted changes to its text';
const COMMIT = 'commit {{commit}} on {{date}} ("{{subject}}"), the only such commit';
const COMMITS = 'commit {{commit}} on {{date}} ("{{subject}}"), {{count}} commits in all';
const AND_BEFORE = ', and before them ';
const FIX = '. The text in force is not the text that was approved: have it re-approved and update approved_on.';

export default defineRule({
  meta: {
    id: 'changed-since-approval',
    description: 'An approved policy whose text (not only its front matter) changed in git after its approved_on or last_reviewed date.',
    defaultSeverity: 'warn',
    reads: ['policy', 'git-history'],
    // One sentence per sign-off (approval or review) and per kind of change: uncommitted, one commit, several, or both.
    messages: {
      uncommittedSinceApproval: `${APPROVED} ${UNCOMMITTED}${FIX}`,
      commitSinceApproval: `${APPROVED} ${COMMIT}${FIX}`,
      commitsSinceApproval: `${APPROVED} ${COMMITS}${FIX}`,
      uncommittedAndCommitSinceApproval: `${APPROVED} ${UNCOMMITTED}${AND_BEFORE}${COMMIT}${FIX}`,
      uncommittedAndCommitsSinceApproval: `${APPROVED} ${UNCOMMITTED}${AND_BEFORE}${COMMITS}${FIX}`,
      uncommittedSinceReview: `${REVIEWED} ${UNCOMMITTED}${FIX}`,
      commitSinceReview: `${REVIEWED} ${COMMIT}${FIX}`,
      commitsSinceReview: `${REVIEWED} ${COMMITS}${FIX}`,
      uncommittedAndCommitSinceReview: `${REVIEWED} ${UNCOMMITTED}${AND_BEFORE}${COMMIT}${FIX}`,
      uncommittedAndCommitsSinceReview: `${REVIEWED} ${UNCOMMITTED}${AND_BEFORE}${COMMITS}${FIX}`,
    },
  },
  check({ model, asOf, report }) {
    const git = model.git;
    if (!git?.available || git.historyUnavailable) return;
    for (const policy of model.policies) {
      if (policy.status !== 'approved') continue;
      const { approvedOn, lastReviewed } = policy;
      if (approvedOn === undefined && lastReviewed === undefined) continue;
      // The later of the two sign-offs; on a tie, the approval.
      const reviewedLater = lastReviewed !== undefined && (approvedOn === undefined || compareDates(lastReviewed, approvedOn) > 0);
      const signoff = (reviewedLater ? lastReviewed : approvedOn)!;
      // Commits after as_of have not happened yet as far as this run is concerned (a pinned as_of stays reproducible).
      const after = (git.policyChanges.get(policy.source.file) ?? []).filter(
        (change) => compareDates(change.date, signoff) > 0 && (change.commit === WORKING_TREE || compareDates(change.date, asOf) <= 0),
      );
      if (after.length === 0) continue;

      const uncommitted = after.some((change) => change.commit === WORKING_TREE);
      const commits = after.filter((change) => change.commit !== WORKING_TREE);
      const newest = commits[0];
      const one = commits.length === 1;
      const changes = !newest ? 'uncommitted' : uncommitted ? (one ? 'uncommittedAndCommit' : 'uncommittedAndCommits') : one ? 'commit' : 'commits';
      const facts = { policy: policy.id, ...(reviewedLater ? { lastReviewed: signoff } : { approvedOn: signoff }) };
      report({
        messageId: reviewedLater ? `${changes}SinceReview` : `${changes}SinceApproval`,
        data: newest ? { ...facts, commit: newest.commit, date: newest.date, subject: newest.subject, count: commits.length } : facts,
        at: policy.source.at([reviewedLater ? 'last_reviewed' : 'approved_on']),
      });
    }
  },
});
