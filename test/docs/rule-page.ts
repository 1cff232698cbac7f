// Reads the runnable example of a rule page (rules/<id>.md), for test/docs/rule-examples.test.ts. The convention,
// also told to contributors in docs/contributing.md and rules/_template.md:
//
//   ## Example
//   ### Invalid                      the files that break the rule, and the output they give
//   ### Valid                        the files that fix it, written over the Invalid ones; all other files stay
//
// - A file is a fenced code block right after a paragraph that starts with its path in backticks:
//   "`controls/access.yaml`, linted as of 2026-07-01:". The block is the whole file.
// - Other fenced blocks are not files. In Invalid, a block of stylish output (`line:column  severity  message  rule`)
//   is what the files give: its lines for the page's rule must be exactly the rule's findings.
// - "as of YYYY-MM-DD" in the Invalid text is the date the example is linted as of (Valid may give its own).
// - A file whose paragraph says "committed on YYYY-MM-DD" (or "in a commit on ...", optionally 'with the message
//   "..."') is committed to git with that date, in page order; the example is then a git repo, and files without
//   such a date are written after the last commit, uncommitted.

export interface ExampleFile {
  path: string;
  content: string;
  commit?: { date: string; message?: string };
}

export interface ShownFinding {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
  ruleId: string;
}

export interface Example {
  /** The date the example is linted as of. */
  asOf: string;
  files: ExampleFile[];
  /** The findings the page shows as output (every rule's, in page order). */
  shown: ShownFinding[];
}

export interface RulePageExamples {
  invalid: Example;
  /** Starts from the Invalid files, with its own written over them. */
  valid: Example;
}

interface Block {
  info: string;
  content: string;
  /** The paragraph right before the block ('' when there is none). */
  leadIn: string;
}

const DATE = /\d{4}-\d{2}-\d{2}/;

/** The Invalid and Valid examples of a rule page; throws, naming the page, when the page does not follow the convention. */
export function readRuleExamples(page: string, text: string): RulePageExamples {
  const example = section(text, /^## Example\s*$/, /^## /);
  if (example === undefined) throw new Error(`${page} has no "## Example" section.`);
  const invalidText = section(example, /^### Invalid\s*$/, /^### /);
  const validText = section(example, /^### Valid\s*$/, /^### /);
  if (invalidText === undefined || validText === undefined) {
    throw new Error(`${page}: "## Example" needs a "### Invalid" and a "### Valid" sub-section (see docs/contributing.md).`);
  }
  const invalid = readExample(page, 'Invalid', invalidText, undefined);
  if (invalid.files.length === 0) throw new Error(`${page}: "### Invalid" shows no file (a paragraph starting with its \`path\`, then the file in a code block).`);
  const valid = readExample(page, 'Valid', validText, invalid.asOf);
  if (valid.files.length === 0) throw new Error(`${page}: "### Valid" shows no file: show the fixed files.`);
  return { invalid, valid: { ...valid, files: [...invalid.files, ...valid.files] } };
}

function readExample(page: string, name: string, text: string, inheritedAsOf: string | undefined): Example {
  const { blocks, prose } = fencedBlocks(text);
  const asOf = new RegExp(`as\\s+of\\s+(${DATE.source})`).exec(prose)?.[1] ?? inheritedAsOf;
  if (asOf === undefined) throw new Error(`${page}: "### ${name}" does not say the date it is linted "as of YYYY-MM-DD".`);
  const files: ExampleFile[] = [];
  const shown: ShownFinding[] = [];
  for (const block of blocks) {
    const path = /^`([^`\s]+\.[A-Za-z0-9]+)`/.exec(block.leadIn)?.[1];
    if (path !== undefined) {
      const date = new RegExp(`\\bcommit(?:ted)? on (${DATE.source})`).exec(block.leadIn)?.[1];
      const message = /with the message "([^"]+)"/.exec(block.leadIn)?.[1];
      files.push({ path, content: block.content, ...(date !== undefined ? { commit: { date, ...(message !== undefined ? { message } : {}) } } : {}) });
    } else {
      shown.push(...stylishFindings(block.content));
    }
  }
  return { asOf, files, shown };
}

/** The text under the first line matching `start`, up to the next line matching `end` outside a code block. */
function section(text: string, start: RegExp, end: RegExp): string | undefined {
  const lines = text.split('\n');
  const from = lines.findIndex((line) => start.test(line));
  if (from < 0) return undefined;
  let to = from + 1;
  for (let fence: string | undefined; to < lines.length; to += 1) {
    const marker = /^(```|~~~)/.exec(lines[to]!)?.[1];
    if (marker !== undefined && (fence === undefined || marker === fence)) fence = fence === undefined ? marker : undefined;
    else if (fence === undefined && end.test(lines[to]!)) break;
  }
  return lines.slice(from + 1, to).join('\n');
}

/** The fenced code blocks of a text, each with the paragraph right before it, and the text outside them. */
function fencedBlocks(text: string): { blocks: Block[]; prose: string } {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  const prose: string[] = [];
  let paragraph: string[] = []; // the latest paragraph, kept across blank lines until the next text
  let inParagraph = false;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    const open = /^(```|~~~)(.*)$/.exec(line);
    if (open) {
      const close = lines.findIndex((candidate, j) => j > i && candidate.trimEnd() === open[1]);
      if (close < 0) throw new Error(`a code block opened on line ${i + 1} of the example is never closed`);
      blocks.push({ info: open[2]!.trim(), content: lines.slice(i + 1, close).join('\n') + '\n', leadIn: paragraph.join(' ') });
      [paragraph, inParagraph, i] = [[], false, close];
    } else if (line.trim() === '') {
      inParagraph = false;
    } else {
      if (!inParagraph) [paragraph, inParagraph] = [[], true];
      paragraph.push(line.trim());
      prose.push(line);
    }
  }
  return { blocks, prose: prose.join('\n') };
}

/** The findings in stylish output: a line naming a file, then `  line:column  severity  message  rule-id` lines. */
export function stylishFindings(output: string): ShownFinding[] {
  const findings: ShownFinding[] = [];
  let file: string | undefined;
  for (const line of output.split('\n')) {
    const finding = /^\s+(\d+):(\d+)\s+(error|warning)\s+(.+?)\s{2,}([a-z]+(?:-[a-z]+)*)$/.exec(line);
    if (finding && file !== undefined) {
      const [, lineNo, column, severity, message, ruleId] = finding;
      findings.push({ file, line: Number(lineNo), column: Number(column), severity: severity as 'error' | 'warning', message: message!, ruleId: ruleId! });
    } else if (/^\S/.test(line) && !/^[✔✖$]/.test(line)) {
      file = line.trim();
    }
  }
  return findings;
}
