import { defineConfig } from 'vitest/config';

// Integration tests share one test stack started by `npm test`; files run in parallel
// (each test makes its own users and rows), within the 2 cores of CI machines.
export default defineConfig({
  resolve: { alias: { '~': new URL('../app', import.meta.url).pathname } },
  test: {
    include: ['tests/**/*.test.ts', 'app/**/*.test.ts', 'local/**/*.test.ts'],
    // *.serial.test.ts files disturb the shared stack (e.g. restart Postgres): they run afterwards, alone.
    // The functions host's fixture functions are Deno code with Deno tests (npm test -- deno runs them).
    exclude: ['tests/browser/**', 'node_modules/**', '**/*.serial.test.ts', 'local/test/fixtures/functions/**'],
    // Generous: a bound only turns a hang into a failure, and a loaded 2-core CI box runs the slowest files (many
    // password hashes, real Deno functions) several times slower than an idle one.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2 } },
    allowOnly: false,
  },
});
