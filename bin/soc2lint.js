#!/usr/bin/env node
// The process shell around the CLI: the library never exits the process; this file does.
import { readFileSync } from 'node:fs';

/** Standard input to its end, read only when --stdin asks for it. */
async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks);
}

// Standard output can go away (`| head -1` closes it: EPIPE) or fail (`> /dev/full`: ENOSPC), synchronously for a
// file and asynchronously for a pipe. Either way the run finishes; a reader that stopped reading is not an error,
// a report that could not be written is (exit 2, said on standard error).
let outputError;
process.stdout.on('error', (error) => {
  outputError ??= error;
});
const stdout = {
  write(text) {
    if (outputError) return false;
    try {
      return process.stdout.write(text);
    } catch (error) {
      outputError ??= error;
      return false;
    }
  },
  get isTTY() {
    return process.stdout.isTTY;
  },
};

// A failed write is reported after the fact (on the next tick for a file), so the verdict waits for the exit.
process.on('exit', () => {
  if (outputError && outputError.code !== 'EPIPE') {
    process.stderr.write(`soc2lint: could not write to standard output: ${outputError.message}\n`);
    process.exitCode = 2;
  }
});

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  // `--version` alone is answered here, from package.json, before any of the CLI is loaded: as fast as Node starts.
  stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  // The bundled build of src/cli/main.ts (npm run build): its loader, which runs the chunks a command needs with V8's
  // code cache (src/build/load-bundle.ts). Loaded only for a real run.
  import('../dist/bundle/main.js')
    .then(({ main }) => main(argv, { stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), readStdin }))
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error) => {
      process.stderr.write(`soc2lint: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exitCode = 2;
    });
}
