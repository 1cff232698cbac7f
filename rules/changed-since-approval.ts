// A policy whose text changed in git after it was approved or last reviewed: the text in force is not the text
// management signed off, which auditors treat as an unapproved policy (CC1.3, CC5.3).
import { compareDates } from '../src/core/dates.js';
import { defineRule } from '../src/engine/rule.js';
import { WORKING_TREE } from '../src/model/types.js';

export default defineRule({
  meta: {
    id: 'changed-since-approval',
    description: 'An approved policy whose text (not only its front matter) changed in git after its approved_on or last_reviewed date.',
    defaultSeverity: 'warn',
    reads: ['policy', 'git-history'],
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
      const parts = [
        ...(uncommitted ? ['uncommitted changes to its text'] : []),
        ...(newest
          ? [`commit ${newest.commit} on ${newest.date} ("${newest.subject}"), ${commits.length === 1 ? 'the only such commit' : `${commits.length} commits in all`}`]
          : []),
      ];
      report({
        message: `Policy ${policy.id} was ${reviewedLater ? 'last reviewed' : 'approved'} on ${signoff}, but its text changed after that: ${parts.join(', and before them ')}. The text in force is not the text that was approved: have it re-approved and update approved_on.`,
        at: policy.source.at([reviewedLater ? 'last_reviewed' : 'approved_on']),
      });
    }
  },
});
