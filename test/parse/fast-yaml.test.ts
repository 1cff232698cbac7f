// The fast path (src/parse/fast-yaml.ts) must give exactly what the full parser gives, or nothing: the same value (key
// order, numbers, nulls), the same lines, the same range and `has` for every path from every node, the same written
// text of every scalar. Held to that on every YAML text of the examples, on awkward documents, and on generated and
// mutated ones, where giving up is always allowed and a different answer never is.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect, isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastYaml } from '../../src/parse/fast-yaml.js';
import { yamlSource } from '../../src/parse/source.js';
import { parseYaml } from '../../src/parse/yaml.js';
import { nodePaths, pathsOf, referenceDocument } from '../helpers/document-source.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

/** Runs of the two properties below (more with FAST_YAML_RUNS and FAST_YAML_EDITS, fewer for mutation testing). */
const runs = Number(process.env.FAST_YAML_RUNS ?? 5000);
const edits = Number(process.env.FAST_YAML_EDITS ?? 200);

/** Whether the fast path read `text`; throws (with the text) when it read it differently from the full parser. */
function agrees(text: string): boolean {
  if (!fastYaml(text)) return false;
  const fast = parseYaml(text, 'f.yaml');
  const full = parseYaml(text, 'f.yaml', { fast: false });
  const where = JSON.stringify(text);
  if (!full.ok) throw new Error(`the fast path read a text the full parser refuses (${full.problems[0]!.message}): ${where}`);
  if (!fast.ok) throw new Error(`unreachable: ${where}`);
  const [a, b] = [fast.yaml, full.yaml];
  if (!isDeepStrictEqual(a.value, b.value) || inspect(a.value, { depth: null }) !== inspect(b.value, { depth: null })) {
    throw new Error(`values differ: ${where}\nfast: ${inspect(a.value, { depth: null })}\nfull: ${inspect(b.value, { depth: null })}`);
  }
  expect(a.index.lineStarts, where).toEqual(b.index.lineStarts);
  const { root } = referenceDocument(text);
  for (const [node, nodePath] of nodePaths(root)) {
    const [fa, fb] = [a.node(nodePath), b.node(nodePath)];
    expect(a.sourceText(fa), `${where} source ${JSON.stringify(nodePath)}`).toBe(b.sourceText(fb));
    expect(a.index.kind(fa), where).toBe(b.index.kind(fb));
    for (const recordId of [undefined, 'R']) {
      const [sa, sb] = [yamlSource(a, fa, recordId), yamlSource(b, fb, recordId)];
      expect(sa.at(), where).toEqual(sb.at());
      for (const path of pathsOf(node)) {
        const at = `${where} ${JSON.stringify(nodePath)} ${JSON.stringify(path)}`;
        expect(sa.at(path), at).toEqual(sb.at(path));
        expect(sa.at(path, 'key'), at).toEqual(sb.at(path, 'key'));
        expect(sa.has(path), at).toBe(sb.has(path));
      }
    }
  }
  return true;
}

