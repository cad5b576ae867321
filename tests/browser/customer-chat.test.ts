// The customer's live chat in Chromium (issue 5 "Customer chat", issue 7 sources and hand-off): the assistant's
// streamed answer with help-centre sources, the hand-off to a person with a ticket number, then a technician —
// a real supabase-js client signed in as the demo technician — whose presence, typing, replies and claim arrive
// live, while their internal note never does. Also: a failed send shows Retry and a retry stores it once;
// the first question goes to the chat function from the conversation page (never in the URL), survives a reload
// before it was sent, and is sent by the server when the browser runs no script; the asking tab shows its answer
// once while Realtime brings it to the customer's other tab; unread counts on the home page; the ticket form's
// acknowledgement.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { sql } from '../support/db.ts';
import { waitForEmbeddedKnowledgeBase } from '../support/knowledge.ts';
import { appUrl, demoLogins, signUpCustomer } from '../support/journeys.ts';
import { testStack } from '../support/stack.ts';

const conversationIdOf = (page: Page) => new URL(page.url()).pathname.split('/').at(-1)!;

async function technicianClient(): Promise<{ client: SupabaseClient; userId: string }> {
  const client = createClient(testStack.SUPABASE_URL, testStack.SUPABASE_ANON_KEY, { auth: { persistSession: false, autoRefreshToken: false } });
  const { data, error } = await client.auth.signInWithPassword(demoLogins.technician);
  if (error || !data.user) throw error ?? new Error('technician sign-in failed');
  await client.realtime.setAuth(data.session.access_token);
  return { client, userId: data.user.id };
}

/** True once the customer's read marker covers the conversation's newest message. */
async function conversationIsRead(conversationId: string): Promise<boolean> {
  const [row] = await sql`
    select marker.last_read_at >= (select max(created_at) from public.messages where conversation_id = ${conversationId}) as read
    from public.conversation_read_markers marker where marker.conversation_id = ${conversationId}`;
  return row?.['read'] === true;
}

