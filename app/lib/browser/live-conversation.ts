// One live channel per open conversation, `conversation:<id>`, private (the realtime.messages policies let only the
// conversation's customer and the staff who can see it join). Over it arrive:
//  * postgres_changes on public.messages for this conversation — RLS per subscriber, so a customer never receives an
//    internal note — and on the conversation row itself (a technician joining, the ticket being linked);
//  * broadcast `typing` events between the people in it;
//  * presence: who has the conversation open right now, with their role, so the customer sees a technician is here.
// On every join — the first, and each after a dropped connection — `onSubscribed` runs so the page can fetch what it
// missed. Rows the page wrote itself (its customer's message, the assistant's answer it asked for) arrive here too:
// the page de-duplicates by message id and does not wait for them (the answer's stream hands it the stored rows).
import type { RealtimeChannel } from '@supabase/supabase-js';
import { useEffect, useMemo, useRef, useState } from 'react';
import { z } from 'zod';
import type { BrowserEnv } from '~/lib/shared/browser-env';
import { authorizeRealtime, getSupabaseBrowserClient } from '~/lib/browser/supabase.client';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

export interface Participant {
  userId: string;
  name: string;
  role: 'customer' | 'technician' | 'admin';
}

const participantSchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.enum(['customer', 'technician', 'admin']),
});
const typingSchema = participantSchema.extend({ typing: z.boolean() });

/** How long a "typing" signal counts without a new one: senders repeat it while typing. */
const typingLifetimeMs = 4000;
const typingResendMs = 1500;

export interface LiveConversationOptions {
  env: BrowserEnv;
  /** null = nothing to join yet (a ticket without a conversation): the hook stays idle. */
  conversationId: string | null;
  me: Participant;
  /**
   * The conversation's rows, for a page that shows them from this channel. Without it the channel carries presence
   * and typing only (a page that already follows the rows elsewhere must not receive every change twice).
   */
  rows?: {
    onMessageRow: (row: Record<string, unknown>) => void;
    onConversationChanged: () => void;
    /** Runs on every join, the first and each after a reconnect (`reconnected`): fetch what was missed. */
    onSubscribed: (join: { reconnected: boolean }) => void;
  };
}

export function useLiveConversation(options: LiveConversationOptions) {
  const { conversationId, me } = options;
  const { SUPABASE_URL: supabaseUrl, SUPABASE_ANON_KEY: supabaseAnonKey } = options.env;
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [present, setPresent] = useState<Participant[]>([]);
  const [typing, setTyping] = useState<Record<string, { participant: Participant; until: number }>>({});
  const channelRef = useRef<RealtimeChannel | null>(null);
  const lastTypingSentRef = useRef(0);
  // Callbacks change every render; the channel is set up once per conversation and reads the latest ones.
  const callbacksRef = useRef(options);
  callbacksRef.current = options;
  const followsRows = options.rows !== undefined;

  useEffect(() => {
    if (conversationId === null) return;
    // Keyed on the env's values, not its identity: every revalidation of the root loader hands out a new object.
    const supabase = getSupabaseBrowserClient({ SUPABASE_URL: supabaseUrl, SUPABASE_ANON_KEY: supabaseAnonKey });
    let wasLive = false;
    let cancelled = false;
    const channel = supabase.channel(`conversation:${conversationId}`, {
      config: { private: true, broadcast: { self: false }, presence: { key: me.userId } },
    });
    if (followsRows) {
      channel
        .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'messages', filter: `conversation_id=eq.${conversationId}` }, (payload) =>
          callbacksRef.current.rows?.onMessageRow(payload.new as Record<string, unknown>)
        )
        .on('postgres_changes', { event: 'UPDATE', schema: 'public', table: 'conversations', filter: `id=eq.${conversationId}` }, () =>
          callbacksRef.current.rows?.onConversationChanged()
        );
    }
    channel
      .on('broadcast', { event: 'typing' }, ({ payload }) => {
        const signal = typingSchema.safeParse(payload);
        if (!signal.success || signal.data.userId === me.userId) return;
        const { typing: isTyping, ...participant } = signal.data;
        setTyping((current) => {
          const next = { ...current };
          if (isTyping) next[participant.userId] = { participant, until: Date.now() + typingLifetimeMs };
          else delete next[participant.userId];
          return next;
        });
      })
      .on('presence', { event: 'sync' }, () => {
        const state = channel.presenceState();
        const people = new Map<string, Participant>();
        for (const entries of Object.values(state)) {
          for (const entry of entries) {
            const participant = participantSchema.safeParse(entry);
            if (participant.success && participant.data.userId !== me.userId) people.set(participant.data.userId, participant.data);
          }
        }
        setPresent([...people.values()]);
      });
    void authorizeRealtime(supabase).then(() => {
      if (cancelled) return;
      channel.subscribe((state) => {
        if (state === 'SUBSCRIBED') {
          setStatus('live');
          void channel.track({ userId: me.userId, name: me.name, role: me.role });
          // Whatever was committed before this join (since the loader read, or while the connection was down) was not
          // delivered: the page fetches it.
          callbacksRef.current.rows?.onSubscribed({ reconnected: wasLive });
          wasLive = true;
        } else if (state === 'CHANNEL_ERROR' || state === 'TIMED_OUT' || state === 'CLOSED') {
          setStatus(wasLive ? 'reconnecting' : 'connecting');
        }
      });
    });
    channelRef.current = channel;
    return () => {
      cancelled = true;
      channelRef.current = null;
      void supabase.removeChannel(channel);
    };
  }, [supabaseUrl, supabaseAnonKey, conversationId, followsRows, me.userId, me.name, me.role]);

  // Expire typing signals whose sender went quiet (closed the tab, lost the connection).
  useEffect(() => {
    if (Object.keys(typing).length === 0) return;
    const timer = window.setInterval(() => {
      const now = Date.now();
      setTyping((current) => Object.fromEntries(Object.entries(current).filter(([, entry]) => entry.until > now)));
    }, 1000);
    return () => window.clearInterval(timer);
  }, [typing]);

  return useMemo(
    () => ({
      status,
      present,
      typingPeople: Object.values(typing).map((entry) => entry.participant),
      /** Call on every keystroke; it sends at most one signal per 1.5 s, and `false` at once. */
      signalTyping(isTyping: boolean) {
        const channel = channelRef.current;
        if (!channel) return;
        const now = Date.now();
        if (isTyping && now - lastTypingSentRef.current < typingResendMs) return;
        lastTypingSentRef.current = isTyping ? now : 0;
        void channel.send({ type: 'broadcast', event: 'typing', payload: { ...me, typing: isTyping } });
      },
    }),
    [status, present, typing, me]
  );
}
