-- Deleting a person who still has open tickets assigned (from Studio, or through the Auth admin API, which deletes
-- auth.users and cascades to profiles) failed with "violates check constraint tickets_assigned_has_technician":
-- tickets.assigned_to is `on delete set null`, and an assigned ticket without a technician is not allowed. The
-- delete is still refused — a ticket someone is working on must not silently drop out of everyone's queue — but
-- now with a message that says why and what to do. Finished tickets keep nothing in the way: their technician is
-- simply cleared.

create or replace function private.refuse_deleting_people_with_open_tickets()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  open_tickets text;
  open_count integer;
begin
  select count(*)::int, string_agg(ticket.number, ', ' order by ticket.number)
  into open_count, open_tickets
  from (
    select ticket.number from public.tickets ticket
    where ticket.assigned_to = old.id and ticket.status in ('assigned', 'in_progress', 'waiting_on_customer')
    order by ticket.number limit 5
  ) ticket;
  if open_count > 0 then
    raise exception '% cannot be deleted while open tickets are assigned to them (%)', coalesce(nullif(old.full_name, ''), old.email, old.id::text), open_tickets
      using errcode = '23503', hint = 'Release or reassign their tickets on the desk first.';
  end if;
  return old;
end;
$$;
comment on function private.refuse_deleting_people_with_open_tickets() is
  'Before-delete trigger on profiles: refuses to delete someone with assigned, in-progress or waiting tickets, naming up to five of them.';

create trigger refuse_deleting_people_with_open_tickets before delete on public.profiles
  for each row execute function private.refuse_deleting_people_with_open_tickets();
