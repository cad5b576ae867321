-- The `storage` schema as Supabase Storage keeps it (local stack only, never a project migration): buckets and
-- objects with the columns, indexes, triggers, helper functions and grants a hosted project has, so the project's
-- migrations can write policies on storage.objects (storage.foldername(name) …) and insert buckets unchanged.
-- Written from the storage-api's documented schema; its S3 multipart, analytics, vector and migration-bookkeeping
-- tables are left out (docs/local-stack-differences/storage.md). Idempotent: applied on every start.

------------------------------------------------------------------------------
-- Role: the local Storage service connects as the schema's owner and switches to the caller's role per request
------------------------------------------------------------------------------
do $$
begin
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'supabase_storage_admin') then
    create role supabase_storage_admin login noinherit createrole;
  end if;
end
$$;
alter role supabase_storage_admin password 'postgres';
alter role supabase_storage_admin set search_path = storage;
grant anon, authenticated, service_role to supabase_storage_admin;

create schema if not exists storage;
alter schema storage owner to supabase_storage_admin;
grant usage on schema storage to postgres, anon, authenticated, service_role;
grant all on schema storage to postgres;

------------------------------------------------------------------------------
-- Types
------------------------------------------------------------------------------
do $$
begin
  if not exists (select 1 from pg_type t join pg_namespace n on n.oid = t.typnamespace
                 where n.nspname = 'storage' and t.typname = 'buckettype') then
    create type storage.buckettype as enum ('STANDARD', 'ANALYTICS', 'VECTOR');
  end if;
end
$$;
alter type storage.buckettype owner to supabase_storage_admin;

------------------------------------------------------------------------------
-- Tables
------------------------------------------------------------------------------
create table if not exists storage.buckets (
  id text not null primary key,
  name text not null,
  owner uuid,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  public boolean default false,
  avif_autodetection boolean default false,
  file_size_limit bigint,
  allowed_mime_types text[],
  owner_id text,
  type storage.buckettype not null default 'STANDARD'
);
create unique index if not exists bname on storage.buckets using btree (name);
comment on column storage.buckets.owner is 'Field is deprecated, use owner_id instead';

create table if not exists storage.objects (
  id uuid not null default gen_random_uuid() primary key,
  bucket_id text constraint "objects_bucketId_fkey" references storage.buckets (id),
  name text,
  owner uuid,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  last_accessed_at timestamptz default now(),
  metadata jsonb,
  path_tokens text[] generated always as (string_to_array(name, '/')) stored,
  version text,
  owner_id text,
  user_metadata jsonb
);
create unique index if not exists bucketid_objname on storage.objects using btree (bucket_id, name);
create index if not exists name_prefix_search on storage.objects (name text_pattern_ops);
comment on column storage.objects.owner is 'Field is deprecated, use owner_id instead';

alter table storage.buckets enable row level security;
alter table storage.objects enable row level security;
alter table storage.buckets owner to supabase_storage_admin;
alter table storage.objects owner to supabase_storage_admin;

grant all on storage.buckets, storage.objects to anon, authenticated, service_role;
grant all on storage.buckets, storage.objects to postgres with grant option;
alter default privileges for role supabase_storage_admin in schema storage grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_storage_admin in schema storage grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_storage_admin in schema storage grant all on sequences to postgres, anon, authenticated, service_role;

------------------------------------------------------------------------------
-- Path helpers, as policies use them: storage.foldername(name)[1] is the first folder of a path
------------------------------------------------------------------------------
create or replace function storage.foldername(name text) returns text[]
language plpgsql immutable
as $$
declare
  _parts text[] := string_to_array(name, '/');
begin
  -- Every segment but the last (the file name).
  return _parts[1 : array_length(_parts, 1) - 1];
end
$$;

create or replace function storage.filename(name text) returns text
language plpgsql immutable
as $$
declare
  _parts text[] := string_to_array(name, '/');
begin
  return _parts[array_length(_parts, 1)];
end
$$;

create or replace function storage.extension(name text) returns text
language plpgsql immutable
as $$
declare
  _parts text[] := string_to_array(name, '/');
  _filename text := _parts[array_length(_parts, 1)];
begin
  -- What follows the file name's last dot (the whole name when it has none, as on Supabase).
  return reverse(split_part(reverse(_filename), '.', 1));
end
$$;

create or replace function storage.get_size_by_bucket() returns table (size bigint, bucket_id text)
language plpgsql stable
as $$
begin
  return query
    select sum((o.metadata ->> 'size')::bigint)::bigint as size, o.bucket_id
    from storage.objects as o
    group by o.bucket_id;
end
$$;

