// The real bin when standard output goes away or fills up: no stack trace, and an exit code that says what happened.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/soc2lint.js', import.meta.url));
const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
const shell = (command: string) => spawnSync('bash', ['-c', `set -o pipefail; ${command}`], { encoding: 'utf8' });

describe.skipIf(!existsSync(new URL('../../dist/bundle/main.js', import.meta.url)))('standard output', () => {
  it('closed early by the reader (| head -c 1): the lint exit code, no stack trace', () => {
    // PIPESTATUS[0] is soc2lint's own exit code.
    const clean = shell(`node ${bin} rules --format json | head -c 1 >/dev/null; exit \${PIPESTATUS[0]}`);
    expect(clean.stderr).toBe('');
    expect(clean.status).toBe(0);
    const broken = shell(`node ${bin} ${examples}broken-saas --format json | head -c 1 >/dev/null; exit \${PIPESTATUS[0]}`);
    expect(broken.stderr).not.toMatch(/at .*\.js:\d+|internal error|EPIPE/);
    expect(broken.status).toBe(1);
  });

  it.skipIf(!existsSync('/dev/full'))('full (> /dev/full): exit 2 and one line on standard error', () => {
    const full = shell(`node ${bin} ${examples}acme-saas --format json > /dev/full`);
    expect(full.status).toBe(2);
    expect(full.stderr).toMatch(/^soc2lint: could not write to standard output: .*ENOSPC.*\n$/);
  });
});
