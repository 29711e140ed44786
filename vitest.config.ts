import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Build-output tests run real builds: two at a time on two cores.
    pool: 'forks',
    maxWorkers: 2,
    // Builds of one checkout take turns (see acquireBuildLock), so a build may wait for others.
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
