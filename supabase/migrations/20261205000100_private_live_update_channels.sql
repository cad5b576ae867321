-- Private channels only. The project turns off Realtime's public access (supabase/realtime-settings.json; on a hosted
-- project: Realtime settings, "Allow public access" off), so every channel the app opens is private and needs a
-- realtime.messages policy. The conversation and desk channels have theirs (20261123100000_live_updates.sql); this adds
-- the live-update channels pages use to reload when rows change.
--
-- Topics: `live:<page>` (app/lib/live-revalidate.ts liveUpdateTopic). Such a channel carries only postgres_changes,
-- and Realtime checks every change against the subscriber's RLS on the changed table, so joining one reveals nothing:
-- any signed-in person may join. No insert policy matches `live:` topics, so nobody can broadcast or track presence
-- in one.

-- ---------------------------------------------------------------------------------------------------------------
-- Policies
-- ---------------------------------------------------------------------------------------------------------------
create policy "Signed-in people can join live-update channels" on realtime.messages
  for select to authenticated
  using ((select realtime.topic()) like 'live:%');
