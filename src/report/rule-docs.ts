// The rule pages shipped as rules/<id>.md, read once per folder, cut into the parts that reports carry as help. The
// caller reads them and hands them to the formatters, which never read a file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docsPath, type RuleMeta } from '../engine/rule.js';
import { packageRoot } from '../core/package-root.js';
import { ruleUrl, type RuleDescription, type RuleDocs } from './format-input.js';

export type { RuleDocs } from './format-input.js';

const cache = new Map<string, RuleDocs | undefined>();

/**
 * Each rule with its page's address, and with `docs` its docs text from `<docsBase>/rules/<id>.md` (default:
 * soc2lint's package folder), relative links made absolute against the page so they work wherever the help is shown.
 */
export function describeRules(rules: readonly RuleMeta<unknown>[], { docs = true, docsBase = packageRoot }: { docs?: boolean; docsBase?: string } = {}): RuleDescription[] {
  return rules.map((meta) => {
    const url = ruleUrl(meta.id);
    const page = docs ? ruleDocs(meta.id, docsBase) : undefined;
    return { meta, url, ...(page ? { docs: { summary: withAbsoluteLinks(page.summary, url), howToFix: withAbsoluteLinks(page.howToFix, url) } } : {}) };
  });
}

/** The docs of a rule from `<base>/rules/<id>.md` (base: soc2lint's package folder), or undefined with no page. */
export function ruleDocs(ruleId: string, base: string = packageRoot): RuleDocs | undefined {
  const file = join(base, docsPath(ruleId));
  if (!cache.has(file)) cache.set(file, readDocs(file));
  return cache.get(file);
}

function readDocs(file: string): RuleDocs | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined; // a rule without a page (a plugin's, say) is described by its one-line description instead
  }
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const afterTitle = lines.findIndex((line) => /^# /.test(line)) + 1;
  const firstText = lines.findIndex((line, i) => i >= afterTitle && line.trim() !== '');
  const paragraph: string[] = [];
  for (let i = firstText; i >= 0 && i < lines.length && lines[i]!.trim() !== '' && !/^#/.test(lines[i]!); i += 1) paragraph.push(lines[i]!);
  const summary = paragraph.join(' ').replace(/\s*Default severity: \*\*\w+\*\*\.?\s*$/, '').trim();
  return { summary, howToFix: section(lines, 'How to fix') };
}

/** The lines under `## title` up to the next heading of the same or a higher level, trimmed. */
function section(lines: readonly string[], title: string): string {
  const start = lines.findIndex((line) => line.trim().toLowerCase() === `## ${title.toLowerCase()}`);
  if (start < 0) return '';
  let end = start + 1;
  // A `#` line inside a fenced code block (a markdown example) is not a heading.
  for (let fenced = false; end < lines.length; end += 1) {
    if (/^\s*(```|~~~)/.test(lines[end]!)) fenced = !fenced;
    else if (!fenced && /^#{1,2} /.test(lines[end]!)) break;
  }
  return lines
    .slice(start + 1, end)
    .join('\n')
    .trim();
}

/** Relative links made absolute against the page's own address, so they still work where the help is shown. */
export function withAbsoluteLinks(markdown: string, pageUrl: string): string {
  return markdown.replace(/(!?\[[^\]]*\])\(([^)\s]+)\)/g, (whole, label: string, href: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return whole;
    return `${label}(${new URL(href, pageUrl).href})`;
  });
}
