-- Help-centre search (issue 14): typo-tolerant ("batery" finds the battery articles) and ranked by relevance with a
-- cut-off ("battery" no longer lists every article that mentions a battery in passing). Decision 0017.
--
-- public.search_help(query_text, max_results) scores each published article by the words of the query it holds,
-- weighted by where (title 1.0, headings and tags 0.6, body 0.3) and by how rare the word is among the published
-- articles (idf, as public.match_guides does for guides). A query word no article holds is matched to the articles'
-- words by trigram similarity (pg_trgm) and credited by that similarity. The score is a share of the best possible
-- (every query word in the title), so it is comparable across queries, and an article is listed only when it scores at
-- least a fixed share of the best article's score: relevance with a cut-off, which reciprocal-rank fusion (search_kb)
-- cannot give because its scores are ranks.
--
-- The articles' words are kept per article in private.help_search_terms by a trigger on kb_articles, for published
-- articles only, so a draft's words are never matched and the search needs no chunking or embedding to have run.

-- ---------------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------------
create table private.help_search_terms (
  lexeme text not null,
  article_id uuid not null references public.kb_articles (id) on delete cascade,
  weight real not null check (weight > 0 and weight <= 1),
  primary key (lexeme, article_id)
);
comment on table private.help_search_terms is
  'The words (english lexemes) of each published article with the weight of the best field holding them (title 1.0, headings and tags 0.6, body 0.3); kept by trigger, read by public.search_help.';
comment on column private.help_search_terms.lexeme is 'An english lexeme (to_tsvector) of the article.';
comment on column private.help_search_terms.article_id is 'The published article holding it.';
comment on column private.help_search_terms.weight is 'Weight of the best field holding the lexeme: title 1.0, headings and tags 0.6, body 0.3.';
alter table private.help_search_terms enable row level security;

-- ---------------------------------------------------------------------------------------------------------------
-- Indexes
-- ---------------------------------------------------------------------------------------------------------------
create index help_search_terms_article_id_idx on private.help_search_terms (article_id);
-- Near misses ("bateri" for "batteri") are found with pg_trgm's % operator through this index.
create index help_search_terms_lexeme_trgm_idx on private.help_search_terms using gin (lexeme extensions.gin_trgm_ops);

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
/** The weighted lexemes of one article: title, headings (markdown `#` lines) and tags, body. Best field wins. */
create function private.help_article_terms(title text, content text, tags text[])
returns table (lexeme text, weight real)
language sql
immutable
parallel safe
set search_path = ''
as $$
  select field.lexeme, max(field.weight)::real
  from (
    select lexeme, 1.0 as weight from unnest(tsvector_to_array(to_tsvector('english'::regconfig, coalesce(title, '')))) lexeme
    union all
    select lexeme, 0.6 from unnest(tsvector_to_array(to_tsvector('english'::regconfig,
      coalesce((select string_agg(heading[1], ' ') from regexp_matches(coalesce(content, ''), '^#{1,6}\s+(.*)$', 'gn') heading), '')
      || ' ' || array_to_string(coalesce(tags, '{}'), ' ')))) lexeme
    union all
    select lexeme, 0.3 from unnest(tsvector_to_array(to_tsvector('english'::regconfig, coalesce(content, '')))) lexeme
  ) field
  group by field.lexeme
$$;
comment on function private.help_article_terms(text, text, text[]) is
  'The english lexemes of an article with the weight of the best field holding each (title 1.0, headings and tags 0.6, body 0.3); feeds private.help_search_terms.';

/** After-write trigger on kb_articles: the article's search terms follow its text, tags and publication. */
create function private.refresh_help_search_terms()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from private.help_search_terms where article_id = new.id;
  if new.is_published then
    insert into private.help_search_terms (lexeme, article_id, weight)
    select term.lexeme, new.id, term.weight from private.help_article_terms(new.title, new.content, new.tags) term;
  end if;
  return null;
end;
$$;
comment on function private.refresh_help_search_terms() is
  'After-write trigger on kb_articles: rewrites the article''s rows of private.help_search_terms (none while it is a draft).';
create trigger refresh_help_search_terms after insert or update of title, content, tags, is_published on public.kb_articles
  for each row execute function private.refresh_help_search_terms();
comment on trigger refresh_help_search_terms on public.kb_articles is
  'Keeps private.help_search_terms (public.search_help''s index) in step with published articles.';

insert into private.help_search_terms (lexeme, article_id, weight)
select term.lexeme, article.id, term.weight
from public.kb_articles article, private.help_article_terms(article.title, article.content, article.tags) term
where article.is_published;

/**
 * Published articles matching a query, each with its score (0..1, a share of what an article holding every query
 * word in its title would score), best first; only articles scoring at least `relative_cutoff` of the best one.
 * security definer so the trigram index applies; the terms table holds published articles only.
 */
