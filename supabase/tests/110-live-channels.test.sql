-- Live updates: the published tables, and the private channel policies on realtime.messages
-- (an allow and a deny case per policy, checked the way Realtime checks them: realtime.topic() set, as the user).
begin;
select plan(14);
select tests.create_support_fixtures();

select ok(
  (select count(*) = 6 from pg_publication_tables
    where pubname = 'supabase_realtime' and schemaname = 'public'
      and tablename in ('conversations', 'messages', 'tickets', 'ticket_ai_results', 'work_orders', 'kb_articles')),
  'the tables the app subscribes to are in the supabase_realtime publication');

select is(private.conversation_id_of_topic('conversation:not-a-uuid'), null, 'a malformed conversation topic names no conversation (and raises nothing)');

-- How Realtime authorises a private channel: as the user, with the topic set, it selects (join) or inserts (send).
create function tests.can_join(persona text, topic text) returns boolean language plpgsql as $$
declare visible boolean;
begin
  -- A row on the topic written as the owner; joining means the user can select it.
  insert into realtime.messages (topic, extension, private) values (topic, 'presence', true);
  perform tests.authenticate_as(persona);
  perform set_config('realtime.topic', topic, true);
  select exists (select 1 from realtime.messages where messages.topic = can_join.topic) into visible;
  perform set_config('role', 'postgres', true);
  return visible;
end $$;

create function tests.can_send(persona text, topic text) returns boolean language plpgsql as $$
begin
  perform tests.authenticate_as(persona);
  perform set_config('realtime.topic', topic, true);
  insert into realtime.messages (topic, extension, private) values (topic, 'broadcast', true);
  perform set_config('role', 'postgres', true);
  return true;
exception when insufficient_privilege then
  perform set_config('role', 'postgres', true);
  return false;
end $$;
grant execute on function tests.can_join(text, text), tests.can_send(text, text) to authenticated;

select ok(tests.can_join('customer_a', 'conversation:00000000-0000-4000-a000-00000000000a'), 'a customer can join their own conversation''s channel');
select ok(not tests.can_join('customer_b', 'conversation:00000000-0000-4000-a000-00000000000a'), 'another customer cannot join it');
select ok(tests.can_send('customer_a', 'conversation:00000000-0000-4000-a000-00000000000a'), 'a customer can broadcast (typing) in their own conversation');
select ok(not tests.can_send('customer_b', 'conversation:00000000-0000-4000-a000-00000000000a'), 'another customer cannot broadcast in it');
select ok(tests.can_join('technician', 'conversation:00000000-0000-4000-a000-00000000000a'), 'a technician can join the channel of a conversation linked to a ticket');
select ok(tests.can_send('admin', 'conversation:00000000-0000-4000-a000-00000000000a'), 'an admin can broadcast in any conversation');
select ok(not tests.can_join('customer_a', 'conversation:not-a-uuid'), 'a malformed topic is refused, not an error');

select ok(tests.can_join('technician', 'desk'), 'a technician can join the desk channel');
select ok(not tests.can_join('customer_a', 'desk'), 'a customer cannot join the desk channel');
select ok(tests.can_send('admin', 'desk'), 'an admin can track presence on the desk channel');
select ok(not tests.can_send('customer_a', 'desk'), 'a customer cannot send on the desk channel');

select tests.authenticate_as_anon();
select set_config('realtime.topic', 'desk', true);
select is((select count(*)::int from realtime.messages), 0, 'an anonymous visitor can join no private channel');
reset role;

select * from finish();
rollback;
