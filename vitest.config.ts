import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['tests/global-setup.ts'],
    // Integration and e2e tests start real servers and browsers; two cores, so keep it modest.
    maxWorkers: 2,
  },
});
