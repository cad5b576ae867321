-- Analytics: events written by triggers, retrieval logs, customer-analysis runs, entity links.

-- ---------------------------------------------------------------------------------------------------------------
-- Enums
-- ---------------------------------------------------------------------------------------------------------------
create type public.analytics_event_type as enum (
  'api_call', 'conversation_created', 'message_sent', 'error', 'ticket_created', 'ticket_status_changed',
  'ticket_resolved', 'troubleshooting_started', 'troubleshooting_completed', 'work_order_completed'
);
comment on type public.analytics_event_type is 'Kinds of analytics event; extend with alter type ... add value.';
create type public.retrieval_source_type as enum ('kb_article', 'guide', 'ticket', 'conversation');
create type public.analysis_status as enum ('PENDING', 'PROCESSING', 'COMPLETED', 'FAILED', 'PARTIAL');
create type public.analysis_metric_type as enum (
  'RESPONSE_TIME', 'VOLUME', 'PEAK_TIME', 'CUSTOMER_INTENT', 'JOURNEY_STAGE', 'SENTIMENT', 'AGENT_QUALITY', 'CHANNEL_USAGE'
);
create type public.analysis_sentiment as enum ('POSITIVE', 'NEUTRAL', 'FRICTION');
create type public.export_format as enum ('CSV', 'PDF');

-- ---------------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------------
create table public.analytics_events (
  id bigint generated always as identity primary key,
  event_type public.analytics_event_type not null,
  solution_area text references public.solution_areas (slug) on update cascade on delete set null,
  user_id uuid references public.profiles (id) on delete set null,
  conversation_id uuid references public.conversations (id) on delete set null,
  ticket_id uuid references public.tickets (id) on delete set null,
  model text,
  metadata jsonb not null default '{}',
  occurred_at timestamptz not null default now()
);
comment on table public.analytics_events is 'Usage, cost and error events. Row-change events are written by triggers; api_call/error by the server (service role).';
comment on column public.analytics_events.id is 'Event id.';
comment on column public.analytics_events.event_type is 'What happened.';
comment on column public.analytics_events.solution_area is 'Solution area involved.';
comment on column public.analytics_events.user_id is 'User who caused the event.';
comment on column public.analytics_events.conversation_id is 'Conversation involved.';
comment on column public.analytics_events.ticket_id is 'Ticket involved.';
comment on column public.analytics_events.model is 'AI model involved.';
comment on column public.analytics_events.metadata is 'Details: tokens, cost, latency_ms, error, old/new status.';
comment on column public.analytics_events.occurred_at is 'When it happened.';

create table public.retrieval_logs (
  id bigint generated always as identity primary key,
  conversation_id uuid references public.conversations (id) on delete cascade,
  user_id uuid references public.profiles (id) on delete set null,
  query_text text not null,
  source_type public.retrieval_source_type not null default 'kb_article',
  result_ids text[] not null default '{}',
  scores real[] not null default '{}',
  returned_at timestamptz not null default now(),
  check (cardinality(result_ids) = cardinality(scores))
);
comment on table public.retrieval_logs is 'What the assistant retrieved for a query, to evaluate and debug answers.';
comment on column public.retrieval_logs.id is 'Log id.';
comment on column public.retrieval_logs.conversation_id is 'Thread the query came from.';
comment on column public.retrieval_logs.user_id is 'User who asked.';
comment on column public.retrieval_logs.query_text is 'Query as searched.';
comment on column public.retrieval_logs.source_type is 'What was searched.';
comment on column public.retrieval_logs.result_ids is 'Ids of the results, best first.';
comment on column public.retrieval_logs.scores is 'Score of each result, same order as result_ids.';
comment on column public.retrieval_logs.returned_at is 'When the results were returned.';

