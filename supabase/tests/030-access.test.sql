-- Row-level security: for each policy, an allow and a deny case per persona
-- (customer_a vs customer_b, technician, admin, anon).
begin;
select plan(74);
select tests.create_support_fixtures();
-- a conversation of customer_a with no ticket and no technician: technicians must not see it
insert into public.conversations (id, customer_id, title) values ('00000000-0000-4000-a000-0000000000c0', tests.user_id('customer_a'), 'Private thread');
insert into public.kb_chunks (article_id, chunk_index, content) values
  ('00000000-0000-4000-c000-000000000001', 0, 'published chunk'), ('00000000-0000-4000-c000-000000000002', 0, 'draft chunk');
insert into public.vehicle_models (year, make, model) values (2018, 'Toyota', 'Camry');
insert into public.departments (name) values ('Test diagnostics');
insert into public.ticket_ai_results (ticket_id, category, sentiment_score, urgency, draft_reply, confidence, model, reasoning)
values ('00000000-0000-4000-b000-00000000000a', 'technical', 3, 'high', 'Dear customer...', 0.9, 'test-model', 'Starter symptoms');
insert into public.retrieval_logs (conversation_id, user_id, query_text, result_ids, scores)
values ('00000000-0000-4000-a000-00000000000a', tests.user_id('customer_a'), 'no start', '{x}', '{0.5}');

-- ---------------------------------------------------------------- anon: the public help centre only
select tests.authenticate_as_anon();
select results_eq($$select slug from public.kb_articles where slug like 'test-%'$$, array['test-published'], 'anon reads published articles');
select results_eq($$select slug from public.guides where slug like 'test-%'$$, array['test-guide'], 'anon reads published guides only');
select is((select count(*)::int from public.guide_steps where guide_id = '00000000-0000-4000-d000-000000000001'), 3, 'anon reads steps of a published guide');
select is_empty($$select 1 from public.guide_steps where guide_id = '00000000-0000-4000-d000-000000000002'$$, 'anon does not read steps of a draft guide');
select results_eq($$select content from public.kb_chunks$$, array['published chunk'], 'anon reads chunks of published articles only');
select isnt_empty($$select 1 from public.solution_areas$$, 'anon reads solution areas');
select is_empty($$select 1 from public.tickets$$, 'anon reads no tickets');
select is_empty($$select 1 from public.conversations$$, 'anon reads no conversations');
select is_empty($$select 1 from public.vehicle_models$$, 'anon does not read the vehicle catalogue');
select throws_ok($$insert into public.kb_articles (slug, title, content, category) values ('x', 'x', 'x', 'x')$$, '42501', null, 'anon cannot write articles');
reset role;

-- ---------------------------------------------------------------- customer A vs customer B
select tests.authenticate_as('customer_a');
select results_eq($$select slug from public.kb_articles where slug like 'test-%'$$, array['test-published'], 'a customer reads published articles only');
select throws_ok($$insert into public.kb_articles (slug, title, content, category) values ('x', 'x', 'x', 'x')$$, '42501', 'new row violates row-level security policy for table "kb_articles"', 'a customer cannot write articles');
select throws_ok($$insert into public.solution_areas (slug, name, description, assistant_instructions) values ('x', 'x', 'x', 'x')$$, '42501', 'new row violates row-level security policy for table "solution_areas"', 'a customer cannot create solution areas');
select throws_ok($$insert into public.guides (slug, title) values ('x', 'x')$$, '42501', 'new row violates row-level security policy for table "guides"', 'a customer cannot create guides');
select isnt_empty($$select 1 from public.vehicle_models$$, 'a customer reads the vehicle catalogue');
select throws_ok($$insert into public.vehicle_models (year, make, model) values (2020, 'X', 'Y')$$, '42501', 'new row violates row-level security policy for table "vehicle_models"', 'a customer cannot change the catalogue');
select isnt_empty($$select 1 from public.departments$$, 'a customer reads departments');
select throws_ok($$insert into public.departments (name) values ('Rogue')$$, '42501', 'new row violates row-level security policy for table "departments"', 'a customer cannot create departments');

select lives_ok($$insert into public.customer_vehicles (customer_id, year, make, model, vin) values ((select auth.uid()), 2018, 'Toyota', 'Camry', '4T1B11HK5JU123456')$$, 'a customer adds their own vehicle');
select throws_ok($$insert into public.customer_vehicles (customer_id, make) values (tests.user_id('customer_b'), 'Ford')$$, '42501', 'new row violates row-level security policy for table "customer_vehicles"', 'a customer cannot add a vehicle for someone else');
select throws_ok($$insert into public.customer_vehicles (customer_id, vin) values ((select auth.uid()), '4T1B11HK5JU12345O')$$, '23514', null, 'a VIN with O is refused');
select throws_ok($$insert into public.customer_vehicles (customer_id, vin) values ((select auth.uid()), '4T1B11HK5JU1234')$$, '23514', null, 'a VIN shorter than 17 is refused');
select is(tests.affected_rows($$update public.customer_vehicles set nickname = 'Daily' where customer_id = (select auth.uid())$$), 1, 'a customer updates their own vehicle');

