-- search_kb's full-text side decides, per query term, whether the term may match alone (OR) or only together with
-- every other term (one AND clause): a common term OR'ed in makes the GIN index build a bitmap of thousands of
-- chunks, of which the side then ranks the first 400 in table order. Until now the decision read pg_stats
-- (most_common_elems of kb_chunks.fts). At 100,000 chunks (local/bench/kb.ts) that list held 1,000 lexemes, while
-- 1,550 are in more than 400 chunks: the other 550, in up to ~2,000 chunks each, passed as rare. And each term was
-- judged alone, so four terms of 300 chunks still made 1,200. 121 of 200 bench queries matched more than 400 chunks
-- (one, 8,050); those were the slowest searches of the bench, their full-text side 14-19 ms against a median of 8.
--
-- Now:
-- - private.kb_lexeme_chunk_counts holds, for every lexeme of kb_chunks.fts, the number of chunks holding it, kept
--   exact by statement-level triggers on kb_chunks (insert, update, delete, truncate), whoever writes the rows: the
--   embed worker, a Studio edit, a bulk load in replica mode (the triggers are ENABLE ALWAYS; the counts are
--   derived data that must follow the rows however they arrive).
-- - kb_full_text_match_query lets terms match alone rarest first while their chunk counts add up to at most the
--   cap; the rest match only together. The OR part can then never hold more chunks than the side ranks.
-- On a kept 100,000-chunk bench database, as anon, 600 searches: the full-text side alone went from p50 8.2 / p95
-- 13.0 ms to 2.3 / 4.2 ms. On the seeded knowledge base every term is rare and nothing changes (retrieval quality
-- test: the same hit@1 and hit@5 on each side).

-- ---------------------------------------------------------------------------------------------------------------
-- Counts
-- ---------------------------------------------------------------------------------------------------------------
create table private.kb_lexeme_chunk_counts (
  lexeme text primary key,
  -- No check constraint: apply_kb_lexeme_deltas may take a count to zero or below within its call, and deletes it.
  chunk_count integer not null
);
comment on table private.kb_lexeme_chunk_counts is
  'How many KB chunks hold each lexeme of kb_chunks.fts (document frequency), kept by triggers on kb_chunks; search_kb''s full-text side reads it to tell rare terms from common ones.';
comment on column private.kb_lexeme_chunk_counts.lexeme is 'A lexeme of kb_chunks.fts (english stemming), as tsvector_to_array gives it.';
comment on column private.kb_lexeme_chunk_counts.chunk_count is 'Chunks whose fts holds the lexeme (always positive: a lexeme no chunk holds has no row).';
alter table private.kb_lexeme_chunk_counts enable row level security;
grant select on private.kb_lexeme_chunk_counts to service_role;

/**
 * Adds per-lexeme changes to the counts: one upsert in lexeme order, so two writers lock count rows in the same
 * order and cannot deadlock each other; then removes the rows no chunk holds. A count that an edit by hand made
 * too small ends at zero and is removed rather than failing the chunk write; private.recount_kb_lexemes()
 * rebuilds the counts exactly.
 */
