// Splitting a markdown policy into YAML front matter and body with gray-matter, parsed by `yaml` so that
// line numbers stay the file's own. gray-matter's default engine (js-yaml) is never used: it turns dates
// into Date objects, has no positions, and its `---js` language runs code.
import matter from 'gray-matter';
import type { LoadProblem } from '../core/types.js';
import { parseYaml, type ParsedYaml } from './yaml.js';

export type FrontMatterResult =
  | { ok: true; yaml: ParsedYaml | undefined; body: string; bodyLine: number }
  | { ok: false; problems: LoadProblem[] };

export interface FrontMatterOptions {
  /**
   * Accept a YAML header with no opening `---`, ending at the first `---` line, as strongdm/comply's documents are
   * written (`name: Access Policy` on line 1).
   */
  headerless?: boolean;
}

export function parseFrontMatter(text: string, file: string, options: FrontMatterOptions = {}): FrontMatterResult {
  const opened = /^---[^\S\r\n]*\r?\n/.test(text) || /^---yaml[^\S\r\n]*\r?\n/.test(text);
  if (!opened && !options.headerless) {
    const hint = text.trim() === '' ? 'The file is empty' : 'The file does not start with YAML front matter';
    return fail(file, 1, `${hint}; a policy starts with a \`---\` line, its fields (id, title, status, ...), and another \`---\` line.`);
  }
  if (opened && !/\r?\n---[^\S\r\n]*(\r?\n|$)/.test(text.slice(3))) {
    return fail(file, 1, 'Front matter is not closed: add a `---` line after the last field.');
  }
  if (!opened && !/(^|\n)---[^\S\r\n]*(\r?\n|$)/.test(text)) {
    const hint = text.trim() === '' ? 'The file is empty' : 'The header is not closed';
    return fail(file, 1, `${hint}: a document starts with its YAML header (name, acronym, satisfies, ...) and a \`---\` line after it.`);
  }
  // A headerless document is read as if it opened with `---`: the matter then starts on the file's own line 1.
  const input = opened ? text : `---\n${text}`;

  let yaml: ParsedYaml | undefined;
  let problems: LoadProblem[] = [];
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(input, {
      language: 'yaml',
      engines: {
        // The matter text starts right after the opening `---` on line 1, so its own line numbers are the file's.
        yaml: (source: string) => {
          // With CRLF endings the block ends with the \r of the line before the closing `---`; a lone \r confuses YAML.
          // A headerless document's matter has no line of its own for the `---` we added: drop the newline after it.
          const result = parseYaml((opened ? source : source.replace(/^\r?\n/, '')).replace(/\r$/, ''), file);
          if (result.ok) yaml = result.yaml;
          else problems = result.problems;
          return {};
        },
        javascript: refuse,
        coffee: refuse,
        json: refuse,
      } as unknown as Record<string, (input: string) => object>,
    });
  } catch (error) {
    return fail(file, 1, (error as Error).message);
  }
  if (problems.length > 0) return { ok: false, problems };

  const body = parsed.content;
  const bodyLine = countLines(text.slice(0, text.length - body.length));
  return { ok: true, yaml, body, bodyLine };
}

function refuse(): never {
  throw new Error('Front matter must be YAML; soc2lint does not run other front matter languages.');
}

function countLines(prefix: string): number {
  let lines = 1;
  for (let i = prefix.indexOf('\n'); i !== -1; i = prefix.indexOf('\n', i + 1)) lines++;
  return lines;
}

function fail(file: string, line: number, message: string): FrontMatterResult {
  return { ok: false, problems: [{ kind: 'parse', message, range: { file, line, column: 1, endLine: line, endColumn: 1 } }] };
}

/**
 * The body of a markdown file: everything after a closed front matter block, or all of it. Cheap; no parsing. With
 * `headerless` (comply documents), a header with no opening `---` ends at the first `---` line.
 */
export function splitBody(text: string, headerless = false): string {
  const match = /^(?:\uFEFF)?---[^\n]*\n[\s\S]*?\n---[^\S\n]*(?:\n|$)/.exec(text);
  if (match) return text.slice(match[0].length);
  const bare = headerless ? /^(?:\uFEFF)?(?:[\s\S]*?\n)?---[^\S\n]*(?:\n|$)/.exec(text) : null;
  return bare ? text.slice(bare[0].length) : text;
}
