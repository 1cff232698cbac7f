// The rule registry: adding a rule means adding its file (with its doc and tests) and one line here.
import type { AnyRule } from '../src/engine/rule.js';
import brokenEvidenceLink from './broken-evidence-link.js';
import duplicateId from './duplicate-id.js';
import futureDate from './future-date.js';
import missingEvidence from './missing-evidence.js';
import missingOwner from './missing-owner.js';
import parseError from './parse-error.js';
import reviewDueSoon from './review-due-soon.js';
import schemaViolation from './schema-violation.js';
import staleEvidence from './stale-evidence.js';
import staleReview from './stale-review.js';
import unknownCriterion from './unknown-criterion.js';
import unknownReference from './unknown-reference.js';
import unmappedControl from './unmapped-control.js';
import unmappedCriterion from './unmapped-criterion.js';

export const RULES: readonly AnyRule[] = [
  parseError,
  schemaViolation,
  duplicateId,
  unknownReference,
  unknownCriterion,
  unmappedCriterion,
  unmappedControl,
  staleReview,
  reviewDueSoon,
  missingEvidence,
  brokenEvidenceLink,
  staleEvidence,
  futureDate,
  missingOwner,
];
