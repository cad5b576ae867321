import assert from 'node:assert/strict';
import { cosineSimilarity, embeddingProviderFromEnv, LocalEmbedder, OpenAiEmbedder } from './embeddings.ts';
import { AiHttpError, InvalidModelOutputError } from './provider-errors.ts';
import { errorResponse, startOpenAiStub } from './testing/openai-stub.ts';

const fastRetries = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 };

Deno.test('local embedder: 384 unit-length dimensions, deterministic, empty text is the zero vector', async () => {
  const embedder = new LocalEmbedder();
  const [first, second, empty] = await embedder.embed(['Reset your router', 'Reset your router', '']);
  assert.equal(first.length, 384);
  assert.ok(Math.abs(Math.hypot(...first) - 1) < 1e-9);
  assert.deepEqual(first, second);
  assert.ok(empty.every((value) => value === 0));
});

Deno.test('local embedder: related texts are closer than unrelated ones, and stop words alone carry nothing', async () => {
  const embedder = new LocalEmbedder();
  const [query, related, unrelated, stopWords] = await embedder.embed([
    'I was charged twice on my credit card',
    'Duplicate charges: why your card shows two charges for one invoice',
    'How to replace the brake pads on the front axle',
    'the and of to it is',
  ]);
  assert.ok(cosineSimilarity(query, related) > cosineSimilarity(query, unrelated) + 0.1);
  assert.ok(stopWords.every((value) => value === 0));
  const [typo, correct, otherWord] = await embedder.embed(['pasword reset', 'password reset', 'modem reset']);
  assert.ok(cosineSimilarity(typo, correct) > cosineSimilarity(typo, otherWord) + 0.05, 'character n-grams tolerate typos');
});

Deno.test('local embedder: the trained word vectors bring words of the same meaning together', async () => {
  const embedder = new LocalEmbedder();
  // No word in common between the question and the related text: only the trained vectors can link them.
  const [aircon, airConditioning, brakes] = await embedder.embed([
    'aircon not cold',
    'air conditioning blows warm',
    'brake pads squeal when stopping',
  ]);
  assert.ok(cosineSimilarity(aircon, airConditioning) > cosineSimilarity(aircon, brakes) + 0.1);
  const [automobile, car, invoice] = await embedder.embed(['automobile', 'car', 'invoice']);
  assert.ok(cosineSimilarity(automobile, car) > cosineSimilarity(automobile, invoice) + 0.1, 'WordNet synonyms are close');
  const [misspelt, spelt, unrelated] = await embedder.embed(['baterry flat', 'battery dead', 'password reset']);
  assert.ok(cosineSimilarity(misspelt, spelt) > cosineSimilarity(misspelt, unrelated) + 0.1, 'a misspelt word takes its closest known spelling');
});

Deno.test('OpenAI embedder batches requests, asks for 384 dimensions and reorders by index', async () => {
  const stub = startOpenAiStub(({ body }) => {
    const inputs = body.input as string[];
    const data = inputs.map((text, index) => ({ object: 'embedding', index, embedding: new Array(384).fill(text.length / 100) }));
    return Response.json({ object: 'list', model: body.model, data: data.reverse(), usage: { prompt_tokens: inputs.length * 3, total_tokens: inputs.length * 3 } });
  });
  try {
    const embedder = new OpenAiEmbedder({ apiKey: 'test-key', baseURL: stub.baseURL }, { batchSize: 2, retryPolicy: fastRetries });
    const vectors = await embedder.embed(['a', 'bb', 'ccc', '']);
    assert.equal(stub.requests.length, 2);
    assert.equal(stub.requests[0].body.dimensions, 384);
    assert.equal(stub.requests[0].body.model, 'text-embedding-3-small');
    assert.deepEqual(vectors.map((vector) => vector[0]), [0.01, 0.02, 0.03, 0.01]);
    assert.equal(embedder.promptTokensUsed, 12);
  } finally {
    await stub.close();
  }
});

Deno.test('OpenAI embedder retries 5xx, then gives a typed error; wrong dimensions are invalid output', async () => {
  const failing = startOpenAiStub(() => errorResponse(503, 'overloaded'));
  try {
    const embedder = new OpenAiEmbedder({ apiKey: 'test-key', baseURL: failing.baseURL }, { retryPolicy: fastRetries });
    const error = await embedder.embed(['x']).catch((caught) => caught);
    assert.ok(error instanceof AiHttpError);
    assert.equal(error.status, 503);
    assert.equal(error.retryable, true);
    assert.equal(error.attempts, 3);
    assert.equal(failing.requests.length, 3);
  } finally {
    await failing.close();
  }
  const wrongSize = startOpenAiStub(() => Response.json({ data: [{ index: 0, embedding: [1, 2, 3] }] }));
  try {
    const embedder = new OpenAiEmbedder({ apiKey: 'test-key', baseURL: wrongSize.baseURL }, { retryPolicy: fastRetries });
    await assert.rejects(embedder.embed(['x']), InvalidModelOutputError);
    assert.equal(wrongSize.requests.length, 1, 'invalid output is not retried inside the provider');
  } finally {
    await wrongSize.close();
  }
});

Deno.test('embeddingProviderFromEnv picks OpenAI only with a key', () => {
  assert.match(embeddingProviderFromEnv(() => undefined).model, /^local-lsa-v1-[0-9a-f]{8}$/);
  const env: Record<string, string> = { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' };
  assert.equal(embeddingProviderFromEnv((name) => env[name]).model, 'text-embedding-3-small');
});
