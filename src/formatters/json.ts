// Machine output in ESLint's JSON shape: one entry per file with findings, severity 2 for errors and 1 for warnings.
// Findings suppressed by a waiver or an inline directive are listed under `suppressedMessages`, as ESLint lists them.
import { REPO_ROOT, type Finding, type Suppression } from '../engine/finding.js';
import { groupByFile, type FormatInput, type ProgramSummary } from './types.js';

export interface JsonMessage {
  ruleId: string;
  severity: 1 | 2;
  /** The key of the rule's `meta.messages` the message was made from, as ESLint reports it. */
  messageId: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonSuppressedMessage extends JsonMessage {
  /** As ESLint reports suppressions: `kind` (waiver or directive) and `justification` (the reason given). */
  suppressions: (
    | { kind: 'waiver'; justification: string; waiver: string; approvedBy: string; expires: string }
    | { kind: 'directive'; justification: string; directive: string }
  )[];
}

export interface JsonFileResult {
  filePath: string;
  messages: JsonMessage[];
  suppressedMessages: JsonSuppressedMessage[];
  errorCount: number;
  warningCount: number;
  /** On the entry for the program's folder (`"."`), in a run over the whole program: what was linted. */
  program?: ProgramSummary;
}

export function json({ findings, program }: FormatInput): string {
  const results: JsonFileResult[] = [];

  for (const [filePath, group] of groupByFile(findings)) {
    const messages = group.filter((f) => !f.suppressedBy).map(toMessage);
    const suppressedMessages = group.filter((f) => f.suppressedBy).map((f) => ({ ...toMessage(f), suppressions: [describe(f.suppressedBy!)] }));
    const errorCount = messages.filter((m) => m.severity === 2).length;
    results.push({ filePath, messages, suppressedMessages, errorCount, warningCount: messages.length - errorCount, ...(program && filePath === REPO_ROOT ? { program } : {}) });
  }
  // The counts ride on the entry for the program's folder, added last when nothing was found there: ESLint lists clean
  // files with empty messages too, so readers of its shape take one more entry in their stride.
  if (program && !results.some((result) => result.filePath === REPO_ROOT)) results.push({ filePath: REPO_ROOT, messages: [], suppressedMessages: [], errorCount: 0, warningCount: 0, program });
  return `${JSON.stringify(results, null, 2)}\n`;
}

function toMessage({ ruleId, severity, messageId, message, line, column, endLine, endColumn }: Finding): JsonMessage {
  return { ruleId, severity: severity === 'error' ? 2 : 1, messageId, message, line, column, endLine, endColumn };
}

function describe(by: Suppression): JsonSuppressedMessage['suppressions'][number] {
  const place = `${by.file}:${by.line}`;
  return by.kind === 'waiver'
    ? { kind: 'waiver', justification: by.reason, waiver: place, approvedBy: by.approvedBy, expires: by.expires }
    : { kind: 'directive', justification: by.reason, directive: place };
}
