-- Messages with an attachment (issue 17, migration 20261218000200): the attachment must be a stored object of the
-- message's own conversation, staff-only files only on internal notes, and the type, size and content type come
-- from Storage, never from the writer. public.upload_limits(bucket) states the bucket's limits.
begin;
select plan(18);
select tests.create_support_fixtures();

insert into storage.objects (bucket_id, name, owner_id, metadata) values
  ('attachments', '00000000-0000-4000-a000-00000000000a/photo/warning-light.png', tests.user_id('customer_a')::text, '{"size": 2048, "mimetype": "image/png"}'),
  ('attachments', '00000000-0000-4000-a000-00000000000a/doc/invoice.pdf', tests.user_id('customer_a')::text, '{"size": 4096, "mimetype": "application/pdf"}'),
  ('attachments', '00000000-0000-4000-a000-00000000000a/internal/wiring.pdf', tests.user_id('technician')::text, '{"size": 99, "mimetype": "application/pdf"}'),
  ('attachments', '00000000-0000-4000-a000-00000000000b/other.png', tests.user_id('customer_b')::text, '{"size": 1, "mimetype": "image/png"}'),
  ('attachments', '00000000-0000-4000-a000-00000000000a/voice/recording.webm', tests.user_id('customer_a')::text, '{"size": 5000, "mimetype": "audio/webm"}');

select tests.authenticate_as('customer_a');
select lives_ok($$
  insert into public.messages (id, conversation_id, sender_id, role, content, type, metadata)
  values ('00000000-0000-4000-a000-0000000000f1', '00000000-0000-4000-a000-00000000000a', tests.user_id('customer_a'), 'user', 'The light on the dash',
    'text', '{"attachment": {"path": "00000000-0000-4000-a000-00000000000a/photo/warning-light.png", "name": "dash.png", "size": 1, "mime": "text/plain"}}')
$$, 'a customer sends a photo of their own conversation');
select tests.clear_authentication();
reset role;
select results_eq($$
  select type::text, metadata -> 'attachment' ->> 'name', (metadata -> 'attachment' ->> 'size')::int, metadata -> 'attachment' ->> 'mime'
  from public.messages where id = '00000000-0000-4000-a000-0000000000f1'
$$, $$ values ('image', 'dash.png', 2048, 'image/png') $$, 'the type, size and content type come from Storage, not from the writer');

select tests.authenticate_as('customer_a');
select lives_ok($$
  insert into public.messages (id, conversation_id, sender_id, role, content, metadata)
  values ('00000000-0000-4000-a000-0000000000f2', '00000000-0000-4000-a000-00000000000a', tests.user_id('customer_a'), 'user', 'invoice.pdf',
    '{"attachment": {"path": "00000000-0000-4000-a000-00000000000a/doc/invoice.pdf"}}')
$$, 'a PDF needs only its path');
select tests.clear_authentication();
reset role;
select results_eq($$ select type::text, metadata -> 'attachment' ->> 'name' from public.messages where id = '00000000-0000-4000-a000-0000000000f2' $$,
  $$ values ('file', 'invoice.pdf') $$, 'a PDF is a file, named after its object when no name is given');

select tests.authenticate_as('customer_a');
select lives_ok($$
  insert into public.messages (id, conversation_id, sender_id, role, content, metadata)
  values ('00000000-0000-4000-a000-0000000000f4', '00000000-0000-4000-a000-00000000000a', tests.user_id('customer_a'), 'user', '',
    '{"attachment": {"path": "00000000-0000-4000-a000-00000000000a/photo/warning-light.png", "name": "dash again.png"}}')
$$, 'a photo may come without a caption');
select tests.clear_authentication();
reset role;
select is((select content from public.messages where id = '00000000-0000-4000-a000-0000000000f4'), 'dash again.png',
  'without a caption the message reads as the file''s name');
