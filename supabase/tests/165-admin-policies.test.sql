-- Admin write policies, one per command (migration 20261201150500): for every table an admin curates, an admin may add,
-- change and remove rows and a technician or customer may not; on the admin-only analysis tables only admins read.
begin;
select plan(86);
select tests.create_support_fixtures();
-- An analysis for the child tables to hang off (written as the owner).
insert into public.customer_analyses (id) values ('00000000-0000-4000-e000-000000000002');

select is((select count(*)::int from pg_policies where schemaname = 'public' and cmd = 'ALL'), 0, 'no policy in public is written `for all`');

-- public.solution_areas
select tests.authenticate_as('technician');
select throws_ok($q$insert into public.solution_areas (slug, name, description, assistant_instructions) values ('policy-area', 'Policy area', 'd', 'i')$q$, '42501', null, 'a technician cannot add solution_areas');
select tests.authenticate_as('admin');
select lives_ok($q$insert into public.solution_areas (slug, name, description, assistant_instructions) values ('policy-area', 'Policy area', 'd', 'i')$q$, 'an admin can add solution_areas');
select tests.authenticate_as('technician');
select is(tests.affected_rows($q$update public.solution_areas set name = name where slug = 'policy-area'$q$), 0, 'a technician cannot change solution_areas');
select is(tests.affected_rows($q$delete from public.solution_areas where slug = 'policy-area'$q$), 0, 'a technician cannot remove solution_areas');
select tests.authenticate_as('admin');
select is(tests.affected_rows($q$update public.solution_areas set name = name where slug = 'policy-area'$q$), 1, 'an admin can change solution_areas');
select is(tests.affected_rows($q$delete from public.solution_areas where slug = 'policy-area'$q$), 1, 'an admin can remove solution_areas');

-- public.kb_articles
select tests.authenticate_as('technician');
select throws_ok($q$insert into public.kb_articles (slug, title, content, category) values ('policy-article', 'Policy article', 'Body', 'automotive')$q$, '42501', null, 'a technician cannot add kb_articles');
select tests.authenticate_as('admin');
select lives_ok($q$insert into public.kb_articles (slug, title, content, category) values ('policy-article', 'Policy article', 'Body', 'automotive')$q$, 'an admin can add kb_articles');
select tests.authenticate_as('technician');
select is(tests.affected_rows($q$update public.kb_articles set title = title where slug = 'policy-article'$q$), 0, 'a technician cannot change kb_articles');
select is(tests.affected_rows($q$delete from public.kb_articles where slug = 'policy-article'$q$), 0, 'a technician cannot remove kb_articles');
select tests.authenticate_as('admin');
select is(tests.affected_rows($q$update public.kb_articles set title = title where slug = 'policy-article'$q$), 1, 'an admin can change kb_articles');
select is(tests.affected_rows($q$delete from public.kb_articles where slug = 'policy-article'$q$), 1, 'an admin can remove kb_articles');

-- public.kb_chunks
select tests.authenticate_as('technician');
select throws_ok($q$insert into public.kb_chunks (article_id, chunk_index, content) values ('00000000-0000-4000-c000-000000000001', 99, 'policy chunk')$q$, '42501', null, 'a technician cannot add kb_chunks');
select tests.authenticate_as('admin');
select lives_ok($q$insert into public.kb_chunks (article_id, chunk_index, content) values ('00000000-0000-4000-c000-000000000001', 99, 'policy chunk')$q$, 'an admin can add kb_chunks');
select tests.authenticate_as('technician');
select is(tests.affected_rows($q$update public.kb_chunks set content = content where content = 'policy chunk'$q$), 0, 'a technician cannot change kb_chunks');
select is(tests.affected_rows($q$delete from public.kb_chunks where content = 'policy chunk'$q$), 0, 'a technician cannot remove kb_chunks');
select tests.authenticate_as('admin');
select is(tests.affected_rows($q$update public.kb_chunks set content = content where content = 'policy chunk'$q$), 1, 'an admin can change kb_chunks');
select is(tests.affected_rows($q$delete from public.kb_chunks where content = 'policy chunk'$q$), 1, 'an admin can remove kb_chunks');

