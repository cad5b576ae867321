// Database access for edge functions. Support Hub's functions talk to Postgres directly through
// SUPABASE_DB_URL (set by Supabase for every function, and by the local stack): workers drain
// queues with real transactions and SKIP LOCKED, and a caller's queries run as the caller's role
// with their claims (../auth/caller.ts, asCaller), so RLS binds them exactly as it binds PostgREST.
import postgres from 'npm:postgres@3.4.9';

export type Sql = postgres.Sql;
export type Transaction = postgres.TransactionSql;

let pool: Sql | undefined;

/** One small pool per function instance; connections are reused across requests. */
export function database(): Sql {
  if (!pool) {
    const url = Deno.env.get('SUPABASE_DB_URL');
    if (!url) throw new Error('SUPABASE_DB_URL is not set');
    // prepare: false keeps us compatible with Supavisor's transaction mode on hosted projects.
    pool = postgres(url, { max: 4, prepare: false, idle_timeout: 20, onnotice: () => {} });
  }
  return pool;
}
