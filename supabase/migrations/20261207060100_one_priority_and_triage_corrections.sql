-- One priority, and triage corrections by staff (issue 15, the desk side).
--
-- One priority: tickets.priority is the one priority the desk shows. Triage's urgency sets it (high -> high,
-- medium -> normal, low -> low) unless a person chose it — the customer when opening the ticket (anything but the
-- default 'normal'), a member of staff later — or the SLA escalation raised it. priority_set_by / _by_id record
-- who or what set it; private.keep_ticket_priority is the rule's one home.
--
-- Corrections: staff correct category, urgency and sentiment through public.correct_ticket_triage. Each change is
-- one row of public.triage_corrections (from, to, who, when, and the model and provider whose triage produced the
-- value), one timeline row, and it is never overwritten: private.keep_corrected_triage makes every later write of
-- the ticket's triage result (a re-triage) keep the corrected values, and the copy to the ticket follows.

-- ---------------------------------------------------------------------------------------------------------------
-- Enums
-- ---------------------------------------------------------------------------------------------------------------
create type public.priority_setter as enum ('triage', 'customer', 'staff', 'sla_escalation');
comment on type public.priority_setter is
  'Who or what set a ticket''s priority: triage (from its urgency), the customer (when opening it), staff, or the SLA escalation (raised on a breach).';

-- ---------------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------------
alter table public.tickets
  add column priority_set_by public.priority_setter,
  add column priority_set_by_id uuid references public.profiles (id) on delete set null;
comment on column public.tickets.priority is
  'The ticket''s one priority. Set from triage''s urgency unless a person chose it (see priority_set_by); trigger private.keep_ticket_priority.';
comment on column public.tickets.priority_set_by is
  'Who or what set the priority; null while it is the default nobody chose yet (triage then sets it).';
comment on column public.tickets.priority_set_by_id is 'The person who set the priority (customer or staff); null for triage and the SLA escalation.';
create index tickets_priority_set_by_id_idx on public.tickets (priority_set_by_id) where priority_set_by_id is not null;

create table public.triage_corrections (
  id bigint generated always as identity primary key,
  ticket_id uuid not null references public.tickets (id) on delete cascade,
  field text not null check (field in ('category', 'urgency', 'sentiment')),
  from_value text,
  to_value text not null,
  corrected_by uuid references public.profiles (id) on delete set null,
  corrected_at timestamptz not null default now(),
  model_version text,
  provider text,
  constraint triage_corrections_change_the_value check (from_value is distinct from to_value)
);
comment on table public.triage_corrections is
  'A member of staff''s correction of a triage field, one row per change (never for an unchanged value). Written only by public.correct_ticket_triage; staff read it. The latest row per ticket and field is the value re-triage keeps.';
comment on column public.triage_corrections.id is 'Row id (also orders corrections made in the same instant).';
comment on column public.triage_corrections.ticket_id is 'The corrected ticket.';
comment on column public.triage_corrections.field is 'category, urgency or sentiment (the 1-10 score).';
comment on column public.triage_corrections.from_value is 'The value before the correction (what triage said, for the first correction of a field); null when the ticket had none.';
comment on column public.triage_corrections.to_value is 'The value the person chose.';
comment on column public.triage_corrections.corrected_by is 'Who corrected it.';
comment on column public.triage_corrections.corrected_at is 'When.';
comment on column public.triage_corrections.model_version is 'The model of the triage result that produced from_value (ticket_ai_results.model); null when the ticket had no triage result.';
comment on column public.triage_corrections.provider is 'The AI provider of that triage result (ticket_ai_results.provider).';
create index triage_corrections_ticket_idx on public.triage_corrections (ticket_id, field, id desc);
create index triage_corrections_corrected_at_idx on public.triage_corrections (corrected_at);
create index triage_corrections_corrected_by_idx on public.triage_corrections (corrected_by);
alter table public.triage_corrections enable row level security;

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
create function private.priority_for_urgency(urgency text) returns public.ticket_priority
language sql immutable set search_path = '' as $$
  -- 'urgent' is left to people and the SLA escalation: triage's highest says high.
  select case urgency when 'high' then 'high'::public.ticket_priority when 'low' then 'low' else 'normal' end
