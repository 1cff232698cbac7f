// The scan of an evidence file's text for secrets, done once when the file is read: soc2lint's own patterns, and the
// maintained rule set's detections (./maintained-secrets.ts) where no pattern of ours claimed the span. The model keeps
// what the scan found (kinds and places, never the secret, never the text), so a program's memory does not grow with
// the size of its evidence, and the cache can keep it for an unchanged file (rules/sensitive-evidence.ts reports it).
import { longLines, MAX_SCANNED_LINE, type SecretDetection } from './secret-lines.js';

/** The kinds of secret the scan tells apart; each is a message of sensitive-evidence. */
export type SecretKind =
  | 'privateKeyInJson'
  | 'privateKey'
  | 'awsAccessKey'
  | 'githubToken'
  | 'slackToken'
  | 'stripeSecretKey'
  | 'googleApiKey'
  | 'awsSecretKey'
  | 'gitlabToken'
  | 'npmToken'
  | 'sendgridKey'
  | 'slackWebhook'
  | 'jsonWebToken'
  | 'credentialInUrl'
  | 'password'
  | 'maintainedSecret';

/** What the scan of one evidence text found: each secret (by line, then column), and the lines too long to scan. */
export interface EvidenceScan {
  hits: SecretHit[];
  tooLong: number[];
}

// `hint` is a cheap test before the regex; `accept` gives the end of the secret, or undefined for a placeholder or an
// example; `data` gives what the message says of the match (never the secret itself).
type Match = RegExpExecArray;
type Detector = {
  hint: RegExp;
  pattern: RegExp;
  kind: SecretKind;
  data?: (m: Match) => Record<string, string>;
  accept?: (m: Match, lines: readonly string[], index: number) => number | undefined;
};

const GITHUB: Record<string, string> = { ghp: 'personal access token', gho: 'OAuth token', ghu: 'user-to-server token', ghs: 'server-to-server token', ghr: 'refresh token', github_pat: 'fine-grained personal access token' };
const end = (match: Match) => match.index + match[0].length;
// A PEM header alone is documentation; a key has a base64 body on the same line (JSON) or within the next lines.
// Only the next 100 characters and the next five lines are looked at, so many headers on one line stay cheap.
const keyBody = (match: Match, lines: readonly string[], index: number) =>
  /[A-Za-z0-9+/]{40,}/.test(lines[index]!.slice(end(match), end(match) + 100)) || lines.slice(index + 1, index + 6).some((line) => /^\s*[A-Za-z0-9+/=]{40,}\s*$/.test(line)) ? end(match) : undefined;

