-- The ticket insert path, second pass (issue 4: ≥ 2,000 single-ticket inserts per second at 1M tickets).
--
-- Profiling one customer's insert transaction (perf on the backends, pg_stat_user_functions, and the same insert in
-- a loop as one customer after another) showed time going to work that gives nothing back:
--
-- - SQL-language helpers re-planned on every statement. A `language sql` function with `set search_path` cannot
--   be inlined, so the executor runs it through fmgr_sql, which parses, analyses and plans its body afresh for every
--   statement that calls it. Each insert did that three times: the ticket number default (private.padded_number),
--   the unassigned-queue index expression (private.urgency_rank) and the customer check in the before-insert
--   trigger (private.is_staff). PL/pgSQL keeps its compiled body and plans for the session, so the same helpers in
--   PL/pgSQL cost a function call instead of a planner run (about 9% of the transaction's CPU before). The role
--   helpers serve every RLS policy too, so every policy that calls them gets the same saving.
-- - The open-job index compared jsonb payloads. jobs_one_open_per_subject_idx was unique on (kind, payload); jsonb
--   comparison walks both documents, so each descent of a 200,000-entry index cost ~60 µs. The job's subject (the
--   ticket, article or analysis id) is now a generated column with byte-wise collation, and the index is unique on
--   (kind, subject): the same rule, one open job per subject, at the cost of comparing short strings.
-- - Random ticket ids scattered every insert across five indexes. gen_random_uuid() puts each new ticket on a
--   random leaf of tickets_pkey and of the ticket-id indexes of jobs, analytics_events and ticket_events, so a
--   million-ticket database touches four cold pages per insert. Ticket ids are now UUID version 7 (RFC 9562:
--   48 bits of Unix milliseconds, then random bits): new tickets land on the same few hot pages, and the ids stay
--   unguessable UUIDs that existing rows and links keep using unchanged.
-- - The wake-up debounce took the row lock before checking the time. Almost every insert comes while the last
--   wake-up is still fresh; a plain read now answers those, and only a due wake-up goes on to the locking update.
--
-- Measured with a 1,000,000-ticket database (local/bench/data-model.ts generation), 3,000 single-row inserts as
-- different customers in one transaction: 650–800 µs of backend CPU per insert before, 455–490 µs after.

-- ---------------------------------------------------------------------------------------------------------------
-- Time-ordered ticket ids
-- ---------------------------------------------------------------------------------------------------------------
/** A version 7 UUID (RFC 9562): Unix milliseconds in the first 48 bits, version 7, then random bits. */
create or replace function private.uuid_v7()
returns uuid
language plpgsql
volatile
set search_path = ''
as $$
begin
  -- One expression on purpose: PL/pgSQL sets up each expression once per transaction, and this runs once per ticket.
  -- A random (version 4) UUID already has the RFC variant and 74 random bits; its first six bytes become the time,
  -- and setting bits 52 and 53 turns its version nibble 0100 into 0111.
  return pg_catalog.encode(
    pg_catalog.set_bit(pg_catalog.set_bit(
      overlay(pg_catalog.uuid_send(pg_catalog.gen_random_uuid())
        placing substring(pg_catalog.int8send((extract(epoch from pg_catalog.clock_timestamp()) * 1000)::bigint) from 3)
        from 1 for 6),
      52, 1), 53, 1),
    'hex')::uuid;
end;
$$;
comment on function private.uuid_v7() is
  'UUID version 7 (RFC 9562): time-ordered, so new rows share the right-hand pages of the indexes on the id instead of touching a random page each.';
grant execute on function private.uuid_v7() to authenticated, service_role;

alter table public.tickets alter column id set default private.uuid_v7();

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers in PL/pgSQL: compiled once per session instead of planned once per statement
-- ---------------------------------------------------------------------------------------------------------------
create or replace function private.padded_number(prefix text, value bigint)
returns text
language plpgsql
immutable
set search_path = ''
as $$
begin
  return prefix || '-' || lpad(value::text, greatest(6, length(value::text)), '0');
end;
$$;

create or replace function private.urgency_rank(urgency text)
returns integer
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
begin
  return case urgency when 'high' then 0 when 'medium' then 1 when 'low' then 2 else 3 end;
