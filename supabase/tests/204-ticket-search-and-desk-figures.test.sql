-- Ticket search under RLS, the AI-failed lane's failure rows, and the admin's desk figures (issue 16).
begin;
select plan(11);
select tests.create_support_fixtures();

update public.tickets set subject = 'Spongy brake pedal', content = 'The brakes feel soft' where id = '00000000-0000-4000-b000-00000000000a';
insert into public.messages (conversation_id, sender_id, role, content) values
  ('00000000-0000-4000-a000-00000000000b', tests.user_id('customer_b'), 'user', 'Also my brake light flickers');
insert into public.messages (conversation_id, sender_id, role, content, is_internal_note) values
  ('00000000-0000-4000-a000-00000000000a', tests.user_id('technician'), 'technician', 'Check the alternator wiring', true);

-- ---------------------------------------------------------------- search
select tests.authenticate_as('technician');
select is((select array_agg(ticket_id order by rank desc) from public.search_tickets('brake')),
  array['00000000-0000-4000-b000-00000000000a', '00000000-0000-4000-b000-00000000000b']::uuid[],
  'staff find "brake" in a subject (ranked first) and in a message');
select is((select array_agg(ticket_id) from public.search_tickets('alternator')), array['00000000-0000-4000-b000-00000000000a']::uuid[],
  'staff find words of internal notes');
select is_empty($$select * from public.search_tickets('   ')$$, 'an empty query finds nothing');
select throws_ok($$select * from public.search_tickets('brake', 0)$$, '22023', 'max_results must be between 1 and 100', 'a bad limit is a clear error');
reset role;
select tests.authenticate_as('customer_a');
select is((select array_agg(ticket_id) from public.search_tickets('brake')), array['00000000-0000-4000-b000-00000000000a']::uuid[],
  'a customer finds only their own tickets');
select is_empty($$select * from public.search_tickets('alternator')$$, 'and never through an internal note');
reset role;

-- ---------------------------------------------------------------- AI-failed lane rows
insert into public.tickets (id, customer_id, subject, triage_status) values ('00000000-0000-4000-b000-0000000000f1', tests.user_id('customer_a'), 'Imported failure', 'ai_failed');
select is((select count(*)::int from public.ticket_triage_failures where ticket_id = '00000000-0000-4000-b000-0000000000f1'), 1,
  'a ticket written as ai_failed without the worker gets its failure row (the lane lists it)');
update public.tickets set triage_status = 'processing' where id = '00000000-0000-4000-b000-00000000000b';
update public.tickets set triage_status = 'ai_failed' where id = '00000000-0000-4000-b000-00000000000b';
select is((select count(*)::int from public.ticket_triage_failures where ticket_id = '00000000-0000-4000-b000-00000000000b'), 1, 'and so does one updated to ai_failed');

-- ---------------------------------------------------------------- desk figures
update public.tickets set triage_status = 'processing' where id = '00000000-0000-4000-b000-00000000000a';
update public.tickets set triage_status = 'processed' where id = '00000000-0000-4000-b000-00000000000a';
update public.tickets set assigned_to = tests.user_id('technician'), status = 'assigned' where id = '00000000-0000-4000-b000-00000000000a';
update public.tickets set status = 'resolved' where id = '00000000-0000-4000-b000-00000000000a';
insert into public.ticket_ratings (ticket_id, customer_id, rating) values ('00000000-0000-4000-b000-00000000000a', tests.user_id('customer_a'), 5);
select tests.authenticate_as('admin');
select is((public.desk_performance(30) -> 'csat'), '{"ratings": 1, "satisfied": 1}'::jsonb, 'CSAT counts the ratings and the satisfied ones (4-5)');
select is((select value -> 'satisfied' from jsonb_array_elements(public.desk_performance(30) -> 'technicians') value where value ->> 'technician_id' = tests.user_id('technician')::text),
  '1'::jsonb, 'per technician');
reset role;
select tests.authenticate_as('technician');
select throws_ok($$select public.desk_performance(30)$$, '42501', 'only admins can read the desk figures', 'the figures are for admins');
reset role;

select * from finish();
rollback;
