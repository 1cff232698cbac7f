// PLACEHOLDER (being written): `soc2lint criteria`.
import type { CliIo } from '../io.js';
export async function runCriteria(_args: readonly string[], io: CliIo): Promise<number> {
  io.stderr.write('soc2lint: criteria is not available yet.\n');
  return 2;
}
