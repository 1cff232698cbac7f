// Criterion IDs that are not in the Trust Services Criteria: template placeholders (CC9.9), labels glued to IDs,
// family-level IDs (CC6). A mapping to a criterion that does not exist covers nothing.
import { defineRule } from '../src/engine/rule.js';
import { didYouMean } from '../src/core/suggest.js';
import type { Criterion } from '../src/core/tsc2017.js';

export default defineRule({
  meta: {
    id: 'unknown-criterion',
    description: 'A mapped criterion ID that is not in the Trust Services Criteria catalog, such as CC9.9, "CC7.3 - Incident response" or the family CC6.',
    defaultSeverity: 'error',
    reads: ['control', 'policy', 'scope'],
    // By where the ID is written. The suggestion is what was probably meant, worked out from the catalog (see advice).
    messages: {
      controlMaps: 'Control {{control}} maps "{{value}}", which is not a Trust Services Criterion. {{suggestion}}',
      policyMaps: 'Policy {{policy}} maps "{{value}}", which is not a Trust Services Criterion. {{suggestion}}',
      notApplicable: 'scope.yaml declares not applicable "{{value}}", which is not a Trust Services Criterion. {{suggestion}}',
      standardLists: 'Standard {{standard}} lists "{{value}}", which is not a Trust Services Criterion, so nothing can cover it. {{suggestion}}',
    },
  },
  check({ model, report }) {
    const known = (value: string) => model.criteria.has(value);
    const suggestion = (value: string) => advice(value, model.criteria);
    for (const control of model.controls) {
      for (const { value, index } of control.criteria) {
        if (known(value)) continue;
        report({ messageId: 'controlMaps', data: { control: control.id, value, suggestion: suggestion(value) }, at: control.source.at(['criteria', index]) });
      }
    }
    for (const policy of model.policies) {
      for (const { value, index } of policy.criteria) {
        if (known(value)) continue;
        report({ messageId: 'policyMaps', data: { policy: policy.id, value, suggestion: suggestion(value) }, at: policy.source.at(['criteria', index]) });
      }
    }
    // A comply standard file does not make an ID real: the criteria it lists are checked too.
    for (const standard of model.standards ?? []) {
      for (const { id, range } of standard.criteria) {
        if (known(id)) continue;
        report({ messageId: 'standardLists', data: { standard: standard.name ?? standard.file, value: id, suggestion: suggestion(id) }, at: range });
      }
    }
    const scope = model.scope;
    if (!scope) return;
    for (const { criterion, index } of scope.notApplicable) {
      if (known(criterion)) continue;
      report({ messageId: 'notApplicable', data: { value: criterion, suggestion: suggestion(criterion) }, at: scope.source.at(['not_applicable', index, 'criterion']) });
    }
  },
});

/** Say what was probably meant: the ID inside a label, the criteria of a family or series, or the nearest ID. */
function advice(value: string, criteria: ReadonlyMap<string, Criterion>): string {
  const trimmed = value.trim().toUpperCase();
  if (trimmed !== value && criteria.has(trimmed)) return `Write it as "${trimmed}".`;
  // A point of focus (C1.1.1): SOC 2 maps criteria, and the points of focus only illustrate them.
  const focus = /^\s*((?:CC|PI|A|C|P)\d+\.\d+)\.\d+\s*$/i.exec(value)?.[1]?.toUpperCase();
  if (focus && criteria.has(focus)) return `It is a point of focus of ${focus}; SOC 2 maps to criterion-level IDs, so map "${focus}".`;
  // A whole series (CC-Series, "A-Series: Availability", "PI series").
  const wholeSeries = /^\s*(CC|PI|A|C|P)[\s-]*series\b/i.exec(value)?.[1]?.toUpperCase();
  if (wholeSeries) {
    const members = [...criteria.keys()].filter((id) => new RegExp(`^${wholeSeries}\\d+\\.`).test(id));
    if (members.length > 0) return `It names a whole series; SOC 2 maps to criterion-level IDs. Map the ones that apply, from ${members[0]}–${members[members.length - 1]}.`;
  }
  const leading = /^\s*((?:CC|PI|A|C|P)\d+\.\d+)\b/i.exec(value)?.[1]?.toUpperCase();
  if (leading && criteria.has(leading)) return `Write just the ID, "${leading}"; keep descriptions out of the list.`;
  const family = /^\s*((?:CC|PI|A|C|P)\d+)\s*$/i.exec(value)?.[1]?.toUpperCase();
  if (family) {
    const members = [...criteria.keys()].filter((id) => id.startsWith(`${family}.`));
    if (members.length > 0) return `Map the specific criteria instead of the family: ${members[0]}–${members[members.length - 1]}. SOC 2 maps to criterion-level IDs.`;
  }
  // A real series with a number it does not have: a privacy heading (P3.0) or a template placeholder (CC9.9).
  const numbered = /^\s*((?:CC|PI|A|C|P)\d+)\.(\d+)\s*$/i.exec(value);
  const series = numbered?.[1]?.toUpperCase();
  const inSeries = series ? [...criteria.keys()].filter((id) => id.startsWith(`${series}.`)) : [];
  if (numbered && series && inSeries.length > 0) {
    const range = inSeries.length > 1 ? `${inSeries[0]}–${inSeries[inSeries.length - 1]}` : inSeries[0];
    if (/^P\d+$/.test(series) && Number(numbered[2]) === 0) return `${series}.0 is a privacy group heading, not a criterion; use ${range} instead.`;
    return `Series ${series} has only ${range}; use the one you meant.`;
  }
  const suggestion = didYouMean(trimmed, criteria.keys()).trim();
  return suggestion || 'Use an ID from the catalog: CC1.1–CC9.2, A1.1–A1.3, C1.1–C1.2, PI1.1–PI1.5, P1.1–P8.1.';
}
