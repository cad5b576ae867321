-- Demo data for local development: accounts for every role, departments, vehicles, conversations, tickets in
-- every state, a troubleshooting history, work orders and one finished analysis.
-- Content (solution areas, KB, guides, vehicle catalogue) is in seeds/10-content.sql, which runs after this file.
-- Local passwords only (listed in demo-logins.txt); never run against a hosted project.
-- Fixed ids and `on conflict do nothing` keep a second run harmless.

-- ---------------------------------------------------------------------------------------------------------------
-- Accounts (auth.users + email identities; the profile trigger creates the profiles)
-- ---------------------------------------------------------------------------------------------------------------
with demo (id, email, full_name, username) as (values
  ('11111111-1111-4111-8111-000000000001'::uuid, 'customer@example.com', 'Casey Customer', 'casey'),
  ('11111111-1111-4111-8111-000000000002'::uuid, 'customer2@example.com', 'Robin Driver', 'robin'),
  ('11111111-1111-4111-8111-000000000003'::uuid, 'tech@example.com', 'Taylor Technician', 'taylor'),
  ('11111111-1111-4111-8111-000000000004'::uuid, 'tech2@example.com', 'Jordan Mechanic', 'jordan'),
  ('11111111-1111-4111-8111-000000000005'::uuid, 'admin@example.com', 'Alex Admin', 'alex')
)
insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data,
  created_at, updated_at, confirmation_token, recovery_token, email_change_token_new, email_change
)
select '00000000-0000-0000-0000-000000000000', demo.id, 'authenticated', 'authenticated', demo.email,
  extensions.crypt('supporthub-demo', extensions.gen_salt('bf')), now(),
  '{"provider":"email","providers":["email"]}'::jsonb,
  jsonb_build_object('full_name', demo.full_name, 'username', demo.username),
  now() - interval '30 days', now(), '', '', '', ''
from demo
on conflict (id) do nothing;

insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
select users.id::text, users.id,
  jsonb_build_object('sub', users.id::text, 'email', users.email, 'email_verified', true, 'phone_verified', false),
  'email', now(), now(), now()
from auth.users users
where users.id::text like '11111111-1111-4111-8111-%'
on conflict (provider_id, provider) do nothing;

-- ---------------------------------------------------------------------------------------------------------------
-- Departments and roles
-- ---------------------------------------------------------------------------------------------------------------
insert into public.departments (id, name, description) values
  ('22222222-2222-4222-8222-000000000001', 'Diagnostics', 'No-starts, warning lights, noises and electrical faults.'),
  ('22222222-2222-4222-8222-000000000002', 'Billing', 'Invoices, refunds, payment plans and account questions.'),
  ('22222222-2222-4222-8222-000000000003', 'Parts and Recalls', 'Part fitment, orders and manufacturer recalls.')
on conflict (id) do nothing;

update public.profiles set role = 'technician', department_id = '22222222-2222-4222-8222-000000000001', phone = '+1 555 0103'
where id = '11111111-1111-4111-8111-000000000003';
update public.profiles set role = 'technician', department_id = '22222222-2222-4222-8222-000000000002', phone = '+1 555 0104'
where id = '11111111-1111-4111-8111-000000000004';
update public.profiles set role = 'admin' where id = '11111111-1111-4111-8111-000000000005';
update public.profiles set phone = '+1 555 0101' where id = '11111111-1111-4111-8111-000000000001';

-- ---------------------------------------------------------------------------------------------------------------
-- Customer vehicles
-- ---------------------------------------------------------------------------------------------------------------
insert into public.customer_vehicles (id, customer_id, year, make, model, vin, nickname) values
  ('33333333-3333-4333-8333-000000000001', '11111111-1111-4111-8111-000000000001', 2017, 'Toyota', 'Camry', '4T1BF1FK5HU123456', 'Family car'),
  ('33333333-3333-4333-8333-000000000002', '11111111-1111-4111-8111-000000000002', 2019, 'Ford', 'F-150', '1FTEW1E53KFA12345', 'Work truck')
