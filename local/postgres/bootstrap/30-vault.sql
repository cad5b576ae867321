-- Supabase Vault: preinstalled on hosted projects, so no migration creates it. Locally the SQL-only stand-in in
-- local/extensions/supabase_vault provides the same objects (secrets stored unencrypted: throw-away data only).
-- The local stack writes the project_url and service_role_key secrets after migrations (local/postgres/vault-secrets.ts).
create schema if not exists vault;
create extension if not exists supabase_vault with schema vault;
