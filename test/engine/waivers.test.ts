// The waiver mechanism end to end, on real temporary repos: which findings waivers.yaml suppresses (by record ID, by
// path glob, in force or expired), how the waiver rules judge the waivers, and how the CLI counts and shows what was
// suppressed. Every run goes through lint() or main(), the way users run soc2lint.
import { describe, expect, it } from 'vitest';
import expiredWaiver from '../../rules/expired-waiver.js';
import { RULES } from '../../rules/index.js';
import unusedWaiver from '../../rules/unused-waiver.js';
import type { AnyRule } from '../../src/engine/rule.js';
import type { Finding } from '../../src/engine/finding.js';
import { lint } from '../../src/report/lint.js';
import { makeRepo, policy, type RepoFiles } from '../helpers/repo.js';
import { runCli } from '../helpers/cli.js';
import { ALL_CC, CLEAN, controlsFor } from '../helpers/programs.js';

const run = runCli;

/** Every built-in rule plus the two waiver rules, once each (whether or not rules/index.ts registers them yet). */
const ALL: AnyRule[] = [...new Map([...RULES, expiredWaiver, unusedWaiver].map((rule) => [rule.meta.id, rule])).values()];




/**
 * A controls list of monthly controls whose only evidence is dated `date`. Each control takes 8 lines (7 without an
 * owner): in STALE below, the evidence dates of the first and second control are on lines 9 and 17, column 15.
 */
