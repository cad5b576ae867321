// A customer's conversation, live: the assistant's answers stream in with their sources, technicians' replies and
// system notices arrive over Realtime, the other side's typing and presence show, and a message that fails to send
// stays on screen with a Retry button. After a dropped connection the page fetches what it missed, merged by id, so
// nothing is shown twice or lost.
// Delivery: this tab's own answer arrives once, by its stream (deltas, then the `done` event's stored rows); Realtime
// brings what others wrote (and this tab's own rows again, dropped by id); the backfill route runs on each join only.
import { randomUUID } from 'node:crypto';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { type ShouldRevalidateFunction, Link, useActionData, useFetcher, useLoaderData, useRevalidator, useRouteLoaderData } from '@remix-run/react';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { z } from 'zod';
import { AttachmentControls, useAttachmentSender } from '~/components/attachment-picker';
import { ChatMessageBubble, type ChatEntry } from '~/components/chat';
import { VoiceRecorder } from '~/components/voice-recorder';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { askAssistant, AssistantError, type AskAssistantInput, type AssistantDone, type AssistantEvent } from '~/lib/shared/assistant-stream';
import { useLiveConversation, type Participant } from '~/lib/browser/live-conversation';
import { forgetPendingQuestion, pendingQuestionFor } from '~/lib/browser/pending-question';
import { getSupabaseBrowserClient } from '~/lib/browser/supabase.client';
import { askAssistantFromServer } from '~/lib/server/assistant.server';
import { requireUser } from '~/lib/server/auth.server';
import { translateDatabaseError } from '~/lib/server/db-errors.server';
import { ATTACHMENTS_BUCKET, parseAttachmentForm } from '~/lib/shared/attachments';
import { inChatOrder, mergeMessages, messageFromRow, unsentCustomerMessage, type ConversationMessage } from '~/lib/shared/messages';
import { loadConversationThread, markConversationRead, sendCustomerAttachment } from '~/models/conversations.server';
import { loadUploadLimits } from '~/models/upload-limits.server';
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
  const attachmentLimits = await loadUploadLimits({ claims, bucket: ATTACHMENTS_BUCKET });
  return data({ user, thread, attachmentLimits }, { headers });
}

/** A message posted without script that could not be sent: it goes back into the composer, with the reason. */
const sendFailureSchema = z.object({ ok: z.literal(false), sendError: z.string(), message: z.string() });
type SendFailure = z.infer<typeof sendFailureSchema>;

const sentMessageSchema = z.string().trim().min(1, 'Write a message first.').max(4000, 'Keep messages under 4,000 characters.');

export async function action({ request, params }: ActionFunctionArgs) {
  const { claims, supabase, headers } = await requireUser(request, { role: 'customer' });
  const conversationId = conversationIdSchema.safeParse(params['conversationId']);
  const formData = await request.formData();
  const intent = formData.get('intent');
  if (conversationId.success && intent === 'send') {
    // The composer posted without script (with script the page sends to the chat function itself): this action sends
    // it, as the customer, through that same function, and shows the page again once it is answered. A failure
    // keeps the message in the composer with the reason.
    const typed = String(formData.get('message') ?? '');
    const message = sentMessageSchema.safeParse(typed);
    if (!message.success) return data<SendFailure>({ ok: false, sendError: message.error.issues[0]?.message ?? 'Write a message first.', message: typed }, { status: 400, headers });
    try {
      await askAssistantFromServer({ supabase, conversationId: conversationId.data, messageId: randomUUID(), question: message.data });
    } catch (error) {
      if (!(error instanceof AssistantError)) throw error;
      return data<SendFailure>({ ok: false, sendError: error.message, message: typed }, { status: 503, headers });
    }
    return redirect(`/app/conversations/${conversationId.data}`, { headers });
  }
  if (conversationId.success && intent === 'attach') {
    // The file is in Storage already (the browser uploaded it as the customer); this writes the message naming it.
    const attachment = parseAttachmentForm(formData);
    if (!attachment.success) return data({ ok: false as const, attachError: attachment.error.issues[0]?.message ?? 'The file could not be sent.' }, { status: 400, headers });
    try {
      const message = await sendCustomerAttachment({ claims, conversationId: conversationId.data, attachment: attachment.data });
      return data({ ok: true as const, message }, { headers });
    } catch (error) {
      const refusal = translateDatabaseError(error);
      if (!refusal) throw error;
      return data({ ok: false as const, attachError: refusal.message }, { status: refusal.status, headers });
    }
  }
  if (!conversationId.success || intent !== 'mark-read') return data({ ok: false }, { status: 400, headers });
  const marked = await markConversationRead({ claims, conversationId: conversationId.data });
  return data({ ok: marked }, { status: marked ? 200 : 404, headers });
}

