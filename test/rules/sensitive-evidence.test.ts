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
  awsSecret: alnum(20) + '/' + alnum(19),
  gitlab: 'glpat' + '-' + alnum(20),
  npm: 'npm' + '_' + alnum(36),
  sendgrid: 'SG' + '.' + alnum(22) + '.' + alnum(43),
  slackHook: 'https://hooks.' + 'slack.com/services/' + 'T0ABCDEFG/' + 'B0ABCDEFG/' + alnum(24),
  jwt: 'eyJ' + 'hbGciOiJIUzI1NiJ9' + '.eyJ' + 'zdWIiOiIxMjM0NTY3ODkwIn0' + '.' + alnum(43),
  dbUrl: 'postgres://' + 'app:' + 'Kq7' + 'zR2pW5t' + '@db.internal:5432/prod',
};
/** Kinds only the maintained rule set (secretlint's recommended preset) knows. */
const MAINTAINED = {
  anthropic: 'sk' + '-ant-api03-' + alnum(93) + 'AA',
  shopify: 'shp' + 'at_' + '0a1b2c3d4e5f6789'.repeat(2),
  linear: 'lin' + '_api_' + alnum(40),
  slackApp: 'xa' + 'pp-1-A0ABCDEFG-1234567890123-' + '0a1b2c3d4e5f6789'.repeat(4),
};
const pem = (label: string) => [`-----BEGIN ${label}-----`, SECRETS.pemBody, SECRETS.pemBody, `-----END ${label}-----`].join('\n');

/** A control as a mapping, naming each path in an evidence entry of its own. */
const control = (id: string, ...paths: string[]) =>
  `id: ${id}\ntitle: Access review\nowner: a@x.io\nfrequency: quarterly\nevidence:\n${paths.map((p) => `  - path: ${p}\n    date: 2026-06-02\n`).join('')}`;
/** A finding in the evidence file itself: at the secret's line and first column. */
const at = (column: number, line = 4, file = 'evidence/x.txt') => ({ file, line, column });

/** The evidence file x.txt with `secret` on line 4, after three harmless lines. */
const onLine4 = (secret: string) => ({ 'controls/c.yaml': control('C-AR', 'evidence/x.txt'), 'evidence/x.txt': `Access review\n\nReviewer: Ada\n${secret}\nDone.\n` });
const kind = (what: string) => `Evidence file "evidence/x.txt" (named by Control C-AR) contains ${what} on this line. Remove it (redact the value), rotate the credential, and purge it from git history.`;
const contains = (what: string) => `(named by Control C-AR) contains ${what} on this line`;