on conflict (id) do nothing;

-- ---------------------------------------------------------------------------------------------------------------
-- Conversations and messages
-- ---------------------------------------------------------------------------------------------------------------
-- The solution areas' real text comes from seeds/10-content.sql (it runs next and upserts by slug); the keys are
-- needed now for the conversations.
insert into public.solution_areas (slug, name, description, assistant_instructions) values
  ('manufacturing', 'Manufacturing', 'Filled by seeds/10-content.sql', 'Filled by seeds/10-content.sql'),
  ('maintenance', 'Maintenance', 'Filled by seeds/10-content.sql', 'Filled by seeds/10-content.sql'),
  ('support', 'Support', 'Filled by seeds/10-content.sql', 'Filled by seeds/10-content.sql')
on conflict (slug) do nothing;

insert into public.conversations (id, customer_id, title, solution_area, channel, status, is_pinned, ai_model, assigned_technician_id, created_at) values
  ('44444444-4444-4444-8444-000000000001', '11111111-1111-4111-8111-000000000001', 'Car clicks but will not start', 'maintenance', 'chat', 'active', true, 'local-extractive', '11111111-1111-4111-8111-000000000003', now() - interval '3 days'),
  ('44444444-4444-4444-8444-000000000002', '11111111-1111-4111-8111-000000000001', 'Charged twice for the oil change', 'support', 'email', 'resolved', false, 'local-extractive', null, now() - interval '10 days'),
  ('44444444-4444-4444-8444-000000000003', '11111111-1111-4111-8111-000000000002', 'Is my truck part of the recall?', 'manufacturing', 'chat', 'active', false, 'local-extractive', null, now() - interval '1 day'),
  ('44444444-4444-4444-8444-000000000004', '11111111-1111-4111-8111-000000000002', 'Voice call: brakes squeal', 'maintenance', 'voice', 'archived', false, null, '11111111-1111-4111-8111-000000000003', now() - interval '20 days')
on conflict (id) do nothing;

insert into public.messages (id, conversation_id, sender_id, role, content, type, metadata, is_internal_note, created_at)
select * from (values
  ('55555555-5555-4555-8555-000000000001'::uuid, '44444444-4444-4444-8444-000000000001'::uuid, '11111111-1111-4111-8111-000000000001'::uuid, 'user'::public.message_role, 'My Camry just clicks when I turn the key. Lights come on.', 'text'::public.message_type, '{}'::jsonb, false, now() - interval '3 days'),
  ('55555555-5555-4555-8555-000000000002', '44444444-4444-4444-8444-000000000001', null, 'assistant', 'A single click with working lights usually points to a weak battery or a starter fault. Try the battery check in the guide first.', 'text', '{"sources":["battery-keeps-dying"]}', false, now() - interval '3 days' + interval '5 seconds'),
  ('55555555-5555-4555-8555-000000000003', '44444444-4444-4444-8444-000000000001', '11111111-1111-4111-8111-000000000001', 'user', 'Battery is new. The dash lights flicker when I turn the key.', 'text', '{}', false, now() - interval '2 days'),
  ('55555555-5555-4555-8555-000000000004', '44444444-4444-4444-8444-000000000001', '11111111-1111-4111-8111-000000000003', 'technician', 'Likely the starter relay; check the 2017 relay TSB before booking.', 'text', '{}', true, now() - interval '2 days' + interval '1 hour'),
  ('55555555-5555-4555-8555-000000000005', '44444444-4444-4444-8444-000000000001', '11111111-1111-4111-8111-000000000003', 'technician', 'Thanks Casey. I have booked you in for a starter test tomorrow at 9:00.', 'text', '{}', false, now() - interval '2 days' + interval '2 hours'),
  ('55555555-5555-4555-8555-000000000006', '44444444-4444-4444-8444-000000000002', '11111111-1111-4111-8111-000000000001', 'user', 'I was charged twice for my oil change on the 3rd.', 'text', '{}', false, now() - interval '10 days'),
  ('55555555-5555-4555-8555-000000000007', '44444444-4444-4444-8444-000000000002', null, 'assistant', 'Duplicate card holds usually drop off within 5 business days. I have opened a ticket so billing can confirm.', 'text', '{}', false, now() - interval '10 days' + interval '4 seconds'),
  ('55555555-5555-4555-8555-000000000008', '44444444-4444-4444-8444-000000000003', '11111111-1111-4111-8111-000000000002', 'user', 'Got a letter about a recall. VIN 1FTEW1E53KFA12345.', 'text', '{}', false, now() - interval '1 day'),
  ('55555555-5555-4555-8555-000000000009', '44444444-4444-4444-8444-000000000003', null, 'system', 'Conversation handed to a technician.', 'text', '{}', false, now() - interval '1 day' + interval '1 minute'),
  ('55555555-5555-4555-8555-000000000010', '44444444-4444-4444-8444-000000000004', '11111111-1111-4111-8111-000000000002', 'user', 'Transcript: front brakes squeal when stopping at low speed.', 'voice', '{}', false, now() - interval '20 days')
) as rows
on conflict (id) do nothing;

