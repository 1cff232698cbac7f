// Secrets found in evidence never leave soc2lint: one of each kind planted in a copy of the example program, the
// built CLI run with every output format, --output files, a GitHub step summary and `criteria`, and no secret value
// in standard output, standard error or any file written. The credentials are synthetic, assembled at run time from
// pieces so this file holds nothing a secret scanner (or GitHub push protection) would take for a live credential.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/soc2lint.js', import.meta.url));
const example = fileURLToPath(new URL('../../examples/acme-saas', import.meta.url));

/** `n` characters cycling through `alphabet` with a stride, so no two neighbours repeat. */
const chars = (n: number, alphabet = 'aB3xK9mQ7zR2pW5tLc8N') => Array.from({ length: n }, (_, i) => alphabet[(i * 7) % alphabet.length]).join('');
const hex = (n: number) => chars(n, '0a1b2c3d4e5f6789');
const upper = (n: number) => chars(n, 'Q3EGT5XN2BWZK7PDMJ4R');
const pemBody = chars(64);

/** Each kind: the line(s) planted, and the secret itself (what must never be shown) when it is only part of them. */
const KINDS: Record<string, { text: string; secret?: string }> = {
  awsAccessKeyId: { text: 'aws_access_key_id = ' + 'AK' + 'IA' + upper(16), secret: 'AK' + 'IA' + upper(16) },
  awsSecretAccessKey: { text: 'aws_secret_access_key = ' + chars(20) + '/' + chars(19), secret: chars(20) + '/' + chars(19) },
  awsSessionKeyId: { text: 'AS' + 'IA' + upper(15) + 'Z' },
  githubPat: { text: 'gh' + 'p_' + chars(36) },
  githubFineGrained: { text: 'github' + '_pat_' + chars(22) + '_' + chars(59) },
  githubOauth: { text: 'gh' + 'o_' + chars(35) + 'Z' },
  gitlab: { text: 'gl' + 'pat-' + chars(20) },
  npm: { text: '//registry.npmjs.org/:_authToken=' + 'np' + 'm_' + chars(35) + 'Q', secret: 'np' + 'm_' + chars(35) + 'Q' },
  sendgrid: { text: 'S' + 'G.' + chars(22) + '.' + chars(43) },
  slackBot: { text: 'xo' + 'xb-' + '2648101234-5728303456-' + chars(24) },
  slackWebhook: { text: 'https://hooks.' + 'slack.com/services/T0ABCDEFG/B0ABCDEFG/' + chars(24) },
  slackApp: { text: 'xa' + 'pp-1-A0ABCDEFG-1234567890123-' + hex(64) },
  stripe: { text: 'sk' + '_live_' + chars(24) },
  stripeRestricted: { text: 'rk' + '_live_' + chars(23) + 'Z' },
  google: { text: 'AI' + 'za' + 'Sy' + chars(33) },
  jwt: { text: 'Authorization: Bearer ' + 'ey' + 'JhbGciOiJIUzI1NiJ9' + '.ey' + 'JzdWIiOiIxMjM0NTY3ODkwIn0' + '.' + chars(43), secret: chars(43) },
  postgres: { text: 'DATABASE_URL=postgres://app:' + 'Kq7zR2pW5t' + '@db.internal:5432/prod', secret: 'Kq7zR2pW5t' },
  mysql: { text: 'mysql://root:' + 'Zp4mWq8vLx' + '@10.0.0.5:3306/app', secret: 'Zp4mWq8vLx' },
  mongodb: { text: 'mongodb+srv://svc:' + 'Mh3nBv7cXz' + '@cluster0.ab1cd.mongodb.net/prod', secret: 'Mh3nBv7cXz' },
  basicAuth: { text: 'git clone https://deploy:' + 'Rt6yUi9oPq' + '@artifacts.example.com/repo', secret: 'Rt6yUi9oPq' },
  redis: { text: 'REDIS_URL=redis://default:' + 'Wq2eRt5yUi' + '@cache.internal:6379', secret: 'Wq2eRt5yUi' },
  rsaKey: { text: '-----BEGIN RSA ' + 'PRIVATE KEY-----\n' + pemBody + '\n' + chars(64, 'Zq8Lm3Vw') + '\n-----END RSA PRIVATE KEY-----', secret: pemBody },
  opensshKey: { text: '-----BEGIN OPENSSH ' + 'PRIVATE KEY-----\n' + 'b3Bl' + chars(60) + '\n-----END OPENSSH PRIVATE KEY-----', secret: 'b3Bl' + chars(60) },
  serviceAccountJson: { text: '{"type": "service_account", "private_key": "-----BEGIN ' + 'PRIVATE KEY-----\\n' + 'MII' + chars(61) + '\\n-----END PRIVATE KEY-----\\n"}', secret: 'MII' + chars(61) },
  password: { text: 'DB_PASSWORD=' + 'Tr0ub4dor&3x', secret: 'Tr0ub4dor&3x' },
  yamlPassword: { text: '  password: ' + 'Sup3rS3cret!9', secret: 'Sup3rS3cret!9' },
  connectionStringPwd: { text: 'Server=db;Uid=svc;Pwd=' + 'Qx7!mzLp4;', secret: 'Qx7!mzLp4' },
  anthropic: { text: 'sk' + '-ant-api03-' + chars(93) + 'AA' },
  shopify: { text: 'shp' + 'at_' + hex(32) },
  linear: { text: 'lin' + '_api_' + chars(40) },
  // Kinds neither rule set knows yet: planted to show they are not found, and to prove they do not leak either.
  twilioApiKey: { text: 'S' + 'K' + hex(32) },
  mailgun: { text: 'ke' + 'y-' + hex(32) },
  huggingface: { text: 'h' + 'f_' + chars(34) },
  digitalocean: { text: 'do' + 'p_v1_' + hex(64) },
  dockerhub: { text: 'dck' + 'r_pat_' + chars(27) },
  postman: { text: 'PM' + 'AK-' + hex(24) + '-' + hex(34) },
};
const NOT_DETECTED = ['twilioApiKey', 'mailgun', 'huggingface', 'digitalocean', 'dockerhub', 'postman'];

