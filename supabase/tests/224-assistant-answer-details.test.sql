-- The assistant's internal figures about an answer are staff-only (issue 20, point 5; migration 20261219000100):
-- public.messages, which customers read (and Realtime sends them), no longer has a confidence column; the figures
-- live in assistant_answer_details, which only staff read and only an assistant answer may have.
begin;
select plan(9);
select tests.create_support_fixtures();

select hasnt_column('public', 'messages', 'ai_confidence', 'a message row carries no confidence for customers to receive');

insert into public.messages (id, conversation_id, role, content, metadata)
values ('00000000-0000-4000-a000-0000000000e1', '00000000-0000-4000-a000-00000000000a', 'assistant', 'Try the battery first [1]',
  '{"citations": [], "model": "local-extractive-v1"}');
insert into public.assistant_answer_details (message_id, confidence) values ('00000000-0000-4000-a000-0000000000e1', 0.420);

select throws_ok($$
  insert into public.assistant_answer_details (message_id, confidence)
  select id, 0.5 from public.messages where conversation_id = '00000000-0000-4000-a000-00000000000a' and role = 'user' limit 1
$$, '23514', 'Only an assistant answer has answer details.', 'a customer''s message has no answer details');

select tests.authenticate_as('customer_a');
select results_eq($$ select count(*)::int from public.messages where id = '00000000-0000-4000-a000-0000000000e1' $$, $$ values (1) $$,
  'the customer reads the answer');
select is_empty($$ select * from public.assistant_answer_details $$, 'but not its confidence, not even for their own conversation');
select throws_ok($$ insert into public.assistant_answer_details (message_id, confidence) values ('00000000-0000-4000-a000-0000000000e1', 1) $$,
  '42501', null, 'a customer cannot write a confidence');

select tests.authenticate_as('technician');
select results_eq($$ select confidence from public.assistant_answer_details where message_id = '00000000-0000-4000-a000-0000000000e1' $$,
  $$ values (0.420::numeric) $$, 'a technician reads the answer''s confidence');
select is(tests.affected_rows($$ update public.assistant_answer_details set confidence = 1 $$), 0, 'a technician cannot change it');

select tests.authenticate_as('admin');
select is(tests.affected_rows($$ update public.assistant_answer_details set confidence = 0.9 where message_id = '00000000-0000-4000-a000-0000000000e1' $$), 1,
  'an admin corrects it');
select tests.clear_authentication();
reset role;

delete from public.messages where id = '00000000-0000-4000-a000-0000000000e1';
select is_empty($$ select * from public.assistant_answer_details where message_id = '00000000-0000-4000-a000-0000000000e1' $$,
  'the details go with their message');

select * from finish();
rollback;
