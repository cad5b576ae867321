// The chat function's database work. Reads and the customer's own writes (their message, their ticket) run as the
// caller under RLS; the assistant's message and the analytics event are written with the service connection,
// because customers may only post `user` messages and cannot write analytics.
import { z } from 'npm:zod@4';
import type { ChatCitation } from '../_shared/ai/chat.ts';
import { asCaller, type UserClaims } from '../_shared/auth/caller.ts';
import { database } from '../_shared/db/postgres.ts';
import { HttpError } from '../_shared/http/responses.ts';
import { stopDrivingAdvice } from '../_shared/safety/stop-driving.ts';
import { handOffTranscript } from './hand-off.ts';

const conversationRow = z.object({
  id: z.string(),
  customer_id: z.string(),
  title: z.string(),
  solution_area: z.string().nullable(),
  ticket_id: z.string().nullable(),
  assigned_technician_id: z.string().nullable(),
  assistant_instructions: z.string().nullable(),
  vehicle: z.string().nullable(),
});
export type ConversationContext = z.infer<typeof conversationRow>;

const defaultInstructions = 'You are the support assistant of a vehicle service company. Help the customer politely and briefly.';

/** The conversation with its area's instructions and the customer's vehicle (when they have exactly one). */
export async function loadConversation(claims: UserClaims, conversationId: string): Promise<ConversationContext & { instructions: string }> {
  const [row] = await asCaller(claims, (tx) => tx`
    select conversation.id, conversation.customer_id, conversation.title, conversation.solution_area, conversation.ticket_id,
      conversation.assigned_technician_id,
      area.assistant_instructions,
      (select case when count(*) = 1 then max(concat_ws(' ', vehicle.make, vehicle.model)) end
       from public.customer_vehicles vehicle where vehicle.customer_id = conversation.customer_id) as vehicle
    from public.conversations conversation
    left join public.solution_areas area on area.slug = conversation.solution_area
    where conversation.id = ${conversationId}`);
  if (!row) throw new HttpError(404, 'That conversation does not exist or is not yours.', 'conversation_not_found');
  const conversation = conversationRow.parse(row);
  if (conversation.customer_id !== claims.sub) {
    throw new HttpError(403, "Only the conversation's customer can ask the assistant.", 'not_conversation_owner');
  }
  return { ...conversation, vehicle: conversation.vehicle?.trim() || null, instructions: conversation.assistant_instructions ?? defaultInstructions };
}

/**
 * A public.messages row as the chat renders it. The `done` event hands the stored rows to the asking tab in this
 * shape — the shape Realtime and the app's loader deliver too — so the browser shows what was stored without reading
 * it back.
 */
const storedMessageRow = z.object({
  id: z.string(),
  conversation_id: z.string(),
  role: z.enum(['user', 'assistant', 'technician', 'system']),
  content: z.string(),
  sender_id: z.string().nullable(),
  created_at: z.date().transform((date) => date.toISOString()),
  is_internal_note: z.boolean(),
  metadata: z.record(z.string(), z.unknown()),
});
export type StoredMessage = z.infer<typeof storedMessageRow>;

/**
 * Stores the customer's message — every one, the first of a conversation included — and returns the stored row.
 * With a client-chosen id the insert is idempotent: a retry of a send whose answer was lost finds the message
 * already there and only asks again. An id already used for anything else (another conversation, another sender)
 * is refused rather than silently answered.
 */
export async function storeCustomerMessage(claims: UserClaims, conversationId: string, content: string, messageId?: string): Promise<StoredMessage> {
  const row = await asCaller(claims, async (tx) => {
    if (messageId === undefined) {
      const [inserted] = await tx`
        insert into public.messages (conversation_id, sender_id, role, content)
        values (${conversationId}, ${claims.sub}, 'user', ${content})
        returning id, conversation_id, role, content, sender_id, created_at, is_internal_note, metadata`;
      return inserted;
    }
    await tx`
      insert into public.messages (id, conversation_id, sender_id, role, content)
      values (${messageId}, ${conversationId}, ${claims.sub}, 'user', ${content})
      on conflict (id) do nothing`;
    const [stored] = await tx`
      select id, conversation_id, role, content, sender_id, created_at, is_internal_note, metadata
      from public.messages
      where id = ${messageId} and conversation_id = ${conversationId} and sender_id = ${claims.sub} and role = 'user'`;
    return stored;
  });
  if (!row) throw new HttpError(409, 'That message id is already taken. Send the message again.', 'message_id_taken');
  return storedMessageRow.parse(row);
}

