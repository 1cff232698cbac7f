// One pass over the program: discover files, read and parse each, validate every record against its schema,
// and build the repo model with its cross references. Every failure is a problem in the model, never an exception.
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, posix, sep } from 'node:path';
import type { Config, FileKind } from '../config/config.js';
import { maxDate, minDate, type IsoDate } from '../core/dates.js';
import { TSC_2017, type Criterion } from '../core/tsc2017.js';
import { discoverFiles, type DiscoveredFile } from '../files/discover.js';
import { digestEvidence, readEvidenceWithDigest, readTextFile, type EvidenceDigest, type Overlay } from '../files/read.js';
import { loadGitFacts, startGit, type AddedDates, type KeptGit, type StartedGit } from '../git/facts.js';
import { evidenceFiles } from './evidence.js';
import { headingAnchors } from '../parse/markdown.js';
import { parseCsv } from '../parse/csv.js';
import { frontMatterDirectives, markdownDirectives, yamlDirectives } from '../parse/directives.js';
import { parseFrontMatter } from '../parse/front-matter.js';
import { CsvRowSource, FileSource, NO_NODE, yamlSource, type RecordSource } from '../parse/source.js';
import { parseYaml, type ParsedYaml } from '../parse/yaml.js';
import { isRequired, propertiesOf, validateRecord, type SchemaName } from '../schema/validate.js';
import { isExtensionKey, knownFields, unknownKeys, withoutKeys, type FieldedKind } from './known-fields.js';
import { readPopulationFile } from './population-files.js';
import * as records from './records.js';
import { scanEvidenceText, type EvidenceScan } from './secret-scan.js';
import type { LoadProblem, ModelPart, PathTarget, RepoModel, Role, ScannedEvidence, Standard } from './types.js';
import { COMPLY_STANDARDS } from '../config/config.js';
import { readComply, readStandard } from './comply.js';
import { emptyToAbsent, MappedSource, normalise, translate, valueAt, type NormalisationProblem, type Translation } from './mapping.js';

type Raw = Record<string, unknown>;

/** The kinds of files that hold records checked against a schema (policies and the scope are read on their own, populations by ./population-files.ts). */
type RecordFileKind = Exclude<FileKind, 'policies' | 'scope' | 'populations'>;

/** For each kind of file: the schema of one record and the key that holds a list of them. */
const FILE_KINDS: Record<RecordFileKind, { schema: SchemaName; listKey: string; label: string }> = {
  controls: { schema: 'control', listKey: 'controls', label: 'control' },
  vendors: { schema: 'vendor', listKey: 'vendors', label: 'vendor' },
  people: { schema: 'person', listKey: 'people', label: 'person' },
  training: { schema: 'training', listKey: 'records', label: 'training record' },
  acknowledgments: { schema: 'acknowledgment', listKey: 'records', label: 'acknowledgment' },
  waivers: { schema: 'waiver', listKey: 'waivers', label: 'waiver' },
};

/**
 * Build the model. `needs` names the costly parts the enabled rules read (see ModelPart); the rest is always loaded.
 * `overlay` gives files' content instead of the disk's (see src/files/read.ts).
 */
export async function loadRepo(config: Config, needs: ReadonlySet<ModelPart> = new Set(), overlay?: Overlay, cache?: FileCache): Promise<RepoModel> {
  cache?.useConfig(config);
  // Git's questions that need nothing from the files are asked now, so git answers while the files are read; with a
  // cache, what git answered last time is reused while the index is the same (src/git/facts.ts KeptGit).
  const git = needs.has('git-index') || needs.has('git-history') || needs.has('git-added') ? startGit(config.root, cache?.keptGit ? { kept: cache.keptGit() } : undefined) : undefined;
  const discovery = await discoverFiles(config.root, config.paths, config.ignore, overlay);
  // Reading never yields, so git's questions leave now or only after every file is read.
  await git?.asked;
  const builder = new ModelBuilder(config, overlay, cache);
  for (const problem of discovery.problems) builder.problems.push(problem);
  for (const file of discovery.files) builder.countFile(file.kind);
  for (const file of discovery.files) builder.addFile(file);
  if (config.format === 'comply') {
    const standards = await discoverFiles(config.root, { scope: COMPLY_STANDARDS }, config.ignore, overlay);
    for (const problem of standards.problems) builder.problems.push(problem);
    for (const file of standards.files) builder.addStandard(file);
  }
  return builder.finish(needs, git);
}

/**
 * What reading one program file added to the model, on its own: the same whatever the other files say, so it can be
 * kept between runs (src/cache) and added again, in the same order, when the file has not changed.
 */
export interface FileContribution {
  problems: LoadProblem[];
  directives: RepoModel['directives'][number][];
  unknownFields: RepoModel['unknownFields'][number][];
  policies: RepoModel['policies'][number][];
  controls: RepoModel['controls'][number][];
  vendors: RepoModel['vendors'][number][];
  people: RepoModel['people'][number][];
  training: RepoModel['training'][number][];
  acknowledgments: RepoModel['acknowledgments'][number][];
  waivers: RepoModel['waivers'][number][];
  populationFiles: RepoModel['populationFiles'][number][];
  /** IDs declared, in order: [kind, id]. */
  declared: [DeclaredKind, string][];
  /** `roles:` written (a list or not), and the roles it gave. */
  hasRoles: boolean;
  roles: Role[];
  hasPeopleFile: boolean;
  /** A policy file and its whole text (git and link anchors read it). */
  policyText?: [string, string];
}

/**
 * What reading an evidence file found, kept between runs by the cache. Never its text: evidence may hold a secret, and
 * a cache is copied around. An unchanged file is not read again. Each part is there when a run needed it.
 */
