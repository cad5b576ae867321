-- Knowledge-base search plan at 100,000 chunks (local/bench/kb.ts): search_kb took 0.5-4 s per call because the
-- planner, planning the function body once with parameters, did not use the HNSW index: it filtered chunks by
-- model through kb_chunks_embedding_model_idx and sorted all of them by exact distance (the policy function ran
-- for each of the 100,000 rows), and it read the fused candidates back by hashing all of kb_chunks. Both steps
-- now have constant LIMITs, and the model index, which no query needs (every chunk of a deployment has the same
-- model but during a re-embed), is dropped. The full-text side ranks at most 400 matches instead of 1,000.

-- ---------------------------------------------------------------------------------------------------------------
-- Indexes
-- ---------------------------------------------------------------------------------------------------------------
drop index if exists public.kb_chunks_embedding_model_idx;

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
  'Hybrid KB search (HNSW cosine + weighted full text + whole-title matches, reciprocal-rank fusion) under the caller''s RLS. Filters keep generic articles (null area / vehicle).';
grant execute on function public.search_kb(text, extensions.vector, text, integer, text, text, text) to anon, authenticated, service_role;
