// The lint cache (--cache): what reading each program file added to the model (its records, problems, directives,
// declared IDs), and what was found in each evidence file (what it is, its digest, where secrets are in it), kept
// between runs in one file, so an unchanged file is neither read nor parsed again. Cross-file rules still run on the
// whole model every time: the output is the same with the cache or without it.
//
// A file is unchanged when its size, modification time, inode and change time are the ones kept (strategy
// `metadata`, the default), or when its content hashes the same (`content`). The whole cache is dropped, with a
// notice, when it cannot be read or was written by another soc2lint version or for another config. It is written only
// when --cache is given, at the cache location, and atomically: a temporary file renamed over it.
//
// The cache never holds an evidence file's text: evidence may hold a secret, and a cache is copied around (CI keeps it
// with actions/cache). Only what kind of secret is where is kept, never what it is; an unchanged evidence file is not
// read again.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Config } from '../config/config.js';
import { isIsoDate } from '../core/dates.js';
import type { DiscoveredFile } from '../files/discover.js';
import { digestEvidence } from '../files/read.js';
import type { AddedDates, KeptGit } from '../git/facts.js';
import type { EvidenceFacts, FileCache, FileContribution, FileStats } from '../model/load.js';
import { revivedContribution, revivedJsonContribution, storedContribution } from './stored.js';

export type CacheStrategy = 'metadata' | 'content';

/** The cache file's own layout; a cache written in another one is not read. */
const FORMAT = 4;

/** How a file is told unchanged: its metadata, and with the content strategy the SHA-256 of its bytes. */
interface FileState {
  size: number;
  mtimeMs: number;
  ino: number;
  ctimeMs: number;
  hash?: string;
}

interface Entry extends FileState {
  kind: string;
  /**
   * The contribution in its stored form (./stored.ts), on its own: as JSON, characters [at, at + length) of the
   * texts; else serialized by v8, bytes [at, at + length) of the blob.
   */
  json: boolean;
  at: number;
  length: number;
}

interface EvidenceEntry extends FileState {
  facts: EvidenceFacts;
}

/**
 * The evidence entries by column: thousands of small objects cost more to read back than a few long strings and one
 * array of numbers do. Decoded on the first question about evidence.
 */
interface StoredEvidence {
  /** JSON: the evidence paths, in order. */
  paths: string;
  /** Four numbers per path: size, mtimeMs, ino, ctimeMs. */
  meta: Float64Array;
  /** JSON: per path, the SHA-256 of its content (content strategy), or null. */
  hashes: string;
  /** JSON: per path, its facts. */
  facts: string;
}

interface Stored {
  format: number;
  version: string;
  config: string;
  strategy: CacheStrategy;
  files: Map<string, Entry>;
  /** Every kept contribution, one after the other: read in one piece, each parsed when its file is unchanged. */
  texts: string;
  blob: Uint8Array;
  evidence: StoredEvidence;
  /** When each evidence file was first committed, for one HEAD (src/git/facts.ts AddedDates); absent when never asked. */
  added?: AddedDates;
  /** What git answered for one index (src/git/facts.ts KeptGit); absent when never asked. */
  git?: KeptGit;
}

export interface CacheOptions {
  /** The cache file (absolute). */
  file: string;
  strategy: CacheStrategy;
  /** soc2lint's version: results kept by another version are not trusted. */
  version: string;
}

export class LintCache implements FileCache {
  /** Things to tell the user about the cache (it could not be read, it was for another version or config). */
  readonly notices: string[] = [];
  private kept = new Map<string, Entry>();
  private keptTexts = '';
  private keptBlob: Uint8Array = new Uint8Array(0);
  private storedEvidence: StoredEvidence | undefined;
  private keptEvidence: KeptEvidence | undefined;
  /** This run's files: a kept entry's text or bytes (still in the kept ones), or a new contribution's. */
  private readonly next = new Map<string, { entry: Omit<Entry, 'json' | 'at' | 'length'>; stored: string | Uint8Array }>();
  private readonly nextEvidence = new Map<string, EvidenceEntry>();
  private readonly seen = new Map<string, FileState>();
  /** This run's evidence files: the kept entry when it still holds, else what the file is now. */
  private readonly seenEvidence = new Map<string, FileState | EvidenceEntry>();
  private keptAdded: AddedDates | undefined;
  private nextAdded: AddedDates | undefined;
  private keptGitFacts: KeptGit | undefined;
  private nextGitFacts: KeptGit | undefined;
  private configKey = '';
  private changed = false;
  private evidenceAsked = false;
  /** Whether an evidence entry of this run is not one the cache kept as it was. */
  private evidenceChanged = false;
  /** Whether the kept evidence columns were read back whole (not damaged). */
  private evidenceWhole = false;

