// Just enough markdown for policies: the links in a document (outside code) and the anchors its headings define.
import { posix } from 'node:path';
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

const INLINE_LINK = /!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*(<[^>\n]*>|\S+)/;

/** Links in the body, with positions in the file (`firstLine` is the file line the body starts on). */
export function extractLinks(body: string, firstLine: number): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  for (const { text: line, index } of proseLines(body)) {
    if (/^( {4}|\t)/.test(line)) continue; // indented code
    const visible = maskInlineCode(line);
    const definition = REFERENCE_DEFINITION.exec(visible);
    if (definition) {
      const column = visible.indexOf(definition[1]!, definition[0].indexOf(']:')) + 1;
      links.push(toLink(definition[1]!, firstLine + index, column));
      continue;
    }
    for (const match of visible.matchAll(INLINE_LINK)) {
      const destination = match[1]!;
      if (!destination) continue;
      const column = (match.index ?? 0) + match[0].indexOf(destination, match[0].indexOf('](') + 2) + 1;
      links.push(toLink(destination, firstLine + index, column));
    }
  }
  return links;
}

function toLink(written: string, line: number, column: number): MarkdownLink {
  const target = written.startsWith('<') ? written.slice(1, -1) : written;
  return { target, line, column, endColumn: column + written.length };
}

/** Replace inline code spans with spaces so their contents are not read as links, keeping columns. */
function maskInlineCode(line: string): string {
  return line.replace(/(`+)([^`]|(?!\1)`)*?\1/g, (span) => ' '.repeat(span.length));
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
