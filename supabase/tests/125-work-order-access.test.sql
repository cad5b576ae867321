-- Work-order access (issue 8): customers see their own tickets' work orders (status, total) but never internal
-- notes; technicians see theirs and those of unassigned tickets; admins all. An allow and a deny per policy.
begin;
select plan(22);
select tests.create_support_fixtures();

-- Ticket a belongs to customer_a and is assigned to technician; ticket b (customer_b) is unassigned.
update public.tickets set assigned_to = tests.user_id('technician'), status = 'assigned' where id = '00000000-0000-4000-b000-00000000000a';
insert into public.work_orders (id, ticket_id, description, estimated_hours, labor_rate) values
  ('00000000-0000-4000-f000-00000000000b', '00000000-0000-4000-b000-00000000000b', 'Inspect billing terminal', 1, 50);
insert into public.work_order_parts (work_order_id, part_name, quantity, unit_cost) values ('00000000-0000-4000-f000-00000000000b', 'Cable', 2, 3);

-- ---------------------------------------------------------------- technicians
select tests.authenticate_as('technician');
select lives_ok($$insert into public.work_orders (id, ticket_id, description, estimated_hours, labor_rate) values ('00000000-0000-4000-f000-00000000000a', '00000000-0000-4000-b000-00000000000a', 'Replace relay', 2, 60)$$,
  'Technicians can create work orders for their tickets: allowed on their ticket');
select throws_ok($$insert into public.work_orders (ticket_id, description) values ('00000000-0000-4000-b000-00000000000b', 'Not mine')$$, '42501',
  'new row violates row-level security policy for table "work_orders"', 'Technicians can create work orders for their tickets: refused on an unassigned ticket');
select results_eq($$select description from public.work_orders order by description$$, array['Inspect billing terminal', 'Replace relay'],
  'Technicians can read work orders of their tickets and of unassigned tickets: both');
select is(tests.affected_rows($$update public.work_orders set status = 'in_progress' where id = '00000000-0000-4000-f000-00000000000a'$$), 1,
  'Technicians can update work orders of their tickets: allowed');
select is(tests.affected_rows($$update public.work_orders set description = 'Taken over' where id = '00000000-0000-4000-f000-00000000000b'$$), 0,
  'Technicians can update work orders of their tickets: not those of unassigned tickets, which they only read');
select is(tests.affected_rows($$delete from public.work_orders where id = '00000000-0000-4000-f000-00000000000a'$$), 0, 'Admins can delete work orders: a technician deletes nothing');
select lives_ok($$insert into public.work_order_notes (work_order_id, author_id, content) values ('00000000-0000-4000-f000-00000000000a', (select auth.uid()), 'Customer is a bit impatient')$$,
  'Technicians and admins can write notes on work orders they manage: allowed on their ticket''s work order');
select throws_ok($$insert into public.work_order_notes (work_order_id, author_id, content) values ('00000000-0000-4000-f000-00000000000b', (select auth.uid()), 'Meddling')$$, '42501',
  'new row violates row-level security policy for table "work_order_notes"', 'Technicians and admins can write notes on work orders they manage: refused on an unassigned ticket''s work order');
select is((select count(*)::int from public.work_order_parts where work_order_id = '00000000-0000-4000-f000-00000000000b'), 1,
  'Staff can read parts of work orders they can read: parts of an unassigned ticket''s work order');
reset role;

select tests.authenticate_as('technician_b');
select results_eq($$select description from public.work_orders$$, array['Inspect billing terminal'],
  'Technicians can read work orders of their tickets and of unassigned tickets: not those of tickets assigned to someone else');
select is_empty($$select 1 from public.work_order_notes$$, 'Staff can read notes of work orders they can read: not notes of another technician''s ticket');
select is_empty($$select 1 from public.work_order_parts where work_order_id = '00000000-0000-4000-f000-00000000000a'$$, 'Staff can read parts of work orders they can read: not parts of another technician''s ticket');
reset role;

-- ---------------------------------------------------------------- customers
select tests.authenticate_as('customer_a');
select results_eq($$select number like 'WO-%', status::text, total_cost from public.work_orders$$, $$values (true, 'in_progress', 120.00::numeric(12,2))$$,
  'Customers can read the work orders of their own tickets: status and total');
select is_empty($$select 1 from public.work_order_notes$$, 'customers never read internal work-order notes');
select is(tests.affected_rows($$update public.work_orders set description = 'Free please'$$), 0, 'Admins can update all work orders: a customer updates nothing');
select throws_ok($$insert into public.work_orders (ticket_id, description) values ('00000000-0000-4000-b000-00000000000a', 'Self-service')$$, '42501',
  'new row violates row-level security policy for table "work_orders"', 'Admins can create work orders for any ticket: a customer cannot');
reset role;
select tests.authenticate_as('customer_b');
select results_eq($$select description from public.work_orders$$, array['Inspect billing terminal'], 'Customers can read the work orders of their own tickets: not another customer''s');
reset role;

-- ---------------------------------------------------------------- admins
select tests.authenticate_as('admin');
select is((select count(*)::int from public.work_orders), 2, 'Admins can read all work orders');
select lives_ok($$insert into public.work_orders (ticket_id, description) values ('00000000-0000-4000-b000-00000000000b', 'Admin order')$$, 'Admins can create work orders for any ticket');
select is(tests.affected_rows($$update public.work_orders set labor_rate = 70 where id = '00000000-0000-4000-f000-00000000000a'$$), 1, 'Admins can update all work orders');
select is(tests.affected_rows($$delete from public.work_order_notes$$), 1, 'Admins can delete work order notes');
select is(tests.affected_rows($$delete from public.work_orders where description = 'Admin order'$$), 1, 'Admins can delete work orders');
reset role;

select * from finish();
rollback;
