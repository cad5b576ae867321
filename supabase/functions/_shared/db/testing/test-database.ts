// Test fixture: how a deno test reaches the test stack's database. `npm test -- deno` starts a throw-away stack and
// passes its SUPABASE_DB_URL, the same variable the functions read, so code under test uses its own pool unchanged.
import { database, type Sql } from '../postgres.ts';

/** The test stack's database URL, or a failure that says how to run the test. */
export function testDatabaseUrl(): string {
  const url = Deno.env.get('SUPABASE_DB_URL');
  if (!url) throw new Error('This test needs the test stack database: run it through `npm test -- deno` (it sets SUPABASE_DB_URL).');
  return url;
}

/** A Deno test that talks to the test stack through the functions' own pool (database()), closed when it ends. */
export function databaseTest(name: string, fn: (sql: Sql) => Promise<void>): void {
  Deno.test({
    name,
    // postgres.js keeps its pool's timers until the pool is closed, which happens at the end.
    sanitizeOps: false,
    sanitizeResources: false,
    async fn() {
      testDatabaseUrl();
      const sql = database();
      try {
        await fn(sql);
      } finally {
        await sql.end({ timeout: 5 });
      }
    },
  });
}