export interface EvidenceFacts {
  /** What the file holds: text, or why it is not scanned. */
  content?: 'text' | Extract<ScannedEvidence, { skipped: string }>['skipped'];
  digest?: EvidenceDigest;
  /** What the secret scans found in the text (./secret-scan.ts): the kind and place of each secret, never the secret. */
  scan?: EvidenceScan;
}

/** Kept contributions by file, and kept facts by evidence file: src/cache implements it. */
export interface FileCache {
  /** Called once, before any file: kept contributions are for one config only. */
  useConfig(config: Config): void;
  /** The file's kept contribution, when the file has not changed since it was kept. */
  get(file: DiscoveredFile): FileContribution | undefined;
  /** Keep this run's contribution of a file. */
  set(file: DiscoveredFile, contribution: FileContribution): void;
  /**
   * The facts kept about an evidence file (`path` as records write it, a file inside the program), when the file has
   * not changed since: `stats` are the ones just taken of it.
   */
  evidence(path: string, absolute: string, stats: FileStats): EvidenceFacts | undefined;
  /** Keep what is known of an evidence file after this run: the kept facts given back, or new ones. */
  keepEvidence(path: string, facts: EvidenceFacts): void;
  /** When each evidence file was first committed, as a previous run read it for its HEAD (src/git/facts.ts). */
  gitAdded?(): AddedDates | undefined;
  /** Keep this run's first-added dates. */
  keepGitAdded?(dates: AddedDates): void;
  /** What git answered in a previous run, reused while the index (and HEAD, for the history) are the same. */
  keptGit?(): KeptGit | undefined;
  /** Keep what git answered this run. */
  keepGit?(kept: KeptGit): void;
}

type DeclaredKind = 'policy' | 'control' | 'system' | 'vendor' | 'person';

/** The model's lists a file adds to, in the order a contribution holds them. */
const CONTRIBUTED = ['directives', 'unknownFields', 'policies', 'controls', 'vendors', 'people', 'training', 'acknowledgments', 'waivers', 'populationFiles'] as const;

class ModelBuilder {
  readonly problems: LoadProblem[] = [];
  private readonly model: RepoModel;
  private readonly declared = new Map<DeclaredKind, Set<string>>(
    (['policy', 'control', 'system', 'vendor', 'person'] as const).map((kind) => [kind, new Set<string>()]),
  );
  private scopeFile: string | undefined;
  private readonly policyTexts = new Map<string, string>();

  /** While a file's contribution is being kept: what it declared, its roles, and the rest of what it added. */
  private recording: Pick<FileContribution, 'declared' | 'hasRoles' | 'roles' | 'hasPeopleFile' | 'policyText'> | undefined;

  constructor(
    private readonly config: Config,
    private readonly overlay?: Overlay,
    private readonly cache?: FileCache,
  ) {
    this.model = {
      catalog: TSC_2017,
      criteria: new Map<string, Criterion>(TSC_2017.criteria.map((c) => [c.id, c])),
      ...(config.file && !isAbsolute(config.file) ? { configFile: config.file } : {}),
      policies: [],
      controls: [],
      systems: [],
      vendors: [],
      people: [],
      hasPeopleFile: false,
      holidays: new Set(config.holidays ?? []),
      training: [],
      acknowledgments: [],
      waivers: [],
      paths: new Map(),
      anchors: new Map(),
      evidenceContent: new Map(),
      evidenceDigests: new Map(),
      declaredIds: this.declared,
      problems: this.problems,
      directives: [],
      unknownFields: [],
      populationFiles: [],
      fileCounts: {},
    };
  }

  countFile(kind: FileKind): void {
    const counts = this.model.fileCounts;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }

  /**
   * Read one file into the model; with a cache, add its kept contribution instead when the file has not changed. The
   * scope file is always read (a second one is judged against the first), and so is a file the overlay gives.
   */
  addFile(discovered: DiscoveredFile): void {
    if (!this.cache || discovered.kind === 'scope' || this.overlay?.has(discovered.file)) return this.readFile(discovered);
    const kept = this.cache.get(discovered);
    if (kept) return this.replay(kept);
    const lengths = CONTRIBUTED.map((list) => this.model[list].length);
    const problems = this.problems.length;
    this.recording = { declared: [], hasRoles: false, roles: [], hasPeopleFile: false };
    try {
      this.readFile(discovered);
      const added = Object.fromEntries(CONTRIBUTED.map((list, i) => [list, this.model[list].slice(lengths[i])]));
      this.cache.set(discovered, { ...(added as Pick<FileContribution, (typeof CONTRIBUTED)[number]>), problems: this.problems.slice(problems), ...this.recording });
    } finally {
      this.recording = undefined;
    }
  }

  /** A kept contribution, added as reading the file would add it. */
  private replay(kept: FileContribution): void {
    // One at a time, not push(...list): a file can hold more records than a call takes arguments.
    for (const problem of kept.problems) this.problems.push(problem);
    for (const list of CONTRIBUTED) for (const item of kept[list]) (this.model[list] as unknown[]).push(item);
    for (const [kind, id] of kept.declared) this.declare(kind, id);
    if (kept.hasRoles) this.model.roles ??= new Map();
    for (const role of kept.roles) this.addRole(role);
    if (kept.hasPeopleFile) this.model.hasPeopleFile = true;
    if (kept.policyText) this.policyTexts.set(...kept.policyText);
  }

  private declare(kind: DeclaredKind, id: string): void {
    this.declared.get(kind)!.add(id);
    this.recording?.declared.push([kind, id]);
  }

