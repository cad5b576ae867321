// The five failure modes of issue 6 against an OpenAI-compatible stub server started inside the test.
import assert from 'node:assert/strict';
import { AiHttpError, AiTimeoutError, InvalidModelOutputError } from '../ai/provider-errors.ts';
import { chatCompletionResponse, delayUnlessAborted, errorResponse, startOpenAiStub, type StubRequest } from '../ai/testing/openai-stub.ts';
import { OpenAiTriageProvider, triageJsonSchema } from './openai-triage-provider.ts';
import { triageProviderFromEnv } from './triage-provider-from-env.ts';

const ticket = { subject: 'Charged twice', body: 'My card was charged twice for the May invoice.', channel: 'web', customerTier: 'pro' };
const context = { kbArticles: [{ slug: 'duplicate-charges', title: 'Why do I see two charges?', snippet: 'A pending authorisation…' }] };
const validOutput = {
  category: 'billing',
  sentiment_score: 3,
  urgency: 'high',
  draft_reply: 'Hello, we are checking the duplicate charge. See "Why do I see two charges?" (/help/duplicate-charges).',
  confidence: 0.93,
  reasoning: 'Duplicate charge reported.',
};
const fastRetries = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 };

async function withStub(answer: (request: StubRequest) => Response | Promise<Response>, run: (provider: OpenAiTriageProvider, requests: StubRequest[]) => Promise<void>, timeoutMs = 2_000) {
  const stub = startOpenAiStub(answer);
  try {
    await run(new OpenAiTriageProvider({ apiKey: 'test-key', baseURL: stub.baseURL }, { timeoutMs, retryPolicy: fastRetries }), stub.requests);
  } finally {
    await stub.close();
  }
}

Deno.test('success: one call with a strict JSON schema; result carries usage, cost, latency and attempts', async () => {
  await withStub(() => chatCompletionResponse(JSON.stringify(validOutput), { promptTokens: 1000, completionTokens: 100 }), async (provider, requests) => {
    const result = await provider.triage(ticket, context);
    assert.equal(requests.length, 1);
    assert.equal(requests[0].path, '/v1/chat/completions');
    const body = requests[0].body as { model: string; response_format: { type: string; json_schema: { strict: boolean; schema: unknown } }; messages: Array<{ content: string }> };
    assert.equal(body.model, 'gpt-4o-mini');
    assert.equal(body.response_format.type, 'json_schema');
    assert.equal(body.response_format.json_schema.strict, true);
    assert.deepEqual(body.response_format.json_schema.schema, triageJsonSchema);
    assert.ok(body.messages[1].content.includes('/help/duplicate-charges'), 'KB articles are given to the model');
    assert.equal(result.category, 'billing');
    assert.equal(result.provider, 'openai');
    assert.equal(result.model, 'gpt-4o-mini-2024-07-18');
    assert.deepEqual(result.usage, { prompt_tokens: 1000, completion_tokens: 100 });
    assert.equal(result.cost_estimate_usd, 0.00021); // 1000 × $0.15/M + 100 × $0.60/M
    assert.equal(result.attempts, 1);
    assert.ok((result.latency_ms ?? -1) >= 0);
  });
});

Deno.test('429 then success: retried after backoff, two attempts', async () => {
  await withStub(({ callNumber }) => callNumber === 1 ? errorResponse(429, 'Rate limit reached') : chatCompletionResponse(JSON.stringify(validOutput)), async (provider, requests) => {
    const result = await provider.triage(ticket, context);
    assert.equal(requests.length, 2);
    assert.equal(result.attempts, 2);
    assert.equal(result.urgency, 'high');
  });
});

Deno.test('timeout on every call: AiTimeoutError, retryable, after all attempts', async () => {
  await withStub(async ({ signal }) => {
    await delayUnlessAborted(600, signal);
    return chatCompletionResponse(JSON.stringify(validOutput));
  }, async (provider, requests) => {
    const error = await provider.triage(ticket, context).catch((caught) => caught);
    assert.ok(error instanceof AiTimeoutError, `got ${error}`);
    assert.equal(error.retryable, true);
    assert.equal(error.attempts, 3);
    assert.equal(requests.length, 3);
  }, 150);
});

Deno.test('invalid JSON: InvalidModelOutputError after one attempt, not retried as-is', async () => {
  await withStub(() => chatCompletionResponse('{"category": "billing", '), async (provider, requests) => {
    const error = await provider.triage(ticket, context).catch((caught) => caught);
    assert.ok(error instanceof InvalidModelOutputError, `got ${error}`);
    assert.equal(error.retryable, false);
    assert.equal(error.kind, 'invalid_output');
    assert.equal(error.attempts, 1);
    assert.equal(requests.length, 1);
    assert.match(error.message, /valid JSON/);
  });
});

Deno.test('out-of-range sentiment: InvalidModelOutputError naming the field', async () => {
  await withStub(() => chatCompletionResponse(JSON.stringify({ ...validOutput, sentiment_score: 11 })), async (provider, requests) => {
    const error = await provider.triage(ticket, context).catch((caught) => caught);
    assert.ok(error instanceof InvalidModelOutputError, `got ${error}`);
    assert.equal(error.attempts, 1);
    assert.equal(requests.length, 1);
    assert.match(error.message, /sentiment_score/);
  });
});

Deno.test('5xx on every call ends in a retryable AiHttpError; 400 is not retried', async () => {
  await withStub(() => errorResponse(502, 'bad gateway'), async (provider, requests) => {
    const error = await provider.triage(ticket, context).catch((caught) => caught);
    assert.ok(error instanceof AiHttpError);
    assert.deepEqual([error.kind, error.status, error.retryable, error.attempts, requests.length], ['server_error', 502, true, 3, 3]);
  });
  await withStub(() => errorResponse(400, 'bad request'), async (provider, requests) => {
    const error = await provider.triage(ticket, context).catch((caught) => caught);
    assert.ok(error instanceof AiHttpError);
    assert.deepEqual([error.kind, error.retryable, error.attempts, requests.length], ['client_error', false, 1, 1]);
  });
});

Deno.test('triageProviderFromEnv: local without a key, OpenAI with OPENAI_MODEL and OPENAI_BASE_URL', () => {
  assert.equal(triageProviderFromEnv(() => undefined).name, 'local');
  const env: Record<string, string> = { OPENAI_API_KEY: 'k', OPENAI_MODEL: 'gpt-4.1-nano', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' };
  const provider = triageProviderFromEnv((name) => env[name]);
  assert.ok(provider instanceof OpenAiTriageProvider);
  assert.equal(provider.model, 'gpt-4.1-nano');
});
