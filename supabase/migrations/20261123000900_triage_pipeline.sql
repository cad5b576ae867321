-- AI triage pipeline: every ticket categorised, scored and drafted by the `triage` edge function; nothing stuck,
-- nothing lost.
--
--   ticket insert --(trigger enqueue_triage, exists)--> private.jobs 'triage'
--   the same statement wakes the `triage` function through pg_net (private.invoke_edge_function);
--   the function claims jobs (private.claim_triage_jobs: SKIP LOCKED, tickets -> processing), triages them, and
--   records each outcome in one call: private.record_triage_success (upsert of the one AI result row, ticket ->
--   processed) or private.record_triage_failure (retry with exponential backoff and jitter, or ai_failed with the
--   error kept in ticket_triage_failures once the attempts are spent).
--   pg_cron every minute: private.drain_triage_queue resets tickets stuck in processing for 5 minutes and wakes the
--   function when triage work is due. Technicians requeue an ai_failed ticket with public.requeue_ticket_triage.

-- ---------------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------------
create table public.ticket_triage_failures (
  ticket_id uuid primary key references public.tickets (id) on delete cascade,
  error text not null,
  attempts integer not null check (attempts >= 0),
  failed_at timestamptz not null default now()
);
comment on table public.ticket_triage_failures is 'Why triage of a ticket failed for good (its triage_status is ai_failed). Staff only; removed when a later triage succeeds.';
comment on column public.ticket_triage_failures.ticket_id is 'Ticket whose triage failed.';
comment on column public.ticket_triage_failures.error is 'Error of the last attempt, as the worker reported it.';
comment on column public.ticket_triage_failures.attempts is 'Attempts made before giving up.';
comment on column public.ticket_triage_failures.failed_at is 'When triage gave up.';

alter table public.ticket_ai_results add column provider text not null default 'local' check (length(provider) between 1 and 50);
comment on column public.ticket_ai_results.provider is 'AI provider that produced the result (openai or local), shown in the UI next to every AI output.';

-- ---------------------------------------------------------------------------------------------------------------
-- Indexes
-- ---------------------------------------------------------------------------------------------------------------
create index jobs_running_lease_idx on private.jobs (kind, locked_at) where status = 'running';

-- ---------------------------------------------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------------------------------------------
/** Statement-level, so an import of 10,000 tickets sends one wake-up, not 10,000. */
create or replace function private.wake_triage_worker()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if exists (select 1 from inserted_tickets ticket where ticket.triage_status = 'pending') then
    perform private.invoke_edge_function('triage', jsonb_build_object('reason', 'tickets_inserted'), 60000);
  end if;
  return null;
end;
$$;
comment on function private.wake_triage_worker() is 'After-insert statement trigger on tickets: wakes the triage edge function when pending tickets arrived.';

