// One pass over the program: discover files, read and parse each, validate every record against its schema,
// and build the repo model with its cross references. Every failure is a problem in the model, never an exception.
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, posix, sep } from 'node:path';
import type { Document } from 'yaml';
import type { Config, FileKind } from '../config/config.js';
import { maxDate, minDate, type IsoDate } from '../core/dates.js';
import { TSC_2017, type Criterion } from '../core/tsc2017.js';
import { discoverFiles, type DiscoveredFile } from '../files/discover.js';
import { digestEvidence, readEvidenceWithDigest, readTextFile, type EvidenceDigest, type Overlay } from '../files/read.js';
import { loadGitFacts } from '../git/facts.js';
import { evidenceFiles } from './evidence.js';
import { headingAnchors } from '../parse/markdown.js';
import { parseCsv } from '../parse/csv.js';
import { frontMatterDirectives, markdownDirectives, yamlDirectives } from '../parse/directives.js';
import { parseFrontMatter } from '../parse/front-matter.js';
import { CsvRowSource, FileSource, YamlSource, type RecordSource } from '../parse/source.js';
import { parseYaml, sourceText, type ParsedYaml } from '../parse/yaml.js';
import { isRequired, propertiesOf, validateRecord, type SchemaName } from '../schema/validate.js';
import * as records from './records.js';
import type { EvidenceContent, LoadProblem, ModelPart, PathTarget, RepoModel } from './types.js';

type Raw = Record<string, unknown>;

