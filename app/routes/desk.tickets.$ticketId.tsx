// The technician's ticket page: details, the troubleshooting already tried, triage, the live conversation with
// the AI draft to edit and send, internal notes, status moves, work orders and the timeline. Every read and
// write goes through withRls; the database refuses what the workflow forbids and its message is shown as is.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useFetcher, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import { useMemo } from 'react';
import { z } from 'zod';
import { FormError, FormNotice } from '~/components/form';
import type { TicketActionResult } from '~/components/ticket/action-result';
import { Composer, Conversation } from '~/components/ticket/conversation';
import { LocalTime } from '~/components/time';
import { ResolveSuggestion } from '~/components/ticket/resolve-suggestion';
import { TriagePanel } from '~/components/ticket/triage-panel';
import { DuplicatePanel } from '~/components/ticket/duplicate-panel';
import { Timeline } from '~/components/ticket/timeline';
import { WorkOrders } from '~/components/ticket/work-orders';
import { routeErrorBoundary } from '~/components/route-error-boundary';
import { requireUser } from '~/lib/server/auth.server';
import { translateDatabaseError } from '~/lib/server/db-errors.server';
import type { RlsClaims } from '~/lib/server/db.server';
import { ATTACHMENTS_BUCKET, parseAttachmentForm } from '~/lib/shared/attachments';
import { parseForm } from '~/lib/shared/forms';
import { priorityLabel, prioritySetByLabel } from '~/lib/shared/priority';
import {
  createWorkOrderSchema,
  logHoursSchema,
  messageFormSchema,
  parsePartLines,
  statusFormSchema,
  ticketIntentSchema,
  triageCorrectionSchema,
  mergeFormSchema,
  workOrderActionSchema,
  workOrderNoteSchema,
  type TicketIntent,
} from '~/lib/shared/ticket-forms';
import { moveToStatusLabel, nextTicketStatuses, ticketStatusLabel, ticketStatuses, type TicketStatus } from '~/lib/shared/ticket-status';
import { useLiveConversation, type Participant } from '~/lib/browser/live-conversation';
import { useLiveRevalidation, type LiveTable } from '~/lib/browser/live-revalidate';
import { applyCannedReplyActions, listCannedRepliesForTicket } from '~/models/canned-replies.server';
import { claimTicket } from '~/models/desk-board.server';
import { changeTicketStatus, correctTriage, getTicketPage, mergeTickets, postTicketAttachment, postTicketMessage } from '~/models/ticket.server';
import { addWorkOrderNote, createWorkOrder, listWorkOrders, updateWorkOrder } from '~/models/work-order.server';
import type { loader as rootLoader } from '~/root';
import { loadUploadLimits } from '~/models/upload-limits.server';

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [{ title: loaded ? `${loaded.page.ticket.number} · Desk · Support Hub` : 'Ticket · Desk · Support Hub' }];

