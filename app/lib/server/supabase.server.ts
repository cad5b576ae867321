// One Supabase client per request, reading the session from the request's cookies and
// collecting every cookie it wants to set (token refresh, sign-in, sign-out) into `headers`,
// which the loader or action must return so the browser keeps the new session.
import { createServerClient, parseCookieHeader, serializeCookieHeader } from '@supabase/ssr';
import type { Database } from '../../../types/database.types';
import { serverEnv } from '~/lib/server/env.server';

export function createSupabaseServerClient(request: Request) {
  const env = serverEnv();
  const headers = new Headers();
  const supabase = createServerClient<Database>(env.SUPABASE_URL, env.SUPABASE_ANON_KEY, {
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
