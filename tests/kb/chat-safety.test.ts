// Safety first, through the real chat function: a stop-driving question gets the safety advice before the answer,
// is always offered a person, and the ticket that offer opens is urgent; a routine question about the same part is not.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { waitForEmbeddedKnowledgeBase } from '../support/knowledge.ts';
import { testStack } from '../support/stack.ts';
import { userWithRole, type TestUser } from './support.ts';

type Reply = { deltas: string[]; done: Record<string, any>; firstEvent: string };

/** POSTs to chat and reads the whole event stream (streaming itself is chat.test.ts's concern). */
async function ask(customer: TestUser, body: Record<string, unknown>): Promise<Reply> {
  const response = await fetch(`${testStack.SUPABASE_URL}/functions/v1/chat`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${customer.accessToken}`, apikey: testStack.SUPABASE_ANON_KEY, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  const events = (await response.text()).split('\n\n').filter((block) => block.startsWith('event: ')).map((block) => ({
    name: /^event: (.*)$/m.exec(block)![1]!,
    data: JSON.parse(/^data: (.*)$/m.exec(block)![1]!),
  }));
  const done = events.find((event) => event.name === 'done')?.data;
  if (!done) throw new Error(`chat ended without done: ${JSON.stringify(events)}`);
  return { deltas: events.filter((event) => event.name === 'delta').map((event) => event.data.text as string), done, firstEvent: events[0]!.name };
}

async function conversationInDefaultArea(customer: TestUser): Promise<string> {
  const [row] = await sql`insert into public.conversations (customer_id, solution_area) values (${customer.id}, 'support') returning id`;
  return String(row!.id);
}

const stopDriving = /^Please stop driving as soon as it is safe: /;

describe('chat: safety first', () => {
  let customer: TestUser;
  beforeAll(async () => {
    customer = await userWithRole('customer');
    await waitForEmbeddedKnowledgeBase();
  });

  it('a spongy brake pedal gets the stop-driving advice first, an urgent hand-off offer, and an urgent ticket when accepted', async () => {
    const conversationId = await conversationInDefaultArea(customer);
    const reply = await ask(customer, { conversation_id: conversationId, message: 'my brake pedal feels spongy and goes to the floor' });
    expect(reply.firstEvent).toBe('sources');
    expect(reply.deltas[0]).toMatch(stopDriving);
    expect(reply.deltas[0]).toMatch(/brake/i);
    expect(reply.deltas.at(-1)).toMatch(/urgent ticket/);
    expect(reply.done.hand_off).toMatchObject({ offered: true, opened: false, reason: 'safety', urgent: true });
    expect(reply.done.safety).toEqual({ kind: 'brakes' });

    const [answer] = await sql`select content, metadata from public.messages where id = ${reply.done.message_id}`;
    expect(answer!.content).toBe(reply.deltas.join(''));
    expect(answer!.content).toMatch(stopDriving);
    expect(answer!.metadata).toMatchObject({ safety: 'brakes', hand_off_offered: true });

    const accepted = await ask(customer, { conversation_id: conversationId, hand_off: true });
    expect(accepted.done.hand_off).toMatchObject({ opened: true, reason: 'accepted_offer', urgent: true });
    const [ticket] = await sql`select id, priority, channel from public.tickets where conversation_id = ${conversationId}`;
    expect(ticket).toMatchObject({ id: accepted.done.ticket.id, priority: 'urgent', channel: 'chat' });
  });

  it('asking for a person in the same breath still shows the advice first and opens the ticket urgent', async () => {
    const conversationId = await conversationInDefaultArea(customer);
    const reply = await ask(customer, { conversation_id: conversationId, message: 'I can smell petrol in the cabin, can I speak to a person?' });
    expect(reply.deltas.join('')).toMatch(stopDriving);
    expect(reply.deltas.join('')).toMatch(/ticket/);
    expect(reply.done.hand_off).toMatchObject({ opened: true, reason: 'customer_asked', urgent: true });
    expect(reply.done.safety).toEqual({ kind: 'fuel_smell' });
    const [ticket] = await sql`select priority from public.tickets where conversation_id = ${conversationId}`;
    expect(ticket!.priority).toBe('urgent');
  });

  it('a routine brake question gets no safety advice, and its hand-off ticket has the normal priority', async () => {
    const conversationId = await conversationInDefaultArea(customer);
    const reply = await ask(customer, { conversation_id: conversationId, message: 'how much is a brake service' });
    expect(reply.deltas.join('')).not.toMatch(/stop driving/i);
    expect(reply.done.safety).toBeNull();
    expect(reply.done.hand_off.urgent).toBe(false);
    const [answer] = await sql`select metadata from public.messages where id = ${reply.done.message_id}`;
    expect(answer!.metadata).not.toHaveProperty('safety');

    await ask(customer, { conversation_id: conversationId, hand_off: true });
    const [ticket] = await sql`select priority from public.tickets where conversation_id = ${conversationId}`;
    expect(ticket!.priority).toBe('normal');
  });
});
