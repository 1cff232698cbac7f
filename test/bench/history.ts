// A long git history for the benchmark, written with git fast-import in one process: the first commit adds the
// program, then commits revise policies (body edits before their approval, front-matter-only edits after) and
// notes, spread over two and a half years. The last commit's tree is exactly the files on disk.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const START = Date.UTC(2024, 0, 1) / 1000;
const END = Date.UTC(2026, 5, 30) / 1000;
const POLICY_EDITS_END = Date.UTC(2025, 11, 15) / 1000;

export function writeHistory(root: string, files: readonly string[], commits: number): void {
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: root });
  const policies = files.filter((file) => file.startsWith('policies/'));
  const chunks: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const commit = (time: number, message: string, changes: string) =>
    `commit refs/heads/main\ncommitter Bench <bench@example.com> ${Math.floor(time)} +0000\n${data(message)}${changes}\n`;
  const inline = (path: string, text: string) => `M 100644 inline ${path}\n${data(text)}`;

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
  execFileSync('git', ['fast-import', '--quiet'], { cwd: root, input: chunks.join(''), maxBuffer: 1 << 30 });
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: root });
}
