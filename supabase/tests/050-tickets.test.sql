-- Tickets: numbering, lifecycle transitions, protected fields, one AI result per ticket, analytics events, queue.
begin;
select plan(27);
select tests.create_support_fixtures();

select matches((select number from public.tickets where id = '00000000-0000-4000-b000-00000000000a'), '^TCK-[0-9]{6}$', 'tickets are numbered TCK-000123');
select is(
  (select substr(b.number, 5)::int - substr(a.number, 5)::int from public.tickets a, public.tickets b
   where a.id = '00000000-0000-4000-b000-00000000000a' and b.id = '00000000-0000-4000-b000-00000000000b'),
  1, 'numbers come from one sequence, in order');
select throws_ok($$update public.tickets set number = 'TCK-999999' where id = '00000000-0000-4000-b000-00000000000a'$$, '42501', 'a ticket number never changes', 'a number cannot be changed, even by the owner');
select throws_ok($$insert into public.tickets (number, customer_id, subject) select number, customer_id, 'copy' from public.tickets where id = '00000000-0000-4000-b000-00000000000a'$$, '23505', null, 'ticket numbers are unique');
select is((select ticket_id from public.conversations where id = '00000000-0000-4000-a000-00000000000a'), '00000000-0000-4000-b000-00000000000a'::uuid, 'the conversation links back to its ticket');

-- workflow
select throws_ok($$update public.tickets set status = 'resolved' where id = '00000000-0000-4000-b000-00000000000a'$$, '23514', 'illegal ticket status transition from unassigned to resolved', 'unassigned cannot jump to resolved');
select throws_ok($$update public.tickets set status = 'assigned' where id = '00000000-0000-4000-b000-00000000000a'$$, '23514', null, 'assigned needs a technician');
update public.tickets set status = 'assigned', assigned_to = tests.user_id('technician') where id = '00000000-0000-4000-b000-00000000000a';
select isnt((select assigned_at from public.tickets where id = '00000000-0000-4000-b000-00000000000a'), null, 'assigned_at is set');
update public.tickets set status = 'in_progress' where id = '00000000-0000-4000-b000-00000000000a';
update public.tickets set status = 'waiting_on_customer' where id = '00000000-0000-4000-b000-00000000000a';
select throws_ok($$update public.tickets set status = 'closed' where id = '00000000-0000-4000-b000-00000000000a'$$, '23514', 'illegal ticket status transition from waiting_on_customer to closed', 'waiting_on_customer cannot jump to closed');
update public.tickets set status = 'resolved' where id = '00000000-0000-4000-b000-00000000000a';
select results_eq($$select triage_status::text, resolved_at is not null from public.tickets where id = '00000000-0000-4000-b000-00000000000a'$$,
  $$values ('resolved', true)$$, 'resolving the ticket resolves triage and sets resolved_at');
update public.tickets set status = 'closed' where id = '00000000-0000-4000-b000-00000000000a';
select throws_ok($$update public.tickets set status = 'in_progress' where id = '00000000-0000-4000-b000-00000000000a'$$, '23514', 'illegal ticket status transition from closed to in_progress', 'a closed ticket stays closed');
select isnt((select closed_at from public.tickets where id = '00000000-0000-4000-b000-00000000000a'), null, 'closed_at is set');

-- triage
select throws_ok($$update public.tickets set triage_status = 'processed' where id = '00000000-0000-4000-b000-00000000000b'$$, '23514', 'illegal triage status transition from pending to processed', 'triage cannot skip processing');
update public.tickets set triage_status = 'processing' where id = '00000000-0000-4000-b000-00000000000b';
update public.tickets set triage_status = 'ai_failed' where id = '00000000-0000-4000-b000-00000000000b';
select lives_ok($$update public.tickets set triage_status = 'processing' where id = '00000000-0000-4000-b000-00000000000b'$$, 'a failed triage can be retried');
select throws_ok($$update public.tickets set triage_status = 'resolved' where id = '00000000-0000-4000-b000-00000000000b'$$, '23514', 'illegal triage status transition from processing to resolved: resolve the ticket instead', 'triage is resolved only by resolving the ticket');

