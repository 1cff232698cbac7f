// Small programs for CLI and engine tests: every common criterion covered by one event-driven control each, so the
// program lints clean until a test breaks something on purpose.
import { policy, type RepoFiles } from './repo.js';

export const ALL_CC = [
  ...[1, 2, 3, 4, 5].map((n) => `CC1.${n}`),
  ...[1, 2, 3].map((n) => `CC2.${n}`),
  ...[1, 2, 3, 4].map((n) => `CC3.${n}`),
  'CC4.1',
  'CC4.2',
  'CC5.1',
  'CC5.2',
  'CC5.3',
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `CC6.${n}`),
  ...[1, 2, 3, 4, 5].map((n) => `CC7.${n}`),
  'CC8.1',
  'CC9.1',
  'CC9.2',
];

/** One event-driven control per criterion: never stale, always owned. */
export const controlsFor = (ids: readonly string[]): string =>
  `controls:\n${ids
    .map((c, i) => `  - id: C-${i}\n    title: Control ${c}\n    owner: a@x.io\n    frequency: event\n    criteria: [${c}]\n    evidence:\n      - url: https://tickets.example/${i}\n        date: 2026-01-0${(i % 9) + 1}\n`)
    .join('')}`;

/** A small program that lints clean as of 2026-07-01. */
export const CLEAN: RepoFiles = {
  // A minimal program: it models no recurring activities and keeps no populations to sample its event-driven controls
  // from, so those expectations are switched off.
  'soc2lint.config.yaml': 'as_of: 2026-07-01\nrules:\n  missing-activity: off\n  incomplete-population: off\n',
  'scope.yaml': 'categories: [security]\nowner: a@x.io\nlast_reviewed: 2026-01-10\n',
  'policies/infosec.md': policy('id: POL-IS\ntitle: Information Security\nstatus: approved\nowner: a@x.io\napproved_by: b@x.io\napproved_on: 2026-01-10\nlast_reviewed: 2026-01-10'),
  'controls/all.yaml': controlsFor(ALL_CC),
};
