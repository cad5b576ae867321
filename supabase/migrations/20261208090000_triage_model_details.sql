-- The model's own account of a triage result beside its plain reasoning (issue 15): which model and version,
-- its probabilities and the signals that fired. The desk shows it behind a disclosure on the ticket page; until now
-- it travelled only in the api_call analytics event, which only admins may read.

-- ---------------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------------
alter table public.ticket_ai_results add column model_details text check (char_length(model_details) <= 2000);
comment on column public.ticket_ai_results.model_details is
  'The model''s own account for staff (version, probabilities, signals that fired, sentiment evidence); the reasoning column is the plain sentence a technician reads first. Null for providers that give none.';

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
create or replace function private.record_triage_success(job_id bigint, ticket_id uuid, result jsonb, event jsonb default null)
returns void language plpgsql security definer set search_path = '' as $$
begin
  insert into public.ticket_ai_results as ai_result
    (ticket_id, category, sentiment_score, urgency, draft_reply, confidence, model, provider, reasoning, model_details, processed_at)
  values (
    record_triage_success.ticket_id,
    (result ->> 'category')::public.ticket_category,
    (result ->> 'sentiment_score')::integer,
    (result ->> 'urgency')::public.ticket_urgency,
    result ->> 'draft_reply',
    (result ->> 'confidence')::numeric(4, 3),
    result ->> 'model',
    coalesce(result ->> 'provider', 'local'),
    coalesce(result ->> 'reasoning', ''),
    result ->> 'model_details',
    now()
  )
  on conflict on constraint ticket_ai_results_ticket_id_key do update set
    category = excluded.category, sentiment_score = excluded.sentiment_score, urgency = excluded.urgency,
    draft_reply = excluded.draft_reply, confidence = excluded.confidence, model = excluded.model,
    provider = excluded.provider, reasoning = excluded.reasoning, model_details = excluded.model_details,
    processed_at = excluded.processed_at;

  -- A ticket reset meanwhile (stuck-reset, requeue) still takes this result: through processing to processed.
  update public.tickets ticket set triage_status = 'processing'
  where ticket.id = record_triage_success.ticket_id and ticket.triage_status in ('pending', 'ai_failed');
  update public.tickets ticket set triage_status = 'processed'
  where ticket.id = record_triage_success.ticket_id and ticket.triage_status = 'processing';

  delete from public.ticket_triage_failures failure where failure.ticket_id = record_triage_success.ticket_id;
  perform private.complete_job(record_triage_success.job_id);
  perform private.record_triage_event(record_triage_success.ticket_id, event);
end;
$$;
