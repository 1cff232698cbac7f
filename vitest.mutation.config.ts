// The tests Stryker runs against each mutant (npm run mutation): the rule tables, the calendar's and the model's (the
// judgements several rules share, and the secret scan), the fast YAML path's differential test; nothing that spawns
// the CLI, git hooks or a browser, so a mutant is judged in milliseconds (the fast YAML path's in a few seconds).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/rules/**/*.test.ts', 'test/core/**/*.test.ts', 'test/engine/**/*.test.ts', 'test/model/**/*.test.ts', 'test/git/facts.test.ts', 'test/parse/fast-yaml.test.ts'],
    // The fast YAML path's generated documents: fewer per mutant (its full run compares 3,000 and 200 edited examples).
    env: { FAST_YAML_RUNS: '600', FAST_YAML_EDITS: '60' },
    testTimeout: 30_000,
  },
});
