-- Per-guide figures for /admin/guides: how often each guide is used, how often it fixes the problem, how many steps
-- that takes, and how often customers say it was the wrong guide. Admins only.

-- ---------------------------------------------------------------------------------------------------------------
-- Views
-- ---------------------------------------------------------------------------------------------------------------
/**
 * security_invoker: the caller's RLS applies to guides and sessions; the `is_admin()` filter narrows it further to
 * admins (technicians may read sessions, but these figures are an admin tool). Rates are over completed sessions
 * (sessions still in progress have no outcome yet), null when there are none.
 */
create view public.guide_figures with (security_invoker = true) as
select
  guide.id as guide_id,
  guide.slug,
  guide.title,
  guide.is_published,
  (select count(*) from public.guide_steps step where step.guide_id = guide.id)::integer as step_count,
  count(session.id)::integer as sessions,
  count(session.id) filter (where session.completed_at is not null)::integer as completed_sessions,
  count(session.id) filter (where session.resolved)::integer as resolved_sessions,
  round(count(session.id) filter (where session.resolved)::numeric
    / nullif(count(session.id) filter (where session.completed_at is not null), 0), 3) as resolution_rate,
  round(avg((select count(*) from public.troubleshooting_session_steps step where step.session_id = session.id and step.attempted))
    filter (where session.resolved), 2) as average_steps_to_resolution,
  round(count(session.id) filter (where session.misclassified)::numeric
    / nullif(count(session.id) filter (where session.completed_at is not null), 0), 3) as misclassification_rate,
  count(session.id) filter (where session.abandoned and not session.misclassified)::integer as abandoned_sessions
from public.guides guide
left join public.troubleshooting_sessions session on session.guide_id = guide.id
where (select private.is_admin())
group by guide.id;

comment on view public.guide_figures is 'Per-guide usage and outcomes for admins (security invoker; empty for everyone else).';
comment on column public.guide_figures.guide_id is 'Guide id.';
comment on column public.guide_figures.slug is 'Guide slug.';
comment on column public.guide_figures.title is 'Guide title now (sessions keep the title they were shown).';
comment on column public.guide_figures.is_published is 'Whether customers can see and be matched to the guide.';
comment on column public.guide_figures.step_count is 'Number of steps the guide has now.';
comment on column public.guide_figures.sessions is 'Troubleshooting sessions started on the guide, in progress or not.';
comment on column public.guide_figures.completed_sessions is 'Sessions with an outcome (including those the idle job ended).';
comment on column public.guide_figures.resolved_sessions is 'Sessions the customer ended with "it''s fixed".';
comment on column public.guide_figures.resolution_rate is 'Resolved / completed sessions, 0-1; null without completed sessions.';
comment on column public.guide_figures.average_steps_to_resolution is 'Average number of steps tried in resolved sessions; null without any.';
comment on column public.guide_figures.misclassification_rate is 'Sessions ended with "this isn''t my problem" / completed sessions, 0-1.';
comment on column public.guide_figures.abandoned_sessions is 'Sessions left mid-way (ended by the idle-session job), not counting wrong-guide ones.';

grant select on public.guide_figures to authenticated, service_role;
revoke all on public.guide_figures from anon;
