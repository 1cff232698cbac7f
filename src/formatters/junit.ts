// JUnit XML, which CI systems show as test results: a suite per file, a failing test case per finding, a skipped one
// per suppressed finding, and one passing case when there is nothing to report, so a clean run still shows green.
import type { Finding } from '../engine/finding.js';
import { groupByFile, type FormatInput } from './types.js';

export function junit({ findings, counts }: FormatInput): string {
  const suites = findings.length === 0 ? [cleanSuite()] : [...groupByFile(findings).values()].map((group) => fileSuite(group[0]!.path, group));
  const skipped = counts.suppressed;
  const failures = findings.length - skipped;
  const tests = Math.max(findings.length, 1);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="soc2lint" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function cleanSuite(): string {
  return ['  <testsuite name="soc2lint" tests="1" failures="0" errors="0" skipped="0">', '    <testcase name="no problems" classname="soc2lint"/>', '  </testsuite>'].join('\n');
}

function fileSuite(path: string, group: readonly Finding[]): string {
  const failures = group.filter((finding) => !finding.suppressedBy).length;
  const lines = [`  <testsuite name="${attribute(path)}" tests="${group.length}" failures="${failures}" errors="0" skipped="${group.length - failures}">`];
  const names = new Map<string, number>();
  for (const finding of group) {
    const name = uniqueName(caseName(finding), names);
    const open = `    <testcase name="${attribute(name)}" classname="${attribute(finding.ruleId)}" file="${attribute(path)}" line="${finding.line}">`;
    const severity = finding.severity === 'error' ? 'error' : 'warning';
    const body = finding.suppressedBy
      ? `      <skipped message="${attribute(`suppressed: ${finding.suppressedBy.reason}`)}"/>`
      : `      <failure message="${attribute(finding.message)}" type="${severity}">${text(`${finding.message}\n\n${severity} ${finding.ruleId} at ${path}:${finding.line}:${finding.column}`)}</failure>`;
    lines.push(open, body, '    </testcase>');
  }
  lines.push('  </testsuite>');
  return lines.join('\n');
}

/** `rule-id: RECORD at line:column`, or `rule-id at line:column` when the finding names no record. */
function caseName(finding: Finding): string {
  return `${finding.ruleId}${finding.record !== undefined ? `: ${finding.record}` : ''} at ${finding.line}:${finding.column}`;
}

/** CI tools merge test cases that share a name, so a repeated name gets its count: `… (2)`. */
function uniqueName(name: string, seen: Map<string, number>): string {
  const count = (seen.get(name) ?? 0) + 1;
  seen.set(name, count);
  return count === 1 ? name : `${name} (${count})`;
}

/**
 * Characters XML 1.0 cannot hold at all (most control characters, lone surrogates, U+FFFE/U+FFFF) are dropped;
 * there is no escape for them.
 */
function xmlChars(value: string): string {
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/** Markup characters as entities; CR as a reference, since parsers turn a literal CR LF into LF. */
function text(value: string): string {
  return xmlChars(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Quotes and apostrophes escaped; tabs and line breaks as references, which attribute normalisation would flatten. */
function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
