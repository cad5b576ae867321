// One Supabase client per request, reading the session from the request's cookies and
// collecting every cookie it wants to set (token refresh, sign-in, sign-out) into `headers`,
// which the loader or action must return so the browser keeps the new session.
//
// Sign-in, sign-up and password-reset requests use their own client (createSupabaseSignInClient): the secret key plus the client's address, so
// Auth's per-address limits count each person instead of the app server (decision 0013).
import { isIP } from 'node:net';
import type { AppLoadContext } from '@remix-run/node';
import { createServerClient, parseCookieHeader, serializeCookieHeader } from '@supabase/ssr';
import type { Database } from '../../../types/database.types';
import { serverEnv } from '~/lib/server/env.server';

export function createSupabaseServerClient(request: Request) {
  const env = serverEnv();
  return createClientFor(request, env.SUPABASE_ANON_KEY, {});
}

/**
 * The client address of a request. With no trusted proxy it is the connection's peer, which the app's server
 * (server.ts) puts in the load context. Behind `trustedHops` proxies it comes from X-Forwarded-For as they left it:
 * each appends the address it saw, so the client is the entry that many places from the right (anything further
 * left was written by the client and may be a lie). Undefined when the header is shorter than the chain (the
 * request bypassed a proxy), no peer is known (a route called without the server), or it is not an IP address.
 */
export function clientAddress(request: Request, trustedHops: number, context?: AppLoadContext): string | undefined {
  if (trustedHops < 1) {
    // Reached directly: the connection's peer is the client. Node writes an IPv4 peer on a dual-stack socket as
    // an IPv4-mapped IPv6 address; Auth records the plain form.
    const peer = context?.clientAddress?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
    return peer && isIP(peer) ? peer : undefined;
  }
  const entries = (request.headers.get('X-Forwarded-For') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  const candidate = entries[entries.length - trustedHops];
  return candidate && isIP(candidate) ? candidate : undefined;
}

let warnedWithoutSecretKey = false;

/**
 * For `signInWithPassword`, `signUp` and `resetPasswordForEmail` only (decision 0026) — never for data: the secret key would act as service_role anywhere
 * else. It carries the client's address in Sb-Forwarded-For, which Supabase Auth trusts only with a secret key and
 * only when the project's IP address forwarding is on. Without a secret key or a known address it falls back to the
 * publishable key, and Auth counts the sign-in under the app server's address.
 */
export function createSupabaseSignInClient(request: Request, context?: AppLoadContext) {
  const env = serverEnv();
  const address = clientAddress(request, env.TRUSTED_PROXY_HOPS, context);
  if (!env.SUPABASE_SECRET_KEY || !address) {
    if (!env.SUPABASE_SECRET_KEY && !warnedWithoutSecretKey) {
      warnedWithoutSecretKey = true;
      console.warn('SUPABASE_SECRET_KEY is not set: every sign-in counts under this server\'s address (docs/decisions/0013-sign-in-limits.md).');
    }
    return createClientFor(request, env.SUPABASE_ANON_KEY, {});
  }
  return createClientFor(request, env.SUPABASE_SECRET_KEY, { 'Sb-Forwarded-For': address });
}

function createClientFor(request: Request, apiKey: string, extraHeaders: Record<string, string>) {
  const env = serverEnv();
  const headers = new Headers();
  const supabase = createServerClient<Database>(env.SUPABASE_URL, apiKey, {
    global: { headers: extraHeaders },
    cookieOptions: { secure: env.SESSION_COOKIE_SECURE, sameSite: 'lax', path: '/' },
    cookies: {
      getAll() {
        return parseCookieHeader(request.headers.get('Cookie') ?? '').map(({ name, value }) => ({ name, value: value ?? '' }));
      },
      setAll(cookiesToSet, cacheHeaders) {
        for (const { name, value, options } of cookiesToSet) {
          headers.append('Set-Cookie', serializeCookieHeader(name, value, options));
        }
        // A response that sets a session cookie must never be cached for another user.
        for (const [key, value] of Object.entries(cacheHeaders ?? {})) headers.set(key, value);
      },
    },
  });
  return { supabase, headers };
}

export type SupabaseServerClient = ReturnType<typeof createSupabaseServerClient>['supabase'];
