// Every file the program names as proof, in one place: control evidence, vendor reports and bridge letters,
// offboarding records. The loader resolves them; the evidence rules check them.
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

export function evidenceFiles(model: Pick<RepoModel, 'controls' | 'vendors' | 'people'>): EvidenceFileRef[] {
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
