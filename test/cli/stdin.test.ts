// `--stdin --stdin-filename PATH`, as editor integrations call it: the file's content comes on standard input, the rest
// of the program from disk, and only findings in that file are reported. Nothing is written anywhere.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli as run } from '../helpers/cli.js';
import { CLEAN } from '../helpers/programs.js';
import { makeRepo, type RepoFiles } from '../helpers/repo.js';

/** A monthly control with evidence from `date`; as of 2026-07-01 (CLEAN's as_of) June has no proof unless `date` is in June. */
const control = (id: string, date: string) =>
  `id: ${id}\ntitle: Patching\nowner: a@x.io\nfrequency: monthly\ncriteria: [CC7.1]\nevidence:\n  - url: https://tickets.example/${id}\n    date: ${date}\n`;

const STALE = control('OPS-01', '2026-05-20');
const CURRENT = control('OPS-01', '2026-06-20');

/** CLEAN with two stale controls, each in its own file. */
const PROGRAM: RepoFiles = { ...CLEAN, 'controls/ops.yaml': STALE, 'controls/backup.yaml': control('BK-01', '2026-05-01') };

interface JsonFile {
  filePath: string;
  messages: { ruleId: string; line: number; message: string }[];
}
const parse = (stdout: string) => JSON.parse(stdout) as JsonFile[];