  private addRole(role: Role): void {
    ((this.model.roles ??= new Map()) as Map<string, Role>).set(role.id, role);
    this.recording?.roles.push(role);
  }

  private readFile({ kind, file, absolute }: DiscoveredFile): void {
    const read = readTextFile(absolute, file, this.overlay);
    if (!read.ok) {
      this.problems.push({ kind: 'parse', message: read.message, range: read.range });
      return;
    }
    if (kind === 'scope' && !this.model.scopeFile) this.model.scopeFile = file;
    if (kind === 'populations') return this.addPopulation(file, read.text);
    if (kind === 'policies') return this.addPolicy(file, read.text);
    if (kind === 'controls' && /\.md$/i.test(file)) return this.addProcedure(file, read.text);
    if (file.endsWith('.csv')) return this.addCsv(kind, file, read.text);
    const parsed = parseYaml(read.text, file);
    if (!parsed.ok) {
      this.problems.push(...parsed.problems);
      this.declareFromText(kind, read.text);
      return;
    }
    // Directives come from files that parsed: a file that did not has no trustworthy comments to read.
    for (const directive of yamlDirectives(read.text, file, parsed.yaml.index)) this.model.directives.push(directive);
    if (kind === 'people') {
      this.model.hasPeopleFile = true;
      if (this.recording) this.recording.hasPeopleFile = true;
    }
    if (kind === 'scope') return this.addScope(parsed.yaml);
    this.addRecords(kind, parsed.yaml);
  }

  /** A population file (./population-files.ts): its items, or the problems that keep it from being read. */
  private addPopulation(file: string, text: string): void {
    const read = readPopulationFile(file, text);
    this.problems.push(...read.problems);
    if (read.yaml && read.population?.format === 'yaml') for (const directive of yamlDirectives(text, file, read.yaml.index)) this.model.directives.push(directive);
    if (read.population) this.model.populationFiles.push(read.population);
  }

  private addPolicy(file: string, text: string): void {
    const comply = this.config.format === 'comply';
    const parsed = parseFrontMatter(text, file, { headerless: comply });
    if (!parsed.ok) {
      this.problems.push(...parsed.problems);
      this.declareFromText('policies', text);
      return;
    }
    for (const directive of frontMatterDirectives(text, file)) this.model.directives.push(directive);
    const written = parsed.yaml?.value ?? {};
    const yaml = parsed.yaml;
    const { value, source, translation } = this.mapped('policies', written, (id) => (yaml ? yamlSource(yaml, yaml.root, id) : new FileSource(file)), comply ? 'document' : undefined);
    const id = value && typeof value === 'object' ? (value as Raw).id : undefined;
    const raw = this.checked('policy', value, source, typeof id === 'string' ? `policy ${id}` : 'policy');
    if (!raw) return;
    const versionText = yaml ? yaml.sourceText(yaml.node(translation ? [...translation.written(['version'])] : ['version'])) : undefined;
    this.policyTexts.set(file, text);
    if (this.recording) this.recording.policyText = [file, text];
    const approval = comply && translation?.written(['status'])[0] === 'majorRevisions' ? 'revision-history' : undefined;
    this.model.policies.push({ ...records.toPolicy(raw, source, parsed.body, parsed.bodyLine, versionText), ...(approval ? { approvalRecord: approval } : {}) });
    // Only the body of a policy in the model is checked, so only its directives can suppress anything.
    for (const directive of markdownDirectives(parsed.body, parsed.bodyLine, file)) this.model.directives.push(directive);
  }

  /** A comply procedure: a markdown file whose header is a control (see src/model/comply.ts). */
  private addProcedure(file: string, text: string): void {
    const parsed = parseFrontMatter(text, file, { headerless: true });
    if (!parsed.ok) {
      this.problems.push(...parsed.problems);
      this.declareFromText('controls', text);
      return;
    }
    for (const directive of frontMatterDirectives(text, file)) this.model.directives.push(directive);
    const yaml = parsed.yaml;
    const node = yaml?.root ?? NO_NODE;
    this.addRecord('controls', 'control', 'control', yaml?.value ?? {}, (id) => (yaml ? yamlSource(yaml, node, id) : new FileSource(file)), () => undefined, 'procedure');
  }

  /** A comply standard: the criteria it lists (checked against the catalog by unknown-criterion). */
  addStandard({ file, absolute }: DiscoveredFile): void {
    const read = readTextFile(absolute, file, this.overlay);
    if (!read.ok) {
      this.problems.push({ kind: 'parse', message: read.message, range: read.range });
      return;
    }
    const parsed = parseYaml(read.text, file);
    if (!parsed.ok) {
      this.problems.push(...parsed.problems);
      return;
    }
    const standard = readStandard(parsed.yaml);
    if (standard) ((this.model.standards ??= []) as Standard[]).push(standard);
  }

