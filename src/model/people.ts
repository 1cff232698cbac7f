// Who works here on a given day, and who owns what: shared by the people, training and ownership rules.
import { compareDates, type IsoDate } from '../core/dates.js';
import type { Person, RepoModel, Role } from './types.js';
import type { SourceRange } from '../core/types.js';

/** Started (or no start recorded) and not yet gone: the last day (`end`) still counts as employed. */
export function isActivePerson(person: Person, asOf: IsoDate): boolean {
  return (person.start === undefined || compareDates(person.start, asOf) <= 0) && !hasLeft(person, asOf);
}

/** Left before `asOf`. */
export function hasLeft(person: Person, asOf: IsoDate): boolean {
  return person.end !== undefined && compareDates(person.end, asOf) < 0;
}

export function peopleById(model: RepoModel): Map<string, Person> {
  return new Map(model.people.map((person) => [person.id, person]));
}

/** Owners are usually e-mail addresses; a team name ("security team") is not checked against people.yaml. */
export function looksLikeEmail(owner: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(owner);
}

export interface Ownership {
  /** `Policy POL-ACCESS`, `Control AC-01`, `System SYS-APP`, `Vendor VEN-AWS`, `The scope`. */
  label: string;
  owner: string;
  /** Where the owner is written. */
  at: () => SourceRange;
  /** Whether the owned thing is in force: an approved policy, an active control, any system, vendor or scope. */
  inForce: boolean;
  /** When the owner names a role people.yaml defines (`ISMS Manager`): the role, whose holder is the accountable person. */
  role?: Role;
}

/** The role an owner names, when people.yaml defines roles (names compared without regard to case or spacing). */
export function roleNamed(model: RepoModel, owner: string): Role | undefined {
  const key = owner.trim().toLowerCase();
  for (const role of model.roles?.values() ?? []) if (role.id.trim().toLowerCase() === key) return role;
  return undefined;
}

/** Every `owner:` in the program, with where it is written. */
export function ownerships(model: RepoModel): Ownership[] {
  const result: Ownership[] = [];
  for (const policy of model.policies) {
    if (policy.owner) result.push({ label: `Policy ${policy.id}`, owner: policy.owner, at: () => policy.source.at(['owner']), inForce: policy.status === 'approved' });
  }
  for (const control of model.controls) {
    if (control.owner) result.push({ label: `Control ${control.id}`, owner: control.owner, at: () => control.source.at(['owner']), inForce: control.status === 'active' });
  }
  for (const system of model.systems) {
    if (system.owner) result.push({ label: `System ${system.id}`, owner: system.owner, at: () => system.source.at(['owner']), inForce: true });
  }
  for (const vendor of model.vendors) {
    if (vendor.owner) result.push({ label: `Vendor ${vendor.id}`, owner: vendor.owner, at: () => vendor.source.at(['owner']), inForce: true });
  }
  const scope = model.scope;
  if (scope?.owner) result.push({ label: 'The scope', owner: scope.owner, at: () => scope.source.at(['owner']), inForce: true });
  for (const entry of result) {
    const role = roleNamed(model, entry.owner);
    if (role) entry.role = role;
  }
  return result;
}
