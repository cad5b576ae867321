// The chat's live feed through the real supabase-js client: a customer subscribed to public.messages receives their
// own conversations' messages — on a filtered conversation channel and on an unfiltered live-update one — and
// never another customer's, nor an internal note (RLS per subscriber).
import { afterAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { userWithRole } from '../kb/support.ts';
import { sql } from '../support/db.ts';

const clients: SupabaseClient[] = [];
afterAll(async () => {
  for (const client of clients) await client.removeAllChannels();
});

async function subscribed(channel: ReturnType<SupabaseClient['channel']>): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    channel.subscribe((status, error) => (status === 'SUBSCRIBED' ? resolve() : status === 'CHANNEL_ERROR' || status === 'TIMED_OUT' ? reject(error ?? new Error(status)) : undefined)),
  );
}

async function waitUntil(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('live chat messages', () => {
  it('delivers a customer their own conversation messages only, never internal notes', async () => {
    const [alice, bob, technician] = [await userWithRole('customer'), await userWithRole('customer'), await userWithRole('technician')];
    clients.push(alice.client, bob.client);
    const [aliceConversation] = await sql`insert into public.conversations (customer_id, title) values (${alice.id}, 'Alice live') returning id`;
    const [bobConversation] = await sql`insert into public.conversations (customer_id, title) values (${bob.id}, 'Bob live') returning id`;
    await sql`insert into public.tickets (customer_id, subject, conversation_id) values (${alice.id}, 'Alice ticket', ${aliceConversation!.id})`;

    const onPrivate: string[] = [];
    const onPublic: string[] = [];
    const privateChannel = alice.client
      .channel(`conversation:${aliceConversation!.id}`, { config: { private: true } })
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'messages', filter: `conversation_id=eq.${aliceConversation!.id}` }, (payload) =>
        onPrivate.push(String(payload.new['content'])),
      );
    const publicChannel = alice.client
      .channel(`live:inbox-${alice.id}`, { config: { private: true } })
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'messages' }, (payload) => onPublic.push(String(payload.new['content'])));
    await subscribed(privateChannel);
    await subscribed(publicChannel);

    await sql`insert into public.messages (conversation_id, role, content) values (${bobConversation!.id}, 'system', 'for bob')`;
    await sql`insert into public.messages (conversation_id, sender_id, role, content, is_internal_note) values (${aliceConversation!.id}, ${technician.id}, 'technician', 'internal about alice', true)`;
    await sql`insert into public.messages (conversation_id, sender_id, role, content) values (${aliceConversation!.id}, ${technician.id}, 'technician', 'hello alice')`;

    await waitUntil(() => onPrivate.includes('hello alice') && onPublic.includes('hello alice'), 'alice to receive her message on both channels');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(onPrivate).toEqual(['hello alice']);
    expect(onPublic).toEqual(['hello alice']);
  });
});
