// The customer's side of a ticket's conversation: the thread they can read (never internal notes: RLS), their reply
// (public.reply_to_my_ticket, which opens the thread when the ticket has none and reopens or follows up a finished
// ticket) and their one satisfaction rating. Every function runs inside withRls as the caller.
import { z } from 'zod';
import { withRls, type RlsClaims } from '~/lib/server/db.server';
import type { CustomerThreadMessage, CustomerTicketThread } from '~/lib/shared/views/customer-ticket-thread';

const messageRowSchema = z.object({
  id: z.string().uuid(),
  role: z.enum(['user', 'assistant', 'technician', 'system']),
  content: z.string(),
  senderName: z.string().nullable(),
  createdAt: z.date(),
});
const ratingRowSchema = z.object({ rating: z.number().int(), comment: z.string().nullable() });

/** The thread of the caller's ticket and their rating; empty when the ticket has no conversation yet. */
export async function loadMyTicketThread({ claims, ticketId, conversationId }: { claims: RlsClaims; ticketId: string; conversationId: string | null }): Promise<CustomerTicketThread> {
  return withRls(claims, async (tx) => {
    const messageRows = conversationId
      ? await tx`
          select message.id, message.role::text as role, message.content, sender.full_name as "senderName", message.created_at as "createdAt"
          from public.messages message
          left join public.profiles sender on sender.id = message.sender_id
          where message.conversation_id = ${conversationId}::uuid
          order by message.created_at, message.id
          limit 500`
      : [];
    const [ratingRow] = await tx`select rating::int as rating, comment from public.ticket_ratings where ticket_id = ${ticketId}::uuid`;
    const messages: CustomerThreadMessage[] = z
      .array(messageRowSchema)
      .parse(messageRows)
      .map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
    return { messages, rating: ratingRow ? ratingRowSchema.parse(ratingRow) : null };
  });
}

/** Sends the caller's reply on their ticket; returns the ticket that owns the thread afterwards (a follow-up when it was closed). */
export async function replyToMyTicket({ claims, ticketId, content }: { claims: RlsClaims; ticketId: string; content: string }): Promise<string> {
  const [row] = await withRls(claims, (tx) => tx`select public.reply_to_my_ticket(${ticketId}::uuid, ${content}) as ticket_id`);
  return z.object({ ticket_id: z.string().uuid() }).parse(row).ticket_id;
}

/** The caller's one rating of their resolved ticket (the policy and the primary key refuse anything else). */
export async function rateMyTicket({ claims, ticketId, rating, comment }: { claims: RlsClaims; ticketId: string; rating: number; comment: string | undefined }): Promise<void> {
  await withRls(
    claims,
    (tx) => tx`insert into public.ticket_ratings (ticket_id, customer_id, rating, comment) values (${ticketId}::uuid, (select auth.uid()), ${rating}, ${comment ?? null})`,
  );
}
