// A local OpenAI-compatible server for tests: each test scripts the answers and counts the calls. It listens on
// port 0 (any free port) so parallel test runs on this machine never collide.

export interface StubRequest {
  path: string;
  body: Record<string, unknown>;
  /** 1-based number of this call since the stub started. */
  callNumber: number;
  signal: AbortSignal;
}

export interface OpenAiStub {
  /** Base URL to give the client as OPENAI_BASE_URL (ends in /v1). */
  baseURL: string;
  requests: StubRequest[];
  close(): Promise<void>;
}

export function startOpenAiStub(answer: (request: StubRequest) => Response | Promise<Response>): OpenAiStub {
  const requests: StubRequest[] = [];
  const server = Deno.serve({ port: 0, hostname: '127.0.0.1', onListen: () => {} }, async (request) => {
    const body = request.method === 'POST' ? await request.json() : {};
    const stubRequest = {
      path: new URL(request.url).pathname,
      body,
      callNumber: requests.length + 1,
      // Read lazily: touching request.signal makes Deno warn about its legacy abort-on-success behaviour.
      get signal() {
        return request.signal;
      },
    };
    requests.push(stubRequest);
    return await answer(stubRequest);
  });
  return {
    baseURL: `http://127.0.0.1:${server.addr.port}/v1`,
    requests,
    close: () => server.shutdown(),
  };
}

/** Waits `ms`, or less if the client hangs up first (so a timed-out request leaves no timer running). */
export function delayUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

export function chatCompletionResponse(content: string, options: { model?: string; promptTokens?: number; completionTokens?: number } = {}): Response {
  const promptTokens = options.promptTokens ?? 120;
  const completionTokens = options.completionTokens ?? 80;
  return Response.json({
    id: 'chatcmpl-stub',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: options.model ?? 'gpt-4o-mini-2024-07-18',
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
  });
}

export function errorResponse(status: number, message: string): Response {
  return Response.json({ error: { message, type: status === 429 ? 'rate_limit_exceeded' : 'server_error', code: null } }, {
    status,
    headers: status === 429 ? { 'retry-after-ms': '1' } : {},
  });
}

/** A streamed chat completion as server-sent events, one `data:` line per delta, ending with usage and [DONE]. */
export function streamingChatResponse(deltas: string[], options: { model?: string } = {}): Response {
  const model = options.model ?? 'gpt-4o-mini-2024-07-18';
  const encoder = new TextEncoder();
  const events = [
    { choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] },
    ...deltas.map((content) => ({ choices: [{ index: 0, delta: { content }, finish_reason: null }] })),
    { choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
    { choices: [], usage: { prompt_tokens: 200, completion_tokens: deltas.length, total_tokens: 200 + deltas.length } },
  ].map((event) => ({ id: 'chatcmpl-stub', object: 'chat.completion.chunk', created: 1_700_000_000, model, ...event }));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const event of events) controller.enqueue(encoder.encode(`data: ${JSON.stringify(event)}\n\n`));
      controller.enqueue(encoder.encode('data: [DONE]\n\n'));
      controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}
