// npm run bench: generate a synthetic program, lint it with the compiled CLI in a fresh process, and compare the
// wall time with the parse floor (a process that only reads and YAML-parses the same files). Median of N runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProgram, type ProgramSize } from './generate.js';
import { writeHistory } from './history.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 5);

interface Sample {
  ms: number;
  maxRssKiB: number;
  detail: Record<string, unknown>;
}

function time(script: string, args: string[]): Sample {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [join(here, script), ...args], { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const last = result.stderr.trim().split('\n').at(-1) ?? '{}';
  let detail: Record<string, unknown>;
  try {
    detail = JSON.parse(last) as Record<string, unknown>;
  } catch {
    throw new Error(`${script} failed:\n${result.stderr}`);
  }
  return { ms, maxRssKiB: Number(detail.maxRssKiB), detail };
}

function median(samples: Sample[]): Sample {
  const sorted = [...samples].sort((a, b) => a.ms - b.ms);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(label: string, size: ProgramSize, commits: number): void {
  const root = mkdtempSync(join(tmpdir(), 'soc2lint-bench-'));
  try {
    const generated = generateProgram(root, size).files;
    if (commits > 0) writeHistory(root, generated, commits);
    const files = generated.length;
    const lintRuns: Sample[] = [];
    const floorRuns: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      floorRuns.push(time('floor.js', [root]));
      lintRuns.push(time('run-cli.js', [root, '--format', 'json']));
    }
    const lint = median(lintRuns);
    const floor = median(floorRuns);
    console.log(
      `${label.padEnd(8)} ${String(files).padStart(6)} files, ${String(commits).padStart(5)} commits  soc2lint ${lint.ms.toFixed(0).padStart(5)} ms, ${(lint.maxRssKiB / 1024).toFixed(0).padStart(4)} MiB peak` +
        `  |  parse floor ${floor.ms.toFixed(0).padStart(5)} ms, ${(floor.maxRssKiB / 1024).toFixed(0).padStart(4)} MiB  |  ratio ${(lint.ms / floor.ms).toFixed(2)}x` +
        `  (exit ${String(lint.detail.code)}, median of ${runs})`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const policies = Number(process.env.BENCH_POLICIES ?? 200);
const controls = Number(process.env.BENCH_CONTROLS ?? 2000);
console.log(`node ${process.version}, ${runs} runs each`);
const commits = Number(process.env.BENCH_COMMITS ?? 10_000);
measure('small', { policies: 5, controls: 11, evidencePerControl: 3 }, 20);
measure('large', { policies, controls, evidencePerControl: 4 }, commits);
