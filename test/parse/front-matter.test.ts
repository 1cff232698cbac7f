// Front matter as policies write it: `---` blocks, and strongdm/comply's headers with no opening `---`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter, splitBody } from '../../src/parse/front-matter.js';
import { yamlSource } from '../../src/parse/source.js';

describe('parseFrontMatter', () => {
  it('reads a `---` block, with the body line after it', () => {
    const result = parseFrontMatter('---\nid: POL-A\ntitle: A\n---\n# A\n', 'policies/a.md');
    expect(result.ok && result.yaml?.value).toEqual({ id: 'POL-A', title: 'A' });
    expect(result.ok && [result.body, result.bodyLine]).toEqual(['# A\n', 5]);
  });

  it('refuses a file without a `---` block unless headerless documents are allowed', () => {
    const text = 'name: Access Policy\nacronym: AP\n---\n# Access\n';
    const strict = parseFrontMatter(text, 'policies/access.md');
    expect(strict.ok).toBe(false);
    expect(!strict.ok && strict.problems[0]!.message).toMatch(/does not start with YAML front matter/);
  });

  it('reads a headerless (comply) document: the header starts at line 1 and ends at the first `---` line', () => {
    const text = 'name: Access Policy\nacronym: AP\nsatisfies:\n  TSC:\n    - CC6.1\n---\n# Access\n\nText.\n';
    const result = parseFrontMatter(text, 'policies/access.md', { headerless: true });
    if (!result.ok) throw new Error(result.problems[0]!.message);
    expect(result.yaml?.value).toEqual({ name: 'Access Policy', acronym: 'AP', satisfies: { TSC: ['CC6.1'] } });
    expect([result.body, result.bodyLine]).toEqual(['# Access\n\nText.\n', 7]);
    // Positions are the file's own: CC6.1 is on line 5.
    const item = yamlSource(result.yaml!, result.yaml!.node(['satisfies', 'TSC', 0])).at();
    expect([item.line, item.column]).toEqual([5, 7]);
  });

  it('still reads a `---` block when headerless documents are allowed', () => {
    const result = parseFrontMatter('---\nname: A\n---\nBody\n', 'policies/a.md', { headerless: true });
    expect(result.ok && [result.yaml?.value, result.bodyLine]).toEqual([{ name: 'A' }, 4]);
  });

  it('reports a headerless document whose header never ends, and YAML errors at their file line', () => {
    const open = parseFrontMatter('name: A\nacronym: B\n', 'policies/a.md', { headerless: true });
    expect(!open.ok && open.problems[0]!.message).toMatch(/header is not closed/);
    const bad = parseFrontMatter('name: A\nacronym: [B\n---\nBody\n', 'policies/a.md', { headerless: true });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems[0]!.range.line).toBeGreaterThanOrEqual(2);
  });

  it('never throws on any text, headerless or not', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.boolean(), (text, headerless) => {
        const result = parseFrontMatter(text, 'policies/x.md', { headerless });
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('splitBody', () => {
  it.each([
    ['a native policy', '---\nid: A\n---\n# Body\n', false, '# Body\n'],
    ['a comply document with no opening ---', 'name: Access\nacronym: AP\n---\n# Body\n', true, '# Body\n'],
    ['a comply document that opens with ---', '---\nname: Access\n---\n# Body\n', true, '# Body\n'],
    ['a headerless document read as native keeps all its text', 'name: Access\n---\n# Body\n', false, 'name: Access\n---\n# Body\n'],
    ['a --- inside the body of a headerless document stays in the body', 'name: A\n---\n# Body\n---\nmore\n', true, '# Body\n---\nmore\n'],
  ])('%s', (_name, text, headerless, body) => {
    expect(splitBody(text, headerless)).toBe(body);
  });
});
