// What a run of the built CLI loads: `--version` nothing but the bin; `--help` and a usage error the argument parser
// and no more (no yaml, config, schemas, ajv or rules); a lint the formatter it prints with and the command it runs,
// no other. A module preloaded with `node --import` records every file the process loads as code; the build's metafile
// (dist/bundle-meta.json) says which sources each bundle chunk holds. Each case also checks something that must have
// loaded, so a tracer that saw nothing cannot pass.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, programRepo, projectRoot } from '../integration/program.js';

/** Loaded first: writes the path of every file loaded as code to $SOC2LINT_TRACE (ES modules as they load, CommonJS from require's cache at exit). */
const TRACER = `
import { appendFileSync, writeFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
const trace = process.env.SOC2LINT_TRACE;
writeFileSync(trace, '');
const hooks = \`
import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
let trace;
export function initialize(data) { trace = data.trace; }
export async function load(url, context, nextLoad) {
  if (url.startsWith('file:')) appendFileSync(trace, fileURLToPath(url) + '\\\\n');
  return nextLoad(url, context);
}\`;
register('data:text/javascript,' + encodeURIComponent(hooks), import.meta.url, { data: { trace } });
const cache = createRequire(import.meta.url).cache;
process.on('exit', () => appendFileSync(trace, Object.keys(cache).map((file) => file + '\\n').join('')));
`;

const metafile = join(projectRoot, 'dist', 'bundle-meta.json');

describe.skipIf(!existsSync(metafile))('what a run loads (the built CLI)', () => {
  let out: string;
  let tracer: string;
  let chunks: Record<string, { inputs: Record<string, unknown> }>;
  let program: string;

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'soc2lint-loads-'));
    tracer = join(out, 'trace-loads.mjs');
    writeFileSync(tracer, TRACER);
    chunks = (JSON.parse(readFileSync(metafile, 'utf8')) as { outputs: typeof chunks }).outputs;
    ({ program } = programRepo());
  });

  /** Run the bin with the tracer; the sources it loaded, project-relative: a chunk by the sources it holds, any other file by its path. */
  function loads(args: string[]): { status: number | null; stderr: string; sources: string[] } {
    const trace = join(out, 'trace.txt');
    const result = spawnSync(process.execPath, ['--import', tracer, bin, ...args], { cwd: program, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SOC2LINT_TRACE: trace } });
    const files = readFileSync(trace, 'utf8').split('\n').filter(Boolean).map((file) => relative(projectRoot, file).split('\\').join('/'));
    const sources = files.flatMap((file) => (chunks[file] ? Object.keys(chunks[file].inputs) : [file]));
    return { status: result.status, stderr: result.stderr, sources: [...new Set(sources)].sort() };
  }

  /** What --help and a usage error may load: the bin, main and the argument parser with its few imports. */
  const ARGUMENT_PARSER = /^(bin\/soc2lint\.js|dist\/bundle\/main\.js|src\/cli\/(main|args|version|io)\.ts|src\/core\/(dates|suggest|package-root)\.ts|src\/formatters\/index\.ts|node_modules\/fastest-levenshtein\/.*)$/;

  it('--version loads the bin alone', () => {
    const run = loads(['--version']);
    expect(run.status).toBe(0);
    expect(run.sources).toEqual(['bin/soc2lint.js']);
  });

  it.each([
    ['--help', ['--help'], 0],
    ['a usage error', ['--bogus'], 2],
    ['a mistyped command', ['rulez'], 2],
  ])('%s loads the argument parser and nothing else: no yaml, config, schemas, ajv, rules or commands', (_name, args, status) => {
    const run = loads(args);
    expect(run.status, run.stderr).toBe(status);
    expect(run.sources).toContain('src/cli/args.ts');
    expect(run.sources.filter((source) => !ARGUMENT_PARSER.test(source))).toEqual([]);
  });

  it('a lint with --format json loads the json formatter, not the others, and no command it does not run', () => {
    const run = loads(['.', '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    // What it must load: proof the tracer sees bundle chunks, bundled packages and CommonJS files alike.
    for (const source of ['src/cli/commands/lint.ts', 'src/formatters/json.ts', 'src/config/file.ts', 'dist/validators.cjs']) expect(run.sources).toContain(source);
    expect(run.sources.some((source) => source.startsWith('node_modules/yaml/'))).toBe(true);
    const unwanted = run.sources.filter(
      (source) =>
        /^src\/formatters\/(?!(index|json|fingerprint|types)\.ts$)/.test(source) ||
        /^src\/cli\/commands\/(?!lint\.ts$)/.test(source) ||
        /^src\/cache\//.test(source) ||
        // ajv's compiler: only the precompiled validators and ajv's small runtime helpers run.
        /^node_modules\/ajv\/(?!dist\/runtime\/)/.test(source) ||
        // gray-matter's JavaScript and js-yaml engines (markdown-it is loaded, on first use, for policies with links).
        /^node_modules\/(esprima|js-yaml)\//.test(source) ||
        // glob: the default paths are listed by one directory walk (src/files/walk.ts).
        /^node_modules\/(glob|path-scurry)\//.test(source),
    );
    expect(unwanted).toEqual([]);
  });

  it('a lint with the default format loads stylish and not json', () => {
    const run = loads(['.']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.sources).toContain('src/formatters/stylish.ts');
    expect(run.sources).not.toContain('src/formatters/json.ts');
  });

  it('--cache loads the cache, which a run without it does not', () => {
    const run = loads(['.', '--format', 'json', '--cache', '--cache-location', join(out, 'lint.cache')]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.sources).toContain('src/cache/file-cache.ts');
  });
});