const monthly = (controls: { id: string; date: string; owner?: boolean }[]) =>
  `controls:\n${controls
    .map(
      ({ id, date, owner = true }) =>
        `  - id: ${id}\n    title: Monthly review ${id}\n${owner ? '    owner: it@x.io\n' : ''}    frequency: monthly\n    criteria: [CC6.2]\n    evidence:\n      - url: https://tickets.example/${id}\n        date: ${date}\n`,
    )
    .join('')}`;

/** Two stale controls (stale-evidence errors on AC-07 and AC-08) and two stale legacy controls. */
const STALE: RepoFiles = {
  ...CLEAN,
  'controls/ac.yaml': monthly([
    { id: 'AC-07', date: '2026-03-02' },
    { id: 'AC-08', date: '2026-03-02' },
  ]),
  'controls/legacy/old.yaml': monthly([
    { id: 'LEG-1', date: '2025-01-10' },
    { id: 'LEG-2', date: '2025-02-10' },
  ]),
};

const REASON = 'Control replaced by AC-12 mid-period; auditor informed.';
interface W {
  rule: string;
  target: string;
  expires?: string;
  reason?: string;
}
/**
 * waivers.yaml as a `waivers:` list, five lines per waiver: waiver i starts on line 2 + 5i (its `rule` at column 11),
 * its `target` value is on line 3 + 5i, column 13, its `expires` value on line 6 + 5i, column 14.
 */
const waivers = (...list: W[]) =>
  `waivers:\n${list
    .map(
      (w) =>
        `  - rule: ${w.rule}\n    target: '${w.target}'\n    reason: ${w.reason ?? REASON}\n    approved_by: ciso@acme.example\n    expires: ${w.expires ?? '2026-09-30'}\n`,
    )
    .join('')}`;

/** A finding in a line that shows what matters here: rule, record (or file), place, and the waiver that suppressed it. */
const show = (f: Finding) =>
  `${f.ruleId} ${f.record ?? '-'} ${f.file}:${f.line}:${f.column}${f.suppressedBy ? ` waived by ${f.suppressedBy.file}:${f.suppressedBy.line}` : ''}`;

async function findings(files: RepoFiles, now?: string): Promise<Finding[]> {
  const result = await lint({ root: makeRepo(files), rules: ALL, ...(now ? { now } : {}) });
  return result.findings;
}
const ofRules = (list: Finding[], ...ids: string[]) => list.filter((f) => ids.includes(f.ruleId)).map(show);


describe('waivers: which findings they suppress', () => {
  it('the program without waivers has the four stale-evidence errors the tests below waive, and no other error', async () => {
    const all = await findings(STALE);
    expect(all.filter((f) => f.severity === 'error').map(show)).toEqual([
      'stale-evidence AC-07 controls/ac.yaml:9:15',
      'stale-evidence AC-08 controls/ac.yaml:17:15',
      'stale-evidence LEG-1 controls/legacy/old.yaml:9:15',
      'stale-evidence LEG-2 controls/legacy/old.yaml:17:15',
    ]);
  });

  it('a waiver by record ID suppresses that record\'s finding of that rule, and nothing else', async () => {
    const files = {
      ...STALE,
      // AC-07 also lacks an owner: its missing-owner error is not waived by a stale-evidence waiver.
      'controls/ac.yaml': monthly([
        { id: 'AC-07', date: '2026-03-02', owner: false },
        { id: 'AC-08', date: '2026-03-02' },
      ]),
      'waivers.yaml': waivers({ rule: 'stale-evidence', target: 'AC-07' }),
    };
    const all = await findings(files);
    expect(all.filter((f) => f.suppressedBy).map(show)).toEqual(['stale-evidence AC-07 controls/ac.yaml:8:15 waived by waivers.yaml:2']);
    expect(ofRules(all, 'stale-evidence', 'missing-owner', 'unused-waiver')).toEqual([
      'missing-owner AC-07 controls/ac.yaml:2:9',
      'stale-evidence AC-07 controls/ac.yaml:8:15 waived by waivers.yaml:2',
      'stale-evidence AC-08 controls/ac.yaml:16:15',
      'stale-evidence LEG-1 controls/legacy/old.yaml:9:15',
      'stale-evidence LEG-2 controls/legacy/old.yaml:17:15',
    ]);
    // The suppressed finding stays in the results, with the waiver that suppressed it.
    expect(all.find((f) => f.suppressedBy)!.suppressedBy).toEqual({
      kind: 'waiver',
      file: 'waivers.yaml',
      line: 2,
      reason: REASON,
      approvedBy: 'ciso@acme.example',
      expires: '2026-09-30',
    });
  });

  it('a waiver by path glob (controls/legacy/**) suppresses that rule\'s findings in every file under it', async () => {
    const all = await findings({ ...STALE, 'waivers.yaml': waivers({ rule: 'stale-evidence', target: 'controls/legacy/**' }) });
    expect(all.filter((f) => f.suppressedBy)).toHaveLength(2);
    expect(ofRules(all, 'stale-evidence', 'unused-waiver')).toEqual([
      'stale-evidence AC-07 controls/ac.yaml:9:15',
      'stale-evidence AC-08 controls/ac.yaml:17:15',
      'stale-evidence LEG-1 controls/legacy/old.yaml:9:15 waived by waivers.yaml:2',
      'stale-evidence LEG-2 controls/legacy/old.yaml:17:15 waived by waivers.yaml:2',
    ]);
  });

  it('a waiver by exact file path suppresses that rule\'s findings in that file only', async () => {
    const all = await findings({ ...STALE, 'waivers.yaml': waivers({ rule: 'stale-evidence', target: 'controls/ac.yaml' }) });
    expect(ofRules(all, 'stale-evidence')).toEqual([
      'stale-evidence AC-07 controls/ac.yaml:9:15 waived by waivers.yaml:2',
      'stale-evidence AC-08 controls/ac.yaml:17:15 waived by waivers.yaml:2',
      'stale-evidence LEG-1 controls/legacy/old.yaml:9:15',
      'stale-evidence LEG-2 controls/legacy/old.yaml:17:15',
    ]);
  });

  it('a waiver for another rule does not suppress the record\'s finding (and unused-waiver says it matched nothing)', async () => {
    const all = await findings({ ...STALE, 'waivers.yaml': waivers({ rule: 'missing-evidence', target: 'AC-07' }) });
    expect(ofRules(all, 'stale-evidence', 'unused-waiver')).toEqual([
      'stale-evidence AC-07 controls/ac.yaml:9:15',
      'stale-evidence AC-08 controls/ac.yaml:17:15',
      'stale-evidence LEG-1 controls/legacy/old.yaml:9:15',
      'stale-evidence LEG-2 controls/legacy/old.yaml:17:15',
      'unused-waiver - waivers.yaml:3:13',
    ]);
  });

  it('a record ID target is matched exactly: AC-0 and ac-07 waive nothing, and neither does a glob-looking ID (AC-*)', async () => {
    const all = await findings({
      ...STALE,
      'waivers.yaml': waivers({ rule: 'stale-evidence', target: 'AC-0' }, { rule: 'stale-evidence', target: 'ac-07' }, { rule: 'stale-evidence', target: 'AC-*' }),
    });
    expect(all.filter((f) => f.suppressedBy).map(show)).toEqual([]);
    expect(ofRules(all, 'unused-waiver')).toEqual(['unused-waiver - waivers.yaml:3:13', 'unused-waiver - waivers.yaml:8:13', 'unused-waiver - waivers.yaml:13:13']);
  });

  it('an expired waiver suppresses nothing, and expired-waiver reports it at its expires date', async () => {
    const all = await findings({ ...STALE, 'waivers.yaml': waivers({ rule: 'stale-evidence', target: 'AC-07', expires: '2026-06-30' }) });
    expect(ofRules(all, 'stale-evidence', 'expired-waiver', 'unused-waiver')).toEqual([
      'stale-evidence AC-07 controls/ac.yaml:9:15',
      'stale-evidence AC-08 controls/ac.yaml:17:15',
      'stale-evidence LEG-1 controls/legacy/old.yaml:9:15',
      'stale-evidence LEG-2 controls/legacy/old.yaml:17:15',
      'expired-waiver - waivers.yaml:6:14',
    ]);
    expect(all.find((f) => f.ruleId === 'expired-waiver')!.message).toBe(
      'The waiver of stale-evidence for AC-07 expired on 2026-06-30; it no longer suppresses anything. Fix the finding, or renew the waiver with a new approval and expiry date.',
    );
  });

  it('a waiver expiring today still suppresses, and neither waiver rule reports it', async () => {
    const all = await findings({ ...STALE, 'waivers.yaml': waivers({ rule: 'stale-evidence', target: 'AC-07', expires: '2026-07-01' }) });
    expect(ofRules(all, 'stale-evidence', 'expired-waiver', 'unused-waiver')).toEqual([
      'stale-evidence AC-07 controls/ac.yaml:9:15 waived by waivers.yaml:2',
      'stale-evidence AC-08 controls/ac.yaml:17:15',
      'stale-evidence LEG-1 controls/legacy/old.yaml:9:15',
      'stale-evidence LEG-2 controls/legacy/old.yaml:17:15',
    ]);
  });

  it('--now / now decides: the same waiver suppresses on its expiry day and stops the day after', async () => {
    const files = { ...STALE, 'waivers.yaml': waivers({ rule: 'stale-evidence', target: 'controls/legacy/**', expires: '2026-07-15' }) };
    const onTheDay = await findings(files, '2026-07-15');
    const dayAfter = await findings(files, '2026-07-16');
    expect(onTheDay.filter((f) => f.suppressedBy).map((f) => f.record)).toEqual(['LEG-1', 'LEG-2']);
    expect(dayAfter.filter((f) => f.suppressedBy)).toEqual([]);
    expect(ofRules(dayAfter, 'expired-waiver')).toEqual(['expired-waiver - waivers.yaml:6:14']);
  });

  it('unmapped-criterion is waived by criterion ID (target: CC6.4), the other unmapped criterion still counts', async () => {
    const files = {
      ...CLEAN,
      'controls/all.yaml': controlsFor(ALL_CC.filter((id) => id !== 'CC6.4' && id !== 'CC6.5')),
      'waivers.yaml': waivers({ rule: 'unmapped-criterion', target: 'CC6.4' }),
    };
    const all = await findings(files);
    expect(all.filter((f) => f.suppressedBy)).toHaveLength(1);
    expect(ofRules(all, 'unmapped-criterion', 'unused-waiver')).toEqual([
      'unmapped-criterion CC6.4 scope.yaml:1:1 waived by waivers.yaml:2',
      'unmapped-criterion CC6.5 scope.yaml:1:1',
    ]);
  });

  it('a policy is waived by its front-matter id, and the scope by its file name', async () => {
    const files = {
      ...CLEAN,
      'scope.yaml': 'categories: [security]\nowner: a@x.io\nlast_reviewed: 2025-01-10\n',
      'policies/access.md': policy('id: POL-AC\ntitle: Access\nstatus: approved\nowner: a@x.io\nlast_reviewed: 2025-06-01'),
      'policies/hr.md': policy('id: POL-HR\ntitle: HR\nstatus: approved\nowner: a@x.io\nlast_reviewed: 2025-06-01'),
      'waivers.yaml': waivers({ rule: 'stale-review', target: 'POL-AC' }, { rule: 'stale-review', target: 'scope.yaml' }),
    };
    expect(ofRules(await findings(files), 'stale-review', 'unused-waiver')).toEqual([
      'stale-review POL-AC policies/access.md:6:16 waived by waivers.yaml:2',
      'stale-review POL-HR policies/hr.md:6:16',
      'stale-review - scope.yaml:3:16 waived by waivers.yaml:7',
    ]);
  });

  it('a waivers.yaml holding one waiver as a mapping works, and the waiver is placed on line 1', async () => {
    const files = {
      ...STALE,
      'waivers.yaml': `rule: stale-evidence\ntarget: AC-08\nreason: ${REASON}\napproved_by: ciso@acme.example\nexpires: 2026-09-30\n`,
    };
    expect((await findings(files)).filter((f) => f.suppressedBy).map(show)).toEqual(['stale-evidence AC-08 controls/ac.yaml:17:15 waived by waivers.yaml:1']);
  });

  it('a waiver that breaks the schema (a reason under 10 characters) suppresses nothing; schema-violation reports it', async () => {
    const all = await findings({ ...STALE, 'waivers.yaml': waivers({ rule: 'stale-evidence', target: 'AC-07', reason: 'ok' }) });
    expect(all.filter((f) => f.suppressedBy)).toEqual([]);
    expect(ofRules(all, 'schema-violation')).toHaveLength(1);
  });
});

describe('waivers: unused-waiver', () => {
  it('fires, at the target, for a waiver in force that matches nothing, and not for the one that matched', async () => {
    const all = await findings({
      ...STALE,
      'waivers.yaml': waivers({ rule: 'stale-evidence', target: 'AC-07' }, { rule: 'stale-evidence', target: 'AC-99' }, { rule: 'stale-evidence', target: 'policies/**' }),
    });
    const unused = all.filter((f) => f.ruleId === 'unused-waiver');
    expect(unused.map(show)).toEqual(['unused-waiver - waivers.yaml:8:13', 'unused-waiver - waivers.yaml:13:13']);
    expect(unused.map((f) => [f.severity, f.message])).toEqual([
      ['warn', 'The waiver of stale-evidence for AC-99 matched no finding. Remove it, or fix its rule or target.'],
      ['warn', 'The waiver of stale-evidence for policies/** matched no finding. Remove it, or fix its rule or target.'],
    ]);
  });

  it('a glob that matched findings is used, however many it matched', async () => {
    const all = await findings({ ...STALE, 'waivers.yaml': waivers({ rule: 'stale-evidence', target: 'controls/**' }) });
    expect(all.filter((f) => f.suppressedBy)).toHaveLength(4);
    expect(ofRules(all, 'unused-waiver')).toEqual([]);
  });

  // Fails today: src/engine/waivers.ts applyWaivers() counts a finding only for the first waiver in force that matches
  // it (the one that suppresses it), so the glob below, which does match AC-07's finding, gets 0 and is reported as
  // "matched no finding". RuleContext.waiverMatches is documented as how many findings each waiver matched.
  it('a waiver whose findings an earlier waiver already suppresses still matched them, so it is not "unused"', async () => {
    const all = await findings({
      ...STALE,
      'controls/legacy/old.yaml': '',
      'controls/ac.yaml': monthly([{ id: 'AC-07', date: '2026-03-02' }]),
      'waivers.yaml': waivers({ rule: 'stale-evidence', target: 'AC-07' }, { rule: 'stale-evidence', target: 'controls/**' }),
    });
    expect(ofRules(all, 'stale-evidence')).toEqual(['stale-evidence AC-07 controls/ac.yaml:9:15 waived by waivers.yaml:2']);
    expect(ofRules(all, 'unused-waiver')).toEqual([]);
  });

  it('a misspelt rule name is reported at the rule, with a did-you-mean', async () => {
    const all = await findings({ ...STALE, 'waivers.yaml': waivers({ rule: 'stale-evidnce', target: 'AC-07' }) });
    const unused = all.filter((f) => f.ruleId === 'unused-waiver');
    expect(unused.map(show)).toEqual(['unused-waiver - waivers.yaml:2:11']);
    expect(unused[0]!.message).toBe(
      'The waiver of stale-evidnce for AC-07 matched no finding: there is no rule "stale-evidnce". Did you mean "stale-evidence"? Fix the rule name, or remove the waiver.',
    );
  });

  it('does not report an expired waiver that matches nothing: that is expired-waiver\'s finding alone', async () => {
    const all = await findings({ ...STALE, 'waivers.yaml': waivers({ rule: 'stale-evidence', target: 'AC-99', expires: '2026-06-30' }) });
    expect(ofRules(all, 'unused-waiver', 'expired-waiver')).toEqual(['expired-waiver - waivers.yaml:6:14']);
  });

  it('unused-waiver findings cannot be waived, and a waiver that tries is itself reported', async () => {
    const all = await findings({
      ...STALE,
      'waivers.yaml': waivers({ rule: 'stale-evidence', target: 'AC-99' }, { rule: 'unused-waiver', target: 'waivers.yaml' }),
    });
    const unused = all.filter((f) => f.ruleId === 'unused-waiver');
    expect(unused.map(show)).toEqual(['unused-waiver - waivers.yaml:3:13', 'unused-waiver - waivers.yaml:7:11']);
    expect(unused.some((f) => f.suppressedBy)).toBe(false);
    expect(unused[1]!.message).toBe('The waiver of unused-waiver for waivers.yaml matched no finding: unused-waiver findings cannot be waived. Remove it.');
  });
});

describe('waivers: the CLI', () => {
  /** Two stale controls, both waived: the only errors are suppressed. */
  const ALL_WAIVED: RepoFiles = {
    ...CLEAN,
    'controls/ac.yaml': monthly([
      { id: 'AC-07', date: '2026-03-02' },
      { id: 'AC-08', date: '2026-03-02' },
    ]),
    'waivers.yaml': waivers({ rule: 'stale-evidence', target: 'AC-07' }, { rule: 'stale-evidence', target: 'AC-08', reason: 'Replaced by AC-12; evidence for the old tool is archived.', expires: '2026-12-31' }),
  };
  const ONE_LEFT: RepoFiles = { ...ALL_WAIVED, 'waivers.yaml': waivers({ rule: 'stale-evidence', target: 'AC-07' }) };

  it('exits 0 when the only errors are suppressed, and stylish prints just the count', async () => {
    const result = await run([], makeRepo(ALL_WAIVED));
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toBe('✔ 0 problems (2 suppressed by waivers)\n  in 1 policy, 35 controls, 2 waivers, scope.yaml\n');
  });

  it('exits 1 for an error left unwaived, and stylish shows it and counts the suppressed one on the summary line', async () => {
    const result = await run([], makeRepo(ONE_LEFT));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        '',
        'controls/ac.yaml',
        '  17:15  error  Control AC-08 is filed monthly, but no evidence covers 2026-06 (2026-06-01 to 2026-06-30), due by 2026-06-30; its newest evidence is from 2026-03-02. Add the evidence of that run (with its real date), or fix the frequency.  stale-evidence',
        '',
        '✖ 1 problem (1 error, 0 warnings, 1 suppressed by waivers)',
        '  in 1 policy, 35 controls, 1 waiver, scope.yaml',
        '',
      ].join('\n'),
    );
  });

  it('JSON lists suppressed findings under suppressedMessages with the waiver\'s reason, place, approver and expiry', async () => {
    const result = await run(['--format', 'json'], makeRepo(ALL_WAIVED));
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    // The entry of the program folder, last, says what was linted.
    expect(report).toHaveLength(2);
    expect(report[1]).toMatchObject({ filePath: '.', messages: [], program: { controls: 35, waivers: 2 } });
    expect(report[0]).toMatchObject({ filePath: 'controls/ac.yaml', messages: [], errorCount: 0, warningCount: 0 });
    expect(report[0].suppressedMessages).toHaveLength(2);
    expect(report[0].suppressedMessages[0]).toMatchObject({ ruleId: 'stale-evidence', severity: 2, line: 9, column: 15 });
    expect(report[0].suppressedMessages[0].suppressions).toEqual([
      { kind: 'waiver', justification: REASON, waiver: 'waivers.yaml:2', approvedBy: 'ciso@acme.example', expires: '2026-09-30' },
    ]);
    expect(report[0].suppressedMessages[1].suppressions[0]).toMatchObject({
      justification: 'Replaced by AC-12; evidence for the old tool is archived.',
      waiver: 'waivers.yaml:7',
      expires: '2026-12-31',
    });
  });

  it('JSON keeps active and suppressed findings of one file apart, and counts only the active ones', async () => {
    const report = JSON.parse((await run(['-f', 'json'], makeRepo(ONE_LEFT))).stdout);
    expect(report[0]).toMatchObject({ filePath: 'controls/ac.yaml', errorCount: 1, warningCount: 0 });
    expect(report[0].messages.map((m: { line: number }) => m.line)).toEqual([17]);
    expect(report[0].suppressedMessages.map((m: { line: number }) => m.line)).toEqual([9]);
  });

  it('with file arguments (pre-commit), the suppressed count covers the findings in those files only', async () => {
    const repo = makeRepo(ALL_WAIVED);
    // (Standard error only says the git rules were skipped: the temporary folder is not a git repository.)
    expect(await run(['controls/ac.yaml'], repo)).toMatchObject({ code: 0, stdout: '✔ 0 problems (2 suppressed by waivers)\n' });
    expect(await run(['policies/infosec.md'], repo)).toMatchObject({ code: 0, stdout: '' });
  });

  it('suppressed warnings do not count against --max-warnings', async () => {
    const files = {
      ...CLEAN,
      'controls/extra.yaml': 'id: X-1\ntitle: Unmapped\nowner: a@x.io\nfrequency: event\nevidence:\n  - url: https://tickets.example/x\n    date: 2026-02-01\n',
      'waivers.yaml': waivers({ rule: 'unmapped-control', target: 'X-1' }),
    };
    const result = await run(['--max-warnings', '0'], makeRepo(files));
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toBe('✔ 0 problems (1 suppressed by waivers)\n  in 1 policy, 34 controls, 1 waiver, scope.yaml\n');
  });
});
