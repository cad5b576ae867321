// The triage handler against an OpenAI-compatible stub and the test stack's database: each failure mode ends in the
// right ticket state after the right number of job attempts and provider calls.
import assert from 'node:assert/strict';
import { bearerWithClaims, serviceRoleBearer } from '../_shared/auth/testing/bearer.ts';
import { chatCompletionResponse, delayUnlessAborted, errorResponse, startOpenAiStub, type StubRequest } from '../_shared/ai/testing/openai-stub.ts';
import { OpenAiTriageProvider } from '../_shared/triage/openai-triage-provider.ts';
import { createTriageHandler } from './handler.ts';
import type { DrainSummary } from './worker.ts';
import {
  createCustomer,
  insertTicket,
  limitAttempts,
  pausePipeline,
  skipBackoff,
  testDatabase,
  ticketState,
} from './testing/pipeline-fixture.ts';

const validTriage = {
  category: 'billing',
  sentiment_score: 3,
  urgency: 'high',
  draft_reply: 'Hello, we are sorry about the double charge and will check every charge on your account.',
  confidence: 0.92,
  reasoning: 'Double charge: billing, high urgency.',
};

type Answer = (request: StubRequest) => Response | Promise<Response>;

/** A stub answering from a script (the last answer repeats), a handler wired to it, and the paused test database. */
async function setUp(script: Answer[], options: { timeoutMs?: number; concurrency?: number; lingerMs?: number } = {}) {
  const sql = testDatabase();
  const paused = await pausePipeline(sql);
  let inFlight = 0;
  let maxInFlight = 0;
  const stub = startOpenAiStub(async (request) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      return await script[Math.min(request.callNumber - 1, script.length - 1)]!(request);
    } finally {
      inFlight--;
    }
  });
  const handler = createTriageHandler({
    sql: () => sql,
    provider: () =>
      new OpenAiTriageProvider({ apiKey: 'sk-test', baseURL: stub.baseURL }, {
        timeoutMs: options.timeoutMs ?? 5_000,
        retryPolicy: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
      }),
    kb: () => ({ topArticles: () => Promise.resolve([{ slug: 'billing-faq', title: 'Billing FAQ', snippet: 'How charges appear.' }]) }),
    settings: { concurrency: options.concurrency ?? 2, batchSize: 10, timeBudgetMs: 20_000, ...(options.lingerMs === undefined ? {} : { lingerMs: options.lingerMs }) },
    continueLater: () => Promise.resolve(),
    workerId: 'triage-test',
  });
  const customerId = await createCustomer(sql);
  const wake = async (): Promise<DrainSummary> => {
    const response = await handler(new Request('http://localhost/triage', {
      method: 'POST',
      headers: { Authorization: serviceRoleBearer, 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason: 'test' }),
    }));
    assert.deepEqual(response.status, 200);
    return await response.json();
  };
  return {
    sql,
    stub,
    handler,
    customerId,
    wake,
    maxInFlight: () => maxInFlight,
    async tearDown() {
      await paused.restore();
      await stub.close();
      await sql.end({ timeout: 5 });
    },
  };
}

const json = (value: unknown) => () => chatCompletionResponse(JSON.stringify(value));

