// One of the customer's tickets, live: its status, the technician on it and its work orders (status and total, no
// internal notes) change on screen as the technician works, without a reload.
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useRouteLoaderData, useSearchParams } from '@remix-run/react';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { z } from 'zod';
import { requireUser } from '~/lib/server/auth.server';
import { useLiveRevalidation } from '~/lib/browser/live-revalidate';
import { formatMoney, labelOf, customerTicketStatusLabel, timeAgo, customerWorkOrderStatusLabel } from '~/lib/shared/ticket-labels';
import { loadMyTicket } from '~/models/customer-tickets.server';
import type { loader as rootLoader } from '~/root';

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: `${loaderData?.ticket.number ?? 'Ticket'} · Support Hub` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'customer' });
  const ticketId = z.string().uuid().safeParse(params['ticketId']);
  if (!ticketId.success) throw data('That ticket link is not valid.', { status: 404, statusText: 'Not Found', headers });
  const ticket = await loadMyTicket({ claims, ticketId: ticketId.data });
  if (!ticket) throw data('This ticket does not exist or belongs to someone else.', { status: 404, statusText: 'Not Found', headers });
  return data({ ticket }, { headers });
}

const progressSteps = ['unassigned', 'assigned', 'in_progress', 'resolved'] as const;

export default function CustomerTicketPage() {
  const { ticket } = useLoaderData<typeof loader>();
  const env = useRouteLoaderData<typeof rootLoader>('root')!.ENV;
  const [searchParams] = useSearchParams();
  const live = useLiveRevalidation(env, `customer-ticket:${ticket.id}`, [
    { table: 'tickets', filter: `id=eq.${ticket.id}` },
    { table: 'work_orders', filter: `ticket_id=eq.${ticket.id}` },
  ]);
  const reached = progressSteps.indexOf(ticket.status === 'waiting_on_customer' ? 'in_progress' : ticket.status === 'closed' ? 'resolved' : (ticket.status as (typeof progressSteps)[number]));

  return (
    <>
      <p className="breadcrumb">
        <Link to="/app">My support</Link> / {ticket.number}
      </p>
      {searchParams.get('opened') ? (
        <div className="form-notice" role="status" data-testid="ticket-acknowledgement">
          Thanks — we received your request. Your ticket number is <strong>{ticket.number}</strong>. A technician will pick it up soon.
        </div>
      ) : null}
      <h1>
        <span data-testid="ticket-number">{ticket.number}</span> · {ticket.subject}
      </h1>
      <p className="chat-meta">
        <span className={`status-pill status-${ticket.status}`} data-testid="ticket-status">
          {labelOf(customerTicketStatusLabel, ticket.status)}
        </span>
        <span className="item-meta">
          Opened {timeAgo(ticket.createdAt)} · updated {timeAgo(ticket.updatedAt)}
        </span>
        <span className={`live-dot ${live}`} aria-hidden="true" />
      </p>

      <ol className="progress-steps" aria-label="Progress">
        {progressSteps.map((step, index) => (
          <li key={step} className={index <= reached ? 'done' : undefined} aria-current={index === reached ? 'step' : undefined}>
            {labelOf(customerTicketStatusLabel, step)}
          </li>
        ))}
      </ol>

      <div className="card-grid">
        <section className="card" aria-labelledby="details-heading">
          <h2 id="details-heading">Your request</h2>
          <p className="pre-wrap">{ticket.content || 'No description.'}</p>
          <dl className="details">
            <dt>Technician</dt>
            <dd data-testid="ticket-technician">{ticket.technicianName ?? 'Not assigned yet'}</dd>
            {ticket.vehicle ? (
              <>
                <dt>Vehicle</dt>
                <dd>{ticket.vehicle}</dd>
              </>
            ) : null}
            {ticket.vin ? (
              <>
                <dt>VIN</dt>
                <dd>{ticket.vin}</dd>
              </>
            ) : null}
          </dl>
          {ticket.conversationId ? (
            <Link to={`/app/conversations/${ticket.conversationId}`} className="button secondary">
              Open the conversation
            </Link>
          ) : null}
        </section>
        <section className="card" aria-labelledby="work-heading">
          <h2 id="work-heading">Work orders</h2>
          {ticket.workOrders.length === 0 ? (
            <p className="muted">No workshop work is planned for this ticket.</p>
          ) : (
            <table className="data-table" data-testid="customer-work-orders">
              <thead>
                <tr>
                  <th scope="col">Work order</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="numeric">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody>
                {ticket.workOrders.map((order) => (
                  <tr key={order.id}>
                    <td>{order.number}</td>
                    <td>{labelOf(customerWorkOrderStatusLabel, order.status)}</td>
                    <td className="numeric">{formatMoney(order.totalCost)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </>
  );
}

export const ErrorBoundary = routeErrorBoundary({
  statuses: { 404: { title: 'Ticket not found' } },
  response: (error) => String(error.data),
  unexpected: { title: 'This ticket could not be shown', message: 'Something went wrong on our side. Please reload the page in a moment.' },
});
