-- Bulk actions from the desk's table view (issue 16): assign, set a status, or close several tickets at once.
-- public.bulk_update_tickets is security invoker: each ticket goes through the caller's policies and every
-- lifecycle trigger exactly as a single click would, in its own subtransaction, so one refusal (another
-- technician's ticket, unfinished work orders) leaves the others done and is reported by ticket.

-- ---------------------------------------------------------------------------------------------------------------
-- Public functions
-- ---------------------------------------------------------------------------------------------------------------
/**
 * Applies one action to each ticket: `assign` (value: a technician's id; the caller's own id claims), `status`
 * (value: the status), `close` (resolves first when still open, then closes). Returns one row per ticket: done, or
 * the database's refusal.
 */
create function public.bulk_update_tickets(ticket_ids uuid[], action text, value text default null)
returns table (ticket_id uuid, done boolean, error text)
language plpgsql
security invoker
set search_path = ''
as $$
declare
  target uuid;
  changed integer;
begin
  if action is null or action not in ('assign', 'status', 'close') then
    raise exception 'unknown bulk action %', action using errcode = '22023';
  end if;
  if ticket_ids is null or cardinality(ticket_ids) = 0 or cardinality(ticket_ids) > 200 then
    raise exception 'choose between 1 and 200 tickets' using errcode = '22023';
  end if;
  if action = 'status' and (value is null or value not in ('assigned', 'in_progress', 'waiting_on_customer', 'resolved', 'closed')) then
    raise exception 'unknown status %', value using errcode = '22023';
  end if;
  if action = 'assign' and (value is null or value !~ '^[0-9a-f-]{36}$') then
    raise exception 'choose a technician to assign' using errcode = '22023';
  end if;

  foreach target in array (select array_agg(distinct id) from unnest(ticket_ids) id) loop
    ticket_id := target;
    begin
      if action = 'assign' then
        update public.tickets ticket set assigned_to = value::uuid,
          status = case when ticket.status = 'unassigned' then 'assigned' else ticket.status end
        where ticket.id = target and ticket.status not in ('resolved', 'closed');
      elsif action = 'status' then
        update public.tickets ticket set status = value where ticket.id = target and ticket.status is distinct from value;
        if not found then
          changed := (select count(*) from public.tickets ticket where ticket.id = target and ticket.status = value);
          if changed = 1 then
            done := true; error := null; return next; continue;
          end if;
        end if;
      else
        update public.tickets ticket set status = 'resolved'
        where ticket.id = target and ticket.status in ('assigned', 'in_progress', 'waiting_on_customer');
        update public.tickets ticket set status = 'closed' where ticket.id = target and ticket.status = 'resolved';
      end if;
      get diagnostics changed = row_count;
      done := changed = 1;
      error := case when changed = 1 then null else 'not yours to change, or not in a state that allows it' end;
    exception when others then
      done := false;
      error := sqlerrm;
    end;
    return next;
  end loop;
end;
$$;
comment on function public.bulk_update_tickets(uuid[], text, text) is
  'Desk bulk action (assign, status, close) on up to 200 tickets, each under the caller''s policies and the lifecycle triggers in its own subtransaction; one row per ticket: done or the refusal.';
grant execute on function public.bulk_update_tickets(uuid[], text, text) to authenticated;

-- ---------------------------------------------------------------------------------------------------------------
-- Indexes
-- ---------------------------------------------------------------------------------------------------------------
-- The table view sorts a lane by SLA due both ways, tickets without a deadline included (last when ascending):
-- a full index serves `order by sla_due_at [desc], id` in either direction; the escalation job's `sla_due_at < now()`
-- uses it as well.
drop index public.tickets_sla_due_idx;
create index tickets_sla_due_idx on public.tickets (sla_due_at, id);
comment on index public.tickets_sla_due_idx is 'The table view''s "SLA due" order (both directions) and the escalation job''s search for breaches.';