select results_eq($$select title from public.conversations order by title$$, array['A thread', 'Private thread'], 'a customer reads only their own conversations');
select lives_ok($$insert into public.conversations (customer_id, title) values ((select auth.uid()), 'Another')$$, 'a customer starts a conversation');
select throws_ok($$insert into public.conversations (customer_id, title) values (tests.user_id('customer_b'), 'Forged')$$, '42501', 'new row violates row-level security policy for table "conversations"', 'a customer cannot start a conversation for someone else');
select is(tests.affected_rows($$update public.conversations set is_pinned = true where id = '00000000-0000-4000-a000-00000000000a'$$), 1, 'a customer updates their own conversation');
select throws_ok($$update public.conversations set assigned_technician_id = (select auth.uid()) where id = '00000000-0000-4000-a000-00000000000a'$$, '42501', 'only staff assign conversations and link tickets', 'a customer cannot assign a conversation');

select results_eq($$select content from public.messages where conversation_id = '00000000-0000-4000-a000-00000000000a'$$, array['My car will not start'], 'a customer reads their messages but never internal notes');
select lives_ok($$insert into public.messages (conversation_id, sender_id, role, content) values ('00000000-0000-4000-a000-00000000000a', (select auth.uid()), 'user', 'Still broken')$$, 'a customer writes in their own conversation');
select throws_ok($$insert into public.messages (conversation_id, sender_id, role, content) values ('00000000-0000-4000-a000-00000000000b', (select auth.uid()), 'user', 'Hi B')$$, '42501', 'new row violates row-level security policy for table "messages"', 'a customer cannot write in another customer''s conversation');
select throws_ok($$insert into public.messages (conversation_id, sender_id, role, content, is_internal_note) values ('00000000-0000-4000-a000-00000000000a', (select auth.uid()), 'technician', 'fake note', true)$$, '42501', 'new row violates row-level security policy for table "messages"', 'a customer cannot write internal notes');

select results_eq($$select subject from public.tickets$$, array['No start'], 'a customer reads only their own tickets');
select is((select urgency::text from public.tickets where id = '00000000-0000-4000-b000-00000000000a'), 'high', 'a customer sees the urgency copied from triage');
select is_empty($$select 1 from public.ticket_ai_results$$, 'a customer never reads AI internals (draft reply, sentiment, reasoning)');
select lives_ok($$insert into public.tickets (customer_id, subject, status, triage_status) values ((select auth.uid()), 'New ticket', 'closed', 'processed')$$, 'a customer creates a ticket');
select results_eq($$select status::text || '/' || triage_status::text from public.tickets where subject = 'New ticket'$$, array['unassigned/pending'], 'a customer''s ticket starts unassigned and pending whatever they send');
select throws_ok($$insert into public.tickets (customer_id, subject) values (tests.user_id('customer_b'), 'Forged')$$, '42501', 'new row violates row-level security policy for table "tickets"', 'a customer cannot create a ticket for someone else');
select is(tests.affected_rows($$update public.tickets set subject = 'Changed' where id = '00000000-0000-4000-b000-00000000000a'$$), 0, 'a customer cannot update a ticket');

select lives_ok($$insert into public.troubleshooting_sessions (id, customer_id, issue_description, guide_id) values ('00000000-0000-4000-e000-00000000000a', (select auth.uid()), 'Car will not start', '00000000-0000-4000-d000-000000000001')$$, 'a customer starts a troubleshooting session');
select throws_ok($$insert into public.troubleshooting_sessions (customer_id, issue_description) values (tests.user_id('customer_b'), 'Forged')$$, '42501', 'new row violates row-level security policy for table "troubleshooting_sessions"', 'a customer cannot start a session for someone else');
select lives_ok($$insert into public.troubleshooting_session_steps (session_id, step_number, step_text, attempted) values ('00000000-0000-4000-e000-00000000000a', 1, 'Check the battery', true)$$, 'a customer records a step of their session');
select throws_ok($$update public.troubleshooting_sessions set resolved = true where id = '00000000-0000-4000-e000-00000000000a'$$, '42501', 'session outcomes are recorded by complete_troubleshooting_session', 'a customer cannot write an outcome directly');
select is_empty($$select 1 from public.analytics_events$$, 'a customer reads no analytics events');
select is_empty($$select 1 from public.retrieval_logs$$, 'a customer reads no retrieval logs');
select throws_ok($$insert into public.entity_links (source_type, source_id, target_type, target_id, link_type, created_by) values ('tickets', gen_random_uuid(), 'tickets', gen_random_uuid(), 'duplicates', (select auth.uid()))$$, '42501', 'new row violates row-level security policy for table "entity_links"', 'a customer cannot link records');
reset role;