const ticketIdSchema = z.string().uuid();

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, claims, headers } = await requireUser(request, { role: 'technician' });
  const ticketId = ticketIdSchema.safeParse(params['ticketId']);
  if (!ticketId.success) throw new Response('No such ticket', { status: 404, statusText: 'Not Found', headers });
  const page = await getTicketPage({ claims, id: ticketId.data });
  if (!page) throw new Response('No such ticket', { status: 404, statusText: 'Not Found', headers });
  const workOrders = await listWorkOrders({ claims, ticketId: ticketId.data });
  const cannedReplies = await listCannedRepliesForTicket({ claims, ticketId: ticketId.data });
  const attachmentLimits = await loadUploadLimits({ claims, bucket: ATTACHMENTS_BUCKET });
  return data({ page, workOrders, cannedReplies, attachmentLimits, userId: user.id, userName: user.fullName, isAdmin: user.role === 'admin' }, { headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { claims, headers } = await requireUser(request, { role: 'technician' });
  const ticketId = ticketIdSchema.safeParse(params['ticketId']);
  if (!ticketId.success) throw new Response('No such ticket', { status: 404, statusText: 'Not Found', headers });
  const formData = await request.formData();
  const intent = ticketIntentSchema.safeParse(formData.get('intent'));
  if (!intent.success) return data<TicketActionResult>({ intent: 'status', ok: false, fieldErrors: {}, formError: 'Unknown action.' }, { status: 400, headers });

  const respond = (result: Omit<TicketActionResult, 'intent'>, status = result.ok ? 200 : 400) => data<TicketActionResult>({ intent: intent.data, ...result }, { status, headers });
  // Echoed back so only the card of the work order concerned shows the result.
  const workOrderId = typeof formData.get('workOrderId') === 'string' ? String(formData.get('workOrderId')) : undefined;
  try {
    return await runIntent({ intent: intent.data, formData, claims, ticketId: ticketId.data, workOrderId, respond });
  } catch (error) {
    // What the workflow forbids (a trigger's check, not yours, not found) is said in the database's words.
    const refusal = translateDatabaseError(error);
    if (!refusal) throw error;
    return respond({ ok: false, fieldErrors: {}, formError: refusal.message, workOrderId }, refusal.status);
  }
}

type Respond = (result: Omit<TicketActionResult, 'intent'>, status?: number) => ReturnType<typeof data<TicketActionResult>>;

interface IntentArgs {
  intent: TicketIntent;
  formData: FormData;
  claims: RlsClaims;
  ticketId: string;
  workOrderId: string | undefined;
  respond: Respond;
}

async function runIntent({ intent, formData, claims, ticketId, workOrderId, respond }: IntentArgs) {
  const notYours = 'This ticket is not assigned to you (anymore). Reload to see who has it.';
  switch (intent) {
    case 'claim': {
      const outcome = await claimTicket({ claims, ticketId });
      return outcome.claimed
        ? respond({ ok: true, fieldErrors: {}, notice: 'The ticket is yours.' })
        : respond({ ok: false, fieldErrors: {}, formError: `${outcome.assigned_to_name ?? 'Another technician'} claimed this ticket first.` }, 409);
    }
    case 'status': {
      const form = parseForm(statusFormSchema, formData);
      if (!form.success) return respond({ ok: false, fieldErrors: form.fieldErrors, formError: form.fieldErrors['status'] });
      const changed = await changeTicketStatus({ claims, ticketId, status: form.data.status });
      return changed ? respond({ ok: true, fieldErrors: {}, notice: `Status: ${ticketStatusLabel[form.data.status]}.` }) : respond({ ok: false, fieldErrors: {}, formError: notYours }, 403);
    }
    case 'reply':
    case 'note': {
      const form = parseForm(messageFormSchema, formData);
      if (!form.success) return respond({ ok: false, fieldErrors: form.fieldErrors });
      await postTicketMessage({ claims, ticketId, content: form.data.content, internal: intent === 'note' });
      // A macro's status and internal note follow its text (public.apply_canned_reply_actions, as the technician).
      const cannedReplyId = z.string().uuid().safeParse(formData.get('cannedReplyId'));
      if (intent === 'reply' && cannedReplyId.success) await applyCannedReplyActions({ claims, cannedReplyId: cannedReplyId.data, ticketId });
      return respond({ ok: true, fieldErrors: {}, notice: intent === 'note' ? 'Internal note added.' : 'Sent to the customer.' });
    }
    case 'attachReply':
    case 'attachNote': {
      // The file is in Storage already (the browser uploaded it as the technician); this writes the message naming it.
      const attachment = parseAttachmentForm(formData);
      if (!attachment.success) return respond({ ok: false, fieldErrors: {}, formError: attachment.error.issues[0]?.message ?? 'The file could not be sent.' });
      await postTicketAttachment({ claims, ticketId, attachment: attachment.data, internal: intent === 'attachNote' });
      return respond({ ok: true, fieldErrors: {}, notice: intent === 'attachNote' ? 'File added to the internal notes.' : 'File sent to the customer.' });
    }
    case 'createWorkOrder': {
      const form = parseForm(createWorkOrderSchema, formData);
      const parts = parsePartLines(formData);
      if (!form.success || !parts.success) {
        return respond({ ok: false, fieldErrors: { ...(form.success ? {} : form.fieldErrors), ...(parts.success ? {} : parts.fieldErrors) } });
      }
      await createWorkOrder({ claims, ticketId, description: form.data.description, estimatedHours: form.data.estimatedHours, laborRate: form.data.laborRate ?? 0, parts: parts.data });
      return respond({ ok: true, fieldErrors: {}, notice: 'Work order created.' });
    }
    case 'startWorkOrder':
    case 'completeWorkOrder':
    case 'cancelWorkOrder':
    case 'logHours': {
      const form = intent === 'logHours' ? parseForm(logHoursSchema, formData) : parseForm(workOrderActionSchema, formData);
      if (!form.success) return respond({ ok: false, fieldErrors: form.fieldErrors, workOrderId });
      const status = ({ startWorkOrder: 'in_progress', completeWorkOrder: 'completed', cancelWorkOrder: 'cancelled', logHours: undefined } as const)[intent];
      const updated = await updateWorkOrder({ claims, id: form.data.workOrderId, status, actualHours: form.data.actualHours ?? undefined });
      if (!updated) return respond({ ok: false, fieldErrors: {}, formError: notYours, workOrderId }, 403);
      const notice = { startWorkOrder: 'Work order started.', completeWorkOrder: 'Work order completed.', cancelWorkOrder: 'Work order cancelled.', logHours: 'Hours logged.' }[intent];
      return respond({ ok: true, fieldErrors: {}, notice, workOrderId });
    }
    case 'correctTriage': {
      const form = parseForm(triageCorrectionSchema, formData);
      if (!form.success) return respond({ ok: false, fieldErrors: form.fieldErrors, formError: form.fieldErrors['field'] });
      const changed = await correctTriage({ claims, ticketId, field: form.data.field, value: String(form.data.value) });
      const fieldName = { category: 'Category', urgency: 'Urgency', sentiment: 'Sentiment' }[form.data.field];
      return respond({ ok: true, fieldErrors: {}, notice: changed ? `${fieldName} corrected to ${form.data.value}.` : `${fieldName} was already ${form.data.value}.` });
    }
    case 'merge': {
      const form = parseForm(mergeFormSchema, formData);
      if (!form.success) return respond({ ok: false, fieldErrors: form.fieldErrors, formError: form.fieldErrors['survivorId'] });
      const merged = await mergeTickets({ claims, duplicateId: ticketId, survivorId: form.data.survivorId, confirmCrossCustomer: form.data.confirmCrossCustomer });
      return respond({ ok: true, fieldErrors: {}, notice: `Merged into ${merged.survivorNumber}.` });
    }
    case 'workOrderNote': {
      const form = parseForm(workOrderNoteSchema, formData);
      if (!form.success) return respond({ ok: false, fieldErrors: form.fieldErrors, workOrderId });
      await addWorkOrderNote({ claims, id: form.data.workOrderId, content: form.data.content });
      return respond({ ok: true, fieldErrors: {}, notice: 'Note added.', workOrderId });
    }
  }
}

export default function TicketPageRoute() {
  const { page, workOrders, cannedReplies, attachmentLimits, userId, userName, isAdmin } = useLoaderData<typeof loader>();
  const { ticket, triage, steps, messages, timeline, sessionGuideTitle } = page;
  const env = useRouteLoaderData<typeof rootLoader>('root')!.ENV;
  // Live: the ticket row, its timeline, its work orders and its conversation's messages (RLS per subscriber). A
  // change re-runs the loader, which reads under RLS again: payloads are only a signal.
  const liveTables: LiveTable[] = [
    { table: 'tickets', filter: `id=eq.${ticket.id}` },
    { table: 'ticket_events', filter: `ticket_id=eq.${ticket.id}` },
    { table: 'work_orders', filter: `ticket_id=eq.${ticket.id}` },
    ...(ticket.conversationId ? [{ table: 'messages', filter: `conversation_id=eq.${ticket.conversationId}` }] : []),
  ];
  const liveState = useLiveRevalidation(env, `desk-ticket:${ticket.id}`, liveTables);
  // The conversation's own channel: the customer sees this technician is here and typing, and the other way round.
  // Messages themselves arrive through liveTables above (the loader re-reads them under RLS), so this channel carries
  // presence and typing only.
  const me = useMemo<Participant>(() => ({ userId, name: userName, role: isAdmin ? 'admin' : 'technician' }), [userId, userName, isAdmin]);
  const presence = useLiveConversation({ env, conversationId: ticket.conversationId, me });
  const status = (ticketStatuses as readonly string[]).includes(ticket.status) ? (ticket.status as TicketStatus) : 'unassigned';
  const canAct = isAdmin || ticket.assignedTo === userId;
  const vehicle = [ticket.vehicleYear, ticket.vehicleMake, ticket.vehicleModel].filter(Boolean).join(' ');

  return (
    <div className="ticket-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/desk">Desk</Link> / <span aria-current="page">{ticket.number}</span>
      </nav>
      <header className="ticket-header">
        <h1>
          <span className="ticket-number">{ticket.number}</span> {ticket.subject}
        </h1>
        <p className="lead">
          <span className={`status-badge ticket-${status}`} data-testid="ticket-status">
            {ticketStatusLabel[status]}
          </span>{' '}
          · {ticket.assignedToName ? `Assigned to ${ticket.assignedToName}` : 'Nobody is working on it'} · opened <LocalTime iso={ticket.createdAt} /> via {ticket.channel} ·{' '}
          <span data-testid="ticket-priority">
            priority {priorityLabel[ticket.priority] ?? ticket.priority} ({prioritySetByLabel({ setBy: ticket.prioritySetBy, setByName: ticket.prioritySetByName })})
          </span>
        </p>
      </header>

      <div className="ticket-layout">
        <div className="ticket-main">
          <section className="card" aria-labelledby="problem-heading">
            <h2 id="problem-heading">Problem</h2>
            <p className="ticket-content">{ticket.content || <span className="muted">No description.</span>}</p>
          </section>
          <Conversation messages={messages} liveState={liveState} presence={presence} />
          <Composer
            triage={triage}
            canAct={canAct && status !== 'closed'}
            staffHasReplied={messages.some((message) => message.role === 'technician' && !message.isInternalNote)}
            onTyping={presence.signalTyping}
            cannedReplies={cannedReplies}
            attachments={ticket.conversationId ? { conversationId: ticket.conversationId, limits: attachmentLimits } : null}
          />
          <WorkOrders
            workOrders={workOrders}
            canAct={canAct}
            ticketOpen={status !== 'resolved' && status !== 'closed'}
            othersTicket={!isAdmin && ticket.assignedTo !== null && ticket.assignedTo !== userId}
          />
        </div>

        <aside className="ticket-side" aria-label="Ticket details">
          <DuplicatePanel ticket={ticket} possibleDuplicate={page.possibleDuplicate} />
          <ResolveSuggestion status={status} canAct={canAct} workOrderStatuses={workOrders.map((order) => order.status)} />
          <StatusPanel status={status} canAct={canAct} />
          <section className="card" aria-labelledby="customer-heading">
            <h2 id="customer-heading">Customer</h2>
            <dl className="details">
              <dt>Name</dt>
              <dd>{ticket.customerName}</dd>
              <dt>Email</dt>
              <dd>{ticket.contactEmail ?? '—'}</dd>
              <dt>Phone</dt>
              <dd data-testid="customer-phone">{ticket.contactPhone ?? '—'}</dd>
            </dl>
          </section>
          <section className="card" aria-labelledby="vehicle-heading">
            <h2 id="vehicle-heading">Vehicle</h2>
            {vehicle || ticket.vin ? (
              <dl className="details">
                <dt>Vehicle</dt>
                <dd>{vehicle || '—'}</dd>
                <dt>VIN</dt>
                <dd className="vin">{ticket.vin ?? '—'}</dd>
              </dl>
            ) : (
              <p className="muted">No vehicle given.</p>
            )}
          </section>
          <TriagePanel ticket={ticket} triage={triage} corrections={page.corrections} />
          {ticket.troubleshootingSessionId ? (
            <section className="card" aria-labelledby="steps-heading">
              <h2 id="steps-heading">Troubleshooting already tried</h2>
              {sessionGuideTitle ? <p className="muted">Guide: {sessionGuideTitle}</p> : null}
              {steps.length === 0 ? (
                <p className="muted">The customer saw no steps.</p>
              ) : (
                <ol className="steps-tried" data-testid="steps-tried">
                  {steps.map((step) => (
                    <li key={step.stepNumber} value={step.stepNumber}>
                      {step.stepText} <span className={step.attempted ? 'step-tried' : 'muted'}>{step.attempted ? '(tried)' : '(not tried)'}</span>
                    </li>
                  ))}
                </ol>
              )}
            </section>
          ) : null}
          <Timeline events={timeline} />
        </aside>
      </div>
    </div>
  );
}

function StatusPanel({ status, canAct }: { status: TicketStatus; canAct: boolean }) {
  const fetcher = useFetcher<TicketActionResult>();
  const busy = fetcher.state !== 'idle';
  const result = fetcher.data;
  return (
    <section className="card" aria-labelledby="status-heading">
      <h2 id="status-heading">Status</h2>
      <FormError message={result?.formError} />
      <FormNotice message={result?.ok ? result.notice : undefined} />
      <fetcher.Form method="post" className="button-column">
        {status === 'unassigned' ? (
          <button type="submit" name="intent" value="claim" className="button" disabled={busy}>
            Claim ticket
          </button>
        ) : canAct ? (
          <>
            <input type="hidden" name="intent" value="status" />
            {nextTicketStatuses[status].map((next) => (
              <button key={next} type="submit" name="status" value={next} className={next === 'resolved' ? 'button' : 'button secondary'} disabled={busy}>
                {moveToStatusLabel[next]}
              </button>
            ))}
            {nextTicketStatuses[status].length === 0 ? <p className="muted">This ticket is closed.</p> : null}
          </>
        ) : (
          <p className="muted">Another technician is working on this ticket.</p>
        )}
      </fetcher.Form>
    </section>
  );
}

export const ErrorBoundary = routeErrorBoundary({
  statuses: { 404: { title: 'Ticket not found', message: 'This ticket does not exist, or you cannot see it. Check the link, or go back to the desk.' } },
  unexpected: { title: 'The ticket could not be shown', message: 'Something went wrong on our side. Please reload the page in a moment.' },
});
