-- "Was this helpful?" (public.vote_on_article, public.kb_article_votes) and the searches that found nothing
-- (public.search_help records them, public.help_search_gaps lists them), 20261207040100. Seeded articles.
begin;
select plan(28);

select tests.create_personas();
delete from private.help_search_misses;

-- A signed-in customer votes once per article; voting again changes the vote.
select tests.authenticate_as('customer_a');
select is((select is_helpful from public.vote_on_article('battery-drains-overnight', true)), true, 'a customer votes yes');
select is((select has_comment from public.vote_on_article('battery-drains-overnight', false, '  Did not cover my model  ')), true,
  'voting again with a comment is accepted');
select results_eq($$ select helpful, comment from public.kb_article_votes $$,
  $$ values (false, 'Did not cover my model') $$, 'the second vote replaced the first: one row, now no, comment trimmed');
select lives_ok($$ select public.vote_on_article('jump-start-a-dead-battery', true) $$, 'the same customer votes on another article');
select is((select count(*)::integer from public.kb_article_votes), 2, 'a customer reads their own votes, one per article');
select throws_ok($$ insert into public.kb_article_votes (article_id, voter_id, helpful)
  select id, (select auth.uid()), true from public.kb_articles where slug = 'reset-password' $$,
  '42501', 'permission denied for table kb_article_votes', 'votes are cast only through vote_on_article');
select throws_ok($$ select public.vote_on_article('battery-drains-overnight', null) $$, '22023', 'Choose yes or no', 'a vote says yes or no');
select throws_ok($$ select public.vote_on_article('battery-drains-overnight', true, repeat('x', 1001)) $$, '22023',
  'Keep the comment under 1,000 characters', 'a comment over 1,000 characters is refused');
select throws_ok($$ select public.vote_on_article('no-such-article', true) $$, 'P0002', 'No published article has that address',
  'an unknown article cannot be voted on');

-- Nobody reads others' votes.
select tests.authenticate_as('customer_b');
select is_empty($$ select * from public.kb_article_votes $$, 'another customer reads none of customer_a''s votes');
select lives_ok($$ select public.vote_on_article('battery-drains-overnight', true) $$, 'customer_b votes yes');
select is((select count(*)::integer from public.kb_article_votes), 1, 'customer_b reads only their own vote');
select throws_ok($$ select * from public.help_article_feedback() $$, '42501', 'Only admins can read article feedback',
  'a customer cannot read the figures');
select throws_ok($$ select * from public.help_search_gaps() $$, '42501', 'Only admins can read the searches that found nothing',
  'a customer cannot read the searches that found nothing');

-- A visitor who is not signed in may vote: one vote per article and day (again changes it), 20 articles a day.
select tests.authenticate_as_anon();
select is_empty($$ select * from public.kb_article_votes $$, 'a visitor reads no votes');
select lives_ok($$ select public.vote_on_article('battery-drains-overnight', false, null, '203.0.113.7|Firefox') $$, 'a visitor votes');
select is((select has_comment from public.vote_on_article('battery-drains-overnight', true, null, '203.0.113.7|Firefox')), false,
  'the same visitor voting again that day changes their vote');
select lives_ok($$ select public.vote_on_article('battery-drains-overnight', false, 'Too long', '198.51.100.2|Safari') $$,
  'another visitor votes no');
select throws_ok($$ select public.vote_on_article('battery-drains-overnight', true, null, '  ') $$, '22023',
  'We could not tell who is voting', 'a visitor who cannot be told apart cannot vote');
-- Behind PostgREST the request's own address counts, whatever the caller passes: a script voting on every article
-- under made-up names stops at the daily limit.
select set_config('request.headers', '{"x-forwarded-for": "192.0.2.9, 10.0.0.1", "user-agent": "curl"}', true);
select lives_ok($$ select public.vote_on_article(slug, true, null, 'made-up-visitor-' || slug)
  from public.kb_articles where is_published order by slug limit 20 $$, 'a visitor answers on 20 articles in a day');
select throws_ok($$ select public.vote_on_article(slug, true, null, 'yet-another-name')
  from public.kb_articles where is_published order by slug offset 20 limit 1 $$, 'P0001',
  'You have answered "Was this helpful?" on many articles today', 'the 21st article that day is refused');
select lives_ok($$ select public.vote_on_article(slug, false, null, 'made-up')
  from public.kb_articles where is_published order by slug limit 1 $$, 'changing an answer given that day is still accepted');
select set_config('request.headers', '', true);

-- Zero-result searches are recorded, normalised; searches that find something are not.
select is_empty($$ select * from public.search_help('Qwxz   zzkrv!', 10) $$, 'a search for unknown words finds nothing');
select is_empty($$ select * from public.search_help('qwxz zzkrv', 10) $$, 'and again, in other spelling');
select isnt_empty($$ select * from public.search_help('battery', 10) $$, 'a search that finds articles');

-- Admins read figures, never the votes themselves.
select tests.authenticate_as('admin');
select is_empty($$ select * from public.kb_article_votes $$, 'an admin reads no one''s votes');
select results_eq(
  $$ select slug, helpful_votes, unhelpful_votes, round(helpful_share::numeric, 2), comment_count, recent_comments
     from public.help_article_feedback() where slug = 'battery-drains-overnight' $$,
  $$ values ('battery-drains-overnight', 3, 2, 0.60, 2, array['Too long', 'Did not cover my model']) $$,
  'an admin reads per-article yes, no, share and comments');
select results_eq($$ select query, search_count from public.help_search_gaps() $$, $$ values ('qwxz zzkrv', 2) $$,
  'the searches that found nothing, normalised and counted');

select * from finish();
rollback;
