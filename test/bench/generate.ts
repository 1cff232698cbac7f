// A synthetic compliance program of any size, for the benchmark: realistic shapes, deterministic content.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TSC_2017 } from '../../src/core/tsc2017.js';
import { addDays } from '../../src/core/dates.js';

export interface ProgramSize {
  policies: number;
  controls: number;
  evidencePerControl: number;
}

export const AS_OF = '2026-07-01';

export function generateProgram(root: string, size: ProgramSize): { files: string[] } {
  const files: string[] = [];
  const write = (path: string, text: string) => {
    const absolute = join(root, path);
    mkdirSync(join(absolute, '..'), { recursive: true });
    writeFileSync(absolute, text);
    files.push(path);
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
      `---\nid: ${id}\ntitle: Policy ${p}\nstatus: approved\nowner: owner${p % 20}@bench.example\nversion: "1.${p % 7}"\nrequires_acknowledgment: ${p < 2}\napproved_by: ceo@bench.example\napproved_on: 2026-01-${String((p % 28) + 1).padStart(2, '0')}\nlast_reviewed: 2026-01-${String((p % 28) + 1).padStart(2, '0')}\nreview_every: annual\ncriteria: [${criteria[p % criteria.length]}]\n---\n# Policy ${p}\n\n${'This policy sets out how the company protects information. '.repeat(40)}\n\n## Scope\n\nAll staff and systems.\n`,
    );
  }
  const people = Math.max(5, Math.round(size.controls / 7));
  write(
    'people.yaml',
    `people:\n${Array.from({ length: people }, (_, i) => `  - { id: person${i}@bench.example, name: Person ${i}, start: 2024-0${(i % 9) + 1}-01, background_check: { date: 2023-12-1${i % 10} } }\n`).join('')}` +
      ['ciso', 'cto', 'ceo', 'ops'].map((role) => `  - { id: ${role}@bench.example, name: ${role}, start: 2023-01-02${role === 'ceo' ? ', can_approve: [policies, waivers, scope]' : ''} }\n`).join('') +
      Array.from({ length: 20 }, (_, i) => `  - { id: owner${i}@bench.example, name: Owner ${i}, start: 2023-01-02 }\n`).join(''),
  );
  write('training/security-awareness.csv', `person,course,date\n${Array.from({ length: people }, (_, i) => `person${i}@bench.example,security-awareness,2026-02-${String((i % 27) + 1).padStart(2, '0')}\n`).join('')}`);
  write(
    'acknowledgments/2026.yaml',
    `records:\n${Array.from({ length: people }, (_, i) => `  - { person: person${i}@bench.example, policy: POL-0000, version: "1.0", date: 2026-01-20 }\n`).join('')}`,
  );
  write(
    'vendors/vendors.yaml',
    `vendors:\n${Array.from({ length: Math.max(3, Math.round(size.controls / 40)) }, (_, i) => `  - id: VEN-${i}\n    name: Vendor ${i}\n    owner: owner${i % 20}@bench.example\n    criticality: ${['critical', 'high', 'medium', 'low'][i % 4]}\n    assurance: { kind: soc2-type2, period_end: 2026-03-31 }\n    cuecs:\n      - { text: Customers manage their users, controls: [CTL-00000, CTL-00001] }\n    last_reviewed: 2026-04-15\n`).join('')}`,
  );
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
