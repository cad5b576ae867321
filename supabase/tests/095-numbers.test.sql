-- Human-readable numbers keep six digits and grow past 999,999 without colliding.
begin;
select plan(4);

select is(private.padded_number('TCK', 123), 'TCK-000123', 'numbers are padded to six digits');
select is(private.padded_number('TCK', 1000000), 'TCK-1000000', 'the millionth ticket keeps all seven digits');

-- setval is not undone by rollback: remember the sequence and put it back at the end.
create temporary table saved_sequence as select last_value, is_called from public.ticket_number_seq;
select setval('public.ticket_number_seq', 999999, false);
select lives_ok(
  $$ insert into public.tickets (customer_id, subject)
     select p.id, v.s from (select id from public.profiles where role = 'customer' order by email limit 1) p,
       (values ('first'), ('second')) v(s) $$,
  'two tickets across the million boundary insert'
);
select results_eq(
  $$ select number from public.tickets where number in ('TCK-999999', 'TCK-1000000') order by length(number), number $$,
  $$ values ('TCK-999999'), ('TCK-1000000') $$,
  'ticket 999,999 and ticket 1,000,000 get distinct numbers'
);

select setval('public.ticket_number_seq', last_value, is_called) from saved_sequence;
select * from finish();
rollback;
