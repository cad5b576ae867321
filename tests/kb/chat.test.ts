// The assistant through the gateway: the answer streams as server-sent events (read incrementally with fetch),
// is stored with citations (its confidence apart, for staff only), usage lands in analytics; hand-off opens exactly one ticket.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { waitForEmbeddedKnowledgeBase } from '../support/knowledge.ts';
import { testStack } from '../support/stack.ts';
import { chat, type SseEvent } from './chat-client.ts';
import { userWithRole, type TestUser } from './support.ts';

async function newConversation(customer: TestUser, solutionArea: string | null = 'support'): Promise<string> {
  const [row] = await sql`insert into public.conversations (customer_id, solution_area) values (${customer.id}, ${solutionArea}) returning id`;
  return String(row!.id);
}

const doneOf = (events: SseEvent[]) => events.find((event) => event.event === 'done')?.data as Record<string, any>;
const textOf = (events: SseEvent[]) => events.filter((event) => event.event === 'delta').map((event) => (event.data as { text: string }).text).join('');

describe('chat', () => {
  let customer: TestUser;
  beforeAll(async () => {
    customer = await userWithRole('customer');
    await waitForEmbeddedKnowledgeBase();
  });

  it('streams a cited answer as server-sent events and stores its confidence where only staff read it; usage goes to analytics', async () => {
    const conversationId = await newConversation(customer, 'maintenance');
    const { status, contentType, events, reads, firstRead } = await chat(customer, { conversation_id: conversationId, message: 'How do I jump start a car with a flat battery?' });
    expect(status).toBe(200);
    expect(contentType).toMatch(/^text\/event-stream/);
    expect(events[0]!.event).toBe('sources');
    expect(events.filter((event) => event.event === 'delta').length).toBeGreaterThan(2);
    // Streamed, not buffered: the first bytes through the gateway arrived before the answer was finished.
    expect(reads).toBeGreaterThan(1);
    expect(firstRead).not.toContain('event: done');
    const done = doneOf(events);
    expect(done.citations.length).toBeGreaterThan(0);
    expect(done.citations[0]).toMatchObject({ number: 1, url: expect.stringMatching(/^\/help\//) });
    expect(done.hand_off).toMatchObject({ offered: false });
    // The customer's stream carries no internal figure about the answer (issue 20, point 5).
    expect(done).not.toHaveProperty('confidence');
    expect(JSON.stringify(events)).not.toMatch(/confidence|retrieval_log/);

    const [message] = await sql`select * from public.messages where id = ${done.message_id}`;
    expect(message).toMatchObject({ role: 'assistant', content: textOf(events) });
    expect(message).not.toHaveProperty('ai_confidence');
    expect(message!.metadata.citations).toEqual(done.citations);
    const [details] = await sql`select confidence::float8, retrieval_log_id from public.assistant_answer_details where message_id = ${done.message_id}`;
    expect(details!.confidence).toBeGreaterThan(0.35);
    const [userMessage] = await sql`select sender_id from public.messages where conversation_id = ${conversationId} and role = 'user'`;
    expect(userMessage!.sender_id).toBe(customer.id);

    const [event] = await sql`select * from public.analytics_events where event_type = 'api_call' and conversation_id = ${conversationId}`;
    expect(event).toMatchObject({ user_id: customer.id, solution_area: 'maintenance', model: 'local-extractive-v1' });
    expect(event!.metadata).toMatchObject({ function: 'chat', provider: 'local', cost_usd: 0, message_id: done.message_id });
    expect(event!.metadata.prompt_tokens).toBeGreaterThan(0);
    expect(event!.metadata.latency_ms).toBeGreaterThanOrEqual(0);
    const [log] = await sql`select id, result_ids from public.retrieval_logs where conversation_id = ${conversationId}`;
    expect(log!.result_ids.length).toBeGreaterThan(0);
    expect(Number(details!.retrieval_log_id)).toBe(Number(log!.id));
  });

  it("finds another area's article from the default area (the area boosts, never hides) and says where it routed", async () => {
    const conversationId = await newConversation(customer, 'support');
    const [article] = await sql`select slug, solution_area from public.kb_articles where slug = 'battery-drains-overnight' and is_published`;
    expect(article?.solution_area).not.toBe('support');
    const { events } = await chat(customer, { conversation_id: conversationId, message: 'My car battery drains overnight' });
    const done = doneOf(events);
    expect(done.citations.map((citation: { slug: string }) => citation.slug)).toContain('battery-drains-overnight');
    expect(done.routed_area).toBe(article!.solution_area);
  });

  it("stores the customer's message once under the client's id, however often it is sent, and done carries the stored rows", async () => {
    // As the home page starts one: the conversation exists, its first question is not stored yet.
    const conversationId = await newConversation(customer, 'maintenance');
    const messageId = randomUUID();
    const question = 'How do I jump start a car with a flat battery?';
    const first = await chat(customer, { conversation_id: conversationId, message_id: messageId, message: question });
    const done = doneOf(first.events);

    const stored = await sql`
      select id, role, content, sender_id, created_at, is_internal_note, metadata
      from public.messages where conversation_id = ${conversationId} order by created_at, id`;
    expect(stored.map((row) => row['role'])).toEqual(['user', 'assistant']);
    const [customerRow, answerRow] = stored as unknown as [Record<string, any>, Record<string, any>];
    expect(customerRow).toMatchObject({ id: messageId, content: question, sender_id: customer.id });
    // The stored rows themselves, as the client renders them: nothing needs reading back.
    expect(done.customer_message).toEqual({
      id: messageId,
      conversation_id: conversationId,
      role: 'user',
      content: question,
      sender_id: customer.id,
      created_at: customerRow.created_at.toISOString(),
      is_internal_note: false,
      metadata: {},
    });
    expect(done.message).toEqual({
      id: answerRow.id,
      conversation_id: conversationId,
      role: 'assistant',
      content: textOf(first.events),
      sender_id: null,
      created_at: answerRow.created_at.toISOString(),
      is_internal_note: false,
      metadata: answerRow.metadata,
    });
    expect(done.message_id).toBe(answerRow.id);
    expect(done.message.metadata).toMatchObject({ model: 'local-extractive-v1', citations: done.citations, hand_off_offered: false });

    // A retry with the same id (its answer was lost on the way) stores nothing twice and hands back the same row.
    const retry = await chat(customer, { conversation_id: conversationId, message_id: messageId, message: question });
    expect(doneOf(retry.events).customer_message).toEqual(done.customer_message);
    const questions = await sql`select id from public.messages where conversation_id = ${conversationId} and role = 'user'`;
    expect(questions.map((row) => row['id'])).toEqual([messageId]);

    // An id already used elsewhere is refused, and nothing is stored under it here.
    const elsewhere = await newConversation(customer);
    const taken = await chat(customer, { conversation_id: elsewhere, message_id: messageId, message: 'Same id, other conversation' });
    expect(taken.status).toBe(409);
    expect(taken.events[0]!.data).toMatchObject({ error: { code: 'message_id_taken' } });
    expect(await sql`select 1 from public.messages where conversation_id = ${elsewhere}`).toHaveLength(0);
  });

  it('hands a technician-answered conversation only the stored customer message, and a hand-off its stored notice', async () => {
    const conversationId = await newConversation(customer);
    const messageId = randomUUID();
    const handOff = await chat(customer, { conversation_id: conversationId, message_id: messageId, message: 'I want to talk to a real person please' });
    const handOffDone = doneOf(handOff.events);
    expect(handOffDone.customer_message).toMatchObject({ id: messageId, role: 'user' });
    expect(handOffDone.message).toMatchObject({ id: handOffDone.message_id, role: 'assistant', content: textOf(handOff.events) });
    expect(handOffDone.message.metadata).toMatchObject({ hand_off: { reason: 'customer_asked', ticket_id: handOffDone.ticket.id } });

    const technician = await userWithRole('technician');
    await sql`update public.conversations set assigned_technician_id = ${technician.id} where id = ${conversationId}`;
    const followUp = await chat(customer, { conversation_id: conversationId, message_id: randomUUID(), message: 'It is parked outside.' });
    const followUpDone = doneOf(followUp.events);
    expect(followUpDone).toMatchObject({ technician_answers: true, message_id: null, message: null });
    expect(followUpDone.customer_message).toMatchObject({ role: 'user', content: 'It is parked outside.', sender_id: customer.id });
  });

  it('offers a technician when unsure, and accepting opens the ticket', async () => {
    const conversationId = await newConversation(customer);
    const unsure = await chat(customer, { conversation_id: conversationId, message: 'Which colour should the dashboard teddy bear be?' });
    const done = doneOf(unsure.events);
    expect(done.hand_off).toMatchObject({ offered: true, reason: 'low_confidence' });
    expect(textOf(unsure.events)).toContain('A technician will join this conversation');
    expect(await sql`select 1 from public.tickets where conversation_id = ${conversationId}`).toHaveLength(0);

    const accepted = await chat(customer, { conversation_id: conversationId, hand_off: true });
    expect(doneOf(accepted.events).ticket).toMatchObject({ number: expect.stringMatching(/^TCK-\d{6,}$/), already_open: false });
    // A bare hand-off stores no customer message; its stored notice comes with done.
    expect(doneOf(accepted.events)).toMatchObject({ customer_message: null, message: { role: 'assistant', content: textOf(accepted.events) } });
  });

  it('hands off when the customer asks for a person: exactly one ticket, however often they ask', async () => {
    const conversationId = await newConversation(customer);
    await chat(customer, { conversation_id: conversationId, message: 'My brakes squeal every time I stop' });
    const first = await chat(customer, { conversation_id: conversationId, message: 'I want to talk to a real person please' });
    const firstDone = doneOf(first.events);
    expect(firstDone.hand_off).toMatchObject({ opened: true, reason: 'customer_asked' });
    expect(textOf(first.events)).toMatch(/technician will join/);
    const again = await Promise.all([
      chat(customer, { conversation_id: conversationId, message: 'Can I speak to a human?' }),
      chat(customer, { conversation_id: conversationId, hand_off: true }),
    ]);
    for (const reply of again) expect(doneOf(reply.events).ticket).toMatchObject({ id: firstDone.ticket.id, already_open: true });

    const tickets = await sql`select id, customer_id, channel, status, content from public.tickets where conversation_id = ${conversationId}`;
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ id: firstDone.ticket.id, customer_id: customer.id, channel: 'chat', status: 'unassigned' });
    expect(tickets[0]!.content).toContain('My brakes squeal every time I stop');
    const [conversation] = await sql`select ticket_id from public.conversations where id = ${conversationId}`;
    expect(conversation!.ticket_id).toBe(firstDone.ticket.id);
    // The ticket flows through triage like any other.
    expect(await sql`select 1 from private.jobs where kind = 'triage' and payload = ${sql.json({ ticket_id: firstDone.ticket.id })}`).toHaveLength(1);
  });

  it("refuses another customer's conversation (404), a missing token (401) and bad input (400)", async () => {
    const conversationId = await newConversation(customer);
    const stranger = await userWithRole('customer');
    const refused = await chat(stranger, { conversation_id: conversationId, message: 'hello' });
    expect(refused.status).toBe(404);
    expect(refused.events[0]!.data).toMatchObject({ error: { code: 'conversation_not_found' } });
    expect(await sql`select 1 from public.messages where conversation_id = ${conversationId}`).toHaveLength(0);

    const anonymous = await fetch(`${testStack.SUPABASE_URL}/functions/v1/chat`, { method: 'POST', body: '{}' });
    expect(anonymous.status).toBe(401);
    const bad = await chat(customer, { conversation_id: conversationId });
    expect(bad.status).toBe(400);
  });
});
