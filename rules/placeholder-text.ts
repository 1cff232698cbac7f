// Template leftovers in a policy ([COMPANY NAME], TBD, lorem ipsum): an auditor reading a policy that still says
// "[INSERT DATE]" concludes nobody read it before approving it, and questions every control that relies on it.
import { defineRule, ruleOptions } from '../src/engine/rule.js';
import type { SourceRange } from '../src/engine/finding.js';
import type { Policy } from '../src/model/types.js';
import { policyProse } from '../src/model/policy-text.js';

const PATTERNS: readonly RegExp[] = [
  /\{\{[^\n{}]*\}\}/g, // {{ company_name }}; no braces inside, so a line of braces is read in one pass
  /(?<![\]!\\])\[(?![\^!])([^\[\]\n]+)\](?![(\[])/g, // [COMPANY NAME], [Company Name], [INSERT DATE]
  /\b(?:TODO|TBD|TBA|FIXME)\b/g,
  /\blorem\s+ipsum\b/gi,
  /<insert\b[^>\n]*>/gi,
  /\bXX([/.-])XX\1XX(?:XX)?\b/gi,
];
const MAX_QUOTE = 40;

export default defineRule({
  meta: {
    id: 'placeholder-text',
    description: 'Template placeholders left in a policy: {{ ... }}, [COMPANY NAME], [day/month/year], TODO, TBD, lorem ipsum, <insert ...>, XX/XX/XXXX.',
    defaultSeverity: 'warn',
    reads: ['policy'],
    perFile: true,
    // ignore: placeholders the repo means to keep (template syntax it renders at build time), as patterns in which `*`
    // stands for any characters and the rest is literal, matched against the whole placeholder.
    options: ruleOptions<{ ignore: string[] }>({
      defaults: { ignore: [] },
      schema: { type: 'object', additionalProperties: false, properties: { ignore: { type: 'array', items: { type: 'string', minLength: 1 } } } },
    }),
    // {{placeholder}}: the placeholder as written, cut to 40 characters.
    messages: {
      inText: 'Policy {{policy}} still contains the template placeholder "{{placeholder}}". Replace it with the real text.',
      inTitle: 'Policy {{policy}} still contains the template placeholder "{{placeholder}}" in its title. Replace it with the real text.',
    },
  },
  check({ model, options, report }) {
    const ignored = options.ignore.map(wildcard);
    const kept = (found: Found) => !ignored.some((pattern) => pattern.test(found.text));
    for (const policy of model.policies) {
      if (policy.status === 'retired') continue;
      const data = (found: Found) => ({ policy: policy.id, placeholder: quote(found.text) });
      const title = policy.source.at(['title']);
      for (const found of placeholders(policy.title, new Set()).filter(kept)) {
        report({ messageId: 'inTitle', data: data(found), at: titleRange(policy, title, found) });
      }
      const labels = referenceLabels(policy.body);
      for (const { text: line, index } of policyProse(policy)) {
        const lineNumber = policy.bodyLine + index;
        for (const found of placeholders(line, labels).filter(kept)) {
          const at: SourceRange = { file: policy.source.file, line: lineNumber, column: found.index + 1, endLine: lineNumber, endColumn: found.index + 1 + found.text.length, record: policy.id };
          report({ messageId: 'inText', data: data(found), at });
        }
      }
    }
  },
});

interface Found {
  index: number;
  text: string;
}

/** Every placeholder on a line, outside inline code; overlapping matches (`[TODO]`) count once, the outer one. */
function placeholders(line: string, labels: ReadonlySet<string>): Found[] {
  const visible = maskCodeSpans(line)
    // A reference definition's label (`[Policy Index]: url`) names a link, it is not a placeholder.
    .replace(/^ {0,3}\[[^\]]+\]:/, (label) => ' '.repeat(label.length));
  const all: Found[] = [];
  for (const pattern of PATTERNS) {
    for (const match of visible.matchAll(pattern)) {
      if (match[0].startsWith('[') && !isBracketPlaceholder(match[1]!, labels)) continue;
      all.push({ index: match.index, text: match[0] });
    }
  }
  all.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const kept: Found[] = [];
  for (const found of all) {
    const last = kept[kept.length - 1];
    if (!last || found.index >= last.index + last.text.length) kept.push(found);
  }
  return kept;
}

/**
 * The line with its inline code spans blanked out, columns kept. A span opens with a run of backticks and closes at
 * the next run of the same length (CommonMark); a run with no partner is literal. Linear: each run is looked at once.
 */
function maskCodeSpans(line: string): string {
  if (!line.includes('`')) return line;
  const runs: { start: number; length: number }[] = [];
  for (let i = 0; i < line.length; ) {
    if (line[i] !== '`') {
      i++;
      continue;
    }
    let end = i;
    while (line[end] === '`') end++;
    runs.push({ start: i, length: end - i });
    i = end;
  }
  // For each run, the next run of the same length, found by walking the runs once from the end.
  const next: number[] = new Array(runs.length).fill(-1);
  const lastOfLength = new Map<number, number>();
  for (let k = runs.length - 1; k >= 0; k--) {
    next[k] = lastOfLength.get(runs[k]!.length) ?? -1;
    lastOfLength.set(runs[k]!.length, k);
  }
  const chars = line.split(''); // UTF-16 units, as the run positions are
  let k = 0;
  while (k < runs.length) {
    const close = next[k]!;
    if (close === -1) {
      k++;
      continue;
    }
    const from = runs[k]!.start;
    const to = runs[close]!.start + runs[close]!.length;
    for (let i = from; i < to; i++) chars[i] = ' ';
    k = close + 1;
  }
  return chars.join('');
}

/**
 * `[Company Name]` (two or more words), `[COMPANY]` (one capitalised word of 3+ letters), a blank date
 * (`[DD/MM/YYYY]`, `[day/month/year]`) or alternatives to pick from (`[name/title]`); not `[x]` or `[ref]` links.
 */
function isBracketPlaceholder(content: string, labels: ReadonlySet<string>): boolean {
  if (labels.has(normalizeLabel(content))) return false;
  const text = content.trim();
  const words = text.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  return words.length >= 2 || /^[A-Z][A-Z_]{2,}$/.test(text) || BLANK_DATE.test(text) || /^[a-z]{2,}(?:\/[a-z]{2,})+$/.test(text);
}

const DATE_PART = '(?:d{1,2}|m{1,2}|y{2}|y{4}|day|month|year)';
const BLANK_DATE = new RegExp(`^${DATE_PART}(?:[/.-]${DATE_PART}){1,2}$`, 'i');

/** A pattern of the `ignore` option: `*` is any run of characters, the rest literal, matching the whole placeholder. */
function wildcard(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^]*')}$`);
}

/** The labels of the reference definitions in a body, so `[Access Policy]` used as a shortcut link is not reported. */
function referenceLabels(body: string): Set<string> {
  return new Set([...body.matchAll(/^ {0,3}\[([^\]]+)\]:/gm)].map((match) => normalizeLabel(match[1]!)));
}

function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

function quote(text: string): string {
  return text.length <= MAX_QUOTE ? text : `${text.slice(0, MAX_QUOTE - 1)}…`;
}

/** The placeholder inside the title value when the value is written as is (plain or quoted, one line), else the value. */
function titleRange(policy: Policy, value: SourceRange, found: Found): SourceRange {
  const written = value.endColumn - value.column;
  if (value.line !== value.endLine || (written !== policy.title.length && written !== policy.title.length + 2)) return value;
  const column = value.column + (written === policy.title.length ? 0 : 1) + found.index;
  return { ...value, column, endColumn: column + found.text.length };
}
