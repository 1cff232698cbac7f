// Git facts from real repositories: names git would quote, front-matter-only edits, uncommitted text, merges, and
// repositories git cannot read. Whatever goes wrong, the answer is a reason to skip the git rules, never a throw.
import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGitFacts, startGit, type GitFacts } from '../../src/git/facts.js';
import { git, gitRepo } from '../helpers/git.js';
import { makeRepo } from '../helpers/repo.js';

const policy = (body: string, approved = '2026-01-10') => `---\nid: POL-A\ntitle: A\nstatus: approved\napproved_on: ${approved}\n---\n${body}\n`;

async function facts(root: string, policies: string[], since = '2026-01-01'): Promise<Extract<GitFacts, { available: true }>> {
  const texts = new Map(policies.map((file) => [file, readText(root, file)]));
  const result = await loadGitFacts({ root, history: true, policies: texts, since });
  if (!result.available) throw new Error(`git facts unavailable: ${result.reason}`);
  return result;
}

function readText(root: string, file: string): string {
  return readFileSync(join(root, file), 'utf8');
}

const subjects = (changes: readonly { subject: string }[] | undefined) => (changes ?? []).map((change) => change.subject);

describe('policy history', () => {
  it.each([
    ['a space', 'policies/Access Control Policy.md'],
    ['a tab', 'policies/Access\tControl.md'],
    ['double quotes', 'policies/Access "Control".md'],
    ['a backslash', 'policies/Access\\Control.md'],
    ['non-ASCII letters', 'policies/Zugriffsrichtlinie-Prüfung.md'],
  ])('finds body changes to a policy whose file name holds %s', async (_what, file) => {
    const root = gitRepo([
      { date: '2025-12-01', files: { [file]: policy('First text.') }, message: 'add' },
      { date: '2026-02-01', files: { [file]: policy('Changed text.') }, message: 'reword' },
    ]);
    expect(subjects((await facts(root, [file])).policyChanges.get(file))).toEqual(['reword']);
  });

  it('ignores commits that change only the front matter, and stops at the commit that added the file', async () => {
    const file = 'policies/a.md';
    const root = gitRepo([
      { date: '2026-01-05', files: { [file]: policy('Text.') }, message: 'add' },
      { date: '2026-02-01', files: { [file]: policy('Text.', '2026-02-01') }, message: 'front matter only' },
      { date: '2026-03-01', files: { [file]: policy('New text.', '2026-02-01') }, message: 'body' },
    ]);
    expect(subjects((await facts(root, [file])).policyChanges.get(file))).toEqual(['body']);
  });

  it('ignores commits that change only whitespace in the body: a rewrapped paragraph, trailing spaces, CRLF, blank lines', async () => {
    const file = 'policies/a.md';
    const text = '# Access\n\nAccess is reviewed every quarter by the system owner.\n';
    const root = gitRepo([
      { date: '2026-01-05', files: { [file]: policy(text) }, message: 'add' },
      { date: '2026-02-01', files: { [file]: policy('# Access\n\nAccess is reviewed every quarter\nby the system owner.  \n') }, message: 'rewrap' },
      { date: '2026-02-02', files: { [file]: policy('# Access\r\n\r\n\r\nAccess is reviewed every quarter\r\nby the system owner.\r\n\r\n') }, message: 'crlf and blank lines' },
      { date: '2026-02-03', files: { [file]: policy('# Access\n\nAccess is reviewed every quarter\nby the systemowner.\n') }, message: 'joined two words' },
      { date: '2026-02-04', files: { [file]: policy('# Access\n\nAccess is reviewed every quarter\nby the system owner.\n', '2026-02-04') }, message: 'split them again, and a new approval date' },
      { date: '2026-03-01', files: { [file]: policy('# Access\n\nAccess is reviewed every month\nby the system owner.\n', '2026-02-04') }, message: 'reword' },
    ]);
    // Newest first: the changes in words count, the whitespace and front-matter commits do not.
    expect(subjects((await facts(root, [file])).policyChanges.get(file))).toEqual(['reword', 'split them again, and a new approval date', 'joined two words']);
  });

  it('an uncommitted whitespace-only edit is not a change', async () => {
    const root = gitRepo([{ date: '2026-01-05', files: { 'policies/a.md': policy('Access is reviewed every quarter.') } }]);
    writeFileSync(join(root, 'policies/a.md'), policy('Access is reviewed\n   every quarter.   \n\n'));
    expect(subjects((await facts(root, ['policies/a.md'])).policyChanges.get('policies/a.md'))).toEqual([]);
  });

  it('reports uncommitted changes to the body first, staged or not, and not a front-matter-only edit', async () => {
    const root = gitRepo([{ date: '2026-01-05', files: { 'policies/a.md': policy('Text.'), 'policies/b.md': policy('B.'), 'policies/c.md': policy('C.') } }]);
    writeFileSync(join(root, 'policies/a.md'), policy('Edited, not staged.'));
    writeFileSync(join(root, 'policies/b.md'), policy('Edited and staged.'));
    git(root, ['add', 'policies/b.md']);
    writeFileSync(join(root, 'policies/c.md'), policy('C.', '2026-02-02'));
    const result = await facts(root, ['policies/a.md', 'policies/b.md', 'policies/c.md']);
    expect(subjects(result.policyChanges.get('policies/a.md'))).toEqual(['uncommitted changes']);
    expect(subjects(result.policyChanges.get('policies/b.md'))).toEqual(['uncommitted changes']);
    expect(subjects(result.policyChanges.get('policies/c.md'))).toEqual([]);
  });

  it('counts a change merged from a branch on the main line, as the merge', async () => {
    const root = gitRepo([{ date: '2026-01-05', files: { 'policies/a.md': policy('Text.') } }]);
    const at = (date: string) => ({ GIT_AUTHOR_DATE: `${date}T12:00:00+00:00`, GIT_COMMITTER_DATE: `${date}T12:00:00+00:00` });
    git(root, ['checkout', '-q', '-b', 'edit']);
    writeFileSync(join(root, 'policies/a.md'), policy('Branch text.'));
    git(root, ['commit', '-qam', 'on a branch'], at('2026-02-01'));
    git(root, ['checkout', '-q', 'main']);
    git(root, ['merge', '-q', '--no-ff', '-m', 'merge the edit', 'edit'], at('2026-03-01'));
    const changes = (await facts(root, ['policies/a.md'])).policyChanges.get('policies/a.md');
    expect(changes?.map((c) => [c.subject, c.date])).toEqual([['merge the edit', '2026-03-01']]);
  });

  it('with sign-off dates, reads only the changes after each policy was signed off', async () => {
    const root = gitRepo([
      { date: '2026-01-05', files: { 'policies/a.md': policy('One.'), 'policies/b.md': policy('One.') }, message: 'add' },
      { date: '2026-02-01', files: { 'policies/a.md': policy('Two.'), 'policies/b.md': policy('Two.') }, message: 'february' },
      { date: '2026-04-01', files: { 'policies/a.md': policy('Three.'), 'policies/b.md': policy('Three.') }, message: 'april' },
    ]);
    const texts = new Map(['policies/a.md', 'policies/b.md'].map((file) => [file, readText(root, file)]));
    const signedOff = new Map([['policies/a.md', '2026-03-01']]);
    const result = await loadGitFacts({ root, history: true, policies: texts, since: '2026-03-01', signedOff });
    expect(result.available && subjects(result.policyChanges.get('policies/a.md'))).toEqual(['april']);
    expect(result.available && result.policyChanges.has('policies/b.md')).toBe(false);
  });

  it('finds the one body change among many front-matter-only and whitespace touches after the approval', async () => {
    const file = 'policies/a.md';
    const text = '# Access\n\nAccess is reviewed every quarter by the system owner.\n';
    const touches = Array.from({ length: 12 }, (_, i) => ({
      date: `2026-02-${String(i + 1).padStart(2, '0')}`,
      // Even touches edit the front matter only; odd ones rewrap the body, alternating two wrappings.
      files: { [file]: i % 2 === 0 ? policy(text, '2026-01-10').replace('status:', `tag: t${i}\nstatus:`) : policy(i % 4 === 1 ? text.replace('quarter by', 'quarter\nby') : text.replace('every', 'every  ')) },
      message: `touch ${i}`,
    }));
    const root = gitRepo([
      { date: '2026-01-05', files: { [file]: policy(text) }, message: 'add' },
      ...touches.slice(0, 7),
      { date: '2026-02-20', files: { [file]: policy(text.replace('quarter', 'month')) }, message: 'monthly' },
      { date: '2026-02-21', files: { [file]: policy(text.replace('quarter', 'month'), '2026-01-10').replace('status:', 'tag: late\nstatus:') }, message: 'tag again' },
    ]);
    expect(subjects((await facts(root, [file])).policyChanges.get(file))).toEqual(['monthly']);
  });

  it('reports every change when a policy goes back and forth between the same two texts', async () => {
    // The versions repeat (the same blobs, read once), but each touch is its own change.
    const file = 'policies/a.md';
    const root = gitRepo([
      { date: '2026-01-05', files: { [file]: policy('Quarterly.') }, message: 'add' },
      { date: '2026-02-01', files: { [file]: policy('Monthly.') }, message: 'to monthly' },
      { date: '2026-02-02', files: { [file]: policy('Quarterly.') }, message: 'back to quarterly' },
      { date: '2026-02-03', files: { [file]: policy('Monthly.') }, message: 'monthly again' },
    ]);
    writeFileSync(join(root, file), policy('Quarterly.'));
    expect(subjects((await facts(root, [file])).policyChanges.get(file))).toEqual(['uncommitted changes', 'monthly again', 'back to quarterly', 'to monthly']);
  });

  it('a commit that changes only the file mode (the same blob before and after) is not a change', async () => {
    const file = 'policies/a.md';
    const root = gitRepo([{ date: '2026-01-05', files: { [file]: policy('Text.') }, message: 'add' }]);
    git(root, ['update-index', '--chmod=+x', file]);
    git(root, ['commit', '-qm', 'executable'], { GIT_AUTHOR_DATE: '2026-02-01T12:00:00+00:00', GIT_COMMITTER_DATE: '2026-02-01T12:00:00+00:00' });
    expect(git(root, ['log', '-1', '--format=', '--raw'])).toMatch(/^:100644 100755 (\w+) \1 M/);
    const result = await facts(root, [file]);
    expect(result.policyChanges.get(file)).toEqual([]);
  });

  it('reads a program in a subfolder of the checkout', async () => {
    const root = gitRepo([
      { date: '2026-01-05', files: { 'compliance/policies/a.md': policy('Text.'), 'README.md': '# top\n' } },
      { date: '2026-02-05', files: { 'compliance/policies/a.md': policy('Other text.') }, message: 'edit' },
    ]);
    const result = await facts(join(root, 'compliance'), ['policies/a.md']);
    expect(result.prefix).toBe('compliance/');
    expect(subjects(result.policyChanges.get('policies/a.md'))).toEqual(['edit']);
    expect([...result.tracked]).toEqual(['policies/a.md']);
  });
});

