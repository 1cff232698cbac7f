// The history pass on its own, timed inside one process: load the program without git, ask git what
// changed-since-approval and backdated-evidence need (the request finish() in src/model/load.ts makes), and print the
// time around loadGitFacts, with the CPU time of the git processes it ran.
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { maxDate, minDate, type IsoDate } from '../../src/core/dates.js';
import { loadGitFacts } from '../../src/git/facts.js';
import { evidenceFiles } from '../../src/model/evidence.js';
import { loadRepo, resolvePath } from '../../src/model/load.js';
import { childrenCpuMs } from './children-cpu.js';

const root = process.argv[2]!;
const model = await loadRepo(loadConfig(root));
const signedOff = new Map<string, IsoDate>();
for (const policy of model.policies) {
  const latest = maxDate([policy.approvedOn, policy.lastReviewed].filter((d): d is IsoDate => d !== undefined));
  if (latest !== undefined) signedOff.set(policy.source.file, latest);
}
const since = minDate(signedOff.values());
const evidence = [...new Set(evidenceFiles(model).map((ref) => posix.normalize(ref.path.replace(/\\/g, '/'))))].filter((path) => resolvePath(root, path).state === 'file');
const policies = new Map(model.policies.map((p) => [p.source.file, readFileSync(join(root, p.source.file), 'utf8')]));

const childrenBefore = childrenCpuMs();
const start = process.hrtime.bigint();
const cpuBefore = process.cpuUsage();
const facts = await loadGitFacts({ root, history: true, policies, ...(since ? { since } : {}), signedOff, evidence });
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const cpu = process.cpuUsage(cpuBefore);
if (!facts.available) throw new Error(facts.reason);
const usage = process.resourceUsage();
process.stderr.write(
  JSON.stringify({
    historyMs: ms,
    nodeCpuMs: (cpu.user + cpu.system) / 1000,
    gitCpuMs: childrenCpuMs() - childrenBefore,
    changed: [...facts.policyChanges.values()].filter((changes) => changes.length > 0).length,
    changes: [...facts.policyChanges.values()].reduce((sum, changes) => sum + changes.length, 0),
    added: facts.evidenceAdded?.size ?? 0,
    maxRssKiB: usage.maxRSS,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
  }) + '\n',
);
