// A conversation message as the chat shows it, built from a public.messages row whether it came from SQL (loader)
// or from Realtime (postgres_changes payload): shared by server and browser.
import { z } from 'zod';
import { attachmentFromMetadata, messageAttachmentSchema } from './attachments';

export const conversationMessageSchema = z.object({
  id: z.string().uuid(),
  role: z.enum(['user', 'assistant', 'technician', 'system']),
  content: z.string(),
  senderId: z.string().uuid().nullable(),
  senderName: z.string().nullable(),
  createdAt: z.string(),
  isInternalNote: z.boolean(),
  citations: z.array(z.object({ number: z.number().int(), title: z.string(), url: z.string() })).default([]),
  handOffOffered: z.boolean().default(false),
  /** The model that wrote an assistant message (shown next to it, as every AI output is). */
  model: z.string().nullable().default(null),
  /** A system message announcing a resolution carries its ticket: the customer is asked to rate it there (issue 16). */
  ratingRequestTicketId: z.string().uuid().nullable().default(null),
  /** A file sent with the message (a photo, a PDF, a recording), as the database recorded it (issue 17). */
  attachment: messageAttachmentSchema.nullable().default(null),
});
export type ConversationMessage = z.infer<typeof conversationMessageSchema>;

/**
 * A messages row as Realtime or SQL delivers it, turned into what the chat shows. The assistant's confidence is not
 * part of it: that is staff-only (assistant_answer_details), shown on the desk's ticket page.
 */
export function messageFromRow(row: Record<string, unknown>, senderName: string | null = null): ConversationMessage {
  const metadata = z
    .object({
      citations: z.array(z.object({ number: z.coerce.number(), title: z.string(), url: z.string() }).loose()).optional().catch(undefined),
      hand_off_offered: z.boolean().optional().catch(undefined),
      model: z.string().optional().catch(undefined),
      ticket_id: z.string().uuid().optional().catch(undefined),
      ticket_status: z.string().optional().catch(undefined),
    })
    .loose()
    .catch({})
    .parse(row['metadata'] ?? {});
  const createdAt = row['created_at'];
  return conversationMessageSchema.parse({
    id: row['id'],
    role: row['role'],
    content: row['content'],
    senderId: row['sender_id'] ?? null,
    senderName: senderName ?? (typeof row['sender_name'] === 'string' ? row['sender_name'] : null),
    createdAt: createdAt instanceof Date ? createdAt.toISOString() : String(createdAt),
    isInternalNote: Boolean(row['is_internal_note']),
    citations: (metadata.citations ?? []).map(({ number, title, url }) => ({ number, title, url })),
    handOffOffered: metadata.hand_off_offered ?? false,
    model: metadata.model ?? null,
    ratingRequestTicketId: row['role'] === 'system' && metadata.ticket_status === 'resolved' ? (metadata.ticket_id ?? null) : null,
    attachment: attachmentFromMetadata(row['metadata']),
  });
}

/** A message the customer just wrote, shown at once (optimistic) under the id the `chat` function will store it with. */
export function unsentCustomerMessage(input: { id: string; content: string; createdAt: string; sender: { id: string; fullName: string } | null }): ConversationMessage {
  return {
    id: input.id,
    role: 'user',
    content: input.content,
    senderId: input.sender?.id ?? null,
    senderName: input.sender?.fullName ?? null,
    createdAt: input.createdAt,
    isInternalNote: false,
    citations: [],
    handOffOffered: false,
    model: null,
    ratingRequestTicketId: null,
    attachment: null,
  };
}

/**
 * Merges messages arriving from anywhere (loader, Realtime, a backfill after reconnecting, the answer stream) into
 * what the chat holds, keyed by id: a message seen twice is kept once, the newest copy wins, and a sender name
 * already known survives a live row that lacks it. Returns a new map (React state) and leaves `current` untouched.
 */
export function mergeMessages(current: ReadonlyMap<string, ConversationMessage>, incoming: readonly ConversationMessage[]): Map<string, ConversationMessage> {
  const next = new Map(current);
  for (const message of incoming) {
    const known = next.get(message.id);
    next.set(message.id, known ? { ...message, senderName: message.senderName ?? known.senderName } : message);
  }
  return next;
}

/** Chat order: by creation time, ties broken by id so every client shows the same order. */
export function inChatOrder(messages: Iterable<ConversationMessage>): ConversationMessage[] {
  return [...messages].sort((a, b) => (a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt.localeCompare(b.createdAt)));
}

/** The longest conversation title: the chat hand-off makes it the ticket's subject, so it must read as one. */
export const CONVERSATION_TITLE_MAX = 200;

/**
 * A new conversation's title: the customer's question as they wrote it (whitespace folded). Only a question longer
 * than CONVERSATION_TITLE_MAX is cut, at a word, with "…". Titles were cut at 80 characters ("…is it dangerous a…"),
 * and the cut title travelled to the hand-off ticket, the desk and the work-order PDF (issue 21).
 */
export function conversationTitleFor(question: string): string {
  const folded = question.replace(/\s+/g, ' ').trim();
  if (folded.length <= CONVERSATION_TITLE_MAX) return folded;
  const cut = folded.slice(0, CONVERSATION_TITLE_MAX - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > CONVERSATION_TITLE_MAX / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
