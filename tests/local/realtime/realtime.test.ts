// The local Realtime service through the real realtime-js client, for both wire protocol
// versions: postgres_changes with RLS per subscriber and filters, broadcast (websocket and
// REST), private channels, presence, tokens (expired, refreshed) and heartbeats. The Postgres
// restart test is in postgres-restart.serial.test.ts (it must not run beside other files).
// Public channels are what most of these protocol tests use, so this file turns the project's "private channels
// only" setting off for its run and back on at the end; the last describe proves the setting and the separation of
// a topic's public and private channels.
import { createClient } from '@supabase/supabase-js';
import type { RealtimeChannel, RealtimePostgresChangesPayload } from '@supabase/realtime-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../support/db.ts';
import { testStack } from '../../support/stack.ts';
import { allowPublicChannels, newUser, realtimeClient, signToken, sleep, subscribed, waitFor, type Vsn } from './clients.ts';
import { collect, ensureProbeTables, insertFor, type Change, type ProbeRow } from './probe.ts';

beforeAll(async () => {
  await ensureProbeTables();
  await allowPublicChannels(true);
});
afterAll(() => allowPublicChannels(false));

describe.each<Vsn>(['1.0.0', '2.0.0'])('local Realtime, vsn %s', (vsn) => {
  it('answers heartbeats on the phoenix topic', async () => {
    const client = await realtimeClient(vsn);
    const statuses: string[] = [];
    client.onHeartbeat((status) => statuses.push(status));
    client.connect();
    await waitFor(() => client.isConnected(), 'the socket to open');
    await client.sendHeartbeat();
    await waitFor(() => statuses.includes('ok'), 'a heartbeat reply');
  });

  it('refuses an expired token and a bad token with the reason', async () => {
    const expired = await signToken(crypto.randomUUID(), { expiresInSeconds: -10 });
    const client = (await realtimeClient(vsn, expired));
    await expect(subscribed(client.channel(`expired-${vsn}`))).rejects.toThrow(/expired/);
    const forged = (await realtimeClient(vsn, `${(await newUser()).token.slice(0, -4)}AAAA`));
    await expect(subscribed(forged.channel(`forged-${vsn}`))).rejects.toThrow(/invalid JWT/);
  });

  it('refuses a subscription to an unknown table', async () => {
    const client = (await realtimeClient(vsn, (await newUser()).token));
    const channel = client.channel(`unknown-${vsn}`).on('postgres_changes', { event: '*', schema: 'public', table: 'no_such_table' }, () => {});
    await expect(subscribed(channel)).rejects.toThrow(/Unable to subscribe to changes/);
  });

  it('delivers INSERT, UPDATE and DELETE only to the owner (RLS per subscriber), with a system message', async () => {
    const [alice, bob] = [await newUser(), await newUser()];
    const aliceChannel = (await realtimeClient(vsn, alice.token)).channel(`all-a-${vsn}`);
    const bobChannel = (await realtimeClient(vsn, bob.token)).channel(`all-b-${vsn}`);
    const aliceSeen = collect(aliceChannel, { event: '*' });
    const aliceInserts = collect(aliceChannel, { event: 'INSERT' });
    const bobSeen = collect(bobChannel, { event: '*' });
    const systemMessages: Array<{ message: string }> = [];
    aliceChannel.on('system', {}, (payload) => systemMessages.push(payload));
    await Promise.all([subscribed(aliceChannel), subscribed(bobChannel)]);
    await waitFor(() => systemMessages.find((m) => m.message === 'Subscribed to PostgreSQL'), 'the system message');

    const mine = await insertFor(alice.id, 'for alice');
    const theirs = await insertFor(bob.id, 'for bob');
    // Visibility is decided against the table when the change is read (as on Supabase), so
    // each step waits for the previous one: a row deleted first is no longer visible.
    await waitFor(() => aliceSeen.length >= 1, 'alice to see her insert');
    await sql`update public.rt_probe_messages set body = 'edited' where id = ${mine.id}`;
    await waitFor(() => aliceSeen.length >= 2, 'alice to see her update');
    await sql`delete from public.rt_probe_messages where id = ${mine.id}`;

    await waitFor(() => aliceSeen.length >= 3, 'alice to see insert, update, delete');
    await waitFor(() => bobSeen.length >= 1, 'bob to see his insert');
    await sleep(300);
    expect(aliceSeen.map((change) => change.eventType)).toEqual(['INSERT', 'UPDATE', 'DELETE']);
    expect(aliceInserts).toHaveLength(1);
    const [insert, update, del] = aliceSeen as [Change, Change, Change];
    expect(insert).toMatchObject({ schema: 'public', table: 'rt_probe_messages', errors: null, new: { id: mine.id, owner: alice.id, body: 'for alice', n: 0 } });
    expect(new Date(insert.commit_timestamp).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(update.new).toMatchObject({ id: mine.id, body: 'edited' });
    expect(del.old).toEqual({ id: mine.id });
    // Rows: bob only ever receives his own. Deletes cannot be checked against RLS (the row is
    // gone); as on Supabase they reach every subscriber carrying only the primary key.
    expect(bobSeen.filter((change) => change.eventType !== 'DELETE').map((change) => (change.new as ProbeRow).id)).toEqual([theirs.id]);
    expect(bobSeen.filter((change) => change.eventType === 'DELETE').map((change) => change.old)).toEqual([{ id: mine.id }]);
  });

  it('a filter subscription receives exactly the matching rows (eq, in, gt)', async () => {
    const owner = await newUser();
    const channel = (await realtimeClient(vsn, owner.token)).channel(`filters-${vsn}`);
    const byEq = collect(channel, { event: 'INSERT', filter: 'body=eq.pick me' });
    const byIn = collect(channel, { event: 'INSERT', filter: 'n=in.(2,4)' });
    const byGt = collect(channel, { event: 'INSERT', filter: 'n=gt.3' });
    await subscribed(channel);
    for (const [body, n] of [['pick me', 1], ['skip me', 2], ['other', 3], ['more', 4], ['pick me', 5]] as const) await insertFor(owner.id, body, n);
    await waitFor(() => byGt.length >= 2 && byIn.length >= 2 && byEq.length >= 2, 'filtered rows');
    await sleep(300);
    expect(byEq.map((c) => (c.new as ProbeRow).n)).toEqual([1, 5]);
    expect(byIn.map((c) => (c.new as ProbeRow).n)).toEqual([2, 4]);
    expect(byGt.map((c) => (c.new as ProbeRow).n)).toEqual([4, 5]);
  });

  it('broadcasts between two clients, with self and ack', async () => {
    const [a, b] = [(await realtimeClient(vsn, (await newUser()).token)), (await realtimeClient(vsn, (await newUser()).token))];
    const topic = `chat-${vsn}`;
    const sender = a.channel(topic, { config: { broadcast: { self: true, ack: true } } });
    const listener = b.channel(topic);
    const atSender: unknown[] = [];
    const atListener: unknown[] = [];
    sender.on('broadcast', { event: 'typing' }, ({ payload }) => atSender.push(payload));
    listener.on('broadcast', { event: 'typing' }, ({ payload }) => atListener.push(payload));
    await Promise.all([subscribed(sender), subscribed(listener)]);
    expect(await sender.send({ type: 'broadcast', event: 'typing', payload: { who: 'a', text: 'héllo ✓' } })).toBe('ok');
    await waitFor(() => atListener.length === 1 && atSender.length === 1, 'the broadcast at both ends');
    expect(atListener[0]).toEqual({ who: 'a', text: 'héllo ✓' });

    const quiet = a.channel(`${topic}-noself`);
    const atQuiet: unknown[] = [];
    quiet.on('broadcast', { event: 'typing' }, ({ payload }) => atQuiet.push(payload));
    const quietListener = b.channel(`${topic}-noself`);
    const atQuietListener: unknown[] = [];
    quietListener.on('broadcast', { event: 'typing' }, ({ payload }) => atQuietListener.push(payload));
    await Promise.all([subscribed(quiet), subscribed(quietListener)]);
    await quiet.send({ type: 'broadcast', event: 'typing', payload: { n: 1 } });
    await waitFor(() => atQuietListener.length === 1, 'the broadcast at the other client');
    await sleep(200);
    expect(atQuiet).toEqual([]);
  });

  it('broadcasts over REST: httpSend and send() before joining', async () => {
    const listenerClient = (await realtimeClient(vsn, (await newUser()).token));
    const topic = `rest-${vsn}`;
    const listener = listenerClient.channel(topic);
    const received: unknown[] = [];
    listener.on('broadcast', { event: 'ping' }, ({ payload }) => received.push(payload));
    await subscribed(listener);
    const senderClient = (await realtimeClient(vsn, (await newUser()).token));
    await expect(senderClient.channel(topic).httpSend('ping', { via: 'httpSend' })).resolves.toEqual({ success: true });
    const notJoined = senderClient.channel(topic);
    const warn = console.warn;
    console.warn = () => {};
    try {
      expect(await notJoined.send({ type: 'broadcast', event: 'ping', payload: { via: 'rest batch' } })).toBe('ok');
    } finally {
      console.warn = warn;
    }
    await waitFor(() => received.length === 2, 'both REST broadcasts');
    expect(received).toEqual([{ via: 'httpSend' }, { via: 'rest batch' }]);
  });

  it('private channels follow the RLS policies on realtime.messages', async () => {
    const [owner, stranger] = [await newUser(), await newUser()];
    const room = `room-${owner.id}`;
    const ownerChannel = (await realtimeClient(vsn, owner.token)).channel(room, { config: { private: true, broadcast: { ack: true, self: true } } });
    const received: unknown[] = [];
    ownerChannel.on('broadcast', { event: 'note' }, ({ payload }) => received.push(payload));
    await subscribed(ownerChannel);
    expect(await ownerChannel.send({ type: 'broadcast', event: 'note', payload: { ok: true } })).toBe('ok');
    await waitFor(() => received.length === 1, 'the private broadcast');
    const strangerChannel = (await realtimeClient(vsn, stranger.token)).channel(room, { config: { private: true } });
    await expect(subscribed(strangerChannel)).rejects.toThrow(/Unauthorized/);
    const rest = await (await realtimeClient(vsn, stranger.token)).channel(room, { config: { private: true } }).httpSend('note', { sneaky: true }).catch((e: Error) => e);
    expect(rest).toBeInstanceOf(Error);
  });

  it('tracks presence between two clients: state on join, joins and leaves', async () => {
    const topic = `presence-${vsn}`;
    const first = (await realtimeClient(vsn, (await newUser()).token)).channel(topic, { config: { presence: { key: 'technician-1' } } });
    const syncs: number[] = [];
    const leaves: string[] = [];
    first.on('presence', { event: 'sync' }, () => syncs.push(Object.keys(first.presenceState()).length));
    first.on('presence', { event: 'leave' }, ({ key }) => leaves.push(key));
    await subscribed(first);
    expect(await first.track({ online_at: 'now' })).toBe('ok');

    const second = (await realtimeClient(vsn, (await newUser()).token)).channel(topic, { config: { presence: { key: 'customer-1' } } });
    second.on('presence', { event: 'sync' }, () => {});
    await subscribed(second);
    await waitFor(() => second.presenceState()['technician-1'], 'the state sent on join');
    expect(second.presenceState()['technician-1']![0]).toMatchObject({ online_at: 'now' });
    await second.track({ typing: false });
    await waitFor(() => first.presenceState()['customer-1'], 'the join diff');
    await second.untrack();
    await waitFor(() => leaves.includes('customer-1'), 'the leave diff');
    expect(first.presenceState()['customer-1']).toBeUndefined();
  });

  it('switches claims when the client sends a new access_token mid-connection, and closes on an expired one', async () => {
    const [alice, bob] = [await newUser(), await newUser()];
    const client = await realtimeClient(vsn);
    await client.setAuth(alice.token);
    const channel = client.channel(`switch-${vsn}`);
    const seen = collect(channel, { event: 'INSERT' });
    const system: Array<{ status: string; message: string }> = [];
    channel.on('system', {}, (payload) => system.push(payload));
    await subscribed(channel);
    await insertFor(alice.id, 'alice 1');
    await waitFor(() => seen.length === 1, 'alice row');
    await client.setAuth(bob.token);
    // The new token takes effect when the service reads it, with no reply to wait for: a row of bob's arriving
    // proves the switch (only bob's claims can see it). Until then bob's rows may go by unseen, so probe again.
    for (let probe = 1; !seen.some((c) => (c.new as ProbeRow).owner === bob.id); probe++) {
      if (probe > 20) throw new Error('bob never received his rows after the token switch');
      await insertFor(bob.id, `bob probe ${probe}`);
      await sleep(250);
    }
    await insertFor(alice.id, 'alice 2');
    await insertFor(bob.id, 'bob last');
    await waitFor(() => seen.some((c) => (c.new as ProbeRow).body === 'bob last'), 'bob row after the switch');
    await sleep(300);
    const bodies = seen.map((c) => (c.new as ProbeRow).body);
    expect(bodies[0]).toBe('alice 1');
    expect(bodies).not.toContain('alice 2');
    expect(seen.slice(1).every((c) => (c.new as ProbeRow).owner === bob.id)).toBe(true);

    await client.setAuth(await signToken(bob.id, { expiresInSeconds: -5 }));
    await waitFor(() => system.find((m) => m.status === 'error' && /expired/.test(m.message)), 'the expiry system error');
    await waitFor(() => channel.state === 'closed', 'the channel to close');
  });
});

describe('local Realtime through supabase-js', () => {
  it('createClient(...).channel(...) receives the signed-in user’s rows', async () => {
    const user = await newUser();
    const supabase = createClient(testStack.SUPABASE_URL, testStack.SUPABASE_ANON_KEY);
    await supabase.realtime.setAuth(user.token);
    const received: Change[] = [];
    const channel = supabase.channel('supabase-js').on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'rt_probe_messages' }, (p: Change) => received.push(p));
    await subscribed(channel);
    const row = await insertFor(user.id, 'via supabase-js');
    await waitFor(() => received.length === 1, 'the insert');
    expect(received[0]!.new).toMatchObject({ id: row.id });
    await supabase.removeChannel(channel);
  });
});

