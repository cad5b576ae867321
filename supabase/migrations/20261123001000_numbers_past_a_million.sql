-- Ticket and work-order numbers past 999,999. lpad(…, 6) TRUNCATES longer strings, so ticket
-- 1,000,000 would have been numbered TCK-100000 and collided with ticket 100,000. Numbers keep
-- at least six digits and grow beyond that.

-- ---------------------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------------------
/** 'PREFIX-' followed by the number, zero-padded to at least six digits, never truncated. */
create or replace function private.padded_number(prefix text, value bigint)
returns text
language sql
immutable
set search_path = ''
as $$ select prefix || '-' || lpad(value::text, greatest(6, length(value::text)), '0') $$;
comment on function private.padded_number(text, bigint) is 'Human-readable number: prefix, dash, at least six digits (TCK-000123, TCK-1000000).';
grant execute on function private.padded_number(text, bigint) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------------------
-- Tables
-- ---------------------------------------------------------------------------------------------------------------
alter table public.tickets
  alter column number set default private.padded_number('TCK', nextval('public.ticket_number_seq'));
alter table public.work_orders
  alter column number set default private.padded_number('WO', nextval('public.work_order_number_seq'));