  /**
   * A record as the program writes it, read as native fields: the config's `fields:` mapping first, then the
   * format's own reading (comply), then values normalised and `defaults:` filled in. Its source points at the
   * program's own keys. Problems found on the way (an ambiguous date) are reported here.
   */
  private mapped(kind: FileKind, written: unknown, sourceFor: (id?: string) => RecordSource, comply?: 'document' | 'procedure'): { value: unknown; source: RecordSource; translation?: Translation; unusable?: boolean } {
    if (!written || typeof written !== 'object' || Array.isArray(written)) {
      return { value: written, source: sourceFor(stringOrUndefined((written as Raw | null)?.id)) };
    }
    const problems: NormalisationProblem[] = [];
    const translation = translate(written as Raw, this.config.fields?.[kind] ?? {}, comply ? (t) => readComply(written as Raw, comply, t, problems) : undefined);
    const value = translation.value;
    if (comply || this.config.fields?.[kind] || this.config.defaults?.[kind]) emptyToAbsent(translation);
    normalise(value, kind === 'policies' ? 'policy' : 'other', problems);
    for (const [field, fallback] of Object.entries(this.config.defaults?.[kind] ?? {})) if (!(field in value)) value[field] = structuredClone(fallback);
    const inner = sourceFor(stringOrUndefined(value.id));
    // A record written in soc2lint's own fields is its own source; the mapped one (which keeps the translation) is for
    // records whose fields are written elsewhere.
    const source = translation.changesNoPath ? inner : new MappedSource(inner, translation);
    const label = typeof value.id === 'string' ? `${FILE_LABELS[kind]} ${value.id}` : FILE_LABELS[kind];
    const seen = new Set<string>(); // one written value read as two fields (approval_date as approved_on and last_reviewed) is one problem
    for (const problem of problems) {
      const range = problem.written ? inner.at(problem.path) : source.at(problem.path);
      const key = `${range.line}:${range.column}:${problem.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      this.problems.push({ kind: 'schema', message: `${label[0]!.toUpperCase()}${label.slice(1)}: ${problem.message}`, range });
    }
    // A required field whose value had to be refused (an ambiguous date) makes the record unusable: said once, here.
    const { required } = propertiesOf(kind === 'policies' ? 'policy' : kind === 'scope' ? 'scope' : FILE_KINDS[kind as RecordFileKind].schema);
    const refused = (problem: NormalisationProblem) => !problem.written && problem.path.length === 1 && required.includes(String(problem.path[0]));
    return { value, source, translation, unusable: problems.some((problem) => problem.fatal || refused(problem)) };
  }

  private addScope(yaml: ParsedYaml): void {
    if (this.scopeFile) {
      this.problems.push(problemAt(yamlSource(yaml, yaml.root), `A second scope file; ${this.scopeFile} is already the scope. Keep one.`));
      return;
    }
    this.scopeFile = yaml.file;
    const mapped = this.mapped('scope', yaml.value ?? {}, () => yamlSource(yaml, yaml.root));
    const source = mapped.source;
    // Systems are declared as written, so a malformed system is not also reported as an unknown reference.
    const written = (yaml.value as { systems?: unknown } | null)?.systems;
    for (const system of Array.isArray(written) ? written : []) {
      if (typeof system?.id === 'string') this.declare('system', system.id);
    }
    const raw = this.checked('scope', mapped.value, source, 'scope');
    if (!raw) return;
    this.model.scope = records.toScope(raw, source);
    this.model.systems = records.toSystems(raw, (native) => {
      const path = mapped.translation ? [...mapped.translation.written(native)] : native;
      return yamlSource(yaml, yaml.node(path), stringOrUndefined(valueAt(yaml.value, [...path, 'id'])));
    });
  }

  /** A file of one record (a mapping) or of several (a list under the kind's plural key). */
  private addRecords(kind: RecordFileKind, yaml: ParsedYaml): void {
    const { schema, listKey, label } = FILE_KINDS[kind];
    const value = yaml.value;
    const root = yaml.root;
    if (value === null || value === undefined) return; // an empty file holds no records
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.problems.push(
        problemAt(yamlSource(yaml, root), `Expected one ${label} as a mapping, or several under "${listKey}:"; found ${Array.isArray(value) ? 'a bare list' : 'a single value'}.${Array.isArray(value) ? ` Put the list under "${listKey}:".` : ''}`),
      );
      return;
    }
    if (kind === 'people') this.addRoles(yaml);
    const list = (value as Raw)[listKey];
    if (kind === 'people' && !Array.isArray(list) && Object.keys(value).every((key) => key === 'roles')) return; // a file of roles only
    if (Array.isArray(list)) {
      const extra = Object.keys(value).filter((key) => key !== listKey && !(kind === 'people' && key === 'roles'));
      const fileSource = yamlSource(yaml, root);
      for (const key of extra.filter((key) => !isExtensionKey(key))) {
        this.model.unknownFields.push({ kind: schema as FieldedKind, path: [key], at: fileSource.at([key], 'key'), label: `this ${label} file`, siblings: Object.keys(value), beside: listKey });
      }
      list.forEach((item, index) => {
        const node = yaml.node([listKey, index]);
        this.addRecord(kind, schema, label, item, (id) => yamlSource(yaml, node, id), (path) => yaml.sourceText(yaml.node(path, node)));
      });
      return;
    }
    this.addRecord(kind, schema, label, value, (id) => yamlSource(yaml, root, id), (path) => yaml.sourceText(yaml.node(path)));
  }

  /** `roles:` in people.yaml: a role an owner may name, and who holds it now. */
  private addRoles(yaml: ParsedYaml): void {
    const roles = (yaml.value as Raw).roles;
    if (roles === undefined) return;
    this.model.roles ??= new Map();
    if (this.recording) this.recording.hasRoles = true;
    const source = yamlSource(yaml, yaml.root);
    if (!Array.isArray(roles)) {
      this.problems.push({ kind: 'schema', message: 'People: "roles" must be a list of { id, holder }, such as "- { id: ISMS Manager, holder: jane@acme.example }".', range: source.at(['roles']) });
      return;
    }
    roles.forEach((role, index) => {
      const { id, holder } = (role ?? {}) as Raw;
      if (typeof id !== 'string' || typeof holder !== 'string' || id.trim() === '' || holder.trim() === '') {
        this.problems.push({ kind: 'schema', message: `People: "roles[${index}]" needs an "id" (the role's name) and a "holder" (the e-mail of the person who holds it now).`, range: source.at(['roles', index]) });
        return;
      }
      this.addRole({ id, holder, range: source.at(['roles', index, 'holder']) });
    });
  }

  private addCsv(kind: FileKind, file: string, text: string): void {
    const entry = kind in FILE_KINDS ? FILE_KINDS[kind as keyof typeof FILE_KINDS] : undefined;
    if (!entry || (kind !== 'training' && kind !== 'acknowledgments')) {
      this.problems.push({ kind: 'parse', message: `CSV is not supported for ${kind}; use YAML.`, range: new FileSource(file).at() });
      return;
    }
    const parsed = parseCsv(text, file);
    if (!parsed.ok) {
      this.problems.push(...parsed.problems);
      return;
    }
    const { required } = propertiesOf(entry.schema);
    const recordKind = entry.schema as FieldedKind;
    const known = knownFields(recordKind) ?? [];
    // Columns the config maps (`fields: { training: { person: email } }`) stand for the fields they are mapped to.
    const mapped = Object.entries(this.config.fields?.[kind] ?? {});
    const mappedColumns = mapped.flatMap(([, candidates]) => candidates.map((path) => path[0]!));
    // Columns soc2lint does not know are reported once, at their header cell, and left out of every row.
    const unknown = parsed.header.filter((column) => column !== '' && !known.includes(column) && !mappedColumns.includes(column));
    const headerLine = parsed.headerLine ?? 1;
    for (const column of unknown) {
      if (isExtensionKey(column)) continue;
      const cell = parsed.headerCells?.[parsed.header.indexOf(column)];
      const at = cell
        ? { file, line: headerLine, column: cell.column, endLine: headerLine, endColumn: cell.column + cell.length }
        : { file, line: headerLine, column: 1, endLine: headerLine, endColumn: 1 };
      this.model.unknownFields.push({ kind: recordKind, path: [column], at, label: 'the CSV header', siblings: parsed.header });
    }
    const missing = required.filter((column) => !parsed.header.includes(column) && !mapped.some(([field, candidates]) => field === column && candidates.some((path) => parsed.header.includes(path[0]!))));
    if (missing.length > 0) {
      const columns = `column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`;
      this.problems.push({ kind: 'schema', message: `CSV header is missing the ${columns}; the header must name ${required.join(', ')}.`, range: { file, line: headerLine, column: 1, endLine: headerLine, endColumn: (text.split('\n')[headerLine - 1] ?? '').length + 1 } });
      return;
    }
    for (const row of parsed.rows) {
      const values = Object.fromEntries(Object.entries(row.values).filter(([column]) => known.includes(column) || mappedColumns.includes(column)));
      this.addRecord(kind as 'training' | 'acknowledgments', entry.schema, entry.label, values, () => new CsvRowSource(file, row.line, row.text, parsed.header, row.cells), () => undefined);
    }
  }

  private addRecord(kind: RecordFileKind, schema: SchemaName, label: string, written: unknown, sourceFor: (id?: string) => RecordSource, writtenText: (path: string[]) => string | undefined, comply?: 'procedure'): void {
    const { value, source, translation, unusable } = this.mapped(kind, written, sourceFor, comply);
    if (unusable) {
      // Already reported; still declared, so references to it are not also "unknown".
      const declaredKind = DECLARING_SCHEMAS[schema];
      if (declaredKind && typeof (value as Raw).id === 'string') this.declare(declaredKind, (value as Raw).id as string);
      return;
    }
    const scalarText = (path: string[]) => writtenText(translation ? (translation.written(path) as string[]) : path);
    const id = value && typeof value === 'object' && typeof (value as Raw).id === 'string' ? ((value as Raw).id as string) : undefined;
    const raw = this.checked(schema, value, source, id ? `${label} ${id}` : label);
    if (!raw) return;
    switch (kind) {
      case 'controls':
        this.model.controls.push(records.toControl(raw, source));
        break;
      case 'vendors':
        this.model.vendors.push(records.toVendor(raw, source));
        break;
      case 'people':
        this.model.people.push(records.toPerson(raw, source));
        break;
      case 'training':
        this.model.training.push(records.toTraining(raw, source));
        break;
      case 'acknowledgments':
        this.model.acknowledgments.push(records.toAcknowledgment(raw, source, scalarText(['version'])));
        break;
      case 'waivers':
        this.model.waivers.push(records.toWaiver(raw, source));
        break;
    }
  }

  /**
   * A file that does not parse still declares the IDs written in it, as far as a line scan can tell, so that one
   * syntax error is one finding and not also an "unknown reference" in every file that names its records.
   */
  private declareFromText(kind: FileKind, text: string): void {
    const declaredKind = ({ policies: 'policy', controls: 'control', vendors: 'vendor', people: 'person', scope: 'system' } as const)[kind as 'policies'];
    if (!declaredKind) return;
    // A comply document's ID is its acronym.
    const key = this.config.format === 'comply' && kind === 'policies' ? '(?:id|acronym)' : 'id';
    for (const match of text.matchAll(new RegExp(`^[ \\t-]*${key}:[ \\t]*["']?([A-Za-z0-9][A-Za-z0-9._@+-]*)`, 'gm'))) this.declare(declaredKind, match[1]!);
  }

  /** Validate, report, and return the record without its invalid values (undefined when it is unusable). */
  private checked(schema: SchemaName, value: unknown, source: RecordSource, label: string): Raw | undefined {
    const id = value && typeof value === 'object' ? (value as Raw).id : undefined;
    const declaredKind = DECLARING_SCHEMAS[schema];
    if (declaredKind && typeof id === 'string') this.declare(declaredKind, id);
    const known = this.withoutUnknownKeys(schema as FieldedKind, value, source, label);
    // Reported per record up to a screenful: a generated file can break one rule in every one of its items.
    const { problems, violations, total } = validateRecord(schema, known, source, label, undefined, MAX_PROBLEMS_PER_RECORD + 1);
    for (const problem of problems.slice(0, MAX_PROBLEMS_PER_RECORD)) this.problems.push(problem);
    if (total > MAX_PROBLEMS_PER_RECORD) {
      const first = problems[MAX_PROBLEMS_PER_RECORD]!;
      this.problems.push({ kind: 'schema', message: `${capitalized(label)}: ${total - MAX_PROBLEMS_PER_RECORD} more schema problems, not listed; fix the ones above first.`, range: first.range });
    }
    return records.prune(known, violations, (parentPath, key) => isRequired(schema, parentPath, key));
  }

  /** The record without the keys its kind does not know; each one not `x-` is noted for `unknown-field`. */
  private withoutUnknownKeys(kind: FieldedKind, value: unknown, source: RecordSource, label: string): unknown {
    const found = unknownKeys(kind, value);
    // `policy POL-A` names the record; one without an ID is `the scope`, `a training record`.
    const named = value !== null && typeof value === 'object' && typeof (value as Raw).id === 'string';
    const who = named ? label : kind === 'scope' ? 'the scope' : `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label}`;
    // The keys beside each unknown one, listed once per mapping (a record with thousands of unknown keys shares one list).
    const siblingsOf = new Map<Raw, string[]>();
    for (const { path, extension } of found) {
      if (extension) continue;
      const parent = path.slice(0, -1).reduce<unknown>((node, segment) => (node as Raw)[segment as string], value) as Raw;
      let siblings = siblingsOf.get(parent);
      if (!siblings) siblingsOf.set(parent, (siblings = Object.keys(parent)));
      this.model.unknownFields.push({ kind, path, at: source.at(path, 'key'), label: who, siblings });
    }
    return withoutKeys(value, found.map((key) => key.path));
  }

  async finish(needs: ReadonlySet<ModelPart>, git?: StartedGit): Promise<RepoModel> {
    const format = this.config.format ?? 'native';
    this.model.format = format;
    // Comply maps criteria on documents and procedures alike; a program with policies but no controls can only map
    // them on policies. A program with neither is judged as soc2lint's own format is: by controls.
    const onlyPolicies = this.declared.get('control')!.size === 0 && this.declared.get('policy')!.size > 0;
    this.model.coverage = this.config.coverage ?? (format === 'comply' ? 'both' : onlyPolicies ? 'policies' : 'controls');
    const paths = this.model.paths as Map<string, PathTarget>;
    const resolver = new PathResolver(this.config.root, this.overlay);
    const note = (path: string | undefined, seen?: (found: FoundPath) => void) => {
      if (path !== undefined && !paths.has(path)) paths.set(path, resolver.resolve(path, seen));
    };
    const evidence = evidenceFiles(this.model).map((ref) => ref.path);
    // Each evidence file is looked at once: the stats that say what its path leads to also tell the cache whether what
    // it kept about the file still holds.
    const found = new Map<string, FoundPath>();
    for (const path of evidence) note(path, (place) => found.set(path, place));
    // What population items name as proof (a postmortem, an export), so the request list can say whether it is there.
    for (const file of this.model.populationFiles) for (const item of file.items) for (const path of item.evidence) note(path);

    if (needs.has('link-targets')) this.loadLinkTargets(note);
    if (needs.has('evidence-content') || needs.has('evidence-digest')) await this.loadEvidence(evidence, found, needs.has('evidence-content'), needs.has('evidence-digest'));
    if (needs.has('git-index') || needs.has('git-history') || needs.has('git-added')) {
      // Each policy's latest sign-off: only changes after it can make the approved text out of date.
      const signedOff = new Map<string, IsoDate>();
      for (const policy of this.model.policies) {
        const latest = maxDate([policy.approvedOn, policy.lastReviewed].filter((d): d is IsoDate => d !== undefined));
        if (latest !== undefined) signedOff.set(policy.source.file, latest);
      }
      const earliest = minDate(signedOff.values());
      this.model.git = await loadGitFacts({
        root: this.config.root,
        history: needs.has('git-history'),
        policies: new Map(this.model.policies.map((p) => [p.source.file, this.policyTexts.get(p.source.file) ?? ''])),
        ...(earliest !== undefined ? { since: earliest } : {}),
        signedOff,
        ...(format === 'comply' ? { headerless: true } : {}),
        ...(needs.has('git-added') ? { evidence: [...new Set(evidence.filter((path) => paths.get(path)?.state === 'file').map((path) => found.get(path)?.key ?? overlayKey(path)))] } : {}),
        ...(this.cache?.gitAdded ? { keptAdded: this.cache.gitAdded() } : {}),
      }, git);
      // The first-added dates, for the next run: the same as long as HEAD is (src/git/facts.ts AddedDates).
      if (this.model.git.available && this.model.git.addedDates) this.cache?.keepGitAdded?.(this.model.git.addedDates);
      if (this.model.git.available && this.model.git.kept) this.cache?.keepGit?.(this.model.git.kept);
    }
    return this.model;
  }

  /**
   * What the rules need of each evidence file that is a file: what the secret scans find in its text, and its digest.
   * With a cache, what it kept of an unchanged file is used, and the file is not read again; what is found is kept for
   * the next run (never the text, which the model does not keep either).
   */
  private async loadEvidence(evidence: readonly string[], found: ReadonlyMap<string, FoundPath>, wantContent: boolean, wantDigest: boolean): Promise<void> {
    const content = this.model.evidenceContent as Map<string, ScannedEvidence>;
    const digests = this.model.evidenceDigests as Map<string, EvidenceDigest>;
    const done = new Set<string>();
    // The maintained rule set, loaded only when a text is to be scanned (it is most of a megabyte of code).
    let maintained: typeof import('./maintained-secrets.js') | undefined;
    for (const path of evidence) {
      if (done.has(path) || this.model.paths.get(path)?.state !== 'file') continue;
      done.add(path);
      // A path the overlay gives was not looked at on disk.
      const place = found.get(path);
      const key = place?.key ?? overlayKey(path);
      const absolute = place?.absolute ?? join(this.config.root, key);
      const fileStats = place?.stats;
      const kept = fileStats && this.cache ? this.cache.evidence(path, absolute, fileStats) : undefined;
      let { content: kind, digest, scan } = kept ?? {};
      if (wantContent) {
        if (kind !== undefined && kind !== 'text') {
          content.set(path, { skipped: kind });
        } else if (kind === 'text' && scan !== undefined) {
          content.set(path, { scan });
        } else {
          // One read gives the text and, when a rule needs it and none is kept, the digest. The text is scanned here
          // and then dropped: the model keeps what the scans found, so memory does not grow with the evidence.
          const fresh = readEvidenceWithDigest(absolute, key, this.overlay, wantDigest && !digest);
          digest ??= fresh.digest;
          if ('text' in fresh.content) {
            const detections = await (maintained ??= await import('./maintained-secrets.js')).maintainedSecrets(fresh.content.text, path);
            scan = scanEvidenceText(fresh.content.text, detections);
            kind = 'text';
            content.set(path, { scan });
          } else {
            scan = undefined;
            kind = fresh.content.skipped;
            content.set(path, fresh.content);
          }
        }
      }
      if (wantDigest) {
        digest ??= digestEvidence(absolute, key, this.overlay);
        digests.set(path, digest);
      }
      if (!fileStats || !this.cache) continue;
      const unchanged = kept !== undefined && kind === kept.content && digest === kept.digest && scan === kept.scan;
      this.cache.keepEvidence(path, unchanged ? kept : { ...(kind ? { content: kind } : {}), ...(digest ? { digest } : {}), ...(scan ? { scan } : {}) });
    }
  }

  /** Resolve what policies link to, and read the anchors of the markdown files they link to with a #fragment. */
  private loadLinkTargets(note: (path: string) => void): void {
    const anchors = this.model.anchors as Map<string, ReadonlySet<string>>;
    for (const policy of this.model.policies) {
      for (const link of policy.links) {
        if (link.external || link.outside) continue;
        const file = link.file ?? policy.source.file;
        if (link.file !== undefined) note(link.file);
        if (link.anchor === undefined || anchors.has(file) || !/\.(md|markdown)$/i.test(file)) continue;
        const own = this.policyTexts.get(file);
        if (own !== undefined) {
          anchors.set(file, headingAnchors(own));
        } else if (this.model.paths.get(file)?.state === 'file') {
          const read = readTextFile(join(this.config.root, file), file, this.overlay);
          anchors.set(file, read.ok ? headingAnchors(read.text) : new Set());
        }
      }
    }
  }
}

