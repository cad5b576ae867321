-- One permissive policy per table, role and command (issue 20 point 6; Supabase advisor
-- `multiple_permissive_policies`, 18 warnings before this migration).
--
-- Postgres evaluates every permissive policy that applies to a row and ORs them: a row is visible (USING) when any
-- policy allows it, and a written row is accepted (WITH CHECK) when any policy's check accepts it. Each merged policy
-- below is exactly the OR of the policies it replaces, so who may do what does not change (the pgTAP allow/deny
-- tests of every persona are unchanged and still pass); Postgres now plans one expression per row instead of several.
--
-- Where a policy served visitors and signed-in people at once (`to anon, authenticated`), visitors keep a policy of
-- their own and the signed-in side is merged with the staff policy.

-- ---------------------------------------------------------------------------------------------------------------
-- Policies
-- ---------------------------------------------------------------------------------------------------------------

-- conversations
drop policy "Admins can read all conversations" on public.conversations;
drop policy "Customers can read their own conversations" on public.conversations;
drop policy "Technicians can read conversations linked to tickets or assigne" on public.conversations;
create policy "People can read the conversations they take part in" on public.conversations
  for select to authenticated using (
    customer_id = (select auth.uid())
    or ((select private.is_technician()) and (ticket_id is not null or assigned_technician_id = (select auth.uid())))
    or (select private.is_admin())
  );

drop policy "Admins can update all conversations" on public.conversations;
drop policy "Customers can update their own conversations" on public.conversations;
drop policy "Technicians can update conversations assigned to them" on public.conversations;
create policy "People can update the conversations they take part in" on public.conversations
  for update to authenticated
  using (
    customer_id = (select auth.uid())
    or ((select private.is_technician()) and assigned_technician_id = (select auth.uid()))
    or (select private.is_admin())
  )
  with check (
    customer_id = (select auth.uid())
    or (select private.is_technician())
    or (select private.is_admin())
  );

-- customer_vehicles
drop policy "Customers can read their own vehicles" on public.customer_vehicles;
drop policy "Staff can read all vehicles" on public.customer_vehicles;
create policy "Customers can read their own vehicles, staff all" on public.customer_vehicles
  for select to authenticated using (customer_id = (select auth.uid()) or (select private.is_staff()));

-- guides and guide_steps
drop policy "Anyone can read published guides" on public.guides;
drop policy "Staff can read all guides" on public.guides;
create policy "Visitors can read published guides" on public.guides
  for select to anon using (is_published);
create policy "Signed-in people can read published guides, staff all" on public.guides
  for select to authenticated using (is_published or (select private.is_staff()));

drop policy "Anyone can read steps of published guides" on public.guide_steps;
drop policy "Staff can read all guide steps" on public.guide_steps;
create policy "Visitors can read steps of published guides" on public.guide_steps
  for select to anon using (private.is_published_guide(guide_id));
create policy "Signed-in people can read published guide steps, staff all" on public.guide_steps
  for select to authenticated using ((select private.is_staff()) or private.is_published_guide(guide_id));

-- kb_articles and kb_chunks
drop policy "Anyone can read published articles" on public.kb_articles;
drop policy "Staff can read all articles" on public.kb_articles;
create policy "Visitors can read published articles" on public.kb_articles
  for select to anon using (is_published);
create policy "Signed-in people can read published articles, staff all" on public.kb_articles
  for select to authenticated using (is_published or (select private.is_staff()));

drop policy "Anyone can read chunks of published articles" on public.kb_chunks;
drop policy "Staff can read all chunks" on public.kb_chunks;
create policy "Visitors can read chunks of published articles" on public.kb_chunks
  for select to anon using (private.is_published_article(article_id));
create policy "Signed-in people can read published chunks, staff all" on public.kb_chunks
  for select to authenticated using ((select private.is_staff()) or private.is_published_article(article_id));

-- messages
drop policy "Customers can write in their own conversations" on public.messages;
drop policy "Staff can write in conversations they can see" on public.messages;
create policy "People can write as themselves in conversations they take part" on public.messages
  for insert to authenticated with check (
    sender_id = (select auth.uid())
    and (
      (role = 'user' and not is_internal_note and private.owns_conversation(conversation_id))
      or (role = 'technician' and private.staff_can_see_conversation(conversation_id))
    )
  );

