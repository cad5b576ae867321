// The desk's online / away switch (app/models/technician-availability.server.ts) through withRls as real
// technicians: a first switch creates the row, a second flips it, an admin's capacity survives the switch, and one
// technician's switch leaves a colleague's row alone.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPeople, retryingDeadlocks, sql } from '../support/db.ts';
import { testStack } from '../support/stack.ts';

process.env.DATABASE_URL = testStack.SUPABASE_DB_URL;
const availability = await import('../../app/models/technician-availability.server.ts');
const { closeDatabasePool } = await import('../../app/lib/server/db.server.ts');

const run = randomUUID().slice(0, 8);
const technician = randomUUID();
const colleague = randomUUID();
const claimsOf = (sub: string) => ({ sub, role: 'authenticated' as const, user_role: 'technician' });

describe('technician online / away switch', () => {
  beforeAll(async () => {
    await insertPeople([
      { id: technician, email: `availability-tech-${run}@tests.local`, role: 'technician' },
      { id: colleague, email: `availability-colleague-${run}@tests.local`, role: 'technician' },
    ]);
    await sql`insert into public.technician_availability (technician_id, is_online, capacity) values (${colleague}, true, 9)`;
  });

  afterAll(async () => {
    await sql`delete from public.technician_availability where technician_id in (${technician}, ${colleague})`;
    await retryingDeadlocks(() => sql`delete from auth.users where id in (${technician}, ${colleague})`);
    await closeDatabasePool();
  });

  it('starts away, switches online and back, and never touches capacity or a colleague', async () => {
    expect(await availability.isTechnicianOnline({ claims: claimsOf(technician) })).toBe(false);

    expect(await availability.setTechnicianOnline({ claims: claimsOf(technician), isOnline: true })).toBe(true);
    expect(await availability.isTechnicianOnline({ claims: claimsOf(technician) })).toBe(true);
    // An admin sets the capacity; the technician's next switch keeps it.
    await sql`update public.technician_availability set capacity = 3 where technician_id = ${technician}`;

    expect(await availability.setTechnicianOnline({ claims: claimsOf(technician), isOnline: false })).toBe(false);
    const rows = await sql<{ technician_id: string; is_online: boolean; capacity: number }[]>`
      select technician_id, is_online, capacity from public.technician_availability
      where technician_id in (${technician}, ${colleague}) order by technician_id = ${technician}`;
    expect(rows.map((row) => [row.technician_id, row.is_online, row.capacity])).toEqual([
      [colleague, true, 9],
      [technician, false, 3],
    ]);
    expect(await availability.isTechnicianOnline({ claims: claimsOf(colleague) })).toBe(true);
  });
});
