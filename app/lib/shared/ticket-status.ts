// Ticket workflow statuses as the desk shows them (shared by server and browser code).

// `supabase gen types` leaves public.ticket_status out of the generated enums (tickets.status comes out as
// string), so the workflow statuses are spelled here once, in the order of the lifecycle.
export const ticketStatuses = ['unassigned', 'assigned', 'in_progress', 'waiting_on_customer', 'resolved', 'closed', 'merged'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

/**
 * The moves a technician may make from each status: the graph private.enforce_ticket_lifecycle enforces,
 * minus `unassigned -> *` (that is a claim, public.claim_ticket) and with `-> unassigned` meaning "release to the
 * queue" (public.release_ticket, which also releases an in-progress ticket).
 * The database stays the authority: a move it refuses comes back as its error.
 */
export const nextTicketStatuses: Record<TicketStatus, readonly TicketStatus[]> = {
  unassigned: [],
  assigned: ['in_progress', 'waiting_on_customer', 'resolved', 'unassigned'],
  in_progress: ['waiting_on_customer', 'resolved', 'assigned', 'unassigned'],
  waiting_on_customer: ['in_progress', 'resolved'],
  resolved: ['in_progress', 'closed'],
  closed: [],
  // Final: only public.merge_tickets reaches it.
  merged: [],
};

export const ticketStatusLabel: Record<TicketStatus, string> = {
  unassigned: 'Unassigned',
  assigned: 'Assigned',
  in_progress: 'In progress',
  waiting_on_customer: 'Waiting on customer',
  resolved: 'Resolved',
  closed: 'Closed',
  merged: 'Merged',
};

/** The button that moves a ticket to a status. */
export const moveToStatusLabel: Record<TicketStatus, string> = {
  unassigned: 'Release to the queue',
  assigned: 'Pause work',
  in_progress: 'Start work',
  waiting_on_customer: 'Wait on customer',
  resolved: 'Resolve ticket',
  closed: 'Close ticket',
  merged: 'Merge ticket',
};

export const workOrderStatusLabel = {
  open: 'Open',
  in_progress: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
} as const;
