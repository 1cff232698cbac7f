// Mutations of a real program for the fuzz harness: each takes a copy of an example on disk and breaks one thing the
// way a careless user or an attacker would. Seeded, so a failing case can be replayed from its seed.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { mulberry32 } from '../../src/core/random.js';

/** The seeded generator every mutation draws from (the audit's samples use the same one). */
export const random = mulberry32;

export interface Mutation {
  name: string;
  /** Breaks the program at `root`; returns what it did, for the failure message. */
  apply(root: string, pick: Picker): string;
}

export interface Picker {
  int(max: number): number;
  one<T>(items: readonly T[]): T;
}

function files(root: string, filter = (_file: string) => true): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stats = statSync(path, { throwIfNoEntry: false });
      if (!stats) continue;
      if (stats.isDirectory()) walk(path);
      else if (stats.isFile()) found.push(relative(root, path));
    }
  };
  walk(root);
  return found.filter(filter).sort();
}

const program = (file: string) => /\.(ya?ml|md|csv|json)$/.test(file);

const SNIPPETS = [
  '!!binary aGVsbG8=',
  '!!set {a, b}',
  '!!merge <<',
  '&a [*a]',
  '*nowhere',
  '.inf',
  '-.nan',
  '[unclosed',
  '{ a: [ { b: ',
  '"unterminated',
  '\t- tab',
  '? [complex, key]\n: value',
  '~',
  "''",
  '0x1F',
  '2026-02-30',
  '99999-01-01',
  '- a\n- b',
  '{}',
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
  'soc2lint-disable-next-line',
  '<!-- soc2lint-disable',
  '](',
  '{{ .Name }}',
];

export const MUTATIONS: readonly Mutation[] = [
  {
    name: 'flip bytes',
    apply(root, pick) {
      const file = pick.one(files(root, program));
      const bytes = readFileSync(join(root, file));
      const count = 1 + pick.int(8);
      for (let i = 0; i < count && bytes.length > 0; i++) bytes[pick.int(bytes.length)] = pick.int(256);
      writeFileSync(join(root, file), bytes);
      return `flipped ${count} bytes of ${file}`;
    },
  },
  {
    name: 'truncate',
    apply(root, pick) {
      const file = pick.one(files(root, program));
      const size = statSync(join(root, file)).size;
      const at = pick.int(size + 1);
      truncateSync(join(root, file), at);
      return `truncated ${file} to ${at} bytes`;
    },
  },
  {
    name: 'swap a value for a snippet',
    apply(root, pick) {
      const file = pick.one(files(root, (f) => /\.(ya?ml|md)$/.test(f)));
      const lines = readFileSync(join(root, file), 'utf8').split('\n');
      const candidates = lines.map((line, i) => (/:\s*\S/.test(line) ? i : -1)).filter((i) => i >= 0);
      if (candidates.length === 0) return `nothing to swap in ${file}`;
      const index = pick.one(candidates);
      const snippet = pick.one(SNIPPETS);
      lines[index] = lines[index]!.replace(/:\s*.*$/, `: ${snippet}`);
      writeFileSync(join(root, file), lines.join('\n'));
      return `${file}:${index + 1} value replaced by ${JSON.stringify(snippet)}`;
    },
  },
  {
    name: 'insert a line',
    apply(root, pick) {
      const file = pick.one(files(root, program));
      const lines = readFileSync(join(root, file), 'utf8').split('\n');
      const at = pick.int(lines.length + 1);
      const snippet = pick.one(SNIPPETS);
      lines.splice(at, 0, `${' '.repeat(pick.int(6))}${pick.one(['', 'key: ', '- ', 'id: '])}${snippet}`);
      writeFileSync(join(root, file), lines.join('\n'));
      return `${file}: inserted ${JSON.stringify(snippet)} before line ${at + 1}`;
    },
  },
  {
    name: 're-encode',
    apply(root, pick) {
      const file = pick.one(files(root, program));
      const text = readFileSync(join(root, file), 'utf8');
      const encoding = pick.one(['utf16le', 'latin1-bytes', 'bom', 'crlf', 'nul'] as const);
      const bytes =
        encoding === 'utf16le'
          ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
          : encoding === 'latin1-bytes'
            ? Buffer.from(text.replace(/e/, 'é'), 'latin1')
            : encoding === 'bom'
              ? Buffer.from(`\uFEFF${text}`)
              : encoding === 'crlf'
                ? Buffer.from(text.replace(/\n/g, '\r\n'))
                : Buffer.from(text.replace(/\n/, '\n\u0000'));
      writeFileSync(join(root, file), bytes);
      return `${file} re-encoded: ${encoding}`;
    },
  },
  {
    name: 'rename oddly',
    apply(root, pick) {
      const file = pick.one(files(root, program));
      const odd = pick.one(['with space', 'quote"d', 'back\\slash', 'tab\there', 'ünïcödé', '-dash-start', '#hash']);
      const target = file.replace(/([^/]+)$/, (name) => `${odd}-${name}`);
      renameSync(join(root, file), join(root, target));
      return `renamed ${file} to ${target}`;
    },
  },
  {
    name: 'special or missing file',
    apply(root, pick) {
      const file = pick.one(files(root, program));
      const kind = pick.one(['fifo', 'delete', 'empty', 'folder'] as const);
      rmSync(join(root, file));
      if (kind === 'fifo') execFileSync('mkfifo', [join(root, file)]);
      else if (kind === 'empty') writeFileSync(join(root, file), '');
      else if (kind === 'folder') mkdirSync(join(root, file));
      return `${file} replaced: ${kind}`;
    },
  },
];

/** A fresh copy of an example program to break. */
export function copyOf(example: string): string {
  const root = mkdtempSync(join(tmpdir(), 'soc2lint-fuzz-'));
  cpSync(example, root, { recursive: true });
  return root;
}
