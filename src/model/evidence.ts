// Every file the program names as proof, in one place: control evidence, vendor reports and bridge letters,
// offboarding records. The loader resolves them; the evidence rules check them.
import type { RepoModel } from './types.js';
import type { PathSegment, RecordSource } from '../parse/source.js';

export interface EvidenceFileRef {
  /** `Control AC-01`, `Vendor VEN-AWS`, `Person jane@acme.example`. */
  owner: string;
  /** `evidence file`, `assurance report`, `bridge letter`, `offboarding evidence file`. */
  what: string;
  /** The path as written, relative to the repo root. */
  path: string;
  source: RecordSource;
  /** Where the path is written in the record, for `source.at(at)`. */
  at: PathSegment[];
}

export function evidenceFiles(model: Pick<RepoModel, 'controls' | 'vendors' | 'people'>): EvidenceFileRef[] {
  const refs: EvidenceFileRef[] = [];
  const add = (owner: string, what: string, path: string | undefined, source: RecordSource, at: PathSegment[]) => {
    if (path !== undefined) refs.push({ owner, what, path, source, at });
  };
  for (const control of model.controls) {
    for (const entry of control.evidence) add(`Control ${control.id}`, 'evidence file', entry.path, control.source, ['evidence', entry.index, 'path']);
  }
  for (const vendor of model.vendors) {
    add(`Vendor ${vendor.id}`, 'assurance report', vendor.assurance?.path, vendor.source, ['assurance', 'path']);
    add(`Vendor ${vendor.id}`, 'bridge letter', vendor.assurance?.bridgeLetter?.path, vendor.source, ['assurance', 'bridge_letter', 'path']);
  }
  for (const person of model.people) {
    add(`Person ${person.id}`, 'offboarding evidence file', person.offboarded?.evidence, person.source, ['offboarded', 'evidence']);
  }
  return refs;
}
