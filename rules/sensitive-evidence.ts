// A secret inside an evidence file (a private key, a cloud or API token, a password): evidence is copied to auditors
// and kept for years, so a credential in it is a leak, and an auditor who sees one reports a control failure.
import { posix } from 'node:path';
import { evidenceFiles, type EvidenceFileRef } from '../src/model/evidence.js';
import { MAX_SCANNED_LINE, type SecretDetection } from '../src/model/secret-lines.js';
import { defineRule } from '../src/engine/rule.js';

/** What each kind of secret is called: one message per kind, each naming the file and the records that name it. */
const found = (secret: string) =>
  `{{role}} "{{file}}" (named by {{namedBy}}) contains ${secret} on this line. Remove it (redact the value), rotate the credential, and purge it from git history.`;
const SECRET_MESSAGES = {
  privateKeyInJson: found('a private key in JSON credentials ("private_key")'),
  privateKey: found('a private key ({{header}})'),
  awsAccessKey: found('an AWS access key ID'),
  githubToken: found('a GitHub {{token}}'),
  slackToken: found('a Slack token'),
  stripeSecretKey: found('a Stripe live secret key'),
  googleApiKey: found('a Google API key'),
  awsSecretKey: found('an AWS secret access key'),
  gitlabToken: found('a GitLab personal access token'),
  npmToken: found('an npm access token'),
  sendgridKey: found('a SendGrid API key'),
  slackWebhook: found('a Slack incoming-webhook URL'),
  jsonWebToken: found('a JSON Web Token'),
  credentialInUrl: found('a password in a {{scheme}} URL'),
  password: found('a password'),
  // Found by the maintained rule set (secretlint's recommended preset), where no pattern of soc2lint's own did.
  maintainedSecret: found("a secret that secretlint's {{rule}} rule reports ({{secretlintId}})"),
};
type SecretKind = keyof typeof SECRET_MESSAGES;

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
    hint: /pass|pwd/i,
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

/** A secret found in a file: its line (1-based), its span on that line (1-based columns, end exclusive), its kind and what the message says of it. */
type Hit = { line: number; column: number; endColumn: number; kind: SecretKind; data: Record<string, string> };

/**
 * Each secret in the text, by line and then column, with the maintained rule set's detections where no pattern of
 * ours claimed the span; and the lines too long to scan. A span claimed by one kind is not claimed again.
 */
