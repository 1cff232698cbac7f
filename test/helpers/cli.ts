// The CLI in-process, as the bin runs it, with standard output and error captured.
import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  /** What standard input holds, for --stdin; without it, reading standard input is not possible. */
  stdin?: string | Uint8Array;
  /** Whether standard output is a terminal (default: not). */
  isTTY?: boolean;
  /** The clock main reads "today" from (default: the system clock). */
  now?: Date;
}

export async function runCli(args: readonly string[], cwd: string, env: Record<string, string | undefined> = {}, options: CliRunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const { stdin, now } = options;
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text), isTTY: options.isTTY ?? false },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    cwd,
    ...(stdin !== undefined ? { readStdin: async () => (typeof stdin === 'string' ? Buffer.from(stdin) : stdin) } : {}),
    ...(now !== undefined ? { now: () => now } : {}),
  });
  return { code, stdout, stderr };
}
