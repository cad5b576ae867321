-- Triage accuracy for /admin (issue 15): per value and as a confusion matrix, from corrections; admins only.
begin;
select plan(4);
select tests.create_support_fixtures();

insert into public.ticket_ai_results (ticket_id, category, sentiment_score, urgency, confidence, model) values
  ('00000000-0000-4000-b000-00000000000a', 'technical', 5, 'medium', 0.5, 'local-test'),
  ('00000000-0000-4000-b000-00000000000b', 'billing', 5, 'medium', 0.5, 'local-test');
select tests.authenticate_as('technician');
select public.correct_ticket_triage('00000000-0000-4000-b000-00000000000a', 'urgency', 'high');
select throws_ok($$select public.triage_accuracy(30)$$, '42501', 'only admins can read triage accuracy', 'technicians do not read the accuracy figures');
reset role;
select tests.authenticate_as('admin');
select is((select public.triage_accuracy(30) -> 'fields' -> 'urgency' -> 'perValue'), '[{"said": "medium", "total": 2, "correct": 1}]'::jsonb,
  'triage said medium twice and was corrected once: 1 of 2 right');
select is((select public.triage_accuracy(30) -> 'fields' -> 'urgency' -> 'cells'), '[{"said": "medium", "final": "high", "tickets": 1}, {"said": "medium", "final": "medium", "tickets": 1}]'::jsonb,
  'the confusion cells: medium -> high once, medium -> medium once');
select is((select (public.triage_accuracy(30) ->> 'corrections')::int), 1, 'one correction in the window');
reset role;

select * from finish();
rollback;