describe.each<Vsn>(['1.0.0', '2.0.0'])('private and public channels of one topic, vsn %s', (vsn) => {
  it("keeps a private channel's broadcasts and presence from a public joiner of the same topic", async () => {
    const [owner, stranger] = [await newUser(), await newUser()];
    const room = `room-${owner.id}`;
    const ownerChannel = (await realtimeClient(vsn, owner.token)).channel(room, { config: { private: true, broadcast: { ack: true }, presence: { key: 'owner' } } });
    const strangerChannel = (await realtimeClient(vsn, stranger.token)).channel(room, { config: { broadcast: { ack: true }, presence: { key: 'stranger' } } });
    const atOwner: unknown[] = [];
    const atStranger: unknown[] = [];
    ownerChannel.on('broadcast', { event: 'typing' }, ({ payload }) => atOwner.push(payload));
    strangerChannel.on('broadcast', { event: 'typing' }, ({ payload }) => atStranger.push(payload));
    ownerChannel.on('presence', { event: 'sync' }, () => {});
    strangerChannel.on('presence', { event: 'sync' }, () => {});
    await subscribed(ownerChannel);
    await subscribed(strangerChannel);

    expect(await ownerChannel.track({ name: 'Owner', role: 'customer' })).toBe('ok');
    expect(await ownerChannel.send({ type: 'broadcast', event: 'typing', payload: { from: 'owner' } })).toBe('ok');
    // What the public joiner sends stays in the public channel too: no presence or typing "as a technician".
    expect(await strangerChannel.track({ name: 'Mallory', role: 'technician' })).toBe('ok');
    expect(await strangerChannel.send({ type: 'broadcast', event: 'typing', payload: { from: 'stranger' } })).toBe('ok');
    // The REST API with the anon key and `private` omitted addresses the public channel.
    const rest = await fetch(`${testStack.SUPABASE_URL}/realtime/v1/api/broadcast`, {
      method: 'POST',
      headers: { apikey: testStack.SUPABASE_ANON_KEY, 'Content-Type': 'application/json' },
      body: JSON.stringify({ messages: [{ topic: room, event: 'typing', payload: { from: 'rest' } }] }),
    });
    expect(rest.status).toBe(202);

    await waitFor(() => atStranger.some((payload) => (payload as { from: string }).from === 'rest'), 'the REST broadcast in the public channel');
    // A private control message after everything else: once it arrives, anything that leaked would have too.
    expect(await ownerChannel.send({ type: 'broadcast', event: 'typing', payload: { from: 'owner-again' } })).toBe('ok');
    const ownerControl = (await realtimeClient(vsn, owner.token)).channel(room, { config: { private: true } });
    const atControl: unknown[] = [];
    ownerControl.on('broadcast', { event: 'typing' }, ({ payload }) => atControl.push(payload));
    ownerControl.on('presence', { event: 'sync' }, () => {});
    await subscribed(ownerControl);
    expect(await ownerChannel.send({ type: 'broadcast', event: 'typing', payload: { from: 'owner-last' } })).toBe('ok');
    await waitFor(() => atControl.length === 1, 'the last private broadcast');
    await waitFor(() => ownerControl.presenceState()['owner'], 'the private presence state');

    expect(atOwner).toEqual([]); // broadcast.self is off: the owner hears no one, not the stranger nor REST
    expect(atStranger).toEqual([{ from: 'rest' }]);
    expect(Object.keys(strangerChannel.presenceState())).toEqual(['stranger']);
    expect(Object.keys(ownerChannel.presenceState())).toEqual(['owner']);
    expect(Object.keys(ownerControl.presenceState())).toEqual(['owner']);
  });

  it('refuses public joins and public REST broadcasts while public access is off', async () => {
    const user = await newUser();
    await allowPublicChannels(false);
    try {
      const publicChannel = (await realtimeClient(vsn, user.token)).channel(`room-${user.id}`);
      await expect(subscribed(publicChannel)).rejects.toThrow(/PrivateOnly: This project only allows private channels/);
      const rest = await fetch(`${testStack.SUPABASE_URL}/realtime/v1/api/broadcast`, {
        method: 'POST',
        headers: { apikey: testStack.SUPABASE_ANON_KEY, 'Content-Type': 'application/json' },
        body: JSON.stringify({ messages: [{ topic: `room-${user.id}`, event: 'typing', payload: {} }] }),
      });
      expect(rest.status).toBe(403);
      expect(await rest.json()).toEqual({ error: 'PrivateOnly: This project only allows private channels' });
      // Private channels are unaffected.
      await subscribed((await realtimeClient(vsn, user.token)).channel(`room-${user.id}`, { config: { private: true } }));
    } finally {
      await allowPublicChannels(true);
    }
  });
});
