-- Reopen, follow-up, auto-close and status that follows the work (issue 16): rules of the database, so they hold for
-- any writer.
begin;
select plan(27);
select tests.create_support_fixtures();

create function tests.status_of(ticket uuid) returns text language sql as $$ select status from public.tickets where id = ticket $$;
create function tests.kinds(ticket uuid) returns text[] language sql as $$
  select coalesce(array_agg(kind::text order by id), '{}') from public.ticket_events where ticket_id = ticket
$$;
grant execute on function tests.status_of(uuid), tests.kinds(uuid) to authenticated;

-- customer_a's ticket, claimed and resolved by the technician
update public.tickets set triage_status = 'processing' where id = '00000000-0000-4000-b000-00000000000a';
update public.tickets set triage_status = 'processed' where id = '00000000-0000-4000-b000-00000000000a';
select tests.authenticate_as('technician');
update public.tickets set assigned_to = (select auth.uid()), status = 'assigned' where id = '00000000-0000-4000-b000-00000000000a';
-- ---------------------------------------------------------------- status follows the work
insert into public.work_orders (id, ticket_id, description) values ('00000000-0000-4000-f000-000000000001', '00000000-0000-4000-b000-00000000000a', 'Bleed the brakes');
select is(tests.status_of('00000000-0000-4000-b000-00000000000a'), 'assigned', 'creating a work order leaves the ticket assigned');
update public.work_orders set status = 'in_progress' where id = '00000000-0000-4000-f000-000000000001';
select is(tests.status_of('00000000-0000-4000-b000-00000000000a'), 'in_progress', 'starting a work order moves the ticket to in_progress');
update public.work_orders set status = 'completed', actual_hours = 1 where id = '00000000-0000-4000-f000-000000000001';
select is(tests.status_of('00000000-0000-4000-b000-00000000000a'), 'in_progress', 'completing the last work order does not resolve by itself (the desk suggests it)');
update public.tickets set status = 'waiting_on_customer' where id = '00000000-0000-4000-b000-00000000000a';
insert into public.work_orders (id, ticket_id, description) values ('00000000-0000-4000-f000-000000000002', '00000000-0000-4000-b000-00000000000a', 'Check again');
update public.work_orders set status = 'in_progress' where id = '00000000-0000-4000-f000-000000000002';
select is(tests.status_of('00000000-0000-4000-b000-00000000000a'), 'in_progress', 'starting work on a ticket waiting on the customer puts it back in progress');
update public.work_orders set status = 'completed', actual_hours = 1 where id = '00000000-0000-4000-f000-000000000002';
update public.tickets set status = 'resolved' where id = '00000000-0000-4000-b000-00000000000a';

-- ---------------------------------------------------------------- reopen
insert into public.messages (conversation_id, sender_id, role, content) values ('00000000-0000-4000-a000-00000000000a', (select auth.uid()), 'technician', 'Glad it works.');
select is(tests.status_of('00000000-0000-4000-b000-00000000000a'), 'resolved', 'a technician''s message does not reopen a resolved ticket');
reset role;
insert into public.messages (conversation_id, role, content) values ('00000000-0000-4000-a000-00000000000a', 'system', 'Ticket resolved.');
select is(tests.status_of('00000000-0000-4000-b000-00000000000a'), 'resolved', 'a system message does not reopen it');
select tests.authenticate_as('customer_a');
insert into public.messages (conversation_id, sender_id, role, content) values ('00000000-0000-4000-a000-00000000000a', (select auth.uid()), 'user', 'Still spongy after the repair');
reset role;
select is(tests.status_of('00000000-0000-4000-b000-00000000000a'), 'in_progress', 'a customer''s message reopens the resolved ticket');
select is((select assigned_to from public.tickets where id = '00000000-0000-4000-b000-00000000000a'), tests.user_id('technician'), '... to the technician who had it (back in their lane)');
select is((tests.kinds('00000000-0000-4000-b000-00000000000a'))[array_length(tests.kinds('00000000-0000-4000-b000-00000000000a'), 1) - 1:],
  array['reopened', 'message_sent'], 'the timeline says reopened, then the customer''s message');
select is((select actor_id from public.ticket_events where ticket_id = '00000000-0000-4000-b000-00000000000a' and kind = 'reopened'), tests.user_id('customer_a'), 'the customer is the actor of the reopening');
select is((select details from public.ticket_events where ticket_id = '00000000-0000-4000-b000-00000000000a' and kind = 'reopened'), '{"from": "resolved", "to": "in_progress"}'::jsonb, 'the reopened row says from and to');