  constructor(private readonly options: CacheOptions) {}

  /** Read the kept results, and keep only those that were for this config. */
  useConfig(config: Config): void {
    this.configKey = hashOf(stableJson(config));
    let text: Buffer;
    try {
      text = readFileSync(this.options.file);
    } catch {
      this.changed = true;
      return; // no cache yet
    }
    let stored: Stored;
    try {
      stored = deserialize(text) as Stored;
    } catch {
      stored = undefined as unknown as Stored;
    }
    this.changed = true;
    const where = `the cache ${this.options.file}`;
    const version = stored && typeof stored === 'object' ? (stored as Partial<Stored>).version : undefined;
    if (typeof version === 'string' && version !== this.options.version) {
      this.notices.push(`${where} was written by soc2lint ${version}, not ${this.options.version}; linting without it, and writing it anew.`);
    } else if (!isStored(stored)) {
      this.notices.push(`${where} could not be read (it is damaged, or not a soc2lint cache); linting without it, and writing it anew.`);
    } else if (stored.version !== this.options.version) {
      this.notices.push(`${where} was written by soc2lint ${String(stored.version)}, not ${this.options.version}; linting without it, and writing it anew.`);
    } else if (stored.config !== this.configKey) {
      this.notices.push(`${where} was written for another config; linting without it, and writing it anew.`);
    } else if (stored.strategy !== this.options.strategy) {
      this.notices.push(`${where} was written with --cache-strategy ${String(stored.strategy)}; linting without it, and writing it anew.`);
    } else {
      this.kept = stored.files;
      this.keptTexts = stored.texts;
      this.keptBlob = stored.blob;
      this.storedEvidence = stored.evidence;
      this.keptAdded = isAddedDates(stored.added) ? stored.added : undefined;
      this.keptGitFacts = isKeptGit(stored.git) ? stored.git : undefined;
      this.changed = false;
    }
  }

  get(discovered: DiscoveredFile): FileContribution | undefined {
    const state = this.stateOf(discovered.absolute);
    if (!state) return undefined;
    this.seen.set(discovered.file, state);
    const entry = this.kept.get(discovered.file);
    if (!entry || entry.kind !== discovered.kind || !this.unchanged(entry, state)) return undefined;
    const kept = entry.json ? this.keptTexts.slice(entry.at, entry.at + entry.length) : this.keptBlob.subarray(entry.at, entry.at + entry.length);
    let contribution: FileContribution;
    try {
      contribution = typeof kept === 'string' ? revivedJsonContribution(kept) : revivedContribution(deserialize(kept));
    } catch {
      return undefined;
    }
    this.next.set(discovered.file, { entry: { kind: entry.kind, ...state }, stored: kept });
    return contribution;
  }

  set(discovered: DiscoveredFile, contribution: FileContribution): void {
    this.changed = true;
    const state = this.seen.get(discovered.file);
    if (!state) return; // the file could not be looked at: nothing to compare with next time
    const kept = storedContribution(contribution);
    if (kept === undefined) return; // something the cache cannot keep exactly: the file is read every time
    this.next.set(discovered.file, { entry: { kind: discovered.kind, ...state }, stored: 'json' in kept ? kept.json : serialize(kept.form) });
  }

  evidence(path: string, absolute: string, stats: FileStats): EvidenceFacts | undefined {
    this.evidenceAsked = true;
    let hash: string | undefined;
    if (this.options.strategy === 'content') {
      const digest = digestEvidence(absolute);
      if (!('sha256' in digest)) return undefined; // unreadable now: looked at again, and not kept
      hash = digest.sha256;
    }
    const entry = this.evidenceKept().get(path);
    const unchanged =
      entry !== undefined &&
      (this.options.strategy === 'content' ? entry.hash === hash : entry.size === stats.size && entry.mtimeMs === stats.mtimeMs && entry.ino === stats.ino && entry.ctimeMs === stats.ctimeMs);
    // The common case, nothing changed, makes no new object: the kept entry is kept as it is.
    if (unchanged) {
      this.seenEvidence.set(path, entry);
      return entry.facts;
    }
    this.seenEvidence.set(path, { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino, ctimeMs: stats.ctimeMs, ...(hash !== undefined ? { hash } : {}) });
    return undefined;
  }

  keepEvidence(path: string, facts: EvidenceFacts): void {
    const seen = this.seenEvidence.get(path);
    if (!seen) return;
    if ('facts' in seen && seen.facts === facts) {
      this.nextEvidence.set(path, seen);
      return;
    }
    this.evidenceChanged = true;
    this.changed = true;
    const { size, mtimeMs, ino, ctimeMs, hash } = seen;
    this.nextEvidence.set(path, { size, mtimeMs, ino, ctimeMs, ...(hash !== undefined ? { hash } : {}), facts });
  }

