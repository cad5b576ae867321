-- Knowledge-base search at scale: full-text candidates through the GIN index under RLS.
--
-- Measured with 5,000+ chunks: search_kb's full-text side ran a sequential scan calling the kb_chunks policy
-- function for every row (a nonexistent word took 450 ms). Row-level security evaluates policy quals before any
-- qual that is not leakproof, and `@@` (ts_match_vq) is not, so the planner cannot use it as an index condition
-- on a table with policies; marking built-in operators leakproof needs a superuser, which hosted projects lack.
--
-- So the candidates come from two security definer helpers that query kb_chunks with the GIN index and apply the
-- same visibility rule as the policies (published articles; every article for staff), and search_kb reads the
-- chosen chunks back by id (an index-friendly, leakproof equality) under the caller's RLS, which still decides
-- what is returned. The helpers return chunk ids and ranks only, never text.
--
-- Ranking every match of an OR query is linear in the matches; on a large knowledge base a common word matches
-- tens of thousands of chunks, so at most `ranked_row_cap` matching rows (in index order) are ranked per query.
-- The cap binds only for queries made of very common words, where the vector side of the fusion carries the
-- ranking anyway.

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
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
 * Full-text and title candidates come from private helpers that use the GIN index (see the header of
 * 20261123002200); the rows returned are read back from kb_chunks by id, so RLS still decides what is returned.
 *
 * Title matches are chunks whose article title holds every stemmed query term (an AND query on the 'A'-weighted
 * lexemes of fts, served by its GIN index), shortest title first: the third list of the fusion.
 *
 * The full-text side ORs the query's stemmed terms (a question phrased unlike the article would match nothing
 * with websearch_to_tsquery's AND) and ranks with ts_rank_cd over the weighted fts column, so a title hit counts
 * ten times a body hit (default weights D 0.1, B 0.4, A 1.0).
 *
 * security invoker: kb_chunks and kb_articles policies apply, so customers and anon find published articles only.
 * hnsw.ef_search = 100 (pgvector's default is 40) measured recall@10 >= 0.95 on 100,000 chunks (local/bench/kb.ts);
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
set hnsw.ef_search = 100
set hnsw.iterative_scan = relaxed_order
as $$
  with settings as (
    select
      greatest(least(coalesce(search_kb.match_count, 10), 200), 1) as match_count,
      -- Each side hands the fusion more candidates than asked for, so an item strong on one side only survives.
      greatest(least(coalesce(search_kb.match_count, 10), 200), 1) * 4 + 20 as candidates,
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
    select ranked.id, ranked.distance, row_number() over (order by ranked.distance, ranked.id) as rank
    from (
      select chunk.id, chunk.embedding operator(extensions.<=>) search_kb.query_embedding as distance
      from public.kb_chunks chunk
      where search_kb.query_embedding is not null
        and chunk.embedding_model = search_kb.embedding_model
        and private.kb_article_matches_filters(chunk.article_id, search_kb.solution_area, search_kb.category, search_kb.vehicle_context)
      order by chunk.embedding operator(extensions.<=>) search_kb.query_embedding
      limit (select settings.candidates from settings)
    ) ranked
  ),
  text_matches as (
    select candidate.chunk_id as id, candidate.text_rank, row_number() over (order by candidate.text_rank desc, candidate.chunk_id) as rank
    from settings, private.kb_full_text_candidates(settings.or_query::tsquery, settings.candidates,
      search_kb.solution_area, search_kb.category, search_kb.vehicle_context) candidate
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
  from fused
  join public.kb_chunks chunk on chunk.id = fused.id
  join public.kb_articles article on article.id = chunk.article_id
  order by fused.score desc, fused.best_rank, fused.id
  limit (select settings.match_count from settings)
$$;
comment on function public.search_kb(text, extensions.vector, text, integer, text, text, text) is
  'Hybrid KB search (HNSW cosine + weighted full text + whole-title matches, reciprocal-rank fusion) under the caller''s RLS. Filters keep generic articles (null area / vehicle).';
grant execute on function public.search_kb(text, extensions.vector, text, integer, text, text, text) to anon, authenticated, service_role;
