#!/usr/bin/env node
// The process shell around the CLI: the library never exits the process; this file does.
// The bundled build of src/cli/main.ts (npm run build): one module graph of a few files, for a fast start.
import { main } from '../dist/bundle/main.js';

/** Standard input to its end, read only when --stdin asks for it. */
async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks);
}

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), readStdin })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    process.stderr.write(`soc2lint: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