Deno.test('success: one attempt, one call, the AI result, processed, an api_call event with tokens and cost', async () => {
  const t = await setUp([json(validTriage)]);
  try {
    const ticketId = await insertTicket(t.sql, t.customerId, 'Charged twice', 'I was charged twice for my March invoice.');
    const summary = await t.wake();
    assert.deepEqual(summary.completed, 1);
    assert.deepEqual(summary.failed, 0);
    assert.deepEqual(summary.jobs.map((job) => [job.ticket_id, job.status, job.triage_status]), [[ticketId, 'completed', 'processed']]);
    const state = await ticketState(t.sql, ticketId);
    assert.deepEqual([state.triage_status, state.job_status, state.attempts, state.ai_results], ['processed', 'completed', 1, 1]);
    assert.deepEqual(t.stub.requests.length, 1);
    const [result] = await t.sql`select category::text, sentiment_score, urgency::text, provider, model from public.ticket_ai_results where ticket_id = ${ticketId}`;
    assert.deepEqual(result, { category: 'billing', sentiment_score: 3, urgency: 'high', provider: 'openai', model: 'gpt-4o-mini-2024-07-18' });
    const [ticket] = await t.sql`select category::text, urgency::text from public.tickets where id = ${ticketId}`;
    assert.deepEqual(ticket, { category: 'billing', urgency: 'high' });
    const events = await t.sql`select event_type::text, model, metadata from public.analytics_events where ticket_id = ${ticketId} and metadata ->> 'source' = 'triage'`;
    assert.deepEqual(events.length, 1);
    assert.deepEqual(events[0]!.event_type, 'api_call');
    assert.deepEqual(events[0]!.metadata.prompt_tokens, 120);
    assert.deepEqual(events[0]!.metadata.completion_tokens, 80);
    assert.ok(events[0]!.metadata.cost_estimate_usd > 0, 'a cost estimate is recorded');
    assert.ok(events[0]!.metadata.latency_ms >= 0, 'a latency is recorded');
    // The prompt carried the knowledge-base context.
    assert.match(JSON.stringify(t.stub.requests[0]!.body), /Billing FAQ/);
  } finally {
    await t.tearDown();
  }
});

Deno.test('recording a result twice (a redelivered job) keeps one AI result row, updated', async () => {
  const t = await setUp([json(validTriage)]);
  try {
    const ticketId = await insertTicket(t.sql, t.customerId, 'Charged twice', 'Charged twice this month.');
    await t.wake();
    const [job] = await t.sql`select id from private.jobs where kind = 'triage' and payload = jsonb_build_object('ticket_id', ${ticketId}::uuid)`;
    await t.sql`select private.record_triage_success(${job!.id}, ${ticketId}, ${t.sql.json({ ...validTriage, category: 'technical', model: 'm', provider: 'local' })})`;
    const rows = await t.sql`select category::text from public.ticket_ai_results where ticket_id = ${ticketId}`;
    assert.deepEqual(rows.map((row) => row.category), ['technical']);
  } finally {
    await t.tearDown();
  }
});

Deno.test('429 then success: the provider retries inside one job attempt (two calls), the ticket is processed', async () => {
  const t = await setUp([() => errorResponse(429, 'Rate limit reached'), json(validTriage)]);
  try {
    const ticketId = await insertTicket(t.sql, t.customerId, 'Invoice wrong', 'My invoice shows the wrong plan.');
    const summary = await t.wake();
    assert.deepEqual([summary.completed, summary.failed], [1, 0]);
    const state = await ticketState(t.sql, ticketId);
    assert.deepEqual([state.triage_status, state.job_status, state.attempts, state.ai_results], ['processed', 'completed', 1, 1]);
    assert.deepEqual(t.stub.requests.length, 2);
  } finally {
    await t.tearDown();
  }
});

