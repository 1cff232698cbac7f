// Why audits fail, and which rule speaks to which cause: the one place a rule is given its cause. The readiness report
// groups findings by it; test/report/causes.test.ts fails for a registered rule without one.

/** The causes of failed audits the report groups findings under, in the order it shows them. */
export const CAUSES = ['documentation', 'evidence', 'scoping', 'vendors', 'training', 'access', 'changes', 'leadership'] as const;
export type Cause = (typeof CAUSES)[number];

export const CAUSE_TEXT: Readonly<Record<Cause, { title: string; description: string }>> = {
  documentation: { title: 'Documentation', description: 'Policies and records out of date, unapproved, unreadable or inconsistent.' },
  evidence: { title: 'Evidence', description: 'Proof that a control ran: missing, late, broken, reused or with gaps in the audit period.' },
  scoping: { title: 'Scoping', description: 'Criteria, systems and activities the program leaves without a control.' },
  vendors: { title: 'Vendors', description: 'Vendor assurance reports, bridge letters and complementary user entity controls.' },
  training: { title: 'Training', description: 'Security awareness training and policy acknowledgments.' },
  access: { title: 'Access', description: 'Joiners and leavers: background checks and access removed on time.' },
  changes: { title: 'Changes', description: 'Changes to production that were not reviewed and approved.' },
  leadership: { title: 'Leadership', description: 'Ownership, approvals and the exceptions management signs off (waivers).' },
};

/** The cause each rule speaks to, by rule id. */
export const RULE_CAUSES: Readonly<Record<string, Cause>> = {
  'parse-error': 'documentation',
  'schema-violation': 'documentation',
  'unknown-field': 'documentation',
  'duplicate-id': 'documentation',
  'unknown-reference': 'documentation',
  'unknown-criterion': 'scoping',
  'unmapped-criterion': 'scoping',
  'unmapped-control': 'scoping',
  'uncovered-system': 'scoping',
  'missing-activity': 'scoping',
  'stale-review': 'documentation',
  'review-due-soon': 'documentation',
  'future-date': 'documentation',
  'invalid-period': 'documentation',
  'missing-evidence': 'evidence',
  'broken-evidence-link': 'evidence',
  'empty-evidence': 'evidence',
  'reused-evidence': 'evidence',
  'evidence-date-mismatch': 'evidence',
  'stale-evidence': 'evidence',
  'evidence-gap': 'evidence',
  'missing-retirement-date': 'evidence',
  'untracked-evidence': 'evidence',
  'backdated-evidence': 'evidence',
  'sensitive-evidence': 'evidence',
  'unapproved-policy': 'documentation',
  'changed-since-approval': 'documentation',
  'placeholder-text': 'documentation',
  'broken-link': 'documentation',
  'missing-owner': 'leadership',
  'departed-owner': 'leadership',
  'unknown-owner': 'leadership',
  'invalid-approver': 'leadership',
  'self-approval': 'leadership',
  'vendor-assurance': 'vendors',
  'missing-cuecs': 'vendors',
  'training-overdue': 'training',
  'missing-acknowledgment': 'training',
  'late-offboarding': 'access',
  'missing-background-check': 'access',
  'impossible-record': 'documentation',
  'expired-waiver': 'leadership',
  'unused-waiver': 'leadership',
  'waiver-too-long': 'leadership',
  'invalid-directive': 'documentation',
  'unused-directive': 'documentation',
  'unreviewed-change': 'changes',
  'incomplete-population': 'evidence',
};

/** The cause of a rule's findings; a rule missing from the table (a plugin's) counts as documentation. */
export function causeOf(ruleId: string): Cause {
  return RULE_CAUSES[ruleId] ?? 'documentation';
}
