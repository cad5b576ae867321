-- The password verification attempt hook: the per-account sign-in limit (decision 0013).
begin;
select plan(14);
select tests.create_support_fixtures();

create function pg_temp.attempt(persona text, valid boolean) returns jsonb language sql as $$
  select private.password_verification_attempt_hook(jsonb_build_object('user_id', tests.user_id(persona), 'valid', valid))
$$;

-- Who may run it and read its table
select ok(has_function_privilege('supabase_auth_admin', 'private.password_verification_attempt_hook(jsonb)', 'execute'), 'supabase_auth_admin may run the hook');
select ok(not has_function_privilege('authenticated', 'private.password_verification_attempt_hook(jsonb)', 'execute'), 'authenticated may not run the hook');
select ok(not has_function_privilege('anon', 'private.password_verification_attempt_hook(jsonb)', 'execute'), 'anon may not run the hook');
select ok((select relrowsecurity from pg_class where oid = 'private.password_failed_attempts'::regclass), 'RLS is on for private.password_failed_attempts');
select ok(not has_table_privilege('authenticated', 'private.password_failed_attempts', 'select'), 'authenticated may not read the failed attempts');

-- Counting
select is(pg_temp.attempt('customer_a', true), '{"decision": "continue"}'::jsonb, 'a right password continues');
select is((select count(*)::int from (select pg_temp.attempt('customer_a', false) from generate_series(1, 5)) attempts), 5, 'five wrong passwords are checked');
select is((select count(*)::int from private.password_failed_attempts where user_id = tests.user_id('customer_a')), 5, 'each wrong password is recorded for the account');
select is(pg_temp.attempt('customer_a', true) ->> 'decision', 'reject', 'after five wrong passwords the right one is refused');
select matches(pg_temp.attempt('customer_a', true) ->> 'message', '^Too many wrong passwords for this account', 'the refusal says why, for a person');
select is(pg_temp.attempt('customer_b', true), '{"decision": "continue"}'::jsonb, 'another account is not affected');
select is((select count(*)::int from private.password_failed_attempts where user_id = tests.user_id('customer_a')), 5, 'refused attempts are not counted');

-- The window: move the failures back in time instead of waiting
update private.password_failed_attempts set attempted_at = now() - interval '15 minutes 1 second' where user_id = tests.user_id('customer_a');
select is(pg_temp.attempt('customer_a', true), '{"decision": "continue"}'::jsonb, 'failures older than 15 minutes no longer count');
select is((select count(*)::int from private.password_failed_attempts where user_id = tests.user_id('customer_a')), 0, 'old failures are deleted and a right password clears the count');

select * from finish();
rollback;