testRule(rule, {
  valid: [
    { name: 'a URL whose password is a placeholder, a variable or masked', files: onLine4('postgres://app:password@db:5432/x https://u:${PASS}@h.example.com mysql://root:****@db/x redis://:changeme@cache') },
    { name: "AWS's documented example secret key", files: onLine4('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY') },
    { name: 'a URL with a user and no password', files: onLine4('git clone https://user@github.com/acme/repo.git') },
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
    ...Object.entries({
      'a key ID inside a longer word, or one character too long': [`x${SECRETS.aws}`, `${SECRETS.aws}Q`],
      'GitHub tokens inside a word, too short or too long': [`x${SECRETS.ghp}`, `${SECRETS.ghp}x`, SECRETS.ghp.slice(0, -1), `x${SECRETS.githubPat}`, SECRETS.githubPat.slice(0, -1)],
      'Slack, Stripe and npm tokens inside a word or too short': [`x${SECRETS.slack}`, `x${SECRETS.stripe}`, SECRETS.stripe.slice(0, -1), `x${SECRETS.npm}`, SECRETS.npm.slice(0, -1)],
      'Google, GitLab and SendGrid keys of the wrong length or inside a word': [SECRETS.google.slice(0, -1), `${SECRETS.google}x`, `x${SECRETS.google}`, SECRETS.gitlab.slice(0, -1), `${SECRETS.gitlab}x`, `x${SECRETS.gitlab}`, SECRETS.sendgrid.slice(0, -1), `x${SECRETS.sendgrid}`],
      'a JSON Web Token inside a word, or with a short signature': [`x${SECRETS.jwt}`, SECRETS.jwt.slice(0, SECRETS.jwt.lastIndexOf('.') + 16)],
      'an AWS secret key of 39 or 41 characters': [`aws_secret_access_key = ${SECRETS.awsSecret.slice(1)}`, `aws_secret_access_key = ${SECRETS.awsSecret}Q`],
      'a one-letter scheme': ['a://app:Kq7zR2pW5t@db.internal'],
      'placeholders spelled with punctuation, sentences with wide spaces, dotted names': ['password: "T.B.D."', 'password: "see  the  vault"', 'password=a1.b2', 'password=settings.db_pw'],
      'a comparison, a label or a longer word is not a password': ['password==k7Vq2mLp9', 'password::k7Vq2mLp9', 'mypassword=k7Vq2mLp9', 'xPWD=k7Vq2mLp9', 'passwords=k7Vq2mLp9'],
    }).map(([name, lines]) => ({ name: `boundaries: ${name}`, files: onLine4(lines.join('\n')) })),
    { name: 'a line of exactly 10,000 characters is scanned (and has no secret)', files: onLine4('x'.repeat(10_000)) },
    {
      name: 'a password value over 200 characters is data, quoted or not; a colon value followed by more words is prose',
      files: onLine4(['password=' + 'k7Vq2'.repeat(40) + 'x', `password: "${'k7Vq2'.repeat(40)}x"`, 'password: k7Vq2mLp9xRw, then rotated', 'password: k7Vq2mLp9xRw ,#x'].join('\n')),
    },
    {
      name: 'url evidence and missing files are not scanned',
      files: { 'controls/c.yaml': control('C-AR', 'evidence/missing.txt') + `  - url: https://x.example.com/?key=${SECRETS.aws}\n    date: 2026-06-03\n` },
    },
  ],
  invalid: [
    {
      name: 'a file over 1 MiB is not scanned: one finding says so, at its first line',
      files: { 'controls/c.yaml': control('C-AR', 'evidence/big.log'), 'evidence/big.log': 'ok\n'.repeat(400_000) + `${SECRETS.aws}\n` },
      errors: [{ ...at(1, 1, 'evidence/big.log'), severity: 'warn', messageId: 'fileTooLarge', data: { role: 'Evidence file', file: 'evidence/big.log', namedBy: 'Control C-AR' }, message: 'Evidence file "evidence/big.log" (named by Control C-AR) is larger than 1 MiB, so it is not scanned for secrets. Check it by hand and redact any secret, or split it into smaller files.' }],
    },
    {
      name: 'a line over 10,000 characters is not scanned (the key on it is not reported); the lines around it are',
      files: onLine4(`${'x'.repeat(10_000)} ${SECRETS.aws}\n${SECRETS.stripe}`),
      errors: [
        { ...at(1), severity: 'warn', messageId: 'lineTooLong', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR', line: 4 }, message: 'Evidence file "evidence/x.txt" (named by Control C-AR) has a line longer than 10000 characters (line 4), which is not scanned for secrets. Check it by hand and redact any secret, or break it into shorter lines.' },
        { ...at(1, 5), messageId: 'stripeSecretKey', message: contains('a Stripe live secret key') },
      ],
    },
    {
      name: 'a line of exactly 10,000 characters is scanned to its end',
      files: onLine4(`${'x'.repeat(10_000 - SECRETS.aws.length - 1)} ${SECRETS.aws}`),
      errors: [{ ...at(10_000 - SECRETS.aws.length + 1), messageId: 'awsAccessKey', message: contains('an AWS access key ID') }],
    },
    {
      name: 'several lines too long: one finding, at the first, listing five',
      files: onLine4(Array.from({ length: 7 }, () => 'A'.repeat(10_001)).join('\n')),
      errors: [{ ...at(1), severity: 'warn', messageId: 'linesTooLong', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR', count: 7, lines: '4, 5, 6, 7, 8, ...' }, message: 'Evidence file "evidence/x.txt" (named by Control C-AR) has 7 lines longer than 10000 characters (lines 4, 5, 6, 7, 8, ...), which are not scanned for secrets. Check them by hand and redact any secret, or break them into shorter lines.' }],
    },
    { name: 'an Anthropic API key, found by the maintained rule set', files: onLine4(`ANTHROPIC_API_KEY=${MAINTAINED.anthropic}`), errors: [{ ...at(19), messageId: 'maintainedSecret', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR', rule: 'anthropic', secretlintId: 'ANTHROPIC_API_KEY' }, message: kind("a secret that secretlint's anthropic rule reports (ANTHROPIC_API_KEY)") }] },
    { name: 'a Shopify access token, found by the maintained rule set', files: onLine4(`  token: ${MAINTAINED.shopify} (app)`), errors: [{ ...at(10), messageId: 'maintainedSecret', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR', rule: 'shopify', secretlintId: 'SHOPIFY_KEY' }, message: contains("a secret that secretlint's shopify rule reports (SHOPIFY_KEY)") }] },
    { name: 'a Linear API key, found by the maintained rule set', files: onLine4(MAINTAINED.linear), errors: [{ ...at(1), messageId: 'maintainedSecret', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR', rule: 'linear', secretlintId: 'LINEAR_API_TOKEN' }, message: contains("a secret that secretlint's linear rule reports (LINEAR_API_TOKEN)") }] },
    { name: 'a Slack app-level token, found by the maintained rule set', files: onLine4(`app token ${MAINTAINED.slackApp}`), errors: [{ ...at(11), messageId: 'maintainedSecret', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR', rule: 'slack', secretlintId: 'SLACK_TOKEN' }, message: contains("a secret that secretlint's slack rule reports (SLACK_TOKEN)") }] },
    {
      name: "a secret both rule sets know is reported once, as soc2lint's kind; the maintained set's finds sit among ours by column",
      files: onLine4(`${SECRETS.ghp} ${MAINTAINED.linear} ${SECRETS.npm}`),
      errors: [
        { ...at(1), messageId: 'githubToken', message: contains('a GitHub personal access token') },
        { ...at(42), messageId: 'maintainedSecret', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR', rule: 'linear', secretlintId: 'LINEAR_API_TOKEN' } },
        { ...at(42 + MAINTAINED.linear.length + 1), messageId: 'npmToken', message: contains('an npm access token') },
      ],
    },
    { name: 'an AWS access key ID, reported in the evidence file at the key itself', files: onLine4(`aws_access_key_id = ${SECRETS.aws}`), errors: [{ ...at(21), messageId: 'awsAccessKey', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR' }, message: kind('an AWS access key ID') }] },
    { name: 'an AWS temporary (ASIA) key ID', files: onLine4(`key=${SECRETS.awsSession}`), errors: [{ ...at(5), messageId: 'awsAccessKey', message: contains('an AWS access key ID') }] },
    { name: 'an RSA private key block, at its BEGIN line', files: onLine4(pem('RSA PRIVATE KEY')), errors: [{ ...at(1), messageId: 'privateKey', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR', header: 'BEGIN RSA PRIVATE KEY' }, message: kind('a private key (BEGIN RSA PRIVATE KEY)') }] },
    { name: 'a PKCS#8 private key block', files: onLine4(pem('PRIVATE KEY')), errors: [{ ...at(1), messageId: 'privateKey', message: contains('a private key (BEGIN PRIVATE KEY)') }] },
    { name: 'an EC private key block', files: onLine4(pem('EC PRIVATE KEY')), errors: [{ ...at(1), messageId: 'privateKey', message: contains('a private key (BEGIN EC PRIVATE KEY)') }] },
    { name: 'an OpenSSH private key block', files: onLine4(pem('OPENSSH PRIVATE KEY')), errors: [{ ...at(1), messageId: 'privateKey', message: contains('a private key (BEGIN OPENSSH PRIVATE KEY)') }] },
    {
      name: 'a PGP private key block, whose body follows armor headers and a blank line',
      files: onLine4(['-----BEGIN PGP PRIVATE KEY BLOCK-----', 'Version: GnuPG v2', '', SECRETS.pemBody, '-----END PGP PRIVATE KEY BLOCK-----'].join('\n')),
      errors: [{ ...at(1), messageId: 'privateKey', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR', header: 'BEGIN PGP PRIVATE KEY BLOCK' }, message: contains('a private key (BEGIN PGP PRIVATE KEY BLOCK)') }],
    },
    {
      name: 'a private key in JSON credentials is one finding, not also a PEM block',
      files: onLine4(`  "private_key": "-----BEGIN PRIVATE KEY-----\\n${SECRETS.pemBody}\\n-----END PRIVATE KEY-----\\n",`),
      errors: [{ ...at(3), messageId: 'privateKeyInJson', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR' }, message: kind('a private key in JSON credentials ("private_key")') }],
    },
    { name: 'a GitHub personal access token (ghp_)', files: onLine4(`token: ${SECRETS.ghp}`), errors: [{ ...at(8), messageId: 'githubToken', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR', token: 'personal access token' }, message: kind('a GitHub personal access token') }] },
    { name: 'a GitHub OAuth token (gho_)', files: onLine4(SECRETS.ghp.replace('ghp', 'gho')), errors: [{ ...at(1), messageId: 'githubToken', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR', token: 'OAuth token' }, message: contains('a GitHub OAuth token') }] },
    { name: 'a GitHub app token (ghs_)', files: onLine4(SECRETS.ghp.replace('ghp', 'ghs')), errors: [{ ...at(1), messageId: 'githubToken', message: contains('a GitHub server-to-server token') }] },
    { name: 'a GitHub fine-grained personal access token (github_pat_)', files: onLine4(`GH_TOKEN=${SECRETS.githubPat}`), errors: [{ ...at(10), messageId: 'githubToken', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR', token: 'fine-grained personal access token' }, message: contains('a GitHub fine-grained personal access token') }] },
    { name: 'a Slack bot token', files: onLine4(`SLACK_TOKEN=${SECRETS.slack}`), errors: [{ ...at(13), messageId: 'slackToken', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR' }, message: kind('a Slack token') }] },
    { name: 'a Stripe live secret key', files: onLine4(`stripe: ${SECRETS.stripe}`), errors: [{ ...at(9), messageId: 'stripeSecretKey', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR' }, message: kind('a Stripe live secret key') }] },
    { name: 'a Google API key', files: onLine4(`maps key ${SECRETS.google} in config`), errors: [{ ...at(10), messageId: 'googleApiKey', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR' }, message: kind('a Google API key') }] },
    { name: 'an AWS secret access key, named as such', files: onLine4(`aws_secret_access_key = ${SECRETS.awsSecret}`), errors: [{ ...at(1), messageId: 'awsSecretKey', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR' }, message: kind('an AWS secret access key') }] },
    { name: 'a GitLab personal access token', files: onLine4(`token ${SECRETS.gitlab}`), errors: [{ ...at(7), messageId: 'gitlabToken', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR' }, message: kind('a GitLab personal access token') }] },
    { name: 'an npm access token', files: onLine4(`//registry.npmjs.org/:_authToken=${SECRETS.npm}`), errors: [{ ...at(34), messageId: 'npmToken', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR' }, message: kind('an npm access token') }] },
    { name: 'a SendGrid API key', files: onLine4(`SENDGRID=${SECRETS.sendgrid}`), errors: [{ ...at(10), messageId: 'sendgridKey', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR' }, message: kind('a SendGrid API key') }] },
    { name: 'a Slack incoming-webhook URL', files: onLine4(`alerts go to ${SECRETS.slackHook}`), errors: [{ ...at(14), messageId: 'slackWebhook', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR' }, message: kind('a Slack incoming-webhook URL') }] },
    { name: 'a JSON Web Token', files: onLine4(`Authorization: Bearer ${SECRETS.jwt}`), errors: [{ ...at(23), messageId: 'jsonWebToken', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR' }, message: kind('a JSON Web Token') }] },
    { name: 'a database URL with its password', files: onLine4(`DATABASE_URL=${SECRETS.dbUrl}`), errors: [{ ...at(14), messageId: 'credentialInUrl', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR', scheme: 'postgres' }, message: kind('a password in a postgres URL') }] },
    { name: 'a password assignment (password=...), at its key', files: onLine4(`password=${SECRETS.password}`), errors: [{ ...at(1), messageId: 'password', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR' }, message: kind('a password') }] },
    { name: 'an env-style DB_PASSWORD with a quoted value', files: onLine4(`DB_PASSWORD="${SECRETS.password}"`), errors: [{ ...at(4), messageId: 'password', message: contains('a password') }] },
    { name: 'a JSON "password" key', files: onLine4(`{"user": "svc", "password": "letmein1"}`), errors: [{ ...at(18), messageId: 'password', message: contains('a password') }] },
    { name: 'a YAML password: value alone on its line', files: onLine4('  password: Sup3rS3cret!'), errors: [{ ...at(3), messageId: 'password', message: contains('a password') }] },
    {
      name: 'boundaries: keys in JSON without spaces, secret keys named in any case and separator, passwords with spaced or arrow separators',
      files: onLine4(
        [
          `{"private_key":"-----BEGIN RSA PRIVATE KEY-----\\n${SECRETS.pemBody}"}`,
          `"SecretAccessKey": "${SECRETS.awsSecret}"`,
          `AWS_SECRET_ACCESS_KEY=${SECRETS.awsSecret}`,
          `secretaccesskey := ${SECRETS.awsSecret}`,
          'password  =  k7Vq2mLp9',
          "'password' => 'k7Vq2mLp9'",
          'dbPwd := k7Vq2mLp9',
          'PASSWD: k7Vq2mLp9',
        ].join('\n'),
      ),
      errors: [
        { ...at(2), messageId: 'privateKeyInJson' },
        { ...at(2, 5), messageId: 'awsSecretKey' },
        { ...at(1, 6), messageId: 'awsSecretKey' },
        { ...at(1, 7), messageId: 'awsSecretKey' },
        { ...at(1, 8), messageId: 'password' },
        { ...at(2, 9), messageId: 'password' },
        { ...at(3, 10), messageId: 'password' },
        { ...at(1, 11), messageId: 'password' },
      ],
    },
    {
      name: 'boundaries: a short Slack token, a long Stripe key, a scheme with a +; webhooks with short parts are the maintained set\'s',
      files: onLine4(
        [
          `xoxp-1234-${alnum(12)} ${'sk'}_live_${alnum(30)} ${'mongodb+srv'}://u:Kq7zR2pW5t@h`,
          'https://hooks.' + 'slack.com/services/' + 'T0ABCD/' + 'B0ABCDEFG/' + alnum(24),
          'https://hooks.' + 'slack.com/services/' + 'T0ABCDEFG/' + 'B0ABCDEFG/' + alnum(19),
        ].join('\n'),
      ),
      errors: [
        { ...at(1), messageId: 'slackToken' },
        { ...at(24), messageId: 'stripeSecretKey' },
        { ...at(63), messageId: 'credentialInUrl', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR', scheme: 'mongodb+srv' } },
        { ...at(1, 5), messageId: 'maintainedSecret', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR', rule: 'slack', secretlintId: 'IncomingWebhook' } },
        { ...at(1, 6), messageId: 'maintainedSecret', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR', rule: 'slack', secretlintId: 'IncomingWebhook' } },
      ],
    },
    {
      name: 'boundaries: a 4-character password, one star, two words quoted, a name-like value that is not a name',
      files: onLine4(['password=k7Vq', 'password=k7*Vq2mLp', 'password="k7Vq2 mLp9x"', 'password=9k.Vq2mL', 'password=k7Vq.2mLp'].join('\n')),
      errors: [
        { ...at(1), messageId: 'password' },
        { ...at(1, 5), messageId: 'password' },
        { ...at(1, 6), messageId: 'password' },
        { ...at(1, 7), messageId: 'password' },
        { ...at(1, 8), messageId: 'password' },
      ],
    },
    {
      name: 'a password of 200 characters, and colon values ending in a comma, a semicolon or a comment',
      files: onLine4(['password=' + 'k7Vq2'.repeat(40), `password: "${'k7Vq2'.repeat(40)}"`, 'password: k7Vq2mLp9xRw ,', 'password: k7Vq2mLp9xRw; # svc', 'password: k7Vq2mLp9xRw,#1'].join('\n')),
      errors: [
        { ...at(1), messageId: 'password', message: contains('a password') },
        { ...at(1, 5), messageId: 'password', message: contains('a password') },
        { ...at(1, 6), messageId: 'password', message: contains('a password') },
        { ...at(1, 7), messageId: 'password', message: contains('a password') },
        { ...at(1, 8), messageId: 'password', message: contains('a password') },
      ],
    },
    { name: 'passwd= and pwd= in a connection string', files: onLine4('Server=db;Uid=svc;Pwd=Qx7!mzLp;'), errors: [{ ...at(19), messageId: 'password', message: contains('a password') }] },
    { name: 'a camelCase dbPassword key', files: onLine4(`const dbPassword = "${SECRETS.password}";`), errors: [{ ...at(9), messageId: 'password', message: contains('a password') }] },
    {
      name: 'a CRLF file: lines count CRLF line ends once, and columns do not count the CR',
      files: { 'controls/c.yaml': control('C-AR', 'evidence/x.txt'), 'evidence/x.txt': `one\r\ntwo\r\n\r\nfour\r\n${SECRETS.aws}\r\nkey=${SECRETS.stripe}\r\n` },
      errors: [
        { ...at(1, 5), messageId: 'awsAccessKey', message: 'Evidence file "evidence/x.txt" (named by Control C-AR) contains an AWS access key ID on this line' },
        { ...at(5, 6), messageId: 'stripeSecretKey', message: contains('a Stripe live secret key') },
      ],
    },
    {
      name: 'a file with a byte order mark: the BOM does not shift the columns of line 1',
      files: { 'controls/c.yaml': control('C-AR', 'evidence/x.txt'), 'evidence/x.txt': Buffer.from(`\uFEFF${SECRETS.aws} key=${SECRETS.stripe}\r\n`, 'utf8') },
      errors: [
        { ...at(1, 1), messageId: 'awsAccessKey', message: contains('an AWS access key ID') },
        { ...at(26, 1), messageId: 'stripeSecretKey', message: contains('a Stripe live secret key') },
      ],
    },
    {
      name: 'two kinds on one line are two findings, by column; a token inside a password assignment is reported once, as the token',
      files: onLine4(`AWS=${SECRETS.aws} password=${SECRETS.ghp}`),
      errors: [
        { ...at(5), messageId: 'awsAccessKey', message: contains('an AWS access key ID') },
        { ...at(35), messageId: 'githubToken', message: contains('a GitHub personal access token') },
      ],
    },
    {
      name: 'the same file named by two controls (spelled two ways) is reported once, naming both',
      files: {
        'controls/c.yaml': `controls:\n  - id: C-A\n    title: A\n    frequency: monthly\n    evidence:\n      - path: evidence/x.txt\n        date: 2026-06-01\n  - id: C-B\n    title: B\n    frequency: monthly\n    evidence:\n      - path: ./evidence/x.txt\n        date: 2026-06-01\n`,
        'evidence/x.txt': `${SECRETS.stripe}\n`,
      },
      errors: [{ ...at(1, 1), messageId: 'stripeSecretKey', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-A, Control C-B' }, message: 'Evidence file "evidence/x.txt" (named by Control C-A, Control C-B) contains a Stripe live secret key on this line.' }],
    },
    {
      name: 'a path written with ./, // or backslashes is reported once, at the file as the repo root sees it',
      files: { 'controls/c.yaml': control('C-AR', './evidence//OPS/x.txt', 'evidence\\OPS\\x.txt'), 'evidence/OPS/x.txt': `ok\n${SECRETS.aws}\n` },
      errors: [{ ...at(1, 2, 'evidence/OPS/x.txt'), messageId: 'awsAccessKey', data: { role: 'Evidence file', file: 'evidence/OPS/x.txt', namedBy: 'Control C-AR' }, message: 'Evidence file "evidence/OPS/x.txt" (named by Control C-AR) contains an AWS access key ID' }],
    },
    {
      name: 'vendor reports, bridge letters and offboarding proof are scanned too, reported in those files',
      files: {
        'vendors/aws.yaml': ['id: V-AWS', 'name: AWS', 'criticality: critical', 'assurance:', '  kind: soc2-type2', '  path: vendors/aws/soc2.txt', '  bridge_letter:', '    through: 2026-06-30', '    path: vendors/aws/bridge.txt', ''].join('\n'),
        'vendors/aws/soc2.txt': `report\n${SECRETS.aws}\n`,
        'vendors/aws/bridge.txt': `letter\n\n  ${SECRETS.slack}\n`,
        'people.yaml': 'people:\n  - id: ada@x.io\n    name: Ada\n    offboarded:\n      date: 2026-05-01\n      evidence: evidence/off/ada.txt\n',
        'evidence/off/ada.txt': `revoked\npassword=${SECRETS.password}\n`,
      },
      errors: [
        { ...at(1, 2, 'evidence/off/ada.txt'), messageId: 'password', data: { role: 'Offboarding evidence file', file: 'evidence/off/ada.txt', namedBy: 'Person ada@x.io' }, message: 'Offboarding evidence file "evidence/off/ada.txt" (named by Person ada@x.io) contains a password on this line' },
        { ...at(3, 3, 'vendors/aws/bridge.txt'), messageId: 'slackToken', data: { role: 'Bridge letter', file: 'vendors/aws/bridge.txt', namedBy: 'Vendor V-AWS' }, message: 'Bridge letter "vendors/aws/bridge.txt" (named by Vendor V-AWS) contains a Slack token on this line' },
        { ...at(1, 2, 'vendors/aws/soc2.txt'), messageId: 'awsAccessKey', data: { role: 'Assurance report', file: 'vendors/aws/soc2.txt', namedBy: 'Vendor V-AWS' }, message: 'Assurance report "vendors/aws/soc2.txt" (named by Vendor V-AWS) contains an AWS access key ID on this line' },
      ],
    },
    {
      name: 'a file named in two roles says which record names it as what',
      files: {
        'vendors/aws.yaml': ['id: V-AWS', 'name: AWS', 'criticality: critical', 'assurance:', '  kind: soc2-type2', '  path: evidence/x.txt', ''].join('\n'),
        'controls/c.yaml': control('C-AR', 'evidence/x.txt'),
        'evidence/x.txt': `${SECRETS.aws}\n`,
      },
      errors: [{ ...at(1, 1), messageId: 'awsAccessKey', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR as evidence file, Vendor V-AWS as assurance report' }, message: 'Evidence file "evidence/x.txt" (named by Control C-AR as evidence file, Vendor V-AWS as assurance report) contains an AWS access key ID on this line.' }],
    },
    {
      name: 'a file full of secrets: ten findings, then one at the eleventh that counts the rest',
      files: { 'controls/c.yaml': control('C-AR', 'evidence/x.txt'), 'evidence/x.txt': Array.from({ length: 13 }, () => SECRETS.aws).join('\n') + '\n' },
      errors: [
        ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((line) => ({ ...at(1, line), messageId: 'awsAccessKey', message: contains('an AWS access key ID') })),
        { ...at(1, 11), messageId: 'moreSecrets', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR', count: 3, lines: '11, 12, 13' }, message: 'Evidence file "evidence/x.txt" (named by Control C-AR) contains 3 more secrets (lines 11, 12, 13). Clean the whole file' },
      ],
    },
    {
      name: 'one secret past the ten: the eleventh finding says "1 more secret" on its line',
      files: { 'controls/c.yaml': control('C-AR', 'evidence/x.txt'), 'evidence/x.txt': Array.from({ length: 11 }, () => SECRETS.aws).join('\n') + '\n' },
      errors: [
        ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((line) => ({ ...at(1, line), messageId: 'awsAccessKey', message: contains('an AWS access key ID') })),
        { ...at(1, 11), messageId: 'oneMoreSecret', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR', count: 1, line: 11 }, message: 'Evidence file "evidence/x.txt" (named by Control C-AR) contains 1 more secret (line 11). Clean the whole file, rotate the credentials, and purge them from git history.' },
      ],
    },
    {
      name: 'the rest all on one line: the count, and that line',
      files: { 'controls/c.yaml': control('C-AR', 'evidence/x.txt'), 'evidence/x.txt': [...Array.from({ length: 10 }, () => SECRETS.aws), `${SECRETS.aws} ${SECRETS.stripe} ${SECRETS.google}`].join('\n') + '\n' },
      errors: [
        ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((line) => ({ ...at(1, line), messageId: 'awsAccessKey', message: contains('an AWS access key ID') })),
        { ...at(1, 11), messageId: 'moreSecretsOnLine', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR', count: 3, line: 11 }, message: 'Evidence file "evidence/x.txt" (named by Control C-AR) contains 3 more secrets (line 11). Clean the whole file, rotate the credentials, and purge them from git history.' },
      ],
    },
    {
      name: 'more than five lines of the rest: the first five, then an ellipsis',
      files: { 'controls/c.yaml': control('C-AR', 'evidence/x.txt'), 'evidence/x.txt': Array.from({ length: 17 }, () => SECRETS.aws).join('\n') + '\n' },
      errors: [
        ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((line) => ({ ...at(1, line), messageId: 'awsAccessKey', message: contains('an AWS access key ID') })),
        { ...at(1, 11), messageId: 'moreSecrets', data: { role: 'Evidence file', file: 'evidence/x.txt', namedBy: 'Control C-AR', count: 7, lines: '11, 12, 13, 14, 15, ...' }, message: 'contains 7 more secrets (lines 11, 12, 13, 14, 15, ...). Clean the whole file' },
      ],
    },
  ],
});

describe('sensitive-evidence places', () => {
  it("spans the secret on its line, and carries the ID of the first record naming the file", async () => {
    const findings = await runRule(rule, {
      name: 'span',
      files: {
        'controls/c.yaml': `controls:\n  - id: C-B\n    title: B\n    frequency: monthly\n    evidence:\n      - path: evidence/x.txt\n        date: 2026-06-01\n  - id: C-A\n    title: A\n    frequency: monthly\n    evidence:\n      - path: evidence/x.txt\n        date: 2026-06-01\n`,
        'evidence/x.txt': `\uFEFFkey=${SECRETS.aws}\r\nrun\r\n  password=Qx7mzLp9v # svc\r\n`,
      },
    });
    expect(findings.map(({ file, line, column, endLine, endColumn, record }) => ({ file, line, column, endLine, endColumn, record }))).toEqual([
      { file: 'evidence/x.txt', line: 1, column: 5, endLine: 1, endColumn: 5 + SECRETS.aws.length, record: 'C-B' },
      { file: 'evidence/x.txt', line: 3, column: 3, endLine: 3, endColumn: 3 + 'password=Qx7mzLp9v'.length, record: 'C-B' },
    ]);
    expect(findings[0]!.message).toContain('(named by Control C-B, Control C-A)');
  });

  it('spans a password to the end of its value (a closing quote in, a trailing comma out) and a maintained-set secret exactly', async () => {
    const lines = ['password: k7Vq2mLp9xRw;', 'x password="k7Vq2mLp9xRw" y', `key ${MAINTAINED.linear} end`, `  ${'-----BEGIN RSA PRIVATE KEY-----'}`, `${SECRETS.pemBody}`];
    const findings = await runRule(rule, { name: 'spans', files: { 'controls/c.yaml': control('C-AR', 'evidence/x.txt'), 'evidence/x.txt': lines.join('\n') } });
    expect(findings.map(({ line, column, endLine, endColumn, messageId }) => ({ line, column, endLine, endColumn, messageId }))).toEqual([
      { line: 1, column: 1, endLine: 1, endColumn: 1 + 'password: k7Vq2mLp9xRw'.length, messageId: 'password' },
      { line: 2, column: 3, endLine: 2, endColumn: 3 + 'password="k7Vq2mLp9xRw"'.length, messageId: 'password' },
      { line: 3, column: 5, endLine: 3, endColumn: 5 + MAINTAINED.linear.length, messageId: 'maintainedSecret' },
      { line: 4, column: 3, endLine: 4, endColumn: 3 + '-----BEGIN RSA PRIVATE KEY-----'.length, messageId: 'privateKey' },
    ]);
  });

  it('the summary of the rest is at the eleventh secret, with the same record', async () => {
    const lines = Array.from({ length: 12 }, (_, i) => (i === 10 ? `  id=${SECRETS.awsSession}` : SECRETS.aws));
    const findings = await runRule(rule, { name: 'rest', files: { 'controls/c.yaml': control('C-AR', 'evidence/x.txt'), 'evidence/x.txt': lines.join('\n') } });
    expect(findings).toHaveLength(11);
    expect(findings[10]).toMatchObject({ file: 'evidence/x.txt', line: 11, column: 6, endLine: 11, endColumn: 26, record: 'C-AR' });
    expect(findings[10]!.message).toContain('contains 2 more secrets (lines 11, 12).');
  });
});

describe('sensitive-evidence messages', () => {
  it.each(Object.entries({ ...SECRETS, pemBody: pem('RSA PRIVATE KEY') }))('never contain the secret itself, in the text or the data (%s)', async (name, secret) => {
    // Some secrets are only secrets where they are named (a password, the secret half of an AWS key).
    const line = secret.includes('Tr0ub') ? `password=${secret}` : name === 'awsSecret' ? `aws_secret_access_key=${secret}` : secret;
    const findings = await runRule(rule, { name, files: onLine4(line) });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'evidence/x.txt', line: 4, column: 1, endLine: 4 });
    expect(findings[0]!.message).toContain('(named by Control C-AR) contains');
    // The secret itself: a database URL's password, not its scheme or host.
    const core = secret.includes('BEGIN') ? SECRETS.pemBody : name === 'dbUrl' ? 'Kq7zR2pW5t' : secret;
    for (let i = 0; i + 8 <= core.length; i += 4) expect(findings[0]!.message + JSON.stringify(findings[0]!.data)).not.toContain(core.slice(i, i + 8));
  });
});

describe('sensitive-evidence and path spelling', () => {
  it('scans a file named only with backslashes (a path written on Windows), reported at its normalized path', async () => {
    const findings = await runRule(rule, {
      name: 'backslashes',
      files: { 'controls/c.yaml': control('C-W', 'evidence\\OPS\\x.txt'), 'evidence/OPS/x.txt': `${SECRETS.aws}\n` },
    });
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(['evidence/OPS/x.txt:1:1']);
  });
});

describe('sensitive-evidence on hostile input', () => {
  // Lines built to make a backtracking or quadratic scan slow: each file is 900 kB of lines just under the
  // 10,000-character limit (a quadratic scan of them takes minutes), then one line of 120,000 characters, over it.
  // No timing assertion: the test timeout is the bound.
  const HOSTILE: Record<string, string> = {
    colons: 'x://' + ':'.repeat(9_990),
    assignments: 'password='.repeat(1_110),
    colonAssignments: 'password: '.repeat(999),
    pwd: 'Pwd='.repeat(2_499),
    quotes: 'password="'.repeat(999),
    keyHeaders: '-----BEGIN PRIVATE KEY-----'.repeat(370),
    jwtParts: 'eyJ-'.repeat(2_499),
    urls: 'ab.'.repeat(1_600) + 'x://u:p' + '@'.repeat(5_000),
    secretKeys: 'secret_access_key'.repeat(588),
    spaces: 'password: a' + ' '.repeat(9_980) + 'b',
  };
  it('finishes on files of hostile lines, and reports the one line too long to scan in each', async () => {
    const files: Record<string, string> = { 'controls/c.yaml': control('C-AR', ...Object.keys(HOSTILE).map((name) => `evidence/${name}.txt`)) };
    for (const [name, line] of Object.entries(HOSTILE)) files[`evidence/${name}.txt`] = `${Array.from({ length: Math.floor(900_000 / (line.length + 1)) }, () => line).join('\n')}\n${'a:'.repeat(60_000)}\n`;
    const findings = await runRule(rule, { name: 'hostile', files });
    // Only `Pwd=Pwd=…` holds something taken for a password: its last 200 characters, a value of `=` and letters.
    const pwd = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((line) => `evidence/pwd.txt:${line}:9793 password`);
    expect(findings.filter((f) => f.messageId !== 'lineTooLong').map((f) => `${f.file}:${f.line}:${f.column} ${f.messageId}`)).toEqual([...pwd, 'evidence/pwd.txt:11:9793 moreSecrets']);
    expect(findings.filter((f) => f.messageId === 'lineTooLong').map((f) => f.file).sort()).toEqual(Object.keys(HOSTILE).map((name) => `evidence/${name}.txt`).sort());
  });
});
