// --format junit: the golden file, and the document read back by a real XML parser (Python's expat via minidom).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { junit } from '../../src/formatters/junit.js';
import { FIXTURE_FINDINGS, FIXTURE_INPUT, fixtureInput } from './fixture.js';
import { expectGolden } from './golden.js';

interface ParsedCase {
  name: string;
  classname: string;
  file: string | null;
  failure: { message: string; type: string; text: string } | null;
  skipped: string | null;
}
interface ParsedSuite {
  name: string;
  tests: string;
  failures: string;
  skipped: string;
  cases: ParsedCase[];
}
interface Parsed {
  root: { name: string; tests: string; failures: string; errors: string; skipped: string };
  suites: ParsedSuite[];
}

// Parses with a conforming XML parser and prints what CI tools read: any well-formedness error fails the test.
const READER = `
import json, sys, xml.dom.minidom as m
doc = m.parseString(sys.stdin.buffer.read())
root = doc.documentElement
assert root.tagName == 'testsuites', root.tagName
a = lambda el, k: el.getAttribute(k) if el.hasAttribute(k) else None
def case(c):
    f = c.getElementsByTagName('failure'); s = c.getElementsByTagName('skipped')
    return {'name': a(c, 'name'), 'classname': a(c, 'classname'), 'file': a(c, 'file'),
            'failure': {'message': a(f[0], 'message'), 'type': a(f[0], 'type'), 'text': ''.join(n.data for n in f[0].childNodes)} if f else None,
            'skipped': a(s[0], 'message') if s else None}
print(json.dumps({'root': {k: a(root, k) for k in ['name', 'tests', 'failures', 'errors', 'skipped']},
                  'suites': [{'name': a(s, 'name'), 'tests': a(s, 'tests'), 'failures': a(s, 'failures'), 'skipped': a(s, 'skipped'),
                              'cases': [case(c) for c in s.getElementsByTagName('testcase')]} for s in root.getElementsByTagName('testsuite')]}))
`;

const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const pythonMissing = python.error || python.status !== 0 ? `python3 is not available (${python.error?.message ?? python.stderr})` : undefined;
if (pythonMissing) console.warn(`\nSKIPPED: JUnit XML parsing checks: ${pythonMissing}\n`);

function readBack(xml: string): Parsed {
  const run = spawnSync('python3', ['-c', READER], { input: xml, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`The XML parser rejected the document:\n${run.stderr}`);
  return JSON.parse(run.stdout) as Parsed;
}

describe('junit', () => {
  it('matches its golden file', () => {
    expectGolden('junit.golden.xml', junit(FIXTURE_INPUT));
  });

  it('starts with the XML declaration and has one suite per file, in order', () => {
    const xml = junit(FIXTURE_INPUT);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="soc2lint" tests="9" failures="7" errors="0" skipped="2">')).toBe(true);
    expect([...xml.matchAll(/<testsuite name="([^"]*)"/g)].map((m) => m[1])).toEqual([
      '.',
      'controls/access.yaml',
      'controls/governance.yaml',
      'evidence/100%:done,final.md',
      'policies/access control.md',
      'policies/été.md',
    ]);
  });

  it.skipIf(pythonMissing !== undefined)(`reads back, every character intact, through a real XML parser${pythonMissing ? ` (SKIPPED: ${pythonMissing})` : ''}`, () => {
    const parsed = readBack(junit(FIXTURE_INPUT));
    expect(parsed.root).toEqual({ name: 'soc2lint', tests: '9', failures: '7', errors: '0', skipped: '2' });
    const cases = parsed.suites.flatMap((suite) => suite.cases);
    expect(cases.map((c) => c.name)).toEqual([
      'sample-undocumented at 1:1',
      'sample-error: AC-01 at 2:9',
      'sample-error: AC-03 at 30:5',
      'sample-error: AC-03 at 30:5 (2)',
      'sample-warning: AC-07 at 44:9',
      'sample-warning: GOV-02 at 12:5',
      'sample-error: OPS-02 at 7:3',
      'sample-warning: POL-ACCESS at 9:26',
      'sample-error at 5:16',
    ]);
    // The message with CR, LF, quotes, markup and a pipe survives; only the BEL, which XML cannot hold, is gone.
    const nasty = cases[6]!;
    expect(nasty.classname).toBe('sample-error');
    expect(nasty.file).toBe('evidence/100%:done,final.md');
    expect(nasty.failure).toEqual({
      message: 'Evidence 100%: done, "final"\r\nline two\nhas <insert name> & \'quotes\' | a\\pipe.',
      type: 'error',
      text: 'Evidence 100%: done, "final"\r\nline two\nhas <insert name> & \'quotes\' | a\\pipe.\n\nerror sample-error at evidence/100%:done,final.md:7:3',
    });
    expect(cases[7]!.failure?.type).toBe('warning');
    expect(cases[4]!).toMatchObject({ failure: null, skipped: 'suppressed: Retired at quarter end; see ticket <SEC-12> & "notes".' });
    expect(cases[5]!).toMatchObject({ failure: null, skipped: 'suppressed: Internal only' });
    expect(parsed.suites.find((s) => s.name === 'controls/access.yaml')).toMatchObject({ tests: '4', failures: '3', skipped: '1' });
  });

  it.skipIf(pythonMissing !== undefined)('shows a clean run as one passing test case, so CI has something to show', () => {
    const parsed = readBack(junit(fixtureInput({ findings: [] })));
    expect(parsed).toEqual({
      root: { name: 'soc2lint', tests: '1', failures: '0', errors: '0', skipped: '0' },
      suites: [{ name: 'soc2lint', tests: '1', failures: '0', skipped: '0', cases: [{ name: 'no problems', classname: 'soc2lint', file: null, failure: null, skipped: null }] }],
    });
  });

  it('names suites by path relative to the working folder', () => {
    const xml = junit(fixtureInput({ root: '/work/checkout/compliance', cwd: '/work/checkout' }));
    expect(xml).toContain('<testsuite name="compliance/controls/access.yaml"');
    expect(xml).toContain('<testsuite name="compliance"');
  });

  it('drops lone surrogates and U+FFFF, which XML cannot hold', () => {
    const finding = { ...FIXTURE_FINDINGS[1]!, message: 'bad \uD800 and \uFFFF and good \uD83D\uDE00.' };
    expect(junit(fixtureInput({ findings: [finding] }))).toContain('message="bad  and  and good \uD83D\uDE00."');
  });
});
