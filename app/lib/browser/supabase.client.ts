// The browser's Supabase client. It shares the session cookies with the server client, so
// a token it refreshes in the background is the token the next loader sees.
import { createBrowserClient } from '@supabase/ssr';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../../../types/database.types';
import type { BrowserEnv } from '~/lib/shared/browser-env';

let browserClient: SupabaseClient<Database> | undefined;

export function getSupabaseBrowserClient(env: BrowserEnv): SupabaseClient<Database> {
  browserClient ??= createBrowserClient<Database>(env.SUPABASE_URL, env.SUPABASE_ANON_KEY, {
    cookieOptions: { secure: window.location.protocol === 'https:', sameSite: 'lax', path: '/' },
  });
  return browserClient;
}

/**
 * Hands the signed-in user's access token to Realtime before a channel joins. supabase-js sets it on auth events,
 * but a channel created while the session is still being read from the cookies would otherwise join with the anon
 * key and, under RLS, receive nothing. Later refreshes reach Realtime through supabase-js's own auth events.
 */
export async function authorizeRealtime(supabase: SupabaseClient<Database>): Promise<void> {
  const { data } = await supabase.auth.getSession();
  if (data.session) await supabase.realtime.setAuth(data.session.access_token);
}