/** How a finding names a record of each kind before its ID. */
const FILE_LABELS: Record<FileKind, string> = {
  policies: 'policy',
  controls: 'control',
  scope: 'scope',
  vendors: 'vendor',
  people: 'person',
  training: 'training record',
  acknowledgments: 'acknowledgment',
  waivers: 'waiver',
  populations: 'population item',
};

const DECLARING_SCHEMAS: Partial<Record<SchemaName, 'policy' | 'control' | 'vendor' | 'person'>> = {
  policy: 'policy',
  control: 'control',
  vendor: 'vendor',
  person: 'person',
};

/** The overlay's key for a path as written in a record: root-relative, normalized, `/` separators. */
function overlayKey(written: string): string {
  return posix.normalize(written.replace(/\\/g, '/'));
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function problemAt(source: RecordSource, message: string): LoadProblem {
  return { kind: 'schema', message, range: source.at() };
}

/**
 * What a path named in a record points at. Paths are relative to the repo root and must stay inside it. A path the
 * overlay gives is a file, on disk or not.
 */
export function resolvePath(root: string, written: string, overlay?: Overlay): PathTarget {
  return new PathResolver(root, overlay).resolve(written);
}

/** What the cache compares to tell a file unchanged. */
export type FileStats = Pick<Stats, 'size' | 'mtimeMs' | 'ino' | 'ctimeMs'>;

/**
 * A path inside the program that leads to a file: where it is, its overlay key, and what the cache compares (only
 * that: a Stats object and its four dates would be kept alive for every evidence file until the evidence is read).
 */
interface FoundPath {
  absolute: string;
  key: string;
  stats: FileStats;
}

/**
 * Resolves the paths one load's records name, keeping what they share: the real path of each folder, so a folder of
 * evidence files is resolved once, with one `lstat` (its parent's real path and its own name, unless it is a symlink).
 */
class PathResolver {
  private readonly folders = new Map<string, string>();
  /** The root as paths below it are joined to it (normalized, no separator at the end unless it is `/`). */
  private readonly top: string;
  /** `top` with a separator after it: a normalized relative path appended to it is the path `join` would make. */
  private readonly prefix: string;
  private realRoot: string | undefined;
  /** Per parent folder: how many of its folders were asked for, then its listing (see entryOf). */
  private readonly listings = new Map<string, number | Map<string, Dirent> | false>();
  private lastFolder = '';
  private lastInside = false;

  constructor(
    private readonly root: string,
    private readonly overlay?: Overlay,
  ) {
    this.top = dirname(join(root, 'x'));
    this.prefix = this.top.endsWith(sep) ? this.top : this.top + sep;
  }

  /** `seen` is given where a path inside the program that leads to a file is, and that file's stats. */
  resolve(written: string, seen?: (found: FoundPath) => void): PathTarget {
    const path = written.includes('\\') ? written.replace(/\\/g, '/') : written;
    if (isAbsolute(written) || path.startsWith('/') || /^[A-Za-z]:\//.test(path)) return { state: 'outside', reason: 'absolute' };
    const normalized = isNormalRelative(path) ? path : posix.normalize(path);
    if (normalized === '..' || normalized.startsWith('../')) return { state: 'outside', reason: 'parent' };
    if (this.overlay?.has(normalized)) return { state: 'file' };
    const absolute = sep === '/' && isNormalRelative(normalized) ? this.prefix + normalized : join(this.root, normalized);
    try {
      // Where the file really is: its folder resolved once per folder (a symlinked folder that leads out makes every
      // file in it outside), then the file itself only when it is a symlink.
      if (!this.folderInside(absolute)) return { state: 'outside', reason: 'symlink' };
      let stats = lstatSync(absolute, { throwIfNoEntry: false });
      if (!stats) return { state: 'missing' };
      if (stats.isSymbolicLink()) {
        const real = realpathSync.native(absolute);
        if (!this.inside(real)) return { state: 'outside', reason: 'symlink' };
        stats = statSync(real);
      }
      if (stats.isDirectory()) return { state: 'directory' };
      if (!stats.isFile()) return { state: 'special' };
      seen?.({ absolute, key: normalized, stats: { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino, ctimeMs: stats.ctimeMs } });
      return { state: 'file' };
    } catch {
      return { state: 'missing' };
    }
  }

  /**
   * Whether the folder `absolute` is in really is inside the program; throws as realpath does when it is not a folder.
   * The paths a record names come a folder at a time: a path in the folder of the one before is answered as it was.
   */
  private folderInside(absolute: string): boolean {
    const last = this.lastFolder;
    if (last !== '' && absolute.length > last.length + 1 && absolute.startsWith(last) && absolute.startsWith(sep, last.length) && !absolute.includes(sep, last.length + 1)) return this.lastInside;
    const folder = dirname(absolute);
    const inside = this.inside(this.realFolder(folder));
    this.lastFolder = folder;
    this.lastInside = inside;
    return inside;
  }

  /** Whether a real path is the root's or below it. */
  private inside(real: string): boolean {
    this.realRoot ??= this.realFolder(this.top);
    return real === this.realRoot || real.startsWith(this.realRoot + sep);
  }

  /**
   * A folder's real path, as `realpath` gives it (and throwing where it throws: a folder that is not there, or not a
   * folder): the root's and a symlink's from `realpath`, any other folder's from its parent's and its own name.
   */
  private realFolder(folder: string): string {
    let real = this.folders.get(folder);
    if (real !== undefined) return real;
    const parent = dirname(folder);
    const name = basename(folder);
    const entry = folder === this.top || parent === folder ? undefined : this.entryOf(folder, parent, name);
    if (entry === undefined || entry.isSymbolicLink()) real = realpathSync.native(folder);
    else if (entry.isDirectory()) real = join(this.realFolder(parent), name);
    else throw Object.assign(new Error(`not a folder: ${folder}`), { code: 'ENOTDIR' });
    this.folders.set(folder, real);
    return real;
  }

  /**
   * What `folder` (`name` in `parent`) is, not following a symlink: from a listing of the parent once LIST_AFTER of
   * its folders have been asked for (a folder of evidence folders is read once, not looked at once per folder), else,
   * and for a name the listing does not hold as written (a file system that ignores case), from lstat.
   */
  private entryOf(folder: string, parent: string, name: string): Dirent | Stats {
    let listing = this.listings.get(parent);
    if (listing === undefined || typeof listing === 'number') {
      const asked = (listing ?? 0) + 1;
      listing = asked < LIST_AFTER ? asked : entriesOf(parent);
      this.listings.set(parent, listing);
    }
    return (typeof listing === 'object' ? listing.get(name) : undefined) ?? lstatSync(folder);
  }
}

/** Folders asked for in one parent before the parent is listed: a parent of one or two is not worth reading whole. */
const LIST_AFTER = 8;

/** A folder's entries by name, or false when it cannot be listed (a folder that can be searched but not read). */
function entriesOf(folder: string): Map<string, Dirent> | false {
  try {
    return new Map(readdirSync(folder, { withFileTypes: true }).map((entry) => [entry.name, entry]));
  } catch {
    return false;
  }
}

/** Whether `posix.normalize` leaves a relative path as it is: no empty, `.` or `..` segment, no `/` at either end. */
function isNormalRelative(path: string): boolean {
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i < path.length && path.charCodeAt(i) !== 0x2f) continue;
    const length = i - start;
    if (length === 0) return false;
    if (path.charCodeAt(start) === 0x2e && (length === 1 || (length === 2 && path.charCodeAt(start + 1) === 0x2e))) return false;
    start = i + 1;
  }
  return true;
}

/** Schema problems reported per record; more are summed up in one line. */
const MAX_PROBLEMS_PER_RECORD = 20;

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
