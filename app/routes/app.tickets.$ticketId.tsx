// One of the customer's tickets, live: its status, the technician on it and its work orders (status and total, no
// internal notes) change on screen as the technician works, without a reload.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useRouteLoaderData, useSearchParams } from '@remix-run/react';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { CustomerThread, type CustomerTicketActionResult } from '~/components/ticket/customer-thread';
import { SatisfactionSurvey } from '~/components/ticket/satisfaction-survey';
import { z } from 'zod';
import { requireUser } from '~/lib/server/auth.server';
import { translateDatabaseError } from '~/lib/server/db-errors.server';
import { customerReplySchema, customerTicketIntentSchema, ticketRatingSchema } from '~/lib/shared/customer-ticket-forms';
import { parseForm } from '~/lib/shared/forms';
import { loadMyTicketThread, rateMyTicket, replyToMyTicket } from '~/models/customer-ticket-thread.server';
import { useLiveRevalidation } from '~/lib/browser/live-revalidate';
import { formatMoney, labelOf, customerTicketStatusLabel, customerWorkOrderStatusLabel } from '~/lib/shared/ticket-labels';
import { TimeAgo } from '~/components/time';
import { loadMyTicket } from '~/models/customer-tickets.server';
import type { loader as rootLoader } from '~/root';

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: `${loaderData?.ticket.number ?? 'Ticket'} · Support Hub` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'customer' });
  const ticketId = z.string().uuid().safeParse(params['ticketId']);
  if (!ticketId.success) throw data('That ticket link is not valid.', { status: 404, statusText: 'Not Found', headers });
  const ticket = await loadMyTicket({ claims, ticketId: ticketId.data });
  if (!ticket) throw data('This ticket does not exist or belongs to someone else.', { status: 404, statusText: 'Not Found', headers });
  // A merged ticket's conversation and work went on in the survivor: show that one.
  if (ticket.mergedIntoId) throw redirect(`/app/tickets/${ticket.mergedIntoId}?merged=${encodeURIComponent(ticket.number)}`, { headers });
  const thread = await loadMyTicketThread({ claims, ticketId: ticket.id, conversationId: ticket.conversationId });
  return data({ ticket, thread }, { headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'customer' });
  const ticketId = z.string().uuid().safeParse(params['ticketId']);
  if (!ticketId.success) throw data('That ticket link is not valid.', { status: 404, statusText: 'Not Found', headers });
  const formData = await request.formData();
  const intent = customerTicketIntentSchema.safeParse(formData.get('intent'));
  if (!intent.success) return data<CustomerTicketActionResult>({ intent: 'reply', ok: false, fieldErrors: {}, formError: 'Unknown action.' }, { status: 400, headers });
  const respond = (result: Omit<CustomerTicketActionResult, 'intent'>, status = result.ok ? 200 : 400) =>
    data<CustomerTicketActionResult>({ intent: intent.data, ...result }, { status, headers });
  try {
    if (intent.data === 'reply') {
      const form = parseForm(customerReplySchema, formData);
      if (!form.success) return respond({ ok: false, fieldErrors: form.fieldErrors });
      const ownerTicketId = await replyToMyTicket({ claims, ticketId: ticketId.data, content: form.data.content });
      // A reply on a closed ticket opened a follow-up: show that one.
      if (ownerTicketId !== ticketId.data) throw redirect(`/app/tickets/${ownerTicketId}?opened=follow-up`, { headers });
      return respond({ ok: true, fieldErrors: {}, notice: 'Sent to your technician.' });
    }
    const form = parseForm(ticketRatingSchema, formData);
    if (!form.success) return respond({ ok: false, fieldErrors: form.fieldErrors });
    await rateMyTicket({ claims, ticketId: ticketId.data, rating: form.data.rating, comment: form.data.comment });
    return respond({ ok: true, fieldErrors: {}, notice: 'Thank you for your rating.' });
  } catch (error) {
    if (error instanceof Response) throw error;
    const refusal = translateDatabaseError(error, {
      wording: {
        P0002: 'This ticket does not exist or belongs to someone else.',
        '23505': 'You have already rated this ticket.',
        '42501': 'This ticket can be rated once it is resolved.',
      },
    });
    if (!refusal) throw error;
    return respond({ ok: false, fieldErrors: {}, formError: refusal.message }, refusal.status);
  }
}

const progressSteps = ['unassigned', 'assigned', 'in_progress', 'resolved'] as const;

export default function CustomerTicketPage() {
  const { ticket, thread } = useLoaderData<typeof loader>();
  const env = useRouteLoaderData<typeof rootLoader>('root')!.ENV;
  const [searchParams] = useSearchParams();
  const live = useLiveRevalidation(env, `customer-ticket:${ticket.id}`, [
    { table: 'tickets', filter: `id=eq.${ticket.id}` },
    { table: 'work_orders', filter: `ticket_id=eq.${ticket.id}` },
    ...(ticket.conversationId ? [{ table: 'messages', filter: `conversation_id=eq.${ticket.conversationId}` }] : []),
  ]);
  const reached = progressSteps.indexOf(ticket.status === 'waiting_on_customer' ? 'in_progress' : ticket.status === 'closed' ? 'resolved' : (ticket.status as (typeof progressSteps)[number]));

  return (
    <>
      <p className="breadcrumb">
        <Link to="/app">My support</Link> / {ticket.number}
      </p>
      {searchParams.get('opened') ? (
        <div className="form-notice" role="status" data-testid="ticket-acknowledgement">
          {searchParams.get('opened') === 'follow-up' ? 'Your earlier ticket was closed, so your message opened this follow-up' : 'Thanks — we received your request'}. Your ticket
          number is <strong>{ticket.number}</strong>. A technician will pick it up soon.
        </div>
      ) : null}
      {searchParams.get('merged') ? (
        <div className="form-notice" role="status" data-testid="ticket-merged-notice">
          Your ticket {searchParams.get('merged')} was about the same problem, so we joined it to this one. Everything you wrote is here.
        </div>
      ) : null}
      {ticket.status === 'merged' ? (
        <div className="form-notice" role="status" data-testid="ticket-merged-notice">
          Other customers reported the same problem, so a technician follows it on one shared ticket. We will write to you here.
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
          Opened <TimeAgo iso={ticket.createdAt} /> · updated <TimeAgo iso={ticket.updatedAt} />
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
      {ticket.status === 'resolved' || ticket.status === 'closed' ? <SatisfactionSurvey rating={thread.rating} /> : null}
      <CustomerThread messages={thread.messages} status={ticket.status} />
    </>
  );
}

export const ErrorBoundary = routeErrorBoundary({
  statuses: { 404: { title: 'Ticket not found' } },
  response: (error) => String(error.data),
  unexpected: { title: 'This ticket could not be shown', message: 'Something went wrong on our side. Please reload the page in a moment.' },
});
