// Live knowledge base for admin pages: one Realtime channel listening to postgres_changes on kb_articles (an
// article added, edited, published or deleted — here or in Studio) and kb_embedding_status (the embed worker's
// progress), which reloads the route's data, so the page never needs a manual reload. RLS decides which changes
// arrive (staff see every article and status row). On (re)subscribe the data is reloaded too, so changes made
// while the connection was down are backfilled.
import { useRevalidator, useRouteLoaderData } from '@remix-run/react';
import type { RealtimeChannel } from '@supabase/supabase-js';
import { useEffect, useRef, useState } from 'react';
import type { BrowserEnv } from './browser-env';
import { getSupabaseBrowserClient } from './supabase.client';

/** Changes that arrive together (a worker swapping many rows) become one reload. */
const RELOAD_COALESCE_MS = 200;

export type LiveState = 'connecting' | 'live' | 'offline';

export function useLiveKnowledgeBase(): LiveState {
  const rootData = useRouteLoaderData<{ ENV: BrowserEnv }>('root');
  const env = rootData?.ENV;
  const revalidator = useRevalidator();
  // The revalidator object changes on every render; the channel must not be rebuilt for that.
  const revalidateRef = useRef(revalidator.revalidate);
  revalidateRef.current = revalidator.revalidate;
  const [state, setState] = useState<LiveState>('connecting');

  useEffect(() => {
    if (!env) return;
    const supabase = getSupabaseBrowserClient(env);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reloadSoon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => revalidateRef.current(), RELOAD_COALESCE_MS);
    };
    let channel: RealtimeChannel | undefined;
    let cancelled = false;
    // Join with the signed-in user's token, not the anon key: the session is read from the shared cookies
    // asynchronously, and a channel joined before that would be judged as anon by RLS (and never see statuses).
    void supabase.auth.getSession().then(async ({ data: { session } }) => {
      await supabase.realtime.setAuth(session?.access_token ?? null);
      if (cancelled) return;
      channel = supabase
        .channel(`admin-kb:${crypto.randomUUID()}`)
        .on('postgres_changes', { event: '*', schema: 'public', table: 'kb_articles' }, reloadSoon)
        .on('postgres_changes', { event: '*', schema: 'public', table: 'kb_embedding_status' }, reloadSoon)
        .subscribe((status) => {
          if (status === 'SUBSCRIBED') {
            setState('live');
            reloadSoon();
          } else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT' || status === 'CLOSED') {
            setState('offline');
          }
        });
    });
    return () => {
      cancelled = true;
      clearTimeout(timer);
      if (channel) void supabase.removeChannel(channel);
    };
  }, [env?.SUPABASE_URL, env?.SUPABASE_ANON_KEY]);

  return state;
}
