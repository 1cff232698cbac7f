// A long git history for the benchmark, written with git fast-import in one process. The last commit's tree is
// exactly the files on disk. Two shapes:
//
// - easy (the default): the first commit adds the program, then commits revise policies (body edits before their
//   approval, front-matter-only edits after) and notes, spread over two and a half years. No policy is touched after
//   its approval, so the history pass finds nothing to read.
// - hard: the same two and a half years, but evidence files arrive over time (each on its own date, so
//   `log --diff-filter=A` has real work), and after the approvals (January 2026) one commit in four touches a policy:
//   mostly front-matter-only edits, some whitespace rewraps, a few real body edits. A last commit restores every
//   policy's text on disk.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const START = Date.UTC(2024, 0, 1) / 1000;
const END = Date.UTC(2026, 5, 30) / 1000;
const POLICY_EDITS_END = Date.UTC(2025, 11, 15) / 1000;
/** Hard shape: policies are touched from here on, after every approval (approvals are dated in January 2026). */
const AFTER_APPROVALS = Date.UTC(2026, 1, 1) / 1000;

export interface HistoryShape {
  /** Touch policies after their approvals and add evidence over time (see the file header). */
  hard?: boolean;
}

export function writeHistory(root: string, files: readonly string[], commits: number, shape: HistoryShape = {}): void {
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: root });
  const chunks = shape.hard ? hardHistory(root, files, commits) : easyHistory(root, files, commits);
  execFileSync('git', ['fast-import', '--quiet'], { cwd: root, input: chunks.join(''), maxBuffer: 1 << 30 });
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: root });
}

const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
const commit = (time: number, message: string, changes: string) =>
  `commit refs/heads/main\ncommitter Bench <bench@example.com> ${Math.floor(time)} +0000\n${data(message)}${changes}\n`;
const inline = (path: string, text: string) => `M 100644 inline ${path}\n${data(text)}`;

function easyHistory(root: string, files: readonly string[], commits: number): string[] {
  const policies = files.filter((file) => file.startsWith('policies/'));
  const chunks: string[] = [];
  // Commit 1: everything but the policies' final text (they arrive as drafts and are revised).
  const drafts = new Map(policies.map((file) => [file, readFileSync(join(root, file), 'utf8') + '\nDraft wording to be revised.\n']));
  chunks.push(
    commit(START, 'Import the compliance program', files.map((file) => inline(file, drafts.get(file) ?? readFileSync(join(root, file), 'utf8'))).join('')),
  );
  const step = (END - START) / commits;
  let policyCursor = 0;
  for (let n = 2; n <= commits; n++) {
    const time = START + step * n;
    if (n % 5 === 0 && time < POLICY_EDITS_END && policies.length > 0) {
      // A body revision of one policy, before any approval date: history the rules must read but not report.
      const file = policies[policyCursor++ % policies.length]!;
      drafts.set(file, drafts.get(file)! + `Revision ${n}.\n`);
      chunks.push(commit(time, `Revise ${file}`, inline(file, drafts.get(file)!)));
    } else {
      chunks.push(commit(time, `Update notes ${n}`, inline(`notes/log-${n % 50}.md`, `# Notes\n\nEntry ${n}.\n`)));
    }
  }
  // The final text of every policy, before 2026 (approvals are dated in 2026).
  chunks.push(commit(POLICY_EDITS_END, 'Final policy wording', policies.map((file) => inline(file, readFileSync(join(root, file), 'utf8'))).join('')));
  return chunks;
}

/** The versions of a policy the hard history writes after its approval; every one but `body` keeps the body's words. */
function variants(text: string, n: number): { frontMatter: string; rewrap: string; body: string } {
  const close = text.indexOf('\n---\n', 4);
  return {
    frontMatter: `${text.slice(0, close)}\nrevision_note: "edit ${n}"${text.slice(close)}`,
    // The same words, wrapped differently: sentences on lines of their own.
    rewrap: text.replace(/\. This policy/g, (n / 4) % 2 === 0 ? '.\nThis policy' : '.  This policy'),
    body: `${text}\nAmendment ${n}: exceptions need the CISO's written approval.\n`,
  };
}

