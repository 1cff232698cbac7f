// The parse floor: one Node process that only reads and YAML-parses the program's files, nothing else.
import { readFileSync } from 'node:fs';
import { globSync } from 'glob';
import { parseDocument } from 'yaml';

const root = process.argv[2]!;
let parsed = 0;
for (const file of globSync('**/*', { cwd: root, nodir: true, absolute: true })) {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.yaml') || file.endsWith('.yml')) {
    parseDocument(text);
    parsed++;
  } else if (file.endsWith('.md') && text.startsWith('---\n')) {
    const end = text.indexOf('\n---', 4);
    if (end > 0) {
      parseDocument(text.slice(4, end));
      parsed++;
    }
  }
}
const usage = process.resourceUsage();
process.stderr.write(JSON.stringify({ parsed, maxRssKiB: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }) + '\n');
