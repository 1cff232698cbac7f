// Links in a policy that lead nowhere: a renamed file, a reworded heading, a path out of the repo. A policy that
// points the reader to a procedure that is not there is incomplete, and the auditor reading it will notice.
import { posix } from 'node:path';
import { didYouMean } from '../src/core/suggest.js';
import { defineRule } from '../src/engine/rule.js';
import type { SourceRange } from '../src/engine/finding.js';
import type { RepoModel } from '../src/model/types.js';

const MARKDOWN = /\.(md|markdown)$/i;

export default defineRule({
  meta: {
    id: 'broken-link',
    description: 'A relative link in a policy to a file or heading anchor that does not exist, or that leaves the repository.',
    defaultSeverity: 'error',
    reads: ['policy', 'link-targets'],
    // {{suggestion}} is a whole " Did you mean ...?" sentence, or empty when no name is near enough.
    messages: {
      outside:
        'Policy {{policy}} links to "{{target}}", which is outside the repository, so readers of the repo cannot follow it. Copy the document into the repository, or link to it by its full https:// address.',
      missingFile: 'Policy {{policy}} links to "{{target}}", but {{file}} does not exist.{{suggestion}} Fix the link or add the file.',
      missingAnchor:
        'Policy {{policy}} links to "{{target}}", but {{file}} has no heading with the anchor "#{{anchor}}".{{suggestion}} Link to an existing heading (GitHub anchors are the heading in lowercase, punctuation dropped, spaces as dashes).',
      missingOwnAnchor:
        'Policy {{policy}} links to "{{target}}", but the policy itself has no heading with the anchor "#{{anchor}}".{{suggestion}} Link to an existing heading (GitHub anchors are the heading in lowercase, punctuation dropped, spaces as dashes).',
    },
  },
  check({ model, report }) {
    // Worked out on the first missing file only: most programs have none, and it lists every evidence file.
    let files: Map<string, Set<string>> | undefined;
    for (const policy of model.policies) {
      const from = policy.source.file;
      for (const link of policy.links) {
        if (link.external) continue;
        const at: SourceRange = { file: from, line: link.line, column: link.column, endLine: link.line, endColumn: link.endColumn, record: policy.id };
        const linked = { policy: policy.id, target: link.target };
        const state = link.file === undefined ? undefined : model.paths.get(link.file)?.state;
        if (link.outside || state === 'outside') {
          report({ messageId: 'outside', data: linked, at });
          continue;
        }
        if (state === 'missing') {
          const siblings = (files ??= knownFiles(model)).get(posix.dirname(link.file!)) ?? [];
          report({ messageId: 'missingFile', data: { ...linked, file: link.file!, suggestion: didYouMean(posix.basename(link.file!), siblings) }, at });
          continue;
        }
        const file = link.file ?? from;
        if (!link.anchor || !MARKDOWN.test(file)) continue;
        const anchors = model.anchors.get(file);
        if (!anchors || anchors.has(link.anchor)) continue;
        const suggestion = didYouMean(link.anchor, anchors);
        if (link.file === undefined) report({ messageId: 'missingOwnAnchor', data: { ...linked, anchor: link.anchor, suggestion }, at });
        else report({ messageId: 'missingAnchor', data: { ...linked, file, anchor: link.anchor, suggestion }, at });
      }
    }
  },
});

/** Files known to exist, by folder: the policies, and every path a record or link names that turned out to be a file. */
function knownFiles(model: RepoModel): Map<string, Set<string>> {
  const byFolder = new Map<string, Set<string>>();
  const add = (file: string) => {
    const folder = posix.dirname(file);
    const names = byFolder.get(folder);
    if (names) names.add(posix.basename(file));
    else byFolder.set(folder, new Set([posix.basename(file)]));
  };
  for (const policy of model.policies) add(policy.source.file);
  for (const [path, target] of model.paths) if (target.state === 'file') add(posix.normalize(path));
  return byFolder;
}
