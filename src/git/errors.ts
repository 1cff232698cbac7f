/** Git could not do what a command-line option asked (not a rule's business: rules skip instead). */
export class GitError extends Error {
  override name = 'GitError';
}
