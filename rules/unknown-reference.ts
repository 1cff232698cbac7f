// References to records that do not exist: a control citing a retired policy ID or a typo'd system.
import { closest, didYouMean } from '../src/core/suggest.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'unknown-reference',
    description:
      'A control names a policy, system or vendor ID that does not exist, a record names an unknown policy or person, a vendor CUEC names a control that does not exist or is not active, or the scope names an unknown subservice organization.',
    defaultSeverity: 'error',
    reads: ['control', 'policy', 'system', 'vendor', 'person', 'acknowledgment', 'training', 'scope'],
    // `suggestion` is ` Did you mean "..."?` or empty.
    messages: {
      unknownPolicy: 'Control {{control}} names policy "{{policy}}", which does not exist.{{suggestion}} Use the "id" from a policy\'s front matter.',
      unknownSystem: 'Control {{control}} names system "{{system}}", which does not exist.{{suggestion}} Systems are declared under "systems:" in scope.yaml.',
      unknownVendor: 'Control {{control}} names vendor "{{vendor}}", which does not exist.{{suggestion}} Vendors are declared in vendors/*.yaml.',
      unknownAcknowledgedPolicy: 'Acknowledgment by {{person}} names policy "{{policy}}", which does not exist.{{suggestion}}',
      unknownCuecControl:
        'Vendor {{vendor}}: the complementary user entity control "{{cuec}}" is met by control "{{control}}", which does not exist.{{suggestion}} Name the control of ours that meets it.',
      inactiveCuecControl:
        'Vendor {{vendor}}: the complementary user entity control "{{cuec}}" is met by control {{control}}, which is {{status}}. A CUEC must be met by an active control: name one, or activate it.',
      unknownSubservice:
        'scope.yaml names subservice organization "{{vendor}}", which is not in the vendor register.{{suggestion}} Add it to vendors/*.yaml with its assurance, or fix the ID.',
      unknownOffboardedSystem:
        'Person {{person}}: offboarded.systems names system "{{system}}", which does not exist.{{suggestion}} Use the IDs of the systems under "systems:" in scope.yaml.',
      unknownTrainee: 'Training record names person "{{person}}", who is not in people.yaml.{{suggestion}} Add them or fix the address.',
      unknownAcknowledger: 'Acknowledgment record names person "{{person}}", who is not in people.yaml.{{suggestion}} Add them or fix the address.',
    },
  },
  check({ model, report }) {
    const declared = (kind: 'policy' | 'system' | 'vendor' | 'person') => model.declaredIds.get(kind) ?? new Set<string>();
    for (const control of model.controls) {
      const lists = [
        ['policies', 'policy', control.policies, 'unknownPolicy'],
        ['systems', 'system', control.systems, 'unknownSystem'],
        ['vendors', 'vendor', control.vendors, 'unknownVendor'],
      ] as const;
      for (const [field, kind, mentions, messageId] of lists) {
        const known = declared(kind);
        for (const { value, index } of mentions) {
          if (known.has(value)) continue;
          report({ messageId, data: { control: control.id, [kind]: value, suggestion: didYouMean(value, known) }, at: control.source.at([field, index]) });
        }
      }
    }
    const controls = new Map(model.controls.map((control) => [control.id, control]));
    const controlIds = new Set([...(model.declaredIds.get('control') ?? []), ...controls.keys()]);
    for (const vendor of model.vendors) {
      for (const cuec of vendor.cuecs ?? []) {
        for (const { value, index } of cuec.controls) {
          const control = controls.get(value);
          const at = vendor.source.at(['cuecs', cuec.index, 'controls', index]);
          const named = { vendor: vendor.id, cuec: cuec.text, control: value };
          if (!controlIds.has(value)) report({ messageId: 'unknownCuecControl', data: { ...named, suggestion: didYouMean(value, controlIds) }, at });
          else if (control && control.status !== 'active') report({ messageId: 'inactiveCuecControl', data: { ...named, status: control.status }, at });
        }
      }
    }
    const scope = model.scope;
    const vendors = declared('vendor');
    for (const { vendor, index } of scope?.subserviceOrganizations ?? []) {
      if (vendors.has(vendor)) continue;
      report({ messageId: 'unknownSubservice', data: { vendor, suggestion: didYouMean(vendor, vendors) }, at: scope!.source.at(['subservice_organizations', index, 'vendor']) });
    }
    const systems = declared('system');
    for (const person of model.people) {
      for (const { system } of person.offboarded?.systems ?? []) {
        if (systems.has(system)) continue;
        report({ messageId: 'unknownOffboardedSystem', data: { person: person.id, system, suggestion: didYouMean(system, systems) }, at: person.source.at(['offboarded', 'systems', system], 'key') });
      }
    }
    const policies = declared('policy');
    for (const record of model.acknowledgments) {
      if (!policies.has(record.policy)) {
        report({
          messageId: 'unknownAcknowledgedPolicy',
          data: { person: record.person, policy: record.policy, suggestion: didYouMean(record.policy, policies) },
          at: record.source.at(['policy']),
        });
      }
    }
    // Person IDs are only checked when the program keeps a people register at all.
    if (!model.hasPeopleFile) return;
    const people = declared('person');
    for (const record of model.training) {
      if (people.has(record.person)) continue;
      report({ messageId: 'unknownTrainee', data: { person: record.person, suggestion: suggestPerson(record.person, people) }, at: record.source.at(['person']) });
    }
    for (const record of model.acknowledgments) {
      if (people.has(record.person)) continue;
      report({ messageId: 'unknownAcknowledger', data: { person: record.person, suggestion: suggestPerson(record.person, people) }, at: record.source.at(['person']) });
    }
  },
});

/** Only an unambiguous near-miss: guessing between two colleagues would credit a record to the wrong person. */
function suggestPerson(person: string, people: ReadonlySet<string>): string {
  const match = closest(person, people);
  return match ? ` Did you mean "${match}"?` : '';
}
