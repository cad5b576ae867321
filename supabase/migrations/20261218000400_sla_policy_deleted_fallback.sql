-- A deleted SLA policy's tickets keep their clocks (issue 16). Deleting a policy set its tickets' sla_policy_id to null
-- (the foreign key's on delete set null), and private.keep_ticket_sla then cleared their due times: the SLA countdown
-- vanished from the board and the escalation job stopped seeing them, although the desk still owed those customers an
-- answer. Now such a ticket takes the policy that fits it next (private.sla_policy_for: area and urgency, area,
-- urgency, the default) and its due times are computed again from its creation, pauses included. Only the condition
-- that picks a policy changes; the function is redefined whole, as Postgres requires.

create or replace function private.keep_ticket_sla() returns trigger
language plpgsql set search_path = '' as $$
declare
  policy public.sla_policies;
begin
  if tg_op = 'UPDATE' and current_user = 'authenticated' then
    new.sla_policy_id := old.sla_policy_id;
    new.first_response_due_at := old.first_response_due_at;
    new.resolution_due_at := old.resolution_due_at;
    new.first_responded_at := old.first_responded_at;
    new.sla_paused_at := old.sla_paused_at;
    new.sla_paused_seconds := old.sla_paused_seconds;
    new.first_response_breached_at := old.first_response_breached_at;
    new.resolution_breached_at := old.resolution_breached_at;
  elsif tg_op = 'INSERT' and current_user = 'authenticated' then
    new.sla_policy_id := null;
    new.first_responded_at := null;
    new.sla_paused_at := null;
    new.sla_paused_seconds := 0;
    new.first_response_breached_at := null;
    new.resolution_breached_at := null;
  end if;

  -- A merged ticket leaves the SLA clock: its work goes on in the survivor, which keeps its own.
  if new.status = 'merged' then
    new.sla_policy_id := null;
    new.first_response_due_at := null;
    new.resolution_due_at := null;
    new.sla_paused_at := null;
    return new;
  end if;

  -- Waiting on the customer stops the clock; leaving it adds the business time waited.
  if new.status = 'waiting_on_customer' and (tg_op = 'INSERT' or old.status is distinct from 'waiting_on_customer') then
    new.sla_paused_at := coalesce(new.sla_paused_at, now());
  elsif new.status <> 'waiting_on_customer' and new.sla_paused_at is not null then
    policy := private.sla_policy(new.sla_policy_id);
    if policy.id is not null then
      new.sla_paused_seconds := new.sla_paused_seconds + private.business_seconds_between(policy, new.sla_paused_at, now());
    end if;
    new.sla_paused_at := null;
  end if;

  -- A new ticket, a new urgency or area, or a policy that went away (deleted: the foreign key set it to null) picks
  -- the policy that fits now; the clocks keep running under it.
  if tg_op = 'INSERT' or new.urgency is distinct from old.urgency or new.conversation_id is distinct from old.conversation_id
     or (new.sla_policy_id is null and old.sla_policy_id is not null) then
    policy := private.sla_policy_for(new.urgency, private.solution_area_of_conversation(new.conversation_id));
    new.sla_policy_id := policy.id;
  elsif tg_op = 'UPDATE' and new.sla_paused_seconds = old.sla_paused_seconds and new.sla_policy_id is not distinct from old.sla_policy_id
        and new.created_at = old.created_at then
    return new;
  else
    policy := private.sla_policy(new.sla_policy_id);
  end if;

  if policy.id is null then
    new.first_response_due_at := null;
    new.resolution_due_at := null;
  else
    new.first_response_due_at := private.add_business_seconds(policy, new.created_at,
      policy.first_response_minutes * 60::bigint + new.sla_paused_seconds);
    new.resolution_due_at := private.add_business_seconds(policy, new.created_at,
      policy.resolution_minutes * 60::bigint + new.sla_paused_seconds);
  end if;
  return new;
end;
$$;
comment on function private.keep_ticket_sla() is
  'Before-write trigger on tickets: the SLA policy, due times and pause bookkeeping (none for a merged ticket, so sla_due_at is null and the escalation job never sees it; a deleted policy''s tickets move to the policy that fits next); API users cannot write these columns.';
