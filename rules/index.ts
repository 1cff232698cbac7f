// The rule registry: adding a rule means adding its file (with its doc and tests) and one line here.
import type { AnyRule } from '../src/engine/rule.js';
import backdatedEvidence from './backdated-evidence.js';
import brokenEvidenceLink from './broken-evidence-link.js';
import brokenLink from './broken-link.js';
import changedSinceApproval from './changed-since-approval.js';
import departedOwner from './departed-owner.js';
import duplicateId from './duplicate-id.js';
import emptyEvidence from './empty-evidence.js';
import evidenceDateMismatch from './evidence-date-mismatch.js';
import evidenceGap from './evidence-gap.js';
import expiredWaiver from './expired-waiver.js';
import futureDate from './future-date.js';
import impossibleRecord from './impossible-record.js';
import incompletePopulation from './incomplete-population.js';
import invalidApprover from './invalid-approver.js';
import invalidDirective from './invalid-directive.js';
import invalidPeriod from './invalid-period.js';
import lateOffboarding from './late-offboarding.js';
import missingAcknowledgment from './missing-acknowledgment.js';
import missingActivity from './missing-activity.js';
import missingBackgroundCheck from './missing-background-check.js';
import missingCuecs from './missing-cuecs.js';
import missingEvidence from './missing-evidence.js';
import missingRetirementDate from './missing-retirement-date.js';
import missingOwner from './missing-owner.js';
import parseError from './parse-error.js';
import placeholderText from './placeholder-text.js';
import reusedEvidence from './reused-evidence.js';
import reviewDueSoon from './review-due-soon.js';
import schemaViolation from './schema-violation.js';
import selfApproval from './self-approval.js';
import sensitiveEvidence from './sensitive-evidence.js';
import staleEvidence from './stale-evidence.js';
import staleReview from './stale-review.js';
import trainingOverdue from './training-overdue.js';
import unapprovedPolicy from './unapproved-policy.js';
import uncoveredSystem from './uncovered-system.js';
import unknownCriterion from './unknown-criterion.js';
import unknownField from './unknown-field.js';
import unknownOwner from './unknown-owner.js';
import unknownReference from './unknown-reference.js';
import unmappedControl from './unmapped-control.js';
import unmappedCriterion from './unmapped-criterion.js';
import unreviewedChange from './unreviewed-change.js';
import untrackedEvidence from './untracked-evidence.js';
import unusedDirective from './unused-directive.js';
import unusedWaiver from './unused-waiver.js';
import vendorAssurance from './vendor-assurance.js';
import waiverTooLong from './waiver-too-long.js';

export const RULES: readonly AnyRule[] = [
  // Files and records
  parseError,
  schemaViolation,
  unknownField,
  duplicateId,
  unknownReference,
  // Criteria and scope
  unknownCriterion,
  unmappedCriterion,
  unmappedControl,
  uncoveredSystem,
  missingActivity,
  // Reviews and dates
  staleReview,
  reviewDueSoon,
  futureDate,
  invalidPeriod,
  // Evidence
  missingEvidence,
  brokenEvidenceLink,
  emptyEvidence,
  reusedEvidence,
  evidenceDateMismatch,
  staleEvidence,
  evidenceGap,
  missingRetirementDate,
  untrackedEvidence,
  backdatedEvidence,
  sensitiveEvidence,
  // Policies
  unapprovedPolicy,
  changedSinceApproval,
  placeholderText,
  brokenLink,
  // Ownership
  missingOwner,
  departedOwner,
  unknownOwner,
  invalidApprover,
  selfApproval,
  // Vendors
  vendorAssurance,
  missingCuecs,
  // People
  trainingOverdue,
  missingAcknowledgment,
  lateOffboarding,
  missingBackgroundCheck,
  impossibleRecord,
  // Populations
  incompletePopulation,
  unreviewedChange,
  // Waivers
  expiredWaiver,
  unusedWaiver,
  waiverTooLong,
  // Inline directives
  invalidDirective,
  unusedDirective,
];
