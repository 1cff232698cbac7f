// The string formats the schemas use: ajv-formats' own `date`, `email` and `uri`, the standard formats an editor
// knows too (no format of our own). Shared by the build-time compiler and the precompiled validators so both agree.
import { createRequire } from 'node:module';
import type { Format } from 'ajv';

// ajv-formats' format table is a plain CommonJS module with no dependencies; requiring just it keeps start-up cheap.
const { fullFormats } = createRequire(import.meta.url)('ajv-formats/dist/formats.js') as {
  fullFormats: { date: Format; email: RegExp; uri: Format };
};

/** `date` is the full RFC 3339 check: a real calendar day, leap years included (2024-02-29 yes, 2026-02-29 no). */
export const FORMATS = { date: fullFormats.date, email: fullFormats.email, uri: fullFormats.uri };

/** Whether `text` is an e-mail address, by the schemas' own `email` format. */
export function isEmail(text: string): boolean {
  return FORMATS.email.test(text);
}
