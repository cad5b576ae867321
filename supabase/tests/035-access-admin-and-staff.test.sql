-- Row-level security, continued: the admin management policies and the staff read policies not covered in 030,
-- each with an allow case and a deny case.
begin;
select plan(36);
select tests.create_support_fixtures();
insert into public.departments (id, name) values ('00000000-0000-4000-9000-000000000001', 'Test diagnostics');
insert into public.customer_vehicles (id, customer_id, make) values ('00000000-0000-4000-7000-000000000001', tests.user_id('customer_a'), 'Toyota');
insert into public.troubleshooting_sessions (id, customer_id, issue_description) values ('00000000-0000-4000-e000-000000000001', tests.user_id('customer_a'), 'Squeak');
insert into public.troubleshooting_session_steps (session_id, step_number, step_text) values ('00000000-0000-4000-e000-000000000001', 1, 'Look');
insert into public.customer_analyses (id) values ('00000000-0000-4000-8000-000000000001');
insert into public.entity_links (id, source_type, source_id, target_type, target_id, link_type)
values ('00000000-0000-4000-6000-000000000001', 'tickets', gen_random_uuid(), 'tickets', gen_random_uuid(), 'duplicates');
update public.conversations set assigned_technician_id = tests.user_id('technician') where id = '00000000-0000-4000-a000-00000000000a';
update public.tickets set status = 'assigned', assigned_to = tests.user_id('technician') where id = '00000000-0000-4000-b000-00000000000a';
insert into public.work_orders (id, ticket_id) values ('00000000-0000-4000-f000-000000000001', '00000000-0000-4000-b000-00000000000a');

