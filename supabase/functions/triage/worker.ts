// The triage worker: drains the triage queue in claimed batches with bounded concurrency until the queue is empty
// or the time budget is spent, recording every job's outcome on its own (one bad ticket never fails the batch).
// The SQL side (claiming with SKIP LOCKED, backoff with jitter, the state machine) is in the triage_pipeline
// migration; this file decides what to call the model with and what counts as which failure.
import { z } from 'npm:zod@4';
import type { Sql } from '../_shared/db/postgres.ts';
import { AiProviderError } from '../_shared/ai/provider-errors.ts';
import { TicketForTriage, type TriageProvider, TriageResult } from '../_shared/triage/triage-schema.ts';
import type { KbContextSource } from './kb-context.ts';

export const ClaimedTriageJob = z.object({
  job_id: z.coerce.number().int().positive(),
  ticket_id: z.string().uuid(),
  attempts: z.number().int().nonnegative(),
  max_attempts: z.number().int().positive(),
  subject: z.string(),
  content: z.string(),
  channel: z.string().nullable(),
  call_transcript: z.string().nullable(),
});
export type ClaimedTriageJob = z.infer<typeof ClaimedTriageJob>;

export interface JobOutcome {
  job_id: number;
  ticket_id: string;
  status: 'completed' | 'failed';
  /** The ticket's triage status after this attempt: processed, pending (will retry) or ai_failed. */
  triage_status: string;
  /** Job attempts so far, this one included. */
  attempts: number;
  error?: string;
}

export interface DrainSummary {
  worker: string;
  duration_ms: number;
  completed: number;
  failed: number;
  /** Why the drain stopped: nothing left to claim, or the time budget ran out (another invocation continues). */
  stopped: 'queue_empty' | 'time_budget';
  /** Per-job outcomes (the first `maxListedOutcomes`; the counts cover all). */
  jobs: JobOutcome[];
}

export interface TriageWorkerSettings {
  /** Jobs claimed per round trip. */
  batchSize: number;
  /** Tickets triaged at the same time (provider calls in flight). */
  concurrency: number;
  /** Stop claiming after this long; claimed jobs still finish. Edge functions have a wall-clock limit. */
  timeBudgetMs: number;
  maxListedOutcomes: number;
  /** How long to wait for stragglers before stopping on an empty queue (longer than the wake-up debounce). */
  lingerMs: number;
}

export const defaultTriageWorkerSettings: TriageWorkerSettings = { batchSize: 32, concurrency: 8, timeBudgetMs: 50_000, maxListedOutcomes: 1000, lingerMs: 1500 };

/** One summary for consecutive drains of the same run (counts add up, the listed outcomes stay capped). */
export function mergeDrainSummaries(earlier: DrainSummary | undefined, later: DrainSummary, maxListedOutcomes = defaultTriageWorkerSettings.maxListedOutcomes): DrainSummary {
  if (!earlier) return later;
  return {
    worker: later.worker,
    duration_ms: earlier.duration_ms + later.duration_ms,
    completed: earlier.completed + later.completed,
    failed: earlier.failed + later.failed,
    stopped: later.stopped,
    jobs: [...earlier.jobs, ...later.jobs].slice(0, maxListedOutcomes),
  };
}

/** The model name to record with an event when the provider failed before reporting one. */
function configuredModel(provider: TriageProvider): string {
  const model = (provider as { model?: unknown }).model;
  return typeof model === 'string' ? model : provider.name;
}

