-- New timeline kinds for issue 15 (the desk side of triage: corrections and merges). In a file of their own: a value
-- added by `alter type ... add value` cannot be used in the transaction that adds it, and the migrations that follow
-- use these in function bodies and in their tests.

alter type public.ticket_event_kind add value if not exists 'triage_corrected';
alter type public.ticket_event_kind add value if not exists 'merged';

alter type public.analytics_event_type add value if not exists 'tickets_merged';
