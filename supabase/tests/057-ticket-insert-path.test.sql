-- The ticket insert path (20261203000100): time-ordered ticket ids, one open job per subject compared as text,
-- the new-ticket trigger's rows, and no helper that the insert path calls per statement being re-planned
-- each time (a `language sql` function with a SET clause cannot be inlined, so fmgr_sql plans it on every call).
begin;
select plan(13);
select tests.create_support_fixtures();

-- UUID version 7: version nibble 7, RFC variant, the current Unix milliseconds in the first 48 bits.
select matches(private.uuid_v7()::text, '^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$', 'uuid_v7 has version 7 and the RFC variant');
select ok(
  abs(('x' || lpad(replace(left(private.uuid_v7()::text, 13), '-', ''), 16, '0'))::bit(64)::bigint
      - (extract(epoch from clock_timestamp()) * 1000)::bigint) < 5000,
  'uuid_v7 starts with the current Unix time in milliseconds');
select ok(
  (select bool_and(later > earlier) from (
    select private.uuid_v7() as earlier, pg_sleep(0.002), private.uuid_v7() as later from generate_series(1, 3)
  ) pairs),
  'ids made a few milliseconds apart sort in the order they were made');

-- A customer's new ticket gets a version 7 id, a number, exactly one job and analytics event, and no timeline event row:
-- the timeline reads its creation from the ticket (20261203000200).
select tests.authenticate_as('customer_a');
insert into public.tickets (customer_id, subject, content) values (tests.user_id('customer_a'), 'Insert path', 'Checked by 057');
select tests.clear_authentication();
reset role;
select matches((select id::text from public.tickets where subject = 'Insert path'), '^[0-9a-f]{8}-[0-9a-f]{4}-7', 'a new ticket''s id is a version 7 UUID');
select matches((select number from public.tickets where subject = 'Insert path'), '^TCK-[0-9]{6,}$', 'a new ticket is numbered');
select results_eq(
  $$select count(*)::int from private.jobs job join public.tickets ticket on job.subject = ticket.id::text
    where ticket.subject = 'Insert path' and job.kind = 'triage' and job.status = 'queued'$$,
  $$values (1)$$,
  'the new ticket has one queued triage job, found by its subject');
select results_eq(
  $$select (select count(*)::int from public.analytics_events event where event.ticket_id = ticket.id and event.event_type = 'ticket_created'),
           (select count(*)::int from public.ticket_events event where event.ticket_id = ticket.id),
           (select actor_id from public.ticket_timeline entry where entry.ticket_id = ticket.id and entry.kind = 'created')
    from public.tickets ticket where ticket.subject = 'Insert path'$$,
  $$values (1, 0, tests.user_id('customer_a'))$$,
  'and one ticket_created analytics event; no event row, the timeline opens with its creation by the customer');

-- One open job per subject: the same ticket twice is refused, a finished job does not block a new one.
select throws_ok(
  $$insert into private.jobs (kind, payload) select 'triage', jsonb_build_object('ticket_id', id) from public.tickets where subject = 'Insert path'$$,
  '23505', null,
  'a second open triage job for the same ticket is refused');
update private.jobs set status = 'completed' where subject = (select id::text from public.tickets where subject = 'Insert path');
select lives_ok(
  $$insert into private.jobs (kind, payload) select 'triage', jsonb_build_object('ticket_id', id) from public.tickets where subject = 'Insert path'$$,
  'once the job is completed the ticket can be queued again');
select lives_ok(
  $$insert into private.jobs (kind, payload) select 'embed', jsonb_build_object('article_id', id) from public.tickets where subject = 'Insert path'$$,
  'the same id under another kind is another subject');
select is(
  (select subject from private.jobs where kind = 'analysis' and payload = '{"note": "no known key"}'::jsonb),
  null,
  'sanity: no such job yet');
insert into private.jobs (kind, payload) values ('analysis', '{"note": "no known key"}');
select throws_ok(
  $$insert into private.jobs (kind, payload) values ('analysis', '{"note": "no known key"}')$$,
  '23505', null,
  'a payload without a known id key is its own subject, so it cannot be queued twice either');

-- No column default, index expression or check constraint calls a function that is planned afresh on every statement.
select is_empty(
  $$select format('%s uses %s', pg_describe_object(dependency.classid, dependency.objid, dependency.objsubid), function.oid::regprocedure)
    from pg_catalog.pg_depend dependency
    join pg_catalog.pg_proc function on dependency.refclassid = 'pg_catalog.pg_proc'::regclass and function.oid = dependency.refobjid
    join pg_catalog.pg_language language on language.oid = function.prolang
    where dependency.classid in ('pg_catalog.pg_attrdef'::regclass, 'pg_catalog.pg_class'::regclass, 'pg_catalog.pg_constraint'::regclass)
      and language.lanname = 'sql' and function.proconfig is not null$$,
  'no column default, index expression or check constraint calls a language sql function with a SET clause');

select * from finish();
rollback;
