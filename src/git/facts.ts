// What git knows about the program: which files are committed (or staged), and how each policy's text changed.
// Every fact comes from a fixed handful of git processes for the whole repo (rev-parse, ls-files, one log, one
// diff), never one process per file, and simple-git is only loaded when a rule needs git at all.
import type { IsoDate } from '../core/dates.js';
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
    };

export interface GitRequest {
  root: string;
  /** Load policy history too (a rule needs it). */
  history: boolean;
  /** Policy files (root-relative) with their current text. */
  policies: ReadonlyMap<string, string>;
  /** Only changes after this date matter (the earliest approval among the policies). */
  since?: IsoDate;
}

/** Zero-context patches with fixed path prefixes, whatever the user's diff settings (relative, mnemonic prefixes). */
const DIFF_OPTIONS = ['--unified=0', '--no-renames', '--no-color', '--no-ext-diff', '--no-relative', '--src-prefix=a/', '--dst-prefix=b/'];

const RECORD = '\u001e';
const FIELD = '\u001f';

export async function loadGitFacts(request: GitRequest): Promise<GitFacts> {
  const { simpleGit } = await import('simple-git');
  // In a hook, GIT_INDEX_FILE names the index being committed (git commit -a); keep it, as git itself would.
  const git = simpleGit({ baseDir: request.root, trimmed: false, allowEnvironment: ['GIT_INDEX_FILE'] });
  let top: string[];
  try {
    // One process for where we are, whether the clone is shallow, and whether there is a commit yet (an empty line
    // after --revs-only HEAD means none).
    top = (await git.raw(['rev-parse', '--show-toplevel', '--show-prefix', '--is-shallow-repository', '--revs-only', 'HEAD'])).split('\n');
  } catch (error) {
    const message = (error as Error).message;
    return { available: false, reason: /not a git repository/i.test(message) ? 'the folder is not in a git repository' : `git failed: ${firstLine(message)}` };
  }
  const prefix = top[1] ?? '';
  const shallow = top[2]?.trim() === 'true';
  const hasCommit = (top[3] ?? '').trim() !== '';
  const wantHistory = request.history && request.policies.size > 0 && !shallow && hasCommit;
  const folders = pathspecsFor([...request.policies.keys()]);

  // The processes are independent; run them side by side (simple-git also waits 50 ms on a command with no
  // output, such as a clean `git diff`, and running them together pays that once).
  const [files, uncommitted, log] = await Promise.all([
    git.raw(['-c', 'core.quotePath=false', 'ls-files', '-z', '--', '.']),
    wantHistory ? git.raw(['-c', 'core.quotePath=false', 'diff', 'HEAD', ...DIFF_OPTIONS, '--', ...folders]) : '',
    wantHistory
      ? git.raw([
          '-c',
          'core.quotePath=false',
          'log',
          `--format=${RECORD}%h${FIELD}%cI${FIELD}%s`,
          // The history of the main line: a change merged from a branch counts on the day it was merged.
          '--first-parent',
          '--diff-merges=first-parent',
          ...DIFF_OPTIONS,
          '-p',
          ...(request.since ? [`--since=${request.since}T00:00:00Z`] : []),
          '--',
          ...folders,
        ])
      : '',
  ]);
  const tracked = new Set(files.split('\0').filter(Boolean));
  if (request.history && shallow) {
    return { available: true, prefix, tracked, policyChanges: new Map(), historyUnavailable: 'this is a shallow clone, so the history is incomplete (in GitHub Actions, check out with fetch-depth: 0)' };
  }
  const patches = parsePatches(uncommitted, { commit: WORKING_TREE, date: '9999-12-31', subject: 'uncommitted changes' }, prefix);
  for (const entry of log.split(RECORD).slice(1)) {
    const newline = entry.indexOf('\n');
    const [commit = '', dateTime = '', subject = ''] = entry.slice(0, newline === -1 ? undefined : newline).split(FIELD);
    // The commit's own calendar date, in the committer's time zone: never shifted to the machine's.
    patches.push(...parsePatches(entry.slice(newline + 1), { commit, date: dateTime.slice(0, 10), subject }, prefix));
  }
  return { available: true, prefix, tracked, policyChanges: bodyChanges(request.policies, patches) };
}

