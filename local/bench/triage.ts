// The AI triage pipeline under a burst: 10,000 tickets inserted in one statement, triaged by the real path
// (statement trigger -> pg_net -> gateway -> triage edge function, pg_cron and self-continuation for the rest),
// once with the local provider and once with an OpenAI-compatible stub that answers after 300 ms.
// Figures per provider: tickets per minute from the insert's commit to the last AI result, the time from a ticket's
// creation to its result (p50 / p95), the peak RSS of the triage function's Deno process, and whether every ticket
// has exactly one AI result. One run per provider (each is minutes long); --runs is ignored.
// First, the quality figures on the held-out tickets (tests/fixtures/held-out/triage-tickets.json), computed by the
// one evaluation in supabase/tools/triage-evaluation/held-out-evaluation.ts, run by Deno as the provider runs.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { z } from 'zod';
import { projectRoot } from '../config.ts';
import { startStack, type RunningStack } from '../stack.ts';
import { startOpenAiStub } from '../test/openai-stub.ts';
import { reportFigure, table } from './report.ts';
import type { Benchmark } from './index.ts';

const TICKETS = 10_000;
const STUB_DELAY_MS = 300;
const GIVE_UP_AFTER_MS = 20 * 60_000;

const LabelledTicket = z.object({ subject: z.string(), body: z.string() });

/** Realistic ticket texts: the labelled triage set, cycled, each made unique by its number. */
function ticketTexts(): Array<{ subject: string; body: string }> {
  const file = join(projectRoot, 'supabase', 'tools', 'triage-training', 'training-data.json');
  return z.array(LabelledTicket).parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** The Deno process serving the triage function of this stack (the functions host spawns one per function). */
function triageProcessId(dbUrl: string): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmdline.includes('functions/triage/index.ts')) continue;
      if (readFileSync(`/proc/${entry}/environ`, 'utf8').includes(`SUPABASE_DB_URL=${dbUrl}`)) return Number(entry);
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return undefined;
}

/** Peak resident set size (VmHWM) of a process, in MB. */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

interface RunFigures {
  ticketsPerMinute: number;
  seconds: number;
  p50Seconds: number;
  p95Seconds: number;
  peakRssMb: number;
  tickets: number;
  aiResults: number;
  failed: number;
}