-- public.guides
select tests.authenticate_as('technician');
select throws_ok($q$insert into public.guides (slug, title) values ('policy-guide', 'Policy guide')$q$, '42501', null, 'a technician cannot add guides');
select tests.authenticate_as('admin');
select lives_ok($q$insert into public.guides (slug, title) values ('policy-guide', 'Policy guide')$q$, 'an admin can add guides');
select tests.authenticate_as('technician');
select is(tests.affected_rows($q$update public.guides set title = title where slug = 'policy-guide'$q$), 0, 'a technician cannot change guides');
select is(tests.affected_rows($q$delete from public.guides where slug = 'policy-guide'$q$), 0, 'a technician cannot remove guides');
select tests.authenticate_as('admin');
select is(tests.affected_rows($q$update public.guides set title = title where slug = 'policy-guide'$q$), 1, 'an admin can change guides');
select is(tests.affected_rows($q$delete from public.guides where slug = 'policy-guide'$q$), 1, 'an admin can remove guides');

-- public.guide_steps
select tests.authenticate_as('technician');
select throws_ok($q$insert into public.guide_steps (guide_id, position, instruction) values ('00000000-0000-4000-d000-000000000001', 99, 'policy step')$q$, '42501', null, 'a technician cannot add guide_steps');
select tests.authenticate_as('admin');
select lives_ok($q$insert into public.guide_steps (guide_id, position, instruction) values ('00000000-0000-4000-d000-000000000001', 99, 'policy step')$q$, 'an admin can add guide_steps');
select tests.authenticate_as('technician');
select is(tests.affected_rows($q$update public.guide_steps set instruction = instruction where instruction = 'policy step'$q$), 0, 'a technician cannot change guide_steps');
select is(tests.affected_rows($q$delete from public.guide_steps where instruction = 'policy step'$q$), 0, 'a technician cannot remove guide_steps');
select tests.authenticate_as('admin');
select is(tests.affected_rows($q$update public.guide_steps set instruction = instruction where instruction = 'policy step'$q$), 1, 'an admin can change guide_steps');
select is(tests.affected_rows($q$delete from public.guide_steps where instruction = 'policy step'$q$), 1, 'an admin can remove guide_steps');

-- public.vehicle_models
select tests.authenticate_as('technician');
select throws_ok($q$insert into public.vehicle_models (year, make, model) values (2020, 'Policy', 'Model')$q$, '42501', null, 'a technician cannot add vehicle_models');
select tests.authenticate_as('admin');
select lives_ok($q$insert into public.vehicle_models (year, make, model) values (2020, 'Policy', 'Model')$q$, 'an admin can add vehicle_models');
select tests.authenticate_as('technician');
select is(tests.affected_rows($q$update public.vehicle_models set model = model where make = 'Policy'$q$), 0, 'a technician cannot change vehicle_models');
select is(tests.affected_rows($q$delete from public.vehicle_models where make = 'Policy'$q$), 0, 'a technician cannot remove vehicle_models');
select tests.authenticate_as('admin');
select is(tests.affected_rows($q$update public.vehicle_models set model = model where make = 'Policy'$q$), 1, 'an admin can change vehicle_models');
select is(tests.affected_rows($q$delete from public.vehicle_models where make = 'Policy'$q$), 1, 'an admin can remove vehicle_models');

-- public.ticket_ai_results
select tests.authenticate_as('technician');
select throws_ok($q$insert into public.ticket_ai_results (ticket_id, category, sentiment_score, urgency, confidence, model) values ('00000000-0000-4000-b000-00000000000b', 'billing', 5, 'low', 0.5, 'policy-test')$q$, '42501', null, 'a technician cannot add ticket_ai_results');
select tests.authenticate_as('admin');
select lives_ok($q$insert into public.ticket_ai_results (ticket_id, category, sentiment_score, urgency, confidence, model) values ('00000000-0000-4000-b000-00000000000b', 'billing', 5, 'low', 0.5, 'policy-test')$q$, 'an admin can add ticket_ai_results');
select tests.authenticate_as('technician');
select is(tests.affected_rows($q$update public.ticket_ai_results set reasoning = reasoning where model = 'policy-test'$q$), 0, 'a technician cannot change ticket_ai_results');
select is(tests.affected_rows($q$delete from public.ticket_ai_results where model = 'policy-test'$q$), 0, 'a technician cannot remove ticket_ai_results');
select tests.authenticate_as('admin');
select is(tests.affected_rows($q$update public.ticket_ai_results set reasoning = reasoning where model = 'policy-test'$q$), 1, 'an admin can change ticket_ai_results');
select is(tests.affected_rows($q$delete from public.ticket_ai_results where model = 'policy-test'$q$), 1, 'an admin can remove ticket_ai_results');

