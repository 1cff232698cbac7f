// A critical or high vendor without current independent assurance (a SOC 2 or ISO 27001 report, or a bridge letter):
// CC9.2 asks you to assess vendor risk, and the auditor asks for each key vendor's latest report.
import { addMonths, compareDates, describeInterval, parseInterval, INTERVAL_PATTERN, type Interval } from '../src/core/dates.js';
import { defineRule, ruleOptions } from '../src/engine/rule.js';
import { typeTwoPeriod } from '../src/model/program.js';
import { assuranceWindow, BRIDGE_MONTHS } from '../src/model/vendor-assurance.js';
import type { AssuranceKind, AuditPeriod, Vendor } from '../src/model/types.js';

const DEFAULT_MAX_AGE = 'P12M';
/** What a critical vendor's assurance must be, by default: an independent report on operating effectiveness. */
const CRITICAL_KINDS: AssuranceKind[] = ['soc2-type2', 'iso27001'];
const KIND_NAMES: Record<AssuranceKind, string> = {
  'soc2-type2': 'a SOC 2 Type II report',
  'soc2-type1': 'a SOC 2 Type I report',
  iso27001: 'an ISO 27001 certificate',
  questionnaire: 'a questionnaire',
  none: 'no assurance',
};

/** The reports that go stale, and what each covers as the messages say it. */
const REPORTS = {
  'soc2-type2': 'its SOC 2 Type II report covers a period ending {{periodEnd}}',
  'soc2-type1': 'its SOC 2 Type I report is as of {{periodEnd}}',
  iso27001: 'its ISO 27001 audit covers a period ending {{periodEnd}}',
} as const;
type ReportKind = keyof typeof REPORTS;

/** What a bridge letter did for a stale report: there is none, it extended it, it ran past the limit, or it ended too early. */
type Bridge = 'none' | 'extended' | 'capped' | 'tooEarly';
const BRIDGES: Record<Bridge, string> = {
  none: '',
  extended: '; its bridge letter extended that to {{through}}',
  capped: `; its bridge letter through {{through}} counts for at most ${BRIDGE_MONTHS} months, to {{bridgeLimit}}`,
  tooEarly: '; its bridge letter through {{through}} ends before that and adds nothing',
};
const stale = (report: ReportKind, bridge: Bridge) =>
  `Vendor {{vendor}} ({{criticality}}): ${REPORTS[report]}, older than {{maxAge}} (current until {{currentUntil}}${BRIDGES[bridge]}). Get the new report, or a ${bridge === 'none' ? '' : 'new '}bridge letter from the vendor, and update assurance.`;

/** Message ID parts: `stale` + report + bridge, e.g. `staleSoc2Type2Capped`. */
const REPORT_ID = { 'soc2-type2': 'Soc2Type2', 'soc2-type1': 'Soc2Type1', iso27001: 'Iso27001' } as const;
const BRIDGE_ID = { none: '', extended: 'Extended', capped: 'Capped', tooEarly: 'TooEarly' } as const;

