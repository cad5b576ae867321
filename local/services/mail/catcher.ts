// The local mail catcher, as the Supabase CLI ships Mailpit: an SMTP server on 127.0.0.1 that accepts every
// message (no authentication, no relaying), and an HTTP server with the part of Mailpit's REST API tests and
// developers use, plus a small inbox page. `smtp-server` speaks SMTP and `mailparser` reads MIME (both from the
// Nodemailer project, maintained for a decade): a hand-written SMTP dialogue and MIME parser would be far longer
// and get multipart, encodings and dot-stuffing wrong.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { z } from 'zod';
import { readBody, sendJson } from '../http.ts';
import { createMessageStore, matchesQuery, summarise, type CaughtMessage, type MessageStore } from './store.ts';
import { inboxPage, messagePage } from './web-ui.ts';

export interface MailCatcherOptions {
  smtpPort: number;
  httpPort: number;
  host?: string;
}

export interface MailCatcher {
  smtpPort: number;
  httpPort: number;
  store: MessageStore;
  close(): Promise<void>;
}

/** Larger than any mail the stack sends; Mailpit's own default has no limit, a local catcher needs one. */
const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

const deleteBodySchema = z.object({ IDs: z.array(z.string()).optional() }).passthrough();
const pagingSchema = z.object({
  start: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});

export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1';
  const store = createMessageStore();

  const smtp = new SMTPServer({
    authOptional: true,
    // Plain SMTP on the loopback address, as Mailpit's default: there is nothing to protect in transit.
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    banner: 'Support Hub local mail catcher',
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const stats = stream as unknown as { sizeExceeded?: boolean; byteLength?: number };
          if (stats.sizeExceeded) {
            callback(Object.assign(new Error('Message exceeds fixed maximum message size'), { responseCode: 552 }));
            return;
          }
          const envelope = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
          };
          store.add(parsed, envelope, stats.byteLength ?? 0);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort, host, () => resolve());
  });
  // Later errors (a client dropping mid-message) are the client's problem, not the stack's.
  smtp.on('error', () => {});

  const http: Server = createServer((request, response) => {
    handleHttp(request, response, store).catch((error: Error) => {
      sendJson(response, 500, { error: error.message });
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.httpPort, host, () => resolve());
  });

  return {
    smtpPort: (smtp.server.address() as AddressInfo).port,
    httpPort: (http.address() as AddressInfo).port,
    store,
    async close() {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function listResponse(all: CaughtMessage[], matched: CaughtMessage[], query: URLSearchParams) {
  const paging = pagingSchema.safeParse({ start: query.get('start') ?? undefined, limit: query.get('limit') ?? undefined });
  const { start, limit } = paging.success ? paging.data : { start: 0, limit: 50 };
  const page = matched.slice(start, start + limit);
  return {
    total: all.length,
    unread: all.filter((message) => !message.Read).length,
    count: page.length,
    messages_count: matched.length,
    start,
    tags: [],
    messages: page.map(summarise),
  };
}

function sendText(response: ServerResponse, status: number, text: string, type = 'text/plain; charset=utf-8'): void {
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

async function handleHttp(request: IncomingMessage, response: ServerResponse, store: MessageStore): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://local');
  const method = request.method ?? 'GET';
  const path = url.pathname.replace(/\/+$/, '') || '/';

  if (path === '/api/v1/messages' && method === 'GET') {
    const all = store.list();
    return sendJson(response, 200, listResponse(all, all, url.searchParams));
  }
  if (path === '/api/v1/messages' && method === 'DELETE') {
    const text = (await readBody(request, 1024 * 1024)).toString('utf8');
    let body: z.infer<typeof deleteBodySchema> = {};
    if (text.trim() !== '') {
      const parsed = deleteBodySchema.safeParse(safeJson(text));
      if (!parsed.success) return sendText(response, 400, 'invalid request body: expected {"IDs": ["…"]}');
      body = parsed.data;
    }
    store.remove(body.IDs);
    return sendText(response, 200, 'ok');
  }
  if (path === '/api/v1/search' && method === 'GET') {
    const query = url.searchParams.get('query') ?? '';
    if (query.trim() === '') return sendText(response, 400, 'no search query');
    const all = store.list();
    return sendJson(response, 200, listResponse(all, all.filter((message) => matchesQuery(message, query)), url.searchParams));
  }
  const messageMatch = /^\/api\/v1\/message\/([^/]+)$/.exec(path);
  if (messageMatch && method === 'GET') {
    const message = store.find(decodeURIComponent(messageMatch[1]!));
    if (!message) return sendText(response, 404, 'message not found');
    message.Read = true;
    const { Date: date, InReplyTo, References, ...fields } = message;
    return sendJson(response, 200, { ...fields, Date: date, InReplyTo, References, Tags: [], Inline: [] });
  }
  if (path === '/' && method === 'GET') return sendText(response, 200, inboxPage(store.list()), 'text/html; charset=utf-8');
  const viewMatch = /^\/view\/([^/]+)$/.exec(path);
  if (viewMatch && method === 'GET') {
    const message = store.find(decodeURIComponent(viewMatch[1]!));
    if (!message) return sendText(response, 404, 'message not found');
    message.Read = true;
    return sendText(response, 200, messagePage(message), 'text/html; charset=utf-8');
  }
  return sendText(response, 404, 'not found');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
