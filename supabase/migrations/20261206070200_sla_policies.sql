-- SLA policies (issue 16; anchor: Zammad's escalation). An admin sets, per urgency and optionally per solution
-- area, how soon a ticket gets its first technician reply and how soon it is resolved, counted in business hours;
-- the clock stops while the ticket waits on the customer. The database keeps each ticket's due times
-- (private.keep_ticket_sla, a before-write trigger, so no writer can skip or fake them) and a pg_cron job
-- (private.escalate_sla_breaches, every minute) marks breaches and escalates them: a timeline row, an analytics
-- event, one step more priority, and a notification to the policy's lead or a reassignment to its technician.
--
-- Which policy: the most specific match of (urgency, solution area) — both, area only, urgency only, neither —
-- chosen when the ticket arrives and again when triage sets its urgency. The area is that of the ticket's
-- conversation (a ticket from the web form has none). An edited policy applies to tickets chosen after the edit;
-- due times already promised are kept (decision 0020).
--
-- Due times: first_response_due_at and resolution_due_at are the ticket's creation plus the target in business
-- seconds plus the business seconds it spent waiting on the customer. tickets.sla_due_at (generated) is the next
-- one still running, null when finished or paused: the board sorts by it and the cron job finds breaches by it,
-- through one partial index.

-- ---------------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------------
create function private.is_time_zone(name text)
returns boolean
language plpgsql
stable
set search_path = ''
as $$
begin
  perform now() at time zone name;
  return true;
exception when others then
  return false;
end;
$$;
comment on function private.is_time_zone(text) is 'Whether Postgres knows the time zone (for sla_policies.time_zone).';
grant execute on function private.is_time_zone(text) to authenticated, service_role;

create table public.sla_policies (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(trim(name)) between 1 and 120),
  urgency public.ticket_urgency,
  solution_area text references public.solution_areas (slug) on update cascade on delete cascade,
  first_response_minutes integer not null check (first_response_minutes between 1 and 525600),
  resolution_minutes integer not null check (resolution_minutes between 1 and 525600),
  time_zone text not null default 'UTC' check (private.is_time_zone(time_zone)),
  business_days smallint[] check (business_days <@ array[1, 2, 3, 4, 5, 6, 7]::smallint[] and cardinality(business_days) > 0),
  business_day_starts time not null default '09:00',
  business_day_ends time not null default '17:00',
  escalation text not null default 'notify_lead' check (escalation in ('notify_lead', 'reassign')),
  escalate_to uuid references public.profiles (id) on delete set null,
  raise_priority boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint sla_policies_business_day_has_hours check (business_day_ends > business_day_starts),
  constraint sla_policies_one_per_urgency_and_area unique nulls not distinct (urgency, solution_area)
);
comment on table public.sla_policies is
  'Service-level targets: how soon a ticket of this urgency (and area) gets a first reply and a resolution, in business hours, and what happens on a breach. Admins edit them; staff read them.';
comment on column public.sla_policies.id is 'Policy id.';
comment on column public.sla_policies.name is 'Name shown to admins and on the ticket.';
comment on column public.sla_policies.urgency is 'Triage urgency it applies to; null for any (also tickets not triaged yet).';
comment on column public.sla_policies.solution_area is 'Solution area it applies to (the ticket''s conversation''s); null for any.';
comment on column public.sla_policies.first_response_minutes is 'Business minutes from creation to the first technician reply the customer sees.';
comment on column public.sla_policies.resolution_minutes is 'Business minutes from creation to resolution, not counting time waiting on the customer.';
comment on column public.sla_policies.time_zone is 'Time zone of the business hours (an IANA name such as Europe/Berlin).';
comment on column public.sla_policies.business_days is 'ISO weekdays with business hours (1 = Monday ... 7 = Sunday); null: the clock runs around the clock.';
comment on column public.sla_policies.business_day_starts is 'Local time business hours start on a business day.';
comment on column public.sla_policies.business_day_ends is 'Local time business hours end on a business day.';
comment on column public.sla_policies.escalation is 'On a breach: notify_lead (a notification to escalate_to, else every admin) or reassign (to escalate_to; without one, the admins are notified instead).';
comment on column public.sla_policies.escalate_to is 'The lead to notify or the technician to reassign to.';
comment on column public.sla_policies.raise_priority is 'Whether a breach raises the ticket''s priority one step (low -> normal -> high -> urgent).';
comment on column public.sla_policies.created_at is 'When the policy was created.';
comment on column public.sla_policies.updated_at is 'Last change, maintained by trigger.';
comment on constraint sla_policies_one_per_urgency_and_area on public.sla_policies is
  'At most one policy per (urgency, area), nulls included: the match is never ambiguous.';