const run = (args: readonly string[], cwd: string, env: Record<string, string> = {}) => {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GITHUB_STEP_SUMMARY: '', ...env } });
  return { code: result.status, out: result.stdout + result.stderr };
};

describe.skipIf(!existsSync(new URL('../../dist/bundle/main.js', import.meta.url)))('secrets in evidence never leak', () => {
  let root = '';
  let outputs = '';
  beforeAll(() => {
    root = join(mkdtempSync(join(tmpdir(), 'soc2lint-leak-')), 'program');
    cpSync(example, root, { recursive: true });
    mkdirSync(join(root, 'evidence', 'LEAK'));
    const entries = Object.entries(KINDS).map(([name, { text }]) => {
      writeFileSync(join(root, 'evidence', 'LEAK', `${name}.txt`), `Export of 2026-06-02\n${text}\nEnd of export.\n`);
      return `      - path: evidence/LEAK/${name}.txt\n        date: 2026-06-02\n`;
    });
    writeFileSync(join(root, 'controls', 'leak.yaml'), `controls:\n  - id: LEAK-01\n    title: Secrets export\n    owner: tomas.alvarez@acme.example\n    frequency: annual\n    criteria: [CC6.1]\n    evidence:\n${entries.join('')}`);
    outputs = join(root, '..', 'out');
    mkdirSync(outputs);
  });

  it(`plants ${Object.keys(KINDS).length} kinds of credential; sensitive-evidence finds every one but ${NOT_DETECTED.length}, at the secret's line`, () => {
    const { out } = run(['--format', 'json', '--rule', 'sensitive-evidence:error'], root);
    const findings = (JSON.parse(out.slice(0, out.lastIndexOf(']') + 1)) as { filePath: string; messages: { ruleId: string; line: number }[] }[]).flatMap((file) =>
      file.messages.filter((m) => m.ruleId === 'sensitive-evidence').map((m) => ({ kind: /LEAK\/(\w+)\.txt$/.exec(file.filePath)?.[1], line: m.line })),
    );
    const found = Object.keys(KINDS).filter((kind) => findings.some((f) => f.kind === kind));
    expect(Object.keys(KINDS).filter((kind) => !found.includes(kind))).toEqual(NOT_DETECTED);
    for (const finding of findings) expect(finding.line, finding.kind).toBe(2);
  });

  it('no format, --output file, step summary or criteria table shows any secret', () => {
    const formats = ['stylish', 'json', 'sarif', 'junit', 'github', 'gitlab'];
    const summary = join(outputs, 'summary.md');
    writeFileSync(summary, '');
    // Every format, each to its own --output file, and stylish on standard output; github on standard output too.
    const files = formats.map((format) => join(outputs, `report.${format}`));
    const shown = [
      run([...formats.flatMap((format, i) => ['--format', format, '--output', files[i]!]), '--format', 'stylish'], root, { GITHUB_STEP_SUMMARY: summary }).out,
      run(['--format', 'github'], root, { GITHUB_STEP_SUMMARY: summary }).out,
      run(['criteria'], root).out,
      run(['criteria', '--format', 'json'], root).out,
      ...files.map((file) => readFileSync(file, 'utf8')),
      readFileSync(summary, 'utf8'),
    ];
    // The outputs are about the planted files (so the check below looks at real reports), and hold none of their secrets.
    expect(shown[0]).toContain('evidence/LEAK/githubPat.txt');
    for (const file of files) expect(readFileSync(file, 'utf8'), file).toContain('LEAK/githubPat.txt');
    expect(readFileSync(summary, 'utf8')).not.toBe('');
    const text = shown.join('\n');
    for (const [name, { text: planted, secret = planted }] of Object.entries(KINDS)) {
      // Every 12 characters of it (all of it when shorter): a secret cut short, wrapped or partly masked is still a leak.
      const size = Math.min(12, secret.length);
      for (let i = 0; i + size <= secret.length; i += 3) expect(text.includes(secret.slice(i, i + size)), `${name}: ${i}`).toBe(false);
    }
  }, 120_000);
});
