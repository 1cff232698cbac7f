// Human output in the shape ESLint users know: nothing when clean, findings grouped by file, a summary line.
import { join, relative } from 'node:path';
import { REPO_ROOT, activeFindings, type Finding } from '../engine/finding.js';
import { groupByFile, type FormatInput } from './types.js';

const codes = { red: [31, 39], yellow: [33, 39], dim: [2, 22], bold: [1, 22], underline: [4, 24] } as const;

export function stylish({ findings: all, root, cwd, color }: FormatInput): string {
  const findings = activeFindings(all);
  const suppressed = all.length - findings.length;
  const waived = suppressed > 0 ? `, ${suppressed} suppressed by ${suppressors(all)}` : '';
  if (findings.length === 0) return suppressed > 0 ? `✔ 0 problems (${suppressed} suppressed by ${suppressors(all)})\n` : '';
  const paint = (style: keyof typeof codes, text: string) => (color ? `\u001b[${codes[style][0]}m${text}\u001b[${codes[style][1]}m` : text);
  const lines: string[] = [];
  for (const [file, group] of groupByFile(findings)) {
    const shown = relative(cwd, file === REPO_ROOT ? root : join(root, file)) || '.';
    lines.push('', paint('underline', shown));
    const rows = group.map((f) => [`${f.line}:${f.column}`, f.severity === 'error' ? 'error' : 'warning', f.message, f.ruleId] as const);
    const widths = [Math.max(...rows.map((row) => row[0].length)), Math.max(...rows.map((row) => row[1].length))];
    for (const [place, severity, message, ruleId] of rows) {
      const level = severity === 'error' ? paint('red', severity.padEnd(widths[1]!)) : paint('yellow', severity.padEnd(widths[1]!));
      lines.push(`  ${paint('dim', place.padEnd(widths[0]!))}  ${level}  ${message.replace(/\n/g, ' ')}  ${paint('dim', ruleId)}`);
    }
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const total = `✖ ${findings.length} problem${findings.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${waived})`;
  lines.push('', paint('bold', errors > 0 ? paint('red', total) : paint('yellow', total)), '');
  return lines.join('\n');
}

/** "waivers", "inline directives", or both. */
function suppressors(findings: readonly Finding[]): string {
  const kinds = new Set(findings.map((f) => f.suppressedBy?.kind).filter(Boolean));
  return [...(kinds.has('waiver') ? ['waivers'] : []), ...(kinds.has('directive') ? ['inline directives'] : [])].join(' and ');
}