Deno.test('timeout: retried with backoff, then ai_failed with the error kept after the configured attempts', async () => {
  const t = await setUp([async (request) => {
    await delayUnlessAborted(2_000, request.signal);
    return chatCompletionResponse(JSON.stringify(validTriage));
  }], { timeoutMs: 150 });
  try {
    const ticketId = await insertTicket(t.sql, t.customerId, 'App crashes', 'The app crashes when I open my invoices.');
    await limitAttempts(t.sql, ticketId, 2);

    const first = await t.wake();
    assert.deepEqual([first.completed, first.failed], [0, 1]);
    let state = await ticketState(t.sql, ticketId);
    assert.deepEqual([state.triage_status, state.job_status, state.attempts, state.ai_results], ['pending', 'queued', 1, 0]);
    assert.match(state.last_error ?? '', /did not answer within 150 ms/);
    // Measured from the failure's own timestamp (updated_at is set by the same statement), not from now():
    // on a loaded CI box a second can pass between the failure and this query.
    const [backoff] = await t.sql`select extract(epoch from next_attempt_at - updated_at)::float as seconds from private.jobs
      where kind = 'triage' and payload = jsonb_build_object('ticket_id', ${ticketId}::uuid)`;
    assert.ok(backoff!.seconds >= 15 && backoff!.seconds <= 30, `backoff of the first retry is 15-30 s with jitter, was ${backoff!.seconds}`);
    assert.deepEqual((await t.wake()).jobs.length, 0, 'nothing is claimed while the job waits out its backoff');

    await skipBackoff(t.sql, ticketId);
    const second = await t.wake();
    assert.deepEqual(second.jobs.map((job) => job.triage_status), ['ai_failed']);
    state = await ticketState(t.sql, ticketId);
    assert.deepEqual([state.triage_status, state.job_status, state.attempts, state.failure_attempts, state.ai_results], ['ai_failed', 'failed', 2, 2, 0]);
    assert.match(state.failure_error ?? '', /did not answer within 150 ms/);
    // Two job attempts, each with the provider's own two calls.
    assert.deepEqual(t.stub.requests.length, 4);
    const [errors] = await t.sql`select count(*)::int as count from public.analytics_events where ticket_id = ${ticketId} and event_type = 'error'`;
    assert.deepEqual(errors!.count, 2);
  } finally {
    await t.tearDown();
  }
});

Deno.test('invalid JSON: each job attempt makes one call, ai_failed after the configured attempts', async () => {
  const t = await setUp([() => chatCompletionResponse('Sure! The category is billing.')]);
  try {
    const ticketId = await insertTicket(t.sql, t.customerId, 'Refund', 'Where is my refund?');
    await limitAttempts(t.sql, ticketId, 3);
    for (let attempt = 1; attempt <= 3; attempt++) {
      const summary = await t.wake();
      assert.deepEqual(summary.failed, 1);
      await skipBackoff(t.sql, ticketId);
    }
    const state = await ticketState(t.sql, ticketId);
    assert.deepEqual([state.triage_status, state.job_status, state.attempts, state.failure_attempts], ['ai_failed', 'failed', 3, 3]);
    assert.match(state.failure_error ?? '', /did not return valid JSON/);
    assert.deepEqual(t.stub.requests.length, 3);
  } finally {
    await t.tearDown();
  }
});

Deno.test('out-of-range sentiment: the attempt fails validation, the retry succeeds, processed after two attempts', async () => {
  const t = await setUp([json({ ...validTriage, sentiment_score: 11 }), json(validTriage)]);
  try {
    const ticketId = await insertTicket(t.sql, t.customerId, 'Feature idea', 'Please add dark mode.');
    const first = await t.wake();
    assert.deepEqual(first.jobs.map((job) => job.triage_status), ['pending']);
    assert.match(first.jobs[0]!.error ?? '', /sentiment_score/);
    let state = await ticketState(t.sql, ticketId);
    assert.deepEqual([state.triage_status, state.attempts, state.ai_results], ['pending', 1, 0]);

    await skipBackoff(t.sql, ticketId);
    await t.wake();
    state = await ticketState(t.sql, ticketId);
    assert.deepEqual([state.triage_status, state.job_status, state.attempts, state.ai_results, state.failure_error], ['processed', 'completed', 2, 1, null]);
    assert.deepEqual(t.stub.requests.length, 2);
  } finally {
    await t.tearDown();
  }
});