/**
 * Stores the assistant's answer with what the customer is shown in the message (text, citations, model) and its
 * internal figures (confidence, the retrieval behind it) in assistant_answer_details, which only staff read: the
 * message row travels to the customer through loaders, this function's `done` event and Realtime.
 */
export async function storeAssistantMessage(entry: {
  conversationId: string;
  content: string;
  details: { confidence: number; retrievalLogId: number | null; routedArea: string | null } | null;
  citations: readonly ChatCitation[];
  metadata: Record<string, unknown>;
}): Promise<StoredMessage> {
  const metadata = {
    ...entry.metadata,
    citations: entry.citations.map((citation) => ({ ...citation, url: `/help/${citation.slug}` })),
  };
  const row = await database().begin(async (tx) => {
    const [message] = await tx`
      insert into public.messages (conversation_id, role, content, metadata)
      values (${entry.conversationId}, 'assistant', ${entry.content}, ${tx.json(metadata as never)})
      returning id, conversation_id, role, content, sender_id, created_at, is_internal_note, metadata`;
    if (entry.details !== null) {
      await tx`
        insert into public.assistant_answer_details (message_id, confidence, retrieval_log_id, routed_area)
        values (${message!.id}, ${entry.details.confidence}, ${entry.details.retrievalLogId}, ${entry.details.routedArea})`;
    }
    return message;
  });
  return storedMessageRow.parse(row);
}

export async function recordAssistantCall(entry: {
  userId: string;
  conversationId: string;
  solutionArea: string | null;
  model: string;
  metadata: Record<string, unknown>;
}): Promise<void> {
  await database()`
    insert into public.analytics_events (event_type, solution_area, user_id, conversation_id, model, metadata)
    values ('api_call', ${entry.solutionArea}, ${entry.userId}, ${entry.conversationId}, ${entry.model},
      ${database().json({ function: 'chat', ...entry.metadata } as never)})`;
}

/**
 * Opens the conversation's ticket through public.open_ticket, as the customer (RLS, the triage trigger and the ticket
 * lifecycle all apply). Exactly one per conversation: a second request (or a race) gets the first, already_open.
 * The ticket is urgent when the customer described a stop-driving situation in the conversation (the same messages
 * the technician reads in its transcript), whether they accepted the offer or asked for a person themselves.
 */
export async function openHandOffTicket(claims: UserClaims, conversation: ConversationContext): Promise<{ id: string; number: string; alreadyOpen: boolean; urgent: boolean }> {
  return await asCaller(claims, async (tx) => {
    const messages = await tx`
      select role, content, type::text, metadata -> 'attachment' ->> 'name' as attachment_name,
        (metadata -> 'attachment' ->> 'duration_seconds')::float8 as duration_seconds
      from public.messages
      where conversation_id = ${conversation.id} and not is_internal_note
      order by created_at desc, id desc limit 20`;
    const transcript = handOffTranscript(
      messages.reverse().map((message) => ({
        role: String(message.role),
        content: String(message.content),
        type: String(message.type),
        attachmentName: (message.attachment_name as string | null) ?? null,
        durationSeconds: (message.duration_seconds as number | null) ?? null,
      })),
    );
    const firstQuestion = messages.find((message) => message.role === 'user')?.content as string | undefined;
    // The conversation's title is the customer's question, already bounded by the app (conversationTitleFor, at most
    // 200 characters): the ticket keeps it whole. Cutting it again here put "…dangerous a" on the desk and the PDF.
    const subject = conversation.title !== 'New conversation' ? conversation.title : (firstQuestion ?? 'Help requested in chat').slice(0, 200);
    const urgent = messages.some((message) => message.role === 'user' && stopDrivingAdvice(String(message.content)) !== null);
    const [ticket] = await tx`
      select id, number, already_open from public.open_ticket(
        customer_id => ${claims.sub}, subject => ${subject}, content => ${transcript}, channel => 'chat', conversation_id => ${conversation.id},
        priority => ${urgent ? 'urgent' : 'normal'}::public.ticket_priority)`;
    return { id: String(ticket!.id), number: String(ticket!.number), alreadyOpen: ticket!.already_open === true, urgent };
  });
}
