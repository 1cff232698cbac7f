// JSON is read with the YAML parser, which keeps every value's position (JSON is YAML 1.2). YAML accepts more than
// JSON does (`{"a": }`, trailing commas in some places), so a .json file is first checked by JSON.parse, and its
// first syntax error reported at the line where it is, as V8's message tells it (a position, or a quoted excerpt).
import type { LoadProblem } from '../core/types.js';

export function jsonSyntaxProblem(text: string, file: string): LoadProblem | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = (error as Error).message;
    const offset = errorOffset(text, message);
    const before = text.slice(0, offset).split('\n');
    const line = before.length;
    const column = before[before.length - 1]!.length + 1;
    return { kind: 'parse', message: `JSON cannot be parsed: ${message.replace(/\s+/g, ' ')}`, range: { file, line, column, endLine: line, endColumn: column } };
  }
}

/** Where the error is: `at position N`; the unexpected token inside the quoted excerpt; the end; else the start. */
function errorOffset(text: string, message: string): number {
  const position = /at position (\d+)/.exec(message);
  if (position) return Math.min(Number(position[1]), text.length);
  if (/end of JSON input/.test(message)) return text.trimEnd().length;
  const excerpt = /^Unexpected token '(.+?)', (?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  if (excerpt) {
    const at = text.indexOf(excerpt[2]!);
    const token = excerpt[2]!.indexOf(excerpt[1]!);
    if (at >= 0 && token >= 0) return at + token;
  }
  return 0;
}
