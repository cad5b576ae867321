-- Per-account sign-in limit (issue 20 point 3, decision 0013). Auth's own limits count per client address; the app
-- passes each client's address to Auth, so an attacker spends only their own address's budget. What they can still
-- do from many addresses is guess one account's password: this hook, called by Auth on every password check
-- (`[auth.hook.password_verification_attempt]` in config.toml, Supabase's Password Verification Hook), counts an
-- account's recent wrong passwords and refuses its sign-ins, even with the right password, once there are too many.
-- Only that account is paused; everyone else, at the same address or not, signs in as usual.

-- ---------------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------------
create table private.password_failed_attempts (
  id bigint generated always as identity primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  attempted_at timestamptz not null default now()
);
comment on table private.password_failed_attempts is
  'Wrong passwords per account, written only by private.password_verification_attempt_hook (Auth''s password verification hook). Rows older than the window are deleted on the account''s next attempt; a right password clears them.';
comment on column private.password_failed_attempts.id is 'Row identity.';
comment on column private.password_failed_attempts.user_id is 'The account whose password was wrong (auth.users.id).';
comment on column private.password_failed_attempts.attempted_at is 'When Auth checked the wrong password.';

-- ---------------------------------------------------------------------------------------------------------------
-- Indexes
-- ---------------------------------------------------------------------------------------------------------------
create index password_failed_attempts_user_id_attempted_at_idx on private.password_failed_attempts (user_id, attempted_at);

-- ---------------------------------------------------------------------------------------------------------------
-- Policies
-- ---------------------------------------------------------------------------------------------------------------
-- RLS on and no policy: no API role reads or writes the table; only the hook (security definer) does.
alter table private.password_failed_attempts enable row level security;
revoke all on table private.password_failed_attempts from anon, authenticated, public;

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
/**
 * Supabase Auth's password verification attempt hook. Event: { user_id, valid }. Answers { decision: 'continue' }
 * or, when the account has 5 wrong passwords within the last 15 minutes, { decision: 'reject', message,
 * should_logout_user: false } — Auth then refuses the sign-in with that message (400 invalid_credentials).
 * Attempts refused this way are not counted, so the pause ends 15 minutes after the failures that caused it.
 */
create function private.password_verification_attempt_hook(event jsonb)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  max_failures constant integer := 5;
  failure_window constant interval := interval '15 minutes';
  attempting_user uuid := (event ->> 'user_id')::uuid;
  recent_failures integer;
begin
  -- One account's attempts are counted one at a time, so parallel guesses cannot slip past the limit.
  perform pg_advisory_xact_lock(hashtextextended('password_failed_attempts:' || attempting_user::text, 0));

  delete from private.password_failed_attempts attempt
  where attempt.user_id = attempting_user and attempt.attempted_at <= now() - failure_window;

  select count(*) into recent_failures
  from private.password_failed_attempts attempt
  where attempt.user_id = attempting_user;

  if recent_failures >= max_failures then
    return jsonb_build_object(
      'decision', 'reject',
      'message', 'Too many wrong passwords for this account. Sign-in is paused for up to 15 minutes; please try again later.',
      'should_logout_user', false);
  end if;

  if (event ->> 'valid')::boolean then
    delete from private.password_failed_attempts attempt where attempt.user_id = attempting_user;
  else
    insert into private.password_failed_attempts (user_id) values (attempting_user);
  end if;
  return jsonb_build_object('decision', 'continue');
end;
$$;
comment on function private.password_verification_attempt_hook(jsonb) is
  'Supabase Auth password verification attempt hook: refuses an account''s sign-ins after 5 wrong passwords within 15 minutes (per-account limit, decision 0013).';
revoke execute on function private.password_verification_attempt_hook(jsonb) from authenticated, anon, public;
grant execute on function private.password_verification_attempt_hook(jsonb) to supabase_auth_admin;
