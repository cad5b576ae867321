-- Deleting an article no longer deadlocks with the embed worker claiming its job.
--
-- The deadlock (seen in the suite under load): the admin's `delete from kb_articles` holds the article row and its
-- after-delete trigger waits for the article's queued embed job; at the same moment the worker's claim_jobs holds
-- that job row, and the claim's deferred trigger (record_kb_embedding_status, at commit) upserts the article's
-- kb_embedding_status row, whose foreign key waits for the article row. Each waits for the other.
--
-- The trigger now removes only a queued job nobody holds (SKIP LOCKED). A job a worker is claiming at that instant
-- stays: the worker finds the article gone and completes the job (supabase/functions/embed/worker.ts embedArticle
-- returns null for a deleted article), so nothing is left behind either way.

-- ---------------------------------------------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------------------------------------------
create or replace function private.drop_embed_job_of_deleted_article()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from private.jobs job
  where job.id in (
    select queued.id from private.jobs queued
    where queued.kind = 'embed' and queued.status = 'queued' and queued.payload = jsonb_build_object('article_id', old.id)
    for update skip locked
  );
  return null;
end;
$$;
comment on function private.drop_embed_job_of_deleted_article() is
  'After-delete trigger on kb_articles: removes the article''s queued embed job unless a worker holds it at that instant (then the worker finds the article gone and completes it); never waits, so it cannot deadlock with a claim.';