-- Lets a caller test an insert against the policies without keeping the row (Supabase's name and contract).
create or replace function storage.can_insert_object(bucketid text, name text, owner uuid, metadata jsonb) returns void
language plpgsql
as $$
begin
  insert into storage.objects (bucket_id, name, owner, metadata) values (bucketid, name, owner, metadata);
  raise sqlstate 'PT200' using message = 'ROLLBACK', detail = 'rollback successful insert';
end
$$;

------------------------------------------------------------------------------
-- Listing: one level of a bucket below a prefix, folders and files, run as the caller so RLS decides
------------------------------------------------------------------------------
-- Same signature and result as Supabase's storage.search (supabase-js `list`): `prefix` ends with '/' (or is
-- empty), `search` narrows the names at that level by a case-insensitive prefix, folders come back with a null id.
-- `levels` is accepted and ignored: the level is derived from prefix and search, as current Supabase does.
create or replace function storage.search(
  prefix text,
  bucketname text,
  limits int default 100,
  levels int default 1,
  offsets int default 0,
  search text default '',
  sortcolumn text default 'name',
  sortorder text default 'asc'
) returns table (name text, id uuid, updated_at timestamptz, created_at timestamptz, last_accessed_at timestamptz, metadata jsonb)
language plpgsql stable security invoker
set search_path = ''
as $$
declare
  v_pattern text := coalesce(prefix, '') || coalesce(search, '');
  v_like text := replace(replace(replace(v_pattern, '\', '\\'), '%', '\%'), '_', '\_') || '%';
  -- Path segments returned: from the first below the prefix to the one the pattern ends in.
  v_first int := coalesce(array_length(string_to_array(coalesce(prefix, ''), '/'), 1), 1);
  v_last int := coalesce(array_length(string_to_array(v_pattern, '/'), 1), 1);
  v_column text := case lower(coalesce(sortcolumn, 'name'))
                     when 'updated_at' then 'updated_at' when 'created_at' then 'created_at'
                     when 'last_accessed_at' then 'last_accessed_at' else 'name' end;
  v_descending boolean := lower(coalesce(sortorder, 'asc')) = 'desc';
begin
  return query
    with matching as (
      select o.id, o.path_tokens, o.updated_at, o.created_at, o.last_accessed_at, o.metadata
      from storage.objects as o
      where o.bucket_id = bucketname and o.name ilike v_like escape '\'
    ),
    entries as (
      select distinct array_to_string(m.path_tokens[v_first:v_last], '/') as name, null::uuid as id,
             null::timestamptz as updated_at, null::timestamptz as created_at, null::timestamptz as last_accessed_at,
             null::jsonb as metadata, true as is_folder
      from matching as m
      where array_length(m.path_tokens, 1) > v_last
      union all
      select array_to_string(m.path_tokens[v_first:v_last], '/'), m.id, m.updated_at, m.created_at, m.last_accessed_at,
             m.metadata, false
      from matching as m
      where array_length(m.path_tokens, 1) = v_last
    )
    select e.name, e.id, e.updated_at, e.created_at, e.last_accessed_at, e.metadata
    from entries as e
    order by
      -- By name, folders and files interleave; by a timestamp, folders (which have none) come first.
      case when v_column <> 'name' then not e.is_folder end,
      case when v_column = 'name' and not v_descending then lower(e.name) collate "C" end asc,
      case when v_column = 'name' and v_descending then lower(e.name) collate "C" end desc,
      case when not v_descending then case v_column when 'updated_at' then e.updated_at when 'created_at' then e.created_at
                                                     when 'last_accessed_at' then e.last_accessed_at end end asc,
      case when v_descending then case v_column when 'updated_at' then e.updated_at when 'created_at' then e.created_at
                                                 when 'last_accessed_at' then e.last_accessed_at end end desc,
      e.name collate "C"
    limit least(coalesce(limits, 100), 1500) offset coalesce(offsets, 0);
end
$$;

------------------------------------------------------------------------------
-- Triggers
------------------------------------------------------------------------------
create or replace function storage.update_updated_at_column() returns trigger
language plpgsql
as $$
begin
  new.updated_at = now();
  return new;
end
$$;
drop trigger if exists update_objects_updated_at on storage.objects;
create trigger update_objects_updated_at before update on storage.objects
  for each row execute function storage.update_updated_at_column();

create or replace function storage.enforce_bucket_name_length() returns trigger
language plpgsql
as $$
begin
  if length(new.name) > 100 then
    raise exception 'bucket name "%" is too long (% characters). Max is 100.', new.name, length(new.name);
  end if;
  return new;
end
$$;
drop trigger if exists enforce_bucket_name_length_trigger on storage.buckets;
create trigger enforce_bucket_name_length_trigger before insert or update of name on storage.buckets
  for each row execute function storage.enforce_bucket_name_length();

-- As on Supabase: rows leave these tables through the Storage API (which also removes the files), not by plain SQL.
create or replace function storage.protect_delete() returns trigger
language plpgsql
as $$
begin
  if coalesce(current_setting('storage.allow_delete_query', true), 'false') != 'true' then
    raise exception 'Direct deletion from storage tables is not allowed. Use the Storage API instead.'
      using hint = 'This prevents accidental data loss from orphaned objects.', errcode = '42501';
  end if;
  return null;
end
$$;
drop trigger if exists protect_buckets_delete on storage.buckets;
create trigger protect_buckets_delete before delete on storage.buckets
  for each statement execute function storage.protect_delete();
drop trigger if exists protect_objects_delete on storage.objects;
create trigger protect_objects_delete before delete on storage.objects
  for each statement execute function storage.protect_delete();

do $$
declare
  storage_function text;
begin
  foreach storage_function in array array[
    'foldername(text)', 'filename(text)', 'extension(text)', 'get_size_by_bucket()',
    'can_insert_object(text, text, uuid, jsonb)', 'search(text, text, int, int, int, text, text, text)',
    'update_updated_at_column()', 'enforce_bucket_name_length()', 'protect_delete()'
  ] loop
    execute format('alter function storage.%s owner to supabase_storage_admin', storage_function);
    execute format('grant execute on function storage.%s to postgres, anon, authenticated, service_role', storage_function);
  end loop;
end
$$;
