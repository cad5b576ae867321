-- A deleted SLA policy's tickets keep their clocks (issue 16, migration 20261218000400): they move to the policy that
-- fits next, with due times computed again from their creation.
begin;
select plan(4);
select tests.create_support_fixtures();
delete from public.sla_policies;

insert into public.sla_policies (id, name, urgency, first_response_minutes, resolution_minutes)
values ('00000000-0000-4000-e000-000000000011', 'High', 'high', 60, 240),
       ('00000000-0000-4000-e000-000000000012', 'Default', null, 240, 2880);
insert into public.tickets (id, customer_id, subject, urgency, triage_status, created_at)
values ('00000000-0000-4000-b000-000000000201', tests.user_id('customer_a'), 'Brakes fade on the motorway', 'high', 'processed', '2026-12-01 10:00Z');

select results_eq($$ select sla_policy_id, first_response_due_at from public.tickets where id = '00000000-0000-4000-b000-000000000201' $$,
  $$ values ('00000000-0000-4000-e000-000000000011'::uuid, '2026-12-01 11:00Z'::timestamptz) $$, 'a high ticket follows the high policy');

delete from public.sla_policies where id = '00000000-0000-4000-e000-000000000011';
select results_eq($$ select sla_policy_id, first_response_due_at, resolution_due_at from public.tickets where id = '00000000-0000-4000-b000-000000000201' $$,
  $$ values ('00000000-0000-4000-e000-000000000012'::uuid, '2026-12-01 14:00Z'::timestamptz, '2026-12-03 10:00Z'::timestamptz) $$,
  'deleting its policy moves the ticket to the default policy, due times from its creation');

delete from public.sla_policies;
select results_eq($$ select sla_policy_id, first_response_due_at from public.tickets where id = '00000000-0000-4000-b000-000000000201' $$,
  $$ values (null::uuid, null::timestamptz) $$, 'with no policy left, the ticket has no due time');

insert into public.sla_policies (id, name, urgency, first_response_minutes, resolution_minutes)
values ('00000000-0000-4000-e000-000000000013', 'Default again', null, 120, 480);
update public.tickets set urgency = 'medium' where id = '00000000-0000-4000-b000-000000000201';
select is((select sla_policy_id from public.tickets where id = '00000000-0000-4000-b000-000000000201'), '00000000-0000-4000-e000-000000000013'::uuid,
  'a later change of urgency picks up a policy created meanwhile');

select * from finish();
rollback;