$$;
comment on function private.priority_for_urgency(text) is 'The priority triage''s urgency gives a ticket: high -> high, medium -> normal, low -> low.';
revoke all on function private.priority_for_urgency(text) from public;

/** The latest correction of one field of a ticket, or null. */
create function private.corrected_triage_value(ticket_id uuid, field text) returns text
language sql stable security definer set search_path = '' as $$
  select correction.to_value from public.triage_corrections correction
  where correction.ticket_id = corrected_triage_value.ticket_id and correction.field = corrected_triage_value.field
  order by correction.id desc limit 1
$$;
comment on function private.corrected_triage_value(uuid, text) is 'The value staff last corrected a triage field of a ticket to, or null when nobody corrected it.';
revoke all on function private.corrected_triage_value(uuid, text) from public;

-- ---------------------------------------------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------------------------------------------
create function private.keep_ticket_priority() returns trigger
language plpgsql set search_path = '' as $$
declare
  person uuid := auth.uid();
begin
  if tg_op = 'INSERT' then
    -- 'normal' is the column's default, so only another value is somebody's choice.
    if new.priority <> 'normal' then
      new.priority_set_by := case when person is not null and private.is_staff() then 'staff' else 'customer' end;
      new.priority_set_by_id := coalesce(person, new.customer_id);
    elsif new.urgency is not null then
      new.priority := private.priority_for_urgency(new.urgency);
      new.priority_set_by := 'triage';
      new.priority_set_by_id := null;
    else
      new.priority_set_by := null;
      new.priority_set_by_id := null;
    end if;
    return new;
  end if;

  if new.priority is distinct from old.priority then
    -- A definer function (the SLA escalation) names itself; API users never choose what the record says.
    if current_user = 'authenticated' or new.priority_set_by is not distinct from old.priority_set_by then
      new.priority_set_by := case when person is not null and not private.is_staff() then 'customer' else 'staff' end;
      new.priority_set_by_id := person;
    end if;
  elsif new.urgency is distinct from old.urgency and new.urgency is not null
        and (old.priority_set_by is null or old.priority_set_by = 'triage') then
    new.priority := private.priority_for_urgency(new.urgency);
    -- A member of staff correcting the urgency sets the priority with it; otherwise it is triage's.
    if person is not null and private.is_staff() then
      new.priority_set_by := 'staff';
      new.priority_set_by_id := person;
    else
      new.priority_set_by := 'triage';
      new.priority_set_by_id := null;
    end if;
  else
    new.priority_set_by := old.priority_set_by;
    new.priority_set_by_id := old.priority_set_by_id;
  end if;
  return new;
end;
$$;
comment on function private.keep_ticket_priority() is
  'Before-write trigger on tickets: the one priority — from triage''s urgency unless a person (or the SLA escalation) set it — and who or what set it.';
revoke all on function private.keep_ticket_priority() from public;

create trigger d_keep_ticket_priority before insert or update of priority, urgency, priority_set_by, priority_set_by_id
  on public.tickets for each row execute function private.keep_ticket_priority();

create function private.keep_corrected_triage() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  corrected text;
begin
  -- Most tickets are never corrected: one index probe answers that before any per-field lookup.
  if not exists (select 1 from public.triage_corrections correction where correction.ticket_id = new.ticket_id) then
    return new;
  end if;
  corrected := private.corrected_triage_value(new.ticket_id, 'category');
  if corrected is not null then new.category := corrected::public.ticket_category; end if;
  corrected := private.corrected_triage_value(new.ticket_id, 'urgency');
  if corrected is not null then new.urgency := corrected::public.ticket_urgency; end if;
  corrected := private.corrected_triage_value(new.ticket_id, 'sentiment');
  if corrected is not null then new.sentiment_score := corrected::integer; end if;
  return new;
end;
$$;
comment on function private.keep_corrected_triage() is
  'Before-write trigger on ticket_ai_results: a re-triage keeps what staff corrected (the latest correction per field); copy_ai_result_to_ticket then copies the kept values to the ticket.';
revoke all on function private.keep_corrected_triage() from public;

