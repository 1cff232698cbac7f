// Real files in real temporary folders: every test gets its own compliance repo on disk.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

/** File contents by repo-relative path: text, bytes, a symlink `{ symlink: target }`, or a named pipe `{ fifo: true }`. */
export type RepoFiles = Record<string, string | Uint8Array | { symlink: string } | { fifo: true }>;

const created: string[] = [];
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function makeRepo(files: RepoFiles, prefix = 'soc2lint-test-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  created.push(root);
  writeFiles(root, files);
  return root;
}

export function writeFiles(root: string, files: RepoFiles): void {
  for (const [path, content] of Object.entries(files)) {
    const absolute = join(root, path);
    mkdirSync(dirname(absolute), { recursive: true });
    if (typeof content === 'object' && 'symlink' in content) symlinkSync(content.symlink, absolute);
    else if (typeof content === 'object' && 'fifo' in content) execFileSync('mkfifo', [absolute]);
    else writeFileSync(absolute, content);
  }
}

/** Front matter plus a body, the way policies are written. */
export function policy(fields: string, body = '# Policy\n\nText.\n'): string {
  return `---\n${fields.trim()}\n---\n${body}`;
}