const DETECTORS: readonly Detector[] = [
  { hint: /private_key/, pattern: /"private_key"\s*:\s*"-----BEGIN [A-Z ]*PRIVATE KEY-----/g, kind: 'privateKeyInJson', accept: keyBody },
  { hint: /BEGIN/, pattern: /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----/g, kind: 'privateKey', data: (m) => ({ header: m[0].replace(/-/g, '') }), accept: keyBody },
  // AWS documents AKIAIOSFODNN7EXAMPLE; keys ending in EXAMPLE are examples copied from its docs.
  { hint: /AKIA|ASIA/, pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, kind: 'awsAccessKey', accept: (m) => (m[0].endsWith('EXAMPLE') ? undefined : end(m)) },
  { hint: /gh[pousr]_|github_pat_/, pattern: /\b(gh[pousr])_[A-Za-z0-9]{36}\b|\b(github_pat)_[A-Za-z0-9_]{82}\b/g, kind: 'githubToken', data: (m) => ({ token: GITHUB[m[1] ?? m[2]!]! }) },
  { hint: /xox/, pattern: /\bxox[abpors]-[0-9]+-[A-Za-z0-9-]{10,}/g, kind: 'slackToken' },
  { hint: /_live_/, pattern: /\b[sr]k_live_[0-9A-Za-z]{24,}\b/g, kind: 'stripeSecretKey' },
  { hint: /AIza/, pattern: /(?<![0-9A-Za-z_-])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g, kind: 'googleApiKey' },
  // The secret half of an AWS key pair: 40 base64 characters, named as such (alone it looks like any other text).
  {
    hint: /secret_?access_?key/i,
    pattern: /(?:aws_?)?secret_?access_?key["']?\s*(?::=|=>|=|:)\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi,
    kind: 'awsSecretKey',
    accept: (m) => (m[1]!.endsWith('EXAMPLEKEY') ? undefined : end(m)),
  },
  { hint: /glpat-/, pattern: /\bglpat-[0-9A-Za-z_-]{20}(?![0-9A-Za-z_-])/g, kind: 'gitlabToken' },
  { hint: /npm_/, pattern: /\bnpm_[0-9A-Za-z]{36}\b/g, kind: 'npmToken' },
  { hint: /SG\./, pattern: /\bSG\.[0-9A-Za-z_-]{22}\.[0-9A-Za-z_-]{43}\b/g, kind: 'sendgridKey' },
  { hint: /hooks\.slack\.com/, pattern: /https:\/\/hooks\.slack\.com\/services\/T[0-9A-Z]{6,}\/B[0-9A-Z]{6,}\/[0-9A-Za-z]{20,}/g, kind: 'slackWebhook' },
  // Header and payload are base64url JSON (`{"` is `eyJ`); three parts, the signature included.
  { hint: /eyJ/, pattern: /(?<![0-9A-Za-z_-])eyJ[0-9A-Za-z_-]{10,}\.eyJ[0-9A-Za-z_-]{10,}\.[0-9A-Za-z_-]{16,}/g, kind: 'jsonWebToken' },
  // scheme://user:password@host, as database and basic-auth URLs are written; a variable or masked value is not one.
  {
    hint: /:\/\/[^\s/@]*@/,
    pattern: /\b([a-z][a-z0-9+.-]{1,20}):\/\/[^\s:/@"'`]+:([^\s/@"'`]+)@[^\s/@"'`]+/g,
    kind: 'credentialInUrl',
    data: (m) => ({ scheme: m[1]! }),
    accept: (m) => (placeholder(m[2]!, false) ? undefined : end(m)),
  },
  {
    // Every spelling the pattern takes contains one of these, whatever its case (`pass` alone, as in `result=pass`, is none).
    hint: /pass(?:word|wd)|pwd/i,
    // password / passwd / pwd as a key (db_password, DB_PASSWORD, dbPassword, "password"), then = : := or =>.
    pattern: /(?:(?<![A-Za-z0-9])(?:[Pp]ass(?:word|wd)|PASS(?:WORD|WD)|[Pp]wd|PWD)|(?<=[a-z0-9])(?:Pass(?:word|wd)|Pwd))["']?[ \t]*(:=|=>|=(?!=)|:(?!:))/g,
    kind: 'password',
    accept: (m, lines, index) => passwordEnd(lines[index]!, end(m), m[1]!),
  },
];

const PLACEHOLDERS = new Set(
  'changeme changeit placeholder example sample dummy fake test secret password passwd pwd pass yourpassword mypassword none null nil undefined empty true false yes no required optional set unset notset na tbd todo'.split(' '),
);

/** The longest value taken for a password: past it, a value is data, not a password (and every match stays cheap). */
const MAX_PASSWORD = 200;
/** The end of the run `pattern` (sticky) matches at `from`. */
const runEnd = (pattern: RegExp, line: string, from: number) => {
  pattern.lastIndex = from;
  pattern.test(line);
  return pattern.lastIndex;
};

/**
 * Where a password value written after `from` ends, or undefined when the value is empty, a placeholder, not a literal
 * or longer than MAX_PASSWORD. Each step looks at most MAX_PASSWORD characters past the value's start, or at the
 * whitespace after it, so a line of many assignments is scanned in linear time.
 */
function passwordEnd(line: string, from: number, separator: string): number | undefined {
  const start = runEnd(/\s*/y, line, from);
  const quote = /["'`]/.test(line[start] ?? '') ? line[start] : undefined;
  if (quote !== undefined) {
    const close = line.slice(start + 1, start + MAX_PASSWORD + 2).indexOf(quote);
    if (close === -1 || placeholder(line.slice(start + 1, start + 1 + close), true)) return undefined;
    return start + close + 2;
  }
  // After a colon, an unquoted value is a lone token up to the line end (then a `,` or `;`, or a ` # comment`):
  // "Password: rotated on 2026-03-01" is prose.
  const token = line.slice(start, runEnd(separator === ':' ? /\S{0,201}/y : /[^\s,;&'"`]{0,201}/y, line, start));
  if (token.length > MAX_PASSWORD) return undefined;
  let value = token;
  if (separator === ':') {
    value = token.replace(/[,;]$/, '');
    const after = runEnd(/[,;]?\s*/y, line, runEnd(/\s*/y, line, start + token.length));
    const commented = line[after] === '#' && /\s/.test(line[after - 1] ?? '');
    if (after < line.length && !commented) return undefined;
  }
  return placeholder(value, false) ? undefined : start + value.length;
}

function placeholder(value: string, quoted: boolean): boolean {
  return (
    value.length < 4 ||
    /^[$%<{[!/~(]|^[A-Za-z]:[\\/]/.test(value) || // a variable, template, <placeholder>, YAML tag or file path
    /^[*xX•●·#.?_-]+$/u.test(value) || /\*{3}/.test(value) || // a mask: ****, xxxx
    /redact|filtered|masked|hidden|removed|omitted|placeholder|changeme|example|pass(word|wd)/i.test(value) ||
    /\S+\s+\S+\s+\S/.test(value) || // three words or more: a sentence
    PLACEHOLDERS.has(value.toLowerCase().replace(/[^a-z0-9]/g, '')) ||
    // Unquoted, a bare word (snake_case too) is a setting, prose or a variable; dotted names, calls, quotes are code.
    (!quoted && (/^[A-Za-z_]+$/.test(value) || /[()[\]{}"'`]/.test(value) || /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$/.test(value)))
  );
}

/** A secret found in a file: its line (1-based), its span on that line (1-based columns, end exclusive), its kind and what the message says of it (never the secret itself). */
export type SecretHit = { line: number; column: number; endColumn: number; kind: SecretKind; data: Record<string, string> };

/**
 * Each secret in the text, by line and then column, with the maintained rule set's detections where no pattern of
 * ours claimed the span; and the lines too long to scan. A span claimed by one kind is not claimed again.
 */
export function scanEvidenceText(text: string, maintained: readonly SecretDetection[]): EvidenceScan {
  // A hint that is nowhere in the text is on none of its lines (hints never span a line end): skip its detector. With
  // none left and nothing the maintained rule set found, only the lines too long to scan are left to say.
  const detectors = DETECTORS.filter((detector) => detector.hint.test(text));
  if (detectors.length === 0 && maintained.length === 0) return { hits: [], tooLong: text.length > MAX_SCANNED_LINE ? longLines(text) : [] };
  const hits: SecretHit[] = [];
  const tooLong: number[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  const byLine = new Map<number, SecretDetection[]>();
  for (const detection of maintained) byLine.set(detection.line, [...(byLine.get(detection.line) ?? []), detection]);
  lines.forEach((line, index) => {
    if (line.length > MAX_SCANNED_LINE) {
      tooLong.push(index + 1);
      return;
    }
    const taken: [number, number, SecretKind, Record<string, string>][] = [];
    for (const detector of detectors) {
      if (!detector.hint.test(line)) continue;
      for (const match of line.matchAll(detector.pattern)) {
        const stop = detector.accept ? detector.accept(match, lines, index) : end(match);
        if (stop === undefined || taken.some(([a, b]) => match.index < b && a < stop)) continue;
        taken.push([match.index, stop, detector.kind, detector.data?.(match) ?? {}]);
      }
    }
    // A maintained detection without a digit is a placeholder (`xoxb-your-token-here`); random secrets have digits.
    for (const { column, endColumn, rule, messageId } of byLine.get(index + 1) ?? []) {
      const [start, stop] = [column - 1, endColumn - 1];
      if (/\d/.test(line.slice(start, stop)) && !taken.some(([a, b]) => start < b && a < stop)) taken.push([start, stop, 'maintainedSecret', { rule, secretlintId: messageId }]);
    }
    for (const [start, stop, kind, data] of taken.sort((a, b) => a[0] - b[0])) hits.push({ line: index + 1, column: start + 1, endColumn: stop + 1, kind, data });
  });
  return { hits, tooLong };
}
