-- Work orders: derived totals, parts cost never typed, status transitions.
begin;
select plan(8);
select tests.create_support_fixtures();

insert into public.work_orders (id, ticket_id, description, labor_cost, parts_cost)
values ('00000000-0000-4000-f000-000000000001', '00000000-0000-4000-b000-00000000000a', 'Replace starter', 120.50, 999);
select is((select parts_cost from public.work_orders where id = '00000000-0000-4000-f000-000000000001'), 0.00, 'a typed parts_cost on insert is ignored');
insert into public.work_order_parts (work_order_id, part_name, quantity, unit_cost) values
  ('00000000-0000-4000-f000-000000000001', 'Starter motor', 1, 210.00),
  ('00000000-0000-4000-f000-000000000001', 'Bolt', 4, 1.25);
select results_eq($$select parts_cost, total_cost from public.work_orders where id = '00000000-0000-4000-f000-000000000001'$$,
  $$values (215.00::numeric(12,2), 335.50::numeric(12,2))$$, 'parts cost sums the lines; total = labour + parts');
update public.work_order_parts set quantity = 2 where part_name = 'Bolt';
delete from public.work_order_parts where part_name = 'Starter motor';
select is((select total_cost from public.work_orders where id = '00000000-0000-4000-f000-000000000001'), 123.00::numeric(12,2), 'totals follow line updates and deletes');
select throws_ok($$update public.work_orders set parts_cost = 1 where id = '00000000-0000-4000-f000-000000000001'$$, '42501', 'parts_cost is derived from the parts lines and cannot be typed', 'parts_cost cannot be typed');
select throws_ok($$update public.work_orders set total_cost = 1$$, '428C9', null, 'total_cost is generated');
select throws_ok($$update public.work_orders set status = 'completed' where id = '00000000-0000-4000-f000-000000000001'$$, '23514', 'illegal work order status transition from open to completed', 'open cannot jump to completed');
update public.work_orders set status = 'in_progress' where id = '00000000-0000-4000-f000-000000000001';
update public.work_orders set status = 'completed' where id = '00000000-0000-4000-f000-000000000001';
select isnt((select completed_at from public.work_orders where id = '00000000-0000-4000-f000-000000000001'), null, 'completed_at is set on completion');
select throws_ok($$update public.work_orders set status = 'open' where id = '00000000-0000-4000-f000-000000000001'$$, '23514', 'illegal work order status transition from completed to open', 'a completed work order stays completed');

select * from finish();
rollback;