create table public.customer_analyses (
  id uuid primary key default gen_random_uuid(),
  status public.analysis_status not null default 'PENDING',
  triggered_by uuid references public.profiles (id) on delete set null,
  filters jsonb not null default '{}' check (jsonb_typeof(filters) = 'object'),
  total_conversations integer not null default 0 check (total_conversations >= 0),
  processed_conversations integer not null default 0 check (processed_conversations >= 0),
  failed_conversations integer not null default 0 check (failed_conversations >= 0),
  started_at timestamptz,
  completed_at timestamptz,
  error_message text,
  processing_ms integer check (processing_ms >= 0),
  created_at timestamptz not null default now()
);
comment on table public.customer_analyses is 'A customer-analysis run over conversations. Deleting it removes its categorizations, KPIs and exports.';
comment on column public.customer_analyses.id is 'Analysis id.';
comment on column public.customer_analyses.status is 'PENDING, PROCESSING, COMPLETED, FAILED or PARTIAL.';
comment on column public.customer_analyses.triggered_by is 'Admin who started it.';
comment on column public.customer_analyses.filters is 'JSON {date_from, date_to, technician_ids, department_ids, customer_ids}.';
comment on column public.customer_analyses.total_conversations is 'Conversations selected.';
comment on column public.customer_analyses.processed_conversations is 'Conversations categorized.';
comment on column public.customer_analyses.failed_conversations is 'Conversations that failed.';
comment on column public.customer_analyses.started_at is 'When processing started.';
comment on column public.customer_analyses.completed_at is 'When processing ended.';
comment on column public.customer_analyses.error_message is 'Why it failed.';
comment on column public.customer_analyses.processing_ms is 'Processing time in milliseconds.';
comment on column public.customer_analyses.created_at is 'When it was requested.';

create table public.conversation_categorizations (
  id uuid primary key default gen_random_uuid(),
  analysis_id uuid not null references public.customer_analyses (id) on delete cascade,
  conversation_id uuid not null references public.conversations (id) on delete cascade,
  intent text not null,
  journey_stage text not null,
  sentiment public.analysis_sentiment not null,
  agent_quality integer check (agent_quality between 1 and 10),
  reasoning text not null default '',
  confidence numeric(4, 3) check (confidence between 0 and 1),
  created_at timestamptz not null default now(),
  unique (analysis_id, conversation_id)
);
comment on table public.conversation_categorizations is 'How one analysis categorized one conversation (unique per pair).';
comment on column public.conversation_categorizations.id is 'Row id.';
comment on column public.conversation_categorizations.analysis_id is 'Analysis run.';
comment on column public.conversation_categorizations.conversation_id is 'Conversation categorized.';
comment on column public.conversation_categorizations.intent is 'Customer intent, e.g. REPAIR, BILLING, PARTS, OTHER.';
comment on column public.conversation_categorizations.journey_stage is 'Journey stage, e.g. PROSPECT, ACTIVE_CUSTOMER, POST_SERVICE.';
comment on column public.conversation_categorizations.sentiment is 'POSITIVE, NEUTRAL or FRICTION.';
comment on column public.conversation_categorizations.agent_quality is 'Quality of the agent''s handling, 1-10.';
comment on column public.conversation_categorizations.reasoning is 'Why the model decided so.';
comment on column public.conversation_categorizations.confidence is 'Model confidence 0-1.';
comment on column public.conversation_categorizations.created_at is 'When categorized.';

create table public.analysis_kpis (
  id uuid primary key default gen_random_uuid(),
  analysis_id uuid not null references public.customer_analyses (id) on delete cascade,
  metric_type public.analysis_metric_type not null,
  metric_name text not null,
  numeric_value numeric,
  string_value text,
  json_value jsonb,
  technician_id uuid references public.profiles (id) on delete set null,
  department_id uuid references public.departments (id) on delete set null,
  category text,
  created_at timestamptz not null default now(),
  check (num_nonnulls(numeric_value, string_value, json_value) >= 1)
);
comment on table public.analysis_kpis is 'KPIs computed by an analysis. Deleting a technician or department keeps the KPI with that dimension null.';
comment on column public.analysis_kpis.id is 'KPI id.';
comment on column public.analysis_kpis.analysis_id is 'Analysis run.';
comment on column public.analysis_kpis.metric_type is 'Metric family.';
comment on column public.analysis_kpis.metric_name is 'Metric, e.g. first_response_p50.';
comment on column public.analysis_kpis.numeric_value is 'Numeric value.';
comment on column public.analysis_kpis.string_value is 'Text value.';
comment on column public.analysis_kpis.json_value is 'Structured value (distributions).';
comment on column public.analysis_kpis.technician_id is 'Technician dimension.';
comment on column public.analysis_kpis.department_id is 'Department dimension.';
comment on column public.analysis_kpis.category is 'Category dimension.';
comment on column public.analysis_kpis.created_at is 'When computed.';

