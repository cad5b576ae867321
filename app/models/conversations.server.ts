// Conversations as people in them see them. Every function runs inside withRls as the caller, so row level
// security — not a where clause here — decides which conversations and messages the caller may read: a customer
// never receives an internal note, because the policy on public.messages hides it from them.
import { randomUUID } from 'node:crypto';
import { withRls, type RlsClaims } from '~/lib/server/db.server';
import { attachmentMetadata, type AttachmentMessage } from '~/lib/shared/attachments';
import { conversationTitleFor, messageFromRow, type ConversationMessage } from '~/lib/shared/messages';

export type { ConversationMessage };

export interface ConversationSummary {
  id: string;
  title: string;
  solutionArea: string | null;
  solutionAreaName: string | null;
  status: string;
  lastMessageAt: string | null;
  lastMessagePreview: string | null;
  unreadCount: number;
  ticketNumber: string | null;
}

/** The caller's conversations, newest activity first, with how many messages others sent since they last read. */
export async function listMyConversations({ claims, limit = 50 }: { claims: RlsClaims; limit?: number }): Promise<ConversationSummary[]> {
  const rows = await withRls(claims, (tx) => tx`
    select conversation.id, conversation.title, conversation.solution_area, area.name as solution_area_name,
      conversation.status, coalesce(conversation.last_message_at, conversation.created_at) as last_activity,
      conversation.last_message_at, ticket.number as ticket_number,
      (select left(message.content, 140) from public.messages message
        where message.conversation_id = conversation.id order by message.created_at desc, message.id desc limit 1) as last_message_preview,
      (select count(*) from public.messages message
        where message.conversation_id = conversation.id
          and message.sender_id is distinct from (select auth.uid())
          and message.created_at > coalesce(marker.last_read_at, '-infinity')) as unread_count
    from public.conversations conversation
    left join public.solution_areas area on area.slug = conversation.solution_area
    left join public.tickets ticket on ticket.id = conversation.ticket_id
    left join public.conversation_read_markers marker
      on marker.conversation_id = conversation.id and marker.user_id = (select auth.uid())
    where conversation.customer_id = (select auth.uid())
    order by conversation.is_pinned desc, last_activity desc, conversation.id desc
    limit ${limit}`);
  return rows.map((row) => ({
    id: String(row.id),
    title: String(row.title),
    solutionArea: row.solution_area as string | null,
    solutionAreaName: row.solution_area_name as string | null,
    status: String(row.status),
    lastMessageAt: row.last_message_at ? new Date(row.last_message_at as string).toISOString() : null,
    lastMessagePreview: row.last_message_preview as string | null,
    unreadCount: Number(row.unread_count),
    ticketNumber: row.ticket_number as string | null,
  }));
}

/**
 * Starts a conversation for the caller. It stores no message: the first question reaches the `chat` edge function
 * like every later one (the one writer of customers' messages), sent by the conversation page — or, for a form
 * posted without script, by the home page's action. With a client-chosen id the start is idempotent (a form posted
 * twice opens one conversation); null when that id belongs to a conversation the caller cannot see.
 */
export async function startConversation({
  claims,
  solutionArea,
  question,
  id,
}: {
  claims: RlsClaims;
  solutionArea: string;
  question: string;
  id?: string | undefined;
}): Promise<{ conversationId: string } | null> {
  return withRls(claims, async (tx) => {
    const title = conversationTitleFor(question);
    const conversationId = id ?? randomUUID();
    await tx`
      insert into public.conversations (id, customer_id, title, solution_area, channel)
      values (${conversationId}, (select auth.uid()), ${title}, ${solutionArea}, 'chat')
      on conflict (id) do nothing`;
    // Row level security hides another customer's conversation: an id that collides with one is not the caller's.
    const [conversation] = await tx`select id from public.conversations where id = ${conversationId}`;
    return conversation ? { conversationId: String(conversation.id) } : null;
  });
}

export interface ConversationThread {
  id: string;
  title: string;
  solutionAreaName: string | null;
  status: string;
  customerId: string;
  customerName: string | null;
  technicianId: string | null;
  technicianName: string | null;
  ticket: { id: string; number: string; status: string } | null;
  messages: ConversationMessage[];
  /** True when older messages exist than the ones returned. */
  hasEarlier: boolean;
}

