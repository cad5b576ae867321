-- A triage job claimed before Postgres restarted is stuck at once, not after five minutes.
--
-- A worker claims a job (status running, committed), calls the provider, then records the result. When Postgres
-- crashes or restarts in between, the worker's connection is gone, pg_net's request queue (an unlogged table) is
-- empty, and the job stayed running: reset_stuck_triage waited its five minutes before the once-a-minute sweep sent
-- it again, so a restart delayed those tickets' triage by up to six minutes (tests/local/faults.serial.test.ts saw it
-- whenever a job was in flight at the crash). A claim older than the server cannot still be in a live transaction of
-- this server; a worker that survived and records its result later is harmless, because record_triage_success takes
-- a result for a ticket that was reset meanwhile.
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
    where job.kind = 'triage' and job.status = 'running'
      and (job.locked_at < now() - stuck_after or job.locked_at < pg_catalog.pg_postmaster_start_time())
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
    where ticket.triage_status = 'processing'
      and (ticket.updated_at < now() - stuck_after or ticket.updated_at < pg_catalog.pg_postmaster_start_time())
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

comment on function private.reset_stuck_triage(interval) is 'pg_cron: triage jobs and tickets stuck in processing for stuck_after, or since before the server started, go back to pending (or ai_failed when attempts are spent); pending tickets without a job get one.';
