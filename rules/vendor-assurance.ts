// A critical or high vendor without current independent assurance (a SOC 2 or ISO 27001 report, or a bridge letter):
// CC9.2 asks you to assess vendor risk, and the auditor asks for each key vendor's latest report.
import { addInterval, addMonths, compareDates, describeInterval, maxDate, minDate, parseInterval, INTERVAL_PATTERN } from '../src/core/dates.js';
import { defineRule } from '../src/engine/rule.js';
import type { AssuranceKind, Vendor } from '../src/model/types.js';

const DEFAULT_MAX_AGE = 'P12M';
/** A bridge letter extends a report by at most this many months after it stops being current. */
const BRIDGE_MONTHS = 3;

const REPORTS: Partial<Record<AssuranceKind, (periodEnd: string) => string>> = {
  'soc2-type2': (end) => `its SOC 2 Type II report covers a period ending ${end}`,
  'soc2-type1': (end) => `its SOC 2 Type I report is as of ${end}`,
  iso27001: (end) => `its ISO 27001 audit covers a period ending ${end}`,
};

export default defineRule<{ max_age: string }>({
  meta: {
    id: 'vendor-assurance',
    description: 'A critical or high vendor with no independent assurance, or whose SOC 2 or ISO 27001 report is older than max_age (a bridge letter extends it by up to 3 months).',
    defaultSeverity: 'error',
    reads: ['vendor'],
    options: {
      defaults: { max_age: DEFAULT_MAX_AGE },
      schema: { type: 'object', additionalProperties: false, properties: { max_age: { type: 'string', pattern: INTERVAL_PATTERN } } },
    },
  },
  check({ model, asOf, options, report }) {
    const maxAge = parseInterval(options.max_age) ?? parseInterval(DEFAULT_MAX_AGE)!;
    for (const vendor of model.vendors) {
      if (vendor.criticality !== 'critical' && vendor.criticality !== 'high') continue;
      const name = `Vendor ${vendor.id} (${vendor.criticality})`;
      const wanted = vendor.criticality === 'critical' ? 'a SOC 2 Type II or ISO 27001 report' : 'a SOC 2 or ISO 27001 report, or at least a security questionnaire';
      const assurance = vendor.assurance;
      const kindAt = () => vendor.source.at(['assurance', 'kind']);
      if (!assurance) {
        report({ message: `${name} has no assurance on record. Obtain ${wanted} and record it under "assurance:".`, at: vendor.source.at(['id']) });
        continue;
      }
      if (assurance.kind === 'none') {
        report({ message: `${name} has no independent assurance (assurance kind: none). Obtain ${wanted} and record it under "assurance:", or lower its criticality if it does not warrant one.`, at: kindAt() });
        continue;
      }
      if (assurance.kind === 'questionnaire') {
        if (vendor.criticality === 'critical') {
          report({ message: `${name}: a questionnaire is not independent assurance for a critical vendor; obtain a SOC 2 Type II or ISO 27001 report and record it under "assurance:".`, at: kindAt() });
        }
        continue;
      }
      const describe = REPORTS[assurance.kind];
      if (!describe) continue;
      if (!assurance.periodEnd) {
        report({ message: `${name} has assurance kind ${assurance.kind} but no period_end, so soc2lint cannot tell whether the report is current; add period_end.`, at: kindAt() });
        continue;
      }
      const stale = staleness(vendor, assurance.periodEnd, maxAge, asOf);
      if (!stale) continue;
      report({
        message: `${name}: ${describe(assurance.periodEnd)}, older than ${describeInterval(maxAge)} (current until ${stale.currentUntil}${stale.bridgeNote}). Get the new report, or a ${assurance.bridgeLetter ? 'new ' : ''}bridge letter from the vendor, and update assurance.`,
        at: vendor.source.at(['assurance', 'period_end']),
      });
    }
  },
});

/** Undefined while the report (with its bridge letter) is current on asOf; else when it stopped being current. */
function staleness(vendor: Vendor, periodEnd: string, maxAge: { months: number; days: number }, asOf: string): { currentUntil: string; bridgeNote: string } | undefined {
  const currentUntil = addInterval(periodEnd, maxAge);
  const through = vendor.assurance?.bridgeLetter?.through;
  const bridgeLimit = addMonths(currentUntil, BRIDGE_MONTHS);
  const validUntil = through ? maxDate([currentUntil, minDate([through, bridgeLimit])!])! : currentUntil;
  if (compareDates(asOf, validUntil) <= 0) return undefined;
  let bridgeNote = '';
  if (through && compareDates(through, currentUntil) <= 0) bridgeNote = `; its bridge letter through ${through} ends before that and adds nothing`;
  else if (through && compareDates(through, bridgeLimit) > 0) bridgeNote = `; its bridge letter through ${through} counts for at most ${BRIDGE_MONTHS} months, to ${bridgeLimit}`;
  else if (through) bridgeNote = `; its bridge letter extended that to ${through}`;
  return { currentUntil, bridgeNote };
}