-- ---------------------------------------------------------------- auto-close after the quiet period
select tests.authenticate_as('technician');
update public.tickets set status = 'resolved' where id = '00000000-0000-4000-b000-00000000000a';
reset role;
select is(private.close_quiet_resolved_tickets(), 0, 'a ticket resolved just now is not closed');
update public.tickets set resolved_at = now() - interval '8 days' where id = '00000000-0000-4000-b000-00000000000a';
update public.conversations set last_message_at = now() - interval '1 day' where id = '00000000-0000-4000-a000-00000000000a';
select is(private.close_quiet_resolved_tickets(), 0, 'a message within the quiet period keeps it open');
update public.conversations set last_message_at = now() - interval '8 days' where id = '00000000-0000-4000-a000-00000000000a';
select is(private.close_quiet_resolved_tickets(), 1, 'resolved and quiet for longer than close_resolved_after (7 days): closed');
select is(tests.status_of('00000000-0000-4000-b000-00000000000a'), 'closed', 'the ticket is closed');
select ok((select count(*) = 1 from cron.job where jobname = 'close-quiet-resolved-tickets' and command = 'select private.close_quiet_resolved_tickets()'), 'pg_cron runs the auto-close');

-- ---------------------------------------------------------------- follow-up on a closed ticket
select tests.authenticate_as('technician');
insert into public.messages (conversation_id, sender_id, role, content) values ('00000000-0000-4000-a000-00000000000a', (select auth.uid()), 'technician', 'Checking in.');
reset role;
select is((select count(*)::int from public.tickets where follow_up_of = '00000000-0000-4000-b000-00000000000a'), 0, 'a technician''s message on a closed ticket opens nothing');
select tests.authenticate_as('customer_a');
insert into public.messages (conversation_id, sender_id, role, content) values ('00000000-0000-4000-a000-00000000000a', (select auth.uid()), 'user', 'The pedal is soft again');
reset role;
select results_eq($$select subject, content, status::text, assigned_to, customer_id from public.tickets where follow_up_of = '00000000-0000-4000-b000-00000000000a'$$,
  $$values ('Follow-up: No start', 'The pedal is soft again', 'unassigned', null::uuid, tests.user_id('customer_a'))$$,
  'a customer''s message on a closed ticket opens one linked follow-up with their words, in the queue');
select is((select ticket_id from public.conversations where id = '00000000-0000-4000-a000-00000000000a'), (select id from public.tickets where follow_up_of = '00000000-0000-4000-b000-00000000000a'),
  'the follow-up takes over the conversation');
select is(tests.status_of('00000000-0000-4000-b000-00000000000a'), 'closed', 'the closed ticket stays closed');
select is((select details ->> 'follow_up_id' from public.ticket_events where ticket_id = '00000000-0000-4000-b000-00000000000a' and kind = 'follow_up_opened'),
  (select id::text from public.tickets where follow_up_of = '00000000-0000-4000-b000-00000000000a'), 'the closed ticket''s timeline links the follow-up');

-- ---------------------------------------------------------------- the customer's reply from the ticket page
insert into public.tickets (id, customer_id, subject, status, assigned_to, triage_status)
values ('00000000-0000-4000-b000-0000000000c1', tests.user_id('customer_b'), 'Web form ticket', 'resolved', tests.user_id('technician'), 'resolved');
select tests.authenticate_as('customer_a');
select throws_ok($$select public.reply_to_my_ticket('00000000-0000-4000-b000-0000000000c1', 'Hello')$$, 'P0002', null, 'a customer cannot reply on another''s ticket');
reset role;
select tests.authenticate_as('customer_b');
select throws_ok($$select public.reply_to_my_ticket('00000000-0000-4000-b000-0000000000c1', '  ')$$, '22023', 'a reply needs between 1 and 10000 characters', 'an empty reply is refused clearly');
select is(public.reply_to_my_ticket('00000000-0000-4000-b000-0000000000c1', 'Still noisy'), '00000000-0000-4000-b000-0000000000c1'::uuid, 'the customer replies on a ticket without a conversation');
reset role;
select results_eq($$select status::text, (select count(*)::int from public.messages m where m.conversation_id = t.conversation_id and m.role = 'user') from public.tickets t where id = '00000000-0000-4000-b000-0000000000c1'$$,
  $$values ('in_progress', 1)$$, 'its conversation is opened, the message stored, and the resolved ticket reopened');

-- ---------------------------------------------------------------- desk settings
select tests.authenticate_as('technician');
select is(tests.affected_rows($$update public.desk_settings set close_resolved_after = interval '1 day'$$), 0, 'technicians cannot change the desk settings (policy: Admins can change the desk settings)');
reset role;
select tests.authenticate_as('admin');
select is(tests.affected_rows($$update public.desk_settings set close_resolved_after = interval '3 days'$$), 1, 'admins can change the quiet period');
reset role;

select * from finish();
rollback;