-- The assistant's confidence in its two seeded answers: staff-only, beside the messages (issue 20).
insert into public.assistant_answer_details (message_id, confidence) values
  ('55555555-5555-4555-8555-000000000002', 0.72),
  ('55555555-5555-4555-8555-000000000007', 0.64)
on conflict (message_id) do nothing;

-- ---------------------------------------------------------------------------------------------------------------
-- Troubleshooting history
-- ---------------------------------------------------------------------------------------------------------------
insert into public.troubleshooting_sessions (id, customer_id, issue_description, guide_title, resolved, early_exit, misclassified, abandoned, started_at, completed_at) values
  ('66666666-6666-4666-8666-000000000001', '11111111-1111-4111-8111-000000000001', 'Battery dies overnight', 'Battery keeps going flat', true, true, false, false, now() - interval '15 days', now() - interval '15 days' + interval '8 minutes'),
  ('66666666-6666-4666-8666-000000000002', '11111111-1111-4111-8111-000000000001', 'Clicking when I turn the key', 'Car will not start', false, false, false, false, now() - interval '3 days', now() - interval '3 days' + interval '12 minutes'),
  ('66666666-6666-4666-8666-000000000003', '11111111-1111-4111-8111-000000000002', 'Orange light on the dash', 'Check engine light is on', false, false, true, true, now() - interval '6 days', now() - interval '6 days' + interval '2 minutes'),
  ('66666666-6666-4666-8666-000000000004', '11111111-1111-4111-8111-000000000002', 'AC blows warm air', 'Air conditioning blows warm', false, false, false, false, now() - interval '1 hour', null)
on conflict (id) do nothing;

insert into public.troubleshooting_session_steps (session_id, step_number, step_text, attempted, resolved_issue, responded_at) values
  ('66666666-6666-4666-8666-000000000001', 1, 'After locking the car at night, check that no interior light stays on.', true, true, now() - interval '15 days'),
  ('66666666-6666-4666-8666-000000000001', 2, 'Unplug dash cams and chargers for two nights.', true, true, now() - interval '15 days'),
  ('66666666-6666-4666-8666-000000000002', 1, 'Check the battery terminals are clean and tight.', true, false, now() - interval '3 days'),
  ('66666666-6666-4666-8666-000000000002', 2, 'Try starting with the gear selector in neutral.', true, false, now() - interval '3 days'),
  ('66666666-6666-4666-8666-000000000003', 1, 'Check whether the light is steady or flashing.', false, false, now() - interval '6 days')
on conflict (session_id, step_number) do nothing;

