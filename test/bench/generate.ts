// A synthetic compliance program of any size, for the benchmark: realistic shapes, deterministic content.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TSC_2017 } from '../../src/domain/tsc2017.js';
import { addDays } from '../../src/domain/dates.js';

export interface ProgramSize {
  policies: number;
  controls: number;
  evidencePerControl: number;
}

export const AS_OF = '2026-07-01';

export function generateProgram(root: string, size: ProgramSize): { files: number } {
  let files = 0;
  const write = (path: string, text: string) => {
    const absolute = join(root, path);
    mkdirSync(join(absolute, '..'), { recursive: true });
    writeFileSync(absolute, text);
    files++;
  };
  const criteria = TSC_2017.criteria.filter((c) => c.category === 'security' || c.category === 'availability').map((c) => c.id);
  write('soc2lint.config.yaml', `as_of: ${AS_OF}\n`);
  write(
    'scope.yaml',
    `categories: [security, availability]\naudit:\n  type: type2\n  period: { start: 2026-01-01, end: 2026-06-30 }\nowner: ciso@bench.example\nlast_reviewed: 2026-01-05\nsystems:\n  - { id: SYS-APP, name: Application, owner: cto@bench.example }\n`,
  );
  for (let p = 0; p < size.policies; p++) {
    const id = `POL-${String(p).padStart(4, '0')}`;
    write(
      `policies/${id.toLowerCase()}.md`,
      `---\nid: ${id}\ntitle: Policy ${p}\nstatus: approved\nowner: owner${p % 20}@bench.example\nversion: "1.${p % 7}"\napproved_by: ceo@bench.example\napproved_on: 2026-01-${String((p % 28) + 1).padStart(2, '0')}\nlast_reviewed: 2026-01-${String((p % 28) + 1).padStart(2, '0')}\nreview_every: annual\ncriteria: [${criteria[p % criteria.length]}]\n---\n# Policy ${p}\n\n${'This policy sets out how the company protects information. '.repeat(40)}\n\n## Scope\n\nAll staff and systems.\n`,
    );
  }
  for (let c = 0; c < size.controls; c++) {
    const id = `CTL-${String(c).padStart(5, '0')}`;
    const evidence: string[] = [];
    for (let e = 0; e < size.evidencePerControl; e++) {
      const date = addDays('2026-01-15', e * 45 + (c % 30));
      const path = `evidence/${id}/${date}-run.md`;
      write(path, `# ${id} run on ${date}\n\nReviewed by ops@bench.example. Result: pass.\n`);
      evidence.push(`  - path: ${path}\n    date: ${date}\n`);
    }
    write(
      `controls/${id.toLowerCase()}.yaml`,
      `id: ${id}\ntitle: Control ${c}\nowner: owner${c % 20}@bench.example\nfrequency: quarterly\ncriteria: [${criteria[c % criteria.length]}, ${criteria[(c * 7) % criteria.length]}]\npolicies: [POL-${String(c % Math.max(1, size.policies)).padStart(4, '0')}]\nsystems: [SYS-APP]\nevidence:\n${evidence.join('')}`,
    );
  }
  return { files };
}