interface Hunk {
  oldStart: number;
  oldLines: string[];
  newStart: number;
  newCount: number;
}

interface Patch extends PolicyChange {
  file: string;
  added: boolean;
  hunks: Hunk[];
}

/**
 * Unified diffs (with --unified=0) split into per-file patches, paths made relative to the program root. File headers
 * are read only between `diff --git` and the first hunk, and hunk bodies by their line counts, so a body line that
 * starts with `--` or `++` is content, not a header.
 */
function parsePatches(text: string, change: PolicyChange, prefix: string): Patch[] {
  const patches: Patch[] = [];
  let current: Patch | undefined;
  let inHeader = false;
  let added = false;
  let hunk: Hunk | undefined;
  let oldLeft = 0;
  let newLeft = 0;
  for (const line of text.split('\n')) {
    if (hunk && (oldLeft > 0 || newLeft > 0)) {
      if (line.startsWith('-')) {
        hunk.oldLines.push(line.slice(1));
        oldLeft--;
      } else if (line.startsWith('+')) {
        newLeft--;
      }
      continue; // also skips "\ No newline at end of file"
    }
    if (line.startsWith('diff --git ')) {
      current = undefined;
      hunk = undefined;
      inHeader = true;
      added = false;
      continue;
    }
    if (inHeader) {
      if (line.startsWith('--- ')) added = line === '--- /dev/null';
      else if (line.startsWith('+++ ')) {
        inHeader = false;
        const path = line.slice(4).replace(/^b\//, '');
        if (path !== '/dev/null' && path.startsWith(prefix)) {
          current = { ...change, file: path.slice(prefix.length), added, hunks: [] };
          patches.push(current);
        }
      }
      continue;
    }
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (header && current) {
      oldLeft = header[2] === undefined ? 1 : Number(header[2]);
      newLeft = header[4] === undefined ? 1 : Number(header[4]);
      hunk = { oldStart: Number(header[1]), oldLines: [], newStart: Number(header[3]), newCount: newLeft };
      current.hunks.push(hunk);
    }
  }
  return patches;
}

/**
 * Walk each policy's patches from the newest back, undoing each one on the text to recover the version before it;
 * a patch changed the body when the body before and after differ. Additions are where a policy's history starts.
 */
function bodyChanges(policies: ReadonlyMap<string, string>, patches: readonly Patch[]): Map<string, PolicyChange[]> {
  const byFile = new Map<string, Patch[]>();
  for (const patch of patches) if (policies.has(patch.file)) byFile.set(patch.file, [...(byFile.get(patch.file) ?? []), patch]);
  const result = new Map<string, PolicyChange[]>();
  for (const [file, filePatches] of byFile) {
    let lines = policies.get(file)!.split('\n');
    const changes: PolicyChange[] = [];
    for (const patch of filePatches) {
      if (patch.added) break;
      const before = undo(lines, patch.hunks);
      if (splitBody(before.join('\n')) !== splitBody(lines.join('\n'))) {
        changes.push({ commit: patch.commit, date: patch.date, subject: patch.subject });
      }
      lines = before;
    }
    result.set(file, changes);
  }
  return result;
}

/** Reverse-apply zero-context hunks: put each hunk's old lines back in place of its new ones, bottom-up. */
function undo(lines: readonly string[], hunks: readonly Hunk[]): string[] {
  const result = [...lines];
  for (const hunk of [...hunks].sort((a, b) => b.newStart - a.newStart)) {
    // With no new lines, newStart names the line after which the old ones stood.
    const at = hunk.newCount === 0 ? hunk.newStart : hunk.newStart - 1;
    result.splice(at, hunk.newCount, ...hunk.oldLines);
  }
  return result;
}

/** The folders holding the policies, as git pathspecs (few arguments, however many policies there are). */
function pathspecsFor(files: readonly string[]): string[] {
  const folders = new Set(files.map((file) => (file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : file)));
  return [...folders].sort().filter((folder, i, all) => !all.slice(0, i).some((parent) => parent.endsWith('/') && folder.startsWith(parent)));
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim()) ?? text;
}
