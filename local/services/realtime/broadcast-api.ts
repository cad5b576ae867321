// The REST side of Broadcast: `POST /api/broadcast` ({ messages: [...] }, what realtime-js
// `channel.send()` falls back to before a channel is joined) and
// `POST /api/broadcast/<topic>/events/<event>` (`channel.httpSend()`). Both answer 202.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type postgres from 'postgres';
import { z } from 'zod';
import { bearerToken, type StackKeys } from '../keys.ts';
import { corsHeaders, readBody, sendJson } from '../http.ts';
import { authenticate, canUseTopic, tokenErrorMessage, type Subscriber } from './auth.ts';
import { channelKey, type ChannelHub } from './channels.ts';
import { privateOnlyReason, type TenantSettings } from './tenant-settings.ts';

const batchSchema = z.object({
  messages: z.array(z.object({ topic: z.string().min(1), event: z.string().min(1), payload: z.unknown().optional(), private: z.boolean().optional() })).min(1),
});

export async function handleBroadcastApi(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  context: { keys: StackKeys; sql: postgres.Sql; hub: ChannelHub; settings: TenantSettings },
): Promise<void> {
  if (request.method !== 'POST') {
    sendJson(response, 405, { error: 'use POST' }, corsHeaders);
    return;
  }
  const url = new URL(path, 'http://local');
  const token = bearerToken(request.headers.authorization) ?? (request.headers.apikey as string | undefined);
  if (!token) {
    sendJson(response, 401, { error: 'an apikey header or Authorization bearer token is required' }, corsHeaders);
    return;
  }
  let subscriber: Subscriber;
  try {
    subscriber = await authenticate(context.keys, token);
  } catch (error) {
    sendJson(response, 401, { error: tokenErrorMessage(error) }, corsHeaders);
    return;
  }
  let body: Buffer;
  try {
    body = await readBody(request, 1024 * 1024);
  } catch {
    sendJson(response, 413, { error: 'the broadcast body is larger than 1 MB' }, corsHeaders);
    return;
  }
  const single = /^\/api\/broadcast\/([^/]+)\/events\/([^/]+)$/.exec(url.pathname);
  let messages: z.infer<typeof batchSchema>['messages'];
  if (single) {
    const isJson = !String(request.headers['content-type'] ?? '').includes('octet-stream');
    let payload: unknown = body;
    if (isJson) {
      try {
        payload = JSON.parse(body.toString('utf8'));
      } catch {
        sendJson(response, 400, { error: 'the body is not valid JSON' }, corsHeaders);
        return;
      }
    }
    messages = [{ topic: decodeURIComponent(single[1]!), event: decodeURIComponent(single[2]!), payload, private: url.searchParams.get('private') === 'true' }];
  } else {
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      sendJson(response, 400, { error: 'the body is not valid JSON' }, corsHeaders);
      return;
    }
    const parsed = batchSchema.safeParse(json);
    if (!parsed.success) {
      sendJson(response, 400, { error: 'expected { messages: [{ topic, event, payload, private? }] }' }, corsHeaders);
      return;
    }
    messages = parsed.data.messages;
  }
  // A message goes to the channel it names: private only when it says `private: true` (then authorised as a private
  // join's send would be), public otherwise — and with public access off, a public message is refused like a public join.
  const privateOnly = await context.settings.privateOnly();
  for (const message of messages) {
    if (!message.private && privateOnly) {
      sendJson(response, 403, { error: privateOnlyReason }, corsHeaders);
      return;
    }
    if (message.private && !(await canUseTopic(context.sql, subscriber, message.topic, 'broadcast', 'write').catch(() => false))) {
      sendJson(response, 403, { error: `Unauthorized: You do not have permissions to write to this Channel topic: ${message.topic}` }, corsHeaders);
      return;
    }
  }
  for (const message of messages) {
    context.hub.broadcast(channelKey(`realtime:${message.topic}`, message.private === true), message.event, message.payload ?? {});
  }
  response.writeHead(202, corsHeaders).end();
}