create trigger keep_corrected_triage before insert or update on public.ticket_ai_results
  for each row execute function private.keep_corrected_triage();

-- ---------------------------------------------------------------------------------------------------------------
-- Backfill: tickets triaged before this migration take the priority their urgency gives, unless somebody chose one.
-- ---------------------------------------------------------------------------------------------------------------
update public.tickets ticket set priority_set_by = 'customer', priority_set_by_id = ticket.customer_id
where ticket.priority <> 'normal';
update public.tickets ticket set priority = private.priority_for_urgency(ticket.urgency), priority_set_by = 'triage'
where ticket.priority = 'normal' and ticket.urgency is not null;

-- ---------------------------------------------------------------------------------------------------------------
-- Policies
-- ---------------------------------------------------------------------------------------------------------------
create policy "Staff can read triage corrections" on public.triage_corrections
  for select to authenticated using ((select private.is_staff()));

-- ---------------------------------------------------------------------------------------------------------------
-- SLA escalation names itself when it raises the priority (redefined from 20261206070200 for that one column), and
-- handles at most `max_tickets` breaches a run: after an outage or a bulk import the first run found 357k overdue
-- targets on the desk bench's million tickets and held their row locks for 17 minutes; in batches, each run commits
-- quickly and the every-minute job drains the backlog, oldest due first.
-- ---------------------------------------------------------------------------------------------------------------
drop function private.escalate_sla_breaches();
create function private.escalate_sla_breaches(max_tickets integer default 500) returns integer
language plpgsql security definer set search_path = '' as $$
declare
  breach record;
  handled integer := 0;
  target text;
  due_at timestamptz;
  body text;
  reassigning boolean;
