// The fields of each record kind as a program writes them (YAML keys), for typed positions: `control.source.at(['evidence',
// 0, 'date'])` compiles only when the path names fields a control has. Values are typed loosely on purpose: these types
// say where things may be written, not what the schema accepts (that is schemas/*.schema.json).
import type { Part, PathSegment } from '../parse/source.js';
import type { SourceRange } from '../core/types.js';

type Scalar = string;

export interface PolicyFields {
  id: Scalar;
  title: Scalar;
  status: Scalar;
  owner: Scalar;
  version: Scalar;
  approved_by: Scalar;
  approved_on: Scalar;
  last_reviewed: Scalar;
  review_every: Scalar;
  criteria: Scalar[];
  requires_acknowledgment: Scalar;
  next_review: Scalar;
  links: Scalar[];
}

export interface EvidenceFields {
  path: Scalar;
  url: Scalar;
  date: Scalar;
  note: Scalar;
  from: Scalar;
  to: Scalar;
}

export interface ControlFields {
  id: Scalar;
  title: Scalar;
  description: Scalar;
  owner: Scalar;
  status: Scalar;
  frequency: Scalar;
  criteria: Scalar[];
  policies: Scalar[];
  systems: Scalar[];
  vendors: Scalar[];
  activity: Scalar;
  evidence: EvidenceFields[];
  effective_from: Scalar;
  retired_on: Scalar;
  evidence_every: Scalar;
  population: Scalar;
}

export interface SystemFields {
  id: Scalar;
  name: Scalar;
  owner: Scalar;
  description: Scalar;
}

export interface ScopeFields {
  categories: Scalar[];
  audit: { type: Scalar; period: { start: Scalar; end: Scalar } };
  owner: Scalar;
  approved_by: Scalar;
  approved_on: Scalar;
  last_reviewed: Scalar;
  review_every: Scalar;
  next_review: Scalar;
  not_applicable: { criterion: Scalar; reason: Scalar }[];
  systems: SystemFields[];
  subservice_organizations: { vendor: Scalar; method: Scalar }[];
}

export interface VendorFields {
  id: Scalar;
  name: Scalar;
  owner: Scalar;
  criticality: Scalar;
  description: Scalar;
  assurance: { kind: Scalar; period_end: Scalar; period_start: Scalar; issued_on: Scalar; path: Scalar; bridge_letter: { through: Scalar; path: Scalar } };
  cuecs: { text: Scalar; controls: Scalar[] }[];
  last_reviewed: Scalar;
  review_every: Scalar;
  next_review: Scalar;
}

export interface PersonFields {
  id: Scalar;
  name: Scalar;
  role: Scalar;
  can_approve: Scalar[];
  type: Scalar;
  start: Scalar;
  background_check: { date: Scalar; evidence: Scalar };
  end: Scalar;
  offboarded: { date: Scalar; evidence: Scalar; systems: Record<string, Scalar> };
}

export interface TrainingFields {
  person: Scalar;
  course: Scalar;
  date: Scalar;
}

export interface AcknowledgmentFields {
  person: Scalar;
  policy: Scalar;
  version: Scalar;
  date: Scalar;
}

export interface WaiverFields {
  rule: Scalar;
  target: Scalar;
  reason: Scalar;
  approved_by: Scalar;
  approved_on: Scalar;
  requested_by: Scalar;
  expires: Scalar;
}

/** Every path into a record of the given fields: `[]`, `['owner']`, `['evidence', 2, 'date']`. */
export type FieldPath<Fields> = [] | NonEmptyPath<Fields>;

type NonEmptyPath<T> = T extends readonly (infer Item)[]
  ? [number, ...FieldPath<Item>]
  : T extends object
    ? { [K in keyof T & string]: [K, ...FieldPath<T[K]>] }[keyof T & string]
    : never;

/** Where a record came from, with positions asked for by field path. */
export interface FieldSource<Fields> {
  readonly file: string;
  /**
   * The range of the value at `path` (or of its key). A path the file does not write (an absent optional field)
   * falls back to the deepest part of it that is written, so a finding always has a place.
   */
  at(path?: FieldPath<Fields>, part?: Part): SourceRange;
  /** Whether the path is written in the file at all (a key can be present yet dropped from the model as invalid). */
  has(path: FieldPath<Fields>): boolean;
}

/** A source whose field types are not known here (a helper shared by several record kinds). */
export interface AnySource {
  readonly file: string;
  at(path?: readonly PathSegment[], part?: Part): SourceRange;
  has(path: readonly PathSegment[]): boolean;
}
