// The model keeps what the secret scans found in each evidence file, never its text: memory does not grow with the
// size of the evidence, and nothing the model holds (or the cache keeps of it) repeats a secret.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { longLines } from '../../src/model/secret-lines.js';
import { lint } from '../../src/report/lint.js';

const root = mkdtempSync(join(tmpdir(), 'soc2lint-evidence-scan-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Built at run time, so this file holds no key for a scanner to find.
const key = 'AKIA' + 'Q3EGT5XN' + '2BWZK7PD';
const write = (path: string, text: string | Uint8Array) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
write('soc2lint.config.yaml', 'as_of: 2026-07-01\n');
write(
  'controls/c.yaml',
  'id: C-1\ntitle: Keys\nowner: a@x.io\nfrequency: event\ncriteria: [CC6.1]\nevidence:\n  - { path: evidence/export.txt, date: 2026-01-02 }\n  - { path: evidence/big.log, date: 2026-01-02 }\n  - { path: evidence/shot.png, date: 2026-01-02 }\n',
);
write('evidence/export.txt', `user,key\nci,${key}\n${'x'.repeat(10_001)}\n`);
write('evidence/big.log', `${'log line\n'.repeat(130_000)}`);
write('evidence/shot.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));

describe('the evidence the model keeps', () => {
  it('is what the scans found, by kind and place, and never the text', async () => {
    const { model, findings } = await lint({ root });
    expect(model.evidenceContent.get('evidence/export.txt')).toEqual({
      scan: { hits: [{ line: 2, column: 4, endColumn: 24, kind: 'awsAccessKey', data: {} }], tooLong: [3] },
    });
    expect(model.evidenceContent.get('evidence/big.log')).toEqual({ skipped: 'too-large' });
    expect(model.evidenceContent.get('evidence/shot.png')).toEqual({ skipped: 'binary' });
    expect(JSON.stringify([...model.evidenceContent])).not.toContain(key.slice(4, 16));
    expect(JSON.stringify([...model.evidenceContent])).not.toContain('user,key');
    // The rule reports from it: the key at its place, the long line and the large file as not scanned.
    const reported = findings.filter((f) => f.ruleId === 'sensitive-evidence').map((f) => [f.messageId, f.file, f.line]);
    expect(reported).toEqual(
      expect.arrayContaining([
        ['awsAccessKey', 'evidence/export.txt', 2],
        ['lineTooLong', 'evidence/export.txt', 3],
        ['fileTooLarge', 'evidence/big.log', 1],
      ]),
    );
  });
});

describe('longLines', () => {
  it('finds the lines longer than the limit exactly as splitting at CRLF, LF and CR would', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', '\r', '\n', '\r\n'), { maxLength: 40 }), fc.integer({ min: 0, max: 4 }), (parts, limit) => {
        const text = parts.join('');
        const expected = text.split(/\r\n|\r|\n/).flatMap((line, i) => (line.length > limit ? [i + 1] : []));
        expect(longLines(text, limit)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
