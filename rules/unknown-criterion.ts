// Criterion IDs that are not in the Trust Services Criteria: template placeholders (CC9.9), labels glued to IDs,
// family-level IDs (CC6). A mapping to a criterion that does not exist covers nothing.
import { defineRule } from '../src/engine/rule.js';
import { didYouMean } from '../src/core/suggest.js';
import type { Criterion } from '../src/core/tsc2017.js';
import type { RecordSource } from '../src/model/types.js';

export default defineRule({
  meta: {
    id: 'unknown-criterion',
    description: 'A mapped criterion ID that is not in the Trust Services Criteria catalog, such as CC9.9 or "CC7.3 - Incident response".',
    defaultSeverity: 'error',
    reads: ['control', 'policy', 'scope'],
  },
  check({ model, report }) {
    const check = (owner: string, value: string, source: RecordSource, path: (string | number)[]) => {
      if (model.criteria.has(value)) return;
      report({ message: `${owner} "${value}", which is not a Trust Services Criterion. ${advice(value, model.criteria)}`, at: source.at(path) });
    };
    for (const control of model.controls) {
      for (const { value, index } of control.criteria) check(`Control ${control.id} maps`, value, control.source, ['criteria', index]);
    }
    for (const policy of model.policies) {
      for (const { value, index } of policy.criteria) check(`Policy ${policy.id} maps`, value, policy.source, ['criteria', index]);
    }
    for (const entry of model.scope?.notApplicable ?? []) {
      check('scope.yaml declares not applicable', entry.criterion, model.scope!.source, ['not_applicable', entry.index, 'criterion']);
    }
  },
});

/** Say what was probably meant: the ID inside a label, the criteria of a family or series, or the nearest ID. */
function advice(value: string, criteria: ReadonlyMap<string, Criterion>): string {
  const trimmed = value.trim().toUpperCase();
  if (trimmed !== value && criteria.has(trimmed)) return `Write it as "${trimmed}".`;
  const leading = /^\s*((?:CC|PI|A|C|P)\d+\.\d+)\b/i.exec(value)?.[1]?.toUpperCase();
  if (leading && criteria.has(leading)) return `Write just the ID, "${leading}"; keep descriptions out of the list.`;
  const family = /^\s*((?:CC|PI|A|C|P)\d+)\s*$/i.exec(value)?.[1]?.toUpperCase();
  if (family) {
    const members = [...criteria.keys()].filter((id) => id.startsWith(`${family}.`));
    if (members.length > 0) return `Map the specific criteria instead of the family: ${members[0]}–${members[members.length - 1]}.`;
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
