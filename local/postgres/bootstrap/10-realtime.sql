-- Local Realtime internals (local stack only, never a project migration): the tables and
-- functions the local Realtime service (local/services/realtime) uses, shaped after what
-- Supabase Realtime keeps in the `realtime` schema. Idempotent: applied on every start.

------------------------------------------------------------------------------
-- Tables
------------------------------------------------------------------------------
-- One row per postgres_changes binding of a joined channel, with the subscriber's claims,
-- so visibility is decided in SQL under those claims (as Supabase's realtime.subscription).
create table if not exists realtime.subscription (
  id bigint generated always as identity primary key,
  subscription_id uuid not null,
  entity regclass not null,
  filters jsonb not null default '[]',
  claims jsonb not null,
  claims_role text not null,
  created_at timestamptz not null default now()
);
create index if not exists subscription_entity_idx on realtime.subscription (entity);
comment on table realtime.subscription is 'Live postgres_changes bindings of the local Realtime service, with the claims each subscriber joined with.';

-- Private channel authorisation: projects write RLS policies on this table using
-- realtime.topic(); joining needs SELECT, sending needs INSERT (as on Supabase).
create table if not exists realtime.messages (
  id uuid not null default gen_random_uuid() primary key,
  topic text not null,
  extension text not null,
  payload jsonb,
  event text,
  private boolean default false,
  updated_at timestamp not null default now(),
  inserted_at timestamp not null default now()
);
alter table realtime.messages enable row level security;
grant select, insert, update on realtime.messages to anon, authenticated, service_role;
comment on table realtime.messages is 'Broadcast/presence authorisation for private channels: RLS policies here decide who may join (select) and send (insert).';

------------------------------------------------------------------------------
-- Helpers
------------------------------------------------------------------------------
create or replace function realtime.topic() returns text
language sql stable
as $$ select nullif(current_setting('realtime.topic', true), '')::text $$;
grant execute on function realtime.topic() to anon, authenticated, service_role, postgres;

-- Which (change, subscription) pairs are visible: for each distinct set of claims among the
-- subscriptions to the changed tables, switch to that role with those claims once and look
-- all changed rows of a table up by primary key in one query. Rows the subscriber cannot
-- SELECT (RLS, missing grant, or since deleted) are not returned. Security invoker on
-- purpose: `set role` is refused inside security definer functions; only the service's
-- superuser connection calls it.
-- p_changes: [{"i": <change index>, "entity": "schema.table", "pk": {<pk column>: <value>}}]
create or replace function realtime.visible_changes(p_changes jsonb)
returns table (change_index int, subscription_id uuid)
language plpgsql volatile
set search_path = ''
as $$
declare
  claims_group record;
  entity_name regclass;
  visible int[];
  pk_condition text;
begin
  for claims_group in
    select s.claims, s.claims_role, array_agg(distinct s.entity) as entities,
           array_agg(s.subscription_id) as subscription_ids, array_agg(s.entity) as subscription_entities
    from realtime.subscription s
    where s.entity in (select (c ->> 'entity')::regclass from jsonb_array_elements(p_changes) c)
    group by s.claims, s.claims_role
  loop
    foreach entity_name in array claims_group.entities loop
      select string_agg(format('t.%1$I = (jsonb_populate_record(null::%2$s, c.pk)).%1$I', a.attname, entity_name), ' and ')
        into pk_condition
        from pg_catalog.pg_index i
        join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = entity_name and i.indisprimary;
      if pk_condition is null then
        continue;
      end if;
      perform set_config('role', claims_group.claims_role, true);
      perform set_config('request.jwt.claims', claims_group.claims::text, true);
      begin
        execute format(
          'select coalesce(array_agg(c.i), ''{}'') from jsonb_to_recordset($1) as c(i int, entity text, pk jsonb)
           where c.entity::regclass = $2 and exists (select 1 from %s t where %s)', entity_name, pk_condition)
          into visible using p_changes, entity_name;
      exception when insufficient_privilege then
        visible := '{}';
      end;
      perform set_config('role', 'none', true);
      perform set_config('request.jwt.claims', '', true);
      return query
        select v.i, s.id
        from unnest(visible) as v(i)
        cross join lateral unnest(claims_group.subscription_ids, claims_group.subscription_entities) as s(id, entity)
        where s.entity = entity_name;
    end loop;
  end loop;
end
$$;
revoke execute on function realtime.visible_changes(jsonb) from public;
comment on function realtime.visible_changes(jsonb) is 'Local Realtime: which subscriptions may see which changed rows, checked under each subscriber''s role and claims.';

------------------------------------------------------------------------------
-- Tenant settings
------------------------------------------------------------------------------
-- What Supabase keeps per tenant in Realtime's own database, outside the project's schemas (the dashboard's
-- Realtime settings). One row; the stack writes the project's choice (supabase/realtime-settings.json) on every
-- start. Only the local Realtime service (superuser) reads it: no API role has any privilege on this schema.
create schema if not exists _realtime;
revoke all on schema _realtime from public;
create table if not exists _realtime.tenant_settings (
  singleton boolean primary key default true check (singleton),
  private_only boolean not null default true,
  updated_at timestamptz not null default now()
);
insert into _realtime.tenant_settings (singleton) values (true) on conflict (singleton) do nothing;
comment on table _realtime.tenant_settings is 'Local Realtime''s tenant settings (Supabase: Realtime settings of the project). private_only: public channels may not be joined.';
