import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** What the CLI may touch of the process: injected, so tests run it in-process. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
  cwd: string;
  /** Standard input, read to its end; for --stdin. Without it, --stdin is a usage error. */
  readStdin?: () => Promise<Uint8Array>;
  /** The clock. Read once, by main, to decide "today" for the whole run (tests pin it); the system clock by default. */
  now?: () => Date;
}

/** A report or summary that could not be written where it was asked for (exit 2, one line, no stack trace). */
export class OutputError extends Error {
  override name = 'OutputError';
}

/** Why writing to `target` failed, in words: the path is a folder, is under a file, the disk is full, ... */
export function describeWriteError(error: unknown, target: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'EISDIR'
      ? 'it is a folder; give a file name'
      : code === 'ENOTDIR' || code === 'EEXIST'
        ? 'a part of the path is a file, not a folder'
        : code === 'ENOENT'
          ? 'its folder does not exist'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : code === 'ENOSPC'
              ? 'no space left on the device'
              : code === 'EROFS'
                ? 'the file system is read-only'
                : (error as Error).message;
  return `could not write ${target}: ${reason}.`;
}

/** Write `text` to the file --output names (relative to `cwd`), making its folder; a failure is one OutputError line. */
export function writeOutput(cwd: string, output: string, text: string): void {
  const target = resolve(cwd, output);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  } catch (error) {
    throw new OutputError(`--output ${output}: ${describeWriteError(error, target)}`);
  }
}

/** Append `text` to the job summary file GitHub Actions names in $GITHUB_STEP_SUMMARY; a failure is one OutputError line. */
export function appendStepSummary(summary: string, text: string): void {
  try {
    appendFileSync(summary, text);
  } catch (error) {
    throw new OutputError(`GITHUB_STEP_SUMMARY: ${describeWriteError(error, summary)}`);
  }
}
