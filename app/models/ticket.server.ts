// A ticket as the technician's ticket page shows it, and the actions taken on it. Every function runs
// inside withRls: the policies decide what the caller sees and may change, and the database's triggers
// refuse illegal status transitions and resolving with unfinished work orders — this module only asks.
import { withRls, type RlsClaims, type RlsTransaction } from '~/lib/server/db.server';
import { attachmentFromMetadata, attachmentMetadata, type AttachmentMessage } from '~/lib/shared/attachments';
import type { TicketStatus } from '~/lib/shared/ticket-status';
import type { PossibleDuplicate, TicketDetails, TicketPage, TicketPageMessage, TimelineEvent, TriageCorrection, TriageField, TriageResult, TroubleshootingStep } from '~/lib/shared/views/ticket-page';

/**
 * How to reach a ticket's customer, as the desk and the printable work-order sheet both show it: the contact the
 * ticket was opened with, else the customer's profile. The one home of that rule (the desk read only the ticket's
 * own phone and showed "Phone —" where the sheet printed the profile's, issue 21). Needs the aliases `ticket` and
 * `customer` (the customer's public.profiles row).
 */
export const ticketContactColumns = (tx: RlsTransaction) => tx`
  coalesce(nullif(customer.full_name, ''), customer.email, 'Unknown customer') as "customerName",
  coalesce(ticket.contact_email, customer.email) as "contactEmail",
  coalesce(ticket.contact_phone, customer.phone) as "contactPhone"`;

/** The whole ticket page in one RLS transaction, or null when the ticket does not exist or is not visible. */
export async function getTicketPage({ claims, id }: { claims: RlsClaims; id: string }): Promise<TicketPage | null> {
  return withRls(claims, async (tx) => {
    const [ticket] = await tx<TicketDetails[]>`
      select ticket.id, ticket.number, ticket.subject, ticket.content, ticket.channel, ticket.priority, ticket.priority_set_by as "prioritySetBy",
        coalesce(nullif(trim(setter.full_name), ''), setter.email) as "prioritySetByName", ticket.status, ticket.triage_status as "triageStatus",
        ticket.category, ticket.urgency, ticket.created_at::text as "createdAt", ticket.resolved_at::text as "resolvedAt",
        ticket.assigned_to as "assignedTo", technician.full_name as "assignedToName",
        ticket.merged_into as "mergedInto", survivor.number as "mergedIntoNumber",
        ticket.conversation_id as "conversationId", ticket.troubleshooting_session_id as "troubleshootingSessionId",
        ${ticketContactColumns(tx)},
        coalesce(ticket.vehicle_year, vehicle.year) as "vehicleYear", coalesce(ticket.vehicle_make, vehicle.make) as "vehicleMake",
        coalesce(ticket.vehicle_model, vehicle.model) as "vehicleModel", coalesce(ticket.vin, vehicle.vin) as vin
      from public.tickets ticket
      left join public.profiles customer on customer.id = ticket.customer_id
      left join public.profiles technician on technician.id = ticket.assigned_to
      left join public.profiles setter on setter.id = ticket.priority_set_by_id
      left join public.tickets survivor on survivor.id = ticket.merged_into
      left join public.customer_vehicles vehicle on vehicle.id = ticket.customer_vehicle_id
      where ticket.id = ${id}`;
    if (!ticket) return null;

    const [triage] = await tx<TriageResult[]>`
      select category, urgency, sentiment_score as "sentimentScore", confidence::text, draft_reply as "draftReply", reasoning, model_details as "modelDetails", model,
        processed_at::text as "processedAt"
      from public.ticket_ai_results where ticket_id = ${id}`;

    // The latest correction of each field: the page says who changed what triage said.
    const corrections = await tx<TriageCorrection[]>`
      select distinct on (correction.field) correction.field, correction.from_value as "fromValue", correction.to_value as "toValue",
        coalesce(nullif(trim(person.full_name), ''), person.email) as "correctedByName", correction.corrected_at::text as "correctedAt"
      from public.triage_corrections correction
      left join public.profiles person on person.id = correction.corrected_by
      where correction.ticket_id = ${id}
      order by correction.field, correction.id desc`;

    const [possibleDuplicate] = await tx<PossibleDuplicate[]>`
      select original.id, original.number, original.subject, flagged.same_customer as "sameCustomer", flagged.similarity
      from public.possible_duplicates flagged
      join public.tickets original on original.id = flagged.duplicate_of
      where flagged.ticket_id = ${id}`;

    const [session] = ticket.troubleshootingSessionId
      ? await tx<{ guideTitle: string | null }[]>`select guide_title as "guideTitle" from public.troubleshooting_sessions where id = ${ticket.troubleshootingSessionId}`
      : [];
    const steps = ticket.troubleshootingSessionId
      ? await tx<TroubleshootingStep[]>`
          select step_number as "stepNumber", step_text as "stepText", attempted, responded_at::text as "respondedAt"
          from public.troubleshooting_session_steps where session_id = ${ticket.troubleshootingSessionId} order by step_number`
      : [];

    const messages = ticket.conversationId ? await listMessages(tx, ticket.conversationId) : [];

    const timeline = await tx<TimelineEvent[]>`
      select coalesce(entry.event_id::text, 'created') as id, entry.kind, actor.full_name as "actorName", entry.details,
        entry.created_at::text as "createdAt"
      from public.ticket_timeline entry
      left join public.profiles actor on actor.id = entry.actor_id
      where entry.ticket_id = ${id}
      order by entry.created_at, entry.event_id nulls first`;

    return { ticket, triage: triage ?? null, corrections: [...corrections], possibleDuplicate: possibleDuplicate ?? null, sessionGuideTitle: session?.guideTitle ?? null, steps: [...steps], messages, timeline: [...timeline] };
  });
}

