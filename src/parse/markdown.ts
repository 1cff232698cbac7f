// Just enough markdown for policies: the links in a document (outside code) and the anchors its headings define.
import { posix } from 'node:path';
import { createRequire } from 'node:module';
import type { MarkdownIt } from 'markdown-it';
import { splitBody } from './front-matter.js';

export interface MarkdownLink {
  /** The destination as written: `access-control.md#reviews`, `#scope`, `https://...`. */
  target: string;
  /** File line and column (1-based) of the destination, and its end column. */
  line: number;
  column: number;
  endColumn: number;
}

/**
 * The lines of a markdown text that are prose: outside fenced code blocks (a fence closes with the same character,
 * at least as long as the one that opened it), with any CR stripped. `index` is the line's 0-based position.
 */
export function proseLines(text: string): { text: string; index: number }[] {
  const lines: { text: string; index: number }[] = [];
  let fence: string | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (opening && (!fence || (opening[0] === fence[0] && opening.length >= fence.length))) {
      fence = fence ? undefined : opening;
      return;
    }
    if (!fence) lines.push({ text: line, index });
  });
  return lines;
}

const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:[^\S\n]*(<[^>\n]*>|\S+)/;

let parser: MarkdownIt | undefined;

/**
 * A CommonMark parser that keeps destinations as written: no URL normalising, no link validation. Loaded on first use
 * (it takes some 20 ms to load), so a program whose policies hold no links never pays for it.
 */
function commonMark(): MarkdownIt {
  if (!parser) {
    const markdownIt = createRequire(import.meta.url)('markdown-it') as (preset: 'commonmark') => MarkdownIt;
    parser = markdownIt('commonmark');
    parser.normalizeLink = (url: string) => url;
    parser.validateLink = () => true;
  }
  return parser;
}

/**
 * Links in the body, with the file position of each destination (`firstLine` is the file line the body starts on).
 * A CommonMark parser decides what is a link (code spans, fenced and indented code, escapes, link text that wraps,
 * reference links); the destination is then found in the lines the parser says the link's block spans, searching
 * forward only, so the work is linear in the body. A reference link is reported once, at its definition.
 */
export function extractLinks(body: string, firstLine: number): MarkdownLink[] {
  if (!body.includes('](') && !body.includes(']:')) return [];
  const lines = body.split('\n');
  const links: MarkdownLink[] = [];
  for (const token of commonMark().parse(body, {})) {
    if (token.type !== 'inline' || !token.map || !token.children) continue;
    const [first, last] = token.map;
    const block = new BlockText(lines, first, last);
    for (const child of token.children) {
      const attribute = child.type === 'link_open' ? child.attrGet('href') : child.type === 'image' ? child.attrGet('src') : null;
      if (attribute === null || child.markup === 'autolink' || child.markup === 'linkify') continue;
      const destination = String(attribute);
      const found = block.findDestination(destination);
      if (found) links.push({ target: destination, line: firstLine + found.line, column: found.column, endColumn: found.column + found.written.length });
    }
  }
  // Reference definitions are not tokens: read them from the prose lines, as the parser would have taken them.
  for (const { text: line, index } of proseLines(body)) {
    if (/^( {4}|\t)/.test(line) || !line.includes(']:')) continue;
    const definition = REFERENCE_DEFINITION.exec(line);
    if (!definition) continue;
    const written = definition[1]!;
    const column = line.indexOf(written, definition[0].indexOf(']:')) + 1;
    links.push({ target: written.startsWith('<') ? written.slice(1, -1) : written, line: firstLine + index, column, endColumn: column + written.length });
  }
  return links.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The raw text of the lines a block spans, with a cursor that only moves forward. */
class BlockText {
  private readonly text: string;
  private readonly starts: number[] = [];
  private cursor = 0;

  constructor(lines: readonly string[], private readonly first: number, last: number) {
    let offset = 0;
    for (let i = first; i < last; i++) {
      this.starts.push(offset);
      offset += (lines[i] ?? '').length + 1;
    }
    this.text = lines.slice(first, last).join('\n');
  }

  /**
   * The next `](` followed by the destination as written (angle brackets and backslash escapes allowed), as a
   * 0-based body line and 1-based column; undefined for a reference link, whose destination is in its definition.
   */
  findDestination(destination: string): { line: number; column: number; written: string } | undefined {
    for (let at = this.text.indexOf('](', this.cursor); at !== -1; at = this.text.indexOf('](', at + 2)) {
      let start = at + 2;
      while (start < this.text.length && /[ \t\n]/.test(this.text[start]!)) start++;
      const written = this.matchWritten(start, destination);
      if (written === undefined) continue;
      this.cursor = start + written.length;
      let line = this.starts.length - 1;
      while (line > 0 && this.starts[line]! > start) line--;
      return { line: this.first + line, column: start - this.starts[line]! + 1, written };
    }
    return undefined;
  }

  /** The text at `start` if it is `destination` as written: in angle brackets or not, any punctuation escaped or not. */
  private matchWritten(start: number, destination: string): string | undefined {
    const angled = this.text[start] === '<';
    let at = angled ? start + 1 : start;
    for (const char of destination) {
      if (this.text[at] === '\\' && this.text[at + 1] === char && /[!-/:-@[-`{-~]/.test(char)) at += 2;
      else if (this.text.startsWith(char, at)) at += char.length;
      else return undefined;
    }
    if (angled) return this.text[at] === '>' ? this.text.slice(start, at + 1) : undefined;
    return this.text.slice(start, at);
  }
}

/** Whether a link leaves the repo: a URL with a scheme, a protocol-relative URL, or mail. */
export function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');
}

/** Split a relative link into the root-relative file it names (undefined for `#anchor` alone) and its anchor. */
export function resolveLink(fromFile: string, target: string): { file?: string; anchor?: string; outside: boolean } {
  const hash = target.indexOf('#');
  const pathPart = safeDecode(hash === -1 ? target : target.slice(0, hash)).replace(/\?.*$/, '');
  const anchor = hash === -1 ? undefined : safeDecode(target.slice(hash + 1));
  if (pathPart === '') return { ...(anchor !== undefined ? { anchor } : {}), outside: false };
  const joined = pathPart.startsWith('/') ? posix.normalize(pathPart.slice(1)) : posix.normalize(posix.join(posix.dirname(fromFile), pathPart));
  const outside = joined === '..' || joined.startsWith('../');
  return { file: joined.replace(/\/$/, ''), ...(anchor !== undefined ? { anchor } : {}), outside };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The anchors a markdown file defines, as GitHub renders them: each heading's slug (lowercase, punctuation removed,
 * spaces to dashes, repeats numbered -1, -2, ...) plus explicit `<a id="...">` / `<a name="...">` anchors.
 */
export function headingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const counts = new Map<string, number>();
  for (const { text: line } of proseLines(splitBody(text))) {
    for (const match of line.matchAll(/<a\s+[^>]*?(?:id|name)\s*=\s*["']([^"']+)["']/gi)) anchors.add(match[1]!);
    const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const slug = slugify(heading[1]!);
    const seen = counts.get(slug) ?? 0;
    counts.set(slug, seen + 1);
    anchors.add(seen === 0 ? slug : `${slug}-${seen}`);
  }
  return anchors;
}

export function slugify(heading: string): string {
  return heading
    .replace(/<[^>]+>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_~]/g, (c) => (c === '_' ? '_' : ''))
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}