const threadPageSize = 200;

/** One conversation with its newest messages (oldest first), or null when the caller may not see it. */
export async function loadConversationThread({ claims, conversationId }: { claims: RlsClaims; conversationId: string }): Promise<ConversationThread | null> {
  return withRls(claims, async (tx) => {
    const [conversation] = await tx`
      select conversation.id, conversation.title, area.name as solution_area_name, conversation.status, conversation.customer_id,
        customer.full_name as customer_name, conversation.assigned_technician_id, technician.full_name as technician_name,
        ticket.id as ticket_id, ticket.number as ticket_number, ticket.status as ticket_status
      from public.conversations conversation
      left join public.solution_areas area on area.slug = conversation.solution_area
      left join public.profiles customer on customer.id = conversation.customer_id
      left join public.profiles technician on technician.id = conversation.assigned_technician_id
      left join public.tickets ticket on ticket.id = conversation.ticket_id
      where conversation.id = ${conversationId}`;
    if (!conversation) return null;
    const rows = await tx`
      select message.id, message.role, message.content, message.sender_id, message.created_at,
        message.is_internal_note, message.metadata, sender.full_name as sender_name
      from public.messages message
      left join public.profiles sender on sender.id = message.sender_id
      where message.conversation_id = ${conversationId}
      order by message.created_at desc, message.id desc
      limit ${threadPageSize + 1}`;
    const newest = rows.slice(0, threadPageSize).reverse();
    return {
      id: String(conversation.id),
      title: String(conversation.title),
      solutionAreaName: conversation.solution_area_name as string | null,
      status: String(conversation.status),
      customerId: String(conversation.customer_id),
      customerName: conversation.customer_name as string | null,
      technicianId: conversation.assigned_technician_id as string | null,
      technicianName: conversation.technician_name as string | null,
      ticket: conversation.ticket_id
        ? { id: String(conversation.ticket_id), number: String(conversation.ticket_number), status: String(conversation.ticket_status) }
        : null,
      messages: newest.map((row) => messageFromRow(row)),
      hasEarlier: rows.length > threadPageSize,
    };
  });
}

/** Messages of a conversation created after a point in time: what a client missed while disconnected. */
export async function listMessagesSince({ claims, conversationId, since }: { claims: RlsClaims; conversationId: string; since: string }): Promise<ConversationMessage[]> {
  const rows = await withRls(claims, (tx) => tx`
    select message.id, message.role, message.content, message.sender_id, message.created_at,
      message.is_internal_note, message.metadata, sender.full_name as sender_name
    from public.messages message
    left join public.profiles sender on sender.id = message.sender_id
    where message.conversation_id = ${conversationId} and message.created_at >= ${since}
    order by message.created_at, message.id
    limit 500`);
  return rows.map((row) => messageFromRow(row));
}

/** Marks the conversation read for the caller; false when they cannot see it (RLS), so nothing is written. */
export async function markConversationRead({ claims, conversationId }: { claims: RlsClaims; conversationId: string }): Promise<boolean> {
  const rows = await withRls(claims, (tx) => tx`
    select public.mark_conversation_read(conversation.id) from public.conversations conversation where conversation.id = ${conversationId}`);
  return rows.length === 1;
}

/**
 * A message from the signed-in customer naming a file they uploaded to the conversation's folder. The database
 * checks that the file exists there and fills in its type, size and content type (private.check_message_attachment);
 * its refusals carry words for people (translateDatabaseError).
 */
export async function sendCustomerAttachment({ claims, conversationId, attachment }: { claims: RlsClaims; conversationId: string; attachment: AttachmentMessage }): Promise<ConversationMessage> {
  const [row] = await withRls(claims, (tx) => tx`
    insert into public.messages (conversation_id, sender_id, role, content, metadata)
    values (${conversationId}, (select auth.uid()), 'user', ${attachment.caption},
      ${tx.json(attachmentMetadata(attachment))})
    returning id, role, content, sender_id, created_at, is_internal_note, metadata`);
  return messageFromRow(row!);
}
