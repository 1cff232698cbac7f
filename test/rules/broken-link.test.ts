import rule from '../../rules/broken-link.js';
import { policy } from '../helpers/repo.js';
import { testRule } from '../helpers/rule-tester.js';

/** A policy at policies/a.md whose body starts on line 6: body line i (0-based) is file line 6 + i. */
const pol = (...lines: string[]) => policy('id: POL-A\ntitle: Access\nstatus: approved', `${lines.join('\n')}\n`);
const other = policy('id: POL-B\ntitle: Other\nstatus: approved', '# Other\n\n## Scope\n\n## Roles & Responsibilities\n\n## Review\n\n## Review\n\n<a id="appendix-a"></a>\n');
const at = (line: number, column: number, messageId: string, message: string, data?: Record<string, string>) => ({
  file: 'policies/a.md',
  line,
  column,
  messageId,
  message,
  ...(data ? { data } : {}),
});

testRule(rule, {
  valid: [
    {
      name: 'links to files and folders that exist, root-relative or relative',
      files: {
        'policies/a.md': pol('See [B](other.md), [the folder](../procedures/), [root](/procedures/backup.md) and [dot](./other.md).'),
        'policies/other.md': other,
        'procedures/backup.md': '# Backup\n',
      },
    },
    {
      name: 'anchors that exist: in the policy itself, in another policy, GitHub slugs with punctuation dropped and repeats numbered, explicit <a id>',
      files: {
        'policies/a.md': pol('# Access', '', '## Scope', '', 'See [scope](#scope), [B](other.md#scope), [roles](other.md#roles--responsibilities), [2nd review](other.md#review-1), [appendix](other.md#appendix-a).'),
        'policies/other.md': other,
      },
    },
    {
      name: 'a link into a non-markdown file with #L10 checks the file, never the anchor',
      files: { 'policies/a.md': pol('See [the script](../scripts/check.sh#L10).'), 'scripts/check.sh': 'echo ok\n' },
    },
    {
      name: 'URL-encoded spaces and angle-bracket destinations name the file with spaces',
      files: { 'policies/a.md': pol('See [one](../procedures/my%20procedure.md) and [two](<../procedures/my procedure.md>).'), 'procedures/my procedure.md': '# P\n' },
    },
    {
      name: 'links in fenced code and inline code are examples, not links',
      files: { 'policies/a.md': pol('```', '[x](missing.md)', '```', 'Write `[x](missing.md)` to link.') },
    },
    {
      name: 'mailto:, https: and protocol-relative links are never checked (no network)',
      files: { 'policies/a.md': pol('Mail [us](mailto:security@x.io), read [NIST](https://nist.gov/nope.md#nothing), [cdn](//cdn.x.io/a.md).') },
    },
    {
      name: 'a link to a policy file in another folder, with an anchor that exists there',
      files: {
        'policies/a.md': pol('See [onboarding training](../policies/hr/onboarding.md#training) and [again](hr/onboarding.md).'),
        'policies/hr/onboarding.md': policy('id: POL-HR\ntitle: Onboarding\nstatus: approved', '# Onboarding\n\n## Training\n'),
      },
    },
    {
      name: 'an empty anchor (file.md#) is a link to the file',
      files: { 'policies/a.md': pol('See [B](other.md#).'), 'policies/other.md': other },
    },
    { name: 'an external link with a fragment is not checked for anchors', files: { 'policies/a.md': pol('See [the guide](https://example.com/guide.md#no-such-heading).') } },
  ],
  invalid: [
    {
      name: 'a missing file is matched against the other files the program names, not only policies',
      files: { 'policies/a.md': pol('[Report](../evidence/access-review.pdf) and [typo](../evidence/acess-review.pdf).'), 'evidence/access-review.pdf': 'pdf' },
      errors: [at(6, 52, 'missingFile', 'Did you mean "access-review.pdf"?')],
    },
    {
      name: 'a link to a file that does not exist, reported at the destination, with a did-you-mean for a near sibling',
      files: { 'policies/a.md': pol('# Access', '', 'See the [other policy](othre.md) now.'), 'policies/other.md': other },
      errors: [at(8, 24, 'missingFile', 'Policy POL-A links to "othre.md", but policies/othre.md does not exist. Did you mean "other.md"? Fix the link or add the file.', { policy: 'POL-A', target: 'othre.md', file: 'policies/othre.md', suggestion: ' Did you mean "other.md"?' })],
    },
    {
      name: 'a missing file with no near sibling gets no suggestion',
      files: { 'policies/a.md': pol('[Runbook](../runbooks/incident.md)') },
      errors: [at(6, 11, 'missingFile', 'but runbooks/incident.md does not exist. Fix the link or add the file.', { policy: 'POL-A', target: '../runbooks/incident.md', file: 'runbooks/incident.md', suggestion: '' })],
    },
    {
      name: 'a missing #anchor in the policy itself, with a did-you-mean',
      files: { 'policies/a.md': pol('# Access', '', '## Scope', '', 'See [scope](#scop).') },
      errors: [at(10, 13, 'missingOwnAnchor', 'Policy POL-A links to "#scop", but the policy itself has no heading with the anchor "#scop". Did you mean "scope"?', { policy: 'POL-A', target: '#scop', anchor: 'scop', suggestion: ' Did you mean "scope"?' })],
    },
    {
      name: 'a missing anchor in another policy: punctuation is dropped, not the space (roles--responsibilities)',
      files: { 'policies/a.md': pol('See [roles](other.md#roles-responsibilities).'), 'policies/other.md': other },
      errors: [at(6, 13, 'missingAnchor', 'but policies/other.md has no heading with the anchor "#roles-responsibilities". Did you mean "roles--responsibilities"?', { policy: 'POL-A', target: 'other.md#roles-responsibilities', file: 'policies/other.md', anchor: 'roles-responsibilities', suggestion: ' Did you mean "roles--responsibilities"?' })],
    },
    {
      name: 'a repeated heading gets -1, not -2',
      files: { 'policies/a.md': pol('See [review](other.md#review-2).'), 'policies/other.md': other },
      errors: [at(6, 14, 'missingAnchor', 'has no heading with the anchor "#review-2". Did you mean "review-1"?')],
    },
    {
      name: 'anchors are case-sensitive: GitHub anchors are lowercase',
      files: { 'policies/a.md': pol('See [scope](other.md#Scope).'), 'policies/other.md': other },
      errors: [at(6, 13, 'missingAnchor', 'Did you mean "scope"?')],
    },
    {
      name: 'a link that leaves the repository',
      files: { 'policies/a.md': pol('See [shared](../../outside.md).') },
      errors: [at(6, 14, 'outside', 'Policy POL-A links to "../../outside.md", which is outside the repository', { policy: 'POL-A', target: '../../outside.md' })],
    },
    {
      name: 'a symlink that points out of the repository leaves it too',
      files: { 'policies/a.md': pol('See [it](../docs/ext.md).'), 'docs/ext.md': { symlink: '/' } },
      errors: [at(6, 10, 'outside', 'which is outside the repository')],
    },
    {
      name: 'a URL-encoded destination is decoded: my%20procdure.md names "my procdure.md"',
      files: { 'policies/a.md': pol('See [p](../procedures/my%20procdure.md).'), 'procedures/my procedure.md': '# P\n' },
      errors: [at(6, 9, 'missingFile', 'but procedures/my procdure.md does not exist.')],
    },
    {
      name: 'an angle-bracket destination is reported inside its brackets',
      files: { 'policies/a.md': pol('See [p](<my procedure.md>).') },
      errors: [at(6, 9, 'missingFile', 'Policy POL-A links to "my procedure.md", but policies/my procedure.md does not exist.')],
    },
    {
      name: 'an image is checked like a link',
      files: { 'policies/a.md': pol('![Network diagram](diagrams/network.png)') },
      errors: [at(6, 20, 'missingFile', 'links to "diagrams/network.png", but policies/diagrams/network.png does not exist.')],
    },
    {
      name: 'a reference definition is checked at its destination',
      files: { 'policies/a.md': pol('See [the register][reg].', '', '[reg]: ../vendors/register.md') },
      errors: [at(8, 8, 'missingFile', 'links to "../vendors/register.md", but vendors/register.md does not exist.')],
    },
    {
      name: 'a missing non-markdown file with #L10 is reported as a missing file',
      files: { 'policies/a.md': pol('See [the script](../scripts/check.sh#L10).') },
      errors: [at(6, 18, 'missingFile', 'but scripts/check.sh does not exist.')],
    },
    {
      name: 'a link to a policy in another folder with a missing anchor',
      files: {
        'policies/a.md': pol('# Access', 'See [training](hr/onboarding.md#trainig).'),
        'policies/hr/onboarding.md': policy('id: POL-HR\ntitle: Onboarding\nstatus: approved', '# Onboarding\n\n## Training\n'),
      },
      errors: [at(7, 16, 'missingAnchor', 'but policies/hr/onboarding.md has no heading with the anchor "#trainig". Did you mean "training"?')],
    },
    {
      name: 'several broken links on one line are each reported, in column order',
      files: { 'policies/a.md': pol('[a](x.md) [b](#nope) [c](../../y.md)') },
      errors: [at(6, 5, 'missingFile', 'x.md does not exist'), at(6, 15, 'missingOwnAnchor', '"#nope"'), at(6, 26, 'outside', 'outside the repository')],
    },
  ],
});
