// Asks the `chat` edge function to answer a customer's message and reads its server-sent events as they arrive.
// The function is called straight from the browser with the user's own access token (as supabase-js would), so
// the answer streams token by token instead of waiting behind a Remix action. `eventsource-parser` does the SSE
// framing: EventSource itself cannot POST or send an Authorization header.
import { createParser } from 'eventsource-parser';
import { z } from 'zod';
import type { BrowserEnv } from '~/lib/shared/browser-env';

const citationSchema = z.object({ number: z.number().int(), title: z.string(), url: z.string() });
export type AssistantCitation = z.infer<typeof citationSchema>;

/**
 * A stored public.messages row, as the `done` event carries it — the same shape Realtime and the loader deliver, so
 * the page turns it into a chat message with `messageFromRow` and never reads it back.
 */
const storedMessageSchema = z
  .object({
    id: z.string().uuid(),
    role: z.enum(['user', 'assistant', 'technician', 'system']),
    content: z.string(),
    sender_id: z.string().nullable(),
    created_at: z.string(),
    is_internal_note: z.boolean(),
    metadata: z.record(z.string(), z.unknown()),
  })
  .loose();
export type StoredMessageRow = z.infer<typeof storedMessageSchema>;

const doneSchema = z.object({
  message_id: z.string().uuid().nullable(),
  /** The assistant's stored answer; null when a technician answers instead. */
  message: storedMessageSchema.nullable().default(null),
  /** The customer's stored message (its id is the one the client chose); null for a bare hand-off request. */
  customer_message: storedMessageSchema.nullable().default(null),
  citations: z.array(citationSchema.loose()).default([]),
  hand_off: z.object({ offered: z.boolean(), opened: z.boolean(), reason: z.string().nullable() }).loose(),
  ticket: z.object({ id: z.string(), number: z.string().optional() }).loose().nullable(),
  technician_answers: z.boolean().optional(),
});
export type AssistantDone = z.infer<typeof doneSchema>;

export type AssistantEvent =
  | { type: 'sources'; sources: Array<{ slug: string; title: string; url: string }> }
  | { type: 'delta'; text: string }
  | { type: 'done'; done: AssistantDone };

/** A failure the customer can read; `retryable` says whether sending again may help. */
export class AssistantError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'AssistantError';
  }
}

const errorBodySchema = z.object({ message: z.string().optional(), error: z.string().optional(), msg: z.string().optional() }).loose();

async function readableError(response: Response): Promise<AssistantError> {
  const body = errorBodySchema.safeParse(await response.json().catch(() => ({})));
  const detail = body.success ? (body.data.message ?? body.data.msg ?? body.data.error) : undefined;
  if (response.status === 401) return new AssistantError('Your session has expired. Reload the page to sign in again.', false);
  if (response.status >= 400 && response.status < 500 && response.status !== 429) {
    return new AssistantError(detail ?? 'The message could not be sent.', false);
  }
  return new AssistantError('The assistant is not reachable right now. Your message will be sent when you retry.', true);
}

export interface AskAssistantInput {
  env: BrowserEnv;
  accessToken: string;
  conversationId: string;
  /** Client-chosen id of the customer's message (idempotent retries). */
  messageId?: string;
  message?: string;
  handOff?: boolean;
  signal?: AbortSignal;
  onEvent: (event: AssistantEvent) => void;
}

/** Streams the assistant's answer; resolves with the final `done` event, rejects with an AssistantError. */
export async function askAssistant(input: AskAssistantInput): Promise<AssistantDone> {
  const body = input.handOff
    ? { conversation_id: input.conversationId, hand_off: true as const }
    : { conversation_id: input.conversationId, message: input.message, message_id: input.messageId };
  let response: Response;
  try {
    response = await fetch(`${input.env.SUPABASE_URL}/functions/v1/chat`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${input.accessToken}`,
        apikey: input.env.SUPABASE_ANON_KEY,
        'Content-Type': 'application/json',
        Accept: 'text/event-stream',
      },
      body: JSON.stringify(body),
      signal: input.signal,
    });
  } catch {
    throw new AssistantError('You appear to be offline. Check your connection and retry.', true);
  }
  if (!response.ok || !response.body) throw await readableError(response);

  let done: AssistantDone | undefined;
  let streamError: AssistantError | undefined;
  const parser = createParser({
    onEvent(event) {
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      if (event.event === 'sources') {
        const sources = z.array(z.object({ slug: z.string(), title: z.string(), url: z.string() })).safeParse(data);
        if (sources.success) input.onEvent({ type: 'sources', sources: sources.data });
      } else if (event.event === 'delta') {
        const delta = z.object({ text: z.string() }).safeParse(data);
        if (delta.success) input.onEvent({ type: 'delta', text: delta.data.text });
      } else if (event.event === 'done') {
        const parsed = doneSchema.safeParse(data);
        if (parsed.success) {
          done = parsed.data;
          input.onEvent({ type: 'done', done: parsed.data });
        }
      } else if (event.event === 'error') {
        const failure = z.object({ message: z.string() }).safeParse(data);
        streamError = new AssistantError(failure.success ? failure.data.message : 'The assistant could not answer.', true);
      }
    },
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      parser.feed(chunk.value);
    }
  } catch {
    throw new AssistantError('The connection dropped while the assistant was answering. Retry to ask again.', true);
  }
  if (streamError) throw streamError;
  if (!done) throw new AssistantError('The answer was cut off. Retry to ask again.', true);
  return done;
}
