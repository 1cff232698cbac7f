// Raw, schema-checked values turned into typed records: snake_case to camelCase, defaults applied,
// values that broke the schema left out (they are already reported), list positions kept for findings.
import { INTERVAL_KEYWORDS, parseInterval, type Interval } from '../core/dates.js';
import type { CategoryId } from '../core/tsc2017.js';
import { extractLinks, isExternal, resolveLink, type MarkdownLink } from '../parse/markdown.js';
import type { PathSegment, RecordSource } from '../parse/source.js';
import type { Violation } from '../schema/validate.js';
import type {
  AcknowledgmentRecord,
  Control,
  EvidenceRef,
  Mention,
  Person,
  Policy,
  Scope,
  System,
  TrainingRecord,
  Vendor,
  Waiver,
} from './types.js';

type Raw = Record<string, unknown>;

/** Marks a list item that broke the schema: it is skipped, and the items after it keep their positions. */
const DROPPED = Symbol('dropped');

/**
 * Remove what the schema rejected, as little as possible: an unknown key; else the innermost optional field holding
 * the bad value; else the list item holding it. Returns undefined when the record itself is unusable (a required
 * field is missing or invalid): it is reported, but rules never see it.
 */
export function prune(raw: unknown, violations: readonly Violation[], isRequired: (parentPath: PathSegment[], key: string) => boolean): Raw | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  // Nothing to remove (the usual case): the record as it is, not a copy.
  if (violations.length === 0) return raw as Raw;
  const record = structuredClone(raw) as Raw;
  for (const { path, unknownKey } of violations) {
    if (unknownKey) {
      deleteAt(record, path);
      continue;
    }
    if (!removeInnermost(record, path, isRequired)) return undefined;
  }
  return record;
}

function removeInnermost(record: Raw, path: readonly PathSegment[], isRequired: (parentPath: PathSegment[], key: string) => boolean): boolean {
  for (let k = path.length; k >= 1; k--) {
    const segment = path[k - 1]!;
    const parentPath = path.slice(0, k - 1);
    const parent = valueAt(record, parentPath);
    if (typeof segment === 'number' && Array.isArray(parent)) {
      parent[segment] = DROPPED;
      return true;
    }
    if (typeof segment === 'string' && !isRequired(parentPath, segment)) {
      if (parent && typeof parent === 'object') delete (parent as Raw)[segment];
      return true;
    }
  }
  return false;
}

function valueAt(record: Raw, path: readonly PathSegment[]): unknown {
  let value: unknown = record;
  for (const segment of path) value = value && typeof value === 'object' ? (value as Raw)[segment as string] : undefined;
  return value;
}

function deleteAt(record: Raw, path: readonly PathSegment[]): void {
  const parent = valueAt(record, path.slice(0, -1));
  if (parent && typeof parent === 'object' && !Array.isArray(parent)) delete (parent as Raw)[String(path[path.length - 1])];
}

function mentions(value: unknown): Mention[] {
  if (!Array.isArray(value)) return [];
  const result: Mention[] = [];
  value.forEach((item, index) => {
    if (item !== DROPPED && typeof item === 'string') result.push({ value: item, index });
  });
  return result;
}