select tests.authenticate_as('customer_a');
select throws_ok($$
  insert into public.messages (conversation_id, sender_id, role, content, metadata)
  values ('00000000-0000-4000-a000-00000000000a', tests.user_id('customer_a'), 'user', 'x', '{"attachment": {"path": "00000000-0000-4000-a000-00000000000b/other.png"}}')
$$, '23514', 'An attachment must be a file of this conversation.', 'a file of another conversation cannot be attached');
select throws_ok($$
  insert into public.messages (conversation_id, sender_id, role, content, metadata)
  values ('00000000-0000-4000-a000-00000000000a', tests.user_id('customer_a'), 'user', 'x', '{"attachment": {"path": "00000000-0000-4000-a000-00000000000a/photo/never-uploaded.png"}}')
$$, '23514', 'That file was not uploaded (or was removed); attach it again.', 'a path with no stored object is refused');
select throws_ok($$
  insert into public.messages (conversation_id, sender_id, role, content, metadata)
  values ('00000000-0000-4000-a000-00000000000a', tests.user_id('customer_a'), 'user', 'x', '{"attachment": {"path": "00000000-0000-4000-a000-00000000000a/internal/wiring.pdf"}}')
$$, '23514', 'A staff-only file can only be attached to an internal note.', 'a customer message cannot point at a staff-only file');
select throws_ok($$
  insert into public.messages (conversation_id, sender_id, role, content, type)
  values ('00000000-0000-4000-a000-00000000000a', tests.user_id('customer_a'), 'user', 'a photo', 'image')
$$, '23514', 'A message of type image needs its attachment.', 'an image message without an attachment is refused');

select lives_ok($$
  insert into public.messages (id, conversation_id, sender_id, role, content, metadata)
  values ('00000000-0000-4000-a000-0000000000f3', '00000000-0000-4000-a000-00000000000a', tests.user_id('customer_a'), 'user', 'Voice message',
    '{"attachment": {"path": "00000000-0000-4000-a000-00000000000a/voice/recording.webm", "duration_seconds": 4.26}}')
$$, 'a customer sends a voice message with its length');
select throws_ok($$
  insert into public.messages (conversation_id, sender_id, role, content, metadata)
  values ('00000000-0000-4000-a000-00000000000a', tests.user_id('customer_a'), 'user', 'Voice message',
    '{"attachment": {"path": "00000000-0000-4000-a000-00000000000a/voice/recording.webm", "duration_seconds": 99999}}')
$$, '23514', 'A voice message can be at most an hour long.', 'a recording''s length is bounded');
select tests.clear_authentication();
reset role;
select results_eq($$
  select type::text, (metadata -> 'attachment' ->> 'duration_seconds')::numeric from public.messages where id = '00000000-0000-4000-a000-0000000000f3'
$$, $$ values ('voice', 4.3) $$, 'audio is a voice message and keeps its length (the only figure Storage cannot know)');

select tests.authenticate_as('technician');
select lives_ok($$
  insert into public.messages (conversation_id, sender_id, role, content, is_internal_note, metadata)
  values ('00000000-0000-4000-a000-00000000000a', tests.user_id('technician'), 'technician', 'Wiring diagram', true,
    '{"attachment": {"path": "00000000-0000-4000-a000-00000000000a/internal/wiring.pdf"}}')
$$, 'a technician attaches a staff-only file to an internal note');
select throws_ok($$
  insert into public.messages (conversation_id, sender_id, role, content, is_internal_note, metadata)
  values ('00000000-0000-4000-a000-00000000000a', tests.user_id('technician'), 'technician', 'Invoice', true,
    '{"attachment": {"path": "00000000-0000-4000-a000-00000000000a/doc/invoice.pdf"}}')
$$, '23514', 'An internal note''s file must be uploaded as staff-only.', 'an internal note''s file lives in the staff-only folder');

-- A merge moves a duplicate's messages into the survivor's conversation (public.merge_tickets); their files stay put.
select tests.clear_authentication();
reset role;
select lives_ok($$ update public.messages set conversation_id = '00000000-0000-4000-a000-00000000000b' where id = '00000000-0000-4000-a000-0000000000f1' $$,
  'a message with a file moves to another conversation, as a merge moves it');
select tests.authenticate_as('customer_a');
select results_eq($$ select max_bytes, array_length(allowed_types, 1) > 0 from public.upload_limits('attachments') $$,
  $$ values (26214400::bigint, true) $$, 'a signed-in person reads the attachment limits');
select tests.authenticate_as_anon();
select throws_ok($$ select * from public.upload_limits('attachments') $$, '42501', null, 'anonymous visitors cannot read them');

select * from finish();
rollback;
