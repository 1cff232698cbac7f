// Every file the program names as proof, in one place: control evidence, vendor reports and bridge letters,
// offboarding records. The loader resolves them; the evidence rules check them.
import { posix } from 'node:path';
import type { SourceRange } from '../core/types.js';
import type { RepoModel } from './types.js';

export interface EvidenceFileRef {
  /** `Control AC-01`, `Vendor VEN-AWS`, `Person jane@acme.example`. */
  owner: string;
  /** `evidence file`, `assurance report`, `bridge letter`, `offboarding evidence file`. */
  what: string;
  /** The path as written, relative to the repo root. */
  path: string;
  /** The ID of the record that names the file. */
  record: string;
  /** Where the path is written (computed on demand: most references never need a position). */
  at: () => SourceRange;
}

/**
 * Every evidence file reference of the model. The loader and five rules ask for the same list, so it is made once per
 * model (again if the model's lists are other ones, as in a test that shuffles them).
 */
export function evidenceFiles(model: Pick<RepoModel, 'controls' | 'vendors' | 'people'>): readonly EvidenceFileRef[] {
  const known = listed.get(model);
  if (known && known.controls === model.controls && known.vendors === model.vendors && known.people === model.people && known.sizes === sizes(model)) return known.refs;
  const refs = listEvidenceFiles(model);
  listed.set(model, { controls: model.controls, vendors: model.vendors, people: model.people, sizes: sizes(model), refs });
  return refs;
}

const listed = new WeakMap<object, { controls: unknown; vendors: unknown; people: unknown; sizes: string; refs: readonly EvidenceFileRef[] }>();

const sizes = (model: Pick<RepoModel, 'controls' | 'vendors' | 'people'>) => `${model.controls.length}/${model.vendors.length}/${model.people.length}`;

function listEvidenceFiles(model: Pick<RepoModel, 'controls' | 'vendors' | 'people'>): EvidenceFileRef[] {
  const refs: EvidenceFileRef[] = [];
  const add = (owner: string, record: string, what: string, path: string | undefined, at: () => SourceRange) => {
    if (path !== undefined) refs.push({ owner, record, what, path, at });
  };
  // Each position is written where the record's type is known, so the compiler checks the field path.
  for (const control of model.controls) {
    for (const entry of control.evidence) add(`Control ${control.id}`, control.id, 'evidence file', entry.path, () => control.source.at(['evidence', entry.index, 'path']));
  }
  for (const vendor of model.vendors) {
    add(`Vendor ${vendor.id}`, vendor.id, 'assurance report', vendor.assurance?.path, () => vendor.source.at(['assurance', 'path']));
    add(`Vendor ${vendor.id}`, vendor.id, 'bridge letter', vendor.assurance?.bridgeLetter?.path, () => vendor.source.at(['assurance', 'bridge_letter', 'path']));
  }
  for (const person of model.people) {
    add(`Person ${person.id}`, person.id, 'offboarding evidence file', person.offboarded?.evidence, () => person.source.at(['offboarded', 'evidence']));
    add(`Person ${person.id}`, person.id, 'background check evidence file', person.backgroundCheck?.evidence, () => person.source.at(['background_check', 'evidence']));
  }
  return refs;
}

/**
 * A path as a record writes it, as the repository names the file: `/` separators, normalised (`./a/../b.md` is
 * `b.md`). Rules ask it of every evidence path; the answers are kept, up to a bound.
 */
export function repoPath(written: string): string {
  let path = repoPaths.get(written);
  if (path === undefined) {
    path = posix.normalize(written.replace(/\\/g, '/'));
    if (repoPaths.size >= MAX_PATHS) repoPaths.clear();
    repoPaths.set(written, path);
  }
  return path;
}

const repoPaths = new Map<string, string>();
const MAX_PATHS = 200_000;