async function triageBurst(stack: RunningStack): Promise<RunFigures> {
  const sql = postgres(stack.dbUrl, { max: 2, onnotice: () => {} });
  try {
    // Start the function (first start compiles it) and drain whatever the seed left, outside the measurement.
    const warm = await fetch(`${stack.functionsUrl}/triage`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${stack.keys.serviceRoleKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason: 'bench_warm_up' }),
    });
    if (!warm.ok) throw new Error(`the triage function answered ${warm.status}: ${await warm.text()}`);
    await warm.body?.cancel();
    const pid = triageProcessId(stack.dbUrl);
    if (!pid) throw new Error('could not find the triage function process');

    const customerId = crypto.randomUUID();
    await sql`insert into auth.users (id, instance_id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
      values (${customerId}, '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', 'bench-triage@bench.local',
        '{"provider":"email","providers":["email"]}', '{"full_name":"Bench Customer"}', now(), now())`;
    const texts = ticketTexts();
    const subjects = Array.from({ length: TICKETS }, (_, i) => `${texts[i % texts.length]!.subject} (#${i + 1})`);
    const bodies = Array.from({ length: TICKETS }, (_, i) => texts[i % texts.length]!.body);

    const started = performance.now();
    // One statement, one transaction: the statement trigger sends one wake-up at commit.
    await sql`
      insert into public.tickets (customer_id, subject, content)
      select ${customerId}, subject, body from unnest(${subjects}::text[], ${bodies}::text[]) as t (subject, body)`;
    let done = 0;
    let failed = 0;
    while (performance.now() - started < GIVE_UP_AFTER_MS) {
      const [progress] = await sql<{ done: number; failed: number }[]>`
        select count(*) filter (where triage_status = 'processed')::int as done,
               count(*) filter (where triage_status = 'ai_failed')::int as failed
        from public.tickets where customer_id = ${customerId}`;
      done = progress!.done;
      failed = progress!.failed;
      if (done + failed >= TICKETS) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const seconds = (performance.now() - started) / 1000;
    if (done + failed < TICKETS) throw new Error(`only ${done + failed} of ${TICKETS} tickets were triaged within ${GIVE_UP_AFTER_MS / 60_000} min`);

    const [counts] = await sql<{ tickets: number; ai_results: number; p50: number; p95: number }[]>`
      select count(*)::int as tickets, count(result.id)::int as ai_results,
             percentile_cont(0.5) within group (order by extract(epoch from result.processed_at - ticket.created_at))::float as p50,
             percentile_cont(0.95) within group (order by extract(epoch from result.processed_at - ticket.created_at))::float as p95
      from public.tickets ticket left join public.ticket_ai_results result on result.ticket_id = ticket.id
      where ticket.customer_id = ${customerId}`;
    return {
      ticketsPerMinute: (done / seconds) * 60,
      seconds,
      p50Seconds: counts!.p50,
      p95Seconds: counts!.p95,
      peakRssMb: peakRssMb(pid),
      tickets: counts!.tickets,
      aiResults: counts!.ai_results,
      failed,
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

const HeldOutFigures = z.object({
  tickets: z.number().int(),
  validResults: z.number().int(),
  categoryAccuracy: z.number(),
  urgencyAccuracy: z.number(),
  highUrgencyRecall: z.number(),
  urgencyConfusion: z.record(z.string(), z.record(z.string(), z.number())),
  categoryConfusion: z.record(z.string(), z.record(z.string(), z.number())),
});

/** The held-out evaluation's figures and its `HELD-OUT triage …` line, from `deno run held-out-evaluation.ts --json`. */
function heldOutFigures(): Promise<{ figures: z.infer<typeof HeldOutFigures>; line: string }> {
  const script = join(projectRoot, 'supabase', 'tools', 'triage-evaluation', 'held-out-evaluation.ts');
  return new Promise((resolve, reject) => {
    const deno = spawn(join(projectRoot, 'node_modules', '.bin', 'deno'), ['run', '--allow-read', '--allow-env', '--no-prompt', script, '--json'], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    deno.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    deno.on('error', reject);
    deno.on('close', (code) => {
      if (code !== 0) return reject(new Error(`held-out-evaluation.ts exited with ${code}`));
      try {
        resolve(z.object({ figures: HeldOutFigures, line: z.string().startsWith('HELD-OUT triage') }).parse(JSON.parse(output.trim().split('\n').at(-1) ?? '')));
      } catch (error) {
        reject(error);
      }
    });
  });
}

function stubCompletion(): unknown {
  return {
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'gpt-4o-mini-2024-07-18',
    choices: [{
      index: 0,
      finish_reason: 'stop',
      message: {
        role: 'assistant',
        refusal: null,
        content: JSON.stringify({
          category: 'technical',
          sentiment_score: 5,
          urgency: 'medium',
          draft_reply: 'Hello, thank you for reporting this. A technician will look into it.',
          confidence: 0.8,
          reasoning: 'Benchmark stub answer.',
        }),
      },
    }],
    usage: { prompt_tokens: 400, completion_tokens: 90, total_tokens: 490 },
  };
}

const AccuracyLine = z.object({ set: z.string(), model: z.string(), n: z.number(), category_accuracy: z.number(), urgency_accuracy: z.number(), high_recall: z.number() });

/** The local models' accuracy (supabase/tools/triage-training/measure-cli.ts, in Deno where the triage code runs). */
function measureAccuracy(): z.infer<typeof AccuracyLine>[] {
  const output = execFileSync(join(projectRoot, 'node_modules', '.bin', 'deno'), ['run', '--allow-read', '--allow-env', join(projectRoot, 'supabase', 'tools', 'triage-training', 'measure-cli.ts')], { cwd: projectRoot, encoding: 'utf8' });
  return output.trim().split('\n').filter(Boolean).map((line) => AccuracyLine.parse(JSON.parse(line)));
}

export const triageBenchmark: Benchmark = {
  name: 'triage',
  description: `${TICKETS.toLocaleString('en')} tickets inserted at once, triaged through trigger -> pg_net -> edge function: local provider, then an OpenAI stub answering after ${STUB_DELAY_MS} ms`,
  async run() {
    const rows: Array<Record<string, string | number>> = [];
    const record = (name: string, figures: RunFigures) => {
      rows.push({
        provider: name,
        'tickets/min': Math.round(figures.ticketsPerMinute),
        'total s': figures.seconds.toFixed(1),
        'p50 s': figures.p50Seconds.toFixed(1),
        'p95 s': figures.p95Seconds.toFixed(1),
        'peak RSS MB': figures.peakRssMb.toFixed(0),
        tickets: figures.tickets,
        'AI results': figures.aiResults,
        ai_failed: figures.failed,
      });
      reportFigure(`triage.${name}.tickets_per_min`, figures.ticketsPerMinute, 'tickets/min');
      reportFigure(`triage.${name}.seconds`, figures.seconds, 's');
      reportFigure(`triage.${name}.time_to_result.p50`, figures.p50Seconds, 's');
      reportFigure(`triage.${name}.time_to_result.p95`, figures.p95Seconds, 's');
      reportFigure(`triage.${name}.peak_worker_rss`, figures.peakRssMb, 'MB');
      reportFigure(`triage.${name}.tickets`, figures.tickets, 'rows');
      reportFigure(`triage.${name}.ai_results`, figures.aiResults, 'rows');
      reportFigure(`triage.${name}.ai_results_equal_tickets`, figures.aiResults === figures.tickets ? 1 : 0, 'bool');
    };

    const heldOut = await heldOutFigures();
    console.log(heldOut.line);
    reportFigure('triage.held_out.tickets', heldOut.figures.tickets, 'tickets');
    reportFigure('triage.held_out.category_accuracy', heldOut.figures.categoryAccuracy, 'ratio');
    reportFigure('triage.held_out.urgency_accuracy', heldOut.figures.urgencyAccuracy, 'ratio');
    reportFigure('triage.held_out.high_urgency_recall', heldOut.figures.highUrgencyRecall, 'ratio');
    const accuracyRows = measureAccuracy().map((line) => {
      reportFigure(`triage.accuracy.${line.set}.category`, line.category_accuracy, 'ratio');
      reportFigure(`triage.accuracy.${line.set}.urgency`, line.urgency_accuracy, 'ratio');
      reportFigure(`triage.accuracy.${line.set}.high_recall`, line.high_recall, 'ratio');
      return { set: line.set, model: line.model, tickets: line.n, category: line.category_accuracy.toFixed(2), urgency: line.urgency_accuracy.toFixed(2), 'recall of high': line.high_recall.toFixed(2) };
    });
    table(accuracyRows);

    let stack = await startStack('bench');
    try {
      record('local', await triageBurst(stack));
    } finally {
      await stack.stop();
    }

    const stub = await startOpenAiStub({ defaultDelayMs: STUB_DELAY_MS });
    // The stub answers scripted replies in order; enough for every ticket plus the warm-up.
    stub.script(Array.from({ length: TICKETS + 1_000 }, () => ({ delayMs: STUB_DELAY_MS, json: stubCompletion() })));
    try {
      stack = await startStack('bench', { functionEnv: { OPENAI_API_KEY: 'sk-bench-stub', OPENAI_BASE_URL: stub.url } });
      try {
        record(`openai_stub_${STUB_DELAY_MS}ms`, await triageBurst(stack));
      } finally {
        await stack.stop();
      }
    } finally {
      await stub.close();
    }
    table(rows);
  },
};
