// Sign-in and token-refresh throughput and latency through the gateway, with 50 concurrent
// supabase-js clients (issue 3). Each client signs in repeatedly (password grant) for a fixed
// time, then refreshes its session repeatedly (refresh_token grant, with rotation).
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { startStack } from '../stack.ts';
import { median, percentile, reportFigure, table } from './report.ts';
import type { Benchmark } from './index.ts';

const CONCURRENCY = 50;
const PHASE_SECONDS = 10;
const PASSWORD = 'bench-password-123';

type Phase = 'signin' | 'refresh';

async function runPhase(clients: SupabaseClient[], emails: string[], phase: Phase): Promise<{ latencies: number[]; errors: number; seconds: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + PHASE_SECONDS * 1000;
  await Promise.all(
    clients.map(async (client, index) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const { error } = phase === 'signin'
          ? await client.auth.signInWithPassword({ email: emails[index]!, password: PASSWORD })
          : await client.auth.refreshSession();
        latencies.push(performance.now() - t0);
        if (error) errors++;
      }
    }),
  );
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}

export const authBenchmark: Benchmark = {
  name: 'auth',
  description: `sign-in and token refresh through the gateway, ${CONCURRENCY} concurrent supabase-js clients, ${PHASE_SECONDS} s each`,
  async run({ runs }) {
    const stack = await startStack('bench', { seed: false });
    try {
      const admin = createClient(stack.apiUrl, stack.keys.serviceRoleKey, { auth: { persistSession: false, autoRefreshToken: false } });
      const emails = Array.from({ length: CONCURRENCY }, (_, i) => `bench-${i}@example.com`);
      for (const email of emails) {
        const { error } = await admin.auth.admin.createUser({ email, password: PASSWORD, email_confirm: true });
        if (error) throw new Error(`could not create ${email}: ${error.message}`);
      }
      // Sign-ups and sign-ins are rate limited per IP; the benchmark measures the service, not the limiter.
      const clients = emails.map(() => createClient(stack.apiUrl, stack.keys.anonKey, { auth: { persistSession: false, autoRefreshToken: false } }));
      const results: Record<Phase, { rps: number[]; p50: number[]; p95: number[]; errors: number }> = {
        signin: { rps: [], p50: [], p95: [], errors: 0 },
        refresh: { rps: [], p50: [], p95: [], errors: 0 },
      };
      for (let run = 0; run < runs; run++) {
        for (const phase of ['signin', 'refresh'] as const) {
          const { latencies, errors, seconds } = await runPhase(clients, emails, phase);
          results[phase].rps.push(latencies.length / seconds);
          results[phase].p50.push(percentile(latencies, 50));
          results[phase].p95.push(percentile(latencies, 95));
          results[phase].errors += errors;
        }
      }
      table(
        (['signin', 'refresh'] as const).map((phase) => ({
          operation: phase === 'signin' ? 'sign in (password)' : 'refresh token',
          'req/s': median(results[phase].rps).toFixed(0),
          'p50 ms': median(results[phase].p50).toFixed(1),
          'p95 ms': median(results[phase].p95).toFixed(1),
          errors: results[phase].errors,
        })),
      );
      for (const phase of ['signin', 'refresh'] as const) {
        reportFigure(`auth.${phase}.throughput`, median(results[phase].rps), 'req/s');
        reportFigure(`auth.${phase}.p95`, median(results[phase].p95), 'ms');
        reportFigure(`auth.${phase}.errors`, results[phase].errors, 'count');
      }
    } finally {
      await stack.stop();
    }
  },
};
