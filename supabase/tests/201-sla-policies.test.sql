-- SLA policies (issue 16): business time, the policy a ticket follows, due times with a pause, first response,
-- breach detection and escalation by the cron job's function, and who may read or change policies.
begin;
select plan(36);
select tests.create_support_fixtures();
delete from public.sla_policies;

insert into public.sla_policies (id, name, urgency, first_response_minutes, resolution_minutes, business_days, business_day_starts, business_day_ends, escalation, escalate_to)
values ('00000000-0000-4000-e000-000000000001', 'High, office hours', 'high', 120, 480, array[1, 2, 3, 4, 5]::smallint[], '09:00', '17:00', 'notify_lead', tests.user_id('admin')),
       ('00000000-0000-4000-e000-000000000002', 'Low, reassign', 'low', 60, 120, null, '09:00', '17:00', 'reassign', tests.user_id('technician_b')),
       ('00000000-0000-4000-e000-000000000003', 'Berlin', 'medium', 60, 120, array[1, 2, 3, 4, 5]::smallint[], '09:00', '17:00', 'notify_lead', null);
create function tests.policy(policy_id uuid) returns public.sla_policies language sql as $$ select * from public.sla_policies where id = policy_id $$;
update public.sla_policies set time_zone = 'Europe/Berlin' where id = '00000000-0000-4000-e000-000000000003';

-- ---------------------------------------------------------------- business time (2026-11-27 is a Friday)
select is(private.add_business_seconds(tests.policy('00000000-0000-4000-e000-000000000001'), '2026-11-27 16:00Z', 7200), '2026-11-30 10:00Z'::timestamptz,
  'two business hours from Friday 16:00 end on Monday 10:00 (the weekend and the night do not count)');
select is(private.add_business_seconds(tests.policy('00000000-0000-4000-e000-000000000001'), '2026-11-30 07:00Z', 3600), '2026-11-30 10:00Z'::timestamptz,
  'before opening, the clock starts at opening time');
select is(private.add_business_seconds(tests.policy('00000000-0000-4000-e000-000000000003'), '2026-11-30 07:30Z', 3600), '2026-11-30 09:00Z'::timestamptz,
  'business hours are local to the policy''s time zone (Berlin opens 09:00 local = 08:00 UTC in winter)');
select is(private.add_business_seconds(tests.policy('00000000-0000-4000-e000-000000000002'), '2026-11-28 23:00Z', 7200), '2026-11-29 01:00Z'::timestamptz,
  'a policy without business days runs around the clock');
select is(private.business_seconds_between(tests.policy('00000000-0000-4000-e000-000000000001'), '2026-11-27 16:00Z', '2026-11-30 10:00Z'), 7200::bigint,
  'business seconds between Friday 16:00 and Monday 10:00: two hours');
select is(private.add_business_seconds(tests.policy('00000000-0000-4000-e000-000000000001'), '2026-11-27 16:00Z', 8 * 3600 + 7200), '2026-12-01 10:00Z'::timestamptz,
  'eight business hours plus a two-hour pause from Friday 16:00: Tuesday 10:00');

-- ---------------------------------------------------------------- which policy
insert into public.sla_policies (id, name, urgency, solution_area, first_response_minutes, resolution_minutes)
values ('00000000-0000-4000-e000-000000000004', 'Test area', null, 'test-area', 30, 60);
select is((private.sla_policy_for('high', null)).name, 'High, office hours', 'a ticket without an area follows the policy of its urgency');
select is((private.sla_policy_for('high', 'test-area')).name, 'Test area', 'a policy of the ticket''s area is more specific than one of its urgency');
select is((private.sla_policy_for(null, null)).id, null, 'no default policy, no match');
delete from public.sla_policies where id = '00000000-0000-4000-e000-000000000004';

-- ---------------------------------------------------------------- due times on a ticket, with a pause
insert into public.tickets (id, customer_id, subject, urgency, triage_status, created_at)
values ('00000000-0000-4000-b000-000000000101', tests.user_id('customer_a'), 'Spongy brakes', 'high', 'processed', '2026-11-27 16:00Z');
select results_eq($$select sla_policy_id, first_response_due_at, resolution_due_at from public.tickets where id = '00000000-0000-4000-b000-000000000101'$$,
  $$values ('00000000-0000-4000-e000-000000000001'::uuid, '2026-11-30 10:00Z'::timestamptz, '2026-11-30 16:00Z'::timestamptz)$$,
  'a new high-urgency ticket follows its policy: first reply due Monday 10:00, resolution Monday 16:00 (business hours)');
