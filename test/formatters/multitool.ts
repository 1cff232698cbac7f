// The real SARIF validator, Microsoft's Sarif.Multitool (npm @microsoft/sarif-multitool), run as a child process.
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OFFLINE_CONFIG = fileURLToPath(new URL('../fixtures/formatters/multitool-offline.xml', import.meta.url));

export type Multitool = { ok: true; path: string; version: string } | { ok: false; reason: string };

export interface Diagnostic {
  level: 'error' | 'warning' | 'note';
  /** SARIF1002, GH1017, WRN999.RuleExplicitlyDisabled, … */
  code: string;
  line: string;
}

/**
 * The validator lives in a package of its own (test/tools/sarif-multitool, with its lock file) so its 100 MB binary
 * is not a devDependency of soc2lint, which every pre-commit install would download. Installed on first use.
 */
const TOOL_DIR = fileURLToPath(new URL('../tools/sarif-multitool/', import.meta.url));

function installMultitool(): string | undefined {
  if (existsSync(join(TOOL_DIR, 'node_modules', '@microsoft', 'sarif-multitool'))) return undefined;
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', TOOL_DIR], { encoding: 'utf8', timeout: 600_000 });
  return npm.status === 0 ? undefined : `npm ci in ${TOOL_DIR} failed: ${(npm.stderr || npm.stdout || String(npm.error)).trim().split('\n').slice(-3).join(' ')}`;
}

/** Where the tool is and whether it runs here; the reason when it does not, for the skip message. */
export function findMultitool(): Multitool {
  const installError = installMultitool();
  if (installError) return { ok: false, reason: installError };
  let path: string;
  try {
    // The package's main export is the path of the binary for this platform (from its optional dependency).
    path = createRequire(join(TOOL_DIR, 'package.json'))('@microsoft/sarif-multitool') as string;
  } catch (error) {
    return { ok: false, reason: `@microsoft/sarif-multitool is not installed for ${process.platform} (${(error as Error).message.split('\n')[0]})` };
  }
  try {
    accessSync(path, constants.X_OK);
  } catch {
    // The binary ships without its execute bit and the package's postinstall sets it; with install scripts off
    // (npm ci --ignore-scripts) it stays off, so do what the postinstall does.
    try {
      chmodSync(path, statSync(path).mode | 0o100);
    } catch (error) {
      return { ok: false, reason: `${path} is not executable and chmod failed: ${(error as Error).message}` };
    }
  }
  const probe = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (probe.error || probe.status !== 0) {
    return { ok: false, reason: `${path} --version failed: ${probe.error?.message ?? (probe.stderr || probe.stdout).trim()}` };
  }
  return { ok: true, path, version: probe.stdout.trim().split('\n')[0] ?? '' };
}

/**
 * `Sarif.Multitool validate` on the SARIF text, with the given rule kinds (`Gh` for GitHub's rules; default: the SARIF
 * spec's). It exits 0 whatever it finds, so its diagnostics are read from what it prints.
 */
export function validateSarif(tool: Extract<Multitool, { ok: true }>, sarif: string, ruleKind?: string): Diagnostic[] {
  const dir = mkdtempSync(join(tmpdir(), 'soc2lint-sarif-'));
  try {
    const file = join(dir, 'soc2lint.sarif');
    writeFileSync(file, sarif);
    const args = ['validate', file, '--config', OFFLINE_CONFIG, ...(ruleKind ? ['--rule-kind', ruleKind] : [])];
    const run = spawnSync(tool.path, args, { encoding: 'utf8', timeout: 120_000 });
    if (run.error) throw run.error;
    if (run.status !== 0 || !/Analysis completed successfully/.test(run.stdout)) {
      throw new Error(`Sarif.Multitool ${args.join(' ')} failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    }
    return `${run.stdout}\n${run.stderr}`
      .split('\n')
      .flatMap((line) => {
        const match = /\b(error|warning|note) ([A-Z]+\d+[\w.]*)\s?:/.exec(line);
        return match ? [{ level: match[1] as Diagnostic['level'], code: match[2]!, line: line.trim() }] : [];
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
