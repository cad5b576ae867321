// The ticket's conversation as staff see it (customer, assistant and technician messages, internal notes
// set apart), and the two ways to write into it: a reply to the customer and a staff-only internal note.
import { useFetcher } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { AttachmentControls, useAttachmentSender } from '~/components/attachment-picker';
import { FormError, FormNotice, TextAreaField } from '~/components/form';
import { attachmentCaption, type AttachmentLimits } from '~/lib/shared/attachments';
import type { LiveStatus, Participant } from '~/lib/browser/live-conversation';
import type { CannedReplyOption } from '~/lib/shared/views/canned-replies';
import type { TicketPageMessage, TriageResult } from '~/lib/shared/views/ticket-page';
import type { TicketActionResult } from './action-result';
import { useCannedReplyPicker } from './canned-reply-picker';
import { providerLabel } from './provider-label';
import { MessageAttachmentView } from '../message-attachment';
import { LocalTime } from '../time';

const roleLabel: Record<TicketPageMessage['role'], string> = { user: 'Customer', assistant: 'Assistant', technician: 'Technician', system: 'System' };

/** Who else has the conversation open, and who is typing (from the conversation's presence channel). */
export interface ConversationPresence {
  present: Participant[];
  typingPeople: Participant[];
}

export function Conversation({ messages, liveState, presence }: { messages: TicketPageMessage[]; liveState: LiveStatus; presence?: ConversationPresence }) {
  const customerHere = presence?.present.find((person) => person.role === 'customer');
  const typing = presence?.typingPeople ?? [];
  // The pane scrolls inside its card (max-height): keep the newest message in view, on arrival and whenever one
  // arrives live. It opened at the oldest, hiding the newest below the pane's edge (issue 21). Only the pane scrolls,
  // never the page, so the technician's place on the page stays where it is.
  const listRef = useRef<HTMLOListElement>(null);
  const newestId = messages.at(-1)?.id;
  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [newestId]);
  return (
    <section className="card ticket-conversation" aria-labelledby="conversation-heading">
      <div className="section-heading">
        <h2 id="conversation-heading">Conversation</h2>
        <span className={`live-indicator live-${liveState}`} data-testid="live-state">
          {liveState === 'live' ? 'Live' : liveState === 'connecting' ? 'Connecting…' : 'Reconnecting…'}
        </span>
        {customerHere ? (
          <span className="presence-tech" data-testid="customer-online">
            {customerHere.name} is online
          </span>
        ) : null}
      </div>
      {messages.length === 0 ? (
        <p className="muted">No messages yet. A reply you send starts the conversation with the customer.</p>
      ) : (
        // It scrolls on its own, so a keyboard must reach it (tabIndex) and a screen reader hear its name.
        <ol className="message-list" ref={listRef} aria-live="polite" tabIndex={0} aria-label="Conversation with the customer" data-testid="message-list">
          {messages.map((message) => (
            <li key={message.id} className={`message message-${message.role}${message.isInternalNote ? ' message-internal' : ''}`} data-testid={message.isInternalNote ? 'internal-note' : 'message'}>
              <p className="message-meta">
                <strong>{message.senderName ?? roleLabel[message.role]}</strong>
                {message.isInternalNote ? <span className="internal-badge">Internal note · never shown to the customer</span> : <span className="muted"> · {roleLabel[message.role]}</span>}
                 · <LocalTime iso={message.createdAt} />
                {message.answerConfidence !== null ? (
                  <span className="muted" data-testid="answer-confidence">
                    {' '}
                    · {Math.round(message.answerConfidence * 100)}% confident
                  </span>
                ) : null}
              </p>
              {attachmentCaption(message) !== null ? <p className="message-content">{attachmentCaption(message)}</p> : null}
              {message.attachment ? <MessageAttachmentView attachment={message.attachment} /> : null}
            </li>
          ))}
        </ol>
      )}
      <p className="typing-indicator" aria-live="polite" data-testid="typing-indicator">
        {typing.length > 0 ? `${typing.map((person) => person.name).join(', ')} is typing…` : ''}
      </p>
    </section>
  );
}

