// A secret inside an evidence file (a private key, a cloud or API token, a password): evidence is copied to auditors
// and kept for years, so a credential in it is a leak, and an auditor who sees one reports a control failure.
import { evidenceFiles, repoPath, type EvidenceFileRef } from '../src/model/evidence.js';
import { MAX_SCANNED_LINE } from '../src/model/secret-lines.js';
import type { SecretHit, SecretKind } from '../src/model/secret-scan.js';
import type { ScannedEvidence } from '../src/model/types.js';
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
} satisfies Record<SecretKind, string>;

const MAX_PER_FILE = 10;

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
      const file = repoPath(ref.path); // every spelling of one file is one file
      const named = files.get(file);
      if (named) named.push(ref);
      else files.set(file, [ref]);
    }
    for (const [file, refs] of files) {
      // The first spelling of the path that was scanned, or else the first that was looked at.
      let content: ScannedEvidence | undefined;
      for (const ref of refs) {
        const found = model.evidenceContent.get(ref.path);
        if (found !== undefined && 'scan' in found) {
          content = found;
          break;
        }
        content ??= found;
      }
      if (content === undefined) continue; // missing: other rules say so
      // Most files have nothing to say: no secret, no line too long, not too large to scan.
      if ('scan' in content ? content.scan.hits.length === 0 && content.scan.tooLong.length === 0 : content.skipped !== 'too-large') continue;
      const record = refs[0]?.record;
      const named = { file, ...nameFile(refs) };
      const place = { file, ...(record !== undefined ? { record } : {}) };
      if (!('scan' in content)) {
        // Binary and unreadable files are not text to scan; a text file over the limit is reported as unscanned. Not
        // scanned is not a secret found: a warning whatever the rule's severity, so a large log export does not fail CI.
        if (content.skipped === 'too-large') report({ messageId: 'fileTooLarge', data: named, at: { ...place, line: 1, column: 1, endLine: 1, endColumn: 1 }, severity: 'warn' });
        continue;
      }
      const { hits, tooLong } = content.scan;
      // At the first line too long to scan, its first column.
      const longLine = { ...place, line: tooLong[0]!, column: 1, endLine: tooLong[0]!, endColumn: 2 };
      if (tooLong.length === 1) report({ messageId: 'lineTooLong', data: { ...named, line: tooLong[0]! }, at: longLine, severity: 'warn' });
      if (tooLong.length > 1) report({ messageId: 'linesTooLong', data: { ...named, count: tooLong.length, lines: listed(tooLong) }, at: longLine, severity: 'warn' });
      if (hits.length === 0) continue;
      const at = (hit: SecretHit) => ({ ...place, line: hit.line, column: hit.column, endLine: hit.line, endColumn: hit.endColumn });
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