function exampleTexts(): [string, string][] {
  const texts: [string, string][] = [];
  for (const example of readdirSync(examples)) {
    for (const entry of readdirSync(join(examples, example), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
      if (/\.ya?ml$/.test(entry.name)) texts.push([`${example}/${entry.name}`, text]);
      const matter = /^---\n([\s\S]*?\n)---\n/.exec(text);
      if (entry.name.endsWith('.md') && matter) texts.push([`${example}/${entry.name} (front matter)`, `\n${matter[1]}`]);
    }
  }
  return texts;
}

describe('the fast YAML path', () => {
  it('reads most of the examples, and reads them as the full parser does', () => {
    const texts = exampleTexts();
    // Each also with CRLF line ends, as a Windows checkout writes them.
    const read = texts.filter(([name, text]) => {
      try {
        return agrees(text) && agrees(text.replace(/\n/g, '\r\n'));
      } catch (error) {
        throw new Error(`${name}: ${(error as Error).message}`);
      }
    });
    expect(texts.length).toBeGreaterThan(50);
    // A fast path that gave up on everything would agree with everything: it must read the common shape, which every
    // example is written in (an example in another shape belongs in the cases below instead).
    expect(texts.filter((text) => !read.includes(text)).map(([name]) => name)).toEqual([]);
  });

  it.each([
    ['keys, lists, nesting', 'id: CTL-1\ntitle: Access review\ncriteria:\n  - CC6.1\n  - CC6.2\nevidence:\n  - path: evidence/a.md\n    date: 2026-01-31\n  - path: b.md\n', true],
    ['a list at its key\'s indentation', 'controls:\n- id: A\n  owner: x@y.example\n- id: B\nafter: 1\n', true],
    ['flow lists', 'criteria: [CC1.1, "CC2.1", \'CC3.1\']\nempty: []\nmap: {}\n', true],
    ['flow mappings', 'people:\n  - { id: a@x.example, start: 2024-01-01, check: { date: 2023-12-10 }, tags: [a, "b"] }\n  - {id: b, v: "1.0",w: 2}\n', true],
    ['flow mappings soc2lint leaves to the full parser', ['a: {x}\n', 'b: { y : 1 }\n', 'c: {a:1}\n', 'd: { e: 1, }\n', 'e: { x: }\n'], false],
    ['typed scalars', 'a: 1\nb: 1.10\nc: true\nd: null\ne: ~\nf: .inf\ng: -.5e3\nh: 0o17\ni: 0x1F\nj: +3\nk: 2026-01-31\nl: 1e3\nm: NULL\nn: FALSE\np: --x\nq: -x\n', true],
    ['a dash alone, a list item where a value goes', 'o: -\n', false],
    ['empty values', 'a:\nb:   \nc:\n  -\n  - x\n  -   \nd: 1\n', true],
    ['comments between entries', '# head\n\na: 1 # one\n# between\nb:\n  # before\n  - x\n  # inside\n  - y\n# after\nc: 2\n', true],
    ['comments where yaml folds them into a range', 'a:\n  b: 1\n    # deep\nc: 2\n', false],
    ['a trailing comment', 'a:\n  b: 1\n# end\n', false],
    ['comment after an empty value', 'a:\n  b:\n# c\nd: 1\n', false],
    ['a comment before an empty list item', '-\n  -\n    - x\n# c\n    -\n  - y\n', false],
    ['a comment before a list item with a value', 'a:\n  - x\n  # c\n  - y\n  # d\n  - [z]\n', true],
    ['quotes', 'a: "it is"\nb: \'it\'\'s\'\nc: "with # hash"\nd: \'\'\ne: ""\n', true],
    ['names an object already has', 'constructor: 1\ntoString: x\nhasOwnProperty: [a]\n', true],
    ['a key that is a number', '1: a\n', false],
    ['a duplicate key', 'a: 1\na: 2\n', false],
    ['an anchor', 'a: &x 1\nb: *x\n', false],
    ['block scalars', 'a: |\n  text\n    more\n\n  end\nb: >-\n  one\n  two\n\n\n  three\nc:\n  - >\n    x\n  - |-\n    y\n\n# c\nd: > # note\n  z\n', true],
    ['block scalars soc2lint leaves to the full parser', 'a: |+\n  keep\n\nb: 1\n', false],
    ['a folded scalar with a more-indented line', 'a: >\n  x\n    y\n', false],
    ['a block scalar with no line break at the end', 'a: |\n  x', false],
    ['a multi-line plain scalar', 'a: one\n  two\n', false],
    ['a tab', 'a:\t1\n', false],
    ['CRLF', 'a: 1\r\nb: 2\r\n', true],
    ['CRLF everywhere', '# c\r\na:\r\n  - x # y\r\n  -\r\n  - { k: v }\r\nb: |\r\n  one\r\n\r\n  two\r\nc: >-\r\n  three\r\n  four\r\nd:\r\ne: \'q\'\r\n', true],
    ['a carriage return alone', 'a: 1\rb: 2\n', false],
    ['a carriage return inside a value', 'a: x\ry\n', false],
    ['a document marker', '---\na: 1\n', false],
    ['a nested mapping on one line', 'a: b: c\n', false],
    ['a bare scalar', 'just text\n', false],
    ['unicode', 'title: Zugriffsprüfung — ✓\nemoji: "🙂"\n', true],
    ['an indented root', '  a: 1\n  b:\n    - x\n', true],
    ['a root list of mappings', '- id: A\n  x: [1, 2]\n- id: B\n', true],
    ['colons in values', 'url: https://example.com/a:b\ntime: 12:30\n', true],
    ['hashes in values', 'a: x#y\nb: "#z"\n', true],
    ['a value after an indented comment', 'a: 1\n  # deep\nb: 2\n', true],
    ['__proto__', '__proto__: 1\n', false],
    ['a flow list across lines', 'a: [x,\n  y]\n', false],
    ['a flow list broken before a comma', 'a: [x\n  , y]\n', false],
    ['a flow mapping across lines', 'a: {k: v,\n  l: w}\n', false],
    ['flow keys with indicators', ['a: {k[0]: v}\n', 'b: {k]: v}\n', 'c: {k{: v}\n', 'd: {k}: v}\n', 'e: {k,: v}\n', 'f: {k\n', 'g: {k[: v}\n', 'h: {k{: v}\n'], false],
    ['a flow key with a hash', 'a: {k#x: v}\n', false],
    ['a flow key with quotes', ['a: {k"x: v}\n', "b: {k'x: v}\n", 'c: {"k": v}\n', 'd: {-k: v}\n', 'e: {&k: v}\n'], false],
    ['a flow key with no space after its colon', 'a: {k:v}\n', false],
    ['a flow key with a space before its colon', 'a: {k : v}\n', false],
    ['a flow key that runs to the end of the line', 'a: {k\n', false],
    ['flow values with indicators', ['a: [x:y]\n', 'b: [x [y]]\n', 'c: [x {y}]\n', 'd: [x #y]\n', 'e: [x\n', 'f: [&x]\n', 'g: [x', 'h: [x[: y]\n'], false],
    ['hashes and colons inside flow items', ['a: [x#y]\n', 'b: {k: x#y}\n', 'c: [http//x]\n'], true],
    ['flow items that are a dash', ['a: [-]\n', 'b: [-, x]\n', 'c: [- x]\n', 'd: {k: -}\n'], false],
    ['flow items that start like numbers', 'a: [-1, -x, +2, .5]\n', true],
    ['doubled and trailing commas', ['a: [x,, y]\n', 'b: [x, ]\n', 'c: {k: v, }\n', 'd: {k: v,, l: w}\n'], false],
    ['flow closers in the wrong place', ['a: [x}\n', 'b: {k: v]\n', 'c: [x] y\n', 'd: [x y\n'], false],
    ['a document end marker inside', 'a: 1\n...\nb: 2\n', false],
    ['a document start marker inside', 'a: 1\n---\nb: 2\n', false],
    ['markers that are not at the line start', 'a:\n  - ---\n  - ...\n', true],
    ['keys with a hash or quotes inside', 'a#b: 1\n', false],
    ['a key with a quote inside', "a'b: 1\n", false],
    ['a key with a double quote inside', 'a"b: 1\n', false],
    ['a key with a space before its colon', 'a : 1\n', false],
    ['a key at the wrong indentation', 'a: 1\n b: 2\n', false],
    ['a list item among keys', 'a: 1\n- b\n', false],
    ['a list item deeper than its list', '- a\n  - b\n', false],
    ['quoted scalars across lines', ['a: "x\n  y"\n', "b: 'x\n  y'\n"], false],
    ['an escape in a double-quoted scalar', 'a: "x\\ty"\n', false],
    ['backslashes in a single-quoted scalar', "a: 'x\\y'\n", true],
    ['an unterminated quote', 'a: "x\n', false],
    ['text after a quoted scalar', ['a: "x" y\n', 'b: "x"#c\n'], false],
    ['a comment right after a value', 'a: x #c\nb: [x] #c\nc: "x" # c\n', true],
    ['a block scalar with an indentation indicator', 'a: |2\n  x\n', false],
    ['a block scalar with text after its header', 'a: |x\n  y\n', false],
    ['a block scalar at the end of the text', 'a: |', false],
    ['a block scalar with nothing in it', 'a: |\nb: 1\n', false],
    ['a block scalar starting with a blank line', 'a: |\n\n  x\n', false],
    ['a block scalar with a line of spaces', 'a: |\n  x\n   \n  y\n', false],
    ['a block scalar with trailing blank lines', 'a: |\n  x\n\n\nb: >-\n  y\n\n', true],
    ['a block scalar in a list', '- |-\n  x\n  y\n- >\n  z\n', true],
    ['a folded scalar with blank lines between', 'a: >\n  x\n\n  y\n  z\n\n\n  w\n', true],
  ] as [string, string | string[], boolean][])('%s', (_, texts, read) => {
    // Several texts where each must give up on its own (one text would give up on its first).
    for (const text of typeof texts === 'string' ? [texts] : texts) expect(agrees(text), JSON.stringify(text)).toBe(read);
  });

  it('reads generated documents as the full parser does, and gives up on broken ones', () => {
    // Mostly what records write, now and then what the fast path must give up on (weighted so most documents are read).
    const rarely = <T>(common: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) => fc.oneof({ arbitrary: common, weight: 12 }, { arbitrary: odd, weight: 1 });
    const key = rarely(fc.constantFrom('id', 'title', 'evidence', 'date', 'a b', 'x-y', 'k.1', 'a[0]', 'é', 'path'), fc.constantFrom('constructor', 'null', '1', 'true', '? x', '"q"'));
    const plain = rarely(
      fc.constantFrom('x', 'CC6.1', '2026-01-31', '1', '1.10', '-1', 'true', 'null', '~', '', 'a b', 'a #b', 'a#b', 'http://x:y', '-x', '[a]', 'a, b', '.5', '0x1', 'NaN', '.nan', 'é✓'),
      fc.constantFrom('- x', 'a: b', '&a x', '*a', '!t x', '|', '@x', '`x', '%x', 'a:'),
    );
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '#', ':', ',', '-', '[', '"', "'", 'é'), maxLength: 6 });
    const quoted = fc.oneof(
      text.map((s) => `"${s.replace(/"/g, '')}"`),
      text.map((s) => `'${s.replace(/'/g, "''")}'`),
      fc.string({ maxLength: 4 }).map((s) => JSON.stringify(s)),
    );
    const flow: fc.Arbitrary<string> = fc.letrec<{ value: string; list: string; map: string }>((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, plain, quoted, tie('list'), tie('map')),
      list: fc.tuple(fc.array(tie('value'), { maxLength: 3 }), fc.constantFrom(', ', ',', ' , ')).map(([items, comma]) => `[${items.join(comma)}]`),
      map: fc.tuple(fc.array(fc.tuple(key, tie('value')), { maxLength: 3 }), fc.constantFrom(' ', '')).map(([pairs, pad]) => `{${pad}${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')}${pad}}`),
    })).value;
    const scalar = fc.oneof(plain, quoted, flow);
    type Tree = string | { map: [string, Tree][] } | { seq: Tree[] } | { block: string; lines: string[] };
    const block = fc.record({
      block: rarely(fc.constantFrom('|', '|-', '>', '>-', '| # c', '>-  '), fc.constantFrom('|+', '>2', '|-1', '>+')),
      lines: fc.array(rarely(fc.constantFrom('one two', 'three', '', '# not a comment', 'x: y', '- z', 'end.'), fc.constantFrom('  more', ' ')), { minLength: 1, maxLength: 5 }),
    });
    const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree; map: Tree; seq: Tree }>((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, block, tie('map'), tie('seq')),
      // Keys are mostly distinct (a duplicate is an error the full parser reports), now and then written twice.
      map: rarely(fc.uniqueArray(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4, selector: ([k]) => k }), fc.array(fc.tuple(key, tie('node')), { minLength: 2, maxLength: 3 })).map((map) => ({ map })),
      seq: fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((seq) => ({ seq })),
    })).node;
    const comment = fc.oneof({ arbitrary: fc.constant(''), weight: 8 }, fc.constantFrom('# c', '#', '  # d', '    # e', ''));
    const render = (node: Tree, indent: number, extras: string[], compact: boolean): string[] => {
      const pad = ' '.repeat(indent);
      const lines: string[] = [];
      const extra = () => extras.shift() ?? '';
      const after = (line: string) => {
        lines.push(line);
        const e = extra();
        if (e !== '') lines.push(e.startsWith('#') || e.startsWith(' ') ? e : '');
      };
      if (typeof node === 'string') return [node];
      const blockLines = (b: { lines: string[] }) => b.lines.map((line) => (line === '' ? '' : `${pad}  ${line}`));
      if ('block' in node) return [node.block, ...blockLines(node)];
      if ('map' in node) {
        for (const [k, v] of node.map) {
          if (typeof v === 'string') after(`${pad}${k}: ${v}`.replace(/ $/, ''));
          else if ('block' in v) lines.push(`${pad}${k}: ${v.block}`, ...blockLines(v));
          else {
            after(`${pad}${k}:`);
            lines.push(...render(v, 'seq' in v && compact ? indent : indent + 2, extras, compact));
          }
        }
      } else {
        for (const item of node.seq) {
          if (typeof item === 'string') after(`${pad}- ${item}`.replace(/ $/, ''));
          else if ('block' in item) lines.push(`${pad}- ${item.block}`, ...blockLines(item));
          else if ('map' in item) {
            const inner = render(item, indent + 2, extras, compact);
            lines.push(`${pad}- ${inner[0]!.trimStart()}`, ...inner.slice(1));
          } else {
            after(`${pad}-`);
            lines.push(...render(item, indent + 2, extras, compact));
          }
        }
      }
      return lines;
    };
    const mutation = fc.oneof(
      { arbitrary: fc.constant((t: string) => t), weight: 6 },
      fc.tuple(fc.nat(), fc.constantFrom(' ', '\n', '#', ':', '-', '"', "'", '[', ']', ',', '  ', '\t', 'x', '&a ', '*a', '|', '>', '? ', '{', '}')).map(([at, c]) => (t: string) => t.slice(0, at % (t.length + 1)) + c + t.slice(at % (t.length + 1))),
      fc.nat().map((at) => (t: string) => t.slice(0, at % (t.length + 1)) + t.slice((at % (t.length + 1)) + 1)),
    );
    let read = 0;
    fc.assert(
      fc.property(fc.oneof(fc.record({ map: fc.uniqueArray(fc.tuple(key, tree), { minLength: 1, maxLength: 5, selector: ([k]) => k }) }), fc.record({ seq: fc.array(tree, { minLength: 1, maxLength: 4 }) }), tree), fc.array(comment, { maxLength: 30 }), fc.boolean(), mutation, fc.boolean(), fc.boolean(), (root, extras, compact, mutate, newline, crlf) => {
        const text = mutate(render(root, 0, [...extras], compact).join(crlf ? '\r\n' : '\n') + (newline ? (crlf ? '\r\n' : '\n') : ''));
        if (agrees(text)) read++;
      }),
      { numRuns: runs },
    );
    // The generator writes mostly readable documents: the fast path must read a good part of them.
    expect(read).toBeGreaterThan(runs / 10);
  });

  it('reads the examples, edited line by line, as the full parser does', () => {
    const texts = exampleTexts().map(([, text]) => text);
    const edit = fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('indent', 'outdent', 'delete', 'duplicate', 'comment', 'blank', 'swap'));
    let read = 0;
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 3 }), (pick, changes) => {
        const lines = texts[pick % texts.length]!.split('\n');
        for (const [at, depth, kind] of changes) {
          const i = at % lines.length;
          const line = lines[i]!;
          if (kind === 'indent') lines[i] = ` ${line}`;
          else if (kind === 'outdent') lines[i] = line.replace(/^ {1,2}/, '');
          else if (kind === 'delete') lines.splice(i, 1);
          else if (kind === 'duplicate') lines.splice(i, 0, line);
          else if (kind === 'comment') lines.splice(i, 0, `${' '.repeat(depth % 7)}# note`);
          else if (kind === 'blank') lines.splice(i, 0, '');
          else if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, line];
        }
        if (agrees(lines.join(pick % 3 === 0 ? '\r\n' : '\n'))) read++;
      }),
      { numRuns: edits },
    );
    expect(read).toBeGreaterThan(edits / 10);
  });

  it('reads large and odd inputs in linear time, or gives up on them', () => {
    // A line of 100,000 quote pairs, a flow list of 50,000 items, 50,000 list lines, 50,000 comment lines, keys
    // 900 characters long with no colon, 10,000 nested brackets: none may take quadratic time (a hang fails the test).
    const inputs = [
      `a: '${"''".repeat(100_000)}'\n`,
      `a: [${'x, '.repeat(50_000)}y]\n`,
      `a:\n${'  - x\n'.repeat(50_000)}`,
      `${'# c\n'.repeat(50_000)}a: 1\n`,
      `${'k'.repeat(900)}\n`.repeat(200),
      `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
    ];
    const read = inputs.filter((text) => {
      const fast = fastYaml(text);
      if (!fast) return false;
      const full = parseYaml(text, 'big.yaml', { fast: false });
      expect(full.ok && isDeepStrictEqual(full.yaml.value, fast.value)).toBe(true);
      return true;
    });
    expect(read.length).toBe(4);
  });
});
