// Runs the CLI in this process and reports its peak memory; the parent measures wall time from outside.
import { main } from '../../src/cli/main.js';

let out = '';
const code = await main(process.argv.slice(2), { stdout: { write: (t: string) => (out += t) }, stderr: process.stderr, env: {}, cwd: process.cwd() });
process.stderr.write(JSON.stringify({ code, outputBytes: out.length, maxRssKiB: process.resourceUsage().maxRSS }) + '\n');
