// An evidence file that exists on this disk but is not in git (untracked or ignored): the next clone, the CI run and
// the auditor will not have it, so the proof it holds lives on one laptop.
import { posix } from 'node:path';
import { evidenceFiles, repoPath } from '../src/model/evidence.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'untracked-evidence',
    description: 'An evidence file that exists but is neither committed nor staged in git (untracked or gitignored).',
    defaultSeverity: 'warn',
    perFile: true,
    reads: ['control', 'vendor', 'person', 'git-index'],
    messages: {
      // `owner` names the record (`Control AC-01`), `role` what the file is to it (`evidence file`, `bridge letter`).
      untracked:
        '{{owner}}: {{role}} "{{path}}" is not committed to git; proof that lives on one laptop is no proof. Commit it (git add "{{path}}"; if .gitignore excludes it, change the ignore rule or use git add -f).',
    },
  },
  check({ model, report }) {
    const git = model.git;
    if (!git?.available) return; // no git here: the engine says so once
    const tracked = git.tracked;
    const inGit = (path: string): boolean => {
      const normalized = repoPath(path);
      if (tracked.has(normalized)) return true;
      // A file inside a submodule or nested repository: the outer index holds only the folder (a gitlink).
      for (let dir = posix.dirname(normalized); dir !== '.' && dir !== '/'; dir = posix.dirname(dir)) if (tracked.has(dir)) return true;
      return false;
    };
    for (const { owner, what, path, at } of evidenceFiles(model)) {
      if (model.paths.get(path)?.state !== 'file' || inGit(path)) continue;
      report({ messageId: 'untracked', data: { owner, role: what, path }, at: at() });
    }
  },
});
