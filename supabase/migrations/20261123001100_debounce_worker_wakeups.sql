-- Debounced wake-ups. One HTTP wake-up per inserted ticket made the insert path pay for a pg_net
-- request, and the worker for an HTTP call, on every single-row insert (82 tickets/s measured
-- instead of 700+). Wake-ups now go out at most once a second per function; the triage worker
-- looks once more after that second before it stops (supabase/functions/triage/worker.ts), so a
-- ticket committed inside the window is still picked up, and pg_cron drains anything left.

-- ---------------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------------
create table private.edge_function_wakeups (
  function_name text primary key check (function_name ~ '^[A-Za-z0-9_-]+$'),
  last_requested_at timestamptz not null default '-infinity'
);
comment on table private.edge_function_wakeups is 'When each worker edge function was last woken from the database; debounces wake-ups to one per interval.';
comment on column private.edge_function_wakeups.function_name is 'Edge function name, e.g. triage.';
comment on column private.edge_function_wakeups.last_requested_at is 'When the last wake-up request was queued (pg_net sends it after commit).';
alter table private.edge_function_wakeups enable row level security;

insert into private.edge_function_wakeups (function_name) values ('triage'), ('embed') on conflict do nothing;

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
/**
 * Wakes an edge function unless it was woken less than min_interval ago. Never waits: when another
 * transaction is claiming the wake-up right now (row locked), that transaction's wake-up serves both.
 */
create or replace function private.request_edge_function_wakeup(
  name text,
  body jsonb default '{}',
  min_interval interval default '1 second',
  timeout_milliseconds integer default 5000
)
returns bigint
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  due boolean;
begin
  update private.edge_function_wakeups wakeup
  set last_requested_at = clock_timestamp()
  where wakeup.function_name = (
      select candidate.function_name from private.edge_function_wakeups candidate
      where candidate.function_name = request_edge_function_wakeup.name
        and candidate.last_requested_at < clock_timestamp() - request_edge_function_wakeup.min_interval
      for update skip locked
    )
  returning true into due;
  if due is null then
    if not exists (select 1 from private.edge_function_wakeups w where w.function_name = request_edge_function_wakeup.name) then
      -- A function without a debounce row is woken every time (and gets a row for next time).
      insert into private.edge_function_wakeups (function_name, last_requested_at)
      values (request_edge_function_wakeup.name, clock_timestamp()) on conflict do nothing;
    else
      return null;
    end if;
  end if;
  return private.invoke_edge_function(name, body, timeout_milliseconds);
end;
$$;
comment on function private.request_edge_function_wakeup(text, jsonb, interval, integer) is
  'Debounced private.invoke_edge_function: at most one wake-up per min_interval per function; never blocks a writer.';
grant execute on function private.request_edge_function_wakeup(text, jsonb, interval, integer) to service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------------------------------------------
create or replace function private.wake_triage_worker()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if exists (select 1 from inserted_tickets ticket where ticket.triage_status = 'pending') then
    perform private.request_edge_function_wakeup('triage', jsonb_build_object('reason', 'tickets_inserted'), interval '1 second', 60000);
  end if;
  return null;
end;
$$;
comment on function private.wake_triage_worker() is 'After-insert statement trigger on tickets: wakes the triage edge function (debounced to once a second) when pending tickets arrived.';