describe('repositories git cannot read', () => {
  const repo = () => gitRepo([{ date: '2026-01-05', files: { 'policies/a.md': policy('Text.') } }]);
  const unavailable = async (root: string, env?: Record<string, string>) => {
    const saved = { ...process.env };
    Object.assign(process.env, env ?? {});
    try {
      return await loadGitFacts({ root, history: true, policies: new Map([['policies/a.md', policy('Text.')]]), since: '2026-01-01' });
    } finally {
      for (const key of Object.keys(env ?? {})) if (saved[key] === undefined) delete process.env[key];
      Object.assign(process.env, saved);
    }
  };

  it('a folder outside any repository', async () => {
    expect(await unavailable(makeRepo({ 'policies/a.md': policy('Text.') }))).toEqual({ available: false, reason: 'the folder is not in a git repository' });
  });

  it('a zero-length index', async () => {
    const root = repo();
    truncateSync(join(root, '.git/index'), 0);
    expect(await unavailable(root)).toMatchObject({ available: false, reason: expect.stringMatching(/^git could not read this repository: .*index/) });
  });

  it('missing objects: an earlier version of a policy', async () => {
    const root = gitRepo([
      { date: '2026-01-05', files: { 'policies/a.md': policy('Text.') } },
      { date: '2026-02-05', files: { 'policies/a.md': policy('Other text.') } },
    ]);
    const blob = git(root, ['rev-parse', 'HEAD~1:policies/a.md']).trim();
    rmSync(join(root, '.git/objects', blob.slice(0, 2), blob.slice(2)));
    const result = await unavailable(root);
    expect(result).toEqual({ available: false, reason: expect.stringMatching(/^git could not read this repository: object [0-9a-f]+\^:policies\/a\.md is missing/) });
  });

  it('missing objects: the whole object store', async () => {
    const root = repo();
    rmSync(join(root, '.git/objects'), { recursive: true });
    const result = await unavailable(root);
    expect(result).toMatchObject({ available: false });
    expect(result.available === false && result.reason).toMatch(/^(git could not read this repository: \S|the folder is not in a git repository$)/);
  });

  it('GIT_INDEX_FILE naming a file that is not an index', async () => {
    const root = repo();
    writeFileSync(join(root, 'not-an-index'), 'hello\n');
    expect(await unavailable(root, { GIT_INDEX_FILE: join(root, 'not-an-index') })).toMatchObject({ available: false, reason: expect.stringMatching(/^git could not read this repository: /) });
  });

  it('git not on PATH', async () => {
    expect(await unavailable(repo(), { PATH: '/nonexistent' })).toEqual({ available: false, reason: 'git is not installed, or not on PATH' });
  });
});

