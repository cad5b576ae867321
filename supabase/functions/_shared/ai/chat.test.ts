import assert from 'node:assert/strict';
import { chatProviderFromEnv, collectAnswer, handOffConfidenceThreshold, LocalExtractiveChatProvider, noAnswerSentence, OpenAiChatProvider } from './chat.ts';
import { AiHttpError, AiTimeoutError } from './provider-errors.ts';
import { errorResponse, startOpenAiStub, streamingChatResponse } from './testing/openai-stub.ts';

const passages = [
  {
    slug: 'replace-cabin-filter',
    title: 'Replacing the cabin air filter',
    text: 'The cabin filter should be replaced every 15,000 km.\n\n1. Open the glove box and release the side stops.\n2. Pull out the old filter.\n3. Insert the new filter with the arrow pointing down.\n4. Close the glove box.',
  },
  {
    slug: 'invoices',
    title: 'Finding your invoices',
    text: 'Invoices are listed under Settings > Billing. Each invoice can be downloaded as a PDF. Invoices are issued on the first day of the month.',
  },
];
const request = { instructions: 'You help vehicle owners.', passages };

Deno.test('local: a how-to question gets the procedure steps in order, cited, sources only as citations', async () => {
  const { deltas, summary } = await collectAnswer(new LocalExtractiveChatProvider().streamAnswer({ ...request, question: 'How do I replace the cabin filter?' }));
  assert.ok(deltas.length > 2, 'streamed in pieces');
  assert.equal(deltas.join(''), summary.text);
  const steps = ['Open the glove box', 'Pull out the old filter', 'Insert the new filter', 'Close the glove box'].map((step) => summary.text.indexOf(step));
  assert.ok(steps.every((position, index) => position > 0 && (index === 0 || position > steps[index - 1])), summary.text);
  assert.match(summary.text, /1\. Open the glove box and release the side stops\. \[1\]/);
  assert.deepEqual(summary.citations, [{ number: 1, slug: 'replace-cabin-filter', title: 'Replacing the cabin air filter' }]);
  // The chat shows the citations as links once; the text carries no second, plain-text sources list or raw path.
  assert.doesNotMatch(summary.text, /Sources:|\/help\//);
  assert.ok(summary.confidence >= handOffConfidenceThreshold);
  assert.doesNotMatch(summary.text, /invoice/i);
});

Deno.test('local: a factual question gets the best sentences from the right article', async () => {
  const { summary } = await collectAnswer(new LocalExtractiveChatProvider().streamAnswer({ ...request, question: 'Where can I download my invoice PDF?' }));
  assert.match(summary.text, /downloaded as a PDF\. \[1\]/);
  assert.deepEqual(summary.citations.map((citation) => citation.slug), ['invoices']);
  assert.ok(summary.confidence >= handOffConfidenceThreshold);
});

Deno.test('local: nothing relevant gives the no-answer sentence and a confidence low enough to hand off', async () => {
  const provider = new LocalExtractiveChatProvider();
  const unrelated = await collectAnswer(provider.streamAnswer({ ...request, question: 'Is the warehouse open on Sundays?' }));
  assert.equal(unrelated.summary.text, noAnswerSentence);
  assert.equal(unrelated.summary.confidence, 0);
  assert.deepEqual(unrelated.summary.citations, []);
  const noPassages = await collectAnswer(provider.streamAnswer({ instructions: '', passages: [], question: 'How do I replace the cabin filter?' }));
  assert.ok(noPassages.summary.confidence < handOffConfidenceThreshold);
});

Deno.test('local: answers read as text — no markdown emphasis, table pipes, stray numbers or duplicated sources', async () => {
  const markdownPassage = {
    slug: 'wiper-judder',
    title: 'Wipers judder across the windscreen',
    text: [
      'Judder usually means **wax or road film** on the glass, or a worn wiper blade.',
      '',
      '| Symptom | Cause | Fix |',
      '|---|---|---|',
      '| Judder | Wax on glass | Clean with isopropyl alcohol |',
      '',
      '3. If you see streaks after cleaning the glass, replace the wiper blades.',
      '4. Check the wiper arm tension; a bent arm makes the blade judder too.',
    ].join('\n'),
  };
  const { summary } = await collectAnswer(new LocalExtractiveChatProvider().streamAnswer({ ...request, passages: [markdownPassage, ...passages], question: 'Why do my wipers judder on the windscreen?' }));
  assert.doesNotMatch(summary.text, /\*\*|\||Sources:/, summary.text);
  assert.doesNotMatch(summary.text, /(^|\n)3\. /, summary.text);
  assert.match(summary.text, /wax or road film/);
  assert.deepEqual(summary.citations.map((citation) => citation.slug), ['wiper-judder']);
});

Deno.test('local: when no sentence answers in the question\'s words, it points to the closest article and offers a person', async () => {
  const { summary } = await collectAnswer(new LocalExtractiveChatProvider().streamAnswer({ ...request, question: 'my cabin smells musty, which filter is it' }));
  assert.match(summary.text, /closest help article I found is "Replacing the cabin air filter" \[1\]/, summary.text);
  assert.deepEqual(summary.citations.map((citation) => citation.slug), ['replace-cabin-filter']);
  assert.ok(summary.confidence < handOffConfidenceThreshold, 'low enough that the chat offers a technician');
});

Deno.test('OpenAI: streams SSE deltas, sends numbered passages and grounding rules, reports citations and usage', async () => {
  const stub = startOpenAiStub(() => streamingChatResponse(['Open the glove box', ' and pull out the old filter [1].', ' Invoices are under Settings [2].']));
  try {
    const provider = new OpenAiChatProvider({ apiKey: 'test-key', baseURL: stub.baseURL }, { retryPolicy: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    const { deltas, summary } = await collectAnswer(provider.streamAnswer({ ...request, question: 'How do I change the filter?' }));
    assert.deepEqual(deltas, ['Open the glove box', ' and pull out the old filter [1].', ' Invoices are under Settings [2].']);
    const body = stub.requests[0].body as { stream: boolean; messages: Array<{ role: string; content: string }> };
    assert.equal(body.stream, true);
    assert.match(body.messages[0].content, /Never invent facts/);
    assert.match(body.messages[1].content, /\[1\] Replacing the cabin air filter \(\/help\/replace-cabin-filter\)/);
    assert.deepEqual(summary.citations.map((citation) => citation.slug), ['replace-cabin-filter', 'invoices']);
    assert.equal(summary.confidence, 0.8);
    assert.deepEqual(summary.usage, { prompt_tokens: 200, completion_tokens: 3 });
    assert.ok((summary.cost_estimate_usd ?? 0) > 0);
  } finally {
    await stub.close();
  }
});

Deno.test('OpenAI: a refusal is low confidence; a 429 before streaming is retried; 500s end in AiHttpError', async () => {
  const stub = startOpenAiStub(({ callNumber }) => callNumber === 1 ? errorResponse(429, 'slow down') : streamingChatResponse([noAnswerSentence]));
  try {
    const provider = new OpenAiChatProvider({ apiKey: 'test-key', baseURL: stub.baseURL }, { retryPolicy: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    const { summary } = await collectAnswer(provider.streamAnswer({ ...request, question: 'Opening hours?' }));
    assert.equal(stub.requests.length, 2);
    assert.ok(summary.confidence < handOffConfidenceThreshold);
  } finally {
    await stub.close();
  }
  const failing = startOpenAiStub(() => errorResponse(500, 'boom'));
  try {
    const provider = new OpenAiChatProvider({ apiKey: 'test-key', baseURL: failing.baseURL }, { retryPolicy: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    const error = await collectAnswer(provider.streamAnswer({ ...request, question: 'x' })).catch((caught) => caught);
    assert.ok(error instanceof AiHttpError);
    assert.equal(error.attempts, 2);
  } finally {
    await failing.close();
  }
});

Deno.test('OpenAI: a stream that stalls after its first delta ends in AiTimeoutError instead of hanging', async () => {
  const encoder = new TextEncoder();
  let closeStalledStream = () => {};
  const stub = startOpenAiStub(() => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const chunk = { id: 'c', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o-mini', choices: [{ index: 0, delta: { content: 'Open the' }, finish_reason: null }] };
        controller.enqueue(encoder.encode(`data: ${JSON.stringify(chunk)}\n\n`));
        closeStalledStream = () => controller.close(); // never sends more on its own
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  });
  try {
    const provider = new OpenAiChatProvider({ apiKey: 'test-key', baseURL: stub.baseURL }, { idleTimeoutMs: 150, retryPolicy: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    const deltas: string[] = [];
    const stream = provider.streamAnswer({ ...request, question: 'filter?' });
    const error = await (async () => {
      for await (const delta of stream) deltas.push(delta);
    })().catch((caught) => caught);
    assert.deepEqual(deltas, ['Open the']);
    assert.ok(error instanceof AiTimeoutError, `got ${error}`);
  } finally {
    closeStalledStream();
    await stub.close();
  }
});

Deno.test('chatProviderFromEnv: local without a key', () => {
  assert.equal(chatProviderFromEnv(() => undefined).name, 'local');
  assert.equal(chatProviderFromEnv((name) => (name === 'OPENAI_API_KEY' ? 'k' : undefined)).name, 'openai');
});