-- ---------------------------------------------------------------- admins manage; technicians may not
select tests.authenticate_as('admin');
select lives_ok($$insert into public.solution_areas (slug, name, description, assistant_instructions) values ('admin-area', 'A', 'B', 'C')$$, 'an admin creates a solution area');
select lives_ok($$insert into public.guides (id, slug, title) values ('00000000-0000-4000-d000-0000000000a1', 'admin-guide', 'Admin guide')$$, 'an admin creates a guide');
select lives_ok($$insert into public.guide_steps (guide_id, position, instruction) values ('00000000-0000-4000-d000-0000000000a1', 1, 'Step')$$, 'an admin adds guide steps');
select lives_ok($$insert into public.kb_chunks (article_id, chunk_index, content) values ('00000000-0000-4000-c000-000000000002', 0, 'draft chunk')$$, 'an admin writes chunks');
select lives_ok($$insert into public.vehicle_models (year, make, model) values (2021, 'Honda', 'Civic')$$, 'an admin extends the vehicle catalogue');
select lives_ok($$insert into public.departments (name) values ('Admin made')$$, 'an admin creates a department');
select is(tests.affected_rows($$update public.departments set description = 'x' where id = '00000000-0000-4000-9000-000000000001'$$), 1, 'an admin updates a department');
select lives_ok($$insert into public.ticket_ai_results (ticket_id, category, sentiment_score, urgency, confidence, model) values ('00000000-0000-4000-b000-00000000000b', 'billing', 5, 'low', 0.5, 'manual')$$, 'an admin records an AI result by hand');
select is(tests.affected_rows($$update public.work_orders set description = 'Checked by admin' where id = '00000000-0000-4000-f000-000000000001'$$), 1, 'an admin updates any work order');
select lives_ok($$insert into public.conversation_categorizations (analysis_id, conversation_id, intent, journey_stage, sentiment) values ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-a000-00000000000a', 'REPAIR', 'ACTIVE_CUSTOMER', 'NEUTRAL')$$, 'an admin writes categorizations');
select lives_ok($$insert into public.analysis_kpis (analysis_id, metric_type, metric_name, numeric_value) values ('00000000-0000-4000-8000-000000000001', 'VOLUME', 'tickets', 2)$$, 'an admin writes KPIs');
select lives_ok($$insert into public.analysis_exports (analysis_id, format, file_name, storage_path) values ('00000000-0000-4000-8000-000000000001', 'PDF', 'a.pdf', 'exports/a.pdf')$$, 'an admin writes exports');
select is(tests.affected_rows($$delete from public.entity_links where id = '00000000-0000-4000-6000-000000000001'$$), 1, 'an admin deletes a link');
select is(tests.affected_rows($$update public.conversations set title = 'Renamed by admin' where id = '00000000-0000-4000-a000-00000000000b'$$), 1, 'an admin updates any conversation');
select is(tests.affected_rows($$update public.profiles set department_id = '00000000-0000-4000-9000-000000000001' where id = tests.user_id('technician')$$), 1, 'an admin assigns a technician to a department');
reset role;

select tests.authenticate_as('technician');
select throws_ok($$insert into public.solution_areas (slug, name, description, assistant_instructions) values ('tech-area', 'A', 'B', 'C')$$, '42501', 'new row violates row-level security policy for table "solution_areas"', 'a technician cannot create solution areas');
select throws_ok($$insert into public.guide_steps (guide_id, position, instruction) values ('00000000-0000-4000-d000-000000000001', 9, 'Step')$$, '42501', 'new row violates row-level security policy for table "guide_steps"', 'a technician cannot change guide steps');
select throws_ok($$insert into public.kb_chunks (article_id, chunk_index, content) values ('00000000-0000-4000-c000-000000000001', 5, 'x')$$, '42501', 'new row violates row-level security policy for table "kb_chunks"', 'a technician cannot write chunks');
select is(tests.affected_rows($$update public.departments set description = 'x'$$), 0, 'a technician cannot update departments');
select throws_ok($$insert into public.ticket_ai_results (ticket_id, category, sentiment_score, urgency, confidence, model) values ('00000000-0000-4000-b000-00000000000a', 'billing', 5, 'low', 0.5, 'manual')$$, '42501', 'new row violates row-level security policy for table "ticket_ai_results"', 'a technician cannot write AI results');
select is_empty($$select 1 from public.conversation_categorizations union all select 1 from public.analysis_kpis union all select 1 from public.analysis_exports union all select 1 from public.customer_analyses$$, 'a technician reads no analyses');
select is(tests.affected_rows($$delete from public.entity_links$$), 0, 'a technician cannot delete links');
select is(tests.affected_rows($$update public.conversations set title = 'Mine now' where id = '00000000-0000-4000-a000-00000000000a'$$), 1, 'a technician updates a conversation assigned to them');
select is(tests.affected_rows($$update public.conversations set title = 'Not mine' where id = '00000000-0000-4000-a000-00000000000b'$$), 0, 'a technician cannot update a conversation not assigned to them');
select is(tests.affected_rows($$update public.work_orders set description = 'Diagnosed' where id = '00000000-0000-4000-f000-000000000001'$$), 1, 'a technician updates the work order of their ticket');
select isnt_empty($$select 1 from public.troubleshooting_sessions$$, 'a technician reads sessions');
select isnt_empty($$select 1 from public.troubleshooting_session_steps$$, 'a technician reads session steps');
select isnt_empty($$select 1 from public.customer_vehicles$$, 'a technician reads customer vehicles');
select throws_ok($$update public.profiles set department_id = null where id = (select auth.uid())$$, '42501', 'only an admin can change a department', 'a technician cannot change their own department');
reset role;

-- ---------------------------------------------------------------- customers: their own sessions, steps and vehicles
select tests.authenticate_as('customer_a');
select is(tests.affected_rows($$update public.troubleshooting_sessions set issue_description = 'Squeak when braking' where id = '00000000-0000-4000-e000-000000000001'$$), 1, 'a customer edits their open session');
select is(tests.affected_rows($$update public.troubleshooting_session_steps set attempted = true, responded_at = now() where session_id = '00000000-0000-4000-e000-000000000001'$$), 1, 'a customer answers a step of their session');
select is(tests.affected_rows($$delete from public.customer_vehicles where id = '00000000-0000-4000-7000-000000000001'$$), 1, 'a customer deletes their own vehicle');
reset role;

select tests.authenticate_as('customer_b');
select is(tests.affected_rows($$update public.troubleshooting_sessions set issue_description = 'Hijacked'$$), 0, 'customer B cannot edit customer A''s session');
select is(tests.affected_rows($$update public.troubleshooting_session_steps set attempted = false$$), 0, 'customer B cannot answer customer A''s steps');
select is(tests.affected_rows($$delete from public.conversations$$), 0, 'a customer cannot delete conversations');
select is(tests.affected_rows($$delete from public.profiles where id = tests.user_id('customer_a')$$), 0, 'a customer cannot delete profiles');
reset role;

select * from finish();
rollback;