describe('questions started before the files are read', () => {
  const request = (root: string) => ({ root, history: true, policies: new Map([['policies/a.md', readText(root, 'policies/a.md')]]), since: '2026-01-01' });

  it('give the same facts as questions asked at the end', async () => {
    const root = gitRepo([
      { date: '2026-01-05', files: { 'policies/a.md': policy('Text.'), 'evidence/e.md': 'e\n' }, message: 'add' },
      { date: '2026-02-05', files: { 'policies/a.md': policy('Other text.') }, message: 'edit' },
    ]);
    const started = startGit(root);
    const early = await loadGitFacts({ ...request(root), evidence: ['evidence/e.md'] }, started);
    const late = await loadGitFacts({ ...request(root), evidence: ['evidence/e.md'] });
    expect(early).toEqual(late);
    expect(early.available && subjects(early.policyChanges.get('policies/a.md'))).toEqual(['edit']);
  });

  it.each([
    ['', undefined],
    ['kept for a cache, ', { kept: undefined }],
  ])('%sin a folder outside any repository, fail as the same reason, never as an unhandled rejection', async (_, options) => {
    const unhandled: unknown[] = [];
    const listen = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listen);
    try {
      const root = makeRepo({ 'policies/a.md': policy('Text.') });
      // Started and never asked for, as when loading throws before it gets to git: the failures stay in the answers.
      const abandoned = startGit(root, options);
      await abandoned.asked;
      expect(await abandoned.where).toMatchObject({ ok: false });
      expect(await abandoned.files).toMatchObject({ ok: false });
      expect(await loadGitFacts(request(root), startGit(root, options))).toEqual({ available: false, reason: 'the folder is not in a git repository' });
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listen);
    }
  });

  it('give the same facts when kept for a cache, reused while the index and HEAD are the same, and asked again after a git add', async () => {
    const root = gitRepo([
      { date: '2026-01-05', files: { 'policies/a.md': policy('Text.'), 'evidence/e.md': 'e\n' }, message: 'add' },
      { date: '2026-02-05', files: { 'policies/a.md': policy('Other text.') }, message: 'edit' },
    ]);
    const plain = await loadGitFacts(request(root));
    const first = await loadGitFacts(request(root), startGit(root, { kept: undefined }));
    if (!first.available || !first.kept) throw new Error('nothing kept');
    expect({ ...first, kept: undefined }).toEqual({ ...plain, kept: undefined });
    expect(first.kept.history).toBeDefined();
    // Nothing changed: the same kept facts come back, as they were.
    const again = await loadGitFacts(request(root), startGit(root, { kept: first.kept }));
    expect(again.available && again.kept).toBe(first.kept);
    expect(again).toEqual(first);
    // A new file staged: a new index, so what is tracked is asked again.
    writeFileSync(join(root, 'evidence', 'f.md'), 'f\n');
    git(root, ['add', 'evidence/f.md']);
    const added = await loadGitFacts(request(root), startGit(root, { kept: first.kept }));
    expect(added.available && [...added.tracked].sort()).toEqual(['evidence/e.md', 'evidence/f.md', 'policies/a.md']);
    expect({ ...added, kept: undefined }).toEqual({ ...(await loadGitFacts(request(root))), kept: undefined });
  });

  it('are not used for another root', async () => {
    const outside = makeRepo({ 'policies/a.md': policy('Text.') });
    const root = gitRepo([{ date: '2026-01-05', files: { 'policies/a.md': policy('Text.') } }]);
    const result = await loadGitFacts(request(root), startGit(outside));
    expect(result.available && [...result.tracked]).toEqual(['policies/a.md']);
  });
});

