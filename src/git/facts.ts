// What git knows about the program: which files are committed (or staged), and how each policy's text changed.
// Every fact comes from a fixed handful of git processes for the whole repo (rev-parse, ls-files, a count, one log
// for the policies, one for the evidence, a status and one cat-file), never one process per file, and simple-git is
// only loaded when a rule needs git at all. The questions that need nothing from the files are started before the
// files are read (startGit), so git works while the program is parsed.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { compareDates, type IsoDate } from '../core/dates.js';
import { settle, unwrap, type Settled } from '../core/settle.js';
import { bodyChanges, committedTouches, readBatch, sinceAdded, TOUCH_FORMAT, uncommittedPolicies, versionsToRead, type PolicyChange, RECORD } from './policy-history.js';

export { WORKING_TREE, type PolicyChange } from './policy-history.js';

export type GitFacts =
  | { available: false; reason: string }
  | {
      available: true;
      /** The program root's path inside the checkout (`compliance/`), empty at the top. */
      prefix: string;
      /** Files in the index (committed or staged), relative to the program root. */
      tracked: ReadonlySet<string>;
      /** Why the history is not available (a shallow clone), when it is not. */
      historyUnavailable?: string;
      /** Per policy file: the commits after `since` that changed its body (not only its front matter), newest first. */
      policyChanges: ReadonlyMap<string, PolicyChange[]>;
      /** With `added`: per evidence file (root-relative, normalized), the date of the commit that first added it. */
      evidenceAdded?: ReadonlyMap<string, IsoDate>;
      /** The first-added dates behind `evidenceAdded`, for a cache to keep (see GitRequest.keptAdded). */
      addedDates?: AddedDates;
      /** What the next run may reuse while the index (and HEAD) stay the same, when the questions were asked to keep it (startGit). */
      kept?: KeptGit;
    };

export interface GitRequest {
  root: string;
  /** Load policy history too (a rule needs it). */
  history: boolean;
  /** Policy files (root-relative) with their current text. */
  policies: ReadonlyMap<string, string>;
  /** Only changes after this date matter (the earliest approval among the policies). */
  since?: IsoDate;
  /**
   * Per policy file, the date after which its changes matter (its latest sign-off). When given, older changes are not
   * read, and policies it does not name have no history read at all: their changes would judge nothing.
   */
  signedOff?: ReadonlyMap<string, IsoDate>;
  /** Policies are comply documents, whose header may have no opening `---`. */
  headerless?: boolean;
  /** Evidence files (root-relative, normalized) whose first commit date a rule needs; none when empty or absent. */
  evidence?: readonly string[];
  /**
   * First-added dates a previous run read (`GitFacts.addedDates`, kept by the cache): used instead of walking the
   * history again when HEAD, the program's place in the checkout and the folders asked about are the same.
   */
  keptAdded?: AddedDates;
}

/**
 * When each file under some folders was first committed, as of one HEAD: the history behind a commit never changes,
 * so the answer holds for as long as HEAD, the program's place in the checkout and the folders do.
 */
export interface AddedDates {
  head: string;
  prefix: string;
  /** The pathspecs the log was asked for (the top folders of the evidence files, root-relative). */
  folders: readonly string[];
  /** Per file (path in the checkout), the committer's date of the oldest commit that added it. */
  dates: ReadonlyMap<string, IsoDate>;
}

/**
 * What git answered that holds for as long as the index file is the same one (ls-files: what is tracked), and, for
 * the policies' history, as long as HEAD, the index and the request are (the history log and status compare the
 * policies' texts with the index and HEAD). The index is told unchanged by its size, modification and change times
 * and inode: git writes a new index by renaming a new file over it, so a `git add`, a commit or a checkout give it
 * another inode and other times.
 */
export interface KeptGit {
  /** The checkout's top folder and the program's place in it. */
  top: string;
  prefix: string;
  /** The index file's state, as indexState gives it. */
  index: string;
  /** ls-files' answer: what is tracked, NUL-separated. */
  files: string;
  /** The policies' history, for one HEAD and one request (requestKey). */
  history?: { head: string; request: string; changes: ReadonlyMap<string, PolicyChange[]> };
}

/**
 * simple-git resolves a command when its process closes (not 50 ms after it exits, simple-git 4's default). Whatever
 * the completion settings, it still waits 50 ms after a command that printed nothing at all (simple-git 4.0's
 * completion plugin does so unconditionally), so every command here is one that prints something: `status --branch`
 * always does, `rev-list --count` prints a number, and the history log runs only when that number says it has
 * commits to print.
 */
