-- Every table of the exposed schema is under RLS, views run as the caller, every table and column is documented.
begin;
select plan(5);

select is_empty($$
  select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname in ('public', 'graphql_public') and c.relkind in ('r', 'p') and not c.relrowsecurity
$$, 'every table in the exposed schemas has RLS enabled');
select is_empty($$
  select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'public' and c.relkind = 'v' and not coalesce('security_invoker=true' = any (c.reloptions), false)
$$, 'every view in public is security_invoker');
select is_empty($$
  select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname in ('public', 'private') and c.relkind in ('r', 'p') and obj_description(c.oid, 'pg_class') is null
$$, 'every table has a comment');
select is_empty($$
  select c.relname || '.' || a.attname from pg_class c join pg_namespace n on n.oid = c.relnamespace
  join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
  where n.nspname in ('public', 'private') and c.relkind in ('r', 'p') and col_description(c.oid, a.attnum) is null
$$, 'every column has a comment');
select is_empty($$
  select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where n.nspname in ('public', 'private') and p.prosecdef
    and not coalesce(array['search_path=""'] <@ p.proconfig, false)
$$, 'every security definer function sets an empty search_path');

select * from finish();
rollback;
