// Config globs: inside the repo, and small once their braces are expanded, checked before anything is expanded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { braceExpansionSize, globProblem, MAX_BRACE_EXPANSION } from '../../src/config/globs.js';
import { makeRepo } from '../helpers/repo.js';

describe('braceExpansionSize', () => {
  it.each([
    ['policies/**/*.md', 1],
    ['controls/**/*.{yaml,yml}', 2],
    ['{a,b}/{c,d,e}', 6],
    ['{a,{b,c}}', 3],
    ['{a,b{c,d}}', 3],
    ['{1..100000}.md', 100_000],
    ['{a..e}', 5],
    ['{a}', 1],
    ['\\{a,b}', 1],
    ['{unclosed,', 1],
    ['{a,b}'.repeat(40), 1_000_000_000],
  ])('%s expands to %d patterns', (glob, size) => {
    expect(braceExpansionSize(glob)).toBe(size);
  });

  it('agrees with an expansion on small random globs, and never throws', () => {
    const expand = (glob: string): string[] => {
      // A plain expansion for small inputs, to check the count against.
      const open = glob.search(/(?<!\\)\{/);
      if (open === -1) return [glob];
      let depth = 0;
      const cuts: number[] = [];
      for (let i = open; i < glob.length; i++) {
        if (glob[i] === '\\') i++;
        else if (glob[i] === '{') depth++;
        else if (glob[i] === ',' && depth === 1) cuts.push(i);
        else if (glob[i] === '}' && --depth === 0) {
          if (cuts.length === 0) return expand(glob.slice(0, open) + '\u0000' + glob.slice(open + 1, i) + '\u0001' + glob.slice(i + 1)).map((g) => g.replace('\u0000', '{').replace('\u0001', '}'));
          const parts = [open, ...cuts, i].slice(0, -1).map((from, k) => glob.slice(from + 1, [...cuts, i][k]));
          return parts.flatMap((part) => expand(glob.slice(0, open) + part + glob.slice(i + 1)));
        }
      }
      return [glob];
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom('{', '}', ',', 'a', 'b', '/'), { maxLength: 14 }), (pieces) => {
        const glob = pieces.join('');
        const size = braceExpansionSize(glob);
        expect(size).toBeGreaterThanOrEqual(1);
        if (/^[^{}]*$|^(?:[^{}]*\{[^{}]*,[^{}]*\})*[^{}]*$/.test(glob)) expect(size).toBe(expand(glob).length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('config globs', () => {
  it.each([
    ['policies/**/*.md', undefined],
    ['../shared/*.md', /climbs out of the repository/],
    ['/etc/*', /is absolute/],
    ['policies/{1..100000}.md', new RegExp(`expands to 100000 patterns \\(the limit is ${MAX_BRACE_EXPANSION}\\)`)],
  ])('%s', (glob, expected) => {
    const problem = globProblem(glob);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(expected);
  });

  it.each([
    ['paths', 'paths:\n  policies:\n    - policies/*.md\n    - "../outside/*.md"\n', 4, /^paths\.policies: "\.\.\/outside\/\*\.md" climbs out/],
    ['ignore', 'ignore: "{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}"\n', 1, /^ignore: .* expands to 128 patterns/],
    ['an override', 'overrides:\n  - files: ["{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}/x.md"]\n    rules:\n      stale-review: off\n', 2, /expands to 128 patterns/],
  ])('a bad glob in %s is a config error at its line', (_where, config, line, message) => {
    const root = makeRepo({ 'soc2lint.config.yaml': config });
    let error: unknown;
    try {
      loadConfig(root);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(message);
    expect((error as ConfigError).range?.line).toBe(line);
  });
});

describe('a config with thousands of mistakes', () => {
  it('lists the first 20 and says how many more, in about linear time', () => {
    const root = makeRepo({ 'soc2lint.config.yaml': `rules:\n${Array.from({ length: 5000 }, (_, i) => `  rule-${i}: warn\n`).join('')}` });
    let message = '';
    try {
      loadConfig(root);
    } catch (error) {
      message = (error as ConfigError).message;
    }
    const lines = message.split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[20]).toBe('4980 more mistakes in soc2lint.config.yaml, not listed; fix the ones above first.');
  });
});