async function askFirstQuestion(page: Page, question: string): Promise<string> {
  await page.getByLabel('Maintenance').check();
  await page.getByLabel('Your question').fill(question);
  await page.getByRole('button', { name: 'Ask the assistant' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/app/conversations/'));
  return conversationIdOf(page);
}

describe('customer chat in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    await waitForEmbeddedKnowledgeBase();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('streams a cited answer, hands off to a person, and shows the technician live — never their internal note', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signUpCustomer(page, 'Chat Customer');
    const conversationId = await askFirstQuestion(page, 'How do I jump start a car with a flat battery?');

    // The assistant's answer, stored, with its sources linking to the help centre.
    const answer = page.locator('[data-testid="chat-message"][data-role="assistant"]').first();
    await answer.waitFor({ timeout: 20_000 });
    await expect.poll(async () => ((await answer.locator('.chat-sources a').count()) > 0 ? 'cited' : await answer.textContent())).toBe('cited');
    expect(await answer.locator('.chat-sources a').first().getAttribute('href')).toMatch(/^\/help\/[a-z0-9-]+$/);
    // Which AI wrote it is shown next to it.
    expect(await answer.getByTestId('assistant-provider').textContent()).toMatch(/Local provider · local-/);
    // The first question is stored exactly once, under the id the page chose for it.
    const [{ questions }] = (await sql`select count(*)::int as questions from public.messages where conversation_id = ${conversationId} and role = 'user'`) as unknown as [{ questions: number }];
    expect(questions).toBe(1);
    const [question] = await sql`select id from public.messages where conversation_id = ${conversationId} and role = 'user'`;
    expect(await page.locator('[data-testid="chat-message"][data-role="user"]').getAttribute('data-message-id')).toBe(question!['id']);
    expect(new URL(page.url()).search).toBe('');

    // Hand-off: a ticket number at once.
    await page.getByRole('button', { name: 'Talk to a person' }).click();
    await expect.poll(() => page.getByTestId('chat-notice').textContent()).toMatch(/Ticket TCK-\d{6,} is open/);
    const [ticket] = await sql`select id, number from public.tickets where conversation_id = ${conversationId}`;
    expect(ticket).toBeDefined();

    // The technician takes the ticket: the customer is told in the chat, live.
    const { client: technician, userId: technicianId } = await technicianClient();
    await sql`update public.tickets set assigned_to = ${technicianId}, status = 'assigned' where id = ${ticket!.id}`;
    await expect.poll(() => page.locator('[data-role="system"]').filter({ hasText: 'has joined' }).count()).toBe(1);

    // Presence and typing over the private conversation channel.
    const channel = technician.channel(`conversation:${conversationId}`, { config: { private: true, presence: { key: technicianId } } });
    const customerMessages: string[] = [];
    channel.on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'messages', filter: `conversation_id=eq.${conversationId}` }, (payload) => {
      if (payload.new['role'] === 'user') customerMessages.push(String(payload.new['content']));
    });
    await new Promise<void>((resolve, reject) =>
      channel.subscribe((status, error) => (status === 'SUBSCRIBED' ? resolve() : status === 'CHANNEL_ERROR' || status === 'TIMED_OUT' ? reject(error ?? new Error(status)) : undefined)),
    );
    await channel.track({ userId: technicianId, name: demoLogins.technician.name, role: 'technician' });
    await expect.poll(() => page.getByTestId('technician-online').textContent()).toContain('Taylor Technician');
    await channel.send({ type: 'broadcast', event: 'typing', payload: { userId: technicianId, name: demoLogins.technician.name, role: 'technician', typing: true } });
    await expect.poll(() => page.getByTestId('typing-indicator').textContent()).toContain('Taylor Technician is typing');

    // A reply and an internal note, written by the technician through RLS: only the reply reaches the customer.
    await sql.begin(async (tx) => {
      await tx`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${JSON.stringify({ sub: technicianId, role: 'authenticated', user_role: 'technician' })}, true)`;
      await tx`insert into public.messages (conversation_id, sender_id, role, content, is_internal_note) values (${conversationId}, ${technicianId}, 'technician', 'INTERNAL: starter relay suspected', true)`;
      await tx`insert into public.messages (conversation_id, sender_id, role, content) values (${conversationId}, ${technicianId}, 'technician', 'Hi, I am looking at your car now.')`;
    });
    const reply = page.locator('[data-role="technician"]').filter({ hasText: 'I am looking at your car now' });
    await expect.poll(() => reply.count(), { timeout: 2_000 }).toBe(1);
    expect(await page.getByText('INTERNAL: starter relay suspected').count()).toBe(0);

    // The customer answers: it reaches the technician live, and the assistant stays quiet now a person is here.
    const assistantBefore = await page.locator('[data-role="assistant"]').count();
    await page.getByLabel('Your message').fill('Thanks, it is parked outside.');
    await page.getByLabel('Your message').press('Enter');
    await expect.poll(() => customerMessages.includes('Thanks, it is parked outside.'), { timeout: 2_000 }).toBe(true);
    await expect.poll(() => page.locator('.chat-delivery').count()).toBe(0);
    expect(await page.locator('[data-role="assistant"]').count()).toBe(assistantBefore);

    // Resolution is announced in the chat, live.
    await sql`update public.tickets set status = 'resolved' where id = ${ticket!.id}`;
    await expect.poll(() => page.locator('[data-role="system"]').filter({ hasText: 'has been resolved' }).count()).toBe(1);
    expect(await page.getByText('INTERNAL: starter relay suspected').count()).toBe(0);

    await technician.removeAllChannels();
    await context.close();
  });

  it('keeps a failed message on screen with Retry, and a retry stores it once', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signUpCustomer(page, 'Retry Customer');
    const conversationId = await askFirstQuestion(page, 'How often should I change the oil?');
    await page.locator('[data-role="assistant"]').first().waitFor({ timeout: 20_000 });

    // The assistant's function is unreachable: the message stays, marked as not sent.
    await page.route('**/functions/v1/chat', (route) => route.abort('internetdisconnected'));
    await page.getByLabel('Your message').fill('Does synthetic oil last longer?');
    await page.getByRole('button', { name: 'Send' }).click();
    const failed = page.locator('[data-testid="chat-message"].delivery-failed');
    await failed.waitFor();
    expect(await failed.textContent()).toContain('Does synthetic oil last longer?');
    expect(await failed.getByRole('alert').textContent()).toContain('Not sent');

    // Back online: Retry sends it with the same id, the assistant answers, and the database holds it once.
    await page.unroute('**/functions/v1/chat');
    await failed.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => page.locator('[data-testid="chat-message"].delivery-failed').count()).toBe(0);
    await expect.poll(() => page.locator('[data-role="assistant"]').count(), { timeout: 20_000 }).toBe(2);
    const rows = await sql`select count(*)::int as n from public.messages where conversation_id = ${conversationId} and content = 'Does synthetic oil last longer?'`;
    expect(rows[0]!.n).toBe(1);
    expect(await page.locator('[data-role="user"]').filter({ hasText: 'Does synthetic oil last longer?' }).count()).toBe(1);
    await context.close();
  });

  it("shows the asking tab its answer once, by its stream, while Realtime brings it to the customer's other tab", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signUpCustomer(page, 'Two Tab Customer');
    const backfills: string[] = [];
    page.on('request', (request) => {
      if (/\/app\/conversations\/[^/]+\/messages\?/.test(request.url())) backfills.push(request.url());
    });
    // Every Realtime frame the asking tab receives, to know when the answer's insert reached it too.
    const realtimeFrames: string[] = [];
    page.on('websocket', (socket) => socket.on('framereceived', (frame) => realtimeFrames.push(String(frame.payload))));
    const conversationId = await askFirstQuestion(page, 'How do I jump start a car with a flat battery?');
    const answers = page.locator('[data-testid="chat-message"][data-role="assistant"]');
    await answers.first().waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByTestId('live-status').textContent()).toBe('Live');

    // The same customer in a second tab, live on the same conversation.
    const otherTab = await context.newPage();
    await otherTab.goto(appUrl(`/app/conversations/${conversationId}`));
    await expect.poll(() => otherTab.getByTestId('live-status').textContent()).toBe('Live');
    const backfillsBeforeAnswer = backfills.length;

    await page.getByLabel('Your message').fill('And if the clamps spark?');
    await page.getByLabel('Your message').press('Enter');
    const answerInOtherTab = otherTab.locator('[data-testid="chat-message"][data-role="assistant"]').nth(1);
    await answerInOtherTab.waitFor({ timeout: 20_000 });
    expect(await otherTab.locator('[data-role="user"]').filter({ hasText: 'And if the clamps spark?' }).count()).toBe(1);
    const answerId = (await answerInOtherTab.getAttribute('data-message-id'))!;

    // The asking tab got the same row over Realtime as well — and still shows the answer once, with no draft left.
    await expect.poll(() => realtimeFrames.some((frame) => frame.includes(answerId)), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.locator(`[data-testid="chat-message"][data-message-id="${answerId}"]`).count()).toBe(1);
    await expect.poll(() => page.getByTestId('assistant-streaming').count()).toBe(0);
    expect(await answers.count()).toBe(2);
    expect(await page.locator('[data-role="user"]').filter({ hasText: 'And if the clamps spark?' }).count()).toBe(1);
    // The answer came with its stream: nothing was fetched back for it.
    expect(backfills.length).toBe(backfillsBeforeAnswer);
    await context.close();
  });

  it('keeps the first question through a reload before it was sent, and stores it once under the id the page chose', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signUpCustomer(page, 'Reload Customer');
    await page.route('**/functions/v1/chat', (route) => route.abort('internetdisconnected'));
    const question = 'Why does my engine light blink when I accelerate?';
    const conversationId = await askFirstQuestion(page, question);
    const failed = page.locator('[data-testid="chat-message"][data-role="user"].delivery-failed');
    await failed.waitFor();
    expect(await failed.textContent()).toContain(question);
    const clientId = (await failed.getAttribute('data-message-id'))!;
    expect(page.url()).not.toContain('engine');
    expect(await sql`select 1 from public.messages where conversation_id = ${conversationId}`).toHaveLength(0);

    // Reloaded before it could be sent: the question is still there, and is sent again (failing again, still offline).
    await page.reload();
    await page.locator(`[data-message-id="${clientId}"].delivery-failed`).waitFor();

    // Back online, reloaded once more: sent with the same id, answered, stored once.
    await page.unroute('**/functions/v1/chat');
    await page.reload();
    await page.locator('[data-testid="chat-message"][data-role="assistant"]').first().waitFor({ timeout: 20_000 });
    const questions = await sql`select id from public.messages where conversation_id = ${conversationId} and role = 'user'`;
    expect(questions.map((row) => row['id'])).toEqual([clientId]);

    // Answered, it is no longer pending: a further reload asks nothing again.
    await page.reload();
    await page.locator('[data-testid="chat-message"][data-role="assistant"]').first().waitFor();
    await expect.poll(() => page.getByTestId('live-status').textContent()).toBe('Live');
    expect(await sql`select 1 from public.messages where conversation_id = ${conversationId} and role = 'assistant'`).toHaveLength(1);
    expect(await page.locator('[data-testid="chat-message"][data-role="user"]').count()).toBe(1);
    await context.close();
  });

  it('without script, the server sends the first question: stored once, answered, and shown on the conversation page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signUpCustomer(page, 'No Script Customer');
    const conversationId = await askFirstQuestion(page, 'How often should I change the oil?');
    expect(new URL(page.url()).search).toBe('');
    const stored = await sql`select role, content from public.messages where conversation_id = ${conversationId} order by created_at, id`;
    expect(stored.map((row) => row['role'])).toEqual(['user', 'assistant']);
    expect(stored[0]!['content']).toBe('How often should I change the oil?');
    expect(await page.locator('[data-testid="chat-message"][data-role="user"]').textContent()).toContain('How often should I change the oil?');
    expect(await page.locator('[data-testid="chat-message"][data-role="assistant"]').count()).toBe(1);

    // The composer, too, posts to the server (never a GET with the message in the URL), which sends it the same way.
    await page.getByLabel('Your message').fill('Does synthetic oil last longer?');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('[data-testid="chat-message"][data-role="user"]').filter({ hasText: 'Does synthetic oil last longer?' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    expect(await page.locator('[data-testid="chat-message"][data-role="assistant"]').count()).toBe(2);
    const questions = await sql`select count(*)::int as n from public.messages where conversation_id = ${conversationId} and role = 'user'`;
    expect(questions[0]!['n']).toBe(2);
    await context.close();
  });

  it('counts unread messages on the home page, live, and clears them when the conversation is read', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signUpCustomer(page, 'Unread Customer');
    const conversationId = await askFirstQuestion(page, 'My brakes squeal when it is cold');
    await page.locator('[data-role="assistant"]').first().waitFor({ timeout: 20_000 });

    // The page marks the conversation read shortly after showing the newest message.
    await expect.poll(() => conversationIsRead(conversationId)).toBe(true);
    await page.goto(appUrl('/app'));
    await page.getByTestId('conversation-list').waitFor();
    expect(await page.getByTestId('unread-count').count()).toBe(0);
    await expect.poll(() => page.getByTestId('live-status').textContent()).toContain('live');

    // A message arrives while the customer is on the home page.
    await sql`insert into public.messages (conversation_id, role, content) values (${conversationId}, 'system', 'A technician will call you today.')`;
    await expect.poll(() => page.getByTestId('unread-count').textContent()).toBe('1');

    await page.getByRole('link', { name: /My brakes squeal/ }).click();
    await page.getByText('A technician will call you today.').waitFor();
    // The page marks the conversation read shortly after showing the newest message.
    await expect.poll(() => conversationIsRead(conversationId)).toBe(true);
    await page.goto(appUrl('/app'));
    await page.getByTestId('conversation-list').waitFor();
    expect(await page.getByTestId('unread-count').count()).toBe(0);
    await context.close();
  });

  it('acknowledges a new ticket with its number, and explains a bad VIN next to the field', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signUpCustomer(page, 'Ticket Customer');
    await page.getByRole('link', { name: 'Open a ticket instead' }).click();
    await page.waitForURL((url) => url.pathname === '/app/tickets/new');
    await page.getByLabel('Title').fill('Warning light on dashboard');
    await page.getByLabel('What happened?').fill('An orange engine light came on while driving on the highway.');
    await page.getByLabel('VIN').fill('IOQ123');
    await page.getByRole('button', { name: 'Open ticket' }).click();
    await expect.poll(() => page.locator('#field-vin-error').textContent()).toContain('17 letters and digits');

    await page.getByLabel('VIN').fill('1HGCM82633A004352');
    await page.getByRole('button', { name: 'Open ticket' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/app/tickets/') && url.pathname !== '/app/tickets/new');
    const acknowledgement = await page.getByTestId('ticket-acknowledgement').textContent();
    const number = (await page.getByTestId('ticket-number').textContent())!;
    expect(number).toMatch(/^TCK-\d{6,}$/);
    expect(acknowledgement).toContain(number);
    // Customers never see the triage internals, whatever the worker decided.
    expect(await page.getByText(/sentiment|confidence|draft reply/i).count()).toBe(0);
    await context.close();
  });
});