  gitAdded(): AddedDates | undefined {
    return this.keptAdded;
  }

  keepGitAdded(dates: AddedDates): void {
    if (dates !== this.keptAdded) this.changed = true;
    this.nextAdded = dates;
  }

  keptGit(): KeptGit | undefined {
    return this.keptGitFacts;
  }

  keepGit(kept: KeptGit): void {
    if (kept !== this.keptGitFacts) this.changed = true;
    this.nextGitFacts = kept;
  }

  /**
   * Write the cache: the entries of this run's files only (a deleted or renamed file's entry goes). Nothing is written
   * when every file was kept and none went. A run that looked at no evidence (its rules were off) keeps what the cache
   * knew of it.
   */
  save(): void {
    const evidence = this.evidenceAsked ? this.nextEvidence : this.evidenceKept().entries();
    if (!this.changed && this.next.size === this.kept.size && evidence.size === this.evidenceKept().size) return;
    const files = new Map<string, Entry>();
    const texts: string[] = [];
    const blobs: Uint8Array[] = [];
    let textAt = 0;
    let blobAt = 0;
    for (const [file, { entry, stored }] of this.next) {
      const json = typeof stored === 'string';
      files.set(file, { ...entry, json, at: json ? textAt : blobAt, length: stored.length });
      if (json) {
        texts.push(stored);
        textAt += stored.length;
      } else {
        blobs.push(stored);
        blobAt += stored.length;
      }
    }
    const blob = Buffer.concat(blobs, blobAt);
    const added = this.nextAdded ?? this.keptAdded;
    const git = this.nextGitFacts ?? this.keptGitFacts;
    // Every evidence entry the one kept, and none gone: the columns as they were read (not made again from 8,000 entries).
    const sameEvidence = (!this.evidenceAsked || (!this.evidenceChanged && evidence.size === this.evidenceKept().size)) && this.evidenceWhole;
    const stored = sameEvidence ? this.storedEvidence! : storedEvidenceOf(evidence);
    const data: Stored = { format: FORMAT, version: this.options.version, config: this.configKey, strategy: this.options.strategy, files, texts: texts.join(''), blob, evidence: stored, ...(added ? { added } : {}), ...(git ? { git } : {}) };
    const file = this.options.file;
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(temporary, serialize(data));
      renameSync(temporary, file);
    } catch (error) {
      rmSync(temporary, { force: true });
      this.notices.push(`the cache ${file} could not be written: ${(error as Error).message}`);
    }
  }

  /** The kept evidence entries, decoded once; none when they cannot be read (every evidence file is looked at again). */
  private evidenceKept(): KeptEvidence {
    if (this.keptEvidence) return this.keptEvidence;
    this.keptEvidence = new KeptEvidence([], new Float64Array(0), [], []);
    const stored = this.storedEvidence;
    if (!stored) return this.keptEvidence;
    try {
      const paths = JSON.parse(stored.paths) as string[];
      const hashes = JSON.parse(stored.hashes) as (string | null)[];
      const facts = JSON.parse(stored.facts) as EvidenceFacts[];
      if (stored.meta.length !== paths.length * 4 || hashes.length !== paths.length || facts.length !== paths.length) return this.keptEvidence;
      this.keptEvidence = new KeptEvidence(paths, stored.meta, hashes, facts);
      this.evidenceWhole = true;
    } catch {
      // damaged: none
    }
    return this.keptEvidence;
  }

  private unchanged(kept: FileState, now: FileState): boolean {
    if (this.options.strategy === 'content') return kept.hash === now.hash;
    return kept.size === now.size && kept.mtimeMs === now.mtimeMs && kept.ino === now.ino && kept.ctimeMs === now.ctimeMs;
  }

  private stateOf(absolute: string): FileState | undefined {
    try {
      const stats = statSync(absolute);
      if (!stats.isFile()) return undefined;
      const state: FileState = { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino, ctimeMs: stats.ctimeMs };
      if (this.options.strategy === 'content') state.hash = hashOf(readFileSync(absolute));
      return state;
    } catch {
      return undefined;
    }
  }
}

function isStored(value: unknown): value is Stored {
  if (!value || typeof value !== 'object') return false;
  const stored = value as Partial<Stored>;
  const evidence = stored.evidence as Partial<StoredEvidence> | undefined;
  return (
    stored.format === FORMAT &&
    stored.files instanceof Map &&
    typeof stored.texts === 'string' &&
    stored.blob instanceof Uint8Array &&
    typeof evidence === 'object' &&
    evidence !== null &&
    typeof evidence.paths === 'string' &&
    evidence.meta instanceof Float64Array &&
    typeof evidence.hashes === 'string' &&
    typeof evidence.facts === 'string'
  );
}

