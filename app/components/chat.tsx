// One message of a conversation as the customer or a technician sees it: who sent it, when, the assistant's sources
// as links to the help centre, its delivery state when it is still on its way or failed.
import type { ConversationMessage } from '~/lib/shared/messages';
import { attachmentCaption } from '~/lib/shared/attachments';
import { MessageAttachmentView } from './message-attachment';
import { providerLabel } from './ticket/provider-label';
import { LocalTime } from './time';

export interface ChatEntry {
  message: ConversationMessage;
  delivery?: { state: 'sending' } | { state: 'failed'; error: string; retryable: boolean };
}

function senderLabel(message: ConversationMessage, viewerRole: 'customer' | 'staff'): string {
  switch (message.role) {
    case 'assistant':
      return 'Assistant';
    case 'system':
      return 'Support Hub';
    case 'technician':
      return message.senderName ? `${message.senderName} · Technician` : 'Technician';
    case 'user':
      return viewerRole === 'customer' ? 'You' : (message.senderName ?? 'Customer');
  }
}

export function ChatMessageBubble({
  entry,
  viewerRole,
  onRetry,
  onAcceptHandOff,
}: {
  entry: ChatEntry;
  viewerRole: 'customer' | 'staff';
  onRetry?: () => void;
  onAcceptHandOff?: () => void;
}) {
  const { message, delivery } = entry;
  const classes = ['chat-message', `role-${message.role}`, message.isInternalNote ? 'internal-note' : '', delivery ? `delivery-${delivery.state}` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <li className={classes} data-testid="chat-message" data-message-id={message.id} data-role={message.role}>
      <p className="chat-sender">
        {senderLabel(message, viewerRole)}
        {message.isInternalNote ? <span className="tag internal">Internal note</span> : null}
        <LocalTime iso={message.createdAt} style="conversation" />
      </p>
      {attachmentCaption(message) !== null ? <div className="chat-body">{attachmentCaption(message)}</div> : null}
      {message.attachment ? <MessageAttachmentView attachment={message.attachment} /> : null}
      {message.citations.length > 0 ? (
        <p className="chat-sources">
          Sources:{' '}
          {message.citations.map((citation) => (
            <a key={`${citation.number}-${citation.url}`} href={citation.url} target="_blank" rel="noreferrer">
              [{citation.number}] {citation.title}
            </a>
          ))}
        </p>
      ) : null}
      {message.role === 'assistant' && message.model ? (
        <p className="chat-confidence" data-testid="assistant-provider">
          AI answer · {providerLabel(message.model)}
        </p>
      ) : null}
      {message.ratingRequestTicketId && viewerRole === 'customer' ? (
        <p className="chat-actions-inline">
          <a className="button small secondary" href={`/app/tickets/${message.ratingRequestTicketId}#rate`} data-testid="rate-ticket-link">
            How did we do? Rate this ticket
          </a>
        </p>
      ) : null}
      {onAcceptHandOff ? (
        <p className="chat-actions-inline">
          <button type="button" className="button small" onClick={onAcceptHandOff}>
            Yes, open a ticket
          </button>
        </p>
      ) : null}
      {delivery?.state === 'sending' ? <p className="chat-delivery">Sending…</p> : null}
      {delivery?.state === 'failed' ? (
        <p className="chat-delivery failed" role="alert">
          Not sent: {delivery.error}{' '}
          {onRetry && delivery.retryable ? (
            <button type="button" className="button small" onClick={onRetry}>
              Retry
            </button>
          ) : null}
        </p>
      ) : null}
    </li>
  );
}
