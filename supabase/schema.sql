-- supabase/schema.sql — GENERATED, do not edit. The project's database (schemas public and private, plus the
-- trigger and policies the migrations put on auth.users and realtime.messages) as it stands after every migration
-- in supabase/migrations: read this file for the current definition of anything. Migrations are the history;
-- this is the state. Regenerate after a migration with:
--
--   UPDATE_SCHEMA=1 npm test -- schema
--
-- `npm test` fails when this file and the migrations disagree. Produced by pg_dump --schema-only --no-owner
-- (every object here is owned by postgres, so security definer functions run as postgres); see
-- local/test/schema-dump.ts for what is kept and why.

--
-- PostgreSQL database dump
--

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: pg_cron; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_cron WITH SCHEMA pg_catalog;

--
-- Name: pg_net; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_net WITH SCHEMA extensions;

--
-- Name: private; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA private;

--
-- Name: SCHEMA private; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA private IS 'Helpers, trigger functions, security definer functions and the work queue. Never exposed through the Data API.';

--
-- Name: pg_stat_statements; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_stat_statements WITH SCHEMA extensions;

--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA extensions;

--
-- Name: pgcrypto; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA extensions;

--
-- Name: supabase_vault; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS supabase_vault WITH SCHEMA vault;

--
-- Name: uuid-ossp; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA extensions;

--
-- Name: vector; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA extensions;

--
-- Name: job_kind; Type: TYPE; Schema: private; Owner: -
--

CREATE TYPE private.job_kind AS ENUM (
    'triage',
    'embed',
    'analysis'
);

--
-- Name: job_status; Type: TYPE; Schema: private; Owner: -
--

CREATE TYPE private.job_status AS ENUM (
    'queued',
    'running',
    'completed',
    'failed'
);

--
-- Name: analysis_metric_type; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.analysis_metric_type AS ENUM (
    'RESPONSE_TIME',
    'VOLUME',
    'PEAK_TIME',
    'CUSTOMER_INTENT',
    'JOURNEY_STAGE',
    'SENTIMENT',
    'AGENT_QUALITY',
    'CHANNEL_USAGE'
);

--
-- Name: analysis_sentiment; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.analysis_sentiment AS ENUM (
    'POSITIVE',
    'NEUTRAL',
    'FRICTION'
);

--
-- Name: analysis_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.analysis_status AS ENUM (
    'PENDING',
    'PROCESSING',
    'COMPLETED',
    'FAILED',
    'PARTIAL'
);

--
-- Name: analytics_event_type; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.analytics_event_type AS ENUM (
    'api_call',
    'conversation_created',
    'message_sent',
    'error',
    'ticket_created',
    'ticket_status_changed',
    'ticket_resolved',
    'troubleshooting_started',
    'troubleshooting_completed',
    'work_order_completed',
    'sla_breached',
    'ticket_rated',
    'tickets_merged'
);

--
-- Name: TYPE analytics_event_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TYPE public.analytics_event_type IS 'Kinds of analytics event; extend with alter type ... add value.';

--
-- Name: conversation_channel; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.conversation_channel AS ENUM (
    'chat',
    'voice',
    'email'
);

--
-- Name: conversation_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.conversation_status AS ENUM (
    'active',
    'resolved',
    'archived'
);

--
-- Name: export_format; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.export_format AS ENUM (
    'CSV',
    'PDF'
);

--
-- Name: kb_embedding_state; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.kb_embedding_state AS ENUM (
    'pending',
    'embedding',
    'embedded',
    'failed'
);

--
-- Name: TYPE kb_embedding_state; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TYPE public.kb_embedding_state IS 'Where an article is in the embedding pipeline: waiting in the queue, being embedded by the worker, embedded (chunks stored), or failed for good.';

--
-- Name: message_role; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.message_role AS ENUM (
    'user',
    'assistant',
    'technician',
    'system'
);

--
-- Name: message_type; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.message_type AS ENUM (
    'text',
    'voice',
    'image',
    'file'
);

--
-- Name: priority_setter; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.priority_setter AS ENUM (
    'triage',
    'customer',
    'staff',
    'sla_escalation'
);

--
-- Name: TYPE priority_setter; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TYPE public.priority_setter IS 'Who or what set a ticket''s priority: triage (from its urgency), the customer (when opening it), staff, or the SLA escalation (raised on a breach).';

--
-- Name: retrieval_source_type; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.retrieval_source_type AS ENUM (
    'kb_article',
    'guide',
    'ticket',
    'conversation'
);

--
-- Name: ticket_category; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.ticket_category AS ENUM (
    'billing',
    'technical',
    'feature_request'
);

--
-- Name: TYPE ticket_category; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TYPE public.ticket_category IS 'AI triage category; extend with alter type ... add value.';

--
-- Name: ticket_channel; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.ticket_channel AS ENUM (
    'web',
    'chat',
    'voice',
    'email',
    'phone',
    'troubleshooting'
);

--
-- Name: ticket_event_kind; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.ticket_event_kind AS ENUM (
    'created',
    'triage_finished',
    'triage_failed',
    'claimed',
    'assigned',
    'unassigned',
    'status_changed',
    'message_sent',
    'reply_sent',
    'internal_note_added',
    'work_order_created',
    'work_order_started',
    'work_order_completed',
    'work_order_cancelled',
    'resolved',
    'reopened',
    'follow_up_opened',
    'sla_breached',
    'rated',
    'triage_corrected',
    'merged'
);

--
-- Name: TYPE ticket_event_kind; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TYPE public.ticket_event_kind IS 'What happened to a ticket, one timeline row each; extend with alter type ... add value.';

--
-- Name: ticket_priority; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.ticket_priority AS ENUM (
    'low',
    'normal',
    'high',
    'urgent'
);

--
-- Name: ticket_status; Type: DOMAIN; Schema: public; Owner: -
--

CREATE DOMAIN public.ticket_status AS text
	CONSTRAINT ticket_status_check CHECK ((VALUE = ANY (ARRAY['unassigned'::text, 'assigned'::text, 'in_progress'::text, 'waiting_on_customer'::text, 'resolved'::text, 'closed'::text, 'merged'::text])));

--
-- Name: DOMAIN ticket_status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON DOMAIN public.ticket_status IS 'Technician workflow: unassigned -> assigned / in_progress -> waiting_on_customer -> resolved -> closed; merged (into merged_into) is final. A text domain (not an enum) so RLS-filtered queue queries can use the index (text equality is leakproof).';

--
-- Name: ticket_triage_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.ticket_triage_status AS ENUM (
    'pending',
    'processing',
    'processed',
    'resolved',
    'ai_failed'
);

--
-- Name: TYPE ticket_triage_status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TYPE public.ticket_triage_status IS 'AI pipeline progress: pending -> processing -> processed | ai_failed -> resolved.';

--
-- Name: ticket_urgency; Type: DOMAIN; Schema: public; Owner: -
--

CREATE DOMAIN public.ticket_urgency AS text
	CONSTRAINT ticket_urgency_check CHECK ((VALUE = ANY (ARRAY['high'::text, 'medium'::text, 'low'::text])));

--
-- Name: DOMAIN ticket_urgency; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON DOMAIN public.ticket_urgency IS 'Triage urgency: high, medium or low. A text domain for the same reason as ticket_status.';

--
-- Name: user_role; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.user_role AS ENUM (
    'customer',
    'technician',
    'admin'
);

--
-- Name: TYPE user_role; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TYPE public.user_role IS 'What a person may do: customers ask, technicians answer, admins manage everything.';

--
-- Name: work_order_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.work_order_status AS ENUM (
    'open',
    'in_progress',
    'completed',
    'cancelled'
);

--
-- Name: abandon_idle_troubleshooting_sessions(interval); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.abandon_idle_troubleshooting_sessions(idle_for interval DEFAULT '24:00:00'::interval) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  ended integer;
begin
  with idle as (
    select session.id,
      (select count(*) from public.troubleshooting_session_steps step where step.session_id = session.id) as steps_answered,
      (select count(*) from public.guide_steps step where step.guide_id = session.guide_id) as steps_in_guide
    from public.troubleshooting_sessions session
    where session.completed_at is null
      and session.started_at < now() - idle_for
      and coalesce((select max(step.responded_at) from public.troubleshooting_session_steps step where step.session_id = session.id), session.started_at) < now() - idle_for
    for update of session skip locked
  )
  update public.troubleshooting_sessions session
  set abandoned = true,
      early_exit = idle.steps_answered < idle.steps_in_guide,
      completed_at = now()
  from idle
  where session.id = idle.id;
  get diagnostics ended = row_count;
  return ended;
end;
$$;

--
-- Name: FUNCTION abandon_idle_troubleshooting_sessions(idle_for interval); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.abandon_idle_troubleshooting_sessions(idle_for interval) IS 'pg_cron job (every 15 minutes): ends sessions idle for 24 h as abandoned, early_exit when not every step was answered; returns how many.';

--
-- Name: is_time_zone(text); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.is_time_zone(name text) RETURNS boolean
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
begin
  perform now() at time zone name;
  return true;
exception when others then
  return false;
end;
$$;

--
-- Name: FUNCTION is_time_zone(name text); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.is_time_zone(name text) IS 'Whether Postgres knows the time zone (for sla_policies.time_zone).';

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: sla_policies; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sla_policies (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    urgency public.ticket_urgency,
    solution_area text,
    first_response_minutes integer NOT NULL,
    resolution_minutes integer NOT NULL,
    time_zone text DEFAULT 'UTC'::text NOT NULL,
    business_days smallint[],
    business_day_starts time without time zone DEFAULT '09:00:00'::time without time zone NOT NULL,
    business_day_ends time without time zone DEFAULT '17:00:00'::time without time zone NOT NULL,
    escalation text DEFAULT 'notify_lead'::text NOT NULL,
    escalate_to uuid,
    raise_priority boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT sla_policies_business_day_has_hours CHECK ((business_day_ends > business_day_starts)),
    CONSTRAINT sla_policies_business_days_check CHECK (((business_days <@ ARRAY[(1)::smallint, (2)::smallint, (3)::smallint, (4)::smallint, (5)::smallint, (6)::smallint, (7)::smallint]) AND (cardinality(business_days) > 0))),
    CONSTRAINT sla_policies_escalation_check CHECK ((escalation = ANY (ARRAY['notify_lead'::text, 'reassign'::text]))),
    CONSTRAINT sla_policies_first_response_minutes_check CHECK (((first_response_minutes >= 1) AND (first_response_minutes <= 525600))),
    CONSTRAINT sla_policies_name_check CHECK (((length(TRIM(BOTH FROM name)) >= 1) AND (length(TRIM(BOTH FROM name)) <= 120))),
    CONSTRAINT sla_policies_resolution_minutes_check CHECK (((resolution_minutes >= 1) AND (resolution_minutes <= 525600))),
    CONSTRAINT sla_policies_time_zone_check CHECK (private.is_time_zone(time_zone))
);

--
-- Name: TABLE sla_policies; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.sla_policies IS 'Service-level targets: how soon a ticket of this urgency (and area) gets a first reply and a resolution, in business hours, and what happens on a breach. Admins edit them; staff read them.';

--
-- Name: COLUMN sla_policies.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sla_policies.id IS 'Policy id.';

--
-- Name: COLUMN sla_policies.name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sla_policies.name IS 'Name shown to admins and on the ticket.';

--
-- Name: COLUMN sla_policies.urgency; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sla_policies.urgency IS 'Triage urgency it applies to; null for any (also tickets not triaged yet).';

--
-- Name: COLUMN sla_policies.solution_area; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sla_policies.solution_area IS 'Solution area it applies to (the ticket''s conversation''s); null for any.';

--
-- Name: COLUMN sla_policies.first_response_minutes; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sla_policies.first_response_minutes IS 'Business minutes from creation to the first technician reply the customer sees.';

--
-- Name: COLUMN sla_policies.resolution_minutes; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sla_policies.resolution_minutes IS 'Business minutes from creation to resolution, not counting time waiting on the customer.';

--
-- Name: COLUMN sla_policies.time_zone; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sla_policies.time_zone IS 'Time zone of the business hours (an IANA name such as Europe/Berlin).';

--
-- Name: COLUMN sla_policies.business_days; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sla_policies.business_days IS 'ISO weekdays with business hours (1 = Monday ... 7 = Sunday); null: the clock runs around the clock.';

--
-- Name: COLUMN sla_policies.business_day_starts; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sla_policies.business_day_starts IS 'Local time business hours start on a business day.';

--
-- Name: COLUMN sla_policies.business_day_ends; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sla_policies.business_day_ends IS 'Local time business hours end on a business day.';

--
-- Name: COLUMN sla_policies.escalation; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sla_policies.escalation IS 'On a breach: notify_lead (a notification to escalate_to, else every admin) or reassign (to escalate_to; without one, the admins are notified instead).';

--
-- Name: COLUMN sla_policies.escalate_to; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sla_policies.escalate_to IS 'The lead to notify or the technician to reassign to.';

--
-- Name: COLUMN sla_policies.raise_priority; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sla_policies.raise_priority IS 'Whether a breach raises the ticket''s priority one step (low -> normal -> high -> urgent).';

--
-- Name: COLUMN sla_policies.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sla_policies.created_at IS 'When the policy was created.';

--
-- Name: COLUMN sla_policies.updated_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sla_policies.updated_at IS 'Last change, maintained by trigger.';

--
-- Name: add_business_seconds(public.sla_policies, timestamp with time zone, bigint); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.add_business_seconds(policy public.sla_policies, start_at timestamp with time zone, seconds bigint) RETURNS timestamp with time zone
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  cursor_at timestamptz := start_at;
  remaining bigint := greatest(seconds, 0);
  local_day date;
  opens_at timestamptz;
  closes_at timestamptz;
  available bigint;
begin
  if policy.business_days is null then
    return start_at + make_interval(secs => remaining);
  end if;
  -- One business day per turn; ten years of days bounds a target of at most a year of minutes.
  for turn in 1 .. 3660 loop
    local_day := (cursor_at at time zone policy.time_zone)::date;
    if extract(isodow from local_day)::smallint = any (policy.business_days) then
      opens_at := (local_day + policy.business_day_starts) at time zone policy.time_zone;
      closes_at := (local_day + policy.business_day_ends) at time zone policy.time_zone;
      if cursor_at < opens_at then
        cursor_at := opens_at;
      end if;
      if cursor_at < closes_at then
        available := extract(epoch from closes_at - cursor_at)::bigint;
        if remaining <= available then
          return cursor_at + make_interval(secs => remaining);
        end if;
        remaining := remaining - available;
      end if;
    end if;
    cursor_at := (local_day + 1)::timestamp at time zone policy.time_zone;
  end loop;
  raise exception 'SLA policy % has no business hours in ten years', policy.name;
end;
$$;

--
-- Name: FUNCTION add_business_seconds(policy public.sla_policies, start_at timestamp with time zone, seconds bigint); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.add_business_seconds(policy public.sla_policies, start_at timestamp with time zone, seconds bigint) IS 'start_at plus the given business seconds under the policy''s business days and hours (in its time zone); plain seconds for a policy around the clock.';

--
-- Name: announce_ticket_progress_in_chat(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.announce_ticket_progress_in_chat() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  technician_name text;
  announcement text;
begin
  if new.conversation_id is null then
    return null;
  end if;
  select coalesce(nullif(trim(profile.full_name), ''), 'A technician') into technician_name
  from public.profiles profile where profile.id = new.assigned_to;
  technician_name := coalesce(technician_name, 'A technician');

  if old.assigned_to is null and new.assigned_to is not null then
    announcement := format('%s has joined and is looking at ticket %s.', technician_name, new.number);
    -- The technician now answers in this thread; the assistant steps back (the app reads this column).
    update public.conversations set assigned_technician_id = new.assigned_to
    where id = new.conversation_id and assigned_technician_id is distinct from new.assigned_to;
  elsif new.status = 'resolved' and old.status is distinct from 'resolved' then
    announcement := format('Ticket %s has been resolved by %s. Reply here if anything is still wrong.', new.number, technician_name);
  else
    return null;
  end if;

  insert into public.messages (conversation_id, role, content, metadata)
  values (new.conversation_id, 'system', announcement,
    jsonb_build_object('ticket_id', new.id, 'ticket_number', new.number, 'ticket_status', new.status));
  return null;
end;
$$;

--
-- Name: FUNCTION announce_ticket_progress_in_chat(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.announce_ticket_progress_in_chat() IS 'After-update trigger on tickets: a system message in the linked conversation when a technician takes the ticket or resolves it.';

--
-- Name: apply_kb_lexeme_deltas(text[], integer[]); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.apply_kb_lexeme_deltas(lexemes text[], deltas integer[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  insert into private.kb_lexeme_chunk_counts as counts (lexeme, chunk_count)
  select change.lexeme, change.delta
  from unnest(apply_kb_lexeme_deltas.lexemes, apply_kb_lexeme_deltas.deltas) as change(lexeme, delta)
  where change.delta <> 0
  order by change.lexeme
  on conflict (lexeme) do update set chunk_count = counts.chunk_count + excluded.chunk_count;
  delete from private.kb_lexeme_chunk_counts counts
  where counts.lexeme = any(apply_kb_lexeme_deltas.lexemes) and counts.chunk_count <= 0;
end;
$$;

--
-- Name: FUNCTION apply_kb_lexeme_deltas(lexemes text[], deltas integer[]); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.apply_kb_lexeme_deltas(lexemes text[], deltas integer[]) IS 'Adds signed per-lexeme chunk-count changes to private.kb_lexeme_chunk_counts (in lexeme order), removing counts that reach zero.';

--
-- Name: assign_new_ticket(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.assign_new_ticket() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  area text;
  chosen uuid;
begin
  if new.status <> 'unassigned' or new.assigned_to is not null then
    return new;
  end if;
  area := private.solution_area_of_conversation(new.conversation_id);
  if not exists (select 1 from public.auto_assignment_rules rule where rule.solution_area is not distinct from area and rule.is_enabled) then
    return new;
  end if;

  -- Serialise arrivals on the eligible technicians (bug #11034: an unlocked count let two arrivals share a last slot).
  perform 1 from public.technician_availability availability
  join public.profiles person on person.id = availability.technician_id and person.role = 'technician'
  where availability.is_online and (availability.solution_areas is null or area = any (availability.solution_areas))
  order by availability.technician_id
  for update of availability;

  select availability.technician_id into chosen
  from public.technician_availability availability
  join public.profiles person on person.id = availability.technician_id and person.role = 'technician'
  where availability.is_online and (availability.solution_areas is null or area = any (availability.solution_areas))
    and (select count(*) from public.tickets ticket
         where ticket.assigned_to = availability.technician_id
           and ticket.status in ('assigned', 'in_progress', 'waiting_on_customer')) < availability.capacity
  order by availability.last_assigned_at nulls first, availability.technician_id
  limit 1;
  if chosen is null then
    return new;
  end if;

  update public.technician_availability set last_assigned_at = clock_timestamp() where technician_id = chosen;
  new.assigned_to := chosen;
  new.status := 'assigned';
  return new;
end;
$$;

--
-- Name: FUNCTION assign_new_ticket(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.assign_new_ticket() IS 'Before-insert trigger on tickets: automatic round-robin assignment per auto_assignment_rules, skipping technicians at capacity (rows locked).';

--
-- Name: attachment_conversation_id(text); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.attachment_conversation_id(object_name text) RETURNS uuid
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $_$
declare
  folder text := (storage.foldername(object_name))[1];
begin
  if folder ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return folder::uuid;
  end if;
  return null;
end;
$_$;

--
-- Name: FUNCTION attachment_conversation_id(object_name text); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.attachment_conversation_id(object_name text) IS 'The conversation id an attachments path starts with (<conversation_id>/…), or null for any other path.';

--
-- Name: business_seconds_between(public.sla_policies, timestamp with time zone, timestamp with time zone); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.business_seconds_between(policy public.sla_policies, from_at timestamp with time zone, to_at timestamp with time zone) RETURNS bigint
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  total bigint := 0;
  local_day date;
  opens_at timestamptz;
  closes_at timestamptz;
begin
  if to_at <= from_at then
    return 0;
  end if;
  if policy.business_days is null then
    return extract(epoch from to_at - from_at)::bigint;
  end if;
  local_day := (from_at at time zone policy.time_zone)::date;
  while (local_day::timestamp at time zone policy.time_zone) < to_at loop
    if extract(isodow from local_day)::smallint = any (policy.business_days) then
      opens_at := greatest((local_day + policy.business_day_starts) at time zone policy.time_zone, from_at);
      closes_at := least((local_day + policy.business_day_ends) at time zone policy.time_zone, to_at);
      if closes_at > opens_at then
        total := total + extract(epoch from closes_at - opens_at)::bigint;
      end if;
    end if;
    local_day := local_day + 1;
  end loop;
  return total;
end;
$$;

--
-- Name: FUNCTION business_seconds_between(policy public.sla_policies, from_at timestamp with time zone, to_at timestamp with time zone); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.business_seconds_between(policy public.sla_policies, from_at timestamp with time zone, to_at timestamp with time zone) IS 'Business seconds from from_at to to_at under the policy''s business days and hours; the length of a pause.';

--
-- Name: can_access_attachment(text); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.can_access_attachment(object_name text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select private.staff_can_see_conversation(private.attachment_conversation_id(object_name))
      or ((storage.foldername(object_name))[2] is distinct from 'internal'
          and private.owns_conversation(private.attachment_conversation_id(object_name)))
$$;

--
-- Name: FUNCTION can_access_attachment(object_name text); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.can_access_attachment(object_name text) IS 'True for the conversation''s customer (except <conversation_id>/internal/…) and for staff who can see the conversation.';

--
-- Name: can_manage_work_order(uuid); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.can_manage_work_order(work_order_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select private.is_admin() or exists (
    select 1 from public.work_orders work_order
    join public.tickets ticket on ticket.id = work_order.ticket_id
    where work_order.id = work_order_id and ticket.assigned_to = auth.uid()
  )
$$;

--
-- Name: FUNCTION can_manage_work_order(work_order_id uuid); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.can_manage_work_order(work_order_id uuid) IS 'Admins, or the technician assigned to the work order''s ticket.';

--
-- Name: can_rate_ticket(uuid); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.can_rate_ticket(ticket_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select exists (
    select 1 from public.tickets ticket
    where ticket.id = can_rate_ticket.ticket_id and ticket.customer_id = auth.uid() and ticket.status in ('resolved', 'closed'))
$$;

--
-- Name: FUNCTION can_rate_ticket(ticket_id uuid); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.can_rate_ticket(ticket_id uuid) IS 'The caller is the customer of the ticket and it is resolved or closed: they may rate it.';

--
-- Name: can_read_kb_article(boolean); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.can_read_kb_article(is_published boolean) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$ select can_read_kb_article.is_published or private.is_staff() $$;

--
-- Name: FUNCTION can_read_kb_article(is_published boolean); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.can_read_kb_article(is_published boolean) IS 'The kb_chunks / kb_articles read policies as one boolean: published, or the caller is staff.';

--
-- Name: can_use_conversation_channel(text); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.can_use_conversation_channel(topic text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select coalesce(
    private.owns_conversation(private.conversation_id_of_topic(topic))
      or private.staff_can_see_conversation(private.conversation_id_of_topic(topic)),
    false)
$$;

--
-- Name: FUNCTION can_use_conversation_channel(topic text); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.can_use_conversation_channel(topic text) IS 'True when the caller may join a conversation''s live channel: its customer, or staff who can see the conversation.';

--
-- Name: check_assistant_answer_detail(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.check_assistant_answer_detail() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if not exists (select 1 from public.messages message where message.id = new.message_id and message.role = 'assistant') then
    raise exception 'Only an assistant answer has answer details.' using errcode = '23514';
  end if;
  return new;
end;
$$;

--
-- Name: check_message_attachment(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.check_message_attachment() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  attachment jsonb := new.metadata -> 'attachment';
  object_path text;
  display_name text;
  stored record;
  in_internal_folder boolean;
  duration numeric;
begin
  if tg_op = 'UPDATE' and attachment is not distinct from old.metadata -> 'attachment'
     and new.type = old.type and new.is_internal_note = old.is_internal_note then
    return new;
  end if;
  if attachment is null or jsonb_typeof(attachment) = 'null' then
    if new.type in ('image', 'file') then
      raise exception 'A message of type % needs its attachment.', new.type using errcode = '23514';
    end if;
    return new;
  end if;
  if jsonb_typeof(attachment) <> 'object' or jsonb_typeof(attachment -> 'path') <> 'string' then
    raise exception 'An attachment needs the path of its uploaded file.' using errcode = '23514';
  end if;
  object_path := attachment ->> 'path';
  display_name := coalesce(nullif(btrim(attachment ->> 'name'), ''), storage.filename(object_path));
  if length(display_name) > 255 then
    raise exception 'An attachment''s name can have at most 255 characters.' using errcode = '23514';
  end if;
  if private.attachment_conversation_id(object_path) is distinct from new.conversation_id then
    raise exception 'An attachment must be a file of this conversation.' using errcode = '23514';
  end if;
  in_internal_folder := (storage.foldername(object_path))[2] is not distinct from 'internal';
  if in_internal_folder and not new.is_internal_note then
    raise exception 'A staff-only file can only be attached to an internal note.' using errcode = '23514';
  end if;
  if new.is_internal_note and not in_internal_folder then
    raise exception 'An internal note''s file must be uploaded as staff-only.' using errcode = '23514';
  end if;
  select object.metadata into stored from storage.objects object where object.bucket_id = 'attachments' and object.name = object_path;
  if not found then
    raise exception 'That file was not uploaded (or was removed); attach it again.' using errcode = '23514';
  end if;
  if jsonb_typeof(attachment -> 'duration_seconds') = 'number' and stored.metadata ->> 'mimetype' like 'audio/%' then
    duration := (attachment ->> 'duration_seconds')::numeric;
    if duration < 0 or duration > 3600 then
      raise exception 'A voice message can be at most an hour long.' using errcode = '23514';
    end if;
  end if;
  new.metadata := new.metadata || jsonb_build_object('attachment', jsonb_strip_nulls(jsonb_build_object(
    'path', object_path,
    'name', display_name,
    'size', coalesce((stored.metadata ->> 'size')::bigint, 0),
    'mime', coalesce(stored.metadata ->> 'mimetype', 'application/octet-stream'),
    'duration_seconds', round(duration, 1)
  )));
  new.type := case
    when stored.metadata ->> 'mimetype' like 'image/%' then 'image'
    when stored.metadata ->> 'mimetype' like 'audio/%' then 'voice'
    else 'file'
  end::public.message_type;
  if btrim(new.content) = '' then
    new.content := display_name;
  end if;
  return new;
end;
$$;

--
-- Name: FUNCTION check_message_attachment(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.check_message_attachment() IS 'Before-write trigger on messages: an attachment is an object of this conversation in the attachments bucket (staff-only files only on internal notes); its type, size and content type come from Storage, and without a caption the message reads as the file''s name. A message moving to another conversation (a merge) is not checked again.';

--
-- Name: jobs; Type: TABLE; Schema: private; Owner: -
--

CREATE TABLE private.jobs (
    id bigint NOT NULL,
    kind private.job_kind NOT NULL,
    payload jsonb DEFAULT '{}'::jsonb NOT NULL,
    status private.job_status DEFAULT 'queued'::private.job_status NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    max_attempts integer DEFAULT 5 NOT NULL,
    next_attempt_at timestamp with time zone DEFAULT now() NOT NULL,
    last_error text,
    locked_by text,
    locked_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    completed_at timestamp with time zone,
    subject text GENERATED ALWAYS AS (COALESCE((payload ->> 'ticket_id'::text), (payload ->> 'article_id'::text), (payload ->> 'analysis_id'::text), (payload)::text)) STORED COLLATE pg_catalog."C",
    CONSTRAINT jobs_attempts_check CHECK ((attempts >= 0)),
    CONSTRAINT jobs_max_attempts_check CHECK ((max_attempts > 0))
);

--
-- Name: TABLE jobs; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON TABLE private.jobs IS 'Work queue for AI workers. Claimed with FOR UPDATE SKIP LOCKED; a running job whose lease expired is claimable again.';

--
-- Name: COLUMN jobs.id; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.jobs.id IS 'Job id.';

--
-- Name: COLUMN jobs.kind; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.jobs.kind IS 'triage (payload {ticket_id}), embed ({article_id}) or analysis ({analysis_id}).';

--
-- Name: COLUMN jobs.payload; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.jobs.payload IS 'Input of the job.';

--
-- Name: COLUMN jobs.status; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.jobs.status IS 'queued, running, completed or failed (attempts exhausted).';

--
-- Name: COLUMN jobs.attempts; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.jobs.attempts IS 'Claims so far.';

--
-- Name: COLUMN jobs.max_attempts; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.jobs.max_attempts IS 'Claims before the job fails for good.';

--
-- Name: COLUMN jobs.next_attempt_at; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.jobs.next_attempt_at IS 'Not claimable before this time (backoff).';

--
-- Name: COLUMN jobs.last_error; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.jobs.last_error IS 'Error of the last failed attempt.';

--
-- Name: COLUMN jobs.locked_by; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.jobs.locked_by IS 'Worker holding the job.';

--
-- Name: COLUMN jobs.locked_at; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.jobs.locked_at IS 'When the worker claimed it (lease start).';

--
-- Name: COLUMN jobs.created_at; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.jobs.created_at IS 'When enqueued.';

--
-- Name: COLUMN jobs.updated_at; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.jobs.updated_at IS 'Last change.';

--
-- Name: COLUMN jobs.completed_at; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.jobs.completed_at IS 'When completed.';

--
-- Name: COLUMN jobs.subject; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.jobs.subject IS 'What the job works on, from the payload: the ticket, article or analysis id (the whole payload as text for any other shape). At most one open job per kind and subject.';

--
-- Name: claim_jobs(private.job_kind, text, integer, interval); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.claim_jobs(job_kind private.job_kind, worker text, batch_size integer DEFAULT 10, lease interval DEFAULT '00:05:00'::interval) RETURNS SETOF private.jobs
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  with claimable as (
    select job.id from private.jobs job
    where job.kind = job_kind
      and job.next_attempt_at <= now()
      and (job.status = 'queued' or (job.status = 'running' and job.locked_at < now() - lease))
      and job.attempts < job.max_attempts
    order by job.next_attempt_at, job.id
    limit greatest(batch_size, 0)
    for update skip locked
  )
  update private.jobs job
  set status = 'running', attempts = job.attempts + 1, locked_by = worker, locked_at = now(), updated_at = now()
  from claimable where job.id = claimable.id
  returning job.*
$$;

--
-- Name: FUNCTION claim_jobs(job_kind private.job_kind, worker text, batch_size integer, lease interval); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.claim_jobs(job_kind private.job_kind, worker text, batch_size integer, lease interval) IS 'Claims due jobs with FOR UPDATE SKIP LOCKED so concurrent workers never share one.';

--
-- Name: claim_next_ticket(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.claim_next_ticket() RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  caller uuid := auth.uid();
  next_id uuid;
  ticket public.tickets;
begin
  if caller is null or not private.is_staff() then
    raise exception 'only technicians and admins can claim tickets' using errcode = '42501';
  end if;

  -- SKIP LOCKED: a ticket another technician is claiming right now is passed over, not waited for. The row
  -- returned is locked and re-checked against the condition, so the update below cannot miss.
  select target.id into next_id
  from public.tickets target
  where target.status = 'unassigned' and target.assigned_to is null
  order by private.urgency_rank(target.urgency), target.created_at, target.id
  limit 1
  for update skip locked;
  if next_id is null then
    return jsonb_build_object('claimed', false, 'ticket_id', null, 'number', null, 'status', null, 'assigned_to', null, 'assigned_to_name', null);
  end if;

  update public.tickets target
  set assigned_to = caller, status = 'assigned'
  where target.id = next_id
  returning target.* into ticket;
  return private.claim_outcome(ticket, true);
end;
$$;

--
-- Name: FUNCTION claim_next_ticket(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.claim_next_ticket() IS 'Implementation of public.claim_next_ticket (runs as owner, checks the caller is staff).';

--
-- Name: padded_number(text, bigint); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.padded_number(prefix text, value bigint) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $$
begin
  return prefix || '-' || lpad(value::text, greatest(6, length(value::text)), '0');
end;
$$;

--
-- Name: FUNCTION padded_number(prefix text, value bigint); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.padded_number(prefix text, value bigint) IS 'Human-readable number: prefix, dash, at least six digits (TCK-000123, TCK-1000000).';

--
-- Name: uuid_v7(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.uuid_v7() RETURNS uuid
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  -- One expression on purpose: PL/pgSQL sets up each expression once per transaction, and this runs once per ticket.
  -- A random (version 4) UUID already has the RFC variant and 74 random bits; its first six bytes become the time,
  -- and setting bits 52 and 53 turns its version nibble 0100 into 0111.
  return pg_catalog.encode(
    pg_catalog.set_bit(pg_catalog.set_bit(
      overlay(pg_catalog.uuid_send(pg_catalog.gen_random_uuid())
        placing substring(pg_catalog.int8send((extract(epoch from pg_catalog.clock_timestamp()) * 1000)::bigint) from 3)
        from 1 for 6),
      52, 1), 53, 1),
    'hex')::uuid;
end;
$$;

--
-- Name: FUNCTION uuid_v7(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.uuid_v7() IS 'UUID version 7 (RFC 9562): time-ordered, so new rows share the right-hand pages of the indexes on the id instead of touching a random page each.';

--
-- Name: ticket_number_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.ticket_number_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: SEQUENCE ticket_number_seq; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON SEQUENCE public.ticket_number_seq IS 'Source of human-readable ticket numbers (TCK-000123).';

--
-- Name: tickets; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tickets (
    id uuid DEFAULT private.uuid_v7() NOT NULL,
    number text DEFAULT private.padded_number('TCK'::text, nextval('public.ticket_number_seq'::regclass)) NOT NULL,
    customer_id uuid NOT NULL,
    contact_email text,
    contact_phone text,
    subject text NOT NULL,
    content text DEFAULT ''::text NOT NULL,
    channel public.ticket_channel DEFAULT 'web'::public.ticket_channel NOT NULL,
    priority public.ticket_priority DEFAULT 'normal'::public.ticket_priority NOT NULL,
    customer_vehicle_id uuid,
    vehicle_year integer,
    vehicle_make text,
    vehicle_model text,
    vin text,
    call_transcript text,
    triage_status public.ticket_triage_status DEFAULT 'pending'::public.ticket_triage_status NOT NULL,
    status public.ticket_status DEFAULT 'unassigned'::text NOT NULL,
    category public.ticket_category,
    urgency public.ticket_urgency,
    assigned_to uuid,
    conversation_id uuid,
    troubleshooting_session_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    assigned_at timestamp with time zone,
    resolved_at timestamp with time zone,
    closed_at timestamp with time zone,
    follow_up_of uuid,
    sla_policy_id uuid,
    first_response_due_at timestamp with time zone,
    resolution_due_at timestamp with time zone,
    first_responded_at timestamp with time zone,
    sla_paused_at timestamp with time zone,
    sla_paused_seconds integer DEFAULT 0 NOT NULL,
    first_response_breached_at timestamp with time zone,
    resolution_breached_at timestamp with time zone,
    sla_due_at timestamp with time zone GENERATED ALWAYS AS (
CASE
    WHEN ((sla_paused_at IS NULL) AND ((status)::text <> ALL (ARRAY['resolved'::text, 'closed'::text]))) THEN LEAST(
    CASE
        WHEN (first_responded_at IS NULL) THEN first_response_due_at
        ELSE NULL::timestamp with time zone
    END, resolution_due_at)
    ELSE NULL::timestamp with time zone
END) STORED,
    search_vector tsvector GENERATED ALWAYS AS ((setweight(to_tsvector('english'::regconfig, COALESCE(subject, ''::text)), 'A'::"char") || setweight(to_tsvector('english'::regconfig, COALESCE(content, ''::text)), 'B'::"char"))) STORED,
    priority_set_by public.priority_setter,
    priority_set_by_id uuid,
    merged_into uuid,
    CONSTRAINT tickets_assigned_has_technician CHECK ((((status)::text <> ALL (ARRAY['assigned'::text, 'in_progress'::text, 'waiting_on_customer'::text])) OR (assigned_to IS NOT NULL))),
    CONSTRAINT tickets_finished_means_triage_resolved CHECK ((((status)::text <> ALL (ARRAY['resolved'::text, 'closed'::text])) OR (triage_status = 'resolved'::public.ticket_triage_status))),
    CONSTRAINT tickets_merged_into_only_when_merged CHECK (((merged_into IS NULL) OR ((status)::text = 'merged'::text))),
    CONSTRAINT tickets_not_merged_into_itself CHECK ((merged_into IS DISTINCT FROM id)),
    CONSTRAINT tickets_sla_paused_seconds_check CHECK ((sla_paused_seconds >= 0)),
    CONSTRAINT tickets_subject_check CHECK ((length(TRIM(BOTH FROM subject)) > 0)),
    CONSTRAINT tickets_unassigned_has_no_technician CHECK ((((status)::text <> 'unassigned'::text) OR (assigned_to IS NULL))),
    CONSTRAINT tickets_vehicle_year_check CHECK (((vehicle_year >= 1900) AND (vehicle_year <= 2100))),
    CONSTRAINT tickets_vin_check CHECK ((vin ~ '^[A-HJ-NPR-Z0-9]{17}$'::text))
);

--
-- Name: TABLE tickets; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.tickets IS 'Support tickets. Two lifecycles (AI triage_status and technician status) enforced by trigger; see the migration header.';

--
-- Name: COLUMN tickets.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.id IS 'Ticket id.';

--
-- Name: COLUMN tickets.number; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.number IS 'Human-readable number TCK-000123 from ticket_number_seq; never changes.';

--
-- Name: COLUMN tickets.customer_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.customer_id IS 'Customer the ticket is for; never changes.';

--
-- Name: COLUMN tickets.contact_email; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.contact_email IS 'Email to reply to.';

--
-- Name: COLUMN tickets.contact_phone; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.contact_phone IS 'Phone to call back.';

--
-- Name: COLUMN tickets.subject; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.subject IS 'One-line summary.';

--
-- Name: COLUMN tickets.content; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.content IS 'Full description.';

--
-- Name: COLUMN tickets.channel; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.channel IS 'Where the ticket came from.';

--
-- Name: COLUMN tickets.priority; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.priority IS 'The ticket''s one priority. Set from triage''s urgency unless a person chose it (see priority_set_by); trigger private.keep_ticket_priority.';

--
-- Name: COLUMN tickets.customer_vehicle_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.customer_vehicle_id IS 'Customer vehicle concerned, if any.';

--
-- Name: COLUMN tickets.vehicle_year; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.vehicle_year IS 'Vehicle year as reported.';

--
-- Name: COLUMN tickets.vehicle_make; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.vehicle_make IS 'Vehicle make as reported.';

--
-- Name: COLUMN tickets.vehicle_model; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.vehicle_model IS 'Vehicle model as reported.';

--
-- Name: COLUMN tickets.vin; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.vin IS 'VIN as reported: 17 characters, no I, O or Q.';

--
-- Name: COLUMN tickets.call_transcript; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.call_transcript IS 'Transcript when the ticket came from a call.';

--
-- Name: COLUMN tickets.triage_status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.triage_status IS 'AI triage progress; set by the triage worker (service role), resolved when the workflow resolves.';

--
-- Name: COLUMN tickets.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.status IS 'Technician workflow status.';

--
-- Name: COLUMN tickets.category; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.category IS 'Triage category, copied from ticket_ai_results.';

--
-- Name: COLUMN tickets.urgency; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.urgency IS 'Triage urgency, copied from ticket_ai_results; filters the technician queue.';

--
-- Name: COLUMN tickets.assigned_to; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.assigned_to IS 'Technician working the ticket.';

--
-- Name: COLUMN tickets.conversation_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.conversation_id IS 'Conversation the ticket was raised from.';

--
-- Name: COLUMN tickets.troubleshooting_session_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.troubleshooting_session_id IS 'Troubleshooting session that did not resolve the issue; one ticket per session.';

--
-- Name: COLUMN tickets.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.created_at IS 'When the ticket was created.';

--
-- Name: COLUMN tickets.updated_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.updated_at IS 'Last change, maintained by trigger.';

--
-- Name: COLUMN tickets.assigned_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.assigned_at IS 'When a technician was last assigned, maintained by trigger.';

--
-- Name: COLUMN tickets.resolved_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.resolved_at IS 'When the ticket was resolved, maintained by trigger.';

--
-- Name: COLUMN tickets.closed_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.closed_at IS 'When the ticket was closed, maintained by trigger.';

--
-- Name: COLUMN tickets.follow_up_of; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.follow_up_of IS 'The closed ticket this one follows up: set when the customer wrote again after closing (trigger on messages).';

--
-- Name: COLUMN tickets.sla_policy_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.sla_policy_id IS 'SLA policy whose targets the due times follow (trigger keep_ticket_sla).';

--
-- Name: COLUMN tickets.first_response_due_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.first_response_due_at IS 'When the first technician reply is due (creation + target in business time + pauses).';

--
-- Name: COLUMN tickets.resolution_due_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.resolution_due_at IS 'When the resolution is due (creation + target in business time + time waiting on the customer).';

--
-- Name: COLUMN tickets.first_responded_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.first_responded_at IS 'When a technician first replied to the customer (not an internal note); set by trigger on messages.';

--
-- Name: COLUMN tickets.sla_paused_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.sla_paused_at IS 'Since when the SLA clock is stopped (waiting on the customer); null while it runs.';

--
-- Name: COLUMN tickets.sla_paused_seconds; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.sla_paused_seconds IS 'Business seconds spent waiting on the customer so far; pushes the due times back.';

--
-- Name: COLUMN tickets.first_response_breached_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.first_response_breached_at IS 'When the first-response target was found breached and escalated (pg_cron).';

--
-- Name: COLUMN tickets.resolution_breached_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.resolution_breached_at IS 'When the resolution target was found breached and escalated (pg_cron).';

--
-- Name: COLUMN tickets.sla_due_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.sla_due_at IS 'The next SLA deadline still running (first response until answered, then resolution); null when paused or finished. The board sorts by it.';

--
-- Name: COLUMN tickets.search_vector; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.search_vector IS 'Subject (weight A) and description (weight B) for the desk''s full-text search (generated).';

--
-- Name: COLUMN tickets.priority_set_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.priority_set_by IS 'Who or what set the priority; null while it is the default nobody chose yet (triage then sets it).';

--
-- Name: COLUMN tickets.priority_set_by_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.priority_set_by_id IS 'The person who set the priority (customer or staff); null for triage and the SLA escalation.';

--
-- Name: COLUMN tickets.merged_into; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tickets.merged_into IS 'The ticket this one was merged into (status merged); the customer is sent there. Set only by public.merge_tickets.';

--
-- Name: claim_outcome(public.tickets, boolean); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.claim_outcome(ticket public.tickets, claimed boolean) RETURNS jsonb
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select jsonb_build_object(
    'claimed', claimed,
    'ticket_id', ticket.id,
    'number', ticket.number,
    'status', ticket.status,
    'assigned_to', ticket.assigned_to,
    'assigned_to_name', case when ticket.assigned_to is not null then private.display_name_of(ticket.assigned_to) end
  )
$$;

--
-- Name: FUNCTION claim_outcome(ticket public.tickets, claimed boolean); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.claim_outcome(ticket public.tickets, claimed boolean) IS 'jsonb {claimed, ticket_id, number, status, assigned_to, assigned_to_name} describing a ticket after a claim attempt.';

--
-- Name: claim_ticket(uuid); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.claim_ticket(ticket_id uuid) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  caller uuid := auth.uid();
  ticket public.tickets;
begin
  if caller is null or not private.is_staff() then
    raise exception 'only technicians and admins can claim tickets' using errcode = '42501';
  end if;

  -- The whole race is decided here: a concurrent claimer blocks on the row lock, then finds the condition false.
  update public.tickets target
  set assigned_to = caller, status = 'assigned'
  where target.id = claim_ticket.ticket_id and target.status = 'unassigned' and target.assigned_to is null
  returning target.* into ticket;
  if found then
    return private.claim_outcome(ticket, true);
  end if;

  select * into ticket from public.tickets target where target.id = claim_ticket.ticket_id;
  if not found then
    raise exception 'ticket % not found', claim_ticket.ticket_id using errcode = 'P0002';
  end if;
  return private.claim_outcome(ticket, false);
end;
$$;

--
-- Name: FUNCTION claim_ticket(ticket_id uuid); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.claim_ticket(ticket_id uuid) IS 'Implementation of public.claim_ticket (runs as owner, checks the caller is staff).';

--
-- Name: claim_triage_jobs(text, integer); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.claim_triage_jobs(worker text, batch_size integer DEFAULT 25) RETURNS TABLE(job_id bigint, ticket_id uuid, attempts integer, max_attempts integer, subject text, content text, channel text, call_transcript text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $_$
declare
  claimed_job_ids bigint[];
  claimed_ticket_ids uuid[];
  claimed_attempts integer[];
  claimed_max_attempts integer[];
  started_job_ids bigint[];
begin
  select coalesce(array_agg(job.id order by job.id), '{}'),
         coalesce(array_agg(case when job.payload ->> 'ticket_id' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                                 then (job.payload ->> 'ticket_id')::uuid end order by job.id), '{}'),
         coalesce(array_agg(job.attempts order by job.id), '{}'),
         coalesce(array_agg(job.max_attempts order by job.id), '{}')
  into claimed_job_ids, claimed_ticket_ids, claimed_attempts, claimed_max_attempts
  from private.claim_jobs('triage'::private.job_kind, worker, batch_size) job;

  with started as (
    update public.tickets ticket set triage_status = 'processing'
    from unnest(claimed_job_ids, claimed_ticket_ids) as claimed (job_id, ticket_id)
    where ticket.id = claimed.ticket_id and ticket.triage_status in ('pending', 'processing')
    returning claimed.job_id
  )
  select coalesce(array_agg(started.job_id), '{}') into started_job_ids from started;

  update private.jobs job
  set status = 'completed', completed_at = now(), locked_by = null, locked_at = null, updated_at = now(),
      last_error = 'skipped: the ticket no longer waits for triage'
  where job.id = any (claimed_job_ids) and not job.id = any (started_job_ids);

  return query
  select claimed.job_id, ticket.id, claimed.attempts, claimed.max_attempts, ticket.subject, ticket.content,
         ticket.channel::text, ticket.call_transcript
  from unnest(claimed_job_ids, claimed_ticket_ids, claimed_attempts, claimed_max_attempts)
       as claimed (job_id, ticket_id, attempts, max_attempts)
  join public.tickets ticket on ticket.id = claimed.ticket_id
  where claimed.job_id = any (started_job_ids)
  order by claimed.job_id;
end;
$_$;

--
-- Name: FUNCTION claim_triage_jobs(worker text, batch_size integer); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.claim_triage_jobs(worker text, batch_size integer) IS 'Triage worker: claims due triage jobs (SKIP LOCKED) and marks their tickets processing; returns what the model needs.';

--
-- Name: close_quiet_resolved_tickets(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.close_quiet_resolved_tickets() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  quiet_for interval := (select settings.close_resolved_after from public.desk_settings settings);
  closed_count integer;
begin
  update public.tickets ticket set status = 'closed'
  where ticket.status = 'resolved'
    and ticket.resolved_at < now() - quiet_for
    and not exists (
      select 1 from public.conversations conversation
      where conversation.id = ticket.conversation_id and conversation.last_message_at >= now() - quiet_for);
  get diagnostics closed_count = row_count;
  return closed_count;
end;
$$;

--
-- Name: FUNCTION close_quiet_resolved_tickets(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.close_quiet_resolved_tickets() IS 'pg_cron job close-quiet-resolved-tickets: closes resolved tickets without a message for desk_settings.close_resolved_after.';

--
-- Name: complete_job(bigint); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.complete_job(job_id bigint) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  update private.jobs set status = 'completed', completed_at = now(), locked_by = null, locked_at = null, updated_at = now()
  where id = job_id
$$;

--
-- Name: FUNCTION complete_job(job_id bigint); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.complete_job(job_id bigint) IS 'Marks a job completed.';

--
-- Name: complete_troubleshooting_session(uuid, text); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.complete_troubleshooting_session(session_id uuid, outcome text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

  select opened.id into ticket_id
  from public.open_ticket(
    customer_id => session.customer_id,
    contact_email => customer.email,
    contact_phone => customer.phone,
    subject => left(coalesce('Troubleshooting: ' || session.guide_title, session.issue_description), 200),
    content => session.issue_description
      || coalesce(E'\n\nGuide: ' || session.guide_title, '')
      || coalesce(E'\nVehicle: ' || nullif(concat_ws(' ', vehicle.year, vehicle.make, vehicle.model, case when vehicle.vin is not null then '(VIN ' || vehicle.vin || ')' end), ''), '')
      || coalesce(E'\n\nSteps tried:\n' || (
        select string_agg(step.step_number || '. ' || step.step_text || case when step.attempted then ' (tried)' else ' (not tried)' end, E'\n' order by step.step_number)
        from public.troubleshooting_session_steps step where step.session_id = session.id
      ), ''),
    channel => 'troubleshooting',
    troubleshooting_session_id => session.id,
    customer_vehicle_id => vehicle.id,
    vehicle_year => vehicle.year,
    vehicle_make => vehicle.make,
    vehicle_model => vehicle.model,
    vin => vehicle.vin
  ) opened;
  return ticket_id;
end;
$$;

--
-- Name: FUNCTION complete_troubleshooting_session(session_id uuid, outcome text); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.complete_troubleshooting_session(session_id uuid, outcome text) IS 'Implementation of public.complete_troubleshooting_session (runs as owner, checks ownership itself); the ticket carries issue, guide, steps tried and vehicle.';

--
-- Name: conversation_id_of_topic(text); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.conversation_id_of_topic(topic text) RETURNS uuid
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $_$
  select case
    when topic ~ '^conversation:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
      then substr(topic, length('conversation:') + 1)::uuid
  end
$_$;

--
-- Name: FUNCTION conversation_id_of_topic(topic text); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.conversation_id_of_topic(topic text) IS 'The conversation a `conversation:<uuid>` Realtime topic names, or null for any other topic (never an error on a malformed topic).';

--
-- Name: copy_ai_result_to_ticket(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.copy_ai_result_to_ticket() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  update public.tickets set category = new.category, urgency = new.urgency where id = new.ticket_id;
  return null;
end;
$$;

--
-- Name: FUNCTION copy_ai_result_to_ticket(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.copy_ai_result_to_ticket() IS 'After-write trigger on ticket_ai_results: copies category and urgency to tickets.';

--
-- Name: corrected_triage_value(uuid, text); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.corrected_triage_value(ticket_id uuid, field text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select correction.to_value from public.triage_corrections correction
  where correction.ticket_id = corrected_triage_value.ticket_id and correction.field = corrected_triage_value.field
  order by correction.id desc limit 1
$$;

--
-- Name: FUNCTION corrected_triage_value(ticket_id uuid, field text); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.corrected_triage_value(ticket_id uuid, field text) IS 'The value staff last corrected a triage field of a ticket to, or null when nobody corrected it.';

--
-- Name: count_kb_chunk_lexemes(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.count_kb_chunk_lexemes() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  lexemes text[];
  deltas integer[];
begin
  if tg_op = 'TRUNCATE' then
    delete from private.kb_lexeme_chunk_counts;
    return null;
  end if;
  -- PL/pgSQL plans a statement when it first runs it, so each branch may name only its own event's transition tables.
  if tg_op = 'INSERT' then
    select array_agg(change.lexeme), array_agg(change.delta) into lexemes, deltas
    from (
      select lexeme, count(*)::integer as delta
      from new_rows, unnest(tsvector_to_array(new_rows.fts)) lexeme group by lexeme
    ) change;
  elsif tg_op = 'DELETE' then
    select array_agg(change.lexeme), array_agg(change.delta) into lexemes, deltas
    from (
      select lexeme, -count(*)::integer as delta
      from old_rows, unnest(tsvector_to_array(old_rows.fts)) lexeme group by lexeme
    ) change;
  else
    -- Only rows whose fts changed: re-embedding a chunk leaves every count as it was.
    select array_agg(change.lexeme), array_agg(change.delta) into lexemes, deltas
    from (
      select lexeme, sum(side.sign)::integer as delta
      from (
        select new_rows.fts, 1 as sign from new_rows join old_rows using (id) where new_rows.fts is distinct from old_rows.fts
        union all
        select old_rows.fts, -1 from old_rows join new_rows using (id) where new_rows.fts is distinct from old_rows.fts
      ) side, unnest(tsvector_to_array(side.fts)) lexeme
      group by lexeme
    ) change;
  end if;
  if lexemes is not null then
    perform private.apply_kb_lexeme_deltas(lexemes, deltas);
  end if;
  return null;
end;
$$;

--
-- Name: FUNCTION count_kb_chunk_lexemes(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.count_kb_chunk_lexemes() IS 'Trigger on kb_chunks (per statement): keeps private.kb_lexeme_chunk_counts in step with inserted, updated, deleted and truncated chunks.';

--
-- Name: current_user_role(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.current_user_role() RETURNS public.user_role
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  claimed text := auth.jwt() ->> 'user_role';
  user_id uuid := auth.uid();
begin
  if user_id is null then
    return null;
  end if;
  if claimed in ('customer', 'technician', 'admin') then
    return claimed::public.user_role;
  end if;
  return coalesce((select profile.role from public.profiles profile where profile.id = user_id), 'customer');
end;
$$;

--
-- Name: FUNCTION current_user_role(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.current_user_role() IS 'The caller''s role from the user_role JWT claim, falling back to profiles; null for anon.';

--
-- Name: custom_access_token_hook(jsonb); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.custom_access_token_hook(event jsonb) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  claims jsonb := coalesce(event -> 'claims', '{}'::jsonb);
  role_of_user public.user_role;
begin
  select profile.role into role_of_user
  from public.profiles profile
  where profile.id = (event ->> 'user_id')::uuid;

  claims := jsonb_set(claims, '{user_role}', to_jsonb(coalesce(role_of_user, 'customer'::public.user_role)::text));
  return jsonb_set(event, '{claims}', claims);
end;
$$;

--
-- Name: FUNCTION custom_access_token_hook(event jsonb); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.custom_access_token_hook(event jsonb) IS 'Supabase Auth custom access token hook: sets claims.user_role from profiles.role.';

--
-- Name: display_name_of(uuid); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.display_name_of(person_id uuid) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select coalesce(nullif(trim(profile.full_name), ''), profile.email, 'another technician')
  from public.profiles profile where profile.id = person_id
$$;

--
-- Name: FUNCTION display_name_of(person_id uuid); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.display_name_of(person_id uuid) IS 'The name a technician is shown as (full name, else e-mail). Used by the claim functions to say who holds a ticket.';

--
-- Name: drain_triage_queue(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.drain_triage_queue() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform private.reset_stuck_triage();
  if exists (
    select 1 from private.jobs job
    where job.kind = 'triage' and job.status = 'queued' and job.next_attempt_at <= now() and job.attempts < job.max_attempts
  ) then
    perform private.invoke_edge_function('triage', jsonb_build_object('reason', 'cron_drain'), 60000);
  end if;
end;
$$;

--
-- Name: FUNCTION drain_triage_queue(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.drain_triage_queue() IS 'Called by pg_cron every minute: resets stuck triage and wakes the triage function when jobs are due.';

--
-- Name: drop_embed_job_of_deleted_article(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.drop_embed_job_of_deleted_article() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  delete from private.jobs job
  where job.id in (
    select queued.id from private.jobs queued
    where queued.kind = 'embed' and queued.status = 'queued' and queued.payload = jsonb_build_object('article_id', old.id)
    for update skip locked
  );
  return null;
end;
$$;

--
-- Name: FUNCTION drop_embed_job_of_deleted_article(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.drop_embed_job_of_deleted_article() IS 'After-delete trigger on kb_articles: removes the article''s queued embed job unless a worker holds it at that instant (then the worker finds the article gone and completes it); never waits, so it cannot deadlock with a claim.';

--
-- Name: duplicate_text(text, text); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.duplicate_text(subject text, content text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
  select lower(coalesce(subject, '') || ' ' || left(coalesce(content, ''), 400))
$$;

--
-- Name: FUNCTION duplicate_text(subject text, content text); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.duplicate_text(subject text, content text) IS 'The text possible duplicates are compared on: subject and the first 400 characters of the description, lower-cased.';

--
-- Name: enforce_ticket_lifecycle(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.enforce_ticket_lifecycle() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if old.status = 'merged' and current_user = 'authenticated' then
    raise exception 'ticket % was merged into another ticket: work on that one', old.number using errcode = '23514';
  end if;
  if new.status is distinct from old.status then
    if new.status = 'merged' then
      if current_user = 'authenticated' or new.merged_into is null or old.status in ('closed', 'merged') then
        raise exception 'a ticket is merged only through merge_tickets, and not once closed' using errcode = '23514';
      end if;
    elsif not (
      (old.status = 'unassigned' and new.status in ('assigned', 'in_progress'))
      or (old.status = 'assigned' and new.status in ('unassigned', 'in_progress', 'waiting_on_customer', 'resolved'))
      or (old.status = 'in_progress' and new.status in ('assigned', 'waiting_on_customer', 'resolved'))
      or (old.status = 'waiting_on_customer' and new.status in ('in_progress', 'resolved'))
      or (old.status = 'resolved' and new.status in ('in_progress', 'closed'))
    ) then
      raise exception 'illegal ticket status transition from % to %', old.status, new.status using errcode = '23514';
    end if;
  end if;
  if new.merged_into is distinct from old.merged_into and current_user = 'authenticated' then
    raise exception 'a ticket is merged only through merge_tickets' using errcode = '42501';
  end if;

  -- The workflow reaching resolved/closed/merged resolves triage; a reopened ticket goes back to processed.
  if new.status in ('resolved', 'closed', 'merged') then
    new.triage_status := 'resolved';
  elsif old.status in ('resolved', 'closed') and old.triage_status = 'resolved' then
    new.triage_status := 'processed';
  elsif new.triage_status = 'resolved' and old.triage_status <> 'resolved' then
    raise exception 'illegal triage status transition from % to resolved: resolve the ticket instead', old.triage_status using errcode = '23514';
  end if;

  if new.triage_status is distinct from old.triage_status
     and not (old.status in ('resolved', 'closed', 'merged') or new.status in ('resolved', 'closed', 'merged')) then
    if not (
      (old.triage_status = 'pending' and new.triage_status = 'processing')
      or (old.triage_status = 'processing' and new.triage_status in ('processed', 'ai_failed', 'pending'))
      or (old.triage_status = 'ai_failed' and new.triage_status in ('processing', 'pending'))
    ) then
      raise exception 'illegal triage status transition from % to %', old.triage_status, new.triage_status using errcode = '23514';
    end if;
  end if;

  if new.assigned_to is distinct from old.assigned_to and new.assigned_to is not null then
    new.assigned_at := now();
  end if;
  if new.status = 'resolved' and old.status <> 'resolved' then
    new.resolved_at := now();
  elsif new.status not in ('resolved', 'closed') then
    new.resolved_at := null;
  end if;
  if new.status in ('closed', 'merged') and old.status is distinct from new.status then
    new.closed_at := now();
  end if;
  return new;
end;
$$;

--
-- Name: FUNCTION enforce_ticket_lifecycle(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.enforce_ticket_lifecycle() IS 'Before-update trigger on tickets: legal status and triage transitions only (merged only through merge_tickets, and final); resolved_at / closed_at / assigned_at.';

--
-- Name: enqueue_all_embeddings(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.enqueue_all_embeddings() RETURNS integer
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  with queued as (
    insert into private.jobs (kind, payload)
    select 'embed', jsonb_build_object('article_id', article.id) from public.kb_articles article
    on conflict do nothing
    returning 1
  )
  select count(*)::integer from queued
$$;

--
-- Name: FUNCTION enqueue_all_embeddings(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.enqueue_all_embeddings() IS 'Enqueues an embed job for every article; returns how many were new.';

--
-- Name: enqueue_job(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.enqueue_job() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  insert into private.jobs (kind, payload)
  values (tg_argv[0]::private.job_kind, jsonb_build_object(tg_argv[1], new.id))
  on conflict do nothing;
  return null;
end;
$$;

--
-- Name: FUNCTION enqueue_job(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.enqueue_job() IS 'After-write trigger: enqueues a job of kind tg_argv[0] with payload {tg_argv[1]: new.id}, once while open.';

--
-- Name: ensure_triage_failure_row(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.ensure_triage_failure_row() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  insert into public.ticket_triage_failures (ticket_id, error, attempts)
  values (new.id, 'Marked as failed without an error from the triage worker', 0)
  on conflict on constraint ticket_triage_failures_pkey do nothing;
  return null;
end;
$$;

--
-- Name: FUNCTION ensure_triage_failure_row(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.ensure_triage_failure_row() IS 'After-write trigger on tickets: a ticket that is ai_failed gets a ticket_triage_failures row if it has none (the AI-failed lane lists every one).';

--
-- Name: escalate_sla_breaches(integer); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.escalate_sla_breaches(max_tickets integer DEFAULT 500) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  breach record;
  handled integer := 0;
  target text;
  due_at timestamptz;
  body text;
  reassigning boolean;
begin
  for breach in
    select ticket.id, ticket.number, ticket.subject, ticket.priority, ticket.status, ticket.assigned_to,
      ticket.first_response_due_at, ticket.resolution_due_at, ticket.first_responded_at, ticket.first_response_breached_at,
      ticket.resolution_breached_at, policy.escalation, policy.escalate_to, policy.raise_priority, policy.name as policy_name
    from public.tickets ticket
    join public.sla_policies policy on policy.id = ticket.sla_policy_id
    where ticket.sla_due_at < now()
      and ((ticket.first_responded_at is null and ticket.first_response_due_at < now() and ticket.first_response_breached_at is null)
        or (ticket.resolution_due_at < now() and ticket.resolution_breached_at is null))
    order by ticket.sla_due_at
    limit greatest(coalesce(max_tickets, 500), 1)
    for update of ticket skip locked
  loop
    if breach.first_responded_at is null and breach.first_response_due_at < now() and breach.first_response_breached_at is null then
      target := 'first_response';
      due_at := breach.first_response_due_at;
    else
      target := 'resolution';
      due_at := breach.resolution_due_at;
    end if;
    reassigning := breach.escalation = 'reassign' and breach.escalate_to is not null;

    update public.tickets ticket set
      first_response_breached_at = case when target = 'first_response' then now() else ticket.first_response_breached_at end,
      resolution_breached_at = case when target = 'resolution' then now() else ticket.resolution_breached_at end,
      priority = case when breach.raise_priority then private.raised_priority(ticket.priority) else ticket.priority end,
      priority_set_by = case when breach.raise_priority and ticket.priority <> 'urgent' then 'sla_escalation' else ticket.priority_set_by end,
      priority_set_by_id = case when breach.raise_priority and ticket.priority <> 'urgent' then null else ticket.priority_set_by_id end,
      assigned_to = case when reassigning then breach.escalate_to else ticket.assigned_to end,
      status = case when reassigning and ticket.status = 'unassigned' then 'assigned' else ticket.status end
    where ticket.id = breach.id;

    insert into public.ticket_events (ticket_id, actor_id, kind, details)
    values (breach.id, null, 'sla_breached', jsonb_build_object('target', target, 'due_at', due_at, 'policy', breach.policy_name,
      'escalation', case when reassigning then 'reassign' else 'notify_lead' end, 'escalated_to', breach.escalate_to,
      'priority', case when breach.raise_priority then private.raised_priority(breach.priority) else breach.priority end));
    insert into public.analytics_events (event_type, ticket_id, metadata)
    values ('sla_breached', breach.id, jsonb_build_object('target', target, 'due_at', due_at, 'escalation', breach.escalation));

    if not reassigning then
      body := format('Ticket %s (%s) missed its %s target (due %s).', breach.number, breach.subject,
        replace(target, '_', ' '), to_char(due_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"'));
      insert into public.notifications (recipient_id, ticket_id, kind, body)
      select person.id, breach.id, 'sla_breached', body
      from public.profiles person
      where (breach.escalate_to is not null and person.id = breach.escalate_to)
         or (breach.escalate_to is null and person.role = 'admin');
    end if;
    handled := handled + 1;
  end loop;
  return handled;
end;
$$;

--
-- Name: FUNCTION escalate_sla_breaches(max_tickets integer); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.escalate_sla_breaches(max_tickets integer) IS 'pg_cron job (every minute): marks up to max_tickets breached SLA targets (oldest due first), escalates each once (timeline, analytics, notification or reassignment, priority raise); returns how many.';

--
-- Name: expand_guide_query(text); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.expand_guide_query(query_text text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select coalesce(query_text, '') || coalesce(' ' || string_agg(synonym.expansion, ' '), '')
  from (values
    ('tires?', 'tyre'),
    ('aircon|air-con|a/?c', 'air conditioning'),
    ('hood', 'bonnet'),
    ('trunk', 'boot'),
    ('highway|freeway|interstate', 'motorway'),
    ('gas|petrol|diesel', 'fuel'),
    ('fill(ed|ing)? up|filling station|gas station|petrol station', 'refuelling'),
    ('blink(s|ing|ed)?|flicker(s|ing|ed)?', 'flashing'),
    ('shudder(s|ing|ed)?|shak(e|es|ing)|judder(s|ing)?|wobbl(e|es|ing)', 'vibrates'),
    ('fob|remote|keyless', 'key'),
    ('(log|sign)[ -]?in|login|signin|password', 'sign in log'),
    ('2fa|otp|authenticator|verification code', 'two-factor code'),
    ('pay(ing)?|paid|charge(d)?|billing', 'payment'),
    ('jump(ed|ing)?[ -]?start(ed|ing)?', 'jump start')
  ) as synonym (pattern, expansion)
  where query_text ~* ('\m(' || synonym.pattern || ')\M')
$$;

--
-- Name: FUNCTION expand_guide_query(query_text text); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.expand_guide_query(query_text text) IS 'Appends the articles'' and guides'' vocabulary for customer words they spell differently (tire -> tyre, aircon -> air conditioning); used by public.match_guides and public.search_help.';

--
-- Name: fail_job(bigint, text); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.fail_job(job_id bigint, error text) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  update private.jobs
  set status = case when attempts >= max_attempts then 'failed' else 'queued' end::private.job_status,
      last_error = error,
      next_attempt_at = now() + make_interval(secs => 30 * power(2, attempts)),
      locked_by = null, locked_at = null, updated_at = now()
  where id = job_id
$$;

--
-- Name: FUNCTION fail_job(job_id bigint, error text); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.fail_job(job_id bigint, error text) IS 'Records a failed attempt; requeues with backoff or fails for good.';

--
-- Name: fill_canned_reply_variables(text, text, text, text, text); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.fill_canned_reply_variables(template text, ticket_number text, ticket_subject text, customer_name text, technician_name text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
  select replace(replace(replace(replace(replace(replace(template,
    '{{customer.first_name}}', private.first_name_of(customer_name)),
    '{{customer.name}}', coalesce(customer_name, '')),
    '{{ticket.number}}', coalesce(ticket_number, '')),
    '{{ticket.subject}}', coalesce(ticket_subject, '')),
    '{{technician.first_name}}', private.first_name_of(technician_name)),
    '{{technician.name}}', coalesce(technician_name, ''))
$$;

--
-- Name: FUNCTION fill_canned_reply_variables(template text, ticket_number text, ticket_subject text, customer_name text, technician_name text); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.fill_canned_reply_variables(template text, ticket_number text, ticket_subject text, customer_name text, technician_name text) IS 'The one place canned-reply variables are filled; unknown {{...}} stay as typed so the technician sees them.';

--
-- Name: first_name_of(text); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.first_name_of(full_name text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$ select split_part(trim(coalesce(full_name, '')), ' ', 1) $$;

--
-- Name: FUNCTION first_name_of(full_name text); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.first_name_of(full_name text) IS 'The first word of a full name ({{customer.first_name}}, {{technician.first_name}}).';

--
-- Name: flag_possible_duplicate(uuid); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.flag_possible_duplicate(ticket_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  ticket public.tickets;
  ticket_text text;
  best record;
begin
  select * into ticket from public.tickets t where t.id = flag_possible_duplicate.ticket_id;
  if ticket.id is null or ticket.status in ('resolved', 'closed', 'merged') then
    return;
  end if;
  ticket_text := private.duplicate_text(ticket.subject, ticket.content);

  -- Bounded work per ticket: the customer's 50 most recent open tickets of 30 days (tickets_customer_idx) and the 500 most
  -- recent open tickets of 7 days (tickets_queue_all_idx). The same customer needs a lower similarity than a
  -- stranger: "same problem again" is likelier than two people wording it alike.
  select candidate.id, candidate.same_customer, candidate.score into best
  from (
    select own.id, true as same_customer, extensions.similarity(ticket_text, private.duplicate_text(own.subject, own.content)) as score
    from (
      -- At most 50: a customer (or an import) with thousands of open tickets must not make triage quadratic.
      select other.id, other.subject, other.content from public.tickets other
      where other.customer_id = ticket.customer_id and other.created_at >= ticket.created_at - interval '30 days'
        and other.created_at <= ticket.created_at and other.id <> ticket.id
        and other.status not in ('resolved', 'closed', 'merged')
      order by other.created_at desc, other.id desc
      limit 50
    ) own
    union all
    select recent.id, false, extensions.similarity(ticket_text, private.duplicate_text(recent.subject, recent.content))
    from (
      select other.id, other.subject, other.content from public.tickets other
      where other.created_at >= ticket.created_at - interval '7 days' and other.created_at <= ticket.created_at
        and other.id <> ticket.id and other.customer_id <> ticket.customer_id
        and other.status not in ('resolved', 'closed', 'merged')
      order by other.created_at desc, other.id desc
      limit 500
    ) recent
  ) candidate
  where candidate.score >= case when candidate.same_customer then 0.45 else 0.6 end
  order by candidate.score desc, candidate.same_customer desc
  limit 1;

  if best.id is not null then
    insert into public.possible_duplicates (ticket_id, duplicate_of, similarity, same_customer)
    values (ticket.id, best.id, least(best.score, 1), best.same_customer)
    on conflict on constraint possible_duplicates_pkey do update set
      duplicate_of = excluded.duplicate_of, similarity = excluded.similarity, same_customer = excluded.same_customer,
      detected_at = excluded.detected_at;
  end if;
end;
$$;

--
-- Name: FUNCTION flag_possible_duplicate(ticket_id uuid); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.flag_possible_duplicate(ticket_id uuid) IS 'Finds the earlier open ticket a ticket most closely matches (trigram similarity of subject and description: >= 0.45 for the same customer, >= 0.6 across customers) and records it in possible_duplicates.';

--
-- Name: flag_possible_duplicate_after_triage(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.flag_possible_duplicate_after_triage() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform private.flag_possible_duplicate(new.ticket_id);
  return null;
end;
$$;

--
-- Name: FUNCTION flag_possible_duplicate_after_triage(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.flag_possible_duplicate_after_triage() IS 'After-insert trigger on ticket_ai_results: a ticket''s first triage result looks for the open ticket it may duplicate (off the insert path, once per ticket).';

--
-- Name: troubleshooting_sessions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.troubleshooting_sessions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    customer_id uuid NOT NULL,
    issue_description text NOT NULL,
    guide_id uuid,
    guide_title text,
    resolved boolean DEFAULT false NOT NULL,
    early_exit boolean DEFAULT false NOT NULL,
    misclassified boolean DEFAULT false NOT NULL,
    abandoned boolean DEFAULT false NOT NULL,
    started_at timestamp with time zone DEFAULT now() NOT NULL,
    completed_at timestamp with time zone,
    customer_vehicle_id uuid,
    CONSTRAINT troubleshooting_sessions_issue_description_check CHECK ((length(TRIM(BOTH FROM issue_description)) > 0))
);

--
-- Name: TABLE troubleshooting_sessions; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.troubleshooting_sessions IS 'A customer walking through a guide. The outcome columns are set only by public.complete_troubleshooting_session.';

--
-- Name: COLUMN troubleshooting_sessions.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.troubleshooting_sessions.id IS 'Session id.';

--
-- Name: COLUMN troubleshooting_sessions.customer_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.troubleshooting_sessions.customer_id IS 'Customer troubleshooting.';

--
-- Name: COLUMN troubleshooting_sessions.issue_description; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.troubleshooting_sessions.issue_description IS 'The problem in the customer''s words.';

--
-- Name: COLUMN troubleshooting_sessions.guide_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.troubleshooting_sessions.guide_id IS 'Guide matched to the description.';

--
-- Name: COLUMN troubleshooting_sessions.guide_title; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.troubleshooting_sessions.guide_title IS 'Title of the guide at match time (guides may be renamed later).';

--
-- Name: COLUMN troubleshooting_sessions.resolved; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.troubleshooting_sessions.resolved IS 'The guide fixed the issue.';

--
-- Name: COLUMN troubleshooting_sessions.early_exit; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.troubleshooting_sessions.early_exit IS 'The session ended before every step of the guide was shown.';

--
-- Name: COLUMN troubleshooting_sessions.misclassified; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.troubleshooting_sessions.misclassified IS 'The customer said the guide did not match the issue.';

--
-- Name: COLUMN troubleshooting_sessions.abandoned; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.troubleshooting_sessions.abandoned IS 'The customer left the flow: "this isn''t my problem" (with misclassified), or idle for 24 hours (set by the idle-session job).';

--
-- Name: COLUMN troubleshooting_sessions.started_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.troubleshooting_sessions.started_at IS 'When the session began.';

--
-- Name: COLUMN troubleshooting_sessions.completed_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.troubleshooting_sessions.completed_at IS 'When an outcome was recorded; null while in progress.';

--
-- Name: COLUMN troubleshooting_sessions.customer_vehicle_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.troubleshooting_sessions.customer_vehicle_id IS 'The customer''s vehicle the problem is about, if they picked one; copied onto the ticket when the guide did not help.';

--
-- Name: guided_fix_outcome(public.troubleshooting_sessions); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.guided_fix_outcome(session public.troubleshooting_sessions) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
  select case
    when session.completed_at is null then 'in_progress'
    when session.resolved then 'resolved'
    when session.misclassified then 'wrong_guide'
    when session.abandoned then 'abandoned'
    else 'still_broken'
  end
$$;

--
-- Name: FUNCTION guided_fix_outcome(session public.troubleshooting_sessions); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.guided_fix_outcome(session public.troubleshooting_sessions) IS 'The outcome of one guided-fix session: in_progress, resolved, wrong_guide, abandoned or still_broken (exactly one). Counted by public.guide_figures and the support dashboard alike.';

--
-- Name: handle_new_user(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.handle_new_user() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  insert into public.profiles (id, full_name, username, avatar_url, email, phone)
  values (
    new.id,
    coalesce(new.raw_user_meta_data ->> 'full_name', new.raw_user_meta_data ->> 'name', ''),
    nullif(new.raw_user_meta_data ->> 'username', ''),
    new.raw_user_meta_data ->> 'avatar_url',
    new.email,
    new.phone
  );
  return new;
end;
$$;

--
-- Name: FUNCTION handle_new_user(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.handle_new_user() IS 'After-insert trigger on auth.users: creates the matching public.profiles row.';

--
-- Name: help_article_terms(text, text, text[]); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.help_article_terms(title text, content text, tags text[]) RETURNS TABLE(lexeme text, weight real)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $_$
  select field.lexeme, max(field.weight)::real
  from (
    select lexeme, 1.0 as weight from unnest(tsvector_to_array(to_tsvector('english'::regconfig, coalesce(title, '')))) lexeme
    union all
    select lexeme, 0.6 from unnest(tsvector_to_array(to_tsvector('english'::regconfig,
      coalesce((select string_agg(heading[1], ' ') from regexp_matches(coalesce(content, ''), '^#{1,6}\s+(.*)$', 'gn') heading), '')
      || ' ' || array_to_string(coalesce(tags, '{}'), ' ')))) lexeme
    union all
    select lexeme, 0.3 from unnest(tsvector_to_array(to_tsvector('english'::regconfig, coalesce(content, '')))) lexeme
  ) field
  group by field.lexeme
$_$;

--
-- Name: FUNCTION help_article_terms(title text, content text, tags text[]); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.help_article_terms(title text, content text, tags text[]) IS 'The english lexemes of an article with the weight of the best field holding each (title 1.0, headings and tags 0.6, body 0.3); feeds private.help_search_terms.';

--
-- Name: help_search_candidates(text, integer, real); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.help_search_candidates(query_text text, max_results integer, relative_cutoff real) RETURNS TABLE(article_id uuid, score real)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  published_count integer := (select count(distinct terms.article_id) from private.help_search_terms terms);
begin
  return query
  with query_lexemes as (
    -- Customer words the articles spell differently (aircon, tire, hood) get the articles' words too: the same
    -- vocabulary the guided fix uses.
    select distinct lexeme
    from unnest(tsvector_to_array(to_tsvector('english'::regconfig, private.expand_guide_query(left(query_text, 200))))) lexeme
  ),
  matches as (
    -- Each query lexeme's matching article lexemes: itself, or near misses (4+ letters, trigram similarity >= 0.5)
    -- when no article holds it as typed.
    select query_lexemes.lexeme as query_lexeme, exact.lexeme, 1.0::real as likeness
    from query_lexemes
    join lateral (select distinct terms.lexeme from private.help_search_terms terms where terms.lexeme = query_lexemes.lexeme) exact on true
    union all
    select query_lexemes.lexeme, near.lexeme, near.likeness
    from query_lexemes
    join lateral (
      select distinct terms.lexeme, extensions.similarity(terms.lexeme, query_lexemes.lexeme) as likeness
      from private.help_search_terms terms
      where terms.lexeme operator(extensions.%) query_lexemes.lexeme
        and extensions.similarity(terms.lexeme, query_lexemes.lexeme) >= 0.5
    ) near on true
    where length(query_lexemes.lexeme) >= 4
      and not exists (select 1 from private.help_search_terms known where known.lexeme = query_lexemes.lexeme)
  ),
  idf as (
    select matched.lexeme, ln(1 + (published_count - count(*) + 0.5) / (count(*) + 0.5)) as value
    from (select distinct matches.lexeme from matches) matched
    join private.help_search_terms terms on terms.lexeme = matched.lexeme
    group by matched.lexeme
  ),
  best_possible as (
    -- A query word no article holds counts at half the rarest matched word's weight, so a query about something the
    -- help centre does not cover scores low everywhere.
    select coalesce(sum(coalesce(known.value, 0.5 * coalesce((select max(idf.value) from idf), 1))), 0) as value
    from query_lexemes
    left join lateral (
      select max(idf.value) as value from matches join idf on idf.lexeme = matches.lexeme
      where matches.query_lexeme = query_lexemes.lexeme
    ) known on true
  ),
  credits as (
    -- Each query lexeme's best credit in each article.
    select matches.query_lexeme, terms.article_id, max(terms.weight * idf.value * matches.likeness) as credit
    from matches
    join private.help_search_terms terms on terms.lexeme = matches.lexeme
    join idf on idf.lexeme = matches.lexeme
    group by matches.query_lexeme, terms.article_id
  ),
  scored as (
    select credits.article_id, sum(credits.credit) / nullif((select best_possible.value from best_possible), 0) as score
    from credits
    group by credits.article_id
  )
  select scored.article_id, scored.score::real
  from scored
  where scored.score >= relative_cutoff * (select max(best.score) from scored best)
  order by scored.score desc, scored.article_id
  limit max_results;
end;
$$;

--
-- Name: FUNCTION help_search_candidates(query_text text, max_results integer, relative_cutoff real); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.help_search_candidates(query_text text, max_results integer, relative_cutoff real) IS 'public.search_help''s scoring: idf-weighted query lexemes (exact, else trigram near misses) over private.help_search_terms, as a share of the best possible score, cut at relative_cutoff of the best article.';

--
-- Name: help_visitor_daily_votes(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.help_visitor_daily_votes() RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$ select 20 $$;

--
-- Name: FUNCTION help_visitor_daily_votes(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.help_visitor_daily_votes() IS 'The daily limit of a visitor''s "Was this helpful?" answers (distinct articles); a person who reads more than this in a day can sign in.';

--
-- Name: help_visitor_hash(text); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.help_visitor_hash(visitor text) RETURNS text
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  headers jsonb := nullif(current_setting('request.headers', true), '')::jsonb;
  forwarded text := split_part(coalesce(headers ->> 'x-forwarded-for', ''), ',', 1);
  identity text := case when forwarded <> '' then forwarded || '|' || coalesce(headers ->> 'user-agent', '') else visitor end;
begin
  if identity is null or length(trim(identity)) = 0 then
    return null;
  end if;
  return encode(extensions.hmac(convert_to(left(identity, 1000), 'UTF8'), (select secret.secret from private.help_feedback_secret secret), 'sha256'), 'hex');
end;
$$;

--
-- Name: FUNCTION help_visitor_hash(visitor text); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.help_visitor_hash(visitor text) IS 'HMAC-SHA-256 (key in private.help_feedback_secret) of a visitor''s address and browser: PostgREST''s X-Forwarded-For and User-Agent when present, else what the app passed.';

--
-- Name: invoke_edge_function(text, jsonb, integer); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.invoke_edge_function(name text, body jsonb DEFAULT '{}'::jsonb, timeout_milliseconds integer DEFAULT 5000) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $_$
declare
  project_url text;
  service_role_key text;
begin
  if invoke_edge_function.name is null or invoke_edge_function.name !~ '^[A-Za-z0-9_-]+$' then
    raise exception 'edge function name % is not a plain function name', invoke_edge_function.name using errcode = '22023';
  end if;

  begin
    select secret.decrypted_secret into project_url from vault.decrypted_secrets secret where secret.name = 'project_url';
    select secret.decrypted_secret into service_role_key from vault.decrypted_secrets secret where secret.name = 'service_role_key';
    if project_url is null or service_role_key is null then
      raise warning 'edge function % not invoked: the Vault secrets project_url and service_role_key must exist (docs/deploy-vault-secrets.md)', invoke_edge_function.name;
      return null;
    end if;

    return net.http_post(
      url := rtrim(project_url, '/') || '/functions/v1/' || invoke_edge_function.name,
      body := coalesce(invoke_edge_function.body, '{}'::jsonb),
      headers := jsonb_build_object('Content-Type', 'application/json', 'Authorization', 'Bearer ' || service_role_key),
      timeout_milliseconds := invoke_edge_function.timeout_milliseconds
    );
  exception
    when others then
      raise warning 'edge function % not invoked: %', invoke_edge_function.name, sqlerrm;
      return null;
  end;
end;
$_$;

--
-- Name: FUNCTION invoke_edge_function(name text, body jsonb, timeout_milliseconds integer); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.invoke_edge_function(name text, body jsonb, timeout_milliseconds integer) IS 'Posts a JSON body to /functions/v1/<name> through pg_net with the service-role key (URL and key from Vault secrets project_url and service_role_key). Null when not queued; never raises for a missing secret.';

--
-- Name: is_admin(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.is_admin() RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  return coalesce(private.current_user_role() = 'admin', false);
end;
$$;

--
-- Name: FUNCTION is_admin(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.is_admin() IS 'True for admins.';

--
-- Name: is_assigned_to_or_unassigned_ticket(uuid); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.is_assigned_to_or_unassigned_ticket(ticket_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select exists (
    select 1 from public.tickets ticket
    where ticket.id = ticket_id and (ticket.assigned_to = auth.uid() or ticket.assigned_to is null)
  )
$$;

--
-- Name: FUNCTION is_assigned_to_or_unassigned_ticket(ticket_id uuid); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.is_assigned_to_or_unassigned_ticket(ticket_id uuid) IS 'True when the ticket is assigned to the caller or to nobody.';

--
-- Name: is_assigned_to_ticket(uuid); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.is_assigned_to_ticket(ticket_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select exists (select 1 from public.tickets ticket where ticket.id = ticket_id and ticket.assigned_to = auth.uid())
$$;

--
-- Name: FUNCTION is_assigned_to_ticket(ticket_id uuid); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.is_assigned_to_ticket(ticket_id uuid) IS 'True when the caller is the technician assigned to the ticket.';

--
-- Name: is_published_article(uuid); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.is_published_article(article_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$ select exists (select 1 from public.kb_articles article where article.id = article_id and article.is_published) $$;

--
-- Name: FUNCTION is_published_article(article_id uuid); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.is_published_article(article_id uuid) IS 'True when the article exists and is published.';

--
-- Name: is_published_guide(uuid); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.is_published_guide(guide_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$ select exists (select 1 from public.guides guide where guide.id = guide_id and guide.is_published) $$;

--
-- Name: FUNCTION is_published_guide(guide_id uuid); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.is_published_guide(guide_id uuid) IS 'True when the guide exists and is published.';

--
-- Name: is_staff(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.is_staff() RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  return coalesce(private.current_user_role() in ('technician', 'admin'), false);
end;
$$;

--
-- Name: FUNCTION is_staff(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.is_staff() IS 'True for technicians and admins.';

--
-- Name: is_technician(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.is_technician() RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  return coalesce(private.current_user_role() = 'technician', false);
end;
$$;

--
-- Name: FUNCTION is_technician(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.is_technician() IS 'True for technicians (not admins).';

--
-- Name: is_technician_of_current_customer(uuid); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.is_technician_of_current_customer(technician_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select exists (
    select 1 from public.tickets ticket
    where ticket.customer_id = auth.uid() and ticket.assigned_to = technician_id
  ) or exists (
    select 1 from public.conversations conversation
    where conversation.customer_id = auth.uid() and conversation.assigned_technician_id = technician_id
  )
$$;

--
-- Name: FUNCTION is_technician_of_current_customer(technician_id uuid); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.is_technician_of_current_customer(technician_id uuid) IS 'True when the technician is assigned to one of the caller''s tickets or conversations.';

--
-- Name: kb_article_matches_filters(uuid, text, text, text); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.kb_article_matches_filters(article_id uuid, solution_area text, category text, vehicle_context text) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select (kb_article_matches_filters.solution_area is null and kb_article_matches_filters.category is null
          and kb_article_matches_filters.vehicle_context is null)
    or exists (
      select 1 from public.kb_articles article
      where article.id = kb_article_matches_filters.article_id
        and (kb_article_matches_filters.solution_area is null or article.solution_area is null
             or article.solution_area = kb_article_matches_filters.solution_area)
        and (kb_article_matches_filters.category is null or article.category = kb_article_matches_filters.category)
        and (kb_article_matches_filters.vehicle_context is null or article.vehicle_context is null
             or article.vehicle_context ilike '%' || kb_article_matches_filters.vehicle_context || '%')
    )
$$;

--
-- Name: FUNCTION kb_article_matches_filters(article_id uuid, solution_area text, category text, vehicle_context text); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.kb_article_matches_filters(article_id uuid, solution_area text, category text, vehicle_context text) IS 'True when no search filter is set or the article passes solution area, category and vehicle filters.';

--
-- Name: kb_full_text_candidates(tsquery, tsquery, integer, text, text, text, integer); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.kb_full_text_candidates(match_query tsquery, rank_query tsquery, max_results integer, solution_area text, category text, vehicle_context text, ranked_row_cap integer) RETURNS TABLE(chunk_id bigint, text_rank real)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  return query
  with staff as (select private.is_staff() as is_staff),
  matching as (
    select chunk.id, chunk.fts
    from public.kb_chunks chunk
    join public.kb_articles article on article.id = chunk.article_id
    where chunk.fts @@ kb_full_text_candidates.match_query
      and (article.is_published or (select staff.is_staff from staff))
      and (kb_full_text_candidates.solution_area is null or article.solution_area is null or article.solution_area = kb_full_text_candidates.solution_area)
      and (kb_full_text_candidates.category is null or article.category = kb_full_text_candidates.category)
      and (kb_full_text_candidates.vehicle_context is null or article.vehicle_context is null
           or article.vehicle_context ilike '%' || kb_full_text_candidates.vehicle_context || '%')
    limit greatest(kb_full_text_candidates.ranked_row_cap, 1)
  )
  select matching.id, ts_rank_cd(matching.fts, kb_full_text_candidates.rank_query)
  from matching
  order by 2 desc, matching.id
  limit greatest(kb_full_text_candidates.max_results, 0);
end;
$$;

--
-- Name: FUNCTION kb_full_text_candidates(match_query tsquery, rank_query tsquery, max_results integer, solution_area text, category text, vehicle_context text, ranked_row_cap integer); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.kb_full_text_candidates(match_query tsquery, rank_query tsquery, max_results integer, solution_area text, category text, vehicle_context text, ranked_row_cap integer) IS 'search_kb''s full-text side: GIN-indexed matches of match_query the caller may read (same rule as the policies), ranked by ts_rank_cd against rank_query; ids and ranks only.';

--
-- Name: kb_full_text_match_query(text[], integer); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.kb_full_text_match_query(lexemes text[], common_above integer) RETURNS tsquery
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  return (
    select case
      when count(*) = 0 then null
      when bool_and(term.is_rare) then string_agg(term.quoted, ' | ' order by term.position)::tsquery
      else ('(' || string_agg(term.quoted, ' & ' order by term.position) || ')'
            || coalesce(' | ' || string_agg(term.quoted, ' | ' order by term.position) filter (where term.is_rare), ''))::tsquery
    end
    from (
      select
        counted.position,
        '''' || replace(replace(counted.lexeme, '\', '\\'), '''', '''''') || '''' as quoted,
        sum(counted.chunk_count) over (order by counted.chunk_count, counted.lexeme)
          <= kb_full_text_match_query.common_above as is_rare
      from (
        select distinct on (term.lexeme) term.lexeme, term.position, coalesce(counts.chunk_count, 0) as chunk_count
        from unnest(kb_full_text_match_query.lexemes) with ordinality as term(lexeme, position)
        left join private.kb_lexeme_chunk_counts counts on counts.lexeme = term.lexeme
        order by term.lexeme, term.position
      ) counted
    ) term
  );
end;
$$;

--
-- Name: FUNCTION kb_full_text_match_query(lexemes text[], common_above integer); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.kb_full_text_match_query(lexemes text[], common_above integer) IS 'search_kb''s full-text match: the rarest terms OR''ed while their chunk counts add up to at most common_above, the others matching only all together (one AND clause).';

--
-- Name: kb_title_word_candidates(tsquery, integer, text, text, text); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.kb_title_word_candidates(title_query tsquery, max_results integer, solution_area text, category text, vehicle_context text) RETURNS TABLE(chunk_id bigint, title_length integer, chunk_index integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  return query
  select chunk.id, length(chunk.article_title), chunk.chunk_index
  from public.kb_chunks chunk
  join public.kb_articles article on article.id = chunk.article_id
  where to_tsvector('english'::regconfig, chunk.article_title) @@ kb_title_word_candidates.title_query
    and private.can_read_kb_article(article.is_published)
    and (kb_title_word_candidates.solution_area is null or article.solution_area is null or article.solution_area = kb_title_word_candidates.solution_area)
    and (kb_title_word_candidates.category is null or article.category = kb_title_word_candidates.category)
    and (kb_title_word_candidates.vehicle_context is null or article.vehicle_context is null
         or article.vehicle_context ilike '%' || kb_title_word_candidates.vehicle_context || '%')
  order by length(chunk.article_title), chunk.chunk_index, chunk.id
  limit greatest(kb_title_word_candidates.max_results, 0);
end;
$$;

--
-- Name: FUNCTION kb_title_word_candidates(title_query tsquery, max_results integer, solution_area text, category text, vehicle_context text); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.kb_title_word_candidates(title_query tsquery, max_results integer, solution_area text, category text, vehicle_context text) IS 'search_kb''s title side: chunks whose article title holds every query term (title words GIN index) that the caller may read; ids only.';

--
-- Name: keep_corrected_triage(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.keep_corrected_triage() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  corrected text;
begin
  -- Most tickets are never corrected: one index probe answers that before any per-field lookup.
  if not exists (select 1 from public.triage_corrections correction where correction.ticket_id = new.ticket_id) then
    return new;
  end if;
  corrected := private.corrected_triage_value(new.ticket_id, 'category');
  if corrected is not null then new.category := corrected::public.ticket_category; end if;
  corrected := private.corrected_triage_value(new.ticket_id, 'urgency');
  if corrected is not null then new.urgency := corrected::public.ticket_urgency; end if;
  corrected := private.corrected_triage_value(new.ticket_id, 'sentiment');
  if corrected is not null then new.sentiment_score := corrected::integer; end if;
  return new;
end;
$$;

--
-- Name: FUNCTION keep_corrected_triage(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.keep_corrected_triage() IS 'Before-write trigger on ticket_ai_results: a re-triage keeps what staff corrected (the latest correction per field); copy_ai_result_to_ticket then copies the kept values to the ticket.';

--
-- Name: keep_ticket_priority(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.keep_ticket_priority() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  person uuid := auth.uid();
begin
  if tg_op = 'INSERT' then
    -- 'normal' is the column's default, so only another value is somebody's choice.
    if new.priority <> 'normal' then
      new.priority_set_by := case when person is not null and private.is_staff() then 'staff' else 'customer' end;
      new.priority_set_by_id := coalesce(person, new.customer_id);
    elsif new.urgency is not null then
      new.priority := private.priority_for_urgency(new.urgency);
      new.priority_set_by := 'triage';
      new.priority_set_by_id := null;
    else
      new.priority_set_by := null;
      new.priority_set_by_id := null;
    end if;
    return new;
  end if;

  if new.priority is distinct from old.priority then
    -- A definer function (the SLA escalation) names itself; API users never choose what the record says.
    if current_user = 'authenticated' or new.priority_set_by is not distinct from old.priority_set_by then
      new.priority_set_by := case when person is not null and not private.is_staff() then 'customer' else 'staff' end;
      new.priority_set_by_id := person;
    end if;
  elsif new.urgency is distinct from old.urgency and new.urgency is not null
        and (old.priority_set_by is null or old.priority_set_by = 'triage') then
    new.priority := private.priority_for_urgency(new.urgency);
    -- A member of staff correcting the urgency sets the priority with it; otherwise it is triage's.
    if person is not null and private.is_staff() then
      new.priority_set_by := 'staff';
      new.priority_set_by_id := person;
    else
      new.priority_set_by := 'triage';
      new.priority_set_by_id := null;
    end if;
  else
    new.priority_set_by := old.priority_set_by;
    new.priority_set_by_id := old.priority_set_by_id;
  end if;
  return new;
end;
$$;

--
-- Name: FUNCTION keep_ticket_priority(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.keep_ticket_priority() IS 'Before-write trigger on tickets: the one priority — from triage''s urgency unless a person (or the SLA escalation) set it — and who or what set it.';

--
-- Name: keep_ticket_sla(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.keep_ticket_sla() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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

--
-- Name: FUNCTION keep_ticket_sla(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.keep_ticket_sla() IS 'Before-write trigger on tickets: the SLA policy, due times and pause bookkeeping (none for a merged ticket, so sla_due_at is null and the escalation job never sees it; a deleted policy''s tickets move to the policy that fits next); API users cannot write these columns.';

--
-- Name: link_ticket_conversation(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.link_ticket_conversation() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if tg_op = 'UPDATE' and old.conversation_id is distinct from new.conversation_id and old.conversation_id is not null then
    update public.conversations set ticket_id = null where id = old.conversation_id and ticket_id = new.id;
  end if;
  if new.conversation_id is not null then
    update public.conversations set ticket_id = new.id where id = new.conversation_id and ticket_id is distinct from new.id;
  end if;
  return null;
end;
$$;

--
-- Name: FUNCTION link_ticket_conversation(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.link_ticket_conversation() IS 'After-write trigger on tickets: mirrors tickets.conversation_id into conversations.ticket_id.';

--
-- Name: normalise_help_query(text); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.normalise_help_query(query_text text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
  select nullif(left(trim(regexp_replace(lower(coalesce(query_text, '')), '[^[:alnum:]]+', ' ', 'g')), 200), '')
$$;

--
-- Name: FUNCTION normalise_help_query(query_text text); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.normalise_help_query(query_text text) IS 'Normal form of a help-centre search for private.help_search_misses: lower case, letters and digits, single spaces, at most 200 characters; null when nothing is left.';

--
-- Name: open_ticket_conversation(uuid); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.open_ticket_conversation(ticket_id uuid) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  ticket public.tickets;
  new_conversation_id uuid;
begin
  select * into ticket from public.tickets t where t.id = ticket_id for update;
  if not found or not private.is_staff() then
    raise exception 'ticket % not found', ticket_id using errcode = 'P0002';
  end if;
  if not (private.is_admin() or ticket.assigned_to = auth.uid()) then
    raise exception 'only the technician assigned to ticket % can write to its customer', ticket.number using errcode = '42501';
  end if;
  if ticket.conversation_id is not null then
    return ticket.conversation_id;
  end if;
  insert into public.conversations (customer_id, title, channel, assigned_technician_id, ticket_id)
  values (ticket.customer_id, left(ticket.number || ': ' || ticket.subject, 200),
    case when ticket.channel = 'email' then 'email'::public.conversation_channel else 'chat' end, auth.uid(), ticket.id)
  returning id into new_conversation_id;
  update public.tickets t set conversation_id = new_conversation_id where t.id = ticket.id;
  return new_conversation_id;
end;
$$;

--
-- Name: FUNCTION open_ticket_conversation(ticket_id uuid); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.open_ticket_conversation(ticket_id uuid) IS 'Implementation of public.open_ticket_conversation (runs as owner, checks the caller itself).';

--
-- Name: owns_conversation(uuid); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.owns_conversation(conversation_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select exists (
    select 1 from public.conversations conversation
    where conversation.id = conversation_id and conversation.customer_id = auth.uid()
  )
$$;

--
-- Name: FUNCTION owns_conversation(conversation_id uuid); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.owns_conversation(conversation_id uuid) IS 'True when the caller is the conversation''s customer.';

--
-- Name: owns_open_troubleshooting_session(uuid); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.owns_open_troubleshooting_session(session_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select exists (
    select 1 from public.troubleshooting_sessions session
    where session.id = session_id and session.customer_id = auth.uid() and session.completed_at is null
  )
$$;

--
-- Name: FUNCTION owns_open_troubleshooting_session(session_id uuid); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.owns_open_troubleshooting_session(session_id uuid) IS 'True when the caller owns the session and it has no outcome yet.';

--
-- Name: owns_ticket(uuid); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.owns_ticket(ticket_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select exists (select 1 from public.tickets ticket where ticket.id = ticket_id and ticket.customer_id = auth.uid())
$$;

--
-- Name: FUNCTION owns_ticket(ticket_id uuid); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.owns_ticket(ticket_id uuid) IS 'True when the caller is the ticket''s customer.';

--
-- Name: owns_troubleshooting_session(uuid); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.owns_troubleshooting_session(session_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select exists (
    select 1 from public.troubleshooting_sessions session
    where session.id = session_id and session.customer_id = auth.uid()
  )
$$;

--
-- Name: FUNCTION owns_troubleshooting_session(session_id uuid); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.owns_troubleshooting_session(session_id uuid) IS 'True when the caller owns the session.';

--
-- Name: owns_vehicle(uuid); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.owns_vehicle(vehicle_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select exists (select 1 from public.customer_vehicles vehicle where vehicle.id = vehicle_id and vehicle.customer_id = auth.uid())
$$;

--
-- Name: FUNCTION owns_vehicle(vehicle_id uuid); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.owns_vehicle(vehicle_id uuid) IS 'True when the caller owns the vehicle.';

--
-- Name: password_verification_attempt_hook(jsonb); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.password_verification_attempt_hook(event jsonb) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  max_failures constant integer := 5;
  failure_window constant interval := interval '15 minutes';
  attempting_user uuid := (event ->> 'user_id')::uuid;
  recent_failures integer;
begin
  -- One account's attempts are counted one at a time, so parallel guesses cannot slip past the limit.
  perform pg_advisory_xact_lock(hashtextextended('password_failed_attempts:' || attempting_user::text, 0));

  delete from private.password_failed_attempts attempt
  where attempt.user_id = attempting_user and attempt.attempted_at <= now() - failure_window;

  select count(*) into recent_failures
  from private.password_failed_attempts attempt
  where attempt.user_id = attempting_user;

  if recent_failures >= max_failures then
    return jsonb_build_object(
      'decision', 'reject',
      'message', 'Too many wrong passwords for this account. Sign-in is paused for up to 15 minutes; please try again later.',
      'should_logout_user', false);
  end if;

  if (event ->> 'valid')::boolean then
    delete from private.password_failed_attempts attempt where attempt.user_id = attempting_user;
  else
    insert into private.password_failed_attempts (user_id) values (attempting_user);
  end if;
  return jsonb_build_object('decision', 'continue');
end;
$$;

--
-- Name: FUNCTION password_verification_attempt_hook(event jsonb); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.password_verification_attempt_hook(event jsonb) IS 'Supabase Auth password verification attempt hook: refuses an account''s sign-ins after 5 wrong passwords within 15 minutes (per-account limit, decision 0013).';

--
-- Name: prepare_new_session(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.prepare_new_session() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if current_user = 'authenticated' and not private.is_admin() then
    new.resolved := false;
    new.early_exit := false;
    new.misclassified := false;
    new.abandoned := false;
    new.completed_at := null;
    new.started_at := now();
  end if;
  if new.guide_id is not null and new.guide_title is null then
    new.guide_title := (select guide.title from public.guides guide where guide.id = new.guide_id);
  end if;
  return new;
end;
$$;

--
-- Name: FUNCTION prepare_new_session(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.prepare_new_session() IS 'Before-insert trigger on troubleshooting_sessions: fresh outcome columns, guide title at match time.';

--
-- Name: prepare_new_ticket(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.prepare_new_ticket() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  -- A customer (or a signed-in caller without a staff role) cannot pre-set the triage or workflow state.
  if current_user = 'authenticated' and not private.is_staff() then
    new.triage_status := 'pending';
    new.status := 'unassigned';
    new.assigned_to := null;
    new.category := null;
    new.urgency := null;
  end if;
  if new.status in ('resolved', 'closed') then
    new.triage_status := 'resolved';
  end if;
  if new.assigned_to is not null and new.assigned_at is null then
    new.assigned_at := now();
  end if;
  if new.status in ('resolved', 'closed') and new.resolved_at is null then
    new.resolved_at := now();
  end if;
  if new.status = 'closed' and new.closed_at is null then
    new.closed_at := now();
  end if;
  return new;
end;
$$;

--
-- Name: FUNCTION prepare_new_ticket(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.prepare_new_ticket() IS 'Before-insert trigger on tickets: initial state for customer inserts, triage resolved for finished tickets, lifecycle timestamps.';

--
-- Name: prepare_ticket_rating(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.prepare_ticket_rating() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  new.technician_id := (select ticket.assigned_to from public.tickets ticket where ticket.id = new.ticket_id);
  new.created_at := now();
  return new;
end;
$$;

--
-- Name: FUNCTION prepare_ticket_rating(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.prepare_ticket_rating() IS 'Before-insert trigger on ticket_ratings: records the ticket''s technician and the time.';

--
-- Name: priority_for_urgency(text); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.priority_for_urgency(urgency text) RETURNS public.ticket_priority
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
  -- 'urgent' is left to people and the SLA escalation: triage's highest says high.
  select case urgency when 'high' then 'high'::public.ticket_priority when 'low' then 'low' else 'normal' end
$$;

--
-- Name: FUNCTION priority_for_urgency(urgency text); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.priority_for_urgency(urgency text) IS 'The priority triage''s urgency gives a ticket: high -> high, medium -> normal, low -> low.';

--
-- Name: protect_availability_fields(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.protect_availability_fields() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if current_user = 'authenticated' and not private.is_admin() then
    if tg_op = 'INSERT' then
      new.capacity := 5;
      new.solution_areas := null;
      new.last_assigned_at := null;
    elsif new.capacity is distinct from old.capacity or new.solution_areas is distinct from old.solution_areas
          or new.last_assigned_at is distinct from old.last_assigned_at then
      raise exception 'capacity and areas are set by an admin' using errcode = '42501';
    end if;
  end if;
  return new;
end;
$$;

--
-- Name: FUNCTION protect_availability_fields(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.protect_availability_fields() IS 'Before-write trigger on technician_availability: technicians switch only is_online.';

--
-- Name: protect_conversation_fields(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.protect_conversation_fields() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if current_user = 'authenticated' and not private.is_admin() then
    if new.customer_id is distinct from old.customer_id or new.created_at is distinct from old.created_at then
      raise exception 'the owner of a conversation cannot change' using errcode = '42501';
    end if;
    if not private.is_staff() and (new.assigned_technician_id is distinct from old.assigned_technician_id
       or new.ticket_id is distinct from old.ticket_id) then
      raise exception 'only staff assign conversations and link tickets' using errcode = '42501';
    end if;
  end if;
  return new;
end;
$$;

--
-- Name: FUNCTION protect_conversation_fields(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.protect_conversation_fields() IS 'Before-update trigger on conversations: owner fixed; only staff assign or link tickets.';

--
-- Name: protect_profile_fields(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.protect_profile_fields() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if current_user = 'authenticated' and not private.is_admin() then
    if new.role is distinct from old.role then
      raise exception 'only an admin can change a role' using errcode = '42501';
    end if;
    if new.department_id is distinct from old.department_id then
      raise exception 'only an admin can change a department' using errcode = '42501';
    end if;
    if new.id is distinct from old.id or new.created_at is distinct from old.created_at then
      raise exception 'profile id and created_at cannot change' using errcode = '42501';
    end if;
  end if;
  return new;
end;
$$;

--
-- Name: FUNCTION protect_profile_fields(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.protect_profile_fields() IS 'Before-update trigger on profiles: only admins (or service role / Studio) change role and department.';

--
-- Name: protect_session_fields(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.protect_session_fields() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if current_user = 'authenticated' and not private.is_admin() then
    if new.customer_id is distinct from old.customer_id or new.started_at is distinct from old.started_at
       or new.resolved is distinct from old.resolved or new.early_exit is distinct from old.early_exit
       or new.misclassified is distinct from old.misclassified or new.abandoned is distinct from old.abandoned
       or new.completed_at is distinct from old.completed_at then
      raise exception 'session outcomes are recorded by complete_troubleshooting_session' using errcode = '42501';
    end if;
    if old.completed_at is not null then
      raise exception 'a completed troubleshooting session cannot change' using errcode = '42501';
    end if;
  end if;
  return new;
end;
$$;

--
-- Name: FUNCTION protect_session_fields(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.protect_session_fields() IS 'Before-update trigger on troubleshooting_sessions: outcome columns only via the outcome function.';

--
-- Name: protect_ticket_fields(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.protect_ticket_fields() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if new.number is distinct from old.number then
    raise exception 'a ticket number never changes' using errcode = '42501';
  end if;
  if current_user = 'authenticated' and not private.is_admin() then
    if new.customer_id is distinct from old.customer_id or new.created_at is distinct from old.created_at
       or new.troubleshooting_session_id is distinct from old.troubleshooting_session_id then
      raise exception 'customer, creation time and session of a ticket cannot change' using errcode = '42501';
    end if;
    if (new.triage_status is distinct from old.triage_status and new.triage_status <> 'resolved')
       or new.category is distinct from old.category or new.urgency is distinct from old.urgency then
      raise exception 'triage fields are set by the triage worker' using errcode = '42501';
    end if;
  end if;
  return new;
end;
$$;

--
-- Name: FUNCTION protect_ticket_fields(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.protect_ticket_fields() IS 'Before-update trigger on tickets: number, customer and triage fields are protected from API users.';

--
-- Name: protect_work_order_fields(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.protect_work_order_fields() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if tg_op = 'INSERT' then
    new.parts_cost := 0;
    if new.status <> 'open' then
      raise exception 'a work order starts open, not %', new.status using errcode = '23514';
    end if;
    -- API users only: imports and the seed (run as the owner) record past work on tickets already resolved.
    if current_user = 'authenticated'
       and exists (select 1 from public.tickets ticket where ticket.id = new.ticket_id and ticket.status in ('resolved', 'closed', 'merged')) then
      raise exception 'ticket is % and takes no new work orders: reopen it first',
        (select ticket.status from public.tickets ticket where ticket.id = new.ticket_id) using errcode = '23514';
    end if;
  else
    -- public.merge_tickets (as the owner) changes nothing but the ticket.
    if current_user <> 'authenticated' and new.ticket_id is distinct from old.ticket_id
       and new.status = old.status and new.number = old.number and new.parts_cost = old.parts_cost then
      return new;
    end if;
    if new.parts_cost is distinct from old.parts_cost and pg_trigger_depth() < 2 then
      raise exception 'parts_cost is derived from the parts lines and cannot be typed' using errcode = '42501';
    end if;
    if old.status in ('completed', 'cancelled') then
      raise exception 'work order % is % and can no longer change', old.number, old.status using errcode = '23514';
    end if;
    if new.ticket_id is distinct from old.ticket_id or new.number is distinct from old.number then
      raise exception 'the ticket and number of a work order never change' using errcode = '42501';
    end if;
    if new.status is distinct from old.status and not (
      (old.status = 'open' and new.status in ('in_progress', 'cancelled'))
      or (old.status = 'in_progress' and new.status in ('completed', 'cancelled'))
    ) then
      raise exception 'illegal work order status transition from % to %', old.status, new.status using errcode = '23514';
    end if;
  end if;
  if new.status = 'completed' then
    new.completed_at := now();
  else
    new.completed_at := null;
  end if;
  return new;
end;
$$;

--
-- Name: FUNCTION protect_work_order_fields(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.protect_work_order_fields() IS 'Before-write trigger on work_orders: starts open, open -> in_progress -> completed | cancelled, finished orders frozen, parts_cost only from lines, completed_at.';

--
-- Name: raised_priority(public.ticket_priority); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.raised_priority(priority public.ticket_priority) RETURNS public.ticket_priority
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
  select case priority when 'low' then 'normal'::public.ticket_priority when 'normal' then 'high' else 'urgent' end
$$;

--
-- Name: FUNCTION raised_priority(priority public.ticket_priority); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.raised_priority(priority public.ticket_priority) IS 'The priority one step above (urgent stays urgent).';

--
-- Name: record_assignment_of_new_tickets(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.record_assignment_of_new_tickets() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  insert into public.ticket_events (ticket_id, actor_id, kind, details)
  select inserted.id, auth.uid(), 'assigned', jsonb_build_object('assigned_to', inserted.assigned_to, 'previously_assigned_to', null)
  from inserted_tickets inserted where inserted.assigned_to is not null;
  -- The technician now answers in the thread; the assistant steps back (as on a claim).
  update public.conversations conversation set assigned_technician_id = inserted.assigned_to
  from inserted_tickets inserted
  where conversation.id = inserted.conversation_id and inserted.assigned_to is not null
    and conversation.assigned_technician_id is distinct from inserted.assigned_to;
  return null;
end;
$$;

--
-- Name: FUNCTION record_assignment_of_new_tickets(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.record_assignment_of_new_tickets() IS 'After-insert statement trigger on tickets: an assigned row for each ticket born assigned (automatic assignment), and the conversation handed to its technician.';

--
-- Name: record_first_response(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.record_first_response() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  update public.tickets ticket set first_responded_at = reply.sent_at
  from (
    select conversation.ticket_id, min(inserted.created_at) as sent_at
    from inserted_messages inserted
    join public.conversations conversation on conversation.id = inserted.conversation_id
    where inserted.role = 'technician' and not inserted.is_internal_note and conversation.ticket_id is not null
    group by conversation.ticket_id
  ) reply
  where ticket.id = reply.ticket_id and ticket.first_responded_at is null;
  return null;
end;
$$;

--
-- Name: FUNCTION record_first_response(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.record_first_response() IS 'After-insert statement trigger on messages: sets tickets.first_responded_at on the first technician reply (internal notes do not count).';

--
-- Name: record_help_search_miss(text); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.record_help_search_miss(query_text text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  normalised text := private.normalise_help_query(query_text);
begin
  if normalised is null then
    return;
  end if;
  update private.help_search_misses set search_count = search_count + 1, last_seen_at = now() where query = normalised;
  if not found and (select count(*) from private.help_search_misses) < 10000 then
    insert into private.help_search_misses (query) values (normalised)
    on conflict (query) do update set search_count = private.help_search_misses.search_count + 1, last_seen_at = now();
  end if;
end;
$$;

--
-- Name: FUNCTION record_help_search_miss(query_text text); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.record_help_search_miss(query_text text) IS 'Counts a help-centre search that found nothing (normalised), keeping at most 10,000 distinct ones; called by public.search_help.';

--
-- Name: record_kb_embedding_status(private.jobs); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.record_kb_embedding_status(job private.jobs) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $_$
declare
  subject uuid;
begin
  -- A malformed payload is the worker's to fail; there is no article to report on.
  if jsonb_typeof(job.payload -> 'article_id') <> 'string' or (job.payload ->> 'article_id') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return;
  end if;
  subject := (job.payload ->> 'article_id')::uuid;
  insert into public.kb_embedding_status as status (article_id, state, job_id, attempts, last_error, chunk_count, embedding_model, updated_at)
  select
    article.id,
    case job.status
      when 'queued' then 'pending'
      when 'running' then 'embedding'
      when 'completed' then 'embedded'
      else 'failed'
    end::public.kb_embedding_state,
    job.id,
    job.attempts,
    case when job.status = 'completed' then null else job.last_error end,
    chunks.chunk_count,
    chunks.embedding_model,
    now()
  from public.kb_articles article
  cross join lateral (
    select count(*)::integer as chunk_count, max(chunk.embedding_model) as embedding_model
    from public.kb_chunks chunk where chunk.article_id = article.id
  ) chunks
  where article.id = subject
  on conflict (article_id) do update
    set state = excluded.state, job_id = excluded.job_id, attempts = excluded.attempts, last_error = excluded.last_error,
        chunk_count = excluded.chunk_count, embedding_model = excluded.embedding_model, updated_at = excluded.updated_at
    where status.job_id is null or status.job_id <= excluded.job_id;
end;
$_$;

--
-- Name: FUNCTION record_kb_embedding_status(job private.jobs); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.record_kb_embedding_status(job private.jobs) IS 'Upserts public.kb_embedding_status for the article of an embed job (no-op when the article is gone or the row already reflects a newer job).';

--
-- Name: record_kb_embedding_status_after_job_change(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.record_kb_embedding_status_after_job_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform private.record_kb_embedding_status(new);
  return null;
end;
$$;

--
-- Name: FUNCTION record_kb_embedding_status_after_job_change(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.record_kb_embedding_status_after_job_change() IS 'Deferred trigger on private.jobs (embed jobs only): records the article''s embedding status at commit.';

--
-- Name: record_message_events(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.record_message_events() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  insert into public.ticket_events (ticket_id, actor_id, kind, details)
  select conversation.ticket_id, auth.uid(),
    case when inserted.is_internal_note then 'internal_note_added'::public.ticket_event_kind
         when inserted.role = 'technician' then 'reply_sent'
         else 'message_sent' end,
    jsonb_build_object('message_id', inserted.id, 'role', inserted.role, 'conversation_id', inserted.conversation_id)
  from inserted_messages inserted
  join public.conversations conversation on conversation.id = inserted.conversation_id
  -- System messages announce changes the timeline already records (a claim, a resolution): left out.
  where conversation.ticket_id is not null and inserted.role <> 'system'
  order by inserted.created_at, inserted.id;
  return null;
end;
$$;

--
-- Name: FUNCTION record_message_events(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.record_message_events() IS 'After-insert statement trigger on messages: message sent / reply sent / internal note added on the conversation''s ticket; system messages are left out (they announce changes the timeline already records).';

--
-- Name: record_new_tickets(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.record_new_tickets() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  -- A plain insert, not `on conflict do nothing`: a ticket that did not exist a moment ago has no open job, and a
  -- speculative insert costs a second pass over the unique index. The unique index still has the last word.
  insert into private.jobs (kind, payload)
  select 'triage', jsonb_build_object('ticket_id', inserted.id)
  from inserted_tickets inserted;

  insert into public.analytics_events (event_type, user_id, ticket_id, conversation_id, metadata)
  select 'ticket_created', inserted.customer_id, inserted.id, inserted.conversation_id,
    jsonb_build_object('channel', inserted.channel, 'priority', inserted.priority)
  from inserted_tickets inserted;
  return null;
end;
$$;

--
-- Name: FUNCTION record_new_tickets(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.record_new_tickets() IS 'After-insert statement trigger on tickets: per new ticket, its triage job and its ticket_created analytics event (security definer: queue and analytics are not writable by API users). The timeline reads the creation from the ticket (public.ticket_timeline).';

--
-- Name: record_row_change_event(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.record_row_change_event() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

--
-- Name: FUNCTION record_row_change_event(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.record_row_change_event() IS 'After-write trigger: writes the analytics event of a row change (conversation, message, ticket, session, work order).';

--
-- Name: record_ticket_change_events(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.record_ticket_change_events() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  insert into public.ticket_events (ticket_id, actor_id, kind, details)
  select change.ticket_id, auth.uid(), change.kind, change.details
  from old_tickets before_row
  join new_tickets after_row on after_row.id = before_row.id
  cross join lateral (values
    (after_row.id,
     case after_row.triage_status when 'processed' then 'triage_finished'::public.ticket_event_kind else 'triage_failed' end,
     jsonb_build_object('category', after_row.category, 'urgency', after_row.urgency), 1,
     after_row.triage_status is distinct from before_row.triage_status and after_row.triage_status in ('processed', 'ai_failed')
       and before_row.triage_status = 'processing'),
    (after_row.id,
     case when after_row.assigned_to is null then 'unassigned'::public.ticket_event_kind
          when after_row.assigned_to = auth.uid() then 'claimed' else 'assigned' end,
     jsonb_build_object('assigned_to', after_row.assigned_to, 'previously_assigned_to', before_row.assigned_to), 2,
     after_row.assigned_to is distinct from before_row.assigned_to),
    (after_row.id,
     case when after_row.status = 'resolved' then 'resolved'::public.ticket_event_kind
          when before_row.status in ('resolved', 'closed') and after_row.status not in ('resolved', 'closed') then 'reopened'
          else 'status_changed' end,
     jsonb_build_object('from', before_row.status, 'to', after_row.status), 3,
     after_row.status is distinct from before_row.status
       -- A claim moves unassigned -> assigned; its claimed/assigned row already says so.
       and not (before_row.status = 'unassigned' and after_row.status = 'assigned' and after_row.assigned_to is distinct from before_row.assigned_to))
  ) as change (ticket_id, kind, details, position, happened)
  where change.happened
  order by before_row.id, change.position;
  return null;
end;
$$;

--
-- Name: FUNCTION record_ticket_change_events(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.record_ticket_change_events() IS 'After-update statement trigger on tickets: triage finished/failed, claimed/assigned/unassigned, status changed, resolved, reopened.';

--
-- Name: record_ticket_rating(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.record_ticket_rating() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  insert into public.ticket_events (ticket_id, actor_id, kind, details)
  values (new.ticket_id, new.customer_id, 'rated', jsonb_build_object('rating', new.rating, 'comment', new.comment));
  insert into public.analytics_events (event_type, user_id, ticket_id, metadata)
  values ('ticket_rated', new.customer_id, new.ticket_id, jsonb_build_object('rating', new.rating, 'technician_id', new.technician_id));
  return null;
end;
$$;

--
-- Name: FUNCTION record_ticket_rating(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.record_ticket_rating() IS 'After-insert trigger on ticket_ratings: a rated timeline row and a ticket_rated analytics event.';

--
-- Name: record_triage_event(uuid, jsonb); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.record_triage_event(ticket_id uuid, event jsonb) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  insert into public.analytics_events (event_type, ticket_id, model, metadata)
  select (event ->> 'event_type')::public.analytics_event_type, record_triage_event.ticket_id, event ->> 'model',
         coalesce(event -> 'metadata', '{}'::jsonb)
  where event is not null and event ->> 'event_type' is not null
$$;

--
-- Name: FUNCTION record_triage_event(ticket_id uuid, event jsonb); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.record_triage_event(ticket_id uuid, event jsonb) IS 'Triage worker: records {event_type, model, metadata} as an analytics event of the ticket.';

--
-- Name: record_triage_failure(bigint, uuid, text, boolean, jsonb); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.record_triage_failure(job_id bigint, ticket_id uuid, error text, retryable boolean DEFAULT true, event jsonb DEFAULT NULL::jsonb) RETURNS public.ticket_triage_status
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  failed_job private.jobs;
  gives_up boolean;
begin
  select * into failed_job from private.jobs job where job.id = record_triage_failure.job_id for update;
  if not found then
    raise exception 'job % not found', record_triage_failure.job_id using errcode = 'P0002';
  end if;
  gives_up := not coalesce(retryable, true) or failed_job.attempts >= failed_job.max_attempts;

  update private.jobs job set
    status = case when gives_up then 'failed' else 'queued' end::private.job_status,
    last_error = left(record_triage_failure.error, 2000),
    next_attempt_at = now() + make_interval(secs => least(30 * power(2, greatest(failed_job.attempts - 1, 0)), 900) * (0.5 + random() / 2)),
    locked_by = null, locked_at = null, updated_at = now()
  where job.id = failed_job.id;

  perform private.record_triage_event(record_triage_failure.ticket_id, event);

  if gives_up then
    update public.tickets ticket set triage_status = 'processing'
    where ticket.id = record_triage_failure.ticket_id and ticket.triage_status = 'pending';
    update public.tickets ticket set triage_status = 'ai_failed'
    where ticket.id = record_triage_failure.ticket_id and ticket.triage_status = 'processing';
    insert into public.ticket_triage_failures as failure (ticket_id, error, attempts, failed_at)
    select ticket.id, left(record_triage_failure.error, 2000), failed_job.attempts, now()
    from public.tickets ticket where ticket.id = record_triage_failure.ticket_id
    on conflict on constraint ticket_triage_failures_pkey do update set
      error = excluded.error, attempts = excluded.attempts, failed_at = excluded.failed_at;
  else
    update public.tickets ticket set triage_status = 'pending'
    where ticket.id = record_triage_failure.ticket_id and ticket.triage_status = 'processing';
  end if;
  return (select ticket.triage_status from public.tickets ticket where ticket.id = record_triage_failure.ticket_id);
end;
$$;

--
-- Name: FUNCTION record_triage_failure(job_id bigint, ticket_id uuid, error text, retryable boolean, event jsonb); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.record_triage_failure(job_id bigint, ticket_id uuid, error text, retryable boolean, event jsonb) IS 'Triage worker: requeues a failed attempt with backoff and jitter, or marks the ticket ai_failed with the error once attempts are spent.';

--
-- Name: record_triage_success(bigint, uuid, jsonb, jsonb); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.record_triage_success(job_id bigint, ticket_id uuid, result jsonb, event jsonb DEFAULT NULL::jsonb) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

--
-- Name: FUNCTION record_triage_success(job_id bigint, ticket_id uuid, result jsonb, event jsonb); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.record_triage_success(job_id bigint, ticket_id uuid, result jsonb, event jsonb) IS 'Triage worker: upserts the AI result, marks the ticket processed, completes the job, records the api_call event.';

--
-- Name: record_work_order_created_events(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.record_work_order_created_events() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  insert into public.ticket_events (ticket_id, actor_id, kind, details)
  select inserted.ticket_id, auth.uid(), 'work_order_created',
    jsonb_build_object('work_order_id', inserted.id, 'number', inserted.number, 'description', inserted.description)
  from inserted_work_orders inserted;
  return null;
end;
$$;

--
-- Name: FUNCTION record_work_order_created_events(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.record_work_order_created_events() IS 'After-insert statement trigger on work_orders: work order created on its ticket.';

--
-- Name: record_work_order_status_events(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.record_work_order_status_events() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  insert into public.ticket_events (ticket_id, actor_id, kind, details)
  select after_row.ticket_id, auth.uid(),
    case after_row.status
      when 'in_progress' then 'work_order_started'::public.ticket_event_kind
      when 'completed' then 'work_order_completed'
      else 'work_order_cancelled' end,
    jsonb_build_object('work_order_id', after_row.id, 'number', after_row.number, 'actual_hours', after_row.actual_hours,
      'total_cost', after_row.total_cost)
  from old_work_orders before_row
  join new_work_orders after_row on after_row.id = before_row.id
  where after_row.status is distinct from before_row.status and after_row.status <> 'open';
  return null;
end;
$$;

--
-- Name: FUNCTION record_work_order_status_events(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.record_work_order_status_events() IS 'After-update statement trigger on work_orders: started / completed / cancelled on its ticket.';

--
-- Name: recount_kb_lexemes(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.recount_kb_lexemes() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  lexeme_count integer;
begin
  -- Chunk writers wait for the rebuild instead of adding to counts it is about to replace.
  lock table public.kb_chunks in share mode;
  delete from private.kb_lexeme_chunk_counts;
  insert into private.kb_lexeme_chunk_counts (lexeme, chunk_count)
  select lexeme, count(*)::integer from public.kb_chunks chunk, unnest(tsvector_to_array(chunk.fts)) lexeme group by lexeme;
  get diagnostics lexeme_count = row_count;
  return lexeme_count;
end;
$$;

--
-- Name: FUNCTION recount_kb_lexemes(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.recount_kb_lexemes() IS 'Rebuilds private.kb_lexeme_chunk_counts from kb_chunks and returns the number of lexemes. The triggers keep the counts exact; this repairs hand edits.';

--
-- Name: refresh_help_search_terms(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.refresh_help_search_terms() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  delete from private.help_search_terms where article_id = new.id;
  if new.is_published then
    insert into private.help_search_terms (lexeme, article_id, weight)
    select term.lexeme, new.id, term.weight from private.help_article_terms(new.title, new.content, new.tags) term;
  end if;
  return null;
end;
$$;

--
-- Name: FUNCTION refresh_help_search_terms(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.refresh_help_search_terms() IS 'After-write trigger on kb_articles: rewrites the article''s rows of private.help_search_terms (none while it is a draft).';

--
-- Name: refuse_deleting_people_with_open_tickets(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.refuse_deleting_people_with_open_tickets() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

--
-- Name: FUNCTION refuse_deleting_people_with_open_tickets(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.refuse_deleting_people_with_open_tickets() IS 'Before-delete trigger on profiles: refuses to delete someone with assigned, in-progress or waiting tickets, naming up to five of them.';

--
-- Name: release_ticket(uuid); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.release_ticket(ticket_id uuid) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  caller uuid := auth.uid();
  ticket public.tickets;
begin
  if caller is null or not private.is_staff() then
    raise exception 'only technicians and admins can release tickets' using errcode = '42501';
  end if;

  select * into ticket from public.tickets target where target.id = release_ticket.ticket_id for update;
  if not found then
    raise exception 'ticket % not found', release_ticket.ticket_id using errcode = 'P0002';
  end if;
  if ticket.assigned_to is distinct from caller and not private.is_admin() then
    raise exception 'ticket % is claimed by %, not by you', ticket.number, coalesce(private.display_name_of(ticket.assigned_to), 'nobody')
      using errcode = '42501';
  end if;
  if ticket.status not in ('assigned', 'in_progress') then
    raise exception 'only an assigned or in-progress ticket can be released; % is %', ticket.number, ticket.status using errcode = '22023';
  end if;

  -- The lifecycle allows in_progress -> assigned -> unassigned, not a jump: take both steps.
  if ticket.status = 'in_progress' then
    update public.tickets target set status = 'assigned' where target.id = ticket.id;
  end if;
  update public.tickets target
  set status = 'unassigned', assigned_to = null
  where target.id = ticket.id
  returning target.* into ticket;
  return private.claim_outcome(ticket, false);
end;
$$;

--
-- Name: FUNCTION release_ticket(ticket_id uuid); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.release_ticket(ticket_id uuid) IS 'Implementation of public.release_ticket (runs as owner; the assignee or an admin only).';

--
-- Name: reopen_or_follow_up_on_customer_message(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.reopen_or_follow_up_on_customer_message() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  finished record;
  follow_up_id uuid;
begin
  -- Resolved: back to the technician who resolved it (the reopened row is written by record_ticket_change_events).
  update public.tickets ticket set status = 'in_progress'
  where ticket.status = 'resolved' and ticket.assigned_to is not null
    and ticket.id in (
      select conversation.ticket_id from inserted_messages inserted
      join public.conversations conversation on conversation.id = inserted.conversation_id
      where inserted.role = 'user' and not inserted.is_internal_note and conversation.ticket_id is not null);

  -- Closed: a follow-up ticket with the customer's words, linked to the closed one, owning the thread from now on.
  for finished in
    select distinct on (ticket.id) ticket.*, inserted.content as message_content
    from inserted_messages inserted
    join public.conversations conversation on conversation.id = inserted.conversation_id
    join public.tickets ticket on ticket.id = conversation.ticket_id
    where inserted.role = 'user' and not inserted.is_internal_note and ticket.status = 'closed'
    order by ticket.id, inserted.created_at, inserted.id
  loop
    update public.tickets set conversation_id = null where id = finished.id;
    -- Through public.open_ticket, the one way to open a ticket (decision 0012); it runs as this function's owner.
    select opened.id into follow_up_id
    from public.open_ticket(
      subject => left('Follow-up: ' || finished.subject, 200), content => finished.message_content,
      channel => finished.channel, priority => finished.priority, contact_email => finished.contact_email,
      contact_phone => finished.contact_phone, customer_vehicle_id => finished.customer_vehicle_id,
      vehicle_year => finished.vehicle_year, vehicle_make => finished.vehicle_make,
      vehicle_model => finished.vehicle_model, vin => finished.vin, conversation_id => finished.conversation_id,
      customer_id => finished.customer_id) opened;
    update public.tickets set follow_up_of = finished.id where id = follow_up_id;
    insert into public.ticket_events (ticket_id, actor_id, kind, details)
    values (finished.id, auth.uid(), 'follow_up_opened', jsonb_build_object('follow_up_id', follow_up_id,
      'follow_up_number', (select number from public.tickets where id = follow_up_id)));
  end loop;
  return null;
end;
$$;

--
-- Name: FUNCTION reopen_or_follow_up_on_customer_message(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.reopen_or_follow_up_on_customer_message() IS 'After-insert statement trigger on messages: a customer message reopens its resolved ticket (to its technician) or opens a follow-up of its closed ticket.';

--
-- Name: report_window_start(integer); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.report_window_start(days integer) RETURNS timestamp with time zone
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
begin
  if days is null or days not between 1 and 366 then
    raise exception 'days must be between 1 and 366, not %', days using errcode = '22023';
  end if;
  return date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' - make_interval(days => days - 1);
end;
$$;

--
-- Name: FUNCTION report_window_start(days integer); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.report_window_start(days integer) IS 'First instant of a report window of `days` UTC days (today included); raises 22023 outside 1–366.';

--
-- Name: request_edge_function_wakeup(text, jsonb, interval, integer); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.request_edge_function_wakeup(name text, body jsonb DEFAULT '{}'::jsonb, min_interval interval DEFAULT '00:00:01'::interval, timeout_milliseconds integer DEFAULT 5000) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  due boolean;
begin
  -- The common case under load: woken less than min_interval ago. A plain read settles it without touching the row.
  if exists (
    select 1 from private.edge_function_wakeups wakeup
    where wakeup.function_name = request_edge_function_wakeup.name
      and wakeup.last_requested_at >= clock_timestamp() - request_edge_function_wakeup.min_interval
  ) then
    return null;
  end if;

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

--
-- Name: FUNCTION request_edge_function_wakeup(name text, body jsonb, min_interval interval, timeout_milliseconds integer); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.request_edge_function_wakeup(name text, body jsonb, min_interval interval, timeout_milliseconds integer) IS 'Debounced private.invoke_edge_function: at most one wake-up per min_interval per function; never blocks a writer.';

--
-- Name: requeue_ticket_triage(uuid); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.requeue_ticket_triage(ticket_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  current_status public.ticket_triage_status;
begin
  if not private.is_staff() and coalesce(auth.role(), '') <> 'service_role' then
    raise exception 'only technicians and admins can requeue triage' using errcode = '42501';
  end if;
  select ticket.triage_status into current_status from public.tickets ticket where ticket.id = requeue_ticket_triage.ticket_id for update;
  if not found then
    raise exception 'ticket % not found', requeue_ticket_triage.ticket_id using errcode = 'P0002';
  end if;
  if current_status <> 'ai_failed' then
    raise exception 'only a ticket whose triage failed can be requeued; this one is %', current_status using errcode = '22023';
  end if;

  update public.tickets ticket set triage_status = 'pending' where ticket.id = requeue_ticket_triage.ticket_id;
  insert into private.jobs (kind, payload) values ('triage', jsonb_build_object('ticket_id', requeue_ticket_triage.ticket_id))
  on conflict (kind, subject) where status in ('queued', 'running') do update set
    status = 'queued', attempts = 0, next_attempt_at = now(), last_error = null, locked_by = null, locked_at = null, updated_at = now();
  perform private.invoke_edge_function('triage', jsonb_build_object('reason', 'requeued'), 60000);
end;
$$;

--
-- Name: FUNCTION requeue_ticket_triage(ticket_id uuid); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.requeue_ticket_triage(ticket_id uuid) IS 'Implementation of public.requeue_ticket_triage (runs as owner, checks the caller is staff).';

--
-- Name: require_admin(text); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.require_admin(what text) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
begin
  if not coalesce((select private.is_admin()), false) then
    raise exception 'only admins can read %', what using errcode = '42501';
  end if;
end;
$$;

--
-- Name: FUNCTION require_admin(what text); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.require_admin(what text) IS 'Raises insufficient_privilege (42501) naming what was refused unless the caller is an admin.';

--
-- Name: require_finished_work_orders(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.require_finished_work_orders() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  unfinished text;
begin
  select string_agg(work_order.number || ' (' || work_order.status || ')', ', ' order by work_order.number) into unfinished
  from public.work_orders work_order
  where work_order.ticket_id = new.id and work_order.status in ('open', 'in_progress');
  if unfinished is not null then
    raise exception 'ticket % cannot be resolved while work orders are unfinished: %', new.number, unfinished
      using errcode = '23514', hint = 'Complete or cancel the work orders first.';
  end if;
  return new;
end;
$$;

--
-- Name: FUNCTION require_finished_work_orders(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.require_finished_work_orders() IS 'Before-update trigger on tickets: refuses to resolve a ticket with open or in-progress work orders (security definer: counts work orders RLS would hide).';

--
-- Name: reset_stuck_triage(interval); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.reset_stuck_triage(stuck_after interval DEFAULT '00:05:00'::interval) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  stuck_job private.jobs;
  reset_count integer := 0;
  orphan_count integer;
begin
  for stuck_job in
    update private.jobs job set
      status = case when job.attempts >= job.max_attempts then 'failed' else 'queued' end::private.job_status,
      last_error = 'the worker stopped before finishing (claimed by ' || coalesce(job.locked_by, 'unknown') || ' at ' || job.locked_at || ')',
      next_attempt_at = now(), locked_by = null, locked_at = null, updated_at = now()
    where job.kind = 'triage' and job.status = 'running'
      and (job.locked_at < now() - stuck_after or job.locked_at < pg_catalog.pg_postmaster_start_time())
    returning job.*
  loop
    if stuck_job.status = 'failed' then
      update public.tickets ticket set triage_status = 'ai_failed'
      where ticket.id = (stuck_job.payload ->> 'ticket_id')::uuid and ticket.triage_status = 'processing';
      if found then
        insert into public.ticket_triage_failures as failure (ticket_id, error, attempts)
        values ((stuck_job.payload ->> 'ticket_id')::uuid, stuck_job.last_error, stuck_job.attempts)
        on conflict on constraint ticket_triage_failures_pkey do update set
          error = excluded.error, attempts = excluded.attempts, failed_at = now();
      end if;
    else
      update public.tickets ticket set triage_status = 'pending'
      where ticket.id = (stuck_job.payload ->> 'ticket_id')::uuid and ticket.triage_status = 'processing';
      if found then
        reset_count := reset_count + 1;
      end if;
    end if;
  end loop;

  with orphans as (
    update public.tickets ticket set triage_status = 'pending'
    where ticket.triage_status = 'processing'
      and (ticket.updated_at < now() - stuck_after or ticket.updated_at < pg_catalog.pg_postmaster_start_time())
      and not exists (
        select 1 from private.jobs job
        where job.kind = 'triage' and job.status = 'running' and job.payload = jsonb_build_object('ticket_id', ticket.id)
      )
    returning ticket.id
  )
  select count(*) into orphan_count from orphans;
  reset_count := reset_count + orphan_count;

  insert into private.jobs (kind, payload)
  select 'triage', jsonb_build_object('ticket_id', ticket.id)
  from public.tickets ticket
  where ticket.triage_status = 'pending' and ticket.created_at < now() - interval '1 minute'
    and not exists (
      select 1 from private.jobs job
      where job.kind = 'triage' and job.status in ('queued', 'running') and job.payload = jsonb_build_object('ticket_id', ticket.id)
    )
  on conflict do nothing;

  return reset_count;
end;
$$;

--
-- Name: FUNCTION reset_stuck_triage(stuck_after interval); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.reset_stuck_triage(stuck_after interval) IS 'pg_cron: triage jobs and tickets stuck in processing for stuck_after, or since before the server started, go back to pending (or ai_failed when attempts are spent); pending tickets without a job get one.';

--
-- Name: sla_policy(uuid); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.sla_policy(policy_id uuid) RETURNS public.sla_policies
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$ select policy.* from public.sla_policies policy where policy.id = policy_id $$;

--
-- Name: FUNCTION sla_policy(policy_id uuid); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.sla_policy(policy_id uuid) IS 'The SLA policy with this id (security definer: the ticket''s writer may not read policies).';

--
-- Name: sla_policy_for(text, text); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.sla_policy_for(urgency text, solution_area text) RETURNS public.sla_policies
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select policy.* from public.sla_policies policy
  where (policy.urgency is null or policy.urgency = sla_policy_for.urgency)
    and (policy.solution_area is null or policy.solution_area = sla_policy_for.solution_area)
  order by (policy.solution_area is not null) desc, (policy.urgency is not null) desc
  limit 1
$$;

--
-- Name: FUNCTION sla_policy_for(urgency text, solution_area text); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.sla_policy_for(urgency text, solution_area text) IS 'The SLA policy a ticket of this urgency and solution area follows: area and urgency, area, urgency, then the default (both null).';

--
-- Name: solution_area_of_conversation(uuid); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.solution_area_of_conversation(conversation_id uuid) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$ select conversation.solution_area from public.conversations conversation where conversation.id = conversation_id $$;

--
-- Name: FUNCTION solution_area_of_conversation(conversation_id uuid); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.solution_area_of_conversation(conversation_id uuid) IS 'The solution area of a conversation (a ticket''s area for its SLA policy and automatic assignment).';

--
-- Name: staff_can_read_work_order(uuid); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.staff_can_read_work_order(work_order_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select private.is_admin() or (private.is_technician() and exists (
    select 1 from public.work_orders work_order
    join public.tickets ticket on ticket.id = work_order.ticket_id
    where work_order.id = work_order_id and (ticket.assigned_to = auth.uid() or ticket.assigned_to is null)
  ))
$$;

--
-- Name: FUNCTION staff_can_read_work_order(work_order_id uuid); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.staff_can_read_work_order(work_order_id uuid) IS 'Admins; technicians for work orders of their tickets and of unassigned tickets (the work order policies'' rule).';

--
-- Name: staff_can_see_conversation(uuid); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.staff_can_see_conversation(conversation_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select private.is_admin() or (private.is_technician() and exists (
    select 1 from public.conversations conversation
    where conversation.id = conversation_id
      and (conversation.ticket_id is not null or conversation.assigned_technician_id = auth.uid())
  ))
$$;

--
-- Name: FUNCTION staff_can_see_conversation(conversation_id uuid); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.staff_can_see_conversation(conversation_id uuid) IS 'Admins see every conversation; technicians those linked to a ticket or assigned to them.';

--
-- Name: standing_report_events(timestamp with time zone); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.standing_report_events(window_start timestamp with time zone) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  figures jsonb;
begin
  perform private.require_admin('the standing reports');
  with
  ai_events as (
    select event.event_type, event.solution_area,
      coalesce(event.metadata ->> 'source', event.metadata ->> 'function', 'other') as function_name,
      (event.metadata ->> 'latency_ms')::numeric as latency_ms,
      coalesce((event.metadata ->> 'cost_estimate_usd')::numeric, (event.metadata ->> 'cost_usd')::numeric, 0) as cost_usd
    from public.analytics_events event
    where event.event_type in ('api_call', 'error') and event.occurred_at >= window_start
  ),
  per_function as (
    select ai_events.function_name,
      count(*) filter (where ai_events.event_type = 'api_call')::integer as calls,
      count(*) filter (where ai_events.event_type = 'error')::integer as errors,
      percentile_cont(0.5) within group (order by ai_events.latency_ms) filter (where ai_events.event_type = 'api_call') as p50,
      percentile_cont(0.95) within group (order by ai_events.latency_ms) filter (where ai_events.event_type = 'api_call') as p95
    from ai_events
    group by ai_events.function_name
  ),
  per_area as (
    select ai_events.solution_area, count(*)::integer as calls, sum(ai_events.cost_usd) as cost_usd
    from ai_events
    where ai_events.event_type = 'api_call'
    group by ai_events.solution_area
  ),
  -- A customer is active in an area on a day when they wrote in a chat of that area or started one of its guides.
  activity as (
    select (event.occurred_at at time zone 'UTC')::date as day, event.solution_area, event.user_id
    from public.analytics_events event
    where event.event_type = 'message_sent' and event.occurred_at >= window_start
      and event.metadata ->> 'role' = 'user' and event.solution_area is not null and event.user_id is not null
    union
    select (event.occurred_at at time zone 'UTC')::date, guide.solution_area, event.user_id
    from public.analytics_events event
    join public.guides guide on guide.id = (event.metadata ->> 'guide_id')::uuid
    where event.event_type = 'troubleshooting_started' and event.occurred_at >= window_start
      and guide.solution_area is not null and event.user_id is not null
  )
  select jsonb_build_object(
    'functions', (
      select coalesce(jsonb_agg(jsonb_build_object(
        'function', per_function.function_name, 'calls', per_function.calls, 'errors', per_function.errors,
        'error_rate', round(per_function.errors::numeric / nullif(per_function.calls + per_function.errors, 0), 4),
        'latency_p50_ms', round(per_function.p50::numeric, 1), 'latency_p95_ms', round(per_function.p95::numeric, 1))
        order by per_function.function_name), '[]')
      from per_function),
    'ai_by_area', (
      select coalesce(jsonb_agg(jsonb_build_object('area', per_area.solution_area, 'calls', per_area.calls, 'cost_usd', round(per_area.cost_usd, 4))
        order by per_area.solution_area nulls last), '[]')
      from per_area),
    'daily_active_users', (
      select coalesce(jsonb_agg(jsonb_build_object('day', grouped.day, 'area', grouped.solution_area, 'users', grouped.users)
        order by grouped.day, grouped.solution_area), '[]')
      from (select activity.day, activity.solution_area, count(distinct activity.user_id)::integer as users
            from activity group by activity.day, activity.solution_area) grouped)
  )
  into figures;
  return figures;
end;
$$;

--
-- Name: FUNCTION standing_report_events(window_start timestamp with time zone); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.standing_report_events(window_start timestamp with time zone) IS 'Events half of public.standing_reports: AI calls, errors and latency per function, AI calls and cost per area, daily active customers per area. Security definer for the enum index; refuses non-admins.';

--
-- Name: start_ticket_with_its_work(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.start_ticket_with_its_work() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  update public.tickets ticket set status = 'in_progress'
  where ticket.status in ('assigned', 'waiting_on_customer')
    and ticket.id in (
      select after_row.ticket_id from old_work_orders before_row
      join new_work_orders after_row on after_row.id = before_row.id
      where after_row.status = 'in_progress' and before_row.status is distinct from 'in_progress');
  return null;
end;
$$;

--
-- Name: FUNCTION start_ticket_with_its_work(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.start_ticket_with_its_work() IS 'After-update statement trigger on work_orders: starting a work order moves its assigned or waiting ticket to in_progress.';

--
-- Name: sum_work_order_parts(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.sum_work_order_parts() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  affected uuid;
begin
  foreach affected in array array_remove(array[
    case when tg_op <> 'DELETE' then new.work_order_id end,
    case when tg_op <> 'INSERT' then old.work_order_id end
  ], null) loop
    update public.work_orders work_order
    set parts_cost = coalesce((select sum(part.line_total) from public.work_order_parts part where part.work_order_id = affected), 0)
    where work_order.id = affected;
  end loop;
  return null;
end;
$$;

--
-- Name: FUNCTION sum_work_order_parts(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.sum_work_order_parts() IS 'After-write trigger on work_order_parts: recomputes work_orders.parts_cost.';

--
-- Name: support_dashboard_events(timestamp with time zone); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.support_dashboard_events(window_start timestamp with time zone) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  figures jsonb;
begin
  perform private.require_admin('the support dashboard');
  with
  api_calls as (
    select coalesce(event.metadata ->> 'source', event.metadata ->> 'function', 'other') as source,
      count(*) filter (where event.event_type = 'api_call')::integer as calls,
      count(*) filter (where event.event_type = 'error')::integer as errors,
      coalesce(sum(coalesce((event.metadata ->> 'prompt_tokens')::bigint, 0) + coalesce((event.metadata ->> 'completion_tokens')::bigint, 0))
        filter (where event.event_type = 'api_call'), 0)::bigint as tokens,
      coalesce(sum(coalesce((event.metadata ->> 'cost_estimate_usd')::numeric, (event.metadata ->> 'cost_usd')::numeric, 0))
        filter (where event.event_type = 'api_call'), 0) as cost_usd
    from public.analytics_events event
    where event.event_type in ('api_call', 'error') and event.occurred_at >= window_start
    group by 1
  ),
  -- Sessions that ended in the window, each counted once under its outcome (private.guided_fix_outcome), as
  -- public.guide_figures counts them.
  sessions as (
    select
      count(*) filter (where outcome.outcome = 'resolved')::integer as resolved,
      count(*) filter (where outcome.outcome = 'wrong_guide')::integer as misclassified,
      count(*) filter (where outcome.outcome = 'abandoned')::integer as abandoned,
      count(*) filter (where outcome.outcome = 'still_broken')::integer as still_broken
    from public.troubleshooting_sessions session
    cross join lateral (select private.guided_fix_outcome(session) as outcome) outcome
    where session.completed_at >= window_start
  )
  select jsonb_build_object(
    'ai_usage', (
      select coalesce(jsonb_agg(jsonb_build_object('source', api_calls.source, 'calls', api_calls.calls, 'errors', api_calls.errors,
        'tokens', api_calls.tokens, 'cost_usd', round(api_calls.cost_usd, 4)) order by api_calls.source), '[]')
      from api_calls),
    'chat_conversations', (
      select count(*) from public.analytics_events event
      where event.event_type = 'conversation_created' and event.occurred_at >= window_start),
    'troubleshooting', (select to_jsonb(sessions) from sessions)
  )
  into figures;
  return figures;
end;
$$;

--
-- Name: FUNCTION support_dashboard_events(window_start timestamp with time zone); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.support_dashboard_events(window_start timestamp with time zone) IS 'Dashboard figures since window_start: AI usage by source and conversations (analytics_events), guided-fix outcomes of the sessions that ended (private.guided_fix_outcome, as public.guide_figures counts them). Security definer for the index on the enum event_type and to count every session; refuses non-admins.';

--
-- Name: sync_embedding_model(text); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.sync_embedding_model(configured_model text) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  previous_model text;
  queued integer;
begin
  select settings.embedding_model into previous_model from private.kb_settings settings for update;
  if previous_model is not distinct from configured_model then
    return 0;
  end if;
  update private.kb_settings set embedding_model = configured_model, embedding_model_changed_at = now();
  -- Articles already embedded with the configured model need no work; the rest are queued.
  insert into private.jobs (kind, payload)
  select 'embed', jsonb_build_object('article_id', article.id) from public.kb_articles article
  where not exists (
    select 1 from public.kb_chunks chunk
    where chunk.article_id = article.id and chunk.embedding_model is not distinct from configured_model
  ) or exists (
    select 1 from public.kb_chunks chunk
    where chunk.article_id = article.id and chunk.embedding_model is distinct from configured_model
  )
  on conflict do nothing;
  get diagnostics queued = row_count;
  return queued;
end;
$$;

--
-- Name: FUNCTION sync_embedding_model(configured_model text); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.sync_embedding_model(configured_model text) IS 'Records the worker''s embedding model; on a change, queues every article not yet embedded with it. Returns jobs queued.';

--
-- Name: takes_part_in_conversation(uuid); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.takes_part_in_conversation(conversation_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select private.owns_conversation(conversation_id) or private.staff_can_see_conversation(conversation_id)
$$;

--
-- Name: FUNCTION takes_part_in_conversation(conversation_id uuid); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.takes_part_in_conversation(conversation_id uuid) IS 'True for the conversation''s customer and for staff who can see the conversation.';

--
-- Name: ticket_search_candidates(tsquery, integer); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.ticket_search_candidates(query tsquery, cap integer) RETURNS TABLE(ticket_id uuid, rank real)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    SET enable_seqscan TO 'off'
    AS $$
declare
  caller uuid := auth.uid();
  staff boolean := private.is_staff();
begin
  if staff then
    return query
      select found.id, max(found.rank)::real from (
        (select ticket.id, ts_rank(ticket.search_vector, query) as rank
         from public.tickets ticket where ticket.search_vector @@ query limit cap)
        union all
        (select conversation.ticket_id, ts_rank(message.search_vector, query) * 0.8
         from public.messages message
         join public.conversations conversation on conversation.id = message.conversation_id
         where message.search_vector @@ query and conversation.ticket_id is not null
         limit cap)
      ) found group by found.id;
  elsif caller is not null then
    return query
      select found.id, max(found.rank)::real from (
        select ticket.id, ts_rank(ticket.search_vector, query) as rank
        from public.tickets ticket where ticket.customer_id = caller and ticket.search_vector @@ query
        union all
        select conversation.ticket_id, ts_rank(message.search_vector, query) * 0.8
        from public.conversations conversation
        join public.messages message on message.conversation_id = conversation.id
        where conversation.customer_id = caller and conversation.ticket_id is not null and not message.is_internal_note
          and message.search_vector @@ query
      ) found group by found.id;
  end if;
end;
$$;

--
-- Name: FUNCTION ticket_search_candidates(query tsquery, cap integer); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.ticket_search_candidates(query tsquery, cap integer) IS 'Full-text candidates for public.search_tickets (security definer so the GIN indexes apply; same visibility as the policies: staff all, a customer their own and never internal notes).';

--
-- Name: touch_conversation_on_message(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.touch_conversation_on_message() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  update public.conversations set last_message_at = new.created_at where id = new.conversation_id;
  return null;
end;
$$;

--
-- Name: FUNCTION touch_conversation_on_message(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.touch_conversation_on_message() IS 'After-insert trigger on messages: sets conversations.last_message_at.';

--
-- Name: touch_updated_at(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  new.updated_at := now();
  return new;
end;
$$;

--
-- Name: FUNCTION touch_updated_at(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.touch_updated_at() IS 'Before-update trigger: sets updated_at to now().';

--
-- Name: urgency_rank(text); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.urgency_rank(urgency text) RETURNS integer
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $$
begin
  return case urgency when 'high' then 0 when 'medium' then 1 when 'low' then 2 else 3 end;
end;
$$;

--
-- Name: FUNCTION urgency_rank(urgency text); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.urgency_rank(urgency text) IS 'Queue order of an urgency: high 0, medium 1, low 2, not yet triaged (null) 3. Immutable, so tickets_unassigned_queue_idx can index it.';

--
-- Name: wake_embed_worker(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.wake_embed_worker() RETURNS bigint
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$ select private.invoke_edge_function('embed', '{}'::jsonb, 60000) $$;

--
-- Name: FUNCTION wake_embed_worker(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.wake_embed_worker() IS 'Posts to the embed edge function (pg_net via private.invoke_edge_function); returns the pg_net request id or null.';

--
-- Name: wake_embed_worker_after_change(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.wake_embed_worker_after_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  perform private.wake_embed_worker();
  return null;
end;
$$;

--
-- Name: FUNCTION wake_embed_worker_after_change(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.wake_embed_worker_after_change() IS 'After-statement trigger on kb_articles: wakes the embed worker for the jobs the row triggers queued.';

--
-- Name: wake_embed_worker_if_due(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.wake_embed_worker_if_due() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if exists (
    select 1 from private.jobs job
    where job.kind = 'embed' and job.next_attempt_at <= now() and job.attempts < job.max_attempts
      and (job.status = 'queued' or (job.status = 'running' and job.locked_at < now() - interval '5 minutes'))
  ) then
    perform private.wake_embed_worker();
  end if;
end;
$$;

--
-- Name: FUNCTION wake_embed_worker_if_due(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.wake_embed_worker_if_due() IS 'Called by pg_cron every minute: wakes the embed worker when embed jobs are due.';

--
-- Name: wake_triage_worker(); Type: FUNCTION; Schema: private; Owner: -
--

CREATE FUNCTION private.wake_triage_worker() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  -- request_edge_function_wakeup answers "woken less than a second ago" with a plain read before anything else.
  if exists (select 1 from inserted_tickets ticket where ticket.triage_status = 'pending') then
    perform private.request_edge_function_wakeup('triage', jsonb_build_object('reason', 'tickets_inserted'), interval '1 second', 60000);
  end if;
  return null;
end;
$$;

--
-- Name: FUNCTION wake_triage_worker(); Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON FUNCTION private.wake_triage_worker() IS 'After-insert statement trigger on tickets: wakes the triage edge function (debounced to once a second) when pending tickets arrived.';

--
-- Name: apply_canned_reply_actions(uuid, uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.apply_canned_reply_actions(canned_reply_id uuid, ticket_id uuid) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  rendered record;
  thread_id uuid;
begin
  select * into rendered from public.render_canned_reply(canned_reply_id, ticket_id);
  if rendered.internal_note is not null and length(trim(rendered.internal_note)) > 0 then
    select coalesce(ticket.conversation_id, public.open_ticket_conversation(ticket.id)) into thread_id
    from public.tickets ticket where ticket.id = apply_canned_reply_actions.ticket_id;
    insert into public.messages (conversation_id, sender_id, role, content, is_internal_note)
    values (thread_id, auth.uid(), 'technician', rendered.internal_note, true);
  end if;
  if rendered.set_status is not null then
    update public.tickets ticket set status = rendered.set_status
    where ticket.id = apply_canned_reply_actions.ticket_id and ticket.status is distinct from rendered.set_status;
  end if;
end;
$$;

--
-- Name: FUNCTION apply_canned_reply_actions(canned_reply_id uuid, ticket_id uuid); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.apply_canned_reply_actions(canned_reply_id uuid, ticket_id uuid) IS 'Macro actions of a canned reply on a ticket: its internal note, then its status (as the caller, under their policies).';

--
-- Name: bulk_update_tickets(uuid[], text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.bulk_update_tickets(ticket_ids uuid[], action text, value text DEFAULT NULL::text) RETURNS TABLE(ticket_id uuid, done boolean, error text)
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
declare
  target uuid;
  changed integer;
  merged_note text;
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
    select format('ticket %s was merged into %s', ticket.number, coalesce(survivor.number, 'another ticket')) into merged_note
    from public.tickets ticket left join public.tickets survivor on survivor.id = ticket.merged_into
    where ticket.id = target and ticket.status = 'merged';
    if merged_note is not null then
      done := false; error := merged_note; return next; continue;
    end if;
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
$_$;

--
-- Name: FUNCTION bulk_update_tickets(ticket_ids uuid[], action text, value text); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.bulk_update_tickets(ticket_ids uuid[], action text, value text) IS 'Desk bulk action (assign, status, close) on up to 200 tickets, each under the caller''s policies and the lifecycle triggers in its own subtransaction; one row per ticket: done or the refusal (a merged ticket: merged into which).';

--
-- Name: claim_jobs(text, text, integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.claim_jobs(job_kind text, worker text, batch_size integer DEFAULT 10) RETURNS TABLE(id bigint, kind text, payload jsonb, attempts integer, max_attempts integer)
    LANGUAGE sql
    SET search_path TO ''
    AS $$
  select job.id, job.kind::text, job.payload, job.attempts, job.max_attempts
  from private.claim_jobs(job_kind::private.job_kind, worker, batch_size) job
$$;

--
-- Name: FUNCTION claim_jobs(job_kind text, worker text, batch_size integer); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.claim_jobs(job_kind text, worker text, batch_size integer) IS 'Worker RPC (service role): claims up to batch_size jobs of a kind.';

--
-- Name: claim_next_ticket(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.claim_next_ticket() RETURNS jsonb
    LANGUAGE sql
    SET search_path TO ''
    AS $$ select private.claim_next_ticket() $$;

--
-- Name: FUNCTION claim_next_ticket(); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.claim_next_ticket() IS 'Staff: claims the most urgent, oldest unassigned ticket (skipping ones being claimed concurrently). Same result shape as claim_ticket; ticket_id null when the queue is empty.';

--
-- Name: claim_ticket(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.claim_ticket(ticket_id uuid) RETURNS jsonb
    LANGUAGE sql
    SET search_path TO ''
    AS $$ select private.claim_ticket(ticket_id) $$;

--
-- Name: FUNCTION claim_ticket(ticket_id uuid); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.claim_ticket(ticket_id uuid) IS 'Staff: atomically assigns an unassigned ticket to the caller. Returns {claimed, ticket_id, number, status, assigned_to, assigned_to_name}; claimed=false names who holds it.';

--
-- Name: complete_job(bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.complete_job(job_id bigint) RETURNS void
    LANGUAGE sql
    SET search_path TO ''
    AS $$ select private.complete_job(job_id) $$;

--
-- Name: FUNCTION complete_job(job_id bigint); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.complete_job(job_id bigint) IS 'Worker RPC (service role): marks a job completed.';

--
-- Name: complete_troubleshooting_session(uuid, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.complete_troubleshooting_session(session_id uuid, outcome text) RETURNS uuid
    LANGUAGE sql
    SET search_path TO ''
    AS $$ select private.complete_troubleshooting_session(session_id, outcome) $$;

--
-- Name: FUNCTION complete_troubleshooting_session(session_id uuid, outcome text); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.complete_troubleshooting_session(session_id uuid, outcome text) IS 'Records a troubleshooting outcome (resolved / not_resolved / another_issue); returns the ticket id created for not_resolved.';

--
-- Name: correct_ticket_triage(uuid, text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.correct_ticket_triage(ticket_id uuid, field text, value text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $_$
declare
  ticket public.tickets;
  ai public.ticket_ai_results;
  current_value text;
  new_value text := trim(value);
begin
  if not private.is_staff() then
    raise exception 'only technicians and admins can correct triage' using errcode = '42501';
  end if;
  if field is null or field not in ('category', 'urgency', 'sentiment') then
    raise exception 'choose category, urgency or sentiment to correct' using errcode = '22023';
  end if;
  if field = 'category' and (new_value is null or new_value not in (select unnest(enum_range(null::public.ticket_category))::text)) then
    raise exception 'unknown category %', value using errcode = '22023';
  elsif field = 'urgency' and (new_value is null or new_value not in ('high', 'medium', 'low')) then
    raise exception 'urgency is high, medium or low' using errcode = '22023';
  elsif field = 'sentiment' and (new_value is null or new_value !~ '^(10|[1-9])$') then
    raise exception 'sentiment is a whole number from 1 to 10' using errcode = '22023';
  end if;

  select * into ticket from public.tickets where id = correct_ticket_triage.ticket_id for update;
  if ticket.id is null then
    raise exception 'no such ticket' using errcode = 'P0002';
  end if;
  select * into ai from public.ticket_ai_results result where result.ticket_id = ticket.id for update;

  current_value := case field when 'category' then ticket.category::text when 'urgency' then ticket.urgency::text
    else ai.sentiment_score::text end;
  if current_value is not distinct from new_value then
    return false;
  end if;

  insert into public.triage_corrections (ticket_id, field, from_value, to_value, corrected_by, model_version, provider)
  values (ticket.id, field, current_value, new_value, auth.uid(), ai.model, ai.provider);

  -- The result row keeps the corrected value (private.keep_corrected_triage) and its copy trigger sets the ticket;
  -- a ticket whose triage failed has no result row, so its own columns are set here.
  if ai.id is not null then
    update public.ticket_ai_results result set processed_at = result.processed_at where result.id = ai.id;
  elsif field = 'category' then
    update public.tickets set category = new_value::public.ticket_category where id = ticket.id;
  elsif field = 'urgency' then
    update public.tickets set urgency = new_value::public.ticket_urgency where id = ticket.id;
  end if;

  insert into public.ticket_events (ticket_id, actor_id, kind, details)
  values (ticket.id, auth.uid(), 'triage_corrected', jsonb_build_object('field', field, 'from', current_value, 'to', new_value,
    'model', ai.model, 'provider', ai.provider));
  return true;
end;
$_$;

--
-- Name: FUNCTION correct_ticket_triage(ticket_id uuid, field text, value text); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.correct_ticket_triage(ticket_id uuid, field text, value text) IS 'Staff correct a triage field (category, urgency or sentiment 1-10) of a ticket: one triage_corrections row and one timeline row per change, none when the value is unchanged (returns false). Later re-triage keeps the value.';

--
-- Name: desk_performance(integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.desk_performance(days integer DEFAULT 30) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  window_start timestamptz;
begin
  perform private.require_admin('the desk figures');
  window_start := private.report_window_start(days);
  return jsonb_build_object(
    'days', days,
    'sla', (
      select jsonb_build_object(
        'first_response_met', count(*) filter (where first_met),
        'first_response_missed', count(*) filter (where first_met = false),
        'resolution_met', count(*) filter (where resolution_met),
        'resolution_missed', count(*) filter (where resolution_met = false))
      from (
        select
          case when ticket.first_responded_at is not null then ticket.first_responded_at <= ticket.first_response_due_at
               when ticket.first_response_due_at < now() then false end as first_met,
          case when ticket.resolved_at is not null then ticket.resolved_at <= ticket.resolution_due_at
               when ticket.resolution_due_at < now() and ticket.sla_paused_at is null then false end as resolution_met
        from public.tickets ticket
        where ticket.created_at >= window_start and ticket.sla_policy_id is not null
      ) decided),
    'csat', (
      select jsonb_build_object('ratings', count(*), 'satisfied', count(*) filter (where rating.rating >= 4))
      from public.ticket_ratings rating where rating.created_at >= window_start),
    'csat_by_day', coalesce((
      select jsonb_agg(jsonb_build_object('day', to_char(day, 'YYYY-MM-DD'), 'ratings', ratings, 'satisfied', satisfied) order by day)
      from (
        select date_trunc('day', rating.created_at) as day, count(*) as ratings, count(*) filter (where rating.rating >= 4) as satisfied
        from public.ticket_ratings rating where rating.created_at >= window_start group by 1
      ) per_day), '[]'::jsonb),
    'technicians', coalesce((
      select jsonb_agg(jsonb_build_object(
        'technician_id', person.id,
        'name', coalesce(nullif(trim(person.full_name), ''), person.email),
        'open_load', (select count(*) from public.tickets ticket where ticket.assigned_to = person.id
                       and ticket.status in ('assigned', 'in_progress', 'waiting_on_customer')),
        'first_response_median_minutes', (
          select round((percentile_cont(0.5) within group (order by extract(epoch from ticket.first_responded_at - ticket.created_at)) / 60)::numeric, 1)
          from public.tickets ticket where ticket.assigned_to = person.id and ticket.created_at >= window_start and ticket.first_responded_at is not null),
        'resolution_median_minutes', (
          select round((percentile_cont(0.5) within group (order by extract(epoch from ticket.resolved_at - ticket.created_at)) / 60)::numeric, 1)
          from public.tickets ticket where ticket.assigned_to = person.id and ticket.created_at >= window_start and ticket.resolved_at is not null),
        'ratings', (select count(*) from public.ticket_ratings rating where rating.technician_id = person.id and rating.created_at >= window_start),
        'satisfied', (select count(*) from public.ticket_ratings rating where rating.technician_id = person.id and rating.created_at >= window_start and rating.rating >= 4),
        'sla_met', (select count(*) from public.tickets ticket where ticket.assigned_to = person.id and ticket.created_at >= window_start
                     and ticket.resolved_at is not null and ticket.resolved_at <= ticket.resolution_due_at),
        'sla_missed', (select count(*) from public.tickets ticket where ticket.assigned_to = person.id and ticket.created_at >= window_start
                     and ((ticket.resolved_at is not null and ticket.resolved_at > ticket.resolution_due_at) or ticket.resolution_breached_at is not null))
      ) order by coalesce(nullif(trim(person.full_name), ''), person.email))
      from public.profiles person where person.role = 'technician'), '[]'::jsonb)
  );
end;
$$;

--
-- Name: FUNCTION desk_performance(days integer); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.desk_performance(days integer) IS 'Admin-only desk figures over the last `days` days: SLA attainment, CSAT overall and per day, per technician medians, CSAT, open load and SLA attainment.';

--
-- Name: fail_job(bigint, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.fail_job(job_id bigint, error text) RETURNS void
    LANGUAGE sql
    SET search_path TO ''
    AS $$ select private.fail_job(job_id, error) $$;

--
-- Name: FUNCTION fail_job(job_id bigint, error text); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.fail_job(job_id bigint, error text) IS 'Worker RPC (service role): records a failed attempt.';

--
-- Name: help_article_feedback(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.help_article_feedback() RETURNS TABLE(article_id uuid, slug text, title text, helpful_votes integer, unhelpful_votes integer, helpful_share real, comment_count integer, recent_comments text[])
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if not private.is_admin() then
    raise exception 'Only admins can read article feedback' using errcode = '42501';
  end if;
  return query
    select article.id, article.slug, article.title,
      count(*) filter (where vote.helpful)::integer,
      count(*) filter (where not vote.helpful)::integer,
      (count(*) filter (where vote.helpful)::real / count(*))::real,
      count(vote.comment)::integer,
      (array_agg(vote.comment order by vote.updated_at desc, vote.id desc) filter (where vote.comment is not null))[1:3]
    from public.kb_article_votes vote
    join public.kb_articles article on article.id = vote.article_id
    group by article.id, article.slug, article.title
    order by count(*) desc, article.title;
end;
$$;

--
-- Name: FUNCTION help_article_feedback(); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.help_article_feedback() IS 'Admin-only: "Was this helpful?" figures per article (yes, no, share of yes, comments and the latest three); the votes themselves stay unreadable.';

--
-- Name: help_search_gaps(integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.help_search_gaps(max_results integer DEFAULT 50) RETURNS TABLE(query text, search_count integer, first_seen_at timestamp with time zone, last_seen_at timestamp with time zone)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if not private.is_admin() then
    raise exception 'Only admins can read the searches that found nothing' using errcode = '42501';
  end if;
  if max_results is null or max_results < 1 or max_results > 500 then
    raise exception 'max_results must be between 1 and 500' using errcode = '22023';
  end if;
  return query
    select miss.query, miss.search_count, miss.first_seen_at, miss.last_seen_at
    from private.help_search_misses miss
    order by miss.search_count desc, miss.last_seen_at desc, miss.query
    limit max_results;
end;
$$;

--
-- Name: FUNCTION help_search_gaps(max_results integer); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.help_search_gaps(max_results integer) IS 'Admin-only: help-centre searches that found no article (normalised), most frequent first: the content gaps to write next.';

--
-- Name: mark_conversation_read(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.mark_conversation_read(conversation_id uuid) RETURNS timestamp with time zone
    LANGUAGE sql
    SET search_path TO ''
    AS $$
  insert into public.conversation_read_markers as marker (conversation_id, user_id, last_read_at)
  values (mark_conversation_read.conversation_id, auth.uid(), now())
  on conflict (conversation_id, user_id) do update
    set last_read_at = greatest(marker.last_read_at, excluded.last_read_at)
  returning last_read_at
$$;

--
-- Name: FUNCTION mark_conversation_read(conversation_id uuid); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.mark_conversation_read(conversation_id uuid) IS 'Marks a conversation read up to now for the signed-in user (RLS applies); returns the marker.';

--
-- Name: match_guides(text, integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.match_guides(description text, match_count integer DEFAULT 3) RETURNS TABLE(guide_id uuid, slug text, title text, guide_description text, text_score real, fuzzy_score real, score real, confident boolean)
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  with published as (
    select guide.id, guide.title, guide.description, guide.symptoms
    from public.guides guide
    where guide.is_published
  ),
  fields as (
    select published.id as guide_id, 1.0 as weight,
      to_tsvector('english'::regconfig, published.title || ' ' || array_to_string(published.symptoms, ' ')) as document
    from published
    union all
    select published.id, 0.6, to_tsvector('english'::regconfig, published.description) from published
    union all
    select step.guide_id, 0.3, to_tsvector('english'::regconfig, string_agg(step.instruction, ' '))
    from public.guide_steps step
    join published on published.id = step.guide_id
    group by step.guide_id
  ),
  guide_lexemes as (
    select fields.guide_id, lexeme, max(fields.weight) as weight
    from fields, unnest(tsvector_to_array(fields.document)) lexeme
    group by fields.guide_id, lexeme
  ),
  idf as (
    select guide_lexemes.lexeme,
      ln(1 + ((select count(*) from published) - count(*) + 0.5) / (count(*) + 0.5)) as value
    from guide_lexemes
    group by guide_lexemes.lexeme
  ),
  query_lexemes as (
    select distinct lexeme
    from unnest(tsvector_to_array(to_tsvector('english'::regconfig, private.expand_guide_query(match_guides.description)))) lexeme
  ),
  credits as (
    -- Each query lexeme's best credit in each guide: the same lexeme, or a near-miss by trigram similarity.
    select query_lexemes.lexeme as query_lexeme, guide_lexemes.guide_id,
      max(guide_lexemes.weight * idf.value * case when guide_lexemes.lexeme = query_lexemes.lexeme then 1.0
        else extensions.similarity(query_lexemes.lexeme, guide_lexemes.lexeme) end) as credit,
      bool_or(guide_lexemes.lexeme = query_lexemes.lexeme) as exact
    from query_lexemes
    join guide_lexemes on guide_lexemes.lexeme = query_lexemes.lexeme
      or (length(query_lexemes.lexeme) >= 4 and extensions.similarity(query_lexemes.lexeme, guide_lexemes.lexeme) >= 0.5)
    join idf on idf.lexeme = guide_lexemes.lexeme
    group by query_lexemes.lexeme, guide_lexemes.guide_id
  ),
  best_possible as (
    -- What a guide matching every query lexeme in its title would score. A word no guide knows counts at half the
    -- rarest word's weight: chatty descriptions still score, while a description of something no guide covers scores low.
    select coalesce(sum(coalesce(known.value, 0.5 * (select max(idf.value) from idf))), 0) as value
    from query_lexemes
    left join idf known on known.lexeme = query_lexemes.lexeme
  ),
  scored as (
    select published.id, published.title, published.description,
      coalesce(sum(credits.credit) filter (where credits.exact), 0) as exact_credit,
      coalesce(sum(credits.credit) filter (where not credits.exact), 0) as fuzzy_credit
    from published
    join credits on credits.guide_id = published.id
    group by published.id, published.title, published.description
  ),
  ranked as (
    select scored.*,
      (scored.exact_credit + scored.fuzzy_credit) / nullif((select best_possible.value from best_possible), 0) as score,
      row_number() over (order by scored.exact_credit + scored.fuzzy_credit desc, scored.title, scored.id) as rank,
      lead(scored.exact_credit + scored.fuzzy_credit) over (order by scored.exact_credit + scored.fuzzy_credit desc, scored.title, scored.id)
        / nullif((select best_possible.value from best_possible), 0) as runner_up_score
    from scored
  )
  select ranked.id, guide.slug, ranked.title, ranked.description,
    (ranked.exact_credit / nullif((select best_possible.value from best_possible), 0))::real,
    (ranked.fuzzy_credit / nullif((select best_possible.value from best_possible), 0))::real,
    ranked.score::real,
    ranked.rank = 1 and ranked.score >= 0.35 and ranked.score >= 1.25 * coalesce(ranked.runner_up_score, 0)
  from ranked
  join public.guides guide on guide.id = ranked.id
  where ranked.rank <= greatest(least(coalesce(match_guides.match_count, 3), 50), 1)
  order by ranked.rank
$$;

--
-- Name: FUNCTION match_guides(description text, match_count integer); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.match_guides(description text, match_count integer) IS 'Best published guides for a problem description: idf-weighted full text over title / symptoms / description / steps plus trigram near-misses, score 0..1, confident when clearly ahead.';

--
-- Name: merge_tickets(uuid, uuid, boolean); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.merge_tickets(duplicate uuid, survivor uuid, confirm_cross_customer boolean DEFAULT false) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  duplicate_ticket public.tickets;
  survivor_ticket public.tickets;
  cross_customer boolean;
  survivor_conversation uuid;
  moved_messages integer := 0;
  moved_events integer;
  moved_work_orders integer;
begin
  if not private.is_staff() then
    raise exception 'only technicians and admins can merge tickets' using errcode = '42501';
  end if;
  if duplicate is null or survivor is null or duplicate = survivor then
    raise exception 'choose two different tickets to merge' using errcode = '22023';
  end if;
  -- Both rows locked in one order, so two merges of the same pair cannot deadlock.
  perform 1 from public.tickets t where t.id in (duplicate, survivor) order by t.id for update;
  select * into duplicate_ticket from public.tickets t where t.id = duplicate;
  select * into survivor_ticket from public.tickets t where t.id = survivor;
  if duplicate_ticket.id is null or survivor_ticket.id is null then
    raise exception 'no such ticket' using errcode = 'P0002';
  end if;
  if duplicate_ticket.status in ('closed', 'merged') then
    raise exception 'ticket % is % and cannot be merged', duplicate_ticket.number, duplicate_ticket.status using errcode = '23514';
  end if;
  if survivor_ticket.status in ('closed', 'merged') then
    raise exception 'ticket % is % and cannot take a merge', survivor_ticket.number, survivor_ticket.status using errcode = '23514';
  end if;
  cross_customer := duplicate_ticket.customer_id <> survivor_ticket.customer_id;
  if cross_customer and not coalesce(confirm_cross_customer, false) then
    raise exception 'tickets % and % belong to different customers: confirm to merge them', duplicate_ticket.number, survivor_ticket.number
      using errcode = 'P0001';
  end if;

  -- Messages move only between one customer's tickets: another customer must never read them (decision 0019).
  if not cross_customer and duplicate_ticket.conversation_id is not null then
    survivor_conversation := survivor_ticket.conversation_id;
    if survivor_conversation is null then
      -- The duplicate's conversation becomes the survivor's: nothing needs to move.
      update public.conversations conversation set ticket_id = survivor_ticket.id where conversation.id = duplicate_ticket.conversation_id;
      update public.tickets t set conversation_id = null where t.id = duplicate_ticket.id;
      update public.tickets t set conversation_id = duplicate_ticket.conversation_id where t.id = survivor_ticket.id;
      select count(*) into moved_messages from public.messages message where message.conversation_id = duplicate_ticket.conversation_id;
    else
      update public.messages message set conversation_id = survivor_conversation where message.conversation_id = duplicate_ticket.conversation_id;
      get diagnostics moved_messages = row_count;
      update public.conversations conversation set last_message_at = greatest(conversation.last_message_at,
        (select max(message.created_at) from public.messages message where message.conversation_id = survivor_conversation))
      where conversation.id = survivor_conversation;
    end if;
  end if;

  update public.ticket_events event set ticket_id = survivor_ticket.id where event.ticket_id = duplicate_ticket.id;
  get diagnostics moved_events = row_count;
  -- Work orders too: their customer reads them (parts, totals), so they stay with their own customer's ticket.
  if cross_customer then
    moved_work_orders := 0;
  else
    update public.work_orders work_order set ticket_id = survivor_ticket.id where work_order.ticket_id = duplicate_ticket.id;
    get diagnostics moved_work_orders = row_count;
  end if;

  update public.tickets t set status = 'merged', merged_into = survivor_ticket.id where t.id = duplicate_ticket.id;
  delete from public.possible_duplicates flagged where flagged.ticket_id = duplicate_ticket.id;

  insert into public.ticket_events (ticket_id, actor_id, kind, details) values
    (duplicate_ticket.id, auth.uid(), 'merged', jsonb_build_object('survivor_id', survivor_ticket.id, 'survivor_number', survivor_ticket.number,
      'cross_customer', cross_customer)),
    (survivor_ticket.id, auth.uid(), 'merged', jsonb_build_object('duplicate_id', duplicate_ticket.id, 'duplicate_number', duplicate_ticket.number,
      'cross_customer', cross_customer, 'moved_messages', moved_messages, 'moved_events', moved_events, 'moved_work_orders', moved_work_orders));
  insert into public.analytics_events (event_type, user_id, ticket_id, metadata)
  values ('tickets_merged', auth.uid(), survivor_ticket.id, jsonb_build_object('duplicate_id', duplicate_ticket.id, 'cross_customer', cross_customer,
    'moved_messages', moved_messages, 'moved_events', moved_events, 'moved_work_orders', moved_work_orders));

  return jsonb_build_object('survivor_id', survivor_ticket.id, 'survivor_number', survivor_ticket.number, 'cross_customer', cross_customer,
    'moved_messages', moved_messages, 'moved_events', moved_events, 'moved_work_orders', moved_work_orders);
end;
$$;

--
-- Name: FUNCTION merge_tickets(duplicate uuid, survivor uuid, confirm_cross_customer boolean); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.merge_tickets(duplicate uuid, survivor uuid, confirm_cross_customer boolean) IS 'Staff merge a duplicate ticket into a survivor: its timeline rows move, and its messages and work orders too when both are the same customer''s; it becomes merged with merged_into set, both timelines and analytics say so. Refused across customers unless confirm_cross_customer, and for closed or merged tickets.';

--
-- Name: open_follow_up_ticket(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.open_follow_up_ticket(session_id uuid) RETURNS TABLE(ticket_id uuid, ticket_number text, already_open boolean)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  session public.troubleshooting_sessions;
  customer public.profiles;
  existing public.tickets;
  outcome text;
begin
  if not coalesce(private.is_admin(), false) then
    raise exception 'only admins can open follow-up tickets' using errcode = '42501';
  end if;
  select * into session from public.troubleshooting_sessions s where s.id = session_id for update;
  if not found then
    raise exception 'troubleshooting session % not found', session_id using errcode = 'P0002';
  end if;
  select * into existing from public.tickets ticket where ticket.troubleshooting_session_id = session.id;
  if found then
    return query select existing.id, existing.number, true;
    return;
  end if;
  outcome := private.guided_fix_outcome(session);
  if outcome not in ('wrong_guide', 'abandoned') then
    raise exception 'only a guided fix that ended unresolved without a ticket needs a follow-up (this one is %)', replace(outcome, '_', ' ')
      using errcode = '23514';
  end if;
  select * into customer from public.profiles profile where profile.id = session.customer_id;
  -- Through public.open_ticket, the one way a ticket opens (its triggers and triage apply as for any other).
  return query
  select opened.id, opened.number, false
  from public.open_ticket(
    customer_id => session.customer_id,
    contact_email => customer.email,
    contact_phone => customer.phone,
    subject => left('Follow-up: ' || coalesce(session.guide_title, session.issue_description), 200),
    content => session.issue_description || coalesce(E'\n\nGuide: ' || session.guide_title, '')
      || E'\n\nOpened by support as a follow-up: the guided fix ended '
      || case outcome when 'wrong_guide' then 'with "this is another issue".' else 'without an answer.' end,
    channel => 'troubleshooting',
    troubleshooting_session_id => session.id,
    customer_vehicle_id => session.customer_vehicle_id
  ) opened;
end;
$$;

--
-- Name: FUNCTION open_follow_up_ticket(session_id uuid); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.open_follow_up_ticket(session_id uuid) IS 'Admin action from the standing reports: opens a ticket for a guided fix that ended unresolved (wrong guide, left) without one; one per session (already_open).';

--
-- Name: open_ticket(text, text, public.ticket_channel, public.ticket_priority, text, text, uuid, integer, text, text, text, uuid, uuid, uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.open_ticket(subject text, content text, channel public.ticket_channel, priority public.ticket_priority DEFAULT 'normal'::public.ticket_priority, contact_email text DEFAULT NULL::text, contact_phone text DEFAULT NULL::text, customer_vehicle_id uuid DEFAULT NULL::uuid, vehicle_year integer DEFAULT NULL::integer, vehicle_make text DEFAULT NULL::text, vehicle_model text DEFAULT NULL::text, vin text DEFAULT NULL::text, conversation_id uuid DEFAULT NULL::uuid, troubleshooting_session_id uuid DEFAULT NULL::uuid, customer_id uuid DEFAULT NULL::uuid) RETURNS TABLE(id uuid, number text, already_open boolean)
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  ticket_customer_id uuid := coalesce(open_ticket.customer_id, auth.uid());
begin
  already_open := false;
  if open_ticket.conversation_id is null then
    -- A plain insert: a speculative one (`on conflict`) costs a second pass over the unique index.
    insert into public.tickets as ticket (customer_id, contact_email, contact_phone, subject, content, channel, priority,
      customer_vehicle_id, vehicle_year, vehicle_make, vehicle_model, vin, troubleshooting_session_id)
    values (ticket_customer_id, open_ticket.contact_email, open_ticket.contact_phone, open_ticket.subject,
      open_ticket.content, open_ticket.channel, open_ticket.priority, open_ticket.customer_vehicle_id,
      open_ticket.vehicle_year, open_ticket.vehicle_make, open_ticket.vehicle_model, open_ticket.vin,
      open_ticket.troubleshooting_session_id)
    returning ticket.id, ticket.number into open_ticket.id, open_ticket.number;
    return next;
    return;
  end if;

  insert into public.tickets as ticket (customer_id, contact_email, contact_phone, subject, content, channel, priority,
    customer_vehicle_id, vehicle_year, vehicle_make, vehicle_model, vin, troubleshooting_session_id, conversation_id)
  values (ticket_customer_id, open_ticket.contact_email, open_ticket.contact_phone, open_ticket.subject,
    open_ticket.content, open_ticket.channel, open_ticket.priority, open_ticket.customer_vehicle_id,
    open_ticket.vehicle_year, open_ticket.vehicle_make, open_ticket.vehicle_model, open_ticket.vin,
    open_ticket.troubleshooting_session_id, open_ticket.conversation_id)
  on conflict on constraint tickets_conversation_id_key do nothing
  returning ticket.id, ticket.number into open_ticket.id, open_ticket.number;
  if not found then
    select ticket.id, ticket.number into open_ticket.id, open_ticket.number
    from public.tickets ticket where ticket.conversation_id = open_ticket.conversation_id;
    if not found then
      raise exception 'the conversation has a ticket the customer cannot read';
    end if;
    already_open := true;
  end if;
  return next;
end;
$$;

--
-- Name: FUNCTION open_ticket(subject text, content text, channel public.ticket_channel, priority public.ticket_priority, contact_email text, contact_phone text, customer_vehicle_id uuid, vehicle_year integer, vehicle_make text, vehicle_model text, vin text, conversation_id uuid, troubleshooting_session_id uuid, customer_id uuid); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.open_ticket(subject text, content text, channel public.ticket_channel, priority public.ticket_priority, contact_email text, contact_phone text, customer_vehicle_id uuid, vehicle_year integer, vehicle_make text, vehicle_model text, vin text, conversation_id uuid, troubleshooting_session_id uuid, customer_id uuid) IS 'Opens a ticket (security invoker: the caller''s policies and the insert triggers apply) and returns its id and number; with a conversation_id, at most one per conversation (already_open when it existed).';

--
-- Name: open_ticket_conversation(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.open_ticket_conversation(ticket_id uuid) RETURNS uuid
    LANGUAGE sql
    SET search_path TO ''
    AS $$ select private.open_ticket_conversation(ticket_id) $$;

--
-- Name: FUNCTION open_ticket_conversation(ticket_id uuid); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.open_ticket_conversation(ticket_id uuid) IS 'The ticket''s conversation, created for its customer when it has none; for the assigned technician or an admin.';

--
-- Name: release_ticket(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.release_ticket(ticket_id uuid) RETURNS jsonb
    LANGUAGE sql
    SET search_path TO ''
    AS $$ select private.release_ticket(ticket_id) $$;

--
-- Name: FUNCTION release_ticket(ticket_id uuid); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.release_ticket(ticket_id uuid) IS 'Staff: the assignee (or an admin) returns an assigned or in-progress ticket to the unassigned queue. Same result shape as claim_ticket.';

--
-- Name: render_canned_reply(uuid, uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.render_canned_reply(canned_reply_id uuid, ticket_id uuid) RETURNS TABLE(body text, set_status text, internal_note text)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  reply public.canned_replies;
  ticket public.tickets;
  customer_name text;
  technician_name text;
begin
  select * into reply from public.canned_replies canned where canned.id = render_canned_reply.canned_reply_id;
  if not found then
    raise exception 'canned reply % not found', canned_reply_id using errcode = 'P0002';
  end if;
  select * into ticket from public.tickets t where t.id = render_canned_reply.ticket_id;
  if not found then
    raise exception 'ticket % not found', ticket_id using errcode = 'P0002';
  end if;
  select nullif(trim(profile.full_name), '') into customer_name from public.profiles profile where profile.id = ticket.customer_id;
  select nullif(trim(profile.full_name), '') into technician_name from public.profiles profile where profile.id = auth.uid();
  body := private.fill_canned_reply_variables(reply.body, ticket.number, ticket.subject, customer_name, technician_name);
  internal_note := private.fill_canned_reply_variables(reply.internal_note, ticket.number, ticket.subject, customer_name, technician_name);
  set_status := reply.set_status;
  return next;
end;
$$;

--
-- Name: FUNCTION render_canned_reply(canned_reply_id uuid, ticket_id uuid); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.render_canned_reply(canned_reply_id uuid, ticket_id uuid) IS 'A canned reply filled in for a ticket (variables replaced), with the status it sets and its internal note; runs as the caller.';

--
-- Name: reply_to_my_ticket(uuid, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.reply_to_my_ticket(ticket_id uuid, content text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  ticket public.tickets;
  thread_id uuid;
  owner_ticket_id uuid;
begin
  if content is null or length(trim(content)) = 0 or length(content) > 10000 then
    raise exception 'a reply needs between 1 and 10000 characters' using errcode = '22023';
  end if;
  select * into ticket from public.tickets t where t.id = reply_to_my_ticket.ticket_id and t.customer_id = auth.uid() for update;
  if not found then
    raise exception 'ticket % not found', reply_to_my_ticket.ticket_id using errcode = 'P0002';
  end if;
  thread_id := ticket.conversation_id;
  if thread_id is null then
    insert into public.conversations (customer_id, title, channel, assigned_technician_id, ticket_id)
    values (ticket.customer_id, left(ticket.number || ': ' || ticket.subject, 200), 'chat', ticket.assigned_to, ticket.id)
    returning id into thread_id;
    update public.tickets t set conversation_id = thread_id where t.id = ticket.id;
  end if;
  insert into public.messages (conversation_id, sender_id, role, content)
  values (thread_id, auth.uid(), 'user', reply_to_my_ticket.content);
  select c.ticket_id into owner_ticket_id from public.conversations c where c.id = thread_id;
  return coalesce(owner_ticket_id, ticket.id);
end;
$$;

--
-- Name: FUNCTION reply_to_my_ticket(ticket_id uuid, content text); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.reply_to_my_ticket(ticket_id uuid, content text) IS 'A customer''s reply on their ticket page: opens the ticket''s conversation if needed, writes the message as the customer; returns the ticket owning the thread (a follow-up when the ticket was closed).';

--
-- Name: requeue_ticket_triage(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.requeue_ticket_triage(ticket_id uuid) RETURNS void
    LANGUAGE sql
    SET search_path TO ''
    AS $$ select private.requeue_ticket_triage(ticket_id) $$;

--
-- Name: FUNCTION requeue_ticket_triage(ticket_id uuid); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.requeue_ticket_triage(ticket_id uuid) IS 'Staff: moves an ai_failed ticket back to pending with a fresh triage job (attempts from zero) and wakes the worker.';

--
-- Name: search_help(text, integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.search_help(query_text text, max_results integer DEFAULT 10) RETURNS TABLE(article_id uuid, slug text, title text, score real)
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if max_results is null or max_results < 1 or max_results > 50 then
    raise exception 'max_results must be between 1 and 50' using errcode = '22023';
  end if;
  return query
    select article.id, article.slug, article.title, candidate.score
    from private.help_search_candidates(query_text, max_results, 0.4) candidate
    join public.kb_articles article on article.id = candidate.article_id
    where article.is_published
    order by candidate.score desc, article.title;
  if not found then
    perform private.record_help_search_miss(query_text);
  end if;
end;
$$;

--
-- Name: FUNCTION search_help(query_text text, max_results integer); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.search_help(query_text text, max_results integer) IS 'Help-centre search: published articles for the words (typo-tolerant by trigram, idf-weighted by field), best first, only those scoring at least 40 % of the best; rows pass the caller''s RLS. A search that finds nothing is recorded (public.help_search_gaps).';

--
-- Name: search_kb(text, extensions.vector, text, integer, text, text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.search_kb(query_text text, query_embedding extensions.vector, embedding_model text, match_count integer DEFAULT 10, solution_area text DEFAULT NULL::text, category text DEFAULT NULL::text, vehicle_context text DEFAULT NULL::text) RETURNS TABLE(article_id uuid, slug text, title text, chunk_id bigint, chunk_content text, vector_score real, text_score real, fused_score double precision)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    SET "hnsw.ef_search" TO '220'
    SET "hnsw.iterative_scan" TO 'off'
    SET plan_cache_mode TO 'force_generic_plan'
    AS $$
#variable_conflict use_column
declare
  -- Candidates each side hands the fusion: more than asked for, so an item strong on one side only survives.
  candidate_count integer := least(greatest(least(coalesce(search_kb.match_count, 10), 200), 1) * 4 + 20, 200);
  nearest_ids bigint[] := '{}';
  nearest_distances double precision[] := '{}';
begin
  -- The vector side first, into arrays. An iterative HNSW scan (pgvector 0.8) keeps walking when RLS or the filters
  -- discard rows, but it costs every search half as much again as the plain walk (19 against 34 ms of backend CPU
  -- at ef_search 250 on 100,000 chunks), and ef_search already yields enough rows unless most of the nearest are
  -- discarded. So the plain walk runs first, and the iterative one only when the plain one came back short.
  if search_kb.query_embedding is not null then
    for attempt in 1..2 loop
      if attempt = 2 then
        -- Local to this call: the function's own SET clauses are restored when it returns.
        perform pg_catalog.set_config('hnsw.iterative_scan', 'relaxed_order', true);
      end if;
      select coalesce(array_agg(ranked.id order by ranked.rank), '{}'), coalesce(array_agg(ranked.distance order by ranked.rank), '{}')
      into nearest_ids, nearest_distances
      from (
        select nearest.id, nearest.distance, row_number() over (order by nearest.distance, nearest.id) as rank
        from (
          select chunk.id, chunk.embedding::extensions.halfvec(384) operator(extensions.<#>) search_kb.query_embedding::extensions.halfvec(384) as distance
          from public.kb_chunks chunk
          where chunk.embedding_model = search_kb.embedding_model
            -- Without filters (most searches) the per-chunk filter function is not called at all.
            and ((search_kb.solution_area is null and search_kb.category is null and search_kb.vehicle_context is null)
                 or private.kb_article_matches_filters(chunk.article_id, search_kb.solution_area, search_kb.category, search_kb.vehicle_context))
          order by chunk.embedding::extensions.halfvec(384) operator(extensions.<#>) search_kb.query_embedding::extensions.halfvec(384)
          -- A constant limit (the most candidates any call uses): with a parameter here the planner cannot tell a
          -- small top-k from a large one and may sort every chunk by exact distance instead of walking the index.
          limit 200
        ) nearest
      ) ranked
      -- The window's run condition stops the scan once enough candidates came through.
      where ranked.rank <= candidate_count;
      exit when cardinality(nearest_ids) >= candidate_count;
    end loop;
  end if;

  return query
  with terms as (
    select array(
      select '''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''''
      from unnest(tsvector_to_array(to_tsvector('english'::regconfig, coalesce(search_kb.query_text, '')))) lexeme
    ) as quoted,
    tsvector_to_array(to_tsvector('english'::regconfig, coalesce(search_kb.query_text, ''))) as lexemes
  ),
  settings as (
    select
      greatest(least(coalesce(search_kb.match_count, 10), 200), 1) as match_count,
      nullif(array_to_string(terms.quoted, ' | '), '') as or_query,
      -- The full-text side ranks at most 400 matches; a term the statistics put in more chunks than that matches
      -- only together with the others.
      private.kb_full_text_match_query(terms.lexemes, 400) as match_query,
      nullif(array_to_string(terms.quoted, ' & '), '') as title_query
    from terms
  ),
  vector_matches as (
    select nearest.id, nearest.distance, nearest.rank
    from unnest(nearest_ids, nearest_distances) with ordinality as nearest(id, distance, rank)
  ),
  text_matches as (
    select candidate.chunk_id as id, candidate.text_rank, row_number() over (order by candidate.text_rank desc, candidate.chunk_id) as rank
    -- At most 400 matches are ranked: ranking is linear in the matches.
    from settings, private.kb_full_text_candidates(settings.match_query, settings.or_query::tsquery, candidate_count,
      search_kb.solution_area, search_kb.category, search_kb.vehicle_context, 400) candidate
    where settings.match_query is not null
  ),
  title_matches as (
    select candidate.chunk_id as id, row_number() over (order by candidate.title_length, candidate.chunk_index, candidate.chunk_id) as rank
    from settings, private.kb_title_word_candidates(settings.title_query::tsquery, candidate_count,
      search_kb.solution_area, search_kb.category, search_kb.vehicle_context) candidate
    where settings.title_query is not null
  ),
  fused as (
    select
      coalesce(vector_matches.id, text_matches.id, title_matches.id) as id,
      vector_matches.distance,
      text_matches.text_rank,
      coalesce(1.0 / (60 + vector_matches.rank), 0) + coalesce(1.0 / (60 + text_matches.rank), 0)
        + coalesce(1.0 / (60 + title_matches.rank), 0) as score,
      least(vector_matches.rank, text_matches.rank, title_matches.rank) as best_rank
    from vector_matches
    full outer join text_matches on text_matches.id = vector_matches.id
    full outer join title_matches on title_matches.id = coalesce(vector_matches.id, text_matches.id)
  ),
  -- A constant bound again (match_count is at most 200): the read-back below then looks chunks up by primary key
  -- instead of hashing the whole table.
  best as (
    select fused.* from fused order by fused.score desc, fused.best_rank, fused.id limit 200
  )
  select
    chunk.article_id,
    article.slug,
    article.title,
    chunk.id,
    chunk.content,
    -- Inner product distance is the negated dot product: the cosine similarity of unit vectors.
    (-fused.distance)::real,
    fused.text_rank::real,
    fused.score::double precision
  from best fused
  join public.kb_chunks chunk on chunk.id = fused.id
  join public.kb_articles article on article.id = chunk.article_id
  order by fused.score desc, fused.best_rank, fused.id
  limit (select settings.match_count from settings);
end;
$$;

--
-- Name: FUNCTION search_kb(query_text text, query_embedding extensions.vector, embedding_model text, match_count integer, solution_area text, category text, vehicle_context text); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.search_kb(query_text text, query_embedding extensions.vector, embedding_model text, match_count integer, solution_area text, category text, vehicle_context text) IS 'Hybrid KB search (HNSW inner product at ef_search 220 + weighted full text + whole-title matches, reciprocal-rank fusion) under the caller''s RLS. Filters keep generic articles (null area / vehicle).';

--
-- Name: search_tickets(text, integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.search_tickets(query_text text, max_results integer DEFAULT 20) RETURNS TABLE(ticket_id uuid, number text, subject text, status text, rank real)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  query tsquery := websearch_to_tsquery('english', coalesce(query_text, ''));
begin
  if max_results is null or max_results < 1 or max_results > 100 then
    raise exception 'max_results must be between 1 and 100' using errcode = '22023';
  end if;
  if numnode(query) = 0 then
    return;
  end if;
  return query
    select ticket.id, ticket.number, ticket.subject, ticket.status::text, candidate.rank
    from private.ticket_search_candidates(query, 400) candidate
    join public.tickets ticket on ticket.id = candidate.ticket_id
    order by candidate.rank desc, ticket.created_at desc, ticket.id
    limit max_results;
end;
$$;

--
-- Name: FUNCTION search_tickets(query_text text, max_results integer); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.search_tickets(query_text text, max_results integer) IS 'Full-text ticket search over subject, description and messages, ranked; the returned rows pass the caller''s RLS.';

--
-- Name: standing_reports(integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.standing_reports(days integer DEFAULT 30) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  window_start timestamptz;
  events jsonb;
  figures jsonb;
begin
  perform private.require_admin('the standing reports');
  window_start := private.report_window_start(days);
  events := private.standing_report_events(window_start);

  with
  ended as materialized (
    select session.id, session.customer_id, session.guide_id, coalesce(guide.title, session.guide_title) as guide_title,
      guide.solution_area, session.issue_description, session.completed_at,
      private.guided_fix_outcome(session) as outcome,
      (select count(*) from public.troubleshooting_session_steps step where step.session_id = session.id and step.attempted)::integer as steps_tried
    from public.troubleshooting_sessions session
    left join public.guides guide on guide.id = session.guide_id
    where session.completed_at >= window_start
  ),
  -- A chat "ended without a technician": no ticket came of it, no technician wrote in it, and it has been quiet for a
  -- day (or was closed).
  self_served_chats as materialized (
    select conversation.id, conversation.customer_id, conversation.solution_area,
      coalesce(conversation.last_message_at, conversation.created_at) as ended_at
    from public.conversations conversation
    where conversation.created_at >= window_start
      and (conversation.status <> 'active' or coalesce(conversation.last_message_at, conversation.created_at) < now() - interval '1 day')
      and conversation.assigned_technician_id is null
      and not exists (select 1 from public.tickets ticket where ticket.conversation_id = conversation.id)
      and not exists (select 1 from public.messages message where message.conversation_id = conversation.id and message.role = 'technician')
      and exists (select 1 from public.messages message where message.conversation_id = conversation.id and message.role = 'assistant')
  ),
  -- Each self-service ending, with whether it held: judged only when 7 days have passed since it ended.
  self_service as (
    select 'guided' as kind, ended.solution_area, ended.completed_at as ended_at, ended.outcome = 'resolved' as assumed,
      ended.completed_at <= now() - interval '7 days' as settled,
      ended.outcome = 'resolved'
        and not exists (select 1 from public.tickets ticket where ticket.customer_id = ended.customer_id
                        and ticket.created_at > ended.completed_at and ticket.created_at <= ended.completed_at + interval '7 days')
        and not exists (select 1 from public.troubleshooting_sessions again where again.customer_id = ended.customer_id
                        and again.guide_id = ended.guide_id and again.id <> ended.id
                        and again.started_at > ended.completed_at and again.started_at <= ended.completed_at + interval '7 days') as held
    from ended
    where ended.outcome <> 'still_broken'
    union all
    select 'chat', chat.solution_area, chat.ended_at, true,
      chat.ended_at <= now() - interval '7 days',
      not exists (select 1 from public.tickets ticket where ticket.customer_id = chat.customer_id
                  and ticket.created_at > chat.ended_at and ticket.created_at <= chat.ended_at + interval '7 days')
    from self_served_chats chat
  ),
  resolutions_by_area as (
    select grouped.solution_area, sum(grouped.resolutions)::integer as resolutions
    from (
      select self_service.solution_area, count(*) as resolutions from self_service
      where self_service.settled and self_service.held group by self_service.solution_area
      union all
      select conversation.solution_area, count(*) from public.tickets ticket
      join public.conversations conversation on conversation.id = ticket.conversation_id
      where ticket.resolved_at >= window_start group by conversation.solution_area
    ) grouped
    group by grouped.solution_area
  ),
  area_names as (
    select area.slug, area.name from public.solution_areas area
  ),
  area_activity as (
    select area_names.slug, area_names.name,
      (select count(*) from public.conversations conversation where conversation.solution_area = area_names.slug and conversation.created_at >= window_start)::integer as conversations,
      (select count(*) from ended where ended.solution_area = area_names.slug)::integer as guided_fixes,
      coalesce((select (ai ->> 'calls')::integer from jsonb_array_elements(events -> 'ai_by_area') ai where ai ->> 'area' = area_names.slug), 0) as ai_calls,
      coalesce((select (ai ->> 'cost_usd')::numeric from jsonb_array_elements(events -> 'ai_by_area') ai where ai ->> 'area' = area_names.slug), 0) as ai_cost_usd,
      coalesce((select resolutions_by_area.resolutions from resolutions_by_area where resolutions_by_area.solution_area = area_names.slug), 0) as resolutions
    from area_names
  )
  select jsonb_build_object(
    'days', days,
    'window_start', window_start,
    'generated_at', now(),
    'troubleshooting_by_week', (
      select coalesce(jsonb_agg(jsonb_build_object('week', weekly.week, 'ended', weekly.ended, 'resolved', weekly.resolved,
        'resolution_rate', round(weekly.resolved::numeric / nullif(weekly.ended, 0), 4),
        'average_steps_to_resolution', round(weekly.steps, 2)) order by weekly.week), '[]')
      from (select (date_trunc('week', ended.completed_at at time zone 'UTC'))::date as week, count(*)::integer as ended,
              count(*) filter (where ended.outcome = 'resolved')::integer as resolved,
              avg(ended.steps_tried) filter (where ended.outcome = 'resolved') as steps
            from ended group by 1) weekly),
    'worst_guides', (
      select coalesce(jsonb_agg(to_jsonb(ranked) - 'rank' order by ranked.rank), '[]')
      from (select per_guide.*, row_number() over (order by per_guide.resolution_rate, per_guide.ended desc, per_guide.guide_title) as rank
            from (select ended.guide_id, ended.guide_title, count(*)::integer as ended,
                    count(*) filter (where ended.outcome = 'resolved')::integer as resolved,
                    count(*) filter (where ended.outcome = 'still_broken')::integer as still_broken,
                    count(*) filter (where ended.outcome = 'wrong_guide')::integer as wrong_guide,
                    count(*) filter (where ended.outcome = 'abandoned')::integer as left_midway,
                    round(count(*) filter (where ended.outcome = 'resolved')::numeric / count(*), 4) as resolution_rate
                  from ended where ended.guide_id is not null group by ended.guide_id, ended.guide_title) per_guide) ranked
      where ranked.rank <= 10),
    'follow_ups', (
      select coalesce(jsonb_agg(jsonb_build_object('session_id', pending.id, 'customer_id', pending.customer_id,
        'customer_name', pending.full_name, 'customer_email', pending.email, 'guide_title', pending.guide_title,
        'issue', pending.issue_description, 'outcome', pending.outcome, 'ended_at', pending.completed_at)
        order by pending.completed_at desc), '[]')
      from (select ended.*, profile.full_name, profile.email
            from ended
            join public.profiles profile on profile.id = ended.customer_id
            where ended.outcome in ('wrong_guide', 'abandoned')
              and not exists (select 1 from public.tickets ticket where ticket.customer_id = ended.customer_id
                              and (ticket.troubleshooting_session_id = ended.id or ticket.created_at >= ended.completed_at))
              and not exists (select 1 from public.troubleshooting_sessions later where later.customer_id = ended.customer_id
                              and later.resolved and later.completed_at > ended.completed_at)
            order by ended.completed_at desc
            limit 50) pending),
    'areas', (
      select coalesce(jsonb_agg(jsonb_build_object('area', area_activity.slug, 'name', area_activity.name,
        'conversations', area_activity.conversations, 'guided_fixes', area_activity.guided_fixes,
        'ai_calls', area_activity.ai_calls, 'ai_cost_usd', round(area_activity.ai_cost_usd, 4),
        'resolutions', area_activity.resolutions,
        'ai_cost_per_resolution_usd', round(area_activity.ai_cost_usd / nullif(area_activity.resolutions, 0), 4))
        order by area_activity.conversations + area_activity.guided_fixes desc, area_activity.name), '[]')
      from area_activity),
    'ai_cost_without_area_usd', coalesce((select (ai ->> 'cost_usd')::numeric from jsonb_array_elements(events -> 'ai_by_area') ai where ai ->> 'area' is null), 0),
    'daily_active_users', events -> 'daily_active_users',
    'functions', events -> 'functions',
    'self_service', (
      select jsonb_build_object(
        'ended', count(*)::integer,
        'assumed_resolved', count(*) filter (where self_service.assumed)::integer,
        'settled', count(*) filter (where self_service.settled)::integer,
        'durable_resolved', count(*) filter (where self_service.settled and self_service.held)::integer,
        'too_recent', count(*) filter (where not self_service.settled)::integer,
        'assumed_rate', round(count(*) filter (where self_service.assumed)::numeric / nullif(count(*), 0), 4),
        'durable_rate', round(count(*) filter (where self_service.settled and self_service.held)::numeric
                              / nullif(count(*) filter (where self_service.settled), 0), 4),
        'by_kind', (
          select coalesce(jsonb_object_agg(kinds.kind, jsonb_build_object('ended', kinds.ended, 'assumed_resolved', kinds.assumed,
            'settled', kinds.settled, 'durable_resolved', kinds.durable)), '{}')
          from (select inner_service.kind, count(*)::integer as ended, count(*) filter (where inner_service.assumed)::integer as assumed,
                  count(*) filter (where inner_service.settled)::integer as settled,
                  count(*) filter (where inner_service.settled and inner_service.held)::integer as durable
                from self_service inner_service group by inner_service.kind) kinds))
      from self_service)
  )
  into figures;
  return figures;
end;
$$;

--
-- Name: FUNCTION standing_reports(days integer); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.standing_reports(days integer) IS 'Standing reports for the last `days` UTC days (seeds 000 and 001): guided-fix resolution by week, worst guides, unresolved sessions to follow up, per-area activity and AI cost per resolution, daily active customers per area, AI function latency and error rate, and the self-service resolution rate assumed vs durable (no ticket or repeat within 7 days). Security invoker; refuses non-admins with 42501.';

--
-- Name: support_dashboard(integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.support_dashboard(days integer DEFAULT 30) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  window_start timestamptz;
  figures jsonb;
begin
  perform private.require_admin('the support dashboard');
  window_start := private.report_window_start(days);

  with recent as materialized (
    select ticket.created_at, ticket.triage_status, ticket.category, ticket.channel,
      ticket.assigned_at, ticket.resolved_at
    from public.tickets ticket
    where ticket.created_at >= window_start
  ),
  created_by_day as (
    select (recent.created_at at time zone 'UTC')::date as day, count(*)::integer as tickets
    from recent
    group by 1
  ),
  per_day as (
    select series.day::date as day, coalesce(created_by_day.tickets, 0) as tickets
    from generate_series((window_start at time zone 'UTC')::date, (now() at time zone 'UTC')::date, interval '1 day') as series (day)
    left join created_by_day on created_by_day.day = series.day::date
  ),
  open_tickets as (
    select ticket.status, ticket.urgency
    from public.tickets ticket
    where ticket.status in ('unassigned', 'assigned', 'in_progress', 'waiting_on_customer')
  )
  select jsonb_build_object(
    'days', days,
    'window_start', window_start,
    'generated_at', now(),
    'tickets_created', (select count(*) from recent),
    'created_per_day', (select coalesce(jsonb_agg(jsonb_build_object('day', per_day.day, 'tickets', per_day.tickets) order by per_day.day), '[]') from per_day),
    'open_total', (select count(*) from open_tickets),
    'open_by_status', (
      select coalesce(jsonb_agg(jsonb_build_object('status', grouped.status, 'tickets', grouped.tickets) order by array_position(array['unassigned', 'assigned', 'in_progress', 'waiting_on_customer'], grouped.status::text)), '[]')
      from (select open_tickets.status, count(*)::integer as tickets from open_tickets group by open_tickets.status) grouped),
    'open_by_urgency', (
      select coalesce(jsonb_agg(jsonb_build_object('urgency', grouped.urgency, 'tickets', grouped.tickets) order by array_position(array['high', 'medium', 'low'], grouped.urgency::text) nulls last), '[]')
      from (select open_tickets.urgency, count(*)::integer as tickets from open_tickets group by open_tickets.urgency) grouped),
    'triage', (
      select jsonb_build_object(
        'processed', count(*) filter (where recent.triage_status = 'processed' or (recent.triage_status = 'resolved' and recent.category is not null)),
        'ai_failed', count(*) filter (where recent.triage_status = 'ai_failed'),
        'pending', count(*) filter (where recent.triage_status in ('pending', 'processing')),
        'resolved_before_triage', count(*) filter (where recent.triage_status = 'resolved' and recent.category is null))
      from recent),
    'categories', (
      select coalesce(jsonb_agg(jsonb_build_object('category', grouped.category, 'tickets', grouped.tickets) order by grouped.category nulls last), '[]')
      from (select recent.category, count(*)::integer as tickets from recent group by recent.category) grouped),
    'median_minutes_to_assignment', (
      select round((extract(epoch from percentile_cont(0.5) within group (order by recent.assigned_at - recent.created_at)) / 60)::numeric, 1)
      from recent where recent.assigned_at is not null),
    'median_minutes_to_resolution', (
      select round((extract(epoch from percentile_cont(0.5) within group (order by recent.resolved_at - recent.created_at)) / 60)::numeric, 1)
      from recent where recent.resolved_at is not null),
    'assigned_tickets', (select count(*) from recent where recent.assigned_at is not null),
    'resolved_tickets', (select count(*) from recent where recent.resolved_at is not null),
    'chat_hand_offs', (select count(*) from recent where recent.channel = 'chat')
  ) || private.support_dashboard_events(window_start)
  into figures;
  return figures;
end;
$$;

--
-- Name: FUNCTION support_dashboard(days integer); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.support_dashboard(days integer) IS 'Admin home figures for the last `days` UTC days (today included): tickets per day, open tickets by status and urgency, triage outcome, categories, median minutes to assignment and resolution, AI calls / tokens / cost by source, chat hand-offs, guided-troubleshooting outcomes. Security invoker; refuses non-admins with 42501.';

--
-- Name: triage_accuracy(integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.triage_accuracy(days integer DEFAULT 30) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  window_start timestamptz;
  figures jsonb;
begin
  perform private.require_admin('triage accuracy');
  window_start := private.report_window_start(days);

  with judged as (
    select field.name as field,
      coalesce(first_correction.from_value, case field.name when 'category' then result.category::text else result.urgency::text end) as said,
      case field.name when 'category' then ticket.category::text else ticket.urgency::text end as final
    from public.ticket_ai_results result
    join public.tickets ticket on ticket.id = result.ticket_id
    cross join (values ('category'), ('urgency')) field (name)
    left join lateral (
      select correction.from_value from public.triage_corrections correction
      where correction.ticket_id = result.ticket_id and correction.field = field.name
      order by correction.id limit 1
    ) first_correction on true
    where result.processed_at >= window_start
  ),
  per_value as (
    select judged.field, judged.said, count(*)::int as total, count(*) filter (where judged.said = judged.final)::int as correct
    from judged where judged.said is not null and judged.final is not null
    group by judged.field, judged.said
  ),
  cells as (
    select judged.field, judged.said, judged.final, count(*)::int as tickets
    from judged where judged.said is not null and judged.final is not null
    group by judged.field, judged.said, judged.final
  )
  select jsonb_build_object(
    'days', days,
    'corrections', (select count(*)::int from public.triage_corrections correction where correction.corrected_at >= window_start),
    'fields', jsonb_build_object(
      'category', jsonb_build_object(
        'values', (select jsonb_agg(label::text order by label) from unnest(enum_range(null::public.ticket_category)) label),
        'perValue', coalesce((select jsonb_agg(jsonb_build_object('said', said, 'total', total, 'correct', correct) order by said) from per_value where field = 'category'), '[]'),
        'cells', coalesce((select jsonb_agg(jsonb_build_object('said', said, 'final', final, 'tickets', tickets) order by said, final) from cells where field = 'category'), '[]')),
      'urgency', jsonb_build_object(
        'values', '["high", "medium", "low"]'::jsonb,
        'perValue', coalesce((select jsonb_agg(jsonb_build_object('said', said, 'total', total, 'correct', correct) order by private.urgency_rank(said)) from per_value where field = 'urgency'), '[]'),
        'cells', coalesce((select jsonb_agg(jsonb_build_object('said', said, 'final', final, 'tickets', tickets) order by said, final) from cells where field = 'urgency'), '[]'))))
  into figures;
  return figures;
end;
$$;

--
-- Name: FUNCTION triage_accuracy(days integer); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.triage_accuracy(days integer) IS 'Admin-only: triage accuracy over the last `days` days of triage results, from staff corrections — per category and per urgency (total, correct) and the confusion cells (said -> final, tickets).';

--
-- Name: upload_limits(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.upload_limits(bucket text) RETURNS TABLE(max_bytes bigint, allowed_types text[])
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  -- Only the buckets the app uploads to; other buckets' settings are nobody's business.
  select bucket_row.file_size_limit, bucket_row.allowed_mime_types
  from storage.buckets bucket_row
  where bucket_row.id = upload_limits.bucket and bucket_row.id in ('attachments', 'kb-images')
$$;

--
-- Name: FUNCTION upload_limits(bucket text); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.upload_limits(bucket text) IS 'The size limit and allowed content types of an upload bucket (attachments, kb-images): what the composer and the article editor state before an upload.';

--
-- Name: vote_on_article(text, boolean, text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.vote_on_article(article_slug text, helpful boolean, comment text DEFAULT NULL::text, visitor text DEFAULT NULL::text) RETURNS TABLE(vote_id bigint, is_helpful boolean, has_comment boolean)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  caller uuid := auth.uid();
  target uuid;
  words text := nullif(trim(coalesce(vote_on_article.comment, '')), '');
  visitor_key text;
begin
  if vote_on_article.helpful is null then
    raise exception 'Choose yes or no' using errcode = '22023';
  end if;
  if length(words) > 1000 then
    raise exception 'Keep the comment under 1,000 characters' using errcode = '22023';
  end if;
  select article.id into target from public.kb_articles article where article.slug = article_slug and article.is_published;
  if target is null then
    raise exception 'No published article has that address' using errcode = 'P0002';
  end if;
  if caller is not null then
    return query
      insert into public.kb_article_votes as vote (article_id, voter_id, helpful, comment)
      values (target, caller, vote_on_article.helpful, words)
      on conflict (article_id, voter_id) where voter_id is not null
      do update set helpful = excluded.helpful, comment = excluded.comment, voted_on = current_date, updated_at = now()
      returning vote.id, vote.helpful, vote.comment is not null;
    return;
  end if;
  visitor_key := private.help_visitor_hash(visitor);
  if visitor_key is null then
    raise exception 'We could not tell who is voting' using errcode = '22023', hint = 'Sign in to vote';
  end if;
  -- Serialises a visitor's votes so two at once cannot both pass the daily count below.
  perform pg_advisory_xact_lock(hashtextextended(visitor_key, 0));
  if not exists (select 1 from public.kb_article_votes vote
                 where vote.visitor_hash = visitor_key and vote.voted_on = current_date and vote.article_id = target)
     and (select count(*) from public.kb_article_votes vote
          where vote.visitor_hash = visitor_key and vote.voted_on = current_date) >= private.help_visitor_daily_votes() then
    raise exception 'You have answered "Was this helpful?" on many articles today' using errcode = 'P0001',
      hint = 'Thank you: sign in to tell us about more';
  end if;
  return query
    insert into public.kb_article_votes as vote (article_id, visitor_hash, helpful, comment)
    values (target, visitor_key, vote_on_article.helpful, words)
    on conflict (visitor_hash, voted_on, article_id) where visitor_hash is not null
    do update set helpful = excluded.helpful, comment = excluded.comment, updated_at = now()
    returning vote.id, vote.helpful, vote.comment is not null;
end;
$$;

--
-- Name: FUNCTION vote_on_article(article_slug text, helpful boolean, comment text, visitor text); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.vote_on_article(article_slug text, helpful boolean, comment text, visitor text) IS '"Was this helpful?" on a published article: once per signed-in person (again = change), once per visitor, article and day (again that day = change), at most 20 articles per visitor and day (keyed hash of address and browser).';

--
-- Name: edge_function_wakeups; Type: TABLE; Schema: private; Owner: -
--

CREATE TABLE private.edge_function_wakeups (
    function_name text NOT NULL,
    last_requested_at timestamp with time zone DEFAULT '-infinity'::timestamp with time zone NOT NULL,
    CONSTRAINT edge_function_wakeups_function_name_check CHECK ((function_name ~ '^[A-Za-z0-9_-]+$'::text))
);

--
-- Name: TABLE edge_function_wakeups; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON TABLE private.edge_function_wakeups IS 'When each worker edge function was last woken from the database; debounces wake-ups to one per interval.';

--
-- Name: COLUMN edge_function_wakeups.function_name; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.edge_function_wakeups.function_name IS 'Edge function name, e.g. triage.';

--
-- Name: COLUMN edge_function_wakeups.last_requested_at; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.edge_function_wakeups.last_requested_at IS 'When the last wake-up request was queued (pg_net sends it after commit).';

--
-- Name: help_feedback_secret; Type: TABLE; Schema: private; Owner: -
--

CREATE TABLE private.help_feedback_secret (
    singleton boolean DEFAULT true NOT NULL,
    secret bytea DEFAULT extensions.gen_random_bytes(32) NOT NULL,
    CONSTRAINT help_feedback_secret_singleton_check CHECK (singleton)
);

--
-- Name: TABLE help_feedback_secret; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON TABLE private.help_feedback_secret IS 'The key of private.help_visitor_hash: generated once per database, never exposed, so a stored hash cannot be turned back into an address by trying every address.';

--
-- Name: COLUMN help_feedback_secret.singleton; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.help_feedback_secret.singleton IS 'Always true: one row.';

--
-- Name: COLUMN help_feedback_secret.secret; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.help_feedback_secret.secret IS 'Random key, 32 bytes.';

--
-- Name: help_search_misses; Type: TABLE; Schema: private; Owner: -
--

CREATE TABLE private.help_search_misses (
    query text NOT NULL,
    search_count integer DEFAULT 1 NOT NULL,
    first_seen_at timestamp with time zone DEFAULT now() NOT NULL,
    last_seen_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT help_search_misses_query_check CHECK (((length(query) >= 1) AND (length(query) <= 200))),
    CONSTRAINT help_search_misses_search_count_check CHECK ((search_count > 0))
);

--
-- Name: TABLE help_search_misses; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON TABLE private.help_search_misses IS 'Help-centre searches that found no article, normalised, with how often and when last: the content gaps to write next (public.help_search_gaps).';

--
-- Name: COLUMN help_search_misses.query; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.help_search_misses.query IS 'The search, lower case, words only, single spaces, at most 200 characters.';

--
-- Name: COLUMN help_search_misses.search_count; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.help_search_misses.search_count IS 'How many searches found nothing for it.';

--
-- Name: COLUMN help_search_misses.first_seen_at; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.help_search_misses.first_seen_at IS 'First search that found nothing.';

--
-- Name: COLUMN help_search_misses.last_seen_at; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.help_search_misses.last_seen_at IS 'Latest search that found nothing.';

--
-- Name: help_search_terms; Type: TABLE; Schema: private; Owner: -
--

CREATE TABLE private.help_search_terms (
    lexeme text NOT NULL,
    article_id uuid NOT NULL,
    weight real NOT NULL,
    CONSTRAINT help_search_terms_weight_check CHECK (((weight > (0)::double precision) AND (weight <= (1)::double precision)))
);

--
-- Name: TABLE help_search_terms; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON TABLE private.help_search_terms IS 'The words (english lexemes) of each published article with the weight of the best field holding them (title 1.0, headings and tags 0.6, body 0.3); kept by trigger, read by public.search_help.';

--
-- Name: COLUMN help_search_terms.lexeme; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.help_search_terms.lexeme IS 'An english lexeme (to_tsvector) of the article.';

--
-- Name: COLUMN help_search_terms.article_id; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.help_search_terms.article_id IS 'The published article holding it.';

--
-- Name: COLUMN help_search_terms.weight; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.help_search_terms.weight IS 'Weight of the best field holding the lexeme: title 1.0, headings and tags 0.6, body 0.3.';

--
-- Name: jobs_id_seq; Type: SEQUENCE; Schema: private; Owner: -
--

ALTER TABLE private.jobs ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME private.jobs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: kb_lexeme_chunk_counts; Type: TABLE; Schema: private; Owner: -
--

CREATE TABLE private.kb_lexeme_chunk_counts (
    lexeme text NOT NULL,
    chunk_count integer NOT NULL
);

--
-- Name: TABLE kb_lexeme_chunk_counts; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON TABLE private.kb_lexeme_chunk_counts IS 'How many KB chunks hold each lexeme of kb_chunks.fts (document frequency), kept by triggers on kb_chunks; search_kb''s full-text side reads it to tell rare terms from common ones.';

--
-- Name: COLUMN kb_lexeme_chunk_counts.lexeme; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.kb_lexeme_chunk_counts.lexeme IS 'A lexeme of kb_chunks.fts (english stemming), as tsvector_to_array gives it.';

--
-- Name: COLUMN kb_lexeme_chunk_counts.chunk_count; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.kb_lexeme_chunk_counts.chunk_count IS 'Chunks whose fts holds the lexeme (always positive: a lexeme no chunk holds has no row).';

--
-- Name: kb_settings; Type: TABLE; Schema: private; Owner: -
--

CREATE TABLE private.kb_settings (
    id boolean DEFAULT true NOT NULL,
    embedding_model text,
    embedding_model_changed_at timestamp with time zone,
    CONSTRAINT kb_settings_id_check CHECK (id)
);

--
-- Name: TABLE kb_settings; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON TABLE private.kb_settings IS 'One row: the embedding model the embed worker last reported. A different model re-embeds every article.';

--
-- Name: COLUMN kb_settings.id; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.kb_settings.id IS 'Always true: the table holds one row.';

--
-- Name: COLUMN kb_settings.embedding_model; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.kb_settings.embedding_model IS 'Model of the embedding provider configured for the edge functions (OpenAI or local).';

--
-- Name: COLUMN kb_settings.embedding_model_changed_at; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.kb_settings.embedding_model_changed_at IS 'When the worker last reported a different model (and every article was re-queued).';

--
-- Name: password_failed_attempts; Type: TABLE; Schema: private; Owner: -
--

CREATE TABLE private.password_failed_attempts (
    id bigint NOT NULL,
    user_id uuid NOT NULL,
    attempted_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE password_failed_attempts; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON TABLE private.password_failed_attempts IS 'Wrong passwords per account, written only by private.password_verification_attempt_hook (Auth''s password verification hook). Rows older than the window are deleted on the account''s next attempt; a right password clears them.';

--
-- Name: COLUMN password_failed_attempts.id; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.password_failed_attempts.id IS 'Row identity.';

--
-- Name: COLUMN password_failed_attempts.user_id; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.password_failed_attempts.user_id IS 'The account whose password was wrong (auth.users.id).';

--
-- Name: COLUMN password_failed_attempts.attempted_at; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON COLUMN private.password_failed_attempts.attempted_at IS 'When Auth checked the wrong password.';

--
-- Name: password_failed_attempts_id_seq; Type: SEQUENCE; Schema: private; Owner: -
--

ALTER TABLE private.password_failed_attempts ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME private.password_failed_attempts_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: analysis_exports; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.analysis_exports (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    analysis_id uuid NOT NULL,
    format public.export_format NOT NULL,
    file_name text NOT NULL,
    storage_path text NOT NULL,
    generated_by uuid,
    size_bytes bigint,
    expires_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT analysis_exports_size_bytes_check CHECK ((size_bytes >= 0))
);

--
-- Name: TABLE analysis_exports; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.analysis_exports IS 'CSV / PDF exports of an analysis, stored in Storage.';

--
-- Name: COLUMN analysis_exports.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analysis_exports.id IS 'Export id.';

--
-- Name: COLUMN analysis_exports.analysis_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analysis_exports.analysis_id IS 'Analysis exported.';

--
-- Name: COLUMN analysis_exports.format; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analysis_exports.format IS 'CSV or PDF.';

--
-- Name: COLUMN analysis_exports.file_name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analysis_exports.file_name IS 'Download file name.';

--
-- Name: COLUMN analysis_exports.storage_path; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analysis_exports.storage_path IS 'Object path in Storage.';

--
-- Name: COLUMN analysis_exports.generated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analysis_exports.generated_by IS 'Admin who exported.';

--
-- Name: COLUMN analysis_exports.size_bytes; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analysis_exports.size_bytes IS 'File size.';

--
-- Name: COLUMN analysis_exports.expires_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analysis_exports.expires_at IS 'When the file is deleted.';

--
-- Name: COLUMN analysis_exports.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analysis_exports.created_at IS 'When generated.';

--
-- Name: analysis_kpis; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.analysis_kpis (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    analysis_id uuid NOT NULL,
    metric_type public.analysis_metric_type NOT NULL,
    metric_name text NOT NULL,
    numeric_value numeric,
    string_value text,
    json_value jsonb,
    technician_id uuid,
    department_id uuid,
    category text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT analysis_kpis_check CHECK ((num_nonnulls(numeric_value, string_value, json_value) >= 1))
);

--
-- Name: TABLE analysis_kpis; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.analysis_kpis IS 'KPIs computed by an analysis. Deleting a technician or department keeps the KPI with that dimension null.';

--
-- Name: COLUMN analysis_kpis.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analysis_kpis.id IS 'KPI id.';

--
-- Name: COLUMN analysis_kpis.analysis_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analysis_kpis.analysis_id IS 'Analysis run.';

--
-- Name: COLUMN analysis_kpis.metric_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analysis_kpis.metric_type IS 'Metric family.';

--
-- Name: COLUMN analysis_kpis.metric_name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analysis_kpis.metric_name IS 'Metric, e.g. first_response_p50.';

--
-- Name: COLUMN analysis_kpis.numeric_value; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analysis_kpis.numeric_value IS 'Numeric value.';

--
-- Name: COLUMN analysis_kpis.string_value; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analysis_kpis.string_value IS 'Text value.';

--
-- Name: COLUMN analysis_kpis.json_value; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analysis_kpis.json_value IS 'Structured value (distributions).';

--
-- Name: COLUMN analysis_kpis.technician_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analysis_kpis.technician_id IS 'Technician dimension.';

--
-- Name: COLUMN analysis_kpis.department_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analysis_kpis.department_id IS 'Department dimension.';

--
-- Name: COLUMN analysis_kpis.category; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analysis_kpis.category IS 'Category dimension.';

--
-- Name: COLUMN analysis_kpis.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analysis_kpis.created_at IS 'When computed.';

--
-- Name: analytics_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.analytics_events (
    id bigint NOT NULL,
    event_type public.analytics_event_type NOT NULL,
    solution_area text,
    user_id uuid,
    conversation_id uuid,
    ticket_id uuid,
    model text,
    metadata jsonb DEFAULT '{}'::jsonb NOT NULL,
    occurred_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE analytics_events; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.analytics_events IS 'Usage, cost and error events. Row-change events are written by triggers; api_call/error by the server (service role).';

--
-- Name: COLUMN analytics_events.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analytics_events.id IS 'Event id.';

--
-- Name: COLUMN analytics_events.event_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analytics_events.event_type IS 'What happened.';

--
-- Name: COLUMN analytics_events.solution_area; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analytics_events.solution_area IS 'Solution area involved.';

--
-- Name: COLUMN analytics_events.user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analytics_events.user_id IS 'User who caused the event.';

--
-- Name: COLUMN analytics_events.conversation_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analytics_events.conversation_id IS 'Conversation involved.';

--
-- Name: COLUMN analytics_events.ticket_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analytics_events.ticket_id IS 'Ticket involved.';

--
-- Name: COLUMN analytics_events.model; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analytics_events.model IS 'AI model involved.';

--
-- Name: COLUMN analytics_events.metadata; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analytics_events.metadata IS 'Details: tokens, cost, latency_ms, error, old/new status.';

--
-- Name: COLUMN analytics_events.occurred_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.analytics_events.occurred_at IS 'When it happened.';

--
-- Name: analytics_events_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.analytics_events ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.analytics_events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: assistant_answer_details; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.assistant_answer_details (
    message_id uuid NOT NULL,
    confidence numeric(4,3) NOT NULL,
    retrieval_log_id bigint,
    routed_area text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT assistant_answer_details_confidence_check CHECK (((confidence >= (0)::numeric) AND (confidence <= (1)::numeric)))
);

--
-- Name: TABLE assistant_answer_details; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.assistant_answer_details IS 'Staff-only figures about an assistant answer (its confidence, the retrieval that fed it). Kept apart from public.messages so customers, who read their messages, never receive them.';

--
-- Name: COLUMN assistant_answer_details.message_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.assistant_answer_details.message_id IS 'The assistant answer (public.messages, role assistant) these figures are about.';

--
-- Name: COLUMN assistant_answer_details.confidence; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.assistant_answer_details.confidence IS 'Assistant confidence 0-1.';

--
-- Name: COLUMN assistant_answer_details.retrieval_log_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.assistant_answer_details.retrieval_log_id IS 'The retrieval_logs row of the search the answer was written from.';

--
-- Name: COLUMN assistant_answer_details.routed_area; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.assistant_answer_details.routed_area IS 'The solution area of the best article found, which the answer was routed to (retrieval searches every area).';

--
-- Name: COLUMN assistant_answer_details.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.assistant_answer_details.created_at IS 'When the answer was stored.';

--
-- Name: auto_assignment_rules; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.auto_assignment_rules (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    solution_area text,
    is_enabled boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE auto_assignment_rules; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.auto_assignment_rules IS 'Solution areas whose new tickets are assigned automatically (round-robin among online technicians under capacity). Admins manage them.';

--
-- Name: COLUMN auto_assignment_rules.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.auto_assignment_rules.id IS 'Rule id.';

--
-- Name: COLUMN auto_assignment_rules.solution_area; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.auto_assignment_rules.solution_area IS 'The area; null for tickets without one.';

--
-- Name: COLUMN auto_assignment_rules.is_enabled; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.auto_assignment_rules.is_enabled IS 'Whether the rule assigns now.';

--
-- Name: COLUMN auto_assignment_rules.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.auto_assignment_rules.created_at IS 'When the rule was created.';

--
-- Name: canned_replies; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.canned_replies (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    shortcut text NOT NULL,
    title text NOT NULL,
    body text NOT NULL,
    owner_id uuid,
    set_status public.ticket_status,
    internal_note text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT canned_replies_body_check CHECK ((length(body) <= 10000)),
    CONSTRAINT canned_replies_internal_note_check CHECK ((length(internal_note) <= 10000)),
    CONSTRAINT canned_replies_shortcut_check CHECK ((shortcut ~ '^[a-z0-9][a-z0-9-]{0,39}$'::text)),
    CONSTRAINT canned_replies_title_check CHECK (((length(TRIM(BOTH FROM title)) >= 1) AND (length(TRIM(BOTH FROM title)) <= 120)))
);

--
-- Name: TABLE canned_replies; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.canned_replies IS 'Canned replies and macros for the reply box (type / and the shortcut). Shared (owner_id null, admins manage) or personal (one member of staff).';

--
-- Name: COLUMN canned_replies.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.canned_replies.id IS 'Canned reply id.';

--
-- Name: COLUMN canned_replies.shortcut; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.canned_replies.shortcut IS 'What the technician types after /: lower-case letters, digits and dashes.';

--
-- Name: COLUMN canned_replies.title; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.canned_replies.title IS 'Name shown in the picker.';

--
-- Name: COLUMN canned_replies.body; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.canned_replies.body IS 'Reply text with variables: {{customer.first_name}}, {{customer.name}}, {{ticket.number}}, {{ticket.subject}}, {{technician.first_name}}, {{technician.name}}.';

--
-- Name: COLUMN canned_replies.owner_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.canned_replies.owner_id IS 'The member of staff a personal reply belongs to; null for a shared one.';

--
-- Name: COLUMN canned_replies.set_status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.canned_replies.set_status IS 'Macro: the status to move the ticket to when the reply is sent; null leaves it.';

--
-- Name: COLUMN canned_replies.internal_note; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.canned_replies.internal_note IS 'Macro: an internal note to add when the reply is sent (same variables); null adds none.';

--
-- Name: COLUMN canned_replies.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.canned_replies.created_at IS 'When it was created.';

--
-- Name: COLUMN canned_replies.updated_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.canned_replies.updated_at IS 'Last change, maintained by trigger.';

--
-- Name: conversation_categorizations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.conversation_categorizations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    analysis_id uuid NOT NULL,
    conversation_id uuid NOT NULL,
    intent text NOT NULL,
    journey_stage text NOT NULL,
    sentiment public.analysis_sentiment NOT NULL,
    agent_quality integer,
    reasoning text DEFAULT ''::text NOT NULL,
    confidence numeric(4,3),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT conversation_categorizations_agent_quality_check CHECK (((agent_quality >= 1) AND (agent_quality <= 10))),
    CONSTRAINT conversation_categorizations_confidence_check CHECK (((confidence >= (0)::numeric) AND (confidence <= (1)::numeric)))
);

--
-- Name: TABLE conversation_categorizations; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.conversation_categorizations IS 'How one analysis categorized one conversation (unique per pair).';

--
-- Name: COLUMN conversation_categorizations.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversation_categorizations.id IS 'Row id.';

--
-- Name: COLUMN conversation_categorizations.analysis_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversation_categorizations.analysis_id IS 'Analysis run.';

--
-- Name: COLUMN conversation_categorizations.conversation_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversation_categorizations.conversation_id IS 'Conversation categorized.';

--
-- Name: COLUMN conversation_categorizations.intent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversation_categorizations.intent IS 'Customer intent, e.g. REPAIR, BILLING, PARTS, OTHER.';

--
-- Name: COLUMN conversation_categorizations.journey_stage; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversation_categorizations.journey_stage IS 'Journey stage, e.g. PROSPECT, ACTIVE_CUSTOMER, POST_SERVICE.';

--
-- Name: COLUMN conversation_categorizations.sentiment; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversation_categorizations.sentiment IS 'POSITIVE, NEUTRAL or FRICTION.';

--
-- Name: COLUMN conversation_categorizations.agent_quality; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversation_categorizations.agent_quality IS 'Quality of the agent''s handling, 1-10.';

--
-- Name: COLUMN conversation_categorizations.reasoning; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversation_categorizations.reasoning IS 'Why the model decided so.';

--
-- Name: COLUMN conversation_categorizations.confidence; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversation_categorizations.confidence IS 'Model confidence 0-1.';

--
-- Name: COLUMN conversation_categorizations.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversation_categorizations.created_at IS 'When categorized.';

--
-- Name: conversation_read_markers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.conversation_read_markers (
    conversation_id uuid NOT NULL,
    user_id uuid DEFAULT auth.uid() NOT NULL,
    last_read_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE conversation_read_markers; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.conversation_read_markers IS 'How far each participant has read a conversation; unread counts are messages after last_read_at that someone else sent.';

--
-- Name: COLUMN conversation_read_markers.conversation_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversation_read_markers.conversation_id IS 'Conversation read.';

--
-- Name: COLUMN conversation_read_markers.user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversation_read_markers.user_id IS 'Person who read it; always the signed-in user (RLS).';

--
-- Name: COLUMN conversation_read_markers.last_read_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversation_read_markers.last_read_at IS 'Messages created up to this time count as read.';

--
-- Name: conversations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.conversations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    customer_id uuid NOT NULL,
    title text DEFAULT 'New conversation'::text NOT NULL,
    solution_area text,
    channel public.conversation_channel DEFAULT 'chat'::public.conversation_channel NOT NULL,
    status public.conversation_status DEFAULT 'active'::public.conversation_status NOT NULL,
    is_pinned boolean DEFAULT false NOT NULL,
    is_shared boolean DEFAULT false NOT NULL,
    ai_model text,
    assigned_technician_id uuid,
    ticket_id uuid,
    last_message_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: TABLE conversations; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.conversations IS 'Chat / voice / email threads between a customer, the assistant and technicians.';

--
-- Name: COLUMN conversations.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversations.id IS 'Conversation id.';

--
-- Name: COLUMN conversations.customer_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversations.customer_id IS 'Customer who owns the thread.';

--
-- Name: COLUMN conversations.title; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversations.title IS 'Thread title.';

--
-- Name: COLUMN conversations.solution_area; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversations.solution_area IS 'Solution area (manufacturing, maintenance, support) choosing the assistant instructions.';

--
-- Name: COLUMN conversations.channel; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversations.channel IS 'chat, voice or email.';

--
-- Name: COLUMN conversations.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversations.status IS 'active, resolved or archived.';

--
-- Name: COLUMN conversations.is_pinned; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversations.is_pinned IS 'Pinned in the customer''s list.';

--
-- Name: COLUMN conversations.is_shared; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversations.is_shared IS 'Shared by link.';

--
-- Name: COLUMN conversations.ai_model; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversations.ai_model IS 'Assistant model answering in the thread.';

--
-- Name: COLUMN conversations.assigned_technician_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversations.assigned_technician_id IS 'Technician who took over the thread.';

--
-- Name: COLUMN conversations.ticket_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversations.ticket_id IS 'Ticket raised from the thread; kept in sync with tickets.conversation_id by trigger.';

--
-- Name: COLUMN conversations.last_message_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversations.last_message_at IS 'Time of the newest message, maintained by trigger.';

--
-- Name: COLUMN conversations.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversations.created_at IS 'When the thread was opened.';

--
-- Name: COLUMN conversations.updated_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.conversations.updated_at IS 'Last change, maintained by trigger.';

--
-- Name: customer_analyses; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customer_analyses (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    status public.analysis_status DEFAULT 'PENDING'::public.analysis_status NOT NULL,
    triggered_by uuid,
    filters jsonb DEFAULT '{}'::jsonb NOT NULL,
    total_conversations integer DEFAULT 0 NOT NULL,
    processed_conversations integer DEFAULT 0 NOT NULL,
    failed_conversations integer DEFAULT 0 NOT NULL,
    started_at timestamp with time zone,
    completed_at timestamp with time zone,
    error_message text,
    processing_ms integer,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT customer_analyses_failed_conversations_check CHECK ((failed_conversations >= 0)),
    CONSTRAINT customer_analyses_filters_check CHECK ((jsonb_typeof(filters) = 'object'::text)),
    CONSTRAINT customer_analyses_processed_conversations_check CHECK ((processed_conversations >= 0)),
    CONSTRAINT customer_analyses_processing_ms_check CHECK ((processing_ms >= 0)),
    CONSTRAINT customer_analyses_total_conversations_check CHECK ((total_conversations >= 0))
);

--
-- Name: TABLE customer_analyses; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.customer_analyses IS 'A customer-analysis run over conversations. Deleting it removes its categorizations, KPIs and exports.';

--
-- Name: COLUMN customer_analyses.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.customer_analyses.id IS 'Analysis id.';

--
-- Name: COLUMN customer_analyses.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.customer_analyses.status IS 'PENDING, PROCESSING, COMPLETED, FAILED or PARTIAL.';

--
-- Name: COLUMN customer_analyses.triggered_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.customer_analyses.triggered_by IS 'Admin who started it.';

--
-- Name: COLUMN customer_analyses.filters; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.customer_analyses.filters IS 'JSON {date_from, date_to, technician_ids, department_ids, customer_ids}.';

--
-- Name: COLUMN customer_analyses.total_conversations; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.customer_analyses.total_conversations IS 'Conversations selected.';

--
-- Name: COLUMN customer_analyses.processed_conversations; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.customer_analyses.processed_conversations IS 'Conversations categorized.';

--
-- Name: COLUMN customer_analyses.failed_conversations; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.customer_analyses.failed_conversations IS 'Conversations that failed.';

--
-- Name: COLUMN customer_analyses.started_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.customer_analyses.started_at IS 'When processing started.';

--
-- Name: COLUMN customer_analyses.completed_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.customer_analyses.completed_at IS 'When processing ended.';

--
-- Name: COLUMN customer_analyses.error_message; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.customer_analyses.error_message IS 'Why it failed.';

--
-- Name: COLUMN customer_analyses.processing_ms; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.customer_analyses.processing_ms IS 'Processing time in milliseconds.';

--
-- Name: COLUMN customer_analyses.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.customer_analyses.created_at IS 'When it was requested.';

--
-- Name: customer_vehicles; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customer_vehicles (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    customer_id uuid NOT NULL,
    vehicle_model_id bigint,
    year integer,
    make text,
    model text,
    vin text,
    nickname text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT customer_vehicles_vin_check CHECK ((vin ~ '^[A-HJ-NPR-Z0-9]{17}$'::text)),
    CONSTRAINT customer_vehicles_year_check CHECK (((year >= 1900) AND (year <= 2100)))
);

--
-- Name: TABLE customer_vehicles; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.customer_vehicles IS 'Vehicles a customer owns; tickets can refer to one.';

--
-- Name: COLUMN customer_vehicles.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.customer_vehicles.id IS 'Vehicle id.';

--
-- Name: COLUMN customer_vehicles.customer_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.customer_vehicles.customer_id IS 'Owner.';

--
-- Name: COLUMN customer_vehicles.vehicle_model_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.customer_vehicles.vehicle_model_id IS 'Catalogue entry, when picked from the catalogue.';

--
-- Name: COLUMN customer_vehicles.year; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.customer_vehicles.year IS 'Model year.';

--
-- Name: COLUMN customer_vehicles.make; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.customer_vehicles.make IS 'Manufacturer.';

--
-- Name: COLUMN customer_vehicles.model; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.customer_vehicles.model IS 'Model.';

--
-- Name: COLUMN customer_vehicles.vin; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.customer_vehicles.vin IS 'Vehicle identification number: 17 upper-case letters and digits, never I, O or Q.';

--
-- Name: COLUMN customer_vehicles.nickname; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.customer_vehicles.nickname IS 'Customer''s name for the vehicle.';

--
-- Name: COLUMN customer_vehicles.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.customer_vehicles.created_at IS 'When the vehicle was added.';

--
-- Name: COLUMN customer_vehicles.updated_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.customer_vehicles.updated_at IS 'Last change, maintained by trigger.';

--
-- Name: departments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.departments (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT departments_name_check CHECK ((length(TRIM(BOTH FROM name)) > 0))
);

--
-- Name: TABLE departments; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.departments IS 'Teams of technicians (e.g. Diagnostics, Billing). Analysis KPIs can be broken down by department.';

--
-- Name: COLUMN departments.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.departments.id IS 'Department id.';

--
-- Name: COLUMN departments.name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.departments.name IS 'Display name, unique.';

--
-- Name: COLUMN departments.description; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.departments.description IS 'What the team handles.';

--
-- Name: COLUMN departments.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.departments.created_at IS 'When the department was created.';

--
-- Name: COLUMN departments.updated_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.departments.updated_at IS 'Last change, maintained by trigger.';

--
-- Name: desk_settings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.desk_settings (
    id boolean DEFAULT true NOT NULL,
    close_resolved_after interval DEFAULT '7 days'::interval NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT desk_settings_close_resolved_after_check CHECK ((close_resolved_after >= '00:01:00'::interval)),
    CONSTRAINT desk_settings_id_check CHECK (id)
);

--
-- Name: TABLE desk_settings; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.desk_settings IS 'Settings of the technician desk: one row (id = true), read by staff, changed by admins (in the app or Studio).';

--
-- Name: COLUMN desk_settings.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.desk_settings.id IS 'Always true: the table has exactly one row.';

--
-- Name: COLUMN desk_settings.close_resolved_after; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.desk_settings.close_resolved_after IS 'How long a resolved ticket stays quiet (no message) before pg_cron closes it; a customer message before then reopens it.';

--
-- Name: COLUMN desk_settings.updated_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.desk_settings.updated_at IS 'Last change, maintained by trigger.';

--
-- Name: entity_links; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.entity_links (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    source_type text NOT NULL,
    source_id uuid NOT NULL,
    target_type text NOT NULL,
    target_id uuid NOT NULL,
    link_type text NOT NULL,
    metadata jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT entity_links_link_type_check CHECK ((link_type ~ '^[a-z_]+$'::text)),
    CONSTRAINT entity_links_source_type_check CHECK ((source_type ~ '^[a-z_]+$'::text)),
    CONSTRAINT entity_links_target_type_check CHECK ((target_type ~ '^[a-z_]+$'::text))
);

--
-- Name: TABLE entity_links; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.entity_links IS 'Typed links between any two records (e.g. ticket duplicates ticket, article explains guide) for what foreign keys cannot express.';

--
-- Name: COLUMN entity_links.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.entity_links.id IS 'Link id.';

--
-- Name: COLUMN entity_links.source_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.entity_links.source_type IS 'Table of the source record, e.g. tickets.';

--
-- Name: COLUMN entity_links.source_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.entity_links.source_id IS 'Source record id.';

--
-- Name: COLUMN entity_links.target_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.entity_links.target_type IS 'Table of the target record.';

--
-- Name: COLUMN entity_links.target_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.entity_links.target_id IS 'Target record id.';

--
-- Name: COLUMN entity_links.link_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.entity_links.link_type IS 'Relationship, e.g. duplicates, caused_by, explains.';

--
-- Name: COLUMN entity_links.metadata; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.entity_links.metadata IS 'Free details.';

--
-- Name: COLUMN entity_links.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.entity_links.created_by IS 'Who linked them.';

--
-- Name: COLUMN entity_links.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.entity_links.created_at IS 'When linked.';

--
-- Name: guide_figures; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.guide_figures AS
SELECT
    NULL::uuid AS guide_id,
    NULL::text AS slug,
    NULL::text AS title,
    NULL::boolean AS is_published,
    NULL::integer AS step_count,
    NULL::integer AS sessions,
    NULL::integer AS completed_sessions,
    NULL::integer AS resolved_sessions,
    NULL::numeric AS resolution_rate,
    NULL::numeric AS average_steps_to_resolution,
    NULL::numeric AS misclassification_rate,
    NULL::integer AS abandoned_sessions;

--
-- Name: VIEW guide_figures; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON VIEW public.guide_figures IS 'Per-guide usage and outcomes for admins (security invoker; empty for everyone else).';

--
-- Name: COLUMN guide_figures.guide_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.guide_figures.guide_id IS 'Guide id.';

--
-- Name: COLUMN guide_figures.slug; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.guide_figures.slug IS 'Guide slug.';

--
-- Name: COLUMN guide_figures.title; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.guide_figures.title IS 'Guide title now (sessions keep the title they were shown).';

--
-- Name: COLUMN guide_figures.is_published; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.guide_figures.is_published IS 'Whether customers can see and be matched to the guide.';

--
-- Name: COLUMN guide_figures.step_count; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.guide_figures.step_count IS 'Number of steps the guide has now.';

--
-- Name: COLUMN guide_figures.sessions; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.guide_figures.sessions IS 'Troubleshooting sessions started on the guide, in progress or not.';

--
-- Name: COLUMN guide_figures.completed_sessions; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.guide_figures.completed_sessions IS 'Sessions with an outcome (including those the idle job ended).';

--
-- Name: COLUMN guide_figures.resolved_sessions; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.guide_figures.resolved_sessions IS 'Sessions the customer ended with "it''s fixed".';

--
-- Name: COLUMN guide_figures.resolution_rate; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.guide_figures.resolution_rate IS 'Resolved / completed sessions, 0-1; null without completed sessions.';

--
-- Name: COLUMN guide_figures.average_steps_to_resolution; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.guide_figures.average_steps_to_resolution IS 'Average number of steps tried in resolved sessions; null without any.';

--
-- Name: COLUMN guide_figures.misclassification_rate; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.guide_figures.misclassification_rate IS 'Sessions ended with "this isn''t my problem" / completed sessions, 0-1.';

--
-- Name: COLUMN guide_figures.abandoned_sessions; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.guide_figures.abandoned_sessions IS 'Sessions left mid-way (ended by the idle-session job), not counting wrong-guide ones.';

--
-- Name: guide_steps; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.guide_steps (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    guide_id uuid NOT NULL,
    "position" integer NOT NULL,
    instruction text NOT NULL,
    CONSTRAINT guide_steps_position_check CHECK (("position" > 0))
);

--
-- Name: TABLE guide_steps; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.guide_steps IS 'Ordered steps of a guide.';

--
-- Name: COLUMN guide_steps.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.guide_steps.id IS 'Step id.';

--
-- Name: COLUMN guide_steps.guide_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.guide_steps.guide_id IS 'Guide the step belongs to.';

--
-- Name: COLUMN guide_steps."position"; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.guide_steps."position" IS 'Step number, from 1, unique per guide.';

--
-- Name: COLUMN guide_steps.instruction; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.guide_steps.instruction IS 'What the customer is asked to do.';

--
-- Name: guides; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.guides (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    slug text NOT NULL,
    title text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    solution_area text,
    symptoms text[] DEFAULT '{}'::text[] NOT NULL,
    is_published boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT guides_slug_check CHECK ((slug ~ '^[a-z0-9-]+$'::text)),
    CONSTRAINT guides_title_check CHECK ((length(TRIM(BOTH FROM title)) > 0))
);

--
-- Name: TABLE guides; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.guides IS 'Guided troubleshooting flows: a customer''s symptom is matched to a guide and walked through its steps.';

--
-- Name: COLUMN guides.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.guides.id IS 'Guide id.';

--
-- Name: COLUMN guides.slug; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.guides.slug IS 'URL key, unique.';

--
-- Name: COLUMN guides.title; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.guides.title IS 'Guide title, copied into sessions at match time.';

--
-- Name: COLUMN guides.description; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.guides.description IS 'Short summary.';

--
-- Name: COLUMN guides.solution_area; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.guides.solution_area IS 'Solution area of the guide.';

--
-- Name: COLUMN guides.symptoms; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.guides.symptoms IS 'Symptoms the guide is matched against.';

--
-- Name: COLUMN guides.is_published; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.guides.is_published IS 'Visible to customers and anonymous visitors when true.';

--
-- Name: COLUMN guides.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.guides.created_at IS 'When the guide was created.';

--
-- Name: COLUMN guides.updated_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.guides.updated_at IS 'Last change, maintained by trigger.';

--
-- Name: kb_article_votes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.kb_article_votes (
    id bigint NOT NULL,
    article_id uuid NOT NULL,
    voter_id uuid,
    visitor_hash text,
    voted_on date DEFAULT CURRENT_DATE NOT NULL,
    helpful boolean NOT NULL,
    comment text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT kb_article_votes_comment_check CHECK (((comment IS NULL) OR ((length(comment) >= 1) AND (length(comment) <= 1000)))),
    CONSTRAINT kb_article_votes_one_voter CHECK (((voter_id IS NULL) <> (visitor_hash IS NULL))),
    CONSTRAINT kb_article_votes_visitor_hash_check CHECK ((visitor_hash ~ '^[0-9a-f]{64}$'::text))
);

--
-- Name: TABLE kb_article_votes; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.kb_article_votes IS 'Answers to "Was this helpful?" on help-centre articles: one per signed-in person and article, or per visitor, article and day. Written only by public.vote_on_article; read by the voter (own rows) and, as figures, by admins.';

--
-- Name: COLUMN kb_article_votes.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_article_votes.id IS 'Vote id.';

--
-- Name: COLUMN kb_article_votes.article_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_article_votes.article_id IS 'The article voted on; votes go with it.';

--
-- Name: COLUMN kb_article_votes.voter_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_article_votes.voter_id IS 'The signed-in person who voted, or null for a visitor.';

--
-- Name: COLUMN kb_article_votes.visitor_hash; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_article_votes.visitor_hash IS 'For a visitor who is not signed in: a keyed hash of their address and browser (never the address itself).';

--
-- Name: COLUMN kb_article_votes.voted_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_article_votes.voted_on IS 'Day of the vote (the database''s current_date); a visitor votes once per article and day.';

--
-- Name: COLUMN kb_article_votes.helpful; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_article_votes.helpful IS 'Yes (true) or no (false).';

--
-- Name: COLUMN kb_article_votes.comment; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_article_votes.comment IS 'Optional words from the voter (up to 1,000 characters).';

--
-- Name: COLUMN kb_article_votes.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_article_votes.created_at IS 'When the vote was first cast.';

--
-- Name: COLUMN kb_article_votes.updated_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_article_votes.updated_at IS 'When the voter last changed it.';

--
-- Name: kb_article_votes_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.kb_article_votes ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.kb_article_votes_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: kb_articles; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.kb_articles (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    slug text NOT NULL,
    title text NOT NULL,
    content text NOT NULL,
    category text NOT NULL,
    solution_area text,
    vehicle_context text,
    tags text[] DEFAULT '{}'::text[] NOT NULL,
    is_published boolean DEFAULT false NOT NULL,
    author_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT kb_articles_slug_check CHECK ((slug ~ '^[a-z0-9-]+$'::text)),
    CONSTRAINT kb_articles_title_check CHECK ((length(TRIM(BOTH FROM title)) > 0))
);

--
-- Name: TABLE kb_articles; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.kb_articles IS 'Knowledge-base articles (markdown). Published ones are public; every change re-queues embedding.';

--
-- Name: COLUMN kb_articles.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_articles.id IS 'Article id.';

--
-- Name: COLUMN kb_articles.slug; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_articles.slug IS 'URL key, unique.';

--
-- Name: COLUMN kb_articles.title; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_articles.title IS 'Article title.';

--
-- Name: COLUMN kb_articles.content; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_articles.content IS 'Markdown body; chunked and embedded into kb_chunks.';

--
-- Name: COLUMN kb_articles.category; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_articles.category IS 'Topic such as automotive, billing, product.';

--
-- Name: COLUMN kb_articles.solution_area; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_articles.solution_area IS 'Solution area the article belongs to.';

--
-- Name: COLUMN kb_articles.vehicle_context; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_articles.vehicle_context IS 'Vehicle the article applies to (e.g. Toyota Camry 2015-2019), or null when generic.';

--
-- Name: COLUMN kb_articles.tags; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_articles.tags IS 'Free tags for search and filtering.';

--
-- Name: COLUMN kb_articles.is_published; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_articles.is_published IS 'Visible to customers and anonymous visitors when true.';

--
-- Name: COLUMN kb_articles.author_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_articles.author_id IS 'Staff member who wrote the article.';

--
-- Name: COLUMN kb_articles.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_articles.created_at IS 'When the article was created.';

--
-- Name: COLUMN kb_articles.updated_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_articles.updated_at IS 'Last change, maintained by trigger.';

--
-- Name: kb_chunks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.kb_chunks (
    id bigint NOT NULL,
    article_id uuid NOT NULL,
    chunk_index integer NOT NULL,
    content text NOT NULL,
    content_hash text DEFAULT ''::text NOT NULL,
    embedding extensions.vector(384),
    embedding_model text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    article_title text DEFAULT ''::text NOT NULL,
    heading text DEFAULT ''::text NOT NULL,
    fts tsvector GENERATED ALWAYS AS (((setweight(to_tsvector('english'::regconfig, article_title), 'A'::"char") || setweight(to_tsvector('english'::regconfig, heading), 'B'::"char")) || setweight(to_tsvector('english'::regconfig, content), 'D'::"char"))) STORED,
    CONSTRAINT kb_chunks_check CHECK (((embedding IS NULL) = (embedding_model IS NULL))),
    CONSTRAINT kb_chunks_chunk_index_check CHECK ((chunk_index >= 0)),
    CONSTRAINT kb_chunks_embedding_unit_length CHECK (((embedding IS NULL) OR (abs((extensions.vector_norm(embedding) - (1)::double precision)) <= (0.001)::double precision)))
);

--
-- Name: TABLE kb_chunks; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.kb_chunks IS 'Article chunks with their embeddings, the unit of retrieval.';

--
-- Name: COLUMN kb_chunks.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_chunks.id IS 'Chunk id.';

--
-- Name: COLUMN kb_chunks.article_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_chunks.article_id IS 'Article the chunk was cut from; chunks go with it.';

--
-- Name: COLUMN kb_chunks.chunk_index; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_chunks.chunk_index IS 'Position of the chunk in the article, from 0.';

--
-- Name: COLUMN kb_chunks.content; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_chunks.content IS 'Chunk text as embedded.';

--
-- Name: COLUMN kb_chunks.content_hash; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_chunks.content_hash IS 'Hash of content, so unchanged chunks are not re-embedded.';

--
-- Name: COLUMN kb_chunks.embedding; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_chunks.embedding IS '384-dimension embedding; null until the embed job ran.';

--
-- Name: COLUMN kb_chunks.embedding_model; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_chunks.embedding_model IS 'Model that produced the embedding (vectors of different models are not comparable).';

--
-- Name: COLUMN kb_chunks.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_chunks.created_at IS 'When the chunk was written.';

--
-- Name: COLUMN kb_chunks.article_title; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_chunks.article_title IS 'Title of the article when the chunk was written; weighted A in fts.';

--
-- Name: COLUMN kb_chunks.heading; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_chunks.heading IS 'Headings the chunk sits under inside the article (outermost first), weighted B in fts.';

--
-- Name: COLUMN kb_chunks.fts; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_chunks.fts IS 'Generated: title (A) over headings (B) over content (D), english stemming, for the full-text side of search_kb.';

--
-- Name: CONSTRAINT kb_chunks_embedding_unit_length ON kb_chunks; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON CONSTRAINT kb_chunks_embedding_unit_length ON public.kb_chunks IS 'Embeddings are unit length (within 1e-3), so inner product equals cosine similarity: the HNSW index and search_kb use inner product.';

--
-- Name: kb_chunks_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.kb_chunks ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.kb_chunks_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: kb_embedding_status; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.kb_embedding_status (
    article_id uuid NOT NULL,
    state public.kb_embedding_state NOT NULL,
    job_id bigint,
    attempts integer DEFAULT 0 NOT NULL,
    last_error text,
    chunk_count integer DEFAULT 0 NOT NULL,
    embedding_model text,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT kb_embedding_status_attempts_check CHECK ((attempts >= 0)),
    CONSTRAINT kb_embedding_status_chunk_count_check CHECK ((chunk_count >= 0))
);

--
-- Name: TABLE kb_embedding_status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.kb_embedding_status IS 'One row per KB article: where its embedding stands, kept by trigger from the embed queue (private.jobs) and kb_chunks. Read-only for users; published over Realtime for the admin KB page.';

--
-- Name: COLUMN kb_embedding_status.article_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_embedding_status.article_id IS 'The article; the row goes with it.';

--
-- Name: COLUMN kb_embedding_status.state; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_embedding_status.state IS 'pending (queued, also while waiting to retry), embedding (a worker holds the job), embedded, failed (attempts exhausted).';

--
-- Name: COLUMN kb_embedding_status.job_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_embedding_status.job_id IS 'The embed job the state comes from (private.jobs.id); an older job never overwrites a newer one''s state. Null when backfilled from chunks alone.';

--
-- Name: COLUMN kb_embedding_status.attempts; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_embedding_status.attempts IS 'Attempts the worker made on that job so far.';

--
-- Name: COLUMN kb_embedding_status.last_error; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_embedding_status.last_error IS 'Error of the last failed attempt of that job (kept while it waits to retry), or null.';

--
-- Name: COLUMN kb_embedding_status.chunk_count; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_embedding_status.chunk_count IS 'Chunks the article has in kb_chunks, as of the last state change.';

--
-- Name: COLUMN kb_embedding_status.embedding_model; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_embedding_status.embedding_model IS 'Model of the article''s stored chunk embeddings, or null when it has none.';

--
-- Name: COLUMN kb_embedding_status.updated_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.kb_embedding_status.updated_at IS 'When the state last changed.';

--
-- Name: messages; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.messages (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    conversation_id uuid NOT NULL,
    sender_id uuid,
    role public.message_role NOT NULL,
    content text NOT NULL,
    type public.message_type DEFAULT 'text'::public.message_type NOT NULL,
    metadata jsonb DEFAULT '{}'::jsonb NOT NULL,
    is_internal_note boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    search_vector tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, content)) STORED,
    CONSTRAINT messages_check CHECK (((NOT is_internal_note) OR (role = ANY (ARRAY['technician'::public.message_role, 'system'::public.message_role]))))
);

--
-- Name: TABLE messages; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.messages IS 'Messages of a conversation. Internal notes are for staff only; customers never see them (RLS).';

--
-- Name: COLUMN messages.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.messages.id IS 'Message id.';

--
-- Name: COLUMN messages.conversation_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.messages.conversation_id IS 'Thread.';

--
-- Name: COLUMN messages.sender_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.messages.sender_id IS 'Person who sent it; null for assistant and system messages.';

--
-- Name: COLUMN messages.role; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.messages.role IS 'user, assistant, technician or system.';

--
-- Name: COLUMN messages.content; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.messages.content IS 'Message text (or transcript for voice).';

--
-- Name: COLUMN messages.type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.messages.type IS 'text, voice, image or file.';

--
-- Name: COLUMN messages.metadata; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.messages.metadata IS 'Attachments (storage paths, mime types, sizes) and AI details such as cited sources.';

--
-- Name: COLUMN messages.is_internal_note; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.messages.is_internal_note IS 'Staff-only note; hidden from the customer.';

--
-- Name: COLUMN messages.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.messages.created_at IS 'When the message was sent.';

--
-- Name: COLUMN messages.search_vector; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.messages.search_vector IS 'The message''s words for the desk''s full-text search (generated; public.search_tickets finds tickets by their conversation).';

--
-- Name: notifications; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notifications (
    id bigint NOT NULL,
    recipient_id uuid NOT NULL,
    ticket_id uuid,
    kind text NOT NULL,
    body text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    read_at timestamp with time zone,
    CONSTRAINT notifications_kind_check CHECK ((kind = 'sla_breached'::text))
);

--
-- Name: TABLE notifications; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.notifications IS 'Things a member of staff should know about (today: SLA breaches escalated to them). Written by the database; the recipient reads them and marks them read.';

--
-- Name: COLUMN notifications.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notifications.id IS 'Row id.';

--
-- Name: COLUMN notifications.recipient_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notifications.recipient_id IS 'Who it is for.';

--
-- Name: COLUMN notifications.ticket_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notifications.ticket_id IS 'Ticket it is about.';

--
-- Name: COLUMN notifications.kind; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notifications.kind IS 'What happened: sla_breached.';

--
-- Name: COLUMN notifications.body; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notifications.body IS 'One sentence for the recipient.';

--
-- Name: COLUMN notifications.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notifications.created_at IS 'When it was written.';

--
-- Name: COLUMN notifications.read_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notifications.read_at IS 'When the recipient marked it read; null while unread.';

--
-- Name: notifications_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.notifications ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.notifications_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: possible_duplicates; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.possible_duplicates (
    ticket_id uuid NOT NULL,
    duplicate_of uuid NOT NULL,
    similarity real NOT NULL,
    same_customer boolean NOT NULL,
    detected_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT possible_duplicates_not_itself CHECK ((ticket_id <> duplicate_of)),
    CONSTRAINT possible_duplicates_similarity_check CHECK (((similarity >= (0)::double precision) AND (similarity <= (1)::double precision)))
);

--
-- Name: TABLE possible_duplicates; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.possible_duplicates IS 'A newer ticket that closely matches an earlier open one (private.flag_possible_duplicate, after its first triage). Staff read it; the desk shows "possible duplicate of TCK-…". Gone once the ticket is merged.';

--
-- Name: COLUMN possible_duplicates.ticket_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.possible_duplicates.ticket_id IS 'The newer ticket, the possible duplicate.';

--
-- Name: COLUMN possible_duplicates.duplicate_of; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.possible_duplicates.duplicate_of IS 'The earlier open ticket it matches.';

--
-- Name: COLUMN possible_duplicates.similarity; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.possible_duplicates.similarity IS 'Trigram similarity (pg_trgm) of subject and description, 0-1.';

--
-- Name: COLUMN possible_duplicates.same_customer; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.possible_duplicates.same_customer IS 'Whether both tickets are the same customer''s (a merge across customers needs confirming).';

--
-- Name: COLUMN possible_duplicates.detected_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.possible_duplicates.detected_at IS 'When it was found.';

--
-- Name: profiles; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.profiles (
    id uuid NOT NULL,
    full_name text DEFAULT ''::text NOT NULL,
    username text,
    avatar_url text,
    email text,
    phone text,
    department_id uuid,
    role public.user_role DEFAULT 'customer'::public.user_role NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT profiles_username_check CHECK (((username IS NULL) OR (username ~ '^[A-Za-z0-9_.-]{3,40}$'::text)))
);

--
-- Name: TABLE profiles; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.profiles IS 'One row per auth user, created by trigger on sign-up. The role column is changed only by admins, the service role or Studio (trigger protect_profile_fields).';

--
-- Name: COLUMN profiles.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.profiles.id IS 'Same id as auth.users.';

--
-- Name: COLUMN profiles.full_name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.profiles.full_name IS 'Display name, from raw_user_meta_data.full_name at sign-up.';

--
-- Name: COLUMN profiles.username; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.profiles.username IS 'Unique handle (3-40 letters, digits, _ . -), from raw_user_meta_data.username at sign-up.';

--
-- Name: COLUMN profiles.avatar_url; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.profiles.avatar_url IS 'Public URL of the avatar image.';

--
-- Name: COLUMN profiles.email; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.profiles.email IS 'Contact email, copied from auth.users at sign-up.';

--
-- Name: COLUMN profiles.phone; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.profiles.phone IS 'Contact phone number.';

--
-- Name: COLUMN profiles.department_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.profiles.department_id IS 'Technician''s department; only admins change it.';

--
-- Name: COLUMN profiles.role; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.profiles.role IS 'customer (default), technician or admin. Copied into the JWT as the user_role claim by private.custom_access_token_hook.';

--
-- Name: COLUMN profiles.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.profiles.created_at IS 'When the profile was created.';

--
-- Name: COLUMN profiles.updated_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.profiles.updated_at IS 'Last change, maintained by trigger.';

--
-- Name: retrieval_logs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.retrieval_logs (
    id bigint NOT NULL,
    conversation_id uuid,
    user_id uuid,
    query_text text NOT NULL,
    source_type public.retrieval_source_type DEFAULT 'kb_article'::public.retrieval_source_type NOT NULL,
    result_ids text[] DEFAULT '{}'::text[] NOT NULL,
    scores real[] DEFAULT '{}'::real[] NOT NULL,
    returned_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT retrieval_logs_check CHECK ((cardinality(result_ids) = cardinality(scores)))
);

--
-- Name: TABLE retrieval_logs; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.retrieval_logs IS 'What the assistant retrieved for a query, to evaluate and debug answers.';

--
-- Name: COLUMN retrieval_logs.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.retrieval_logs.id IS 'Log id.';

--
-- Name: COLUMN retrieval_logs.conversation_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.retrieval_logs.conversation_id IS 'Thread the query came from.';

--
-- Name: COLUMN retrieval_logs.user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.retrieval_logs.user_id IS 'User who asked.';

--
-- Name: COLUMN retrieval_logs.query_text; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.retrieval_logs.query_text IS 'Query as searched.';

--
-- Name: COLUMN retrieval_logs.source_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.retrieval_logs.source_type IS 'What was searched.';

--
-- Name: COLUMN retrieval_logs.result_ids; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.retrieval_logs.result_ids IS 'Ids of the results, best first.';

--
-- Name: COLUMN retrieval_logs.scores; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.retrieval_logs.scores IS 'Score of each result, same order as result_ids.';

--
-- Name: COLUMN retrieval_logs.returned_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.retrieval_logs.returned_at IS 'When the results were returned.';

--
-- Name: retrieval_logs_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.retrieval_logs ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.retrieval_logs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: solution_areas; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.solution_areas (
    slug text NOT NULL,
    name text NOT NULL,
    description text NOT NULL,
    assistant_instructions text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT solution_areas_slug_check CHECK ((slug ~ '^[a-z0-9-]+$'::text))
);

--
-- Name: TABLE solution_areas; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.solution_areas IS 'What a conversation is about (manufacturing, maintenance, support); each area has its own assistant instructions.';

--
-- Name: COLUMN solution_areas.slug; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.solution_areas.slug IS 'Stable key used by conversations, articles, guides and analytics.';

--
-- Name: COLUMN solution_areas.name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.solution_areas.name IS 'Display name.';

--
-- Name: COLUMN solution_areas.description; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.solution_areas.description IS 'What the area covers, shown to customers when choosing.';

--
-- Name: COLUMN solution_areas.assistant_instructions; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.solution_areas.assistant_instructions IS 'System prompt for the AI assistant in this area.';

--
-- Name: COLUMN solution_areas.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.solution_areas.created_at IS 'When the area was created.';

--
-- Name: COLUMN solution_areas.updated_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.solution_areas.updated_at IS 'Last change, maintained by trigger.';

--
-- Name: technician_availability; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.technician_availability (
    technician_id uuid NOT NULL,
    is_online boolean DEFAULT false NOT NULL,
    capacity integer DEFAULT 5 NOT NULL,
    solution_areas text[],
    last_assigned_at timestamp with time zone,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT technician_availability_capacity_check CHECK (((capacity >= 0) AND (capacity <= 200)))
);

--
-- Name: TABLE technician_availability; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.technician_availability IS 'Whether a technician takes automatically assigned tickets now, how many open ones at most, and for which areas. Technicians switch themselves online or away; admins set capacity and areas.';

--
-- Name: COLUMN technician_availability.technician_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.technician_availability.technician_id IS 'The technician.';

--
-- Name: COLUMN technician_availability.is_online; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.technician_availability.is_online IS 'Takes automatically assigned tickets now (the desk''s online/away switch).';

--
-- Name: COLUMN technician_availability.capacity; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.technician_availability.capacity IS 'At most this many open tickets (assigned, in progress, waiting on the customer) before automatic assignment skips them.';

--
-- Name: COLUMN technician_availability.solution_areas; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.technician_availability.solution_areas IS 'Areas they take tickets of; null for every area.';

--
-- Name: COLUMN technician_availability.last_assigned_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.technician_availability.last_assigned_at IS 'When automatic assignment last gave them a ticket: the round-robin order (longest waiting first).';

--
-- Name: COLUMN technician_availability.updated_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.technician_availability.updated_at IS 'Last change, maintained by trigger.';

--
-- Name: ticket_ai_results; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ticket_ai_results (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ticket_id uuid NOT NULL,
    category public.ticket_category NOT NULL,
    sentiment_score integer NOT NULL,
    urgency public.ticket_urgency NOT NULL,
    draft_reply text DEFAULT ''::text NOT NULL,
    confidence numeric(4,3) NOT NULL,
    model text NOT NULL,
    reasoning text DEFAULT ''::text NOT NULL,
    processed_at timestamp with time zone DEFAULT now() NOT NULL,
    provider text DEFAULT 'local'::text NOT NULL,
    model_details text,
    CONSTRAINT ticket_ai_results_confidence_check CHECK (((confidence >= (0)::numeric) AND (confidence <= (1)::numeric))),
    CONSTRAINT ticket_ai_results_model_details_check CHECK ((char_length(model_details) <= 2000)),
    CONSTRAINT ticket_ai_results_provider_check CHECK (((length(provider) >= 1) AND (length(provider) <= 50))),
    CONSTRAINT ticket_ai_results_sentiment_score_check CHECK (((sentiment_score >= 1) AND (sentiment_score <= 10)))
);

--
-- Name: TABLE ticket_ai_results; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.ticket_ai_results IS 'AI triage result, one per ticket. Staff only: customers have no policy here, so they never see draft reply, sentiment or reasoning.';

--
-- Name: COLUMN ticket_ai_results.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_ai_results.id IS 'Row id.';

--
-- Name: COLUMN ticket_ai_results.ticket_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_ai_results.ticket_id IS 'Ticket triaged; unique.';

--
-- Name: COLUMN ticket_ai_results.category; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_ai_results.category IS 'billing, technical or feature_request.';

--
-- Name: COLUMN ticket_ai_results.sentiment_score; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_ai_results.sentiment_score IS 'Customer sentiment 1 (angry) to 10 (delighted).';

--
-- Name: COLUMN ticket_ai_results.urgency; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_ai_results.urgency IS 'high, medium or low.';

--
-- Name: COLUMN ticket_ai_results.draft_reply; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_ai_results.draft_reply IS 'Suggested reply for the technician to edit.';

--
-- Name: COLUMN ticket_ai_results.confidence; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_ai_results.confidence IS 'Model confidence 0-1.';

--
-- Name: COLUMN ticket_ai_results.model; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_ai_results.model IS 'Model that produced the result.';

--
-- Name: COLUMN ticket_ai_results.reasoning; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_ai_results.reasoning IS 'Why the model decided so.';

--
-- Name: COLUMN ticket_ai_results.processed_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_ai_results.processed_at IS 'When triage finished.';

--
-- Name: COLUMN ticket_ai_results.provider; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_ai_results.provider IS 'AI provider that produced the result (openai or local), shown in the UI next to every AI output.';

--
-- Name: COLUMN ticket_ai_results.model_details; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_ai_results.model_details IS 'The model''s own account for staff (version, probabilities, signals that fired, sentiment evidence); the reasoning column is the plain sentence a technician reads first. Null for providers that give none.';

--
-- Name: ticket_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ticket_events (
    id bigint NOT NULL,
    ticket_id uuid NOT NULL,
    actor_id uuid,
    kind public.ticket_event_kind NOT NULL,
    details jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ticket_events_creation_is_the_ticket CHECK ((kind <> 'created'::public.ticket_event_kind))
);

--
-- Name: TABLE ticket_events; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.ticket_events IS 'What happened to a ticket after it was created (who, what, when). Written only by triggers; staff read it through public.ticket_timeline, which adds the creation from the ticket.';

--
-- Name: COLUMN ticket_events.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_events.id IS 'Row id; increases with insertion order, so it breaks ties between events of one transaction.';

--
-- Name: COLUMN ticket_events.ticket_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_events.ticket_id IS 'Ticket the event belongs to.';

--
-- Name: COLUMN ticket_events.actor_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_events.actor_id IS 'Person whose request caused the event (auth.uid()); null for workers, jobs and Studio.';

--
-- Name: COLUMN ticket_events.kind; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_events.kind IS 'What happened.';

--
-- Name: COLUMN ticket_events.details; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_events.details IS 'Facts of the event: from/to statuses, message id and role, work order number and total, triage category.';

--
-- Name: COLUMN ticket_events.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_events.created_at IS 'When it happened (transaction time).';

--
-- Name: CONSTRAINT ticket_events_creation_is_the_ticket ON ticket_events; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON CONSTRAINT ticket_events_creation_is_the_ticket ON public.ticket_events IS 'A ticket''s creation is the ticket row itself (see public.ticket_timeline), never an event row.';

--
-- Name: ticket_events_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ticket_events ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.ticket_events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: ticket_ratings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ticket_ratings (
    ticket_id uuid NOT NULL,
    customer_id uuid NOT NULL,
    technician_id uuid,
    rating smallint NOT NULL,
    comment text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ticket_ratings_comment_check CHECK ((length(comment) <= 2000)),
    CONSTRAINT ticket_ratings_rating_check CHECK (((rating >= 1) AND (rating <= 5)))
);

--
-- Name: TABLE ticket_ratings; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.ticket_ratings IS 'Customer satisfaction: one rating per resolved ticket, by its customer. CSAT = share of ratings 4 or 5.';

--
-- Name: COLUMN ticket_ratings.ticket_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_ratings.ticket_id IS 'The rated ticket; one rating each.';

--
-- Name: COLUMN ticket_ratings.customer_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_ratings.customer_id IS 'The ticket''s customer, who rated it.';

--
-- Name: COLUMN ticket_ratings.technician_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_ratings.technician_id IS 'The technician who had the ticket when it was rated (trigger), for CSAT per technician.';

--
-- Name: COLUMN ticket_ratings.rating; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_ratings.rating IS '1 (very unhappy) to 5 (very happy).';

--
-- Name: COLUMN ticket_ratings.comment; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_ratings.comment IS 'What the customer added, if anything.';

--
-- Name: COLUMN ticket_ratings.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_ratings.created_at IS 'When it was rated.';

--
-- Name: ticket_timeline; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.ticket_timeline WITH (security_invoker='true') AS
 SELECT ticket.id AS ticket_id,
    NULL::bigint AS event_id,
    ticket.customer_id AS actor_id,
    'created'::public.ticket_event_kind AS kind,
    jsonb_build_object('number', ticket.number, 'channel', ticket.channel) AS details,
    ticket.created_at
   FROM public.tickets ticket
UNION ALL
 SELECT event.ticket_id,
    event.id AS event_id,
    event.actor_id,
    event.kind,
    event.details,
    event.created_at
   FROM public.ticket_events event;

--
-- Name: VIEW ticket_timeline; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON VIEW public.ticket_timeline IS 'A ticket''s timeline: its creation (from the ticket: number, channel, customer) and then its ticket_events rows. Security invoker: the policies of tickets and ticket_events decide what each caller sees. Order by created_at, event_id nulls first.';

--
-- Name: COLUMN ticket_timeline.ticket_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_timeline.ticket_id IS 'Ticket the entry belongs to.';

--
-- Name: COLUMN ticket_timeline.event_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_timeline.event_id IS 'ticket_events.id, or null for the creation entry (which comes first).';

--
-- Name: COLUMN ticket_timeline.actor_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_timeline.actor_id IS 'Who caused it: the customer for the creation, the event''s actor otherwise.';

--
-- Name: COLUMN ticket_timeline.kind; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_timeline.kind IS 'What happened.';

--
-- Name: COLUMN ticket_timeline.details; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_timeline.details IS 'Facts of the entry (number and channel for the creation).';

--
-- Name: COLUMN ticket_timeline.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_timeline.created_at IS 'When it happened.';

--
-- Name: ticket_triage_failures; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ticket_triage_failures (
    ticket_id uuid NOT NULL,
    error text NOT NULL,
    attempts integer NOT NULL,
    failed_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ticket_triage_failures_attempts_check CHECK ((attempts >= 0))
);

--
-- Name: TABLE ticket_triage_failures; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.ticket_triage_failures IS 'Why triage of a ticket failed for good (its triage_status is ai_failed). Staff only; removed when a later triage succeeds.';

--
-- Name: COLUMN ticket_triage_failures.ticket_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_triage_failures.ticket_id IS 'Ticket whose triage failed.';

--
-- Name: COLUMN ticket_triage_failures.error; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_triage_failures.error IS 'Error of the last attempt, as the worker reported it.';

--
-- Name: COLUMN ticket_triage_failures.attempts; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_triage_failures.attempts IS 'Attempts made before giving up.';

--
-- Name: COLUMN ticket_triage_failures.failed_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ticket_triage_failures.failed_at IS 'When triage gave up.';

--
-- Name: triage_corrections; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.triage_corrections (
    id bigint NOT NULL,
    ticket_id uuid NOT NULL,
    field text NOT NULL,
    from_value text,
    to_value text NOT NULL,
    corrected_by uuid,
    corrected_at timestamp with time zone DEFAULT now() NOT NULL,
    model_version text,
    provider text,
    CONSTRAINT triage_corrections_change_the_value CHECK ((from_value IS DISTINCT FROM to_value)),
    CONSTRAINT triage_corrections_field_check CHECK ((field = ANY (ARRAY['category'::text, 'urgency'::text, 'sentiment'::text])))
);

--
-- Name: TABLE triage_corrections; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.triage_corrections IS 'A member of staff''s correction of a triage field, one row per change (never for an unchanged value). Written only by public.correct_ticket_triage; staff read it. The latest row per ticket and field is the value re-triage keeps.';

--
-- Name: COLUMN triage_corrections.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.triage_corrections.id IS 'Row id (also orders corrections made in the same instant).';

--
-- Name: COLUMN triage_corrections.ticket_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.triage_corrections.ticket_id IS 'The corrected ticket.';

--
-- Name: COLUMN triage_corrections.field; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.triage_corrections.field IS 'category, urgency or sentiment (the 1-10 score).';

--
-- Name: COLUMN triage_corrections.from_value; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.triage_corrections.from_value IS 'The value before the correction (what triage said, for the first correction of a field); null when the ticket had none.';

--
-- Name: COLUMN triage_corrections.to_value; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.triage_corrections.to_value IS 'The value the person chose.';

--
-- Name: COLUMN triage_corrections.corrected_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.triage_corrections.corrected_by IS 'Who corrected it.';

--
-- Name: COLUMN triage_corrections.corrected_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.triage_corrections.corrected_at IS 'When.';

--
-- Name: COLUMN triage_corrections.model_version; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.triage_corrections.model_version IS 'The model of the triage result that produced from_value (ticket_ai_results.model); null when the ticket had no triage result.';

--
-- Name: COLUMN triage_corrections.provider; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.triage_corrections.provider IS 'The AI provider of that triage result (ticket_ai_results.provider).';

--
-- Name: triage_corrections_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.triage_corrections ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.triage_corrections_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: troubleshooting_session_steps; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.troubleshooting_session_steps (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    session_id uuid NOT NULL,
    step_number integer NOT NULL,
    step_text text NOT NULL,
    attempted boolean DEFAULT false NOT NULL,
    resolved_issue boolean DEFAULT false NOT NULL,
    responded_at timestamp with time zone,
    CONSTRAINT troubleshooting_session_steps_step_number_check CHECK ((step_number > 0))
);

--
-- Name: TABLE troubleshooting_session_steps; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.troubleshooting_session_steps IS 'Steps shown in a session and the customer''s response to each.';

--
-- Name: COLUMN troubleshooting_session_steps.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.troubleshooting_session_steps.id IS 'Row id.';

--
-- Name: COLUMN troubleshooting_session_steps.session_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.troubleshooting_session_steps.session_id IS 'Session the step was shown in.';

--
-- Name: COLUMN troubleshooting_session_steps.step_number; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.troubleshooting_session_steps.step_number IS 'Position in the guide, from 1.';

--
-- Name: COLUMN troubleshooting_session_steps.step_text; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.troubleshooting_session_steps.step_text IS 'Instruction exactly as shown.';

--
-- Name: COLUMN troubleshooting_session_steps.attempted; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.troubleshooting_session_steps.attempted IS 'The customer tried the step.';

--
-- Name: COLUMN troubleshooting_session_steps.resolved_issue; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.troubleshooting_session_steps.resolved_issue IS 'Set on attempted steps when the session ends resolved.';

--
-- Name: COLUMN troubleshooting_session_steps.responded_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.troubleshooting_session_steps.responded_at IS 'When the customer answered.';

--
-- Name: vehicle_models; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.vehicle_models (
    id bigint NOT NULL,
    year integer NOT NULL,
    make text NOT NULL,
    model text NOT NULL,
    submodel text,
    engine_size text,
    cam_type text,
    body text,
    drive_type text,
    CONSTRAINT vehicle_models_year_check CHECK (((year >= 1900) AND (year <= 2100)))
);

--
-- Name: TABLE vehicle_models; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.vehicle_models IS 'Vehicle catalogue customers pick their vehicle from.';

--
-- Name: COLUMN vehicle_models.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.vehicle_models.id IS 'Catalogue row id.';

--
-- Name: COLUMN vehicle_models.year; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.vehicle_models.year IS 'Model year.';

--
-- Name: COLUMN vehicle_models.make; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.vehicle_models.make IS 'Manufacturer, e.g. Toyota.';

--
-- Name: COLUMN vehicle_models.model; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.vehicle_models.model IS 'Model, e.g. Camry.';

--
-- Name: COLUMN vehicle_models.submodel; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.vehicle_models.submodel IS 'Trim, e.g. LE.';

--
-- Name: COLUMN vehicle_models.engine_size; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.vehicle_models.engine_size IS 'Engine displacement, e.g. 2.5L.';

--
-- Name: COLUMN vehicle_models.cam_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.vehicle_models.cam_type IS 'Camshaft layout, e.g. DOHC.';

--
-- Name: COLUMN vehicle_models.body; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.vehicle_models.body IS 'Body style, e.g. Sedan.';

--
-- Name: COLUMN vehicle_models.drive_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.vehicle_models.drive_type IS 'Drive type, e.g. FWD.';

--
-- Name: vehicle_models_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.vehicle_models ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.vehicle_models_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: work_order_notes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.work_order_notes (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    work_order_id uuid NOT NULL,
    author_id uuid,
    content text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT work_order_notes_content_check CHECK ((length(TRIM(BOTH FROM content)) > 0))
);

--
-- Name: TABLE work_order_notes; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.work_order_notes IS 'Technician-internal notes on a work order. Staff only: customers have no policy here, so they see a work order''s status and total but never these.';

--
-- Name: COLUMN work_order_notes.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_order_notes.id IS 'Note id.';

--
-- Name: COLUMN work_order_notes.work_order_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_order_notes.work_order_id IS 'Work order the note is about.';

--
-- Name: COLUMN work_order_notes.author_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_order_notes.author_id IS 'Staff member who wrote it.';

--
-- Name: COLUMN work_order_notes.content; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_order_notes.content IS 'The note.';

--
-- Name: COLUMN work_order_notes.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_order_notes.created_at IS 'When it was written.';

--
-- Name: work_order_number_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.work_order_number_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: SEQUENCE work_order_number_seq; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON SEQUENCE public.work_order_number_seq IS 'Source of work order numbers (WO-000123).';

--
-- Name: work_order_parts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.work_order_parts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    work_order_id uuid NOT NULL,
    part_name text NOT NULL,
    part_number text,
    quantity integer NOT NULL,
    unit_cost numeric(12,2) NOT NULL,
    line_total numeric(12,2) GENERATED ALWAYS AS (((quantity)::numeric * unit_cost)) STORED,
    CONSTRAINT work_order_parts_quantity_check CHECK ((quantity > 0)),
    CONSTRAINT work_order_parts_unit_cost_check CHECK ((unit_cost >= (0)::numeric))
);

--
-- Name: TABLE work_order_parts; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.work_order_parts IS 'Parts needed by a work order, one line per part.';

--
-- Name: COLUMN work_order_parts.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_order_parts.id IS 'Line id.';

--
-- Name: COLUMN work_order_parts.work_order_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_order_parts.work_order_id IS 'Work order.';

--
-- Name: COLUMN work_order_parts.part_name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_order_parts.part_name IS 'Part description.';

--
-- Name: COLUMN work_order_parts.part_number; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_order_parts.part_number IS 'Manufacturer or catalogue part number.';

--
-- Name: COLUMN work_order_parts.quantity; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_order_parts.quantity IS 'How many.';

--
-- Name: COLUMN work_order_parts.unit_cost; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_order_parts.unit_cost IS 'Cost of one.';

--
-- Name: COLUMN work_order_parts.line_total; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_order_parts.line_total IS 'quantity * unit_cost (generated).';

--
-- Name: work_orders; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.work_orders (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ticket_id uuid NOT NULL,
    number text DEFAULT private.padded_number('WO'::text, nextval('public.work_order_number_seq'::regclass)) NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    estimated_hours numeric(8,2),
    actual_hours numeric(8,2),
    parts_cost numeric(12,2) DEFAULT 0 NOT NULL,
    status public.work_order_status DEFAULT 'open'::public.work_order_status NOT NULL,
    assigned_technician_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    completed_at timestamp with time zone,
    labor_rate numeric(10,2) DEFAULT 0 NOT NULL,
    labor_cost numeric(12,2) GENERATED ALWAYS AS (round((COALESCE(actual_hours, estimated_hours, (0)::numeric) * labor_rate), 2)) STORED,
    total_cost numeric(12,2) GENERATED ALWAYS AS ((round((COALESCE(actual_hours, estimated_hours, (0)::numeric) * labor_rate), 2) + parts_cost)) STORED,
    CONSTRAINT work_orders_actual_hours_check CHECK ((actual_hours >= (0)::numeric)),
    CONSTRAINT work_orders_estimated_hours_check CHECK ((estimated_hours >= (0)::numeric)),
    CONSTRAINT work_orders_labor_rate_check CHECK ((labor_rate >= (0)::numeric))
);

--
-- Name: TABLE work_orders; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.work_orders IS 'Repair work for a ticket. parts_cost is the sum of the parts lines (trigger), total_cost is generated: neither is typed.';

--
-- Name: COLUMN work_orders.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_orders.id IS 'Work order id.';

--
-- Name: COLUMN work_orders.ticket_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_orders.ticket_id IS 'Ticket the work is for.';

--
-- Name: COLUMN work_orders.number; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_orders.number IS 'Human-readable number WO-000123.';

--
-- Name: COLUMN work_orders.description; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_orders.description IS 'Work to do.';

--
-- Name: COLUMN work_orders.estimated_hours; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_orders.estimated_hours IS 'Estimated labour hours.';

--
-- Name: COLUMN work_orders.actual_hours; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_orders.actual_hours IS 'Hours actually worked; logged while the work order is open or in progress, or when completing it.';

--
-- Name: COLUMN work_orders.parts_cost; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_orders.parts_cost IS 'Sum of the parts lines, maintained by trigger; direct edits are refused.';

--
-- Name: COLUMN work_orders.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_orders.status IS 'open -> in_progress -> completed | cancelled (open -> cancelled too); enforced by trigger, finished work orders are frozen.';

--
-- Name: COLUMN work_orders.assigned_technician_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_orders.assigned_technician_id IS 'Technician doing the work.';

--
-- Name: COLUMN work_orders.created_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_orders.created_at IS 'When the work order was created.';

--
-- Name: COLUMN work_orders.updated_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_orders.updated_at IS 'Last change, maintained by trigger.';

--
-- Name: COLUMN work_orders.completed_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_orders.completed_at IS 'When the work order was completed, maintained by trigger.';

--
-- Name: COLUMN work_orders.labor_rate; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_orders.labor_rate IS 'Labour rate per hour; labor_cost = hours x labor_rate.';

--
-- Name: COLUMN work_orders.labor_cost; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_orders.labor_cost IS 'Hours (actual once logged, else estimated) x labor_rate (generated).';

--
-- Name: COLUMN work_orders.total_cost; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.work_orders.total_cost IS 'labor_cost + parts_cost (generated).';

--
-- Name: edge_function_wakeups edge_function_wakeups_pkey; Type: CONSTRAINT; Schema: private; Owner: -
--

ALTER TABLE ONLY private.edge_function_wakeups
    ADD CONSTRAINT edge_function_wakeups_pkey PRIMARY KEY (function_name);

--
-- Name: help_feedback_secret help_feedback_secret_pkey; Type: CONSTRAINT; Schema: private; Owner: -
--

ALTER TABLE ONLY private.help_feedback_secret
    ADD CONSTRAINT help_feedback_secret_pkey PRIMARY KEY (singleton);

--
-- Name: help_search_misses help_search_misses_pkey; Type: CONSTRAINT; Schema: private; Owner: -
--

ALTER TABLE ONLY private.help_search_misses
    ADD CONSTRAINT help_search_misses_pkey PRIMARY KEY (query);

--
-- Name: help_search_terms help_search_terms_pkey; Type: CONSTRAINT; Schema: private; Owner: -
--

ALTER TABLE ONLY private.help_search_terms
    ADD CONSTRAINT help_search_terms_pkey PRIMARY KEY (lexeme, article_id);

--
-- Name: jobs jobs_pkey; Type: CONSTRAINT; Schema: private; Owner: -
--

ALTER TABLE ONLY private.jobs
    ADD CONSTRAINT jobs_pkey PRIMARY KEY (id);

--
-- Name: kb_lexeme_chunk_counts kb_lexeme_chunk_counts_pkey; Type: CONSTRAINT; Schema: private; Owner: -
--

ALTER TABLE ONLY private.kb_lexeme_chunk_counts
    ADD CONSTRAINT kb_lexeme_chunk_counts_pkey PRIMARY KEY (lexeme);

--
-- Name: kb_settings kb_settings_pkey; Type: CONSTRAINT; Schema: private; Owner: -
--

ALTER TABLE ONLY private.kb_settings
    ADD CONSTRAINT kb_settings_pkey PRIMARY KEY (id);

--
-- Name: password_failed_attempts password_failed_attempts_pkey; Type: CONSTRAINT; Schema: private; Owner: -
--

ALTER TABLE ONLY private.password_failed_attempts
    ADD CONSTRAINT password_failed_attempts_pkey PRIMARY KEY (id);

--
-- Name: analysis_exports analysis_exports_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.analysis_exports
    ADD CONSTRAINT analysis_exports_pkey PRIMARY KEY (id);

--
-- Name: analysis_kpis analysis_kpis_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.analysis_kpis
    ADD CONSTRAINT analysis_kpis_pkey PRIMARY KEY (id);

--
-- Name: analytics_events analytics_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.analytics_events
    ADD CONSTRAINT analytics_events_pkey PRIMARY KEY (id);

--
-- Name: assistant_answer_details assistant_answer_details_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assistant_answer_details
    ADD CONSTRAINT assistant_answer_details_pkey PRIMARY KEY (message_id);

--
-- Name: auto_assignment_rules auto_assignment_rules_one_per_area; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auto_assignment_rules
    ADD CONSTRAINT auto_assignment_rules_one_per_area UNIQUE NULLS NOT DISTINCT (solution_area);

--
-- Name: auto_assignment_rules auto_assignment_rules_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auto_assignment_rules
    ADD CONSTRAINT auto_assignment_rules_pkey PRIMARY KEY (id);

--
-- Name: canned_replies canned_replies_one_shortcut_per_owner; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.canned_replies
    ADD CONSTRAINT canned_replies_one_shortcut_per_owner UNIQUE NULLS NOT DISTINCT (owner_id, shortcut);

--
-- Name: canned_replies canned_replies_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.canned_replies
    ADD CONSTRAINT canned_replies_pkey PRIMARY KEY (id);

--
-- Name: conversation_categorizations conversation_categorizations_analysis_id_conversation_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.conversation_categorizations
    ADD CONSTRAINT conversation_categorizations_analysis_id_conversation_id_key UNIQUE (analysis_id, conversation_id);

--
-- Name: conversation_categorizations conversation_categorizations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.conversation_categorizations
    ADD CONSTRAINT conversation_categorizations_pkey PRIMARY KEY (id);

--
-- Name: conversation_read_markers conversation_read_markers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.conversation_read_markers
    ADD CONSTRAINT conversation_read_markers_pkey PRIMARY KEY (conversation_id, user_id);

--
-- Name: conversations conversations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.conversations
    ADD CONSTRAINT conversations_pkey PRIMARY KEY (id);

--
-- Name: customer_analyses customer_analyses_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customer_analyses
    ADD CONSTRAINT customer_analyses_pkey PRIMARY KEY (id);

--
-- Name: customer_vehicles customer_vehicles_customer_id_vin_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customer_vehicles
    ADD CONSTRAINT customer_vehicles_customer_id_vin_key UNIQUE (customer_id, vin);

--
-- Name: customer_vehicles customer_vehicles_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customer_vehicles
    ADD CONSTRAINT customer_vehicles_pkey PRIMARY KEY (id);

--
-- Name: departments departments_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.departments
    ADD CONSTRAINT departments_name_key UNIQUE (name);

--
-- Name: departments departments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.departments
    ADD CONSTRAINT departments_pkey PRIMARY KEY (id);

--
-- Name: desk_settings desk_settings_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.desk_settings
    ADD CONSTRAINT desk_settings_pkey PRIMARY KEY (id);

--
-- Name: entity_links entity_links_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.entity_links
    ADD CONSTRAINT entity_links_pkey PRIMARY KEY (id);

--
-- Name: entity_links entity_links_source_type_source_id_target_type_target_id_li_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.entity_links
    ADD CONSTRAINT entity_links_source_type_source_id_target_type_target_id_li_key UNIQUE (source_type, source_id, target_type, target_id, link_type);

--
-- Name: guide_steps guide_steps_guide_id_position_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.guide_steps
    ADD CONSTRAINT guide_steps_guide_id_position_key UNIQUE (guide_id, "position");

--
-- Name: guide_steps guide_steps_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.guide_steps
    ADD CONSTRAINT guide_steps_pkey PRIMARY KEY (id);

--
-- Name: guides guides_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.guides
    ADD CONSTRAINT guides_pkey PRIMARY KEY (id);

--
-- Name: guides guides_slug_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.guides
    ADD CONSTRAINT guides_slug_key UNIQUE (slug);

--
-- Name: kb_article_votes kb_article_votes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kb_article_votes
    ADD CONSTRAINT kb_article_votes_pkey PRIMARY KEY (id);

--
-- Name: kb_articles kb_articles_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kb_articles
    ADD CONSTRAINT kb_articles_pkey PRIMARY KEY (id);

--
-- Name: kb_articles kb_articles_slug_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kb_articles
    ADD CONSTRAINT kb_articles_slug_key UNIQUE (slug);

--
-- Name: kb_chunks kb_chunks_article_id_chunk_index_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kb_chunks
    ADD CONSTRAINT kb_chunks_article_id_chunk_index_key UNIQUE (article_id, chunk_index);

--
-- Name: kb_chunks kb_chunks_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kb_chunks
    ADD CONSTRAINT kb_chunks_pkey PRIMARY KEY (id);

--
-- Name: kb_embedding_status kb_embedding_status_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kb_embedding_status
    ADD CONSTRAINT kb_embedding_status_pkey PRIMARY KEY (article_id);

--
-- Name: messages messages_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages
    ADD CONSTRAINT messages_pkey PRIMARY KEY (id);

--
-- Name: notifications notifications_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_pkey PRIMARY KEY (id);

--
-- Name: possible_duplicates possible_duplicates_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.possible_duplicates
    ADD CONSTRAINT possible_duplicates_pkey PRIMARY KEY (ticket_id);

--
-- Name: profiles profiles_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.profiles
    ADD CONSTRAINT profiles_pkey PRIMARY KEY (id);

--
-- Name: profiles profiles_username_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.profiles
    ADD CONSTRAINT profiles_username_key UNIQUE (username);

--
-- Name: retrieval_logs retrieval_logs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.retrieval_logs
    ADD CONSTRAINT retrieval_logs_pkey PRIMARY KEY (id);

--
-- Name: sla_policies sla_policies_one_per_urgency_and_area; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_policies
    ADD CONSTRAINT sla_policies_one_per_urgency_and_area UNIQUE NULLS NOT DISTINCT (urgency, solution_area);

--
-- Name: CONSTRAINT sla_policies_one_per_urgency_and_area ON sla_policies; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON CONSTRAINT sla_policies_one_per_urgency_and_area ON public.sla_policies IS 'At most one policy per (urgency, area), nulls included: the match is never ambiguous.';

--
-- Name: sla_policies sla_policies_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_policies
    ADD CONSTRAINT sla_policies_pkey PRIMARY KEY (id);

--
-- Name: solution_areas solution_areas_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.solution_areas
    ADD CONSTRAINT solution_areas_pkey PRIMARY KEY (slug);

--
-- Name: technician_availability technician_availability_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.technician_availability
    ADD CONSTRAINT technician_availability_pkey PRIMARY KEY (technician_id);

--
-- Name: ticket_ai_results ticket_ai_results_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ticket_ai_results
    ADD CONSTRAINT ticket_ai_results_pkey PRIMARY KEY (id);

--
-- Name: ticket_ai_results ticket_ai_results_ticket_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ticket_ai_results
    ADD CONSTRAINT ticket_ai_results_ticket_id_key UNIQUE (ticket_id);

--
-- Name: ticket_events ticket_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ticket_events
    ADD CONSTRAINT ticket_events_pkey PRIMARY KEY (id);

--
-- Name: ticket_ratings ticket_ratings_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ticket_ratings
    ADD CONSTRAINT ticket_ratings_pkey PRIMARY KEY (ticket_id);

--
-- Name: ticket_triage_failures ticket_triage_failures_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ticket_triage_failures
    ADD CONSTRAINT ticket_triage_failures_pkey PRIMARY KEY (ticket_id);

--
-- Name: tickets tickets_conversation_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tickets
    ADD CONSTRAINT tickets_conversation_id_key UNIQUE (conversation_id);

--
-- Name: tickets tickets_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tickets
    ADD CONSTRAINT tickets_number_key UNIQUE (number);

--
-- Name: tickets tickets_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tickets
    ADD CONSTRAINT tickets_pkey PRIMARY KEY (id);

--
-- Name: tickets tickets_troubleshooting_session_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tickets
    ADD CONSTRAINT tickets_troubleshooting_session_id_key UNIQUE (troubleshooting_session_id);

--
-- Name: triage_corrections triage_corrections_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.triage_corrections
    ADD CONSTRAINT triage_corrections_pkey PRIMARY KEY (id);

--
-- Name: troubleshooting_session_steps troubleshooting_session_steps_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.troubleshooting_session_steps
    ADD CONSTRAINT troubleshooting_session_steps_pkey PRIMARY KEY (id);

--
-- Name: troubleshooting_session_steps troubleshooting_session_steps_session_id_step_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.troubleshooting_session_steps
    ADD CONSTRAINT troubleshooting_session_steps_session_id_step_number_key UNIQUE (session_id, step_number);

--
-- Name: troubleshooting_sessions troubleshooting_sessions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.troubleshooting_sessions
    ADD CONSTRAINT troubleshooting_sessions_pkey PRIMARY KEY (id);

--
-- Name: vehicle_models vehicle_models_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.vehicle_models
    ADD CONSTRAINT vehicle_models_pkey PRIMARY KEY (id);

--
-- Name: work_order_notes work_order_notes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.work_order_notes
    ADD CONSTRAINT work_order_notes_pkey PRIMARY KEY (id);

--
-- Name: work_order_parts work_order_parts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.work_order_parts
    ADD CONSTRAINT work_order_parts_pkey PRIMARY KEY (id);

--
-- Name: work_orders work_orders_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.work_orders
    ADD CONSTRAINT work_orders_number_key UNIQUE (number);

--
-- Name: work_orders work_orders_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.work_orders
    ADD CONSTRAINT work_orders_pkey PRIMARY KEY (id);

--
-- Name: help_search_misses_last_seen_idx; Type: INDEX; Schema: private; Owner: -
--

CREATE INDEX help_search_misses_last_seen_idx ON private.help_search_misses USING btree (last_seen_at DESC);

--
-- Name: help_search_terms_article_id_idx; Type: INDEX; Schema: private; Owner: -
--

CREATE INDEX help_search_terms_article_id_idx ON private.help_search_terms USING btree (article_id);

--
-- Name: help_search_terms_lexeme_trgm_idx; Type: INDEX; Schema: private; Owner: -
--

CREATE INDEX help_search_terms_lexeme_trgm_idx ON private.help_search_terms USING gin (lexeme extensions.gin_trgm_ops);

--
-- Name: jobs_claimable_idx; Type: INDEX; Schema: private; Owner: -
--

CREATE INDEX jobs_claimable_idx ON private.jobs USING btree (kind, next_attempt_at) WHERE (status = ANY (ARRAY['queued'::private.job_status, 'running'::private.job_status]));

--
-- Name: jobs_one_open_per_subject_idx; Type: INDEX; Schema: private; Owner: -
--

CREATE UNIQUE INDEX jobs_one_open_per_subject_idx ON private.jobs USING btree (kind, subject) WHERE (status = ANY (ARRAY['queued'::private.job_status, 'running'::private.job_status]));

--
-- Name: INDEX jobs_one_open_per_subject_idx; Type: COMMENT; Schema: private; Owner: -
--

COMMENT ON INDEX private.jobs_one_open_per_subject_idx IS 'At most one queued or running job per kind and subject, so re-enqueueing an article or ticket is a no-op.';

--
-- Name: jobs_running_lease_idx; Type: INDEX; Schema: private; Owner: -
--

CREATE INDEX jobs_running_lease_idx ON private.jobs USING btree (kind, locked_at) WHERE (status = 'running'::private.job_status);

--
-- Name: password_failed_attempts_user_id_attempted_at_idx; Type: INDEX; Schema: private; Owner: -
--

CREATE INDEX password_failed_attempts_user_id_attempted_at_idx ON private.password_failed_attempts USING btree (user_id, attempted_at);

--
-- Name: analysis_exports_analysis_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX analysis_exports_analysis_id_idx ON public.analysis_exports USING btree (analysis_id);

--
-- Name: analysis_exports_generated_by_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX analysis_exports_generated_by_idx ON public.analysis_exports USING btree (generated_by);

--
-- Name: analysis_kpis_analysis_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX analysis_kpis_analysis_idx ON public.analysis_kpis USING btree (analysis_id, metric_type);

--
-- Name: analysis_kpis_department_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX analysis_kpis_department_id_idx ON public.analysis_kpis USING btree (department_id);

--
-- Name: analysis_kpis_technician_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX analysis_kpis_technician_id_idx ON public.analysis_kpis USING btree (technician_id);

--
-- Name: analytics_events_conversation_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX analytics_events_conversation_id_idx ON public.analytics_events USING btree (conversation_id) WHERE (conversation_id IS NOT NULL);

--
-- Name: analytics_events_solution_area_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX analytics_events_solution_area_idx ON public.analytics_events USING btree (solution_area) WHERE (solution_area IS NOT NULL);

--
-- Name: analytics_events_ticket_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX analytics_events_ticket_id_idx ON public.analytics_events USING btree (ticket_id);

--
-- Name: analytics_events_type_time_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX analytics_events_type_time_idx ON public.analytics_events USING btree (event_type, occurred_at DESC);

--
-- Name: analytics_events_user_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX analytics_events_user_id_idx ON public.analytics_events USING btree (user_id);

--
-- Name: assistant_answer_details_retrieval_log_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX assistant_answer_details_retrieval_log_idx ON public.assistant_answer_details USING btree (retrieval_log_id);

--
-- Name: canned_replies_owner_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX canned_replies_owner_idx ON public.canned_replies USING btree (owner_id);

--
-- Name: conversation_categorizations_conversation_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX conversation_categorizations_conversation_id_idx ON public.conversation_categorizations USING btree (conversation_id);

--
-- Name: conversation_categorizations_intent_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX conversation_categorizations_intent_idx ON public.conversation_categorizations USING btree (analysis_id, intent);

--
-- Name: conversation_categorizations_stage_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX conversation_categorizations_stage_idx ON public.conversation_categorizations USING btree (analysis_id, journey_stage);

--
-- Name: conversation_read_markers_user_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX conversation_read_markers_user_id_idx ON public.conversation_read_markers USING btree (user_id);

--
-- Name: conversations_assigned_technician_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX conversations_assigned_technician_idx ON public.conversations USING btree (assigned_technician_id) WHERE (assigned_technician_id IS NOT NULL);

--
-- Name: conversations_customer_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX conversations_customer_idx ON public.conversations USING btree (customer_id, updated_at DESC);

--
-- Name: conversations_solution_area_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX conversations_solution_area_idx ON public.conversations USING btree (solution_area);

--
-- Name: conversations_ticket_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX conversations_ticket_id_idx ON public.conversations USING btree (ticket_id) WHERE (ticket_id IS NOT NULL);

--
-- Name: customer_analyses_triggered_by_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customer_analyses_triggered_by_idx ON public.customer_analyses USING btree (triggered_by);

--
-- Name: customer_vehicles_vehicle_model_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX customer_vehicles_vehicle_model_id_idx ON public.customer_vehicles USING btree (vehicle_model_id);

--
-- Name: entity_links_created_by_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX entity_links_created_by_idx ON public.entity_links USING btree (created_by);

--
-- Name: entity_links_source_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX entity_links_source_idx ON public.entity_links USING btree (source_type, source_id);

--
-- Name: entity_links_target_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX entity_links_target_idx ON public.entity_links USING btree (target_type, target_id);

--
-- Name: guides_solution_area_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX guides_solution_area_idx ON public.guides USING btree (solution_area) WHERE is_published;

--
-- Name: kb_article_votes_article_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX kb_article_votes_article_id_idx ON public.kb_article_votes USING btree (article_id);

--
-- Name: kb_article_votes_once_per_person; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX kb_article_votes_once_per_person ON public.kb_article_votes USING btree (article_id, voter_id) WHERE (voter_id IS NOT NULL);

--
-- Name: INDEX kb_article_votes_once_per_person; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON INDEX public.kb_article_votes_once_per_person IS 'A signed-in person has one vote per article (voting again updates it).';

--
-- Name: kb_article_votes_once_per_visitor_and_day; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX kb_article_votes_once_per_visitor_and_day ON public.kb_article_votes USING btree (visitor_hash, voted_on, article_id) WHERE (visitor_hash IS NOT NULL);

--
-- Name: INDEX kb_article_votes_once_per_visitor_and_day; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON INDEX public.kb_article_votes_once_per_visitor_and_day IS 'A visitor has one vote per article and day (voting again that day updates it); also counts their votes of the day (the daily limit).';

--
-- Name: kb_article_votes_voter_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX kb_article_votes_voter_id_idx ON public.kb_article_votes USING btree (voter_id);

--
-- Name: kb_articles_author_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX kb_articles_author_id_idx ON public.kb_articles USING btree (author_id);

--
-- Name: kb_articles_published_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX kb_articles_published_idx ON public.kb_articles USING btree (solution_area, category) WHERE is_published;

--
-- Name: kb_chunks_embedding_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX kb_chunks_embedding_idx ON public.kb_chunks USING hnsw (((embedding)::extensions.halfvec(384)) extensions.halfvec_ip_ops) WITH (m='32', ef_construction='256');

--
-- Name: INDEX kb_chunks_embedding_idx; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON INDEX public.kb_chunks_embedding_idx IS 'HNSW over chunk embeddings as half-precision vectors, by inner product (unit vectors: the cosine), search_kb''s vector side: m = 32, ef_construction = 256 (see 20261203100000).';

--
-- Name: kb_chunks_fts_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX kb_chunks_fts_idx ON public.kb_chunks USING gin (fts);

--
-- Name: kb_chunks_title_fts_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX kb_chunks_title_fts_idx ON public.kb_chunks USING gin (to_tsvector('english'::regconfig, article_title));

--
-- Name: INDEX kb_chunks_title_fts_idx; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON INDEX public.kb_chunks_title_fts_idx IS 'Title words of each chunk''s article (the A-weighted part of fts), for search_kb''s title side (see 20261203100000).';

--
-- Name: messages_conversation_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX messages_conversation_idx ON public.messages USING btree (conversation_id, created_at, id);

--
-- Name: messages_search_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX messages_search_idx ON public.messages USING gin (search_vector);

--
-- Name: INDEX messages_search_idx; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON INDEX public.messages_search_idx IS 'Full-text search over messages (public.search_tickets finds tickets by their conversation).';

--
-- Name: messages_sender_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX messages_sender_id_idx ON public.messages USING btree (sender_id);

--
-- Name: notifications_recipient_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_recipient_idx ON public.notifications USING btree (recipient_id, created_at DESC);

--
-- Name: notifications_ticket_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_ticket_idx ON public.notifications USING btree (ticket_id);

--
-- Name: possible_duplicates_duplicate_of_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX possible_duplicates_duplicate_of_idx ON public.possible_duplicates USING btree (duplicate_of);

--
-- Name: profiles_department_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX profiles_department_id_idx ON public.profiles USING btree (department_id);

--
-- Name: profiles_role_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX profiles_role_idx ON public.profiles USING btree (role) WHERE (role <> 'customer'::public.user_role);

--
-- Name: retrieval_logs_conversation_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX retrieval_logs_conversation_id_idx ON public.retrieval_logs USING btree (conversation_id, returned_at DESC);

--
-- Name: retrieval_logs_user_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX retrieval_logs_user_id_idx ON public.retrieval_logs USING btree (user_id);

--
-- Name: ticket_events_actor_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ticket_events_actor_id_idx ON public.ticket_events USING btree (actor_id);

--
-- Name: ticket_events_ticket_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ticket_events_ticket_idx ON public.ticket_events USING btree (ticket_id, created_at, id);

--
-- Name: ticket_ratings_created_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ticket_ratings_created_idx ON public.ticket_ratings USING btree (created_at);

--
-- Name: ticket_ratings_customer_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ticket_ratings_customer_idx ON public.ticket_ratings USING btree (customer_id);

--
-- Name: ticket_ratings_technician_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ticket_ratings_technician_idx ON public.ticket_ratings USING btree (technician_id, created_at);

--
-- Name: tickets_assigned_to_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tickets_assigned_to_idx ON public.tickets USING btree (assigned_to, status, created_at DESC) WHERE (assigned_to IS NOT NULL);

--
-- Name: tickets_customer_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tickets_customer_idx ON public.tickets USING btree (customer_id, created_at DESC, id DESC);

--
-- Name: tickets_customer_vehicle_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tickets_customer_vehicle_id_idx ON public.tickets USING btree (customer_vehicle_id) WHERE (customer_vehicle_id IS NOT NULL);

--
-- Name: tickets_follow_up_of_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tickets_follow_up_of_idx ON public.tickets USING btree (follow_up_of) WHERE (follow_up_of IS NOT NULL);

--
-- Name: tickets_merged_into_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tickets_merged_into_idx ON public.tickets USING btree (merged_into) WHERE (merged_into IS NOT NULL);

--
-- Name: tickets_open_sla_due_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tickets_open_sla_due_idx ON public.tickets USING btree (sla_due_at, id) WHERE ((status)::text <> ALL (ARRAY['resolved'::text, 'closed'::text, 'merged'::text]));

--
-- Name: INDEX tickets_open_sla_due_idx; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON INDEX public.tickets_open_sla_due_idx IS 'The desk table view''s open lanes sorted by SLA due in either direction (the full tickets_sla_due_idx would walk every finished ticket''s null first when descending).';

--
-- Name: tickets_priority_set_by_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tickets_priority_set_by_id_idx ON public.tickets USING btree (priority_set_by_id) WHERE (priority_set_by_id IS NOT NULL);

--
-- Name: tickets_queue_all_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tickets_queue_all_idx ON public.tickets USING btree (created_at DESC, id DESC);

--
-- Name: tickets_queue_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tickets_queue_idx ON public.tickets USING btree (status, urgency, created_at DESC, id DESC);

--
-- Name: tickets_search_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tickets_search_idx ON public.tickets USING gin (search_vector);

--
-- Name: tickets_sla_due_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tickets_sla_due_idx ON public.tickets USING btree (sla_due_at, id);

--
-- Name: INDEX tickets_sla_due_idx; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON INDEX public.tickets_sla_due_idx IS 'The table view''s "SLA due" order (both directions) and the escalation job''s search for breaches.';

--
-- Name: tickets_triage_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tickets_triage_idx ON public.tickets USING btree (triage_status, created_at) WHERE (triage_status = ANY (ARRAY['pending'::public.ticket_triage_status, 'processing'::public.ticket_triage_status, 'ai_failed'::public.ticket_triage_status]));

--
-- Name: tickets_unassigned_queue_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tickets_unassigned_queue_idx ON public.tickets USING btree (private.urgency_rank((urgency)::text), created_at, id) WHERE ((status)::text = 'unassigned'::text);

--
-- Name: INDEX tickets_unassigned_queue_idx; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON INDEX public.tickets_unassigned_queue_idx IS 'The technician queue and claim_next_ticket: unassigned tickets by urgency (private.urgency_rank), then oldest first.';

--
-- Name: triage_corrections_corrected_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX triage_corrections_corrected_at_idx ON public.triage_corrections USING btree (corrected_at);

--
-- Name: triage_corrections_corrected_by_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX triage_corrections_corrected_by_idx ON public.triage_corrections USING btree (corrected_by);

--
-- Name: triage_corrections_ticket_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX triage_corrections_ticket_idx ON public.triage_corrections USING btree (ticket_id, field, id DESC);

--
-- Name: troubleshooting_session_steps_session_responded_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX troubleshooting_session_steps_session_responded_idx ON public.troubleshooting_session_steps USING btree (session_id, responded_at);

--
-- Name: troubleshooting_sessions_customer_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX troubleshooting_sessions_customer_idx ON public.troubleshooting_sessions USING btree (customer_id, started_at DESC);

--
-- Name: troubleshooting_sessions_customer_vehicle_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX troubleshooting_sessions_customer_vehicle_id_idx ON public.troubleshooting_sessions USING btree (customer_vehicle_id);

--
-- Name: troubleshooting_sessions_guide_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX troubleshooting_sessions_guide_id_idx ON public.troubleshooting_sessions USING btree (guide_id);

--
-- Name: troubleshooting_sessions_open_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX troubleshooting_sessions_open_idx ON public.troubleshooting_sessions USING btree (started_at) WHERE (completed_at IS NULL);

--
-- Name: vehicle_models_lookup_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX vehicle_models_lookup_idx ON public.vehicle_models USING btree (make, model, year);

--
-- Name: work_order_notes_author_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX work_order_notes_author_id_idx ON public.work_order_notes USING btree (author_id);

--
-- Name: work_order_notes_work_order_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX work_order_notes_work_order_idx ON public.work_order_notes USING btree (work_order_id, created_at);

--
-- Name: work_order_parts_work_order_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX work_order_parts_work_order_id_idx ON public.work_order_parts USING btree (work_order_id);

--
-- Name: work_orders_assigned_technician_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX work_orders_assigned_technician_idx ON public.work_orders USING btree (assigned_technician_id);

--
-- Name: work_orders_ticket_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX work_orders_ticket_id_idx ON public.work_orders USING btree (ticket_id);

--
-- Name: guide_figures _RETURN; Type: RULE; Schema: public; Owner: -
--

CREATE OR REPLACE VIEW public.guide_figures WITH (security_invoker='true') AS
 SELECT guide.id AS guide_id,
    guide.slug,
    guide.title,
    guide.is_published,
    (( SELECT count(*) AS count
           FROM public.guide_steps step
          WHERE (step.guide_id = guide.id)))::integer AS step_count,
    (count(session.id))::integer AS sessions,
    (count(session.id) FILTER (WHERE (session.completed_at IS NOT NULL)))::integer AS completed_sessions,
    (count(session.id) FILTER (WHERE (private.guided_fix_outcome(session.*) = 'resolved'::text)))::integer AS resolved_sessions,
    round(((count(session.id) FILTER (WHERE (private.guided_fix_outcome(session.*) = 'resolved'::text)))::numeric / (NULLIF(count(session.id) FILTER (WHERE (session.completed_at IS NOT NULL)), 0))::numeric), 3) AS resolution_rate,
    round(avg(( SELECT count(*) AS count
           FROM public.troubleshooting_session_steps step
          WHERE ((step.session_id = session.id) AND step.attempted))) FILTER (WHERE (private.guided_fix_outcome(session.*) = 'resolved'::text)), 2) AS average_steps_to_resolution,
    round(((count(session.id) FILTER (WHERE (private.guided_fix_outcome(session.*) = 'wrong_guide'::text)))::numeric / (NULLIF(count(session.id) FILTER (WHERE (session.completed_at IS NOT NULL)), 0))::numeric), 3) AS misclassification_rate,
    (count(session.id) FILTER (WHERE (private.guided_fix_outcome(session.*) = 'abandoned'::text)))::integer AS abandoned_sessions
   FROM (public.guides guide
     LEFT JOIN public.troubleshooting_sessions session ON ((session.guide_id = guide.id)))
  WHERE ( SELECT private.is_admin() AS is_admin)
  GROUP BY guide.id;

--
-- Name: users on_auth_user_created; Type: TRIGGER; Schema: auth; Owner: -
--

CREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users FOR EACH ROW EXECUTE FUNCTION private.handle_new_user();

--
-- Name: jobs record_kb_embedding_status; Type: TRIGGER; Schema: private; Owner: -
--

CREATE CONSTRAINT TRIGGER record_kb_embedding_status AFTER INSERT OR UPDATE ON private.jobs DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN ((new.kind = 'embed'::private.job_kind)) EXECUTE FUNCTION private.record_kb_embedding_status_after_job_change();

--
-- Name: tickets a_prepare_new_ticket; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER a_prepare_new_ticket BEFORE INSERT ON public.tickets FOR EACH ROW EXECUTE FUNCTION private.prepare_new_ticket();

--
-- Name: tickets a_protect_ticket_fields; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER a_protect_ticket_fields BEFORE UPDATE ON public.tickets FOR EACH ROW EXECUTE FUNCTION private.protect_ticket_fields();

--
-- Name: messages a_reopen_or_follow_up_on_customer_message; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER a_reopen_or_follow_up_on_customer_message AFTER INSERT ON public.messages REFERENCING NEW TABLE AS inserted_messages FOR EACH STATEMENT EXECUTE FUNCTION private.reopen_or_follow_up_on_customer_message();

--
-- Name: tickets announce_ticket_progress_in_chat; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER announce_ticket_progress_in_chat AFTER UPDATE OF status, assigned_to ON public.tickets FOR EACH ROW EXECUTE FUNCTION private.announce_ticket_progress_in_chat();

--
-- Name: tickets b_assign_new_ticket; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER b_assign_new_ticket BEFORE INSERT ON public.tickets FOR EACH ROW EXECUTE FUNCTION private.assign_new_ticket();

--
-- Name: tickets b_enforce_ticket_lifecycle; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER b_enforce_ticket_lifecycle BEFORE UPDATE ON public.tickets FOR EACH ROW EXECUTE FUNCTION private.enforce_ticket_lifecycle();

--
-- Name: tickets c_require_finished_work_orders; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER c_require_finished_work_orders BEFORE UPDATE OF status ON public.tickets FOR EACH ROW WHEN ((((new.status)::text = 'resolved'::text) AND ((old.status)::text IS DISTINCT FROM 'resolved'::text))) EXECUTE FUNCTION private.require_finished_work_orders();

--
-- Name: assistant_answer_details check_assistant_answer_detail; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER check_assistant_answer_detail BEFORE INSERT OR UPDATE OF message_id ON public.assistant_answer_details FOR EACH ROW EXECUTE FUNCTION private.check_assistant_answer_detail();

--
-- Name: messages check_message_attachment; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER check_message_attachment BEFORE INSERT OR UPDATE OF metadata, type, is_internal_note ON public.messages FOR EACH ROW EXECUTE FUNCTION private.check_message_attachment();

--
-- Name: ticket_ai_results copy_ai_result_to_ticket; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER copy_ai_result_to_ticket AFTER INSERT OR UPDATE ON public.ticket_ai_results FOR EACH ROW EXECUTE FUNCTION private.copy_ai_result_to_ticket();

--
-- Name: tickets d_keep_ticket_priority; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER d_keep_ticket_priority BEFORE INSERT OR UPDATE OF priority, urgency, priority_set_by, priority_set_by_id ON public.tickets FOR EACH ROW EXECUTE FUNCTION private.keep_ticket_priority();

--
-- Name: kb_articles drop_embed_job; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER drop_embed_job AFTER DELETE ON public.kb_articles FOR EACH ROW EXECUTE FUNCTION private.drop_embed_job_of_deleted_article();

--
-- Name: tickets e_keep_ticket_sla; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER e_keep_ticket_sla BEFORE INSERT OR UPDATE ON public.tickets FOR EACH ROW EXECUTE FUNCTION private.keep_ticket_sla();

--
-- Name: customer_analyses enqueue_analysis; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER enqueue_analysis AFTER INSERT ON public.customer_analyses FOR EACH ROW EXECUTE FUNCTION private.enqueue_job('analysis', 'analysis_id');

--
-- Name: kb_articles enqueue_embedding; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER enqueue_embedding AFTER INSERT OR UPDATE OF content, title ON public.kb_articles FOR EACH ROW EXECUTE FUNCTION private.enqueue_job('embed', 'article_id');

--
-- Name: tickets ensure_triage_failure_row; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ensure_triage_failure_row AFTER INSERT OR UPDATE OF triage_status ON public.tickets FOR EACH ROW WHEN ((new.triage_status = 'ai_failed'::public.ticket_triage_status)) EXECUTE FUNCTION private.ensure_triage_failure_row();

--
-- Name: ticket_ai_results flag_possible_duplicate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER flag_possible_duplicate AFTER INSERT ON public.ticket_ai_results FOR EACH ROW EXECUTE FUNCTION private.flag_possible_duplicate_after_triage();

--
-- Name: kb_chunks kb_chunks_count_lexemes_on_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER kb_chunks_count_lexemes_on_delete AFTER DELETE ON public.kb_chunks REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.count_kb_chunk_lexemes();

ALTER TABLE public.kb_chunks ENABLE ALWAYS TRIGGER kb_chunks_count_lexemes_on_delete;

--
-- Name: TRIGGER kb_chunks_count_lexemes_on_delete ON kb_chunks; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER kb_chunks_count_lexemes_on_delete ON public.kb_chunks IS 'Takes the deleted chunks'' lexemes out of private.kb_lexeme_chunk_counts.';

--
-- Name: kb_chunks kb_chunks_count_lexemes_on_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER kb_chunks_count_lexemes_on_insert AFTER INSERT ON public.kb_chunks REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.count_kb_chunk_lexemes();

ALTER TABLE public.kb_chunks ENABLE ALWAYS TRIGGER kb_chunks_count_lexemes_on_insert;

--
-- Name: TRIGGER kb_chunks_count_lexemes_on_insert ON kb_chunks; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER kb_chunks_count_lexemes_on_insert ON public.kb_chunks IS 'Adds the new chunks'' lexemes to private.kb_lexeme_chunk_counts.';

--
-- Name: kb_chunks kb_chunks_count_lexemes_on_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER kb_chunks_count_lexemes_on_truncate AFTER TRUNCATE ON public.kb_chunks FOR EACH STATEMENT EXECUTE FUNCTION private.count_kb_chunk_lexemes();

ALTER TABLE public.kb_chunks ENABLE ALWAYS TRIGGER kb_chunks_count_lexemes_on_truncate;

--
-- Name: TRIGGER kb_chunks_count_lexemes_on_truncate ON kb_chunks; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER kb_chunks_count_lexemes_on_truncate ON public.kb_chunks IS 'Empties private.kb_lexeme_chunk_counts.';

--
-- Name: kb_chunks kb_chunks_count_lexemes_on_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER kb_chunks_count_lexemes_on_update AFTER UPDATE ON public.kb_chunks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.count_kb_chunk_lexemes();

ALTER TABLE public.kb_chunks ENABLE ALWAYS TRIGGER kb_chunks_count_lexemes_on_update;

--
-- Name: TRIGGER kb_chunks_count_lexemes_on_update ON kb_chunks; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER kb_chunks_count_lexemes_on_update ON public.kb_chunks IS 'Moves the counts of chunks whose fts changed.';

--
-- Name: ticket_ai_results keep_corrected_triage; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER keep_corrected_triage BEFORE INSERT OR UPDATE ON public.ticket_ai_results FOR EACH ROW EXECUTE FUNCTION private.keep_corrected_triage();

--
-- Name: tickets link_ticket_conversation; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER link_ticket_conversation AFTER INSERT ON public.tickets FOR EACH ROW WHEN ((new.conversation_id IS NOT NULL)) EXECUTE FUNCTION private.link_ticket_conversation();

--
-- Name: troubleshooting_sessions prepare_new_session; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER prepare_new_session BEFORE INSERT ON public.troubleshooting_sessions FOR EACH ROW EXECUTE FUNCTION private.prepare_new_session();

--
-- Name: ticket_ratings prepare_ticket_rating; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER prepare_ticket_rating BEFORE INSERT ON public.ticket_ratings FOR EACH ROW EXECUTE FUNCTION private.prepare_ticket_rating();

--
-- Name: technician_availability protect_availability_fields; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER protect_availability_fields BEFORE INSERT OR UPDATE ON public.technician_availability FOR EACH ROW EXECUTE FUNCTION private.protect_availability_fields();

--
-- Name: conversations protect_conversation_fields; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER protect_conversation_fields BEFORE UPDATE ON public.conversations FOR EACH ROW EXECUTE FUNCTION private.protect_conversation_fields();

--
-- Name: profiles protect_profile_fields; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER protect_profile_fields BEFORE UPDATE ON public.profiles FOR EACH ROW EXECUTE FUNCTION private.protect_profile_fields();

--
-- Name: troubleshooting_sessions protect_session_fields; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER protect_session_fields BEFORE UPDATE ON public.troubleshooting_sessions FOR EACH ROW EXECUTE FUNCTION private.protect_session_fields();

--
-- Name: work_orders protect_work_order_fields; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER protect_work_order_fields BEFORE INSERT OR UPDATE ON public.work_orders FOR EACH ROW EXECUTE FUNCTION private.protect_work_order_fields();

--
-- Name: tickets record_assignment_of_new_tickets; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER record_assignment_of_new_tickets AFTER INSERT ON public.tickets REFERENCING NEW TABLE AS inserted_tickets FOR EACH STATEMENT EXECUTE FUNCTION private.record_assignment_of_new_tickets();

--
-- Name: conversations record_conversation_created; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER record_conversation_created AFTER INSERT ON public.conversations FOR EACH ROW EXECUTE FUNCTION private.record_row_change_event();

--
-- Name: messages record_first_response; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER record_first_response AFTER INSERT ON public.messages REFERENCING NEW TABLE AS inserted_messages FOR EACH STATEMENT EXECUTE FUNCTION private.record_first_response();

--
-- Name: messages record_message_events; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER record_message_events AFTER INSERT ON public.messages REFERENCING NEW TABLE AS inserted_messages FOR EACH STATEMENT EXECUTE FUNCTION private.record_message_events();

--
-- Name: messages record_message_sent; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER record_message_sent AFTER INSERT ON public.messages FOR EACH ROW EXECUTE FUNCTION private.record_row_change_event();

--
-- Name: tickets record_new_tickets; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER record_new_tickets AFTER INSERT ON public.tickets REFERENCING NEW TABLE AS inserted_tickets FOR EACH STATEMENT EXECUTE FUNCTION private.record_new_tickets();

--
-- Name: tickets record_ticket_change_events; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER record_ticket_change_events AFTER UPDATE ON public.tickets REFERENCING OLD TABLE AS old_tickets NEW TABLE AS new_tickets FOR EACH STATEMENT EXECUTE FUNCTION private.record_ticket_change_events();

--
-- Name: ticket_ratings record_ticket_rating; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER record_ticket_rating AFTER INSERT ON public.ticket_ratings FOR EACH ROW EXECUTE FUNCTION private.record_ticket_rating();

--
-- Name: tickets record_ticket_status_changed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER record_ticket_status_changed AFTER UPDATE OF status ON public.tickets FOR EACH ROW WHEN (((old.status)::text IS DISTINCT FROM (new.status)::text)) EXECUTE FUNCTION private.record_row_change_event();

--
-- Name: troubleshooting_sessions record_troubleshooting_completed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER record_troubleshooting_completed AFTER UPDATE OF completed_at ON public.troubleshooting_sessions FOR EACH ROW WHEN (((old.completed_at IS NULL) AND (new.completed_at IS NOT NULL))) EXECUTE FUNCTION private.record_row_change_event();

--
-- Name: troubleshooting_sessions record_troubleshooting_started; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER record_troubleshooting_started AFTER INSERT ON public.troubleshooting_sessions FOR EACH ROW EXECUTE FUNCTION private.record_row_change_event();

--
-- Name: work_orders record_work_order_completed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER record_work_order_completed AFTER UPDATE OF status ON public.work_orders FOR EACH ROW WHEN (((old.status IS DISTINCT FROM new.status) AND (new.status = 'completed'::public.work_order_status))) EXECUTE FUNCTION private.record_row_change_event();

--
-- Name: work_orders record_work_order_created_events; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER record_work_order_created_events AFTER INSERT ON public.work_orders REFERENCING NEW TABLE AS inserted_work_orders FOR EACH STATEMENT EXECUTE FUNCTION private.record_work_order_created_events();

--
-- Name: work_orders record_work_order_status_events; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER record_work_order_status_events AFTER UPDATE ON public.work_orders REFERENCING OLD TABLE AS old_work_orders NEW TABLE AS new_work_orders FOR EACH STATEMENT EXECUTE FUNCTION private.record_work_order_status_events();

--
-- Name: kb_articles refresh_help_search_terms; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER refresh_help_search_terms AFTER INSERT OR UPDATE OF title, content, tags, is_published ON public.kb_articles FOR EACH ROW EXECUTE FUNCTION private.refresh_help_search_terms();

--
-- Name: TRIGGER refresh_help_search_terms ON kb_articles; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER refresh_help_search_terms ON public.kb_articles IS 'Keeps private.help_search_terms (public.search_help''s index) in step with published articles.';

--
-- Name: profiles refuse_deleting_people_with_open_tickets; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER refuse_deleting_people_with_open_tickets BEFORE DELETE ON public.profiles FOR EACH ROW EXECUTE FUNCTION private.refuse_deleting_people_with_open_tickets();

--
-- Name: tickets relink_ticket_conversation; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER relink_ticket_conversation AFTER UPDATE OF conversation_id ON public.tickets FOR EACH ROW WHEN ((old.conversation_id IS DISTINCT FROM new.conversation_id)) EXECUTE FUNCTION private.link_ticket_conversation();

--
-- Name: work_orders start_ticket_with_its_work; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER start_ticket_with_its_work AFTER UPDATE ON public.work_orders REFERENCING OLD TABLE AS old_work_orders NEW TABLE AS new_work_orders FOR EACH STATEMENT EXECUTE FUNCTION private.start_ticket_with_its_work();

--
-- Name: work_order_parts sum_work_order_parts; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER sum_work_order_parts AFTER INSERT OR DELETE OR UPDATE ON public.work_order_parts FOR EACH ROW EXECUTE FUNCTION private.sum_work_order_parts();

--
-- Name: messages touch_conversation_on_message; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_conversation_on_message AFTER INSERT ON public.messages FOR EACH ROW EXECUTE FUNCTION private.touch_conversation_on_message();

--
-- Name: canned_replies touch_updated_at; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_updated_at BEFORE UPDATE ON public.canned_replies FOR EACH ROW EXECUTE FUNCTION private.touch_updated_at();

--
-- Name: conversations touch_updated_at; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_updated_at BEFORE UPDATE ON public.conversations FOR EACH ROW EXECUTE FUNCTION private.touch_updated_at();

--
-- Name: customer_vehicles touch_updated_at; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_updated_at BEFORE UPDATE ON public.customer_vehicles FOR EACH ROW EXECUTE FUNCTION private.touch_updated_at();

--
-- Name: departments touch_updated_at; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_updated_at BEFORE UPDATE ON public.departments FOR EACH ROW EXECUTE FUNCTION private.touch_updated_at();

--
-- Name: desk_settings touch_updated_at; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_updated_at BEFORE UPDATE ON public.desk_settings FOR EACH ROW EXECUTE FUNCTION private.touch_updated_at();

--
-- Name: guides touch_updated_at; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_updated_at BEFORE UPDATE ON public.guides FOR EACH ROW EXECUTE FUNCTION private.touch_updated_at();

--
-- Name: kb_articles touch_updated_at; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_updated_at BEFORE UPDATE ON public.kb_articles FOR EACH ROW EXECUTE FUNCTION private.touch_updated_at();

--
-- Name: profiles touch_updated_at; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_updated_at BEFORE UPDATE ON public.profiles FOR EACH ROW EXECUTE FUNCTION private.touch_updated_at();

--
-- Name: sla_policies touch_updated_at; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_updated_at BEFORE UPDATE ON public.sla_policies FOR EACH ROW EXECUTE FUNCTION private.touch_updated_at();

--
-- Name: solution_areas touch_updated_at; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_updated_at BEFORE UPDATE ON public.solution_areas FOR EACH ROW EXECUTE FUNCTION private.touch_updated_at();

--
-- Name: technician_availability touch_updated_at; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_updated_at BEFORE UPDATE ON public.technician_availability FOR EACH ROW EXECUTE FUNCTION private.touch_updated_at();

--
-- Name: tickets touch_updated_at; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_updated_at BEFORE UPDATE ON public.tickets FOR EACH ROW EXECUTE FUNCTION private.touch_updated_at();

--
-- Name: work_orders touch_updated_at; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER touch_updated_at BEFORE UPDATE ON public.work_orders FOR EACH ROW EXECUTE FUNCTION private.touch_updated_at();

--
-- Name: kb_articles wake_embed_worker; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER wake_embed_worker AFTER INSERT OR UPDATE OF content, title ON public.kb_articles FOR EACH STATEMENT EXECUTE FUNCTION private.wake_embed_worker_after_change();

--
-- Name: tickets wake_triage_worker; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER wake_triage_worker AFTER INSERT ON public.tickets REFERENCING NEW TABLE AS inserted_tickets FOR EACH STATEMENT EXECUTE FUNCTION private.wake_triage_worker();

--
-- Name: help_search_terms help_search_terms_article_id_fkey; Type: FK CONSTRAINT; Schema: private; Owner: -
--

ALTER TABLE ONLY private.help_search_terms
    ADD CONSTRAINT help_search_terms_article_id_fkey FOREIGN KEY (article_id) REFERENCES public.kb_articles(id) ON DELETE CASCADE;

--
-- Name: password_failed_attempts password_failed_attempts_user_id_fkey; Type: FK CONSTRAINT; Schema: private; Owner: -
--

ALTER TABLE ONLY private.password_failed_attempts
    ADD CONSTRAINT password_failed_attempts_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE;

--
-- Name: analysis_exports analysis_exports_analysis_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.analysis_exports
    ADD CONSTRAINT analysis_exports_analysis_id_fkey FOREIGN KEY (analysis_id) REFERENCES public.customer_analyses(id) ON DELETE CASCADE;

--
-- Name: analysis_exports analysis_exports_generated_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.analysis_exports
    ADD CONSTRAINT analysis_exports_generated_by_fkey FOREIGN KEY (generated_by) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: analysis_kpis analysis_kpis_analysis_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.analysis_kpis
    ADD CONSTRAINT analysis_kpis_analysis_id_fkey FOREIGN KEY (analysis_id) REFERENCES public.customer_analyses(id) ON DELETE CASCADE;

--
-- Name: analysis_kpis analysis_kpis_department_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.analysis_kpis
    ADD CONSTRAINT analysis_kpis_department_id_fkey FOREIGN KEY (department_id) REFERENCES public.departments(id) ON DELETE SET NULL;

--
-- Name: analysis_kpis analysis_kpis_technician_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.analysis_kpis
    ADD CONSTRAINT analysis_kpis_technician_id_fkey FOREIGN KEY (technician_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: analytics_events analytics_events_conversation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.analytics_events
    ADD CONSTRAINT analytics_events_conversation_id_fkey FOREIGN KEY (conversation_id) REFERENCES public.conversations(id) ON DELETE SET NULL;

--
-- Name: analytics_events analytics_events_solution_area_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.analytics_events
    ADD CONSTRAINT analytics_events_solution_area_fkey FOREIGN KEY (solution_area) REFERENCES public.solution_areas(slug) ON UPDATE CASCADE ON DELETE SET NULL;

--
-- Name: analytics_events analytics_events_ticket_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.analytics_events
    ADD CONSTRAINT analytics_events_ticket_id_fkey FOREIGN KEY (ticket_id) REFERENCES public.tickets(id) ON DELETE SET NULL;

--
-- Name: analytics_events analytics_events_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.analytics_events
    ADD CONSTRAINT analytics_events_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: assistant_answer_details assistant_answer_details_message_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assistant_answer_details
    ADD CONSTRAINT assistant_answer_details_message_id_fkey FOREIGN KEY (message_id) REFERENCES public.messages(id) ON DELETE CASCADE;

--
-- Name: assistant_answer_details assistant_answer_details_retrieval_log_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assistant_answer_details
    ADD CONSTRAINT assistant_answer_details_retrieval_log_id_fkey FOREIGN KEY (retrieval_log_id) REFERENCES public.retrieval_logs(id) ON DELETE SET NULL;

--
-- Name: assistant_answer_details assistant_answer_details_routed_area_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assistant_answer_details
    ADD CONSTRAINT assistant_answer_details_routed_area_fkey FOREIGN KEY (routed_area) REFERENCES public.solution_areas(slug) ON UPDATE CASCADE ON DELETE SET NULL;

--
-- Name: auto_assignment_rules auto_assignment_rules_solution_area_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.auto_assignment_rules
    ADD CONSTRAINT auto_assignment_rules_solution_area_fkey FOREIGN KEY (solution_area) REFERENCES public.solution_areas(slug) ON UPDATE CASCADE ON DELETE CASCADE;

--
-- Name: canned_replies canned_replies_owner_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.canned_replies
    ADD CONSTRAINT canned_replies_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES public.profiles(id) ON DELETE CASCADE;

--
-- Name: conversation_categorizations conversation_categorizations_analysis_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.conversation_categorizations
    ADD CONSTRAINT conversation_categorizations_analysis_id_fkey FOREIGN KEY (analysis_id) REFERENCES public.customer_analyses(id) ON DELETE CASCADE;

--
-- Name: conversation_categorizations conversation_categorizations_conversation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.conversation_categorizations
    ADD CONSTRAINT conversation_categorizations_conversation_id_fkey FOREIGN KEY (conversation_id) REFERENCES public.conversations(id) ON DELETE CASCADE;

--
-- Name: conversation_read_markers conversation_read_markers_conversation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.conversation_read_markers
    ADD CONSTRAINT conversation_read_markers_conversation_id_fkey FOREIGN KEY (conversation_id) REFERENCES public.conversations(id) ON DELETE CASCADE;

--
-- Name: conversation_read_markers conversation_read_markers_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.conversation_read_markers
    ADD CONSTRAINT conversation_read_markers_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE CASCADE;

--
-- Name: conversations conversations_assigned_technician_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.conversations
    ADD CONSTRAINT conversations_assigned_technician_id_fkey FOREIGN KEY (assigned_technician_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: conversations conversations_customer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.conversations
    ADD CONSTRAINT conversations_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.profiles(id) ON DELETE CASCADE;

--
-- Name: conversations conversations_solution_area_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.conversations
    ADD CONSTRAINT conversations_solution_area_fkey FOREIGN KEY (solution_area) REFERENCES public.solution_areas(slug) ON UPDATE CASCADE ON DELETE SET NULL;

--
-- Name: conversations conversations_ticket_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.conversations
    ADD CONSTRAINT conversations_ticket_id_fkey FOREIGN KEY (ticket_id) REFERENCES public.tickets(id) ON DELETE SET NULL;

--
-- Name: customer_analyses customer_analyses_triggered_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customer_analyses
    ADD CONSTRAINT customer_analyses_triggered_by_fkey FOREIGN KEY (triggered_by) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: customer_vehicles customer_vehicles_customer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customer_vehicles
    ADD CONSTRAINT customer_vehicles_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.profiles(id) ON DELETE CASCADE;

--
-- Name: customer_vehicles customer_vehicles_vehicle_model_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customer_vehicles
    ADD CONSTRAINT customer_vehicles_vehicle_model_id_fkey FOREIGN KEY (vehicle_model_id) REFERENCES public.vehicle_models(id) ON DELETE SET NULL;

--
-- Name: entity_links entity_links_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.entity_links
    ADD CONSTRAINT entity_links_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: guide_steps guide_steps_guide_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.guide_steps
    ADD CONSTRAINT guide_steps_guide_id_fkey FOREIGN KEY (guide_id) REFERENCES public.guides(id) ON DELETE CASCADE;

--
-- Name: guides guides_solution_area_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.guides
    ADD CONSTRAINT guides_solution_area_fkey FOREIGN KEY (solution_area) REFERENCES public.solution_areas(slug) ON UPDATE CASCADE ON DELETE SET NULL;

--
-- Name: kb_article_votes kb_article_votes_article_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kb_article_votes
    ADD CONSTRAINT kb_article_votes_article_id_fkey FOREIGN KEY (article_id) REFERENCES public.kb_articles(id) ON DELETE CASCADE;

--
-- Name: kb_article_votes kb_article_votes_voter_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kb_article_votes
    ADD CONSTRAINT kb_article_votes_voter_id_fkey FOREIGN KEY (voter_id) REFERENCES public.profiles(id) ON DELETE CASCADE;

--
-- Name: kb_articles kb_articles_author_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kb_articles
    ADD CONSTRAINT kb_articles_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: kb_articles kb_articles_solution_area_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kb_articles
    ADD CONSTRAINT kb_articles_solution_area_fkey FOREIGN KEY (solution_area) REFERENCES public.solution_areas(slug) ON UPDATE CASCADE ON DELETE SET NULL;

--
-- Name: kb_chunks kb_chunks_article_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kb_chunks
    ADD CONSTRAINT kb_chunks_article_id_fkey FOREIGN KEY (article_id) REFERENCES public.kb_articles(id) ON DELETE CASCADE;

--
-- Name: kb_embedding_status kb_embedding_status_article_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kb_embedding_status
    ADD CONSTRAINT kb_embedding_status_article_id_fkey FOREIGN KEY (article_id) REFERENCES public.kb_articles(id) ON DELETE CASCADE;

--
-- Name: messages messages_conversation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages
    ADD CONSTRAINT messages_conversation_id_fkey FOREIGN KEY (conversation_id) REFERENCES public.conversations(id) ON DELETE CASCADE;

--
-- Name: messages messages_sender_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages
    ADD CONSTRAINT messages_sender_id_fkey FOREIGN KEY (sender_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: notifications notifications_recipient_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_recipient_id_fkey FOREIGN KEY (recipient_id) REFERENCES public.profiles(id) ON DELETE CASCADE;

--
-- Name: notifications notifications_ticket_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_ticket_id_fkey FOREIGN KEY (ticket_id) REFERENCES public.tickets(id) ON DELETE CASCADE;

--
-- Name: possible_duplicates possible_duplicates_duplicate_of_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.possible_duplicates
    ADD CONSTRAINT possible_duplicates_duplicate_of_fkey FOREIGN KEY (duplicate_of) REFERENCES public.tickets(id) ON DELETE CASCADE;

--
-- Name: possible_duplicates possible_duplicates_ticket_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.possible_duplicates
    ADD CONSTRAINT possible_duplicates_ticket_id_fkey FOREIGN KEY (ticket_id) REFERENCES public.tickets(id) ON DELETE CASCADE;

--
-- Name: profiles profiles_department_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.profiles
    ADD CONSTRAINT profiles_department_id_fkey FOREIGN KEY (department_id) REFERENCES public.departments(id) ON DELETE SET NULL;

--
-- Name: profiles profiles_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.profiles
    ADD CONSTRAINT profiles_id_fkey FOREIGN KEY (id) REFERENCES auth.users(id) ON DELETE CASCADE;

--
-- Name: retrieval_logs retrieval_logs_conversation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.retrieval_logs
    ADD CONSTRAINT retrieval_logs_conversation_id_fkey FOREIGN KEY (conversation_id) REFERENCES public.conversations(id) ON DELETE CASCADE;

--
-- Name: retrieval_logs retrieval_logs_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.retrieval_logs
    ADD CONSTRAINT retrieval_logs_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: sla_policies sla_policies_escalate_to_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_policies
    ADD CONSTRAINT sla_policies_escalate_to_fkey FOREIGN KEY (escalate_to) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: sla_policies sla_policies_solution_area_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sla_policies
    ADD CONSTRAINT sla_policies_solution_area_fkey FOREIGN KEY (solution_area) REFERENCES public.solution_areas(slug) ON UPDATE CASCADE ON DELETE CASCADE;

--
-- Name: technician_availability technician_availability_technician_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.technician_availability
    ADD CONSTRAINT technician_availability_technician_id_fkey FOREIGN KEY (technician_id) REFERENCES public.profiles(id) ON DELETE CASCADE;

--
-- Name: ticket_ai_results ticket_ai_results_ticket_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ticket_ai_results
    ADD CONSTRAINT ticket_ai_results_ticket_id_fkey FOREIGN KEY (ticket_id) REFERENCES public.tickets(id) ON DELETE CASCADE;

--
-- Name: ticket_events ticket_events_actor_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ticket_events
    ADD CONSTRAINT ticket_events_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: ticket_events ticket_events_ticket_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ticket_events
    ADD CONSTRAINT ticket_events_ticket_id_fkey FOREIGN KEY (ticket_id) REFERENCES public.tickets(id) ON DELETE CASCADE;

--
-- Name: ticket_ratings ticket_ratings_customer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ticket_ratings
    ADD CONSTRAINT ticket_ratings_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.profiles(id) ON DELETE CASCADE;

--
-- Name: ticket_ratings ticket_ratings_technician_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ticket_ratings
    ADD CONSTRAINT ticket_ratings_technician_id_fkey FOREIGN KEY (technician_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: ticket_ratings ticket_ratings_ticket_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ticket_ratings
    ADD CONSTRAINT ticket_ratings_ticket_id_fkey FOREIGN KEY (ticket_id) REFERENCES public.tickets(id) ON DELETE CASCADE;

--
-- Name: ticket_triage_failures ticket_triage_failures_ticket_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ticket_triage_failures
    ADD CONSTRAINT ticket_triage_failures_ticket_id_fkey FOREIGN KEY (ticket_id) REFERENCES public.tickets(id) ON DELETE CASCADE;

--
-- Name: tickets tickets_assigned_to_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tickets
    ADD CONSTRAINT tickets_assigned_to_fkey FOREIGN KEY (assigned_to) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: tickets tickets_conversation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tickets
    ADD CONSTRAINT tickets_conversation_id_fkey FOREIGN KEY (conversation_id) REFERENCES public.conversations(id) ON DELETE SET NULL;

--
-- Name: tickets tickets_customer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tickets
    ADD CONSTRAINT tickets_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.profiles(id) ON DELETE CASCADE;

--
-- Name: tickets tickets_customer_vehicle_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tickets
    ADD CONSTRAINT tickets_customer_vehicle_id_fkey FOREIGN KEY (customer_vehicle_id) REFERENCES public.customer_vehicles(id) ON DELETE SET NULL;

--
-- Name: tickets tickets_follow_up_of_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tickets
    ADD CONSTRAINT tickets_follow_up_of_fkey FOREIGN KEY (follow_up_of) REFERENCES public.tickets(id) ON DELETE SET NULL;

--
-- Name: tickets tickets_merged_into_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tickets
    ADD CONSTRAINT tickets_merged_into_fkey FOREIGN KEY (merged_into) REFERENCES public.tickets(id) ON DELETE SET NULL;

--
-- Name: tickets tickets_priority_set_by_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tickets
    ADD CONSTRAINT tickets_priority_set_by_id_fkey FOREIGN KEY (priority_set_by_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: tickets tickets_sla_policy_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tickets
    ADD CONSTRAINT tickets_sla_policy_id_fkey FOREIGN KEY (sla_policy_id) REFERENCES public.sla_policies(id) ON DELETE SET NULL;

--
-- Name: tickets tickets_troubleshooting_session_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tickets
    ADD CONSTRAINT tickets_troubleshooting_session_id_fkey FOREIGN KEY (troubleshooting_session_id) REFERENCES public.troubleshooting_sessions(id) ON DELETE SET NULL;

--
-- Name: triage_corrections triage_corrections_corrected_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.triage_corrections
    ADD CONSTRAINT triage_corrections_corrected_by_fkey FOREIGN KEY (corrected_by) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: triage_corrections triage_corrections_ticket_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.triage_corrections
    ADD CONSTRAINT triage_corrections_ticket_id_fkey FOREIGN KEY (ticket_id) REFERENCES public.tickets(id) ON DELETE CASCADE;

--
-- Name: troubleshooting_session_steps troubleshooting_session_steps_session_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.troubleshooting_session_steps
    ADD CONSTRAINT troubleshooting_session_steps_session_id_fkey FOREIGN KEY (session_id) REFERENCES public.troubleshooting_sessions(id) ON DELETE CASCADE;

--
-- Name: troubleshooting_sessions troubleshooting_sessions_customer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.troubleshooting_sessions
    ADD CONSTRAINT troubleshooting_sessions_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.profiles(id) ON DELETE CASCADE;

--
-- Name: troubleshooting_sessions troubleshooting_sessions_customer_vehicle_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.troubleshooting_sessions
    ADD CONSTRAINT troubleshooting_sessions_customer_vehicle_id_fkey FOREIGN KEY (customer_vehicle_id) REFERENCES public.customer_vehicles(id) ON DELETE SET NULL;

--
-- Name: troubleshooting_sessions troubleshooting_sessions_guide_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.troubleshooting_sessions
    ADD CONSTRAINT troubleshooting_sessions_guide_id_fkey FOREIGN KEY (guide_id) REFERENCES public.guides(id) ON DELETE SET NULL;

--
-- Name: work_order_notes work_order_notes_author_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.work_order_notes
    ADD CONSTRAINT work_order_notes_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: work_order_notes work_order_notes_work_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.work_order_notes
    ADD CONSTRAINT work_order_notes_work_order_id_fkey FOREIGN KEY (work_order_id) REFERENCES public.work_orders(id) ON DELETE CASCADE;

--
-- Name: work_order_parts work_order_parts_work_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.work_order_parts
    ADD CONSTRAINT work_order_parts_work_order_id_fkey FOREIGN KEY (work_order_id) REFERENCES public.work_orders(id) ON DELETE CASCADE;

--
-- Name: work_orders work_orders_assigned_technician_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.work_orders
    ADD CONSTRAINT work_orders_assigned_technician_id_fkey FOREIGN KEY (assigned_technician_id) REFERENCES public.profiles(id) ON DELETE SET NULL;

--
-- Name: work_orders work_orders_ticket_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.work_orders
    ADD CONSTRAINT work_orders_ticket_id_fkey FOREIGN KEY (ticket_id) REFERENCES public.tickets(id) ON DELETE CASCADE;

--
-- Name: edge_function_wakeups; Type: ROW SECURITY; Schema: private; Owner: -
--

ALTER TABLE private.edge_function_wakeups ENABLE ROW LEVEL SECURITY;

--
-- Name: help_feedback_secret; Type: ROW SECURITY; Schema: private; Owner: -
--

ALTER TABLE private.help_feedback_secret ENABLE ROW LEVEL SECURITY;

--
-- Name: help_search_misses; Type: ROW SECURITY; Schema: private; Owner: -
--

ALTER TABLE private.help_search_misses ENABLE ROW LEVEL SECURITY;

--
-- Name: help_search_terms; Type: ROW SECURITY; Schema: private; Owner: -
--

ALTER TABLE private.help_search_terms ENABLE ROW LEVEL SECURITY;

--
-- Name: jobs; Type: ROW SECURITY; Schema: private; Owner: -
--

ALTER TABLE private.jobs ENABLE ROW LEVEL SECURITY;

--
-- Name: kb_lexeme_chunk_counts; Type: ROW SECURITY; Schema: private; Owner: -
--

ALTER TABLE private.kb_lexeme_chunk_counts ENABLE ROW LEVEL SECURITY;

--
-- Name: kb_settings; Type: ROW SECURITY; Schema: private; Owner: -
--

ALTER TABLE private.kb_settings ENABLE ROW LEVEL SECURITY;

--
-- Name: password_failed_attempts; Type: ROW SECURITY; Schema: private; Owner: -
--

ALTER TABLE private.password_failed_attempts ENABLE ROW LEVEL SECURITY;

--
-- Name: ticket_ai_results Admins can add AI results; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can add AI results" ON public.ticket_ai_results FOR INSERT TO authenticated WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: analysis_kpis Admins can add KPIs; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can add KPIs" ON public.analysis_kpis FOR INSERT TO authenticated WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: customer_analyses Admins can add analyses; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can add analyses" ON public.customer_analyses FOR INSERT TO authenticated WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: kb_chunks Admins can add article chunks; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can add article chunks" ON public.kb_chunks FOR INSERT TO authenticated WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: kb_articles Admins can add articles; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can add articles" ON public.kb_articles FOR INSERT TO authenticated WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: conversation_categorizations Admins can add categorizations; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can add categorizations" ON public.conversation_categorizations FOR INSERT TO authenticated WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: analysis_exports Admins can add exports; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can add exports" ON public.analysis_exports FOR INSERT TO authenticated WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: guide_steps Admins can add guide steps; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can add guide steps" ON public.guide_steps FOR INSERT TO authenticated WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: guides Admins can add guides; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can add guides" ON public.guides FOR INSERT TO authenticated WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: canned_replies Admins can add shared canned replies, staff their own; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can add shared canned replies, staff their own" ON public.canned_replies FOR INSERT TO authenticated WITH CHECK ((((owner_id IS NULL) AND ( SELECT private.is_admin() AS is_admin)) OR ((owner_id = ( SELECT auth.uid() AS uid)) AND ( SELECT private.is_staff() AS is_staff))));

--
-- Name: solution_areas Admins can add solution areas; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can add solution areas" ON public.solution_areas FOR INSERT TO authenticated WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: vehicle_models Admins can add vehicle models; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can add vehicle models" ON public.vehicle_models FOR INSERT TO authenticated WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: ticket_ai_results Admins can change AI results; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can change AI results" ON public.ticket_ai_results FOR UPDATE TO authenticated USING (( SELECT private.is_admin() AS is_admin)) WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: analysis_kpis Admins can change KPIs; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can change KPIs" ON public.analysis_kpis FOR UPDATE TO authenticated USING (( SELECT private.is_admin() AS is_admin)) WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: sla_policies Admins can change SLA policies; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can change SLA policies" ON public.sla_policies FOR UPDATE TO authenticated USING (( SELECT private.is_admin() AS is_admin)) WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: customer_analyses Admins can change analyses; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can change analyses" ON public.customer_analyses FOR UPDATE TO authenticated USING (( SELECT private.is_admin() AS is_admin)) WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: kb_chunks Admins can change article chunks; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can change article chunks" ON public.kb_chunks FOR UPDATE TO authenticated USING (( SELECT private.is_admin() AS is_admin)) WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: kb_articles Admins can change articles; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can change articles" ON public.kb_articles FOR UPDATE TO authenticated USING (( SELECT private.is_admin() AS is_admin)) WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: auto_assignment_rules Admins can change assignment rules; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can change assignment rules" ON public.auto_assignment_rules FOR UPDATE TO authenticated USING (( SELECT private.is_admin() AS is_admin)) WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: assistant_answer_details Admins can change assistant answer details; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can change assistant answer details" ON public.assistant_answer_details FOR UPDATE TO authenticated USING (( SELECT private.is_admin() AS is_admin)) WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: conversation_categorizations Admins can change categorizations; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can change categorizations" ON public.conversation_categorizations FOR UPDATE TO authenticated USING (( SELECT private.is_admin() AS is_admin)) WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: analysis_exports Admins can change exports; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can change exports" ON public.analysis_exports FOR UPDATE TO authenticated USING (( SELECT private.is_admin() AS is_admin)) WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: guide_steps Admins can change guide steps; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can change guide steps" ON public.guide_steps FOR UPDATE TO authenticated USING (( SELECT private.is_admin() AS is_admin)) WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: guides Admins can change guides; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can change guides" ON public.guides FOR UPDATE TO authenticated USING (( SELECT private.is_admin() AS is_admin)) WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: canned_replies Admins can change shared canned replies, staff their own; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can change shared canned replies, staff their own" ON public.canned_replies FOR UPDATE TO authenticated USING ((((owner_id IS NULL) AND ( SELECT private.is_admin() AS is_admin)) OR ((owner_id = ( SELECT auth.uid() AS uid)) AND ( SELECT private.is_staff() AS is_staff)))) WITH CHECK ((((owner_id IS NULL) AND ( SELECT private.is_admin() AS is_admin)) OR ((owner_id = ( SELECT auth.uid() AS uid)) AND ( SELECT private.is_staff() AS is_staff))));

--
-- Name: solution_areas Admins can change solution areas; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can change solution areas" ON public.solution_areas FOR UPDATE TO authenticated USING (( SELECT private.is_admin() AS is_admin)) WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: desk_settings Admins can change the desk settings; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can change the desk settings" ON public.desk_settings FOR UPDATE TO authenticated USING (( SELECT private.is_admin() AS is_admin)) WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: vehicle_models Admins can change vehicle models; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can change vehicle models" ON public.vehicle_models FOR UPDATE TO authenticated USING (( SELECT private.is_admin() AS is_admin)) WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: sla_policies Admins can create SLA policies; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can create SLA policies" ON public.sla_policies FOR INSERT TO authenticated WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: auto_assignment_rules Admins can create assignment rules; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can create assignment rules" ON public.auto_assignment_rules FOR INSERT TO authenticated WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: departments Admins can create departments; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can create departments" ON public.departments FOR INSERT TO authenticated WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: sla_policies Admins can delete SLA policies; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can delete SLA policies" ON public.sla_policies FOR DELETE TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: auto_assignment_rules Admins can delete assignment rules; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can delete assignment rules" ON public.auto_assignment_rules FOR DELETE TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: technician_availability Admins can delete availability; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can delete availability" ON public.technician_availability FOR DELETE TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: conversations Admins can delete conversations; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can delete conversations" ON public.conversations FOR DELETE TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: departments Admins can delete departments; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can delete departments" ON public.departments FOR DELETE TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: entity_links Admins can delete entity links; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can delete entity links" ON public.entity_links FOR DELETE TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: profiles Admins can delete profiles; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can delete profiles" ON public.profiles FOR DELETE TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: ticket_ratings Admins can delete ratings; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can delete ratings" ON public.ticket_ratings FOR DELETE TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: canned_replies Admins can delete shared canned replies, staff their own; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can delete shared canned replies, staff their own" ON public.canned_replies FOR DELETE TO authenticated USING ((((owner_id IS NULL) AND ( SELECT private.is_admin() AS is_admin)) OR ((owner_id = ( SELECT auth.uid() AS uid)) AND ( SELECT private.is_staff() AS is_staff))));

--
-- Name: tickets Admins can delete tickets; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can delete tickets" ON public.tickets FOR DELETE TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: work_order_notes Admins can delete work order notes; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can delete work order notes" ON public.work_order_notes FOR DELETE TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: work_orders Admins can delete work orders; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can delete work orders" ON public.work_orders FOR DELETE TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: analysis_kpis Admins can read KPIs; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can read KPIs" ON public.analysis_kpis FOR SELECT TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: customer_analyses Admins can read analyses; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can read analyses" ON public.customer_analyses FOR SELECT TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: analytics_events Admins can read analytics events; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can read analytics events" ON public.analytics_events FOR SELECT TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: conversation_categorizations Admins can read categorizations; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can read categorizations" ON public.conversation_categorizations FOR SELECT TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: analysis_exports Admins can read exports; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can read exports" ON public.analysis_exports FOR SELECT TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: ticket_ai_results Admins can remove AI results; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can remove AI results" ON public.ticket_ai_results FOR DELETE TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: analysis_kpis Admins can remove KPIs; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can remove KPIs" ON public.analysis_kpis FOR DELETE TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: customer_analyses Admins can remove analyses; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can remove analyses" ON public.customer_analyses FOR DELETE TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: kb_chunks Admins can remove article chunks; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can remove article chunks" ON public.kb_chunks FOR DELETE TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: kb_articles Admins can remove articles; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can remove articles" ON public.kb_articles FOR DELETE TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: assistant_answer_details Admins can remove assistant answer details; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can remove assistant answer details" ON public.assistant_answer_details FOR DELETE TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: conversation_categorizations Admins can remove categorizations; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can remove categorizations" ON public.conversation_categorizations FOR DELETE TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: analysis_exports Admins can remove exports; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can remove exports" ON public.analysis_exports FOR DELETE TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: guide_steps Admins can remove guide steps; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can remove guide steps" ON public.guide_steps FOR DELETE TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: guides Admins can remove guides; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can remove guides" ON public.guides FOR DELETE TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: solution_areas Admins can remove solution areas; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can remove solution areas" ON public.solution_areas FOR DELETE TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: vehicle_models Admins can remove vehicle models; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can remove vehicle models" ON public.vehicle_models FOR DELETE TO authenticated USING (( SELECT private.is_admin() AS is_admin));

--
-- Name: departments Admins can update departments; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Admins can update departments" ON public.departments FOR UPDATE TO authenticated USING (( SELECT private.is_admin() AS is_admin)) WITH CHECK (( SELECT private.is_admin() AS is_admin));

--
-- Name: solution_areas Anyone can read solution areas; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Anyone can read solution areas" ON public.solution_areas FOR SELECT TO anon, authenticated USING (true);

--
-- Name: profiles Auth admin can read roles for the access token hook; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Auth admin can read roles for the access token hook" ON public.profiles FOR SELECT TO supabase_auth_admin USING (true);

--
-- Name: customer_vehicles Customers can add their own vehicles; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Customers can add their own vehicles" ON public.customer_vehicles FOR INSERT TO authenticated WITH CHECK ((customer_id = ( SELECT auth.uid() AS uid)));

--
-- Name: troubleshooting_session_steps Customers can answer steps of their open sessions; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Customers can answer steps of their open sessions" ON public.troubleshooting_session_steps FOR UPDATE TO authenticated USING (private.owns_open_troubleshooting_session(session_id)) WITH CHECK (private.owns_open_troubleshooting_session(session_id));

--
-- Name: tickets Customers can create their own tickets about their own things; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Customers can create their own tickets about their own things" ON public.tickets FOR INSERT TO authenticated WITH CHECK (((customer_id = ( SELECT auth.uid() AS uid)) AND ((conversation_id IS NULL) OR private.owns_conversation(conversation_id)) AND ((customer_vehicle_id IS NULL) OR private.owns_vehicle(customer_vehicle_id)) AND ((troubleshooting_session_id IS NULL) OR private.owns_troubleshooting_session(troubleshooting_session_id))));

--
-- Name: customer_vehicles Customers can delete their own vehicles; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Customers can delete their own vehicles" ON public.customer_vehicles FOR DELETE TO authenticated USING ((customer_id = ( SELECT auth.uid() AS uid)));

--
-- Name: ticket_ratings Customers can rate their own resolved tickets once; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Customers can rate their own resolved tickets once" ON public.ticket_ratings FOR INSERT TO authenticated WITH CHECK (((customer_id = ( SELECT auth.uid() AS uid)) AND private.can_rate_ticket(ticket_id)));

--
-- Name: troubleshooting_session_steps Customers can read steps of their sessions, staff all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Customers can read steps of their sessions, staff all" ON public.troubleshooting_session_steps FOR SELECT TO authenticated USING ((( SELECT private.is_staff() AS is_staff) OR private.owns_troubleshooting_session(session_id)));

--
-- Name: ticket_ratings Customers can read their own ratings, staff all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Customers can read their own ratings, staff all" ON public.ticket_ratings FOR SELECT TO authenticated USING (((customer_id = ( SELECT auth.uid() AS uid)) OR ( SELECT private.is_staff() AS is_staff)));

--
-- Name: troubleshooting_sessions Customers can read their own sessions, staff all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Customers can read their own sessions, staff all" ON public.troubleshooting_sessions FOR SELECT TO authenticated USING (((customer_id = ( SELECT auth.uid() AS uid)) OR ( SELECT private.is_staff() AS is_staff)));

--
-- Name: tickets Customers can read their own tickets, staff all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Customers can read their own tickets, staff all" ON public.tickets FOR SELECT TO authenticated USING (((customer_id = ( SELECT auth.uid() AS uid)) OR ( SELECT private.is_staff() AS is_staff)));

--
-- Name: customer_vehicles Customers can read their own vehicles, staff all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Customers can read their own vehicles, staff all" ON public.customer_vehicles FOR SELECT TO authenticated USING (((customer_id = ( SELECT auth.uid() AS uid)) OR ( SELECT private.is_staff() AS is_staff)));

--
-- Name: troubleshooting_session_steps Customers can record steps of their open sessions; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Customers can record steps of their open sessions" ON public.troubleshooting_session_steps FOR INSERT TO authenticated WITH CHECK (private.owns_open_troubleshooting_session(session_id));

--
-- Name: conversations Customers can start their own conversations; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Customers can start their own conversations" ON public.conversations FOR INSERT TO authenticated WITH CHECK ((customer_id = ( SELECT auth.uid() AS uid)));

--
-- Name: troubleshooting_sessions Customers can start their own sessions; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Customers can start their own sessions" ON public.troubleshooting_sessions FOR INSERT TO authenticated WITH CHECK (((customer_id = ( SELECT auth.uid() AS uid)) AND ((customer_vehicle_id IS NULL) OR private.owns_vehicle(customer_vehicle_id))));

--
-- Name: troubleshooting_sessions Customers can update their open sessions; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Customers can update their open sessions" ON public.troubleshooting_sessions FOR UPDATE TO authenticated USING (((customer_id = ( SELECT auth.uid() AS uid)) AND (completed_at IS NULL))) WITH CHECK (((customer_id = ( SELECT auth.uid() AS uid)) AND ((customer_vehicle_id IS NULL) OR private.owns_vehicle(customer_vehicle_id))));

--
-- Name: customer_vehicles Customers can update their own vehicles; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Customers can update their own vehicles" ON public.customer_vehicles FOR UPDATE TO authenticated USING ((customer_id = ( SELECT auth.uid() AS uid))) WITH CHECK ((customer_id = ( SELECT auth.uid() AS uid)));

--
-- Name: conversation_read_markers People can mark conversations they take part in as read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "People can mark conversations they take part in as read" ON public.conversation_read_markers FOR INSERT TO authenticated WITH CHECK (((user_id = ( SELECT auth.uid() AS uid)) AND private.takes_part_in_conversation(conversation_id)));

--
-- Name: notifications People can mark their own notifications read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "People can mark their own notifications read" ON public.notifications FOR UPDATE TO authenticated USING ((recipient_id = ( SELECT auth.uid() AS uid))) WITH CHECK ((recipient_id = ( SELECT auth.uid() AS uid)));

--
-- Name: conversation_read_markers People can move their own read markers; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "People can move their own read markers" ON public.conversation_read_markers FOR UPDATE TO authenticated USING ((user_id = ( SELECT auth.uid() AS uid))) WITH CHECK (((user_id = ( SELECT auth.uid() AS uid)) AND private.takes_part_in_conversation(conversation_id)));

--
-- Name: conversations People can read the conversations they take part in; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "People can read the conversations they take part in" ON public.conversations FOR SELECT TO authenticated USING (((customer_id = ( SELECT auth.uid() AS uid)) OR (( SELECT private.is_technician() AS is_technician) AND ((ticket_id IS NOT NULL) OR (assigned_technician_id = ( SELECT auth.uid() AS uid)))) OR ( SELECT private.is_admin() AS is_admin)));

--
-- Name: messages People can read the messages of conversations they take part in; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "People can read the messages of conversations they take part in" ON public.messages FOR SELECT TO authenticated USING ((((NOT is_internal_note) AND private.owns_conversation(conversation_id)) OR private.staff_can_see_conversation(conversation_id)));

--
-- Name: work_orders People can read the work orders of tickets they work or own; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "People can read the work orders of tickets they work or own" ON public.work_orders FOR SELECT TO authenticated USING ((( SELECT private.is_admin() AS is_admin) OR (( SELECT private.is_technician() AS is_technician) AND private.is_assigned_to_or_unassigned_ticket(ticket_id)) OR private.owns_ticket(ticket_id)));

--
-- Name: notifications People can read their own notifications; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "People can read their own notifications" ON public.notifications FOR SELECT TO authenticated USING ((recipient_id = ( SELECT auth.uid() AS uid)));

--
-- Name: profiles People can read their own profile and those they work with; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "People can read their own profile and those they work with" ON public.profiles FOR SELECT TO authenticated USING (((id = ( SELECT auth.uid() AS uid)) OR ( SELECT private.is_staff() AS is_staff) OR private.is_technician_of_current_customer(id)));

--
-- Name: conversation_read_markers People can read their own read markers; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "People can read their own read markers" ON public.conversation_read_markers FOR SELECT TO authenticated USING ((user_id = ( SELECT auth.uid() AS uid)));

--
-- Name: kb_article_votes People can read their own votes; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "People can read their own votes" ON public.kb_article_votes FOR SELECT TO authenticated USING ((voter_id = ( SELECT auth.uid() AS uid)));

--
-- Name: conversations People can update the conversations they take part in; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "People can update the conversations they take part in" ON public.conversations FOR UPDATE TO authenticated USING (((customer_id = ( SELECT auth.uid() AS uid)) OR (( SELECT private.is_technician() AS is_technician) AND (assigned_technician_id = ( SELECT auth.uid() AS uid))) OR ( SELECT private.is_admin() AS is_admin))) WITH CHECK (((customer_id = ( SELECT auth.uid() AS uid)) OR ( SELECT private.is_technician() AS is_technician) OR ( SELECT private.is_admin() AS is_admin)));

--
-- Name: profiles People can update their own profile, admins any; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "People can update their own profile, admins any" ON public.profiles FOR UPDATE TO authenticated USING (((id = ( SELECT auth.uid() AS uid)) OR ( SELECT private.is_admin() AS is_admin))) WITH CHECK (((id = ( SELECT auth.uid() AS uid)) OR ( SELECT private.is_admin() AS is_admin)));

--
-- Name: messages People can write as themselves in conversations they take part; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "People can write as themselves in conversations they take part" ON public.messages FOR INSERT TO authenticated WITH CHECK (((sender_id = ( SELECT auth.uid() AS uid)) AND (((role = 'user'::public.message_role) AND (NOT is_internal_note) AND private.owns_conversation(conversation_id)) OR ((role = 'technician'::public.message_role) AND private.staff_can_see_conversation(conversation_id)))));

--
-- Name: kb_articles Signed-in people can read published articles, staff all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Signed-in people can read published articles, staff all" ON public.kb_articles FOR SELECT TO authenticated USING ((is_published OR ( SELECT private.is_staff() AS is_staff)));

--
-- Name: kb_chunks Signed-in people can read published chunks, staff all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Signed-in people can read published chunks, staff all" ON public.kb_chunks FOR SELECT TO authenticated USING ((( SELECT private.is_staff() AS is_staff) OR private.is_published_article(article_id)));

--
-- Name: guide_steps Signed-in people can read published guide steps, staff all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Signed-in people can read published guide steps, staff all" ON public.guide_steps FOR SELECT TO authenticated USING ((( SELECT private.is_staff() AS is_staff) OR private.is_published_guide(guide_id)));

--
-- Name: guides Signed-in people can read published guides, staff all; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Signed-in people can read published guides, staff all" ON public.guides FOR SELECT TO authenticated USING ((is_published OR ( SELECT private.is_staff() AS is_staff)));

--
-- Name: departments Signed-in users can read departments; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Signed-in users can read departments" ON public.departments FOR SELECT TO authenticated USING (true);

--
-- Name: vehicle_models Signed-in users can read the vehicle catalogue; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Signed-in users can read the vehicle catalogue" ON public.vehicle_models FOR SELECT TO authenticated USING (true);

--
-- Name: entity_links Staff can create entity links; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Staff can create entity links" ON public.entity_links FOR INSERT TO authenticated WITH CHECK ((( SELECT private.is_staff() AS is_staff) AND (created_by = ( SELECT auth.uid() AS uid))));

--
-- Name: ticket_ai_results Staff can read AI results; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Staff can read AI results" ON public.ticket_ai_results FOR SELECT TO authenticated USING (( SELECT private.is_staff() AS is_staff));

--
-- Name: assistant_answer_details Staff can read assistant answer details; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Staff can read assistant answer details" ON public.assistant_answer_details FOR SELECT TO authenticated USING (( SELECT private.is_staff() AS is_staff));

--
-- Name: kb_embedding_status Staff can read embedding status; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Staff can read embedding status" ON public.kb_embedding_status FOR SELECT TO authenticated USING (( SELECT private.is_staff() AS is_staff));

--
-- Name: entity_links Staff can read entity links; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Staff can read entity links" ON public.entity_links FOR SELECT TO authenticated USING (( SELECT private.is_staff() AS is_staff));

--
-- Name: work_order_notes Staff can read notes of work orders they can read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Staff can read notes of work orders they can read" ON public.work_order_notes FOR SELECT TO authenticated USING (private.staff_can_read_work_order(work_order_id));

--
-- Name: work_order_parts Staff can read parts of work orders they can read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Staff can read parts of work orders they can read" ON public.work_order_parts FOR SELECT TO authenticated USING (private.staff_can_read_work_order(work_order_id));

--
-- Name: possible_duplicates Staff can read possible duplicates; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Staff can read possible duplicates" ON public.possible_duplicates FOR SELECT TO authenticated USING (( SELECT private.is_staff() AS is_staff));

--
-- Name: retrieval_logs Staff can read retrieval logs; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Staff can read retrieval logs" ON public.retrieval_logs FOR SELECT TO authenticated USING (( SELECT private.is_staff() AS is_staff));

--
-- Name: canned_replies Staff can read shared canned replies and their own; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Staff can read shared canned replies and their own" ON public.canned_replies FOR SELECT TO authenticated USING ((((owner_id IS NULL) AND ( SELECT private.is_staff() AS is_staff)) OR ((owner_id = ( SELECT auth.uid() AS uid)) AND ( SELECT private.is_staff() AS is_staff))));

--
-- Name: sla_policies Staff can read the SLA policies; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Staff can read the SLA policies" ON public.sla_policies FOR SELECT TO authenticated USING (( SELECT private.is_staff() AS is_staff));

--
-- Name: auto_assignment_rules Staff can read the assignment rules; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Staff can read the assignment rules" ON public.auto_assignment_rules FOR SELECT TO authenticated USING (( SELECT private.is_staff() AS is_staff));

--
-- Name: desk_settings Staff can read the desk settings; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Staff can read the desk settings" ON public.desk_settings FOR SELECT TO authenticated USING (( SELECT private.is_staff() AS is_staff));

--
-- Name: ticket_events Staff can read ticket timelines; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Staff can read ticket timelines" ON public.ticket_events FOR SELECT TO authenticated USING (( SELECT private.is_staff() AS is_staff));

--
-- Name: triage_corrections Staff can read triage corrections; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Staff can read triage corrections" ON public.triage_corrections FOR SELECT TO authenticated USING (( SELECT private.is_staff() AS is_staff));

--
-- Name: ticket_triage_failures Staff can read triage failures; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Staff can read triage failures" ON public.ticket_triage_failures FOR SELECT TO authenticated USING (( SELECT private.is_staff() AS is_staff));

--
-- Name: technician_availability Staff can read who is available; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Staff can read who is available" ON public.technician_availability FOR SELECT TO authenticated USING (( SELECT private.is_staff() AS is_staff));

--
-- Name: work_order_parts Technicians and admins can add parts to work orders they manage; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Technicians and admins can add parts to work orders they manage" ON public.work_order_parts FOR INSERT TO authenticated WITH CHECK (private.can_manage_work_order(work_order_id));

--
-- Name: work_order_parts Technicians and admins can change parts of work orders they man; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Technicians and admins can change parts of work orders they man" ON public.work_order_parts FOR UPDATE TO authenticated USING (private.can_manage_work_order(work_order_id)) WITH CHECK (private.can_manage_work_order(work_order_id));

--
-- Name: work_order_parts Technicians and admins can remove parts of work orders they man; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Technicians and admins can remove parts of work orders they man" ON public.work_order_parts FOR DELETE TO authenticated USING (private.can_manage_work_order(work_order_id));

--
-- Name: work_order_notes Technicians and admins can write notes on work orders they mana; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Technicians and admins can write notes on work orders they mana" ON public.work_order_notes FOR INSERT TO authenticated WITH CHECK (((author_id = ( SELECT auth.uid() AS uid)) AND private.can_manage_work_order(work_order_id)));

--
-- Name: technician_availability Technicians can add their own availability, admins any; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Technicians can add their own availability, admins any" ON public.technician_availability FOR INSERT TO authenticated WITH CHECK ((( SELECT private.is_admin() AS is_admin) OR ((technician_id = ( SELECT auth.uid() AS uid)) AND ( SELECT private.is_technician() AS is_technician))));

--
-- Name: work_orders Technicians can add work orders to their tickets, admins any; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Technicians can add work orders to their tickets, admins any" ON public.work_orders FOR INSERT TO authenticated WITH CHECK ((( SELECT private.is_admin() AS is_admin) OR (( SELECT private.is_technician() AS is_technician) AND private.is_assigned_to_ticket(ticket_id))));

--
-- Name: technician_availability Technicians can change their own availability, admins any; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Technicians can change their own availability, admins any" ON public.technician_availability FOR UPDATE TO authenticated USING ((( SELECT private.is_admin() AS is_admin) OR (technician_id = ( SELECT auth.uid() AS uid)))) WITH CHECK ((( SELECT private.is_admin() AS is_admin) OR (technician_id = ( SELECT auth.uid() AS uid))));

--
-- Name: tickets Technicians can claim and work tickets, admins any; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Technicians can claim and work tickets, admins any" ON public.tickets FOR UPDATE TO authenticated USING ((( SELECT private.is_admin() AS is_admin) OR (( SELECT private.is_technician() AS is_technician) AND ((status)::text = 'unassigned'::text) AND (assigned_to IS NULL)) OR (( SELECT private.is_technician() AS is_technician) AND (assigned_to = ( SELECT auth.uid() AS uid))))) WITH CHECK ((( SELECT private.is_admin() AS is_admin) OR (assigned_to = ( SELECT auth.uid() AS uid)) OR (( SELECT private.is_technician() AS is_technician) AND ((assigned_to = ( SELECT auth.uid() AS uid)) OR (assigned_to IS NULL)))));

--
-- Name: work_orders Technicians can update work orders of their tickets, admins any; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Technicians can update work orders of their tickets, admins any" ON public.work_orders FOR UPDATE TO authenticated USING ((( SELECT private.is_admin() AS is_admin) OR (( SELECT private.is_technician() AS is_technician) AND private.is_assigned_to_ticket(ticket_id)))) WITH CHECK ((( SELECT private.is_admin() AS is_admin) OR (( SELECT private.is_technician() AS is_technician) AND private.is_assigned_to_ticket(ticket_id))));

--
-- Name: kb_chunks Visitors can read chunks of published articles; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Visitors can read chunks of published articles" ON public.kb_chunks FOR SELECT TO anon USING (private.is_published_article(article_id));

--
-- Name: kb_articles Visitors can read published articles; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Visitors can read published articles" ON public.kb_articles FOR SELECT TO anon USING (is_published);

--
-- Name: guides Visitors can read published guides; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Visitors can read published guides" ON public.guides FOR SELECT TO anon USING (is_published);

--
-- Name: guide_steps Visitors can read steps of published guides; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY "Visitors can read steps of published guides" ON public.guide_steps FOR SELECT TO anon USING (private.is_published_guide(guide_id));

--
-- Name: analysis_exports; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.analysis_exports ENABLE ROW LEVEL SECURITY;

--
-- Name: analysis_kpis; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.analysis_kpis ENABLE ROW LEVEL SECURITY;

--
-- Name: analytics_events; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.analytics_events ENABLE ROW LEVEL SECURITY;

--
-- Name: assistant_answer_details; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.assistant_answer_details ENABLE ROW LEVEL SECURITY;

--
-- Name: auto_assignment_rules; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.auto_assignment_rules ENABLE ROW LEVEL SECURITY;

--
-- Name: canned_replies; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.canned_replies ENABLE ROW LEVEL SECURITY;

--
-- Name: conversation_categorizations; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.conversation_categorizations ENABLE ROW LEVEL SECURITY;

--
-- Name: conversation_read_markers; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.conversation_read_markers ENABLE ROW LEVEL SECURITY;

--
-- Name: conversations; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.conversations ENABLE ROW LEVEL SECURITY;

--
-- Name: customer_analyses; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.customer_analyses ENABLE ROW LEVEL SECURITY;

--
-- Name: customer_vehicles; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.customer_vehicles ENABLE ROW LEVEL SECURITY;

--
-- Name: departments; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.departments ENABLE ROW LEVEL SECURITY;

--
-- Name: desk_settings; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.desk_settings ENABLE ROW LEVEL SECURITY;

--
-- Name: entity_links; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.entity_links ENABLE ROW LEVEL SECURITY;

--
-- Name: guide_steps; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.guide_steps ENABLE ROW LEVEL SECURITY;

--
-- Name: guides; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.guides ENABLE ROW LEVEL SECURITY;

--
-- Name: kb_article_votes; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.kb_article_votes ENABLE ROW LEVEL SECURITY;

--
-- Name: kb_articles; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.kb_articles ENABLE ROW LEVEL SECURITY;

--
-- Name: kb_chunks; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.kb_chunks ENABLE ROW LEVEL SECURITY;

--
-- Name: kb_embedding_status; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.kb_embedding_status ENABLE ROW LEVEL SECURITY;

--
-- Name: messages; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.messages ENABLE ROW LEVEL SECURITY;

--
-- Name: notifications; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.notifications ENABLE ROW LEVEL SECURITY;

--
-- Name: possible_duplicates; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.possible_duplicates ENABLE ROW LEVEL SECURITY;

--
-- Name: profiles; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY;

--
-- Name: retrieval_logs; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.retrieval_logs ENABLE ROW LEVEL SECURITY;

--
-- Name: sla_policies; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.sla_policies ENABLE ROW LEVEL SECURITY;

--
-- Name: solution_areas; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.solution_areas ENABLE ROW LEVEL SECURITY;

--
-- Name: technician_availability; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.technician_availability ENABLE ROW LEVEL SECURITY;

--
-- Name: ticket_ai_results; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.ticket_ai_results ENABLE ROW LEVEL SECURITY;

--
-- Name: ticket_events; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.ticket_events ENABLE ROW LEVEL SECURITY;

--
-- Name: ticket_ratings; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.ticket_ratings ENABLE ROW LEVEL SECURITY;

--
-- Name: ticket_triage_failures; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.ticket_triage_failures ENABLE ROW LEVEL SECURITY;

--
-- Name: tickets; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.tickets ENABLE ROW LEVEL SECURITY;

--
-- Name: triage_corrections; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.triage_corrections ENABLE ROW LEVEL SECURITY;

--
-- Name: troubleshooting_session_steps; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.troubleshooting_session_steps ENABLE ROW LEVEL SECURITY;

--
-- Name: troubleshooting_sessions; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.troubleshooting_sessions ENABLE ROW LEVEL SECURITY;

--
-- Name: vehicle_models; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.vehicle_models ENABLE ROW LEVEL SECURITY;

--
-- Name: work_order_notes; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.work_order_notes ENABLE ROW LEVEL SECURITY;

--
-- Name: work_order_parts; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.work_order_parts ENABLE ROW LEVEL SECURITY;

--
-- Name: work_orders; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.work_orders ENABLE ROW LEVEL SECURITY;

--
-- Name: messages People in a conversation can broadcast on its live channel; Type: POLICY; Schema: realtime; Owner: -
--

CREATE POLICY "People in a conversation can broadcast on its live channel" ON realtime.messages FOR INSERT TO authenticated WITH CHECK (( SELECT private.can_use_conversation_channel(( SELECT realtime.topic() AS topic)) AS can_use_conversation_channel));

--
-- Name: messages People in a conversation can join its live channel; Type: POLICY; Schema: realtime; Owner: -
--

CREATE POLICY "People in a conversation can join its live channel" ON realtime.messages FOR SELECT TO authenticated USING (( SELECT private.can_use_conversation_channel(( SELECT realtime.topic() AS topic)) AS can_use_conversation_channel));

--
-- Name: messages Signed-in people can join live-update channels; Type: POLICY; Schema: realtime; Owner: -
--

CREATE POLICY "Signed-in people can join live-update channels" ON realtime.messages FOR SELECT TO authenticated USING ((( SELECT realtime.topic() AS topic) ~~ 'live:%'::text));

--
-- Name: messages Staff can broadcast on the desk channel; Type: POLICY; Schema: realtime; Owner: -
--

CREATE POLICY "Staff can broadcast on the desk channel" ON realtime.messages FOR INSERT TO authenticated WITH CHECK (((( SELECT realtime.topic() AS topic) = 'desk'::text) AND ( SELECT private.is_staff() AS is_staff)));

--
-- Name: messages Staff can join the desk channel; Type: POLICY; Schema: realtime; Owner: -
--

CREATE POLICY "Staff can join the desk channel" ON realtime.messages FOR SELECT TO authenticated USING (((( SELECT realtime.topic() AS topic) = 'desk'::text) AND ( SELECT private.is_staff() AS is_staff)));

--
-- Name: objects People can attach files to their conversations, admins add arti; Type: POLICY; Schema: storage; Owner: -
--

CREATE POLICY "People can attach files to their conversations, admins add arti" ON storage.objects FOR INSERT TO authenticated WITH CHECK ((((bucket_id = 'attachments'::text) AND private.can_access_attachment(name)) OR ((bucket_id = 'kb-images'::text) AND ( SELECT private.is_admin() AS is_admin))));

--
-- Name: objects People can read the attachments they may see, admins the articl; Type: POLICY; Schema: storage; Owner: -
--

CREATE POLICY "People can read the attachments they may see, admins the articl" ON storage.objects FOR SELECT TO authenticated USING ((((bucket_id = 'attachments'::text) AND private.can_access_attachment(name)) OR ((bucket_id = 'kb-images'::text) AND ( SELECT private.is_admin() AS is_admin))));

--
-- Name: objects People can remove the attachments they uploaded, admins article; Type: POLICY; Schema: storage; Owner: -
--

CREATE POLICY "People can remove the attachments they uploaded, admins article" ON storage.objects FOR DELETE TO authenticated USING ((((bucket_id = 'attachments'::text) AND (owner_id = (( SELECT auth.uid() AS uid))::text) AND private.can_access_attachment(name)) OR ((bucket_id = 'kb-images'::text) AND ( SELECT private.is_admin() AS is_admin))));

--
-- Name: supabase_realtime conversations; Type: PUBLICATION TABLE; Schema: public; Owner: -
--

ALTER PUBLICATION supabase_realtime ADD TABLE ONLY public.conversations;

--
-- Name: supabase_realtime kb_articles; Type: PUBLICATION TABLE; Schema: public; Owner: -
--

ALTER PUBLICATION supabase_realtime ADD TABLE ONLY public.kb_articles;

--
-- Name: supabase_realtime kb_embedding_status; Type: PUBLICATION TABLE; Schema: public; Owner: -
--

ALTER PUBLICATION supabase_realtime ADD TABLE ONLY public.kb_embedding_status;

--
-- Name: supabase_realtime messages; Type: PUBLICATION TABLE; Schema: public; Owner: -
--

ALTER PUBLICATION supabase_realtime ADD TABLE ONLY public.messages;

--
-- Name: supabase_realtime ticket_ai_results; Type: PUBLICATION TABLE; Schema: public; Owner: -
--

ALTER PUBLICATION supabase_realtime ADD TABLE ONLY public.ticket_ai_results;

--
-- Name: supabase_realtime ticket_events; Type: PUBLICATION TABLE; Schema: public; Owner: -
--

ALTER PUBLICATION supabase_realtime ADD TABLE ONLY public.ticket_events;

--
-- Name: supabase_realtime tickets; Type: PUBLICATION TABLE; Schema: public; Owner: -
--

ALTER PUBLICATION supabase_realtime ADD TABLE ONLY public.tickets;

--
-- Name: supabase_realtime work_orders; Type: PUBLICATION TABLE; Schema: public; Owner: -
--

ALTER PUBLICATION supabase_realtime ADD TABLE ONLY public.work_orders;

--
-- Name: SCHEMA private; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA private TO anon;
GRANT USAGE ON SCHEMA private TO authenticated;
GRANT USAGE ON SCHEMA private TO service_role;
GRANT USAGE ON SCHEMA private TO supabase_auth_admin;

--
-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: -
--

GRANT ALL ON SCHEMA public TO postgres;
GRANT USAGE ON SCHEMA public TO anon;
GRANT USAGE ON SCHEMA public TO authenticated;
GRANT USAGE ON SCHEMA public TO service_role;
GRANT USAGE ON SCHEMA public TO supabase_auth_admin;

--
-- Name: FUNCTION abandon_idle_troubleshooting_sessions(idle_for interval); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.abandon_idle_troubleshooting_sessions(idle_for interval) FROM PUBLIC;
GRANT ALL ON FUNCTION private.abandon_idle_troubleshooting_sessions(idle_for interval) TO service_role;

--
-- Name: FUNCTION is_time_zone(name text); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.is_time_zone(name text) FROM PUBLIC;
GRANT ALL ON FUNCTION private.is_time_zone(name text) TO authenticated;
GRANT ALL ON FUNCTION private.is_time_zone(name text) TO service_role;

--
-- Name: TABLE sla_policies; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.sla_policies TO anon;
GRANT ALL ON TABLE public.sla_policies TO authenticated;
GRANT ALL ON TABLE public.sla_policies TO service_role;

--
-- Name: FUNCTION add_business_seconds(policy public.sla_policies, start_at timestamp with time zone, seconds bigint); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.add_business_seconds(policy public.sla_policies, start_at timestamp with time zone, seconds bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION private.add_business_seconds(policy public.sla_policies, start_at timestamp with time zone, seconds bigint) TO authenticated;
GRANT ALL ON FUNCTION private.add_business_seconds(policy public.sla_policies, start_at timestamp with time zone, seconds bigint) TO service_role;

--
-- Name: FUNCTION announce_ticket_progress_in_chat(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.announce_ticket_progress_in_chat() FROM PUBLIC;

--
-- Name: FUNCTION apply_kb_lexeme_deltas(lexemes text[], deltas integer[]); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.apply_kb_lexeme_deltas(lexemes text[], deltas integer[]) FROM PUBLIC;

--
-- Name: FUNCTION assign_new_ticket(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.assign_new_ticket() FROM PUBLIC;

--
-- Name: FUNCTION attachment_conversation_id(object_name text); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.attachment_conversation_id(object_name text) FROM PUBLIC;
GRANT ALL ON FUNCTION private.attachment_conversation_id(object_name text) TO authenticated;

--
-- Name: FUNCTION business_seconds_between(policy public.sla_policies, from_at timestamp with time zone, to_at timestamp with time zone); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.business_seconds_between(policy public.sla_policies, from_at timestamp with time zone, to_at timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION private.business_seconds_between(policy public.sla_policies, from_at timestamp with time zone, to_at timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION private.business_seconds_between(policy public.sla_policies, from_at timestamp with time zone, to_at timestamp with time zone) TO service_role;

--
-- Name: FUNCTION can_access_attachment(object_name text); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.can_access_attachment(object_name text) FROM PUBLIC;
GRANT ALL ON FUNCTION private.can_access_attachment(object_name text) TO authenticated;

--
-- Name: FUNCTION can_manage_work_order(work_order_id uuid); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.can_manage_work_order(work_order_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION private.can_manage_work_order(work_order_id uuid) TO authenticated;
GRANT ALL ON FUNCTION private.can_manage_work_order(work_order_id uuid) TO service_role;

--
-- Name: FUNCTION can_rate_ticket(ticket_id uuid); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.can_rate_ticket(ticket_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION private.can_rate_ticket(ticket_id uuid) TO authenticated;
GRANT ALL ON FUNCTION private.can_rate_ticket(ticket_id uuid) TO service_role;

--
-- Name: FUNCTION can_read_kb_article(is_published boolean); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.can_read_kb_article(is_published boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION private.can_read_kb_article(is_published boolean) TO anon;
GRANT ALL ON FUNCTION private.can_read_kb_article(is_published boolean) TO authenticated;
GRANT ALL ON FUNCTION private.can_read_kb_article(is_published boolean) TO service_role;

--
-- Name: FUNCTION can_use_conversation_channel(topic text); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.can_use_conversation_channel(topic text) FROM PUBLIC;
GRANT ALL ON FUNCTION private.can_use_conversation_channel(topic text) TO authenticated;
GRANT ALL ON FUNCTION private.can_use_conversation_channel(topic text) TO service_role;

--
-- Name: FUNCTION check_assistant_answer_detail(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.check_assistant_answer_detail() FROM PUBLIC;

--
-- Name: FUNCTION check_message_attachment(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.check_message_attachment() FROM PUBLIC;

--
-- Name: TABLE jobs; Type: ACL; Schema: private; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE private.jobs TO service_role;

--
-- Name: FUNCTION claim_jobs(job_kind private.job_kind, worker text, batch_size integer, lease interval); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.claim_jobs(job_kind private.job_kind, worker text, batch_size integer, lease interval) FROM PUBLIC;
GRANT ALL ON FUNCTION private.claim_jobs(job_kind private.job_kind, worker text, batch_size integer, lease interval) TO service_role;

--
-- Name: FUNCTION claim_next_ticket(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.claim_next_ticket() FROM PUBLIC;
GRANT ALL ON FUNCTION private.claim_next_ticket() TO authenticated;
GRANT ALL ON FUNCTION private.claim_next_ticket() TO service_role;

--
-- Name: FUNCTION padded_number(prefix text, value bigint); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.padded_number(prefix text, value bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION private.padded_number(prefix text, value bigint) TO authenticated;
GRANT ALL ON FUNCTION private.padded_number(prefix text, value bigint) TO service_role;

--
-- Name: FUNCTION uuid_v7(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.uuid_v7() FROM PUBLIC;
GRANT ALL ON FUNCTION private.uuid_v7() TO authenticated;
GRANT ALL ON FUNCTION private.uuid_v7() TO service_role;

--
-- Name: SEQUENCE ticket_number_seq; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON SEQUENCE public.ticket_number_seq TO anon;
GRANT ALL ON SEQUENCE public.ticket_number_seq TO authenticated;
GRANT ALL ON SEQUENCE public.ticket_number_seq TO service_role;

--
-- Name: TABLE tickets; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.tickets TO anon;
GRANT ALL ON TABLE public.tickets TO authenticated;
GRANT ALL ON TABLE public.tickets TO service_role;

--
-- Name: FUNCTION claim_outcome(ticket public.tickets, claimed boolean); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.claim_outcome(ticket public.tickets, claimed boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION private.claim_outcome(ticket public.tickets, claimed boolean) TO authenticated;
GRANT ALL ON FUNCTION private.claim_outcome(ticket public.tickets, claimed boolean) TO service_role;

--
-- Name: FUNCTION claim_ticket(ticket_id uuid); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.claim_ticket(ticket_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION private.claim_ticket(ticket_id uuid) TO authenticated;
GRANT ALL ON FUNCTION private.claim_ticket(ticket_id uuid) TO service_role;

--
-- Name: FUNCTION claim_triage_jobs(worker text, batch_size integer); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.claim_triage_jobs(worker text, batch_size integer) FROM PUBLIC;
GRANT ALL ON FUNCTION private.claim_triage_jobs(worker text, batch_size integer) TO service_role;

--
-- Name: FUNCTION close_quiet_resolved_tickets(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.close_quiet_resolved_tickets() FROM PUBLIC;
GRANT ALL ON FUNCTION private.close_quiet_resolved_tickets() TO service_role;

--
-- Name: FUNCTION complete_job(job_id bigint); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.complete_job(job_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION private.complete_job(job_id bigint) TO service_role;

--
-- Name: FUNCTION complete_troubleshooting_session(session_id uuid, outcome text); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.complete_troubleshooting_session(session_id uuid, outcome text) FROM PUBLIC;
GRANT ALL ON FUNCTION private.complete_troubleshooting_session(session_id uuid, outcome text) TO authenticated;
GRANT ALL ON FUNCTION private.complete_troubleshooting_session(session_id uuid, outcome text) TO service_role;

--
-- Name: FUNCTION conversation_id_of_topic(topic text); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.conversation_id_of_topic(topic text) FROM PUBLIC;
GRANT ALL ON FUNCTION private.conversation_id_of_topic(topic text) TO authenticated;
GRANT ALL ON FUNCTION private.conversation_id_of_topic(topic text) TO service_role;

--
-- Name: FUNCTION copy_ai_result_to_ticket(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.copy_ai_result_to_ticket() FROM PUBLIC;

--
-- Name: FUNCTION corrected_triage_value(ticket_id uuid, field text); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.corrected_triage_value(ticket_id uuid, field text) FROM PUBLIC;

--
-- Name: FUNCTION count_kb_chunk_lexemes(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.count_kb_chunk_lexemes() FROM PUBLIC;

--
-- Name: FUNCTION current_user_role(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.current_user_role() FROM PUBLIC;
GRANT ALL ON FUNCTION private.current_user_role() TO anon;
GRANT ALL ON FUNCTION private.current_user_role() TO authenticated;
GRANT ALL ON FUNCTION private.current_user_role() TO service_role;

--
-- Name: FUNCTION custom_access_token_hook(event jsonb); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.custom_access_token_hook(event jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION private.custom_access_token_hook(event jsonb) TO supabase_auth_admin;

--
-- Name: FUNCTION display_name_of(person_id uuid); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.display_name_of(person_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION private.display_name_of(person_id uuid) TO authenticated;
GRANT ALL ON FUNCTION private.display_name_of(person_id uuid) TO service_role;

--
-- Name: FUNCTION drain_triage_queue(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.drain_triage_queue() FROM PUBLIC;
GRANT ALL ON FUNCTION private.drain_triage_queue() TO service_role;

--
-- Name: FUNCTION drop_embed_job_of_deleted_article(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.drop_embed_job_of_deleted_article() FROM PUBLIC;

--
-- Name: FUNCTION duplicate_text(subject text, content text); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.duplicate_text(subject text, content text) FROM PUBLIC;

--
-- Name: FUNCTION enforce_ticket_lifecycle(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.enforce_ticket_lifecycle() FROM PUBLIC;

--
-- Name: FUNCTION enqueue_all_embeddings(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.enqueue_all_embeddings() FROM PUBLIC;

--
-- Name: FUNCTION enqueue_job(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.enqueue_job() FROM PUBLIC;

--
-- Name: FUNCTION ensure_triage_failure_row(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.ensure_triage_failure_row() FROM PUBLIC;

--
-- Name: FUNCTION escalate_sla_breaches(max_tickets integer); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.escalate_sla_breaches(max_tickets integer) FROM PUBLIC;
GRANT ALL ON FUNCTION private.escalate_sla_breaches(max_tickets integer) TO service_role;

--
-- Name: FUNCTION expand_guide_query(query_text text); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.expand_guide_query(query_text text) FROM PUBLIC;
GRANT ALL ON FUNCTION private.expand_guide_query(query_text text) TO anon;
GRANT ALL ON FUNCTION private.expand_guide_query(query_text text) TO authenticated;
GRANT ALL ON FUNCTION private.expand_guide_query(query_text text) TO service_role;

--
-- Name: FUNCTION fail_job(job_id bigint, error text); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.fail_job(job_id bigint, error text) FROM PUBLIC;
GRANT ALL ON FUNCTION private.fail_job(job_id bigint, error text) TO service_role;

--
-- Name: FUNCTION fill_canned_reply_variables(template text, ticket_number text, ticket_subject text, customer_name text, technician_name text); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.fill_canned_reply_variables(template text, ticket_number text, ticket_subject text, customer_name text, technician_name text) FROM PUBLIC;
GRANT ALL ON FUNCTION private.fill_canned_reply_variables(template text, ticket_number text, ticket_subject text, customer_name text, technician_name text) TO authenticated;
GRANT ALL ON FUNCTION private.fill_canned_reply_variables(template text, ticket_number text, ticket_subject text, customer_name text, technician_name text) TO service_role;

--
-- Name: FUNCTION first_name_of(full_name text); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.first_name_of(full_name text) FROM PUBLIC;
GRANT ALL ON FUNCTION private.first_name_of(full_name text) TO authenticated;
GRANT ALL ON FUNCTION private.first_name_of(full_name text) TO service_role;

--
-- Name: FUNCTION flag_possible_duplicate(ticket_id uuid); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.flag_possible_duplicate(ticket_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION flag_possible_duplicate_after_triage(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.flag_possible_duplicate_after_triage() FROM PUBLIC;

--
-- Name: TABLE troubleshooting_sessions; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.troubleshooting_sessions TO anon;
GRANT ALL ON TABLE public.troubleshooting_sessions TO authenticated;
GRANT ALL ON TABLE public.troubleshooting_sessions TO service_role;

--
-- Name: FUNCTION guided_fix_outcome(session public.troubleshooting_sessions); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.guided_fix_outcome(session public.troubleshooting_sessions) FROM PUBLIC;
GRANT ALL ON FUNCTION private.guided_fix_outcome(session public.troubleshooting_sessions) TO authenticated;
GRANT ALL ON FUNCTION private.guided_fix_outcome(session public.troubleshooting_sessions) TO service_role;

--
-- Name: FUNCTION handle_new_user(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.handle_new_user() FROM PUBLIC;

--
-- Name: FUNCTION help_article_terms(title text, content text, tags text[]); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.help_article_terms(title text, content text, tags text[]) FROM PUBLIC;

--
-- Name: FUNCTION help_search_candidates(query_text text, max_results integer, relative_cutoff real); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.help_search_candidates(query_text text, max_results integer, relative_cutoff real) FROM PUBLIC;
GRANT ALL ON FUNCTION private.help_search_candidates(query_text text, max_results integer, relative_cutoff real) TO anon;
GRANT ALL ON FUNCTION private.help_search_candidates(query_text text, max_results integer, relative_cutoff real) TO authenticated;
GRANT ALL ON FUNCTION private.help_search_candidates(query_text text, max_results integer, relative_cutoff real) TO service_role;

--
-- Name: FUNCTION help_visitor_daily_votes(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.help_visitor_daily_votes() FROM PUBLIC;

--
-- Name: FUNCTION help_visitor_hash(visitor text); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.help_visitor_hash(visitor text) FROM PUBLIC;

--
-- Name: FUNCTION invoke_edge_function(name text, body jsonb, timeout_milliseconds integer); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.invoke_edge_function(name text, body jsonb, timeout_milliseconds integer) FROM PUBLIC;
GRANT ALL ON FUNCTION private.invoke_edge_function(name text, body jsonb, timeout_milliseconds integer) TO service_role;

--
-- Name: FUNCTION is_admin(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.is_admin() FROM PUBLIC;
GRANT ALL ON FUNCTION private.is_admin() TO anon;
GRANT ALL ON FUNCTION private.is_admin() TO authenticated;
GRANT ALL ON FUNCTION private.is_admin() TO service_role;

--
-- Name: FUNCTION is_assigned_to_or_unassigned_ticket(ticket_id uuid); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.is_assigned_to_or_unassigned_ticket(ticket_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION private.is_assigned_to_or_unassigned_ticket(ticket_id uuid) TO authenticated;
GRANT ALL ON FUNCTION private.is_assigned_to_or_unassigned_ticket(ticket_id uuid) TO service_role;

--
-- Name: FUNCTION is_assigned_to_ticket(ticket_id uuid); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.is_assigned_to_ticket(ticket_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION private.is_assigned_to_ticket(ticket_id uuid) TO authenticated;
GRANT ALL ON FUNCTION private.is_assigned_to_ticket(ticket_id uuid) TO service_role;

--
-- Name: FUNCTION is_published_article(article_id uuid); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.is_published_article(article_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION private.is_published_article(article_id uuid) TO anon;
GRANT ALL ON FUNCTION private.is_published_article(article_id uuid) TO authenticated;
GRANT ALL ON FUNCTION private.is_published_article(article_id uuid) TO service_role;

--
-- Name: FUNCTION is_published_guide(guide_id uuid); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.is_published_guide(guide_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION private.is_published_guide(guide_id uuid) TO anon;
GRANT ALL ON FUNCTION private.is_published_guide(guide_id uuid) TO authenticated;
GRANT ALL ON FUNCTION private.is_published_guide(guide_id uuid) TO service_role;

--
-- Name: FUNCTION is_staff(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.is_staff() FROM PUBLIC;
GRANT ALL ON FUNCTION private.is_staff() TO anon;
GRANT ALL ON FUNCTION private.is_staff() TO authenticated;
GRANT ALL ON FUNCTION private.is_staff() TO service_role;

--
-- Name: FUNCTION is_technician(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.is_technician() FROM PUBLIC;
GRANT ALL ON FUNCTION private.is_technician() TO anon;
GRANT ALL ON FUNCTION private.is_technician() TO authenticated;
GRANT ALL ON FUNCTION private.is_technician() TO service_role;

--
-- Name: FUNCTION is_technician_of_current_customer(technician_id uuid); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.is_technician_of_current_customer(technician_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION private.is_technician_of_current_customer(technician_id uuid) TO authenticated;
GRANT ALL ON FUNCTION private.is_technician_of_current_customer(technician_id uuid) TO service_role;

--
-- Name: FUNCTION kb_article_matches_filters(article_id uuid, solution_area text, category text, vehicle_context text); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.kb_article_matches_filters(article_id uuid, solution_area text, category text, vehicle_context text) FROM PUBLIC;
GRANT ALL ON FUNCTION private.kb_article_matches_filters(article_id uuid, solution_area text, category text, vehicle_context text) TO anon;
GRANT ALL ON FUNCTION private.kb_article_matches_filters(article_id uuid, solution_area text, category text, vehicle_context text) TO authenticated;
GRANT ALL ON FUNCTION private.kb_article_matches_filters(article_id uuid, solution_area text, category text, vehicle_context text) TO service_role;

--
-- Name: FUNCTION kb_full_text_candidates(match_query tsquery, rank_query tsquery, max_results integer, solution_area text, category text, vehicle_context text, ranked_row_cap integer); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.kb_full_text_candidates(match_query tsquery, rank_query tsquery, max_results integer, solution_area text, category text, vehicle_context text, ranked_row_cap integer) FROM PUBLIC;
GRANT ALL ON FUNCTION private.kb_full_text_candidates(match_query tsquery, rank_query tsquery, max_results integer, solution_area text, category text, vehicle_context text, ranked_row_cap integer) TO anon;
GRANT ALL ON FUNCTION private.kb_full_text_candidates(match_query tsquery, rank_query tsquery, max_results integer, solution_area text, category text, vehicle_context text, ranked_row_cap integer) TO authenticated;
GRANT ALL ON FUNCTION private.kb_full_text_candidates(match_query tsquery, rank_query tsquery, max_results integer, solution_area text, category text, vehicle_context text, ranked_row_cap integer) TO service_role;

--
-- Name: FUNCTION kb_full_text_match_query(lexemes text[], common_above integer); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.kb_full_text_match_query(lexemes text[], common_above integer) FROM PUBLIC;
GRANT ALL ON FUNCTION private.kb_full_text_match_query(lexemes text[], common_above integer) TO anon;
GRANT ALL ON FUNCTION private.kb_full_text_match_query(lexemes text[], common_above integer) TO authenticated;
GRANT ALL ON FUNCTION private.kb_full_text_match_query(lexemes text[], common_above integer) TO service_role;

--
-- Name: FUNCTION kb_title_word_candidates(title_query tsquery, max_results integer, solution_area text, category text, vehicle_context text); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.kb_title_word_candidates(title_query tsquery, max_results integer, solution_area text, category text, vehicle_context text) FROM PUBLIC;
GRANT ALL ON FUNCTION private.kb_title_word_candidates(title_query tsquery, max_results integer, solution_area text, category text, vehicle_context text) TO anon;
GRANT ALL ON FUNCTION private.kb_title_word_candidates(title_query tsquery, max_results integer, solution_area text, category text, vehicle_context text) TO authenticated;
GRANT ALL ON FUNCTION private.kb_title_word_candidates(title_query tsquery, max_results integer, solution_area text, category text, vehicle_context text) TO service_role;

--
-- Name: FUNCTION keep_corrected_triage(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.keep_corrected_triage() FROM PUBLIC;

--
-- Name: FUNCTION keep_ticket_priority(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.keep_ticket_priority() FROM PUBLIC;

--
-- Name: FUNCTION keep_ticket_sla(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.keep_ticket_sla() FROM PUBLIC;

--
-- Name: FUNCTION link_ticket_conversation(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.link_ticket_conversation() FROM PUBLIC;

--
-- Name: FUNCTION normalise_help_query(query_text text); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.normalise_help_query(query_text text) FROM PUBLIC;

--
-- Name: FUNCTION open_ticket_conversation(ticket_id uuid); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.open_ticket_conversation(ticket_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION private.open_ticket_conversation(ticket_id uuid) TO authenticated;
GRANT ALL ON FUNCTION private.open_ticket_conversation(ticket_id uuid) TO service_role;

--
-- Name: FUNCTION owns_conversation(conversation_id uuid); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.owns_conversation(conversation_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION private.owns_conversation(conversation_id uuid) TO authenticated;
GRANT ALL ON FUNCTION private.owns_conversation(conversation_id uuid) TO service_role;

--
-- Name: FUNCTION owns_open_troubleshooting_session(session_id uuid); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.owns_open_troubleshooting_session(session_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION private.owns_open_troubleshooting_session(session_id uuid) TO authenticated;
GRANT ALL ON FUNCTION private.owns_open_troubleshooting_session(session_id uuid) TO service_role;

--
-- Name: FUNCTION owns_ticket(ticket_id uuid); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.owns_ticket(ticket_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION private.owns_ticket(ticket_id uuid) TO authenticated;
GRANT ALL ON FUNCTION private.owns_ticket(ticket_id uuid) TO service_role;

--
-- Name: FUNCTION owns_troubleshooting_session(session_id uuid); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.owns_troubleshooting_session(session_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION private.owns_troubleshooting_session(session_id uuid) TO authenticated;
GRANT ALL ON FUNCTION private.owns_troubleshooting_session(session_id uuid) TO service_role;

--
-- Name: FUNCTION owns_vehicle(vehicle_id uuid); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.owns_vehicle(vehicle_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION private.owns_vehicle(vehicle_id uuid) TO authenticated;
GRANT ALL ON FUNCTION private.owns_vehicle(vehicle_id uuid) TO service_role;

--
-- Name: FUNCTION password_verification_attempt_hook(event jsonb); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.password_verification_attempt_hook(event jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION private.password_verification_attempt_hook(event jsonb) TO supabase_auth_admin;

--
-- Name: FUNCTION prepare_new_session(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.prepare_new_session() FROM PUBLIC;

--
-- Name: FUNCTION prepare_new_ticket(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.prepare_new_ticket() FROM PUBLIC;

--
-- Name: FUNCTION prepare_ticket_rating(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.prepare_ticket_rating() FROM PUBLIC;

--
-- Name: FUNCTION priority_for_urgency(urgency text); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.priority_for_urgency(urgency text) FROM PUBLIC;

--
-- Name: FUNCTION protect_availability_fields(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.protect_availability_fields() FROM PUBLIC;

--
-- Name: FUNCTION protect_conversation_fields(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.protect_conversation_fields() FROM PUBLIC;

--
-- Name: FUNCTION protect_profile_fields(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.protect_profile_fields() FROM PUBLIC;

--
-- Name: FUNCTION protect_session_fields(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.protect_session_fields() FROM PUBLIC;

--
-- Name: FUNCTION protect_ticket_fields(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.protect_ticket_fields() FROM PUBLIC;

--
-- Name: FUNCTION protect_work_order_fields(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.protect_work_order_fields() FROM PUBLIC;

--
-- Name: FUNCTION raised_priority(priority public.ticket_priority); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.raised_priority(priority public.ticket_priority) FROM PUBLIC;

--
-- Name: FUNCTION record_assignment_of_new_tickets(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.record_assignment_of_new_tickets() FROM PUBLIC;

--
-- Name: FUNCTION record_first_response(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.record_first_response() FROM PUBLIC;

--
-- Name: FUNCTION record_help_search_miss(query_text text); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.record_help_search_miss(query_text text) FROM PUBLIC;
GRANT ALL ON FUNCTION private.record_help_search_miss(query_text text) TO anon;
GRANT ALL ON FUNCTION private.record_help_search_miss(query_text text) TO authenticated;
GRANT ALL ON FUNCTION private.record_help_search_miss(query_text text) TO service_role;

--
-- Name: FUNCTION record_kb_embedding_status(job private.jobs); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.record_kb_embedding_status(job private.jobs) FROM PUBLIC;

--
-- Name: FUNCTION record_kb_embedding_status_after_job_change(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.record_kb_embedding_status_after_job_change() FROM PUBLIC;

--
-- Name: FUNCTION record_message_events(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.record_message_events() FROM PUBLIC;

--
-- Name: FUNCTION record_new_tickets(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.record_new_tickets() FROM PUBLIC;

--
-- Name: FUNCTION record_row_change_event(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.record_row_change_event() FROM PUBLIC;

--
-- Name: FUNCTION record_ticket_change_events(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.record_ticket_change_events() FROM PUBLIC;

--
-- Name: FUNCTION record_ticket_rating(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.record_ticket_rating() FROM PUBLIC;

--
-- Name: FUNCTION record_triage_event(ticket_id uuid, event jsonb); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.record_triage_event(ticket_id uuid, event jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION private.record_triage_event(ticket_id uuid, event jsonb) TO service_role;

--
-- Name: FUNCTION record_triage_failure(job_id bigint, ticket_id uuid, error text, retryable boolean, event jsonb); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.record_triage_failure(job_id bigint, ticket_id uuid, error text, retryable boolean, event jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION private.record_triage_failure(job_id bigint, ticket_id uuid, error text, retryable boolean, event jsonb) TO service_role;

--
-- Name: FUNCTION record_triage_success(job_id bigint, ticket_id uuid, result jsonb, event jsonb); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.record_triage_success(job_id bigint, ticket_id uuid, result jsonb, event jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION private.record_triage_success(job_id bigint, ticket_id uuid, result jsonb, event jsonb) TO service_role;

--
-- Name: FUNCTION record_work_order_created_events(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.record_work_order_created_events() FROM PUBLIC;

--
-- Name: FUNCTION record_work_order_status_events(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.record_work_order_status_events() FROM PUBLIC;

--
-- Name: FUNCTION recount_kb_lexemes(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.recount_kb_lexemes() FROM PUBLIC;

--
-- Name: FUNCTION refresh_help_search_terms(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.refresh_help_search_terms() FROM PUBLIC;

--
-- Name: FUNCTION refuse_deleting_people_with_open_tickets(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.refuse_deleting_people_with_open_tickets() FROM PUBLIC;

--
-- Name: FUNCTION release_ticket(ticket_id uuid); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.release_ticket(ticket_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION private.release_ticket(ticket_id uuid) TO authenticated;
GRANT ALL ON FUNCTION private.release_ticket(ticket_id uuid) TO service_role;

--
-- Name: FUNCTION reopen_or_follow_up_on_customer_message(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.reopen_or_follow_up_on_customer_message() FROM PUBLIC;

--
-- Name: FUNCTION report_window_start(days integer); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.report_window_start(days integer) FROM PUBLIC;
GRANT ALL ON FUNCTION private.report_window_start(days integer) TO authenticated;
GRANT ALL ON FUNCTION private.report_window_start(days integer) TO service_role;

--
-- Name: FUNCTION request_edge_function_wakeup(name text, body jsonb, min_interval interval, timeout_milliseconds integer); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.request_edge_function_wakeup(name text, body jsonb, min_interval interval, timeout_milliseconds integer) FROM PUBLIC;
GRANT ALL ON FUNCTION private.request_edge_function_wakeup(name text, body jsonb, min_interval interval, timeout_milliseconds integer) TO service_role;

--
-- Name: FUNCTION requeue_ticket_triage(ticket_id uuid); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.requeue_ticket_triage(ticket_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION private.requeue_ticket_triage(ticket_id uuid) TO authenticated;
GRANT ALL ON FUNCTION private.requeue_ticket_triage(ticket_id uuid) TO service_role;

--
-- Name: FUNCTION require_admin(what text); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.require_admin(what text) FROM PUBLIC;
GRANT ALL ON FUNCTION private.require_admin(what text) TO authenticated;
GRANT ALL ON FUNCTION private.require_admin(what text) TO service_role;

--
-- Name: FUNCTION require_finished_work_orders(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.require_finished_work_orders() FROM PUBLIC;

--
-- Name: FUNCTION reset_stuck_triage(stuck_after interval); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.reset_stuck_triage(stuck_after interval) FROM PUBLIC;
GRANT ALL ON FUNCTION private.reset_stuck_triage(stuck_after interval) TO service_role;

--
-- Name: FUNCTION sla_policy(policy_id uuid); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.sla_policy(policy_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION private.sla_policy(policy_id uuid) TO authenticated;
GRANT ALL ON FUNCTION private.sla_policy(policy_id uuid) TO service_role;

--
-- Name: FUNCTION sla_policy_for(urgency text, solution_area text); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.sla_policy_for(urgency text, solution_area text) FROM PUBLIC;
GRANT ALL ON FUNCTION private.sla_policy_for(urgency text, solution_area text) TO authenticated;
GRANT ALL ON FUNCTION private.sla_policy_for(urgency text, solution_area text) TO service_role;

--
-- Name: FUNCTION solution_area_of_conversation(conversation_id uuid); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.solution_area_of_conversation(conversation_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION private.solution_area_of_conversation(conversation_id uuid) TO authenticated;
GRANT ALL ON FUNCTION private.solution_area_of_conversation(conversation_id uuid) TO service_role;

--
-- Name: FUNCTION staff_can_read_work_order(work_order_id uuid); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.staff_can_read_work_order(work_order_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION private.staff_can_read_work_order(work_order_id uuid) TO authenticated;
GRANT ALL ON FUNCTION private.staff_can_read_work_order(work_order_id uuid) TO service_role;

--
-- Name: FUNCTION staff_can_see_conversation(conversation_id uuid); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.staff_can_see_conversation(conversation_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION private.staff_can_see_conversation(conversation_id uuid) TO authenticated;
GRANT ALL ON FUNCTION private.staff_can_see_conversation(conversation_id uuid) TO service_role;

--
-- Name: FUNCTION standing_report_events(window_start timestamp with time zone); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.standing_report_events(window_start timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION private.standing_report_events(window_start timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION private.standing_report_events(window_start timestamp with time zone) TO service_role;

--
-- Name: FUNCTION start_ticket_with_its_work(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.start_ticket_with_its_work() FROM PUBLIC;

--
-- Name: FUNCTION sum_work_order_parts(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.sum_work_order_parts() FROM PUBLIC;

--
-- Name: FUNCTION support_dashboard_events(window_start timestamp with time zone); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.support_dashboard_events(window_start timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION private.support_dashboard_events(window_start timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION private.support_dashboard_events(window_start timestamp with time zone) TO service_role;

--
-- Name: FUNCTION sync_embedding_model(configured_model text); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.sync_embedding_model(configured_model text) FROM PUBLIC;
GRANT ALL ON FUNCTION private.sync_embedding_model(configured_model text) TO service_role;

--
-- Name: FUNCTION takes_part_in_conversation(conversation_id uuid); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.takes_part_in_conversation(conversation_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION private.takes_part_in_conversation(conversation_id uuid) TO authenticated;
GRANT ALL ON FUNCTION private.takes_part_in_conversation(conversation_id uuid) TO service_role;

--
-- Name: FUNCTION ticket_search_candidates(query tsquery, cap integer); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.ticket_search_candidates(query tsquery, cap integer) FROM PUBLIC;
GRANT ALL ON FUNCTION private.ticket_search_candidates(query tsquery, cap integer) TO authenticated;
GRANT ALL ON FUNCTION private.ticket_search_candidates(query tsquery, cap integer) TO service_role;

--
-- Name: FUNCTION touch_conversation_on_message(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.touch_conversation_on_message() FROM PUBLIC;

--
-- Name: FUNCTION touch_updated_at(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.touch_updated_at() FROM PUBLIC;

--
-- Name: FUNCTION urgency_rank(urgency text); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.urgency_rank(urgency text) FROM PUBLIC;
GRANT ALL ON FUNCTION private.urgency_rank(urgency text) TO authenticated;
GRANT ALL ON FUNCTION private.urgency_rank(urgency text) TO service_role;

--
-- Name: FUNCTION wake_embed_worker(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.wake_embed_worker() FROM PUBLIC;

--
-- Name: FUNCTION wake_embed_worker_after_change(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.wake_embed_worker_after_change() FROM PUBLIC;

--
-- Name: FUNCTION wake_embed_worker_if_due(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.wake_embed_worker_if_due() FROM PUBLIC;

--
-- Name: FUNCTION wake_triage_worker(); Type: ACL; Schema: private; Owner: -
--

REVOKE ALL ON FUNCTION private.wake_triage_worker() FROM PUBLIC;

--
-- Name: FUNCTION apply_canned_reply_actions(canned_reply_id uuid, ticket_id uuid); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.apply_canned_reply_actions(canned_reply_id uuid, ticket_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.apply_canned_reply_actions(canned_reply_id uuid, ticket_id uuid) TO service_role;
GRANT ALL ON FUNCTION public.apply_canned_reply_actions(canned_reply_id uuid, ticket_id uuid) TO authenticated;

--
-- Name: FUNCTION bulk_update_tickets(ticket_ids uuid[], action text, value text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.bulk_update_tickets(ticket_ids uuid[], action text, value text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bulk_update_tickets(ticket_ids uuid[], action text, value text) TO service_role;
GRANT ALL ON FUNCTION public.bulk_update_tickets(ticket_ids uuid[], action text, value text) TO authenticated;

--
-- Name: FUNCTION claim_jobs(job_kind text, worker text, batch_size integer); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.claim_jobs(job_kind text, worker text, batch_size integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.claim_jobs(job_kind text, worker text, batch_size integer) TO service_role;

--
-- Name: FUNCTION claim_next_ticket(); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.claim_next_ticket() FROM PUBLIC;
GRANT ALL ON FUNCTION public.claim_next_ticket() TO service_role;
GRANT ALL ON FUNCTION public.claim_next_ticket() TO authenticated;

--
-- Name: FUNCTION claim_ticket(ticket_id uuid); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.claim_ticket(ticket_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.claim_ticket(ticket_id uuid) TO service_role;
GRANT ALL ON FUNCTION public.claim_ticket(ticket_id uuid) TO authenticated;

--
-- Name: FUNCTION complete_job(job_id bigint); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.complete_job(job_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION public.complete_job(job_id bigint) TO service_role;

--
-- Name: FUNCTION complete_troubleshooting_session(session_id uuid, outcome text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.complete_troubleshooting_session(session_id uuid, outcome text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.complete_troubleshooting_session(session_id uuid, outcome text) TO service_role;
GRANT ALL ON FUNCTION public.complete_troubleshooting_session(session_id uuid, outcome text) TO authenticated;

--
-- Name: FUNCTION correct_ticket_triage(ticket_id uuid, field text, value text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.correct_ticket_triage(ticket_id uuid, field text, value text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.correct_ticket_triage(ticket_id uuid, field text, value text) TO service_role;
GRANT ALL ON FUNCTION public.correct_ticket_triage(ticket_id uuid, field text, value text) TO authenticated;

--
-- Name: FUNCTION desk_performance(days integer); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.desk_performance(days integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.desk_performance(days integer) TO service_role;
GRANT ALL ON FUNCTION public.desk_performance(days integer) TO authenticated;

--
-- Name: FUNCTION fail_job(job_id bigint, error text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.fail_job(job_id bigint, error text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.fail_job(job_id bigint, error text) TO service_role;

--
-- Name: FUNCTION help_article_feedback(); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.help_article_feedback() FROM PUBLIC;
GRANT ALL ON FUNCTION public.help_article_feedback() TO service_role;
GRANT ALL ON FUNCTION public.help_article_feedback() TO authenticated;

--
-- Name: FUNCTION help_search_gaps(max_results integer); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.help_search_gaps(max_results integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.help_search_gaps(max_results integer) TO service_role;
GRANT ALL ON FUNCTION public.help_search_gaps(max_results integer) TO authenticated;

--
-- Name: FUNCTION mark_conversation_read(conversation_id uuid); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.mark_conversation_read(conversation_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.mark_conversation_read(conversation_id uuid) TO service_role;
GRANT ALL ON FUNCTION public.mark_conversation_read(conversation_id uuid) TO authenticated;

--
-- Name: FUNCTION match_guides(description text, match_count integer); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.match_guides(description text, match_count integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.match_guides(description text, match_count integer) TO service_role;
GRANT ALL ON FUNCTION public.match_guides(description text, match_count integer) TO anon;
GRANT ALL ON FUNCTION public.match_guides(description text, match_count integer) TO authenticated;

--
-- Name: FUNCTION merge_tickets(duplicate uuid, survivor uuid, confirm_cross_customer boolean); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.merge_tickets(duplicate uuid, survivor uuid, confirm_cross_customer boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION public.merge_tickets(duplicate uuid, survivor uuid, confirm_cross_customer boolean) TO service_role;
GRANT ALL ON FUNCTION public.merge_tickets(duplicate uuid, survivor uuid, confirm_cross_customer boolean) TO authenticated;

--
-- Name: FUNCTION open_follow_up_ticket(session_id uuid); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.open_follow_up_ticket(session_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.open_follow_up_ticket(session_id uuid) TO service_role;
GRANT ALL ON FUNCTION public.open_follow_up_ticket(session_id uuid) TO authenticated;

--
-- Name: FUNCTION open_ticket(subject text, content text, channel public.ticket_channel, priority public.ticket_priority, contact_email text, contact_phone text, customer_vehicle_id uuid, vehicle_year integer, vehicle_make text, vehicle_model text, vin text, conversation_id uuid, troubleshooting_session_id uuid, customer_id uuid); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.open_ticket(subject text, content text, channel public.ticket_channel, priority public.ticket_priority, contact_email text, contact_phone text, customer_vehicle_id uuid, vehicle_year integer, vehicle_make text, vehicle_model text, vin text, conversation_id uuid, troubleshooting_session_id uuid, customer_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.open_ticket(subject text, content text, channel public.ticket_channel, priority public.ticket_priority, contact_email text, contact_phone text, customer_vehicle_id uuid, vehicle_year integer, vehicle_make text, vehicle_model text, vin text, conversation_id uuid, troubleshooting_session_id uuid, customer_id uuid) TO service_role;
GRANT ALL ON FUNCTION public.open_ticket(subject text, content text, channel public.ticket_channel, priority public.ticket_priority, contact_email text, contact_phone text, customer_vehicle_id uuid, vehicle_year integer, vehicle_make text, vehicle_model text, vin text, conversation_id uuid, troubleshooting_session_id uuid, customer_id uuid) TO authenticated;

--
-- Name: FUNCTION open_ticket_conversation(ticket_id uuid); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.open_ticket_conversation(ticket_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.open_ticket_conversation(ticket_id uuid) TO service_role;
GRANT ALL ON FUNCTION public.open_ticket_conversation(ticket_id uuid) TO authenticated;

--
-- Name: FUNCTION release_ticket(ticket_id uuid); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.release_ticket(ticket_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.release_ticket(ticket_id uuid) TO service_role;
GRANT ALL ON FUNCTION public.release_ticket(ticket_id uuid) TO authenticated;

--
-- Name: FUNCTION render_canned_reply(canned_reply_id uuid, ticket_id uuid); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.render_canned_reply(canned_reply_id uuid, ticket_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.render_canned_reply(canned_reply_id uuid, ticket_id uuid) TO service_role;
GRANT ALL ON FUNCTION public.render_canned_reply(canned_reply_id uuid, ticket_id uuid) TO authenticated;

--
-- Name: FUNCTION reply_to_my_ticket(ticket_id uuid, content text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.reply_to_my_ticket(ticket_id uuid, content text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.reply_to_my_ticket(ticket_id uuid, content text) TO service_role;
GRANT ALL ON FUNCTION public.reply_to_my_ticket(ticket_id uuid, content text) TO authenticated;

--
-- Name: FUNCTION requeue_ticket_triage(ticket_id uuid); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.requeue_ticket_triage(ticket_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.requeue_ticket_triage(ticket_id uuid) TO service_role;
GRANT ALL ON FUNCTION public.requeue_ticket_triage(ticket_id uuid) TO authenticated;

--
-- Name: FUNCTION search_help(query_text text, max_results integer); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.search_help(query_text text, max_results integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.search_help(query_text text, max_results integer) TO service_role;
GRANT ALL ON FUNCTION public.search_help(query_text text, max_results integer) TO anon;
GRANT ALL ON FUNCTION public.search_help(query_text text, max_results integer) TO authenticated;

--
-- Name: FUNCTION search_kb(query_text text, query_embedding extensions.vector, embedding_model text, match_count integer, solution_area text, category text, vehicle_context text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.search_kb(query_text text, query_embedding extensions.vector, embedding_model text, match_count integer, solution_area text, category text, vehicle_context text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.search_kb(query_text text, query_embedding extensions.vector, embedding_model text, match_count integer, solution_area text, category text, vehicle_context text) TO service_role;
GRANT ALL ON FUNCTION public.search_kb(query_text text, query_embedding extensions.vector, embedding_model text, match_count integer, solution_area text, category text, vehicle_context text) TO anon;
GRANT ALL ON FUNCTION public.search_kb(query_text text, query_embedding extensions.vector, embedding_model text, match_count integer, solution_area text, category text, vehicle_context text) TO authenticated;

--
-- Name: FUNCTION search_tickets(query_text text, max_results integer); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.search_tickets(query_text text, max_results integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.search_tickets(query_text text, max_results integer) TO service_role;
GRANT ALL ON FUNCTION public.search_tickets(query_text text, max_results integer) TO authenticated;

--
-- Name: FUNCTION standing_reports(days integer); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.standing_reports(days integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.standing_reports(days integer) TO service_role;
GRANT ALL ON FUNCTION public.standing_reports(days integer) TO authenticated;

--
-- Name: FUNCTION support_dashboard(days integer); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.support_dashboard(days integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.support_dashboard(days integer) TO service_role;
GRANT ALL ON FUNCTION public.support_dashboard(days integer) TO authenticated;

--
-- Name: FUNCTION triage_accuracy(days integer); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.triage_accuracy(days integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.triage_accuracy(days integer) TO service_role;
GRANT ALL ON FUNCTION public.triage_accuracy(days integer) TO authenticated;

--
-- Name: FUNCTION upload_limits(bucket text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.upload_limits(bucket text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.upload_limits(bucket text) TO service_role;
GRANT ALL ON FUNCTION public.upload_limits(bucket text) TO authenticated;

--
-- Name: FUNCTION vote_on_article(article_slug text, helpful boolean, comment text, visitor text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.vote_on_article(article_slug text, helpful boolean, comment text, visitor text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.vote_on_article(article_slug text, helpful boolean, comment text, visitor text) TO service_role;
GRANT ALL ON FUNCTION public.vote_on_article(article_slug text, helpful boolean, comment text, visitor text) TO anon;
GRANT ALL ON FUNCTION public.vote_on_article(article_slug text, helpful boolean, comment text, visitor text) TO authenticated;

--
-- Name: TABLE kb_lexeme_chunk_counts; Type: ACL; Schema: private; Owner: -
--

GRANT SELECT ON TABLE private.kb_lexeme_chunk_counts TO service_role;

--
-- Name: TABLE kb_settings; Type: ACL; Schema: private; Owner: -
--

GRANT SELECT,UPDATE ON TABLE private.kb_settings TO service_role;

--
-- Name: TABLE analysis_exports; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.analysis_exports TO anon;
GRANT ALL ON TABLE public.analysis_exports TO authenticated;
GRANT ALL ON TABLE public.analysis_exports TO service_role;

--
-- Name: TABLE analysis_kpis; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.analysis_kpis TO anon;
GRANT ALL ON TABLE public.analysis_kpis TO authenticated;
GRANT ALL ON TABLE public.analysis_kpis TO service_role;

--
-- Name: TABLE analytics_events; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.analytics_events TO anon;
GRANT ALL ON TABLE public.analytics_events TO authenticated;
GRANT ALL ON TABLE public.analytics_events TO service_role;

--
-- Name: SEQUENCE analytics_events_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON SEQUENCE public.analytics_events_id_seq TO anon;
GRANT ALL ON SEQUENCE public.analytics_events_id_seq TO authenticated;
GRANT ALL ON SEQUENCE public.analytics_events_id_seq TO service_role;

--
-- Name: TABLE assistant_answer_details; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.assistant_answer_details TO anon;
GRANT ALL ON TABLE public.assistant_answer_details TO authenticated;
GRANT ALL ON TABLE public.assistant_answer_details TO service_role;

--
-- Name: TABLE auto_assignment_rules; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.auto_assignment_rules TO anon;
GRANT ALL ON TABLE public.auto_assignment_rules TO authenticated;
GRANT ALL ON TABLE public.auto_assignment_rules TO service_role;

--
-- Name: TABLE canned_replies; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.canned_replies TO anon;
GRANT ALL ON TABLE public.canned_replies TO authenticated;
GRANT ALL ON TABLE public.canned_replies TO service_role;

--
-- Name: TABLE conversation_categorizations; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.conversation_categorizations TO anon;
GRANT ALL ON TABLE public.conversation_categorizations TO authenticated;
GRANT ALL ON TABLE public.conversation_categorizations TO service_role;

--
-- Name: TABLE conversation_read_markers; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.conversation_read_markers TO anon;
GRANT ALL ON TABLE public.conversation_read_markers TO authenticated;
GRANT ALL ON TABLE public.conversation_read_markers TO service_role;

--
-- Name: TABLE conversations; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.conversations TO anon;
GRANT ALL ON TABLE public.conversations TO authenticated;
GRANT ALL ON TABLE public.conversations TO service_role;

--
-- Name: TABLE customer_analyses; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.customer_analyses TO anon;
GRANT ALL ON TABLE public.customer_analyses TO authenticated;
GRANT ALL ON TABLE public.customer_analyses TO service_role;

--
-- Name: TABLE customer_vehicles; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.customer_vehicles TO anon;
GRANT ALL ON TABLE public.customer_vehicles TO authenticated;
GRANT ALL ON TABLE public.customer_vehicles TO service_role;

--
-- Name: TABLE departments; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.departments TO anon;
GRANT ALL ON TABLE public.departments TO authenticated;
GRANT ALL ON TABLE public.departments TO service_role;

--
-- Name: TABLE desk_settings; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,REFERENCES,TRIGGER,UPDATE ON TABLE public.desk_settings TO anon;
GRANT SELECT,REFERENCES,TRIGGER,UPDATE ON TABLE public.desk_settings TO authenticated;
GRANT ALL ON TABLE public.desk_settings TO service_role;

--
-- Name: TABLE entity_links; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.entity_links TO anon;
GRANT ALL ON TABLE public.entity_links TO authenticated;
GRANT ALL ON TABLE public.entity_links TO service_role;

--
-- Name: TABLE guide_figures; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.guide_figures TO authenticated;
GRANT ALL ON TABLE public.guide_figures TO service_role;

--
-- Name: TABLE guide_steps; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.guide_steps TO anon;
GRANT ALL ON TABLE public.guide_steps TO authenticated;
GRANT ALL ON TABLE public.guide_steps TO service_role;

--
-- Name: TABLE guides; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.guides TO anon;
GRANT ALL ON TABLE public.guides TO authenticated;
GRANT ALL ON TABLE public.guides TO service_role;

--
-- Name: TABLE kb_article_votes; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,REFERENCES,TRIGGER ON TABLE public.kb_article_votes TO anon;
GRANT SELECT,REFERENCES,TRIGGER ON TABLE public.kb_article_votes TO authenticated;
GRANT ALL ON TABLE public.kb_article_votes TO service_role;

--
-- Name: SEQUENCE kb_article_votes_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON SEQUENCE public.kb_article_votes_id_seq TO anon;
GRANT ALL ON SEQUENCE public.kb_article_votes_id_seq TO authenticated;
GRANT ALL ON SEQUENCE public.kb_article_votes_id_seq TO service_role;

--
-- Name: TABLE kb_articles; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.kb_articles TO anon;
GRANT ALL ON TABLE public.kb_articles TO authenticated;
GRANT ALL ON TABLE public.kb_articles TO service_role;

--
-- Name: TABLE kb_chunks; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.kb_chunks TO anon;
GRANT ALL ON TABLE public.kb_chunks TO authenticated;
GRANT ALL ON TABLE public.kb_chunks TO service_role;

--
-- Name: SEQUENCE kb_chunks_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON SEQUENCE public.kb_chunks_id_seq TO anon;
GRANT ALL ON SEQUENCE public.kb_chunks_id_seq TO authenticated;
GRANT ALL ON SEQUENCE public.kb_chunks_id_seq TO service_role;

--
-- Name: TABLE kb_embedding_status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,REFERENCES,TRIGGER ON TABLE public.kb_embedding_status TO anon;
GRANT SELECT,REFERENCES,TRIGGER ON TABLE public.kb_embedding_status TO authenticated;
GRANT ALL ON TABLE public.kb_embedding_status TO service_role;

--
-- Name: TABLE messages; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.messages TO anon;
GRANT ALL ON TABLE public.messages TO authenticated;
GRANT ALL ON TABLE public.messages TO service_role;

--
-- Name: TABLE notifications; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,REFERENCES,TRIGGER ON TABLE public.notifications TO anon;
GRANT SELECT,REFERENCES,TRIGGER ON TABLE public.notifications TO authenticated;
GRANT ALL ON TABLE public.notifications TO service_role;

--
-- Name: COLUMN notifications.read_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(read_at) ON TABLE public.notifications TO authenticated;

--
-- Name: SEQUENCE notifications_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON SEQUENCE public.notifications_id_seq TO anon;
GRANT ALL ON SEQUENCE public.notifications_id_seq TO authenticated;
GRANT ALL ON SEQUENCE public.notifications_id_seq TO service_role;

--
-- Name: TABLE possible_duplicates; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.possible_duplicates TO anon;
GRANT ALL ON TABLE public.possible_duplicates TO authenticated;
GRANT ALL ON TABLE public.possible_duplicates TO service_role;

--
-- Name: TABLE profiles; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.profiles TO anon;
GRANT ALL ON TABLE public.profiles TO authenticated;
GRANT ALL ON TABLE public.profiles TO service_role;
GRANT SELECT ON TABLE public.profiles TO supabase_auth_admin;

--
-- Name: TABLE retrieval_logs; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.retrieval_logs TO anon;
GRANT ALL ON TABLE public.retrieval_logs TO authenticated;
GRANT ALL ON TABLE public.retrieval_logs TO service_role;

--
-- Name: SEQUENCE retrieval_logs_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON SEQUENCE public.retrieval_logs_id_seq TO anon;
GRANT ALL ON SEQUENCE public.retrieval_logs_id_seq TO authenticated;
GRANT ALL ON SEQUENCE public.retrieval_logs_id_seq TO service_role;

--
-- Name: TABLE solution_areas; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.solution_areas TO anon;
GRANT ALL ON TABLE public.solution_areas TO authenticated;
GRANT ALL ON TABLE public.solution_areas TO service_role;

--
-- Name: TABLE technician_availability; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.technician_availability TO anon;
GRANT ALL ON TABLE public.technician_availability TO authenticated;
GRANT ALL ON TABLE public.technician_availability TO service_role;

--
-- Name: TABLE ticket_ai_results; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.ticket_ai_results TO anon;
GRANT ALL ON TABLE public.ticket_ai_results TO authenticated;
GRANT ALL ON TABLE public.ticket_ai_results TO service_role;

--
-- Name: TABLE ticket_events; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,REFERENCES,TRIGGER ON TABLE public.ticket_events TO anon;
GRANT SELECT,REFERENCES,TRIGGER ON TABLE public.ticket_events TO authenticated;
GRANT ALL ON TABLE public.ticket_events TO service_role;

--
-- Name: SEQUENCE ticket_events_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON SEQUENCE public.ticket_events_id_seq TO anon;
GRANT ALL ON SEQUENCE public.ticket_events_id_seq TO authenticated;
GRANT ALL ON SEQUENCE public.ticket_events_id_seq TO service_role;

--
-- Name: TABLE ticket_ratings; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,REFERENCES,DELETE,TRIGGER ON TABLE public.ticket_ratings TO anon;
GRANT SELECT,INSERT,REFERENCES,DELETE,TRIGGER ON TABLE public.ticket_ratings TO authenticated;
GRANT ALL ON TABLE public.ticket_ratings TO service_role;

--
-- Name: TABLE ticket_timeline; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.ticket_timeline TO anon;
GRANT ALL ON TABLE public.ticket_timeline TO authenticated;
GRANT ALL ON TABLE public.ticket_timeline TO service_role;

--
-- Name: TABLE ticket_triage_failures; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.ticket_triage_failures TO anon;
GRANT ALL ON TABLE public.ticket_triage_failures TO authenticated;
GRANT ALL ON TABLE public.ticket_triage_failures TO service_role;

--
-- Name: TABLE triage_corrections; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.triage_corrections TO anon;
GRANT ALL ON TABLE public.triage_corrections TO authenticated;
GRANT ALL ON TABLE public.triage_corrections TO service_role;

--
-- Name: SEQUENCE triage_corrections_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON SEQUENCE public.triage_corrections_id_seq TO anon;
GRANT ALL ON SEQUENCE public.triage_corrections_id_seq TO authenticated;
GRANT ALL ON SEQUENCE public.triage_corrections_id_seq TO service_role;

--
-- Name: TABLE troubleshooting_session_steps; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.troubleshooting_session_steps TO anon;
GRANT ALL ON TABLE public.troubleshooting_session_steps TO authenticated;
GRANT ALL ON TABLE public.troubleshooting_session_steps TO service_role;

--
-- Name: TABLE vehicle_models; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.vehicle_models TO anon;
GRANT ALL ON TABLE public.vehicle_models TO authenticated;
GRANT ALL ON TABLE public.vehicle_models TO service_role;

--
-- Name: SEQUENCE vehicle_models_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON SEQUENCE public.vehicle_models_id_seq TO anon;
GRANT ALL ON SEQUENCE public.vehicle_models_id_seq TO authenticated;
GRANT ALL ON SEQUENCE public.vehicle_models_id_seq TO service_role;

--
-- Name: TABLE work_order_notes; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.work_order_notes TO anon;
GRANT ALL ON TABLE public.work_order_notes TO authenticated;
GRANT ALL ON TABLE public.work_order_notes TO service_role;

--
-- Name: SEQUENCE work_order_number_seq; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON SEQUENCE public.work_order_number_seq TO anon;
GRANT ALL ON SEQUENCE public.work_order_number_seq TO authenticated;
GRANT ALL ON SEQUENCE public.work_order_number_seq TO service_role;

--
-- Name: TABLE work_order_parts; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.work_order_parts TO anon;
GRANT ALL ON TABLE public.work_order_parts TO authenticated;
GRANT ALL ON TABLE public.work_order_parts TO service_role;

--
-- Name: TABLE work_orders; Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON TABLE public.work_orders TO anon;
GRANT ALL ON TABLE public.work_orders TO authenticated;
GRANT ALL ON TABLE public.work_orders TO service_role;

--
-- Name: DEFAULT PRIVILEGES FOR SEQUENCES; Type: DEFAULT ACL; Schema: public; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT ALL ON SEQUENCES  TO postgres;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT ALL ON SEQUENCES  TO anon;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT ALL ON SEQUENCES  TO authenticated;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT ALL ON SEQUENCES  TO service_role;

--
-- Name: DEFAULT PRIVILEGES FOR FUNCTIONS; Type: DEFAULT ACL; Schema: public; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT ALL ON FUNCTIONS  TO postgres;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT ALL ON FUNCTIONS  TO service_role;

--
-- Name: DEFAULT PRIVILEGES FOR TABLES; Type: DEFAULT ACL; Schema: public; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT ALL ON TABLES  TO postgres;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT ALL ON TABLES  TO anon;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT ALL ON TABLES  TO authenticated;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT ALL ON TABLES  TO service_role;

--
-- Name: DEFAULT PRIVILEGES FOR FUNCTIONS; Type: DEFAULT ACL; Schema: -; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres REVOKE ALL ON FUNCTIONS  FROM PUBLIC;

--
-- pg_cron jobs (rows of cron.job, scheduled by the migrations)
--

SELECT cron.schedule('abandon-idle-troubleshooting-sessions', '*/15 * * * *', 'select private.abandon_idle_troubleshooting_sessions()');
SELECT cron.schedule('close-quiet-resolved-tickets', '*/10 * * * *', 'select private.close_quiet_resolved_tickets()');
SELECT cron.schedule('escalate-sla-breaches', '* * * * *', 'select private.escalate_sla_breaches()');
SELECT cron.schedule('kb-embed-drain', '* * * * *', 'select private.wake_embed_worker_if_due()');
SELECT cron.schedule('kb-embedding-model-check', '17 * * * *', 'select private.wake_embed_worker()');
SELECT cron.schedule('triage-drain', '* * * * *', 'select private.drain_triage_queue()');