create table public.analysis_exports (
  id uuid primary key default gen_random_uuid(),
  analysis_id uuid not null references public.customer_analyses (id) on delete cascade,
  format public.export_format not null,
  file_name text not null,
  storage_path text not null,
  generated_by uuid references public.profiles (id) on delete set null,
  size_bytes bigint check (size_bytes >= 0),
  expires_at timestamptz,
  created_at timestamptz not null default now()
);
comment on table public.analysis_exports is 'CSV / PDF exports of an analysis, stored in Storage.';
comment on column public.analysis_exports.id is 'Export id.';
comment on column public.analysis_exports.analysis_id is 'Analysis exported.';
comment on column public.analysis_exports.format is 'CSV or PDF.';
comment on column public.analysis_exports.file_name is 'Download file name.';
comment on column public.analysis_exports.storage_path is 'Object path in Storage.';
comment on column public.analysis_exports.generated_by is 'Admin who exported.';
comment on column public.analysis_exports.size_bytes is 'File size.';
comment on column public.analysis_exports.expires_at is 'When the file is deleted.';
comment on column public.analysis_exports.created_at is 'When generated.';

create table public.entity_links (
  id uuid primary key default gen_random_uuid(),
  source_type text not null check (source_type ~ '^[a-z_]+$'),
  source_id uuid not null,
  target_type text not null check (target_type ~ '^[a-z_]+$'),
  target_id uuid not null,
  link_type text not null check (link_type ~ '^[a-z_]+$'),
  metadata jsonb not null default '{}',
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (source_type, source_id, target_type, target_id, link_type)
);
comment on table public.entity_links is 'Typed links between any two records (e.g. ticket duplicates ticket, article explains guide) for what foreign keys cannot express.';
comment on column public.entity_links.id is 'Link id.';
comment on column public.entity_links.source_type is 'Table of the source record, e.g. tickets.';
comment on column public.entity_links.source_id is 'Source record id.';
comment on column public.entity_links.target_type is 'Table of the target record.';
comment on column public.entity_links.target_id is 'Target record id.';
comment on column public.entity_links.link_type is 'Relationship, e.g. duplicates, caused_by, explains.';
comment on column public.entity_links.metadata is 'Free details.';
comment on column public.entity_links.created_by is 'Who linked them.';
comment on column public.entity_links.created_at is 'When linked.';

-- ---------------------------------------------------------------------------------------------------------------
-- Indexes
-- ---------------------------------------------------------------------------------------------------------------
create index analytics_events_type_time_idx on public.analytics_events (event_type, occurred_at desc);
create index analytics_events_user_id_idx on public.analytics_events (user_id);
create index analytics_events_conversation_id_idx on public.analytics_events (conversation_id);
create index analytics_events_ticket_id_idx on public.analytics_events (ticket_id);
create index analytics_events_solution_area_idx on public.analytics_events (solution_area);
create index retrieval_logs_conversation_id_idx on public.retrieval_logs (conversation_id, returned_at desc);
create index retrieval_logs_user_id_idx on public.retrieval_logs (user_id);
create index customer_analyses_triggered_by_idx on public.customer_analyses (triggered_by);
create index conversation_categorizations_conversation_id_idx on public.conversation_categorizations (conversation_id);
create index conversation_categorizations_intent_idx on public.conversation_categorizations (analysis_id, intent);
create index conversation_categorizations_stage_idx on public.conversation_categorizations (analysis_id, journey_stage);
create index analysis_kpis_analysis_idx on public.analysis_kpis (analysis_id, metric_type);
create index analysis_kpis_technician_id_idx on public.analysis_kpis (technician_id);
create index analysis_kpis_department_id_idx on public.analysis_kpis (department_id);
create index analysis_exports_analysis_id_idx on public.analysis_exports (analysis_id);
create index analysis_exports_generated_by_idx on public.analysis_exports (generated_by);
create index entity_links_source_idx on public.entity_links (source_type, source_id);
create index entity_links_target_idx on public.entity_links (target_type, target_id);
create index entity_links_created_by_idx on public.entity_links (created_by);

