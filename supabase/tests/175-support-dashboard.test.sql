-- public.support_dashboard(days): the admin home's figures. An admin gets them, correct on a small fixture;
-- a technician, a customer and anon are refused (the security-definer events helper too); a window outside 1..366
-- days is refused.
begin;
select plan(19);

select tests.create_support_fixtures();
-- The fixture's two tickets: created now, unassigned, triage pending, no category or urgency; its two conversations
-- wrote two conversation_created events. Below, as postgres (the insert trigger keeps given timestamps):
insert into public.tickets (customer_id, subject, channel, status, assigned_to, triage_status, category, urgency, created_at, assigned_at, resolved_at) values
  (tests.user_id('customer_a'), 'Assigned', 'web', 'assigned', tests.user_id('technician'), 'processed', 'billing', 'high',
    now() - interval '2 days', now() - interval '2 days' + interval '30 minutes', null),
  (tests.user_id('customer_a'), 'Resolved fast', 'web', 'resolved', tests.user_id('technician'), 'resolved', 'technical', 'low',
    now() - interval '3 days', now() - interval '3 days' + interval '10 minutes', now() - interval '3 days' + interval '120 minutes'),
  (tests.user_id('customer_b'), 'Resolved slowly', 'web', 'resolved', tests.user_id('technician'), 'resolved', 'technical', 'low',
    now() - interval '10 days', now() - interval '10 days' + interval '60 minutes', now() - interval '10 days' + interval '600 minutes'),
  (tests.user_id('customer_b'), 'From chat, AI failed', 'chat', 'unassigned', null, 'ai_failed', null, null,
    now() - interval '1 day', null, null),
  (tests.user_id('customer_b'), 'Old and open', 'web', 'unassigned', null, 'pending', null, 'medium',
    now() - interval '40 days', null, null);

insert into public.analytics_events (event_type, model, metadata, occurred_at) values
  ('api_call', 'm', '{"source":"triage","prompt_tokens":10,"completion_tokens":5,"cost_estimate_usd":0.001}', now() - interval '1 day'),
  ('api_call', 'm', '{"source":"triage","prompt_tokens":10,"completion_tokens":5,"cost_estimate_usd":0.001}', now() - interval '2 days'),
  ('api_call', 'm', '{"function":"chat","prompt_tokens":100,"completion_tokens":50,"cost_usd":0.01}', now()),
  ('api_call', 'm', '{"source":"triage","prompt_tokens":999,"completion_tokens":999,"cost_estimate_usd":9}', now() - interval '40 days'),
  ('error', 'm', '{"source":"triage","error":"timeout"}', now());

-- Guided fixes are counted from the sessions themselves (issue 21: an outcome without its analytics event was
-- missing from the dashboard while /admin/guides counted it): one of each outcome, one still going, one that ended
-- before the window.
insert into public.troubleshooting_sessions (customer_id, issue_description, resolved, misclassified, abandoned, started_at, completed_at) values
  (tests.user_id('customer_a'), 'fixed', true, false, false, now() - interval '1 hour', now()),
  (tests.user_id('customer_a'), 'wrong guide', false, true, true, now() - interval '1 hour', now()),
  (tests.user_id('customer_a'), 'left', false, false, true, now() - interval '2 days', now() - interval '1 day'),
  (tests.user_id('customer_b'), 'still broken', false, false, false, now() - interval '1 hour', now()),
  (tests.user_id('customer_b'), 'still going', false, false, false, now() - interval '1 hour', null),
  (tests.user_id('customer_b'), 'long ago', true, false, false, now() - interval '41 days', now() - interval '40 days');

select has_function('public', 'support_dashboard', array['integer'], 'public.support_dashboard(days) exists');

select tests.authenticate_as('admin');
select is((public.support_dashboard(30) ->> 'tickets_created')::int, 6, 'an admin gets the tickets created in the last 30 days');
select is(
  (select jsonb_build_array(jsonb_array_length(figures -> 'created_per_day'), (select sum((day ->> 'tickets')::int) from jsonb_array_elements(figures -> 'created_per_day') day),
    figures -> 'created_per_day' -> -1 -> 'tickets')
   from (select public.support_dashboard(30) as figures) dashboard),
  '[30, 6, 2]'::jsonb, 'tickets per day: one entry per day, today last, adding up to the total');
