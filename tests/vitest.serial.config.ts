import { defineConfig } from 'vitest/config';

// Tests that disturb the shared test stack (a Postgres restart): one file at a time, after the rest.
export default defineConfig({
  test: {
    include: ['tests/**/*.serial.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    allowOnly: false,
  },
});
