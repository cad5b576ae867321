// A superuser connection for test setup, and a helper that runs a callback as a given role
// with JWT claims, the way PostgREST (and the app's data helper) does.
import postgres from 'postgres';
import { afterAll } from 'vitest';
import { testStack } from './stack.ts';

export const sql = postgres(testStack.SUPABASE_DB_URL, { max: 4, onnotice: () => {} });
afterAll(() => sql.end({ timeout: 5 }));

export async function asRole<T>(role: 'anon' | 'authenticated' | 'service_role', claims: Record<string, unknown>, work: (tx: postgres.TransactionSql) => Promise<T>): Promise<T> {
  return (await sql.begin(async (tx) => {
    await tx`select set_config('role', ${role}, true), set_config('request.jwt.claims', ${JSON.stringify({ role, ...claims })}, true)`;
    return work(tx);
  })) as T;
}