async function listMessages(tx: RlsTransaction, conversationId: string): Promise<TicketPageMessage[]> {
  const rows = await tx<Array<Omit<TicketPageMessage, 'attachment'> & { metadata: unknown }>>`
    select message.id, message.role, message.content, message.is_internal_note as "isInternalNote",
      sender.full_name as "senderName", message.created_at::text as "createdAt", message.metadata,
      detail.confidence::float8 as "answerConfidence"
    from public.messages message
    left join public.profiles sender on sender.id = message.sender_id
    left join public.assistant_answer_details detail on detail.message_id = message.id
    where message.conversation_id = ${conversationId}
    order by message.created_at, message.id`;
  return rows.map(({ metadata, ...message }) => ({ ...message, attachment: attachmentFromMetadata(metadata) }));
}

/**
 * Writes to the ticket's customer (or, with `internal`, a staff-only note) in the ticket's conversation,
 * which public.open_ticket_conversation creates for the customer when the ticket has none.
 */
export async function postTicketMessage({ claims, ticketId, content, internal }: { claims: RlsClaims; ticketId: string; content: string; internal: boolean }): Promise<void> {
  await withRls(claims, async (tx) => {
    const [conversation] = await tx<{ id: string }[]>`select public.open_ticket_conversation(${ticketId}) as id`;
    await tx`
      insert into public.messages (conversation_id, sender_id, role, content, is_internal_note)
      values (${conversation!.id}, (select auth.uid()), 'technician', ${content}, ${internal})`;
  });
}

/**
 * A file the technician uploaded to the ticket's conversation, sent to the customer or (with `internal`, from the
 * staff-only folder) as an internal note. The database checks the file and fills in its type, size and content type
 * (private.check_message_attachment).
 */
export async function postTicketAttachment({ claims, ticketId, attachment, internal }: { claims: RlsClaims; ticketId: string; attachment: AttachmentMessage; internal: boolean }): Promise<void> {
  await withRls(claims, async (tx) => {
    const [conversation] = await tx<{ id: string }[]>`select public.open_ticket_conversation(${ticketId}) as id`;
    await tx`
      insert into public.messages (conversation_id, sender_id, role, content, is_internal_note, metadata)
      values (${conversation!.id}, (select auth.uid()), 'technician', ${attachment.caption}, ${internal},
        ${tx.json(attachmentMetadata(attachment))})`;
  });
}

/**
 * Moves the ticket to `status`; false when RLS hid the ticket (not the caller's). Back to `unassigned` goes
 * through public.release_ticket. Illegal moves throw the database's error.
 */
export async function changeTicketStatus({ claims, ticketId, status }: { claims: RlsClaims; ticketId: string; status: TicketStatus }): Promise<boolean> {
  const updated = await withRls(claims, (tx) =>
    status === 'unassigned'
      ? tx`select public.release_ticket(${ticketId}) as id`
      : tx`update public.tickets set status = ${status} where id = ${ticketId} returning id`,
  );
  return updated.length === 1;
}

/**
 * Corrects one triage field as the signed-in member of staff (public.correct_ticket_triage: the database checks the
 * caller is staff, stores the change once and puts it on the timeline). False when the value was already that.
 */
export async function correctTriage({ claims, ticketId, field, value }: { claims: RlsClaims; ticketId: string; field: TriageField; value: string }): Promise<boolean> {
  const [row] = await withRls(claims, (tx) => tx<{ changed: boolean }[]>`select public.correct_ticket_triage(${ticketId}, ${field}, ${value}) as changed`);
  return row?.changed === true;
}

/**
 * Merges the ticket into the survivor as the signed-in member of staff (public.merge_tickets moves its messages,
 * timeline and work orders and refuses a merge across customers unless `confirmCrossCustomer`).
 */
export async function mergeTickets({ claims, duplicateId, survivorId, confirmCrossCustomer }: { claims: RlsClaims; duplicateId: string; survivorId: string; confirmCrossCustomer: boolean }): Promise<{ survivorNumber: string }> {
  const [row] = await withRls(claims, (tx) => tx<{ result: { survivor_number: string } }[]>`select public.merge_tickets(${duplicateId}, ${survivorId}, ${confirmCrossCustomer}) as result`);
  return { survivorNumber: row!.result.survivor_number };
}