update public.tickets set sla_paused_seconds = 7200 where id = '00000000-0000-4000-b000-000000000101';
select is((select resolution_due_at from public.tickets where id = '00000000-0000-4000-b000-000000000101'), '2026-12-01 10:00Z'::timestamptz,
  'two business hours waiting on the customer push the resolution to Tuesday 10:00');
update public.tickets set sla_paused_seconds = 0 where id = '00000000-0000-4000-b000-000000000101';

select tests.authenticate_as('technician');
update public.tickets set assigned_to = (select auth.uid()), status = 'assigned' where id = '00000000-0000-4000-b000-000000000101';
update public.tickets set status = 'waiting_on_customer' where id = '00000000-0000-4000-b000-000000000101';
select ok((select sla_paused_at is not null and sla_due_at is null from public.tickets where id = '00000000-0000-4000-b000-000000000101'),
  'waiting on the customer stops the clock: paused, no deadline running');
reset role;
update public.tickets set sla_paused_at = '2026-11-30 10:00Z' where id = '00000000-0000-4000-b000-000000000101';
select tests.authenticate_as('technician');
update public.tickets set status = 'in_progress' where id = '00000000-0000-4000-b000-000000000101';
reset role;
select results_eq($$select sla_paused_at, sla_paused_seconds::bigint, resolution_due_at from public.tickets where id = '00000000-0000-4000-b000-000000000101'$$,
  $$select null::timestamptz, private.business_seconds_between(tests.policy('00000000-0000-4000-e000-000000000001'), '2026-11-30 10:00Z', now()),
     private.add_business_seconds(tests.policy('00000000-0000-4000-e000-000000000001'), '2026-11-27 16:00Z',
       8 * 3600 + private.business_seconds_between(tests.policy('00000000-0000-4000-e000-000000000001'), '2026-11-30 10:00Z', now()))$$,
  'leaving waiting_on_customer adds the business time waited and moves the resolution due time by it');
select ok((select sla_paused_seconds > 7 * 3600 from public.tickets where id = '00000000-0000-4000-b000-000000000101'), 'the pause counted (Monday 10:00 until now is more than seven business hours)');

select tests.authenticate_as('technician');
update public.tickets set resolution_due_at = '2099-01-01', first_responded_at = now(), sla_paused_seconds = 999999 where id = '00000000-0000-4000-b000-000000000101';
reset role;
select results_eq($$select first_responded_at, sla_paused_seconds > 999000 from public.tickets where id = '00000000-0000-4000-b000-000000000101'$$,
  $$values (null::timestamptz, false)$$, 'API users cannot write the SLA columns');

-- ---------------------------------------------------------------- first response
insert into public.conversations (id, customer_id, title) values ('00000000-0000-4000-a000-000000000101', tests.user_id('customer_a'), 'Brakes');
update public.tickets set conversation_id = '00000000-0000-4000-a000-000000000101' where id = '00000000-0000-4000-b000-000000000101';
select tests.authenticate_as('technician');
insert into public.messages (conversation_id, sender_id, role, content, is_internal_note) values ('00000000-0000-4000-a000-000000000101', (select auth.uid()), 'technician', 'Check the master cylinder', true);
select is((select first_responded_at from public.tickets where id = '00000000-0000-4000-b000-000000000101'), null, 'an internal note is not a first response');
insert into public.messages (conversation_id, sender_id, role, content) values ('00000000-0000-4000-a000-000000000101', (select auth.uid()), 'technician', 'We are on it.');
reset role;
select ok((select first_responded_at is not null from public.tickets where id = '00000000-0000-4000-b000-000000000101'), 'the first technician reply the customer sees stops the first-response clock');
select is((select sla_due_at from public.tickets where id = '00000000-0000-4000-b000-000000000101'), (select resolution_due_at from public.tickets where id = '00000000-0000-4000-b000-000000000101'),
  'once answered, the next deadline is the resolution');

