// Whether a merged change was approved, by whom and when, or why not: the one judgement that unreviewed-change
// reports and the audit request list shows. An auditor testing change management (CC8.1) asks of each sampled pull
// request for an approval by someone other than its author, given on the code that was merged: an approval followed
// by new commits approved other code. Emergency changes may be merged first and approved shortly after.
import { addDays, compareMoments, type IsoDate, type Moment } from '../core/dates.js';
import type { Change, ChangeReview } from './population.js';

export interface ChangeApprovalOptions {
  /** Logins of bots whose changes are not judged, beyond those the export marks as bots. */
  bots: readonly string[];
  /** The label of an emergency change, approved after its merge. */
  emergency_label: string;
  /** Calendar days after the merge day an emergency change may be approved on. */
  days: number;
}

export const CHANGE_APPROVAL_DEFAULTS: ChangeApprovalOptions = { bots: [], emergency_label: 'emergency', days: 2 };

/** An approval that counts: independent, on the last commit, in time. */
export interface Approval {
  by: string;
  at?: Moment;
  /** Given after the merge (an emergency change approved in time). */
  afterMerge: boolean;
}

export type ChangeApproval =
  /** By a bot: not judged. */
  | { state: 'bot' }
  | { state: 'approved'; approval: Approval; emergency: boolean }
  /** An emergency change whose approval is not yet due (`due` is the last day it may be given on). */
  | { state: 'pending'; due: IsoDate }
  | {
      state: 'unapproved';
      reason: UnapprovedReason;
      emergency: boolean;
      /** The merge time, or its day when the export gives no time. */
      merged: Moment;
      /** For an emergency change: the last day it could be approved on. */
      due?: IsoDate;
      /** The approval the reason is about: the author's own, the latest before the last commit, the first one too late. */
      approval?: ChangeReview;
    };

/**
 * Why a change counts as unapproved:
 * - `none`: no approval at all;
 * - `self`: approved only by its author;
 * - `before-last-commit`: approved by someone else, but only before its last commit;
 * - `after-merge`: approved by someone else only after its merge (a change that is not an emergency);
 * - `emergency-late`: an emergency change approved by someone else, but after the days allowed;
 * - `emergency-none`: an emergency change that the days allowed passed without an independent approval.
 */
export type UnapprovedReason = 'none' | 'self' | 'before-last-commit' | 'after-merge' | 'emergency-late' | 'emergency-none';

/**
 * Judge one change as of `asOf`. An approval is a review in state APPROVED by someone other than the author (logins
 * compared without case); when its time is known it must be at or after the last commit (when known) and at or before
 * the merge, or for an emergency change on or before the `days`-th day after the merge day. A change with no merge
 * time or date is judged as merged on its date; one with neither cannot be judged and counts as unapproved only when
 * it has no independent approval at all.
 */
export function changeApproval(change: Change, options: ChangeApprovalOptions, asOf: IsoDate): ChangeApproval {
  if (isBotChange(change, options)) return { state: 'bot' };
  const approvals = change.reviews.filter((review) => review.state === 'APPROVED');
  const independent = approvals.filter((review) => !sameLogin(review.by, change.author));
  const emergency = isEmergency(change, options);
  const merged = change.mergedAt ?? change.date;
  const due = emergency && change.date !== undefined ? addDays(change.date, options.days) : undefined;
  const onLastCommit = (review: ChangeReview) => review.at === undefined || change.lastCommitAt === undefined || compareMoments(review.at, change.lastCommitAt) >= 0;
  const inTime = (review: ChangeReview) =>
    review.at === undefined || merged === undefined || compareMoments(review.at, merged) <= 0 || (due !== undefined && compareMoments(review.at, due) <= 0);
  const counted = independent.filter((review) => onLastCommit(review) && inTime(review)).sort(byTime)[0];
  if (counted) {
    const afterMerge = counted.at !== undefined && merged !== undefined && compareMoments(counted.at, merged) > 0;
    return { state: 'approved', approval: { by: counted.by, ...(counted.at !== undefined ? { at: counted.at } : {}), afterMerge }, emergency };
  }
  if (due !== undefined && compareMoments(asOf, due) <= 0) return { state: 'pending', due };
  const unapproved = (reason: UnapprovedReason, approval?: ChangeReview): ChangeApproval => ({
    state: 'unapproved',
    reason,
    emergency,
    merged: merged ?? '',
    ...(due !== undefined ? { due } : {}),
    ...(approval ? { approval } : {}),
  });
  if (independent.length === 0) return approvals.length > 0 ? unapproved('self', approvals[0]) : unapproved(emergency ? 'emergency-none' : 'none');
  // Approved by someone else, but not in a way that counts: on code changed since, or too late.
  const stale = independent.filter((review) => !onLastCommit(review)).sort(byTime);
  if (stale.length > 0) return unapproved('before-last-commit', stale.at(-1));
  return unapproved(emergency ? 'emergency-late' : 'after-merge', [...independent].sort(byTime)[0]);
}

/** A bot's change: marked so by the export (`is_bot`, `[bot]`, `app/`), or named in the `bots` option. */
export function isBotChange(change: Change, options: Pick<ChangeApprovalOptions, 'bots'>): boolean {
  return change.authorIsBot || (change.author !== undefined && options.bots.some((bot) => sameLogin(bot, change.author)));
}

export function isEmergency(change: Change, options: Pick<ChangeApprovalOptions, 'emergency_label'>): boolean {
  return change.labels.some((label) => label.toLowerCase() === options.emergency_label.toLowerCase());
}

/** Logins and addresses compare without case; an unknown author is nobody's login. */
function sameLogin(a: string, b: string | undefined): boolean {
  return b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Earliest first; reviews without a time last. */
function byTime(a: ChangeReview, b: ChangeReview): number {
  if (a.at === undefined || b.at === undefined) return a.at === undefined ? (b.at === undefined ? 0 : 1) : -1;
  return compareMoments(a.at, b.at);
}
