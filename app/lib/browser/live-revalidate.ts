// Keeps a page's loader data current: subscribes to postgres_changes on the given tables (RLS decides which rows
// this user receives) and re-runs the page's loaders, debounced with a maximum wait (reload-scheduler.ts), when any
// of them changes. Also re-runs them once the channel is joined (and again after a dropped connection comes back),
// since changes committed before the join were not delivered.
import { useRevalidator } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';
import type { BrowserEnv } from '~/lib/shared/browser-env';
import type { LiveStatus } from '~/lib/browser/live-conversation';
import { createReloadScheduler } from '~/lib/browser/reload-scheduler';
import { authorizeRealtime, getSupabaseBrowserClient } from '~/lib/browser/supabase.client';

export interface LiveTable {
  table: string;
  /** A Realtime filter such as `id=eq.<uuid>`; omitted = every row the user may see. */
  filter?: string;
}

/**
 * Every channel the app opens is private (the project allows no public channels: supabase/realtime-settings.json).
 * A live-update channel carries nothing but postgres_changes, which RLS on each table filters per subscriber, so any
 * signed-in person may join a `live:` topic and nobody may broadcast or track presence in one (the realtime.messages
 * policies of migration 20261205000100).
 */
export const liveUpdateTopic = (channelName: string) => `live:${channelName}`;

export function useLiveRevalidation(env: BrowserEnv, channelName: string, tables: readonly LiveTable[], debounceMs = 250): LiveStatus {
  const revalidator = useRevalidator();
  const revalidateRef = useRef(revalidator.revalidate);
  revalidateRef.current = revalidator.revalidate;
  const revalidatorStateRef = useRef(revalidator.state);
  revalidatorStateRef.current = revalidator.state;
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const tablesKey = JSON.stringify(tables);
  const { SUPABASE_URL: supabaseUrl, SUPABASE_ANON_KEY: supabaseAnonKey } = env;

  useEffect(() => {
    // Keyed on the env's values, not its identity: every revalidation of the root loader hands out a new object.
    const supabase = getSupabaseBrowserClient({ SUPABASE_URL: supabaseUrl, SUPABASE_ANON_KEY: supabaseAnonKey });
    let wasLive = false;
    // At the latest 4 x debounceMs after a change: a steady stream of changes must not postpone the reload forever.
    // A reload while another is still loading would abort that one (an AbortError in the console): wait for it.
    const reloads = createReloadScheduler(
      () => (revalidatorStateRef.current === 'idle' ? revalidateRef.current() : reloads.schedule()),
      { quietMs: debounceMs, maxWaitMs: debounceMs * 4 },
    );
    const schedule = reloads.schedule;
    let channel = supabase.channel(liveUpdateTopic(channelName), { config: { private: true } });
    for (const { table, filter } of JSON.parse(tablesKey) as LiveTable[]) {
      channel = channel.on('postgres_changes', { event: '*', schema: 'public', table, ...(filter ? { filter } : {}) }, schedule);
    }
    let cancelled = false;
    void authorizeRealtime(supabase).then(() => {
      if (cancelled) return;
      channel.subscribe((state) => {
        if (state === 'SUBSCRIBED') {
          setStatus('live');
          // Changes committed between the loader's read and this join (or while the connection was down) were not
          // delivered: one reload closes the gap.
          schedule();
          wasLive = true;
        } else if (state === 'CHANNEL_ERROR' || state === 'TIMED_OUT' || state === 'CLOSED') {
          setStatus(wasLive ? 'reconnecting' : 'connecting');
        }
      });
    });
    return () => {
      cancelled = true;
      reloads.cancel();
      void supabase.removeChannel(channel);
    };
  }, [supabaseUrl, supabaseAnonKey, channelName, tablesKey, debounceMs]);

  return status;
}