describe('when evidence was first committed', () => {
  const added = async (root: string, evidence: string[]) => {
    const result = await loadGitFacts({ root, history: false, policies: new Map(), evidence });
    if (!result.available) throw new Error(`git facts unavailable: ${result.reason}`);
    return result.evidenceAdded;
  };

  it('gives the first commit that added each file, in the committer\'s calendar, for odd names and a program in a subfolder', async () => {
    const root = gitRepo([
      { date: '2026-01-05T23:30:00-05:00', files: { 'compliance/evidence/a b.md': 'a\n', 'compliance/evidence/Prüfung.md': 'p\n' } },
      { date: '2026-02-01', files: { 'compliance/evidence/a b.md': 'edited\n', 'compliance/evidence/q2/c.md': 'c\n' } },
      { date: '2026-03-01', remove: ['compliance/evidence/q2/c.md'], files: {} },
      { date: '2026-04-01', files: { 'compliance/evidence/q2/c.md': 'c again\n', 'other/x.md': 'x\n' } },
    ]);
    const facts = await added(join(root, 'compliance'), ['evidence/a b.md', 'evidence/Prüfung.md', 'evidence/q2/c.md', 'evidence/never.md']);
    expect(Object.fromEntries(facts ?? [])).toEqual({ 'evidence/a b.md': '2026-01-05', 'evidence/Prüfung.md': '2026-01-05', 'evidence/q2/c.md': '2026-02-01' });
  });

  it('is not read when no evidence is asked for, nor in a repository without commits', async () => {
    const root = gitRepo([{ date: '2026-01-05', files: { 'evidence/a.md': 'a\n' } }]);
    expect(await added(root, [])).toBeUndefined();
    const empty = makeRepo({ 'evidence/a.md': 'a\n' });
    git(empty, ['init', '-q']);
    expect(await added(empty, ['evidence/a.md'])).toBeUndefined();
  });
});
