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
  if (text.length <= longer) return found;
  // The next LF and the next CR at or after `start`, found with indexOf (native, and fast over long runs of text).
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  let line = 1;
  let start = 0;
  for (;;) {
    const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
    if ((end === -1 ? text.length : end) - start > longer) found.push(line);
    if (end === -1) return found;
    start = end === cr && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    line++;
    if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
    if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
  }
}
