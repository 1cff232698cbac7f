// npm run fuzz -- --runs N [--seed S]: N mutated copies of the examples through the real CLI, two at a time. Prints
// each failure with its seed (replay one with --runs 1 --seed S) and exits 1 if there was any.
import { parseArgs } from 'node:util';
import { fuzzCase, type FuzzResult } from './check.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '200' }, seed: { type: 'string', default: '1' }, jobs: { type: 'string', default: '2' } } });
const runs = Number(values.runs);
const first = Number(values.seed);
const jobs = Number(values.jobs);
const failures: FuzzResult[] = [];
let next = 0;
let done = 0;
const started = Date.now();

async function worker(): Promise<void> {
  while (next < runs) {
    const seed = first + next++;
    const result = await fuzzCase(seed);
    done++;
    if (result.failure) {
      failures.push(result);
      console.log(`FAIL seed ${seed}: ${result.failure}\n  after: ${result.did.join('; ')}`);
    }
    if (done % 100 === 0) console.log(`${done}/${runs} cases, ${failures.length} failures, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
}

await Promise.all(Array.from({ length: jobs }, () => worker()));
console.log(`${runs - failures.length} passed, ${failures.length} failed (${runs} cases from seed ${first}, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
process.exitCode = failures.length > 0 ? 1 : 0;
