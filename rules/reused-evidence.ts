// One file cannot prove two runs: the Q1 review cited again with a Q2 date, or a copy of it under a new name, makes a
// control look proven for an interval nobody evidenced. An auditor comparing the samples sees the same document twice.
import { repoPath } from '../src/model/evidence.js';
import { compareDates } from '../src/core/dates.js';
import { coveredDays } from '../src/model/evidence-calendar.js';
import { defineRule } from '../src/engine/rule.js';
import type { EvidenceDigest, EvidenceRef } from '../src/model/types.js';

const FIX = 'Add the evidence of that run; if the file really covers both, record it once with the range it covers ("from:", "to:").';

export default defineRule({
  meta: {
    id: 'reused-evidence',
    description: 'The same evidence file, or a file with identical content, cited by one control for two different dates or intervals that no range of it explains.',
    defaultSeverity: 'error',
    reads: ['control', 'evidence-digest'],
    messages: {
      samePath: `Control {{control}} cites "{{path}}" for {{span}}, but already cites it for {{earlierSpan}}: one file cannot prove two different runs. ${FIX}`,
      sameContent: `Control {{control}}: "{{path}}" (for {{span}}) has the same content as "{{earlierPath}}" (for {{earlierSpan}}): a copy cannot prove a second run. ${FIX}`,
    },
  },
  check({ model, report }) {
    for (const control of model.controls) {
      const cited = control.evidence.filter((entry): entry is EvidenceRef & { path: string } => entry.path !== undefined);
      // A citation is reused only when its file, or its content, is cited again: most controls cite neither twice.
      if (!repeats(cited.map((entry) => repoPath(entry.path))) && !repeats(cited.map((entry) => contentOf(model, entry.path)))) continue;
      // In date order, so the later citation is the one reported (the Q2 date on the Q1 file).
      const ordered = [...cited].sort((a, b) => compareDates(a.date, b.date) || a.index - b.index);
      // The citations seen so far, by file and by content: a control citing a file a day for years compares each new
      // citation only with those of the same file or content, not with every one before it.
      const byFile = new Map<string, Seen[]>();
      const bySha = new Map<string, Seen[]>();
      let order = 0;
      for (const entry of ordered) {
        const file = repoPath(entry.path);
        const sha = contentOf(model, entry.path);
        // The first citation seen (in date order) of the same file or the same content that shares no day with this one.
        let earlier: Seen | undefined;
        for (const others of [byFile.get(file), sha !== undefined ? bySha.get(sha) : undefined]) {
          const first = others?.find((other) => disjoint(other.entry, entry));
          if (first && (earlier === undefined || first.order < earlier.order)) earlier = first;
        }
        const seen: Seen = { entry, file, order: order++ };
        append(byFile, file, seen);
        if (sha !== undefined) append(bySha, sha, seen);
        if (!earlier) continue;
        const data = { control: control.id, path: entry.path, span: span(entry), earlierSpan: span(earlier.entry) };
        const at = control.source.at(['evidence', entry.index, 'path']);
        if (earlier.file === file) report({ messageId: 'samePath', data, at });
        else report({ messageId: 'sameContent', data: { ...data, earlierPath: earlier.entry.path }, at });
      }
    }
  },
});

/** The SHA-256 of a cited file's content; none for a blank file (blank files are all alike: empty-evidence reports them). */
function contentOf(model: { evidenceDigests: ReadonlyMap<string, EvidenceDigest> }, path: string): string | undefined {
  const digest = model.evidenceDigests.get(path);
  return digest && 'sha256' in digest && !digest.blank ? digest.sha256 : undefined;
}

/** Whether a value other than undefined is in the list twice. */
function repeats(values: readonly (string | undefined)[]): boolean {
  const seen = new Set<string>();
  for (const value of values) {
    if (value === undefined) continue;
    if (seen.has(value)) return true;
    seen.add(value);
  }
  return false;
}

function append(lists: Map<string, Seen[]>, key: string, seen: Seen): void {
  const list = lists.get(key);
  if (list) list.push(seen);
  else lists.set(key, [seen]);
}

/** A citation already looked at: its entry, its file, and its place in date order. */
interface Seen {
  entry: EvidenceRef & { path: string };
  file: string;
  order: number;
}

/** Two citations that share no day: no range of either explains the other. */
function disjoint(a: EvidenceRef, b: EvidenceRef): boolean {
  const [x, y] = [coveredDays(a), coveredDays(b)];
  return compareDates(x.last, y.first) < 0 || compareDates(y.last, x.first) < 0;
}

function span(entry: EvidenceRef): string {
  const { first, last } = coveredDays(entry);
  return first === last ? first : `${first} to ${last}`;
}
