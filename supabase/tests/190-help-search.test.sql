-- public.search_help (20261207040000): the help centre's typo-tolerant search, ranked with a cut-off, published
-- articles only. Runs on the seeded articles (the seed loads on the test database too).
begin;
select plan(11);

select has_function('public', 'search_help', array['text', 'integer'], 'public.search_help exists');
select ok(has_function_privilege('anon', 'public.search_help(text, integer)', 'execute'), 'visitors may search the help centre');

select tests.authenticate_as_anon();
select is((select slug from public.search_help('batery', 10) limit 1) in ('battery-drains-overnight', 'jump-start-a-dead-battery'), true,
  'a misspelt word ("batery") finds the battery articles first');
select ok('battery-drains-overnight' = any(array(select slug from public.search_help('batery', 10))),
  '"batery" finds battery-drains-overnight');
select is_empty(
  $$ select slug from public.search_help('battery', 10)
     where slug in ('tpms-warning-light', 'transmission-slipping-delayed-shift', 'notification-settings') $$,
  'articles that mention a battery only in passing are cut off for "battery"');
select is((select slug from public.search_help('transmision slipping', 10) limit 1), 'transmission-slipping-delayed-shift',
  'a misspelt word among correct ones still finds its article first');
select is_empty($$ select * from public.search_help('xyzzy qwertyuiop', 10) $$, 'words no article holds find nothing');
select throws_ok($$ select * from public.search_help('battery', 0) $$, '22023', 'max_results must be between 1 and 50',
  'a result count out of range is refused');

-- Drafts are never searched, and an article's words follow its publication.
select tests.clear_authentication();
reset role;
insert into public.kb_articles (id, slug, title, content, category, is_published)
values ('00000000-0000-4000-c000-0000000001a0', 'zorblax-flux-capacitor', 'Zorblax flux capacitor', 'The zorblax hums.', 'automotive', false);
select tests.authenticate_as_anon();
select is_empty($$ select * from public.search_help('zorblax', 10) $$, 'a draft''s words are never matched');
select tests.clear_authentication();
reset role;
update public.kb_articles set is_published = true where id = '00000000-0000-4000-c000-0000000001a0';
select tests.authenticate_as_anon();
select is((select slug from public.search_help('zorblaks', 10) limit 1), 'zorblax-flux-capacitor', 'published, it is found, misspelt too');
select tests.clear_authentication();
reset role;
update public.kb_articles set is_published = false where id = '00000000-0000-4000-c000-0000000001a0';
select tests.authenticate_as_anon();
select is_empty($$ select * from public.search_help('zorblax', 10) $$, 'unpublished again, it is no longer found');

select * from finish();
rollback;
