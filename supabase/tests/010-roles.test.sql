-- Roles: the profile trigger, role protection, the access token hook and who reads which profile.
begin;
select plan(22);
select tests.create_support_fixtures();

select is((select role::text from public.profiles where id = tests.user_id('customer_a')), 'customer', 'a new user gets a customer profile by trigger');
select is((select full_name || '/' || username from public.profiles where id = tests.user_id('customer_a')), 'Customer A/customer_a', 'full name and username come from raw_user_meta_data');
select is((select email from public.profiles where id = tests.user_id('customer_a')), 'customer_a@tests.local', 'the profile copies the email');

-- The hook
select is(private.custom_access_token_hook(jsonb_build_object('user_id', tests.user_id('technician'), 'claims', '{"role":"authenticated"}'::jsonb)) -> 'claims' ->> 'user_role', 'technician', 'the hook adds user_role from the profile');
select is(private.custom_access_token_hook(jsonb_build_object('user_id', gen_random_uuid(), 'claims', '{"role":"authenticated"}'::jsonb)) -> 'claims' ->> 'user_role', 'customer', 'the hook falls back to customer without a profile');
select is(private.custom_access_token_hook(jsonb_build_object('user_id', tests.user_id('admin'), 'claims', '{"role":"authenticated","aal":"aal1"}'::jsonb)) -> 'claims' ->> 'aal', 'aal1', 'the hook keeps the other claims');
select ok(has_function_privilege('supabase_auth_admin', 'private.custom_access_token_hook(jsonb)', 'execute'), 'supabase_auth_admin may run the hook');
select ok(not has_function_privilege('authenticated', 'private.custom_access_token_hook(jsonb)', 'execute'), 'authenticated may not run the hook');
select ok(not has_function_privilege('anon', 'private.custom_access_token_hook(jsonb)', 'execute'), 'anon may not run the hook');
set local role supabase_auth_admin;
select set_config('tests.hook_claim', private.custom_access_token_hook(jsonb_build_object('user_id', tests.user_id('admin'), 'claims', '{}'::jsonb)) -> 'claims' ->> 'user_role', true);
reset role;
select is(current_setting('tests.hook_claim'), 'admin', 'as supabase_auth_admin the hook reads the role');

-- Role changes
select tests.authenticate_as('customer_a');
select throws_ok($$update public.profiles set role = 'admin' where id = (select auth.uid())$$, '42501', 'only an admin can change a role', 'a customer cannot raise their own role');
select is(tests.affected_rows($$update public.profiles set full_name = 'Alice' where id = (select auth.uid())$$), 1, 'a customer can update their own profile');
select is(tests.affected_rows($$update public.profiles set full_name = 'Mallory' where id = tests.user_id('customer_b')$$), 0, 'a customer cannot update another profile');
select is((select count(*)::int from public.profiles), 1, 'a customer reads only their own profile');
reset role;

select tests.authenticate_as('technician');
select throws_ok($$update public.profiles set role = 'admin' where id = (select auth.uid())$$, '42501', 'only an admin can change a role', 'a technician cannot make themselves admin');
select is(tests.affected_rows($$update public.profiles set role = 'admin' where id = tests.user_id('customer_a')$$), 0, 'a technician cannot make anyone else admin');
select is((select count(*)::int from public.profiles where id in (tests.user_id('customer_a'), tests.user_id('customer_b'))), 2, 'staff read all profiles');
-- claim the ticket so customer_a may see their technician
select is(tests.affected_rows($$update public.tickets set assigned_to = (select auth.uid()), status = 'assigned' where id = '00000000-0000-4000-b000-00000000000a'$$), 1, 'technician claims customer_a''s ticket');
reset role;

select tests.authenticate_as('customer_a');
select is((select count(*)::int from public.profiles where id = tests.user_id('technician')), 1, 'a customer reads the technician assigned to their ticket');
select tests.authenticate_as('customer_b');
select is((select count(*)::int from public.profiles where id = tests.user_id('technician')), 0, 'another customer does not read that technician');
reset role;

select tests.authenticate_as('admin');
select is(tests.affected_rows($$update public.profiles set role = 'technician' where id = tests.user_id('customer_b')$$), 1, 'an admin can change a role');
reset role;

select tests.authenticate_as_anon();
select is_empty('select id from public.profiles', 'anon reads no profiles');
reset role;

select * from finish();
rollback;
