// The signed-in staff member's notifications (public.notifications: today the SLA breaches escalated to them by
// private.escalate_sla_breaches). The policies show and let mark read only the recipient's own rows, so no id
// guard here: another person's notification id simply matches nothing.
import { z } from 'zod';
import { withRls, type RlsClaims } from '~/lib/server/db.server';
import type { UnreadNotifications } from '~/lib/shared/views/notifications';

/** The bar lists at most this many; the badge still counts up to NOTIFICATION_COUNT_CAP. */
const NOTIFICATIONS_SHOWN = 10;
const NOTIFICATION_COUNT_CAP = 100;

const notificationRowSchema = z.object({
  id: z.coerce.number().int(),
  ticket_id: z.string().uuid().nullable(),
  body: z.string(),
  created_at: z.date(),
});

export async function listUnreadNotifications({ claims }: { claims: RlsClaims }): Promise<UnreadNotifications> {
  const [rows, counted] = await withRls(claims, async (tx) => [
    await tx`
      select id, ticket_id, body, created_at from public.notifications
      where recipient_id = (select auth.uid()) and read_at is null
      order by created_at desc, id desc
      limit ${NOTIFICATIONS_SHOWN}`,
    await tx`
      select count(*)::int as unread from (
        select 1 from public.notifications where recipient_id = (select auth.uid()) and read_at is null limit ${NOTIFICATION_COUNT_CAP}
      ) capped`,
  ]);
  return {
    unread: z.object({ unread: z.number().int() }).parse(counted[0]).unread,
    countCapped: NOTIFICATION_COUNT_CAP,
    items: z
      .array(notificationRowSchema)
      .parse(rows)
      .map((row) => ({ id: row.id, ticketId: row.ticket_id, body: row.body, createdAt: row.created_at.toISOString() })),
  };
}

/** Marks one (id) or every unread notification of the caller read; returns how many changed. */
export async function markNotificationsRead({ claims, id }: { claims: RlsClaims; id: number | 'all' }): Promise<number> {
  const rows = await withRls(claims, (tx) =>
    id === 'all'
      ? tx`update public.notifications set read_at = now() where recipient_id = (select auth.uid()) and read_at is null returning id`
      : tx`update public.notifications set read_at = now() where id = ${id} and read_at is null returning id`,
  );
  return rows.length;
}
