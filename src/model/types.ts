// The repo model: typed records with their sources, built once and handed to every rule.
import type { IsoDate, Interval } from '../core/dates.js';
import type { CategoryId, Criterion, CriteriaCatalog } from '../core/tsc2017.js';
import type {
  AcknowledgmentFields,
  ControlFields,
  FieldSource,
  PersonFields,
  PolicyFields,
  ScopeFields,
  SystemFields,
  TrainingFields,
  VendorFields,
  WaiverFields,
} from './fields.js';

export type * from './fields.js';
export type { PathSegment } from '../parse/source.js';
export type {
  Directive,
  DirectiveForm,
  DirectiveProblem,
  DirectiveProblemKind,
  DirectiveRule,
  DirectiveSyntax,
  EvidenceContent,
  LoadProblem,
  PathTarget,
} from '../core/types.js';
import type { Directive, EvidenceContent, FileKind, LoadProblem, PathTarget, SourceRange } from '../core/types.js';
import type { PathSegment } from '../parse/source.js';
import type { GitFacts } from '../git/facts.js';
import type { EvidenceDigest } from '../files/read.js';
import type { EvidenceScan } from './secret-scan.js';
export type { EvidenceDigest } from '../files/read.js';
import type { MarkdownLink } from '../parse/markdown.js';
import type { PopulationFile } from './population.js';
export type * from './population.js';

export { WORKING_TREE } from '../git/facts.js';

export type RecordKind =
  | 'policy'
  | 'control'
  | 'scope'
  | 'system'
  | 'vendor'
  | 'person'
  | 'training'
  | 'acknowledgment'
  | 'waiver';

interface RecordBase<Fields> {
  /** Where the record is written; positions are asked for by field path, checked against the record's fields. */
  readonly source: FieldSource<Fields>;
}

/** A value in a list, with its position in the list as written (for `source.at([field, index])`). */
export interface Mention {
  value: string;
  index: number;
}

export type PolicyStatus = 'draft' | 'approved' | 'retired';

export interface Policy extends RecordBase<PolicyFields> {
  kind: 'policy';
  id: string;
  title: string;
  status: PolicyStatus;
  owner?: string;
  /** As written: `version: 1.10` stays "1.10", not the number 1.1. */
  version?: string;
  approvedBy?: string;
  approvedOn?: IsoDate;
  lastReviewed?: IsoDate;
  reviewEvery: Interval;
  /** The interval as written, for messages (`annual`, `P6M`). */
  reviewEveryText: string;
  criteria: Mention[];
  requiresAcknowledgment: boolean;
  /** The markdown after the front matter, and the file line it starts on. */
  body: string;
  bodyLine: number;
  /** The links in the body, with their file positions and where they lead, then those listed under `links:`. */
  links: PolicyLink[];
  /** An explicit due date for the next review; when set, it is the due date instead of last_reviewed + review_every. */
  nextReview?: IsoDate;
  /**
   * How approval is recorded: in fields (approved_by, approved_on), or by a revision history with no approver (a
   * comply document: approved once it has a revision, reviewed by adding one).
   */
  approvalRecord?: 'fields' | 'revision-history';
}

/** A link in a policy body: where it is written and, for a relative link, the root-relative file and anchor it names. */
export interface PolicyLink extends MarkdownLink {
  /** A URL with a scheme, a protocol-relative URL, or mail: not checked. */
  external: boolean;
  /** The root-relative file a relative link names; undefined for `#anchor` alone and for external links. */
  file?: string;
  anchor?: string;
  /** A relative link that climbs out of the repository. */
  outside: boolean;
}

export type ControlStatus = 'active' | 'planned' | 'retired';
export type ControlFrequency =
  | 'continuous'
  | 'daily'
  | 'weekly'
  | 'monthly'
  | 'quarterly'
  | 'semiannual'
  | 'annual'
  | 'event';

export interface EvidenceRef {
  /** Position in the control's `evidence` list, for source lookups. */
  index: number;
  path?: string;
  url?: string;
  date: IsoDate;
  note?: string;
  /** A range the entry covers (a log export, a monitoring report): every interval it spans. `date` is `to` when not written. */
  from?: IsoDate;
  to?: IsoDate;
}

