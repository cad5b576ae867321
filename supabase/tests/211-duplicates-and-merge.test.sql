-- Possible duplicates and merging (issue 15): a close match of an open ticket is flagged; a merge moves every child
-- row to the survivor and leaves the duplicate merged, pointing at it, off the SLA clock and out of bulk actions;
-- customers cannot merge; a merge across customers needs confirming.
begin;
select plan(23);
select tests.create_support_fixtures();

-- customer_a's first ticket (fixture a, with its conversation) and a second one about the same problem.
insert into public.tickets (id, customer_id, subject, content, status, assigned_to, created_at) values
  ('00000000-0000-4000-b000-000000000211', tests.user_id('customer_a'), 'No start', 'Clicking noise when I turn the key', 'assigned', tests.user_id('technician'), now() + interval '1 second');
insert into public.conversations (id, customer_id, title, solution_area, ticket_id)
values ('00000000-0000-4000-a000-000000000211', tests.user_id('customer_a'), 'Again', 'test-area', '00000000-0000-4000-b000-000000000211');
update public.tickets set conversation_id = '00000000-0000-4000-a000-000000000211' where id = '00000000-0000-4000-b000-000000000211';
insert into public.messages (conversation_id, sender_id, role, content) values
  ('00000000-0000-4000-a000-000000000211', tests.user_id('customer_a'), 'user', 'It clicks again'),
  ('00000000-0000-4000-a000-000000000211', tests.user_id('customer_a'), 'user', 'Still clicking');
insert into public.work_orders (id, ticket_id, description) values
  ('00000000-0000-4000-e000-000000000211', '00000000-0000-4000-b000-000000000211', 'Check the starter');
update public.work_orders set status = 'in_progress' where id = '00000000-0000-4000-e000-000000000211';
update public.work_orders set status = 'completed' where id = '00000000-0000-4000-e000-000000000211';

-- ---------------------------------------------------------------------------------------------------------------
-- Flagging
-- ---------------------------------------------------------------------------------------------------------------
select private.flag_possible_duplicate('00000000-0000-4000-b000-000000000211');
select results_eq($$select duplicate_of, same_customer from public.possible_duplicates where ticket_id = '00000000-0000-4000-b000-000000000211'$$,
  $$values ('00000000-0000-4000-b000-00000000000a'::uuid, true)$$, 'the same customer''s second ticket about the same problem is flagged as a possible duplicate of the first');
insert into public.tickets (id, customer_id, subject, content, created_at) values
  ('00000000-0000-4000-b000-000000000212', tests.user_id('customer_b'), 'Wipers squeak', 'The rear wiper squeaks on glass', now() + interval '2 seconds');
select private.flag_possible_duplicate('00000000-0000-4000-b000-000000000212');
select is_empty($$select * from public.possible_duplicates where ticket_id = '00000000-0000-4000-b000-000000000212'$$, 'an unrelated ticket is not flagged');
insert into public.ticket_ai_results (ticket_id, category, sentiment_score, urgency, confidence, model)
values ('00000000-0000-4000-b000-000000000212', 'technical', 5, 'low', 0.5, 'local-test');
insert into public.tickets (id, customer_id, subject, content, created_at) values
  ('00000000-0000-4000-b000-000000000213', tests.user_id('customer_a'), 'Rear wiper squeaks', 'The rear wiper squeaks on the glass', now() + interval '3 seconds');
insert into public.ticket_ai_results (ticket_id, category, sentiment_score, urgency, confidence, model)
values ('00000000-0000-4000-b000-000000000213', 'technical', 5, 'low', 0.5, 'local-test');
select results_eq($$select duplicate_of, same_customer from public.possible_duplicates where ticket_id = '00000000-0000-4000-b000-000000000213'$$,
  $$values ('00000000-0000-4000-b000-000000000212'::uuid, false)$$, 'another customer''s ticket about the same problem is flagged once it is triaged');
select tests.authenticate_as('customer_a');
select is_empty($$select * from public.possible_duplicates$$, 'customers read no possible duplicates');
reset role;

-- ---------------------------------------------------------------------------------------------------------------
-- Who may merge
-- ---------------------------------------------------------------------------------------------------------------
select tests.authenticate_as('customer_a');
select throws_ok($$select public.merge_tickets('00000000-0000-4000-b000-000000000211', '00000000-0000-4000-b000-00000000000a', false)$$,
  '42501', 'only technicians and admins can merge tickets', 'a customer cannot merge, not even their own tickets');
select tests.authenticate_as('technician');
select throws_ok($$update public.tickets set status = 'merged', merged_into = '00000000-0000-4000-b000-00000000000a' where id = '00000000-0000-4000-b000-000000000211'$$,
  '23514', 'a ticket is merged only through merge_tickets, and not once closed', 'nobody marks a ticket merged by hand, not even its technician');
reset role;
select tests.authenticate_as('technician');
select throws_ok($$select public.merge_tickets('00000000-0000-4000-b000-000000000213', '00000000-0000-4000-b000-000000000212', false)$$,
  'P0001', format('tickets %s and %s belong to different customers: confirm to merge them',
    (select number from public.tickets where id = '00000000-0000-4000-b000-000000000213'), (select number from public.tickets where id = '00000000-0000-4000-b000-000000000212')),
  'a merge across customers is refused unless confirmed');
