-- One policy per command. The first migrations gave admins one `for all` policy per table; Supabase's guidance (and
-- our style) is a policy per operation, so each can be read, tested and changed on its own. Reading stays with the
-- existing select policies where staff or everyone may already read (admins are staff); the admin-only analysis
-- tables get an admin read policy of their own. Behaviour is unchanged: pgTAP 165 proves allow and deny per policy.

drop policy if exists "Admins can manage solution areas" on public.solution_areas;
create policy "Admins can add solution areas" on public.solution_areas
  for insert to authenticated with check ((select private.is_admin()));
create policy "Admins can change solution areas" on public.solution_areas
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins can remove solution areas" on public.solution_areas
  for delete to authenticated using ((select private.is_admin()));

drop policy if exists "Admins can manage articles" on public.kb_articles;
create policy "Admins can add articles" on public.kb_articles
  for insert to authenticated with check ((select private.is_admin()));
create policy "Admins can change articles" on public.kb_articles
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins can remove articles" on public.kb_articles
  for delete to authenticated using ((select private.is_admin()));

drop policy if exists "Admins can manage chunks" on public.kb_chunks;
create policy "Admins can add article chunks" on public.kb_chunks
  for insert to authenticated with check ((select private.is_admin()));
create policy "Admins can change article chunks" on public.kb_chunks
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins can remove article chunks" on public.kb_chunks
  for delete to authenticated using ((select private.is_admin()));

drop policy if exists "Admins can manage guides" on public.guides;
create policy "Admins can add guides" on public.guides
  for insert to authenticated with check ((select private.is_admin()));
create policy "Admins can change guides" on public.guides
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins can remove guides" on public.guides
  for delete to authenticated using ((select private.is_admin()));

drop policy if exists "Admins can manage guide steps" on public.guide_steps;
create policy "Admins can add guide steps" on public.guide_steps
  for insert to authenticated with check ((select private.is_admin()));
create policy "Admins can change guide steps" on public.guide_steps
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins can remove guide steps" on public.guide_steps
  for delete to authenticated using ((select private.is_admin()));

drop policy if exists "Admins can manage the vehicle catalogue" on public.vehicle_models;
create policy "Admins can add vehicle models" on public.vehicle_models
  for insert to authenticated with check ((select private.is_admin()));
create policy "Admins can change vehicle models" on public.vehicle_models
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins can remove vehicle models" on public.vehicle_models
  for delete to authenticated using ((select private.is_admin()));

drop policy if exists "Admins can manage AI results" on public.ticket_ai_results;
create policy "Admins can add AI results" on public.ticket_ai_results
  for insert to authenticated with check ((select private.is_admin()));
create policy "Admins can change AI results" on public.ticket_ai_results
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins can remove AI results" on public.ticket_ai_results
  for delete to authenticated using ((select private.is_admin()));

drop policy if exists "Admins can manage analyses" on public.customer_analyses;
create policy "Admins can read analyses" on public.customer_analyses
  for select to authenticated using ((select private.is_admin()));
create policy "Admins can add analyses" on public.customer_analyses
  for insert to authenticated with check ((select private.is_admin()));
create policy "Admins can change analyses" on public.customer_analyses
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins can remove analyses" on public.customer_analyses
  for delete to authenticated using ((select private.is_admin()));

drop policy if exists "Admins can manage categorizations" on public.conversation_categorizations;
create policy "Admins can read categorizations" on public.conversation_categorizations
  for select to authenticated using ((select private.is_admin()));
create policy "Admins can add categorizations" on public.conversation_categorizations
  for insert to authenticated with check ((select private.is_admin()));
create policy "Admins can change categorizations" on public.conversation_categorizations
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins can remove categorizations" on public.conversation_categorizations
  for delete to authenticated using ((select private.is_admin()));

drop policy if exists "Admins can manage KPIs" on public.analysis_kpis;
create policy "Admins can read KPIs" on public.analysis_kpis
  for select to authenticated using ((select private.is_admin()));
create policy "Admins can add KPIs" on public.analysis_kpis
  for insert to authenticated with check ((select private.is_admin()));
create policy "Admins can change KPIs" on public.analysis_kpis
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins can remove KPIs" on public.analysis_kpis
  for delete to authenticated using ((select private.is_admin()));

drop policy if exists "Admins can manage exports" on public.analysis_exports;
create policy "Admins can read exports" on public.analysis_exports
  for select to authenticated using ((select private.is_admin()));
create policy "Admins can add exports" on public.analysis_exports
  for insert to authenticated with check ((select private.is_admin()));
create policy "Admins can change exports" on public.analysis_exports
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "Admins can remove exports" on public.analysis_exports
  for delete to authenticated using ((select private.is_admin()));
