// The customer's home: ask a question (a new conversation with the assistant), pick up a conversation — with the
// count of messages they have not read yet, kept current live — and follow their tickets.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { EmptyState } from '~/components/app-shell';
import { TextAreaField, useFocusFirstInvalid } from '~/components/form';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { requireUser } from '~/lib/server/auth.server';
import { translateDatabaseError } from '~/lib/server/db-errors.server';
import { parseForm, type FieldErrors } from '~/lib/shared/forms';
import { useLiveRevalidation } from '~/lib/browser/live-revalidate';
import { labelOf, customerTicketStatusLabel, timeAgo } from '~/lib/shared/ticket-labels';
import { listMyConversations, startConversation } from '~/models/conversations.server';
import { listMyTickets } from '~/models/customer-tickets.server';
import { listSolutionAreas } from '~/models/solution-areas.server';
import type { loader as rootLoader } from '~/root';

export const meta: MetaFunction = () => [{ title: 'My support · Support Hub' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, claims, headers } = await requireUser(request, { role: 'customer' });
  // Three independent reads, each in its own RLS transaction: nothing on this page compares one list with another,
  // and live revalidation re-reads all three on any change, so they need no shared snapshot.
  const [conversations, areas, tickets] = await Promise.all([listMyConversations({ claims }), listSolutionAreas({ claims }), listMyTickets({ claims })]);
  return data({ user, conversations, areas, tickets }, { headers });
}

const newConversationSchema = z.object({
  solutionArea: z.string().min(1, 'Choose what your question is about.'),
  question: z.string().trim().min(3, 'Describe your question in a few words.').max(4000, 'Keep it under 4,000 characters.'),
});

export async function action({ request }: ActionFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'customer' });
  const form = parseForm(newConversationSchema, await request.formData());
  if (!form.success) return data<{ fieldErrors: FieldErrors }>({ fieldErrors: form.fieldErrors }, { status: 400, headers });
  try {
    const started = await startConversation({ claims, ...form.data });
    return redirect(`/app/conversations/${started.conversationId}?answer=${started.messageId}`, { headers });
  } catch (error) {
    // A solution area that does not exist fails the foreign key: say so instead of failing the page. Other refusals
    // (an unusual character in the question, say) belong next to the question; an outage is the ErrorBoundary's.
    const refusal = translateDatabaseError(error, { fields: { conversations_solution_area_fkey: { field: 'solutionArea', message: 'Choose one of the listed topics.' } } });
    if (!refusal || refusal.code === 'unavailable') throw error;
    return data<{ fieldErrors: FieldErrors }>({ fieldErrors: { [refusal.field ?? 'question']: refusal.message } }, { status: refusal.status, headers });
  }
}

export default function CustomerHome() {
  const { user, conversations, areas, tickets } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const env = useRouteLoaderData<typeof rootLoader>('root')!.ENV;
  const formRef = useFocusFirstInvalid(actionData);
  const live = useLiveRevalidation(env, `customer-home:${user.id}`, [{ table: 'messages' }, { table: 'conversations' }, { table: 'tickets' }]);
  const firstName = user.fullName.split(' ')[0] ?? 'there';
  const totalUnread = conversations.reduce((sum, conversation) => sum + conversation.unreadCount, 0);
  const starting = navigation.state !== 'idle' && navigation.formMethod === 'POST';

  return (
    <>
      <h1>Hi {firstName}, how can we help?</h1>
      <p className="lead">
        Ask our assistant — it answers from our help centre and brings in a technician when it cannot.{' '}
        <span className={`live-dot ${live}`} aria-hidden="true" /> <span className="visually-hidden" data-testid="live-status">
          Updates are {live}
        </span>
      </p>

      <div className="customer-home">
        <section className="card" aria-labelledby="ask-heading">
          <h2 id="ask-heading">Ask a question</h2>
          <Form method="post" ref={formRef} className="form" noValidate>
            <fieldset className="field">
              <legend>What is it about?</legend>
              <div className="choice-row">
                {areas.map((area, index) => (
                  <label key={area.slug} className="choice">
                    <input type="radio" name="solutionArea" value={area.slug} defaultChecked={index === 0} aria-invalid={actionData?.fieldErrors['solutionArea'] ? true : undefined} />
                    <span>
                      <strong>{area.name}</strong>
                      <small>{area.description}</small>
                    </span>
                  </label>
                ))}
              </div>
              {actionData?.fieldErrors['solutionArea'] ? <p className="field-error">{actionData.fieldErrors['solutionArea']}</p> : null}
            </fieldset>
            <TextAreaField
              name="question"
              label="Your question"
              rows={3}
              maxLength={4000}
              placeholder="e.g. My car clicks but won't start"
              error={actionData?.fieldErrors['question']}
            />
            <div className="actions">
              <button type="submit" className="button" disabled={starting}>
                {starting ? 'Starting…' : 'Ask the assistant'}
              </button>
              <Link to="/app/tickets/new" className="button secondary">
                Open a ticket instead
              </Link>
            </div>
          </Form>
        </section>

        <section aria-labelledby="conversations-heading">
          <h2 id="conversations-heading">
            Conversations{' '}
            {totalUnread > 0 ? (
              <span className="badge" data-testid="total-unread">
                {totalUnread} unread
              </span>
            ) : null}
          </h2>
          {conversations.length === 0 ? (
            <EmptyState title="No conversations yet">Your conversations with the assistant and our technicians will appear here.</EmptyState>
          ) : (
            <ul className="item-list" data-testid="conversation-list">
              {conversations.map((conversation) => (
                <li key={conversation.id} className={conversation.unreadCount > 0 ? 'unread' : undefined}>
                  <Link to={`/app/conversations/${conversation.id}`} className="item-link">
                    <span className="item-title">{conversation.title}</span>
                    {conversation.unreadCount > 0 ? (
                      <span className="badge" aria-label={`${conversation.unreadCount} unread messages`} data-testid="unread-count">
                        {conversation.unreadCount}
                      </span>
                    ) : null}
                    <span className="item-meta">
                      {[conversation.solutionAreaName, conversation.ticketNumber, conversation.lastMessageAt ? timeAgo(conversation.lastMessageAt) : null]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                    {conversation.lastMessagePreview ? <span className="item-preview">{conversation.lastMessagePreview}</span> : null}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="tickets-heading">
          <h2 id="tickets-heading">Tickets</h2>
          {tickets.length === 0 ? (
            <EmptyState title="No tickets" action={<Link to="/app/tickets/new">Open a ticket</Link>}>
              When you open a ticket, or the assistant opens one for you, you can follow it here.
            </EmptyState>
          ) : (
            <ul className="item-list" data-testid="ticket-list">
              {tickets.map((ticket) => (
                <li key={ticket.id}>
                  <Link to={`/app/tickets/${ticket.id}`} className="item-link">
                    <span className="item-title">
                      {ticket.number} · {ticket.subject}
                    </span>
                    <span className={`status-pill status-${ticket.status}`}>{labelOf(customerTicketStatusLabel, ticket.status)}</span>
                    <span className="item-meta">Updated {timeAgo(ticket.updatedAt)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

export const ErrorBoundary = routeErrorBoundary({
  response: 'Your support overview could not be shown.',
  unexpected: { title: 'Your support overview is unavailable', message: 'Something went wrong on our side. Please try again in a moment.' },
});
