// `soc2lint init [DIR]`: write a small SOC 2 program (templates/init, planned by src/report/init-plan.ts) that lints
// clean today, with editor settings for soc2lint's schemas; never overwrites a file. This file is the I/O.
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { IsoDate } from '../../core/dates.js';
import { packageRoot } from '../../core/package-root.js';
import { DEFAULT_OWNER, EDITOR_SETTINGS_FILE, planInit, type InitFile, type InitOptions } from '../../report/init-plan.js';
import { isEmail } from '../../schema/formats.js';
import { UsageError } from '../args.js';
import type { CliIo } from '../io.js';

/** The files init writes, as plain files users can read; `${name}` marks a value filled in at init time. */
export const TEMPLATE_DIR = join(packageRoot, 'templates', 'init');

/** Record IDs and owners in the templates are plain YAML scalars, so the owner must be an e-mail made of ID characters. */
const ID_CHARACTERS = /^[A-Za-z0-9][A-Za-z0-9._@+-]*$/;

export interface ScaffoldResult {
  /** Root-relative paths, `/` separators, in the plan's order. */
  created: string[];
  /** Files that already existed and were left as they were. */
  skipped: string[];
  /** Files that could not be written (a folder in the way is a file, no permission). */
  failed: { file: string; reason: string }[];
}

/** Every template, root-relative with `/` separators, with its text. */
export function readTemplates(): InitFile[] {
  return readdirSync(TEMPLATE_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .map((absolute) => ({ file: relative(TEMPLATE_DIR, absolute).split('\\').join('/'), text: readFileSync(absolute, 'utf8') }));
}

/** Write the planned program into `dir` (which must exist), skipping every file that is already there. */
export function scaffold(dir: string, options: InitOptions): ScaffoldResult {
  const result: ScaffoldResult = { created: [], skipped: [], failed: [] };
  for (const { file, text } of planInit(readTemplates(), options)) {
    const target = join(dir, file);
    try {
      mkdirSync(dirname(target), { recursive: true });
    } catch (error) {
      result.failed.push({ file, reason: describeError(error, 'a file is in the way of its folder') });
      continue;
    }
    try {
      // 'wx' creates the file or fails if anything (a file, a folder, a symlink) is at the path: never a race, never an overwrite.
      writeFileSync(target, text, { flag: 'wx' });
      result.created.push(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') result.failed.push({ file, reason: describeError(error) });
      else if (existsSync(target) && statSync(target).isFile()) result.skipped.push(file);
      else result.failed.push({ file, reason: lstatSync(target).isDirectory() ? 'a folder of that name is in the way' : 'a symlink that leads nowhere is in the way' });
    }
  }
  return result;
}

export const INIT_HELP = `Usage: soc2lint init [DIR] [--owner EMAIL]

Write a small SOC 2 program into DIR (default: the current folder; created if
missing) that lints clean today with every rule on. A file that already exists
is never overwritten: it is kept, and listed as kept.

      --owner EMAIL  the program owner, who owns everything init writes
                     (default: ${DEFAULT_OWNER})
  -h, --help         show this help
`;

/** `today` is the day the program starts, decided once by main. */
export async function runInit(args: readonly string[], io: CliIo, today: IsoDate): Promise<number> {
  const parsed = parseInitArgs(args, io.cwd);
  if (parsed === 'help') {
    io.stdout.write(INIT_HELP);
    return 0;
  }
  const { dir, owner } = parsed;
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new UsageError(`init writes into a folder, but ${shown(io.cwd, dir)} is a file.`);
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new UsageError(`Cannot create the folder ${shown(io.cwd, dir)}: ${describeError(error, 'a file is in the way')}.`);
  }

  const result = scaffold(dir, { today, owner });
  const where = shown(io.cwd, dir);
  const out: string[] = [];
  if (result.created.length > 0) {
    out.push(`Created ${count(result.created.length, 'file')} in ${where}:`, ...result.created.map((file) => `  ${file}`));
  }
  if (result.skipped.length > 0) {
    if (out.length > 0) out.push('');
    out.push(
      result.created.length === 0 && result.failed.length === 0
        ? `Nothing to do: all ${count(result.skipped.length, 'file')} init writes already exist in ${where}; none was changed.`
        : `Kept ${count(result.skipped.length, 'existing file')}, not overwritten:`,
      ...(result.created.length > 0 || result.failed.length > 0 ? result.skipped.map((file) => `  ${file}`) : []),
    );
  }
  if (result.created.length > 0) out.push('', ...nextSteps(io.cwd, dir, owner, result.skipped.length > 0, result.created.includes(EDITOR_SETTINGS_FILE)));
  if (out.length > 0) io.stdout.write(`${out.join('\n')}\n`);
  for (const { file, reason } of result.failed) io.stderr.write(`soc2lint: could not write ${shown(io.cwd, join(dir, file))}: ${reason}.\n`);
  return result.failed.length > 0 ? 2 : 0;
}

function parseInitArgs(args: readonly string[], cwd: string): { dir: string; owner: string } | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { owner: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    throw new UsageError(`init: ${(error as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, '')}`);
  }
  const { positionals, values } = parsed;
  if (values.help) return 'help';
  if (positionals.length > 1) throw new UsageError('init takes one folder, e.g. soc2lint init compliance.');
  const owner = values.owner ?? DEFAULT_OWNER;
  if (!isEmail(owner) || !ID_CHARACTERS.test(owner)) {
    throw new UsageError(`--owner takes the program owner's e-mail address (letters, digits and . _ - + @), e.g. --owner jane@acme.example; got "${owner}".`);
  }
  return { dir: resolve(cwd, positionals[0] ?? '.'), owner };
}

function nextSteps(cwd: string, dir: string, owner: string, keptSome: boolean, editorSettings: boolean): string[] {
  const target = shown(cwd, dir);
  const arg = target === '.' ? '' : ` ${quoteArg(target)}`;
  const commit = insideGitRepo(dir)
    ? `git add${arg || ' .'} && git commit -m "Start the SOC 2 program"`
    : `${arg ? `cd${arg} && ` : ''}git init && git add . && git commit -m "Start the SOC 2 program"`;
  return [
    'Next steps:',
    `  1. Make it yours: read README.md, then put your company's systems, vendors, people and policy text in place${owner === DEFAULT_OWNER ? `,\n     and replace ${DEFAULT_OWNER} with the program owner's address (or rerun init with --owner EMAIL in an empty folder)` : ''}.`,
    `  2. Lint it: npx soc2lint${arg}${keptSome ? '\n     (the files kept above were not written by init: this shows whether they fit the new ones)' : ''}`,
    `  3. Commit it: ${commit}`,
    '     (until then, untracked-evidence warns about each evidence file that is not in git)',
    `  4. See the coverage of the criteria: npx soc2lint criteria${arg}`,
    ...(editorSettings
      ? [`  5. Check YAML as you type: ${EDITOR_SETTINGS_FILE} points VS Code's YAML extension at node_modules/soc2lint/schemas;`, '     npm install --save-dev soc2lint puts them there']
      : []),
  ];
}

/** Whether git would see the folder as part of a repository: a `.git` here or in a parent. No git process needed. */
function insideGitRepo(dir: string): boolean {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return true;
    if (dirname(at) === at) return false;
  }
}

/** A path as the user would type it from where they are: relative below the working folder, else absolute. */
function shown(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

function quoteArg(text: string): string {
  return /^[\w./@+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Why a write failed, in words; `inTheWay` for the codes that mean something else occupies the path. */
function describeError(error: unknown, inTheWay = 'something is in the way'): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EEXIST' || code === 'ENOTDIR') return inTheWay;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