-- ---------------------------------------------------------------- breaches and escalation (the cron job's function)
insert into public.tickets (id, customer_id, subject, urgency, triage_status, created_at, priority) values
  ('00000000-0000-4000-b000-000000000102', tests.user_id('customer_b'), 'Unanswered', 'high', 'processed', '2026-11-27 16:00Z', 'normal'),
  ('00000000-0000-4000-b000-000000000103', tests.user_id('customer_b'), 'To reassign', 'low', 'processed', '2026-11-27 16:00Z', 'low'),
  ('00000000-0000-4000-b000-000000000104', tests.user_id('customer_b'), 'Waiting', 'high', 'processed', '2026-11-27 16:00Z', 'normal');
update public.tickets set assigned_to = tests.user_id('technician'), status = 'assigned', first_responded_at = '2026-11-27 16:30Z' where id = '00000000-0000-4000-b000-000000000104';
update public.tickets set status = 'waiting_on_customer' where id = '00000000-0000-4000-b000-000000000104';
delete from public.notifications;

-- 101: answered, and its pause (Monday 10:00 until now) pushed the resolution past now: nothing running is late.
-- 102: first response overdue (notify the lead). 103: low, first response overdue (reassign). 104: paused.
select is(private.escalate_sla_breaches(), 2, 'the job finds each ticket''s earliest breached target; answered-in-time-to-pause and paused tickets are not breached');
select results_eq($$select first_response_breached_at is not null, resolution_breached_at is not null, priority::text from public.tickets where id = '00000000-0000-4000-b000-000000000102'$$,
  $$values (true, false, 'urgent')$$, 'an unanswered ticket is marked as a first-response breach and its priority (high, from its urgency) raised one step');
select is((select priority_set_by::text from public.tickets where id = '00000000-0000-4000-b000-000000000102'), 'sla_escalation',
  'the raised priority says the SLA escalation set it (issue 15)');
select is((select details ->> 'target' from public.ticket_events where ticket_id = '00000000-0000-4000-b000-000000000102' and kind = 'sla_breached'), 'first_response', 'the breach is on the timeline, with its target');
select is((select count(*)::int from public.analytics_events where event_type = 'sla_breached' and ticket_id = '00000000-0000-4000-b000-000000000102'), 1, 'and an analytics event');
select is((select array_agg(ticket_id order by ticket_id) from public.notifications where recipient_id = tests.user_id('admin')),
  array['00000000-0000-4000-b000-000000000102']::uuid[], 'the policy''s lead is notified of the notify_lead breach');
select results_eq($$select assigned_to, status::text from public.tickets where id = '00000000-0000-4000-b000-000000000103'$$,
  $$values (tests.user_id('technician_b'), 'assigned')$$, 'a reassign policy hands the breached ticket to its technician');
select is((select count(*)::int from public.notifications where ticket_id = '00000000-0000-4000-b000-000000000103'), 0, 'a reassignment notifies nobody');
select is(private.escalate_sla_breaches(1), 1, 'a run handles at most max_tickets breaches (here 1 of the two resolution targets now breached, 102 and 103)');
select is(private.escalate_sla_breaches(), 1, 'the next run escalates the other one: a backlog drains run by run, each target once');
select is(private.escalate_sla_breaches(), 0, 'a third run finds nothing new: each target is escalated once');
select is((select priority::text from public.tickets where id = '00000000-0000-4000-b000-000000000102'), 'urgent', 'each breach raises the priority one step');
select is((select count(*)::int from public.ticket_events where ticket_id = '00000000-0000-4000-b000-000000000104' and kind = 'sla_breached'), 0, 'the ticket waiting on the customer was never escalated');
select ok((select count(*) = 1 from cron.job where jobname = 'escalate-sla-breaches' and command = 'select private.escalate_sla_breaches()'), 'pg_cron runs the escalation');

-- ---------------------------------------------------------------- who may read and change
select tests.authenticate_as('technician');
select isnt_empty($$select 1 from public.sla_policies$$, 'staff read the SLA policies');
select throws_ok($$insert into public.sla_policies (name, first_response_minutes, resolution_minutes) values ('Mine', 1, 1)$$, '42501',
  'new row violates row-level security policy for table "sla_policies"', 'technicians cannot create SLA policies');
select is_empty($$select 1 from public.notifications$$, 'a technician does not read the lead''s notifications');
reset role;
select tests.authenticate_as('admin');
select lives_ok($$insert into public.sla_policies (name, first_response_minutes, resolution_minutes) values ('Default', 240, 2880)$$, 'admins create SLA policies');
reset role;

select * from finish();
rollback;
