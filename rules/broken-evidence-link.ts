// Evidence that points nowhere: a moved file, a typo, or proof kept outside the repo where no one can check it.
import { evidenceFiles } from '../src/model/evidence.js';
import { defineRule } from '../src/engine/rule.js';
import type { PathTarget } from '../src/model/types.js';

export default defineRule({
  meta: {
    id: 'broken-evidence-link',
    description: 'An evidence path that does not exist, or that resolves outside the repo (../, absolute paths, symlinks pointing out).',
    defaultSeverity: 'error',
    perFile: true,
    reads: ['control', 'vendor', 'person'],
    messages: {
      missing: '{{owner}}: evidence path "{{path}}" does not exist. Commit the file at that path (relative to the repo root) or fix the path.',
      folder: '{{owner}}: evidence path "{{path}}" is a folder, not a file. Point at the file that proves the control operated.',
      symlinkOutside: '{{owner}}: evidence path "{{path}}" is a symlink to a file outside the repository. Copy the evidence into the repo.',
      special: '{{owner}}: evidence path "{{path}}" is a named pipe, socket or device, not a file; soc2lint does not open it. Point at a regular file.',
      absolute:
        '{{owner}}: evidence path "{{path}}" is absolute; evidence paths are relative to the repo root and stay inside it. Copy the evidence into the repo.',
      outside:
        '{{owner}}: evidence path "{{path}}" leaves the repository; evidence paths are relative to the repo root and stay inside it. Copy the evidence into the repo.',
    },
  },
  check({ model, report }) {
    for (const { owner, path, at } of evidenceFiles(model)) {
      const messageId = problemOf(model.paths.get(path));
      if (messageId) report({ messageId, data: { owner, path }, at: at() });
    }
  },
});

/** Why a path is broken, as the ID of the message that says so; undefined when it leads to a file (or was never resolved). */
function problemOf(target: PathTarget | undefined): 'missing' | 'folder' | 'symlinkOutside' | 'special' | 'absolute' | 'outside' | undefined {
  switch (target?.state) {
    case undefined:
    case 'file':
      return undefined;
    case 'missing':
      return 'missing';
    case 'directory':
      return 'folder';
    case 'special':
      return 'special';
    case 'outside':
      return target.reason === 'symlink' ? 'symlinkOutside' : target.reason === 'absolute' ? 'absolute' : 'outside';
  }
}
