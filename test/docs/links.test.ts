// The documentation's relative links resolve: each names a file or folder of this repository, and an anchor names a
// heading of the page it points to (GitHub's anchors). Links are read the way the broken-link rule reads policies.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractLinks, headingAnchors, isExternal, resolveLink } from '../../src/parse/markdown.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

const markdownIn = (folder: string) => readdirSync(join(root, folder)).filter((name) => name.endsWith('.md')).map((name) => `${folder}/${name}`);
const PAGES = ['README.md', ...markdownIn('docs'), ...markdownIn('rules')];

/** Every relative link of a page that does not resolve, as `line: target (why)`. */
function brokenLinks(page: string): string[] {
  const text = readFileSync(join(root, page), 'utf8');
  const broken: string[] = [];
  for (const link of extractLinks(text, 1)) {
    if (isExternal(link.target)) continue;
    const { file = page, anchor, outside } = resolveLink(page, link.target);
    const why = outside
      ? 'leaves the repository'
      : !existsSync(join(root, file))
        ? `${file} does not exist`
        : anchor && statSync(join(root, file)).isFile() && file.endsWith('.md') && !headingAnchors(readFileSync(join(root, file), 'utf8')).has(anchor)
          ? `${file} has no heading with the anchor #${anchor}`
          : undefined;
    if (why) broken.push(`${page}:${link.line}: ${link.target} (${why})`);
  }
  return broken;
}

describe('links in the documentation', () => {
  it('covers the README, the docs pages and the rule pages', () => {
    expect(PAGES).toContain('docs/getting-started.md');
    expect(PAGES).toContain('rules/stale-evidence.md');
  });

  it.each(PAGES)('%s: every relative link resolves, anchors included', (page) => {
    expect(brokenLinks(page)).toEqual([]);
  });
});
