// Issue 20, point 5: customers receive no internal AI fields. The assistant's confidence in an answer (and the
// retrieval behind it) lives in assistant_answer_details, which only staff read: the customer's conversation page
// carries none of it, and the technician's ticket page shows it beside the answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomeOf, routeArgs, signedIn, type CookieJar } from '../support/app-session.ts';
import { sql } from '../support/db.ts';

const { closeDatabasePool } = await import('../../app/lib/server/db.server.ts');
const conversationPage = await import('../../app/routes/app.conversations.$conversationId.tsx');
const messagesSince = await import('../../app/routes/app.conversations.$conversationId.messages.tsx');
const deskTicket = await import('../../app/routes/desk.tickets.$ticketId.tsx');

afterAll(() => closeDatabasePool());

// A confidence no other figure on either page could be mistaken for.
const confidence = 0.613;

let customer: { id: string; jar: CookieJar };
let technician: { id: string; jar: CookieJar };
let conversationId: string;
let ticketId: string;
beforeAll(async () => {
  [customer, technician] = await Promise.all([signedIn('customer'), signedIn('technician')]);
  const [conversation] = await sql<{ id: string }[]>`
    insert into public.conversations (customer_id, title, solution_area) values (${customer.id}, 'No start', 'maintenance') returning id`;
  conversationId = conversation!.id;
  await sql`insert into public.messages (conversation_id, sender_id, role, content) values (${conversationId}, ${customer.id}, 'user', 'It clicks and will not start')`;
  const [answer] = await sql<{ id: string }[]>`
    insert into public.messages (conversation_id, role, content, metadata)
    values (${conversationId}, 'assistant', 'A click usually means a flat battery [1].', ${sql.json({ model: 'local-extractive-v1', citations: [] })})
    returning id`;
  const [log] = await sql<{ id: string }[]>`
    insert into public.retrieval_logs (conversation_id, user_id, query_text) values (${conversationId}, ${customer.id}, 'It clicks') returning id`;
  await sql`insert into public.assistant_answer_details (message_id, confidence, retrieval_log_id) values (${answer!.id}, ${confidence}, ${log!.id})`;
  const [ticket] = await sql<{ id: string }[]>`
    insert into public.tickets (customer_id, subject, content, conversation_id) values (${customer.id}, 'No start', 'It clicks', ${conversationId}) returning id`;
  ticketId = ticket!.id;
});

describe("the assistant's confidence", () => {
  it("never reaches the customer's conversation page, nor what it fetches after reconnecting", async () => {
    const page = await outcomeOf(() => conversationPage.loader(routeArgs(customer.jar.get(`/app/conversations/${conversationId}`), { conversationId }) as never));
    expect(page.status).toBe(200);
    const pageJson = JSON.stringify(page.body);
    expect(pageJson).toContain('A click usually means a flat battery');
    expect(pageJson).not.toMatch(/confidence|0\.613|61%|retrieval_log/i);

    const since = new Date(Date.now() - 3_600_000).toISOString();
    const backfill = await outcomeOf(() =>
      messagesSince.loader(routeArgs(customer.jar.get(`/app/conversations/${conversationId}/messages?since=${encodeURIComponent(since)}`), { conversationId }) as never));
    expect(backfill.status).toBe(200);
    const backfillJson = JSON.stringify(backfill.body);
    expect(backfillJson).toContain('A click usually means a flat battery');
    expect(backfillJson).not.toMatch(/confidence|0\.613|retrieval_log/i);
  });

  it("is shown to the technician beside the answer on the ticket page", async () => {
    const page = await outcomeOf(() => deskTicket.loader(routeArgs(technician.jar.get(`/desk/tickets/${ticketId}`), { ticketId }) as never));
    expect(page.status).toBe(200);
    const messages = (page.body as { page: { messages: Array<{ role: string; answerConfidence: number | null }> } }).page.messages;
    expect(messages.map((message) => [message.role, message.answerConfidence])).toEqual([
      ['user', null],
      ['assistant', confidence],
    ]);
  });
});
