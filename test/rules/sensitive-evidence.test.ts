import { describe, expect, it } from 'vitest';
import rule from '../../rules/sensitive-evidence.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

// Test secrets are assembled from pieces so this file does not itself look like it holds live credentials.
const alnum = (n: number) => Array.from({ length: n }, (_, i) => 'aB3xK9mQ7zR2pW5t'[(i * 7) % 16]).join('');
const SECRETS = {
  aws: 'AKIA' + 'Q3EGT5XN' + '2BWZK7PD',
  awsSession: 'ASIA' + 'Z7K2M9QW' + 'E4RT6YUP',
  ghp: 'ghp' + '_' + alnum(36),
  githubPat: 'github' + '_pat_' + alnum(22) + '_' + alnum(59),
  slack: 'xox' + 'b-' + '2648101234-' + '5728303456-' + alnum(24),
  stripe: 'sk' + '_live_' + alnum(24),
  google: 'AI' + 'za' + 'Sy' + alnum(33),
  pemBody: 'MII' + 'EvQIBADANBgkqhkiG9w0BAQEFAASC' + alnum(32),
  password: 'Tr0ub4dor' + '&3x',
};
const pem = (label: string) => [`-----BEGIN ${label}-----`, SECRETS.pemBody, SECRETS.pemBody, `-----END ${label}-----`].join('\n');

/** A control as a mapping: the `path` value of evidence entry i is on line 6 + 2i, column 11. */
const control = (id: string, ...paths: string[]) =>
  `id: ${id}\ntitle: Access review\nowner: a@x.io\nfrequency: quarterly\nevidence:\n${paths.map((p) => `  - path: ${p}\n    date: 2026-06-02\n`).join('')}`;
const at = (index = 0) => ({ file: 'controls/c.yaml', line: 6 + 2 * index, column: 11 });

/** The evidence file x.txt with `secret` on line 4, after three harmless lines. */
const onLine4 = (secret: string) => ({ 'controls/c.yaml': control('C-AR', 'evidence/x.txt'), 'evidence/x.txt': `Access review\n\nReviewer: Ada\n${secret}\nDone.\n` });
const kind = (what: string) => `Control C-AR: evidence file "evidence/x.txt" line 4 contains ${what}. Remove it (redact the value), rotate the credential, and purge it from git history.`;

