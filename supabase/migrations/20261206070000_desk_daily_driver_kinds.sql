-- New kinds of timeline row and analytics event for issue 16 (the desk as a daily driver). In a file of their own:
-- a value added by `alter type ... add value` cannot be used in the transaction that adds it, and the migrations
-- that follow use these in function bodies and in their tests.

alter type public.ticket_event_kind add value if not exists 'reopened';
alter type public.ticket_event_kind add value if not exists 'follow_up_opened';
alter type public.ticket_event_kind add value if not exists 'sla_breached';
alter type public.ticket_event_kind add value if not exists 'rated';

alter type public.analytics_event_type add value if not exists 'sla_breached';
alter type public.analytics_event_type add value if not exists 'ticket_rated';