select throws_ok($$select public.merge_tickets('00000000-0000-4000-b000-000000000211', '00000000-0000-4000-b000-000000000211')$$,
  '22023', 'choose two different tickets to merge', 'a ticket is not merged into itself');

-- ---------------------------------------------------------------------------------------------------------------
-- A merge moves every child row
-- ---------------------------------------------------------------------------------------------------------------
select is((select (public.merge_tickets('00000000-0000-4000-b000-000000000211', '00000000-0000-4000-b000-00000000000a', false)) ->> 'moved_messages'), '2',
  'a technician merges the second ticket into the first; its two messages move');
reset role;
select results_eq($$select status::text, merged_into, triage_status::text, sla_due_at, sla_policy_id from public.tickets where id = '00000000-0000-4000-b000-000000000211'$$,
  $$values ('merged', '00000000-0000-4000-b000-00000000000a'::uuid, 'resolved', null::timestamptz, null::uuid)$$,
  'the duplicate is merged, points at the survivor and has left the SLA clock');
select is((select count(*)::int from public.messages where conversation_id = '00000000-0000-4000-a000-000000000211'), 0, 'no message is left on the duplicate''s conversation');
select is((select count(*)::int from public.messages where conversation_id = '00000000-0000-4000-a000-00000000000a' and content in ('It clicks again', 'Still clicking')), 2,
  'the messages are on the survivor''s conversation');
select is((select ticket_id from public.work_orders where id = '00000000-0000-4000-e000-000000000211'), '00000000-0000-4000-b000-00000000000a'::uuid,
  'the (completed) work order moved to the survivor');
select is((select status::text from public.work_orders where id = '00000000-0000-4000-e000-000000000211'), 'completed', 'and stays completed');
select is((select count(*)::int from public.ticket_events where ticket_id = '00000000-0000-4000-b000-000000000211' and kind not in ('merged', 'status_changed')), 0,
  'every earlier timeline row of the duplicate moved: only the merge (and its status change) are there');
select ok((select count(*) from public.ticket_events where ticket_id = '00000000-0000-4000-b000-00000000000a' and kind in ('work_order_created', 'work_order_completed')) = 2,
  'the survivor''s timeline has the moved work-order rows');
select results_eq($$select ticket_id, details ->> 'survivor_number', details ->> 'duplicate_number' from public.ticket_events where kind = 'merged' order by ticket_id$$,
  $$values ('00000000-0000-4000-b000-00000000000a'::uuid, null, (select number from public.tickets where id = '00000000-0000-4000-b000-000000000211')),
           ('00000000-0000-4000-b000-000000000211'::uuid, (select number from public.tickets where id = '00000000-0000-4000-b000-00000000000a'), null)$$,
  'both timelines say which ticket was merged into which');
select is((select count(*)::int from public.analytics_events where event_type = 'tickets_merged'), 1, 'the merge is logged');
select is_empty($$select * from public.possible_duplicates where ticket_id = '00000000-0000-4000-b000-000000000211'$$, 'the merged ticket is no longer flagged');

-- ---------------------------------------------------------------------------------------------------------------
-- A merged ticket is done with
-- ---------------------------------------------------------------------------------------------------------------
select tests.authenticate_as('technician');
select results_eq($$select ticket_id, done, error from public.bulk_update_tickets(array['00000000-0000-4000-b000-000000000211', '00000000-0000-4000-b000-000000000212']::uuid[], 'assign', tests.user_id('technician')::text) order by ticket_id$$,
  $$values ('00000000-0000-4000-b000-000000000211'::uuid, false, format('ticket %s was merged into %s', (select number from public.tickets where id = '00000000-0000-4000-b000-000000000211'), (select number from public.tickets where id = '00000000-0000-4000-b000-00000000000a'))),
           ('00000000-0000-4000-b000-000000000212'::uuid, true, null)$$,
  'a bulk action refuses the merged ticket by name and does the others');
reset role;
insert into public.work_orders (id, ticket_id, description) values ('00000000-0000-4000-e000-000000000213', '00000000-0000-4000-b000-000000000213', 'Replace the wiper blade');
select tests.authenticate_as('technician');
select is((select (public.merge_tickets('00000000-0000-4000-b000-000000000213', '00000000-0000-4000-b000-000000000212', true)) ->> 'cross_customer'), 'true',
  'confirmed, a merge across customers goes through');
select is((select ticket_id from public.work_orders where id = '00000000-0000-4000-e000-000000000213'), '00000000-0000-4000-b000-000000000213'::uuid,
  'across customers the work order stays with its own customer''s ticket (the other customer never reads it)');
select throws_ok($$select public.merge_tickets('00000000-0000-4000-b000-000000000211', '00000000-0000-4000-b000-000000000212', true)$$,
  '23514', format('ticket %s is merged and cannot be merged', (select number from public.tickets where id = '00000000-0000-4000-b000-000000000211')),
  'a merged ticket is not merged again');
reset role;

select * from finish();
rollback;