-- technicians may move the workflow but not the triage fields
update public.tickets set status = 'assigned', assigned_to = tests.user_id('technician') where id = '00000000-0000-4000-b000-00000000000b';
select tests.authenticate_as('technician');
select throws_ok($$update public.tickets set urgency = 'low' where id = '00000000-0000-4000-b000-00000000000b'$$, '42501', 'triage fields are set by the triage worker', 'a technician cannot overwrite triage fields');
select throws_ok($$update public.tickets set customer_id = tests.user_id('customer_a') where id = '00000000-0000-4000-b000-00000000000b'$$, '42501', 'customer, creation time and session of a ticket cannot change', 'a technician cannot move a ticket to another customer');
select is(tests.affected_rows($$update public.tickets set status = 'in_progress' where id = '00000000-0000-4000-b000-00000000000b'$$), 1, 'the assigned technician moves the workflow on');
reset role;

-- AI results
insert into public.ticket_ai_results (ticket_id, category, sentiment_score, urgency, confidence, model)
values ('00000000-0000-4000-b000-00000000000b', 'billing', 2, 'medium', 0.8, 'test-model');
select throws_ok($$insert into public.ticket_ai_results (ticket_id, category, sentiment_score, urgency, confidence, model) values ('00000000-0000-4000-b000-00000000000b', 'billing', 2, 'medium', 0.8, 'test-model')$$, '23505', null, 'one AI result per ticket');
select throws_ok($$update public.ticket_ai_results set sentiment_score = 11$$, '23514', null, 'sentiment is between 1 and 10');

-- analytics and the queue
select is((select count(*)::int from public.analytics_events where event_type = 'ticket_created'), 2, 'ticket inserts write ticket_created events');
select is((select count(*)::int from private.jobs where kind = 'triage' and payload ? 'ticket_id'), 2, 'every new ticket queues a triage job');

-- One statement inserting several tickets (e-mail ingestion) gives each its own job and analytics event, and a timeline.
insert into public.tickets (customer_id, subject, channel)
select tests.user_id('customer_b'), 'Imported ' || n, 'email' from generate_series(1, 3) n;
select is((select count(*)::int from private.jobs job join public.tickets ticket on job.payload = jsonb_build_object('ticket_id', ticket.id)
           where job.kind = 'triage' and ticket.subject like 'Imported %'), 3, 'a three-ticket insert queues three triage jobs');
select is((select count(*)::int from public.analytics_events event join public.tickets ticket on ticket.id = event.ticket_id
           where event.event_type = 'ticket_created' and ticket.subject like 'Imported %' and event.metadata ->> 'channel' = 'email'), 3,
  'and writes three ticket_created events with the channel');
select is((select count(*)::int from public.ticket_timeline entry join public.tickets ticket on ticket.id = entry.ticket_id
           where entry.kind = 'created' and ticket.subject like 'Imported %' and entry.details ->> 'number' = ticket.number), 3,
  'and the timeline opens each with a created entry carrying the ticket''s own number');

-- The technician queue must be answerable from tickets_queue_idx under RLS: status and urgency have to be index
-- conditions, which Postgres allows below a policy only for leakproof operators (text, not enum, equality).
create function pg_temp.queue_plan() returns text language plpgsql as $$
declare plan_json json;
begin
  execute $q$explain (format json) select id from public.tickets
    where status = 'unassigned' and urgency = 'high' and (created_at, id) < (now(), 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid)
    order by created_at desc, id desc limit 50$q$ into plan_json;
  return plan_json::text;
end $$;
grant execute on function pg_temp.queue_plan() to authenticated;
select tests.authenticate_as('technician');
set local enable_seqscan = off;
set local enable_bitmapscan = off;
select matches(pg_temp.queue_plan(), 'tickets_queue_idx', 'the technician queue uses tickets_queue_idx under RLS');
select matches(pg_temp.queue_plan(), '"Index Cond": "\(\(\(status\)::text = ', 'status and urgency are index conditions under RLS, not filters');
reset role;

select * from finish();
rollback;