-- ---------------------------------------------------------------------------------------------------------------
-- Tickets in every workflow and triage state
-- ---------------------------------------------------------------------------------------------------------------
insert into public.tickets (id, customer_id, contact_email, contact_phone, subject, content, channel, priority, customer_vehicle_id,
  vehicle_year, vehicle_make, vehicle_model, vin, call_transcript, triage_status, status, assigned_to, conversation_id, troubleshooting_session_id, created_at) values
  ('77777777-7777-4777-8777-000000000001', '11111111-1111-4111-8111-000000000001', 'customer@example.com', '+1 555 0101', 'Camry clicks but will not start',
   'Single click, lights on, new battery. Tried the no-start guide.', 'troubleshooting', 'high', '33333333-3333-4333-8333-000000000001',
   2017, 'Toyota', 'Camry', '4T1BF1FK5HU123456', null, 'processed', 'in_progress', '11111111-1111-4111-8111-000000000003',
   '44444444-4444-4444-8444-000000000001', '66666666-6666-4666-8666-000000000002', now() - interval '3 days'),
  ('77777777-7777-4777-8777-000000000002', '11111111-1111-4111-8111-000000000001', 'customer@example.com', null, 'Charged twice for oil change',
   'Two identical charges of $89.99 on the 3rd.', 'email', 'normal', null, null, null, null, null, null, 'resolved', 'closed', '11111111-1111-4111-8111-000000000004',
   '44444444-4444-4444-8444-000000000002', null, now() - interval '10 days'),
  ('77777777-7777-4777-8777-000000000003', '11111111-1111-4111-8111-000000000002', 'customer2@example.com', null, 'Recall check for F-150',
   'Received a recall letter; want to know if my VIN is affected.', 'chat', 'normal', '33333333-3333-4333-8333-000000000002',
   2019, 'Ford', 'F-150', '1FTEW1E53KFA12345', null, 'processed', 'unassigned', null, '44444444-4444-4444-8444-000000000003', null, now() - interval '1 day'),
  ('77777777-7777-4777-8777-000000000004', '11111111-1111-4111-8111-000000000002', 'customer2@example.com', '+1 555 0102', 'Brakes squeal at low speed',
   'Called in about squealing front brakes.', 'phone', 'high', '33333333-3333-4333-8333-000000000002', 2019, 'Ford', 'F-150', null,
   'Customer: the front brakes squeal when I stop. Agent: since when? Customer: about a week.', 'resolved', 'resolved', '11111111-1111-4111-8111-000000000003',
   '44444444-4444-4444-8444-000000000004', null, now() - interval '20 days'),
  ('77777777-7777-4777-8777-000000000005', '11111111-1111-4111-8111-000000000001', 'customer@example.com', null, 'App shows the wrong service date',
   'The app says my next service is in 2031.', 'web', 'low', null, null, null, null, null, null, 'pending', 'unassigned', null, null, null, now() - interval '10 minutes'),
  ('77777777-7777-4777-8777-000000000006', '11111111-1111-4111-8111-000000000002', 'customer2@example.com', null, 'Can I pay the repair in instalments?',
   'Quote was $1,240. Is there a payment plan?', 'web', 'normal', null, null, null, null, null, null, 'processing', 'unassigned', null, null, null, now() - interval '2 minutes'),
  ('77777777-7777-4777-8777-000000000007', '11111111-1111-4111-8111-000000000001', 'customer@example.com', null, 'Feature idea: service reminders by SMS',
   'Would love a text a week before my service.', 'email', 'low', null, null, null, null, null, null, 'ai_failed', 'unassigned', null, null, null, now() - interval '5 hours'),
  ('77777777-7777-4777-8777-000000000008', '11111111-1111-4111-8111-000000000002', 'customer2@example.com', null, 'Refund for cancelled tyre fitting',
   'Cancelled the appointment two days ahead but was still charged.', 'web', 'normal', null, null, null, null, null, null, 'processed', 'waiting_on_customer',
   '11111111-1111-4111-8111-000000000004', null, null, now() - interval '2 days'),
  ('77777777-7777-4777-8777-000000000009', '11111111-1111-4111-8111-000000000001', 'customer@example.com', null, 'Check engine light after refuelling',
   'Light came on right after I filled up.', 'chat', 'normal', '33333333-3333-4333-8333-000000000001', 2017, 'Toyota', 'Camry', null, null,
   'processed', 'assigned', '11111111-1111-4111-8111-000000000003', null, null, now() - interval '6 hours')
