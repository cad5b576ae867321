-- Bulk actions from the desk's table view (issue 16): each ticket under the caller's policies and the lifecycle,
-- one refusal leaves the others done.
begin;
select plan(7);
select tests.create_support_fixtures();

insert into public.tickets (id, customer_id, subject, status, assigned_to, triage_status)
select ('00000000-0000-4000-b000-0000000001' || n)::uuid, tests.user_id('customer_a'), 'Bulk ' || n, 'in_progress', tests.user_id('technician'), 'processed'
from generate_series(10, 13) n;
insert into public.tickets (id, customer_id, subject, status, assigned_to, triage_status)
values ('00000000-0000-4000-b000-000000000199', tests.user_id('customer_a'), 'Someone else''s', 'in_progress', tests.user_id('technician_b'), 'processed');
insert into public.work_orders (ticket_id, description) values ('00000000-0000-4000-b000-000000000113', 'Unfinished');

select tests.authenticate_as('technician');
select results_eq($$select ticket_id, done from public.bulk_update_tickets(array['00000000-0000-4000-b000-000000000110', '00000000-0000-4000-b000-000000000111',
    '00000000-0000-4000-b000-000000000112', '00000000-0000-4000-b000-000000000113', '00000000-0000-4000-b000-000000000199']::uuid[], 'close') order by ticket_id$$,
  $$values ('00000000-0000-4000-b000-000000000110'::uuid, true), ('00000000-0000-4000-b000-000000000111'::uuid, true), ('00000000-0000-4000-b000-000000000112'::uuid, true),
           ('00000000-0000-4000-b000-000000000113'::uuid, false), ('00000000-0000-4000-b000-000000000199'::uuid, false)$$,
  'bulk close: three of mine close; one with an unfinished work order and another technician''s ticket are refused');
select is((select error from public.bulk_update_tickets(array['00000000-0000-4000-b000-000000000113']::uuid[], 'close')),
  'ticket ' || (select number from public.tickets where id = '00000000-0000-4000-b000-000000000113') || ' cannot be resolved while work orders are unfinished: '
  || (select number || ' (open)' from public.work_orders where ticket_id = '00000000-0000-4000-b000-000000000113'), 'the refusal is the database''s own words');
reset role;
select is((select array_agg(status::text order by id) from public.tickets where id in ('00000000-0000-4000-b000-000000000110', '00000000-0000-4000-b000-000000000111', '00000000-0000-4000-b000-000000000112', '00000000-0000-4000-b000-000000000113', '00000000-0000-4000-b000-000000000199')),
  array['closed', 'closed', 'closed', 'in_progress', 'in_progress'], 'the refused tickets are untouched');
select is((select count(*)::int from public.ticket_events where ticket_id = '00000000-0000-4000-b000-000000000110' and kind in ('resolved', 'status_changed')), 2, 'each closed ticket has its resolved and closed rows on the timeline');
select tests.authenticate_as('technician');
select is((select done from public.bulk_update_tickets(array['00000000-0000-4000-b000-00000000000a']::uuid[], 'assign', tests.user_id('technician')::text)), true, 'bulk assign to oneself claims an unassigned ticket');
select throws_ok($$select * from public.bulk_update_tickets(array['00000000-0000-4000-b000-00000000000a']::uuid[], 'explode')$$, '22023', 'unknown bulk action explode', 'an unknown action is a clear error');
select throws_ok($$select * from public.bulk_update_tickets('{}'::uuid[], 'close')$$, '22023', 'choose between 1 and 200 tickets', 'an empty selection is a clear error');
reset role;

select * from finish();
rollback;
