// What a glob in the config may be: relative to the repo root, inside it, and small once its braces are expanded.
// `{a,b}{a,b}...` or `{1..100000}` expands to more patterns than any program has files, and expanding them is where the
// time goes, so such a glob is a config error before anything is expanded.

/** More alternatives than any real `paths` or `ignore` pattern writes out. */
export const MAX_BRACE_EXPANSION = 64;

/** Why a config glob cannot be used, or undefined when it can. */
export function globProblem(glob: string): string | undefined {
  const path = glob.replace(/\\/g, '/');
  if (path.startsWith('/') || /^[A-Za-z]:\//.test(path)) return `"${glob}" is absolute; globs are relative to the repo root. Write it from the root, without the leading "/".`;
  if (path.split('/').includes('..')) return `"${glob}" climbs out of the repository with ".."; soc2lint reads only files inside the repo.`;
  const expanded = braceExpansionSize(glob);
  if (expanded > MAX_BRACE_EXPANSION) {
    return `"${glob}" expands to ${expanded >= CAP ? 'more than a billion' : expanded} patterns (the limit is ${MAX_BRACE_EXPANSION}); use a wildcard such as "*" instead of listing alternatives.`;
  }
  return undefined;
}

const CAP = 1_000_000_000;

/**
 * How many patterns the braces of a glob expand to, counted without expanding them: alternatives add up inside one
 * `{...}`, and groups one after another multiply. `{1..20}` counts 20. Capped at a billion. Linear in the glob.
 */
export function braceExpansionSize(glob: string): number {
  let at = 0;
  const sequence = (closing: boolean): number => {
    // A run of text and groups: groups multiply. Stops at a top-level `,` or `}` when inside a group.
    let product = 1;
    while (at < glob.length) {
      const char = glob[at]!;
      if (char === '\\') {
        at += 2;
      } else if (closing && (char === ',' || char === '}')) {
        return product;
      } else if (char === '{') {
        at++;
        product = Math.min(CAP, product * group());
      } else {
        at++;
      }
    }
    return product;
  };
  const group = (): number => {
    // After `{`: alternatives separated by top-level commas, up to the matching `}`; a numeric or letter range.
    const start = at;
    const range = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.-?\d+)?\}/.exec(glob.slice(start, start + 64));
    if (range) {
      at = start + range[0].length;
      const [from, to] = [range[1]!, range[2]!];
      const numeric = /\d/.test(from) && /\d/.test(to);
      return Math.min(CAP, numeric ? Math.abs(Number(to) - Number(from)) + 1 : Math.abs(to.charCodeAt(0) - from.charCodeAt(0)) + 1);
    }
    let sum = 0;
    let alternatives = 0;
    for (;;) {
      sum = Math.min(CAP, sum + sequence(true));
      alternatives++;
      if (at >= glob.length) return 1; // an unclosed brace is literal text
      if (glob[at] === '}') {
        at++;
        return alternatives > 1 ? sum : 1; // `{a}` is literal in brace expansion
      }
      at++; // past the comma
    }
  };
  return sequence(false);
}
