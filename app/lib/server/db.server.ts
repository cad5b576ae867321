// THE way the app reads and writes users' data: every query runs inside a transaction as the
// role of the request — `authenticated` with the verified JWT claims of a signed-in user, or
// `anon` with `{ role: 'anon' }` for a visitor — set in `role` and `request.jwt.claims` as
// PostgREST does, so row level security decides what each caller may see. There is deliberately
// no exported service-role connection: a request can only ever reach data through RLS.
import postgres from 'postgres';
import { z } from 'zod';
import { serverEnv } from '~/lib/server/env.server';

/**
 * The claims the database needs: a signed-in user's (`requireUser` produces them from a verified
 * token), or exactly `{ role: 'anon' }` for a request without a user — what PostgREST puts in
 * `request.jwt.claims` for the anon key. Anything else (service_role, a sub on anon) is refused.
 */
const rlsClaimsSchema = z.discriminatedUnion('role', [
  z.object({ sub: z.string().uuid(), role: z.literal('authenticated') }).loose(),
  z.object({ role: z.literal('anon') }).strict(),
]);

export type RlsClaims = z.input<typeof rlsClaimsSchema>;

/** The claims of a visitor who is not signed in: queries run as `anon`, so only policies `to anon` apply. */
export const anonClaims = Object.freeze({ role: 'anon' }) satisfies RlsClaims;

/** The claims of this request: the signed-in user's, or anon's when there is none (`getOptionalUser`'s null). */
export function claimsOrAnon(claims: RlsClaims | null): RlsClaims {
  return claims ?? anonClaims;
}
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
 * Runs `work` in one transaction bound by RLS for the caller the claims describe — a signed-in
 * user as `authenticated`, a visitor as `anon` (pass `anonClaims` or `claimsOrAnon(null)`); the
 * same code path for both, only the role and claims differ. Anything `work` throws rolls the
 * whole transaction back and is re-thrown.
 */
export async function withRls<T>(claims: RlsClaims, work: (tx: RlsTransaction) => Promise<T>): Promise<T> {
  const verified = rlsClaimsSchema.parse(claims);
  const result = await pool().begin(async (tx) => {
    // `true` = local to this transaction, so the pooled connection is clean for the next user.
    // The role is one of the two literals the schema allows, never free text from a request.
    await tx`select set_config('role', ${verified.role}, true), set_config('request.jwt.claims', ${JSON.stringify(verified)}, true)`;
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
