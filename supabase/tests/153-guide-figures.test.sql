-- public.guide_figures: per-guide sessions, resolution rate, average steps to resolution, misclassification rate.
begin;
select plan(6);
select tests.create_support_fixtures();

insert into public.troubleshooting_sessions (id, customer_id, issue_description, guide_id, resolved, misclassified, abandoned, completed_at) values
  ('00000000-0000-4000-e000-000000000301', tests.user_id('customer_a'), 'Fixed after two steps', '00000000-0000-4000-d000-000000000001', true, false, false, now()),
  ('00000000-0000-4000-e000-000000000302', tests.user_id('customer_a'), 'Fixed after one step', '00000000-0000-4000-d000-000000000001', true, false, false, now()),
  ('00000000-0000-4000-e000-000000000303', tests.user_id('customer_b'), 'Still broken', '00000000-0000-4000-d000-000000000001', false, false, false, now()),
  ('00000000-0000-4000-e000-000000000304', tests.user_id('customer_b'), 'Wrong guide', '00000000-0000-4000-d000-000000000001', false, true, true, now()),
  ('00000000-0000-4000-e000-000000000305', tests.user_id('customer_b'), 'Still going', '00000000-0000-4000-d000-000000000001', false, false, false, null);
insert into public.troubleshooting_session_steps (session_id, step_number, step_text, attempted) values
  ('00000000-0000-4000-e000-000000000301', 1, 'Check the battery', true),
  ('00000000-0000-4000-e000-000000000301', 2, 'Check the fuse', true),
  ('00000000-0000-4000-e000-000000000301', 3, 'Call us', false),
  ('00000000-0000-4000-e000-000000000302', 1, 'Check the battery', true);

select is((select (reloptions::text[] @> array['security_invoker=true']) from pg_class where oid = 'public.guide_figures'::regclass), true, 'guide_figures is a security-invoker view');

select tests.authenticate_as('admin');
select results_eq($$select sessions, completed_sessions, resolved_sessions, resolution_rate, average_steps_to_resolution, misclassification_rate, step_count
  from public.guide_figures where guide_id = '00000000-0000-4000-d000-000000000001'$$,
  $$values (5, 4, 2, 0.500::numeric, 1.50::numeric, 0.250::numeric, 3)$$,
  'admin: sessions 5, resolution rate 2/4, 1.5 steps to resolution on average, misclassification 1/4');
select results_eq($$select sessions, resolution_rate, average_steps_to_resolution, misclassification_rate from public.guide_figures where guide_id = '00000000-0000-4000-d000-000000000002'$$,
  $$values (0, null::numeric, null::numeric, null::numeric)$$, 'admin: a guide without sessions has no rates, and drafts are listed too');
select tests.clear_authentication();
reset role;

select tests.authenticate_as('technician');
select is_empty($$select 1 from public.guide_figures$$, 'technicians see no guide figures (an admin tool), though they may read sessions');
select tests.clear_authentication();
reset role;

select tests.authenticate_as('customer_a');
select is_empty($$select 1 from public.guide_figures$$, 'customers see no guide figures');
select tests.clear_authentication();
reset role;

select tests.authenticate_as_anon();
select throws_ok($$select 1 from public.guide_figures$$, '42501', 'permission denied for view guide_figures', 'anon cannot read guide figures');
select tests.clear_authentication();
reset role;

select * from finish();
rollback;
