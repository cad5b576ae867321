// `chat` edge function: answers a customer's message in their conversation from the knowledge base and streams the
// answer as server-sent events:
//   event: sources  data: [{ slug, title, url }]         the articles the answer may cite
//   event: delta    data: { text }                       pieces of the answer, in order
//   event: done     data: { message_id, message, customer_message, citations, hand_off, safety, ticket, routed_area[, technician_answers] }
// routed_area is the solution area of the best article found (retrieval searches every area; the conversation's
// area only boosts).
//   event: error    data: { message }                    the answer failed after streaming began
// Hand-off: when the customer asks for a person (or accepts the offer with { hand_off: true }) the conversation's
// ticket is opened — one per conversation — and a technician joins; a low-confidence answer offers it.
// Safety first: when the customer describes a stop-driving situation (failing brakes or steering, fuel smell, smoke,
// overheating, a red warning light) the safety advice streams before anything else, the hand-off is always offered,
// and the ticket it opens is urgent (`safety` in done and in the answer's metadata names the kind).
// This function is the one writer of customers' chat messages (the first question of a conversation included), and
// the `done` event carries the stored rows — `message` (the assistant's answer, or null when a technician answers)
// and `customer_message` — so the asking tab renders them without reading them back; Realtime brings them to the
// customer's other tabs and to staff.
import { z } from 'npm:zod@4';
import { type ChatAnswerSummary, chatProviderFromEnv, type ChatPassage } from '../_shared/ai/chat.ts';
import { embeddingProviderFromEnv } from '../_shared/ai/embeddings.ts';
import { asCaller, requireUser, type UserClaims } from '../_shared/auth/caller.ts';
import { corsHeaders, handleRequests, HttpError, parseJsonBody } from '../_shared/http/responses.ts';
import { logRetrieval, searchAcrossAreas } from '../_shared/kb/search.ts';
import { stopDrivingAdvice, type StopDrivingAdvice } from '../_shared/safety/stop-driving.ts';
import { loadConversation, openHandOffTicket, recordAssistantCall, storeAssistantMessage, storeCustomerMessage, type StoredMessage } from './conversation.ts';
import { retrievalQuery } from './follow-up.ts';
import { answerIsTooUnsure, customerAsksForPerson, handOffOffer, ticketOpenedMessage, urgentHandOffOffer } from './hand-off.ts';

const chatRequest = z.object({
  conversation_id: z.string().uuid('conversation_id must be a conversation id'),
  message: z.string().trim().min(1, 'Write a message first.').max(4000, 'Keep messages under 4,000 characters.').optional(),
  /** The id the client gave the message (optimistic send): a retry with the same id never stores it twice. */
  message_id: z.string().uuid('message_id must be a uuid').optional(),
  /** The customer accepted the assistant's offer to open a ticket. */
  hand_off: z.literal(true).optional(),
}).strict().refine((body) => body.message !== undefined || body.hand_off, { message: 'Send a message or hand_off: true.' });

/** Passages handed to the answer provider: enough context, small enough prompt. */
const passagesForAnswer = 5;

const previousQuestionRow = z.object({ content: z.string() }).optional();

type SendEvent = (event: string, data: unknown) => void;

/** The safety advice as it leads the assistant's message: its own paragraph before the answer. */
const safetyLead = (safety: StopDrivingAdvice | null) => (safety ? `${safety.advice}\n\n` : '');

