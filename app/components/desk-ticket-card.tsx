// One ticket on the desk board: who and what, the AI triage with the provider that produced it, and the
// actions a technician can take from the board (claim, release, re-triage). Every action is a plain form
// button, so it works from the keyboard and without JavaScript.
import { Form, Link } from '@remix-run/react';
import { sentimentBands, ticketCategoryLabel, type DeskTicket, type TicketCategory } from '~/lib/shared/desk-board';
import { priorityBadgeClass, priorityLabel, prioritySetByLabel } from '~/lib/shared/priority';
import { ticketStatusLabel, type TicketStatus } from '~/lib/shared/ticket-status';
import { SlaCountdown } from './sla-countdown';

/** What the board shows of a ticket, plus its age (computed once on the server, so both renders agree). */
export type DeskCardTicket = DeskTicket & { age: string };

const providerLabel: Record<string, string> = { local: 'Local AI', openai: 'OpenAI' };

export function sentimentWord(score: number): string {
  if (score <= sentimentBands.negative.max) return 'upset';
  if (score <= sentimentBands.neutral.max) return 'neutral';
  return 'happy';
}

function TriageFields({ ticket }: { ticket: DeskCardTicket }) {
  if (ticket.triageStatus === 'ai_failed') return null;
  if (!ticket.triage) {
    return (
      <p className="desk-triage-pending" data-testid="triage-pending">
        {ticket.triageStatus === 'processing' ? 'AI triage in progress…' : 'Waiting for AI triage…'}
      </p>
    );
  }
  const { sentimentScore, confidence, provider, model } = ticket.triage;
  return (
    <div className="desk-triage">
      <dl>
        <div>
          <dt>Category</dt>
          <dd data-testid="triage-category">{ticket.category ? (ticketCategoryLabel[ticket.category as TicketCategory] ?? ticket.category) : '—'}</dd>
        </div>
        <div>
          <dt>Priority</dt>
          <dd data-testid="ticket-priority">
            <span className={priorityBadgeClass(ticket.priority)}>{priorityLabel[ticket.priority] ?? ticket.priority}</span>{' '}
            <span className="muted">{prioritySetByLabel({ setBy: ticket.prioritySetBy, setByName: ticket.prioritySetByName })}</span>
          </dd>
        </div>
        <div>
          <dt>Sentiment</dt>
          <dd data-testid="triage-sentiment">
            {sentimentScore}/10 ({sentimentWord(sentimentScore)})
          </dd>
        </div>
        <div>
          <dt>Confidence</dt>
          <dd data-testid="triage-confidence">{Math.round(confidence * 100)}%</dd>
        </div>
      </dl>
      <p className="desk-ai-label" data-testid="triage-provider">
        AI triage by {providerLabel[provider] ?? provider} · <span className="desk-model">{model}</span>
      </p>
    </div>
  );
}

/** One action button on a card, posting `intent` and the ticket to the board's action. */
function CardAction(props: { intent: string; label: string; busyLabel: string; secondary?: boolean; ticketId: string; titleId: string; busyAction: string | null }) {
  const busy = props.busyAction === `${props.intent}:${props.ticketId}`;
  return (
    <Form method="post" replace>
      <input type="hidden" name="ticketId" value={props.ticketId} />
      <button type="submit" name="intent" value={props.intent} className={props.secondary ? 'button secondary small' : 'button small'} disabled={busy} aria-describedby={props.titleId}>
        {busy ? props.busyLabel : props.label}
      </button>
    </Form>
  );
}

export function DeskTicketCard({ ticket, currentUserId, busyAction }: { ticket: DeskCardTicket; currentUserId: string; busyAction: string | null }) {
  const titleId = `ticket-${ticket.id}-title`;
  const isMine = ticket.assignedTo === currentUserId;
  const canRelease = isMine && (ticket.status === 'assigned' || ticket.status === 'in_progress');
  return (
    <li>
      <article className="desk-card" aria-labelledby={titleId} data-testid="desk-ticket" data-ticket-number={ticket.number}>
        <header className="desk-card-header">
          <h3 id={titleId}>
            <Link to={`/desk/tickets/${ticket.id}`}>
              <span className="desk-number">{ticket.number}</span> {ticket.subject}
            </Link>
          </h3>
          <span className={`status-badge status-${ticket.status}`}>{ticketStatusLabel[ticket.status as TicketStatus] ?? ticket.status}</span>
        </header>
        <p className="desk-card-meta">
          <span>{ticket.customerName}</span>
          {ticket.vin ? <span>VIN {ticket.vin}</span> : null}
          <span>
            <time dateTime={ticket.createdAt}>{ticket.age}</time>
          </span>
          {ticket.slaDueAt || ticket.slaBreached ? (
            <span className="desk-card-sla" data-testid="card-sla">
              SLA <SlaCountdown dueAt={ticket.slaDueAt} breached={ticket.slaBreached} />
            </span>
          ) : null}
        </p>

        <TriageFields ticket={ticket} />

        {ticket.possibleDuplicateOf ? (
          <p className="desk-duplicate" data-testid="possible-duplicate">
            Possible duplicate of <Link to={`/desk/tickets/${ticket.possibleDuplicateOf.id}`}>{ticket.possibleDuplicateOf.number}</Link>
          </p>
        ) : null}

        {ticket.triageStatus === 'ai_failed' ? (
          <div className="desk-triage-failed" data-testid="triage-failed">
            <p>
              <strong>AI triage failed</strong>
              {ticket.triageFailure ? ` after ${ticket.triageFailure.attempts} attempt${ticket.triageFailure.attempts === 1 ? '' : 's'}: ` : '.'}
              {ticket.triageFailure ? <code>{ticket.triageFailure.error}</code> : null}
            </p>
          </div>
        ) : null}

        <div className="desk-card-actions">
          {ticket.status === 'unassigned' ? (
            <CardAction intent="claim" label="Claim" busyLabel="Claiming…" ticketId={ticket.id} titleId={titleId} busyAction={busyAction} />
          ) : ticket.assignedTo ? (
            <p className="desk-assignee">{isMine ? 'Claimed by you' : `Claimed by ${ticket.assignedToName ?? 'a colleague'}`}</p>
          ) : null}
          {canRelease ? <CardAction intent="release" label="Release" busyLabel="Releasing…" secondary ticketId={ticket.id} titleId={titleId} busyAction={busyAction} /> : null}
          {ticket.triageStatus === 'ai_failed' ? (
            <CardAction intent="retriage" label="Re-triage" busyLabel="Requeueing…" secondary ticketId={ticket.id} titleId={titleId} busyAction={busyAction} />
          ) : null}
        </div>
      </article>
    </li>
  );
}