-- public.customer_analyses
select tests.authenticate_as('technician');
select throws_ok($q$insert into public.customer_analyses (id, filters) values ('00000000-0000-4000-e000-000000000001', '{"policy": true}')$q$, '42501', null, 'a technician cannot add customer_analyses');
select tests.authenticate_as('admin');
select lives_ok($q$insert into public.customer_analyses (id, filters) values ('00000000-0000-4000-e000-000000000001', '{"policy": true}')$q$, 'an admin can add customer_analyses');
select is((select count(*)::int from public.customer_analyses where filters ? 'policy'), 1, 'an admin can read customer_analyses');
select tests.authenticate_as('technician');
select is((select count(*)::int from public.customer_analyses where filters ? 'policy'), 0, 'a technician cannot read customer_analyses');
select tests.authenticate_as('technician');
select is(tests.affected_rows($q$update public.customer_analyses set error_message = error_message where filters ? 'policy'$q$), 0, 'a technician cannot change customer_analyses');
select is(tests.affected_rows($q$delete from public.customer_analyses where filters ? 'policy'$q$), 0, 'a technician cannot remove customer_analyses');
select tests.authenticate_as('admin');
select is(tests.affected_rows($q$update public.customer_analyses set error_message = error_message where filters ? 'policy'$q$), 1, 'an admin can change customer_analyses');
select is(tests.affected_rows($q$delete from public.customer_analyses where filters ? 'policy'$q$), 1, 'an admin can remove customer_analyses');

-- public.conversation_categorizations
select tests.authenticate_as('technician');
select throws_ok($q$insert into public.conversation_categorizations (analysis_id, conversation_id, intent, journey_stage, sentiment) values ('00000000-0000-4000-e000-000000000002', '00000000-0000-4000-a000-00000000000a', 'policy', 'start', 'NEUTRAL')$q$, '42501', null, 'a technician cannot add conversation_categorizations');
select tests.authenticate_as('admin');
select lives_ok($q$insert into public.conversation_categorizations (analysis_id, conversation_id, intent, journey_stage, sentiment) values ('00000000-0000-4000-e000-000000000002', '00000000-0000-4000-a000-00000000000a', 'policy', 'start', 'NEUTRAL')$q$, 'an admin can add conversation_categorizations');
select is((select count(*)::int from public.conversation_categorizations where intent = 'policy'), 1, 'an admin can read conversation_categorizations');
select tests.authenticate_as('technician');
select is((select count(*)::int from public.conversation_categorizations where intent = 'policy'), 0, 'a technician cannot read conversation_categorizations');
select tests.authenticate_as('technician');
select is(tests.affected_rows($q$update public.conversation_categorizations set reasoning = reasoning where intent = 'policy'$q$), 0, 'a technician cannot change conversation_categorizations');
select is(tests.affected_rows($q$delete from public.conversation_categorizations where intent = 'policy'$q$), 0, 'a technician cannot remove conversation_categorizations');
select tests.authenticate_as('admin');
select is(tests.affected_rows($q$update public.conversation_categorizations set reasoning = reasoning where intent = 'policy'$q$), 1, 'an admin can change conversation_categorizations');
select is(tests.affected_rows($q$delete from public.conversation_categorizations where intent = 'policy'$q$), 1, 'an admin can remove conversation_categorizations');

-- public.analysis_kpis
select tests.authenticate_as('technician');
select throws_ok($q$insert into public.analysis_kpis (analysis_id, metric_type, metric_name, numeric_value) values ('00000000-0000-4000-e000-000000000002', 'VOLUME', 'policy', 1)$q$, '42501', null, 'a technician cannot add analysis_kpis');
select tests.authenticate_as('admin');
select lives_ok($q$insert into public.analysis_kpis (analysis_id, metric_type, metric_name, numeric_value) values ('00000000-0000-4000-e000-000000000002', 'VOLUME', 'policy', 1)$q$, 'an admin can add analysis_kpis');
select is((select count(*)::int from public.analysis_kpis where metric_name = 'policy'), 1, 'an admin can read analysis_kpis');
select tests.authenticate_as('technician');
select is((select count(*)::int from public.analysis_kpis where metric_name = 'policy'), 0, 'a technician cannot read analysis_kpis');
select tests.authenticate_as('technician');
select is(tests.affected_rows($q$update public.analysis_kpis set category = category where metric_name = 'policy'$q$), 0, 'a technician cannot change analysis_kpis');
select is(tests.affected_rows($q$delete from public.analysis_kpis where metric_name = 'policy'$q$), 0, 'a technician cannot remove analysis_kpis');
select tests.authenticate_as('admin');
select is(tests.affected_rows($q$update public.analysis_kpis set category = category where metric_name = 'policy'$q$), 1, 'an admin can change analysis_kpis');
select is(tests.affected_rows($q$delete from public.analysis_kpis where metric_name = 'policy'$q$), 1, 'an admin can remove analysis_kpis');

