-- Triage accuracy for /admin (issue 15): from the corrections staff made, how often triage's category and urgency
-- stood, per value, and a confusion matrix (rows = what triage said, columns = what the ticket ended up as).
--
-- What triage said is the first correction's from_value when a person corrected the field (the result row keeps the
-- corrected value, private.keep_corrected_triage), else the result itself; what it ended up as is the ticket's value.
-- An uncorrected ticket counts as triage being right: that is what "from corrections" can know.

-- ---------------------------------------------------------------------------------------------------------------
-- Public functions
-- ---------------------------------------------------------------------------------------------------------------
create function public.triage_accuracy(days integer default 30) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  window_start timestamptz;
  figures jsonb;
begin
  perform private.require_admin('triage accuracy');
  if days is null or days < 1 or days > 366 then
    raise exception 'days must be between 1 and 366' using errcode = '22023';
  end if;
  window_start := date_trunc('day', now()) - make_interval(days => days - 1);

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
comment on function public.triage_accuracy(integer) is
  'Admin-only: triage accuracy over the last `days` days of triage results, from staff corrections — per category and per urgency (total, correct) and the confusion cells (said -> final, tickets).';
revoke all on function public.triage_accuracy(integer) from public;
grant execute on function public.triage_accuracy(integer) to authenticated;