describe('soc2lint --stdin --stdin-filename PATH', () => {
  it("lints standard input as the file's content, and reports that file's findings only", async () => {
    const repo = makeRepo(PROGRAM);
    const result = await run(['--stdin', '--stdin-filename', 'controls/ops.yaml', '--format', 'json'], repo, {}, { stdin: STALE });
    expect(result.code, result.stderr).toBe(1);
    const files = parse(result.stdout);
    expect(files.map((file) => file.filePath)).toEqual(['controls/ops.yaml']); // backup.yaml is stale too, but not asked about
    expect(files[0]!.messages).toMatchObject([{ ruleId: 'stale-evidence', line: 8, message: expect.stringContaining('Control OPS-01 is filed monthly') }]);
  });

  it('takes the content from standard input, not from the disk', async () => {
    const repo = makeRepo(PROGRAM);
    expect((await run(['controls/ops.yaml'], repo)).code).toBe(1);
    // The editor's buffer has the new evidence; the file on disk does not yet.
    expect(await run(['--stdin', '--stdin-filename', 'controls/ops.yaml'], repo, {}, { stdin: CURRENT })).toMatchObject({ code: 0, stdout: '' });
    // And the other way round: the saved file is fine, the unsaved edit breaks it.
    const saved = makeRepo({ ...PROGRAM, 'controls/ops.yaml': CURRENT });
    const edited = await run(['--stdin', '--stdin-filename', 'controls/ops.yaml'], saved, {}, { stdin: STALE });
    expect(edited.code).toBe(1);
    expect(edited.stdout).toMatch(/^controls\/ops\.yaml\n {2}8:11 {2}error {2}Control OPS-01 is filed monthly.*stale-evidence$/m);
  });

  it('lints a new file that is not on disk yet, when the program would read a file at that path', async () => {
    const repo = makeRepo(PROGRAM);
    const result = await run(['--stdin', '--stdin-filename', 'controls/new/patching.yaml', '-f', 'json'], repo, {}, { stdin: control('NEW-01', '2026-01-05') });
    expect(result.code, result.stderr).toBe(1);
    expect(parse(result.stdout)).toMatchObject([{ filePath: 'controls/new/patching.yaml', messages: [{ ruleId: 'stale-evidence' }] }]);
    expect(existsSync(join(repo, 'controls/new'))).toBe(false);
  });

  it('reports nothing for a file the program does not read (not one of its kinds, or ignored)', async () => {
    const repo = makeRepo(PROGRAM);
    for (const file of ['notes/ops.yaml', 'policies/README.md']) {
      expect(await run(['--stdin', '--stdin-filename', file], repo, {}, { stdin: STALE })).toMatchObject({ code: 0, stdout: '' });
    }
  });

  it('checks the input as it checks files: binary content is a parse error in that file', async () => {
    const repo = makeRepo(PROGRAM);
    const result = await run(['--stdin', '--stdin-filename', 'controls/ops.yaml', '-f', 'json'], repo, {}, { stdin: new Uint8Array([0x69, 0x64, 0x00, 0x01]) });
    expect(result.code).toBe(1);
    expect(parse(result.stdout)).toMatchObject([{ filePath: 'controls/ops.yaml', messages: [{ ruleId: 'parse-error' }] }]);
  });

  it('takes PATH relative to the working folder, and shows it so', async () => {
    const repo = makeRepo(PROGRAM);
    const result = await run(['--stdin', '--stdin-filename', 'ops.yaml'], join(repo, 'controls'), {}, { stdin: STALE });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^ops\.yaml\n/m);
  });

  it('writes nothing, into the program or anywhere in it', async () => {
    const repo = makeRepo(PROGRAM);
    const before = execFileSync('find', [repo, '-newer', join(repo, 'soc2lint.config.yaml')], { encoding: 'utf8' });
    await run(['--stdin', '--stdin-filename', 'controls/ops.yaml'], repo, {}, { stdin: CURRENT });
    await run(['--stdin', '--stdin-filename', 'controls/other.yaml'], repo, {}, { stdin: STALE });
    expect(execFileSync('find', [repo, '-newer', join(repo, 'soc2lint.config.yaml')], { encoding: 'utf8' })).toBe(before);
    expect(readFileSync(join(repo, 'controls/ops.yaml'), 'utf8')).toBe(STALE);
  });

  it.each<[string, string[], RegExp]>([
    ['--stdin without --stdin-filename', ['--stdin'], /--stdin needs --stdin-filename PATH/],
    ['--stdin-filename without --stdin', ['--stdin-filename', 'controls/ops.yaml'], /--stdin-filename names the file that standard input stands for; use it with --stdin/],
    ['--stdin with file arguments', ['--stdin', '--stdin-filename', 'controls/ops.yaml', 'controls/backup.yaml'], /give no file arguments and no --staged with it/],
    ['--stdin with --staged', ['--stdin', '--stdin-filename', 'controls/ops.yaml', '--staged'], /give no file arguments and no --staged with it/],
    ['a PATH that is a folder', ['--stdin', '--stdin-filename', 'controls'], /--stdin-filename names the file the input stands for; controls is a folder/],
  ])('exits 2 for %s', async (_name, args, message) => {
    const result = await run(args, makeRepo(PROGRAM), {}, { stdin: STALE });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('exits 2 for a PATH outside any program', async () => {
    const elsewhere = makeRepo({ 'notes.md': '# Notes\n' });
    const result = await run(['--stdin', '--stdin-filename', join(elsewhere, 'controls/ops.yaml')], makeRepo(PROGRAM), {}, { stdin: STALE });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--stdin-filename .*controls\/ops\.yaml is not inside a compliance program/);
  });

  it('exits 2 when standard input cannot be read', async () => {
    const result = await run(['--stdin', '--stdin-filename', 'controls/ops.yaml'], makeRepo(PROGRAM));
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(/^soc2lint: --stdin: standard input cannot be read here\./);
  });
});

describe('--stdin through the built bin', () => {
  const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
  it.skipIf(!existsSync(join(projectRoot, 'dist', 'bundle', 'main.js')))('reads the process standard input', () => {
    const repo = makeRepo(PROGRAM);
    const lint = (input: string) =>
      spawnSync(process.execPath, [join(projectRoot, 'bin', 'soc2lint.js'), '--stdin', '--stdin-filename', 'controls/ops.yaml', '-f', 'json'], { cwd: repo, input, encoding: 'utf8' });
    const stale = lint(STALE);
    expect(stale.status, stale.stderr).toBe(1);
    expect(parse(stale.stdout)).toMatchObject([{ filePath: 'controls/ops.yaml', messages: [{ ruleId: 'stale-evidence' }] }]);
    expect(lint(CURRENT).status).toBe(0);
  });
});