function hardHistory(root: string, files: readonly string[], commits: number): string[] {
  const policies = files.filter((file) => file.startsWith('policies/'));
  const final = new Map(policies.map((file) => [file, readFileSync(join(root, file), 'utf8')]));
  // Evidence named for its date (evidence/CTL-x/2026-03-01-run.md) arrives on that date; anything else comes first.
  const dated = (file: string) => /^evidence\/.*\/(\d{4}-\d{2}-\d{2})[^/]*$/.exec(file)?.[1];
  const arriving = files
    .filter((file) => dated(file) !== undefined)
    .map((file) => ({ file, time: Date.parse(`${dated(file)}T09:00:00Z`) / 1000 }))
    .sort((a, b) => a.time - b.time);
  const chunks: string[] = [];
  const drafts = new Map(policies.map((file) => [file, final.get(file)! + '\nDraft wording to be revised.\n']));
  const first = files.filter((file) => dated(file) === undefined);
  chunks.push(commit(START, 'Import the compliance program', first.map((file) => inline(file, drafts.get(file) ?? readFileSync(join(root, file), 'utf8'))).join('')));
  const current = new Map(drafts);
  const step = (END - START) / commits;
  let policyCursor = 0;
  let arrived = 0;
  let finalWritten = false;
  for (let n = 2; n <= commits; n++) {
    const time = START + step * n;
    if (!finalWritten && time >= POLICY_EDITS_END) {
      finalWritten = true;
      for (const [file, text] of final) current.set(file, text);
      chunks.push(commit(POLICY_EDITS_END, 'Final policy wording', policies.map((file) => inline(file, final.get(file)!)).join('')));
      continue;
    }
    const evidence: string[] = [];
    while (arrived < arriving.length && arriving[arrived]!.time <= time) evidence.push(arriving[arrived++]!.file);
    if (evidence.length > 0) {
      chunks.push(commit(time, `Add evidence (${evidence.length} files)`, evidence.map((file) => inline(file, readFileSync(join(root, file), 'utf8'))).join('')));
    } else if (n % 5 === 0 && time < POLICY_EDITS_END && policies.length > 0) {
      const file = policies[policyCursor++ % policies.length]!;
      current.set(file, current.get(file)! + `Revision ${n}.\n`);
      chunks.push(commit(time, `Revise ${file}`, inline(file, current.get(file)!)));
    } else if (n % 4 === 0 && time >= AFTER_APPROVALS && policies.length > 0) {
      // After the approvals: 70 in 100 touches edit only the front matter, 25 rewrap the body, 5 change its words.
      const file = policies[(policyCursor++ * 7) % policies.length]!;
      const kind = n % 100 < 70 ? 'frontMatter' : n % 100 < 95 ? 'rewrap' : 'body';
      const text = variants(final.get(file)!, n)[kind];
      current.set(file, text);
      chunks.push(commit(time, `${kind === 'frontMatter' ? 'Tag' : kind === 'rewrap' ? 'Rewrap' : 'Amend'} ${file}`, inline(file, text)));
    } else {
      chunks.push(commit(time, `Update notes ${n}`, inline(`notes/log-${n % 50}.md`, `# Notes\n\nEntry ${n}.\n`)));
    }
  }
  const rest = arriving.slice(arrived).map(({ file }) => inline(file, readFileSync(join(root, file), 'utf8')));
  const restore = policies.filter((file) => current.get(file) !== final.get(file)).map((file) => inline(file, final.get(file)!));
  if (rest.length + restore.length > 0) chunks.push(commit(END, 'Restore the approved policy text', [...rest, ...restore].join('')));
  return chunks;
}
