// The claim race (issue 8): fifty technicians claim one ticket at the same moment, each in a transaction of
// its own on a connection of its own. Exactly one wins; every other one is told who did.
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRoleOn, retryingDeadlocks, sql } from '../support/db.ts';
import { testStack } from '../support/stack.ts';

const CLAIMERS = 50;
const run = randomUUID().slice(0, 8);

interface ClaimOutcome {
  claimed: boolean;
  ticket_id: string;
  status: string;
  assigned_to: string;
  assigned_to_name: string;
}

/** Creates people in one statement (their profiles follow by trigger) and gives them a role. */
async function createUsers(labels: string[], role: 'customer' | 'technician'): Promise<Array<{ id: string; name: string }>> {
  const users = labels.map((label) => ({ id: randomUUID(), name: `${label} ${run}`, email: `claim-${label.replaceAll(' ', '-').toLowerCase()}-${run}@tests.local` }));
  await sql`
    insert into auth.users (id, instance_id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
    select (u ->> 'id')::uuid, '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', u ->> 'email',
      '{"provider":"email","providers":["email"]}', jsonb_build_object('full_name', u ->> 'name'), now(), now()
    from jsonb_array_elements(${sql.json(users)}) u`;
  await sql`update public.profiles set role = ${role} where id = any(${users.map((user) => user.id)}::uuid[])`;
  return users.map(({ id, name }) => ({ id, name }));
}

/** Resolves once `count` callers have arrived, so every transaction is open before any of them claims. */
function barrier(count: number): () => Promise<void> {
  let arrived = 0;
  let release!: () => void;
  const allHere = new Promise<void>((resolve) => (release = resolve));
  return async () => {
    if (++arrived === count) release();
    await allHere;
  };
}

describe('claim_ticket under contention', () => {
  let technicians: Array<{ id: string; name: string }>;
  let customer: { id: string; name: string };
  let pool: postgres.Sql;

  beforeAll(async () => {
    pool = postgres(testStack.SUPABASE_DB_URL, { max: CLAIMERS, onnotice: () => {} });
    [customer] = (await createUsers(['Claim Customer'], 'customer')) as [{ id: string; name: string }];
    technicians = await createUsers(Array.from({ length: CLAIMERS }, (_, i) => `Claim Tech ${i + 1}`), 'technician');
  });

  afterAll(async () => {
    await pool?.end({ timeout: 5 });
    // The customer first: their tickets go with them. A technician still assigned to an open ticket cannot be deleted.
    if (customer) await retryingDeadlocks(() => sql`delete from auth.users where id = ${customer.id}`);
    await sql`delete from auth.users where email like ${`claim-%-${run}@tests.local`}`;
  });

  it('50 technicians claiming one ticket at once: exactly one wins, the others are told who', async () => {
    const [ticket] = await sql<{ id: string }[]>`
      insert into public.tickets (customer_id, subject, content) values (${customer.id}, 'Claim race', 'Everyone wants this one') returning id`;

    const allOpen = barrier(CLAIMERS);
    const outcomes = await Promise.all(
      technicians.map((technician) =>
        asRoleOn(pool, 'authenticated', { sub: technician.id, user_role: 'technician' }, async (tx) => {
          await tx`select 1`;
          await allOpen();
          const [row] = await tx<{ outcome: ClaimOutcome }[]>`select public.claim_ticket(${ticket!.id}) as outcome`;
          // Hold the transaction open a little, so the losers really queue behind an uncommitted winner.
          await tx`select pg_sleep(0.05)`;
          return { technician, outcome: row!.outcome };
        }),
      ),
    );

    const winners = outcomes.filter(({ outcome }) => outcome.claimed);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!.technician;
    expect(winners[0]!.outcome).toMatchObject({ assigned_to: winner.id, assigned_to_name: winner.name, status: 'assigned' });

    const losers = outcomes.filter(({ outcome }) => !outcome.claimed);
    expect(losers).toHaveLength(CLAIMERS - 1);
    for (const { outcome } of losers) {
      expect(outcome).toMatchObject({ ticket_id: ticket!.id, assigned_to: winner.id, assigned_to_name: winner.name, status: 'assigned' });
    }

    const [stored] = await sql<{ status: string; assigned_to: string }[]>`select status::text, assigned_to from public.tickets where id = ${ticket!.id}`;
    expect(stored).toEqual({ status: 'assigned', assigned_to: winner.id });
    const [changes] = await sql<{ count: number }[]>`
      select count(*)::int as count from public.analytics_events
      where ticket_id = ${ticket!.id} and event_type = 'ticket_status_changed' and metadata ->> 'to' = 'assigned'`;
    expect(changes!.count, 'one status change was recorded, not fifty').toBe(1);
  });
});