create table public.notifications (
  id bigint generated always as identity primary key,
  recipient_id uuid not null references public.profiles (id) on delete cascade,
  ticket_id uuid references public.tickets (id) on delete cascade,
  kind text not null check (kind in ('sla_breached')),
  body text not null,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
comment on table public.notifications is
  'Things a member of staff should know about (today: SLA breaches escalated to them). Written by the database; the recipient reads them and marks them read.';
comment on column public.notifications.id is 'Row id.';
comment on column public.notifications.recipient_id is 'Who it is for.';
comment on column public.notifications.ticket_id is 'Ticket it is about.';
comment on column public.notifications.kind is 'What happened: sla_breached.';
comment on column public.notifications.body is 'One sentence for the recipient.';
comment on column public.notifications.created_at is 'When it was written.';
comment on column public.notifications.read_at is 'When the recipient marked it read; null while unread.';
create index notifications_recipient_idx on public.notifications (recipient_id, created_at desc);
create index notifications_ticket_idx on public.notifications (ticket_id);

alter table public.tickets
  add column sla_policy_id uuid references public.sla_policies (id) on delete set null,
  add column first_response_due_at timestamptz,
  add column resolution_due_at timestamptz,
  add column first_responded_at timestamptz,
  add column sla_paused_at timestamptz,
  add column sla_paused_seconds integer not null default 0 check (sla_paused_seconds >= 0),
  add column first_response_breached_at timestamptz,
  add column resolution_breached_at timestamptz;
alter table public.tickets add column sla_due_at timestamptz generated always as (
  case when sla_paused_at is null and status::text not in ('resolved', 'closed')
       then least(case when first_responded_at is null then first_response_due_at end, resolution_due_at) end
) stored;
comment on column public.tickets.sla_policy_id is 'SLA policy whose targets the due times follow (trigger keep_ticket_sla).';
comment on column public.tickets.first_response_due_at is 'When the first technician reply is due (creation + target in business time + pauses).';
comment on column public.tickets.resolution_due_at is 'When the resolution is due (creation + target in business time + time waiting on the customer).';
comment on column public.tickets.first_responded_at is 'When a technician first replied to the customer (not an internal note); set by trigger on messages.';
comment on column public.tickets.sla_paused_at is 'Since when the SLA clock is stopped (waiting on the customer); null while it runs.';
comment on column public.tickets.sla_paused_seconds is 'Business seconds spent waiting on the customer so far; pushes the due times back.';
comment on column public.tickets.first_response_breached_at is 'When the first-response target was found breached and escalated (pg_cron).';
comment on column public.tickets.resolution_breached_at is 'When the resolution target was found breached and escalated (pg_cron).';
comment on column public.tickets.sla_due_at is 'The next SLA deadline still running (first response until answered, then resolution); null when paused or finished. The board sorts by it.';
create index tickets_sla_due_idx on public.tickets (sla_due_at, id) where sla_due_at is not null;
comment on index public.tickets_sla_due_idx is 'The board''s "SLA due" order and the escalation job''s search for breaches.';

create trigger touch_updated_at before update on public.sla_policies
  for each row execute function private.touch_updated_at();

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers: business time
-- ---------------------------------------------------------------------------------------------------------------
/** The instant `seconds` business seconds after start_at under the policy's business hours. */
create function private.add_business_seconds(policy public.sla_policies, start_at timestamptz, seconds bigint)
returns timestamptz
language plpgsql
stable
set search_path = ''
as $$
declare
  cursor_at timestamptz := start_at;
  remaining bigint := greatest(seconds, 0);
  local_day date;
  opens_at timestamptz;
  closes_at timestamptz;
  available bigint;
begin
  if policy.business_days is null then
    return start_at + make_interval(secs => remaining);
  end if;
  -- One business day per turn; ten years of days bounds a target of at most a year of minutes.
  for turn in 1 .. 3660 loop
    local_day := (cursor_at at time zone policy.time_zone)::date;
    if extract(isodow from local_day)::smallint = any (policy.business_days) then
      opens_at := (local_day + policy.business_day_starts) at time zone policy.time_zone;
      closes_at := (local_day + policy.business_day_ends) at time zone policy.time_zone;
      if cursor_at < opens_at then
        cursor_at := opens_at;
      end if;
      if cursor_at < closes_at then
        available := extract(epoch from closes_at - cursor_at)::bigint;
        if remaining <= available then
          return cursor_at + make_interval(secs => remaining);
        end if;
        remaining := remaining - available;
      end if;
    end if;
    cursor_at := (local_day + 1)::timestamp at time zone policy.time_zone;
  end loop;
  raise exception 'SLA policy % has no business hours in ten years', policy.name;
end;
$$;
comment on function private.add_business_seconds(public.sla_policies, timestamptz, bigint) is
  'start_at plus the given business seconds under the policy''s business days and hours (in its time zone); plain seconds for a policy around the clock.';
grant execute on function private.add_business_seconds(public.sla_policies, timestamptz, bigint) to authenticated, service_role;

/** Business seconds between two instants under the policy's business hours (0 when to_at is not later). */
create function private.business_seconds_between(policy public.sla_policies, from_at timestamptz, to_at timestamptz)
returns bigint
language plpgsql
stable
set search_path = ''
as $$
declare
  total bigint := 0;
  local_day date;
  opens_at timestamptz;
  closes_at timestamptz;
begin
  if to_at <= from_at then
    return 0;
  end if;
  if policy.business_days is null then
    return extract(epoch from to_at - from_at)::bigint;
  end if;
  local_day := (from_at at time zone policy.time_zone)::date;
  while (local_day::timestamp at time zone policy.time_zone) < to_at loop
    if extract(isodow from local_day)::smallint = any (policy.business_days) then
      opens_at := greatest((local_day + policy.business_day_starts) at time zone policy.time_zone, from_at);
      closes_at := least((local_day + policy.business_day_ends) at time zone policy.time_zone, to_at);
      if closes_at > opens_at then
        total := total + extract(epoch from closes_at - opens_at)::bigint;
      end if;
    end if;
    local_day := local_day + 1;
  end loop;
  return total;
end;
$$;
comment on function private.business_seconds_between(public.sla_policies, timestamptz, timestamptz) is
  'Business seconds from from_at to to_at under the policy''s business days and hours; the length of a pause.';
grant execute on function private.business_seconds_between(public.sla_policies, timestamptz, timestamptz) to authenticated, service_role;

/** The policy for a ticket: the most specific (urgency, area) match. */
create function private.sla_policy_for(urgency text, solution_area text)
returns public.sla_policies
language sql
stable
security definer
set search_path = ''
as $$
  select policy.* from public.sla_policies policy
  where (policy.urgency is null or policy.urgency = sla_policy_for.urgency)
    and (policy.solution_area is null or policy.solution_area = sla_policy_for.solution_area)
  order by (policy.solution_area is not null) desc, (policy.urgency is not null) desc
  limit 1
$$;
comment on function private.sla_policy_for(text, text) is
  'The SLA policy a ticket of this urgency and solution area follows: area and urgency, area, urgency, then the default (both null).';
grant execute on function private.sla_policy_for(text, text) to authenticated, service_role;

/** A policy by id, whoever writes the ticket (customers cannot read policies). */
create function private.sla_policy(policy_id uuid)
returns public.sla_policies
language sql
stable
security definer
set search_path = ''
as $$ select policy.* from public.sla_policies policy where policy.id = policy_id $$;
comment on function private.sla_policy(uuid) is 'The SLA policy with this id (security definer: the ticket''s writer may not read policies).';
grant execute on function private.sla_policy(uuid) to authenticated, service_role;

/** The solution area of a conversation, whoever writes the ticket. */
create function private.solution_area_of_conversation(conversation_id uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$ select conversation.solution_area from public.conversations conversation where conversation.id = conversation_id $$;
comment on function private.solution_area_of_conversation(uuid) is 'The solution area of a conversation (a ticket''s area for its SLA policy and automatic assignment).';
grant execute on function private.solution_area_of_conversation(uuid) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------------------------------------------
/**
 * Before-write trigger on tickets (named e_ so it runs after the lifecycle triggers have settled the status): keeps
 * the SLA columns. API users cannot write them; the database (triggers, the cron job, Studio as the owner) can.
 * Security invoker, so current_user tells an API user from the database's own writers.
 */
create function private.keep_ticket_sla()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  policy public.sla_policies;
begin
  if tg_op = 'UPDATE' and current_user = 'authenticated' then
    new.sla_policy_id := old.sla_policy_id;
    new.first_response_due_at := old.first_response_due_at;
    new.resolution_due_at := old.resolution_due_at;
    new.first_responded_at := old.first_responded_at;
    new.sla_paused_at := old.sla_paused_at;
    new.sla_paused_seconds := old.sla_paused_seconds;
    new.first_response_breached_at := old.first_response_breached_at;
    new.resolution_breached_at := old.resolution_breached_at;
  elsif tg_op = 'INSERT' and current_user = 'authenticated' then
    new.sla_policy_id := null;
    new.first_responded_at := null;
    new.sla_paused_at := null;
    new.sla_paused_seconds := 0;
    new.first_response_breached_at := null;
    new.resolution_breached_at := null;
  end if;

  -- Waiting on the customer stops the clock; leaving it adds the business time waited.
  if new.status = 'waiting_on_customer' and (tg_op = 'INSERT' or old.status is distinct from 'waiting_on_customer') then
    new.sla_paused_at := coalesce(new.sla_paused_at, now());
  elsif new.status <> 'waiting_on_customer' and new.sla_paused_at is not null then
    policy := private.sla_policy(new.sla_policy_id);
    if policy.id is not null then
      new.sla_paused_seconds := new.sla_paused_seconds + private.business_seconds_between(policy, new.sla_paused_at, now());
    end if;
    new.sla_paused_at := null;
  end if;

  if tg_op = 'INSERT' or new.urgency is distinct from old.urgency or new.conversation_id is distinct from old.conversation_id then
    policy := private.sla_policy_for(new.urgency, private.solution_area_of_conversation(new.conversation_id));
    new.sla_policy_id := policy.id;
  elsif tg_op = 'UPDATE' and new.sla_paused_seconds = old.sla_paused_seconds and new.sla_policy_id is not distinct from old.sla_policy_id
        and new.created_at = old.created_at then
    return new;
  else
    policy := private.sla_policy(new.sla_policy_id);
  end if;

  if policy.id is null then
    new.first_response_due_at := null;
    new.resolution_due_at := null;
  else
    new.first_response_due_at := private.add_business_seconds(policy, new.created_at,
      policy.first_response_minutes * 60::bigint + new.sla_paused_seconds);
    new.resolution_due_at := private.add_business_seconds(policy, new.created_at,
      policy.resolution_minutes * 60::bigint + new.sla_paused_seconds);
  end if;
  return new;
end;
$$;
comment on function private.keep_ticket_sla() is
  'Before-write trigger on tickets: the SLA policy, due times and pause bookkeeping; API users cannot write these columns.';

create trigger e_keep_ticket_sla before insert or update on public.tickets
  for each row execute function private.keep_ticket_sla();

/** After-insert statement trigger on messages: the first technician reply the customer sees stops the first-response clock. */
create function private.record_first_response()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.tickets ticket set first_responded_at = reply.sent_at
  from (
    select conversation.ticket_id, min(inserted.created_at) as sent_at
    from inserted_messages inserted
    join public.conversations conversation on conversation.id = inserted.conversation_id
    where inserted.role = 'technician' and not inserted.is_internal_note and conversation.ticket_id is not null
    group by conversation.ticket_id
  ) reply
  where ticket.id = reply.ticket_id and ticket.first_responded_at is null;
  return null;
end;
$$;
comment on function private.record_first_response() is
  'After-insert statement trigger on messages: sets tickets.first_responded_at on the first technician reply (internal notes do not count).';

create trigger record_first_response after insert on public.messages
  referencing new table as inserted_messages
  for each statement execute function private.record_first_response();

-- ---------------------------------------------------------------------------------------------------------------
-- Scheduled work
-- ---------------------------------------------------------------------------------------------------------------
/** One step more priority; urgent stays urgent. */
create function private.raised_priority(priority public.ticket_priority)
returns public.ticket_priority
language sql
immutable
set search_path = ''
as $$
  select case priority when 'low' then 'normal'::public.ticket_priority when 'normal' then 'high' else 'urgent' end
$$;
comment on function private.raised_priority(public.ticket_priority) is 'The priority one step above (urgent stays urgent).';

/**
 * Marks breached SLA targets and escalates each once per target; returns how many breaches it handled. pg_cron
 * calls it every minute. Rows are locked (skip locked) so two runs never escalate a ticket twice.
 */
create function private.escalate_sla_breaches()
returns integer
language plpgsql
security definer
set search_path = ''
as $$
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
comment on function private.escalate_sla_breaches() is
  'pg_cron job escalate-sla-breaches: marks each breached target once, writes the timeline row and analytics event, raises priority, notifies the lead or reassigns (per policy).';
grant execute on function private.escalate_sla_breaches() to service_role;

select cron.schedule('escalate-sla-breaches', '* * * * *', 'select private.escalate_sla_breaches()');

-- ---------------------------------------------------------------------------------------------------------------
-- Policies
-- ---------------------------------------------------------------------------------------------------------------
alter table public.sla_policies enable row level security;
alter table public.notifications enable row level security;
revoke insert, delete, truncate on public.notifications from anon, authenticated;
revoke update on public.notifications from anon, authenticated;
grant update (read_at) on public.notifications to authenticated;

create policy "Staff can read the SLA policies" on public.sla_policies
  for select to authenticated using ((select private.is_staff()));
create policy "Admins can create SLA policies" on public.sla_policies
  for insert to authenticated with check ((select private.is_admin()));
create policy "Admins can change SLA policies" on public.sla_policies
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins can delete SLA policies" on public.sla_policies
  for delete to authenticated using ((select private.is_admin()));

create policy "People can read their own notifications" on public.notifications
  for select to authenticated using (recipient_id = (select auth.uid()));
create policy "People can mark their own notifications read" on public.notifications
  for update to authenticated using (recipient_id = (select auth.uid())) with check (recipient_id = (select auth.uid()));

-- A default policy so every ticket has due times out of the box; admins change or replace it.
insert into public.sla_policies (name, urgency, first_response_minutes, resolution_minutes, business_days)
values ('Default', null, 240, 2880, array[1, 2, 3, 4, 5]::smallint[]),
       ('High urgency', 'high', 60, 480, array[1, 2, 3, 4, 5]::smallint[]);
