// Populations: the items of a period an auditor samples from (every change, joiner, leaver, incident, access review,
// vendor). Built-in populations come from the program itself; file populations from files under `populations/`.
// This file holds the shapes shared by the loader, the rules (unreviewed-change, incomplete-population), the audit
// request list and the readiness report.
import type { IsoDate } from '../core/dates.js';
import type { SourceRange } from '../core/types.js';

/** Populations a control may name by word; anything else in `population:` is a file path (root-relative). */
export const BUILT_IN_POPULATIONS = ['changes', 'joiners', 'leavers', 'incidents', 'access-reviews', 'vendors'] as const;
export type BuiltInPopulation = (typeof BUILT_IN_POPULATIONS)[number];

/** One item of a population: what an auditor would pick in a sample and ask proof for. */
export interface PopulationItem {
  /** As the auditor would cite it: `#482` for a pull request, the `id` column otherwise, a person's address, a vendor ID. */
  id: string;
  /** The day the item happened (merged, joined, left, opened, reviewed); absent when the file gives none. */
  date?: IsoDate;
  /** A human label: a change's title, a person's name, a vendor's name. */
  title?: string;
  /** Where the item is written: its first line (an id's key or a CSV row), with `record` set to the item's id. */
  at: SourceRange;
  /** The last line of the item as written, so findings inside it can be matched to it (same file as `at`). */
  endLine: number;
  /** Root-relative paths of the files that prove it (a postmortem, an access review's export), as written. */
  evidence: string[];
  /** The date as written when it could not be read as one (`date` is then absent), for the finding that says so. */
  writtenDate?: string;
}

/** A review of a change, as a code host records it. */
export interface ChangeReview {
  /** The reviewer's login or address, as written. */
  by: string;
  /** `APPROVED`, `CHANGES_REQUESTED`, `COMMENTED`, …, upper case; a plain CSV's approver is `APPROVED`. */
  state: string;
  /** ISO 8601 timestamp in UTC (`2026-03-04T15:22:10Z`), or the day alone when the export gives no time; absent when it gives neither. */
  at?: string;
}

/** A merged change (a pull request), from a `gh pr list` export or a plain CSV. */
export interface Change extends PopulationItem {
  /** The pull request number, when the export has one. */
  number?: number;
  author?: string;
  /**
   * Whether the code host marks the author a bot (`author.is_bot`, a login ending in `[bot]` or starting with `app/`).
   * The `bots` option of unreviewed-change names more; changeApproval (./changes.ts) applies it.
   */
  authorIsBot: boolean;
  /** ISO 8601 timestamp in UTC of the merge; `date` is its day. */
  mergedAt?: string;
  mergedBy?: string;
  reviews: ChangeReview[];
  /** ISO 8601 timestamp in UTC of the newest commit of the change, when the export lists commits (or the day alone, from a CSV). */
  lastCommitAt?: string;
  labels: string[];
  /** The branch it merged into. */
  base?: string;
}

/** An incident, from `incidents.yaml` (or any `incidents.*` population file): `date` is the day it was opened. */
export interface Incident extends PopulationItem {
  /** When it was opened, as written and read: a UTC timestamp or a day. */
  opened?: string;
  /** As written (`SEV1`, `high`, `2`). */
  severity?: string;
  /** The day it was closed; absent while open. */
  closed?: IsoDate;
}

/** A file population under `populations/` (or a file a control names). */
export interface PopulationFile {
  /** Root-relative path, `/` separators. */
  file: string;
  /** The file's name without extension: `changes`, `incidents`, `deploys`. */
  name: string;
  format: 'csv' | 'json' | 'yaml';
  /** The items in file order; `changes` files hold Change items, `incidents` files Incident items. */
  items: PopulationItem[];
}

/** A population resolved for a control: built-in (from the program) or a file. */
export interface Population {
  /** The name as the control writes it: a built-in word or a path. */
  name: string;
  /** Where the items come from, for the request list: `people.yaml`, `populations/changes.json`, `the control's evidence`. */
  origin: string;
  /** The file, for a file population. */
  file?: string;
  items: PopulationItem[];
}

export function isBuiltInPopulation(name: string): name is BuiltInPopulation {
  return (BUILT_IN_POPULATIONS as readonly string[]).includes(name);
}

/** Whether a population file holds changes (`changes.json`, `populations/q1/changes.csv`). */
export function isChangesFile(file: PopulationFile): boolean {
  return file.name.toLowerCase() === 'changes';
}

/** The Change items of the program's changes files, in path order. */
export function changesOf(files: readonly PopulationFile[]): Change[] {
  return files.filter(isChangesFile).flatMap((file) => file.items as Change[]);
}

/**
 * The population file a control's `population:` names by path (`populations/deploys.csv`; `./` and `\` allowed),
 * or undefined. Built-in words are not paths: `changes` and `incidents` are read from the files of those names.
 */
export function populationFileAt(files: readonly PopulationFile[], written: string): PopulationFile | undefined {
  const path = written.trim().replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  return files.find((file) => file.file === path);
}

/** The population files of a name (`changes`, `incidents`): the files a built-in word that is kept in files reads. */
export function populationFilesNamed(files: readonly PopulationFile[], name: string): PopulationFile[] {
  return files.filter((file) => file.name.toLowerCase() === name.toLowerCase());
}
