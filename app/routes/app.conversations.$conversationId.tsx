// A customer's conversation, live: the assistant's answers stream in with their sources, technicians' replies and
// system notices arrive over Realtime, the other side's typing and presence show, and a message that fails to send
// stays on screen with a Retry button. After a dropped connection the page fetches what it missed, merged by id, so
// nothing is shown twice or lost.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { type ShouldRevalidateFunction, Link, useFetcher, useLoaderData, useRevalidator, useRouteLoaderData, useSearchParams } from '@remix-run/react';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { z } from 'zod';
import { ChatMessageBubble, type ChatEntry } from '~/components/chat';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { askAssistant, AssistantError, type AssistantEvent } from '~/lib/browser/assistant-stream';
import { requireUser } from '~/lib/server/auth.server';
import { useLiveConversation, type Participant } from '~/lib/browser/live-conversation';
import { getSupabaseBrowserClient } from '~/lib/browser/supabase.client';
import { inChatOrder, mergeMessages, messageFromRow, type ConversationMessage } from '~/lib/shared/messages';
import { loadConversationThread, markConversationRead } from '~/models/conversations.server';
import type { loader as rootLoader } from '~/root';

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: `${loaderData?.thread.title ?? 'Conversation'} · Support Hub` },
];

const conversationIdSchema = z.string().uuid();

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, claims, headers } = await requireUser(request, { role: 'customer' });
  const conversationId = conversationIdSchema.safeParse(params['conversationId']);
  if (!conversationId.success) throw data('That conversation link is not valid.', { status: 404, statusText: 'Not Found', headers });
  const thread = await loadConversationThread({ claims, conversationId: conversationId.data });
  if (!thread) throw data('This conversation does not exist or belongs to someone else.', { status: 404, statusText: 'Not Found', headers });
  return data({ user, thread }, { headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'customer' });
  const conversationId = conversationIdSchema.safeParse(params['conversationId']);
  const intent = (await request.formData()).get('intent');
  if (!conversationId.success || intent !== 'mark-read') return data({ ok: false }, { status: 400, headers });
  await markConversationRead({ claims, conversationId: conversationId.data });
  return data({ ok: true }, { headers });
}

