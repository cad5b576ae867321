// The Phoenix channel wire format as the installed @supabase/realtime-js speaks it:
// - vsn 1.0.0: JSON objects {join_ref, ref, topic, event, payload};
// - vsn 2.0.0: JSON arrays [join_ref, ref, topic, event, payload], except user broadcasts,
//   which travel as binary frames (kind 3 client→server "user broadcast push", kind 4
//   server→client "user broadcast"; see realtime-js lib/serializer.ts).
import { z } from 'zod';

export type ProtocolVersion = '1.0.0' | '2.0.0';

export interface PhoenixMessage {
  joinRef: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: Record<string, unknown>;
}

const payloadSchema = z.record(z.string(), z.unknown());
const objectFrameSchema = z.object({
  join_ref: z.string().nullish(),
  ref: z.string().nullish(),
  topic: z.string(),
  event: z.string(),
  payload: payloadSchema,
});
const arrayFrameSchema = z.tuple([z.string().nullable(), z.string().nullable(), z.string(), z.string(), payloadSchema]);

const USER_BROADCAST_PUSH = 3;
const USER_BROADCAST = 4;
const BINARY_ENCODING = 0;
const JSON_ENCODING = 1;

export class ProtocolError extends Error {}

export function decodeFrame(data: Buffer, isBinary: boolean, vsn: ProtocolVersion): PhoenixMessage {
  if (isBinary) return decodeUserBroadcastPush(data);
  let json: unknown;
  try {
    json = JSON.parse(data.toString('utf8'));
  } catch {
    throw new ProtocolError('frame is not JSON');
  }
  if (vsn === '1.0.0') {
    const frame = objectFrameSchema.safeParse(json);
    if (!frame.success) throw new ProtocolError('frame is not a Phoenix message object');
    const { join_ref, ref, topic, event, payload } = frame.data;
    return { joinRef: join_ref ?? null, ref: ref ?? null, topic, event, payload };
  }
  const frame = arrayFrameSchema.safeParse(json);
  if (!frame.success) throw new ProtocolError('frame is not a Phoenix message array');
  const [joinRef, ref, topic, event, payload] = frame.data;
  return { joinRef, ref, topic, event, payload };
}

function decodeUserBroadcastPush(data: Buffer): PhoenixMessage {
  if (data.length < 7 || data[0] !== USER_BROADCAST_PUSH) throw new ProtocolError('unknown binary frame kind');
  const [joinRefLength, refLength, topicLength, eventLength, metadataLength, encoding] = [1, 2, 3, 4, 5, 6].map((i) => data[i]!);
  let offset = 7;
  const take = (length: number) => {
    const slice = data.subarray(offset, offset + length);
    offset += length;
    return slice;
  };
  const joinRef = take(joinRefLength!).toString('utf8');
  const ref = take(refLength!).toString('utf8');
  const topic = take(topicLength!).toString('utf8');
  const event = take(eventLength!).toString('utf8');
  const metadata = take(metadataLength!).toString('utf8');
  const body = data.subarray(offset);
  let userPayload: unknown;
  try {
    userPayload = encoding === JSON_ENCODING ? JSON.parse(body.toString('utf8')) : body;
  } catch {
    throw new ProtocolError('broadcast payload is not JSON');
  }
  const payload: Record<string, unknown> = { type: 'broadcast', event, payload: userPayload };
  if (metadata) Object.assign(payload, JSON.parse(metadata) as object);
  return { joinRef: joinRef || null, ref: ref || null, topic, event: 'broadcast', payload };
}

/** Encodes a server message; user broadcasts on vsn 2.0.0 become binary kind-4 frames. */
export function encodeFrame(message: PhoenixMessage, vsn: ProtocolVersion): string | Buffer {
  if (vsn === '1.0.0') {
    return JSON.stringify({ join_ref: message.joinRef, ref: message.ref, topic: message.topic, event: message.event, payload: message.payload });
  }
  if (message.event === 'broadcast' && typeof message.payload.event === 'string') {
    return encodeUserBroadcast(message.topic, message.payload.event, message.payload.payload);
  }
  return JSON.stringify([message.joinRef, message.ref, message.topic, message.event, message.payload]);
}

function encodeUserBroadcast(topic: string, event: string, userPayload: unknown): Buffer {
  const isBinary = Buffer.isBuffer(userPayload);
  const topicBytes = Buffer.from(topic, 'utf8');
  const eventBytes = Buffer.from(event, 'utf8');
  const body = isBinary ? (userPayload as Buffer) : Buffer.from(JSON.stringify(userPayload ?? {}), 'utf8');
  const header = Buffer.from([USER_BROADCAST, topicBytes.length, eventBytes.length, 0, isBinary ? BINARY_ENCODING : JSON_ENCODING]);
  return Buffer.concat([header, topicBytes, eventBytes, body]);
}

export function reply(request: PhoenixMessage, status: 'ok' | 'error', response: Record<string, unknown>): PhoenixMessage {
  return { joinRef: request.joinRef, ref: request.ref, topic: request.topic, event: 'phx_reply', payload: { status, response } };
}

export function push(topic: string, event: string, payload: Record<string, unknown>, joinRef: string | null = null): PhoenixMessage {
  return { joinRef, ref: null, topic, event, payload };
}
