import { defineConfig } from 'vitest/config';

/** Browser tests against real builds: slow, sequential, run after the unit tests. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
