// "Did you mean ...?" for IDs, keys and rule names.
import { distance } from 'fastest-levenshtein';

/** The closest candidate within a typo's reach (about a third of the word), or undefined. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  const wanted = value.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(wanted.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(wanted, candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** ` Did you mean "X"?` or an empty string, ready to append to a message. */
export function didYouMean(value: string, candidates: Iterable<string>): string {
  const match = closest(value, candidates);
  return match ? ` Did you mean "${match}"?` : '';
}