-- ---------------------------------------------------------------------------------------------------------------
-- Triggers: analytics events for row changes, so no code path can forget them
-- ---------------------------------------------------------------------------------------------------------------
create or replace function private.record_row_change_event()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_table_name = 'conversations' then
    insert into public.analytics_events (event_type, solution_area, user_id, conversation_id, model, metadata)
    values ('conversation_created', new.solution_area, new.customer_id, new.id, new.ai_model, jsonb_build_object('channel', new.channel));
  elsif tg_table_name = 'messages' then
    insert into public.analytics_events (event_type, solution_area, user_id, conversation_id, metadata)
    select 'message_sent', conversation.solution_area, new.sender_id, new.conversation_id,
      jsonb_build_object('role', new.role, 'type', new.type, 'internal_note', new.is_internal_note)
    from public.conversations conversation where conversation.id = new.conversation_id;
  elsif tg_table_name = 'tickets' and tg_op = 'INSERT' then
    insert into public.analytics_events (event_type, user_id, ticket_id, conversation_id, metadata)
    values ('ticket_created', new.customer_id, new.id, new.conversation_id,
      jsonb_build_object('channel', new.channel, 'priority', new.priority));
  elsif tg_table_name = 'tickets' then
    insert into public.analytics_events (event_type, user_id, ticket_id, metadata)
    values (case when new.status = 'resolved' then 'ticket_resolved' else 'ticket_status_changed' end::public.analytics_event_type,
      auth.uid(), new.id, jsonb_build_object('from', old.status, 'to', new.status));
  elsif tg_table_name = 'troubleshooting_sessions' and tg_op = 'INSERT' then
    insert into public.analytics_events (event_type, user_id, metadata)
    values ('troubleshooting_started', new.customer_id, jsonb_build_object('session_id', new.id, 'guide_id', new.guide_id));
  elsif tg_table_name = 'troubleshooting_sessions' then
    insert into public.analytics_events (event_type, user_id, metadata)
    values ('troubleshooting_completed', new.customer_id, jsonb_build_object(
      'session_id', new.id, 'guide_id', new.guide_id, 'resolved', new.resolved, 'misclassified', new.misclassified,
      'abandoned', new.abandoned, 'early_exit', new.early_exit));
  elsif tg_table_name = 'work_orders' then
    insert into public.analytics_events (event_type, user_id, ticket_id, metadata)
    values ('work_order_completed', new.assigned_technician_id, new.ticket_id,
      jsonb_build_object('work_order_id', new.id, 'total_cost', new.total_cost, 'actual_hours', new.actual_hours));
  end if;
  return null;
end;
$$;
comment on function private.record_row_change_event() is 'After-write trigger: writes the analytics event of a row change (conversation, message, ticket, session, work order).';

create trigger record_conversation_created after insert on public.conversations
  for each row execute function private.record_row_change_event();
create trigger record_message_sent after insert on public.messages
  for each row execute function private.record_row_change_event();
create trigger record_ticket_created after insert on public.tickets
  for each row execute function private.record_row_change_event();
create trigger record_ticket_status_changed after update of status on public.tickets
  for each row when (old.status is distinct from new.status) execute function private.record_row_change_event();
create trigger record_troubleshooting_started after insert on public.troubleshooting_sessions
  for each row execute function private.record_row_change_event();
create trigger record_troubleshooting_completed after update of completed_at on public.troubleshooting_sessions
  for each row when (old.completed_at is null and new.completed_at is not null) execute function private.record_row_change_event();
create trigger record_work_order_completed after update of status on public.work_orders
  for each row when (old.status is distinct from new.status and new.status = 'completed') execute function private.record_row_change_event();

-- ---------------------------------------------------------------------------------------------------------------
-- Policies
-- ---------------------------------------------------------------------------------------------------------------
alter table public.analytics_events enable row level security;
alter table public.retrieval_logs enable row level security;
alter table public.customer_analyses enable row level security;
alter table public.conversation_categorizations enable row level security;
alter table public.analysis_kpis enable row level security;
alter table public.analysis_exports enable row level security;
alter table public.entity_links enable row level security;

create policy "Admins can read analytics events" on public.analytics_events
  for select to authenticated using ((select private.is_admin()));
create policy "Staff can read retrieval logs" on public.retrieval_logs
  for select to authenticated using ((select private.is_staff()));
create policy "Admins can manage analyses" on public.customer_analyses
  for all to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins can manage categorizations" on public.conversation_categorizations
  for all to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins can manage KPIs" on public.analysis_kpis
  for all to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins can manage exports" on public.analysis_exports
  for all to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Staff can read entity links" on public.entity_links
  for select to authenticated using ((select private.is_staff()));
create policy "Staff can create entity links" on public.entity_links
  for insert to authenticated with check ((select private.is_staff()) and created_by = (select auth.uid()));
create policy "Admins can delete entity links" on public.entity_links
  for delete to authenticated using ((select private.is_admin()));
