-- Waking edge functions from the database: triggers and pg_cron jobs call private.invoke_edge_function, which
-- posts to /functions/v1/<name> through pg_net with the project URL and the service-role key read from Vault.
-- Neither value is in a migration: hosted projects create the two secrets once (docs/deploy-vault-secrets.md),
-- the local stack writes them after every migration run (local/postgres/vault-secrets.ts).
--
-- pg_net queues the request and sends it only after the calling transaction commits, so a woken function always
-- sees the rows that woke it; a rolled-back insert wakes nobody.

-- ---------------------------------------------------------------------------------------------------------------
-- Extensions (supabase_vault is preinstalled on hosted projects; the local bootstrap creates it)
-- ---------------------------------------------------------------------------------------------------------------
create extension if not exists pg_net with schema extensions;

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
/**
 * Posts `body` to the edge function `name` with the service-role key. Returns the pg_net request id, or null when
 * the call could not be queued (Vault secrets missing, pg_net unavailable): callers are triggers on user writes,
 * and a wake-up that fails must never fail the write, because every queue is also drained by pg_cron.
 */
create or replace function private.invoke_edge_function(name text, body jsonb default '{}', timeout_milliseconds integer default 5000)
returns bigint
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  project_url text;
  service_role_key text;
begin
  if invoke_edge_function.name is null or invoke_edge_function.name !~ '^[A-Za-z0-9_-]+$' then
    raise exception 'edge function name % is not a plain function name', invoke_edge_function.name using errcode = '22023';
  end if;

  begin
    select secret.decrypted_secret into project_url from vault.decrypted_secrets secret where secret.name = 'project_url';
    select secret.decrypted_secret into service_role_key from vault.decrypted_secrets secret where secret.name = 'service_role_key';
    if project_url is null or service_role_key is null then
      raise warning 'edge function % not invoked: the Vault secrets project_url and service_role_key must exist (docs/deploy-vault-secrets.md)', invoke_edge_function.name;
      return null;
    end if;

    return net.http_post(
      url := rtrim(project_url, '/') || '/functions/v1/' || invoke_edge_function.name,
      body := coalesce(invoke_edge_function.body, '{}'::jsonb),
      headers := jsonb_build_object('Content-Type', 'application/json', 'Authorization', 'Bearer ' || service_role_key),
      timeout_milliseconds := invoke_edge_function.timeout_milliseconds
    );
  exception
    when others then
      raise warning 'edge function % not invoked: %', invoke_edge_function.name, sqlerrm;
      return null;
  end;
end;
$$;
comment on function private.invoke_edge_function(text, jsonb, integer) is
  'Posts a JSON body to /functions/v1/<name> through pg_net with the service-role key (URL and key from Vault secrets project_url and service_role_key). Null when not queued; never raises for a missing secret.';
grant execute on function private.invoke_edge_function(text, jsonb, integer) to service_role;
