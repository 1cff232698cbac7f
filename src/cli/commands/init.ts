// PLACEHOLDER (being written): `soc2lint init`.
import type { CliIo } from '../io.js';
export async function runInit(_args: readonly string[], io: CliIo): Promise<number> {
  io.stderr.write('soc2lint: init is not available yet.\n');
  return 2;
}