create trigger wake_triage_worker after insert on public.tickets
  referencing new table as inserted_tickets
  for each statement execute function private.wake_triage_worker();

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers (the worker's side: the triage function calls these as the database owner)
-- ---------------------------------------------------------------------------------------------------------------
/**
 * Claims up to batch_size due triage jobs (FOR UPDATE SKIP LOCKED inside private.claim_jobs, so concurrent workers
 * never share a ticket) and marks their tickets processing. Jobs whose ticket no longer waits for triage (resolved,
 * ai_failed, deleted, already processed) are completed on the spot and not returned.
 */
create or replace function private.claim_triage_jobs(worker text, batch_size integer default 25)
returns table (
  job_id bigint,
  ticket_id uuid,
  attempts integer,
  max_attempts integer,
  subject text,
  content text,
  channel text,
  call_transcript text
)
language plpgsql
security definer
set search_path = ''
as $$
declare
  claimed_job_ids bigint[];
  claimed_ticket_ids uuid[];
  claimed_attempts integer[];
  claimed_max_attempts integer[];
  started_job_ids bigint[];
begin
  select coalesce(array_agg(job.id order by job.id), '{}'),
         coalesce(array_agg(case when job.payload ->> 'ticket_id' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                                 then (job.payload ->> 'ticket_id')::uuid end order by job.id), '{}'),
         coalesce(array_agg(job.attempts order by job.id), '{}'),
         coalesce(array_agg(job.max_attempts order by job.id), '{}')
  into claimed_job_ids, claimed_ticket_ids, claimed_attempts, claimed_max_attempts
  from private.claim_jobs('triage'::private.job_kind, worker, batch_size) job;

  with started as (
    update public.tickets ticket set triage_status = 'processing'
    from unnest(claimed_job_ids, claimed_ticket_ids) as claimed (job_id, ticket_id)
    where ticket.id = claimed.ticket_id and ticket.triage_status in ('pending', 'processing')
    returning claimed.job_id
  )
  select coalesce(array_agg(started.job_id), '{}') into started_job_ids from started;

  update private.jobs job
  set status = 'completed', completed_at = now(), locked_by = null, locked_at = null, updated_at = now(),
      last_error = 'skipped: the ticket no longer waits for triage'
  where job.id = any (claimed_job_ids) and not job.id = any (started_job_ids);

  return query
  select claimed.job_id, ticket.id, claimed.attempts, claimed.max_attempts, ticket.subject, ticket.content,
         ticket.channel::text, ticket.call_transcript
  from unnest(claimed_job_ids, claimed_ticket_ids, claimed_attempts, claimed_max_attempts)
       as claimed (job_id, ticket_id, attempts, max_attempts)
  join public.tickets ticket on ticket.id = claimed.ticket_id
  where claimed.job_id = any (started_job_ids)
  order by claimed.job_id;
end;
$$;
comment on function private.claim_triage_jobs(text, integer) is 'Triage worker: claims due triage jobs (SKIP LOCKED) and marks their tickets processing; returns what the model needs.';

/** Writes an analytics event of the triage worker (api_call or error) for one provider call. */
create or replace function private.record_triage_event(ticket_id uuid, event jsonb)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.analytics_events (event_type, ticket_id, model, metadata)
  select (event ->> 'event_type')::public.analytics_event_type, record_triage_event.ticket_id, event ->> 'model',
         coalesce(event -> 'metadata', '{}'::jsonb)
  where event is not null and event ->> 'event_type' is not null
$$;
comment on function private.record_triage_event(uuid, jsonb) is 'Triage worker: records {event_type, model, metadata} as an analytics event of the ticket.';

/**
 * Records a successful triage in one transaction: the single AI result row is upserted (a retried job never creates
 * a second), the ticket becomes processed, an earlier failure record is removed and the job completes.
 */
create or replace function private.record_triage_success(job_id bigint, ticket_id uuid, result jsonb, event jsonb default null)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.ticket_ai_results as ai_result
    (ticket_id, category, sentiment_score, urgency, draft_reply, confidence, model, provider, reasoning, processed_at)
  values (
    record_triage_success.ticket_id,
    (result ->> 'category')::public.ticket_category,
    (result ->> 'sentiment_score')::integer,
    (result ->> 'urgency')::public.ticket_urgency,
    result ->> 'draft_reply',
    (result ->> 'confidence')::numeric(4, 3),
    result ->> 'model',
    coalesce(result ->> 'provider', 'local'),
    coalesce(result ->> 'reasoning', ''),
    now()
  )
  on conflict on constraint ticket_ai_results_ticket_id_key do update set
    category = excluded.category, sentiment_score = excluded.sentiment_score, urgency = excluded.urgency,
    draft_reply = excluded.draft_reply, confidence = excluded.confidence, model = excluded.model,
    provider = excluded.provider, reasoning = excluded.reasoning, processed_at = excluded.processed_at;

  -- A ticket reset meanwhile (stuck-reset, requeue) still takes this result: through processing to processed.
  update public.tickets ticket set triage_status = 'processing'
  where ticket.id = record_triage_success.ticket_id and ticket.triage_status in ('pending', 'ai_failed');
  update public.tickets ticket set triage_status = 'processed'
  where ticket.id = record_triage_success.ticket_id and ticket.triage_status = 'processing';

  delete from public.ticket_triage_failures failure where failure.ticket_id = record_triage_success.ticket_id;
  perform private.complete_job(record_triage_success.job_id);
  perform private.record_triage_event(record_triage_success.ticket_id, event);
end;
$$;
comment on function private.record_triage_success(bigint, uuid, jsonb, jsonb) is 'Triage worker: upserts the AI result, marks the ticket processed, completes the job, records the api_call event.';

/**
 * Records a failed attempt. Retryable failures go back to the queue after an exponential backoff with jitter
 * (30 s, 60 s, 120 s ... capped at 15 min, each scaled by a random 0.5-1.0 so a burst of failures does not retry
 * in lockstep) and the ticket back to pending. A failure that retrying cannot fix, or the last allowed attempt,
 * makes the ticket ai_failed with the error kept for technicians. Returns the ticket's new triage status.
 */
create or replace function private.record_triage_failure(job_id bigint, ticket_id uuid, error text, retryable boolean default true, event jsonb default null)
returns public.ticket_triage_status
language plpgsql
security definer
set search_path = ''
as $$
declare
  failed_job private.jobs;
  gives_up boolean;
begin
  select * into failed_job from private.jobs job where job.id = record_triage_failure.job_id for update;
  if not found then
    raise exception 'job % not found', record_triage_failure.job_id using errcode = 'P0002';
  end if;
  gives_up := not coalesce(retryable, true) or failed_job.attempts >= failed_job.max_attempts;

  update private.jobs job set
    status = case when gives_up then 'failed' else 'queued' end::private.job_status,
    last_error = left(record_triage_failure.error, 2000),
    next_attempt_at = now() + make_interval(secs => least(30 * power(2, greatest(failed_job.attempts - 1, 0)), 900) * (0.5 + random() / 2)),
    locked_by = null, locked_at = null, updated_at = now()
  where job.id = failed_job.id;

  perform private.record_triage_event(record_triage_failure.ticket_id, event);

  if gives_up then
    update public.tickets ticket set triage_status = 'processing'
    where ticket.id = record_triage_failure.ticket_id and ticket.triage_status = 'pending';
    update public.tickets ticket set triage_status = 'ai_failed'
    where ticket.id = record_triage_failure.ticket_id and ticket.triage_status = 'processing';
    insert into public.ticket_triage_failures as failure (ticket_id, error, attempts, failed_at)
    select ticket.id, left(record_triage_failure.error, 2000), failed_job.attempts, now()
    from public.tickets ticket where ticket.id = record_triage_failure.ticket_id
    on conflict on constraint ticket_triage_failures_pkey do update set
      error = excluded.error, attempts = excluded.attempts, failed_at = excluded.failed_at;
  else
    update public.tickets ticket set triage_status = 'pending'
    where ticket.id = record_triage_failure.ticket_id and ticket.triage_status = 'processing';
  end if;
  return (select ticket.triage_status from public.tickets ticket where ticket.id = record_triage_failure.ticket_id);
end;
$$;
comment on function private.record_triage_failure(bigint, uuid, text, boolean, jsonb) is 'Triage worker: requeues a failed attempt with backoff and jitter, or marks the ticket ai_failed with the error once attempts are spent.';

/**
 * Nothing stuck: a triage job whose worker stopped (crash, killed instance, timeout) for stuck_after goes back to
 * the queue (or fails for good when its attempts are spent) and its ticket back to pending (or ai_failed).
 * Nothing lost: a ticket processing for stuck_after without a running job, or pending for a minute without an open
 * job, gets a fresh job. Returns how many tickets went back to pending.
 */
create or replace function private.reset_stuck_triage(stuck_after interval default interval '5 minutes')
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  stuck_job private.jobs;
  reset_count integer := 0;
  orphan_count integer;
begin
  for stuck_job in
    update private.jobs job set
      status = case when job.attempts >= job.max_attempts then 'failed' else 'queued' end::private.job_status,
      last_error = 'the worker stopped before finishing (claimed by ' || coalesce(job.locked_by, 'unknown') || ' at ' || job.locked_at || ')',
      next_attempt_at = now(), locked_by = null, locked_at = null, updated_at = now()
    where job.kind = 'triage' and job.status = 'running' and job.locked_at < now() - stuck_after
    returning job.*
  loop
    if stuck_job.status = 'failed' then
      update public.tickets ticket set triage_status = 'ai_failed'
      where ticket.id = (stuck_job.payload ->> 'ticket_id')::uuid and ticket.triage_status = 'processing';
      if found then
        insert into public.ticket_triage_failures as failure (ticket_id, error, attempts)
        values ((stuck_job.payload ->> 'ticket_id')::uuid, stuck_job.last_error, stuck_job.attempts)
        on conflict on constraint ticket_triage_failures_pkey do update set
          error = excluded.error, attempts = excluded.attempts, failed_at = now();
      end if;
    else
      update public.tickets ticket set triage_status = 'pending'
      where ticket.id = (stuck_job.payload ->> 'ticket_id')::uuid and ticket.triage_status = 'processing';
      if found then
        reset_count := reset_count + 1;
      end if;
    end if;
  end loop;

  with orphans as (
    update public.tickets ticket set triage_status = 'pending'
    where ticket.triage_status = 'processing' and ticket.updated_at < now() - stuck_after
      and not exists (
        select 1 from private.jobs job
        where job.kind = 'triage' and job.status = 'running' and job.payload = jsonb_build_object('ticket_id', ticket.id)
      )
    returning ticket.id
  )
  select count(*) into orphan_count from orphans;
  reset_count := reset_count + orphan_count;

  insert into private.jobs (kind, payload)
  select 'triage', jsonb_build_object('ticket_id', ticket.id)
  from public.tickets ticket
  where ticket.triage_status = 'pending' and ticket.created_at < now() - interval '1 minute'
    and not exists (
      select 1 from private.jobs job
      where job.kind = 'triage' and job.status in ('queued', 'running') and job.payload = jsonb_build_object('ticket_id', ticket.id)
    )
  on conflict do nothing;

  return reset_count;
end;
$$;
comment on function private.reset_stuck_triage(interval) is 'pg_cron: triage jobs and tickets stuck in processing for stuck_after go back to pending (or ai_failed when attempts are spent); pending tickets without a job get one.';

/** The pg_cron job: un-stick, then wake the function only when triage work is due, so an idle project makes no calls. */
create or replace function private.drain_triage_queue()
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.reset_stuck_triage();
  if exists (
    select 1 from private.jobs job
    where job.kind = 'triage' and job.status = 'queued' and job.next_attempt_at <= now() and job.attempts < job.max_attempts
  ) then
    perform private.invoke_edge_function('triage', jsonb_build_object('reason', 'cron_drain'), 60000);
  end if;
end;
$$;
comment on function private.drain_triage_queue() is 'Called by pg_cron every minute: resets stuck triage and wakes the triage function when jobs are due.';

revoke execute on function private.claim_triage_jobs(text, integer) from public;
revoke execute on function private.record_triage_event(uuid, jsonb) from public;
revoke execute on function private.record_triage_success(bigint, uuid, jsonb, jsonb) from public;
revoke execute on function private.record_triage_failure(bigint, uuid, text, boolean, jsonb) from public;
revoke execute on function private.reset_stuck_triage(interval) from public;
revoke execute on function private.drain_triage_queue() from public;
grant execute on function private.claim_triage_jobs(text, integer) to service_role;
grant execute on function private.record_triage_event(uuid, jsonb) to service_role;
grant execute on function private.record_triage_success(bigint, uuid, jsonb, jsonb) to service_role;
grant execute on function private.record_triage_failure(bigint, uuid, text, boolean, jsonb) to service_role;
grant execute on function private.reset_stuck_triage(interval) to service_role;
grant execute on function private.drain_triage_queue() to service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- Policies
-- ---------------------------------------------------------------------------------------------------------------
alter table public.ticket_triage_failures enable row level security;

create policy "Staff can read triage failures" on public.ticket_triage_failures
  for select to authenticated using ((select private.is_staff()));

-- ---------------------------------------------------------------------------------------------------------------
-- Public functions
-- ---------------------------------------------------------------------------------------------------------------
/** Runs as the owner to move the triage status and enqueue; checks itself that the caller is staff. */
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
  on conflict (kind, payload) where status in ('queued', 'running') do update set
    status = 'queued', attempts = 0, next_attempt_at = now(), last_error = null, locked_by = null, locked_at = null, updated_at = now();
  perform private.invoke_edge_function('triage', jsonb_build_object('reason', 'requeued'), 60000);
end;
$$;
comment on function private.requeue_ticket_triage(uuid) is 'Implementation of public.requeue_ticket_triage (runs as owner, checks the caller is staff).';
grant execute on function private.requeue_ticket_triage(uuid) to authenticated, service_role;

/** The technician's "re-triage" button on an ai_failed ticket: back to pending with a fresh job, worker woken. */
create or replace function public.requeue_ticket_triage(ticket_id uuid)
returns void
language sql
security invoker
set search_path = ''
as $$ select private.requeue_ticket_triage(ticket_id) $$;
comment on function public.requeue_ticket_triage(uuid) is 'Staff: moves an ai_failed ticket back to pending with a fresh triage job (attempts from zero) and wakes the worker.';
grant execute on function public.requeue_ticket_triage(uuid) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- Schedules
-- ---------------------------------------------------------------------------------------------------------------
select cron.schedule('triage-drain', '* * * * *', 'select private.drain_triage_queue()');
