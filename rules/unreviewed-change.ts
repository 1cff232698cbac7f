// Changes merged without an independent approval: the exception auditors raise most often when they test change
// management (CC8.1), sampled from the program's changes population (a `gh pr list` export, docs/populations.md).
import { defineRule, ruleOptions } from '../src/engine/rule.js';
import { CHANGE_APPROVAL_DEFAULTS, changeApproval, type ChangeApprovalOptions, type UnapprovedReason } from '../src/model/changes.js';
import { compareDates } from '../src/core/dates.js';
import { changesOf } from '../src/model/population.js';
import { samplingWindow } from '../src/model/program.js';

const CHANGE = 'Change {{change}} "{{title}}" by {{author}}';
const FIX = 'Require an approving review from someone other than the author before merge (branch protection); have this change reviewed now, or record the exception with a waiver.';

const MESSAGE_IDS: Record<UnapprovedReason, 'noApproval' | 'selfApproved' | 'approvedBeforeLastCommit' | 'approvedAfterMerge' | 'emergencyLate' | 'emergencyNotApproved'> = {
  none: 'noApproval',
  self: 'selfApproved',
  'before-last-commit': 'approvedBeforeLastCommit',
  'after-merge': 'approvedAfterMerge',
  'emergency-late': 'emergencyLate',
  'emergency-none': 'emergencyNotApproved',
};

export default defineRule({
  meta: {
    id: 'unreviewed-change',
    description:
      'A change of the changes population merged in the audit period (or the last 12 months) without an approval from someone other than its author, or approved only before its last commit; bots are left out, emergency changes may be approved within days after merge.',
    defaultSeverity: 'error',
    reads: ['population', 'scope'],
    options: ruleOptions<ChangeApprovalOptions>({
      defaults: CHANGE_APPROVAL_DEFAULTS,
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          bots: { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1 } },
          emergency_label: { type: 'string', minLength: 1 },
          days: { type: 'integer', minimum: 0, maximum: 60 },
        },
      },
    }),
    messages: {
      noApproval: `${CHANGE} was merged on {{merged}} without an approving review. ${FIX}`,
      selfApproved: `${CHANGE} was merged on {{merged}} approved only by its author. ${FIX}`,
      approvedBeforeLastCommit: `${CHANGE}: its approval by {{approver}} at {{approvedAt}} predates its last commit at {{lastCommitAt}}, so the merged code was never approved. Dismiss approvals when new commits are pushed (branch protection); have this change reviewed now, or record the exception with a waiver.`,
      approvedAfterMerge: `${CHANGE} was merged on {{merged}} and approved by {{approver}} only afterwards, at {{approvedAt}}; only changes labelled "{{label}}" may be approved after merge. ${FIX}`,
      emergencyLate: `Emergency ${CHANGE}, merged on {{merged}}, was approved by {{approver}} at {{approvedAt}}, after {{due}} ({{allowed}} after the merge). Review emergency changes within {{allowed}}, or record the exception with a waiver.`,
      emergencyNotApproved: `Emergency ${CHANGE}, merged on {{merged}}, had no approval from someone other than its author by {{due}} ({{allowed}} after the merge). Have it reviewed now and record the review, or record the exception with a waiver.`,
    },
  },
  check({ model, asOf, options, report }) {
    // What an auditor samples: changes merged in the Type II period (or the last 12 months) up to the as-of date.
    const window = samplingWindow(model, asOf, 12);
    const allowed = `${options.days} day${options.days === 1 ? '' : 's'}`;
    for (const change of changesOf(model.populationFiles)) {
      if (change.date === undefined || compareDates(change.date, window.start) < 0 || compareDates(change.date, window.end) > 0) continue;
      const judged = changeApproval(change, options, asOf);
      if (judged.state !== 'unapproved') continue;
      const { approval } = judged;
      report({
        messageId: MESSAGE_IDS[judged.reason],
        data: {
          change: change.id,
          title: change.title ?? '(untitled)',
          author: change.author ?? 'an unknown author',
          merged: judged.merged,
          ...(approval ? { approver: approval.by, approvedAt: approval.at ?? 'an unknown time' } : {}),
          ...(judged.reason === 'before-last-commit' ? { lastCommitAt: change.lastCommitAt ?? '' } : {}),
          ...(judged.reason === 'after-merge' ? { label: options.emergency_label } : {}),
          ...(judged.due !== undefined ? { due: judged.due, allowed } : {}),
        },
        at: change.at,
      });
    }
  },
});