-- public.analysis_exports
select tests.authenticate_as('technician');
select throws_ok($q$insert into public.analysis_exports (analysis_id, format, file_name, storage_path) values ('00000000-0000-4000-e000-000000000002', 'CSV', 'policy.csv', 'exports/policy.csv')$q$, '42501', null, 'a technician cannot add analysis_exports');
select tests.authenticate_as('admin');
select lives_ok($q$insert into public.analysis_exports (analysis_id, format, file_name, storage_path) values ('00000000-0000-4000-e000-000000000002', 'CSV', 'policy.csv', 'exports/policy.csv')$q$, 'an admin can add analysis_exports');
select is((select count(*)::int from public.analysis_exports where file_name = 'policy.csv'), 1, 'an admin can read analysis_exports');
select tests.authenticate_as('technician');
select is((select count(*)::int from public.analysis_exports where file_name = 'policy.csv'), 0, 'a technician cannot read analysis_exports');
select tests.authenticate_as('technician');
select is(tests.affected_rows($q$update public.analysis_exports set storage_path = storage_path where file_name = 'policy.csv'$q$), 0, 'a technician cannot change analysis_exports');
select is(tests.affected_rows($q$delete from public.analysis_exports where file_name = 'policy.csv'$q$), 0, 'a technician cannot remove analysis_exports');
select tests.authenticate_as('admin');
select is(tests.affected_rows($q$update public.analysis_exports set storage_path = storage_path where file_name = 'policy.csv'$q$), 1, 'an admin can change analysis_exports');
select is(tests.affected_rows($q$delete from public.analysis_exports where file_name = 'policy.csv'$q$), 1, 'an admin can remove analysis_exports');

select tests.authenticate_as('customer_a');
select throws_ok($q$insert into public.solution_areas (slug, name, description, assistant_instructions) values ('policy-area', 'Policy area', 'd', 'i')$q$, '42501', null, 'a customer cannot add solution_areas');
select throws_ok($q$insert into public.kb_articles (slug, title, content, category) values ('policy-article', 'Policy article', 'Body', 'automotive')$q$, '42501', null, 'a customer cannot add kb_articles');
select throws_ok($q$insert into public.kb_chunks (article_id, chunk_index, content) values ('00000000-0000-4000-c000-000000000001', 99, 'policy chunk')$q$, '42501', null, 'a customer cannot add kb_chunks');
select throws_ok($q$insert into public.guides (slug, title) values ('policy-guide', 'Policy guide')$q$, '42501', null, 'a customer cannot add guides');
select throws_ok($q$insert into public.guide_steps (guide_id, position, instruction) values ('00000000-0000-4000-d000-000000000001', 99, 'policy step')$q$, '42501', null, 'a customer cannot add guide_steps');
select throws_ok($q$insert into public.vehicle_models (year, make, model) values (2020, 'Policy', 'Model')$q$, '42501', null, 'a customer cannot add vehicle_models');
select throws_ok($q$insert into public.ticket_ai_results (ticket_id, category, sentiment_score, urgency, confidence, model) values ('00000000-0000-4000-b000-00000000000b', 'billing', 5, 'low', 0.5, 'policy-test')$q$, '42501', null, 'a customer cannot add ticket_ai_results');
select throws_ok($q$insert into public.customer_analyses (id, filters) values ('00000000-0000-4000-e000-000000000001', '{"policy": true}')$q$, '42501', null, 'a customer cannot add customer_analyses');
select throws_ok($q$insert into public.conversation_categorizations (analysis_id, conversation_id, intent, journey_stage, sentiment) values ('00000000-0000-4000-e000-000000000002', '00000000-0000-4000-a000-00000000000a', 'policy', 'start', 'NEUTRAL')$q$, '42501', null, 'a customer cannot add conversation_categorizations');
select throws_ok($q$insert into public.analysis_kpis (analysis_id, metric_type, metric_name, numeric_value) values ('00000000-0000-4000-e000-000000000002', 'VOLUME', 'policy', 1)$q$, '42501', null, 'a customer cannot add analysis_kpis');
select throws_ok($q$insert into public.analysis_exports (analysis_id, format, file_name, storage_path) values ('00000000-0000-4000-e000-000000000002', 'CSV', 'policy.csv', 'exports/policy.csv')$q$, '42501', null, 'a customer cannot add analysis_exports');

select * from finish();
rollback;