on conflict (id) do nothing;

-- Finished tickets: lifecycle timestamps as if the work happened days ago.
update public.tickets set resolved_at = created_at + interval '2 days', closed_at = created_at + interval '4 days'
where id = '77777777-7777-4777-8777-000000000002';
update public.tickets set resolved_at = created_at + interval '1 day'
where id = '77777777-7777-4777-8777-000000000004';

insert into public.ticket_ai_results (ticket_id, category, sentiment_score, urgency, draft_reply, confidence, model, reasoning, processed_at) values
  ('77777777-7777-4777-8777-000000000001', 'technical', 4, 'high', 'Hi Casey, a single click with a healthy battery usually means the starter or its relay. We can test both tomorrow morning.', 0.86, 'local-naive-bayes', 'Starter symptoms; customer cannot drive the vehicle.', now() - interval '3 days'),
  ('77777777-7777-4777-8777-000000000002', 'billing', 3, 'medium', 'Hi Casey, we can see the duplicate charge and have refunded it.', 0.93, 'local-naive-bayes', 'Duplicate charge; money concern.', now() - interval '10 days'),
  ('77777777-7777-4777-8777-000000000003', 'technical', 6, 'medium', 'Hi Robin, your VIN is covered by the recall. We will contact you to book.', 0.71, 'local-naive-bayes', 'Recall lookup.', now() - interval '1 day'),
  ('77777777-7777-4777-8777-000000000004', 'technical', 5, 'high', 'Hi Robin, squealing at low speed is usually worn pads. Please book an inspection.', 0.8, 'local-naive-bayes', 'Brake noise: safety related.', now() - interval '20 days'),
  ('77777777-7777-4777-8777-000000000008', 'billing', 2, 'medium', 'Hi Robin, we will refund the cancellation charge once you confirm the card used.', 0.88, 'local-naive-bayes', 'Unexpected charge, frustrated tone.', now() - interval '2 days'),
  ('77777777-7777-4777-8777-000000000009', 'technical', 6, 'low', 'Hi Casey, after refuelling the usual cause is a loose fuel cap.', 0.77, 'local-naive-bayes', 'Steady light after refuel.', now() - interval '6 hours')
on conflict (ticket_id) do nothing;

-- Seeded tickets that are already triaged need no triage job.
delete from private.jobs job
where job.kind = 'triage'
  and (job.payload ->> 'ticket_id')::uuid in (select id from public.tickets where triage_status <> 'pending');

-- ---------------------------------------------------------------------------------------------------------------
-- Work orders
-- ---------------------------------------------------------------------------------------------------------------
-- Labour cost is derived (hours x rate): 1.5 h x 90 = 135.00; 2.25 h actual x 90 = 202.50.
insert into public.work_orders (id, ticket_id, description, estimated_hours, actual_hours, labor_rate, status, assigned_technician_id) values
  ('88888888-8888-4888-8888-000000000001', '77777777-7777-4777-8777-000000000001', 'Test starter circuit; replace starter relay if faulty.', 1.5, null, 90.00, 'open', '11111111-1111-4111-8111-000000000003'),
  ('88888888-8888-4888-8888-000000000002', '77777777-7777-4777-8777-000000000004', 'Replace front brake pads and resurface rotors.', 2.0, 2.25, 90.00, 'open', '11111111-1111-4111-8111-000000000003')
on conflict (id) do nothing;