/**
 * The evidence entries a cache kept, found by path: in the order they were kept, which is the order a run asks for
 * them while the program names the same files (so no index of thousands of paths is made), else through an index made
 * at the first path out of that order.
 */
class KeptEvidence {
  private next = 0;
  private index: Map<string, number> | undefined;

  constructor(
    private readonly paths: readonly string[],
    private readonly meta: Float64Array,
    private readonly hashes: readonly (string | null)[],
    private readonly facts: readonly EvidenceFacts[],
  ) {}

  get size(): number {
    return this.paths.length;
  }

  get(path: string): EvidenceEntry | undefined {
    let i = this.next;
    if (this.paths[i] !== path) {
      this.index ??= new Map(this.paths.map((kept, n) => [kept, n]));
      const found = this.index.get(path);
      if (found === undefined) return undefined;
      i = found;
    }
    this.next = i + 1;
    return this.entry(i);
  }

  /** Every entry by path, in the order kept. */
  entries(): Map<string, EvidenceEntry> {
    return new Map(this.paths.map((path, i) => [path, this.entry(i)]));
  }

  private entry(i: number): EvidenceEntry {
    const meta = this.meta;
    const entry: EvidenceEntry = { size: meta[i * 4]!, mtimeMs: meta[i * 4 + 1]!, ino: meta[i * 4 + 2]!, ctimeMs: meta[i * 4 + 3]!, facts: this.facts[i]! };
    const hash = this.hashes[i];
    if (hash !== null && hash !== undefined) entry.hash = hash;
    return entry;
  }
}

function storedEvidenceOf(entries: ReadonlyMap<string, EvidenceEntry>): StoredEvidence {
  const meta = new Float64Array(entries.size * 4);
  const hashes: (string | null)[] = [];
  const facts: EvidenceFacts[] = [];
  let i = 0;
  for (const entry of entries.values()) {
    meta.set([entry.size, entry.mtimeMs, entry.ino, entry.ctimeMs], i * 4);
    hashes.push(entry.hash ?? null);
    facts.push(entry.facts);
    i++;
  }
  return { paths: JSON.stringify([...entries.keys()]), meta, hashes: JSON.stringify(hashes), facts: JSON.stringify(facts) };
}

function hashOf(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** JSON with maps and sets written out, for a key that changes whenever the config does. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (item instanceof Map ? { map: [...item] } : item instanceof Set ? { set: [...item] } : item));
}

/** First-added dates as the cache keeps them; anything else (a damaged or older cache) is not used. */
function isAddedDates(value: unknown): value is AddedDates {
  const added = value as Partial<AddedDates> | undefined;
  if (
    typeof added !== 'object' ||
    added === null ||
    typeof added.head !== 'string' ||
    !/^[0-9a-f]{40,64}$/.test(added.head) ||
    typeof added.prefix !== 'string' ||
    !Array.isArray(added.folders) ||
    !added.folders.every((folder) => typeof folder === 'string') ||
    !(added.dates instanceof Map)
  ) {
    return false;
  }
  for (const file of added.dates.keys()) if (typeof file !== 'string') return false;
  // Thousands of files share a few hundred dates: each date is checked once.
  const checked = new Set<string>();
  for (const date of added.dates.values()) {
    if (checked.has(date)) continue;
    if (typeof date !== 'string' || !isIsoDate(date)) return false;
    checked.add(date);
  }
  return true;
}

/** Git's answers as the cache keeps them; anything else (a damaged or older cache) is not used. */
function isKeptGit(value: unknown): value is KeptGit {
  const kept = value as Partial<KeptGit> | undefined;
  if (typeof kept !== 'object' || kept === null || typeof kept.top !== 'string' || typeof kept.prefix !== 'string' || typeof kept.index !== 'string' || typeof kept.files !== 'string') return false;
  if (kept.history === undefined) return true;
  const { head, request, changes } = kept.history as Partial<NonNullable<KeptGit['history']>>;
  if (typeof head !== 'string' || !/^[0-9a-f]{40,64}$/.test(head) || typeof request !== 'string' || !(changes instanceof Map)) return false;
  for (const [file, list] of changes) {
    if (typeof file !== 'string' || !Array.isArray(list)) return false;
    for (const change of list as unknown[]) {
      const { commit, date, subject } = (change ?? {}) as Record<string, unknown>;
      if (typeof commit !== 'string' || typeof date !== 'string' || !isIsoDate(date) || typeof subject !== 'string') return false;
    }
  }
  return true;
}
