-- Customer chat: read markers (an allow and a deny case per policy) and the system messages that tell the customer
-- in their chat when a technician takes their ticket and when it is resolved.
begin;
select plan(14);
select tests.create_support_fixtures();

-- Fixture: conversation A (customer_a, linked to ticket A), conversation B (customer_b, ticket B).
-- insert policy: allow for the conversation's customer, deny for someone else's conversation
select tests.authenticate_as('customer_a');
select isnt(public.mark_conversation_read('00000000-0000-4000-a000-00000000000a'), null, 'a customer marks their own conversation read');
select throws_ok($$ select public.mark_conversation_read('00000000-0000-4000-a000-00000000000b') $$, '42501', null,
  'a customer cannot mark another customer''s conversation read');

-- select policy: own markers only
select is((select count(*)::int from public.conversation_read_markers), 1, 'a customer reads their own read marker');
select tests.authenticate_as('customer_b');
select is((select count(*)::int from public.conversation_read_markers), 0, 'a customer cannot read another person''s read marker');

-- update policy: own markers move (and only forward); another person's cannot be touched
select tests.authenticate_as('customer_a');
select lives_ok($$ select public.mark_conversation_read('00000000-0000-4000-a000-00000000000a') $$, 'marking again moves the customer''s own marker');
select tests.authenticate_as('customer_b');
select is(tests.affected_rows($$ update public.conversation_read_markers set last_read_at = now() + interval '1 day' $$), 0,
  'a customer cannot move another person''s read marker');
select tests.authenticate_as('customer_a');
select throws_ok($$ update public.conversation_read_markers set user_id = tests.user_id('customer_b') $$, '42501', null,
  'a marker cannot be handed to someone else');

-- staff who can see the conversation may mark it; anonymous visitors may not call the function at all
select tests.authenticate_as('technician');
select isnt(public.mark_conversation_read('00000000-0000-4000-a000-00000000000a'), null, 'a technician marks a ticket''s conversation read');
select tests.authenticate_as_anon();
select throws_ok($$ select public.mark_conversation_read('00000000-0000-4000-a000-00000000000a') $$, '42501', null,
  'anonymous visitors cannot mark conversations read');
select tests.clear_authentication();
reset role;

-- Progress in the chat: claiming, then resolving, writes one system message each, and the technician joins the thread.
update public.tickets set assigned_to = tests.user_id('technician'), status = 'assigned' where id = '00000000-0000-4000-b000-00000000000a';
select is((select count(*)::int from public.messages where conversation_id = '00000000-0000-4000-a000-00000000000a' and role = 'system' and content like '%has joined%'), 1,
  'taking the ticket tells the customer in their chat');
select is((select assigned_technician_id from public.conversations where id = '00000000-0000-4000-a000-00000000000a'), tests.user_id('technician'),
  'the technician who took the ticket joins its conversation');
update public.tickets set status = 'resolved' where id = '00000000-0000-4000-b000-00000000000a';
select is((select count(*)::int from public.messages where conversation_id = '00000000-0000-4000-a000-00000000000a' and role = 'system' and content like '%has been resolved%'), 1,
  'resolving the ticket tells the customer in their chat');
update public.tickets set priority = 'high' where id = '00000000-0000-4000-b000-00000000000a';
select is((select count(*)::int from public.messages where conversation_id = '00000000-0000-4000-a000-00000000000a' and role = 'system'), 2,
  'other ticket edits say nothing in the chat');

-- The customer sees the system messages (they are not internal notes).
select tests.authenticate_as('customer_a');
select is((select count(*)::int from public.messages where role = 'system'), 2, 'the customer reads the progress messages');

select * from finish();
rollback;
