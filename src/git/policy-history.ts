// How each policy's text changed since its sign-off, from what git's log and status name: the touches (a commit, or
// the working tree, that changed a policy file), the blobs to read for them, and which touches changed the body
// rather than only the front matter or the wrapping. The log gives blob ids (`--raw`), so each distinct version of a
// policy is read once and compared once, however many touches share it.
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

export interface Touch extends PolicyChange {
  /** Root-relative policy file. */
  file: string;
  /** The touch created the file: its history starts here. */
  added: boolean;
  /** The text before the touch, as git names it: a blob id, or `HEAD:path` for the working tree. */
  before: Version;
  /** The text after it; undefined for the working tree (the text on disk). */
  after?: Version;
}

/** A version of a policy's text: the object to read, and how to name it when it is missing (`commit^:path`). */
export interface Version {
  object: string;
  name: string;
}

export const RECORD = '\u001e';
const FIELD = '\u001f';
/**
 * The log format `committedTouches` reads, with `--raw -z`. The blob ids stay abbreviated as git abbreviates them
 * (unique when printed; cat-file reads them as they are): `--no-abbrev` would lengthen `%h` as well.
 */
export const TOUCH_FORMAT = `--format=${RECORD}%H${FIELD}%h${FIELD}%cI${FIELD}%s`;

/** Policies whose staged or unstaged text differs from HEAD, from `status --porcelain=v2 -z`. */
export function uncommittedPolicies(status: string, prefix: string, policies: ReadonlyMap<string, string>): Touch[] {
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
    const head = `HEAD:${path}`;
    if (file !== undefined && policies.has(file)) touches.push({ commit: WORKING_TREE, date: '9999-12-31', subject: 'uncommitted changes', file, added, before: { object: head, name: head } });
  }
  return touches;
}

/**
 * Per commit (newest first), the policies it added or modified, from `log --raw -z` with TOUCH_FORMAT:
 * each change is ":mode mode before after status" then the path. A change of mode alone (the same blob before and
 * after) is no change of text, and is left out.
 */
export function committedTouches(log: string, prefix: string, policies: ReadonlyMap<string, string>): Touch[] {
  const touches: Touch[] = [];
  for (const entry of log.split(RECORD).slice(1)) {
    const [header = '', ...rest] = entry.split('\0');
    const [hash = '', commit = '', dateTime = '', subject = ''] = header.split(FIELD);
    for (let i = 0; i < rest.length; i++) {
      const change = rest[i]!.replace(/^\n/, '');
      if (!change.startsWith(':')) continue;
      const path = rest[++i] ?? '';
      const [, , before = '', after = '', status = ''] = change.slice(1).split(' ');
      const file = path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
      if (file === undefined || !policies.has(file) || !/^[AMT]$/.test(status) || before === after) continue;
      // The commit's own calendar date, in the committer's time zone: never shifted to the machine's.
      touches.push({
        commit,
        date: dateTime.slice(0, 10),
        subject,
        file,
        added: status === 'A',
        before: { object: before, name: `${hash}^:${path}` },
        after: { object: after, name: `${hash}:${path}` },
      });
    }
  }
  return touches;
}

/**
 * The touches whose text matters, newest first per file: a file's history starts at the commit that added it, so
 * older touches of that file are dropped.
 */
export function sinceAdded(touches: readonly Touch[]): Touch[] {
  const ended = new Set<string>();
  return touches.filter((touch) => {
    if (ended.has(touch.file)) return false;
    if (touch.added) ended.add(touch.file);
    return true;
  });
}

/** The versions to read for the touches: each distinct object once, in the order first needed. */
export function versionsToRead(touches: readonly Touch[]): Version[] {
  const seen = new Map<string, Version>();
  for (const touch of touches) {
    if (touch.added) continue;
    for (const version of touch.after ? [touch.after, touch.before] : [touch.before]) if (!seen.has(version.object)) seen.set(version.object, version);
  }
  return [...seen.values()];
}

/**
 * `cat-file --batch` output, one blob per requested object, in order. Every object asked for exists in a sound
 * repository (the log said the file was there), so a missing one means the repository is damaged.
 */
export function readBatch(output: Buffer, wanted: readonly Version[]): Map<string, string> {
  const blobs = new Map<string, string>();
  let at = 0;
  let read = 0;
  while (read < wanted.length && at < output.length) {
    const newline = output.indexOf(10, at);
    if (newline < 0) break;
    const match = /^[0-9a-f]+ blob (\d+)$/.exec(output.toString('utf8', at, newline));
    if (!match) throw new Error(`object ${wanted[read]!.name} is missing or not a file`);
    const size = Number(match[1]);
    blobs.set(wanted[read++]!.object, output.toString('utf8', newline + 1, newline + 1 + size));
    at = newline + 1 + size + 1;
  }
  if (read < wanted.length) throw new Error(`git cat-file answered ${read} of ${wanted.length} objects`);
  return blobs;
}

/**
 * Walk each policy's touches from the newest back (uncommitted first); a touch changed the body when the body before
 * and after differ in more than whitespace. The commit that added the file is where its history starts. Each version's
 * body is split once, and its whitespace folded only when it differs from the other side's (most touches change the
 * front matter alone).
 */
export function bodyChanges(policies: ReadonlyMap<string, string>, touches: readonly Touch[], blobs: ReadonlyMap<string, string>, headerless = false): Map<string, PolicyChange[]> {
  const result = new Map<string, PolicyChange[]>();
  const bodies = new Map<string, { body: string; folded?: string }>();
  const bodyOf = (key: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    let body = bodies.get(key);
    if (body === undefined) bodies.set(key, (body = { body: splitBody(text, headerless) }));
    return body;
  };
  const folded = (body: { body: string; folded?: string }) => (body.folded ??= foldWhitespace(body.body));
  for (const touch of sinceAdded(touches)) {
    const changes = result.get(touch.file) ?? [];
    result.set(touch.file, changes);
    if (touch.added) continue;
    const before = bodyOf(touch.before.object, blobs.get(touch.before.object));
    const after = touch.after ? bodyOf(touch.after.object, blobs.get(touch.after.object)) : bodyOf(`\0${touch.file}`, policies.get(touch.file));
    if (after === undefined || before === undefined || before.body === after.body || folded(before) === folded(after)) continue;
    changes.push({ commit: touch.commit, date: touch.date, subject: touch.subject });
  }
  return result;
}

/**
 * A body with its whitespace folded: two bodies say the same thing when they are equal but for whitespace (a
 * paragraph rewrapped, trailing spaces, CRLF line endings, blank lines added or removed). Space added inside a word,
 * or removed between two, is still a change.
 */
function foldWhitespace(body: string): string {
  return body.replace(/\s+/g, ' ').trim();
}
