// Human output in the shape ESLint users know: nothing when clean, findings grouped by file, a summary line.
import { countingFindings, describeProgram, groupByFile, type FindingCounts, type FormatInput } from './types.js';

const codes = { red: [31, 39], yellow: [33, 39], dim: [2, 22], bold: [1, 22], underline: [4, 24] } as const;

export function stylish({ findings: all, counts, color, program }: FormatInput): string {
  const findings = countingFindings(all);
  const { errors, warnings, suppressed } = counts;
  const waived = suppressed > 0 ? `, ${suppressed} suppressed by ${suppressors(counts)}` : '';
  // What was read, under the summary line: a count that looks wrong (0 controls) says the paths miss part of the program.
  const linted = program ? `  in ${describeProgram(program)}\n` : '';
  if (findings.length === 0) return suppressed > 0 ? `✔ 0 problems (${suppressed} suppressed by ${suppressors(counts)})\n${linted}` : '';
  const paint = (style: keyof typeof codes, text: string) => (color ? `\u001b[${codes[style][0]}m${text}\u001b[${codes[style][1]}m` : text);
  const lines: string[] = [];
  for (const group of groupByFile(findings).values()) {
    lines.push('', paint('underline', group[0]!.path));
    const rows = group.map((f) => [`${f.line}:${f.column}`, f.severity === 'error' ? 'error' : 'warning', f.message, f.ruleId] as const);
    // A reduce, not Math.max(...): a file can hold hundreds of thousands of findings, more than a call has arguments.
    const widths = [0, 1].map((column) => rows.reduce((widest, row) => Math.max(widest, row[column]!.length), 0));
    for (const [place, severity, message, ruleId] of rows) {
      const level = severity === 'error' ? paint('red', severity.padEnd(widths[1]!)) : paint('yellow', severity.padEnd(widths[1]!));
      lines.push(`  ${paint('dim', place.padEnd(widths[0]!))}  ${level}  ${message.replace(/\n/g, ' ')}  ${paint('dim', ruleId)}`);
    }
  }
  const total = `✖ ${findings.length} problem${findings.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${waived})`;
  lines.push('', paint('bold', errors > 0 ? paint('red', total) : paint('yellow', total)), '');
  return lines.join('\n') + linted;
}

/** "waivers", "inline directives", or both. */
function suppressors({ byWaivers, byDirectives }: FindingCounts): string {
  return [...(byWaivers > 0 ? ['waivers'] : []), ...(byDirectives > 0 ? ['inline directives'] : [])].join(' and ');
}
