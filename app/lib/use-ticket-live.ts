// The ticket page's live feed: one Realtime channel per open ticket page, listening to the ticket row,
// its timeline, its work orders and its conversation's messages (RLS applies per subscriber). Any change
// revalidates the page's loader, which re-reads everything under RLS — the payloads are only a signal, so
// an internal note can never reach a view through a payload the loader would not show. On (re)subscribe the
// page revalidates too, backfilling whatever happened while the socket was down.
import { useRevalidator, useRouteLoaderData } from '@remix-run/react';
import type { RealtimeChannel } from '@supabase/supabase-js';
import { useEffect, useRef, useState } from 'react';
import type { loader as rootLoader } from '~/root';
import { getSupabaseBrowserClient } from './supabase.client';

export type LiveState = 'connecting' | 'live' | 'offline';

export function useTicketLive({ ticketId, conversationId }: { ticketId: string; conversationId: string | null }): LiveState {
  const root = useRouteLoaderData<typeof rootLoader>('root');
  const revalidator = useRevalidator();
  const revalidateRef = useRef(revalidator.revalidate);
  revalidateRef.current = revalidator.revalidate;
  const [state, setState] = useState<LiveState>('connecting');

  useEffect(() => {
    if (!root?.ENV) return;
    const supabase = getSupabaseBrowserClient(root.ENV);
    let channel: RealtimeChannel | undefined;
    let cancelled = false;
    // Several rows change in one action (ticket, timeline, work order): one reload for the burst.
    let pending: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(pending);
      pending = setTimeout(() => revalidateRef.current(), 150);
    };

    void (async () => {
      const { data } = await supabase.auth.getSession();
      if (cancelled) return;
      if (data.session) await supabase.realtime.setAuth(data.session.access_token);
      channel = supabase
        .channel(`ticket-page:${ticketId}`)
        .on('postgres_changes', { event: '*', schema: 'public', table: 'tickets', filter: `id=eq.${ticketId}` }, refresh)
        .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'ticket_events', filter: `ticket_id=eq.${ticketId}` }, refresh)
        .on('postgres_changes', { event: '*', schema: 'public', table: 'work_orders', filter: `ticket_id=eq.${ticketId}` }, refresh);
      if (conversationId) {
        channel.on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'messages', filter: `conversation_id=eq.${conversationId}` }, refresh);
      }
      channel.subscribe((status) => {
        if (status === 'SUBSCRIBED') {
          setState('live');
          refresh();
        } else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT' || status === 'CLOSED') {
          setState('offline');
        }
      });
    })();

    return () => {
      cancelled = true;
      clearTimeout(pending);
      if (channel) void supabase.removeChannel(channel);
    };
  }, [root?.ENV, ticketId, conversationId]);

  return state;
}
