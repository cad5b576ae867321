-- Support Hub's SQL-only stand-in for supabase_vault 0.3.1. Same objects and signatures as
-- Supabase Vault (vault.secrets, vault.decrypted_secrets, vault.create_secret,
-- vault.update_secret), but the secret column holds the plain text: Debian has no pgsodium
-- or libsodium-backed vault, and local data is throw-away. Never put a real secret here.

\echo Use "create extension supabase_vault" to load this file. \quit

-- Tables ---------------------------------------------------------------------------------

create table vault.secrets (
  id uuid primary key default gen_random_uuid(),
  name text,
  description text not null default '',
  secret text not null,
  key_id uuid,
  nonce bytea,
  created_at timestamptz not null default current_timestamp,
  updated_at timestamptz not null default current_timestamp
);
comment on table vault.secrets is
  'LOCAL STAND-IN: secrets are stored UNENCRYPTED in the secret column. On Supabase this column holds ciphertext.';
create unique index secrets_name_idx on vault.secrets (name) where name is not null;

-- Views ----------------------------------------------------------------------------------

create view vault.decrypted_secrets as
select
  id,
  name,
  description,
  secret,
  secret as decrypted_secret,
  key_id,
  nonce,
  created_at,
  updated_at
from vault.secrets;
comment on view vault.decrypted_secrets is
  'Secrets with their plain text. LOCAL STAND-IN: decrypted_secret is the stored column itself (no encryption locally).';

-- Public functions -----------------------------------------------------------------------

create function vault.create_secret(
  new_secret text,
  new_name text default null,
  new_description text default '',
  new_key_id uuid default null
)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  secret_id uuid;
begin
  insert into vault.secrets (secret, name, description, key_id)
  values (new_secret, new_name, new_description, new_key_id)
  returning id into secret_id;
  return secret_id;
end
$$;

create function vault.update_secret(
  secret_id uuid,
  new_secret text default null,
  new_name text default null,
  new_description text default null,
  new_key_id uuid default null
)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  update vault.secrets
  set
    secret = coalesce(new_secret, secret),
    name = coalesce(new_name, name),
    description = coalesce(new_description, description),
    key_id = coalesce(new_key_id, key_id),
    updated_at = now()
  where id = secret_id;
end
$$;

-- Privileges -----------------------------------------------------------------------------

-- As on Supabase: nothing for PUBLIC (so not for anon / authenticated); postgres and
-- service_role may read, write and call the functions.
revoke all on schema vault from public;
revoke all on all tables in schema vault from public;
revoke all on function vault.create_secret(text, text, text, uuid) from public;
revoke all on function vault.update_secret(uuid, text, text, text, uuid) from public;

do $$
declare
  trusted_role text;
begin
  foreach trusted_role in array array['postgres', 'service_role'] loop
    if exists (select 1 from pg_roles where rolname = trusted_role) then
      execute format('grant usage on schema vault to %I with grant option', trusted_role);
      execute format('grant select, insert, update, delete on vault.secrets to %I with grant option', trusted_role);
      execute format('grant select on vault.decrypted_secrets to %I with grant option', trusted_role);
      execute format('grant execute on function vault.create_secret(text, text, text, uuid) to %I with grant option', trusted_role);
      execute format('grant execute on function vault.update_secret(uuid, text, text, text, uuid) to %I with grant option', trusted_role);
    end if;
  end loop;
end
$$;
