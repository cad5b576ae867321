// The signed-in staff member's notifications (app/models/notifications.server.ts) through withRls: only their own
// unread ones are listed and counted, marking one read leaves the others, a colleague's id marks nothing, and
// "all" clears the caller's alone.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPeople, retryingDeadlocks, sql } from '../support/db.ts';
import { testStack } from '../support/stack.ts';

process.env.DATABASE_URL = testStack.SUPABASE_DB_URL;
const notifications = await import('../../app/models/notifications.server.ts');
const { closeDatabasePool } = await import('../../app/lib/server/db.server.ts');

const run = randomUUID().slice(0, 8);
const lead = randomUUID();
const colleague = randomUUID();
const claimsOf = (sub: string) => ({ sub, role: 'authenticated' as const, user_role: 'technician' });

describe('desk notifications', () => {
  beforeAll(async () => {
    await insertPeople([
      { id: lead, email: `notifications-lead-${run}@tests.local`, role: 'technician' },
      { id: colleague, email: `notifications-colleague-${run}@tests.local`, role: 'technician' },
    ]);
    // As private.escalate_sla_breaches writes them: two for the lead (one already read), one for a colleague.
    await sql`
      insert into public.notifications (recipient_id, kind, body, created_at, read_at) values
        (${lead}, 'sla_breached', 'Older breach', now() - interval '2 hours', null),
        (${lead}, 'sla_breached', 'Newer breach', now() - interval '1 hour', null),
        (${lead}, 'sla_breached', 'Seen breach', now() - interval '3 hours', now()),
        (${colleague}, 'sla_breached', 'Colleague breach', now(), null)`;
  });

  afterAll(async () => {
    await sql`delete from public.notifications where recipient_id in (${lead}, ${colleague})`;
    await retryingDeadlocks(() => sql`delete from auth.users where id in (${lead}, ${colleague})`);
    await closeDatabasePool();
  });

  it('lists the caller\'s unread ones newest first and marks them read, never a colleague\'s', async () => {
    const first = await notifications.listUnreadNotifications({ claims: claimsOf(lead) });
    expect(first.unread).toBe(2);
    expect(first.items.map((item) => item.body)).toEqual(['Newer breach', 'Older breach']);

    const colleagues = await notifications.listUnreadNotifications({ claims: claimsOf(colleague) });
    expect(colleagues.items.map((item) => item.body)).toEqual(['Colleague breach']);
    // The lead cannot mark the colleague's notification: RLS shows it to nobody else.
    expect(await notifications.markNotificationsRead({ claims: claimsOf(lead), id: colleagues.items[0]!.id })).toBe(0);

    expect(await notifications.markNotificationsRead({ claims: claimsOf(lead), id: first.items[0]!.id })).toBe(1);
    const after = await notifications.listUnreadNotifications({ claims: claimsOf(lead) });
    expect(after.items.map((item) => item.body)).toEqual(['Older breach']);

    expect(await notifications.markNotificationsRead({ claims: claimsOf(lead), id: 'all' })).toBe(1);
    expect((await notifications.listUnreadNotifications({ claims: claimsOf(lead) })).unread).toBe(0);
    expect((await notifications.listUnreadNotifications({ claims: claimsOf(colleague) })).unread).toBe(1);
  });
});
