// Local Realtime: commit-to-client latency of postgres_changes (commit_timestamp of the
// change to its arrival in a realtime-js callback) for 1, 100 and 500 subscribed clients,
// and sustained delivery with zero loss. Every client is the same signed-in user on an RLS
// table, so each change goes through the per-subscriber visibility check and fans out to
// all of them. Clients run in this process beside the stack, so they share its 2 cores.
import { randomUUID } from 'node:crypto';
import { RealtimeClient } from '@supabase/realtime-js';
import postgres from 'postgres';
import { startStack } from '../stack.ts';
import { percentile, reportFigure, table } from './report.ts';
import type { Benchmark } from './index.ts';

const TABLE = 'bench_realtime_events';
const SUBSCRIBER_COUNTS = [1, 100, 500];
const LATENCY_ROWS = 60;
const LATENCY_SPACING_MS = 25;
const THROUGHPUT_SUBSCRIBERS = 10;
const THROUGHPUT_SECONDS = 5;
const THROUGHPUT_ROWS_PER_SECOND = 300;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const realtimeBenchmark: Benchmark = {
  name: 'realtime',
  description: `postgres_changes commit-to-client latency for ${SUBSCRIBER_COUNTS.join('/')} clients, and sustained messages/s with zero loss`,
  async run() {
    const stack = await startStack('bench', { seed: false });
    const sql = postgres(stack.dbUrl, { max: 4, onnotice: () => {} });
    const clients: RealtimeClient[] = [];
    try {
      await sql.unsafe(`
        drop table if exists public.${TABLE};
        create table public.${TABLE} (id bigint generated always as identity primary key, owner uuid not null, body text not null);
        alter table public.${TABLE} enable row level security;
        create policy "owners read their events" on public.${TABLE} for select to authenticated using (owner = (select auth.uid()));
        grant select on public.${TABLE} to authenticated;
        alter publication supabase_realtime add table public.${TABLE};
      `);
      const owner = randomUUID();
      const token = await stack.keys.signAccessToken({ sub: owner, role: 'authenticated', aud: 'authenticated' }, 3600);
      const received = new Map<number, number[]>(); // row id → arrival latencies (ms)
      let deliveries = 0;

      const addClients = async (target: number) => {
        while (clients.length < target) {
          const batch = Array.from({ length: Math.min(50, target - clients.length) }, async () => {
            const client = new RealtimeClient(`${stack.apiUrl.replace(/^http/, 'ws')}/realtime/v1`, { params: { apikey: stack.keys.anonKey } });
            await client.setAuth(token);
            clients.push(client);
            // Private, as every channel of the app is (a `live:` topic: postgres_changes only, RLS per subscriber).
            const channel = client.channel(`live:bench-${clients.length}-${randomUUID()}`, { config: { private: true } }).on(
              'postgres_changes',
              { event: 'INSERT', schema: 'public', table: TABLE },
              (payload) => {
                const latency = Date.now() - new Date(payload.commit_timestamp).getTime();
                const id = Number((payload.new as { id: number }).id);
                const list = received.get(id) ?? [];
                list.push(latency);
                received.set(id, list);
                deliveries++;
              },
            );
            await new Promise<void>((resolve, reject) =>
              channel.subscribe((status, error) => (status === 'SUBSCRIBED' ? resolve() : status !== 'CLOSED' && reject(error ?? new Error(status)))),
            );
          });
          await Promise.all(batch);
        }
      };

      const rows: Array<Record<string, string | number>> = [];
      for (const count of SUBSCRIBER_COUNTS) {
        await addClients(count);
        await sleep(500);
        received.clear();
        const ids: number[] = [];
        for (let i = 0; i < LATENCY_ROWS; i++) {
          const [row] = await sql<{ id: string }[]>`insert into ${sql(TABLE)} (owner, body) values (${owner}, ${`latency ${i}`}) returning id`;
          ids.push(Number(row!.id));
          await sleep(LATENCY_SPACING_MS);
        }
        const deadline = Date.now() + 15_000;
        while (ids.some((id) => (received.get(id)?.length ?? 0) < count) && Date.now() < deadline) await sleep(50);
        const latencies = ids.flatMap((id) => received.get(id) ?? []);
        const lost = ids.length * count - latencies.length;
        const figures = { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) };
        rows.push({ clients: count, 'p50 ms': figures.p50, 'p95 ms': figures.p95, 'p99 ms': figures.p99, lost });
        reportFigure(`realtime.latency.${count}_clients.p50`, figures.p50, 'ms');
        reportFigure(`realtime.latency.${count}_clients.p95`, figures.p95, 'ms');
        reportFigure(`realtime.latency.${count}_clients.p99`, figures.p99, 'ms');
        reportFigure(`realtime.latency.${count}_clients.lost`, lost, 'messages');
      }
      table(rows);

      // Sustained: a steady stream of single-row commits to THROUGHPUT_SUBSCRIBERS clients.
      for (const client of clients.splice(THROUGHPUT_SUBSCRIBERS)) {
        client.removeAllChannels();
        client.disconnect();
      }
      await sleep(1_000);
      received.clear();
      deliveries = 0;
      const ids: number[] = [];
      const started = Date.now();
      const total = THROUGHPUT_SECONDS * THROUGHPUT_ROWS_PER_SECOND;
      const writers = 4;
      await Promise.all(
        Array.from({ length: writers }, async (_, writer) => {
          for (let i = writer; i < total; i += writers) {
            const due = started + (i * 1000) / THROUGHPUT_ROWS_PER_SECOND;
            if (due > Date.now()) await sleep(due - Date.now());
            const [row] = await sql<{ id: string }[]>`insert into ${sql(TABLE)} (owner, body) values (${owner}, ${`stream ${i}`}) returning id`;
            ids.push(Number(row!.id));
          }
        }),
      );
      const expected = total * THROUGHPUT_SUBSCRIBERS;
      const deadline = Date.now() + 20_000;
      while (deliveries < expected && Date.now() < deadline) await sleep(50);
      const elapsedSeconds = (Date.now() - started) / 1000;
      const lost = ids.reduce((sum, id) => sum + Math.max(0, THROUGHPUT_SUBSCRIBERS - (received.get(id)?.length ?? 0)), 0);
      const streamLatencies = [...received.values()].flat();
      reportFigure('realtime.sustained.messages_per_second', deliveries / elapsedSeconds, 'msg/s');
      reportFigure('realtime.sustained.lost', lost, 'messages');
      reportFigure('realtime.sustained.p95', percentile(streamLatencies, 95), 'ms');
      console.log(`  ${total} commits × ${THROUGHPUT_SUBSCRIBERS} clients = ${expected} messages in ${elapsedSeconds.toFixed(1)} s, ${lost} lost`);
    } finally {
      for (const client of clients) {
        client.removeAllChannels();
        client.disconnect();
      }
      await sql.unsafe(`drop table if exists public.${TABLE}`).catch(() => {});
      await sql.end({ timeout: 5 });
      await stack.stop();
    }
  },
};
