-- Triage corrections and the one priority (issue 15): staff correct category, urgency and sentiment; each change is
-- stored once, on the timeline, with the model that produced the value, and a re-triage keeps it. Triage's urgency
-- sets the priority unless a person chose it.
begin;
select plan(20);
select tests.create_support_fixtures();

-- Ticket a is triaged: medium urgency gives the priority normal, set by triage.
select private.record_triage_success((select id from private.jobs where payload ->> 'ticket_id' = '00000000-0000-4000-b000-00000000000a'),
  '00000000-0000-4000-b000-00000000000a',
  '{"category":"billing","sentiment_score":5,"urgency":"low","draft_reply":"Hello","confidence":0.6,"model":"local-triage-v7","provider":"local","reasoning":"r"}');
select results_eq($$select priority::text, priority_set_by::text from public.tickets where id = '00000000-0000-4000-b000-00000000000a'$$,
  $$values ('low', 'triage')$$, 'triage''s low urgency sets the priority low, recorded as set by triage');

-- ---------------------------------------------------------------------------------------------------------------
-- Only staff may correct
-- ---------------------------------------------------------------------------------------------------------------
select tests.authenticate_as('customer_a');
select throws_ok($$select public.correct_ticket_triage('00000000-0000-4000-b000-00000000000a', 'urgency', 'high')$$,
  '42501', 'only technicians and admins can correct triage', 'a customer cannot correct the triage of their own ticket');
select is_empty($$select * from public.triage_corrections$$, 'customers read no corrections');
select throws_ok($$insert into public.triage_corrections (ticket_id, field, from_value, to_value) values ('00000000-0000-4000-b000-00000000000a', 'urgency', 'low', 'high')$$,
  '42501', 'new row violates row-level security policy for table "triage_corrections"', 'a customer cannot write a correction row directly');
reset role;
select tests.authenticate_as('technician');
select throws_ok($$insert into public.triage_corrections (ticket_id, field, from_value, to_value) values ('00000000-0000-4000-b000-00000000000a', 'urgency', 'low', 'high')$$,
  '42501', 'new row violates row-level security policy for table "triage_corrections"', 'staff write corrections only through correct_ticket_triage');

-- ---------------------------------------------------------------------------------------------------------------
-- One row per change
-- ---------------------------------------------------------------------------------------------------------------
select is(public.correct_ticket_triage('00000000-0000-4000-b000-00000000000a', 'urgency', 'high'), true, 'a technician corrects the urgency');
select is(public.correct_ticket_triage('00000000-0000-4000-b000-00000000000a', 'urgency', 'high'), false, 'the same value again is no change');
select is(public.correct_ticket_triage('00000000-0000-4000-b000-00000000000a', 'sentiment', '2'), true, 'a technician corrects the sentiment');
select is(public.correct_ticket_triage('00000000-0000-4000-b000-00000000000a', 'category', 'billing'), false, 'confirming triage''s category is no change');
select results_eq($$select field, from_value, to_value, corrected_by, model_version, provider from public.triage_corrections order by id$$,
  $$values ('urgency', 'low', 'high', tests.user_id('technician'), 'local-triage-v7', 'local'), ('sentiment', '5', '2', tests.user_id('technician'), 'local-triage-v7', 'local')$$,
  'one row per change: field, from, to, who and the model and provider that produced the value');
select results_eq($$select kind::text, details ->> 'field', details ->> 'from', details ->> 'to', actor_id from public.ticket_timeline
    where ticket_id = '00000000-0000-4000-b000-00000000000a' and kind = 'triage_corrected' order by event_id$$,
  $$values ('triage_corrected', 'urgency', 'low', 'high', tests.user_id('technician')), ('triage_corrected', 'sentiment', '5', '2', tests.user_id('technician'))$$,
  'each correction is on the ticket''s timeline, by its technician');
select results_eq($$select urgency::text, priority::text, priority_set_by::text, priority_set_by_id from public.tickets where id = '00000000-0000-4000-b000-00000000000a'$$,
  $$values ('high', 'high', 'staff', tests.user_id('technician'))$$, 'the corrected urgency sets the priority, now set by the technician');
select throws_ok($$select public.correct_ticket_triage('00000000-0000-4000-b000-00000000000a', 'urgency', 'critical')$$,
  '22023', 'urgency is high, medium or low', 'an unknown urgency is a clear error');
select throws_ok($$select public.correct_ticket_triage('00000000-0000-4000-b000-00000000000a', 'sentiment', '11')$$,
  '22023', 'sentiment is a whole number from 1 to 10', 'a sentiment outside 1-10 is a clear error');
select throws_ok($$select public.correct_ticket_triage('00000000-0000-4000-b000-00000000dead', 'urgency', 'low')$$,
  'P0002', 'no such ticket', 'a missing ticket is a clear error');
reset role;

-- ---------------------------------------------------------------------------------------------------------------
-- A re-triage keeps the corrections
-- ---------------------------------------------------------------------------------------------------------------
select private.record_triage_success(null, '00000000-0000-4000-b000-00000000000a',
  '{"category":"technical","sentiment_score":8,"urgency":"medium","draft_reply":"Again","confidence":0.7,"model":"local-triage-v8","provider":"local","reasoning":"r"}');
select results_eq($$select ticket.category::text, ticket.urgency::text, ai.sentiment_score, ai.model from public.tickets ticket
    join public.ticket_ai_results ai on ai.ticket_id = ticket.id where ticket.id = '00000000-0000-4000-b000-00000000000a'$$,
  $$values ('technical', 'high', 2, 'local-triage-v8')$$,
  're-triage keeps the corrected urgency and sentiment; the field nobody corrected (category) takes the new result');
select is((select count(*)::int from public.triage_corrections), 2, 're-triage adds no correction and changes none');

-- ---------------------------------------------------------------------------------------------------------------
-- A priority a person chose stays
-- ---------------------------------------------------------------------------------------------------------------
select tests.authenticate_as('customer_b');
insert into public.tickets (id, customer_id, subject, priority) values ('00000000-0000-4000-b000-000000000210', tests.user_id('customer_b'), 'Please hurry', 'urgent');
reset role;
select results_eq($$select priority::text, priority_set_by::text, priority_set_by_id from public.tickets where id = '00000000-0000-4000-b000-000000000210'$$,
  $$values ('urgent', 'customer', tests.user_id('customer_b'))$$, 'a priority chosen when opening the ticket is the customer''s');
select private.record_triage_success(null, '00000000-0000-4000-b000-000000000210',
  '{"category":"technical","sentiment_score":5,"urgency":"low","draft_reply":"Hi","confidence":0.7,"model":"m","provider":"local","reasoning":"r"}');
select results_eq($$select urgency::text, priority::text, priority_set_by::text from public.tickets where id = '00000000-0000-4000-b000-000000000210'$$,
  $$values ('low', 'urgent', 'customer')$$, 'triage does not override the customer''s priority');
select tests.authenticate_as('admin');
update public.tickets set priority = 'high', priority_set_by = 'triage' where id = '00000000-0000-4000-b000-00000000000b';
reset role;
select results_eq($$select priority::text, priority_set_by::text, priority_set_by_id from public.tickets where id = '00000000-0000-4000-b000-00000000000b'$$,
  $$values ('high', 'staff', tests.user_id('admin'))$$, 'staff setting the priority are recorded as staff, whatever the update claims');

select * from finish();
rollback;
