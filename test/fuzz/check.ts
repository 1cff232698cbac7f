// One fuzz case: copy an example, break it with seeded mutations, run the real CLI on it, and say what went wrong, if
// anything: an exit code outside 0-2, a stack trace, output that is not JSON, a finding placed outside its file, or a
// run that does not finish in time.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/core/package-root.js';
import { MUTATIONS, copyOf, random, type Picker } from './mutate.js';

// From the sources (vitest) and from dist/ (npm run fuzz) alike: the package folder, not this file's.
const BIN = join(packageRoot, 'bin', 'soc2lint.js');
export const EXAMPLES = ['acme-saas', 'broken-saas'].map((name) => join(packageRoot, 'examples', name));

/** Long enough for a slow CI machine; a hang is what this catches. */
const TIME_LIMIT_MS = 30_000;

export interface FuzzResult {
  seed: number;
  did: string[];
  failure?: string;
}

export async function fuzzCase(seed: number): Promise<FuzzResult> {
  const next = random(seed);
  const pick: Picker = { int: (max) => Math.floor(next() * max), one: (items) => items[Math.floor(next() * items.length)]! };
  const root = copyOf(pick.one(EXAMPLES));
  const did: string[] = [];
  try {
    const count = 1 + pick.int(3);
    for (let i = 0; i < count; i++) {
      const mutation = pick.one(MUTATIONS);
      did.push(mutation.apply(root, pick));
    }
    const failure = await check(root);
    return failure === undefined ? { seed, did } : { seed, did, failure };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Run the CLI on a program and check what it said; undefined when all is well. */
export async function check(root: string): Promise<string | undefined> {
  const run = await runBin([root, '--format', 'json', '--now', '2026-07-01'], root);
  if (run.timedOut) return `no answer within ${TIME_LIMIT_MS / 1000} s`;
  if (run.code === null || ![0, 1, 2].includes(run.code)) return `exit code ${run.code} (signal ${run.signal})`;
  if (/internal error|\n\s+at .+:\d+:\d+\)?\n/.test(run.stderr)) return `stack trace or internal error:\n${run.stderr.slice(0, 2000)}`;
  if (run.code === 2) return run.stdout === '' ? undefined : `exit 2 with output on standard output`;
  let results: { filePath: string; messages: { line: number; column: number; endLine: number; endColumn: number; ruleId: string }[] }[];
  try {
    results = JSON.parse(run.stdout);
  } catch (error) {
    return `standard output is not JSON (${(error as Error).message}):\n${run.stdout.slice(0, 500)}`;
  }
  for (const { filePath, messages } of results) {
    if (filePath === '.' || filePath === '') continue;
    const path = join(root, filePath);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats?.isFile()) continue; // a finding about a folder, a pipe or a file the mutation removed
    const lines = readFileSync(path).toString('utf8').split('\n');
    for (const message of messages) {
      const { line, column, endLine, endColumn } = message;
      const valid = line >= 1 && line <= lines.length && column >= 1 && endLine >= line && endLine <= lines.length && endColumn >= 1;
      if (!valid) return `${message.ruleId} finding at ${filePath}:${line}:${column}-${endLine}:${endColumn}, outside the file's ${lines.length} lines`;
    }
  }
  return undefined;
}

function runBin(args: string[], cwd: string): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIME_LIMIT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}
