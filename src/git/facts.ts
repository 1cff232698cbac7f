// What git knows about the program: which files are committed (or staged), and how each policy's text changed.
// Every fact comes from a fixed handful of git processes for the whole repo (rev-parse, ls-files, one log, one
// diff), never one process per file, and simple-git is only loaded when a rule needs git at all.
import { compareDates, type IsoDate } from '../core/dates.js';
import { splitBody } from '../parse/front-matter.js';

/** The `commit` of changes not committed yet (staged or not). */
export const WORKING_TREE = 'working tree';

export interface PolicyChange {
  /** Abbreviated commit hash, or WORKING_TREE for changes not yet committed. */
  commit: string;
  date: IsoDate;
  subject: string;
}

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
}

const RECORD = '\u001e';
const FIELD = '\u001f';

/**
 * simple-git resolves a command when its process closes (not 50 ms after it exits, simple-git 4's default). Whatever
 * the completion settings, it still waits 50 ms after a command that printed nothing at all (simple-git 4.0's
 * completion plugin does so unconditionally), so every command here is one that prints something: `status --branch`
 * always does, `rev-list --count` prints a number, and the history log runs only when that number says it has
 * commits to print.
 */
const COMPLETION = { onClose: true, onExit: false } as const;

export async function loadGitFacts(request: GitRequest): Promise<GitFacts> {
  try {
    return await readFacts(request);
  } catch (error) {
    return { available: false, reason: gitFailure(error) };
  }
}

async function readFacts(request: GitRequest): Promise<GitFacts> {
  const { simpleGit } = await import('simple-git');
  // In a hook, GIT_INDEX_FILE names the index being committed (git commit -a); keep it, as git itself would.
  const options = { baseDir: request.root, trimmed: false, allowEnvironment: ['GIT_INDEX_FILE'], completion: COMPLETION };
  const git = simpleGit(options);
  // One process for where we are, whether the clone is shallow, and whether there is a commit yet (an empty line
  // after --revs-only HEAD means none).
  // Beside it, how many commits the history log would list: none is the usual case (nothing changed since the
  // sign-offs), and a log that prints nothing costs simple-git's 50 ms wait; a count always prints. It fails (no
  // commit yet, not a repository) only where rev-parse says why.
  const folders = pathspecsFor([...request.policies.keys()]);
  const askHistory = request.history && request.policies.size > 0;
  const [topText, count] = await Promise.all([
    git.raw(['rev-parse', '--show-toplevel', '--show-prefix', '--is-shallow-repository', '--revs-only', 'HEAD']),
    askHistory ? git.raw(['rev-list', '--count', ...historyLimits(request.since), 'HEAD', '--', ...folders]).catch(() => '') : '',
  ]);
  const top = topText.split('\n');
  const prefix = top[1] ?? '';
  const shallow = top[2]?.trim() === 'true';
  const hasCommit = (top[3] ?? '').trim() !== '';
  const wantHistory = askHistory && !shallow && hasCommit;
  // Anything but a count of zero (an unexpected answer included) reads the log.
  const wantLog = wantHistory && Number.parseInt(count, 10) !== 0;
  const wantAdded = (request.evidence?.length ?? 0) > 0 && !shallow && hasCommit;

  // Names first, side by side: what is tracked, which policies differ from HEAD, and which commits touched a policy
  // since the earliest sign-off. File names come NUL-separated, never quoted, whatever characters they hold.
  const [files, status, log, added] = await Promise.all([
    git.raw(['-c', 'core.quotePath=false', 'ls-files', '-z', '--', '.']),
    wantHistory
      ? git.raw(['--no-optional-locks', '-c', 'status.relativePaths=false', 'status', '--porcelain=v2', '-z', '--branch', '--untracked-files=no', '--no-renames', '--ignore-submodules', '--', ...folders])
      : '',
    wantLog
      ? git.raw([
          'log',
          `--format=${RECORD}%H${FIELD}%h${FIELD}%cI${FIELD}%s`,
          ...historyLimits(request.since),
          '--diff-merges=first-parent',
          '--name-status',
          '-z',
          '--no-renames',
          '--no-relative',
          '--',
          ...folders,
        ])
      : '',
    // When each evidence file was first committed: every commit that added one of them, for the folders holding them.
    wantAdded
      ? git.raw(['log', `--format=${RECORD}%cI`, '--diff-filter=A', '--name-only', '-z', '--no-renames', '--no-relative', '--', ...topFolders(request.evidence!)])
      : '',
  ]);
  const evidenceAdded = wantAdded ? firstAdded(added, prefix, new Set(request.evidence)) : undefined;
  const withAdded = evidenceAdded ? { evidenceAdded } : {};
  const tracked = new Set(files.split('\0').filter(Boolean));
  if (request.history && shallow) {
    return { available: true, prefix, tracked, policyChanges: new Map(), historyUnavailable: 'this is a shallow clone, so the history is incomplete (in GitHub Actions, check out with fetch-depth: 0)' };
  }
  if ((request.evidence?.length ?? 0) > 0 && shallow) {
    return { available: true, prefix, tracked, policyChanges: new Map(), historyUnavailable: 'this is a shallow clone, so the history is incomplete (in GitHub Actions, check out with fetch-depth: 0)' };
  }
  if (!wantHistory) return { available: true, prefix, tracked, policyChanges: new Map(), ...withAdded };

  // Then contents, only of the policies those names point at: each commit's version and its first parent's (or
  // HEAD's, for changes not committed yet), in one cat-file process.
  const touches = [...uncommittedPolicies(status, prefix, request.policies), ...committedTouches(log, prefix, request.policies)].filter((touch) => {
    if (!request.signedOff) return true;
    const since = request.signedOff.get(touch.file);
    return since !== undefined && compareDates(touch.date, since) > 0;
  });
  const wanted = touches.flatMap((touch) => objectsFor(touch, prefix));
  const blobs = wanted.length === 0 ? [] : readBatch(await simpleGit({ ...options, input: () => `${wanted.join('\n')}\n` }).binaryCatFile(['--batch']), wanted);
  return { available: true, prefix, tracked, policyChanges: bodyChanges(request.policies, touches, blobs, request.headerless), ...withAdded };
}

