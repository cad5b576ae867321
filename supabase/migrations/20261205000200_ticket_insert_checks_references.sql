-- Defence in depth on new tickets (issue 20 point 6): a customer's ticket may only name their own conversation,
-- vehicle and troubleshooting session. Before, the insert policy checked only customer_id, so a customer who knew
-- another customer's conversation id could link a ticket to it (the foreign key only asks that the row exists).
-- Every writer that opens a ticket as the customer (the new-ticket form, the chat hand-off, a guided fix that is
-- still broken) goes through this policy, and so does an insert made in Studio as `authenticated`.

-- ---------------------------------------------------------------------------------------------------------------
-- Policies
-- ---------------------------------------------------------------------------------------------------------------
drop policy "Customers can create their own tickets" on public.tickets;
create policy "Customers can create their own tickets about their own things" on public.tickets
  for insert to authenticated with check (
    customer_id = (select auth.uid())
    and (conversation_id is null or private.owns_conversation(conversation_id))
    and (customer_vehicle_id is null or private.owns_vehicle(customer_vehicle_id))
    and (troubleshooting_session_id is null or private.owns_troubleshooting_session(troubleshooting_session_id))
  );
