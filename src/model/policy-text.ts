// What rules read of a policy's text: its prose lines, outside fenced code, as the markdown parser sees them.
import { proseLines } from '../parse/markdown.js';
import type { Policy } from './types.js';

/** The body's lines outside fenced code blocks, with their 0-based index in the body (file line = bodyLine + index). */
export function policyProse(policy: Pick<Policy, 'body'>): { text: string; index: number }[] {
  return proseLines(policy.body);
}
