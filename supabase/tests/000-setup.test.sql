-- Shared pgTAP helpers. pg_prove runs each file in its own session, so the helpers live in schema `tests`,
-- created here (this file runs first and is deliberately NOT rolled back). Every other file rolls back.
create extension if not exists pgtap with schema extensions;
create schema if not exists tests;
grant usage on schema tests to anon, authenticated, supabase_auth_admin;

/** Creates an auth user (the profile follows by trigger) with the given role; returns its id. */
create or replace function tests.create_user(persona text, user_role public.user_role default 'customer')
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  user_id uuid := gen_random_uuid();
begin
  insert into auth.users (id, instance_id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
  values (user_id, '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', persona || '@tests.local',
    '{"provider":"email","providers":["email"]}', jsonb_build_object('full_name', initcap(replace(persona, '_', ' ')), 'username', persona),
    now(), now());
  update public.profiles set role = user_role where id = user_id;
  return user_id;
end;
$$;

/** The id of a persona created by tests.create_user. */
create or replace function tests.user_id(persona text)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$ select id from auth.users where email = persona || '@tests.local' $$;

create or replace function tests.role_of(user_id uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$ select role::text from public.profiles where id = user_id $$;

/** Rows a statement changed, run as the current role (RLS applies): 0 means a policy hid the row. */
create or replace function tests.affected_rows(statement text)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  changed integer;
begin
  execute statement;
  get diagnostics changed = row_count;
  return changed;
end;
$$;

/**
 * Shared fixture (call inside each file's transaction): the personas, a conversation and an unassigned ticket
 * per customer, an internal note on customer_a's conversation, published and draft KB content.
 */
create or replace function tests.create_support_fixtures()
returns void
language plpgsql
set search_path = ''
as $$
declare
  conversation_a uuid := '00000000-0000-4000-a000-00000000000a';
  conversation_b uuid := '00000000-0000-4000-a000-00000000000b';
begin
  -- Start from no demo data (the seed runs on the test database too); the enclosing test rolls this back.
  delete from public.tickets;
  delete from public.conversations;
  delete from public.troubleshooting_sessions;
  delete from public.customer_analyses;
  delete from public.analytics_events;
  delete from public.retrieval_logs;
  delete from public.entity_links;
  delete from public.customer_vehicles;
  delete from public.departments;
  delete from private.jobs;
  -- The seeded articles and their chunks too (the runner starts pgTAP once the embed worker has written them): files
  -- that count chunks or rank search results see only their own.
  delete from public.kb_articles;
  perform tests.create_personas();
  insert into public.solution_areas (slug, name, description, assistant_instructions)
  values ('test-area', 'Test area', 'For tests', 'Be brief.') on conflict do nothing;
  insert into public.conversations (id, customer_id, title, solution_area)
  values (conversation_a, tests.user_id('customer_a'), 'A thread', 'test-area'),
         (conversation_b, tests.user_id('customer_b'), 'B thread', 'test-area');
  insert into public.messages (conversation_id, sender_id, role, content) values
    (conversation_a, tests.user_id('customer_a'), 'user', 'My car will not start'),
    (conversation_b, tests.user_id('customer_b'), 'user', 'Billing question');
  insert into public.tickets (id, customer_id, subject, content, conversation_id) values
    ('00000000-0000-4000-b000-00000000000a', tests.user_id('customer_a'), 'No start', 'Clicking noise', conversation_a),
    ('00000000-0000-4000-b000-00000000000b', tests.user_id('customer_b'), 'Double charge', 'Charged twice', conversation_b);
  insert into public.messages (conversation_id, sender_id, role, content, is_internal_note)
  values (conversation_a, tests.user_id('technician'), 'technician', 'Probably the starter relay', true);
  insert into public.kb_articles (id, slug, title, content, category, is_published) values
    ('00000000-0000-4000-c000-000000000001', 'test-published', 'Published', 'Body', 'automotive', true),
    ('00000000-0000-4000-c000-000000000002', 'test-draft', 'Draft', 'Body', 'automotive', false);
  insert into public.guides (id, slug, title, is_published) values
    ('00000000-0000-4000-d000-000000000001', 'test-guide', 'Test guide', true),
    ('00000000-0000-4000-d000-000000000002', 'test-guide-draft', 'Draft guide', false);
  insert into public.guide_steps (guide_id, position, instruction) values
    ('00000000-0000-4000-d000-000000000001', 1, 'Check the battery'),
    ('00000000-0000-4000-d000-000000000001', 2, 'Check the fuse'),
    ('00000000-0000-4000-d000-000000000001', 3, 'Call us'),
    ('00000000-0000-4000-d000-000000000002', 1, 'Draft step');
end;
$$;

/** Acts as the persona, as PostgREST would: role authenticated, JWT claims including user_role. */
create or replace function tests.authenticate_as(persona text)
returns void
language plpgsql
set search_path = ''
as $$
declare
  user_id uuid := tests.user_id(persona);
  role_of_user text;
begin
  if user_id is null then
    raise exception 'unknown persona %', persona;
  end if;
  role_of_user := tests.role_of(user_id);
  perform set_config('request.jwt.claims', jsonb_build_object(
    'sub', user_id, 'role', 'authenticated', 'email', persona || '@tests.local', 'user_role', role_of_user)::text, true);
  perform set_config('role', 'authenticated', true);
end;
$$;

/** Acts as an anonymous visitor. */
create or replace function tests.authenticate_as_anon()
returns void
language plpgsql
set search_path = ''
as $$
begin
  perform set_config('request.jwt.claims', '{"role":"anon"}', true);
  perform set_config('role', 'anon', true);
end;
$$;

/** Drops the JWT claims; follow with `reset role` at top level to become postgres again. */
create or replace function tests.clear_authentication()
returns void
language plpgsql
set search_path = ''
as $$
begin
  perform set_config('request.jwt.claims', '', true);
end;
$$;

/** The standard cast of every test file: two customers, a technician, an admin. */
create or replace function tests.create_personas()
returns void
language plpgsql
set search_path = ''
as $$
begin
  perform tests.create_user('customer_a');
  perform tests.create_user('customer_b');
  perform tests.create_user('technician', 'technician');
  perform tests.create_user('technician_b', 'technician');
  perform tests.create_user('admin', 'admin');
end;
$$;

grant execute on all functions in schema tests to anon, authenticated, supabase_auth_admin;

begin;
select plan(7);
select has_function('tests', 'create_user', array['text', 'public.user_role'], 'tests.create_user exists');
select has_function('tests', 'authenticate_as', array['text'], 'tests.authenticate_as exists');
select has_function('tests', 'authenticate_as_anon', 'tests.authenticate_as_anon exists');
select has_function('tests', 'clear_authentication', 'tests.clear_authentication exists');
select has_function('tests', 'create_personas', 'tests.create_personas exists');
select has_function('tests', 'create_support_fixtures', 'tests.create_support_fixtures exists');
select lives_ok('select tests.create_support_fixtures()', 'the shared fixture builds on the migrated schema');
select * from finish();
rollback;