testRule(rule, {
  valid: [
    { name: 'an evidence file with no secret', files: onLine4('All 14 accounts reviewed; 2 removed (see ticket SEC-12).') },
    {
      name: 'redacted, masked, templated, prose and code-reference passwords are not secrets',
      files: onLine4(
        [
          'password: <redacted>',
          'password=****',
          'DB_PASSWORD=${DB_PASSWORD}',
          'password: xxxxxxxx',
          '"password": "changeme"',
          "password: '[REDACTED]'",
          'Password: rotated on 2026-03-01 by Ada',
          'Password: enabled',
          'PWD=/home/runner/work/app',
          'password = os.environ["DB_PASSWORD"]',
          'password: !vault |',
          'password: ENC[AES256_GCM,data:abc]',
          'PasswordAuthentication no',
          'password_min_length=14',
          'if password == confirm:',
          'password=',
          'self.key_password = key_password',
          "const password = 'Password used to generate key';",
          'password = ":****"',
          '"passwd:dir",',
        ].join('\n'),
      ),
    },
    { name: 'a PEM header with no key body (documentation about keys) is not a key', files: onLine4('Keys start with -----BEGIN RSA PRIVATE KEY----- and must never be committed.') },
    { name: "AWS's documented example key (ending in EXAMPLE) is not reported", files: onLine4('aws_access_key_id = ' + 'AKIA' + 'IOSFODNN7EXAMPLE') },
    { name: 'a Slack token placeholder from the docs is not a token', files: onLine4('SLACK_TOKEN=xoxb-your-token-here') },
    { name: 'a token-like prefix that is too short is not a token', files: onLine4('branch ghp_fix and sk_live_ naming') },
    {
      name: 'a binary file containing an AWS key ID is skipped, not scanned',
      files: { 'controls/c.yaml': control('C-AR', 'evidence/x.bin'), 'evidence/x.bin': Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(`\n${SECRETS.aws}\n`)]) },
    },
    {
      name: 'a file over 1 MiB is skipped, not scanned',
      files: { 'controls/c.yaml': control('C-AR', 'evidence/big.log'), 'evidence/big.log': 'ok\n'.repeat(400_000) + `${SECRETS.aws}\n` },
    },
    {
      name: 'url evidence and missing files are not scanned',
      files: { 'controls/c.yaml': control('C-AR', 'evidence/missing.txt') + `  - url: https://x.example.com/?key=${SECRETS.aws}\n    date: 2026-06-03\n` },
    },
  ],
  invalid: [
    { name: 'an AWS access key ID, reported at the entry naming the file, with the evidence line', files: onLine4(`aws_access_key_id = ${SECRETS.aws}`), errors: [{ ...at(), message: kind('an AWS access key ID') }] },
    { name: 'an AWS temporary (ASIA) key ID', files: onLine4(`key=${SECRETS.awsSession}`), errors: [{ ...at(), message: 'line 4 contains an AWS access key ID' }] },
    { name: 'an RSA private key block', files: onLine4(pem('RSA PRIVATE KEY')), errors: [{ ...at(), message: kind('a private key (BEGIN RSA PRIVATE KEY)') }] },
    { name: 'a PKCS#8 private key block', files: onLine4(pem('PRIVATE KEY')), errors: [{ ...at(), message: 'line 4 contains a private key (BEGIN PRIVATE KEY)' }] },
    { name: 'an EC private key block', files: onLine4(pem('EC PRIVATE KEY')), errors: [{ ...at(), message: 'line 4 contains a private key (BEGIN EC PRIVATE KEY)' }] },
    { name: 'an OpenSSH private key block', files: onLine4(pem('OPENSSH PRIVATE KEY')), errors: [{ ...at(), message: 'line 4 contains a private key (BEGIN OPENSSH PRIVATE KEY)' }] },
    {
      name: 'a PGP private key block, whose body follows armor headers and a blank line',
      files: onLine4(['-----BEGIN PGP PRIVATE KEY BLOCK-----', 'Version: GnuPG v2', '', SECRETS.pemBody, '-----END PGP PRIVATE KEY BLOCK-----'].join('\n')),
      errors: [{ ...at(), message: 'line 4 contains a private key (BEGIN PGP PRIVATE KEY BLOCK)' }],
    },
    {
      name: 'a private key in JSON credentials is one finding, not also a PEM block',
      files: onLine4(`  "private_key": "-----BEGIN PRIVATE KEY-----\\n${SECRETS.pemBody}\\n-----END PRIVATE KEY-----\\n",`),
      errors: [{ ...at(), message: kind('a private key in JSON credentials ("private_key")') }],
    },
    { name: 'a GitHub personal access token (ghp_)', files: onLine4(`token: ${SECRETS.ghp}`), errors: [{ ...at(), message: kind('a GitHub personal access token') }] },
    { name: 'a GitHub OAuth token (gho_)', files: onLine4(SECRETS.ghp.replace('ghp', 'gho')), errors: [{ ...at(), message: 'line 4 contains a GitHub OAuth token' }] },
    { name: 'a GitHub app token (ghs_)', files: onLine4(SECRETS.ghp.replace('ghp', 'ghs')), errors: [{ ...at(), message: 'line 4 contains a GitHub server-to-server token' }] },
    { name: 'a GitHub fine-grained personal access token (github_pat_)', files: onLine4(`GH_TOKEN=${SECRETS.githubPat}`), errors: [{ ...at(), message: 'line 4 contains a GitHub fine-grained personal access token' }] },
    { name: 'a Slack bot token', files: onLine4(`SLACK_TOKEN=${SECRETS.slack}`), errors: [{ ...at(), message: kind('a Slack token') }] },
    { name: 'a Stripe live secret key', files: onLine4(`stripe: ${SECRETS.stripe}`), errors: [{ ...at(), message: kind('a Stripe live secret key') }] },
    { name: 'a Google API key', files: onLine4(`maps key ${SECRETS.google} in config`), errors: [{ ...at(), message: kind('a Google API key') }] },
    { name: 'a password assignment (password=...)', files: onLine4(`password=${SECRETS.password}`), errors: [{ ...at(), message: kind('a password') }] },
    { name: 'an env-style DB_PASSWORD with a quoted value', files: onLine4(`DB_PASSWORD="${SECRETS.password}"`), errors: [{ ...at(), message: 'line 4 contains a password' }] },
    { name: 'a JSON "password" key', files: onLine4(`{"user": "svc", "password": "letmein1"}`), errors: [{ ...at(), message: 'line 4 contains a password' }] },
    { name: 'a YAML password: value alone on its line', files: onLine4('  password: Sup3rS3cret!'), errors: [{ ...at(), message: 'line 4 contains a password' }] },
    { name: 'passwd= and pwd= in a connection string', files: onLine4('Server=db;Uid=svc;Pwd=Qx7!mzLp;'), errors: [{ ...at(), message: 'line 4 contains a password' }] },
    { name: 'a camelCase dbPassword key', files: onLine4(`const dbPassword = "${SECRETS.password}";`), errors: [{ ...at(), message: 'line 4 contains a password' }] },
    {
      name: 'a CRLF file: the line number counts CRLF line ends once',
      files: { 'controls/c.yaml': control('C-AR', 'evidence/x.txt'), 'evidence/x.txt': `one\r\ntwo\r\n\r\nfour\r\n${SECRETS.aws}\r\n` },
      errors: [{ ...at(), message: 'evidence file "evidence/x.txt" line 5 contains an AWS access key ID' }],
    },
    {
      name: 'two kinds on one line are two findings; a token inside a password assignment is reported once, as the token',
      files: onLine4(`AWS=${SECRETS.aws} password=${SECRETS.ghp}`),
      errors: [
        { ...at(), message: 'line 4 contains an AWS access key ID' },
        { ...at(), message: 'line 4 contains a GitHub personal access token' },
      ],
    },
    {
      name: 'the same file named by two controls is reported at each naming entry',
      files: {
        'controls/c.yaml': `controls:\n  - id: C-A\n    title: A\n    frequency: monthly\n    evidence:\n      - path: evidence/x.txt\n        date: 2026-06-01\n  - id: C-B\n    title: B\n    frequency: monthly\n    evidence:\n      - path: ./evidence/x.txt\n        date: 2026-06-01\n`,
        'evidence/x.txt': `${SECRETS.stripe}\n`,
      },
      errors: [
        { file: 'controls/c.yaml', line: 6, column: 15, message: 'Control C-A: evidence file "evidence/x.txt" line 1 contains a Stripe live secret key' },
        { file: 'controls/c.yaml', line: 12, column: 15, message: 'Control C-B: evidence file "./evidence/x.txt" line 1 contains a Stripe live secret key' },
      ],
    },
    {
      name: 'vendor reports, bridge letters and offboarding proof are scanned too, reported at their path values',
      files: {
        'vendors/aws.yaml': ['id: V-AWS', 'name: AWS', 'criticality: critical', 'assurance:', '  kind: soc2-type2', '  path: vendors/aws/soc2.txt', '  bridge_letter:', '    through: 2026-06-30', '    path: vendors/aws/bridge.txt', ''].join('\n'),
        'vendors/aws/soc2.txt': `report\n${SECRETS.aws}\n`,
        'vendors/aws/bridge.txt': `letter\n\n${SECRETS.slack}\n`,
        'people.yaml': 'people:\n  - id: ada@x.io\n    name: Ada\n    offboarded:\n      date: 2026-05-01\n      evidence: evidence/off/ada.txt\n',
        'evidence/off/ada.txt': `revoked\npassword=${SECRETS.password}\n`,
      },
      errors: [
        { file: 'people.yaml', line: 6, column: 17, message: 'Person ada@x.io: offboarding evidence file "evidence/off/ada.txt" line 2 contains a password' },
        { file: 'vendors/aws.yaml', line: 6, column: 9, message: 'Vendor V-AWS: assurance report "vendors/aws/soc2.txt" line 2 contains an AWS access key ID' },
        { file: 'vendors/aws.yaml', line: 9, column: 11, message: 'Vendor V-AWS: bridge letter "vendors/aws/bridge.txt" line 3 contains a Slack token' },
      ],
    },
    {
      name: 'a file full of secrets: ten findings, then one that counts the rest',
      files: { 'controls/c.yaml': control('C-AR', 'evidence/x.txt'), 'evidence/x.txt': Array.from({ length: 13 }, () => SECRETS.aws).join('\n') + '\n' },
      // Findings at one place keep the order the rule reports them in: by line, then the summary of the rest.
      errors: [
        ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((line) => ({ ...at(), message: `line ${line} contains an AWS access key ID` })),
        { ...at(), message: 'Control C-AR: evidence file "evidence/x.txt" contains 3 more secrets (lines 11, 12, 13).' },
      ],
    },
  ],
});

describe('sensitive-evidence messages', () => {
  it.each(Object.entries({ ...SECRETS, pemBody: pem('RSA PRIVATE KEY') }))('never contain the secret itself (%s)', async (name, secret) => {
    const findings = await runRule(rule, { name, files: onLine4(secret.includes('Tr0ub') ? `password=${secret}` : secret) });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('line 4 contains');
    const core = secret.includes('BEGIN') ? SECRETS.pemBody : secret;
    for (let i = 0; i + 8 <= core.length; i += 4) expect(findings[0]!.message).not.toContain(core.slice(i, i + 8));
  });
});
