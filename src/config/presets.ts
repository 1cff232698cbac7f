// The built-in presets a config can extend (`extends: soc2lint:strict`): rule severities as data, by default severity.
import type { Severity } from '../core/types.js';

export interface Preset {
  /** One sentence for the docs and error messages. */
  description: string;
  /**
   * The severity the preset gives each rule, by the rule's default severity. Written per default severity, not per
   * rule ID, so a preset covers every rule, including rules added later and rules passed to `lint()` by a program.
   * A preset sets severities only; options set by earlier layers are kept.
   */
  severityFor: Readonly<Record<Severity, Severity>>;
}

export const PRESET_PREFIX = 'soc2lint:';

export const PRESETS: Readonly<Record<string, Preset>> = {
  'soc2lint:recommended': {
    description: 'Every rule on, at its default severity.',
    severityFor: { error: 'error', warn: 'warn' },
  },
  'soc2lint:strict': {
    description: 'Every rule on, and every rule that warns by default raised to an error.',
    severityFor: { error: 'error', warn: 'error' },
  },
};

/** Whether an `extends` value names a preset (and not a file): it starts with `soc2lint:`. */
export function isPresetName(value: string): boolean {
  return value.startsWith(PRESET_PREFIX);
}
