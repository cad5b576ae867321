-- Customer satisfaction (one rating per ticket, only by its customer, only once resolved) and canned replies
-- (personal vs shared visibility, variables, macro actions) — issue 16.
begin;
select plan(21);
select tests.create_support_fixtures();

update public.tickets set triage_status = 'processing' where id = '00000000-0000-4000-b000-00000000000a';
update public.tickets set triage_status = 'processed' where id = '00000000-0000-4000-b000-00000000000a';
select tests.authenticate_as('technician');
update public.tickets set assigned_to = (select auth.uid()), status = 'assigned' where id = '00000000-0000-4000-b000-00000000000a';
reset role;

-- ---------------------------------------------------------------- CSAT
select tests.authenticate_as('customer_a');
select throws_ok($$insert into public.ticket_ratings (ticket_id, customer_id, rating) values ('00000000-0000-4000-b000-00000000000a', (select auth.uid()), 5)$$,
  '42501', 'new row violates row-level security policy for table "ticket_ratings"', 'a ticket still being worked cannot be rated');
reset role;
select tests.authenticate_as('technician');
update public.tickets set status = 'resolved' where id = '00000000-0000-4000-b000-00000000000a';
select throws_ok($$insert into public.ticket_ratings (ticket_id, customer_id, rating) values ('00000000-0000-4000-b000-00000000000a', tests.user_id('customer_a'), 5)$$,
  '42501', 'new row violates row-level security policy for table "ticket_ratings"', 'a technician cannot rate for the customer');
reset role;
select tests.authenticate_as('customer_b');
select throws_ok($$insert into public.ticket_ratings (ticket_id, customer_id, rating) values ('00000000-0000-4000-b000-00000000000a', (select auth.uid()), 1)$$,
  '42501', 'new row violates row-level security policy for table "ticket_ratings"', 'another customer cannot rate the ticket');
reset role;
select tests.authenticate_as('customer_a');
select lives_ok($$insert into public.ticket_ratings (ticket_id, customer_id, rating, comment) values ('00000000-0000-4000-b000-00000000000a', (select auth.uid()), 4, 'Quick and clear')$$,
  'the customer rates their resolved ticket');
select throws_ok($$insert into public.ticket_ratings (ticket_id, customer_id, rating) values ('00000000-0000-4000-b000-00000000000a', (select auth.uid()), 5)$$,
  '23505', null, 'one rating per ticket');
select throws_ok($$update public.ticket_ratings set rating = 5$$, '42501', 'permission denied for table ticket_ratings', 'a rating cannot be changed afterwards');
reset role;
select is((select technician_id from public.ticket_ratings where ticket_id = '00000000-0000-4000-b000-00000000000a'), tests.user_id('technician'), 'the rating keeps the ticket''s technician');
select is((select details from public.ticket_events where ticket_id = '00000000-0000-4000-b000-00000000000a' and kind = 'rated'), '{"rating": 4, "comment": "Quick and clear"}'::jsonb, 'the rating is on the timeline');
select is((select count(*)::int from public.analytics_events where event_type = 'ticket_rated'), 1, 'and an analytics event');
select tests.authenticate_as('customer_b');
select is_empty($$select 1 from public.ticket_ratings$$, 'customers do not read others'' ratings');
reset role;
select tests.authenticate_as('technician_b');
select isnt_empty($$select 1 from public.ticket_ratings$$, 'staff read ratings');
reset role;

-- ---------------------------------------------------------------- canned replies: visibility
delete from public.canned_replies;
select tests.authenticate_as('technician');
select lives_ok($$insert into public.canned_replies (id, shortcut, title, body, owner_id, set_status, internal_note)
  values ('00000000-0000-4000-c100-000000000001', 'mine', 'Mine', 'Hi {{customer.first_name}}, {{ticket.number}}: {{technician.first_name}} here. {{unknown}}', (select auth.uid()), 'waiting_on_customer', 'Asked {{customer.name}} for photos')$$,
  'a technician adds a personal canned reply');
select throws_ok($$insert into public.canned_replies (shortcut, title, body) values ('shared', 'Shared', 'Hello')$$,
  '42501', 'new row violates row-level security policy for table "canned_replies"', 'a technician cannot add a shared one');
reset role;
select tests.authenticate_as('admin');
select lives_ok($$insert into public.canned_replies (id, shortcut, title, body) values ('00000000-0000-4000-c100-000000000002', 'shared', 'Shared', 'Hello {{customer.first_name}}')$$, 'an admin adds a shared canned reply');
reset role;
select tests.authenticate_as('technician_b');
select is((select array_agg(shortcut order by shortcut) from public.canned_replies), array['shared'], 'another technician sees the shared reply, not the personal one');
select throws_ok($$select * from public.render_canned_reply('00000000-0000-4000-c100-000000000001', '00000000-0000-4000-b000-00000000000a')$$, 'P0002', null,
  'nor can they render it');
select is(tests.affected_rows($$update public.canned_replies set body = 'x'$$), 0, 'a technician cannot change a shared reply');
reset role;
select tests.authenticate_as('customer_a');
select is_empty($$select 1 from public.canned_replies$$, 'customers see no canned replies');
reset role;

-- ---------------------------------------------------------------- variables and macro actions
select tests.authenticate_as('technician');
update public.tickets set status = 'in_progress' where id = '00000000-0000-4000-b000-00000000000a';
select results_eq($$select body, set_status, internal_note from public.render_canned_reply('00000000-0000-4000-c100-000000000001', '00000000-0000-4000-b000-00000000000a')$$,
  $$select 'Hi Customer, ' || number || ': Technician here. {{unknown}}', 'waiting_on_customer', 'Asked Customer A for photos' from public.tickets where id = '00000000-0000-4000-b000-00000000000a'$$,
  'the variables are filled from the ticket, its customer and the technician; unknown ones stay');
select public.apply_canned_reply_actions('00000000-0000-4000-c100-000000000001', '00000000-0000-4000-b000-00000000000a');
select results_eq($$select status::text from public.tickets where id = '00000000-0000-4000-b000-00000000000a'$$, $$values ('waiting_on_customer')$$, 'the macro sets the ticket''s status');
select is((select count(*)::int from public.messages where conversation_id = '00000000-0000-4000-a000-00000000000a' and is_internal_note
  and content = 'Asked Customer A for photos' and sender_id = tests.user_id('technician')), 1, 'and adds its internal note, by the technician');
reset role;

select * from finish();
rollback;
