// The desk board, live: one Realtime channel with postgres_changes on tickets and their AI results. Any
// change (a new ticket, a triage result, a colleague's claim or status change) reloads the board's data
// through its loader — the loader stays the one place that decides what a lane shows, and RLS still
// applies twice (Realtime only sends rows the technician may read; the loader reads them again).
import { useRevalidator, useRouteLoaderData } from '@remix-run/react';
import type { RealtimeChannel } from '@supabase/supabase-js';
import { useEffect, useRef, useState } from 'react';
import type { loader as rootLoader } from '~/root';
import { getSupabaseBrowserClient } from './supabase.client';

export type LiveStatus = 'connecting' | 'live' | 'offline';

/** At most one reload per window: a burst of 10,000 triage results costs a handful of reloads, not 10,000. */
const RELOAD_WINDOW_MS = 400;

export function useLiveDeskBoard(): LiveStatus {
  const env = useRouteLoaderData<typeof rootLoader>('root')?.ENV;
  const revalidator = useRevalidator();
  // The revalidator object changes on every render; the channel must not.
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    if (!env) return;
    const supabase = getSupabaseBrowserClient(env);
    let reloadTimer: ReturnType<typeof setTimeout> | undefined;
    const scheduleReload = () => {
      if (reloadTimer) return;
      reloadTimer = setTimeout(() => {
        reloadTimer = undefined;
        revalidate.current();
      }, RELOAD_WINDOW_MS);
    };

    let joinedBefore = false;
    let cancelled = false;
    let channel: RealtimeChannel | undefined;
    const subscribe = async () => {
      // The client sets its Realtime token asynchronously after it is created; a channel joined before that
      // joins with the anon key and RLS shows it no ticket. So fetch the session's token first.
      await supabase.realtime.setAuth();
      if (cancelled) return;
      channel = supabase
        .channel('desk-board')
        .on('postgres_changes', { event: '*', schema: 'public', table: 'tickets' }, scheduleReload)
        .on('postgres_changes', { event: '*', schema: 'public', table: 'ticket_ai_results' }, scheduleReload)
        .subscribe((state) => {
          if (state === 'SUBSCRIBED') {
            setStatus('live');
            // Back after a lost connection: whatever changed meanwhile was not sent, so read the board again.
            if (joinedBefore) scheduleReload();
            joinedBefore = true;
          } else if (state === 'CHANNEL_ERROR' || state === 'TIMED_OUT' || state === 'CLOSED') {
            setStatus('offline');
          }
        });
    };
    subscribe().catch(() => setStatus('offline'));

    return () => {
      cancelled = true;
      clearTimeout(reloadTimer);
      if (channel) void supabase.removeChannel(channel);
    };
  }, [env?.SUPABASE_URL, env?.SUPABASE_ANON_KEY]);

  return status;
}
