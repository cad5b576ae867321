-- The customer's troubleshooting flow: sessions name only the customer's own vehicle, and "still broken" opens a
-- ticket carrying the issue, the guide, the steps tried and the vehicle.
begin;
select plan(9);
select tests.create_support_fixtures();

insert into public.vehicle_models (year, make, model) values (2019, 'Testmake', 'Testmodel');
insert into public.customer_vehicles (id, customer_id, vehicle_model_id, vin) values
  ('00000000-0000-4000-f000-00000000000a', tests.user_id('customer_a'), (select id from public.vehicle_models where make = 'Testmake'), '1HGCM82633A004352'),
  ('00000000-0000-4000-f000-00000000000b', tests.user_id('customer_b'), null, null);

select tests.authenticate_as('customer_a');
select lives_ok($$insert into public.troubleshooting_sessions (id, customer_id, issue_description, guide_id, customer_vehicle_id)
  values ('00000000-0000-4000-e000-000000000101', (select auth.uid()), 'Clicks but will not start', '00000000-0000-4000-d000-000000000001', '00000000-0000-4000-f000-00000000000a')$$,
  'a customer starts a session naming their own vehicle');
select throws_ok($$insert into public.troubleshooting_sessions (customer_id, issue_description, customer_vehicle_id)
  values ((select auth.uid()), 'Not my car', '00000000-0000-4000-f000-00000000000b')$$,
  '42501', 'new row violates row-level security policy for table "troubleshooting_sessions"', 'a customer cannot name another customer''s vehicle');
select lives_ok($$update public.troubleshooting_sessions set customer_vehicle_id = null where id = '00000000-0000-4000-e000-000000000101'$$,
  'a customer may change the vehicle of their open session');
select throws_ok($$update public.troubleshooting_sessions set customer_vehicle_id = '00000000-0000-4000-f000-00000000000b' where id = '00000000-0000-4000-e000-000000000101'$$,
  '42501', 'new row violates row-level security policy for table "troubleshooting_sessions"', 'nor switch it to another customer''s vehicle');
update public.troubleshooting_sessions set customer_vehicle_id = '00000000-0000-4000-f000-00000000000a' where id = '00000000-0000-4000-e000-000000000101';
insert into public.troubleshooting_session_steps (session_id, step_number, step_text, attempted, responded_at) values
  ('00000000-0000-4000-e000-000000000101', 1, 'Check the battery', true, now());

select isnt(public.complete_troubleshooting_session('00000000-0000-4000-e000-000000000101', 'not_resolved'), null, 'still broken returns the ticket id');
select results_eq($$select customer_vehicle_id, vehicle_year, vehicle_make, vehicle_model, vin from public.tickets where troubleshooting_session_id = '00000000-0000-4000-e000-000000000101'$$,
  $$values ('00000000-0000-4000-f000-00000000000a'::uuid, 2019, 'Testmake'::text, 'Testmodel'::text, '1HGCM82633A004352'::text)$$,
  'the ticket carries the vehicle (year / make / model from the catalogue entry) and its VIN');
select ok((select content like 'Clicks but will not start%Guide: Test guide%Vehicle: 2019 Testmake Testmodel (VIN 1HGCM82633A004352)%1. Check the battery (tried)%'
  from public.tickets where troubleshooting_session_id = '00000000-0000-4000-e000-000000000101'), 'the ticket text names the issue, the guide, the vehicle and the steps tried');
select tests.clear_authentication();
reset role;

-- without a vehicle the ticket has none
insert into public.troubleshooting_sessions (id, customer_id, issue_description, guide_id) values
  ('00000000-0000-4000-e000-000000000102', tests.user_id('customer_b'), 'Squeaky brakes', '00000000-0000-4000-d000-000000000001');
select tests.authenticate_as('customer_b');
select isnt(public.complete_troubleshooting_session('00000000-0000-4000-e000-000000000102', 'not_resolved'), null, 'a session without a vehicle also opens a ticket');
select results_eq($$select customer_vehicle_id, vehicle_make, vin from public.tickets where troubleshooting_session_id = '00000000-0000-4000-e000-000000000102'$$,
  $$values (null::uuid, null::text, null::text)$$, 'a ticket from a session without a vehicle has no vehicle');
select tests.clear_authentication();
reset role;

select * from finish();
rollback;