create function private.help_search_candidates(query_text text, max_results integer, relative_cutoff real)
returns table (article_id uuid, score real)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  published_count integer := (select count(distinct terms.article_id) from private.help_search_terms terms);
begin
  return query
  with query_lexemes as (
    -- Customer words the articles spell differently (aircon, tire, hood) get the articles' words too: the same
    -- vocabulary the guided fix uses.
    select distinct lexeme
    from unnest(tsvector_to_array(to_tsvector('english'::regconfig, private.expand_guide_query(left(query_text, 200))))) lexeme
  ),
  matches as (
    -- Each query lexeme's matching article lexemes: itself, or near misses (4+ letters, trigram similarity >= 0.5)
    -- when no article holds it as typed.
    select query_lexemes.lexeme as query_lexeme, exact.lexeme, 1.0::real as likeness
    from query_lexemes
    join lateral (select distinct terms.lexeme from private.help_search_terms terms where terms.lexeme = query_lexemes.lexeme) exact on true
    union all
    select query_lexemes.lexeme, near.lexeme, near.likeness
    from query_lexemes
    join lateral (
      select distinct terms.lexeme, extensions.similarity(terms.lexeme, query_lexemes.lexeme) as likeness
      from private.help_search_terms terms
      where terms.lexeme operator(extensions.%) query_lexemes.lexeme
        and extensions.similarity(terms.lexeme, query_lexemes.lexeme) >= 0.5
    ) near on true
    where length(query_lexemes.lexeme) >= 4
      and not exists (select 1 from private.help_search_terms known where known.lexeme = query_lexemes.lexeme)
  ),
  idf as (
    select matched.lexeme, ln(1 + (published_count - count(*) + 0.5) / (count(*) + 0.5)) as value
    from (select distinct matches.lexeme from matches) matched
    join private.help_search_terms terms on terms.lexeme = matched.lexeme
    group by matched.lexeme
  ),
  best_possible as (
    -- A query word no article holds counts at half the rarest matched word's weight, so a query about something the
    -- help centre does not cover scores low everywhere.
    select coalesce(sum(coalesce(known.value, 0.5 * coalesce((select max(idf.value) from idf), 1))), 0) as value
    from query_lexemes
    left join lateral (
      select max(idf.value) as value from matches join idf on idf.lexeme = matches.lexeme
      where matches.query_lexeme = query_lexemes.lexeme
    ) known on true
  ),
  credits as (
    -- Each query lexeme's best credit in each article.
    select matches.query_lexeme, terms.article_id, max(terms.weight * idf.value * matches.likeness) as credit
    from matches
    join private.help_search_terms terms on terms.lexeme = matches.lexeme
    join idf on idf.lexeme = matches.lexeme
    group by matches.query_lexeme, terms.article_id
  ),
  scored as (
    select credits.article_id, sum(credits.credit) / nullif((select best_possible.value from best_possible), 0) as score
    from credits
    group by credits.article_id
  )
  select scored.article_id, scored.score::real
  from scored
  where scored.score >= relative_cutoff * (select max(best.score) from scored best)
  order by scored.score desc, scored.article_id
  limit max_results;
end;
$$;
comment on function private.help_search_candidates(text, integer, real) is
  'public.search_help''s scoring: idf-weighted query lexemes (exact, else trigram near misses) over private.help_search_terms, as a share of the best possible score, cut at relative_cutoff of the best article.';
grant execute on function private.help_search_candidates(text, integer, real) to anon, authenticated, service_role;
comment on function private.expand_guide_query(text) is
  'Appends the articles'' and guides'' vocabulary for customer words they spell differently (tire -> tyre, aircon -> air conditioning); used by public.match_guides and public.search_help.';

-- ---------------------------------------------------------------------------------------------------------------
-- Public functions
-- ---------------------------------------------------------------------------------------------------------------
/**
 * The help centre's search: published articles for a visitor's words, best first, typo-tolerant, cut off below 40 %
 * of the best article's score (an article that only mentions a word in passing is not listed beside the ones about
 * it). security invoker: the rows are read back through kb_articles under the caller's RLS.
 */
create function public.search_help(query_text text, max_results integer default 10)
returns table (article_id uuid, slug text, title text, score real)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  if max_results is null or max_results < 1 or max_results > 50 then
    raise exception 'max_results must be between 1 and 50' using errcode = '22023';
  end if;
  return query
    select article.id, article.slug, article.title, candidate.score
    from private.help_search_candidates(query_text, max_results, 0.4) candidate
    join public.kb_articles article on article.id = candidate.article_id
    where article.is_published
    order by candidate.score desc, article.title;
end;
$$;
comment on function public.search_help(text, integer) is
  'Help-centre search: published articles for the words (typo-tolerant by trigram, idf-weighted by field), best first, only those scoring at least 40 % of the best; rows pass the caller''s RLS.';
grant execute on function public.search_help(text, integer) to anon, authenticated;
