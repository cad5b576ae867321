// The customer's home: ask a question (a new conversation with the assistant), pick up a conversation — with the
// count of messages they have not read yet, kept current live — and follow their tickets.
// The first question goes to the `chat` edge function like every later message (it is their one writer): with script
// the form hands it to the conversation page in sessionStorage (never in the URL) and that page sends it, streaming
// the answer; posted without script, this action sends it and redirects once it is answered.
import { randomUUID } from 'node:crypto';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteLoaderData, useSubmit } from '@remix-run/react';
import type { FormEvent } from 'react';
import { z } from 'zod';
import { EmptyState } from '~/components/app-shell';
import { TextAreaField, useFocusFirstInvalid } from '~/components/form';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { AssistantError } from '~/lib/shared/assistant-stream';
import { rememberPendingQuestion } from '~/lib/browser/pending-question';
import { askAssistantFromServer } from '~/lib/server/assistant.server';
import { requireUser } from '~/lib/server/auth.server';
import { translateDatabaseError } from '~/lib/server/db-errors.server';
import { parseForm, searchParamsOf, type FieldErrors } from '~/lib/shared/forms';
import { assistantQuestionMaxLength, assistantQuestionParam } from '~/lib/shared/help-centre';
import { useLiveRevalidation } from '~/lib/browser/live-revalidate';
import { labelOf, customerTicketStatusLabel } from '~/lib/shared/ticket-labels';
import { TimeAgo } from '~/components/time';
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
  // "Still need help?" in the help centre hands its question over in the address (kept through the login redirect).
  const handedOverQuestion = (searchParamsOf(request).get(assistantQuestionParam) ?? '').trim().slice(0, assistantQuestionMaxLength);
  return data({ user, conversations, areas, tickets, handedOverQuestion }, { headers });
}

const newConversationSchema = z.object({
  solutionArea: z.string().min(1, 'Choose what your question is about.'),
  question: z.string().trim().min(3, 'Describe your question in a few words.').max(4000, 'Keep it under 4,000 characters.'),
  // Chosen by the page's script (which then sends the question itself), or by this action for a form posted without
  // script whose question could not be sent: posted again, the same ids open one conversation and store it once.
  conversationId: z.string().uuid().optional(),
  messageId: z.string().uuid().optional(),
  /** "browser": the conversation page sends the question (handed over in sessionStorage) and streams the answer. */
  sentBy: z.literal('browser').optional(),
});

interface AskActionData {
  fieldErrors: FieldErrors;
  /** What was typed, so a form posted without script never loses it. */
  question: string;
  /** The ids of an attempt whose question could not be sent: sending again reuses them. */
  retry?: { conversationId: string; messageId: string };
}

export async function action({ request }: ActionFunctionArgs) {
  const { claims, supabase, headers } = await requireUser(request, { role: 'customer' });
  const formData = await request.formData();
  const typed = String(formData.get('question') ?? '');
  const form = parseForm(newConversationSchema, formData);
  if (!form.success) return data<AskActionData>({ fieldErrors: form.fieldErrors, question: typed }, { status: 400, headers });
  const { solutionArea, question, conversationId, sentBy } = form.data;
  let started: Awaited<ReturnType<typeof startConversation>>;
  try {
    started = await startConversation({ claims, solutionArea, question, id: conversationId });
  } catch (error) {
    // A solution area that does not exist fails the foreign key: say so instead of failing the page. Other refusals
    // (an unusual character in the question, say) belong next to the question; an outage is the ErrorBoundary's.
    const refusal = translateDatabaseError(error, { fields: { conversations_solution_area_fkey: { field: 'solutionArea', message: 'Choose one of the listed topics.' } } });
    if (!refusal || refusal.code === 'unavailable') throw error;
    return data<AskActionData>({ fieldErrors: { [refusal.field ?? 'question']: refusal.message }, question: typed }, { status: refusal.status, headers });
  }
  if (!started) return data<AskActionData>({ fieldErrors: { question: 'That conversation could not be started. Please send your question again.' }, question: typed }, { status: 409, headers });
  const conversationUrl = `/app/conversations/${started.conversationId}`;
  if (sentBy === 'browser') return redirect(conversationUrl, { headers });

  // Without script the page cannot call the assistant: this action does, as the customer, and waits for the answer.
  const messageId = form.data.messageId ?? randomUUID();
  try {
    await askAssistantFromServer({ supabase, conversationId: started.conversationId, messageId, question });
  } catch (error) {
    if (!(error instanceof AssistantError)) throw error;
    return data<AskActionData>(
      { fieldErrors: { question: error.message }, question: typed, retry: { conversationId: started.conversationId, messageId } },
      { status: 503, headers },
    );
  }
  return redirect(conversationUrl, { headers });
}

export default function CustomerHome() {
  const { user, conversations, areas, tickets, handedOverQuestion } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const env = useRouteLoaderData<typeof rootLoader>('root')!.ENV;
  const formRef = useFocusFirstInvalid(actionData);
  const live = useLiveRevalidation(env, `customer-home:${user.id}`, [{ table: 'messages' }, { table: 'conversations' }, { table: 'tickets' }]);
  const firstName = user.fullName.split(' ')[0] ?? 'there';
  const totalUnread = conversations.reduce((sum, conversation) => sum + conversation.unreadCount, 0);
  const starting = navigation.state !== 'idle' && navigation.formMethod === 'POST';
  const submit = useSubmit();

  /** With script: choose the ids here, hand the question to the conversation page, and let that page send it. */
  function askFromThisTab(event: FormEvent<HTMLFormElement>) {
    const formData = new FormData(event.currentTarget);
    // The ids of an attempt the action could not send are reused, so it is stored once whoever sends it.
    const conversationId = String(formData.get('conversationId') || crypto.randomUUID());
    const messageId = String(formData.get('messageId') || crypto.randomUUID());
    const question = String(formData.get('question') ?? '').trim();
    // Nothing to hand over (the action explains what is missing), or a tab that cannot keep it: the form is posted as
    // it is, and the action sends the question itself.
    if (question === '' || !rememberPendingQuestion({ conversationId, messageId, content: question, createdAt: new Date().toISOString() })) return;
    event.preventDefault();
    formData.set('conversationId', conversationId);
    formData.set('messageId', messageId);
    formData.set('sentBy', 'browser');
    submit(formData, { method: 'post' });
  }

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
          <Form method="post" ref={formRef} className="form" noValidate onSubmit={askFromThisTab}>
            {actionData?.retry ? (
              <>
                <input type="hidden" name="conversationId" value={actionData.retry.conversationId} />
                <input type="hidden" name="messageId" value={actionData.retry.messageId} />
              </>
            ) : null}
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
              defaultValue={actionData?.question ?? (handedOverQuestion || undefined)}
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
                      {[conversation.solutionAreaName, conversation.ticketNumber].filter(Boolean).join(' · ')}
                      {conversation.lastMessageAt ? (
                        <>
                          {conversation.solutionAreaName || conversation.ticketNumber ? ' · ' : null}
                          <TimeAgo iso={conversation.lastMessageAt} />
                        </>
                      ) : null}
                    </span>
                    {conversation.lastMessagePreview ? <span className="item-preview" title={conversation.lastMessagePreview}>{conversation.lastMessagePreview}</span> : null}
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
                    <span className="item-meta">Updated <TimeAgo iso={ticket.updatedAt} /></span>
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
