-- search_kb at 100,000 chunks (local/bench/kb.ts), measured side by side as anon with EXPLAIN (ANALYZE, BUFFERS):
-- - The HNSW side's cost grows with ef_search; on the denser graph of 20261202100000 a narrower search (250, down
--   from 400) reaches recall@10 ≥ 0.95 (see search_kb's comment).
-- - The full-text side OR'ed every query term. Common terms ("make" is in 60 % of the bench's chunks) made the GIN
--   index build bitmaps of 70,000 rows (30 ms) only for the ranking to take the first 400 of them in table order.
--   Now a term the planner's statistics put in more chunks than the ranking cap is matched only together with
--   every other term (one AND clause, a few GIN pages), while rarer terms still match alone; every term still
--   counts in ts_rank_cd. A knowledge base of at most 400 chunks, or one without statistics, has no such terms:
--   its full-text side is the OR query it was. On the bench's queries (six words taken from one chunk) this version
--   puts that chunk first in 30 % of searches and in the top 10 in 71 %, against 1 % and 52 % before: the 400
--   arbitrary common-word matches had crowded it out.

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
/**
 * The tsquery that selects full-text candidates for a query's stemmed terms: every term OR'ed, except terms the
 * statistics on kb_chunks.fts (pg_stats most_common_elems, kept by ANALYZE) estimate in more than `common_above`
 * chunks — those match only in one clause holding every term. A term the statistics do not list is not known to be
 * common, and matches alone. Security definer: pg_stats hides tables with row-level security from the callers it
 * applies to; only statistics are read, never rows.
 */
create or replace function private.kb_full_text_match_query(lexemes text[], common_above integer)
returns tsquery
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  -- PL/pgSQL keeps the plans of these two lookups for the session (pg_stats is a view over several catalogs).
  common_lexemes text[];
  common_frequencies real[];
  chunk_count real;
begin
  select stats.most_common_elems::text::text[], stats.most_common_elem_freqs
  into common_lexemes, common_frequencies
  from pg_catalog.pg_stats stats
  where stats.schemaname = 'public' and stats.tablename = 'kb_chunks' and stats.attname = 'fts' and not stats.inherited;
  select greatest(class.reltuples, 0) into chunk_count from pg_catalog.pg_class class where class.oid = 'public.kb_chunks'::regclass;
  return (
    select case
      when count(*) = 0 then null
      when bool_and(terms.is_rare) then string_agg(terms.quoted, ' | ')::tsquery
      else ('(' || string_agg(terms.quoted, ' & ') || ')'
            || coalesce(' | ' || string_agg(terms.quoted, ' | ') filter (where terms.is_rare), ''))::tsquery
    end
    from (
      select
        '''' || replace(replace(term.lexeme, '\', '\\'), '''', '''''') || '''' as quoted,
        coalesce(common_frequencies[array_position(common_lexemes, term.lexeme)] * chunk_count, 0) <= common_above as is_rare
      from unnest(lexemes) as term(lexeme)
    ) terms
  );
end;
$$;
comment on function private.kb_full_text_match_query(text[], integer) is
  'search_kb''s full-text match: the terms OR''ed, except terms pg_stats puts in more than common_above chunks, which match only all together (one AND clause).';
grant execute on function private.kb_full_text_match_query(text[], integer) to anon, authenticated, service_role;

/** Full-text candidates: chunks matching `match_query` that the caller may read, ranked by `rank_query`, best first. */
create or replace function private.kb_full_text_candidates(
  match_query tsquery, rank_query tsquery, max_results integer, solution_area text, category text,
  vehicle_context text, ranked_row_cap integer
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
    where chunk.fts @@ kb_full_text_candidates.match_query
      and (article.is_published or (select staff.is_staff from staff))
      and (kb_full_text_candidates.solution_area is null or article.solution_area is null or article.solution_area = kb_full_text_candidates.solution_area)
      and (kb_full_text_candidates.category is null or article.category = kb_full_text_candidates.category)
      and (kb_full_text_candidates.vehicle_context is null or article.vehicle_context is null
           or article.vehicle_context ilike '%' || kb_full_text_candidates.vehicle_context || '%')
    limit greatest(kb_full_text_candidates.ranked_row_cap, 1)
  )
  select matching.id, ts_rank_cd(matching.fts, kb_full_text_candidates.rank_query)
  from matching
  order by 2 desc, matching.id
  limit greatest(kb_full_text_candidates.max_results, 0)
