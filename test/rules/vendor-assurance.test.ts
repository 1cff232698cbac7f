import { describe, expect, it } from 'vitest';
import rule from '../../rules/vendor-assurance.js';
import { loadConfig } from '../../src/config/config.js';
import { resolveRules } from '../../src/engine/settings.js';
import { makeRepo } from '../helpers/repo.js';
import { testRule } from '../helpers/rule-tester.js';

// as_of is 2026-07-01 unless a case says otherwise.

/**
 * One vendor as an item of a `vendors:` list. Its `id` value is on line 2, column 9; `assurance.kind` on line 6,
 * column 13; `period_end` on line 7, column 19 (when there is an assurance block).
 */
const listed = (criticality: string, assurance = '', id = 'VEN-AWS') =>
  `vendors:\n  - id: ${id}\n    name: Amazon Web Services\n    criticality: ${criticality}\n${assurance ? `    assurance:\n${assurance.replace(/^/gm, '      ')}\n` : ''}`;
/** One vendor as the file's single mapping: `id` on line 1, column 5; `kind` on line 5, column 9; `period_end` on line 6, column 15. */
const single = (criticality: string, assurance = '') =>
  `id: VEN-OKTA\nname: Okta\ncriticality: ${criticality}\n${assurance ? `assurance:\n${assurance.replace(/^/gm, '  ')}\n` : ''}`;
const report = (periodEnd: string, kind = 'soc2-type2') => `kind: ${kind}\nperiod_end: ${periodEnd}`;
const bridged = (periodEnd: string, through: string, kind = 'soc2-type2') => `${report(periodEnd, kind)}\nbridge_letter:\n  through: ${through}\n  path: evidence/vendors/bridge.pdf`;

/** A Type II audit period, 2026-01-01 to 2026-06-30. */
const SCOPE = { 'scope.yaml': 'audit:\n  type: type2\n  period: { start: 2026-01-01, end: 2026-06-30 }\n' };
/** listed() with a last_reviewed after an assurance block of `lines` lines: its value on line 6 + lines, column 20. */
const reviewed = (criticality: string, assurance: string, lastReviewed: string) => `${listed(criticality, assurance)}    last_reviewed: ${lastReviewed}\n`;
const withFile = (periodEnd: string, through: string) => `${bridged(periodEnd, through)}`;

const periodEndAt = { file: 'vendors/v.yaml', line: 7, column: 19 };
const kindAt = { file: 'vendors/v.yaml', line: 6, column: 13 };

