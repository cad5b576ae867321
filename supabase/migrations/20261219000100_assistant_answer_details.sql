-- The assistant's internal figures about an answer leave the customer's rows (issue 20, point 5).
--
-- messages.ai_confidence travelled wherever a message went: the customer's loader JSON, the chat function's `done`
-- event and every Realtime change on public.messages. Column privileges cannot hide it from a row the customer may
-- read (Realtime and `select *` would still carry it), so the figures move to their own table that only staff read,
-- as ticket_ai_results already does for triage. The message keeps what the customer is shown: the text, the
-- citations, the model that wrote it and whether a person was offered.

create table public.assistant_answer_details (
  message_id uuid primary key references public.messages (id) on delete cascade,
  confidence numeric(4, 3) not null check (confidence between 0 and 1),
  retrieval_log_id bigint references public.retrieval_logs (id) on delete set null,
  routed_area text references public.solution_areas (slug) on update cascade on delete set null,
  created_at timestamptz not null default now()
);

comment on table public.assistant_answer_details is
  'Staff-only figures about an assistant answer (its confidence, the retrieval that fed it). Kept apart from public.messages so customers, who read their messages, never receive them.';
comment on column public.assistant_answer_details.message_id is 'The assistant answer (public.messages, role assistant) these figures are about.';
comment on column public.assistant_answer_details.confidence is 'Assistant confidence 0-1.';
comment on column public.assistant_answer_details.retrieval_log_id is 'The retrieval_logs row of the search the answer was written from.';
comment on column public.assistant_answer_details.created_at is 'When the answer was stored.';
comment on column public.assistant_answer_details.routed_area is 'The solution area of the best article found, which the answer was routed to (retrieval searches every area).';

create index assistant_answer_details_retrieval_log_idx on public.assistant_answer_details (retrieval_log_id);

alter table public.assistant_answer_details enable row level security;

-- Written by the chat function (a worker, not a user) and by admins correcting data in Studio; read by staff.
create policy "Staff can read assistant answer details" on public.assistant_answer_details
  for select to authenticated using ((select private.is_staff()));
create policy "Admins can change assistant answer details" on public.assistant_answer_details
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins can remove assistant answer details" on public.assistant_answer_details
  for delete to authenticated using ((select private.is_admin()));

-- A detail belongs to an assistant answer: a confidence on a customer's or technician's message means nothing.
create function private.check_assistant_answer_detail() returns trigger
  language plpgsql
  set search_path = ''
as $$
begin
  if not exists (select 1 from public.messages message where message.id = new.message_id and message.role = 'assistant') then
    raise exception 'Only an assistant answer has answer details.' using errcode = '23514';
  end if;
  return new;
end;
$$;

create trigger check_assistant_answer_detail before insert or update of message_id on public.assistant_answer_details
  for each row execute function private.check_assistant_answer_detail();

-- A log or an area named in old metadata that no longer exists moves over as null. The join compares ids as bigint
-- (an index lookup per answer), guarded so a value that is not a number matches nothing instead of failing.
insert into public.assistant_answer_details (message_id, confidence, retrieval_log_id, routed_area, created_at)
select message.id, message.ai_confidence, log.id, area.slug, message.created_at
from public.messages message
left join public.retrieval_logs log
  on log.id = case when message.metadata ->> 'retrieval_log_id' ~ '^[0-9]{1,18}$' then (message.metadata ->> 'retrieval_log_id')::bigint end
left join public.solution_areas area on area.slug = message.metadata ->> 'routed_area'
where message.role = 'assistant' and message.ai_confidence is not null;

update public.messages
set metadata = metadata - 'retrieval_log_id' - 'routed_area'
where role = 'assistant' and (metadata ? 'retrieval_log_id' or metadata ? 'routed_area');

alter table public.messages drop column ai_confidence;
