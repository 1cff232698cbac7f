import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests spawn real processes and write real files; a slow CI disk must not turn into flaky timeouts.
    testTimeout: 30_000,
  },
});