export interface Control extends RecordBase<ControlFields> {
  kind: 'control';
  id: string;
  title: string;
  description?: string;
  owner?: string;
  status: ControlStatus;
  frequency: ControlFrequency;
  criteria: Mention[];
  policies: Mention[];
  systems: Mention[];
  vendors: Mention[];
  activity?: string;
  evidence: EvidenceRef[];
  /** The first day the control is in effect; it owes no proof for intervals before it. */
  effectiveFrom?: IsoDate;
  /** The day the control stopped; it still owes proof for the intervals before it. */
  retiredOn?: IsoDate;
  /** How often its proof is filed, when not at every run (a daily control proven by a monthly export). */
  evidenceEvery?: 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'semiannual' | 'annual';
  /** The population an auditor samples this control from: a built-in word (`changes`, `joiners`, …) or a root-relative file. */
  population?: string;
}

export type AuditType = 'type1' | 'type2';

export interface AuditPeriod {
  start: IsoDate;
  end: IsoDate;
}

export interface NotApplicable {
  criterion: string;
  reason: string;
  index: number;
}

export interface Scope extends RecordBase<ScopeFields> {
  kind: 'scope';
  /** Always includes `security`, whether listed or not. */
  categories: CategoryId[];
  audit?: { type: AuditType; period?: AuditPeriod };
  owner?: string;
  approvedBy?: string;
  approvedOn?: IsoDate;
  lastReviewed?: IsoDate;
  reviewEvery: Interval;
  reviewEveryText: string;
  notApplicable: NotApplicable[];
  nextReview?: IsoDate;
  subserviceOrganizations: { vendor: string; method: 'carve-out' | 'inclusive'; index: number }[];
}

export interface System extends RecordBase<SystemFields> {
  kind: 'system';
  id: string;
  name: string;
  owner?: string;
  description?: string;
}

export type Criticality = 'critical' | 'high' | 'medium' | 'low';
export type AssuranceKind = 'soc2-type2' | 'soc2-type1' | 'iso27001' | 'questionnaire' | 'none';

export interface Vendor extends RecordBase<VendorFields> {
  kind: 'vendor';
  id: string;
  name: string;
  owner?: string;
  criticality: Criticality;
  description?: string;
  assurance?: {
    kind: AssuranceKind;
    periodEnd?: IsoDate;
    periodStart?: IsoDate;
    issuedOn?: IsoDate;
    path?: string;
    bridgeLetter?: { through: IsoDate; path?: string };
  };
  /** Complementary user entity controls, when `cuecs` is written (an empty list is written too). */
  cuecs?: { index: number; text: string; controls: Mention[] }[];
  lastReviewed?: IsoDate;
  /** Undefined when the vendor has no review cadence (a medium or low vendor with none set). */
  reviewEvery?: Interval;
  reviewEveryText?: string;
  nextReview?: IsoDate;
}

export interface Person extends RecordBase<PersonFields> {
  kind: 'person';
  /** The person's e-mail address. */
  id: string;
  name: string;
  role?: string;
  /** What the person may approve; undefined when `can_approve` is not written. */
  canApprove?: ApprovalKind[];
  /** `employee` unless written otherwise. */
  type: 'employee' | 'contractor';
  start?: IsoDate;
  backgroundCheck?: { date: IsoDate; evidence?: string };
  end?: IsoDate;
  /** `systems`: when access to each system (by ID) was removed, in the order written. */
  offboarded?: { date: IsoDate; evidence?: string; systems?: { system: string; date: IsoDate }[] };
}

export interface TrainingRecord extends RecordBase<TrainingFields> {
  kind: 'training';
  person: string;
  course: string;
  date: IsoDate;
}

export interface AcknowledgmentRecord extends RecordBase<AcknowledgmentFields> {
  kind: 'acknowledgment';
  person: string;
  policy: string;
  version: string;
  date: IsoDate;
}

export interface Waiver extends RecordBase<WaiverFields> {
  kind: 'waiver';
  rule: string;
  /** A record ID or a path glob. */
  target: string;
  reason: string;
  approvedBy: string;
  approvedOn?: IsoDate;
  requestedBy?: string;
  expires: IsoDate;
}

/** What `can_approve` grants: approving policies, waivers or the audit scope. */
export type ApprovalKind = 'policies' | 'waivers' | 'scope';

export type ComplianceRecord =
  | Policy
  | Control
  | Scope
  | System
  | Vendor
  | Person
  | TrainingRecord
  | AcknowledgmentRecord
  | Waiver;

/**
 * Parts of the model that cost extra I/O and are loaded only when an enabled rule reads them:
 * the git index, the git history of policies, the text of evidence files, and the targets of policy links.
 */
