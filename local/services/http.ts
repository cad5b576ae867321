// Small HTTP helpers shared by the local services.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** A service mounted by the gateway under a path prefix (e.g. /auth/v1). */
export interface MountedService {
  prefix: string;
  /** Handles a request; `path` is the URL path below the prefix, with its query string. */
  handle(request: IncomingMessage, response: ServerResponse, path: string): void | Promise<void>;
  /** Handles a websocket upgrade below the prefix (Realtime). */
  upgrade?(request: IncomingMessage, socket: Duplex, head: Buffer, path: string): void;
  close?(): Promise<void>;
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (response.headersSent) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

export async function readBody(request: IncomingMessage, limitBytes = 10 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export const corsHeaders: Record<string, string> = {
  'access-control-allow-origin': '*',
  // x-upsert, cache-control and x-metadata: storage-js uploads from a browser send them.
  'access-control-allow-headers': 'authorization, x-client-info, apikey, content-type, x-supabase-api-version, accept-profile, content-profile, prefer, range, x-upsert, cache-control, x-metadata',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-expose-headers': 'x-supabase-api-version, content-range, content-length, content-disposition, etag, last-modified',
};
