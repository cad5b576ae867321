// A superuser connection for test setup, and a helper that runs a callback as a given role
// with JWT claims, the way PostgREST (and the app's data helper) does.
import postgres from 'postgres';
import { afterAll } from 'vitest';
import { testStack } from './stack.ts';

export const sql = postgres(testStack.SUPABASE_DB_URL, { max: 4, onnotice: () => {} });
afterAll(() => sql.end({ timeout: 5 }));

type DatabaseRole = 'anon' | 'authenticated' | 'service_role';

export async function asRole<T>(role: DatabaseRole, claims: Record<string, unknown>, work: (tx: postgres.TransactionSql) => Promise<T>): Promise<T> {
  return asRoleOn(sql, role, claims, work);
}

/** asRole on a pool of the caller's own (e.g. one wide enough for many truly concurrent transactions). */
export async function asRoleOn<T>(pool: postgres.Sql, role: DatabaseRole, claims: Record<string, unknown>, work: (tx: postgres.TransactionSql) => Promise<T>): Promise<T> {
  return (await pool.begin(async (tx) => {
    await tx`select set_config('role', ${role}, true), set_config('request.jwt.claims', ${JSON.stringify({ role, ...claims })}, true)`;
    return work(tx);
  })) as T;
}
