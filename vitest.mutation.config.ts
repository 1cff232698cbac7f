// The tests Stryker runs against each mutant (npm run mutation): the rule tables, the calendar's and the model's (the
// judgements several rules share, and the secret scan), nothing that spawns the CLI, git hooks or a browser, so a
// mutant is judged in milliseconds.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/rules/**/*.test.ts', 'test/core/**/*.test.ts', 'test/engine/**/*.test.ts', 'test/model/**/*.test.ts', 'test/git/facts.test.ts'],
    testTimeout: 30_000,
  },
});
