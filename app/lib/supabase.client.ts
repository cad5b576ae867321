// The browser's Supabase client. It shares the session cookies with the server client, so
// a token it refreshes in the background is the token the next loader sees.
import { createBrowserClient } from '@supabase/ssr';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../../types/database.types';
import type { BrowserEnv } from './browser-env';

let browserClient: SupabaseClient<Database> | undefined;

export function getSupabaseBrowserClient(env: BrowserEnv): SupabaseClient<Database> {
  browserClient ??= createBrowserClient<Database>(env.SUPABASE_URL, env.SUPABASE_ANON_KEY, {
    cookieOptions: { secure: window.location.protocol === 'https:', sameSite: 'lax', path: '/' },
  });
  return browserClient;
}
