// npm run bench: generate synthetic programs, lint each with the compiled CLI in a fresh process, and compare with the
// parse floor (a process that only reads and YAML-parses the same files). Runs alternate (floor, lint, floor, ...)
// and the median of N is shown, so a busy machine slows both sides alike.
//
//   npm run bench                 the 50-file and 10,000-file programs: cold, warm (--cache, nothing changed), and
//                                 --staged with one changed file in the 10,000-file program (the same one staged
//                                 for every run, then edited and added again before each run)
//   npm run bench -- --scale      programs of about 1k, 10k, 50k and 100k files, each against the floor: wall, CPU,
//                                 peak memory, ratios and the fitted growth; a program whose evidence holds 300 MB;
//                                 then the hook cases
//   npm run bench -- --history    the 10,000-file program with 50,000 commits that touch policies after their
//                                 approvals and add evidence over time: the history pass alone, and the full lint
//
// BENCH_RUNS (5), BENCH_POLICIES, BENCH_CONTROLS and BENCH_COMMITS change the default run; BENCH_SIZES picks the scale
// sizes (`BENCH_SIZES=1k,10k`), BENCH_SCALE_COMMITS the history each scale program gets (1,000 commits),
// BENCH_HISTORY_COMMITS the history of --history (50,000).
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProgram, type ProgramSize } from './generate.js';
import { childrenCpuMs } from './children-cpu.js';
import { writeHistory } from './history.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 5);

interface Sample {
  ms: number;
  cpuMs: number;
  maxRssKiB: number;
  detail: Record<string, unknown>;
}

