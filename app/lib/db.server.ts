// THE way the app reads and writes users' data: every query runs inside a transaction as the
// `authenticated` role with the verified JWT claims in `request.jwt.claims` — what PostgREST
// does — so row level security decides what each user may see. There is deliberately no
// exported service-role connection: a user's request can only ever reach data through RLS.
import postgres from 'postgres';
import { z } from 'zod';
import { serverEnv } from './env.server';

/** The claims the database needs; `requireUser` produces them from a verified token. */
const rlsClaimsSchema = z
  .object({
    sub: z.string().uuid(),
    role: z.literal('authenticated'),
  })
  .loose();

export type RlsClaims = z.input<typeof rlsClaimsSchema>;
export type RlsTransaction = postgres.TransactionSql;

// One pool per process. Kept on globalThis so a development rebuild that re-evaluates this
// module does not open a second pool.
const globalForDb = globalThis as typeof globalThis & { supportHubSql?: postgres.Sql };

function pool(): postgres.Sql {
  globalForDb.supportHubSql ??= postgres(serverEnv().DATABASE_URL, {
    max: 10,
    idle_timeout: 30,
    onnotice: () => {},
  });
  return globalForDb.supportHubSql;
}

/**
 * Runs `work` in one transaction bound by RLS for the user the claims describe. Anything
 * `work` throws rolls the whole transaction back and is re-thrown.
 */
export async function withRls<T>(claims: RlsClaims, work: (tx: RlsTransaction) => Promise<T>): Promise<T> {
  const verified = rlsClaimsSchema.parse(claims);
  const result = await pool().begin(async (tx) => {
    // `true` = local to this transaction, so the pooled connection is clean for the next user.
    await tx`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${JSON.stringify(verified)}, true)`;
    return work(tx);
  });
  return result as T;
}

/** Closes the pool (tests and benchmarks; the server keeps it for its lifetime). */
export async function closeDatabasePool(): Promise<void> {
  const sql = globalForDb.supportHubSql;
  globalForDb.supportHubSql = undefined;
  await sql?.end({ timeout: 5 });
}
