// References to records that do not exist: a control citing a retired policy ID or a typo'd system.
import { closest, didYouMean } from '../src/core/suggest.js';
import { defineRule } from '../src/engine/rule.js';
import type { Mention } from '../src/model/types.js';

export default defineRule({
  meta: {
    id: 'unknown-reference',
    description: 'A control names a policy, system or vendor ID that does not exist, or a record names an unknown policy or person.',
    defaultSeverity: 'error',
    reads: ['control', 'policy', 'system', 'vendor', 'person', 'acknowledgment', 'training'],
  },
  check({ model, report }) {
    const declared = (kind: 'policy' | 'system' | 'vendor' | 'person') => model.declaredIds.get(kind) ?? new Set<string>();
    for (const control of model.controls) {
      const lists: [string, 'policies' | 'systems' | 'vendors', 'policy' | 'system' | 'vendor', Mention[]][] = [
        ['policy', 'policies', 'policy', control.policies],
        ['system', 'systems', 'system', control.systems],
        ['vendor', 'vendors', 'vendor', control.vendors],
      ];
      for (const [noun, field, kind, mentions] of lists) {
        const known = declared(kind);
        for (const { value, index } of mentions) {
          if (known.has(value)) continue;
          report({
            message: `Control ${control.id} names ${noun} "${value}", which does not exist.${didYouMean(value, known)} ${hint(kind)}`,
            at: control.source.at([field, index]),
          });
        }
      }
    }
    const policies = declared('policy');
    for (const record of model.acknowledgments) {
      if (!policies.has(record.policy)) {
        report({
          message: `Acknowledgment by ${record.person} names policy "${record.policy}", which does not exist.${didYouMean(record.policy, policies)}`,
          at: record.source.at(['policy']),
        });
      }
    }
    // Person IDs are only checked when the program keeps a people register at all.
    if (!model.hasPeopleFile) return;
    const people = declared('person');
    for (const record of [...model.training, ...model.acknowledgments]) {
      if (!people.has(record.person)) {
        report({
          message: `${record.kind === 'training' ? 'Training' : 'Acknowledgment'} record names person "${record.person}", who is not in people.yaml.${suggestPerson(record.person, people)} Add them or fix the address.`,
          at: record.source.at(['person']),
        });
      }
    }
  },
});

function hint(kind: 'policy' | 'system' | 'vendor'): string {
  switch (kind) {
    case 'policy':
      return 'Use the "id" from a policy\'s front matter.';
    case 'system':
      return 'Systems are declared under "systems:" in scope.yaml.';
    case 'vendor':
      return 'Vendors are declared in vendors/*.yaml.';
  }
}

/** Only an unambiguous near-miss: guessing between two colleagues would credit a record to the wrong person. */
function suggestPerson(person: string, people: ReadonlySet<string>): string {
  const match = closest(person, people);
  return match ? ` Did you mean "${match}"?` : '';
}