/** Marking as read changes nothing this page shows: don't reload the thread for it. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get('intent') === 'mark-read' ? false : defaultShouldRevalidate;

type Delivery = { state: 'sending' } | { state: 'failed'; error: string; retryable: boolean };

export default function ConversationPage() {
  const { user, thread } = useLoaderData<typeof loader>();
  const rootData = useRouteLoaderData<typeof rootLoader>('root');
  const env = rootData!.ENV;
  const revalidator = useRevalidator();
  const readFetcher = useFetcher();
  const [searchParams, setSearchParams] = useSearchParams();

  // Messages by id: the loader's, then whatever arrives live or from the assistant's stream.
  const [messages, setMessages] = useState<Map<string, ConversationMessage>>(() => new Map(thread.messages.map((message) => [message.id, message])));
  const [deliveries, setDeliveries] = useState<Record<string, Delivery>>({});
  const [draftAnswer, setDraftAnswer] = useState<{ text: string; sources: Array<{ title: string; url: string }> } | null>(null);
  const [text, setText] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);

  const merge = useCallback((incoming: ConversationMessage[]) => {
    if (incoming.length === 0) return;
    setMessages((current) => mergeMessages(current, incoming));
    setDeliveries((current) => {
      const next = { ...current };
      for (const message of incoming) delete next[message.id];
      return next;
    });
  }, []);

  // A revalidated loader (technician joined, ticket opened) brings fresh rows: merge, never replace.
  useEffect(() => merge(thread.messages), [thread.messages, merge]);

  const me = useMemo<Participant>(() => ({ userId: user.id, name: user.fullName, role: 'customer' }), [user.id, user.fullName]);
  const live = useLiveConversation({
    env,
    conversationId: thread.id,
    me,
    rows: {
      onMessageRow: (row) => merge([messageFromRow(row, row['sender_id'] === user.id ? user.fullName : null)]),
      onConversationChanged: () => revalidator.revalidate(),
      // The loader returns the newest messages and the conversation's state: reloading it backfills whatever was
      // committed before this join, merged by id.
      onSubscribed: () => revalidator.revalidate(),
    },
  });

  const entries = useMemo<ChatEntry[]>(
    () => inChatOrder(messages.values()).map((message) => ({ message, delivery: deliveries[message.id] })),
    [messages, deliveries],
  );
  const technicianHere = live.present.find((person) => person.role !== 'customer');

  // Keep the newest message in view, and tell the server this conversation is read while it is on screen.
  const newestId = entries.at(-1)?.message.id;
  useEffect(() => {
    listRef.current?.lastElementChild?.scrollIntoView({ block: 'end' });
  }, [newestId, draftAnswer?.text]);
  useEffect(() => {
    if (!newestId || document.visibilityState !== 'visible') return;
    const timer = window.setTimeout(() => readFetcher.submit({ intent: 'mark-read' }, { method: 'post' }), 400);
    return () => window.clearTimeout(timer);
    // readFetcher is stable enough for this; re-running on each state change would loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [newestId]);

  const accessToken = useCallback(async () => {
    const { data: session } = await getSupabaseBrowserClient(env).auth.getSession();
    if (!session.session) throw new AssistantError('Your session has expired. Reload the page to sign in again.', false);
    return session.session.access_token;
  }, [env]);

  const onAssistantEvent = useCallback(
    (event: AssistantEvent) => {
      if (event.type === 'sources') setDraftAnswer({ text: '', sources: event.sources });
      else if (event.type === 'delta') setDraftAnswer((draft) => ({ sources: draft?.sources ?? [], text: (draft?.text ?? '') + event.text }));
      else if (event.done.ticket?.number) setNotice(`Ticket ${event.done.ticket.number} is open. A technician will join this conversation.`);
    },
    [],
  );

  /** Sends (or re-sends) the customer's message with a fixed id and streams the answer. */
  const send = useCallback(
    async (message: ConversationMessage) => {
      setDeliveries((current) => ({ ...current, [message.id]: { state: 'sending' } }));
      setBusy(true);
      try {
        const done = await askAssistant({
          env,
          accessToken: await accessToken(),
          conversationId: thread.id,
          messageId: message.id,
          message: message.content,
          onEvent: onAssistantEvent,
        });
        setDeliveries((current) => {
          const next = { ...current };
          delete next[message.id];
          return next;
        });
        if (done.message_id) merge(await fetchMessagesSince(thread.id, message.createdAt).catch(() => []));
      } catch (error) {
        const failure = error instanceof AssistantError ? error : new AssistantError('The message could not be sent.', true);
        setDeliveries((current) => ({ ...current, [message.id]: { state: 'failed', error: failure.message, retryable: failure.retryable } }));
      } finally {
        setDraftAnswer(null);
        setBusy(false);
      }
    },
    [env, accessToken, thread.id, onAssistantEvent, merge],
  );

  // A conversation started on /app arrives with its first question stored; ask the assistant to answer it once.
  const answerId = searchParams.get('answer');
  useEffect(() => {
    if (!answerId) return;
    const question = messages.get(answerId);
    setSearchParams({}, { replace: true });
    if (question && question.role === 'user') void send({ ...question });
    // Only on arrival with ?answer=
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [answerId]);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const content = text.trim();
    if (!content || busy) return;
    if (content.length > 4000) {
      setNotice('Keep messages under 4,000 characters.');
      return;
    }
    const message: ConversationMessage = {
      id: crypto.randomUUID(),
      role: 'user',
      content,
      senderId: user.id,
      senderName: user.fullName,
      createdAt: new Date().toISOString(),
      confidence: null,
      isInternalNote: false,
      citations: [],
      handOffOffered: false,
      model: null,
    };
    setMessages((current) => new Map(current).set(message.id, message));
    setText('');
    setNotice(null);
    live.signalTyping(false);
    void send(message);
  }

  function onComposerKey(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit();
  }

  async function requestPerson() {
    setBusy(true);
    try {
      await askAssistant({ env, accessToken: await accessToken(), conversationId: thread.id, handOff: true, onEvent: onAssistantEvent });
      revalidator.revalidate();
    } catch (error) {
      setNotice(error instanceof AssistantError ? error.message : 'The ticket could not be opened. Please try again.');
    } finally {
      setDraftAnswer(null);
      setBusy(false);
    }
  }

  return (
    <div className="chat-page">
      <header className="chat-header">
        <div>
          <p className="breadcrumb">
            <Link to="/app">My support</Link> / Conversation
          </p>
          <h1>{thread.title}</h1>
          <p className="chat-meta">
            {thread.solutionAreaName ? <span className="tag">{thread.solutionAreaName}</span> : null}
            {thread.ticket ? (
              <Link className="tag ticket-tag" to={`/app/tickets/${thread.ticket.id}`} data-testid="conversation-ticket">
                {thread.ticket.number} · {thread.ticket.status.replaceAll('_', ' ')}
              </Link>
            ) : null}
          </p>
        </div>
        <div className="chat-presence" aria-live="polite">
          <span className={`live-dot ${live.status}`} aria-hidden="true" />
          <span data-testid="live-status">{live.status === 'live' ? 'Live' : live.status === 'connecting' ? 'Connecting…' : 'Reconnecting…'}</span>
          {technicianHere ? (
            <span className="presence-tech" data-testid="technician-online">
              {technicianHere.name} (technician) is online
            </span>
          ) : thread.technicianName ? (
            <span className="presence-away">{thread.technicianName} will reply here</span>
          ) : null}
        </div>
      </header>

      {notice ? (
        <div className="form-notice" role="status" data-testid="chat-notice">
          {notice}
        </div>
      ) : null}

      <ol className="chat-log" ref={listRef} role="log" aria-label="Messages" aria-live="polite">
        {entries.length === 0 ? <li className="chat-empty">No messages yet. Ask your question below.</li> : null}
        {entries.map((entry) => (
          <ChatMessageBubble
            key={entry.message.id}
            entry={entry}
            viewerRole="customer"
            onRetry={entry.delivery?.state === 'failed' ? () => void send(entry.message) : undefined}
            onAcceptHandOff={entry.message.handOffOffered && !thread.ticket ? () => void requestPerson() : undefined}
          />
        ))}
        {draftAnswer ? (
          <li className="chat-message role-assistant streaming" aria-busy="true" data-testid="assistant-streaming">
            <p className="chat-sender">Assistant</p>
            <div className="chat-body">{draftAnswer.text || <span className="typing-dots">Looking through our articles…</span>}</div>
            {draftAnswer.sources.length > 0 ? (
              <p className="chat-sources">
                Reading:{' '}
                {draftAnswer.sources.map((source) => (
                  <a key={source.url} href={source.url} target="_blank" rel="noreferrer">
                    {source.title}
                  </a>
                ))}
              </p>
            ) : null}
          </li>
        ) : null}
      </ol>

      <p className="typing-indicator" aria-live="polite" data-testid="typing-indicator">
        {live.typingPeople.length > 0 ? `${live.typingPeople.map((person) => person.name).join(', ')} is typing…` : ''}
      </p>

      <form className="chat-composer" onSubmit={submit}>
        <label htmlFor="chat-input" className="visually-hidden">
          Your message
        </label>
        <textarea
          id="chat-input"
          name="message"
          rows={2}
          value={text}
          maxLength={4000}
          placeholder="Write a message — Enter sends, Shift+Enter adds a line"
          onChange={(event) => {
            setText(event.target.value);
            live.signalTyping(event.target.value.length > 0);
          }}
          onBlur={() => live.signalTyping(false)}
          onKeyDown={onComposerKey}
        />
        <div className="chat-actions">
          <button type="submit" className="button" disabled={busy || text.trim().length === 0}>
            {busy ? 'Sending…' : 'Send'}
          </button>
          {!thread.ticket ? (
            <button type="button" className="button secondary" disabled={busy} onClick={() => void requestPerson()}>
              Talk to a person
            </button>
          ) : null}
        </div>
      </form>
    </div>
  );
}

/**
 * Messages stored since a moment (after a reconnect, or right after an answer, whose live event may trail the
 * stream). Two minutes of overlap absorb clock skew between browser and database; merging by id drops repeats.
 */
async function fetchMessagesSince(conversationId: string, since: string): Promise<ConversationMessage[]> {
  const from = new Date(new Date(since).getTime() - 2 * 60_000).toISOString();
  const response = await fetch(`/app/conversations/${conversationId}/messages?since=${encodeURIComponent(from)}`, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`messages request failed with ${response.status}`);
  return ((await response.json()) as { messages: ConversationMessage[] }).messages;
}

export const ErrorBoundary = routeErrorBoundary({
  statuses: { 404: { title: 'Conversation not found' } },
  response: (error) => String(error.data),
  unexpected: { title: 'This conversation could not be shown', message: 'Something went wrong on our side. Please reload the page in a moment.' },
});
