// The population a control is sampled from, within a window (the audit period): the items an auditor would ask for.
// Built-in populations are read from the program (people, vendors, the control's own evidence); the others from the
// population files. Items dated outside the window are left out (incomplete-population reports items the period should
// hold and does not); items with no date are kept, since nothing says they fall outside.
import { compareDates, type IsoDate } from '../core/dates.js';
import type { SourceRange } from '../core/types.js';
import { populationFileAt, populationFilesNamed } from './population.js';
import type { Control, Criticality, Person, Population, PopulationItem, RepoModel } from './types.js';

export interface Window {
  start: IsoDate;
  end: IsoDate;
}

/** Vendors are listed the way an auditor reads the register: critical first, then high, medium and low. */
const CRITICALITY_ORDER: readonly Criticality[] = ['critical', 'high', 'medium', 'low'];

/** The control's population within the window; undefined when the control names none. */
export function populationFor(model: RepoModel, control: Control, window: Window): Population | undefined {
  const name = control.population;
  if (name === undefined) return undefined;
  const inWindow = (item: PopulationItem) => item.date === undefined || within(item.date, window);
  switch (name) {
    case 'changes':
    case 'incidents': {
      const files = populationFilesNamed(model.populationFiles, name);
      return {
        name,
        origin: files.length > 0 ? files.map((file) => file.file).join(', ') : `no ${name} file`,
        items: files.flatMap((file) => file.items).filter(inWindow),
      };
    }
    case 'joiners':
      return {
        name,
        origin: peopleOrigin(model),
        items: model.people.filter((person) => person.start !== undefined && within(person.start, window)).map((person) => personItem(person, 'start')),
      };
    case 'leavers':
      return {
        name,
        origin: peopleOrigin(model),
        items: model.people.filter((person) => person.end !== undefined && within(person.end, window)).map((person) => personItem(person, 'end')),
      };
    case 'access-reviews':
      return {
        name,
        origin: "the control's evidence",
        items: control.evidence
          .filter((entry) => within(entry.date, window))
          .map((entry) => {
            const range = control.source.at(['evidence', entry.index]);
            const id = entry.path ?? entry.url ?? entry.date;
            return {
              id,
              date: entry.date,
              ...(entry.note !== undefined ? { title: entry.note } : {}),
              at: { ...range, record: id },
              endLine: range.endLine,
              evidence: entry.path !== undefined ? [entry.path] : [],
            };
          }),
      };
    case 'vendors': {
      const rank = (criticality: Criticality) => CRITICALITY_ORDER.indexOf(criticality);
      const vendors = model.vendors.map((vendor, order) => ({ vendor, order })).sort((a, b) => rank(a.vendor.criticality) - rank(b.vendor.criticality) || a.order - b.order);
      return {
        name,
        origin: [...new Set(model.vendors.map((vendor) => vendor.source.file))].join(', ') || 'no vendor register',
        items: vendors.map(({ vendor }) => {
          const record = vendor.source.at([]);
          return {
            id: vendor.id,
            title: `${vendor.name} (${vendor.criticality})`,
            at: { ...vendor.source.at(['id']), record: vendor.id },
            endLine: record.endLine,
            evidence: [vendor.assurance?.path, vendor.assurance?.bridgeLetter?.path].filter((path): path is string => path !== undefined),
          };
        }),
      };
    }
    default: {
      const file = populationFileAt(model.populationFiles, name);
      return { name, origin: file ? file.file : `${name} (not found)`, ...(file ? { file: file.file } : {}), items: file ? file.items.filter(inWindow) : [] };
    }
  }
}

/** Whether the named population has a source at all, as incomplete-population judges it: a population file, or a built-in word. */
export function populationExists(model: RepoModel, control: Control): boolean {
  const name = control.population;
  if (name === undefined) return false;
  if (name === 'changes' || name === 'incidents') return populationFilesNamed(model.populationFiles, name).length > 0;
  // People, access reviews and vendors come from the program's own records: a program with none has an empty population.
  if (name === 'joiners' || name === 'leavers' || name === 'access-reviews' || name === 'vendors') return true;
  return populationFileAt(model.populationFiles, name) !== undefined;
}

function within(date: IsoDate, window: Window): boolean {
  return compareDates(date, window.start) >= 0 && compareDates(date, window.end) <= 0;
}

function peopleOrigin(model: RepoModel): string {
  return model.people[0]?.source.file ?? 'no people file';
}

/** A joiner (at their `start`) or a leaver (at their `end`); the proof is the background check or the offboarding record. */
function personItem(person: Person, field: 'start' | 'end'): PopulationItem {
  const at: SourceRange = { ...person.source.at([field]), record: person.id };
  const evidence = field === 'start' ? person.backgroundCheck?.evidence : person.offboarded?.evidence;
  return {
    id: person.id,
    date: field === 'start' ? person.start! : person.end!,
    title: person.name,
    at,
    endLine: Math.max(at.endLine, person.source.at([]).endLine),
    evidence: evidence !== undefined ? [evidence] : [],
  };
}
