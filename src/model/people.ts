// Who works here on a given day, and who owns what: shared by the people, training and ownership rules.
import { compareDates, type IsoDate } from '../core/dates.js';
import type { ApprovalKind, Person, RepoModel, Role } from './types.js';
import type { SourceRange } from '../core/types.js';

/** Started (or no start recorded) and not yet gone: the last day (`end`) still counts as employed. */
export function isActivePerson(person: Person, asOf: IsoDate): boolean {
  return (person.start === undefined || compareDates(person.start, asOf) <= 0) && !hasLeft(person, asOf);
}

/** Left before `asOf`. */
export function hasLeft(person: Person, asOf: IsoDate): boolean {
  return person.end !== undefined && compareDates(person.end, asOf) < 0;
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

/** An approval written in the program: a policy's, a waiver's or the scope's `approved_by`. */
export interface Approval {
  kind: ApprovalKind;
  /** `Policy POL-ACCESS`, `The waiver of stale-evidence for AC-09`, `The scope`. */
  label: string;
  approver: string;
  /** The approval date, when recorded. */
  on?: IsoDate;
  /** Whose work is approved (the policy's owner, the waiver's requester), and under which key, for segregation of duties. */
  author?: { person: string; field: 'owner' | 'requested_by' };
  /** Where `approved_by` is written. */
  at: () => SourceRange;
}

/** Every `approved_by` in the program, with its date and author. */
export function approvals(model: RepoModel): Approval[] {
  const result: Approval[] = [];
  for (const policy of model.policies) {
    if (!policy.approvedBy) continue;
    result.push({
      kind: 'policies',
      label: `Policy ${policy.id}`,
      approver: policy.approvedBy,
      ...(policy.approvedOn ? { on: policy.approvedOn } : {}),
      ...(policy.owner ? { author: { person: policy.owner, field: 'owner' as const } } : {}),
      at: () => policy.source.at(['approved_by']),
    });
  }
  for (const waiver of model.waivers) {
    result.push({
      kind: 'waivers',
      label: `The waiver of ${waiver.rule} for ${waiver.target}`,
      approver: waiver.approvedBy,
      ...(waiver.approvedOn ? { on: waiver.approvedOn } : {}),
      ...(waiver.requestedBy ? { author: { person: waiver.requestedBy, field: 'requested_by' as const } } : {}),
      at: () => waiver.source.at(['approved_by']),
    });
  }
  const scope = model.scope;
  if (scope?.approvedBy) {
    result.push({
      kind: 'scope',
      label: 'The scope',
      approver: scope.approvedBy,
      ...(scope.approvedOn ? { on: scope.approvedOn } : {}),
      at: () => scope.source.at(['approved_by']),
    });
  }
  return result;
}

/**
 * Who may approve a kind of record: while nobody in people.yaml has `can_approve`, anyone; once someone has it, only
 * those whose list names the kind.
 */
export function mayApprove(model: RepoModel, person: Person, kind: ApprovalKind): boolean {
  if (person.canApprove?.includes(kind)) return true;
  return !model.people.some((p) => p.canApprove !== undefined);
}

/** An e-mail address as people are matched by it: without surrounding space, without regard to case. */
export function addressKey(address: string): string {
  return address.trim().toLowerCase();
}

/** Two people's addresses name the same person. */
export function samePerson(a: string, b: string): boolean {
  return addressKey(a) === addressKey(b);
}

/** The person an address names (matched as `samePerson` matches), by a lookup built once. */
export function peopleByAddress(model: RepoModel): (address: string) => Person | undefined {
  const byKey = new Map(model.people.map((person) => [addressKey(person.id), person]));
  return (address) => byKey.get(addressKey(address));
}
