-- "Was this helpful?" on every help-centre article, and the searches that found nothing (issue 14). Decision 0017.
--
-- Votes: one row per signed-in person and article (voting again changes it), or per visitor, day and article for
-- people who are not signed in (voting again that day changes it; at most 20 articles a day). A visitor is known only by a keyed hash of their address and browser
-- (private.help_visitor_hash, with a secret that never leaves the database), so the table holds no address. Nobody
-- reads other people's votes: a signed-in person reads their own, and admins read per-article figures through
-- public.help_article_feedback(), never the rows. Votes are cast only through public.vote_on_article, which holds the
-- once-per-article and per-day rules.
--
-- Zero-result searches: public.search_help records each search that found nothing, normalised (lower case, words
-- only, single spaces), with a count and when it was last seen; admins read them through public.help_search_gaps().

-- ---------------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------------
create table public.kb_article_votes (
  id bigint generated always as identity primary key,
  article_id uuid not null references public.kb_articles (id) on delete cascade,
  voter_id uuid references public.profiles (id) on delete cascade,
  visitor_hash text check (visitor_hash ~ '^[0-9a-f]{64}$'),
  voted_on date not null default current_date,
  helpful boolean not null,
  comment text check (comment is null or length(comment) between 1 and 1000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint kb_article_votes_one_voter check ((voter_id is null) <> (visitor_hash is null))
);
comment on table public.kb_article_votes is
  'Answers to "Was this helpful?" on help-centre articles: one per signed-in person and article, or per visitor, article and day. Written only by public.vote_on_article; read by the voter (own rows) and, as figures, by admins.';
comment on column public.kb_article_votes.id is 'Vote id.';
comment on column public.kb_article_votes.article_id is 'The article voted on; votes go with it.';
comment on column public.kb_article_votes.voter_id is 'The signed-in person who voted, or null for a visitor.';
comment on column public.kb_article_votes.visitor_hash is 'For a visitor who is not signed in: a keyed hash of their address and browser (never the address itself).';
comment on column public.kb_article_votes.voted_on is 'Day of the vote (the database''s current_date); a visitor votes once per article and day.';
comment on column public.kb_article_votes.helpful is 'Yes (true) or no (false).';
comment on column public.kb_article_votes.comment is 'Optional words from the voter (up to 1,000 characters).';
comment on column public.kb_article_votes.created_at is 'When the vote was first cast.';
comment on column public.kb_article_votes.updated_at is 'When the voter last changed it.';
alter table public.kb_article_votes enable row level security;
revoke insert, update, delete, truncate on public.kb_article_votes from anon, authenticated;

create table private.help_search_misses (
  query text primary key check (length(query) between 1 and 200),
  search_count integer not null default 1 check (search_count > 0),
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now()
);
comment on table private.help_search_misses is
  'Help-centre searches that found no article, normalised, with how often and when last: the content gaps to write next (public.help_search_gaps).';
comment on column private.help_search_misses.query is 'The search, lower case, words only, single spaces, at most 200 characters.';
comment on column private.help_search_misses.search_count is 'How many searches found nothing for it.';
comment on column private.help_search_misses.first_seen_at is 'First search that found nothing.';
comment on column private.help_search_misses.last_seen_at is 'Latest search that found nothing.';
alter table private.help_search_misses enable row level security;

create table private.help_feedback_secret (
  singleton boolean primary key default true check (singleton),
  secret bytea not null default extensions.gen_random_bytes(32)
);
comment on table private.help_feedback_secret is
  'The key of private.help_visitor_hash: generated once per database, never exposed, so a stored hash cannot be turned back into an address by trying every address.';
comment on column private.help_feedback_secret.singleton is 'Always true: one row.';
comment on column private.help_feedback_secret.secret is 'Random key, 32 bytes.';
alter table private.help_feedback_secret enable row level security;
insert into private.help_feedback_secret default values;

-- ---------------------------------------------------------------------------------------------------------------
-- Indexes
-- ---------------------------------------------------------------------------------------------------------------
create unique index kb_article_votes_once_per_person on public.kb_article_votes (article_id, voter_id) where voter_id is not null;
comment on index public.kb_article_votes_once_per_person is 'A signed-in person has one vote per article (voting again updates it).';
create unique index kb_article_votes_once_per_visitor_and_day on public.kb_article_votes (visitor_hash, voted_on, article_id) where visitor_hash is not null;
comment on index public.kb_article_votes_once_per_visitor_and_day is 'A visitor has one vote per article and day (voting again that day updates it); also counts their votes of the day (the daily limit).';
create index kb_article_votes_article_id_idx on public.kb_article_votes (article_id);
create index kb_article_votes_voter_id_idx on public.kb_article_votes (voter_id);
create index help_search_misses_last_seen_idx on private.help_search_misses (last_seen_at desc);

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
/** A search as it is recorded: lower case, letters and digits only, single spaces, at most 200 characters. */
create function private.normalise_help_query(query_text text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select nullif(left(trim(regexp_replace(lower(coalesce(query_text, '')), '[^[:alnum:]]+', ' ', 'g')), 200), '')
$$;
comment on function private.normalise_help_query(text) is
  'Normal form of a help-centre search for private.help_search_misses: lower case, letters and digits, single spaces, at most 200 characters; null when nothing is left.';

/**
 * Records a search that found nothing. At most 10,000 distinct searches are kept (the most recent ones count up;
 * new ones past that are dropped), so a script sending random words cannot grow the table without bound.
 */
create function private.record_help_search_miss(query_text text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  normalised text := private.normalise_help_query(query_text);
begin
  if normalised is null then
    return;
  end if;
  update private.help_search_misses set search_count = search_count + 1, last_seen_at = now() where query = normalised;
  if not found and (select count(*) from private.help_search_misses) < 10000 then
    insert into private.help_search_misses (query) values (normalised)
    on conflict (query) do update set search_count = private.help_search_misses.search_count + 1, last_seen_at = now();
  end if;
end;
$$;
comment on function private.record_help_search_miss(text) is
  'Counts a help-centre search that found nothing (normalised), keeping at most 10,000 distinct ones; called by public.search_help.';
grant execute on function private.record_help_search_miss(text) to anon, authenticated, service_role;

/**
 * The keyed hash a visitor's votes are counted by: HMAC-SHA-256 of their address and browser. Behind PostgREST
 * (a hosted project) the address comes from the request's own X-Forwarded-For, whatever the caller passes; the
 * app, which talks to Postgres directly, passes the address it trusts (decision 0013's TRUSTED_PROXY_HOPS).
 */
create function private.help_visitor_hash(visitor text)
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  headers jsonb := nullif(current_setting('request.headers', true), '')::jsonb;
  forwarded text := split_part(coalesce(headers ->> 'x-forwarded-for', ''), ',', 1);
  identity text := case when forwarded <> '' then forwarded || '|' || coalesce(headers ->> 'user-agent', '') else visitor end;
begin
  if identity is null or length(trim(identity)) = 0 then
    return null;
  end if;
  return encode(extensions.hmac(convert_to(left(identity, 1000), 'UTF8'), (select secret.secret from private.help_feedback_secret secret), 'sha256'), 'hex');
end;
$$;
comment on function private.help_visitor_hash(text) is
  'HMAC-SHA-256 (key in private.help_feedback_secret) of a visitor''s address and browser: PostgREST''s X-Forwarded-For and User-Agent when present, else what the app passed.';

/** How many articles a visitor who is not signed in may answer "Was this helpful?" on per day. */
create function private.help_visitor_daily_votes()
returns integer
language sql
immutable
parallel safe
set search_path = ''
as $$ select 20 $$;
comment on function private.help_visitor_daily_votes() is
  'The daily limit of a visitor''s "Was this helpful?" answers (distinct articles); a person who reads more than this in a day can sign in.';

-- ---------------------------------------------------------------------------------------------------------------
-- Policies
-- ---------------------------------------------------------------------------------------------------------------
create policy "People can read their own votes" on public.kb_article_votes
  for select to authenticated using (voter_id = (select auth.uid()));

-- ---------------------------------------------------------------------------------------------------------------
-- Public functions
-- ---------------------------------------------------------------------------------------------------------------
/**
 * "Was this helpful?": a signed-in person's vote on a published article (voting again replaces their vote and
 * comment), or a visitor's: one per article and day (again that day replaces it), at most 20 articles a day. `visitor` is the visitor's address and browser as the
 * app sees them (ignored for signed-in people and behind PostgREST). Returns the vote as stored.
 */
create function public.vote_on_article(article_slug text, helpful boolean, comment text default null, visitor text default null)
returns table (vote_id bigint, is_helpful boolean, has_comment boolean)
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  target uuid;
  words text := nullif(trim(coalesce(vote_on_article.comment, '')), '');
  visitor_key text;
begin
  if vote_on_article.helpful is null then
    raise exception 'Choose yes or no' using errcode = '22023';
  end if;
  if length(words) > 1000 then
    raise exception 'Keep the comment under 1,000 characters' using errcode = '22023';
  end if;
  select article.id into target from public.kb_articles article where article.slug = article_slug and article.is_published;
  if target is null then
    raise exception 'No published article has that address' using errcode = 'P0002';
  end if;
  if caller is not null then
    return query
      insert into public.kb_article_votes as vote (article_id, voter_id, helpful, comment)
      values (target, caller, vote_on_article.helpful, words)
      on conflict (article_id, voter_id) where voter_id is not null
      do update set helpful = excluded.helpful, comment = excluded.comment, voted_on = current_date, updated_at = now()
      returning vote.id, vote.helpful, vote.comment is not null;
    return;
  end if;
  visitor_key := private.help_visitor_hash(visitor);
  if visitor_key is null then
    raise exception 'We could not tell who is voting' using errcode = '22023', hint = 'Sign in to vote';
  end if;
  -- Serialises a visitor's votes so two at once cannot both pass the daily count below.
  perform pg_advisory_xact_lock(hashtextextended(visitor_key, 0));
  if not exists (select 1 from public.kb_article_votes vote
                 where vote.visitor_hash = visitor_key and vote.voted_on = current_date and vote.article_id = target)
     and (select count(*) from public.kb_article_votes vote
          where vote.visitor_hash = visitor_key and vote.voted_on = current_date) >= private.help_visitor_daily_votes() then
    raise exception 'You have answered "Was this helpful?" on many articles today' using errcode = 'P0001',
      hint = 'Thank you: sign in to tell us about more';
  end if;
  return query
    insert into public.kb_article_votes as vote (article_id, visitor_hash, helpful, comment)
    values (target, visitor_key, vote_on_article.helpful, words)
    on conflict (visitor_hash, voted_on, article_id) where visitor_hash is not null
    do update set helpful = excluded.helpful, comment = excluded.comment, updated_at = now()
    returning vote.id, vote.helpful, vote.comment is not null;
end;
$$;
comment on function public.vote_on_article(text, boolean, text, text) is
  '"Was this helpful?" on a published article: once per signed-in person (again = change), once per visitor, article and day (again that day = change), at most 20 articles per visitor and day (keyed hash of address and browser).';
grant execute on function public.vote_on_article(text, boolean, text, text) to anon, authenticated;

/** Admins: per article, the yes and no votes, the share of yes, comments and the latest three comments. */
create function public.help_article_feedback()
returns table (article_id uuid, slug text, title text, helpful_votes integer, unhelpful_votes integer, helpful_share real,
  comment_count integer, recent_comments text[])
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not private.is_admin() then
    raise exception 'Only admins can read article feedback' using errcode = '42501';
  end if;
  return query
    select article.id, article.slug, article.title,
      count(*) filter (where vote.helpful)::integer,
      count(*) filter (where not vote.helpful)::integer,
      (count(*) filter (where vote.helpful)::real / count(*))::real,
      count(vote.comment)::integer,
      (array_agg(vote.comment order by vote.updated_at desc, vote.id desc) filter (where vote.comment is not null))[1:3]
    from public.kb_article_votes vote
    join public.kb_articles article on article.id = vote.article_id
    group by article.id, article.slug, article.title
    order by count(*) desc, article.title;
end;
$$;
comment on function public.help_article_feedback() is
  'Admin-only: "Was this helpful?" figures per article (yes, no, share of yes, comments and the latest three); the votes themselves stay unreadable.';
grant execute on function public.help_article_feedback() to authenticated;

/** Admins: the searches that found nothing, most frequent first (ties: most recent). */
create function public.help_search_gaps(max_results integer default 50)
returns table (query text, search_count integer, first_seen_at timestamptz, last_seen_at timestamptz)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not private.is_admin() then
    raise exception 'Only admins can read the searches that found nothing' using errcode = '42501';
  end if;
  if max_results is null or max_results < 1 or max_results > 500 then
    raise exception 'max_results must be between 1 and 500' using errcode = '22023';
  end if;
  return query
    select miss.query, miss.search_count, miss.first_seen_at, miss.last_seen_at
    from private.help_search_misses miss
    order by miss.search_count desc, miss.last_seen_at desc, miss.query
    limit max_results;
end;
$$;
comment on function public.help_search_gaps(integer) is
  'Admin-only: help-centre searches that found no article (normalised), most frequent first: the content gaps to write next.';
grant execute on function public.help_search_gaps(integer) to authenticated;

/** search_help (20261207040000), now volatile: a search that finds nothing is recorded for /admin/kb. */
create or replace function public.search_help(query_text text, max_results integer default 10)
returns table (article_id uuid, slug text, title text, score real)
language plpgsql
volatile
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
  if not found then
    perform private.record_help_search_miss(query_text);
  end if;
end;
$$;
comment on function public.search_help(text, integer) is
  'Help-centre search: published articles for the words (typo-tolerant by trigram, idf-weighted by field), best first, only those scoring at least 40 % of the best; rows pass the caller''s RLS. A search that finds nothing is recorded (public.help_search_gaps).';
