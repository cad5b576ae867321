-- Possible duplicates and merging tickets (issue 15, the desk side).
--
-- Possible duplicates: when a ticket's first triage result is written, private.flag_possible_duplicate compares it
-- with the open tickets that came before it — the same customer's (last 30 days) and everybody's most recent (last
-- 7 days, at most 500; the customer's own at most 50) — by trigram similarity of subject and description (pg_trgm). Tickets have no embedding
-- (only articles do), and computing one on the insert path would cost every ticket; see decision 0019. The best
-- match above the threshold is kept in public.possible_duplicates, which staff read.
--
-- Merging: public.merge_tickets(duplicate, survivor, confirm_cross_customer) moves the duplicate's timeline rows and,
-- between one customer's tickets only (another customer never reads them), its messages and work orders to the survivor, marks the
-- duplicate 'merged' with merged_into pointing at the survivor, and writes a timeline row on both and an analytics
-- event. A merged ticket is finished: it leaves the SLA clock (no policy, no due time), the lifecycle refuses any
-- further change by API users, and bulk actions report it per ticket.

-- ---------------------------------------------------------------------------------------------------------------
-- Enums (the status domain)
-- ---------------------------------------------------------------------------------------------------------------
alter domain public.ticket_status drop constraint ticket_status_check;
alter domain public.ticket_status add constraint ticket_status_check
  check (value in ('unassigned', 'assigned', 'in_progress', 'waiting_on_customer', 'resolved', 'closed', 'merged'));
comment on domain public.ticket_status is
  'Technician workflow: unassigned -> assigned / in_progress -> waiting_on_customer -> resolved -> closed; merged (into merged_into) is final. A text domain (not an enum) so RLS-filtered queue queries can use the index (text equality is leakproof).';

-- ---------------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------------
alter table public.tickets
  add column merged_into uuid references public.tickets (id) on delete set null,
  add constraint tickets_merged_into_only_when_merged check (merged_into is null or status = 'merged'),
  add constraint tickets_not_merged_into_itself check (merged_into is distinct from id);
comment on column public.tickets.merged_into is 'The ticket this one was merged into (status merged); the customer is sent there. Set only by public.merge_tickets.';
create index tickets_merged_into_idx on public.tickets (merged_into) where merged_into is not null;

create table public.possible_duplicates (
  ticket_id uuid primary key references public.tickets (id) on delete cascade,
  duplicate_of uuid not null references public.tickets (id) on delete cascade,
  similarity real not null check (similarity between 0 and 1),
  same_customer boolean not null,
  detected_at timestamptz not null default now(),
  constraint possible_duplicates_not_itself check (ticket_id <> duplicate_of)
);
comment on table public.possible_duplicates is
  'A newer ticket that closely matches an earlier open one (private.flag_possible_duplicate, after its first triage). Staff read it; the desk shows "possible duplicate of TCK-…". Gone once the ticket is merged.';
comment on column public.possible_duplicates.ticket_id is 'The newer ticket, the possible duplicate.';
comment on column public.possible_duplicates.duplicate_of is 'The earlier open ticket it matches.';
comment on column public.possible_duplicates.similarity is 'Trigram similarity (pg_trgm) of subject and description, 0-1.';
comment on column public.possible_duplicates.same_customer is 'Whether both tickets are the same customer''s (a merge across customers needs confirming).';
comment on column public.possible_duplicates.detected_at is 'When it was found.';
create index possible_duplicates_duplicate_of_idx on public.possible_duplicates (duplicate_of);
alter table public.possible_duplicates enable row level security;

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
/** What two tickets are compared on: subject and the start of the description, lower-cased. */
create function private.duplicate_text(subject text, content text) returns text
language sql immutable set search_path = '' as $$
  select lower(coalesce(subject, '') || ' ' || left(coalesce(content, ''), 400))
$$;
comment on function private.duplicate_text(text, text) is 'The text possible duplicates are compared on: subject and the first 400 characters of the description, lower-cased.';
revoke all on function private.duplicate_text(text, text) from public;

create function private.flag_possible_duplicate(ticket_id uuid) returns void
language plpgsql security definer set search_path = '' as $$
declare
  ticket public.tickets;
  ticket_text text;
  best record;
begin
  select * into ticket from public.tickets t where t.id = flag_possible_duplicate.ticket_id;
  if ticket.id is null or ticket.status in ('resolved', 'closed', 'merged') then
    return;
  end if;
  ticket_text := private.duplicate_text(ticket.subject, ticket.content);

  -- Bounded work per ticket: the customer's 50 most recent open tickets of 30 days (tickets_customer_idx) and the 500 most
  -- recent open tickets of 7 days (tickets_queue_all_idx). The same customer needs a lower similarity than a
  -- stranger: "same problem again" is likelier than two people wording it alike.
  select candidate.id, candidate.same_customer, candidate.score into best
  from (
    select own.id, true as same_customer, extensions.similarity(ticket_text, private.duplicate_text(own.subject, own.content)) as score
    from (
      -- At most 50: a customer (or an import) with thousands of open tickets must not make triage quadratic.
      select other.id, other.subject, other.content from public.tickets other
      where other.customer_id = ticket.customer_id and other.created_at >= ticket.created_at - interval '30 days'
        and other.created_at <= ticket.created_at and other.id <> ticket.id
        and other.status not in ('resolved', 'closed', 'merged')
      order by other.created_at desc, other.id desc
      limit 50
    ) own
    union all
    select recent.id, false, extensions.similarity(ticket_text, private.duplicate_text(recent.subject, recent.content))
    from (
      select other.id, other.subject, other.content from public.tickets other
      where other.created_at >= ticket.created_at - interval '7 days' and other.created_at <= ticket.created_at
        and other.id <> ticket.id and other.customer_id <> ticket.customer_id
        and other.status not in ('resolved', 'closed', 'merged')
      order by other.created_at desc, other.id desc
      limit 500
    ) recent
  ) candidate
  where candidate.score >= case when candidate.same_customer then 0.45 else 0.6 end
  order by candidate.score desc, candidate.same_customer desc
  limit 1;

  if best.id is not null then
    insert into public.possible_duplicates (ticket_id, duplicate_of, similarity, same_customer)
    values (ticket.id, best.id, least(best.score, 1), best.same_customer)
    on conflict on constraint possible_duplicates_pkey do update set
      duplicate_of = excluded.duplicate_of, similarity = excluded.similarity, same_customer = excluded.same_customer,
      detected_at = excluded.detected_at;
  end if;
end;
$$;
comment on function private.flag_possible_duplicate(uuid) is
  'Finds the earlier open ticket a ticket most closely matches (trigram similarity of subject and description: >= 0.45 for the same customer, >= 0.6 across customers) and records it in possible_duplicates.';
revoke all on function private.flag_possible_duplicate(uuid) from public;

-- ---------------------------------------------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------------------------------------------
create function private.flag_possible_duplicate_after_triage() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.flag_possible_duplicate(new.ticket_id);
  return null;
end;
$$;
comment on function private.flag_possible_duplicate_after_triage() is
  'After-insert trigger on ticket_ai_results: a ticket''s first triage result looks for the open ticket it may duplicate (off the insert path, once per ticket).';
revoke all on function private.flag_possible_duplicate_after_triage() from public;

create trigger flag_possible_duplicate after insert on public.ticket_ai_results
  for each row execute function private.flag_possible_duplicate_after_triage();

-- The lifecycle (redefined from 20261123000400): merged is reached only through public.merge_tickets and is final.
create or replace function private.enforce_ticket_lifecycle() returns trigger
language plpgsql set search_path = '' as $$
begin
  if old.status = 'merged' and current_user = 'authenticated' then
    raise exception 'ticket % was merged into another ticket: work on that one', old.number using errcode = '23514';
  end if;
  if new.status is distinct from old.status then
    if new.status = 'merged' then
      if current_user = 'authenticated' or new.merged_into is null or old.status in ('closed', 'merged') then
        raise exception 'a ticket is merged only through merge_tickets, and not once closed' using errcode = '23514';
      end if;
    elsif not (
      (old.status = 'unassigned' and new.status in ('assigned', 'in_progress'))
      or (old.status = 'assigned' and new.status in ('unassigned', 'in_progress', 'waiting_on_customer', 'resolved'))
      or (old.status = 'in_progress' and new.status in ('assigned', 'waiting_on_customer', 'resolved'))
      or (old.status = 'waiting_on_customer' and new.status in ('in_progress', 'resolved'))
      or (old.status = 'resolved' and new.status in ('in_progress', 'closed'))
    ) then
      raise exception 'illegal ticket status transition from % to %', old.status, new.status using errcode = '23514';
    end if;
  end if;
  if new.merged_into is distinct from old.merged_into and current_user = 'authenticated' then
    raise exception 'a ticket is merged only through merge_tickets' using errcode = '42501';
  end if;

  -- The workflow reaching resolved/closed/merged resolves triage; a reopened ticket goes back to processed.
  if new.status in ('resolved', 'closed', 'merged') then
    new.triage_status := 'resolved';
  elsif old.status in ('resolved', 'closed') and old.triage_status = 'resolved' then
    new.triage_status := 'processed';
  elsif new.triage_status = 'resolved' and old.triage_status <> 'resolved' then
    raise exception 'illegal triage status transition from % to resolved: resolve the ticket instead', old.triage_status using errcode = '23514';
  end if;

  if new.triage_status is distinct from old.triage_status
     and not (old.status in ('resolved', 'closed', 'merged') or new.status in ('resolved', 'closed', 'merged')) then
    if not (
      (old.triage_status = 'pending' and new.triage_status = 'processing')
      or (old.triage_status = 'processing' and new.triage_status in ('processed', 'ai_failed', 'pending'))
      or (old.triage_status = 'ai_failed' and new.triage_status in ('processing', 'pending'))
    ) then
      raise exception 'illegal triage status transition from % to %', old.triage_status, new.triage_status using errcode = '23514';
    end if;
  end if;

  if new.assigned_to is distinct from old.assigned_to and new.assigned_to is not null then
    new.assigned_at := now();
  end if;
  if new.status = 'resolved' and old.status <> 'resolved' then
    new.resolved_at := now();
  elsif new.status not in ('resolved', 'closed') then
    new.resolved_at := null;
  end if;
  if new.status in ('closed', 'merged') and old.status is distinct from new.status then
    new.closed_at := now();
  end if;
  return new;
end;
$$;
comment on function private.enforce_ticket_lifecycle() is
  'Before-update trigger on tickets: legal status and triage transitions only (merged only through merge_tickets, and final); resolved_at / closed_at / assigned_at.';

-- The SLA (redefined from 20261206070200): a merged ticket has no policy and no due time.
create or replace function private.keep_ticket_sla() returns trigger
language plpgsql set search_path = '' as $$
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

  -- A merged ticket leaves the SLA clock: its work goes on in the survivor, which keeps its own.
  if new.status = 'merged' then
    new.sla_policy_id := null;
    new.first_response_due_at := null;
    new.resolution_due_at := null;
    new.sla_paused_at := null;
    return new;
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
  'Before-write trigger on tickets: the SLA policy, due times and pause bookkeeping (none for a merged ticket, so sla_due_at is null and the escalation job never sees it); API users cannot write these columns.';

-- Work orders (redefined from 20261201120000): a merge moves a work order to the survivor as it is, finished or not.
create or replace function private.protect_work_order_fields() returns trigger
language plpgsql set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    new.parts_cost := 0;
    if new.status <> 'open' then
      raise exception 'a work order starts open, not %', new.status using errcode = '23514';
    end if;
    -- API users only: imports and the seed (run as the owner) record past work on tickets already resolved.
    if current_user = 'authenticated'
       and exists (select 1 from public.tickets ticket where ticket.id = new.ticket_id and ticket.status in ('resolved', 'closed', 'merged')) then
      raise exception 'ticket is % and takes no new work orders: reopen it first',
        (select ticket.status from public.tickets ticket where ticket.id = new.ticket_id) using errcode = '23514';
    end if;
  else
    -- public.merge_tickets (as the owner) changes nothing but the ticket.
    if current_user <> 'authenticated' and new.ticket_id is distinct from old.ticket_id
       and new.status = old.status and new.number = old.number and new.parts_cost = old.parts_cost then
      return new;
    end if;
    if new.parts_cost is distinct from old.parts_cost and pg_trigger_depth() < 2 then
      raise exception 'parts_cost is derived from the parts lines and cannot be typed' using errcode = '42501';
    end if;
    if old.status in ('completed', 'cancelled') then
      raise exception 'work order % is % and can no longer change', old.number, old.status using errcode = '23514';
    end if;
    if new.ticket_id is distinct from old.ticket_id or new.number is distinct from old.number then
      raise exception 'the ticket and number of a work order never change' using errcode = '42501';
    end if;
    if new.status is distinct from old.status and not (
      (old.status = 'open' and new.status in ('in_progress', 'cancelled'))
      or (old.status = 'in_progress' and new.status in ('completed', 'cancelled'))
    ) then
      raise exception 'illegal work order status transition from % to %', old.status, new.status using errcode = '23514';
    end if;
  end if;
  if new.status = 'completed' then
    new.completed_at := now();
  else
    new.completed_at := null;
  end if;
  return new;
end;
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- Policies
-- ---------------------------------------------------------------------------------------------------------------
create policy "Staff can read possible duplicates" on public.possible_duplicates
  for select to authenticated using ((select private.is_staff()));

-- ---------------------------------------------------------------------------------------------------------------
-- Public functions
-- ---------------------------------------------------------------------------------------------------------------
create function public.merge_tickets(duplicate uuid, survivor uuid, confirm_cross_customer boolean default false) returns jsonb
language plpgsql security definer set search_path = '' as $$
declare
  duplicate_ticket public.tickets;
  survivor_ticket public.tickets;
  cross_customer boolean;
  survivor_conversation uuid;
  moved_messages integer := 0;
  moved_events integer;
  moved_work_orders integer;
begin
  if not private.is_staff() then
    raise exception 'only technicians and admins can merge tickets' using errcode = '42501';
  end if;
  if duplicate is null or survivor is null or duplicate = survivor then
    raise exception 'choose two different tickets to merge' using errcode = '22023';
  end if;
  -- Both rows locked in one order, so two merges of the same pair cannot deadlock.
  perform 1 from public.tickets t where t.id in (duplicate, survivor) order by t.id for update;
  select * into duplicate_ticket from public.tickets t where t.id = duplicate;
  select * into survivor_ticket from public.tickets t where t.id = survivor;
  if duplicate_ticket.id is null or survivor_ticket.id is null then
    raise exception 'no such ticket' using errcode = 'P0002';
  end if;
  if duplicate_ticket.status in ('closed', 'merged') then
    raise exception 'ticket % is % and cannot be merged', duplicate_ticket.number, duplicate_ticket.status using errcode = '23514';
  end if;
  if survivor_ticket.status in ('closed', 'merged') then
    raise exception 'ticket % is % and cannot take a merge', survivor_ticket.number, survivor_ticket.status using errcode = '23514';
  end if;
  cross_customer := duplicate_ticket.customer_id <> survivor_ticket.customer_id;
  if cross_customer and not coalesce(confirm_cross_customer, false) then
    raise exception 'tickets % and % belong to different customers: confirm to merge them', duplicate_ticket.number, survivor_ticket.number
      using errcode = 'P0001';
  end if;

  -- Messages move only between one customer's tickets: another customer must never read them (decision 0019).
  if not cross_customer and duplicate_ticket.conversation_id is not null then
    survivor_conversation := survivor_ticket.conversation_id;
    if survivor_conversation is null then
      -- The duplicate's conversation becomes the survivor's: nothing needs to move.
      update public.conversations conversation set ticket_id = survivor_ticket.id where conversation.id = duplicate_ticket.conversation_id;
      update public.tickets t set conversation_id = null where t.id = duplicate_ticket.id;
      update public.tickets t set conversation_id = duplicate_ticket.conversation_id where t.id = survivor_ticket.id;
      select count(*) into moved_messages from public.messages message where message.conversation_id = duplicate_ticket.conversation_id;
    else
      update public.messages message set conversation_id = survivor_conversation where message.conversation_id = duplicate_ticket.conversation_id;
      get diagnostics moved_messages = row_count;
      update public.conversations conversation set last_message_at = greatest(conversation.last_message_at,
        (select max(message.created_at) from public.messages message where message.conversation_id = survivor_conversation))
      where conversation.id = survivor_conversation;
    end if;
  end if;

  update public.ticket_events event set ticket_id = survivor_ticket.id where event.ticket_id = duplicate_ticket.id;
  get diagnostics moved_events = row_count;
  -- Work orders too: their customer reads them (parts, totals), so they stay with their own customer's ticket.
  if cross_customer then
    moved_work_orders := 0;
  else
    update public.work_orders work_order set ticket_id = survivor_ticket.id where work_order.ticket_id = duplicate_ticket.id;
    get diagnostics moved_work_orders = row_count;
  end if;

  update public.tickets t set status = 'merged', merged_into = survivor_ticket.id where t.id = duplicate_ticket.id;
  delete from public.possible_duplicates flagged where flagged.ticket_id = duplicate_ticket.id;

  insert into public.ticket_events (ticket_id, actor_id, kind, details) values
    (duplicate_ticket.id, auth.uid(), 'merged', jsonb_build_object('survivor_id', survivor_ticket.id, 'survivor_number', survivor_ticket.number,
      'cross_customer', cross_customer)),
    (survivor_ticket.id, auth.uid(), 'merged', jsonb_build_object('duplicate_id', duplicate_ticket.id, 'duplicate_number', duplicate_ticket.number,
      'cross_customer', cross_customer, 'moved_messages', moved_messages, 'moved_events', moved_events, 'moved_work_orders', moved_work_orders));
  insert into public.analytics_events (event_type, user_id, ticket_id, metadata)
  values ('tickets_merged', auth.uid(), survivor_ticket.id, jsonb_build_object('duplicate_id', duplicate_ticket.id, 'cross_customer', cross_customer,
    'moved_messages', moved_messages, 'moved_events', moved_events, 'moved_work_orders', moved_work_orders));

  return jsonb_build_object('survivor_id', survivor_ticket.id, 'survivor_number', survivor_ticket.number, 'cross_customer', cross_customer,
    'moved_messages', moved_messages, 'moved_events', moved_events, 'moved_work_orders', moved_work_orders);
end;
$$;
comment on function public.merge_tickets(uuid, uuid, boolean) is
  'Staff merge a duplicate ticket into a survivor: its timeline rows move, and its messages and work orders too when both are the same customer''s; it becomes merged with merged_into set, both timelines and analytics say so. Refused across customers unless confirm_cross_customer, and for closed or merged tickets.';
revoke all on function public.merge_tickets(uuid, uuid, boolean) from public;
grant execute on function public.merge_tickets(uuid, uuid, boolean) to authenticated;

-- Bulk actions (redefined from 20261206070700): a merged ticket is refused by name, the others go on.
create or replace function public.bulk_update_tickets(ticket_ids uuid[], action text, value text default null)
returns table (ticket_id uuid, done boolean, error text)
language plpgsql
security invoker
set search_path = ''
as $$
declare
  target uuid;
  changed integer;
  merged_note text;
begin
  if action is null or action not in ('assign', 'status', 'close') then
    raise exception 'unknown bulk action %', action using errcode = '22023';
  end if;
  if ticket_ids is null or cardinality(ticket_ids) = 0 or cardinality(ticket_ids) > 200 then
    raise exception 'choose between 1 and 200 tickets' using errcode = '22023';
  end if;
  if action = 'status' and (value is null or value not in ('assigned', 'in_progress', 'waiting_on_customer', 'resolved', 'closed')) then
    raise exception 'unknown status %', value using errcode = '22023';
  end if;
  if action = 'assign' and (value is null or value !~ '^[0-9a-f-]{36}$') then
    raise exception 'choose a technician to assign' using errcode = '22023';
  end if;

  foreach target in array (select array_agg(distinct id) from unnest(ticket_ids) id) loop
    ticket_id := target;
    select format('ticket %s was merged into %s', ticket.number, coalesce(survivor.number, 'another ticket')) into merged_note
    from public.tickets ticket left join public.tickets survivor on survivor.id = ticket.merged_into
    where ticket.id = target and ticket.status = 'merged';
    if merged_note is not null then
      done := false; error := merged_note; return next; continue;
    end if;
    begin
      if action = 'assign' then
        update public.tickets ticket set assigned_to = value::uuid,
          status = case when ticket.status = 'unassigned' then 'assigned' else ticket.status end
        where ticket.id = target and ticket.status not in ('resolved', 'closed');
      elsif action = 'status' then
        update public.tickets ticket set status = value where ticket.id = target and ticket.status is distinct from value;
        if not found then
          changed := (select count(*) from public.tickets ticket where ticket.id = target and ticket.status = value);
          if changed = 1 then
            done := true; error := null; return next; continue;
          end if;
        end if;
      else
        update public.tickets ticket set status = 'resolved'
        where ticket.id = target and ticket.status in ('assigned', 'in_progress', 'waiting_on_customer');
        update public.tickets ticket set status = 'closed' where ticket.id = target and ticket.status = 'resolved';
      end if;
      get diagnostics changed = row_count;
      done := changed = 1;
      error := case when changed = 1 then null else 'not yours to change, or not in a state that allows it' end;
    exception when others then
      done := false;
      error := sqlerrm;
    end;
    return next;
  end loop;
end;
$$;
comment on function public.bulk_update_tickets(uuid[], text, text) is
  'Desk bulk action (assign, status, close) on up to 200 tickets, each under the caller''s policies and the lifecycle triggers in its own subtransaction; one row per ticket: done or the refusal (a merged ticket: merged into which).';