export default defineRule({
  meta: {
    id: 'vendor-assurance',
    description: 'A critical or high vendor with no independent assurance, or whose SOC 2 or ISO 27001 report is older than max_age (a bridge letter extends it by up to 3 months).',
    defaultSeverity: 'error',
    perFile: true,
    reads: ['vendor', 'scope'],
    options: ruleOptions<{ max_age: string; critical_kinds: AssuranceKind[] }>({
      defaults: { max_age: DEFAULT_MAX_AGE, critical_kinds: CRITICAL_KINDS },
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          max_age: { type: 'string', pattern: INTERVAL_PATTERN },
          critical_kinds: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['soc2-type2', 'soc2-type1', 'iso27001', 'questionnaire'] } },
        },
      },
    }),
    // A critical vendor needs a SOC 2 Type II or ISO 27001 report; a high one may make do with a questionnaire.
    messages: {
      noAssuranceCritical: 'Vendor {{vendor}} (critical) has no assurance on record. Obtain a SOC 2 Type II or ISO 27001 report and record it under "assurance:".',
      noAssuranceHigh:
        'Vendor {{vendor}} (high) has no assurance on record. Obtain a SOC 2 or ISO 27001 report, or at least a security questionnaire and record it under "assurance:".',
      kindNoneCritical:
        'Vendor {{vendor}} (critical) has no independent assurance (assurance kind: none). Obtain a SOC 2 Type II or ISO 27001 report and record it under "assurance:", or lower its criticality if it does not warrant one.',
      kindNoneHigh:
        'Vendor {{vendor}} (high) has no independent assurance (assurance kind: none). Obtain a SOC 2 or ISO 27001 report, or at least a security questionnaire and record it under "assurance:", or lower its criticality if it does not warrant one.',
      questionnaireForCritical:
        'Vendor {{vendor}} (critical): a questionnaire is not independent assurance for a critical vendor; obtain a SOC 2 Type II or ISO 27001 report and record it under "assurance:".',
      kindForCritical:
        'Vendor {{vendor}} (critical) has {{found}}; a critical vendor needs {{accepted}}. Obtain one and record it under "assurance:", or lower its criticality if it does not warrant one.',
      noOverlap:
        'Vendor {{vendor}} ({{criticality}}): its report covers {{reportPeriod}}, none of our audit period {{start}} to {{end}}. Get the vendor\'s report that covers our period and update assurance.',
      coverageGap:
        `Vendor {{vendor}} ({{criticality}}): its report period ends {{periodEnd}}, more than ${BRIDGE_MONTHS} months before our audit period ends on {{end}}, and no bridge letter covers the gap. Get the vendor's bridge letter through {{end}} and record it under "bridge_letter:".`,
      bridgeTooShort:
        `Vendor {{vendor}} ({{criticality}}): its report period ends {{periodEnd}}, more than ${BRIDGE_MONTHS} months before our audit period ends on {{end}}, and its bridge letter runs only through {{through}}. Get a bridge letter through {{end}} (or the next report) and update assurance.`,
      bridgeWithoutFile:
        'Vendor {{vendor}} ({{criticality}}): the bridge letter through {{through}} has no file. A bridge letter is a document the auditor asks for: store it and record it in "path:".',
      reviewedBeforeIssue:
        'Vendor {{vendor}} ({{criticality}}) was last reviewed on {{reviewed}}, before its report was issued on {{issued}}: that review cannot have read the report. Review the vendor against the report and update "last_reviewed:".',
      reviewedBeforePeriodEnd:
        'Vendor {{vendor}} ({{criticality}}) was last reviewed on {{reviewed}}, before its report period ended on {{periodEnd}}: that review cannot have read the report. Review the vendor against the report and update "last_reviewed:" (and record the report\'s "issued_on:").',
      subserviceNotCritical:
        'Vendor {{vendor}} is a subservice organization in scope.yaml ({{method}}), but its criticality is {{criticality}}. A subservice organization hosts or runs part of the system: make it critical, so its assurance is held to that standard.',
      noPeriodEnd:
        'Vendor {{vendor}} ({{criticality}}) has assurance kind {{kind}} but no period_end, so soc2lint cannot tell whether the report is current; add period_end.',
      staleSoc2Type2: stale('soc2-type2', 'none'),
      staleSoc2Type2Extended: stale('soc2-type2', 'extended'),
      staleSoc2Type2Capped: stale('soc2-type2', 'capped'),
      staleSoc2Type2TooEarly: stale('soc2-type2', 'tooEarly'),
      staleSoc2Type1: stale('soc2-type1', 'none'),
      staleSoc2Type1Extended: stale('soc2-type1', 'extended'),
      staleSoc2Type1Capped: stale('soc2-type1', 'capped'),
      staleSoc2Type1TooEarly: stale('soc2-type1', 'tooEarly'),
      staleIso27001: stale('iso27001', 'none'),
      staleIso27001Extended: stale('iso27001', 'extended'),
      staleIso27001Capped: stale('iso27001', 'capped'),
      staleIso27001TooEarly: stale('iso27001', 'tooEarly'),
    },
  },
  check({ model, asOf, options, report }) {
    const maxAge = parseInterval(options.max_age) ?? parseInterval(DEFAULT_MAX_AGE)!;
    const subservice = new Map((model.scope?.subserviceOrganizations ?? []).map((entry) => [entry.vendor, entry.method]));
    for (const vendor of model.vendors) {
      const method = subservice.get(vendor.id);
      if (method && vendor.criticality !== 'critical') {
        report({ messageId: 'subserviceNotCritical', data: { vendor: vendor.id, method, criticality: vendor.criticality }, at: vendor.source.at(['criticality']) });
      }
      if (vendor.criticality !== 'critical' && vendor.criticality !== 'high') continue;
      const critical = vendor.criticality === 'critical';
      const named = { vendor: vendor.id };
      const assurance = vendor.assurance;
      const kindAt = () => vendor.source.at(['assurance', 'kind']);
      if (!assurance) {
        report({ messageId: critical ? 'noAssuranceCritical' : 'noAssuranceHigh', data: named, at: vendor.source.at(['id']) });
        continue;
      }
      if (assurance.kind === 'none') {
        report({ messageId: critical ? 'kindNoneCritical' : 'kindNoneHigh', data: named, at: kindAt() });
        continue;
      }
      if (assurance.kind === 'questionnaire' && !(critical && options.critical_kinds.includes('questionnaire'))) {
        if (critical) report({ messageId: 'questionnaireForCritical', data: named, at: kindAt() });
        continue;
      }
      if (critical && !options.critical_kinds.includes(assurance.kind)) {
        const accepted = options.critical_kinds.map((kind) => KIND_NAMES[kind]).join(' or ');
        report({ messageId: 'kindForCritical', data: { ...named, found: KIND_NAMES[assurance.kind], accepted }, at: kindAt() });
      }
      if (assurance.bridgeLetter && !assurance.bridgeLetter.path) {
        report({
          messageId: 'bridgeWithoutFile',
          data: { ...named, criticality: vendor.criticality, through: assurance.bridgeLetter.through },
          at: vendor.source.at(['assurance', 'bridge_letter', 'path']),
        });
      }
      if (assurance.kind === 'questionnaire') continue; // accepted for a critical vendor by option; it has no period
      if (!assurance.periodEnd) {
        report({ messageId: 'noPeriodEnd', data: { ...named, criticality: vendor.criticality, kind: assurance.kind }, at: kindAt() });
        continue;
      }
      const described = { ...named, criticality: vendor.criticality };
      const issued = assurance.issuedOn ?? assurance.periodEnd;
      if (vendor.lastReviewed && compareDates(vendor.lastReviewed, issued) < 0) {
        report(
          assurance.issuedOn
            ? { messageId: 'reviewedBeforeIssue', data: { ...described, reviewed: vendor.lastReviewed, issued }, at: vendor.source.at(['last_reviewed']) }
            : { messageId: 'reviewedBeforePeriodEnd', data: { ...described, reviewed: vendor.lastReviewed, periodEnd: issued }, at: vendor.source.at(['last_reviewed']) },
        );
      }
      const period = typeTwoPeriod(model);
      // Coverage is judged once our period is over: until then the vendor's next report may still cover it.
      if (period && compareDates(asOf, period.end) > 0 && assurance.kind !== 'iso27001') checkCoverage(vendor, period, described, report);
      const state = staleness(vendor, assurance.periodEnd, maxAge, asOf);
      if (!state) continue;
      report({
        messageId: `stale${REPORT_ID[assurance.kind]}${BRIDGE_ID[state.bridge]}` as const,
        data: { ...described, periodEnd: assurance.periodEnd, maxAge: describeInterval(maxAge), ...state.data },
        at: vendor.source.at(['assurance', 'period_end']),
      });
    }
  },
});