$$;
comment on function private.kb_full_text_candidates(tsquery, tsquery, integer, text, text, text, integer) is
  'search_kb''s full-text side: GIN-indexed matches of match_query the caller may read (same rule as the policies), ranked by ts_rank_cd against rank_query; ids and ranks only.';
grant execute on function private.kb_full_text_candidates(tsquery, tsquery, integer, text, text, text, integer) to anon, authenticated, service_role;

-- The previous full-text helper (one query for matching and ranking); search_kb below no longer calls it.
drop function private.kb_full_text_candidates(tsquery, integer, text, text, text, integer);

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
 * Full-text and title candidates come from private helpers that use the GIN index (see 20261123002000); the rows
 * returned are read back from kb_chunks by id, so RLS still decides what is returned.
 *
 * Title matches are chunks whose article title holds every stemmed query term (an AND query on the 'A'-weighted
 * lexemes of fts, served by its GIN index), shortest title first: the third list of the fusion.
 *
 * The full-text side ranks with ts_rank_cd over the weighted fts column and the query's stemmed terms OR'ed (a
 * question phrased unlike the article would match nothing with websearch_to_tsquery's AND), so a title hit counts
 * ten times a body hit (default weights D 0.1, B 0.4, A 1.0). Its candidates match any term except terms the
 * statistics put in more chunks than it ranks (400): those match only all together
 * (private.kb_full_text_match_query), which spares the GIN index bitmaps of tens of thousands of rows.
 *
 * security invoker: kb_chunks and kb_articles policies apply, so customers and anon find published articles only.
 * hnsw.ef_search = 250 (pgvector's default is 40): on 100,000 locally embedded chunks (local/bench/kb.ts) with the
 * index of 20261202100000 (m = 32, ef_construction = 256) recall@10 was 0.76 at 40, 0.90 at 100, 0.95 at 200,
 * 0.96 at 250 and 0.98 at 400 (250 leaves a margin: the graph's levels are random, so a rebuild moves it a little).
 * Hashed lexical vectors have weak neighbourhood structure; iterative scans keep the HNSW side filling its
 * candidates when RLS or the filters discard rows.
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
set hnsw.ef_search = 250
set hnsw.iterative_scan = relaxed_order
as $$
  with terms as (
    select array(
      select '''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''''
      from unnest(tsvector_to_array(to_tsvector('english'::regconfig, coalesce(query_text, '')))) lexeme
    ) as quoted,
    tsvector_to_array(to_tsvector('english'::regconfig, coalesce(query_text, ''))) as lexemes
  ),
  settings as (
    select
      greatest(least(coalesce(search_kb.match_count, 10), 200), 1) as match_count,
      -- Each side hands the fusion more candidates than asked for, so an item strong on one side only survives.
      least(greatest(least(coalesce(search_kb.match_count, 10), 200), 1) * 4 + 20, 200) as candidates,
      nullif(array_to_string(terms.quoted, ' | '), '') as or_query,
      -- The full-text side ranks at most 400 matches; a term the statistics put in more chunks than that matches
      -- only together with the others.
      private.kb_full_text_match_query(terms.lexemes, 400) as match_query,
      nullif(array_to_string(array(select quoted || ':A' from unnest(terms.quoted) quoted), ' & '), '') as title_query
    from terms
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
    -- At most 400 matches are ranked: ranking is linear in the matches.
    from settings, private.kb_full_text_candidates(settings.match_query, settings.or_query::tsquery, settings.candidates,
      search_kb.solution_area, search_kb.category, search_kb.vehicle_context, 400) candidate
    where settings.match_query is not null
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
  'Hybrid KB search (HNSW cosine at ef_search 250 + weighted full text + whole-title matches, reciprocal-rank fusion) under the caller''s RLS. Filters keep generic articles (null area / vehicle).';
grant execute on function public.search_kb(text, extensions.vector, text, integer, text, text, text) to anon, authenticated, service_role;
