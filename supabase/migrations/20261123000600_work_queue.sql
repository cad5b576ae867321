-- Work queue: jobs AI workers drain (triage, embed, analysis). Lives in private; workers reach it through the
-- service-role-only RPCs at the end of this file.

-- ---------------------------------------------------------------------------------------------------------------
-- Enums
-- ---------------------------------------------------------------------------------------------------------------
create type private.job_kind as enum ('triage', 'embed', 'analysis');
create type private.job_status as enum ('queued', 'running', 'completed', 'failed');

-- ---------------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------------
create table private.jobs (
  id bigint generated always as identity primary key,
  kind private.job_kind not null,
  payload jsonb not null default '{}',
  status private.job_status not null default 'queued',
  attempts integer not null default 0 check (attempts >= 0),
  max_attempts integer not null default 5 check (max_attempts > 0),
  next_attempt_at timestamptz not null default now(),
  last_error text,
  locked_by text,
  locked_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  completed_at timestamptz
);
comment on table private.jobs is 'Work queue for AI workers. Claimed with FOR UPDATE SKIP LOCKED; a running job whose lease expired is claimable again.';
comment on column private.jobs.id is 'Job id.';
comment on column private.jobs.kind is 'triage (payload {ticket_id}), embed ({article_id}) or analysis ({analysis_id}).';
comment on column private.jobs.payload is 'Input of the job.';
comment on column private.jobs.status is 'queued, running, completed or failed (attempts exhausted).';
comment on column private.jobs.attempts is 'Claims so far.';
comment on column private.jobs.max_attempts is 'Claims before the job fails for good.';
comment on column private.jobs.next_attempt_at is 'Not claimable before this time (backoff).';
comment on column private.jobs.last_error is 'Error of the last failed attempt.';
comment on column private.jobs.locked_by is 'Worker holding the job.';
comment on column private.jobs.locked_at is 'When the worker claimed it (lease start).';
comment on column private.jobs.created_at is 'When enqueued.';
comment on column private.jobs.updated_at is 'Last change.';
comment on column private.jobs.completed_at is 'When completed.';
alter table private.jobs enable row level security;
grant select, insert, update, delete on private.jobs to service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- Indexes
-- ---------------------------------------------------------------------------------------------------------------
create index jobs_claimable_idx on private.jobs (kind, next_attempt_at) where status in ('queued', 'running');
create unique index jobs_one_open_per_subject_idx on private.jobs (kind, payload) where status in ('queued', 'running');

-- ---------------------------------------------------------------------------------------------------------------
-- Triggers: enqueue work when rows change
-- ---------------------------------------------------------------------------------------------------------------
/** Generic enqueue trigger: tg_argv[0] is the job kind, tg_argv[1] the payload key that receives new.id. */
create or replace function private.enqueue_job()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into private.jobs (kind, payload)
  values (tg_argv[0]::private.job_kind, jsonb_build_object(tg_argv[1], new.id))
  on conflict do nothing;
  return null;
end;
$$;
comment on function private.enqueue_job() is 'After-write trigger: enqueues a job of kind tg_argv[0] with payload {tg_argv[1]: new.id}, once while open.';

create trigger enqueue_triage after insert on public.tickets
  for each row execute function private.enqueue_job('triage', 'ticket_id');
create trigger enqueue_embedding after insert or update of content, title on public.kb_articles
  for each row execute function private.enqueue_job('embed', 'article_id');
create trigger enqueue_analysis after insert on public.customer_analyses
  for each row execute function private.enqueue_job('analysis', 'analysis_id');

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
/** Claims up to batch_size due jobs of a kind for a worker; jobs whose lease ran out are reclaimed. */
create or replace function private.claim_jobs(job_kind private.job_kind, worker text, batch_size integer default 10, lease interval default '5 minutes')
returns setof private.jobs
language sql
security definer
set search_path = ''
as $$
  with claimable as (
    select job.id from private.jobs job
    where job.kind = job_kind
      and job.next_attempt_at <= now()
      and (job.status = 'queued' or (job.status = 'running' and job.locked_at < now() - lease))
      and job.attempts < job.max_attempts
    order by job.next_attempt_at, job.id
    limit greatest(batch_size, 0)
    for update skip locked
  )
  update private.jobs job
  set status = 'running', attempts = job.attempts + 1, locked_by = worker, locked_at = now(), updated_at = now()
  from claimable where job.id = claimable.id
  returning job.*
$$;
comment on function private.claim_jobs(private.job_kind, text, integer, interval) is 'Claims due jobs with FOR UPDATE SKIP LOCKED so concurrent workers never share one.';

create or replace function private.complete_job(job_id bigint)
returns void
language sql
security definer
set search_path = ''
as $$
  update private.jobs set status = 'completed', completed_at = now(), locked_by = null, locked_at = null, updated_at = now()
  where id = job_id
$$;
comment on function private.complete_job(bigint) is 'Marks a job completed.';

/** Records a failed attempt: retried with exponential backoff (30 s * 2^attempts) until max_attempts. */
create or replace function private.fail_job(job_id bigint, error text)
returns void
language sql
security definer
set search_path = ''
as $$
  update private.jobs
  set status = case when attempts >= max_attempts then 'failed' else 'queued' end::private.job_status,
      last_error = error,
      next_attempt_at = now() + make_interval(secs => 30 * power(2, attempts)),
      locked_by = null, locked_at = null, updated_at = now()
  where id = job_id
$$;
comment on function private.fail_job(bigint, text) is 'Records a failed attempt; requeues with backoff or fails for good.';

-- ---------------------------------------------------------------------------------------------------------------
-- Public functions (service role only: workers call them through the Data API)
-- ---------------------------------------------------------------------------------------------------------------
create or replace function public.claim_jobs(job_kind text, worker text, batch_size integer default 10)
returns table (id bigint, kind text, payload jsonb, attempts integer, max_attempts integer)
language sql
security invoker
set search_path = ''
as $$
  select job.id, job.kind::text, job.payload, job.attempts, job.max_attempts
  from private.claim_jobs(job_kind::private.job_kind, worker, batch_size) job
$$;
comment on function public.claim_jobs(text, text, integer) is 'Worker RPC (service role): claims up to batch_size jobs of a kind.';
revoke execute on function public.claim_jobs(text, text, integer) from public, anon, authenticated;
grant execute on function public.claim_jobs(text, text, integer) to service_role;
grant execute on function private.claim_jobs(private.job_kind, text, integer, interval) to service_role;

create or replace function public.complete_job(job_id bigint)
returns void
language sql
security invoker
set search_path = ''
as $$ select private.complete_job(job_id) $$;
comment on function public.complete_job(bigint) is 'Worker RPC (service role): marks a job completed.';
revoke execute on function public.complete_job(bigint) from public, anon, authenticated;
grant execute on function public.complete_job(bigint) to service_role;
grant execute on function private.complete_job(bigint) to service_role;

create or replace function public.fail_job(job_id bigint, error text)
returns void
language sql
security invoker
set search_path = ''
as $$ select private.fail_job(job_id, error) $$;
comment on function public.fail_job(bigint, text) is 'Worker RPC (service role): records a failed attempt.';
revoke execute on function public.fail_job(bigint, text) from public, anon, authenticated;
grant execute on function public.fail_job(bigint, text) to service_role;
grant execute on function private.fail_job(bigint, text) to service_role;
