// Runs the bundled CLI (what bin/soc2lint.js runs) in this process and reports its peak memory; the parent measures
// wall time from outside.
type Main = typeof import('../../src/cli/main.js').main;
const { main } = (await import(new URL('../../bundle/main.js', import.meta.url).href)) as { main: Main };

let out = '';
const code = await main(process.argv.slice(2), { stdout: { write: (t: string) => (out += t) }, stderr: process.stderr, env: {}, cwd: process.cwd() });
const usage = process.resourceUsage();
process.stderr.write(JSON.stringify({ code, outputBytes: out.length, maxRssKiB: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }) + '\n');