select tests.authenticate_as('customer_b');
select is_empty($$select 1 from public.customer_vehicles$$, 'customer B does not see customer A''s vehicle');
select is(tests.affected_rows($$update public.conversations set is_pinned = true where id = '00000000-0000-4000-a000-00000000000a'$$), 0, 'customer B cannot update customer A''s conversation');
select is_empty($$select 1 from public.troubleshooting_sessions$$, 'customer B does not see customer A''s session');
select throws_ok($$insert into public.troubleshooting_session_steps (session_id, step_number, step_text) values ('00000000-0000-4000-e000-00000000000a', 2, 'Injected')$$, '42501', 'new row violates row-level security policy for table "troubleshooting_session_steps"', 'customer B cannot add steps to customer A''s session');
select is_empty($$select 1 from public.messages where conversation_id = '00000000-0000-4000-a000-00000000000a'$$, 'customer B reads none of customer A''s messages');
reset role;

-- ---------------------------------------------------------------- technicians
select tests.authenticate_as('technician');
select is((select count(*)::int from public.kb_articles where slug like 'test-%'), 2, 'a technician reads draft articles too');
select is((select count(*)::int from public.tickets), 3, 'a technician reads all tickets');
select results_eq($$select title from public.conversations order by title$$, array['A thread', 'B thread'], 'a technician reads conversations linked to tickets, not private threads');
select is((select count(*)::int from public.messages where is_internal_note), 1, 'a technician reads internal notes');
select is((select count(*)::int from public.ticket_ai_results), 1, 'a technician reads AI results');
select isnt_empty($$select 1 from public.retrieval_logs$$, 'a technician reads retrieval logs');
select is(tests.affected_rows($$update public.tickets set assigned_to = (select auth.uid()), status = 'assigned' where id = '00000000-0000-4000-b000-00000000000a'$$), 1, 'a technician claims an unassigned ticket');
select lives_ok($$insert into public.messages (conversation_id, sender_id, role, content, is_internal_note) values ('00000000-0000-4000-a000-00000000000a', (select auth.uid()), 'technician', 'Ordered a relay', true)$$, 'a technician writes an internal note');
select lives_ok($$insert into public.work_orders (id, ticket_id, description, estimated_hours, labor_rate) values ('00000000-0000-4000-f000-000000000001', '00000000-0000-4000-b000-00000000000a', 'Replace relay', 1, 80)$$, 'a technician creates a work order for their ticket');
select lives_ok($$insert into public.work_order_parts (work_order_id, part_name, quantity, unit_cost) values ('00000000-0000-4000-f000-000000000001', 'Starter relay', 1, 25)$$, 'a technician adds parts to their work order');
select throws_ok($$insert into public.work_orders (ticket_id, description) values ('00000000-0000-4000-b000-00000000000b', 'Not mine')$$, '42501', 'new row violates row-level security policy for table "work_orders"', 'a technician cannot create a work order for a ticket not assigned to them');
select lives_ok($$insert into public.entity_links (source_type, source_id, target_type, target_id, link_type, created_by) values ('tickets', '00000000-0000-4000-b000-00000000000a', 'kb_articles', '00000000-0000-4000-c000-000000000001', 'explained_by', (select auth.uid()))$$, 'a technician links records');
select throws_ok($$insert into public.customer_analyses (filters) values ('{}')$$, '42501', 'new row violates row-level security policy for table "customer_analyses"', 'a technician cannot start an analysis');
select is_empty($$select 1 from public.analytics_events$$, 'a technician reads no analytics events');
reset role;

select tests.authenticate_as('technician_b');
select is(tests.affected_rows($$update public.tickets set subject = 'Stolen' where id = '00000000-0000-4000-b000-00000000000a'$$), 0, 'another technician cannot update a ticket claimed by someone else');
select is_empty($$select 1 from public.work_orders$$, 'another technician does not read work orders of tickets not theirs');
select throws_ok($$insert into public.work_order_parts (work_order_id, part_name, quantity, unit_cost) values ('00000000-0000-4000-f000-000000000001', 'Extra', 1, 1)$$, '42501', 'new row violates row-level security policy for table "work_order_parts"', 'another technician cannot add parts to that work order');
reset role;

select tests.authenticate_as('customer_b');
select is_empty($$select 1 from public.work_orders$$, 'a customer does not read the work orders of another customer''s ticket');
reset role;

-- ---------------------------------------------------------------- admins
select tests.authenticate_as('admin');
select is((select count(*)::int from public.conversations), 4, 'an admin reads every conversation');
select isnt_empty($$select 1 from public.analytics_events$$, 'an admin reads analytics events');
select lives_ok($$insert into public.customer_analyses (filters) values ('{"customer_ids": []}')$$, 'an admin starts an analysis');
select lives_ok($$insert into public.kb_articles (slug, title, content, category) values ('admin-new', 'New', 'Body', 'billing')$$, 'an admin writes articles');
select is(tests.affected_rows($$delete from public.tickets where id = '00000000-0000-4000-b000-00000000000b'$$), 1, 'an admin deletes a ticket');
reset role;

select * from finish();
rollback;
