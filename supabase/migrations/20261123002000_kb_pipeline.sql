-- Knowledge-base pipeline: automatic embeddings (Supabase's "automatic embeddings" pattern) and hybrid retrieval.
--
--   kb_articles insert / update of title or content --(trigger, exists: enqueue_embedding)--> private.jobs 'embed'
--   the same statement wakes the `embed` edge function with net.http_post; pg_cron re-wakes it every minute while
--   embed jobs are due (a lost wake-up or a failed attempt waiting out its backoff is picked up that way);
--   the worker chunks the article, embeds only chunks whose hash + model are new, and replaces the article's chunks.
--   Deleting an article removes its chunks (on delete cascade) and its still-queued embed job (trigger below).
--
-- Retrieval is public.search_kb: HNSW cosine over chunks of one model + weighted full text, fused by reciprocal
-- rank. It is security invoker, so the kb_chunks / kb_articles policies decide what each caller can find.
--
-- Search at scale (measured with local/bench/kb.ts at 100,000 chunks):
-- - Row-level security evaluates policy quals before any qual that is not leakproof, and `@@` is not, so on a table
--   with policies full text cannot use its GIN index (a word found nowhere took 450 ms). Full-text and title
--   candidates therefore come from two security definer helpers that use the index and apply the same visibility
--   rule as the policies; search_kb reads the chosen chunks back by id under the caller's RLS, which still decides
--   what is returned. The helpers return chunk ids and ranks only, never text; at most `ranked_row_cap` matches are
--   ranked per query (the cap binds only for queries made of very common words).
-- - Titles holding every query term form a third ranked list, so an exact or near-exact title wins over an article
--   whose body merely repeats a query word.
-- - Both candidate steps have constant LIMITs: planned once with parameters, the function otherwise sorted every
--   chunk by exact distance instead of using the HNSW index. No index on (embedding_model, article_id): no query
--   needs it, and it lured the planner into that plan.
-- (This file squashes five migrations written during the first session, before any of them landed.)

-- ---------------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------------
create table private.kb_settings (
  id boolean primary key default true check (id),
  embedding_model text,
  embedding_model_changed_at timestamptz
);
comment on table private.kb_settings is 'One row: the embedding model the embed worker last reported. A different model re-embeds every article.';
comment on column private.kb_settings.id is 'Always true: the table holds one row.';
comment on column private.kb_settings.embedding_model is 'Model of the embedding provider configured for the edge functions (OpenAI or local).';
comment on column private.kb_settings.embedding_model_changed_at is 'When the worker last reported a different model (and every article was re-queued).';
insert into private.kb_settings (id) values (true);
alter table private.kb_settings enable row level security;
grant select, update on private.kb_settings to service_role;

-- Full text is searched per chunk, but a chunk must rank by its article's title too: the title (and the headings
-- the chunk sits under) are copied onto the chunk by the embed worker, which rewrites every chunk when the title
-- changes (the title is part of each chunk's hashed embedding input).
alter table public.kb_chunks
  add column article_title text not null default '',
  add column heading text not null default '',
  add column fts tsvector generated always as (
    setweight(to_tsvector('english'::regconfig, article_title), 'A')
    || setweight(to_tsvector('english'::regconfig, heading), 'B')
    || setweight(to_tsvector('english'::regconfig, content), 'D')
  ) stored;
comment on column public.kb_chunks.article_title is 'Title of the article when the chunk was written; weighted A in fts.';
comment on column public.kb_chunks.heading is 'Headings the chunk sits under inside the article (outermost first), weighted B in fts.';
comment on column public.kb_chunks.fts is 'Generated: title (A) over headings (B) over content (D), english stemming, for the full-text side of search_kb.';

-- ---------------------------------------------------------------------------------------------------------------
-- Indexes
-- ---------------------------------------------------------------------------------------------------------------
create index kb_chunks_fts_idx on public.kb_chunks using gin (fts);

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
/**
 * Wakes the embed edge function through private.invoke_edge_function (20261123000800: pg_net POST with URL and
 * service-role key from Vault, sent after commit; a missing secret is a warning, never a failed article write).
 * The worker has up to a minute for a batch of embeddings.
 */
create or replace function private.wake_embed_worker()
returns bigint
language sql
security definer
set search_path = ''
as $$ select private.invoke_edge_function('embed', '{}'::jsonb, 60000) $$;
comment on function private.wake_embed_worker() is 'Posts to the embed edge function (pg_net via private.invoke_edge_function); returns the pg_net request id or null.';

/** The pg_cron drain: wakes the worker only when embed work is due, so an idle project makes no calls. */
create or replace function private.wake_embed_worker_if_due()
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if exists (
    select 1 from private.jobs job
    where job.kind = 'embed' and job.next_attempt_at <= now() and job.attempts < job.max_attempts
      and (job.status = 'queued' or (job.status = 'running' and job.locked_at < now() - interval '5 minutes'))
  ) then
    perform private.wake_embed_worker();
  end if;
end;
$$;
comment on function private.wake_embed_worker_if_due() is 'Called by pg_cron every minute: wakes the embed worker when embed jobs are due.';

/** Queues every article for embedding (the worker skips chunks whose hash and model are unchanged). */
create or replace function private.enqueue_all_embeddings()
returns integer
language sql
security definer
set search_path = ''
as $$
  with queued as (
    insert into private.jobs (kind, payload)
    select 'embed', jsonb_build_object('article_id', article.id) from public.kb_articles article
    on conflict do nothing
    returning 1
  )
  select count(*)::integer from queued
$$;
comment on function private.enqueue_all_embeddings() is 'Enqueues an embed job for every article; returns how many were new.';

/**
 * Called by the embed worker on every run with the model its provider uses. When it differs from the model on
 * record (a key was added, OPENAI_EMBEDDING_MODEL changed), every article is re-queued: vectors of different
 * models are not comparable, so the whole knowledge base moves to the new model.
 */
create or replace function private.sync_embedding_model(configured_model text)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  previous_model text;
  queued integer;
begin
  select settings.embedding_model into previous_model from private.kb_settings settings for update;
  if previous_model is not distinct from configured_model then
    return 0;
  end if;
  update private.kb_settings set embedding_model = configured_model, embedding_model_changed_at = now();
  -- Articles already embedded with the configured model need no work; the rest are queued.
  insert into private.jobs (kind, payload)
  select 'embed', jsonb_build_object('article_id', article.id) from public.kb_articles article
  where not exists (
    select 1 from public.kb_chunks chunk
    where chunk.article_id = article.id and chunk.embedding_model is not distinct from configured_model
  ) or exists (
    select 1 from public.kb_chunks chunk
    where chunk.article_id = article.id and chunk.embedding_model is distinct from configured_model
  )
  on conflict do nothing;
  get diagnostics queued = row_count;
  return queued;
end;
$$;
comment on function private.sync_embedding_model(text) is 'Records the worker''s embedding model; on a change, queues every article not yet embedded with it. Returns jobs queued.';
revoke execute on function private.sync_embedding_model(text) from public;
grant execute on function private.sync_embedding_model(text) to service_role;

/**
 * The search filters as one boolean, evaluated per candidate chunk so the HNSW index keeps serving the ordering
 * (a join would make the planner sort exact distances instead). Generic articles (no area, no vehicle) always pass;
 * the vehicle filter matches by containment ("Toyota Camry" finds "Toyota Camry 2015-2019").
 * Invoker rights: it reads kb_articles under the caller's RLS, like the search itself.
 */
create or replace function private.kb_article_matches_filters(article_id uuid, solution_area text, category text, vehicle_context text)
returns boolean
language sql
stable
security invoker
set search_path = ''
as $$
  select (kb_article_matches_filters.solution_area is null and kb_article_matches_filters.category is null
          and kb_article_matches_filters.vehicle_context is null)
    or exists (
      select 1 from public.kb_articles article
      where article.id = kb_article_matches_filters.article_id
        and (kb_article_matches_filters.solution_area is null or article.solution_area is null
             or article.solution_area = kb_article_matches_filters.solution_area)
        and (kb_article_matches_filters.category is null or article.category = kb_article_matches_filters.category)
        and (kb_article_matches_filters.vehicle_context is null or article.vehicle_context is null
             or article.vehicle_context ilike '%' || kb_article_matches_filters.vehicle_context || '%')
    )
$$;
comment on function private.kb_article_matches_filters(uuid, text, text, text) is 'True when no search filter is set or the article passes solution area, category and vehicle filters.';
grant execute on function private.kb_article_matches_filters(uuid, text, text, text) to anon, authenticated, service_role;

/** Whether the caller may see an article's chunks: the kb_chunks select policies as one boolean. */
create or replace function private.can_read_kb_article(is_published boolean)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$ select can_read_kb_article.is_published or private.is_staff() $$;
comment on function private.can_read_kb_article(boolean) is 'The kb_chunks / kb_articles read policies as one boolean: published, or the caller is staff.';
grant execute on function private.can_read_kb_article(boolean) to anon, authenticated, service_role;

/** Full-text candidates: chunks matching the query that the caller may read, by ts_rank_cd, best first. */
create or replace function private.kb_full_text_candidates(
  query tsquery, max_results integer, solution_area text, category text, vehicle_context text,
  ranked_row_cap integer default 1000
)
returns table (chunk_id bigint, text_rank real)
language sql
stable
security definer
set search_path = ''
as $$
  with staff as (select private.is_staff() as is_staff),
  matching as (
    select chunk.id, chunk.fts
    from public.kb_chunks chunk
    join public.kb_articles article on article.id = chunk.article_id
    where chunk.fts @@ kb_full_text_candidates.query
      and (article.is_published or (select staff.is_staff from staff))
      and (kb_full_text_candidates.solution_area is null or article.solution_area is null or article.solution_area = kb_full_text_candidates.solution_area)
      and (kb_full_text_candidates.category is null or article.category = kb_full_text_candidates.category)
      and (kb_full_text_candidates.vehicle_context is null or article.vehicle_context is null
           or article.vehicle_context ilike '%' || kb_full_text_candidates.vehicle_context || '%')
    limit greatest(kb_full_text_candidates.ranked_row_cap, 1)
  )
  select matching.id, ts_rank_cd(matching.fts, kb_full_text_candidates.query)
  from matching
  order by 2 desc, matching.id
  limit greatest(kb_full_text_candidates.max_results, 0)
$$;
comment on function private.kb_full_text_candidates(tsquery, integer, text, text, text, integer) is
  'search_kb''s full-text side: GIN-indexed matches the caller may read (same rule as the policies), ranked by ts_rank_cd; ids and ranks only.';
grant execute on function private.kb_full_text_candidates(tsquery, integer, text, text, text, integer) to anon, authenticated, service_role;

/** Title candidates: chunks whose article title holds every query term ('A' lexemes), shortest title first. */
create or replace function private.kb_title_candidates(
  title_query tsquery, max_results integer, solution_area text, category text, vehicle_context text
)
returns table (chunk_id bigint, title_length integer, chunk_index integer)
language sql
stable
security definer
set search_path = ''
as $$
  select chunk.id, length(chunk.article_title), chunk.chunk_index
  from public.kb_chunks chunk
  join public.kb_articles article on article.id = chunk.article_id
  where chunk.fts @@ kb_title_candidates.title_query
    and private.can_read_kb_article(article.is_published)
    and (kb_title_candidates.solution_area is null or article.solution_area is null or article.solution_area = kb_title_candidates.solution_area)
    and (kb_title_candidates.category is null or article.category = kb_title_candidates.category)
    and (kb_title_candidates.vehicle_context is null or article.vehicle_context is null
         or article.vehicle_context ilike '%' || kb_title_candidates.vehicle_context || '%')
  order by length(chunk.article_title), chunk.chunk_index, chunk.id
  limit greatest(kb_title_candidates.max_results, 0)
$$;
comment on function private.kb_title_candidates(tsquery, integer, text, text, text) is
  'search_kb''s title side: GIN-indexed chunks whose article title holds every query term, that the caller may read; ids only.';
grant execute on function private.kb_title_candidates(tsquery, integer, text, text, text) to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------------------------------------------
/** Statement-level: one wake-up per statement, however many articles it touched. */
create or replace function private.wake_embed_worker_after_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.wake_embed_worker();
  return null;
end;
$$;
comment on function private.wake_embed_worker_after_change() is 'After-statement trigger on kb_articles: wakes the embed worker for the jobs the row triggers queued.';

create trigger wake_embed_worker after insert or update of content, title on public.kb_articles
  for each statement execute function private.wake_embed_worker_after_change();

/** A deleted article's chunks go by cascade; its queued embed job would only find nothing to do, so it goes too. */
create or replace function private.drop_embed_job_of_deleted_article()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from private.jobs job
  where job.kind = 'embed' and job.status = 'queued' and job.payload = jsonb_build_object('article_id', old.id);
  return null;
end;
$$;
comment on function private.drop_embed_job_of_deleted_article() is 'After-delete trigger on kb_articles: removes the article''s queued embed job (chunks go by cascade).';

create trigger drop_embed_job after delete on public.kb_articles
  for each row execute function private.drop_embed_job_of_deleted_article();

-- ---------------------------------------------------------------------------------------------------------------
-- Scheduled jobs (pg_cron)
-- ---------------------------------------------------------------------------------------------------------------
select cron.schedule('kb-embed-drain', '* * * * *', 'select private.wake_embed_worker_if_due()');
-- The worker learns the configured model only when it runs; this hourly wake lets it notice a model change
-- (and re-queue the knowledge base) even when no article was edited.
select cron.schedule('kb-embedding-model-check', '17 * * * *', 'select private.wake_embed_worker()');

-- ---------------------------------------------------------------------------------------------------------------
-- Public functions
-- ---------------------------------------------------------------------------------------------------------------
/**
 * Hybrid search over KB chunks: nearest neighbours by cosine distance (HNSW) among chunks embedded with
 * `embedding_model`, and full-text matches, fused by reciprocal rank (k = 60, as in Supabase's hybrid-search
 * example; it needs no calibration between cosine and ts_rank scales).
 *
 * `<=>` is pgvector's cosine distance (1 - cosine similarity), the operator the HNSW index on kb_chunks was built
 * with (vector_cosine_ops): only that operator can use the index. Cosine suits us because both embedders emit
 * unit vectors and meaning lives in the direction; vector_score is reported as similarity (1 - distance).
 *
 * Full-text and title candidates come from private helpers that use the GIN index (see the header of this
 * file); the rows returned are read back from kb_chunks by id, so RLS still decides what is returned.
 *
 * Title matches are chunks whose article title holds every stemmed query term (an AND query on the 'A'-weighted
 * lexemes of fts, served by its GIN index), shortest title first: the third list of the fusion.
 *
 * The full-text side ORs the query's stemmed terms (a question phrased unlike the article would match nothing
 * with websearch_to_tsquery's AND) and ranks with ts_rank_cd over the weighted fts column, so a title hit counts
 * ten times a body hit (default weights D 0.1, B 0.4, A 1.0).
 *
 * security invoker: kb_chunks and kb_articles policies apply, so customers and anon find published articles only.
 * hnsw.ef_search = 400 (pgvector's default is 40): on 100,000 locally embedded chunks (local/bench/kb.ts) recall@10
 * was 0.60 at 40, 0.76 at 100 and 0.93 at 400 — hashed lexical vectors have weak neighbourhood structure;
 * iterative scans keep the HNSW side filling its candidates when RLS or the filters discard rows.
 */
create or replace function public.search_kb(
  query_text text,
  query_embedding extensions.vector(384),
  embedding_model text,
  match_count integer default 10,
  solution_area text default null,
  category text default null,
  vehicle_context text default null
)
returns table (
  article_id uuid,
  slug text,
  title text,
  chunk_id bigint,
  chunk_content text,
  vector_score real,
  text_score real,
  fused_score double precision
)
language sql
stable
security invoker
set search_path = ''
set hnsw.ef_search = 400
set hnsw.iterative_scan = relaxed_order
as $$
  with settings as (
    select
      greatest(least(coalesce(search_kb.match_count, 10), 200), 1) as match_count,
      -- Each side hands the fusion more candidates than asked for, so an item strong on one side only survives.
      least(greatest(least(coalesce(search_kb.match_count, 10), 200), 1) * 4 + 20, 200) as candidates,
      nullif(array_to_string(array(
        select '''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''''
        from unnest(tsvector_to_array(to_tsvector('english'::regconfig, coalesce(query_text, '')))) lexeme
      ), ' | '), '') as or_query,
      nullif(array_to_string(array(
        select '''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''':A'
        from unnest(tsvector_to_array(to_tsvector('english'::regconfig, coalesce(query_text, '')))) lexeme
      ), ' & '), '') as title_query
  ),
  vector_matches as (
    select ranked.id, ranked.distance, ranked.rank
    from (
      select nearest.id, nearest.distance, row_number() over (order by nearest.distance, nearest.id) as rank
      from (
        select chunk.id, chunk.embedding operator(extensions.<=>) search_kb.query_embedding as distance
        from public.kb_chunks chunk
        where search_kb.query_embedding is not null
          and chunk.embedding_model = search_kb.embedding_model
          and private.kb_article_matches_filters(chunk.article_id, search_kb.solution_area, search_kb.category, search_kb.vehicle_context)
        order by chunk.embedding operator(extensions.<=>) search_kb.query_embedding
        -- A constant limit (the most candidates any call uses): with a parameter here the planner cannot tell a
        -- small top-k from a large one and may sort every chunk by exact distance instead of walking the index.
        limit 200
      ) nearest
    ) ranked
    where ranked.rank <= (select settings.candidates from settings)
  ),
  text_matches as (
    select candidate.chunk_id as id, candidate.text_rank, row_number() over (order by candidate.text_rank desc, candidate.chunk_id) as rank
    -- At most 400 matches are ranked (about 8 ms at 100,000 chunks): ranking is linear in the matches.
    from settings, private.kb_full_text_candidates(settings.or_query::tsquery, settings.candidates,
      search_kb.solution_area, search_kb.category, search_kb.vehicle_context, 400) candidate
    where settings.or_query is not null
  ),
  title_matches as (
    select candidate.chunk_id as id, row_number() over (order by candidate.title_length, candidate.chunk_index, candidate.chunk_id) as rank
    from settings, private.kb_title_candidates(settings.title_query::tsquery, settings.candidates,
      search_kb.solution_area, search_kb.category, search_kb.vehicle_context) candidate
    where settings.title_query is not null
  ),
  fused as (
    select
      coalesce(vector_matches.id, text_matches.id, title_matches.id) as id,
      vector_matches.distance,
      text_matches.text_rank,
      coalesce(1.0 / (60 + vector_matches.rank), 0) + coalesce(1.0 / (60 + text_matches.rank), 0)
        + coalesce(1.0 / (60 + title_matches.rank), 0) as score,
      least(vector_matches.rank, text_matches.rank, title_matches.rank) as best_rank
    from vector_matches
    full outer join text_matches on text_matches.id = vector_matches.id
    full outer join title_matches on title_matches.id = coalesce(vector_matches.id, text_matches.id)
  ),
  -- A constant bound again (match_count is at most 200): the read-back below then looks chunks up by primary key
  -- instead of hashing the whole table.
  best as (
    select fused.* from fused order by fused.score desc, fused.best_rank, fused.id limit 200
  )
  select
    chunk.article_id,
    article.slug,
    article.title,
    chunk.id,
    chunk.content,
    (1 - fused.distance)::real,
    fused.text_rank::real,
    fused.score::double precision
  from best fused
  join public.kb_chunks chunk on chunk.id = fused.id
  join public.kb_articles article on article.id = chunk.article_id
  order by fused.score desc, fused.best_rank, fused.id
  limit (select settings.match_count from settings)
$$;
comment on function public.search_kb(text, extensions.vector, text, integer, text, text, text) is
  'Hybrid KB search (HNSW cosine at ef_search 400 + weighted full text + whole-title matches, reciprocal-rank fusion) under the caller''s RLS. Filters keep generic articles (null area / vehicle).';
grant execute on function public.search_kb(text, extensions.vector, text, integer, text, text, text) to anon, authenticated, service_role;
