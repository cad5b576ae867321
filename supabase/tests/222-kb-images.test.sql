-- Article images (issue 17, migration 20261218000300): the public kb-images bucket, written and removed by admins only.
begin;
select plan(10);
select tests.create_support_fixtures();

select is((select public from storage.buckets where id = 'kb-images'), true, 'the article images bucket is public (visitors read files by URL)');
select is((select file_size_limit from storage.buckets where id = 'kb-images'), 5242880::bigint, 'article images are at most 5 MB');

select tests.authenticate_as('admin');
select results_eq($$ select max_bytes from public.upload_limits('kb-images') $$, $$ values (5242880::bigint) $$, 'the article editor reads the image limits');
select is_empty($$ select * from public.upload_limits('some-other-bucket') $$, 'only the buckets the app uploads to answer');
select lives_ok($$ insert into storage.objects (bucket_id, name, owner_id) values ('kb-images', 'articles/brake-pads.png', tests.user_id('admin')::text) $$,
  'an admin uploads an article image');
select tests.authenticate_as('technician');
select throws_ok($$ insert into storage.objects (bucket_id, name, owner_id) values ('kb-images', 'articles/planted.png', tests.user_id('technician')::text) $$,
  '42501', 'new row violates row-level security policy for table "objects"', 'a technician cannot add article images');
select tests.authenticate_as('customer_a');
select throws_ok($$ insert into storage.objects (bucket_id, name, owner_id) values ('kb-images', 'articles/planted.png', tests.user_id('customer_a')::text) $$,
  '42501', 'new row violates row-level security policy for table "objects"', 'a customer cannot add article images');
select is_empty($$ select 1 from storage.objects where bucket_id = 'kb-images' $$, 'a customer does not list the article images through the API');
-- Deletes as the Storage API makes them (storage.allow_delete_query), so only the policies decide.
select set_config('storage.allow_delete_query', 'true', true);
select is(tests.affected_rows($$ delete from storage.objects where bucket_id = 'kb-images' $$), 0, 'a customer cannot remove article images');

select tests.authenticate_as('admin');
select is(tests.affected_rows($$ delete from storage.objects where bucket_id = 'kb-images' and name = 'articles/brake-pads.png' $$), 1, 'an admin removes an article image');

select tests.clear_authentication();
reset role;
select * from finish();
rollback;