testRule(rule, {
  valid: [
    { name: 'a report whose period ended exactly 12 months ago is current on that day', files: { 'vendors/v.yaml': listed('critical', report('2025-07-01')) } },
    { name: 'month end: a period ending 2025-02-28 is current until 2026-02-28 inclusive', asOf: '2026-02-28', files: { 'vendors/v.yaml': listed('critical', report('2025-02-28')) } },
    { name: 'leap day: a period ending 2024-02-29 is current until 2025-02-28 inclusive', asOf: '2025-02-28', files: { 'vendors/v.yaml': listed('high', report('2024-02-29')) } },
    {
      name: 'a bridge letter shorter than 3 months extends the report up to its through date, inclusive',
      files: { 'vendors/v.yaml': listed('critical', bridged('2025-05-31', '2026-07-01')) },
    },
    {
      name: 'a bridge letter longer than 3 months still covers the first 3 months (report current until 2026-03-31, letter counts to 2026-06-30)',
      asOf: '2026-06-30',
      files: { 'vendors/v.yaml': listed('critical', bridged('2025-03-31', '2026-12-31')) },
    },
    { name: 'a current ISO 27001 audit is enough for a critical vendor', files: { 'vendors/v.yaml': listed('critical', report('2025-09-30', 'iso27001')) } },
    { name: 'a current SOC 2 Type I report is enough for a high vendor', files: { 'vendors/v.yaml': listed('high', report('2025-09-30', 'soc2-type1')) } },
    { name: 'a questionnaire is acceptable for a high vendor', files: { 'vendors/v.yaml': listed('high', 'kind: questionnaire') } },
    {
      name: 'medium and low vendors are not checked, whatever their assurance',
      files: {
        'vendors/v.yaml': `vendors:\n  - id: VEN-A\n    name: A\n    criticality: medium\n  - id: VEN-B\n    name: B\n    criticality: low\n    assurance:\n      kind: none\n  - id: VEN-C\n    name: C\n    criticality: medium\n    assurance:\n      kind: soc2-type2\n      period_end: 2019-12-31\n`,
      },
    },
    { name: 'option max_age P18M: a period ending 2025-01-01 is current until 2026-07-01', options: { max_age: 'P18M' }, files: { 'vendors/v.yaml': listed('critical', report('2025-01-01')) } },
    { name: 'an unusable max_age that slipped past the schema falls back to 12 months', options: { max_age: 'P0D' }, files: { 'vendors/v.yaml': listed('critical', report('2025-07-01')) } },
    { name: 'a single-mapping vendor file with a current report', files: { 'vendors/v.yaml': single('critical', report('2026-03-31')) } },
    { name: 'no vendors at all, no findings', files: { 'scope.yaml': 'categories: [security]\n' } },
    { name: 'option critical_kinds: a Type I report accepted for a critical vendor', options: { critical_kinds: ['soc2-type2', 'soc2-type1', 'iso27001'] }, files: { 'vendors/v.yaml': listed('critical', report('2025-09-30', 'soc2-type1')) } },
    { name: 'option critical_kinds: a questionnaire accepted for a critical vendor', options: { critical_kinds: ['soc2-type2', 'questionnaire'] }, files: { 'vendors/v.yaml': listed('critical', 'kind: questionnaire') } },
    { name: 'a report ending 3 months before our period ends covers it', files: { ...SCOPE, 'vendors/v.yaml': listed('critical', report('2026-03-31')) } },
    { name: 'a longer gap covered by a bridge letter (with its file) through our period end', files: { ...SCOPE, 'vendors/v.yaml': listed('critical', withFile('2026-01-31', '2026-06-30')) } },
    { name: 'coverage is not judged while our period runs: the next report may still come', asOf: '2026-06-30', files: { ...SCOPE, 'vendors/v.yaml': listed('critical', report('2025-09-30')) } },
    { name: 'an ISO 27001 certificate has no report period to cover ours', files: { ...SCOPE, 'vendors/v.yaml': listed('critical', report('2025-12-31', 'iso27001')) } },
    { name: 'reviewed on the day the report was issued', files: { 'vendors/v.yaml': reviewed('critical', `${report('2025-12-31')}\nissued_on: 2026-02-10`, '2026-02-10') } },
    { name: 'reviewed after the period ended, no issue date recorded', files: { 'vendors/v.yaml': reviewed('high', report('2025-12-31'), '2026-01-20') } },
    {
      name: 'a subservice organization marked critical, with a current report',
      files: { 'scope.yaml': 'subservice_organizations:\n  - { vendor: VEN-AWS, method: carve-out }\n', 'vendors/v.yaml': listed('critical', report('2026-03-31')) },
    },
    { name: 'a report whose period starts inside ours and ends after it covers it', files: { ...SCOPE, 'vendors/v.yaml': listed('critical', `${report('2026-03-31')}\nperiod_start: 2025-04-01`) } },
    { name: 'a report whose period starts on the last day of ours covers that day', files: { ...SCOPE, 'vendors/v.yaml': listed('critical', `${report('2026-12-31')}\nperiod_start: 2026-06-30`) } },
  ],
  invalid: [
    {
      name: 'a report whose period ends on the day ours starts overlaps it by that day, leaving a coverage gap',
      files: { ...SCOPE, 'vendors/v.yaml': listed('high', report('2026-01-01')) },
      errors: [{ ...periodEndAt, messageId: 'coverageGap', data: { vendor: 'VEN-AWS', criticality: 'high', periodEnd: '2026-01-01', start: '2026-01-01', end: '2026-06-30' } }],
    },
    {
      name: 'a bridge letter through the very day the report goes stale adds nothing',
      asOf: '2026-04-01',
      files: { 'vendors/v.yaml': listed('critical', bridged('2025-03-31', '2026-03-31')) },
      errors: [{ ...periodEndAt, messageId: 'staleSoc2Type2TooEarly', data: { vendor: 'VEN-AWS', criticality: 'critical', periodEnd: '2025-03-31', maxAge: '12 months', currentUntil: '2026-03-31', through: '2026-03-31' } }],
    },
    {
      name: 'a bridge letter through exactly 3 months after the report went stale extended it in full',
      files: { 'vendors/v.yaml': listed('critical', bridged('2025-03-31', '2026-06-30')) },
      errors: [{ ...periodEndAt, messageId: 'staleSoc2Type2Extended', data: { vendor: 'VEN-AWS', criticality: 'critical', periodEnd: '2025-03-31', maxAge: '12 months', currentUntil: '2026-03-31', through: '2026-06-30' } }],
    },
    {
      name: 'a bridge letter with an empty path is reported at the path',
      files: { 'vendors/v.yaml': listed('critical', `${report('2025-12-31')}\nbridge_letter:\n  through: 2026-06-30\n  path: ""`) },
      errors: [{ file: 'vendors/v.yaml', line: 10, column: 15, messageId: 'bridgeWithoutFile' }],
    },
    {
      name: 'a subservice organization that is not marked critical, reported at its criticality',
      files: { 'scope.yaml': 'subservice_organizations:\n  - { vendor: VEN-AWS, method: carve-out }\n', 'vendors/v.yaml': listed('medium') },
      errors: [
        {
          file: 'vendors/v.yaml',
          line: 4,
          column: 18,
          messageId: 'subserviceNotCritical',
          data: { vendor: 'VEN-AWS', method: 'carve-out', criticality: 'medium' },
          message: 'Vendor VEN-AWS is a subservice organization in scope.yaml (carve-out), but its criticality is medium.',
        },
      ],
    },
    {
      name: 'a SOC 2 Type I report for a critical vendor (an identity provider) names what was found',
      files: { 'vendors/v.yaml': listed('critical', report('2026-03-31', 'soc2-type1')) },
      errors: [
        {
          ...kindAt,
          messageId: 'kindForCritical',
          data: { vendor: 'VEN-AWS', found: 'a SOC 2 Type I report', accepted: 'a SOC 2 Type II report or an ISO 27001 certificate' },
          message: 'Vendor VEN-AWS (critical) has a SOC 2 Type I report; a critical vendor needs a SOC 2 Type II report or an ISO 27001 certificate.',
        },
      ],
    },
    {
      name: 'option critical_kinds [soc2-type2]: an ISO 27001 certificate is not enough',
      options: { critical_kinds: ['soc2-type2'] },
      files: { 'vendors/v.yaml': listed('critical', report('2026-03-31', 'iso27001')) },
      errors: [{ ...kindAt, messageId: 'kindForCritical', data: { vendor: 'VEN-AWS', found: 'an ISO 27001 certificate', accepted: 'a SOC 2 Type II report' } }],
    },
    {
      name: 'a report whose period ended before our audit period began covers none of it',
      files: { ...SCOPE, 'vendors/v.yaml': listed('critical', report('2025-12-15')) },
      errors: [
        {
          ...periodEndAt,
          messageId: 'noOverlap',
          data: { vendor: 'VEN-AWS', criticality: 'critical', reportPeriod: 'a period ending 2025-12-15', start: '2026-01-01', end: '2026-06-30' },
          message: "Vendor VEN-AWS (critical): its report covers a period ending 2025-12-15, none of our audit period 2026-01-01 to 2026-06-30. Get the vendor's report that covers our period and update assurance.",
        },
      ],
    },
    {
      name: 'a report whose period starts after our audit period ended, reported at period_start',
      asOf: '2027-01-15',
      files: { ...SCOPE, 'vendors/v.yaml': listed('critical', `${report('2026-12-31')}\nperiod_start: 2026-07-01`) },
      errors: [
        {
          file: 'vendors/v.yaml',
          line: 8,
          column: 21,
          messageId: 'noOverlap',
          data: { vendor: 'VEN-AWS', criticality: 'critical', reportPeriod: '2026-07-01 to 2026-12-31', start: '2026-01-01', end: '2026-06-30' },
        },
      ],
    },
    {
      name: 'a report ending more than 3 months before our period ends, with no bridge letter',
      files: { ...SCOPE, 'vendors/v.yaml': listed('high', report('2026-01-31')) },
      errors: [
        {
          ...periodEndAt,
          messageId: 'coverageGap',
          data: { vendor: 'VEN-AWS', criticality: 'high', periodEnd: '2026-01-31', start: '2026-01-01', end: '2026-06-30' },
          message: 'its report period ends 2026-01-31, more than 3 months before our audit period ends on 2026-06-30, and no bridge letter covers the gap.',
        },
      ],
    },
    {
      name: 'a bridge letter that stops before our period ends, reported at its through date',
      files: { ...SCOPE, 'vendors/v.yaml': listed('critical', withFile('2026-01-31', '2026-05-31')) },
      errors: [
        {
          file: 'vendors/v.yaml',
          line: 9,
          column: 18,
          messageId: 'bridgeTooShort',
          data: { vendor: 'VEN-AWS', criticality: 'critical', periodEnd: '2026-01-31', through: '2026-05-31', start: '2026-01-01', end: '2026-06-30' },
        },
      ],
    },
    {
      name: 'a bridge letter with no file',
      files: { 'vendors/v.yaml': listed('critical', `${report('2025-12-31')}\nbridge_letter:\n  through: 2026-06-30`) },
      errors: [
        {
          file: 'vendors/v.yaml',
          line: 9,
          column: 9,
          messageId: 'bridgeWithoutFile',
          data: { vendor: 'VEN-AWS', criticality: 'critical', through: '2026-06-30' },
          message: 'Vendor VEN-AWS (critical): the bridge letter through 2026-06-30 has no file.',
        },
      ],
    },
    {
      name: 'a vendor reviewed before its report was issued',
      files: { 'vendors/v.yaml': reviewed('critical', `${report('2025-12-31')}\nissued_on: 2026-02-10`, '2026-02-01') },
      errors: [
        {
          file: 'vendors/v.yaml',
          line: 9,
          column: 20,
          messageId: 'reviewedBeforeIssue',
          data: { vendor: 'VEN-AWS', criticality: 'critical', reviewed: '2026-02-01', issued: '2026-02-10' },
          message: 'Vendor VEN-AWS (critical) was last reviewed on 2026-02-01, before its report was issued on 2026-02-10: that review cannot have read the report.',
        },
      ],
    },
    {
      name: 'a vendor reviewed before its report period ended (no issue date recorded)',
      files: { 'vendors/v.yaml': reviewed('high', report('2025-12-31'), '2025-11-20') },
      errors: [{ file: 'vendors/v.yaml', line: 8, column: 20, messageId: 'reviewedBeforePeriodEnd', data: { vendor: 'VEN-AWS', criticality: 'high', reviewed: '2025-11-20', periodEnd: '2025-12-31' } }],
    },
    {
      name: 'a report whose period ended 12 months and 1 day ago is stale, with the spelled-out finding',
      files: { 'vendors/v.yaml': listed('critical', report('2025-06-30')) },
      errors: [
        {
          ...periodEndAt,
          messageId: 'staleSoc2Type2',
          data: { vendor: 'VEN-AWS', criticality: 'critical', periodEnd: '2025-06-30', maxAge: '12 months', currentUntil: '2026-06-30' },
          message:
            'Vendor VEN-AWS (critical): its SOC 2 Type II report covers a period ending 2025-06-30, older than 12 months (current until 2026-06-30). Get the new report, or a bridge letter from the vendor, and update assurance.',
        },
      ],
    },
    {
      name: 'month end: a period ending 2025-02-28 is stale on 2026-03-01',
      asOf: '2026-03-01',
      files: { 'vendors/v.yaml': listed('critical', report('2025-02-28')) },
      errors: [{ ...periodEndAt, messageId: 'staleSoc2Type2', message: 'period ending 2025-02-28, older than 12 months (current until 2026-02-28)' }],
    },
    {
      name: 'leap day: a period ending 2024-02-29 is stale on 2025-03-01',
      asOf: '2025-03-01',
      files: { 'vendors/v.yaml': listed('high', report('2024-02-29')) },
      errors: [{ ...periodEndAt, messageId: 'staleSoc2Type2', message: 'Vendor VEN-AWS (high): its SOC 2 Type II report covers a period ending 2024-02-29, older than 12 months (current until 2025-02-28)' }],
    },
    {
      name: 'a bridge letter shorter than 3 months stops counting the day after its through date',
      asOf: '2026-06-16',
      files: { 'vendors/v.yaml': listed('critical', bridged('2025-05-31', '2026-06-15')) },
      errors: [{ ...periodEndAt, messageId: 'staleSoc2Type2Extended', data: { vendor: 'VEN-AWS', criticality: 'critical', periodEnd: '2025-05-31', maxAge: '12 months', currentUntil: '2026-05-31', through: '2026-06-15' }, message: '(current until 2026-05-31; its bridge letter extended that to 2026-06-15). Get the new report, or a new bridge letter from the vendor' }],
    },
    {
      name: 'a bridge letter longer than 3 months counts only to 3 months after the report went stale',
      files: { 'vendors/v.yaml': listed('critical', bridged('2025-03-31', '2026-12-31')) },
      errors: [{ ...periodEndAt, messageId: 'staleSoc2Type2Capped', data: { vendor: 'VEN-AWS', criticality: 'critical', periodEnd: '2025-03-31', maxAge: '12 months', currentUntil: '2026-03-31', through: '2026-12-31', bridgeLimit: '2026-06-30' }, message: '(current until 2026-03-31; its bridge letter through 2026-12-31 counts for at most 3 months, to 2026-06-30)' }],
    },
    {
      name: 'a bridge letter that ends before the report goes stale adds nothing',
      asOf: '2026-04-01',
      files: { 'vendors/v.yaml': listed('critical', bridged('2025-03-31', '2026-02-28')) },
      errors: [{ ...periodEndAt, messageId: 'staleSoc2Type2TooEarly', data: { vendor: 'VEN-AWS', criticality: 'critical', periodEnd: '2025-03-31', maxAge: '12 months', currentUntil: '2026-03-31', through: '2026-02-28' }, message: '(current until 2026-03-31; its bridge letter through 2026-02-28 ends before that and adds nothing)' }],
    },
    {
      name: 'a critical vendor with no assurance is reported at its id',
      files: { 'vendors/v.yaml': listed('critical') },
      errors: [{ file: 'vendors/v.yaml', line: 2, column: 9, messageId: 'noAssuranceCritical', data: { vendor: 'VEN-AWS' }, message: 'Vendor VEN-AWS (critical) has no assurance on record. Obtain a SOC 2 Type II or ISO 27001 report and record it under "assurance:".' }],
    },
    {
      name: 'a high vendor with no assurance in a single-mapping file is reported at its id',
      files: { 'vendors/okta.yaml': single('high') },
      errors: [{ file: 'vendors/okta.yaml', line: 1, column: 5, messageId: 'noAssuranceHigh', data: { vendor: 'VEN-OKTA' }, message: 'Vendor VEN-OKTA (high) has no assurance on record. Obtain a SOC 2 or ISO 27001 report, or at least a security questionnaire and record it under "assurance:".' }],
    },
    {
      name: 'assurance kind none is reported at the kind',
      files: { 'vendors/v.yaml': listed('high', 'kind: none') },
      errors: [{ ...kindAt, messageId: 'kindNoneHigh', data: { vendor: 'VEN-AWS' }, message: 'Vendor VEN-AWS (high) has no independent assurance (assurance kind: none). Obtain a SOC 2 or ISO 27001 report, or at least a security questionnaire and record it under "assurance:", or lower its criticality if it does not warrant one.' }],
    },
    {
      name: 'assurance kind none for a critical vendor asks for a Type II or ISO 27001 report',
      files: { 'vendors/v.yaml': listed('critical', 'kind: none') },
      errors: [
        {
          ...kindAt,
          messageId: 'kindNoneCritical',
          data: { vendor: 'VEN-AWS' },
          message: 'Vendor VEN-AWS (critical) has no independent assurance (assurance kind: none). Obtain a SOC 2 Type II or ISO 27001 report and record it under "assurance:", or lower its criticality if it does not warrant one.',
        },
      ],
    },
    {
      name: 'a questionnaire is not enough for a critical vendor',
      files: { 'vendors/v.yaml': listed('critical', 'kind: questionnaire') },
      errors: [{ ...kindAt, messageId: 'questionnaireForCritical', data: { vendor: 'VEN-AWS' }, message: 'Vendor VEN-AWS (critical): a questionnaire is not independent assurance for a critical vendor; obtain a SOC 2 Type II or ISO 27001 report and record it under "assurance:".' }],
    },
    {
      name: 'a SOC 2 report without period_end cannot be judged, reported at the kind',
      files: { 'vendors/v.yaml': listed('critical', 'kind: soc2-type2\npath: evidence/aws.pdf') },
      errors: [{ ...kindAt, messageId: 'noPeriodEnd', data: { vendor: 'VEN-AWS', criticality: 'critical', kind: 'soc2-type2' }, message: 'Vendor VEN-AWS (critical) has assurance kind soc2-type2 but no period_end, so soc2lint cannot tell whether the report is current; add period_end' }],
    },
    {
      name: 'a stale ISO 27001 audit names the ISO audit',
      files: { 'vendors/v.yaml': listed('critical', report('2025-03-31', 'iso27001')) },
      errors: [{ ...periodEndAt, messageId: 'staleIso27001', data: { vendor: 'VEN-AWS', criticality: 'critical', periodEnd: '2025-03-31', maxAge: '12 months', currentUntil: '2026-03-31' }, message: 'Vendor VEN-AWS (critical): its ISO 27001 audit covers a period ending 2025-03-31, older than 12 months (current until 2026-03-31). Get the new report, or a bridge letter from the vendor, and update assurance.' }],
    },
    {
      name: 'a stale SOC 2 Type I report names the Type I report',
      files: { 'vendors/v.yaml': listed('high', report('2025-03-31', 'soc2-type1')) },
      errors: [{ ...periodEndAt, messageId: 'staleSoc2Type1', data: { vendor: 'VEN-AWS', criticality: 'high', periodEnd: '2025-03-31', maxAge: '12 months', currentUntil: '2026-03-31' }, message: 'Vendor VEN-AWS (high): its SOC 2 Type I report is as of 2025-03-31, older than 12 months (current until 2026-03-31). Get the new report, or a bridge letter from the vendor, and update assurance.' }],
    },
    {
      name: 'a soc2-type1 report with a bridge letter that extended it, now over',
      asOf: '2026-06-16',
      files: { 'vendors/v.yaml': listed('high', bridged('2025-05-31', '2026-06-15', 'soc2-type1')) },
      errors: [
        {
          ...periodEndAt,
          messageId: 'staleSoc2Type1Extended',
          data: { vendor: 'VEN-AWS', criticality: 'high', periodEnd: '2025-05-31', maxAge: '12 months', currentUntil: '2026-05-31', through: '2026-06-15' },
          message: 'Vendor VEN-AWS (high): its SOC 2 Type I report is as of 2025-05-31, older than 12 months (current until 2026-05-31; its bridge letter extended that to 2026-06-15). Get the new report, or a new bridge letter from the vendor, and update assurance.',
        },
      ],
    },
    {
      name: 'a soc2-type1 report whose bridge letter runs past the 3-month limit',
      files: { 'vendors/v.yaml': listed('high', bridged('2025-03-31', '2026-12-31', 'soc2-type1')) },
      errors: [
        {
          ...periodEndAt,
          messageId: 'staleSoc2Type1Capped',
          data: { vendor: 'VEN-AWS', criticality: 'high', periodEnd: '2025-03-31', maxAge: '12 months', currentUntil: '2026-03-31', through: '2026-12-31', bridgeLimit: '2026-06-30' },
          message: 'Vendor VEN-AWS (high): its SOC 2 Type I report is as of 2025-03-31, older than 12 months (current until 2026-03-31; its bridge letter through 2026-12-31 counts for at most 3 months, to 2026-06-30). Get the new report, or a new bridge letter from the vendor, and update assurance.',
        },
      ],
    },
    {
      name: 'a soc2-type1 report whose bridge letter ends before the report goes stale',
      asOf: '2026-04-01',
      files: { 'vendors/v.yaml': listed('high', bridged('2025-03-31', '2026-02-28', 'soc2-type1')) },
      errors: [
        {
          ...periodEndAt,
          messageId: 'staleSoc2Type1TooEarly',
          data: { vendor: 'VEN-AWS', criticality: 'high', periodEnd: '2025-03-31', maxAge: '12 months', currentUntil: '2026-03-31', through: '2026-02-28' },
          message: 'Vendor VEN-AWS (high): its SOC 2 Type I report is as of 2025-03-31, older than 12 months (current until 2026-03-31; its bridge letter through 2026-02-28 ends before that and adds nothing). Get the new report, or a new bridge letter from the vendor, and update assurance.',
        },
      ],
    },
    {
      name: 'a iso27001 report with a bridge letter that extended it, now over',
      asOf: '2026-06-16',
      files: { 'vendors/v.yaml': listed('critical', bridged('2025-05-31', '2026-06-15', 'iso27001')) },
      errors: [
        {
          ...periodEndAt,
          messageId: 'staleIso27001Extended',
          data: { vendor: 'VEN-AWS', criticality: 'critical', periodEnd: '2025-05-31', maxAge: '12 months', currentUntil: '2026-05-31', through: '2026-06-15' },
          message: 'Vendor VEN-AWS (critical): its ISO 27001 audit covers a period ending 2025-05-31, older than 12 months (current until 2026-05-31; its bridge letter extended that to 2026-06-15). Get the new report, or a new bridge letter from the vendor, and update assurance.',
        },
      ],
    },
    {
      name: 'a iso27001 report whose bridge letter runs past the 3-month limit',
      files: { 'vendors/v.yaml': listed('critical', bridged('2025-03-31', '2026-12-31', 'iso27001')) },
      errors: [
        {
          ...periodEndAt,
          messageId: 'staleIso27001Capped',
          data: { vendor: 'VEN-AWS', criticality: 'critical', periodEnd: '2025-03-31', maxAge: '12 months', currentUntil: '2026-03-31', through: '2026-12-31', bridgeLimit: '2026-06-30' },
          message: 'Vendor VEN-AWS (critical): its ISO 27001 audit covers a period ending 2025-03-31, older than 12 months (current until 2026-03-31; its bridge letter through 2026-12-31 counts for at most 3 months, to 2026-06-30). Get the new report, or a new bridge letter from the vendor, and update assurance.',
        },
      ],
    },
    {
      name: 'a iso27001 report whose bridge letter ends before the report goes stale',
      asOf: '2026-04-01',
      files: { 'vendors/v.yaml': listed('critical', bridged('2025-03-31', '2026-02-28', 'iso27001')) },
      errors: [
        {
          ...periodEndAt,
          messageId: 'staleIso27001TooEarly',
          data: { vendor: 'VEN-AWS', criticality: 'critical', periodEnd: '2025-03-31', maxAge: '12 months', currentUntil: '2026-03-31', through: '2026-02-28' },
          message: 'Vendor VEN-AWS (critical): its ISO 27001 audit covers a period ending 2025-03-31, older than 12 months (current until 2026-03-31; its bridge letter through 2026-02-28 ends before that and adds nothing). Get the new report, or a new bridge letter from the vendor, and update assurance.',
        },
      ],
    },
    {
      name: 'option max_age P6M: a period ending 2025-12-31 is current until 2026-06-30 and stale the next day',
      options: { max_age: 'P6M' },
      files: { 'vendors/v.yaml': listed('critical', report('2025-12-31')) },
      errors: [{ ...periodEndAt, messageId: 'staleSoc2Type2', data: { vendor: 'VEN-AWS', criticality: 'critical', periodEnd: '2025-12-31', maxAge: '6 months', currentUntil: '2026-06-30' }, message: 'older than 6 months (current until 2026-06-30)' }],
    },
    {
      name: 'a single-mapping vendor file: the stale report is reported at its period_end',
      files: { 'vendors/okta.yaml': single('critical', report('2025-01-31')) },
      errors: [{ file: 'vendors/okta.yaml', line: 6, column: 15, messageId: 'staleSoc2Type2', message: 'Vendor VEN-OKTA (critical): its SOC 2 Type II report covers a period ending 2025-01-31' }],
    },
    {
      name: 'in a list, each critical or high vendor is judged on its own and medium ones are skipped',
      files: {
        'vendors/v.yaml': `vendors:\n  - id: VEN-A\n    name: A\n    criticality: medium\n  - id: VEN-B\n    name: B\n    criticality: critical\n    assurance:\n      kind: soc2-type2\n      period_end: 2025-12-31\n  - id: VEN-C\n    name: C\n    criticality: high\n    assurance:\n      kind: soc2-type2\n      period_end: 2024-12-31\n  - id: VEN-D\n    name: D\n    criticality: critical\n`,
      },
      errors: [
        { file: 'vendors/v.yaml', line: 16, column: 19, messageId: 'staleSoc2Type2', message: 'Vendor VEN-C (high): its SOC 2 Type II report covers a period ending 2024-12-31' },
        { file: 'vendors/v.yaml', line: 17, column: 9, messageId: 'noAssuranceCritical', message: 'Vendor VEN-D (critical) has no assurance on record' },
      ],
    },
  ],
});

describe('vendor-assurance options', () => {
  const configured = (maxAge: string) => loadConfig(makeRepo({ 'soc2lint.config.yaml': `rules:\n  vendor-assurance: [error, { max_age: ${JSON.stringify(maxAge)} }]\n` }));

  it.each(['P18M', 'P1Y', 'P365D', 'annual', 'semiannual', 'P1Y6M'])('accepts max_age %s', (maxAge) => {
    expect(resolveRules([rule], configured(maxAge))[0]?.options).toEqual({ max_age: maxAge, critical_kinds: ['soc2-type2', 'iso27001'] });
  });

  it.each(['P0D', 'P0Y0M', 'P', '12 months', 'P1.5Y', 'p12m', 'yearly', 'PT12H'])('rejects max_age %s', (maxAge) => {
    expect(() => resolveRules([rule], configured(maxAge))).toThrow(/Invalid options for rule "vendor-assurance": option "max_age"/);
  });
});
