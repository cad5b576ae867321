// The headers every page and data response carries (issue 20 point 5). One home: entry.server.tsx applies them to
// documents (with the request's script nonce) and to loader/action data, server.ts to its refusals; resource routes
// that serve files set their own Cache-Control beside them.
import { randomBytes } from 'node:crypto';

/** A fresh nonce for one document: Remix's inline scripts carry it, and the CSP allows only scripts that do. */
export function newScriptNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The page may load its own scripts and those carrying this request's nonce, talk to itself and to the Supabase
 * project (REST, Auth, Realtime's websocket), show images and play recordings from its Storage (attachments, by
 * signed URL), and be framed by nobody. Styles allow inline attributes because
 * React's `style={…}` props (chart bars) render as style attributes; no script can be injected through them.
 */
export function contentSecurityPolicy({ nonce, supabaseUrl }: { nonce: string; supabaseUrl: string }): string {
  const supabase = new URL(supabaseUrl);
  const realtime = `${supabase.protocol === 'https:' ? 'wss:' : 'ws:'}//${supabase.host}`;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${supabase.origin}`,
    `media-src 'self' blob: ${supabase.origin}`,
    "font-src 'self'",
    `connect-src 'self' ${supabase.origin} ${realtime}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Whether the request carries a Supabase session (the @supabase/ssr cookie `sb-<ref>-auth-token`, maybe chunked). */
export function hasSessionCookie(request: Request): boolean {
  return /(?:^|;\s*)sb-[^=;]*-auth-token(?:\.\d+)?=/.test(request.headers.get('Cookie') ?? '');
}

function servedOverHttps(request: Request): boolean {
  // Behind a proxy that terminates TLS the app itself sees http; the proxy says so in X-Forwarded-Proto.
  return new URL(request.url).protocol === 'https:' || request.headers.get('X-Forwarded-Proto')?.split(',')[0]?.trim() === 'https';
}

/** Headers for every response: no sniffing, no framing, no referrer beyond this site, HSTS over https, and
 * nothing a signed-in person saw kept by a shared or browser cache. */
export function applySecurityHeaders(headers: Headers, request: Request): void {
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('X-Frame-Options', 'DENY');
  headers.set('Referrer-Policy', 'same-origin');
  if (servedOverHttps(request)) headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  if (hasSessionCookie(request)) headers.set('Cache-Control', 'private, no-store');
}

/**
 * A form posted from another site: its Origin names another host than the one it was sent to. The app's server
 * (server.ts) answers such a request with crossOriginRefusal before Remix runs, for documents and `.data` alike:
 * Remix's own CSRF check (the same rule: Origin against X-Forwarded-Host, else Host) would throw, and a document POST
 * would answer 500. Same rule as Remix's, so the two always agree.
 */
export function isCrossOriginAction(request: { method: string; headers: Pick<Headers, 'get'> }): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return false;
  const origin = request.headers.get('Origin');
  if (!origin || origin === 'null') return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  const host = request.headers.get('X-Forwarded-Host')?.split(',')[0]?.trim() || request.headers.get('Host');
  return !host || originHost !== host;
}

export function crossOriginRefusal(request: Request): Response {
  const headers = new Headers({ 'Content-Type': 'text/plain; charset=utf-8' });
  applySecurityHeaders(headers, request);
  return new Response('This form was sent from another website, so it was not accepted. Open Support Hub and try again there.', { status: 403, headers });
}