end;
$$;

create or replace function private.is_staff()
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return coalesce(private.current_user_role() in ('technician', 'admin'), false);
end;
$$;

create or replace function private.is_technician()
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return coalesce(private.current_user_role() = 'technician', false);
end;
$$;

create or replace function private.is_admin()
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return coalesce(private.current_user_role() = 'admin', false);
end;
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- One open job per subject, compared as text
-- ---------------------------------------------------------------------------------------------------------------
alter table private.jobs
  add column subject text collate "C"
  generated always as (coalesce(payload ->> 'ticket_id', payload ->> 'article_id', payload ->> 'analysis_id', payload::text)) stored;
comment on column private.jobs.subject is
  'What the job works on, from the payload: the ticket, article or analysis id (the whole payload as text for any other shape). At most one open job per kind and subject.';

drop index private.jobs_one_open_per_subject_idx;
create unique index jobs_one_open_per_subject_idx on private.jobs (kind, subject) where status in ('queued', 'running');
comment on index private.jobs_one_open_per_subject_idx is
  'At most one queued or running job per kind and subject, so re-enqueueing an article or ticket is a no-op.';

-- The technician's re-triage names the index's columns in its ON CONFLICT; the rest is unchanged.
create or replace function private.requeue_ticket_triage(ticket_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  current_status public.ticket_triage_status;
begin
  if not private.is_staff() and coalesce(auth.role(), '') <> 'service_role' then
    raise exception 'only technicians and admins can requeue triage' using errcode = '42501';
  end if;
  select ticket.triage_status into current_status from public.tickets ticket where ticket.id = requeue_ticket_triage.ticket_id for update;
  if not found then
    raise exception 'ticket % not found', requeue_ticket_triage.ticket_id using errcode = 'P0002';
  end if;
  if current_status <> 'ai_failed' then
    raise exception 'only a ticket whose triage failed can be requeued; this one is %', current_status using errcode = '22023';
  end if;

  update public.tickets ticket set triage_status = 'pending' where ticket.id = requeue_ticket_triage.ticket_id;
  insert into private.jobs (kind, payload) values ('triage', jsonb_build_object('ticket_id', requeue_ticket_triage.ticket_id))
  on conflict (kind, subject) where status in ('queued', 'running') do update set
    status = 'queued', attempts = 0, next_attempt_at = now(), last_error = null, locked_by = null, locked_at = null, updated_at = now();
  perform private.invoke_edge_function('triage', jsonb_build_object('reason', 'requeued'), 60000);
end;
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- Debounced wake-ups: read before locking
-- ---------------------------------------------------------------------------------------------------------------
create or replace function private.request_edge_function_wakeup(
  name text,
  body jsonb default '{}'::jsonb,
  min_interval interval default '00:00:01'::interval,
  timeout_milliseconds integer default 5000
)
returns bigint
language plpgsql
security definer
set search_path = ''
as $$
declare
  due boolean;
begin
  -- The common case under load: woken less than min_interval ago. A plain read settles it without touching the row.
  if exists (
    select 1 from private.edge_function_wakeups wakeup
    where wakeup.function_name = request_edge_function_wakeup.name
      and wakeup.last_requested_at >= clock_timestamp() - request_edge_function_wakeup.min_interval
  ) then
    return null;
  end if;

  update private.edge_function_wakeups wakeup
  set last_requested_at = clock_timestamp()
  where wakeup.function_name = (
      select candidate.function_name from private.edge_function_wakeups candidate
      where candidate.function_name = request_edge_function_wakeup.name
        and candidate.last_requested_at < clock_timestamp() - request_edge_function_wakeup.min_interval
      for update skip locked
    )
  returning true into due;
  if due is null then
    if not exists (select 1 from private.edge_function_wakeups w where w.function_name = request_edge_function_wakeup.name) then
      -- A function without a debounce row is woken every time (and gets a row for next time).
      insert into private.edge_function_wakeups (function_name, last_requested_at)
      values (request_edge_function_wakeup.name, clock_timestamp()) on conflict do nothing;
    else
      return null;
    end if;
  end if;
  return private.invoke_edge_function(name, body, timeout_milliseconds);
end;
$$;
