-- Support Hub's SQL-only stand-in for pg_net 0.14.0, the version hosted Supabase runs.
-- The public surface (schema net, http_get / http_post / http_delete with their defaults,
-- the queue and response tables, the collect functions) matches pg_net so migrations and
-- triggers written for Supabase run unchanged. The C background worker is replaced by the
-- local stack's Node worker (local/services/net-worker.ts), woken by NOTIFY.

\echo Use "create extension pg_net" to load this file. \quit

create schema if not exists net;

-- Types ----------------------------------------------------------------------------------

create domain net.http_method as text
check (value ilike 'get' or value ilike 'post' or value ilike 'delete');

create type net.request_status as enum ('PENDING', 'SUCCESS', 'ERROR');

create type net.http_response as (
  status_code integer,
  headers jsonb,
  body text
);

create type net.http_response_result as (
  status net.request_status,
  message text,
  response net.http_response
);

-- Tables ---------------------------------------------------------------------------------

-- Unlogged like pg_net's: requests and responses are lost on a crash, as on Supabase.
create unlogged table net.http_request_queue (
  id bigserial,
  method net.http_method not null,
  url text not null,
  headers jsonb not null,
  body bytea,
  timeout_milliseconds int not null
);
comment on table net.http_request_queue is
  'Requests waiting for delivery. Locally the Node worker of the stack claims and deletes rows; on Supabase the pg_net background worker does.';

create unlogged table net._http_response (
  id bigint,
  status_code integer,
  content_type text,
  headers jsonb,
  content text,
  timed_out bool,
  error_msg text,
  created timestamptz not null default now()
);
create index on net._http_response (created);
comment on table net._http_response is
  'Responses keyed by the request id. Locally written by the stack worker, which also drops rows older than 6 hours (pg_net.ttl default).';

-- Triggers -------------------------------------------------------------------------------

-- Not in pg_net: wakes the local worker at commit so delivery does not wait for its poll.
create function net._wake_local_worker() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform pg_notify('pg_net_request_queued', '');
  return null;
end
$$;

create trigger wake_local_worker
after insert on net.http_request_queue
for each statement execute function net._wake_local_worker();

-- Helpers --------------------------------------------------------------------------------

-- Percent-encodes everything but RFC 3986 unreserved characters, as curl_easy_escape does.
create function net._urlencode_string(string varchar)
returns text
language sql
immutable
strict
set search_path = ''
as $$
  select coalesce(string_agg(
    case
      when byte between 48 and 57 or byte between 65 and 90 or byte between 97 and 122 or byte in (45, 46, 95, 126)
        then chr(byte)
      else '%' || upper(lpad(to_hex(byte), 2, '0'))
    end, '' order by position), '')
  from (
    select get_byte(bytes, position) as byte, position
    from (select convert_to(string, 'UTF8') as bytes) as encoded,
         generate_series(0, length(convert_to(string, 'UTF8')) - 1) as position
  ) as bytes_of_string
$$;

create function net._encode_url_with_params_array(url text, params_array text[])
returns text
language sql
immutable
strict
set search_path = ''
as $$
  select case
    when cardinality(params_array) = 0 then url
    when strpos(url, '?') > 0 then url || '&' || array_to_string(params_array, '&')
    else url || '?' || array_to_string(params_array, '&')
  end
$$;

create function net._params_array(params jsonb)
returns text[]
language sql
immutable
set search_path = ''
as $$
  select coalesce(array_agg(net._urlencode_string(key) || '=' || net._urlencode_string(value)), '{}')
  from jsonb_each_text(coalesce(params, '{}'::jsonb))
$$;

create function net._await_response(request_id bigint)
returns bool
language plpgsql
volatile
parallel safe
strict
as $$
declare
  response net._http_response;
begin
  while response is null loop
    select * into response from net._http_response where id = request_id;
    if response is null then
      perform pg_sleep(0.05);
    end if;
  end loop;
  return true;
end
$$;

-- Public functions -----------------------------------------------------------------------

create function net.http_get(
  url text,
  params jsonb default '{}'::jsonb,
  headers jsonb default '{}'::jsonb,
  timeout_milliseconds int default 5000
)
returns bigint
strict
volatile
parallel safe
language plpgsql
as $$
declare
  request_id bigint;
