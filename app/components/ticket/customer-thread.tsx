// The customer's view of their ticket's conversation (issue 16): the thread as they may read it and a reply box that
// is always in reach. A reply on a resolved ticket reopens it; on a closed one it opens a follow-up (the database).
import { useFetcher } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { FormError, FormNotice, TextAreaField } from '~/components/form';
import { LocalTime } from '~/components/time';
import type { FieldErrors } from '~/lib/shared/forms';
import type { CustomerThreadMessage } from '~/lib/shared/views/customer-ticket-thread';

export interface CustomerTicketActionResult {
  intent: 'reply' | 'rate';
  ok: boolean;
  fieldErrors: FieldErrors;
  formError?: string;
  notice?: string;
}

const roleLabel: Record<CustomerThreadMessage['role'], string> = { user: 'You', assistant: 'Assistant', technician: 'Technician', system: 'Support Hub' };

export function CustomerThread({ messages, status }: { messages: CustomerThreadMessage[]; status: string }) {
  const reply = useFetcher<CustomerTicketActionResult>();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (reply.state === 'idle' && reply.data?.ok) form.current?.reset();
  }, [reply.state, reply.data]);
  return (
    <section className="card ticket-conversation" aria-labelledby="thread-heading">
      <h2 id="thread-heading">Conversation</h2>
      {messages.length === 0 ? (
        <p className="muted">No messages yet. Write below and your technician will see it on the ticket.</p>
      ) : (
        // It scrolls on its own, so a keyboard must reach it (tabIndex) and a screen reader hear its name.
        <ol className="message-list" aria-live="polite" tabIndex={0} aria-label="Conversation with your technician" data-testid="customer-thread">
          {messages.map((message) => (
            <li key={message.id} className={`message message-${message.role}`} data-testid="thread-message">
              <p className="message-meta">
                <strong>{message.role === 'user' ? 'You' : (message.senderName ?? roleLabel[message.role])}</strong>
                 · <LocalTime iso={message.createdAt} />
              </p>
              <p className="message-content">{message.content}</p>
            </li>
          ))}
        </ol>
      )}
      <reply.Form method="post" className="form" ref={form}>
        <input type="hidden" name="intent" value="reply" />
        <FormError message={reply.data?.intent === 'reply' ? reply.data.formError : undefined} />
        <FormNotice message={reply.data?.intent === 'reply' ? reply.data.notice : undefined} />
        <TextAreaField
          name="content"
          idSuffix="customer-reply"
          label="Reply"
          rows={3}
          required
          maxLength={10_000}
          hint={status === 'resolved' ? 'Something still wrong? Replying reopens the ticket with your technician.' : status === 'closed' ? 'This ticket is closed; replying opens a follow-up ticket.' : undefined}
          error={reply.data?.intent === 'reply' ? reply.data.fieldErrors['content'] : undefined}
        />
        <button type="submit" className="button" disabled={reply.state !== 'idle'}>
          {reply.state !== 'idle' ? 'Sending…' : 'Send'}
        </button>
      </reply.Form>
    </section>
  );
}