/**
 * The commits the history pass reads, the same for the count and the log: the main line (a change merged from a
 * branch counts on the day it was merged) since the earliest sign-off.
 */
function historyLimits(since: IsoDate | undefined): string[] {
  return ['--first-parent', ...(since ? [`--since=${since}T00:00:00Z`] : [])];
}

/**
 * From `log --diff-filter=A --name-only -z` (newest first): the date of the oldest commit that added each wanted file,
 * the committer's own calendar date. A file added, deleted and added again keeps its first date.
 */
function firstAdded(log: string, prefix: string, wanted: ReadonlySet<string>): Map<string, IsoDate> {
  const added = new Map<string, IsoDate>();
  for (const entry of log.split(RECORD).slice(1)) {
    const [header = '', ...names] = entry.split('\0');
    const date = header.trim().slice(0, 10);
    for (const name of names) {
      const path = name.replace(/^\n/, '');
      const file = path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
      if (file !== undefined && wanted.has(file)) added.set(file, date);
    }
  }
  return added;
}

/** The objects to read for a touch: the version before it and after it; none for the commit that added the file. */
function objectsFor(touch: Touch, prefix: string): string[] {
  if (touch.added) return [];
  const path = `${prefix}${touch.file}`;
  return touch.commit === WORKING_TREE ? [`HEAD:${path}`] : [`${touch.hash}:${path}`, `${touch.hash}^:${path}`];
}

interface Touch extends PolicyChange {
  /** Full commit hash; empty for the working tree. */
  hash: string;
  /** Root-relative policy file. */
  file: string;
  /** The touch created the file: its history starts here. */
  added: boolean;
}

