-- Attachments in Storage (issue 17): the policies on storage.objects for the attachments bucket, an allow and a deny
-- per persona and command. Paths are <conversation_id>/<file>; <conversation_id>/internal/<file> is staff-only.
begin;
select plan(20);
select tests.create_support_fixtures();

-- Fixture: conversation A (customer_a, linked to ticket A), conversation B (customer_b, ticket B), conversation C
-- (customer_b, no ticket and no technician: staff other than admins do not see it).
insert into public.conversations (id, customer_id, title, solution_area)
values ('00000000-0000-4000-a000-00000000000c', tests.user_id('customer_b'), 'C thread', 'test-area');
insert into storage.objects (bucket_id, name, owner, owner_id, metadata) values
  ('attachments', '00000000-0000-4000-a000-00000000000a/warning-light.jpg', tests.user_id('customer_a'), tests.user_id('customer_a')::text, '{"size": 10}'),
  ('attachments', '00000000-0000-4000-a000-00000000000a/internal/relay-diagram.pdf', tests.user_id('technician'), tests.user_id('technician')::text, '{"size": 10}'),
  ('attachments', '00000000-0000-4000-a000-00000000000b/invoice.pdf', tests.user_id('customer_b'), tests.user_id('customer_b')::text, '{"size": 10}'),
  ('attachments', '00000000-0000-4000-a000-00000000000c/receipt.png', tests.user_id('customer_b'), tests.user_id('customer_b')::text, '{"size": 10}');

select is((select count(*)::int from storage.buckets where id = 'attachments' and not public), 1, 'the attachments bucket exists and is private');

-- select: the customer reads their own conversation's files, never another's nor its internal files
select tests.authenticate_as('customer_a');
select results_eq($$ select name from storage.objects where bucket_id = 'attachments' order by name $$,
  $$ values ('00000000-0000-4000-a000-00000000000a/warning-light.jpg') $$, 'a customer reads the files of their own conversation, not its internal ones');
select is_empty($$ select 1 from storage.objects where name like '00000000-0000-4000-a000-00000000000b/%' $$, 'a customer cannot read another customer''s files');
select is_empty($$ select * from storage.search('00000000-0000-4000-a000-00000000000b/', 'attachments') $$, 'a customer cannot list another customer''s folder');
select isnt_empty($$ select * from storage.search('00000000-0000-4000-a000-00000000000a/', 'attachments') $$, 'a customer lists their own conversation''s folder');

-- select: staff read the files of tickets they may see (internal ones too); a technician not on a conversation does not
select tests.authenticate_as('technician');
select is((select count(*)::int from storage.objects where name like '00000000-0000-4000-a000-00000000000a/%'), 2, 'a technician reads a ticket''s files, internal ones included');
select is_empty($$ select 1 from storage.objects where name like '00000000-0000-4000-a000-00000000000c/%' $$, 'a technician cannot read a conversation without a ticket that is not theirs');
select tests.authenticate_as('admin');
select is((select count(*)::int from storage.objects where bucket_id = 'attachments'), 4, 'an admin reads every attachment');
select tests.authenticate_as_anon();
select is_empty($$ select 1 from storage.objects where bucket_id = 'attachments' $$, 'anonymous visitors read no attachment');

-- insert: into conversations one takes part in; customers never under internal/
select tests.authenticate_as('customer_a');
select lives_ok($$ insert into storage.objects (bucket_id, name, owner_id) values ('attachments', '00000000-0000-4000-a000-00000000000a/second.jpg', tests.user_id('customer_a')::text) $$,
  'a customer attaches a file to their own conversation');
select throws_ok($$ insert into storage.objects (bucket_id, name, owner_id) values ('attachments', '00000000-0000-4000-a000-00000000000b/planted.jpg', tests.user_id('customer_a')::text) $$,
  '42501', 'new row violates row-level security policy for table "objects"', 'a customer cannot attach a file to another customer''s conversation');
select throws_ok($$ insert into storage.objects (bucket_id, name, owner_id) values ('attachments', '00000000-0000-4000-a000-00000000000a/internal/peek.pdf', tests.user_id('customer_a')::text) $$,
  '42501', 'new row violates row-level security policy for table "objects"', 'a customer cannot write staff-only files');
select throws_ok($$ insert into storage.objects (bucket_id, name, owner_id) values ('attachments', 'not-a-conversation/file.jpg', tests.user_id('customer_a')::text) $$,
  '42501', 'new row violates row-level security policy for table "objects"', 'a path outside any conversation is refused');
select tests.authenticate_as('technician');
select lives_ok($$ insert into storage.objects (bucket_id, name, owner_id) values ('attachments', '00000000-0000-4000-a000-00000000000a/internal/quote.pdf', tests.user_id('technician')::text) $$,
  'a technician attaches an internal file to a ticket''s conversation');
select throws_ok($$ insert into storage.objects (bucket_id, name, owner_id) values ('attachments', '00000000-0000-4000-a000-00000000000c/quote.pdf', tests.user_id('technician')::text) $$,
  '42501', 'new row violates row-level security policy for table "objects"', 'a technician cannot attach to a conversation they cannot see');
select tests.authenticate_as_anon();
select throws_ok($$ insert into storage.objects (bucket_id, name) values ('attachments', '00000000-0000-4000-a000-00000000000a/anon.jpg') $$,
  '42501', null, 'anonymous visitors cannot attach files');

-- update: nobody overwrites an attachment's row (there is no update policy)
select tests.authenticate_as('customer_a');
select is(tests.affected_rows($$ update storage.objects set name = '00000000-0000-4000-a000-00000000000a/renamed.jpg' where name = '00000000-0000-4000-a000-00000000000a/warning-light.jpg' $$), 0,
  'a customer cannot rename or overwrite an attachment');

-- delete (as the Storage API deletes, with storage.allow_delete_query): one's own uploads only
select set_config('storage.allow_delete_query', 'true', true);
select tests.authenticate_as('customer_b');
select is(tests.affected_rows($$ delete from storage.objects where name = '00000000-0000-4000-a000-00000000000a/warning-light.jpg' $$), 0,
  'a customer cannot remove another customer''s attachment');
select tests.authenticate_as('technician');
select is(tests.affected_rows($$ delete from storage.objects where name = '00000000-0000-4000-a000-00000000000a/warning-light.jpg' $$), 0,
  'a technician cannot remove a customer''s upload');
select tests.authenticate_as('customer_a');
select is(tests.affected_rows($$ delete from storage.objects where name = '00000000-0000-4000-a000-00000000000a/warning-light.jpg' $$), 1,
  'a customer removes their own upload');

select tests.clear_authentication();
reset role;
select * from finish();
rollback;