insert into public.work_order_parts (id, work_order_id, part_name, part_number, quantity, unit_cost) values
  ('99999999-9999-4999-8999-000000000001', '88888888-8888-4888-8888-000000000001', 'Starter relay', '90987-02027', 1, 24.90),
  ('99999999-9999-4999-8999-000000000002', '88888888-8888-4888-8888-000000000002', 'Front brake pad set', 'BR-PAD-F150-19', 1, 89.00),
  ('99999999-9999-4999-8999-000000000003', '88888888-8888-4888-8888-000000000002', 'Brake cleaner', null, 2, 7.50)
on conflict (id) do nothing;

update public.work_orders set status = 'in_progress' where id in ('88888888-8888-4888-8888-000000000001', '88888888-8888-4888-8888-000000000002') and status = 'open';
update public.work_orders set status = 'completed' where id = '88888888-8888-4888-8888-000000000002' and status = 'in_progress';

-- ---------------------------------------------------------------------------------------------------------------
-- A finished customer analysis
-- ---------------------------------------------------------------------------------------------------------------
insert into public.customer_analyses (id, status, triggered_by, filters, total_conversations, processed_conversations, failed_conversations, started_at, completed_at, processing_ms) values
  ('aaaaaaaa-aaaa-4aaa-8aaa-000000000001', 'COMPLETED', '11111111-1111-4111-8111-000000000005', '{"date_from":"2026-10-01","date_to":"2026-11-22"}', 4, 4, 0,
   now() - interval '1 day', now() - interval '1 day' + interval '42 seconds', 42000)
on conflict (id) do nothing;
delete from private.jobs where kind = 'analysis' and payload = '{"analysis_id":"aaaaaaaa-aaaa-4aaa-8aaa-000000000001"}';

insert into public.conversation_categorizations (analysis_id, conversation_id, intent, journey_stage, sentiment, agent_quality, reasoning, confidence) values
  ('aaaaaaaa-aaaa-4aaa-8aaa-000000000001', '44444444-4444-4444-8444-000000000001', 'REPAIR', 'ACTIVE_CUSTOMER', 'FRICTION', 8, 'Vehicle unusable; technician booked quickly.', 0.84),
  ('aaaaaaaa-aaaa-4aaa-8aaa-000000000001', '44444444-4444-4444-8444-000000000002', 'BILLING', 'POST_SERVICE', 'FRICTION', 7, 'Duplicate charge resolved.', 0.9),
  ('aaaaaaaa-aaaa-4aaa-8aaa-000000000001', '44444444-4444-4444-8444-000000000003', 'RECALL', 'ACTIVE_CUSTOMER', 'NEUTRAL', 6, 'Information request.', 0.78),
  ('aaaaaaaa-aaaa-4aaa-8aaa-000000000001', '44444444-4444-4444-8444-000000000004', 'REPAIR', 'POST_SERVICE', 'POSITIVE', 9, 'Resolved on the first call.', 0.81)
on conflict (analysis_id, conversation_id) do nothing;

insert into public.analysis_kpis (id, analysis_id, metric_type, metric_name, numeric_value, json_value, technician_id, department_id) values
  ('bbbbbbbb-bbbb-4bbb-8bbb-000000000001', 'aaaaaaaa-aaaa-4aaa-8aaa-000000000001', 'RESPONSE_TIME', 'first_response_p50_minutes', 14, null, '11111111-1111-4111-8111-000000000003', '22222222-2222-4222-8222-000000000001'),
  ('bbbbbbbb-bbbb-4bbb-8bbb-000000000002', 'aaaaaaaa-aaaa-4aaa-8aaa-000000000001', 'CUSTOMER_INTENT', 'customer_intent_distribution', null, '{"REPAIR":0.5,"BILLING":0.25,"RECALL":0.25}', null, null),
  ('bbbbbbbb-bbbb-4bbb-8bbb-000000000003', 'aaaaaaaa-aaaa-4aaa-8aaa-000000000001', 'CHANNEL_USAGE', 'channel_distribution', null, '{"chat":0.5,"email":0.25,"voice":0.25}', null, null)
on conflict (id) do nothing;