/** Policies whose staged or unstaged text differs from HEAD, from `status --porcelain=v2 -z`. */
function uncommittedPolicies(status: string, prefix: string, policies: ReadonlyMap<string, string>): Touch[] {
  const touches: Touch[] = [];
  for (const entry of status.split('\0')) {
    // "1 XY sub mH mI mW hH hI path" (changed) and "u XY sub m1 m2 m3 mW h1 h2 h3 path" (unmerged); the path is
    // the rest of the entry, spaces and all.
    const fields = entry.startsWith('1 ') ? 8 : entry.startsWith('u ') ? 10 : -1;
    if (fields < 0) continue;
    const parts = entry.split(' ');
    const path = parts.slice(fields).join(' ');
    const file = path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
    // XY: staged and unstaged states; "A" staged means HEAD has no such file.
    const added = parts[1]?.[0] === 'A';
    if (file !== undefined && policies.has(file)) touches.push({ commit: WORKING_TREE, hash: '', date: '9999-12-31', subject: 'uncommitted changes', file, added });
  }
  return touches;
}

/** Per commit (newest first), the policies it added or modified, from `log --name-status -z` (status, path, ...). */
function committedTouches(log: string, prefix: string, policies: ReadonlyMap<string, string>): Touch[] {
  const touches: Touch[] = [];
  for (const entry of log.split(RECORD).slice(1)) {
    const [header = '', ...rest] = entry.split('\0');
    const [hash = '', commit = '', dateTime = '', subject = ''] = header.split(FIELD);
    for (let i = 0; i + 1 < rest.length; i += 2) {
      const status = rest[i]!.replace(/^\n/, '');
      const path = rest[i + 1]!;
      const file = path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
      if (file === undefined || !policies.has(file) || !/^[AMT]$/.test(status)) continue;
      // The commit's own calendar date, in the committer's time zone: never shifted to the machine's.
      touches.push({ commit, hash, date: dateTime.slice(0, 10), subject, file, added: status === 'A' });
    }
  }
  return touches;
}

/**
 * `cat-file --batch` output, one blob per requested object, in order. Every object asked for exists in a sound
 * repository (the log said the file was there), so a missing one means the repository is damaged.
 */
function readBatch(output: Buffer, wanted: readonly string[]): string[] {
  const blobs: string[] = [];
  let at = 0;
  while (blobs.length < wanted.length && at < output.length) {
    const newline = output.indexOf(10, at);
    if (newline < 0) break;
    const match = /^[0-9a-f]+ blob (\d+)$/.exec(output.toString('utf8', at, newline));
    if (!match) throw new Error(`object ${wanted[blobs.length]} is missing or not a file`);
    const size = Number(match[1]);
    blobs.push(output.toString('utf8', newline + 1, newline + 1 + size));
    at = newline + 1 + size + 1;
  }
  if (blobs.length < wanted.length) throw new Error(`git cat-file answered ${blobs.length} of ${wanted.length} objects`);
  return blobs;
}

/**
 * Walk each policy's touches from the newest back (uncommitted first); a touch changed the body when the body before
 * and after differ in more than whitespace. The commit that added the file is where its history starts.
 */
function bodyChanges(policies: ReadonlyMap<string, string>, touches: readonly Touch[], blobs: readonly string[], headerless = false): Map<string, PolicyChange[]> {
  const result = new Map<string, PolicyChange[]>();
  const ended = new Set<string>();
  let next = 0;
  for (const touch of touches) {
    const [after, before] = touch.added ? [] : touch.commit === WORKING_TREE ? [policies.get(touch.file), blobs[next++]] : [blobs[next++], blobs[next++]];
    if (ended.has(touch.file)) continue;
    const changes = result.get(touch.file) ?? [];
    result.set(touch.file, changes);
    if (touch.added) {
      ended.add(touch.file);
      continue;
    }
    if (after !== undefined && before !== undefined && !sameWords(splitBody(before, headerless), splitBody(after, headerless))) changes.push({ commit: touch.commit, date: touch.date, subject: touch.subject });
  }
  return result;
}

/**
 * Whether two bodies say the same thing: equal but for whitespace (a paragraph rewrapped, trailing spaces, CRLF line
 * endings, blank lines added or removed). Space added inside a word, or removed between two, is still a change.
 */
function sameWords(before: string, after: string): boolean {
  return before === after || before.replace(/\s+/g, ' ').trim() === after.replace(/\s+/g, ' ').trim();
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
  return [...new Set(files.map((file) => (file.includes('/') ? file.slice(0, file.indexOf('/') + 1) : file)))].sort();
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim()) ?? text;
}
