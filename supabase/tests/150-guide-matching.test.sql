-- public.match_guides: hybrid lexical matching of a problem description to published guides, under the caller's RLS.
begin;
select plan(9);
select tests.create_support_fixtures();

insert into public.guides (id, slug, title, description, symptoms, is_published) values
  ('00000000-0000-4000-d000-000000000011', 'test-gearbox', 'Gearbox whines', 'For a gearbox that whines.', array['zorblax whine from the gearbox'], true),
  ('00000000-0000-4000-d000-000000000012', 'test-gearbox-draft', 'Gearbox draft', 'Unpublished.', array['zorblax quibbleflux'], false);
insert into public.guide_steps (guide_id, position, instruction) values
  ('00000000-0000-4000-d000-000000000011', 1, 'Check the gearbox oil level.'),
  ('00000000-0000-4000-d000-000000000012', 1, 'Draft step about quibbleflux.');

select is((select prosecdef from pg_proc where oid = 'public.match_guides(text, integer)'::regprocedure), false, 'match_guides is security invoker');

select tests.authenticate_as_anon();
select results_eq($$select slug, confident from public.match_guides('my zorblax is whining', 1)$$,
  $$values ('test-gearbox'::text, true)$$, 'anon: a description naming a guide''s symptom finds it first, confidently');
select is_empty($$select 1 from public.match_guides('quibbleflux', 5)$$, 'anon: an unpublished guide is never matched');
select results_eq($$select slug from public.match_guides('my tires keep losing air', 1)$$,
  $$values ('tyre-pressure-light-on'::text)$$, 'synonyms: "tires" finds the tyre guide');
select results_eq($$select slug from public.match_guides('brakes squeaking', 1)$$,
  $$values ('brakes-noisy'::text)$$, 'stems and trigram near-misses: "squeaking" finds the squealing-brakes guide');
select is((select count(*)::int from public.match_guides('car battery engine start light', 3)), 3, 'returns match_count rows');
select ok((select bool_and(not confident or position = 1) and bool_and(abs(text_score + fuzzy_score - score) < 0.001)
  from public.match_guides('car battery engine start light', 3) with ordinality as match (guide_id, slug, title, guide_description, text_score, fuzzy_score, score, confident, position)),
  'only the first row can be confident, and text + fuzzy scores add up to the score');
select tests.clear_authentication();
reset role;

select tests.authenticate_as('admin');
select is_empty($$select 1 from public.match_guides('quibbleflux', 5)$$, 'admin: unpublished guides are not matched either (admins see them in /admin/guides)');
select tests.clear_authentication();
reset role;

select tests.authenticate_as('customer_a');
select results_eq($$select slug from public.match_guides('zorblax', 1)$$, $$values ('test-gearbox'::text)$$, 'customer: published guides are matched');
select tests.clear_authentication();
reset role;

select * from finish();
rollback;
