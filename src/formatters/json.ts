// Machine output in ESLint's JSON shape: one entry per file with findings, severity 2 for errors and 1 for warnings.
import { groupByFile, type FormatInput } from './types.js';

export interface JsonFileResult {
  filePath: string;
  messages: {
    ruleId: string;
    severity: 1 | 2;
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
  }[];
  errorCount: number;
  warningCount: number;
}

export function json({ findings }: FormatInput): string {
  const results: JsonFileResult[] = [];
  for (const [filePath, group] of groupByFile(findings)) {
    const messages = group.map(({ ruleId, severity, message, line, column, endLine, endColumn }) => ({
      ruleId,
      severity: severity === 'error' ? (2 as const) : (1 as const),
      message,
      line,
      column,
      endLine,
      endColumn,
    }));
    const errorCount = messages.filter((m) => m.severity === 2).length;
    results.push({ filePath, messages, errorCount, warningCount: messages.length - errorCount });
  }
  return `${JSON.stringify(results, null, 2)}\n`;
}
