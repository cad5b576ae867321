// The ticket's timeline (public.ticket_timeline: the ticket's creation, then its ticket_events rows, written by
// triggers): who did what, when.
import { ticketStatusLabel, type TicketStatus } from '~/lib/shared/ticket-status';
import type { TicketEventKind, TimelineEvent } from '~/lib/shared/views/ticket-page';
import { LocalTime } from '../time';

const statusName = (value: unknown) => (typeof value === 'string' && value in ticketStatusLabel ? ticketStatusLabel[value as TicketStatus] : String(value ?? '?'));
const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

const describe: Record<TicketEventKind, (details: Record<string, unknown>) => string> = {
  created: (details) => `Ticket ${text(details['number'])} created (${text(details['channel'])})`,
  triage_finished: (details) => `AI triage finished: ${text(details['category']) || 'no category'}, ${text(details['urgency']) || 'no'} urgency`,
  triage_failed: () => 'AI triage failed; needs manual handling',
  claimed: () => 'Claimed the ticket',
  assigned: () => 'Assigned the ticket',
  unassigned: () => 'Released the ticket to the queue',
  status_changed: (details) => `Status ${statusName(details['from'])} → ${statusName(details['to'])}`,
  message_sent: (details) => (details['role'] === 'user' ? 'Customer wrote' : `${text(details['role'])} message`),
  reply_sent: () => 'Replied to the customer',
  internal_note_added: () => 'Added an internal note',
  work_order_created: (details) => `Work order ${text(details['number'])} created`,
  work_order_started: (details) => `Work order ${text(details['number'])} started`,
  work_order_completed: (details) => `Work order ${text(details['number'])} completed (total $${text(details['total_cost'])})`,
  work_order_cancelled: (details) => `Work order ${text(details['number'])} cancelled`,
  resolved: (details) => `Resolved (from ${statusName(details['from'])})`,
  reopened: (details) => `Reopened: ${statusName(details['from'])} → ${statusName(details['to'])}`,
  follow_up_opened: (details) => `Follow-up ticket ${text(details['follow_up_number'])} opened`,
  sla_breached: (details) =>
    `${details['target'] === 'first_response' ? 'First-response' : 'Resolution'} SLA missed${details['escalation'] === 'reassign' ? ', reassigned' : ', lead notified'}`,
  rated: (details) => `Customer rated ${text(details['rating'])} / 5`,
  triage_corrected: (details) =>
    `Corrected ${text(details['field'])}: ${text(details['from']) || 'none'} → ${text(details['to'])}${details['model'] ? ` (triage by ${text(details['model'])})` : ''}`,
  merged: (details) =>
    details['survivor_number']
      ? `Merged into ${text(details['survivor_number'])}${details['cross_customer'] ? ' (another customer, confirmed)' : ''}`
      : `Ticket ${text(details['duplicate_number'])} merged into this one${details['cross_customer'] ? ' (another customer, confirmed)' : ''}`,
};

export function Timeline({ events }: { events: TimelineEvent[] }) {
  return (
    <section className="card timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      {events.length === 0 ? (
        <p className="muted">Nothing has happened to this ticket yet.</p>
      ) : (
        <ol className="timeline-list" data-testid="timeline">
          {events.map((event) => (
            <li key={event.id} data-kind={event.kind}>
              <span className="timeline-what">{describe[event.kind](event.details)}</span>
              <span className="muted">
                {event.actorName ?? 'System'} · <LocalTime iso={event.createdAt} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
