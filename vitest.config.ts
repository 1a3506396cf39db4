import { defineConfig } from 'vitest/config';

// One Neo4j for the whole run (tests/support/global-setup.ts); integration files share it,
// so they run one at a time, and unit tests need no database at all.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    // One log line per request is right for a server, noise in a test run.
    env: { LOG_LEVEL: 'warn' },
    hookTimeout: 240_000,
  },
});