function items(value: unknown): { item: Raw; index: number }[] {
  if (!Array.isArray(value)) return [];
  const result: { item: Raw; index: number }[] = [];
  value.forEach((item, index) => {
    if (item !== DROPPED && item && typeof item === 'object') result.push({ item: item as Raw, index });
  });
  return result;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A version as written; numbers come from unquoted YAML (`version: 2`), `versionText` has the source when known. */
function version(value: unknown, versionText: string | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return versionText ?? String(value);
  return undefined;
}

function interval(value: unknown, fallback: keyof typeof INTERVAL_KEYWORDS): { interval: Interval; text: string } {
  const written = text(value);
  const parsed = written ? parseInterval(written) : undefined;
  return parsed && written ? { interval: parsed, text: written } : { interval: INTERVAL_KEYWORDS[fallback], text: fallback };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export function toPolicy(raw: Raw, source: RecordSource, body: string, bodyLine: number, versionText?: string): Policy {
  const toLink = (link: MarkdownLink) =>
    isExternal(link.target) ? { ...link, external: true, outside: false } : { ...link, external: false, ...resolveLink(source.file, link.target) };
  // Related documents listed in the front matter are links too, at their list item; one written as an ID (no folder,
  // no extension: POL-ACCESS) names a policy, not a file.
  const listed = mentions(raw.links)
    .filter(({ value }) => /[/.]/.test(value))
    .map(({ value, index }) => {
      const at = source.at(['links', index]);
      return { target: value, line: at.line, column: at.column, endColumn: at.endColumn };
    });
  const links = [...extractLinks(body, bodyLine), ...listed].map(toLink);
  const review = interval(raw.review_every, 'annual');
  return {
    kind: 'policy',
    source,
    id: raw.id as string,
    title: raw.title as string,
    status: raw.status as Policy['status'],
    ...optional('owner', text(raw.owner)),
    ...optional('version', version(raw.version, versionText)),
    ...optional('approvedBy', text(raw.approved_by)),
    ...optional('approvedOn', text(raw.approved_on)),
    ...optional('lastReviewed', text(raw.last_reviewed)),
    reviewEvery: review.interval,
    reviewEveryText: review.text,
    criteria: mentions(raw.criteria),
    requiresAcknowledgment: raw.requires_acknowledgment === true,
    body,
    bodyLine,
    links,
    ...optional('nextReview', text(raw.next_review)),
  };
}

export function toControl(raw: Raw, source: RecordSource): Control {
  return {
    kind: 'control',
    source,
    id: raw.id as string,
    title: raw.title as string,
    ...optional('description', text(raw.description)),
    ...optional('owner', text(raw.owner)),
    status: (text(raw.status) ?? 'active') as Control['status'],
    frequency: raw.frequency as Control['frequency'],
    criteria: mentions(raw.criteria),
    policies: mentions(raw.policies),
    systems: mentions(raw.systems),
    vendors: mentions(raw.vendors),
    ...optional('activity', text(raw.activity)),
    evidence: items(raw.evidence).flatMap(({ item, index }) => {
      // A range without a date of its own is dated by its end: the export cannot have been made earlier.
      const date = text(item.date) ?? text(item.to);
      return date === undefined ? [] : [evidenceRef(index, date, item)];
    }),
    ...optional('effectiveFrom', text(raw.effective_from)),
    ...optional('retiredOn', text(raw.retired_on)),
    ...optional('evidenceEvery', text(raw.evidence_every) as Control['evidenceEvery']),
    ...optional('population', text(raw.population)),
  };
}

/** An evidence entry, its fields in a fixed order (a control cites thousands: built without spreading). */
function evidenceRef(index: number, date: string, item: Raw): EvidenceRef {
  const entry: EvidenceRef = { index, date };
  const path = text(item.path);
  if (path !== undefined) entry.path = path;
  const url = text(item.url);
  if (url !== undefined) entry.url = url;
  const note = text(item.note);
  if (note !== undefined) entry.note = note;
  const from = text(item.from);
  if (from !== undefined) entry.from = from;
  const to = text(item.to);
  if (to !== undefined) entry.to = to;
  return entry;
}

export function toScope(raw: Raw, source: RecordSource): Scope {
  const review = interval(raw.review_every, 'annual');
  const listed = mentions(raw.categories).map((m) => m.value as CategoryId);
  const audit = raw.audit as { type: 'type1' | 'type2'; period?: { start: string; end: string } } | undefined;
  return {
    kind: 'scope',
    source,
    categories: listed.includes('security') ? listed : ['security', ...listed],
    ...optional('audit', audit ? { type: audit.type, ...optional('period', audit.period ? { start: audit.period.start, end: audit.period.end } : undefined) } : undefined),
    ...optional('owner', text(raw.owner)),
    ...optional('approvedBy', text(raw.approved_by)),
    ...optional('approvedOn', text(raw.approved_on)),
    ...optional('lastReviewed', text(raw.last_reviewed)),
    reviewEvery: review.interval,
    reviewEveryText: review.text,
    notApplicable: items(raw.not_applicable).map(({ item, index }) => ({
      criterion: item.criterion as string,
      reason: item.reason as string,
      index,
    })),
    ...optional('nextReview', text(raw.next_review)),
    subserviceOrganizations: items(raw.subservice_organizations).map(({ item, index }) => ({
      vendor: item.vendor as string,
      method: item.method as 'carve-out' | 'inclusive',
      index,
    })),
  };
}

export function toSystems(raw: Raw, scopeSource: (path: PathSegment[]) => RecordSource): System[] {
  return items(raw.systems).map(({ item, index }) => ({
    kind: 'system',
    source: scopeSource(['systems', index]),
    id: item.id as string,
    name: item.name as string,
    ...optional('owner', text(item.owner)),
    ...optional('description', text(item.description)),
  }));
}

export function toVendor(raw: Raw, source: RecordSource): Vendor {
  const criticality = raw.criticality as Vendor['criticality'];
  // Critical and high vendors are reviewed yearly unless the register says otherwise; others only when it says so.
  const review = raw.review_every !== undefined || criticality === 'critical' || criticality === 'high' ? interval(raw.review_every, 'annual') : undefined;
  const assurance = raw.assurance as Raw | undefined;
  const bridge = assurance?.bridge_letter as Raw | undefined;
  return {
    kind: 'vendor',
    source,
    id: raw.id as string,
    name: raw.name as string,
    criticality,
    ...optional('owner', text(raw.owner)),
    ...optional('description', text(raw.description)),
    ...optional(
      'assurance',
      assurance
        ? {
            kind: assurance.kind as NonNullable<Vendor['assurance']>['kind'],
            ...optional('periodEnd', text(assurance.period_end)),
            ...optional('periodStart', text(assurance.period_start)),
            ...optional('issuedOn', text(assurance.issued_on)),
            ...optional('path', text(assurance.path)),
            ...optional('bridgeLetter', bridge ? { through: bridge.through as string, ...optional('path', text(bridge.path)) } : undefined),
          }
        : undefined,
    ),
    ...optional('cuecs', Array.isArray(raw.cuecs) ? items(raw.cuecs).map(({ item, index }) => ({ index, text: item.text as string, controls: mentions(item.controls) })) : undefined),
    ...optional('lastReviewed', text(raw.last_reviewed)),
    ...optional('reviewEvery', review?.interval),
    ...optional('reviewEveryText', review?.text),
    ...optional('nextReview', text(raw.next_review)),
  };
}

export function toPerson(raw: Raw, source: RecordSource): Person {
  const offboarded = raw.offboarded as Raw | undefined;
  const check = raw.background_check as Raw | undefined;
  return {
    kind: 'person',
    source,
    id: raw.id as string,
    name: raw.name as string,
    ...optional('role', text(raw.role)),
    ...optional('canApprove', Array.isArray(raw.can_approve) ? (mentions(raw.can_approve).map((m) => m.value) as Person['canApprove']) : undefined),
    type: raw.type === 'contractor' ? 'contractor' : 'employee',
    ...optional('start', text(raw.start)),
    ...optional('backgroundCheck', check ? { date: check.date as string, ...optional('evidence', text(check.evidence)) } : undefined),
    ...optional('end', text(raw.end)),
    ...optional(
      'offboarded',
      offboarded
        ? {
            date: offboarded.date as string,
            ...optional('evidence', text(offboarded.evidence)),
            ...optional('systems', offboarded.systems && typeof offboarded.systems === 'object' ? Object.entries(offboarded.systems as Raw).filter(([, date]) => typeof date === 'string').map(([system, date]) => ({ system, date: date as string })) : undefined),
          }
        : undefined,
    ),
  };
}

export function toTraining(raw: Raw, source: RecordSource): TrainingRecord {
  return { kind: 'training', source, person: raw.person as string, course: raw.course as string, date: raw.date as string };
}

export function toAcknowledgment(raw: Raw, source: RecordSource, versionText?: string): AcknowledgmentRecord {
  return {
    kind: 'acknowledgment',
    source,
    person: raw.person as string,
    policy: raw.policy as string,
    version: version(raw.version, versionText) ?? '',
    date: raw.date as string,
  };
}

export function toWaiver(raw: Raw, source: RecordSource): Waiver {
  return {
    kind: 'waiver',
    source,
    rule: raw.rule as string,
    target: raw.target as string,
    reason: raw.reason as string,
    approvedBy: raw.approved_by as string,
    ...optional('approvedOn', text(raw.approved_on)),
    ...optional('requestedBy', text(raw.requested_by)),
    expires: raw.expires as string,
  };
}
