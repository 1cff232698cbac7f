// The output formats by name. Each is loaded only when asked for: a pre-commit run needs one formatter, not six.
import type { Formatter } from './types.js';

export const FORMATTERS: Readonly<Record<string, () => Promise<Formatter>>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  junit: async () => (await import('./junit.js')).junit,
  github: async () => (await import('./github.js')).github,
  gitlab: async () => (await import('./gitlab.js')).gitlab,
};

/** The formats that show the rules' docs text: the caller reads the rule pages only when one of them is asked for. */
export const FORMATS_WITH_RULE_DOCS: ReadonlySet<string> = new Set(['sarif']);
