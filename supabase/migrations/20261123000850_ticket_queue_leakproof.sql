-- Tickets: let the technician queue use its index under RLS.
-- Below a row-level security policy Postgres only turns a filter into an index condition when its operator is
-- leakproof. Enum equality is not (only a superuser could mark it, which hosted Supabase does not allow); text
-- equality is. Measured with 200k tickets: the queue (status + urgency, keyset) fell back to scanning
-- tickets_queue_all_idx and filtering, p95 276 ms. So ticket_status and ticket_urgency become domains over text
-- with the same names and value sets (the database still refuses any other value), and tickets_queue_idx
-- (status, urgency, created_at desc, id desc) answers the queue directly.

-- ---------------------------------------------------------------------------------------------------------------
-- Enums -> domains
-- ---------------------------------------------------------------------------------------------------------------
drop policy "Technicians can claim unassigned tickets" on public.tickets;
drop trigger record_ticket_status_changed on public.tickets;
alter table public.tickets drop constraint tickets_check;
alter table public.tickets drop constraint tickets_check1;
alter table public.tickets drop constraint tickets_finished_means_triage_resolved;

alter table public.tickets alter column status drop default;
alter table public.tickets alter column status type text using status::text;
alter table public.tickets alter column urgency type text using urgency::text;
alter table public.ticket_ai_results alter column urgency type text using urgency::text;
drop type public.ticket_status;
drop type public.ticket_urgency;

create domain public.ticket_status as text
  check (value in ('unassigned', 'assigned', 'in_progress', 'waiting_on_customer', 'resolved', 'closed'));
comment on domain public.ticket_status is 'Technician workflow: unassigned -> assigned / in_progress -> waiting_on_customer -> resolved -> closed. A text domain (not an enum) so RLS-filtered queue queries can use the index (text equality is leakproof).';
create domain public.ticket_urgency as text check (value in ('high', 'medium', 'low'));
comment on domain public.ticket_urgency is 'Triage urgency: high, medium or low. A text domain for the same reason as ticket_status.';

alter table public.tickets alter column status type public.ticket_status;
alter table public.tickets alter column status set default 'unassigned';
alter table public.tickets alter column urgency type public.ticket_urgency;
alter table public.ticket_ai_results alter column urgency type public.ticket_urgency;

-- ---------------------------------------------------------------------------------------------------------------
-- Constraints (recreated unchanged: they depended on the column type)
-- ---------------------------------------------------------------------------------------------------------------
alter table public.tickets
  add constraint tickets_unassigned_has_no_technician check (status <> 'unassigned' or assigned_to is null),
  add constraint tickets_assigned_has_technician check (status not in ('assigned', 'in_progress', 'waiting_on_customer') or assigned_to is not null),
  add constraint tickets_finished_means_triage_resolved check (status not in ('resolved', 'closed') or triage_status = 'resolved');

-- ---------------------------------------------------------------------------------------------------------------
-- Triggers (recreated: they depended on the column type)
-- ---------------------------------------------------------------------------------------------------------------
create trigger record_ticket_status_changed after update of status on public.tickets
  for each row when (old.status is distinct from new.status) execute function private.record_row_change_event();

-- Skip the link trigger's function call for the common ticket without a conversation (insert throughput).
drop trigger link_ticket_conversation on public.tickets;
create trigger link_ticket_conversation after insert on public.tickets
  for each row when (new.conversation_id is not null) execute function private.link_ticket_conversation();
create trigger relink_ticket_conversation after update of conversation_id on public.tickets
  for each row when (old.conversation_id is distinct from new.conversation_id) execute function private.link_ticket_conversation();

-- ---------------------------------------------------------------------------------------------------------------
-- Policies (recreated unchanged)
-- ---------------------------------------------------------------------------------------------------------------
create policy "Technicians can claim unassigned tickets" on public.tickets
  for update to authenticated using ((select private.is_technician()) and status = 'unassigned' and assigned_to is null)
  with check (assigned_to = (select auth.uid()));
