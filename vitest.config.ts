import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    // Real sockets and child processes are used by the end-to-end suites: give them room on 2 cores.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