function errorMessage(error: unknown): string {
  if (error instanceof z.ZodError) {
    return `the triage result does not match the schema: ${error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Retrying cannot fix a request the provider refused as malformed or unauthorised (4xx other than 429): the ticket
 * fails at once so a technician sees it, instead of after minutes of backoff. Everything else — timeouts, 429, 5xx,
 * network errors, invalid or out-of-range output (a model answers differently next time) — is retried.
 */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof AiProviderError && error.kind === 'client_error');
}

export function ticketForTriage(job: ClaimedTriageJob): TicketForTriage {
  const body = [job.content, job.call_transcript ? `Call transcript:\n${job.call_transcript}` : ''].filter(Boolean).join('\n\n');
  return TicketForTriage.parse({
    subject: job.subject.slice(0, 500),
    body: body.slice(0, 20_000),
    channel: job.channel ?? undefined,
  });
}

export class TriageWorker {
  private readonly settings: TriageWorkerSettings;

  constructor(
    private readonly sql: Sql,
    private readonly provider: TriageProvider,
    private readonly kb: KbContextSource,
    readonly workerId: string,
    settings: Partial<TriageWorkerSettings> = {},
  ) {
    this.settings = { ...defaultTriageWorkerSettings, ...settings };
  }

  /**
   * Drains the queue. `wakeRequested()` is asked when a claim comes back empty: a wake-up that arrived during the
   * drain means new tickets may have committed after our last claim, so we look once more before stopping.
   */
  async drain(wakeRequested: () => boolean = () => false): Promise<DrainSummary> {
    const started = performance.now();
    const deadline = started + this.settings.timeBudgetMs;
    const buffer: ClaimedTriageJob[] = [];
    const outcomes: JobOutcome[] = [];
    let completed = 0;
    let failed = 0;
    let queueEmpty = false;
    let claiming: Promise<void> | undefined;

    const claim = async () =>
      z.array(ClaimedTriageJob).parse(await this.sql`select * from private.claim_triage_jobs(${this.workerId}, ${this.settings.batchSize})`);
    const claimBatch = async () => {
      let jobs = await claim();
      if (jobs.length === 0 && !wakeRequested() && this.settings.lingerMs > 0 && performance.now() + this.settings.lingerMs < deadline) {
        // The database debounces wake-ups to one a second: a ticket committed within that second after
        // the wake-up that started us sent none. Look once more after the window before stopping.
        await new Promise((resolve) => setTimeout(resolve, this.settings.lingerMs));
        jobs = await claim();
      }
      if (jobs.length === 0 && !wakeRequested()) queueEmpty = true;
      buffer.push(...jobs);
    };

    const nextJob = async (): Promise<ClaimedTriageJob | undefined> => {
      for (;;) {
        const job = buffer.shift();
        if (job) return job;
        if (queueEmpty || performance.now() >= deadline) return undefined;
        claiming ??= claimBatch().finally(() => {
          claiming = undefined;
        });
        await claiming;
      }
    };

    const lane = async () => {
      for (let job = await nextJob(); job; job = await nextJob()) {
        const outcome = await this.processJob(job);
        if (outcome.status === 'completed') completed++;
        else failed++;
        if (outcomes.length < this.settings.maxListedOutcomes) outcomes.push(outcome);
      }
    };

    await Promise.all(Array.from({ length: this.settings.concurrency }, lane));
    return {
      worker: this.workerId,
      duration_ms: Math.round(performance.now() - started),
      completed,
      failed,
      stopped: queueEmpty ? 'queue_empty' : 'time_budget',
      jobs: outcomes,
    };
  }

  /** Triages one claimed job and records the outcome; never throws. */
  async processJob(job: ClaimedTriageJob): Promise<JobOutcome> {
    const started = performance.now();
    let result: TriageResult;
    try {
      const ticket = ticketForTriage(job);
      const kbArticles = await this.kb.topArticles(`${ticket.subject}\n${ticket.body}`, 3);
      result = TriageResult.parse(await this.provider.triage(ticket, { kbArticles }));
    } catch (error) {
      return await this.recordFailure(job, error, performance.now() - started);
    }
    const row = {
      category: result.category,
      sentiment_score: result.sentiment_score,
      urgency: result.urgency,
      draft_reply: result.draft_reply,
      confidence: result.confidence,
      reasoning: result.reasoning,
      // The model's own account, shown to staff behind a disclosure; null when the provider gives none.
      model_details: result.model_details ?? null,
      model: result.model,
      provider: result.provider,
    };
    const event = {
      event_type: 'api_call',
      model: result.model,
      metadata: {
        source: 'triage',
        provider: result.provider,
        prompt_tokens: result.usage?.prompt_tokens ?? 0,
        completion_tokens: result.usage?.completion_tokens ?? 0,
        cost_estimate_usd: result.cost_estimate_usd ?? 0,
        latency_ms: Math.round(result.latency_ms ?? performance.now() - started),
        provider_calls: result.attempts ?? 1,
        job_attempt: job.attempts,
        // The model's own account (probabilities, evidence); the row's `reasoning` is what a technician reads.
        ...(result.model_details ? { model_details: result.model_details } : {}),
      },
    };
    try {
      await this.sql`select private.record_triage_success(${job.job_id}, ${job.ticket_id}, ${this.sql.json(row)}, ${this.sql.json(event)})`;
      return { job_id: job.job_id, ticket_id: job.ticket_id, status: 'completed', triage_status: 'processed', attempts: job.attempts };
    } catch (error) {
      // e.g. a constraint the schema missed: counts as a failed attempt like any other.
      return await this.recordFailure(job, error, performance.now() - started);
    }
  }

  private async recordFailure(job: ClaimedTriageJob, error: unknown, elapsedMs: number): Promise<JobOutcome> {
    const message = errorMessage(error);
    const retryable = isRetryable(error);
    const event = {
      event_type: 'error',
      model: configuredModel(this.provider),
      metadata: {
        source: 'triage',
        provider: this.provider.name,
        error: message.slice(0, 1000),
        error_kind: error instanceof AiProviderError ? error.kind : 'worker',
        retryable,
        latency_ms: Math.round(elapsedMs),
        provider_calls: error instanceof AiProviderError ? error.attempts : 0,
        job_attempt: job.attempts,
      },
    };
    try {
      const [row] = await this.sql`
        select private.record_triage_failure(${job.job_id}, ${job.ticket_id}, ${message}, ${retryable}, ${this.sql.json(event)}) as triage_status`;
      return { job_id: job.job_id, ticket_id: job.ticket_id, status: 'failed', triage_status: String(row?.triage_status), attempts: job.attempts, error: message };
    } catch (recordError) {
      // The job keeps its lease; the stuck-reset job returns it to the queue after 5 minutes.
      console.error(`triage: could not record the failure of job ${job.job_id}:`, recordError);
      return { job_id: job.job_id, ticket_id: job.ticket_id, status: 'failed', triage_status: 'processing', attempts: job.attempts, error: message };
    }
  }
}
