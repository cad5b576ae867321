-- Embedding status per KB article, for the admin's live view of the knowledge base (/admin/kb).
--
-- Where the state lives: the embed work queue (private.jobs, kind 'embed', payload {article_id}) says whether an
-- article waits, is being embedded or failed (last_error); public.kb_chunks holds the result (chunks, model). Neither
-- can be shown live as it is: private.jobs is not exposed, and kb_chunks rows are large (a 384-float vector each, many
-- per article) and change many at a time. So one small row per article, maintained by trigger from the queue, is what
-- the admin UI reads and subscribes to over Realtime (postgres_changes): it flips pending → embedding → embedded
-- (or failed) as the worker goes, without a reload.
--
-- The trigger on private.jobs is a DEFERRED constraint trigger: the embed worker completes the job and swaps the
-- article's chunks in one transaction (complete_job first), so chunk count and model are read at commit, when the
-- new chunks are in place. Its WHEN clause is checked when the row changes, so triage and analysis jobs cost nothing.

-- ---------------------------------------------------------------------------------------------------------------
-- Enums
-- ---------------------------------------------------------------------------------------------------------------
create type public.kb_embedding_state as enum ('pending', 'embedding', 'embedded', 'failed');
comment on type public.kb_embedding_state is 'Where an article is in the embedding pipeline: waiting in the queue, being embedded by the worker, embedded (chunks stored), or failed for good.';

-- ---------------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------------
create table public.kb_embedding_status (
  article_id uuid primary key references public.kb_articles (id) on delete cascade,
  state public.kb_embedding_state not null,
  job_id bigint,
  attempts integer not null default 0 check (attempts >= 0),
  last_error text,
  chunk_count integer not null default 0 check (chunk_count >= 0),
  embedding_model text,
  updated_at timestamptz not null default now()
);
comment on table public.kb_embedding_status is 'One row per KB article: where its embedding stands, kept by trigger from the embed queue (private.jobs) and kb_chunks. Read-only for users; published over Realtime for the admin KB page.';
comment on column public.kb_embedding_status.article_id is 'The article; the row goes with it.';
comment on column public.kb_embedding_status.state is 'pending (queued, also while waiting to retry), embedding (a worker holds the job), embedded, failed (attempts exhausted).';
comment on column public.kb_embedding_status.job_id is 'The embed job the state comes from (private.jobs.id); an older job never overwrites a newer one''s state. Null when backfilled from chunks alone.';
comment on column public.kb_embedding_status.attempts is 'Attempts the worker made on that job so far.';
comment on column public.kb_embedding_status.last_error is 'Error of the last failed attempt of that job (kept while it waits to retry), or null.';
comment on column public.kb_embedding_status.chunk_count is 'Chunks the article has in kb_chunks, as of the last state change.';
comment on column public.kb_embedding_status.embedding_model is 'Model of the article''s stored chunk embeddings, or null when it has none.';
comment on column public.kb_embedding_status.updated_at is 'When the state last changed.';

alter table public.kb_embedding_status enable row level security;

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
/** Writes an article's status from one embed job's row, with chunk count and model as they stand now. */
create or replace function private.record_kb_embedding_status(job private.jobs)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  subject uuid;
begin
  -- A malformed payload is the worker's to fail; there is no article to report on.
  if jsonb_typeof(job.payload -> 'article_id') <> 'string' or (job.payload ->> 'article_id') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return;
  end if;
  subject := (job.payload ->> 'article_id')::uuid;
  insert into public.kb_embedding_status as status (article_id, state, job_id, attempts, last_error, chunk_count, embedding_model, updated_at)
  select
    article.id,
    case job.status
      when 'queued' then 'pending'
      when 'running' then 'embedding'
      when 'completed' then 'embedded'
      else 'failed'
    end::public.kb_embedding_state,
    job.id,
    job.attempts,
    case when job.status = 'completed' then null else job.last_error end,
    chunks.chunk_count,
    chunks.embedding_model,
    now()
  from public.kb_articles article
  cross join lateral (
    select count(*)::integer as chunk_count, max(chunk.embedding_model) as embedding_model
    from public.kb_chunks chunk where chunk.article_id = article.id
  ) chunks
  where article.id = subject
  on conflict (article_id) do update
    set state = excluded.state, job_id = excluded.job_id, attempts = excluded.attempts, last_error = excluded.last_error,
        chunk_count = excluded.chunk_count, embedding_model = excluded.embedding_model, updated_at = excluded.updated_at
    where status.job_id is null or status.job_id <= excluded.job_id;
end;
$$;
comment on function private.record_kb_embedding_status(private.jobs) is 'Upserts public.kb_embedding_status for the article of an embed job (no-op when the article is gone or the row already reflects a newer job).';

-- ---------------------------------------------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------------------------------------------
create or replace function private.record_kb_embedding_status_after_job_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.record_kb_embedding_status(new);
  return null;
end;
$$;
comment on function private.record_kb_embedding_status_after_job_change() is 'Deferred trigger on private.jobs (embed jobs only): records the article''s embedding status at commit.';

create constraint trigger record_kb_embedding_status
  after insert or update on private.jobs
  deferrable initially deferred
  for each row
  when (new.kind = 'embed')
  execute function private.record_kb_embedding_status_after_job_change();

-- ---------------------------------------------------------------------------------------------------------------
-- Backfill: from each article's latest embed job, or from its chunks when the queue no longer holds one
-- ---------------------------------------------------------------------------------------------------------------
select private.record_kb_embedding_status(latest.job)
from (
  select distinct on (job.payload ->> 'article_id') job
  from private.jobs job
  where job.kind = 'embed'
  order by job.payload ->> 'article_id', job.id desc
) latest;

insert into public.kb_embedding_status (article_id, state, chunk_count, embedding_model)
select article.id,
  case when chunks.chunk_count > 0 then 'embedded' else 'pending' end::public.kb_embedding_state,
  chunks.chunk_count, chunks.embedding_model
from public.kb_articles article
cross join lateral (
  select count(*)::integer as chunk_count, max(chunk.embedding_model) as embedding_model
  from public.kb_chunks chunk where chunk.article_id = article.id
) chunks
on conflict (article_id) do nothing;

-- ---------------------------------------------------------------------------------------------------------------
-- Policies (read-only for users: only the trigger writes)
-- ---------------------------------------------------------------------------------------------------------------
create policy "Staff can read embedding status" on public.kb_embedding_status
  for select to authenticated using ((select private.is_staff()));

revoke insert, update, delete, truncate on public.kb_embedding_status from anon, authenticated;
grant select on public.kb_embedding_status to authenticated;
grant select on public.kb_embedding_status to service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- Realtime: the admin KB page listens for status changes (default replica identity: the primary key is enough,
-- the page reloads its data on any change)
-- ---------------------------------------------------------------------------------------------------------------
alter publication supabase_realtime add table public.kb_embedding_status;
