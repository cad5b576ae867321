-- Roles: profiles, departments, the user_role claim and the helpers every RLS policy uses.

-- ---------------------------------------------------------------------------------------------------------------
-- Enums
-- ---------------------------------------------------------------------------------------------------------------
create type public.user_role as enum ('customer', 'technician', 'admin');
comment on type public.user_role is 'What a person may do: customers ask, technicians answer, admins manage everything.';

-- ---------------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------------
create table public.departments (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (length(trim(name)) > 0),
  description text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.departments is 'Teams of technicians (e.g. Diagnostics, Billing). Analysis KPIs can be broken down by department.';
comment on column public.departments.id is 'Department id.';
comment on column public.departments.name is 'Display name, unique.';
comment on column public.departments.description is 'What the team handles.';
comment on column public.departments.created_at is 'When the department was created.';
comment on column public.departments.updated_at is 'Last change, maintained by trigger.';

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  full_name text not null default '',
  username text unique check (username is null or username ~ '^[A-Za-z0-9_.-]{3,40}$'),
  avatar_url text,
  email text,
  phone text,
  department_id uuid references public.departments (id) on delete set null,
  role public.user_role not null default 'customer',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.profiles is 'One row per auth user, created by trigger on sign-up. The role column is changed only by admins, the service role or Studio (trigger protect_profile_fields).';
comment on column public.profiles.id is 'Same id as auth.users.';
comment on column public.profiles.full_name is 'Display name, from raw_user_meta_data.full_name at sign-up.';
comment on column public.profiles.username is 'Unique handle (3-40 letters, digits, _ . -), from raw_user_meta_data.username at sign-up.';
comment on column public.profiles.avatar_url is 'Public URL of the avatar image.';
comment on column public.profiles.email is 'Contact email, copied from auth.users at sign-up.';
comment on column public.profiles.phone is 'Contact phone number.';
comment on column public.profiles.department_id is 'Technician''s department; only admins change it.';
comment on column public.profiles.role is 'customer (default), technician or admin. Copied into the JWT as the user_role claim by private.custom_access_token_hook.';
comment on column public.profiles.created_at is 'When the profile was created.';
comment on column public.profiles.updated_at is 'Last change, maintained by trigger.';

-- ---------------------------------------------------------------------------------------------------------------
-- Indexes
-- ---------------------------------------------------------------------------------------------------------------
create index profiles_department_id_idx on public.profiles (department_id);
create index profiles_role_idx on public.profiles (role) where role <> 'customer';

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers (used by policies and triggers below)
-- ---------------------------------------------------------------------------------------------------------------
/**
 * The caller's role: the user_role claim the access token hook put in the JWT, or (tokens minted before the hook
 * was enabled, service calls) the profile's role. Null for anon.
 */
create or replace function private.current_user_role()
returns public.user_role
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  claimed text := auth.jwt() ->> 'user_role';
  user_id uuid := auth.uid();
begin
  if user_id is null then
    return null;
  end if;
  if claimed in ('customer', 'technician', 'admin') then
    return claimed::public.user_role;
  end if;
  return coalesce((select profile.role from public.profiles profile where profile.id = user_id), 'customer');
end;
$$;
comment on function private.current_user_role() is 'The caller''s role from the user_role JWT claim, falling back to profiles; null for anon.';
grant execute on function private.current_user_role() to anon, authenticated, service_role;

create or replace function private.is_staff()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$ select coalesce(private.current_user_role() in ('technician', 'admin'), false) $$;
comment on function private.is_staff() is 'True for technicians and admins.';
grant execute on function private.is_staff() to anon, authenticated, service_role;

create or replace function private.is_technician()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$ select coalesce(private.current_user_role() = 'technician', false) $$;
comment on function private.is_technician() is 'True for technicians (not admins).';
grant execute on function private.is_technician() to anon, authenticated, service_role;

create or replace function private.is_admin()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$ select coalesce(private.current_user_role() = 'admin', false) $$;
comment on function private.is_admin() is 'True for admins.';
grant execute on function private.is_admin() to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------------------------------------------
/** Creates the profile of every new auth user; the role always starts as customer. */
create or replace function private.handle_new_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.profiles (id, full_name, username, avatar_url, email, phone)
  values (
    new.id,
    coalesce(new.raw_user_meta_data ->> 'full_name', new.raw_user_meta_data ->> 'name', ''),
    nullif(new.raw_user_meta_data ->> 'username', ''),
    new.raw_user_meta_data ->> 'avatar_url',
    new.email,
    new.phone
  );
  return new;
end;
$$;
comment on function private.handle_new_user() is 'After-insert trigger on auth.users: creates the matching public.profiles row.';

create trigger on_auth_user_created
  after insert on auth.users
  for each row execute function private.handle_new_user();

/**
 * API callers (current_user = authenticated) who are not admins may not change their role or department.
 * The service role, Studio (postgres/supabase_admin) and admins may.
 */
create or replace function private.protect_profile_fields()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user = 'authenticated' and not private.is_admin() then
    if new.role is distinct from old.role then
      raise exception 'only an admin can change a role' using errcode = '42501';
    end if;
    if new.department_id is distinct from old.department_id then
      raise exception 'only an admin can change a department' using errcode = '42501';
    end if;
    if new.id is distinct from old.id or new.created_at is distinct from old.created_at then
      raise exception 'profile id and created_at cannot change' using errcode = '42501';
    end if;
  end if;
  return new;
end;
$$;
comment on function private.protect_profile_fields() is 'Before-update trigger on profiles: only admins (or service role / Studio) change role and department.';

create trigger protect_profile_fields
  before update on public.profiles
  for each row execute function private.protect_profile_fields();
create trigger touch_updated_at before update on public.profiles
  for each row execute function private.touch_updated_at();
create trigger touch_updated_at before update on public.departments
  for each row execute function private.touch_updated_at();

-- ---------------------------------------------------------------------------------------------------------------
-- Policies
-- ---------------------------------------------------------------------------------------------------------------
alter table public.profiles enable row level security;
alter table public.departments enable row level security;

create policy "Users can read their own profile" on public.profiles
  for select to authenticated using (id = (select auth.uid()));
create policy "Staff can read all profiles" on public.profiles
  for select to authenticated using ((select private.is_staff()));
create policy "Users can update their own profile" on public.profiles
  for update to authenticated using (id = (select auth.uid())) with check (id = (select auth.uid()));
create policy "Admins can update any profile" on public.profiles
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins can delete profiles" on public.profiles
  for delete to authenticated using ((select private.is_admin()));

create policy "Signed-in users can read departments" on public.departments
  for select to authenticated using (true);
create policy "Admins can create departments" on public.departments
  for insert to authenticated with check ((select private.is_admin()));
create policy "Admins can update departments" on public.departments
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins can delete departments" on public.departments
  for delete to authenticated using ((select private.is_admin()));

-- The custom access token hook runs as supabase_auth_admin and reads roles (Supabase RBAC docs).
grant usage on schema public to supabase_auth_admin;
grant select on table public.profiles to supabase_auth_admin;
create policy "Auth admin can read roles for the access token hook" on public.profiles
  as permissive for select to supabase_auth_admin using (true);

-- ---------------------------------------------------------------------------------------------------------------
-- Custom access token hook
-- ---------------------------------------------------------------------------------------------------------------
/** Adds the user_role claim (customer when the profile is missing) to every access token Auth issues. */
create or replace function private.custom_access_token_hook(event jsonb)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  claims jsonb := coalesce(event -> 'claims', '{}'::jsonb);
  role_of_user public.user_role;
begin
  select profile.role into role_of_user
  from public.profiles profile
  where profile.id = (event ->> 'user_id')::uuid;

  claims := jsonb_set(claims, '{user_role}', to_jsonb(coalesce(role_of_user, 'customer'::public.user_role)::text));
  return jsonb_set(event, '{claims}', claims);
end;
$$;
comment on function private.custom_access_token_hook(jsonb) is 'Supabase Auth custom access token hook: sets claims.user_role from profiles.role.';
grant usage on schema private to supabase_auth_admin;
grant execute on function private.custom_access_token_hook(jsonb) to supabase_auth_admin;
revoke execute on function private.custom_access_token_hook(jsonb) from authenticated, anon, public;