/** For each kind of file: the schema of one record and the key that holds a list of them. */
const FILE_KINDS: Record<Exclude<FileKind, 'policies' | 'scope'>, { schema: SchemaName; listKey: string; label: string }> = {
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
export async function loadRepo(config: Config, needs: ReadonlySet<ModelPart> = new Set(), overlay?: Overlay): Promise<RepoModel> {
  const discovery = await discoverFiles(config.root, config.paths, config.ignore, overlay);
  const builder = new ModelBuilder(config, overlay);
  builder.problems.push(...discovery.problems);
  for (const file of discovery.files) builder.addFile(file);
  return builder.finish(needs);
}

class ModelBuilder {
  readonly problems: LoadProblem[] = [];
  private readonly model: RepoModel;
  private readonly declared = new Map<'policy' | 'control' | 'system' | 'vendor' | 'person', Set<string>>(
    (['policy', 'control', 'system', 'vendor', 'person'] as const).map((kind) => [kind, new Set<string>()]),
  );
  private scopeFile: string | undefined;
  private readonly policyTexts = new Map<string, string>();

  constructor(
    private readonly config: Config,
    private readonly overlay?: Overlay,
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
    };
  }

  addFile({ kind, file, absolute }: DiscoveredFile): void {
    const read = readTextFile(absolute, file, this.overlay);
    if (!read.ok) {
      this.problems.push({ kind: 'parse', message: read.message, range: read.range });
      return;
    }
    if (kind === 'scope' && !this.model.scopeFile) this.model.scopeFile = file;
    if (kind === 'policies') return this.addPolicy(file, read.text);
    if (file.endsWith('.csv')) return this.addCsv(kind, file, read.text);
    const parsed = parseYaml(read.text, file);
    if (!parsed.ok) {
      this.problems.push(...parsed.problems);
      this.declareFromText(kind, read.text);
      return;
    }
    // Directives come from files that parsed: a file that did not has no trustworthy comments to read.
    this.model.directives.push(...yamlDirectives(read.text, file, parsed.yaml.lines));
    if (kind === 'people') this.model.hasPeopleFile = true;
    if (kind === 'scope') return this.addScope(parsed.yaml);
    this.addRecords(kind, parsed.yaml);
  }

  private addPolicy(file: string, text: string): void {
    const parsed = parseFrontMatter(text, file);
    if (!parsed.ok) {
      this.problems.push(...parsed.problems);
      this.declareFromText('policies', text);
      return;
    }
    this.model.directives.push(...frontMatterDirectives(text, file));
    const value = parsed.yaml?.value ?? {};
    const id = value && typeof value === 'object' ? (value as Raw).id : undefined;
    const source = parsed.yaml ? new YamlSource(file, parsed.yaml.doc.contents, parsed.yaml.lines, stringOrUndefined(id)) : new FileSource(file);
    const raw = this.checked('policy', value, source, typeof id === 'string' ? `policy ${id}` : 'policy');
    if (!raw) return;
    const versionText = parsed.yaml ? sourceText(parsed.yaml.doc.getIn(['version'], true)) : undefined;
    this.policyTexts.set(file, text);
    this.model.policies.push(records.toPolicy(raw, source, parsed.body, parsed.bodyLine, versionText));
    // Only the body of a policy in the model is checked, so only its directives can suppress anything.
    this.model.directives.push(...markdownDirectives(parsed.body, parsed.bodyLine, file));
  }

  private addScope(yaml: ParsedYaml): void {
    if (this.scopeFile) {
      this.problems.push(problemAt(new YamlSource(yaml.file, yaml.doc.contents, yaml.lines), `A second scope file; ${this.scopeFile} is already the scope. Keep one.`));
      return;
    }
    this.scopeFile = yaml.file;
    const source = new YamlSource(yaml.file, yaml.doc.contents, yaml.lines);
    // Systems are declared as written, so a malformed system is not also reported as an unknown reference.
    const written = (yaml.value as { systems?: unknown } | null)?.systems;
    for (const system of Array.isArray(written) ? written : []) {
      if (typeof system?.id === 'string') this.declared.get('system')!.add(system.id);
    }
    const raw = this.checked('scope', yaml.value ?? {}, source, 'scope');
    if (!raw) return;
    this.model.scope = records.toScope(raw, source);
    this.model.systems = records.toSystems(raw, (path) => {
      const node = yaml.doc.getIn(path, true) as YamlNode;
      return new YamlSource(yaml.file, node, yaml.lines, stringOrUndefined(yaml.doc.getIn([...path, 'id'])));
    });
  }

  /** A file of one record (a mapping) or of several (a list under the kind's plural key). */
  private addRecords(kind: Exclude<FileKind, 'policies' | 'scope'>, yaml: ParsedYaml): void {
    const { schema, listKey, label } = FILE_KINDS[kind];
    const value = yaml.value;
    const root = yaml.doc.contents;
    if (value === null || value === undefined) return; // an empty file holds no records
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.problems.push(
        problemAt(new YamlSource(yaml.file, root, yaml.lines), `Expected one ${label} as a mapping, or several under "${listKey}:"; found ${Array.isArray(value) ? 'a bare list' : 'a single value'}.${Array.isArray(value) ? ` Put the list under "${listKey}:".` : ''}`),
      );
      return;
    }
    const list = (value as Raw)[listKey];
    if (Array.isArray(list)) {
      const extra = Object.keys(value).filter((key) => key !== listKey);
      for (const key of extra) {
        this.problems.push({ kind: 'schema', message: `Unknown top-level key "${key}"; a ${label} file holds a "${listKey}:" list or a single ${label}.`, range: new YamlSource(yaml.file, root, yaml.lines).at([key], 'key') });
      }
      list.forEach((item, index) => {
        const node = yaml.doc.getIn([listKey, index], true) as YamlNode;
        const source = new YamlSource(yaml.file, node, yaml.lines, stringOrUndefined((item as Raw | null)?.id));
        this.addRecord(kind, schema, label, item, source, (path) => sourceText(yaml.doc.getIn([listKey, index, ...path], true)));
      });
      return;
    }
    const source = new YamlSource(yaml.file, root, yaml.lines, stringOrUndefined((value as Raw).id));
    this.addRecord(kind, schema, label, value, source, (path) => sourceText(yaml.doc.getIn(path, true)));
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
    const { allowed, required } = propertiesOf(entry.schema);
    const unknown = parsed.header.filter((column) => !allowed.includes(column));
    const missing = required.filter((column) => !parsed.header.includes(column));
    if (unknown.length > 0 || missing.length > 0) {
      const parts = [
        ...(missing.length ? [`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`] : []),
        ...(unknown.length ? [`unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`] : []),
      ];
      this.problems.push({ kind: 'schema', message: `CSV header has ${parts.join(' and ')}; the header must be ${required.join(',')}.`, range: { file, line: 1, column: 1, endLine: 1, endColumn: (text.split('\n')[0] ?? '').length + 1 } });
      return;
    }
    for (const row of parsed.rows) {
      this.addRecord(kind as 'training' | 'acknowledgments', entry.schema, entry.label, row.values, new CsvRowSource(file, row.line, row.text, parsed.header, row.cells), () => undefined);
    }
  }

  private addRecord(kind: Exclude<FileKind, 'policies' | 'scope'>, schema: SchemaName, label: string, value: unknown, source: RecordSource, scalarText: (path: string[]) => string | undefined): void {
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
    for (const match of text.matchAll(/^[ \t-]*id:[ \t]*["']?([A-Za-z0-9][A-Za-z0-9._@+-]*)/gm)) this.declared.get(declaredKind)!.add(match[1]!);
  }

  /** Validate, report, and return the record without its invalid values (undefined when it is unusable). */
  private checked(schema: SchemaName, value: unknown, source: RecordSource, label: string): Raw | undefined {
    const id = value && typeof value === 'object' ? (value as Raw).id : undefined;
    const declaredKind = DECLARING_SCHEMAS[schema];
    if (declaredKind && typeof id === 'string') this.declared.get(declaredKind)!.add(id);
    const { problems, violations } = validateRecord(schema, value, source, label);
    this.problems.push(...problems);
    return records.prune(value, violations, (parentPath, key) => isRequired(schema, parentPath, key));
  }

  async finish(needs: ReadonlySet<ModelPart>): Promise<RepoModel> {
    const paths = this.model.paths as Map<string, PathTarget>;
    const note = (path: string | undefined) => {
      if (path !== undefined && !paths.has(path)) paths.set(path, resolvePath(this.config.root, path, this.overlay));
    };
    const evidence = evidenceFiles(this.model).map((ref) => ref.path);
    for (const path of evidence) note(path);

    if (needs.has('link-targets')) this.loadLinkTargets(note);
    if (needs.has('evidence-content')) {
      const content = this.model.evidenceContent as Map<string, EvidenceContent>;
      const digests = this.model.evidenceDigests as Map<string, EvidenceDigest>;
      const digest = needs.has('evidence-digest');
      for (const path of evidence) {
        if (content.has(path) || paths.get(path)?.state !== 'file') continue;
        // One read gives the text and, when a rule needs it, the digest.
        const read = readEvidenceWithDigest(join(this.config.root, path.replace(/\\/g, '/')), overlayKey(path), this.overlay, digest);
        content.set(path, read.content);
        if (read.digest) digests.set(path, read.digest);
      }
    }
    if (needs.has('evidence-digest')) {
      const digests = this.model.evidenceDigests as Map<string, EvidenceDigest>;
      for (const path of evidence) {
        if (!digests.has(path) && paths.get(path)?.state === 'file') digests.set(path, digestEvidence(join(this.config.root, path.replace(/\\/g, '/')), overlayKey(path), this.overlay));
      }
    }
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
        ...(needs.has('git-added') ? { evidence: [...new Set(evidence.filter((path) => paths.get(path)?.state === 'file').map(overlayKey))] } : {}),
      });
    }
    return this.model;
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

type YamlNode = Document.Parsed['contents'];

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
  const path = written.replace(/\\/g, '/');
  if (isAbsolute(written) || path.startsWith('/') || /^[A-Za-z]:\//.test(path)) return { state: 'outside', reason: 'absolute' };
  const normalized = posix.normalize(path);
  if (normalized === '..' || normalized.startsWith('../')) return { state: 'outside', reason: 'parent' };
  if (overlay?.has(normalized)) return { state: 'file' };
  const absolute = join(root, normalized);
  try {
    const stats = lstatSync(absolute);
    if (stats.isSymbolicLink()) {
      const real = realpathSync(absolute);
      const realRoot = realpathSync(root);
      if (real !== realRoot && !real.startsWith(realRoot + sep)) return { state: 'outside', reason: 'symlink' };
      return statSync(real).isDirectory() ? { state: 'directory' } : { state: 'file' };
    }
    return stats.isDirectory() ? { state: 'directory' } : { state: 'file' };
  } catch {
    return { state: 'missing' };
  }
}
