// What the model tells sensitive-evidence about secrets beyond the file's text, and the limit both scans share.

/**
 * Lines longer than this many characters are not scanned for secrets (sensitive-evidence reports them as too long
 * to scan): every pattern then runs over bounded input, whatever a line holds.
 */
export const MAX_SCANNED_LINE = 10_000;

/** A secret the maintained rule set found: which of its rules and messages, and where (1-based, end exclusive, on one line). */
export interface SecretDetection {
  /** The preset's rule, without its `@secretlint/secretlint-rule-` prefix: `github`, `basicauth`, `anthropic`. */
  rule: string;
  /** The rule's message ID: `GITHUB_TOKEN`, `BasicAuth`. */
  messageId: string;
  line: number;
  column: number;
  endColumn: number;
}

/** The offset at which each line starts; lines end at CRLF, LF or CR, as sensitive-evidence counts them. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (const end of text.matchAll(/\r\n|\r|\n/g)) starts.push(end.index + end[0].length);
  return starts;
}

/**
 * The lines (1-based) longer than `longer` characters, counted as `lineStarts` counts lines (ends at CRLF, LF or CR),
 * in one pass over the text without splitting it: most evidence has none, and is then scanned as it is.
 */
export function longLines(text: string, longer = MAX_SCANNED_LINE): number[] {
  const found: number[] = [];
  let line = 1;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : -1;
    if (code !== 10 && code !== 13 && code !== -1) continue;
    if (i - start > longer) found.push(line);
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    line++;
    start = i + 1;
  }
  return found;
}
