-- Deleting people: someone with open tickets assigned is refused with a clear message; once their tickets are
-- released (or finished) the delete goes through, and a finished ticket keeps its history without them.
begin;
select plan(4);
select tests.create_support_fixtures();

update public.tickets set status = 'assigned', assigned_to = tests.user_id('technician') where id = '00000000-0000-4000-b000-00000000000a';
select throws_ok(
  $$delete from auth.users where id = tests.user_id('technician')$$,
  '23503', null,
  'a technician with an assigned ticket cannot be deleted');
select throws_like(
  $$delete from public.profiles where id = tests.user_id('technician')$$,
  '%cannot be deleted while open tickets are assigned to them (TCK-%',
  'the message names the open tickets');

update public.tickets set status = 'in_progress' where id = '00000000-0000-4000-b000-00000000000a';
update public.tickets set status = 'resolved' where id = '00000000-0000-4000-b000-00000000000a';
select lives_ok($$delete from auth.users where id = tests.user_id('technician')$$, 'once the ticket is resolved the technician can be deleted');
select results_eq(
  $$select status::text, assigned_to from public.tickets where id = '00000000-0000-4000-b000-00000000000a'$$,
  $$values ('resolved', null::uuid)$$,
  'the resolved ticket stays, without its technician');

select * from finish();
rollback;
