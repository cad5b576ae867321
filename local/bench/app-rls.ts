// What the app's one data helper costs a loader: the same "my latest tickets" query run
// through withRls (a transaction as `authenticated` with request.jwt.claims, RLS filtering
// the rows) versus a plain query with the filter written out, as a superuser would run it.
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { startStack } from '../stack.ts';
import { median, percentile, reportFigure, table } from './report.ts';
import type { Benchmark } from './index.ts';

const ITERATIONS = 2_000;
const WARMUP_ITERATIONS = 200;
const OWNERS = 50;
const ROWS_PER_OWNER = 40;
const PROBE_TABLE = 'bench_rls_probe';

interface Sample {
  plain: number[];
  rls: number[];
}

export const appRlsBenchmark: Benchmark = {
  name: 'app.rls',
  description: `a loader's query through withRls (RLS-scoped transaction) vs a plain query, ${ITERATIONS} iterations each`,
  async run({ runs }) {
    const stack = await startStack('bench', { seed: false });
    // The app module reads its environment on first use, so point it at this stack first.
    process.env.DATABASE_URL = stack.dbUrl;
    process.env.SUPABASE_URL = stack.apiUrl;
    process.env.SUPABASE_ANON_KEY = stack.keys.anonKey;
    const { withRls, closeDatabasePool } = await import('../../app/lib/server/db.server.ts');
    const sql = postgres(stack.dbUrl, { max: 10, onnotice: () => {} });
    try {
      const owners = Array.from({ length: OWNERS }, () => randomUUID());
      await sql.unsafe(`
        drop table if exists public.${PROBE_TABLE};
        create table public.${PROBE_TABLE} (id bigint generated always as identity primary key, owner_id uuid not null, subject text not null, created_at timestamptz not null default now());
        create index on public.${PROBE_TABLE} (owner_id, created_at desc);
        alter table public.${PROBE_TABLE} enable row level security;
        create policy "owners read their rows" on public.${PROBE_TABLE} for select to authenticated using (owner_id = (select auth.uid()));
        grant select on public.${PROBE_TABLE} to authenticated;
      `);
      const rows = owners.flatMap((owner_id) =>
        Array.from({ length: ROWS_PER_OWNER }, (_, i) => ({ owner_id, subject: `ticket ${i}`, created_at: new Date(Date.now() - i * 60_000) })),
      );
      await sql`insert into ${sql(PROBE_TABLE)} ${sql(rows)}`;
      await sql`analyze ${sql(PROBE_TABLE)}`;

      const claimsFor = (sub: string) => ({ sub, role: 'authenticated' as const, aud: 'authenticated', user_role: 'customer' });
      const plainQuery = (owner: string) => sql`select id, subject, created_at from ${sql(PROBE_TABLE)} where owner_id = ${owner} order by created_at desc limit 20`;
      const rlsQuery = (owner: string) =>
        withRls(claimsFor(owner), (tx) => tx`select id, subject, created_at from ${tx(PROBE_TABLE)} order by created_at desc limit 20`);

      const measure = async (iterations: number): Promise<Sample> => {
        const sample: Sample = { plain: [], rls: [] };
        for (let i = 0; i < iterations; i++) {
          const owner = owners[i % OWNERS]!;
          // Interleaved, so drift in the machine's load affects both the same way.
          let t0 = performance.now();
          const plainRows = await plainQuery(owner);
          sample.plain.push(performance.now() - t0);
          t0 = performance.now();
          const rlsRows = await rlsQuery(owner);
          sample.rls.push(performance.now() - t0);
          if (plainRows.length !== 20 || rlsRows.length !== 20) throw new Error('the two queries must return the same 20 rows');
        }
        return sample;
      };

      await measure(WARMUP_ITERATIONS);
      const perRun = { plainP50: [] as number[], plainP95: [] as number[], rlsP50: [] as number[], rlsP95: [] as number[] };
      for (let run = 0; run < runs; run++) {
        const sample = await measure(ITERATIONS);
        perRun.plainP50.push(median(sample.plain));
        perRun.plainP95.push(percentile(sample.plain, 95));
        perRun.rlsP50.push(median(sample.rls));
        perRun.rlsP95.push(percentile(sample.rls, 95));
      }
      const figures = {
        plainP50: median(perRun.plainP50),
        plainP95: median(perRun.plainP95),
        rlsP50: median(perRun.rlsP50),
        rlsP95: median(perRun.rlsP95),
      };
      table([
        { query: 'plain (filter in SQL)', 'p50 ms': figures.plainP50.toFixed(3), 'p95 ms': figures.plainP95.toFixed(3) },
        { query: 'withRls (RLS filters)', 'p50 ms': figures.rlsP50.toFixed(3), 'p95 ms': figures.rlsP95.toFixed(3) },
      ]);
      reportFigure('app.rls.plain.p50', figures.plainP50, 'ms');
      reportFigure('app.rls.plain.p95', figures.plainP95, 'ms');
      reportFigure('app.rls.scoped.p50', figures.rlsP50, 'ms');
      reportFigure('app.rls.scoped.p95', figures.rlsP95, 'ms');
      reportFigure('app.rls.overhead', figures.rlsP50 - figures.plainP50, 'ms');
      reportFigure('app.rls.overhead.p95', figures.rlsP95 - figures.plainP95, 'ms');
    } finally {
      await sql.unsafe(`drop table if exists public.${PROBE_TABLE}`).catch(() => {});
      await sql.end({ timeout: 5 });
      await closeDatabasePool();
      await stack.stop();
    }
  },
};
