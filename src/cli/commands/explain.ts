// `soc2lint explain RULE`: the rule's documentation page, as shipped beside it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { didYouMean } from '../../core/suggest.js';
import { docsPath } from '../../engine/rule.js';
import { packageRoot } from '../../core/package-root.js';
import { RULES } from '../../../rules/index.js';
import { UsageError } from '../args.js';
import type { CliIo } from '../io.js';

export async function runExplain(args: readonly string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write('Usage: soc2lint explain RULE\n\nPrint the documentation of RULE (soc2lint rules lists them).\n');
    return 0;
  }
  if (args.length !== 1) throw new UsageError('explain takes one rule ID, e.g. soc2lint explain stale-evidence.');
  const id = args[0]!;
  const rule = RULES.find((candidate) => candidate.meta.id === id);
  if (!rule) {
    throw new UsageError(`Unknown rule "${id}".${didYouMean(id, RULES.map((r) => r.meta.id))} Run soc2lint rules for the list.`);
  }
  const docs = join(packageRoot, docsPath(id));
  io.stdout.write(existsSync(docs) ? readFileSync(docs, 'utf8') : `# ${id}\n\n${rule.meta.description}\n`);
  return 0;
}
