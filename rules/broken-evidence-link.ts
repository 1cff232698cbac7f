// Evidence that points nowhere: a moved file, a typo, or proof kept outside the repo where no one can check it.
import { evidenceFiles } from '../src/model/evidence.js';
import { defineRule } from '../src/engine/rule.js';
import type { PathTarget } from '../src/model/types.js';

export default defineRule({
  meta: {
    id: 'broken-evidence-link',
    description: 'An evidence path that does not exist, or that resolves outside the repo (../, absolute paths, symlinks pointing out).',
    defaultSeverity: 'error',
    reads: ['control', 'vendor', 'person'],
  },
  check({ model, report }) {
    for (const { owner, path, source, at } of evidenceFiles(model)) {
      const problem = describe(model.paths.get(path));
      if (problem) report({ message: `${owner}: evidence path "${path}" ${problem}`, at: source.at(at) });
    }
  },
});

function describe(target: PathTarget | undefined): string | undefined {
  switch (target?.state) {
    case undefined:
    case 'file':
      return undefined;
    case 'missing':
      return 'does not exist. Commit the file at that path (relative to the repo root) or fix the path.';
    case 'directory':
      return 'is a folder, not a file. Point at the file that proves the control operated.';
    case 'outside':
      return target.reason === 'symlink'
        ? 'is a symlink to a file outside the repository. Copy the evidence into the repo.'
        : `${target.reason === 'absolute' ? 'is absolute' : 'leaves the repository'}; evidence paths are relative to the repo root and stay inside it. Copy the evidence into the repo.`;
  }
}
