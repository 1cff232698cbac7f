// An evidence file that exists on this disk but is not in git (untracked or ignored): the next clone, the CI run and
// the auditor will not have it, so the proof it holds lives on one laptop.
import { posix } from 'node:path';
import { defineRule } from '../src/engine/rule.js';
import type { RecordSource } from '../src/parse/source.js';

export default defineRule({
  meta: {
    id: 'untracked-evidence',
    description: 'An evidence file that exists but is neither committed nor staged in git (untracked or gitignored).',
    defaultSeverity: 'warn',
    reads: ['control', 'vendor', 'person', 'git-index'],
  },
  check({ model, report }) {
    const git = model.git;
    if (!git?.available) return; // no git here: the engine says so once
    const tracked = git.tracked;
    const inGit = (path: string): boolean => {
      const normalized = posix.normalize(path.replace(/\\/g, '/'));
      if (tracked.has(normalized)) return true;
      // A file inside a submodule or nested repository: the outer index holds only the folder (a gitlink).
      for (let dir = posix.dirname(normalized); dir !== '.' && dir !== '/'; dir = posix.dirname(dir)) if (tracked.has(dir)) return true;
      return false;
    };
    const check = (owner: string, what: string, path: string | undefined, source: RecordSource, at: (string | number)[]) => {
      if (path === undefined || model.paths.get(path)?.state !== 'file' || inGit(path)) return;
      report({
        message: `${owner}: ${what} "${path}" is not committed to git; proof that lives on one laptop is no proof. Commit it (git add "${path}"; if .gitignore excludes it, change the ignore rule or use git add -f).`,
        at: source.at(at),
      });
    };
    for (const control of model.controls) {
      for (const entry of control.evidence) check(`Control ${control.id}`, 'evidence file', entry.path, control.source, ['evidence', entry.index, 'path']);
    }
    for (const vendor of model.vendors) {
      check(`Vendor ${vendor.id}`, 'assurance report', vendor.assurance?.path, vendor.source, ['assurance', 'path']);
      check(`Vendor ${vendor.id}`, 'bridge letter', vendor.assurance?.bridgeLetter?.path, vendor.source, ['assurance', 'bridge_letter', 'path']);
    }
    for (const person of model.people) {
      check(`Person ${person.id}`, 'offboarding evidence file', person.offboarded?.evidence, person.source, ['offboarded', 'evidence']);
    }
  },
});
