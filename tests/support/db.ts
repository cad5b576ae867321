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

export interface TestPerson {
  id: string;
  email: string;
  /** profiles.full_name, through the sign-up trigger's raw_user_meta_data. */
  name?: string;
  /** Set on the profile after the sign-up trigger made it a customer. */
  role?: 'customer' | 'technician' | 'admin';
}

/** Confirmed email users written as Auth would (the profile trigger runs), with their roles: one statement each. */
export async function insertPeople(people: readonly TestPerson[]): Promise<void> {
  await sql`
    insert into auth.users (id, instance_id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
    select (p ->> 'id')::uuid, '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', p ->> 'email',
      '{"provider":"email","providers":["email"]}',
      case when p ? 'name' then jsonb_build_object('full_name', p ->> 'name') else '{}'::jsonb end, now(), now()
    from jsonb_array_elements(${sql.json(people.map((person) => ({ id: person.id, email: person.email, ...(person.name ? { name: person.name } : {}) })))}) p`;
  const staff = people.filter((person) => person.role && person.role !== 'customer');
  if (staff.length > 0) {
    await sql`
      update public.profiles set role = p.role::public.user_role
      from jsonb_to_recordset(${sql.json(staff.map((person) => ({ id: person.id, role: person.role! })))}) as p(id uuid, role text)
      where profiles.id = p.id`;
  }
}

/**
 * Runs a test's clean-up, again when Postgres chose it as a deadlock victim (40P01). Deleting a test's tickets or
 * users cascades through many tables while the triage worker or the SLA job may still hold some of the same rows
 * (a fresh-clone CI run lost `tests/admin/dashboard.test.ts` to one); a client retries a deadlock, and so does this.
 */
export async function retryingDeadlocks<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof postgres.PostgresError && error.code === '40P01') || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
