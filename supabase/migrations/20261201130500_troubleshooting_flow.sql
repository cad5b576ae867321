-- Guided troubleshooting, the customer's flow (/app/troubleshoot): a session may name the customer's vehicle, and a
-- session that ends "still broken" opens a ticket carrying the issue, the guide, the steps tried and the vehicle.

-- ---------------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------------
alter table public.troubleshooting_sessions
  add column customer_vehicle_id uuid references public.customer_vehicles (id) on delete set null;
comment on column public.troubleshooting_sessions.customer_vehicle_id is
  'The customer''s vehicle the problem is about, if they picked one; copied onto the ticket when the guide did not help.';

-- ---------------------------------------------------------------------------------------------------------------
-- Indexes
-- ---------------------------------------------------------------------------------------------------------------
create index troubleshooting_sessions_customer_vehicle_id_idx on public.troubleshooting_sessions (customer_vehicle_id);

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
create or replace function private.owns_vehicle(vehicle_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from public.customer_vehicles vehicle where vehicle.id = vehicle_id and vehicle.customer_id = auth.uid())
$$;
comment on function private.owns_vehicle(uuid) is 'True when the caller owns the vehicle.';
grant execute on function private.owns_vehicle(uuid) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- Policies (a session may only name one of the customer's own vehicles)
-- ---------------------------------------------------------------------------------------------------------------
drop policy "Customers can start their own sessions" on public.troubleshooting_sessions;
create policy "Customers can start their own sessions" on public.troubleshooting_sessions
  for insert to authenticated with check (
    customer_id = (select auth.uid()) and (customer_vehicle_id is null or private.owns_vehicle(customer_vehicle_id))
  );

drop policy "Customers can update their open sessions" on public.troubleshooting_sessions;
create policy "Customers can update their open sessions" on public.troubleshooting_sessions
  for update to authenticated using (customer_id = (select auth.uid()) and completed_at is null)
  with check (customer_id = (select auth.uid()) and (customer_vehicle_id is null or private.owns_vehicle(customer_vehicle_id)));

-- ---------------------------------------------------------------------------------------------------------------
-- Public functions (the implementation behind public.complete_troubleshooting_session, which is unchanged)
-- ---------------------------------------------------------------------------------------------------------------
/**
 * As before (see 20261123000400_support.sql), and the ticket now carries the guide and the vehicle: the session's
 * customer vehicle with its year / make / model (from the catalogue entry when the vehicle row lacks them) and VIN.
 */
create or replace function private.complete_troubleshooting_session(session_id uuid, outcome text)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  session public.troubleshooting_sessions;
  steps_shown integer;
  steps_in_guide integer;
  customer public.profiles;
  vehicle record;
  ticket_id uuid;
begin
  if outcome is null or outcome not in ('resolved', 'not_resolved', 'another_issue') then
    raise exception 'outcome must be resolved, not_resolved or another_issue' using errcode = '22023';
  end if;

  select * into session from public.troubleshooting_sessions s where s.id = session_id for update;
  if not found or (session.customer_id is distinct from auth.uid() and not private.is_admin() and auth.uid() is not null) then
    raise exception 'troubleshooting session % not found', session_id using errcode = 'P0002';
  end if;
  if session.completed_at is not null then
    raise exception 'troubleshooting session % is already completed', session_id using errcode = '23514';
  end if;

  select count(*) into steps_shown from public.troubleshooting_session_steps step where step.session_id = session.id;
  select count(*) into steps_in_guide from public.guide_steps step where step.guide_id = session.guide_id;

  if outcome = 'resolved' then
    update public.troubleshooting_sessions s
    set resolved = true, early_exit = steps_shown < steps_in_guide, completed_at = now()
    where s.id = session.id;
    update public.troubleshooting_session_steps step set resolved_issue = true
    where step.session_id = session.id and step.attempted;
    return null;
  elsif outcome = 'another_issue' then
    update public.troubleshooting_sessions s
    set abandoned = true, misclassified = true, completed_at = now()
    where s.id = session.id;
    return null;
  end if;

  update public.troubleshooting_sessions s
  set early_exit = steps_shown < steps_in_guide, completed_at = now()
  where s.id = session.id;

  select * into customer from public.profiles profile where profile.id = session.customer_id;
  select owned.id, coalesce(owned.year, model.year) as year, coalesce(owned.make, model.make) as make,
    coalesce(owned.model, model.model) as model, owned.vin
  into vehicle
  from public.customer_vehicles owned
  left join public.vehicle_models model on model.id = owned.vehicle_model_id
  where owned.id = session.customer_vehicle_id and owned.customer_id = session.customer_id;

  insert into public.tickets (customer_id, contact_email, contact_phone, subject, content, channel, troubleshooting_session_id,
    customer_vehicle_id, vehicle_year, vehicle_make, vehicle_model, vin)
  values (
    session.customer_id,
    customer.email,
    customer.phone,
    left(coalesce('Troubleshooting: ' || session.guide_title, session.issue_description), 200),
    session.issue_description
      || coalesce(E'\n\nGuide: ' || session.guide_title, '')
      || coalesce(E'\nVehicle: ' || nullif(concat_ws(' ', vehicle.year, vehicle.make, vehicle.model, case when vehicle.vin is not null then '(VIN ' || vehicle.vin || ')' end), ''), '')
      || coalesce(E'\n\nSteps tried:\n' || (
        select string_agg(step.step_number || '. ' || step.step_text || case when step.attempted then ' (tried)' else ' (not tried)' end, E'\n' order by step.step_number)
        from public.troubleshooting_session_steps step where step.session_id = session.id
      ), ''),
    'troubleshooting',
    session.id,
    vehicle.id,
    vehicle.year,
    vehicle.make,
    vehicle.model,
    vehicle.vin
  )
  returning id into ticket_id;
  return ticket_id;
end;
$$;
comment on function private.complete_troubleshooting_session(uuid, text) is
  'Implementation of public.complete_troubleshooting_session (runs as owner, checks ownership itself); the ticket carries issue, guide, steps tried and vehicle.';
