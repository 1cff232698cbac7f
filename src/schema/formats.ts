// The string formats the schemas use, shared by the build-time compiler and the run-time fallback so both agree.
import { createRequire } from 'node:module';
import { isIsoDate, parseInterval } from '../core/dates.js';

// ajv-formats' format table is a plain CommonJS module with no dependencies; requiring just it keeps start-up cheap.
const { fullFormats } = createRequire(import.meta.url)('ajv-formats/dist/formats.js') as {
  fullFormats: { email: RegExp; uri: (text: string) => boolean };
};

export const FORMATS = {
  date: (text: string) => isIsoDate(text),
  interval: (text: string) => parseInterval(text) !== undefined,
  email: (text: string) => fullFormats.email.test(text),
  uri: (text: string) => fullFormats.uri(text),
};
