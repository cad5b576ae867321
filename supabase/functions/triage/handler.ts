// POST /functions/v1/triage — woken by the database (ticket-insert trigger, pg_cron drain, requeue) through pg_net
// with the service-role key. Runs the worker until the queue is empty or the time budget is spent and answers with
// the per-job outcomes. One drain runs per function instance: a wake-up that arrives meanwhile joins it (and makes
// it look once more before stopping) instead of starting a second set of concurrent provider calls.
import { z } from 'npm:zod@4';
import { requireServiceRole } from '../_shared/auth/caller.ts';
import { database, type Sql } from '../_shared/db/postgres.ts';
import { handleRequests, HttpError, jsonResponse } from '../_shared/http/responses.ts';
import { triageProviderFromEnv } from '../_shared/triage/triage-provider-from-env.ts';
import type { TriageProvider } from '../_shared/triage/triage-schema.ts';
import { type KbContextSource, PublishedArticleIndex } from './kb-context.ts';
import { defaultTriageWorkerSettings, type DrainSummary, mergeDrainSummaries, TriageWorker, type TriageWorkerSettings } from './worker.ts';

const WakeRequest = z.object({ reason: z.string().max(100).optional() }).passthrough();

async function readWakeRequest(request: Request): Promise<z.infer<typeof WakeRequest>> {
  const text = await request.text();
  if (!text.trim()) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The request body must be JSON.', 'bad_json');
  }
  const parsed = WakeRequest.safeParse(raw);
  if (!parsed.success) throw new HttpError(400, `reason: ${parsed.error.issues[0]?.message ?? 'invalid'}`, 'validation_failed');
  return parsed.data;
}

interface DrainRun {
  promise: Promise<DrainSummary>;
  /** Set once the worker stopped claiming: a wake-up now must start the next drain instead of joining this one. */
  closing: boolean;
  wakeRequested: boolean;
}

export interface TriageHandlerOptions {
  sql?: () => Sql;
  provider?: () => TriageProvider;
  kb?: (sql: Sql) => KbContextSource;
  settings?: Partial<TriageWorkerSettings>;
  /** Ask for another invocation when the time budget ran out with work left (pg_net, so it outlives this one). */
  continueLater?: (sql: Sql) => Promise<void>;
  workerId?: string;
}

function settingsFromEnv(): Partial<TriageWorkerSettings> {
  const number = (name: string) => {
    const value = Number(Deno.env.get(name) ?? '');
    return Number.isFinite(value) && value > 0 ? value : undefined;
  };
  return Object.fromEntries(
    Object.entries({
      concurrency: number('TRIAGE_CONCURRENCY'),
      batchSize: number('TRIAGE_BATCH_SIZE'),
      timeBudgetMs: number('TRIAGE_TIME_BUDGET_MS'),
    }).filter(([, value]) => value !== undefined),
  );
}

export function createTriageHandler(options: TriageHandlerOptions = {}): (request: Request) => Promise<Response> {
  const sql = options.sql ?? database;
  const workerId = options.workerId ?? `triage-${crypto.randomUUID().slice(0, 8)}`;
  const continueLater = options.continueLater ??
    (async (db: Sql) => {
      await db`select private.invoke_edge_function('triage', ${db.json({ reason: 'continue' })}, 60000)`;
    });
  let provider: TriageProvider | undefined;
  let kb: KbContextSource | undefined;
  let active: DrainRun | undefined;

  const runDrain = async (run: DrainRun): Promise<DrainSummary> => {
    const db = sql();
    provider ??= (options.provider ?? triageProviderFromEnv)();
    kb ??= (options.kb ?? ((db: Sql) => new PublishedArticleIndex(db)))(db);
    const settings = { ...defaultTriageWorkerSettings, ...settingsFromEnv(), ...options.settings };
    const takeWakeRequest = () => {
      const requested = run.wakeRequested;
      run.wakeRequested = false;
      return requested;
    };
    const started = performance.now();
    let summary: DrainSummary | undefined;
    for (;;) {
      const remainingMs = settings.timeBudgetMs - (performance.now() - started);
      const worker = new TriageWorker(db, provider, kb, workerId, { ...settings, timeBudgetMs: Math.max(remainingMs, 0) });
      summary = mergeDrainSummaries(summary, await worker.drain(takeWakeRequest));
      if (summary.stopped === 'time_budget' || remainingMs <= 0) break;
      // A wake-up that joined after the drain's last empty claim (while its last jobs were still running) names
      // tickets nobody has claimed: drain again rather than leave them to the pg_cron sweep. Checking and closing
      // happen in one synchronous step, so a wake-up either lands before (and is honoured here) or starts a new run.
      if (!takeWakeRequest()) break;
    }
    run.closing = true;
    if (summary.stopped === 'time_budget') await continueLater(db);
    return summary;
  };

  const wake = (): Promise<DrainSummary> => {
    if (active && !active.closing) {
      active.wakeRequested = true;
      return active.promise;
    }
    const previous = active?.promise;
    const run: DrainRun = { closing: false, wakeRequested: false, promise: Promise.resolve() as unknown as Promise<DrainSummary> };
    run.promise = (previous ? previous.catch(() => undefined) : Promise.resolve()).then(() => runDrain(run));
    active = run;
    run.promise.then(
      () => {
        if (active === run) active = undefined;
      },
      () => {
        if (active === run) active = undefined;
      },
    );
    return run.promise;
  };

  return handleRequests(['POST'], async (request) => {
    requireServiceRole(request);
    await readWakeRequest(request);
    return jsonResponse(await wake());
  });
}
