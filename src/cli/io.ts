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
