// Probe tables for the Realtime tests: a table with an owner column under RLS, published to
// supabase_realtime, and policies on realtime.messages for private channels.
import type { RealtimeChannel, RealtimePostgresChangesPayload } from '@supabase/realtime-js';
import { sql } from '../../support/db.ts';

export type ProbeRow = { id: number; owner: string; body: string; n: number };
export type Change = RealtimePostgresChangesPayload<ProbeRow>;

/** The probe tables, policies and publication entry the Realtime tests use (idempotent). */
export async function ensureProbeTables(): Promise<void> {
  await sql.unsafe(`
    create table if not exists public.rt_probe_messages (
      id bigint generated always as identity primary key,
      owner uuid not null,
      body text not null,
      n int not null default 0
    );
    alter table public.rt_probe_messages enable row level security;
    drop policy if exists "owners read their messages" on public.rt_probe_messages;
    create policy "owners read their messages" on public.rt_probe_messages for select to authenticated using (owner = (select auth.uid()));
    grant select on public.rt_probe_messages to authenticated;
    create table if not exists public.rt_probe_unpublished (id bigint generated always as identity primary key, body text);
    drop policy if exists "members of a room read it" on realtime.messages;
    create policy "members of a room read it" on realtime.messages for select to authenticated
      using (realtime.topic() = 'room-' || ((select auth.uid())::text));
    drop policy if exists "members of a room write it" on realtime.messages;
    create policy "members of a room write it" on realtime.messages for insert to authenticated
      with check (realtime.topic() = 'room-' || ((select auth.uid())::text));
  `);
  await sql.unsafe(`
    do $$ begin
      if not exists (select 1 from pg_publication_tables where pubname = 'supabase_realtime' and tablename = 'rt_probe_messages') then
        alter publication supabase_realtime add table public.rt_probe_messages;
      end if;
    end $$;`);
}

// ids are bigints, which postgres.js returns as strings and realtime-js as numbers.
export const insertFor = async (owner: string, body: string, n = 0): Promise<ProbeRow> => {
  const [row] = await sql<ProbeRow[]>`insert into public.rt_probe_messages (owner, body, n) values (${owner}, ${body}, ${n}) returning *`;
  return { ...row!, id: Number(row!.id) };
};

export function collect(channel: RealtimeChannel, filter: { event: '*' | 'INSERT' | 'UPDATE' | 'DELETE'; filter?: string }): Change[] {
  const received: Change[] = [];
  channel.on('postgres_changes', { schema: 'public', table: 'rt_probe_messages', ...filter }, (payload: Change) => received.push(payload));
  return received;
}
