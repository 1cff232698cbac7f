// Command-line conventions: one "today" for the whole run, decided by main from its clock.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoverageReport } from '../../src/report/coverage.js';
import { runCli as run } from '../helpers/cli.js';
import { CLEAN } from '../helpers/programs.js';
import { makeRepo, type RepoFiles } from '../helpers/repo.js';

/** CLEAN, plus a monthly control whose newest evidence is from 2026-05-20: stale-evidence fires from 2026-06-21. */
const STALE: RepoFiles = {
  ...CLEAN,
  'controls/ops.yaml': 'id: OPS-01\ntitle: Patching\nowner: a@x.io\nfrequency: monthly\ncriteria: [CC7.1]\nevidence:\n  - url: https://tickets.example/ops\n    date: 2026-05-20\n',
};

describe('one today, decided by main', () => {
  /** STALE without as_of: what it judges by is the clock, unless --now says otherwise. */
  const UNPINNED: RepoFiles = { ...STALE, 'soc2lint.config.yaml': 'rules:\n  missing-activity: off\n' };
  const at = (date: string) => ({ now: new Date(`${date}T23:59:59Z`) });
  let repo: string;
  beforeAll(() => {
    repo = makeRepo(UNPINNED);
  });

  it('lint judges by the clock main reads, in UTC', async () => {
    expect((await run([], repo, {}, at('2026-06-20'))).code).toBe(0);
    const later = await run([], repo, {}, at('2026-06-21'));
    expect(later.code).toBe(1);
    expect(later.stdout).toContain('the next was due by 2026-06-20');
  });

  it('--now wins over the clock, and so does as_of', async () => {
    expect((await run(['--now', '2026-06-01'], repo, {}, at('2027-01-01'))).code).toBe(0);
    const pinned = makeRepo(STALE); // as_of: 2026-07-01
    expect((await run([], pinned, {}, at('2026-06-01'))).code).toBe(1);
  });

  it('criteria judges by the same clock', async () => {
    const report = (date: string) => run(['criteria', '--format', 'json'], repo, {}, at(date)).then((result) => JSON.parse(result.stdout) as CoverageReport);
    expect((await report('2026-06-20')).asOf).toBe('2026-06-20');
    const later = await report('2026-06-21');
    expect(later.criteria.find((criterion) => criterion.id === 'CC7.1')!.controls.find((control) => control.id === 'OPS-01')).toMatchObject({ evidence: 'stale', nextEvidenceDue: '2026-06-20' });
  });

  it('init dates the program it writes by the same clock', async () => {
    const dir = makeRepo({}, 'soc2lint-init-');
    expect((await run(['init', dir], '/', {}, at('2024-02-29'))).code).toBe(0);
    expect(readFileSync(join(dir, 'policies/information-security.md'), 'utf8')).toContain('approved_on: 2024-02-29');
  });
});