begin
  insert into net.http_request_queue (method, url, headers, timeout_milliseconds)
  values ('GET', net._encode_url_with_params_array(url, net._params_array(params)), headers, timeout_milliseconds)
  returning id into request_id;
  return request_id;
end
$$;

create function net.http_post(
  url text,
  body jsonb default '{}'::jsonb,
  params jsonb default '{}'::jsonb,
  headers jsonb default '{"Content-Type": "application/json"}'::jsonb,
  timeout_milliseconds int default 5000
)
returns bigint
volatile
parallel safe
language plpgsql
as $$
declare
  request_id bigint;
  content_type text;
begin
  select header_value into content_type
  from jsonb_each_text(coalesce(headers, '{}'::jsonb)) as h(header_name, header_value)
  where lower(header_name) = 'content-type'
  limit 1;

  -- pg_net adds the JSON content type when the caller's headers leave it out, and refuses others.
  if content_type is null then
    headers := coalesce(headers, '{}'::jsonb) || '{"Content-Type": "application/json"}'::jsonb;
  elsif content_type <> 'application/json' then
    raise exception 'Content-Type header must be "application/json"';
  end if;

  insert into net.http_request_queue (method, url, headers, body, timeout_milliseconds)
  values (
    'POST',
    net._encode_url_with_params_array(url, net._params_array(params)),
    headers,
    convert_to(body::text, 'UTF8'),
    timeout_milliseconds
  )
  returning id into request_id;
  return request_id;
end
$$;

create function net.http_delete(
  url text,
  params jsonb default '{}'::jsonb,
  headers jsonb default '{}'::jsonb,
  timeout_milliseconds int default 5000
)
returns bigint
strict
volatile
parallel safe
language plpgsql
as $$
declare
  request_id bigint;
begin
  insert into net.http_request_queue (method, url, headers, timeout_milliseconds)
  values ('DELETE', net._encode_url_with_params_array(url, net._params_array(params)), headers, timeout_milliseconds)
  returning id into request_id;
  return request_id;
end
$$;

create function net._http_collect_response(request_id bigint, async bool default true)
returns net.http_response_result
strict
volatile
parallel safe
language plpgsql
as $$
declare
  response net._http_response;
begin
  if not async then
    perform net._await_response(request_id);
  end if;

  select * into response from net._http_response where id = request_id;

  if response is null then
    return ('PENDING', 'request is pending processing', null)::net.http_response_result;
  end if;

  if response.error_msg is not null then
    return ('ERROR', response.error_msg, null)::net.http_response_result;
  end if;

  return (
    'SUCCESS',
    'ok',
    (response.status_code, response.headers, response.content)::net.http_response
  )::net.http_response_result;
end
$$;

create function net.http_collect_response(request_id bigint, async bool default true)
returns net.http_response_result
strict
volatile
parallel safe
language plpgsql
as $$
begin
  raise notice 'The net.http_collect_response function is deprecated.';
  return net._http_collect_response(request_id, async);
end
$$;

-- Privileges -----------------------------------------------------------------------------

-- pg_net itself opens the schema and its tables to PUBLIC (0.8+).
grant usage on schema net to public;
grant all privileges on all sequences in schema net to public;
grant all privileges on all tables in schema net to public;

-- Hosted Supabase then narrows the request functions (its grant_pg_net_access event trigger):
-- security definer with a fixed search_path, execute revoked from PUBLIC and granted to the
-- API roles. Roles this cluster lacks (e.g. supabase_functions_admin) are skipped.
alter function net.http_get(text, jsonb, jsonb, integer) security definer set search_path = net;
alter function net.http_post(text, jsonb, jsonb, jsonb, integer) security definer set search_path = net;
revoke all on function net.http_get(text, jsonb, jsonb, integer) from public;
revoke all on function net.http_post(text, jsonb, jsonb, jsonb, integer) from public;

do $$
declare
  api_role text;
begin
  foreach api_role in array array['supabase_functions_admin', 'postgres', 'anon', 'authenticated', 'service_role'] loop
    if exists (select 1 from pg_roles where rolname = api_role) then
      execute format('grant usage on schema net to %I', api_role);
      execute format('grant execute on function net.http_get(text, jsonb, jsonb, integer) to %I', api_role);
      execute format('grant execute on function net.http_post(text, jsonb, jsonb, jsonb, integer) to %I', api_role);
    end if;
  end loop;
end
$$;
