// "Did you mean ...?" for IDs, keys and rule names.
import { distance } from 'fastest-levenshtein';

/**
 * The candidates nearest to `value` within a typo's reach (about a quarter of the word, at most 3 edits),
 * all of them when several are equally near. Case is ignored.
 */
export function closestAll(value: string, candidates: Iterable<string>): string[] {
  const wanted = value.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(wanted.length / 4)));
  let best: string[] = [];
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    // Lengths further apart than the reach are further apart than it in edits too: such a candidate is never suggested
    // (and never nearer than one that is), so the distance is not worked out. A folder of thousands of files stays cheap.
    if (Math.abs(lower.length - wanted.length) > limit) continue;
    const d = distance(wanted, lower);
    if (d < bestDistance) {
      best = [candidate];
      bestDistance = d;
    } else if (d === bestDistance) {
      best.push(candidate);
    }
  }
  return bestDistance <= limit ? best.sort() : [];
}

/** The one nearest candidate, or undefined when there is none or several are equally near. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  const matches = closestAll(value, candidates);
  return matches.length === 1 ? matches[0] : undefined;
}

/** ` Did you mean "X"?` (or "X" or "Y"), or an empty string, ready to append to a message. */
export function didYouMean(value: string, candidates: Iterable<string>): string {
  const matches = closestAll(value, candidates).slice(0, 3);
  return matches.length ? ` Did you mean ${matches.map((m) => `"${m}"`).join(' or ')}?` : '';
}
