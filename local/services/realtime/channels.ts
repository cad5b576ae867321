// One websocket connection and the channels it joined: phx_join / phx_leave / phx_reply /
// phx_error / phx_close, heartbeats on `phoenix`, access_token updates, broadcast, presence
// and postgres_changes bindings, processed in arrival order per connection.
import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { StackKeys } from '../keys.ts';
import { authenticate, canUseTopic, secondsUntilExpiry, tokenErrorMessage, type Subscriber } from './auth.ts';
import { FilterError } from './filters.ts';
import { postgresBindingSchema, UnknownTableError, type ChangeFeed, type ChangePayload } from './postgres-changes.ts';
import { PresenceRegistry } from './presence.ts';
import { privateOnlyReason, type TenantSettings } from './tenant-settings.ts';
import { decodeFrame, encodeFrame, ProtocolError, push, reply, type PhoenixMessage, type ProtocolVersion } from './protocol.ts';

const joinPayloadSchema = z.object({
  access_token: z.string().nullish(),
  config: z
    .object({
      broadcast: z.object({ self: z.boolean().optional(), ack: z.boolean().optional() }).passthrough().nullish(),
      presence: z.object({ key: z.string().optional(), enabled: z.boolean().optional() }).passthrough().nullish(),
      postgres_changes: z.array(postgresBindingSchema).nullish(),
      private: z.boolean().nullish(),
    })
    .passthrough()
    .default({}),
});
const accessTokenPayloadSchema = z.object({ access_token: z.string().nullish() });
const presencePayloadSchema = z.object({ event: z.enum(['track', 'untrack']), payload: z.record(z.string(), z.unknown()).optional() });
const broadcastPayloadSchema = z.object({ event: z.string(), payload: z.unknown().optional() }).passthrough();

/**
 * Which channel a member is in: the topic AND whether it was joined as private. On Supabase a public and a private
 * channel of the same name are two channels (the private one's authorisation would mean nothing if a public joiner
 * shared its broadcasts and presence), so everything the hub routes is keyed by both.
 */
export type ChannelKey = string & { readonly __channelKey: unique symbol };
export const channelKey = (topic: string, isPrivate: boolean) => `${isPrivate ? 'private' : 'public'}|${topic}` as ChannelKey;

/** Channels across every connection: where broadcasts and presence diffs go. */
export class ChannelHub {
  readonly members = new Map<ChannelKey, Set<ChannelMember>>();
  readonly presence = new PresenceRegistry();

  add(member: ChannelMember): void {
    const set = this.members.get(member.channel) ?? new Set();
    set.add(member);
    this.members.set(member.channel, set);
  }

  remove(member: ChannelMember): void {
    const set = this.members.get(member.channel);
    set?.delete(member);
    if (set?.size === 0) this.members.delete(member.channel);
  }

  /** Sends a user broadcast to every member of the channel (the sender too only when it asked for `self`). */
  broadcast(channel: ChannelKey, event: string, payload: unknown, sender?: ChannelMember): void {
    for (const member of this.members.get(channel) ?? []) {
      if (member === sender && !member.broadcastSelf) continue;
      member.connection.send(push(member.topic, 'broadcast', { type: 'broadcast', event, payload }));
    }
  }

  presenceDiff(channel: ChannelKey, diff: { joins: object; leaves: object }): void {
    for (const member of this.members.get(channel) ?? []) {
      if (member.presenceEnabled) member.connection.send(push(member.topic, 'presence_diff', diff as Record<string, unknown>, member.joinRef));
    }
  }
}

export interface ChannelMember {
  id: string;
  /** The topic on the wire (`realtime:<name>`), what every push to this member names. */
  topic: string;
  /** The channel the member is in: topic and privacy (see channelKey). */
  channel: ChannelKey;
  joinRef: string | null;
  connection: Connection;
  subscriber: Subscriber;
  isPrivate: boolean;
  broadcastSelf: boolean;
  broadcastAck: boolean;
  presenceEnabled: boolean;
  presenceKey: string;
  subscriptionIds: string[];
  expiryTimer?: NodeJS.Timeout;
}

export interface ConnectionContext {
  keys: StackKeys;
  sql: postgres.Sql;
  hub: ChannelHub;
  feed: ChangeFeed;
  settings: TenantSettings;
}

/** realtime.topic() sees the channel name without the `realtime:` prefix, as on Supabase. */
export const subTopicOf = (topic: string) => topic.replace(/^realtime:/, '');

export class Connection {
  private readonly channels = new Map<string, ChannelMember>();
  private queue: Promise<void> = Promise.resolve();
  private nextBindingId = 1;