/** Marking as read changes nothing this page shows: don't reload the thread for it. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get('intent') === 'mark-read' ? false : defaultShouldRevalidate;

type Delivery = { state: 'sending' } | { state: 'failed'; error: string; retryable: boolean };

export default function ConversationPage() {
  const { user, thread, attachmentLimits } = useLoaderData<typeof loader>();
  const rootData = useRouteLoaderData<typeof rootLoader>('root');
  const env = rootData!.ENV;
  const revalidator = useRevalidator();
  const readFetcher = useFetcher();
  // Set only when the composer was posted without script and its message could not be sent.
  const unsent = sendFailureSchema.safeParse(useActionData<typeof action>()).data;

  // Messages by id: the loader's, then whatever arrives live or from the assistant's stream.
  const [messages, setMessages] = useState<Map<string, ConversationMessage>>(() => new Map(thread.messages.map((message) => [message.id, message])));
  const [deliveries, setDeliveries] = useState<Record<string, Delivery>>({});
  const [draftAnswer, setDraftAnswer] = useState<{ text: string; sources: Array<{ title: string; url: string }> } | null>(null);
  const [text, setText] = useState(unsent?.message ?? '');
  const [notice, setNotice] = useState<string | null>(unsent?.sendError ?? null);
  const [busy, setBusy] = useState(false);
  // Until the script runs, the composer is a plain form: its Send button must not start out disabled.
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  const listRef = useRef<HTMLOListElement>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  // Arriving in a conversation, the keyboard lands in the message box (it was ten Tabs away, issue 21). Once per
  // conversation, so a revalidation never pulls focus away from wherever the customer has moved it.
  useEffect(() => {
    composerRef.current?.focus({ preventScroll: true });
  }, [thread.id]);
  const messagesRef = useRef(messages);
  messagesRef.current = messages;
  // While this tab streams an answer, assistant rows from Realtime or a backfill wait here: such a row is almost
  // always that very answer, stored just before the stream's `done` event, and showing it beside the streaming draft
  // would show the answer twice. When the stream ends, whatever `done` did not hand over is merged.
  const streamsInFlightRef = useRef(0);
  const heldAnswersRef = useRef<ConversationMessage[]>([]);

  const merge = useCallback((incoming: ConversationMessage[]) => {
    if (incoming.length === 0) return;
    setMessages((current) => mergeMessages(current, incoming));
    setDeliveries((current) => {
      const next = { ...current };
      for (const message of incoming) delete next[message.id];
      return next;
    });
  }, []);

  /** Rows that did not come from this tab's own answer stream (Realtime, the backfill route, a revalidated loader). */
  const mergeFromElsewhere = useCallback(
    (incoming: ConversationMessage[]) => {
      if (streamsInFlightRef.current === 0) return merge(incoming);
      heldAnswersRef.current.push(...incoming.filter((message) => message.role === 'assistant'));
      merge(incoming.filter((message) => message.role !== 'assistant'));
    },
    [merge],
  );

  // A revalidated loader (technician joined, ticket opened) brings fresh rows: merge, never replace.
  useEffect(() => mergeFromElsewhere(thread.messages), [thread.messages, mergeFromElsewhere]);

  const me = useMemo<Participant>(() => ({ userId: user.id, name: user.fullName, role: 'customer' }), [user.id, user.fullName]);
  const live = useLiveConversation({
    env,
    conversationId: thread.id,
    me,
    rows: {
      onMessageRow: (row) => mergeFromElsewhere([messageFromRow(row, row['sender_id'] === user.id ? user.fullName : null)]),
      onConversationChanged: () => revalidator.revalidate(),
      // Whatever was committed before this join (since the loader read, or while the connection was down) was not
      // delivered live: fetch the messages since the newest one shown, merged by id. After a drop the conversation's
      // state (technician, ticket) may have changed unseen too, so the loader runs again as well.
      onSubscribed: ({ reconnected }) => {
        fetchMessagesSince(thread.id, newestMessageAt(messagesRef.current.values())).then(mergeFromElsewhere, (error: unknown) =>
          console.warn('could not fetch the messages missed while connecting', error),
        );
        if (reconnected) revalidator.revalidate();
      },
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

  /**
   * Streams one answer of the assistant. The `done` event's stored rows (the customer's message, the answer) are
   * merged as they are — nothing is read back — and so are rows from elsewhere held back meanwhile, minus those.
   */
  const streamAnswer = useCallback(
    async (request: Pick<AskAssistantInput, 'messageId' | 'message' | 'handOff'>): Promise<AssistantDone> => {
      streamsInFlightRef.current += 1;
      let stored: ConversationMessage[] = [];
      try {
        const done = await askAssistant({ env, accessToken: await accessToken(), conversationId: thread.id, onEvent: onAssistantEvent, ...request });
        stored = [done.customer_message, done.message].flatMap((row) => (row ? [messageFromRow(row, row.sender_id === user.id ? user.fullName : null)] : []));
        return done;
      } finally {
        streamsInFlightRef.current -= 1;
        const storedIds = new Set(stored.map((message) => message.id));
        const released = streamsInFlightRef.current === 0 ? heldAnswersRef.current.splice(0).filter((message) => !storedIds.has(message.id)) : [];
        merge([...stored, ...released]);
        setDraftAnswer(null);
      }
    },
    [env, accessToken, thread.id, onAssistantEvent, user.id, user.fullName, merge],
  );

  /** Sends (or re-sends) the customer's message with a fixed id and streams the answer. */
  const send = useCallback(
    async (message: ConversationMessage) => {
      setDeliveries((current) => ({ ...current, [message.id]: { state: 'sending' } }));
      setBusy(true);
      try {
        await streamAnswer({ messageId: message.id, message: message.content });
        setDeliveries((current) => {
          const next = { ...current };
          delete next[message.id];
          return next;
        });
        // Stored: a first question handed over from the home page is no longer pending.
        forgetPendingQuestion(message.id);
      } catch (error) {
        const failure = error instanceof AssistantError ? error : new AssistantError('The message could not be sent.', true);
        setDeliveries((current) => ({ ...current, [message.id]: { state: 'failed', error: failure.message, retryable: failure.retryable } }));
      } finally {
        setBusy(false);
      }
    },
    [streamAnswer],
  );

  // A conversation started on /app arrives empty, its first question handed over in this tab's sessionStorage: show
  // it and send it like any other message — also after a reload before it was sent (the same id stores it once).
  const sentPendingRef = useRef<string | null>(null);
  useEffect(() => {
    const pending = pendingQuestionFor(thread.id);
    if (!pending || sentPendingRef.current === pending.messageId) return;
    sentPendingRef.current = pending.messageId;
    const question = unsentCustomerMessage({ id: pending.messageId, content: pending.content, createdAt: pending.createdAt, sender: user });
    setMessages((current) => (current.has(question.id) ? current : new Map(current).set(question.id, question)));
    void send(question);
    // Once per conversation this page shows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [thread.id]);

  const textRef = useRef(text);
  textRef.current = text;
  const attachments = useAttachmentSender({
    conversationId: thread.id,
    limits: attachmentLimits,
    takeCaption: useCallback(() => {
      const caption = textRef.current.trim();
      setText('');
      return caption;
    }, []),
    onSent: useCallback((message: ConversationMessage) => merge([message]), [merge]),
  });
  const [dropping, setDropping] = useState(false);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const content = text.trim();
    if (!content || busy) return;
    if (content.length > 4000) {
      setNotice('Keep messages under 4,000 characters.');
      return;
    }
    const message = unsentCustomerMessage({ id: crypto.randomUUID(), content, createdAt: new Date().toISOString(), sender: user });
    setMessages((current) => new Map(current).set(message.id, message));
    setText('');
    setNotice(null);
    live.signalTyping(false);
    void send(message);
  }

  function onComposerKey(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    // Enter sends; without preventDefault the browser still inserted its newline after the box was cleared, so the
    // next message started with an empty line (issue 21). Shift+Enter keeps the newline.
    event.preventDefault();
    submit();
  }

  async function requestPerson() {
    setBusy(true);
    try {
      await streamAnswer({ handOff: true });
      // The answer came with the stream; the header's ticket and the hidden button come with the loader.
      revalidator.revalidate();
    } catch (error) {
      setNotice(error instanceof AssistantError ? error.message : 'The ticket could not be opened. Please try again.');
    } finally {
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

      {/* The log is the scrolling region; the list inside it keeps <li> under a list (axe: listitem). */}
      <div className="chat-log" role="log" aria-label="Messages" aria-live="polite" aria-relevant="additions">
        <ol className="chat-log-items" ref={listRef}>
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
      </div>

      {/* The log announces whole messages as they are added; the answer streaming into its draft is marked busy (no
          word-by-word reading), so this status says what is going on instead (issue 21). */}
      <p className="visually-hidden" role="status" data-testid="assistant-status">
        {draftAnswer ? 'The assistant is writing an answer…' : ''}
      </p>
      <p className="typing-indicator" aria-live="polite" data-testid="typing-indicator">
        {live.typingPeople.length > 0 ? `${live.typingPeople.map((person) => person.name).join(', ')} is typing…` : ''}
      </p>

      {/* Without script the composer posts to this route's action (never a GET: the message would land in the URL). */}
      <form
        className={`chat-composer${dropping ? ' is-dropping' : ''}`}
        method="post"
        onSubmit={submit}
        onDragOver={(event) => {
          if (!event.dataTransfer.types.includes('Files')) return;
          event.preventDefault();
          setDropping(true);
        }}
        onDragLeave={() => setDropping(false)}
        onDrop={(event) => {
          const file = event.dataTransfer.files[0];
          setDropping(false);
          if (!file) return;
          event.preventDefault();
          void attachments.send(file);
        }}
      >
        <input type="hidden" name="intent" value="send" />
        <label htmlFor="chat-input" className="visually-hidden">
          Your message
        </label>
        <textarea
          id="chat-input"
          ref={composerRef}
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
          onPaste={(event) => {
            const file = event.clipboardData.files[0];
            if (!file) return;
            event.preventDefault();
            void attachments.send(file);
          }}
        />
        <div className="chat-actions">
          <button type="submit" className="button" disabled={busy || (scripted && text.trim().length === 0)}>
            {busy ? 'Sending…' : 'Send'}
          </button>
          {!thread.ticket ? (
            <button type="button" className="button secondary" disabled={busy} onClick={() => void requestPerson()}>
              Talk to a person
            </button>
          ) : null}
        </div>
      </form>
      {scripted ? (
        <div className="composer-extras">
          <AttachmentControls limits={attachmentLimits} sender={attachments} disabled={busy} />
          <VoiceRecorder disabled={busy} onRecorded={(file, durationSeconds) => void attachments.send(file, { durationSeconds })} />
        </div>
      ) : null}
    </div>
  );
}

/** When the newest message shown was written (the start of time for an empty conversation). */
function newestMessageAt(messages: Iterable<ConversationMessage>): string {
  let newest = 0;
  for (const message of messages) newest = Math.max(newest, Date.parse(message.createdAt) || 0);
  return new Date(newest).toISOString();
}

/**
 * Messages stored since a moment: what a join (the first, or one after a dropped connection) was not told live. Two
 * minutes of overlap absorb clock skew between browser and database; merging by id drops repeats.
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