Deno.test('a request the provider refuses (401) is not retried: ai_failed after one attempt', async () => {
  const t = await setUp([() => errorResponse(401, 'Incorrect API key provided')]);
  try {
    const ticketId = await insertTicket(t.sql, t.customerId, 'Login', 'I cannot log in.');
    await t.wake();
    const state = await ticketState(t.sql, ticketId);
    assert.deepEqual([state.triage_status, state.job_status, state.attempts], ['ai_failed', 'failed', 1]);
    assert.match(state.failure_error ?? '', /401/);
    assert.deepEqual(t.stub.requests.length, 1);
  } finally {
    await t.tearDown();
  }
});

Deno.test('a batch with bounded concurrency: every ticket triaged once, never more calls in flight than allowed', async () => {
  const t = await setUp([async (request) => {
    await delayUnlessAborted(40, request.signal);
    return chatCompletionResponse(JSON.stringify(validTriage));
  }], { concurrency: 3 });
  try {
    const ids: string[] = [];
    for (let i = 0; i < 15; i++) ids.push(await insertTicket(t.sql, t.customerId, `Ticket ${i}`, `Charged twice, case ${i}.`));
    const summary = await t.wake();
    assert.deepEqual([summary.completed, summary.failed, summary.stopped], [15, 0, 'queue_empty']);
    assert.deepEqual(new Set(summary.jobs.map((job) => job.ticket_id)).size, 15);
    assert.ok(t.maxInFlight() <= 3, `at most 3 provider calls in flight, saw ${t.maxInFlight()}`);
    assert.deepEqual(t.stub.requests.length, 15);
    const [processed] = await t.sql`select count(*)::int as count from public.tickets where id = any(${ids}) and triage_status = 'processed'`;
    assert.deepEqual(processed!.count, 15);
  } finally {
    await t.tearDown();
  }
});

Deno.test('a wake-up that arrives after the last empty claim, while a job is still running, is honoured by the same run', async () => {
  let releaseFirstCall!: () => void;
  const firstCallHeld = new Promise<void>((resolve) => (releaseFirstCall = resolve));
  let firstCallArrived!: () => void;
  const firstCallSeen = new Promise<void>((resolve) => (firstCallArrived = resolve));
  const t = await setUp([async () => {
    firstCallArrived();
    await firstCallHeld;
    return chatCompletionResponse(JSON.stringify(validTriage));
  }, json(validTriage)], { concurrency: 2, lingerMs: 0 });
  try {
    const first = await insertTicket(t.sql, t.customerId, 'Charged twice', 'I was charged twice for my March invoice.');
    const firstWake = t.wake();
    await firstCallSeen;
    // The idle lane's claim comes back empty (no linger here), so the drain has stopped claiming.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const second = await insertTicket(t.sql, t.customerId, 'Charged again', 'A second charge appeared today.');
    const secondWake = t.wake();
    releaseFirstCall();
    const [summary] = await Promise.all([firstWake, secondWake]);
    assert.deepEqual([summary.completed, summary.failed, summary.stopped], [2, 0, 'queue_empty']);
    assert.deepEqual((await ticketState(t.sql, first)).triage_status, 'processed');
    assert.deepEqual((await ticketState(t.sql, second)).triage_status, 'processed', 'the late ticket did not wait for the pg_cron sweep');
  } finally {
    await t.tearDown();
  }
});

Deno.test('only the service role may run the worker: no token 401, a customer 403, GET 405', async () => {
  const handler = createTriageHandler({ sql: () => { throw new Error('must not reach the database'); } });
  const post = (headers: Record<string, string>) => handler(new Request('http://localhost/triage', { method: 'POST', headers, body: '{}' }));
  const noToken = await post({});
  assert.deepEqual(noToken.status, 401);
  await noToken.body?.cancel();
  const customer = await post({ Authorization: bearerWithClaims({ role: 'authenticated', sub: crypto.randomUUID() }) });
  assert.deepEqual(customer.status, 403);
  assert.match((await customer.json()).error.message, /service role/);
  const get = await handler(new Request('http://localhost/triage', { headers: { Authorization: serviceRoleBearer } }));
  assert.deepEqual(get.status, 405);
  await get.body?.cancel();
});