/** Reply (prefilled with the AI draft) and internal-note forms; read-only explanation when the caller cannot act. */
export function Composer({
  triage,
  canAct,
  onTyping,
  cannedReplies = [],
  staffHasReplied = false,
  attachments = null,
}: {
  triage: TriageResult | null;
  canAct: boolean;
  /** Once a technician has answered, the AI's first-contact draft no longer fits the conversation: not offered. */
  staffHasReplied?: boolean;
  onTyping?: (typing: boolean) => void;
  cannedReplies?: CannedReplyOption[];
  /** Where files go (the ticket's conversation) and the bucket's limits; null when the ticket has no conversation yet. */
  attachments?: { conversationId: string; limits: AttachmentLimits | null } | null;
}) {
  const reply = useFetcher<TicketActionResult>();
  const canned = useCannedReplyPicker(cannedReplies);
  const { forget: forgetCannedReply } = canned;
  useEffect(() => {
    if (reply.state === 'idle' && reply.data?.ok) forgetCannedReply();
  }, [reply.state, reply.data, forgetCannedReply]);
  const note = useFetcher<TicketActionResult>();
  const replyFile = useAttachmentSender({ conversationId: attachments?.conversationId ?? '', limits: attachments?.limits ?? null, intent: 'attachReply' });
  const noteFile = useAttachmentSender({ conversationId: attachments?.conversationId ?? '', limits: attachments?.limits ?? null, intent: 'attachNote', internal: true });
  const draftReply = staffHasReplied ? '' : triage?.draftReply ?? '';
  const replyForm = useRef<HTMLFormElement>(null);
  const noteForm = useRef<HTMLFormElement>(null);
  useResetOnSuccess(reply.state, reply.data, replyForm);
  useResetOnSuccess(note.state, note.data, noteForm);

  if (!canAct) {
    return (
      <section className="card" aria-labelledby="composer-heading">
        <h2 id="composer-heading">Reply</h2>
        <p className="muted">Claim this ticket to reply to the customer or add internal notes.</p>
      </section>
    );
  }
  return (
    <section className="card composer" aria-labelledby="composer-heading">
      <h2 id="composer-heading">Reply to the customer</h2>
      <reply.Form method="post" className="form" ref={replyForm}>
        <input type="hidden" name="intent" value="reply" />
        {canned.pickedInput}
        <FormError message={reply.data?.formError} />
        <FormNotice message={reply.data?.notice} />
        <TextAreaField
          name="content"
          idSuffix="reply"
          label="Reply"
          rows={6}
          required
          maxLength={10_000}
          defaultValue={draftReply}
          hint={`${draftReply ? `Drafted by AI (${providerLabel(triage!.model)}). Edit it before sending.` : staffHasReplied ? 'A reply has been sent; write the next one.' : 'No AI draft for this ticket; write your reply.'}${cannedReplies.length > 0 ? ' Type / for canned replies.' : ''}`}
          error={reply.data?.fieldErrors['content']}
          {...canned.textareaProps}
          onChange={(event) => {
            canned.textareaProps.onChange(event);
            onTyping?.(event.target.value.length > 0);
          }}
          onBlur={() => onTyping?.(false)}
        />
        {canned.picker}
        {canned.picked && (canned.picked.setStatus || canned.picked.addsNote) ? (
          <p className="muted" data-testid="macro-hint">
            Sending also runs /{canned.picked.shortcut}:{canned.picked.setStatus ? ` status ${canned.picked.setStatus.replace(/_/g, ' ')}` : ''}
            {canned.picked.addsNote ? ' · adds an internal note' : ''}
          </p>
        ) : null}
        <button type="submit" className="button" disabled={reply.state !== 'idle'}>
          {reply.state !== 'idle' ? 'Sending…' : 'Send to customer'}
        </button>
      </reply.Form>
      {attachments ? <AttachmentControls limits={attachments.limits} sender={replyFile} disabled={false} label="Send a file to the customer" testId="attach-reply-input" /> : null}
      <note.Form method="post" className="form internal-note-form" ref={noteForm}>
        <input type="hidden" name="intent" value="note" />
        <FormError message={note.data?.formError} />
        <FormNotice message={note.data?.notice} />
        <TextAreaField
          name="content"
          idSuffix="note"
          label="Internal note"
          rows={3}
          required
          maxLength={10_000}
          hint="Only staff see internal notes."
          error={note.data?.fieldErrors['content']}
        />
        <button type="submit" className="button secondary" disabled={note.state !== 'idle'}>
          {note.state !== 'idle' ? 'Adding…' : 'Add internal note'}
        </button>
      </note.Form>
      {attachments ? <AttachmentControls limits={attachments.limits} sender={noteFile} disabled={false} label="Add a staff-only file" testId="attach-note-input" /> : null}
    </section>
  );
}

/** Empties a form after its submission succeeded (a sent draft must not linger); focuses the first bad field otherwise. */
export function useResetOnSuccess(state: string, result: TicketActionResult | undefined, form: React.RefObject<HTMLFormElement | null>) {
  useEffect(() => {
    if (state === 'idle' && result?.ok) {
      form.current?.reset();
      form.current?.querySelectorAll('textarea').forEach((textarea) => (textarea.value = ''));
    }
    else if (state === 'idle' && result && !result.ok) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state, result, form]);
}


