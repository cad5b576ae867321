import { defineConfig } from 'vitest/config';

// Browser journeys drive Debian's Chromium through playwright-core against the built app.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    allowOnly: false,
    // A page reacting to a click takes a server round-trip; on a busy 2-core machine that can exceed vitest's 1 s
    // default. Polls return as soon as they pass, so a generous ceiling costs nothing when things are fast.
    expect: { poll: { timeout: 30_000, interval: 100 } },
  },
});
