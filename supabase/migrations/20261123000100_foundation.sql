-- Foundation: privileges, the private schema, extensions.
-- Every later migration relies on these defaults: functions are not executable by the API roles unless a
-- migration grants it right after creating the function (STYLE 1).

-- ---------------------------------------------------------------------------------------------------------------
-- Default privileges
-- ---------------------------------------------------------------------------------------------------------------
alter default privileges revoke execute on functions from public;
alter default privileges in schema public revoke execute on functions from public;
alter default privileges in schema public revoke execute on functions from anon, authenticated;
alter default privileges for role postgres in schema public revoke execute on functions from public;
alter default privileges for role postgres in schema public revoke execute on functions from anon, authenticated;

-- ---------------------------------------------------------------------------------------------------------------
-- Private schema: helpers, triggers and queue internals. Not exposed through the Data API.
-- anon and authenticated get usage only so RLS policies can call the boolean access helpers granted to them.
-- ---------------------------------------------------------------------------------------------------------------
create schema if not exists private;
comment on schema private is 'Helpers, trigger functions, security definer functions and the work queue. Never exposed through the Data API.';
revoke all on schema private from public;
grant usage on schema private to anon, authenticated, service_role;
alter default privileges in schema private revoke execute on functions from public;
alter default privileges for role postgres in schema private revoke execute on functions from public;

-- ---------------------------------------------------------------------------------------------------------------
-- Extensions
-- ---------------------------------------------------------------------------------------------------------------
create extension if not exists vector with schema extensions;
create extension if not exists pg_cron with schema pg_catalog;
create extension if not exists pgcrypto with schema extensions;

-- ---------------------------------------------------------------------------------------------------------------
-- Shared trigger helpers
-- ---------------------------------------------------------------------------------------------------------------
/** Keeps updated_at honest on every table that has one, whoever writes the row. */
create or replace function private.touch_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;
comment on function private.touch_updated_at() is 'Before-update trigger: sets updated_at to now().';
