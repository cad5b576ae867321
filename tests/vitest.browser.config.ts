import { defineConfig } from 'vitest/config';

// Browser journeys drive Debian's Chromium through playwright-core against the built app.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    allowOnly: false,
  },
});
