// Secrets in evidence text found by a maintained rule set: secretlint's recommended preset
// (@secretlint/secretlint-rule-preset-recommend, pinned in package.json), run here in the model so rules stay free of
// libraries and I/O. Only where each secret is and which of the preset's rules and messages found it reaches the
// model; the preset's messages and data, which quote the secret, are dropped the moment they are reported.
//
// The preset's rules are called directly, not through @secretlint/core: core marks every rule run on Node's global
// performance timeline and keeps every mark, so on thousands of evidence files its memory grows and its observer
// slows down quadratically. The rule interface (create(context, options) returning a `file(source)` handler) is
// secretlint's documented interface for rule authors.
import { rules as presetRules } from '@secretlint/secretlint-rule-preset-recommend';
import { MAX_SCANNED_LINE, lineStarts, longLines, type SecretDetection } from './secret-lines.js';

/** The part of a secretlint rule this module uses (see @secretlint/types' SecretLintRuleCreator). */
interface PresetRule {
  meta: { id: string };
  create(context: RuleContext, options: Record<string, unknown>): { file?: (source: RuleSource) => unknown };
}
interface RuleContext {
  sharedOptions: Record<string, unknown>;
  createTranslator(messages: Record<string, unknown>): (messageId: string, data?: unknown) => { message: string; messageId: string; data: Record<string, never> };
  report(descriptor: { message: { messageId: string }; range: readonly [number, number] }): void;
  ignore(): void;
}
interface RuleSource {
  content: string;
  ext: string;
  contentType: 'text';
  filePath: undefined;
}

// secretlint-rule-filter-comments reads `secretlint-disable` comments; soc2lint has its own suppressions.
const RULES = (presetRules as unknown as PresetRule[]).filter((rule) => !rule.meta.id.endsWith('filter-comments'));
/** `@secretlint/secretlint-rule-github` is `github`. */
const shortId = (id: string) => id.replace(/^@secretlint\/secretlint-rule-/, '');

/**
 * The secrets the preset finds in `text` (the text of the evidence file `path`), by offset. Lines longer than
 * MAX_SCANNED_LINE are blanked first, so no pattern runs over them (sensitive-evidence reports them as too long to
 * scan). No file path is given to the preset: a rule given one may read the file itself (the .p12 check does).
 */
export async function maintainedSecrets(text: string, path: string): Promise<SecretDetection[]> {
  // Split keeping the line ends (odd items), so offsets stay those of the text; a text with no line over the limit has
  // none to blank.
  const content =
    text.length <= MAX_SCANNED_LINE || longLines(text).length === 0
      ? text
      : text
          .split(/(\r\n|\r|\n)/)
          .map((part) => (part.length > MAX_SCANNED_LINE ? ' '.repeat(part.length) : part))
          .join('');
  const ext = /\.[^./\\]+$/.exec(path)?.[0].toLowerCase() ?? '';
  const found: Found[] = [];
  // Scans run one at a time (the loader awaits each); one that starts while another waits on a rule's promise gets
  // contexts of its own.
  const shared = sink === undefined;
  if (shared) sink = found;
  try {
    for (const [rule, context] of shared ? (made ??= contextsFor(() => sink)) : contextsFor(() => found)) {
      try {
        // Each rule is made anew for each file (as secretlint does), so nothing one file leaves in it reaches the next.
        // The preset's handlers are synchronous today; one that returns a promise is awaited.
        const handled = rule.create(context, {}).file?.({ content, ext, contentType: 'text', filePath: undefined });
        if (handled && typeof (handled as Promise<unknown>).then === 'function') await handled;
      } catch {
        // A rule that throws on odd input finds nothing in it; soc2lint's own patterns still ran.
      }
    }
  } finally {
    if (shared) sink = undefined;
  }
  if (found.length === 0) return [];
  const starts = lineStarts(content);
  return found
    .map(({ rule, messageId, start, end }) => ({ rule, messageId, ...position(starts, content, start, end) }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

interface Found {
  rule: string;
  messageId: string;
  start: number;
  end: number;
}

/** Where the rule running now reports: the current file's list. */
let sink: Found[] | undefined;
/** The rules with the contexts every scan shares, made on the first scan. */
let made: [PresetRule, RuleContext][] | undefined;

/** Each rule with a context that reports into the list `target` gives at the time. */
function contextsFor(target: () => Found[] | undefined): [PresetRule, RuleContext][] {
  return RULES.map((rule) => {
    const id = shortId(rule.meta.id);
    const context: RuleContext = {
      sharedOptions: {},
      // The message and its data quote the secret: keep the message ID only.
      createTranslator: () => (messageId) => ({ message: messageId, messageId, data: {} }),
      report: ({ message, range }) => target()?.push({ rule: id, messageId: message.messageId, start: range[0], end: range[1] }),
      ignore: () => undefined,
    };
    return [rule, context];
  });
}

/** The 1-based line and columns of [start, end), clipped to the line it starts on. */
function position(starts: readonly number[], content: string, start: number, end: number) {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= start) low = mid;
    else high = mid - 1;
  }
  const lineEnd = /[\r\n]/.exec(content.slice(start, end))?.index;
  const stop = lineEnd === undefined ? end : start + lineEnd;
  return { line: low + 1, column: start - starts[low]! + 1, endColumn: Math.max(stop, start + 1) - starts[low]! + 1 };
}
