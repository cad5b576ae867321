-- Work orders: labour cost = hours x rate and totals derived by the database, parts cost never typed,
-- the lifecycle open -> in_progress -> completed | cancelled, finished work orders frozen.
begin;
select plan(17);
select tests.create_support_fixtures();

insert into public.work_orders (id, ticket_id, description, estimated_hours, labor_rate, parts_cost)
values ('00000000-0000-4000-f000-000000000001', '00000000-0000-4000-b000-00000000000a', 'Replace starter', 1.5, 80.30, 999);
select is((select parts_cost from public.work_orders where id = '00000000-0000-4000-f000-000000000001'), 0.00, 'a typed parts_cost on insert is ignored');
select is((select labor_cost from public.work_orders where id = '00000000-0000-4000-f000-000000000001'), 120.45::numeric(12,2), 'labour cost is estimated hours x rate before hours are logged');
insert into public.work_order_parts (work_order_id, part_name, quantity, unit_cost) values
  ('00000000-0000-4000-f000-000000000001', 'Starter motor', 1, 210.00),
  ('00000000-0000-4000-f000-000000000001', 'Bolt', 4, 1.25);
select results_eq($$select parts_cost, total_cost from public.work_orders where id = '00000000-0000-4000-f000-000000000001'$$,
  $$values (215.00::numeric(12,2), 335.45::numeric(12,2))$$, 'parts cost sums the lines; total = labour + parts');
update public.work_order_parts set quantity = 2 where part_name = 'Bolt';
delete from public.work_order_parts where part_name = 'Starter motor';
select is((select total_cost from public.work_orders where id = '00000000-0000-4000-f000-000000000001'), 122.95::numeric(12,2), 'totals follow line updates and deletes');
select throws_ok($$update public.work_orders set parts_cost = 1 where id = '00000000-0000-4000-f000-000000000001'$$, '42501', 'parts_cost is derived from the parts lines and cannot be typed', 'parts_cost cannot be typed');
select throws_ok($$update public.work_orders set total_cost = 1$$, '428C9', null, 'total_cost is generated');
select throws_ok($$update public.work_orders set labor_cost = 1$$, '428C9', null, 'labor_cost is generated');
select throws_ok($$insert into public.work_orders (ticket_id, status) values ('00000000-0000-4000-b000-00000000000a', 'in_progress')$$, '23514', 'a work order starts open, not in_progress', 'a work order cannot be created already started');
select throws_ok($$update public.work_orders set status = 'completed' where id = '00000000-0000-4000-f000-000000000001'$$, '23514', 'illegal work order status transition from open to completed', 'open cannot jump to completed');
update public.work_orders set status = 'in_progress' where id = '00000000-0000-4000-f000-000000000001';
select throws_ok($$update public.work_orders set status = 'open' where id = '00000000-0000-4000-f000-000000000001'$$, '23514', 'illegal work order status transition from in_progress to open', 'a started work order does not go back to open');
update public.work_orders set actual_hours = 2 where id = '00000000-0000-4000-f000-000000000001';
select results_eq($$select labor_cost, total_cost from public.work_orders where id = '00000000-0000-4000-f000-000000000001'$$,
  $$values (160.60::numeric(12,2), 163.10::numeric(12,2))$$, 'logged actual hours replace the estimate in the labour cost');
update public.work_orders set status = 'completed' where id = '00000000-0000-4000-f000-000000000001';
select isnt((select completed_at from public.work_orders where id = '00000000-0000-4000-f000-000000000001'), null, 'completed_at is set on completion');
select throws_ok($$update public.work_orders set status = 'cancelled' where id = '00000000-0000-4000-f000-000000000001'$$, '23514', 'work order ' || (select number from public.work_orders where id = '00000000-0000-4000-f000-000000000001') || ' is completed and can no longer change', 'a completed work order stays completed');
select throws_ok($$update public.work_orders set actual_hours = 9 where id = '00000000-0000-4000-f000-000000000001'$$, '23514', null, 'hours of a completed work order cannot change');
select throws_ok($$insert into public.work_order_parts (work_order_id, part_name, quantity, unit_cost) values ('00000000-0000-4000-f000-000000000001', 'Late part', 1, 5)$$, '23514', null, 'parts of a completed work order cannot change');

insert into public.work_orders (id, ticket_id, description) values ('00000000-0000-4000-f000-000000000002', '00000000-0000-4000-b000-00000000000a', 'Not needed');
update public.work_orders set status = 'cancelled' where id = '00000000-0000-4000-f000-000000000002';
select is((select status::text from public.work_orders where id = '00000000-0000-4000-f000-000000000002'), 'cancelled', 'an open work order can be cancelled');
select throws_ok($$update public.work_orders set status = 'in_progress' where id = '00000000-0000-4000-f000-000000000002'$$, '23514', null, 'a cancelled work order stays cancelled');

select * from finish();
rollback;