const COMPLETION = { onClose: true, onExit: false } as const;

type SimpleGit = import('simple-git').SimpleGit;



/** The questions started before the files are read: they need only the root. Never rejects, whatever git says. */
export interface StartedGit {
  readonly root: string;
  readonly git: Promise<Settled<SimpleGit>>;
  /** Where we are, whether the clone is shallow, where the index is, and HEAD when there is a commit yet. */
  readonly where: Promise<Settled<string>>;
  /** What is tracked (committed or staged). */
  readonly files: Promise<Settled<string>>;
  /** When the answers are to be kept (startGit's `keep`): the index's state before ls-files read it, and what was kept. */
  readonly keep?: { index: Promise<string | undefined>; kept: KeptGit | undefined };
  /**
   * Settles once simple-git is loaded and the questions are on their way. Reading the files never yields to the
   * event loop, so a caller that waits for this before reading lets git work meanwhile (rather than after).
   */
  readonly asked: Promise<void>;
}

/**
 * Start the questions that depend on nothing but the program root: loading simple-git, `rev-parse` and `ls-files`.
 * Their answers (or failures) wait for loadGitFacts; if nothing ever asks, the processes end on their own and no
 * failure goes unhandled. With `keep` (a cache, and what it kept from an earlier run), ls-files waits for rev-parse to
 * say where the index is, and is not asked at all when the index is the one whose files were kept.
 */
export function startGit(root: string, keep?: { kept: KeptGit | undefined }): StartedGit {
  const git = settle(import('simple-git').then(({ simpleGit }) => simpleGit(gitOptions(root))));
  const ask = (args: string[]) => settle(git.then((client) => (client.ok ? client.value.raw(args) : Promise.reject(client.error))));
  // No HEAD line after --revs-only HEAD means no commit yet. File names come NUL-separated, never quoted, whatever
  // characters they hold.
  const where = ask(['rev-parse', '--show-toplevel', '--show-prefix', '--is-shallow-repository', '--git-path', 'index', '--revs-only', 'HEAD']);
  const listFiles = ['-c', 'core.quotePath=false', 'ls-files', '-z', '--', '.'];
  if (!keep) {
    // After both questions' callbacks (they run in the order they were added), and one turn of the event loop for
    // simple-git to spawn them.
    return { root, git, where, files: ask(listFiles), asked: git.then(() => new Promise<void>((resolve) => setImmediate(resolve))) };
  }
  // The index's state is taken before ls-files reads it: if it changes meanwhile, what is kept is never reused.
  const index = where.then((answer) => (answer.ok ? indexState(root, parseWhere(answer.value).index) : undefined));
  const listed = index.then((state) => {
    const kept = keep.kept;
    if (kept && state !== undefined && state === kept.index) {
      return where.then((answer) => {
        const now = answer.ok ? parseWhere(answer.value) : undefined;
        return now && now.top === kept.top && now.prefix === kept.prefix ? { ok: true as const, value: kept.files } : undefined;
      });
    }
    return undefined;
  });
  const files = listed.then((reused) => reused ?? ask(listFiles));
  return { root, git, where, files, keep: { index, kept: keep.kept }, asked: listed.then(() => new Promise<void>((resolve) => setImmediate(resolve))) };
}

/** rev-parse's answer, line by line (startGit). */
function parseWhere(answer: string): { top: string; prefix: string; shallow: boolean; index: string; head: string } {
  const lines = answer.split('\n');
  return { top: lines[0] ?? '', prefix: lines[1] ?? '', shallow: lines[2]?.trim() === 'true', index: lines[3] ?? '', head: (lines[4] ?? '').trim() };
}