type CoverageMessage = 'noOverlap' | 'coverageGap' | 'bridgeTooShort';
type Report = (finding: { messageId: CoverageMessage; data: Record<string, string>; at: ReturnType<Vendor['source']['at']> }) => void;

/**
 * A SOC 2 report must say something about our audit period: its period overlaps ours, and it ends at most 3 months
 * before ours does, or a bridge letter carries it to our period's end.
 */
function checkCoverage(vendor: Vendor, period: AuditPeriod, described: Record<string, string>, report: Report): void {
  const assurance = vendor.assurance!;
  const periodEnd = assurance.periodEnd!;
  const ours = { ...described, start: period.start, end: period.end };
  if (compareDates(periodEnd, period.start) < 0 || (assurance.periodStart && compareDates(assurance.periodStart, period.end) > 0)) {
    const reportPeriod = assurance.periodStart ? `${assurance.periodStart} to ${periodEnd}` : `a period ending ${periodEnd}`;
    const at = compareDates(periodEnd, period.start) < 0 ? vendor.source.at(['assurance', 'period_end']) : vendor.source.at(['assurance', 'period_start']);
    report({ messageId: 'noOverlap', data: { ...ours, reportPeriod }, at });
    return;
  }
  if (compareDates(addMonths(periodEnd, BRIDGE_MONTHS), period.end) >= 0) return;
  const through = assurance.bridgeLetter?.through;
  if (!through) {
    report({ messageId: 'coverageGap', data: { ...ours, periodEnd }, at: vendor.source.at(['assurance', 'period_end']) });
  } else if (compareDates(through, period.end) < 0) {
    report({ messageId: 'bridgeTooShort', data: { ...ours, periodEnd, through }, at: vendor.source.at(['assurance', 'bridge_letter', 'through']) });
  }
}

/**
 * Undefined while the report (with its bridge letter) is current on asOf; else when it stopped being current and what
 * its bridge letter did.
 */
function staleness(vendor: Vendor, periodEnd: string, maxAge: Interval, asOf: string): { bridge: Bridge; data: Record<string, string> } | undefined {
  const through = vendor.assurance?.bridgeLetter?.through;
  const { currentUntil, bridgeLimit, validUntil } = assuranceWindow(periodEnd, maxAge, through);
  if (compareDates(asOf, validUntil) <= 0) return undefined;
  if (!through) return { bridge: 'none', data: { currentUntil } };
  if (compareDates(through, currentUntil) <= 0) return { bridge: 'tooEarly', data: { currentUntil, through } };
  if (compareDates(through, bridgeLimit) > 0) return { bridge: 'capped', data: { currentUntil, through, bridgeLimit } };
  return { bridge: 'extended', data: { currentUntil, through } };
}