function scan(text: string, maintained: readonly SecretDetection[]): { hits: Hit[]; tooLong: number[] } {
  const hits: Hit[] = [];
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
    for (const detector of DETECTORS) {
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

const MAX_PER_FILE = 10;

/** The path as the repo root sees it: `/` separators, no `./`, so every spelling of one file is one file. */
const normalized = (path: string) => posix.normalize(path.replace(/\\/g, '/'));
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** Line numbers as a message lists them: the first five, then an ellipsis. */
const listed = (lines: readonly number[]) => `${lines.slice(0, 5).join(', ')}${lines.length > 5 ? ', ...' : ''}`;

export default defineRule({
  meta: {
    id: 'sensitive-evidence',
    description: 'An evidence file holding a secret: a private key, a cloud or API token, a password or a credential in a URL (soc2lint\'s patterns and secretlint\'s recommended rules).',
    defaultSeverity: 'error',
    reads: ['control', 'vendor', 'person', 'evidence-content'],
    messages: {
      ...SECRET_MESSAGES,
      lineTooLong: `{{role}} "{{file}}" (named by {{namedBy}}) has a line longer than ${MAX_SCANNED_LINE} characters (line {{line}}), which is not scanned for secrets. Check it by hand and redact any secret, or break it into shorter lines.`,
      linesTooLong: `{{role}} "{{file}}" (named by {{namedBy}}) has {{count}} lines longer than ${MAX_SCANNED_LINE} characters (lines {{lines}}), which are not scanned for secrets. Check them by hand and redact any secret, or break them into shorter lines.`,
      // The loader reads evidence text up to 1 MiB (MAX_EVIDENCE_BYTES in src/files/read.ts).
      fileTooLarge: '{{role}} "{{file}}" (named by {{namedBy}}) is larger than 1 MiB, so it is not scanned for secrets. Check it by hand and redact any secret, or split it into smaller files.',
      // Past MAX_PER_FILE, one finding counts the rest and lists their lines (the first five).
      oneMoreSecret: '{{role}} "{{file}}" (named by {{namedBy}}) contains 1 more secret (line {{line}}). Clean the whole file, rotate the credentials, and purge them from git history.',
      moreSecretsOnLine: '{{role}} "{{file}}" (named by {{namedBy}}) contains {{count}} more secrets (line {{line}}). Clean the whole file, rotate the credentials, and purge them from git history.',
      moreSecrets: '{{role}} "{{file}}" (named by {{namedBy}}) contains {{count}} more secrets (lines {{lines}}). Clean the whole file, rotate the credentials, and purge them from git history.',
    },
  },
  check({ model, report }) {
    // Each file once, however many entries name it (and however they spell its path), in the order first named.
    const files = new Map<string, EvidenceFileRef[]>();
    for (const ref of evidenceFiles(model)) {
      const file = normalized(ref.path);
      files.set(file, [...(files.get(file) ?? []), ref]);
    }
    for (const [file, refs] of files) {
      const contents = refs.map((ref) => [ref.path, model.evidenceContent.get(ref.path)] as const);
      const [path, content] = contents.find(([, content]) => content !== undefined && 'text' in content) ?? contents.find(([, content]) => content !== undefined) ?? [];
      if (content === undefined) continue; // missing: other rules say so
      const record = refs[0]?.record;
      const named = { file, ...nameFile(refs) };
      const place = { file, ...(record !== undefined ? { record } : {}) };
      if (!('text' in content)) {
        // Binary and unreadable files are not text to scan; a text file over the limit is reported as unscanned. Not
        // scanned is not a secret found: a warning whatever the rule's severity, so a large log export does not fail CI.
        if (content.skipped === 'too-large') report({ messageId: 'fileTooLarge', data: named, at: { ...place, line: 1, column: 1, endLine: 1, endColumn: 1 }, severity: 'warn' });
        continue;
      }
      const { hits, tooLong } = scan(content.text, model.evidenceSecrets.get(path!) ?? []);
      // At the first line too long to scan, its first column.
      const longLine = { ...place, line: tooLong[0]!, column: 1, endLine: tooLong[0]!, endColumn: 2 };
      if (tooLong.length === 1) report({ messageId: 'lineTooLong', data: { ...named, line: tooLong[0]! }, at: longLine, severity: 'warn' });
      if (tooLong.length > 1) report({ messageId: 'linesTooLong', data: { ...named, count: tooLong.length, lines: listed(tooLong) }, at: longLine, severity: 'warn' });
      if (hits.length === 0) continue;
      const at = (hit: Hit) => ({ ...place, line: hit.line, column: hit.column, endLine: hit.line, endColumn: hit.endColumn });
      for (const hit of hits.slice(0, MAX_PER_FILE)) {
        report({ messageId: hit.kind, data: { ...named, ...hit.data }, at: at(hit) });
      }
      const rest = hits.slice(MAX_PER_FILE);
      if (rest.length === 0) continue;
      const lines = [...new Set(rest.map((hit) => hit.line))];
      if (lines.length > 1) {
        report({ messageId: 'moreSecrets', data: { ...named, count: rest.length, lines: listed(lines) }, at: at(rest[0]!) });
      } else {
        report({ messageId: rest.length === 1 ? 'oneMoreSecret' : 'moreSecretsOnLine', data: { ...named, count: rest.length, line: lines[0]! }, at: at(rest[0]!) });
      }
    }
  },
});

/** What the file is and who names it: `Evidence file` named by `Control A, Control B`; with different roles, each naming says which. */
function nameFile(refs: readonly EvidenceFileRef[]): { role: string; namedBy: string } {
  const roles = new Set(refs.map((ref) => ref.what));
  if (roles.size === 1) return { role: capitalized(refs[0]!.what), namedBy: [...new Set(refs.map((ref) => ref.owner))].join(', ') };
  return { role: 'Evidence file', namedBy: [...new Set(refs.map((ref) => `${ref.owner} as ${ref.what}`))].join(', ') };
}