begin
  for breach in
    select ticket.id, ticket.number, ticket.subject, ticket.priority, ticket.status, ticket.assigned_to,
      ticket.first_response_due_at, ticket.resolution_due_at, ticket.first_responded_at, ticket.first_response_breached_at,
      ticket.resolution_breached_at, policy.escalation, policy.escalate_to, policy.raise_priority, policy.name as policy_name
    from public.tickets ticket
    join public.sla_policies policy on policy.id = ticket.sla_policy_id
    where ticket.sla_due_at < now()
      and ((ticket.first_responded_at is null and ticket.first_response_due_at < now() and ticket.first_response_breached_at is null)
        or (ticket.resolution_due_at < now() and ticket.resolution_breached_at is null))
    order by ticket.sla_due_at
    limit greatest(coalesce(max_tickets, 500), 1)
    for update of ticket skip locked
  loop
    if breach.first_responded_at is null and breach.first_response_due_at < now() and breach.first_response_breached_at is null then
      target := 'first_response';
      due_at := breach.first_response_due_at;
    else
      target := 'resolution';
      due_at := breach.resolution_due_at;
    end if;
    reassigning := breach.escalation = 'reassign' and breach.escalate_to is not null;

    update public.tickets ticket set
      first_response_breached_at = case when target = 'first_response' then now() else ticket.first_response_breached_at end,
      resolution_breached_at = case when target = 'resolution' then now() else ticket.resolution_breached_at end,
      priority = case when breach.raise_priority then private.raised_priority(ticket.priority) else ticket.priority end,
      priority_set_by = case when breach.raise_priority and ticket.priority <> 'urgent' then 'sla_escalation' else ticket.priority_set_by end,
      priority_set_by_id = case when breach.raise_priority and ticket.priority <> 'urgent' then null else ticket.priority_set_by_id end,
      assigned_to = case when reassigning then breach.escalate_to else ticket.assigned_to end,
      status = case when reassigning and ticket.status = 'unassigned' then 'assigned' else ticket.status end
    where ticket.id = breach.id;

    insert into public.ticket_events (ticket_id, actor_id, kind, details)
    values (breach.id, null, 'sla_breached', jsonb_build_object('target', target, 'due_at', due_at, 'policy', breach.policy_name,
      'escalation', case when reassigning then 'reassign' else 'notify_lead' end, 'escalated_to', breach.escalate_to,
      'priority', case when breach.raise_priority then private.raised_priority(breach.priority) else breach.priority end));
    insert into public.analytics_events (event_type, ticket_id, metadata)
    values ('sla_breached', breach.id, jsonb_build_object('target', target, 'due_at', due_at, 'escalation', breach.escalation));

    if not reassigning then
      body := format('Ticket %s (%s) missed its %s target (due %s).', breach.number, breach.subject,
        replace(target, '_', ' '), to_char(due_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"'));
      insert into public.notifications (recipient_id, ticket_id, kind, body)
      select person.id, breach.id, 'sla_breached', body
      from public.profiles person
      where (breach.escalate_to is not null and person.id = breach.escalate_to)
         or (breach.escalate_to is null and person.role = 'admin');
    end if;
    handled := handled + 1;
  end loop;
  return handled;
end;
$$;
comment on function private.escalate_sla_breaches(integer) is
  'pg_cron job (every minute): marks up to max_tickets breached SLA targets (oldest due first), escalates each once (timeline, analytics, notification or reassignment, priority raise); returns how many.';
revoke execute on function private.escalate_sla_breaches(integer) from public, anon, authenticated;
grant execute on function private.escalate_sla_breaches(integer) to service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- Public functions
-- ---------------------------------------------------------------------------------------------------------------
create function public.correct_ticket_triage(ticket_id uuid, field text, value text) returns boolean
language plpgsql security definer set search_path = '' as $$
declare
  ticket public.tickets;
  ai public.ticket_ai_results;
  current_value text;
  new_value text := trim(value);
begin
  if not private.is_staff() then
    raise exception 'only technicians and admins can correct triage' using errcode = '42501';
  end if;
  if field is null or field not in ('category', 'urgency', 'sentiment') then
    raise exception 'choose category, urgency or sentiment to correct' using errcode = '22023';
  end if;
  if field = 'category' and (new_value is null or new_value not in (select unnest(enum_range(null::public.ticket_category))::text)) then
    raise exception 'unknown category %', value using errcode = '22023';
  elsif field = 'urgency' and (new_value is null or new_value not in ('high', 'medium', 'low')) then
    raise exception 'urgency is high, medium or low' using errcode = '22023';
  elsif field = 'sentiment' and (new_value is null or new_value !~ '^(10|[1-9])$') then
    raise exception 'sentiment is a whole number from 1 to 10' using errcode = '22023';
  end if;

  select * into ticket from public.tickets where id = correct_ticket_triage.ticket_id for update;
  if ticket.id is null then
    raise exception 'no such ticket' using errcode = 'P0002';
  end if;
  select * into ai from public.ticket_ai_results result where result.ticket_id = ticket.id for update;

  current_value := case field when 'category' then ticket.category::text when 'urgency' then ticket.urgency::text
    else ai.sentiment_score::text end;
  if current_value is not distinct from new_value then
    return false;
  end if;

  insert into public.triage_corrections (ticket_id, field, from_value, to_value, corrected_by, model_version, provider)
  values (ticket.id, field, current_value, new_value, auth.uid(), ai.model, ai.provider);

  -- The result row keeps the corrected value (private.keep_corrected_triage) and its copy trigger sets the ticket;
  -- a ticket whose triage failed has no result row, so its own columns are set here.
  if ai.id is not null then
    update public.ticket_ai_results result set processed_at = result.processed_at where result.id = ai.id;
  elsif field = 'category' then
    update public.tickets set category = new_value::public.ticket_category where id = ticket.id;
  elsif field = 'urgency' then
    update public.tickets set urgency = new_value::public.ticket_urgency where id = ticket.id;
  end if;

  insert into public.ticket_events (ticket_id, actor_id, kind, details)
  values (ticket.id, auth.uid(), 'triage_corrected', jsonb_build_object('field', field, 'from', current_value, 'to', new_value,
    'model', ai.model, 'provider', ai.provider));
  return true;
end;
$$;
comment on function public.correct_ticket_triage(uuid, text, text) is
  'Staff correct a triage field (category, urgency or sentiment 1-10) of a ticket: one triage_corrections row and one timeline row per change, none when the value is unchanged (returns false). Later re-triage keeps the value.';
revoke all on function public.correct_ticket_triage(uuid, text, text) from public;
grant execute on function public.correct_ticket_triage(uuid, text, text) to authenticated;