  constructor(
    private readonly socket: WebSocket,
    private readonly vsn: ProtocolVersion,
    private readonly apiKey: string,
    private readonly context: ConnectionContext,
  ) {
    socket.on('message', (data, isBinary) => {
      const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      this.queue = this.queue.then(() => this.receive(buffer, isBinary)).catch((error: unknown) => {
        console.error('[realtime] unexpected error handling a message:', (error as Error).message);
      });
    });
    socket.on('close', () => {
      this.queue = this.queue.then(async () => {
        for (const member of [...this.channels.values()]) await this.leave(member);
      });
    });
  }

  send(message: PhoenixMessage): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(encodeFrame(message, this.vsn));
  }

  private async receive(data: Buffer, isBinary: boolean): Promise<void> {
    let message: PhoenixMessage;
    try {
      message = decodeFrame(data, isBinary, this.vsn);
    } catch (error) {
      if (error instanceof ProtocolError) return; // Phoenix drops frames it cannot decode.
      throw error;
    }
    if (message.topic === 'phoenix') {
      if (message.event === 'heartbeat') this.send(reply(message, 'ok', {}));
      return;
    }
    if (message.event === 'phx_join') return this.join(message);
    const member = this.channels.get(message.topic);
    if (!member) {
      this.send(reply(message, 'error', { reason: 'unmatched topic' }));
      return;
    }
    try {
      switch (message.event) {
        case 'phx_leave':
          await this.leave(member);
          this.send(reply(message, 'ok', {}));
          return;
        case 'access_token':
          return await this.refreshToken(member, message);
        case 'broadcast':
          return await this.broadcast(member, message);
        case 'presence':
          return await this.presence(member, message);
        default:
          this.send(reply(message, 'error', { reason: `unknown event ${message.event}` }));
      }
    } catch (error) {
      // The channel can no longer be trusted to be consistent: tell the client, which rejoins.
      console.error(`[realtime] ${message.event} on ${message.topic} failed:`, (error as Error).message);
      await this.leave(member);
      this.send(push(message.topic, 'phx_error', {}, member.joinRef));
    }
  }

  private async join(message: PhoenixMessage): Promise<void> {
    const existing = this.channels.get(message.topic);
    if (existing) await this.leave(existing);
    const parsed = joinPayloadSchema.safeParse(message.payload);
    if (!parsed.success) {
      this.send(reply(message, 'error', { reason: 'the join payload is not valid' }));
      return;
    }
    const { config, access_token } = parsed.data;
    let subscriber: Subscriber;
    try {
      subscriber = await authenticate(this.context.keys, access_token ?? this.apiKey);
    } catch (error) {
      this.send(reply(message, 'error', { reason: tokenErrorMessage(error) }));
      return;
    }
    const subTopic = subTopicOf(message.topic);
    const isPrivate = config.private === true;
    if (!isPrivate && (await this.context.settings.privateOnly())) {
      this.send(reply(message, 'error', { reason: privateOnlyReason }));
      return;
    }
    if (isPrivate && !(await this.allowed(subscriber, subTopic, 'broadcast', 'read'))) {
      this.send(reply(message, 'error', { reason: `Unauthorized: You do not have permissions to read from this Channel topic: ${subTopic}` }));
      return;
    }
    const member: ChannelMember = {
      id: randomUUID(),
      topic: message.topic,
      channel: channelKey(message.topic, isPrivate),
      joinRef: message.joinRef ?? message.ref,
      connection: this,
      subscriber,
      isPrivate,
      broadcastSelf: config.broadcast?.self === true,
      broadcastAck: config.broadcast?.ack === true,
      presenceEnabled: config.presence?.enabled !== false,
      presenceKey: config.presence?.key || randomUUID(),
      subscriptionIds: [],
    };
    const bindings = config.postgres_changes ?? [];
    let bindingIds: number[] = [];
    if (bindings.length > 0) {
      try {
        const deliver = (payload: ChangePayload) => this.send(push(member.topic, 'postgres_changes', payload as unknown as Record<string, unknown>, member.joinRef));
        const result = await this.context.feed.subscribe(subscriber, bindings, deliver, this.nextBindingId);
        this.nextBindingId += bindings.length;
        bindingIds = result.ids;
        member.subscriptionIds = result.subscriptionIds;
      } catch (error) {
        if (error instanceof UnknownTableError || error instanceof FilterError) {
          this.send(reply(message, 'error', { reason: error.message }));
          return;
        }
        throw error;
      }
    }
    this.channels.set(member.topic, member);
    this.context.hub.add(member);
    this.scheduleExpiry(member);
    this.send(
      reply(message, 'ok', {
        postgres_changes: bindings.map((binding, index) => ({
          id: bindingIds[index],
          event: binding.event,
          schema: binding.schema,
          table: binding.table,
          ...(binding.filter ? { filter: binding.filter } : {}),
        })),
      }),
    );
    if (member.presenceEnabled) {
      this.send(push(member.topic, 'presence_state', this.context.hub.presence.state(member.channel), member.joinRef));
    }
    if (bindings.length > 0) {
      this.send(
        push(member.topic, 'system', { extension: 'postgres_changes', channel: subTopic, message: 'Subscribed to PostgreSQL', status: 'ok' }, member.joinRef),
      );
    }
  }

  private async leave(member: ChannelMember): Promise<void> {
    if (this.channels.get(member.topic) !== member) return;
    this.channels.delete(member.topic);
    clearTimeout(member.expiryTimer);
    this.context.hub.remove(member);
    const diff = this.context.hub.presence.untrack(member.channel, member.id);
    if (diff) this.context.hub.presenceDiff(member.channel, diff);
    await this.context.feed.unsubscribe(member.subscriptionIds);
  }

  /** Ends a channel from the server side with a `system` error the client can show. */
  private async shutDown(member: ChannelMember, reason: string): Promise<void> {
    this.send(push(member.topic, 'system', { extension: 'system', channel: subTopicOf(member.topic), message: reason, status: 'error' }, member.joinRef));
    await this.leave(member);
    this.send(push(member.topic, 'phx_close', {}, member.joinRef));
  }

  private scheduleExpiry(member: ChannelMember): void {
    clearTimeout(member.expiryTimer);
    const seconds = secondsUntilExpiry(member.subscriber.claims);
    if (seconds === undefined) return;
    // setTimeout cannot wait longer than ~24.8 days; such tokens are checked again at refresh.
    const delay = Math.min(Math.max(seconds, 0) * 1000, 2 ** 31 - 1);
    member.expiryTimer = setTimeout(() => {
      this.queue = this.queue.then(() => this.shutDown(member, 'Token has expired'));
    }, delay);
    member.expiryTimer.unref();
  }

  private async refreshToken(member: ChannelMember, message: PhoenixMessage): Promise<void> {
    const parsed = accessTokenPayloadSchema.safeParse(message.payload);
    const token = parsed.success ? parsed.data.access_token : undefined;
    if (!token) return;
    let subscriber: Subscriber;
    try {
      subscriber = await authenticate(this.context.keys, token);
    } catch (error) {
      await this.shutDown(member, tokenErrorMessage(error));
      return;
    }
    if (member.isPrivate && !(await this.allowed(subscriber, subTopicOf(member.topic), 'broadcast', 'read'))) {
      await this.shutDown(member, `Unauthorized: You do not have permissions to read from this Channel topic: ${subTopicOf(member.topic)}`);
      return;
    }
    member.subscriber = subscriber;
    await this.context.feed.updateClaims(member.subscriptionIds, subscriber);
    this.scheduleExpiry(member);
  }

  private async broadcast(member: ChannelMember, message: PhoenixMessage): Promise<void> {
    const parsed = broadcastPayloadSchema.safeParse(message.payload);
    if (!parsed.success) {
      this.send(reply(message, 'error', { reason: 'a broadcast needs an event name' }));
      return;
    }
    if (member.isPrivate && !(await this.allowed(member.subscriber, subTopicOf(member.topic), 'broadcast', 'write'))) {
      if (member.broadcastAck) this.send(reply(message, 'error', { reason: 'Unauthorized: You do not have permissions to write to this Channel topic' }));
      return;
    }
    this.context.hub.broadcast(member.channel, parsed.data.event, parsed.data.payload ?? {}, member);
    if (member.broadcastAck) this.send(reply(message, 'ok', {}));
  }

  private async presence(member: ChannelMember, message: PhoenixMessage): Promise<void> {
    const parsed = presencePayloadSchema.safeParse(message.payload);
    if (!parsed.success) {
      this.send(reply(message, 'error', { reason: 'presence needs event track or untrack' }));
      return;
    }
    if (member.isPrivate && !(await this.allowed(member.subscriber, subTopicOf(member.topic), 'presence', 'write'))) {
      this.send(reply(message, 'error', { reason: 'Unauthorized: You do not have permissions to track presence on this Channel topic' }));
      return;
    }
    const hub = this.context.hub;
    const diff =
      parsed.data.event === 'track'
        ? hub.presence.track(member.channel, member.id, member.presenceKey, parsed.data.payload ?? {})
        : hub.presence.untrack(member.channel, member.id);
    if (diff) hub.presenceDiff(member.channel, diff);
    this.send(reply(message, 'ok', {}));
  }

  private async allowed(subscriber: Subscriber, subTopic: string, extension: 'broadcast' | 'presence', action: 'read' | 'write'): Promise<boolean> {
    try {
      return await canUseTopic(this.context.sql, subscriber, subTopic, extension, action);
    } catch {
      return false;
    }
  }
}
