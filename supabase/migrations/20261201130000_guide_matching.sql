-- Guide matching: a customer's description of a problem -> the published guides that fit it best.
--
-- Why lexical and not vectors: the local embedder hashes character n-grams (no semantics), and guides are few and
-- short, so a weighted full-text score with inverse document frequency over the guides, plus trigram similarity
-- for near-miss words ("squeak" / "squeal"), does better than a vector search would, needs no embedding queue and
-- behaves the same locally and on a hosted project. Customers' words that guides rarely use are mapped by a small
-- synonym list (tire -> tyre, aircon -> air conditioning, ...) before stemming.
--
-- Scoring, per published guide: for each distinct query lexeme, the best credit the guide offers, where
--   credit = field weight (title and symptoms 1.0, description 0.6, steps 0.3)
--            * idf of the guide lexeme across published guides (BM25's idf, so "car" counts little)
--            * 1 for the same lexeme, or the trigram similarity (>= 0.5) for a near-miss;
-- score = sum of credits / sum of the query lexemes' best possible credits (0..1, comparable across queries).
-- The match is `confident` when the best score is high enough and clearly ahead of the runner-up; otherwise the
-- app asks the customer to choose among the top 3.

-- ---------------------------------------------------------------------------------------------------------------
-- Extensions
-- ---------------------------------------------------------------------------------------------------------------
create extension if not exists pg_trgm with schema extensions;

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
/**
 * Appends the guide vocabulary for words customers use that guides spell differently (British guides, American
 * customers, slang). Plain data in a function rather than a Postgres thesaurus file, because hosted projects cannot
 * install dictionary files. Add a row here (in a new migration) when analytics show a recurring miss.
 */
create or replace function private.expand_guide_query(query_text text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select coalesce(query_text, '') || coalesce(' ' || string_agg(synonym.expansion, ' '), '')
  from (values
    ('tires?', 'tyre'),
    ('aircon|air-con|a/?c', 'air conditioning'),
    ('hood', 'bonnet'),
    ('trunk', 'boot'),
    ('highway|freeway|interstate', 'motorway'),
    ('gas|petrol|diesel', 'fuel'),
    ('fill(ed|ing)? up|filling station|gas station|petrol station', 'refuelling'),
    ('blink(s|ing|ed)?|flicker(s|ing|ed)?', 'flashing'),
    ('shudder(s|ing|ed)?|shak(e|es|ing)|judder(s|ing)?|wobbl(e|es|ing)', 'vibrates'),
    ('fob|remote|keyless', 'key'),
    ('(log|sign)[ -]?in|login|signin|password', 'sign in log'),
    ('2fa|otp|authenticator|verification code', 'two-factor code'),
    ('pay(ing)?|paid|charge(d)?|billing', 'payment'),
    ('jump(ed|ing)?[ -]?start(ed|ing)?', 'jump start')
  ) as synonym (pattern, expansion)
  where query_text ~* ('\m(' || synonym.pattern || ')\M')
$$;
comment on function private.expand_guide_query(text) is
  'Appends guide vocabulary for customer words guides spell differently (tire -> tyre, aircon -> air conditioning); used by public.match_guides.';
grant execute on function private.expand_guide_query(text) to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- Public functions
-- ---------------------------------------------------------------------------------------------------------------
/**
 * The best published guides for a problem description, best first.
 * security invoker: the guides policies apply (anon and customers see published guides only, and only published
 * guides are ever matched, also for staff). Guides are few (tens to hundreds), so the score is computed over all
 * published guides per call rather than kept in an index.
 * confident: the best guide scored at least 0.35 and 1.25 times the runner-up; only the first row can be confident.
 */
create or replace function public.match_guides(description text, match_count integer default 3)
returns table (
  guide_id uuid,
  slug text,
  title text,
  guide_description text,
  text_score real,
  fuzzy_score real,
  score real,
  confident boolean
)
language sql
stable
security invoker
set search_path = ''
as $$
  with published as (
    select guide.id, guide.title, guide.description, guide.symptoms
    from public.guides guide
    where guide.is_published
  ),
  fields as (
    select published.id as guide_id, 1.0 as weight,
      to_tsvector('english'::regconfig, published.title || ' ' || array_to_string(published.symptoms, ' ')) as document
    from published
    union all
    select published.id, 0.6, to_tsvector('english'::regconfig, published.description) from published
    union all
    select step.guide_id, 0.3, to_tsvector('english'::regconfig, string_agg(step.instruction, ' '))
    from public.guide_steps step
    join published on published.id = step.guide_id
    group by step.guide_id
  ),
  guide_lexemes as (
    select fields.guide_id, lexeme, max(fields.weight) as weight
    from fields, unnest(tsvector_to_array(fields.document)) lexeme
    group by fields.guide_id, lexeme
  ),
  idf as (
    select guide_lexemes.lexeme,
      ln(1 + ((select count(*) from published) - count(*) + 0.5) / (count(*) + 0.5)) as value
    from guide_lexemes
    group by guide_lexemes.lexeme
  ),
  query_lexemes as (
    select distinct lexeme
    from unnest(tsvector_to_array(to_tsvector('english'::regconfig, private.expand_guide_query(match_guides.description)))) lexeme
  ),
  credits as (
    -- Each query lexeme's best credit in each guide: the same lexeme, or a near-miss by trigram similarity.
    select query_lexemes.lexeme as query_lexeme, guide_lexemes.guide_id,
      max(guide_lexemes.weight * idf.value * case when guide_lexemes.lexeme = query_lexemes.lexeme then 1.0
        else extensions.similarity(query_lexemes.lexeme, guide_lexemes.lexeme) end) as credit,
      bool_or(guide_lexemes.lexeme = query_lexemes.lexeme) as exact
    from query_lexemes
    join guide_lexemes on guide_lexemes.lexeme = query_lexemes.lexeme
      or (length(query_lexemes.lexeme) >= 4 and extensions.similarity(query_lexemes.lexeme, guide_lexemes.lexeme) >= 0.5)
    join idf on idf.lexeme = guide_lexemes.lexeme
    group by query_lexemes.lexeme, guide_lexemes.guide_id
  ),
  best_possible as (
    -- What a guide matching every query lexeme in its title would score. A word no guide knows counts at half the
    -- rarest word's weight: chatty descriptions still score, while a description of something no guide covers scores low.
    select coalesce(sum(coalesce(known.value, 0.5 * (select max(idf.value) from idf))), 0) as value
    from query_lexemes
    left join idf known on known.lexeme = query_lexemes.lexeme
  ),
  scored as (
    select published.id, published.title, published.description,
      coalesce(sum(credits.credit) filter (where credits.exact), 0) as exact_credit,
      coalesce(sum(credits.credit) filter (where not credits.exact), 0) as fuzzy_credit
    from published
    join credits on credits.guide_id = published.id
    group by published.id, published.title, published.description
  ),
  ranked as (
    select scored.*,
      (scored.exact_credit + scored.fuzzy_credit) / nullif((select best_possible.value from best_possible), 0) as score,
      row_number() over (order by scored.exact_credit + scored.fuzzy_credit desc, scored.title, scored.id) as rank,
      lead(scored.exact_credit + scored.fuzzy_credit) over (order by scored.exact_credit + scored.fuzzy_credit desc, scored.title, scored.id)
        / nullif((select best_possible.value from best_possible), 0) as runner_up_score
    from scored
  )
  select ranked.id, guide.slug, ranked.title, ranked.description,
    (ranked.exact_credit / nullif((select best_possible.value from best_possible), 0))::real,
    (ranked.fuzzy_credit / nullif((select best_possible.value from best_possible), 0))::real,
    ranked.score::real,
    ranked.rank = 1 and ranked.score >= 0.35 and ranked.score >= 1.25 * coalesce(ranked.runner_up_score, 0)
  from ranked
  join public.guides guide on guide.id = ranked.id
  where ranked.rank <= greatest(least(coalesce(match_guides.match_count, 3), 50), 1)
  order by ranked.rank
$$;
comment on function public.match_guides(text, integer) is
  'Best published guides for a problem description: idf-weighted full text over title / symptoms / description / steps plus trigram near-misses, score 0..1, confident when clearly ahead.';
grant execute on function public.match_guides(text, integer) to anon, authenticated, service_role;