/** An evidence file as sensitive-evidence sees it: what the secret scans found in its text, or why it was not scanned. */
export type ScannedEvidence = { scan: EvidenceScan } | Exclude<EvidenceContent, { text: string }>;

export type ModelPart = 'git-index' | 'git-history' | 'evidence-content' | 'link-targets' | 'evidence-digest' | 'git-added';

export interface RepoModel {
  catalog: CriteriaCatalog;
  criteria: ReadonlyMap<string, Criterion>;
  /** The config file relative to the root, when there is one. */
  configFile?: string;
  /** The scope file, when there is one, even if it could not be parsed. */
  scopeFile?: string;
  scope?: Scope;
  policies: Policy[];
  controls: Control[];
  systems: System[];
  vendors: Vendor[];
  people: Person[];
  /** Whether a people file exists at all (owner checks only make sense when it does). */
  hasPeopleFile: boolean;
  /** The config's `holidays:`: days that are not business days. */
  holidays: ReadonlySet<IsoDate>;
  training: TrainingRecord[];
  acknowledgments: AcknowledgmentRecord[];
  waivers: Waiver[];
  /**
   * Every ID declared per kind, including records dropped for schema violations, so a reference to a
   * record that is merely malformed is not also reported as unknown.
   */
  /**
   * Every file path named by a record (evidence, vendor reports, offboarding proof) or a population item as written,
   * and every file a policy links to (root-relative), with what is there.
   */
  paths: ReadonlyMap<string, PathTarget>;
  /** With `link-targets`: the anchors (heading slugs, explicit ids) of each markdown file a policy links to. */
  anchors: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * With `evidence-content`: what the secret scans found in each evidence file that exists (never its text, which is
   * dropped once scanned), or why it was not scanned, by path as written.
   */
  evidenceContent: ReadonlyMap<string, ScannedEvidence>;
  /** With `evidence-digest`: the size, blankness and SHA-256 of each evidence file that exists, by path as written. */
  evidenceDigests: ReadonlyMap<string, EvidenceDigest>;
  /** With `git-index` or `git-history`: what git knows. Undefined when no rule asked. */
  git?: GitFacts;
  declaredIds: ReadonlyMap<'policy' | 'control' | 'system' | 'vendor' | 'person', ReadonlySet<string>>;
  problems: LoadProblem[];
  /** The inline suppression directives of every file that parsed, in file order (see src/parse/directives.ts). */
  directives: Directive[];
  /** How the program is written (native unless the config or a comply.yml says comply). */
  format?: 'native' | 'comply';
  /** What counts toward criteria coverage, resolved from the config and the program's shape (see coverageMode). */
  coverage?: 'controls' | 'policies' | 'both';
  /** A comply program's standards/*.yml: the criteria each lists, with their places. */
  standards?: Standard[];
  /** Roles people.yaml defines (`roles: [{ id: ISMS Manager, holder: jane@acme.example }]`), by role name. */
  roles?: ReadonlyMap<string, Role>;
  /** How many files of each kind the configured paths matched, read or not (a kind with none is absent). */
  fileCounts: Partial<Record<FileKind, number>>;
  /** The population files (under `populations/` by default), in path order; see ./population.ts. */
  populationFiles: PopulationFile[];
  /** Keys a record writes that soc2lint does not know, set aside while the record is loaded (see ./known-fields.ts). */
  unknownFields: UnknownField[];
}

/** A key soc2lint does not know, in a record (or a CSV header) that otherwise loaded. */
export interface UnknownField {
  /** The kind of record it is written in. */
  kind: Exclude<RecordKind, 'system'>;
  /** The path to the key inside the record, ending with the key as written (a CSV column: its header name). */
  path: PathSegment[];
  /** Where the key is written. */
  at: SourceRange;
  /** Who the record is, for messages: `policy POL-A`, `the scope`, `the CSV header`. */
  label: string;
  /** The keys written next to it, known or not (a synonym is not suggested for a field the record already has). */
  siblings: string[];
  /** For a key beside a file's list of records (`controls:`), not in a record: the list's key. */
  beside?: string;
}

/** A standard of a comply program (standards/*.yml): its name and the criterion IDs it lists, each with the place of its key. */
export interface Standard {
  file: string;
  name?: string;
  criteria: { id: string; range: SourceRange }[];
}

/** A role an owner may name instead of a person, and who holds it now. */
export interface Role {
  id: string;
  holder: string;
  range: SourceRange;
}
