// Where the program sits inside its git checkout, for reports whose paths must be repository-relative (SARIF).
export async function checkoutPrefix(root: string): Promise<string> {
  const { simpleGit } = await import('simple-git');
  try {
    return (await simpleGit({ baseDir: root, trimmed: false }).raw(['rev-parse', '--show-prefix'])).trim();
  } catch {
    return ''; // not in git: paths relative to the program root are all there is
  }
}
