-- Ticket claims: claim_ticket, claim_next_ticket, release_ticket — who may call them and what each answers.
-- (Fifty technicians claiming one ticket at once needs fifty sessions: tests/desk/claim.test.ts.)
begin;
select plan(30);
select tests.create_support_fixtures();

-- Fixture tickets: a = customer_a's (triaged low), b = customer_b's (triaged high); c = medium, d = not yet triaged.
update public.tickets set urgency = 'low' where id = '00000000-0000-4000-b000-00000000000a';
update public.tickets set urgency = 'high' where id = '00000000-0000-4000-b000-00000000000b';
insert into public.tickets (id, customer_id, subject, urgency, created_at) values
  ('00000000-0000-4000-b000-00000000000c', tests.user_id('customer_a'), 'Medium one', 'medium', now() - interval '1 day'),
  ('00000000-0000-4000-b000-00000000000d', tests.user_id('customer_b'), 'Untriaged one', null, now() - interval '2 days');

select has_function('public', 'claim_ticket', array['uuid'], 'public.claim_ticket(uuid) exists');
select is((select prosecdef from pg_proc where oid = 'public.claim_ticket(uuid)'::regprocedure), false,
  'public.claim_ticket is a thin security-invoker wrapper');
select is((select prosecdef and proconfig @> array['search_path=""'] from pg_proc where oid = 'private.claim_ticket(uuid)'::regprocedure), true,
  'private.claim_ticket is security definer with an empty search_path');
select is(has_function_privilege('anon', 'public.claim_ticket(uuid)', 'execute'), false, 'anon cannot execute claim_ticket');
select is(has_function_privilege('anon', 'public.claim_next_ticket()', 'execute'), false, 'anon cannot execute claim_next_ticket');
select is(has_function_privilege('anon', 'public.release_ticket(uuid)', 'execute'), false, 'anon cannot execute release_ticket');

-- ---------------------------------------------------------------------------------------------------------------
-- Deny: customers and anon
-- ---------------------------------------------------------------------------------------------------------------
select tests.authenticate_as('customer_a');
select throws_ok($$select public.claim_ticket('00000000-0000-4000-b000-00000000000a')$$, '42501',
  'only technicians and admins can claim tickets', 'a customer cannot claim a ticket, not even their own');
select throws_ok($$select public.claim_next_ticket()$$, '42501',
  'only technicians and admins can claim tickets', 'a customer cannot claim the next ticket');
select throws_ok($$select public.release_ticket('00000000-0000-4000-b000-00000000000a')$$, '42501',
  'only technicians and admins can release tickets', 'a customer cannot release a ticket');
select tests.clear_authentication();
reset role;

select tests.authenticate_as_anon();
select throws_ok($$select public.claim_ticket('00000000-0000-4000-b000-00000000000a')$$, '42501',
  'permission denied for function claim_ticket', 'anon cannot claim a ticket');
select tests.clear_authentication();
reset role;

-- ---------------------------------------------------------------------------------------------------------------
-- Allow: a technician claims; the next one is told who has it
-- ---------------------------------------------------------------------------------------------------------------
select tests.authenticate_as('technician');
create temporary table first_claim as select public.claim_ticket('00000000-0000-4000-b000-00000000000a') as outcome;
select is((select (outcome ->> 'claimed')::boolean from first_claim), true, 'a technician claims an unassigned ticket');
select is((select outcome ->> 'assigned_to_name' from first_claim), 'Technician', 'the outcome names the new assignee');
select is((select outcome ->> 'status' from first_claim), 'assigned', 'the outcome carries the new status');
select tests.clear_authentication();
reset role;
select results_eq($$select status::text, assigned_to, assigned_at is not null from public.tickets where id = '00000000-0000-4000-b000-00000000000a'$$,
  $$values ('assigned', tests.user_id('technician'), true)$$, 'the ticket is assigned to the claimer, with assigned_at set');