function time(script: string, args: string[], cwd = process.cwd()): Sample {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [join(here, script), ...args], { encoding: 'utf8', cwd, maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const last = result.stderr.trim().split('\n').at(-1) ?? '{}';
  let detail: Record<string, unknown>;
  try {
    detail = JSON.parse(last) as Record<string, unknown>;
  } catch {
    throw new Error(`${script} failed:\n${result.stderr}`);
  }
  return { ms, cpuMs: Number(detail.cpuMs), maxRssKiB: Number(detail.maxRssKiB), detail };
}

/** The median sample by wall time (its CPU and memory with it). */
function median(samples: Sample[]): Sample {
  const sorted = [...samples].sort((a, b) => a.ms - b.ms);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Alternate the scripts N times; the median of each. */
function alternate(cases: { script: string; args: string[]; cwd?: string }[]): Sample[] {
  const samples: Sample[][] = cases.map(() => []);
  for (let i = 0; i < runs; i++) cases.forEach((c, k) => samples[k]!.push(time(c.script, c.args, c.cwd)));
  return samples.map(median);
}

const mib = (kib: number) => `${(kib / 1024).toFixed(0).padStart(4)} MiB`;
const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;

interface Program {
  root: string;
  files: number;
  commits: number;
  cache: string;
  remove(): void;
}

function program(size: ProgramSize, commits: number): Program {
  const root = mkdtempSync(join(tmpdir(), 'soc2lint-bench-'));
  const cacheDir = mkdtempSync(join(tmpdir(), 'soc2lint-bench-cache-'));
  const generated = generateProgram(root, size).files;
  if (commits > 0) writeHistory(root, generated, commits);
  return {
    root,
    files: generated.length,
    commits,
    cache: join(cacheDir, 'bench.cache'),
    remove: () => {
      rmSync(root, { recursive: true, force: true });
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}

interface Measured {
  files: number;
  lint: Sample;
  floor: Sample;
}

/** Cold: no cache. The floor and soc2lint alternate. */
function cold(label: string, p: Program): Measured {
  const [floor, lint] = alternate([
    { script: 'floor.js', args: [p.root] },
    { script: 'run-cli.js', args: [p.root, '--format', 'json'] },
  ]);
  print(label, p, 'cold', lint!, floor!);
  return { files: p.files, lint: lint!, floor: floor! };
}

/** Warm: --cache, filled by one run first, nothing changed since. */
function warm(label: string, p: Program): Measured {
  const args = [p.root, '--format', 'json', '--cache', '--cache-location', p.cache];
  time('run-cli.js', args);
  const [floor, lint] = alternate([
    { script: 'floor.js', args: [p.root] },
    { script: 'run-cli.js', args },
  ]);
  print(label, p, 'warm', lint!, floor!);
  return { files: p.files, lint: lint!, floor: floor! };
}

function print(label: string, p: Program, mode: string, lint: Sample, floor: Sample): void {
  console.log(
    `${label.padEnd(6)} ${String(p.files).padStart(7)} files ${String(p.commits).padStart(6)} commits  ${mode.padEnd(6)} soc2lint ${ms(lint.ms)} (CPU ${ms(lint.cpuMs)}), ${mib(lint.maxRssKiB)}` +
      `  |  floor ${ms(floor.ms)} (CPU ${ms(floor.cpuMs)}), ${mib(floor.maxRssKiB)}` +
      `  |  wall ${(lint.ms / floor.ms).toFixed(2)}x, CPU ${(lint.cpuMs / floor.cpuMs).toFixed(2)}x, memory ${(lint.maxRssKiB / floor.maxRssKiB).toFixed(2)}x  (exit ${String(lint.detail.code)})`,
  );
}

/** The hook in full on a small program: wall time of the whole run. */
function smallHook(p: Program): void {
  const [lint] = alternate([{ script: 'run-cli.js', args: [p.root, '--format', 'json'] }]);
  console.log(`hook   ${String(p.files).padStart(7)} files, full run                            soc2lint ${ms(lint!.ms)} (CPU ${ms(lint!.cpuMs)}), ${mib(lint!.maxRssKiB)}  (exit ${String(lint!.detail.code)})`);
}

/** `--staged` with one changed control, warm cache: what a pre-commit hook costs in a large program. */
function stagedHook(p: Program): void {
  const file = join(p.root, 'controls', 'ctl-00001.yaml');
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, original.replace('frequency: quarterly', 'frequency: monthly'));
  execFileSync('git', ['add', 'controls/ctl-00001.yaml'], { cwd: p.root });
  const args = ['--staged', '--format', 'json', '--cache', '--cache-location', p.cache];
  time('run-cli.js', args, p.root);
  const [lint] = alternate([{ script: 'run-cli.js', args, cwd: p.root }]);
  console.log(`hook   ${String(p.files).padStart(7)} files, --staged, 1 changed, warm cache     soc2lint ${ms(lint!.ms)} (CPU ${ms(lint!.cpuMs)}), ${mib(lint!.maxRssKiB)}  (exit ${String(lint!.detail.code)})`);
  // As in a real hook: the file edited and added again before each run, so the index (and what the cache kept of it
  // and of that file) is new every time.
  const edited: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    writeFileSync(file, original.replace('frequency: quarterly', i % 2 === 0 ? 'frequency: annual' : 'frequency: monthly'));
    execFileSync('git', ['add', 'controls/ctl-00001.yaml'], { cwd: p.root });
    edited.push(time('run-cli.js', args, p.root));
  }
  const again = median(edited);
  console.log(`hook   ${String(p.files).padStart(7)} files, --staged, re-added before each run  soc2lint ${ms(again.ms)} (CPU ${ms(again.cpuMs)}), ${mib(again.maxRssKiB)}  (exit ${String(again.detail.code)})`);
  execFileSync('git', ['reset', '-q', 'controls/ctl-00001.yaml'], { cwd: p.root });
  writeFileSync(file, original);
}

/**
 * Memory that does not grow with the evidence: a program whose 1,000 evidence files hold 300 KB of log each (about
 * 300 MB in all), cold, against the floor (which reads every file too). The model keeps what the secret scans found in
 * each file, never its text.
 */
function heavyEvidence(): void {
  const p = program({ policies: 25, controls: 250, evidencePerControl: 4 }, 0);
  try {
    const line = '2026-01-15T10:00:00Z INFO user=ops@bench.example action=review result=pass detail=' + 'z'.repeat(60) + '\n';
    const log = line.repeat(Math.floor(300_000 / line.length));
    for (const entry of readdirSync(join(p.root, 'evidence'), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) appendFileSync(join(entry.parentPath, entry.name), log);
    }
    cold('300 KB', p);
  } finally {
    p.remove();
  }
}

/**
 * Least squares of a measure on files (its cost per 1,000 files) and the exponent k of measure ~ files^k (the log-log
 * slope; start-up, the same at every size, keeps it under 1 for small programs).
 */
function growth(points: Measured[], pick: (m: Measured) => number, unit = 'ms'): string {
  const n = points.length;
  const xs = points.map((m) => m.files);
  const ys = points.map(pick);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const slope = (x: number[], y: number[]) => {
    const mx = mean(x);
    const my = mean(y);
    return x.reduce((sum, xi, i) => sum + (xi - mx) * (y[i]! - my), 0) / x.reduce((sum, xi) => sum + (xi - mx) ** 2, 0);
  };
  const perFile = slope(xs, ys);
  const exponent = slope(xs.map(Math.log), ys.map(Math.log));
  return n < 2 ? 'n/a' : `${(perFile * 1000).toFixed(0)} ${unit} per 1,000 files, ~ files^${exponent.toFixed(2)}`;
}

/** Controls and policies for about `files` files: each control has four evidence files. */
function sizeFor(files: number): ProgramSize {
  const controls = Math.round(files / 5.1);
  return { policies: Math.max(5, Math.round(controls / 10)), controls, evidencePerControl: 4 };
}

/**
 * The history pass at 50,000 commits, hard case (test/bench/history.ts): the pass alone, timed inside its process
 * around loadGitFacts (test/bench/history-pass.ts), alternating with the full lint of the same repo.
 */
function historyCase(): void {
  const root = mkdtempSync(join(tmpdir(), 'soc2lint-bench-history-'));
  try {
    const commits = Number(process.env.BENCH_HISTORY_COMMITS ?? 50_000);
    const files = generateProgram(root, { policies: 200, controls: 2000, evidencePerControl: 4 }).files;
    writeHistory(root, files, commits, { hard: true });
    const passes: Sample[] = [];
    const lints: Sample[] = [];
    // The lint's CPU with its git processes': what this process's children used while it ran.
    const withGit: number[] = [];
    for (let i = 0; i < runs; i++) {
      passes.push(time('history-pass.js', [root]));
      const before = childrenCpuMs();
      lints.push(time('run-cli.js', [root, '--format', 'json']));
      withGit.push(childrenCpuMs() - before);
    }
    const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const pass = (key: string) => middle(passes.map((sample) => Number(sample.detail[key])));
    const found = passes[0]!.detail;
    console.log(
      `history ${String(files.length).padStart(6)} files ${String(commits).padStart(6)} commits  history pass ${ms(pass('historyMs'))} (CPU: node ${ms(pass('nodeCpuMs'))}, git ${ms(pass('gitCpuMs'))})` +
        `  ${String(found.changes)} changes in ${String(found.changed)} policies, ${String(found.added)} evidence files dated`,
    );
    const lint = median(lints);
    console.log(
      `history ${String(files.length).padStart(6)} files ${String(commits).padStart(6)} commits  full lint    soc2lint ${ms(lint.ms)} (CPU ${ms(lint.cpuMs)}; with git ${ms(middle(withGit))}), ${mib(lint.maxRssKiB)}  (exit ${String(lint.detail.code)})`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const SCALE_SIZES: Record<string, number> = { '1k': 1_000, '10k': 10_000, '50k': 50_000, '100k': 100_000 };

console.log(`node ${process.version}, median of ${runs} runs each, alternating with the parse floor`);
const small = program({ policies: 5, controls: 11, evidencePerControl: 3 }, 20);
try {
  if (process.argv.includes('--history')) {
    historyCase();
  } else if (process.argv.includes('--scale')) {
    const chosen = (process.env.BENCH_SIZES ?? '1k,10k,50k,100k').split(',').map((name) => name.trim());
    const commits = Number(process.env.BENCH_SCALE_COMMITS ?? 1_000);
    const measured: Measured[] = [];
    let tenK: Program | undefined;
    for (const name of chosen) {
      const files = SCALE_SIZES[name];
      if (files === undefined) throw new Error(`BENCH_SIZES: unknown size ${name}; sizes: ${Object.keys(SCALE_SIZES).join(', ')}`);
      const p = program(sizeFor(files), commits);
      measured.push(cold(name, p));
      if (name === '10k') tenK = p;
      else p.remove();
    }
    if (measured.length > 1) {
      console.log(`growth  soc2lint wall: ${growth(measured, (m) => m.lint.ms)}; CPU: ${growth(measured, (m) => m.lint.cpuMs)}; peak memory: ${growth(measured, (m) => m.lint.maxRssKiB / 1024, 'MiB')}`);
      console.log(`growth  parse floor wall: ${growth(measured, (m) => m.floor.ms)}; CPU: ${growth(measured, (m) => m.floor.cpuMs)}; peak memory: ${growth(measured, (m) => m.floor.maxRssKiB / 1024, 'MiB')}`);
    }
    heavyEvidence();
    smallHook(small);
    if (tenK) {
      stagedHook(tenK);
      tenK.remove();
    }
  } else {
    const policies = Number(process.env.BENCH_POLICIES ?? 200);
    const controls = Number(process.env.BENCH_CONTROLS ?? 2000);
    const large = program({ policies, controls, evidencePerControl: 4 }, Number(process.env.BENCH_COMMITS ?? 10_000));
    try {
      cold('small', small);
      cold('large', large);
      warm('large', large);
      stagedHook(large);
    } finally {
      large.remove();
    }
  }
} finally {
  small.remove();
}