/** The index file's size, modification and change times and inode; undefined when there is none (nothing staged yet). */
function indexState(root: string, path: string): string | undefined {
  if (path === '') return undefined;
  try {
    const stats = statSync(resolve(root, path));
    return stats.isFile() ? `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/** In a hook, GIT_INDEX_FILE names the index being committed (git commit -a); keep it, as git itself would. */
function gitOptions(root: string) {
  return { baseDir: root, trimmed: false, allowEnvironment: ['GIT_INDEX_FILE'], completion: COMPLETION };
}

/** What git knows, for the request; `started` holds questions already asked for the same root (see startGit). */
export async function loadGitFacts(request: GitRequest, started?: StartedGit): Promise<GitFacts> {
  try {
    return await readFacts(request, started?.root === request.root ? started : startGit(request.root));
  } catch (error) {
    return { available: false, reason: gitFailure(error) };
  }
}

async function readFacts(request: GitRequest, started: StartedGit): Promise<GitFacts> {
  const git = await unwrap(started.git);
  // While rev-parse answers, whether the history log would list any commit: none is the usual case (nothing changed
  // since the sign-offs), and a log that prints nothing costs simple-git's 50 ms wait; a count always prints. Counting
  // stops at the first commit found, so when the log has work the count costs next to nothing. It fails (no commit
  // yet, not a repository) only where rev-parse says why. A history kept for the same HEAD, index and request is
  // looked at first: then there is nothing to count.
  const folders = pathspecsFor([...request.policies.keys()]);
  const askHistory = request.history && request.policies.size > 0;
  const keep = started.keep;
  const requestKey = keep && askHistory ? historyKey(request) : undefined;
  const keptHistory = keep?.kept?.history && requestKey === keep.kept.history.request ? keep.kept.history : undefined;
  const startCount = () => (askHistory ? git.raw(['rev-list', '--count', '--max-count=1', ...historyLimits(request.since), 'HEAD', '--', ...folders]).catch(() => '') : '');
  const early = keptHistory ? undefined : startCount();
  const { top, prefix, shallow, head } = parseWhere(await unwrap(started.where));
  const index = await keep?.index;
  const hasCommit = head !== '';
  const wantHistory = askHistory && !shallow && hasCommit;
  const wantAdded = (request.evidence?.length ?? 0) > 0 && !shallow && hasCommit;
  const addedFolders = wantAdded ? topFolders(request.evidence!) : [];
  const kept = request.keptAdded;
  const reuse = wantAdded && kept !== undefined && kept.head === head && kept.prefix === prefix && sameList(kept.folders, addedFolders);
  const reuseHistory = wantHistory && keptHistory !== undefined && index !== undefined && index === keep?.kept?.index && keptHistory.head === head && keep.kept.top === top && keep.kept.prefix === prefix;

  // Side by side: what is tracked, when each evidence file was first committed, and the policies' history (which
  // policies differ from HEAD and which commits touched one since the earliest sign-off, then their texts).
  const [files, added, policyChanges] = await Promise.all([
    unwrap(started.files),
    // Every commit that added one of the evidence files, for the folders holding them.
    wantAdded && !reuse ? git.raw(['log', `--format=${RECORD}%cI`, '--diff-filter=A', '--name-only', '-z', '--no-renames', '--no-relative', '--', ...addedFolders]) : '',
    reuseHistory ? keptHistory.changes : wantHistory ? readPolicyHistory(git, request, prefix, folders, early ?? startCount()) : new Map<string, PolicyChange[]>(),
  ]);
  const addedDates: AddedDates | undefined = !wantAdded ? undefined : reuse ? kept : { head, prefix, folders: addedFolders, dates: firstAdded(added) };
  const withAdded = addedDates ? { evidenceAdded: evidenceDates(addedDates, request.evidence!), addedDates } : {};
  // What the next run may reuse: only what was read for the index's state taken before ls-files read it.
  const keptBefore = keep?.kept;
  const unchanged =
    keptBefore !== undefined && index === keptBefore.index && top === keptBefore.top && prefix === keptBefore.prefix && files === keptBefore.files && (requestKey !== undefined && wantHistory ? reuseHistory : keptBefore.history === undefined);
  const keepNext: KeptGit | undefined =
    index === undefined ? undefined : unchanged ? keptBefore : { top, prefix, index, files, ...(wantHistory && requestKey !== undefined ? { history: { head, request: requestKey, changes: policyChanges } } : {}) };
  const withKept = keepNext ? { kept: keepNext } : {};
  const tracked = new Set(files.split('\0').filter(Boolean));
  if ((request.history || (request.evidence?.length ?? 0) > 0) && shallow) {
    return { available: true, prefix, tracked, policyChanges: new Map(), historyUnavailable: 'this is a shallow clone, so the history is incomplete (in GitHub Actions, check out with fetch-depth: 0)', ...withKept };
  }
  return { available: true, prefix, tracked, policyChanges, ...withAdded, ...withKept };
}

/** Everything of the request the policies' history depends on besides HEAD and the index, as one digest. */
function historyKey(request: GitRequest): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([request.since ?? null, request.headerless === true, request.signedOff ? [...request.signedOff] : null, request.policies.size]));
  for (const [file, text] of request.policies) hash.update(`\0${file}\0${text.length}\0`).update(text);
  return hash.digest('hex');
}

/**
 * Names first: the policies that differ from HEAD (status) and the commits that touched one since the earliest
 * sign-off, with the blob ids before and after (log --raw). Then contents, only of the versions those name: each
 * distinct blob once, in one cat-file process.
 */
async function readPolicyHistory(git: SimpleGit, request: GitRequest, prefix: string, folders: string[], count: Promise<string> | string): Promise<Map<string, PolicyChange[]>> {
  // Anything but a count of zero (an unexpected answer included) reads the log.
  const wantLog = Number.parseInt(await count, 10) !== 0;
  const [status, log] = await Promise.all([
    git.raw(['--no-optional-locks', '-c', 'status.relativePaths=false', 'status', '--porcelain=v2', '-z', '--branch', '--untracked-files=no', '--no-renames', '--ignore-submodules', '--', ...folders]),
    wantLog
      ? git.raw(['log', TOUCH_FORMAT, ...historyLimits(request.since), '--diff-merges=first-parent', '--raw', '-z', '--no-renames', '--no-relative', '--', ...folders])
      : '',
  ]);
  const touches = sinceAdded(
    [...uncommittedPolicies(status, prefix, request.policies), ...committedTouches(log, prefix, request.policies)].filter((touch) => {
      if (!request.signedOff) return true;
      const since = request.signedOff.get(touch.file);
      return since !== undefined && compareDates(touch.date, since) > 0;
    }),
  );
  const wanted = versionsToRead(touches);
  const input = `${wanted.map((version) => version.object).join('\n')}\n`;
  const { simpleGit } = await import('simple-git');
  const blobs = wanted.length === 0 ? new Map<string, string>() : readBatch(await simpleGit({ ...gitOptions(request.root), input: () => input }).binaryCatFile(['--batch']), wanted);
  return bodyChanges(request.policies, touches, blobs, request.headerless);
}

/**
 * The commits the history pass reads, the same for the count and the log: the main line (a change merged from a
 * branch counts on the day it was merged) since the earliest sign-off.
 */
function historyLimits(since: IsoDate | undefined): string[] {
  return ['--first-parent', ...(since ? [`--since=${since}T00:00:00Z`] : [])];
}

/**
 * From `log --diff-filter=A --name-only -z` (newest first): the date of the oldest commit that added each file it names
 * (a path in the checkout), the committer's own calendar date. A file added, deleted and added again keeps its first
 * date.
 */
function firstAdded(log: string): Map<string, IsoDate> {
  const added = new Map<string, IsoDate>();
  for (const entry of log.split(RECORD).slice(1)) {
    const [header = '', ...names] = entry.split('\0');
    const date = header.trim().slice(0, 10);
    for (const name of names) {
      const path = name.replace(/^\n/, '');
      if (path !== '') added.set(path, date);
    }
  }
  return added;
}

/** The first-added date of each evidence file (root-relative) that has one. */
function evidenceDates(added: AddedDates, evidence: readonly string[]): Map<string, IsoDate> {
  const dates = new Map<string, IsoDate>();
  for (const file of evidence) {
    const date = added.dates.get(added.prefix === '' ? file : `${added.prefix}${file}`);
    if (date !== undefined) dates.set(file, date);
  }
  return dates;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** A git failure as one line for the notice: git missing, not a repository, or a repository git cannot read. */
function gitFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/ENOENT|spawn git/i.test(message)) return 'git is not installed, or not on PATH';
  if (/not a git repository/i.test(message)) return 'the folder is not in a git repository';
  return `git could not read this repository: ${firstLine(message).replace(/^(fatal|error): /, '')}`;
}

/** The folders holding the policies, as git pathspecs (few arguments, however many policies there are). */
function pathspecsFor(files: readonly string[]): string[] {
  const folders = new Set(files.map((file) => (file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : file)));
  return [...folders].sort().filter((folder, i, all) => !all.slice(0, i).some((parent) => parent.endsWith('/') && folder.startsWith(parent)));
}

/** The top-level folders holding the files (a handful of pathspecs, however many thousand evidence files there are). */
function topFolders(files: readonly string[]): string[] {
  const folders = new Set<string>();
  let last = '';
  for (const file of files) {
    // Files come folder by folder: most share the last one's.
    if (last !== '' && file.startsWith(last)) continue;
    const slash = file.indexOf('/');
    last = slash === -1 ? '' : file.slice(0, slash + 1);
    folders.add(slash === -1 ? file : last);
  }
  return [...folders].sort();
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim()) ?? text;
}