create or replace function private.apply_kb_lexeme_deltas(lexemes text[], deltas integer[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into private.kb_lexeme_chunk_counts as counts (lexeme, chunk_count)
  select change.lexeme, change.delta
  from unnest(apply_kb_lexeme_deltas.lexemes, apply_kb_lexeme_deltas.deltas) as change(lexeme, delta)
  where change.delta <> 0
  order by change.lexeme
  on conflict (lexeme) do update set chunk_count = counts.chunk_count + excluded.chunk_count;
  delete from private.kb_lexeme_chunk_counts counts
  where counts.lexeme = any(apply_kb_lexeme_deltas.lexemes) and counts.chunk_count <= 0;
end;
$$;
comment on function private.apply_kb_lexeme_deltas(text[], integer[]) is
  'Adds signed per-lexeme chunk-count changes to private.kb_lexeme_chunk_counts (in lexeme order), removing counts that reach zero.';

/** Statement-level trigger on kb_chunks: the lexeme changes of the statement's rows, applied in one call. */
create or replace function private.count_kb_chunk_lexemes()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  lexemes text[];
  deltas integer[];
begin
  if tg_op = 'TRUNCATE' then
    delete from private.kb_lexeme_chunk_counts;
    return null;
  end if;
  -- PL/pgSQL plans a statement when it first runs it, so each branch may name only its own event's transition tables.
  if tg_op = 'INSERT' then
    select array_agg(change.lexeme), array_agg(change.delta) into lexemes, deltas
    from (
      select lexeme, count(*)::integer as delta
      from new_rows, unnest(tsvector_to_array(new_rows.fts)) lexeme group by lexeme
    ) change;
  elsif tg_op = 'DELETE' then
    select array_agg(change.lexeme), array_agg(change.delta) into lexemes, deltas
    from (
      select lexeme, -count(*)::integer as delta
      from old_rows, unnest(tsvector_to_array(old_rows.fts)) lexeme group by lexeme
    ) change;
  else
    -- Only rows whose fts changed: re-embedding a chunk leaves every count as it was.
    select array_agg(change.lexeme), array_agg(change.delta) into lexemes, deltas
    from (
      select lexeme, sum(side.sign)::integer as delta
      from (
        select new_rows.fts, 1 as sign from new_rows join old_rows using (id) where new_rows.fts is distinct from old_rows.fts
        union all
        select old_rows.fts, -1 from old_rows join new_rows using (id) where new_rows.fts is distinct from old_rows.fts
      ) side, unnest(tsvector_to_array(side.fts)) lexeme
      group by lexeme
    ) change;
  end if;
  if lexemes is not null then
    perform private.apply_kb_lexeme_deltas(lexemes, deltas);
  end if;
  return null;
end;
$$;
comment on function private.count_kb_chunk_lexemes() is
  'Trigger on kb_chunks (per statement): keeps private.kb_lexeme_chunk_counts in step with inserted, updated, deleted and truncated chunks.';

create trigger kb_chunks_count_lexemes_on_insert
  after insert on public.kb_chunks referencing new table as new_rows
  for each statement execute function private.count_kb_chunk_lexemes();
create trigger kb_chunks_count_lexemes_on_update
  after update on public.kb_chunks referencing old table as old_rows new table as new_rows
  for each statement execute function private.count_kb_chunk_lexemes();
create trigger kb_chunks_count_lexemes_on_delete
  after delete on public.kb_chunks referencing old table as old_rows
  for each statement execute function private.count_kb_chunk_lexemes();
create trigger kb_chunks_count_lexemes_on_truncate
  after truncate on public.kb_chunks
  for each statement execute function private.count_kb_chunk_lexemes();
-- Derived data follows the rows however they arrive: replica-mode bulk loads and logical replication included.
alter table public.kb_chunks enable always trigger kb_chunks_count_lexemes_on_insert;
alter table public.kb_chunks enable always trigger kb_chunks_count_lexemes_on_update;
alter table public.kb_chunks enable always trigger kb_chunks_count_lexemes_on_delete;
alter table public.kb_chunks enable always trigger kb_chunks_count_lexemes_on_truncate;
comment on trigger kb_chunks_count_lexemes_on_insert on public.kb_chunks is 'Adds the new chunks'' lexemes to private.kb_lexeme_chunk_counts.';
comment on trigger kb_chunks_count_lexemes_on_update on public.kb_chunks is 'Moves the counts of chunks whose fts changed.';
comment on trigger kb_chunks_count_lexemes_on_delete on public.kb_chunks is 'Takes the deleted chunks'' lexemes out of private.kb_lexeme_chunk_counts.';
comment on trigger kb_chunks_count_lexemes_on_truncate on public.kb_chunks is 'Empties private.kb_lexeme_chunk_counts.';

/** Rebuilds the counts from the chunks: the repair for hand edits (the triggers keep them exact otherwise). */
create or replace function private.recount_kb_lexemes()
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  lexeme_count integer;
begin
  -- Chunk writers wait for the rebuild instead of adding to counts it is about to replace.
  lock table public.kb_chunks in share mode;
  delete from private.kb_lexeme_chunk_counts;
  insert into private.kb_lexeme_chunk_counts (lexeme, chunk_count)
  select lexeme, count(*)::integer from public.kb_chunks chunk, unnest(tsvector_to_array(chunk.fts)) lexeme group by lexeme;
  get diagnostics lexeme_count = row_count;
  return lexeme_count;
end;
$$;
comment on function private.recount_kb_lexemes() is
  'Rebuilds private.kb_lexeme_chunk_counts from kb_chunks and returns the number of lexemes. The triggers keep the counts exact; this repairs hand edits.';

select private.recount_kb_lexemes();

-- ---------------------------------------------------------------------------------------------------------------
-- The full-text match
-- ---------------------------------------------------------------------------------------------------------------
/**
 * The tsquery that selects full-text candidates for a query's stemmed terms. Terms match alone (OR'ed), rarest
 * first, while their chunk counts (private.kb_lexeme_chunk_counts) add up to at most `common_above`; the other
 * terms match only in one clause holding every term. So the OR part never selects more chunks than the full-text
 * side ranks, and a knowledge base whose terms are all rare keeps the plain OR query. A term no chunk holds counts
 * zero. Terms keep the caller's order in the query text.
 */
create or replace function private.kb_full_text_match_query(lexemes text[], common_above integer)
returns tsquery
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return (
    select case
      when count(*) = 0 then null
      when bool_and(term.is_rare) then string_agg(term.quoted, ' | ' order by term.position)::tsquery
      else ('(' || string_agg(term.quoted, ' & ' order by term.position) || ')'
            || coalesce(' | ' || string_agg(term.quoted, ' | ' order by term.position) filter (where term.is_rare), ''))::tsquery
    end
    from (
      select
        counted.position,
        '''' || replace(replace(counted.lexeme, '\', '\\'), '''', '''''') || '''' as quoted,
        sum(counted.chunk_count) over (order by counted.chunk_count, counted.lexeme)
          <= kb_full_text_match_query.common_above as is_rare
      from (
        select distinct on (term.lexeme) term.lexeme, term.position, coalesce(counts.chunk_count, 0) as chunk_count
        from unnest(kb_full_text_match_query.lexemes) with ordinality as term(lexeme, position)
        left join private.kb_lexeme_chunk_counts counts on counts.lexeme = term.lexeme
        order by term.lexeme, term.position
      ) counted
    ) term
  );
end;
$$;
comment on function private.kb_full_text_match_query(text[], integer) is
  'search_kb''s full-text match: the rarest terms OR''ed while their chunk counts add up to at most common_above, the others matching only all together (one AND clause).';
