// Links in policy bodies, found by a CommonMark parser: where each destination is written, what is not a link, and
// bounded work on hostile text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../src/parse/markdown.js';

const links = (body: string, firstLine = 1) => extractLinks(body, firstLine).map(({ target, line, column, endColumn }) => ({ target, line, column, endColumn }));

describe('extractLinks', () => {
  it.each([
    ['an inline link, at its destination', 'See [the standard](access.md) now.', [{ target: 'access.md', line: 1, column: 20, endColumn: 29 }]],
    ['an image', '![diagram](img/flow.png)', [{ target: 'img/flow.png', line: 1, column: 12, endColumn: 24 }]],
    ['link text that wraps onto the next line', 'Read the [access\ncontrol standard](access.md#reviews).', [{ target: 'access.md#reviews', line: 2, column: 19, endColumn: 36 }]],
    ['an escaped bracket in the link text', 'See [the \\] thing](a.md).', [{ target: 'a.md', line: 1, column: 20, endColumn: 24 }]],
    ['an escaped parenthesis in the destination', '[x](a\\(1\\).md)', [{ target: 'a(1).md', line: 1, column: 5, endColumn: 14 }]],
    ['an angle-bracket destination with a space', '[x](<Access Control.md>)', [{ target: 'Access Control.md', line: 1, column: 5, endColumn: 24 }]],
    ['a destination on the line after the text', '[x](\n  b.md)', [{ target: 'b.md', line: 2, column: 3, endColumn: 7 }]],
    ['the same link twice on a line, each at its own place', '[a](x.md) and [b](x.md)', [{ target: 'x.md', line: 1, column: 5, endColumn: 9 }, { target: 'x.md', line: 1, column: 19, endColumn: 23 }]],
    ['a link inside a list item and a quote', '- item [a](a.md)\n\n> quoted [b](b.md)', [{ target: 'a.md', line: 1, column: 12, endColumn: 16 }, { target: 'b.md', line: 3, column: 14, endColumn: 18 }]],
    ['a reference link, once, at its definition', 'See [the standard][std] and [std].\n\n[std]: standards/access.md', [{ target: 'standards/access.md', line: 3, column: 8, endColumn: 27 }]],
    ['a body that starts below the front matter', '\n[x](y.md)', [{ target: 'y.md', line: 11, column: 5, endColumn: 9 }], 10],
  ] as [string, string, object[], number?][])('finds %s', (_name, body, expected, firstLine) => {
    expect(links(body, firstLine ?? 1)).toEqual(expected);
  });

  it.each([
    ['a code span', 'Write `[x](y.md)` literally.'],
    ['a fenced code block', '```md\n[x](y.md)\n```'],
    ['an indented code block', 'Text.\n\n    [x](y.md)'],
    ['an autolink', 'Go to <https://example.com/a.md>.'],
    ['brackets that are not a link', 'An [array] and a (parenthesis) and ]( alone.'],
    ['an HTML block', '<div>\n[x](y.md)\n</div>'],
  ])('finds nothing in %s', (_name, body) => {
    expect(links(body)).toEqual([]);
  });

  it.each([
    ['a line of 128 KB of "!["', '!['.repeat(64 * 1024)],
    ['100k "[" then 50k "]("', '['.repeat(100_000) + ']('.repeat(50_000)],
    ['100k unclosed links', '[a]('.repeat(100_000)],
    ['100k reference definitions opening an angle bracket', '[a]: <\n'.repeat(100_000)],
    ['a 1 MB line of backticks', '`'.repeat(1 << 20)],
  ])('reads %s without blowing up (the work is linear)', (_name, body) => {
    expect(Array.isArray(extractLinks(body, 1))).toBe(true);
  });

  it('never throws, and every link lies inside the body', () => {
    const pieces = ['[', ']', '(', ')', '<', '>', '!', '\\', '`', '\n', ' ', 'a', 'b.md', '#x', ':', '    ', '```', '- ', '> '];
    const markdownish = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(markdownish, fc.string({ maxLength: 200 })), (body) => {
        const lines = body.split('\n');
        for (const link of extractLinks(body, 1)) {
          expect(link.line).toBeGreaterThanOrEqual(1);
          expect(link.line).toBeLessThanOrEqual(lines.length);
          const text = lines[link.line - 1]!;
          expect(link.column).toBeGreaterThanOrEqual(1);
          expect(link.endColumn).toBeLessThanOrEqual(text.length + 1);
          expect(link.endColumn).toBeGreaterThanOrEqual(link.column);
        }
      }),
      { numRuns: 300 },
    );
  });
});