select tests.authenticate_as('technician_b');
create temporary table second_claim as select public.claim_ticket('00000000-0000-4000-b000-00000000000a') as outcome;
select is((select (outcome ->> 'claimed')::boolean from second_claim), false, 'a second technician cannot claim a claimed ticket');
select is((select outcome ->> 'assigned_to_name' from second_claim), 'Technician', 'the refusal says who claimed it');
select is((select (outcome ->> 'assigned_to')::uuid from second_claim), tests.user_id('technician'), 'the refusal carries the holder''s id');
select throws_ok($$select public.claim_ticket('00000000-0000-4000-b000-0000000dead0')$$, 'P0002',
  'ticket 00000000-0000-4000-b000-0000000dead0 not found', 'claiming a ticket that does not exist is a clear error');

-- Release: only the holder (or an admin).
select throws_ok($$select public.release_ticket('00000000-0000-4000-b000-00000000000a')$$, '42501',
  'ticket ' || (select number from public.tickets where id = '00000000-0000-4000-b000-00000000000a') || ' is claimed by Technician, not by you',
  'a technician cannot release a colleague''s ticket');

-- Claim next: high first, then medium, low, untriaged; oldest first within one urgency.
select is((public.claim_next_ticket() ->> 'ticket_id')::uuid, '00000000-0000-4000-b000-00000000000b'::uuid, 'claim_next takes the high-urgency ticket first');
select is((public.claim_next_ticket() ->> 'ticket_id')::uuid, '00000000-0000-4000-b000-00000000000c'::uuid, 'then the medium one');
select is((public.claim_next_ticket() ->> 'ticket_id')::uuid, '00000000-0000-4000-b000-00000000000d'::uuid, 'then the untriaged one (the low one is taken)');
select is(public.claim_next_ticket() ->> 'claimed', 'false', 'an empty queue answers claimed = false');
select tests.clear_authentication();
reset role;

select tests.authenticate_as('technician');
select is((public.release_ticket('00000000-0000-4000-b000-00000000000a') ->> 'status'), 'unassigned', 'the holder releases their ticket');
select tests.clear_authentication();
reset role;
select results_eq($$select status::text, assigned_to from public.tickets where id = '00000000-0000-4000-b000-00000000000a'$$,
  $$values ('unassigned', null::uuid)$$, 'a released ticket is back on the queue');

-- An in-progress ticket is released through assigned (the lifecycle has no shortcut).
update public.tickets set status = 'in_progress' where id = '00000000-0000-4000-b000-00000000000c';
select tests.authenticate_as('technician_b');
select is((public.release_ticket('00000000-0000-4000-b000-00000000000c') ->> 'status'), 'unassigned', 'an in-progress ticket can be released');
select throws_ok($$select public.release_ticket('00000000-0000-4000-b000-00000000000c')$$, '42501',
  'ticket ' || (select number from public.tickets where id = '00000000-0000-4000-b000-00000000000c') || ' is claimed by nobody, not by you',
  'an unassigned ticket cannot be released again');
select tests.clear_authentication();
reset role;

-- Admins may claim, and may release anyone's ticket.
select tests.authenticate_as('admin');
select is((public.claim_ticket('00000000-0000-4000-b000-00000000000c') ->> 'claimed')::boolean, true, 'an admin can claim a ticket');
select is((public.release_ticket('00000000-0000-4000-b000-00000000000b') ->> 'status'), 'unassigned', 'an admin can release a technician''s ticket');
select tests.clear_authentication();
reset role;

update public.tickets set status = 'resolved' where id = '00000000-0000-4000-b000-00000000000d';
select tests.authenticate_as('technician_b');
select throws_ok($$select public.release_ticket('00000000-0000-4000-b000-00000000000d')$$, '22023',
  'only an assigned or in-progress ticket can be released; ' || (select number from public.tickets where id = '00000000-0000-4000-b000-00000000000d') || ' is resolved',
  'a resolved ticket cannot be released');
select tests.clear_authentication();
reset role;

select * from finish();
rollback;