drop policy "Customers can read non-internal messages of their conversations" on public.messages;
drop policy "Staff can read messages of conversations they can see" on public.messages;
create policy "People can read the messages of conversations they take part in" on public.messages
  for select to authenticated using (
    (not is_internal_note and private.owns_conversation(conversation_id))
    or private.staff_can_see_conversation(conversation_id)
  );

-- profiles (the Auth admin's policy for the access token hook is for another role and stays)
drop policy "Customers can read the technicians assigned to their tickets" on public.profiles;
drop policy "Staff can read all profiles" on public.profiles;
drop policy "Users can read their own profile" on public.profiles;
create policy "People can read their own profile and those they work with" on public.profiles
  for select to authenticated using (
    id = (select auth.uid())
    or (select private.is_staff())
    or private.is_technician_of_current_customer(id)
  );

drop policy "Admins can update any profile" on public.profiles;
drop policy "Users can update their own profile" on public.profiles;
create policy "People can update their own profile, admins any" on public.profiles
  for update to authenticated
  using (id = (select auth.uid()) or (select private.is_admin()))
  with check (id = (select auth.uid()) or (select private.is_admin()));

-- tickets
drop policy "Customers can read their own tickets" on public.tickets;
drop policy "Staff can read all tickets" on public.tickets;
create policy "Customers can read their own tickets, staff all" on public.tickets
  for select to authenticated using (customer_id = (select auth.uid()) or (select private.is_staff()));

drop policy "Admins can update all tickets" on public.tickets;
drop policy "Technicians can claim unassigned tickets" on public.tickets;
drop policy "Technicians can update tickets assigned to them" on public.tickets;
create policy "Technicians can claim and work tickets, admins any" on public.tickets
  for update to authenticated
  using (
    (select private.is_admin())
    or ((select private.is_technician()) and status = 'unassigned' and assigned_to is null)
    or ((select private.is_technician()) and assigned_to = (select auth.uid()))
  )
  with check (
    (select private.is_admin())
    or assigned_to = (select auth.uid())
    or ((select private.is_technician()) and (assigned_to = (select auth.uid()) or assigned_to is null))
  );

-- troubleshooting_sessions and their steps
drop policy "Customers can read their own sessions" on public.troubleshooting_sessions;
drop policy "Staff can read all sessions" on public.troubleshooting_sessions;
create policy "Customers can read their own sessions, staff all" on public.troubleshooting_sessions
  for select to authenticated using (customer_id = (select auth.uid()) or (select private.is_staff()));

drop policy "Customers can read steps of their sessions" on public.troubleshooting_session_steps;
drop policy "Staff can read all session steps" on public.troubleshooting_session_steps;
create policy "Customers can read steps of their sessions, staff all" on public.troubleshooting_session_steps
  for select to authenticated using ((select private.is_staff()) or private.owns_troubleshooting_session(session_id));

-- work_orders
drop policy "Admins can create work orders for any ticket" on public.work_orders;
drop policy "Technicians can create work orders for their tickets" on public.work_orders;
create policy "Technicians can add work orders to their tickets, admins any" on public.work_orders
  for insert to authenticated with check (
    (select private.is_admin())
    or ((select private.is_technician()) and private.is_assigned_to_ticket(ticket_id))
  );

drop policy "Admins can read all work orders" on public.work_orders;
drop policy "Customers can read the work orders of their own tickets" on public.work_orders;
drop policy "Technicians can read work orders of their tickets and of unassi" on public.work_orders;
create policy "People can read the work orders of tickets they work or own" on public.work_orders
  for select to authenticated using (
    (select private.is_admin())
    or ((select private.is_technician()) and private.is_assigned_to_or_unassigned_ticket(ticket_id))
    or private.owns_ticket(ticket_id)
  );

drop policy "Admins can update all work orders" on public.work_orders;
drop policy "Technicians can update work orders of their tickets" on public.work_orders;
create policy "Technicians can update work orders of their tickets, admins any" on public.work_orders
  for update to authenticated
  using ((select private.is_admin()) or ((select private.is_technician()) and private.is_assigned_to_ticket(ticket_id)))
  with check ((select private.is_admin()) or ((select private.is_technician()) and private.is_assigned_to_ticket(ticket_id)));
