// Tickets as their customer sees them: number, subject, status, the technician on it, work-order status and total.
// Never the triage internals (sentiment, draft reply, confidence): those live in ticket_ai_results, which customers
// have no policy on, and this module does not ask for them either. Every function runs inside withRls as the caller.
import type postgres from 'postgres';
import { withRls, type RlsClaims } from '~/lib/server/db.server';

export interface CustomerTicketSummary {
  id: string;
  number: string;
  subject: string;
  status: string;
  createdAt: string;
  updatedAt: string;
}

export async function listMyTickets({ claims, limit = 20 }: { claims: RlsClaims; limit?: number }): Promise<CustomerTicketSummary[]> {
  const rows = await withRls(claims, (tx) => tx`
    select id, number, subject, status, created_at, updated_at from public.tickets
    where customer_id = (select auth.uid())
    order by created_at desc, id desc
    limit ${limit}`);
  return rows.map(summaryFromRow);
}

/** The columns every ticket read here selects, as the summary both the list and the ticket page show. */
function summaryFromRow(row: postgres.Row): CustomerTicketSummary {
  return {
    id: String(row['id']),
    number: String(row['number']),
    subject: String(row['subject']),
    status: String(row['status']),
    createdAt: new Date(row['created_at'] as string).toISOString(),
    updatedAt: new Date(row['updated_at'] as string).toISOString(),
  };
}

export interface NewTicketInput {
  subject: string;
  content: string;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  contactPhone?: string | undefined;
  vehicleYear?: number | undefined;
  vehicleMake?: string | undefined;
  vehicleModel?: string | undefined;
  vin?: string | undefined;
}

/** Opens a ticket for the caller through public.open_ticket; the database numbers it and the triage trigger queues it. */
export async function openTicket({ claims, input }: { claims: RlsClaims; input: NewTicketInput }): Promise<{ id: string; number: string }> {
  const [row] = await withRls(claims, (tx) => tx`
    select id, number from public.open_ticket(
      subject => ${input.subject}, content => ${input.content}, channel => 'web', priority => ${input.priority},
      contact_email => (select email from public.profiles where id = (select auth.uid())), contact_phone => ${input.contactPhone ?? null},
      vehicle_year => ${input.vehicleYear ?? null}, vehicle_make => ${input.vehicleMake ?? null},
      vehicle_model => ${input.vehicleModel ?? null}, vin => ${input.vin ?? null})`);
  return { id: String(row!.id), number: String(row!.number) };
}

export interface CustomerTicket extends CustomerTicketSummary {
  content: string;
  priority: string;
  vehicle: string | null;
  vin: string | null;
  technicianName: string | null;
  conversationId: string | null;
  resolvedAt: string | null;
  /** The ticket this one was merged into, when the caller may read it (their own): the page sends them there. */
  mergedIntoId: string | null;
  workOrders: Array<{ id: string; number: string; status: string; totalCost: string }>;
}

/** One of the caller's tickets with its work orders, read in one transaction; null when it is not theirs. */
export async function loadMyTicket({ claims, ticketId }: { claims: RlsClaims; ticketId: string }): Promise<CustomerTicket | null> {
  return withRls(claims, async (tx) => {
    const [row] = await tx`
      select ticket.id, ticket.number, ticket.subject, ticket.content, ticket.status, ticket.priority, ticket.created_at,
        ticket.updated_at, ticket.resolved_at, ticket.vin, ticket.conversation_id,
        nullif(concat_ws(' ', ticket.vehicle_year, ticket.vehicle_make, ticket.vehicle_model), '') as vehicle,
        technician.full_name as technician_name,
        -- Under RLS: another customer's survivor (a confirmed cross-customer merge) reads as null.
        (select survivor.id from public.tickets survivor where survivor.id = ticket.merged_into) as merged_into_id
      from public.tickets ticket
      left join public.profiles technician on technician.id = ticket.assigned_to
      where ticket.id = ${ticketId} and ticket.customer_id = (select auth.uid())`;
    if (!row) return null;
    const workOrders = await tx`
      select id, number, status, total_cost from public.work_orders
      where ticket_id = ${ticketId}
      order by created_at`;
    return {
      ...summaryFromRow(row),
      content: String(row.content),
      priority: String(row.priority),
      resolvedAt: row.resolved_at ? new Date(row.resolved_at as string).toISOString() : null,
      vehicle: row.vehicle as string | null,
      vin: row.vin as string | null,
      technicianName: row.technician_name as string | null,
      conversationId: row.conversation_id as string | null,
      mergedIntoId: (row.merged_into_id as string | null) ?? null,
      workOrders: workOrders.map((order) => ({
        id: String(order.id),
        number: String(order.number),
        status: String(order.status),
        totalCost: String(order.total_cost),
      })),
    };
  });
}
