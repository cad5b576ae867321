-- The seed makes the product feel alive: demo accounts that can sign in, every state represented, content.
begin;
select plan(13);

select results_eq($$select email, role::text from public.profiles where email like '%@example.com' order by email$$,
  $$values ('admin@example.com', 'admin'), ('customer2@example.com', 'customer'), ('customer@example.com', 'customer'), ('tech2@example.com', 'technician'), ('tech@example.com', 'technician')$$,
  'demo accounts exist with their roles');
select ok((select bool_and(encrypted_password = extensions.crypt('supporthub-demo', encrypted_password) and email_confirmed_at is not null)
  from auth.users where email like '%@example.com'), 'demo passwords are bcrypt hashes of the documented password, emails confirmed');
select is((select count(*)::int from auth.identities where provider = 'email' and provider_id = user_id::text and identity_data ->> 'sub' = user_id::text
  and user_id in (select id from auth.users where email like '%@example.com')), 5, 'each demo account has an email identity');
select is((select count(distinct status)::int from public.tickets), 6, 'tickets exist in every workflow status');
-- pending and processing are passing states: on a running stack the triage worker settles the seeded ones within
-- seconds, so the seed is checked for the settled states, and for having queued its pending tickets for triage.
select is((select count(distinct triage_status)::int from public.tickets where triage_status in ('processed', 'resolved', 'ai_failed')), 3,
  'tickets exist in every settled triage status');
select ok((select count(*) from private.jobs where kind = 'triage') > 0, 'the seeded pending tickets were queued for triage');
select is((select count(distinct channel)::int from public.conversations), 3, 'conversations on every channel');
select is((select count(distinct status)::int from public.conversations), 3, 'conversations in every status');
select ok((select count(*) from public.kb_articles) >= 25, 'at least 25 KB articles');
select ok((select count(*) from public.guides g where exists (select 1 from public.guide_steps s where s.guide_id = g.id)) >= 6, 'at least 6 guides with steps');
select is((select count(*)::int from public.solution_areas where slug in ('manufacturing', 'maintenance', 'support') and description <> 'Filled by seeds/10-content.sql'), 3, 'three solution areas with their real text');
select is((select total_cost from public.work_orders where id = '88888888-8888-4888-8888-000000000002'), 306.50::numeric(12,2), 'seeded work order totals are derived (202.50 labour + 89.00 + 2 x 7.50 parts)');
insert into public.tickets (id, customer_id, subject, status, triage_status, assigned_to)
values ('77777777-7777-4777-8777-0000000000ff', '11111111-1111-4111-8111-000000000001', 'Imported', 'closed', 'pending', null);
select is((select triage_status::text from public.tickets where id = '77777777-7777-4777-8777-0000000000ff'), 'resolved', 'a ticket created closed (import, Studio) has its triage resolved');

select * from finish();
rollback;
