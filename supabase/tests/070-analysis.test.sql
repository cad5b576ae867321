-- Customer analysis: cascade rules of issue 4 item 9, one categorization per analysis and conversation.
begin;
select plan(9);
select tests.create_support_fixtures();
insert into public.departments (id, name) values ('00000000-0000-4000-9000-000000000001', 'Diagnostics');
insert into public.customer_analyses (id, triggered_by) values ('00000000-0000-4000-8000-000000000001', tests.user_id('admin'));
insert into public.conversation_categorizations (analysis_id, conversation_id, intent, journey_stage, sentiment, agent_quality) values
  ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-a000-00000000000a', 'REPAIR', 'ACTIVE_CUSTOMER', 'FRICTION', 7),
  ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-a000-00000000000b', 'BILLING', 'ACTIVE_CUSTOMER', 'NEUTRAL', 8);
insert into public.analysis_kpis (analysis_id, metric_type, metric_name, numeric_value, technician_id, department_id) values
  ('00000000-0000-4000-8000-000000000001', 'RESPONSE_TIME', 'first_response_p50', 42, tests.user_id('technician'), '00000000-0000-4000-9000-000000000001');
insert into public.analysis_exports (analysis_id, format, file_name, storage_path) values
  ('00000000-0000-4000-8000-000000000001', 'CSV', 'a.csv', 'exports/a.csv');

select throws_ok($$insert into public.conversation_categorizations (analysis_id, conversation_id, intent, journey_stage, sentiment) values ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-a000-00000000000a', 'X', 'Y', 'NEUTRAL')$$,
  '23505', null, 'one categorization per analysis and conversation');
select is((select count(*)::int from private.jobs where kind = 'analysis'), 1, 'a new analysis queues an analysis job');

delete from public.conversations where id = '00000000-0000-4000-a000-00000000000b';
select is((select count(*)::int from public.conversation_categorizations), 1, 'deleting a conversation removes its categorizations');

delete from auth.users where id = tests.user_id('technician');
select results_eq($$select technician_id is null, department_id is not null from public.analysis_kpis$$, $$values (true, true)$$, 'deleting a technician keeps the KPI with the technician null');
delete from public.departments where id = '00000000-0000-4000-9000-000000000001';
select results_eq($$select count(*)::int, bool_and(department_id is null) from public.analysis_kpis$$, $$values (1, true)$$, 'deleting a department keeps the KPI with the department null');

delete from public.customer_analyses where id = '00000000-0000-4000-8000-000000000001';
select is_empty('select 1 from public.conversation_categorizations', 'deleting an analysis removes its categorizations');
select is_empty('select 1 from public.analysis_kpis', 'deleting an analysis removes its KPIs');
select is_empty('select 1 from public.analysis_exports', 'deleting an analysis removes its exports');
select throws_ok($$insert into public.analysis_kpis (analysis_id, metric_type, metric_name) values (gen_random_uuid(), 'VOLUME', 'x')$$, '23514', null, 'a KPI needs a value');

select * from finish();
rollback;