function sseResponse(produce: (send: SendEvent) => Promise<void>): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send: SendEvent = (event, data) => controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
      // An SSE comment goes out at once, before retrieval: the browser sees the stream open (and proxies start
      // flushing) while the answer is being prepared.
      controller.enqueue(encoder.encode(': answering\n\n'));
      try {
        await produce(send);
      } catch (error) {
        console.error('chat stream failed:', error);
        send('error', { message: error instanceof HttpError ? error.message : 'The assistant could not answer. Please try again.' });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(body, {
    headers: { ...corsHeaders, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' },
  });
}

async function handOff(
  claims: UserClaims,
  conversation: Awaited<ReturnType<typeof loadConversation>>,
  customerMessage: StoredMessage | null,
  send: SendEvent,
  reason: string,
  safety: StopDrivingAdvice | null,
): Promise<void> {
  const ticket = await openHandOffTicket(claims, conversation);
  // "My brakes have gone, get me a person": the advice still comes first, before the ticket's number.
  const text = safetyLead(safety) + ticketOpenedMessage(ticket.number, ticket.alreadyOpen);
  send('sources', []);
  send('delta', { text });
  const stored = await storeAssistantMessage({
    conversationId: conversation.id,
    content: text,
    details: null,
    citations: [],
    metadata: { hand_off: { reason, ticket_id: ticket.id, ticket_number: ticket.number, urgent: ticket.urgent }, ...(safety ? { safety: safety.kind } : {}) },
  });
  send('done', {
    message_id: stored.id,
    message: stored,
    customer_message: customerMessage,
    citations: [],
    hand_off: { offered: false, opened: true, reason, urgent: ticket.urgent },
    safety: safety ? { kind: safety.kind } : null,
    ticket: { id: ticket.id, number: ticket.number, already_open: ticket.alreadyOpen },
  });
}

export const handler = handleRequests(['POST'], async (request) => {
  const claims = requireUser(request);
  const body = await parseJsonBody(request, chatRequest);
  const conversation = await loadConversation(claims, body.conversation_id);
  const customerMessage = body.message === undefined ? null : await storeCustomerMessage(claims, conversation.id, body.message, body.message_id);

  // Once a technician has joined, they answer: the assistant stays quiet (the message is stored and delivered live).
  if (conversation.assigned_technician_id !== null && !body.hand_off) {
    return sseResponse(async (send) => {
      send('sources', []);
      send('done', {
        message_id: null,
        message: null,
        customer_message: customerMessage,
        citations: [],
        hand_off: { offered: false, opened: false, reason: null },
        safety: null,
        ticket: conversation.ticket_id ? { id: conversation.ticket_id } : null,
        technician_answers: true,
      });
    });
  }

  if (body.hand_off || (body.message !== undefined && customerAsksForPerson(body.message))) {
    const safety = body.message === undefined ? null : stopDrivingAdvice(body.message);
    return sseResponse((send) => handOff(claims, conversation, customerMessage, send, body.hand_off ? 'accepted_offer' : 'customer_asked', safety));
  }
  const question = body.message!;
  const safety = stopDrivingAdvice(question);

  return sseResponse(async (send) => {
    const started = performance.now();
    const embedder = embeddingProviderFromEnv();
    // The conversation's area and vehicle boost the ranking; they never hide another area's article.
    // A follow-up is searched together with the customer's previous question (./follow-up.ts).
    const { hits, routedArea } = await asCaller(claims, async (tx) => {
      const [previous] = await tx`
        select content from public.messages
        where conversation_id = ${conversation.id} and role = 'user' and id <> ${customerMessage!.id}
        order by created_at desc, id desc limit 1`;
      const query = retrievalQuery(question, previousQuestionRow.parse(previous)?.content ?? null);
      return searchAcrossAreas(tx, embedder, query, { matchCount: passagesForAnswer, preferredArea: conversation.solution_area, vehicleContext: conversation.vehicle });
    });
    const retrievalMs = Math.round(performance.now() - started);
    const retrievalLogId = await logRetrieval({
      query: question,
      userId: claims.sub,
      conversationId: conversation.id,
      results: hits.map((hit) => ({ id: hit.articleId, score: hit.fusedScore })),
    });
    const passages: ChatPassage[] = hits.map((hit) => ({ slug: hit.slug, title: hit.title, text: hit.chunkContent }));
    send('sources', [...new Map(hits.map((hit) => [hit.slug, { slug: hit.slug, title: hit.title, url: `/help/${hit.slug}` }])).values()]);
    if (safety) send('delta', { text: safetyLead(safety) });

    const provider = chatProviderFromEnv();
    const stream = provider.streamAnswer({ instructions: conversation.instructions, question, passages });
    let summary: ChatAnswerSummary | undefined;
    while (summary === undefined) {
      const step = await stream.next();
      if (step.done) summary = step.value;
      else send('delta', { text: step.value });
    }
    // A stop-driving situation is offered a person whatever the answer's confidence.
    const offerHandOff = (safety !== null || answerIsTooUnsure(summary.confidence)) && conversation.ticket_id === null;
    const offer = !offerHandOff ? '' : safety ? urgentHandOffOffer : handOffOffer;
    if (offer) send('delta', { text: offer });
    const content = safetyLead(safety) + summary.text + offer;

    const answer = await storeAssistantMessage({
      conversationId: conversation.id,
      content,
      details: { confidence: summary.confidence, retrievalLogId, routedArea },
      citations: summary.citations,
      metadata: {
        provider: summary.provider,
        model: summary.model,
        hand_off_offered: offerHandOff,
        ...(safety ? { safety: safety.kind } : {}),
      },
    });
    // The local provider reports no usage: tokens are estimated at four characters each so volume stays comparable.
    const usage = summary.usage ?? {
      prompt_tokens: Math.ceil((conversation.instructions.length + question.length + passages.reduce((sum, passage) => sum + passage.text.length, 0)) / 4),
      completion_tokens: Math.ceil(summary.text.length / 4),
    };
    await recordAssistantCall({
      userId: claims.sub,
      conversationId: conversation.id,
      solutionArea: conversation.solution_area,
      model: summary.model,
      metadata: {
        provider: summary.provider,
        prompt_tokens: usage.prompt_tokens,
        completion_tokens: usage.completion_tokens,
        tokens_estimated: summary.usage === undefined,
        cost_usd: summary.cost_estimate_usd ?? 0,
        latency_ms: Math.round(performance.now() - started),
        answer_latency_ms: summary.latency_ms,
        retrieval_ms: retrievalMs,
        confidence: summary.confidence,
        hand_off_offered: offerHandOff,
        message_id: answer.id,
      },
    });
    send('done', {
      message_id: answer.id,
      message: answer,
      customer_message: customerMessage,
      citations: summary.citations.map((citation) => ({ ...citation, url: `/help/${citation.slug}` })),
      hand_off: { offered: offerHandOff, opened: false, reason: !offerHandOff ? null : safety ? 'safety' : 'low_confidence', urgent: safety !== null },
      safety: safety ? { kind: safety.kind } : null,
      ticket: conversation.ticket_id ? { id: conversation.ticket_id } : null,
      routed_area: routedArea,
    });
  });
});

if (import.meta.main) Deno.serve(handler);
