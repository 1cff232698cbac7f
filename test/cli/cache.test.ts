// --cache: the built CLI, run on real copies of the examples and on a generated program with defects, gives the same
// report byte for byte with the cache or without it, cold and warm, and after files are edited, renamed and deleted.
// A damaged cache, or one written by another version or for another config, is ignored with a notice.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { generateProgram } from '../bench/generate.js';
import { git, gitRepo } from '../helpers/git.js';

const bin = fileURLToPath(new URL('../../bin/soc2lint.js', import.meta.url));
const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

const created: string[] = [];
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function temporary(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

function run(cwd: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, '--format', 'json', '--now', '2026-07-01', ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under a folder, root-relative, sorted. */
function listing(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

/** The one cache file in a cache folder, its entries by program file, and the evidence files it keeps facts of. */
function cacheIn(folder: string): { file: string; entries: Map<string, unknown>; evidence: string[]; data: Record<string, unknown> } {
  const names = readdirSync(folder);
  expect(names).toHaveLength(1);
  const file = join(folder, names[0]!);
  const data = deserialize(readFileSync(file)) as Record<string, unknown>;
  return { file, entries: data.files as Map<string, unknown>, evidence: JSON.parse((data.evidence as { paths: string }).paths) as string[], data };
}

/** Without the cache, then with it twice (cold, warm): the same exit code, report and notices each time. */
function expectSameWithCache(root: string, cacheArgs: string[]): ReturnType<typeof run> {
  const plain = run(root, []);
  const cold = run(root, ['--cache', ...cacheArgs]);
  const warm = run(root, ['--cache', ...cacheArgs]);
  expect(cold).toEqual(plain);
  expect(warm).toEqual(plain);
  return plain;
}

/** Set a file's modification time to a fixed moment, so a metadata change is certain whatever the clock's grain. */
function touch(path: string, seconds: number): void {
  utimesSync(path, seconds, seconds);
}

describe('--cache', () => {
  it.each(readdirSync(examples))('gives the same report on examples/%s, cold and warm, and writes only at the cache location', (name) => {
    const root = temporary('soc2lint-cache-example-');
    cpSync(join(examples, name), root, { recursive: true });
    const before = listing(root);
    const cache = join(temporary('soc2lint-cache-location-'), 'here/');
    expectSameWithCache(root, ['--cache-location', cache]);
    expect(listing(root)).toEqual(before);
    // One file, no temporary left over; an entry for each program file read (the scope file is always read).
    const { entries } = cacheIn(cache);
    expect(entries.size).toBeGreaterThan(0);
  });

  it('keeps the cache under node_modules/.cache/soc2lint/ by default, and nowhere else', () => {
    const root = temporary('soc2lint-cache-default-');
    cpSync(join(examples, 'acme-saas'), root, { recursive: true });
    const before = listing(root);
    expectSameWithCache(root, []);
    const added = listing(root).filter((file) => !before.includes(file));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^node_modules\/\.cache\/soc2lint\/lint-[0-9a-f]{16}\.cache$/);
  });

  it('gives the same report on a generated program with defects, after edits, renames and deletions', () => {
    const root = temporary('soc2lint-cache-generated-');
    generateProgram(root, { policies: 4, controls: 24, evidencePerControl: 2 });
    // Defects of every kind the loader reports: YAML that does not parse, a schema violation, an unknown field, an ID
    // declared twice, a policy without its fields, a path that is not there.
    writeFileSync(join(root, 'controls/ctl-00001.yaml'), 'id: CTL-00001\ntitle: [unclosed\n');
    writeFileSync(join(root, 'controls/ctl-00002.yaml'), readFileSync(join(root, 'controls/ctl-00002.yaml'), 'utf8').replace('frequency: quarterly', 'frequency: sometimes\ncolour: blue'));
    writeFileSync(join(root, 'controls/ctl-00003.yaml'), readFileSync(join(root, 'controls/ctl-00004.yaml'), 'utf8'));
    writeFileSync(join(root, 'policies/pol-0001.md'), '---\ntitle: No ID\n---\n# Policy\n');
    writeFileSync(join(root, 'controls/ctl-00005.yaml'), readFileSync(join(root, 'controls/ctl-00005.yaml'), 'utf8').replace(/path: evidence\/CTL-00005\/[^\n]*/, 'path: evidence/CTL-00005/missing.md'));
    const cache = join(temporary('soc2lint-cache-location-'), 'cache.bin');
    const first = expectSameWithCache(root, ['--cache-location', cache]);
    expect(first.code).toBe(1);
    const findings = JSON.parse(first.stdout) as { filePath: string }[];
    expect(findings.length).toBeGreaterThan(0);

    // Edited (new text and a later time), renamed, deleted: each change is seen.
    writeFileSync(join(root, 'controls/ctl-00006.yaml'), readFileSync(join(root, 'controls/ctl-00006.yaml'), 'utf8').replace('owner: ', 'owner: nobody-'));
    touch(join(root, 'controls/ctl-00006.yaml'), 2_000_000_000);
    writeFileSync(join(root, 'controls/ctl-00001.yaml'), readFileSync(join(root, 'controls/ctl-00007.yaml'), 'utf8').replace('CTL-00007', 'CTL-00001'));
    touch(join(root, 'controls/ctl-00001.yaml'), 2_000_000_000);
    renameSync(join(root, 'controls/ctl-00008.yaml'), join(root, 'controls/ctl-00108.yaml'));
    rmSync(join(root, 'policies/pol-0002.md'));
    rmSync(join(root, 'vendors/vendors.yaml'));
    const changed = run(root, ['--cache', '--cache-location', cache]);
    expect(changed).toEqual(run(root, []));
    expect(changed.stdout).not.toEqual(first.stdout);
    // The deleted and renamed files' entries are gone; the new name has one.
    const { entries } = cacheIn(join(cache, '..'));
    expect([...entries.keys()]).toContain('controls/ctl-00108.yaml');
    expect([...entries.keys()]).not.toContain('controls/ctl-00008.yaml');
    expect([...entries.keys()]).not.toContain('policies/pol-0002.md');
    expect(run(root, ['--cache', '--cache-location', cache])).toEqual(changed);
  });

  it('tells a change by metadata by default, and by content with --cache-strategy content', () => {
    const root = temporary('soc2lint-cache-strategy-');
    generateProgram(root, { policies: 2, controls: 6, evidencePerControl: 1 });
    const file = join(root, 'controls/ctl-00003.yaml');
    touch(file, 1_900_000_000);
    const cache = temporary('soc2lint-cache-location-');
    for (const strategy of ['metadata', 'content']) {
      const location = join(cache, `${strategy}.cache`);
      const args = ['--cache', '--cache-location', location, '--cache-strategy', strategy];
      const clean = run(root, args);
      // The same size and modification time, other text (an owner that is nobody's): the change time still tells it.
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace(/owner: owner\d+@/, (owner) => owner.replace(/\d+@/, (n) => `${'x'.repeat(n.length - 1)}@`)));
      expect(statSync(file).size).toBe(Buffer.byteLength(text));
      touch(file, 1_900_000_000);
      const after = run(root, args);
      expect(after).toEqual(run(root, []));
      expect(after.stdout).not.toEqual(clean.stdout);
      writeFileSync(file, text);
      touch(file, 1_900_000_000);
      expect(run(root, args)).toEqual(clean);
      // Touched, not changed: the metadata strategy reads the file again (and keeps its new time), the content strategy
      // finds the same hash and keeps the cache as it was.
      const before = statSync(location).ino;
      touch(file, 1_900_000_100);
      expect(run(root, args)).toEqual(clean);
      if (strategy === 'metadata') expect(statSync(location).ino).not.toBe(before);
      else expect(statSync(location).ino).toBe(before);
    }
  });

  it.each(['metadata', 'content'])('gives the same report after evidence files are edited, renamed, deleted and replaced (strategy %s)', (strategy) => {
    const root = temporary('soc2lint-cache-evidence-');
    const outside = temporary('soc2lint-cache-outside-');
    generateProgram(root, { policies: 2, controls: 12, evidencePerControl: 2 });
    const evidenceOf = (control: number) => readdirSync(join(root, 'evidence', `CTL-${String(control).padStart(5, '0')}`)).map((name) => join(root, 'evidence', `CTL-${String(control).padStart(5, '0')}`, name));
    const cache = join(temporary('soc2lint-cache-location-'), 'cache.bin');
    const args = ['--cache', '--cache-location', cache, '--cache-strategy', strategy];
    touch(evidenceOf(1)[0]!, 1_900_000_000);
    expectSameWithCache(root, args.slice(1));
    expect(cacheIn(join(cache, '..')).evidence).toHaveLength(24);
    const deleted = relative(root, evidenceOf(6)[0]!);
    const steps: [string, () => void][] = [
      // The text of the control's other file (the same size), given the old modification time: only the change time
      // tells, and the digest kept is not the file's any more (reused-evidence).
      ['edited, same size and time', () => {
        const [file, other] = evidenceOf(1);
        const text = readFileSync(other!);
        expect(text.length).toBe(statSync(file!).size);
        writeFileSync(file!, text);
        touch(file!, 1_900_000_000);
        expect(statSync(file!).mtimeMs).toBe(1_900_000_000_000);
      }],
      ['given a secret', () => writeFileSync(evidenceOf(2)[0]!, `Export\n${'gh'}p_${'aB3xK9mQ7zR2pW5tLc8N'.repeat(2).slice(0, 36)}\n`)],
      // Now binary: not scanned, so its finding goes.
      ['made binary', () => writeFileSync(evidenceOf(2)[0]!, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]))],
      ['renamed', () => renameSync(evidenceOf(4)[0]!, `${evidenceOf(4)[0]!}.old`)],
      ['renamed over another', () => renameSync(evidenceOf(5)[1]!, evidenceOf(5)[0]!)],
      ['deleted', () => rmSync(join(root, deleted))],
      ['emptied', () => writeFileSync(evidenceOf(7)[0]!, '')],
      ['grown past the size scanned', () => writeFileSync(evidenceOf(8)[0]!, `${'Reviewed. Result: pass.\n'.repeat(50_000)}`)],
      ['shrunk back', () => writeFileSync(evidenceOf(8)[0]!, 'Reviewed. Result: pass.\n')],
      ['replaced by a symlink out of the repo', () => {
        const [file] = evidenceOf(9);
        const target = join(outside, 'evidence.md');
        writeFileSync(target, readFileSync(file!));
        rmSync(file!);
        symlinkSync(target, file!);
      }],
      ['replaced by a folder', () => {
        const [file] = evidenceOf(10);
        rmSync(file!);
        mkdirSync(file!);
      }],
      ['restored from a folder', () => {
        const [file] = evidenceOf(10);
        rmSync(file!, { recursive: true });
        writeFileSync(file!, '# Run\n\nReviewed. Result: pass.\n');
      }],
    ];
    let before = run(root, args);
    for (const [what, change] of steps) {
      change();
      const after = run(root, args);
      expect(after, what).toEqual(run(root, []));
      expect(after.stdout, what).not.toEqual(before.stdout);
      before = after;
    }
    expect(run(root, args)).toEqual(before);
    // Nothing changed since: every file's entry is used as it is, and the cache is not written again.
    const { file, evidence } = cacheIn(join(cache, '..'));
    const written = statSync(file).ino;
    expect(run(root, args)).toEqual(before);
    expect(statSync(file).ino).toBe(written);
    // An entry for each file the records name that is there (24, less the two renamed, the deleted and the symlink).
    expect(evidence).toHaveLength(20);
    expect(evidence).toContain(relative(root, evidenceOf(6)[0]!));
    expect(evidence).not.toContain(deleted);
  });

  it('keeps where secrets are in evidence, never the secrets or the evidence text', () => {
    const root = temporary('soc2lint-cache-secret-');
    generateProgram(root, { policies: 2, controls: 4, evidencePerControl: 1 });
    const folder = join(root, 'evidence', 'CTL-00001');
    const file = join(folder, readdirSync(folder)[0]!);
    // Assembled from pieces, so this file holds nothing a secret scanner takes for a credential.
    const secrets = [`${'gh'}p_${'Kq7zR2pW5tLc8NaB3xK9mQ7zR2pW5tLc8NaB'}`, `${'AK'}IA${'Q3EGT5XN2BWZK7PD'}`, `DB_${'PASS'}WORD=${'Tr0ub4dor&3x'}`];
    writeFileSync(file, `Export of 2026-06-02\n${secrets.join('\n')}\nEnd of export.\n`);
    const location = temporary('soc2lint-cache-location-');
    const args = ['--cache', '--cache-location', `${location}/`];
    for (const strategy of ['metadata', 'content']) {
      rmSync(join(location, readdirSync(location)[0] ?? 'none'), { force: true });
      const plain = expectSameWithCache(root, [...args.slice(1), '--cache-strategy', strategy]);
      expect(plain.stdout).toContain('sensitive-evidence');
      const { file: kept, evidence } = cacheIn(location);
      expect(evidence).toHaveLength(4);
      const bytes = readFileSync(kept);
      for (const secret of [...secrets, 'Export of 2026-06-02']) expect(bytes.includes(secret), secret).toBe(false);
    }
  });

  it('keeps when each evidence file was first committed for its HEAD, and asks git again when HEAD or the folders change', () => {
    const control = (entries: string) => `id: CTL-1\ntitle: Access review\nowner: a@x.io\nfrequency: quarterly\ncriteria: [CC6.1]\nevidence:\n${entries}`;
    const entry = (path: string, date: string) => `  - { path: ${path}, date: ${date} }\n`;
    const root = gitRepo([
      {
        date: '2026-01-10',
        files: { 'soc2lint.config.yaml': 'as_of: 2026-07-01\n', 'controls/c.yaml': control(entry('evidence/q1.md', '2026-01-05')), 'evidence/q1.md': '# Q1 review\n' },
      },
    ]);
    const location = temporary('soc2lint-cache-added-');
    const args = ['--cache-location', `${location}/`];
    const head = () => git(root, ['rev-parse', 'HEAD']).trim();
    const kept = () => cacheIn(location).data.added as { head: string; folders: string[]; dates: Map<string, string> } | undefined;

    expectSameWithCache(root, args);
    expect(kept()).toMatchObject({ head: head(), folders: ['evidence/'] });
    expect(kept()!.dates.get('evidence/q1.md')).toBe('2026-01-10');

    // Kept dates that are not dates (a damaged or hand-edited cache) are not trusted: the history is read again.
    const { file, data } = cacheIn(location);
    writeFileSync(file, serialize({ ...data, added: { ...(data.added as object), dates: new Map([['evidence/q1.md', 'yesterday']]) } }));
    expect(run(root, ['--cache', ...args])).toEqual(run(root, []));
    expect(kept()!.dates.get('evidence/q1.md')).toBe('2026-01-10');

    // A new commit adds evidence dated months before it was committed: a new HEAD, so the history is read again.
    writeFileSync(join(root, 'controls', 'c.yaml'), control(entry('evidence/q1.md', '2026-01-05') + entry('evidence/q2.md', '2026-04-02')));
    writeFileSync(join(root, 'evidence', 'q2.md'), '# Q2 review\n');
    git(root, ['add', '-A']);
    git(root, ['commit', '-q', '-m', 'Q2 evidence, late'], { GIT_AUTHOR_DATE: '2026-06-20T12:00:00+00:00', GIT_COMMITTER_DATE: '2026-06-20T12:00:00+00:00' });
    const warm = run(root, ['--cache', ...args]);
    expect(warm).toEqual(run(root, []));
    expect(warm.stdout).toContain('backdated-evidence');
    expect(kept()).toMatchObject({ head: head() });
    expect(kept()!.dates.get('evidence/q2.md')).toBe('2026-06-20');

    // The same HEAD, but evidence in a folder the kept dates were not read for: asked again, and the same report.
    mkdirSync(join(root, 'audit'));
    writeFileSync(join(root, 'audit', 'q3.md'), '# Q3 review\n');
    writeFileSync(join(root, 'controls', 'c.yaml'), control(entry('evidence/q1.md', '2026-01-05') + entry('evidence/q2.md', '2026-04-02') + entry('audit/q3.md', '2026-06-25')));
    expect(run(root, ['--cache', ...args])).toEqual(run(root, []));
    expect(kept()).toMatchObject({ head: head(), folders: ['audit/', 'evidence/'] });
  });

  it('keeps what git answered for the index and HEAD, and asks again after a git add, a commit, a reset, a checkout and an edit', () => {
    const policyText = (body: string) => `---\nid: POL-A\ntitle: Access\nstatus: approved\nowner: a@x.io\napproved_by: ciso@x.io\napproved_on: 2026-02-01\n---\n# Access\n\n${body}\n`;
    const control = (paths: string[]) => `id: CTL-1\ntitle: Access review\nowner: a@x.io\nfrequency: quarterly\ncriteria: [CC6.1]\npolicies: [POL-A]\nevidence:\n${paths.map((path, i) => `  - { path: ${path}, date: 2026-0${i + 1}-05 }\n`).join('')}`;
    const at = (date: string) => ({ GIT_AUTHOR_DATE: `${date}T12:00:00+00:00`, GIT_COMMITTER_DATE: `${date}T12:00:00+00:00` });
    const root = gitRepo([
      {
        date: '2026-01-10',
        files: { 'soc2lint.config.yaml': 'as_of: 2026-07-01\n', 'policies/a.md': policyText('Access is reviewed.'), 'controls/c.yaml': control(['evidence/q1.md']), 'evidence/q1.md': '# Q1\n' },
      },
    ]);
    const location = temporary('soc2lint-cache-git-');
    const args = ['--cache', '--cache-location', `${location}/`];
    const kept = () => cacheIn(location).data.git as { index: string; files: string; history?: { head: string } } | undefined;
    const head = () => git(root, ['rev-parse', 'HEAD']).trim();
    /** A warm run gives what a run without the cache gives. */
    const same = (): string => {
      const warm = run(root, args);
      expect(warm).toEqual(run(root, []));
      return warm.stdout;
    };

    expectSameWithCache(root, ['--cache-location', `${location}/`]);
    const first = kept()!;
    expect(first.files.split('\0')).toContain('evidence/q1.md');
    expect(first.history).toMatchObject({ head: head() });
    // Nothing changed: the kept answers are used as they are, and the cache is not written again.
    const written = statSync(cacheIn(location).file).mtimeMs;
    same();
    expect(statSync(cacheIn(location).file).mtimeMs).toBe(written);

    // New evidence, not added yet: untracked. Then `git add`: a new index, so ls-files is asked again.
    writeFileSync(join(root, 'controls', 'c.yaml'), control(['evidence/q1.md', 'evidence/q2.md']));
    writeFileSync(join(root, 'evidence', 'q2.md'), '# Q2\n');
    expect(same()).toContain('untracked-evidence');
    git(root, ['add', 'evidence/q2.md']);
    expect(same()).not.toContain('untracked-evidence');
    expect(kept()!.index).not.toBe(first.index);
    expect(kept()!.files.split('\0')).toContain('evidence/q2.md');

    // An edit of the approved policy's body, not committed: its history is read again (the text is part of the key).
    writeFileSync(join(root, 'policies', 'a.md'), policyText('Access is reviewed every month.'));
    expect(same()).toContain('uncommitted changes');
    // Committed after the approval: a new HEAD.
    git(root, ['add', '-A']);
    git(root, ['commit', '-q', '-m', 'Monthly reviews'], at('2026-03-01'));
    expect(same()).toContain('Monthly reviews');
    expect(kept()!.history).toMatchObject({ head: head() });

    // A checkout of the commit before: HEAD, the index and the files all change; and back.
    git(root, ['checkout', '-q', 'HEAD~1']);
    expect(same()).not.toContain('changed-since-approval');
    git(root, ['checkout', '-q', 'main']);
    expect(same()).toContain('Monthly reviews');
    // Back one commit, the index left as it is: HEAD alone changed, and the edit is uncommitted again.
    const index = kept()!.index;
    git(root, ['reset', '-q', '--soft', 'HEAD~1']);
    expect(same()).toContain('uncommitted changes');
    expect(kept()!.index).toBe(index);
    // Removed from the index, kept on disk: untracked again.
    git(root, ['rm', '-q', '--cached', 'evidence/q1.md']);
    expect(same()).toContain('untracked-evidence');
  });

  it('ignores a damaged cache, or one from another version or config, with a notice, and writes it anew', () => {
    const root = temporary('soc2lint-cache-foreign-');
    cpSync(join(examples, 'broken-saas'), root, { recursive: true });
    const plain = run(root, []);
    const folder = temporary('soc2lint-cache-location-');
    const args = ['--cache', '--cache-location', `${folder}/`];
    run(root, args);
    const { file, data } = cacheIn(folder);

    writeFileSync(file, 'not a cache at all');
    const damaged = run(root, args);
    expect(damaged.stdout).toBe(plain.stdout);
    expect(damaged.stderr).toContain(`soc2lint: the cache ${file} could not be read`);
    expect(run(root, args)).toEqual(plain);

    // Evidence facts that cannot be read back: every evidence file is looked at again, and the facts are written anew
    // (not the damaged ones kept), also when a program file changed meanwhile and the cache is written for it.
    writeFileSync(file, serialize({ ...cacheIn(folder).data, evidence: { ...(cacheIn(folder).data.evidence as object), facts: '[not json' } }));
    const policy = readdirSync(join(root, 'policies'))[0]!;
    writeFileSync(join(root, 'policies', policy), `${readFileSync(join(root, 'policies', policy), 'utf8')}\n`);
    const plainAfter = run(root, []);
    expect(run(root, args)).toEqual(plainAfter);
    expect(() => JSON.parse((cacheIn(folder).data.evidence as { facts: string }).facts) as unknown).not.toThrow();
    expect(run(root, args)).toEqual(plainAfter);
    writeFileSync(join(root, 'policies', policy), readFileSync(join(root, 'policies', policy), 'utf8').replace(/\n$/, ''));
    expect(run(root, args)).toEqual(plain);

    writeFileSync(file, serialize({ ...data, version: '0.0.1' }));
    const older = run(root, args);
    expect(older.stdout).toBe(plain.stdout);
    expect(older.stderr).toContain('was written by soc2lint 0.0.1');
    expect(run(root, args)).toEqual(plain);

    // A kept result that is no longer what reading the file gives: never trusted once the config changed.
    writeFileSync(join(root, 'soc2lint.config.yaml'), `${readFileSync(join(root, 'soc2lint.config.yaml'), 'utf8')}\n# a new line\nignore: ["nothing/**"]\n`);
    const reconfigured = run(root, args);
    expect(reconfigured.stderr).toContain('was written for another config');
    const now = run(root, []);
    expect(reconfigured.stdout).toBe(now.stdout);
    expect(run(root, args)).toEqual(now);
    expect(readdirSync(folder)).toHaveLength(1);
    expect(existsSync(file)).toBe(true);
  });

  it('refuses the cache options without --cache, and a strategy it does not know', () => {
    const root = temporary('soc2lint-cache-usage-');
    expect(run(root, ['--cache-location', 'x']).code).toBe(2);
    expect(run(root, ['--cache-strategy', 'content']).stderr).toContain('add --cache');
    expect(run(root, ['--cache', '--cache-strategy', 'mtime']).stderr).toContain('--cache-strategy is metadata');
  });
});