select is(public.support_dashboard(30) -> 'open_by_status',
  '[{"status":"unassigned","tickets":4},{"status":"assigned","tickets":1}]'::jsonb, 'open tickets by status, whenever created');
select is(public.support_dashboard(30) -> 'open_by_urgency',
  '[{"urgency":"high","tickets":1},{"urgency":"medium","tickets":1},{"urgency":null,"tickets":3}]'::jsonb, 'open tickets by urgency, untriaged last');
select is((public.support_dashboard(30) ->> 'open_total')::int, 5, 'open tickets in all');
select is(public.support_dashboard(30) -> 'triage',
  '{"processed":3,"ai_failed":1,"pending":2,"resolved_before_triage":0}'::jsonb, 'triage outcome: resolved tickets with a category count as processed');
select is(public.support_dashboard(30) -> 'categories',
  '[{"category":"billing","tickets":1},{"category":"technical","tickets":2},{"category":null,"tickets":3}]'::jsonb, 'category split of the window');
select is(
  (select jsonb_build_array(figures -> 'median_minutes_to_assignment', figures -> 'median_minutes_to_resolution', figures -> 'assigned_tickets', figures -> 'resolved_tickets')
   from (select public.support_dashboard(30) as figures) dashboard),
  '[30, 360, 3, 2]'::jsonb, 'median minutes to first assignment (10, 30, 60) and to resolution (120, 600)');
select is(public.support_dashboard(30) -> 'ai_usage',
  '[{"source":"chat","calls":1,"errors":0,"tokens":150,"cost_usd":0.01},{"source":"triage","calls":2,"errors":1,"tokens":30,"cost_usd":0.002}]'::jsonb,
  'AI calls, errors, tokens and cost per source, from the metadata keys triage and chat write; older calls left out');
select is(
  (select jsonb_build_array(figures -> 'chat_conversations', figures -> 'chat_hand_offs') from (select public.support_dashboard(30) as figures) dashboard),
  '[2, 1]'::jsonb, 'conversations started and handed off to a person (tickets from chat)');
select is(public.support_dashboard(30) -> 'troubleshooting',
  '{"resolved":1,"misclassified":1,"abandoned":1,"still_broken":1}'::jsonb, 'guided troubleshooting outcomes of the sessions that ended in the window, each counted once');
select is(
  (select jsonb_build_array(figures -> 'days', jsonb_array_length(figures -> 'created_per_day'), figures -> 'tickets_created', figures -> 'median_minutes_to_resolution')
   from (select public.support_dashboard(7) as figures) dashboard),
  '[7, 7, 5, 120]'::jsonb, 'a 7-day window counts only its own tickets');
select throws_ok('select public.support_dashboard(0)', '22023', 'days must be between 1 and 366, not 0', 'a window of 0 days is refused');

select tests.authenticate_as('technician');
select throws_ok('select public.support_dashboard(30)', '42501', 'only admins can read the support dashboard', 'a technician is refused');
select tests.authenticate_as('customer_a');
select throws_ok('select public.support_dashboard(30)', '42501', 'only admins can read the support dashboard', 'a customer is refused');
select throws_ok($$select private.support_dashboard_events(now() - interval '30 days')$$, '42501', 'only admins can read the support dashboard',
  'a customer calling the security-definer events helper directly is refused too');
select tests.authenticate_as_anon();
select throws_ok('select public.support_dashboard(30)', '42501', 'permission denied for function support_dashboard', 'anon is refused');

select tests.clear_authentication();
reset role;
delete from public.tickets;
delete from public.analytics_events;
delete from public.troubleshooting_sessions;
select tests.authenticate_as('admin');
select is(public.support_dashboard(90) - 'window_start' - 'generated_at' - 'created_per_day',
  '{"days":90,"tickets_created":0,"open_total":0,"open_by_status":[],"open_by_urgency":[],"triage":{"processed":0,"ai_failed":0,"pending":0,"resolved_before_triage":0},
    "categories":[],"median_minutes_to_assignment":null,"median_minutes_to_resolution":null,"assigned_tickets":0,"resolved_tickets":0,
    "ai_usage":[],"chat_conversations":0,"chat_hand_offs":0,"troubleshooting":{"resolved":0,"misclassified":0,"abandoned":0,"still_broken":0}}'::jsonb,
  'a fresh project: zeros and nulls, no error');

select * from finish();
rollback;
