// A local OpenAI-compatible server for tests and benchmarks, so the OpenAI code path of
// our providers is exercised without the network. Behaviour is scripted per test through
// POST /__script (a queue of replies), otherwise it answers plausibly and deterministically.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody, sendJson } from '../services/http.ts';

export interface ScriptedReply {
  status?: number;
  delayMs?: number;
  /** Raw body to send (for invalid JSON cases); otherwise `json` is sent. */
  raw?: string;
  json?: unknown;
}

export interface OpenAiStub {
  url: string;
  requests: Array<{ path: string; body: unknown }>;
  script(replies: ScriptedReply[]): void;
  close(): Promise<void>;
}

export async function startOpenAiStub(options: { defaultDelayMs?: number } = {}): Promise<OpenAiStub> {
  const queue: ScriptedReply[] = [];
  const requests: OpenAiStub['requests'] = [];
  const server = createServer(async (request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const text = (await readBody(request)).toString();
    let body: unknown = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    if (path === '/__script') {
      queue.push(...((body as ScriptedReply[]) ?? []));
      return sendJson(response, 200, { queued: queue.length });
    }
    requests.push({ path, body });
    const reply = queue.shift();
    const delay = reply?.delayMs ?? options.defaultDelayMs ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (reply?.raw !== undefined) {
      response.writeHead(reply.status ?? 200, { 'content-type': 'application/json' }).end(reply.raw);
      return;
    }
    if (reply) return sendJson(response, reply.status ?? 200, reply.json ?? {});
    if (path.endsWith('/embeddings')) {
      const input = (body as { input?: string | string[]; dimensions?: number }) ?? {};
      const inputs = Array.isArray(input.input) ? input.input : [input.input ?? ''];
      const dimensions = input.dimensions ?? 384;
      return sendJson(response, 200, {
        object: 'list',
        model: 'text-embedding-3-small',
        data: inputs.map((value, index) => ({ object: 'embedding', index, embedding: pseudoEmbedding(String(value), dimensions) })),
        usage: { prompt_tokens: inputs.join(' ').split(/\s+/).length, total_tokens: inputs.join(' ').split(/\s+/).length },
      });
    }
    return sendJson(response, 404, { error: { message: `stub has no default for ${path}`, type: 'invalid_request_error' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (replies) => queue.push(...replies),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A unit vector derived from the text, so equal inputs embed equally. */
function pseudoEmbedding(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (let i = 0; i < text.length; i++) vector[(text.charCodeAt(i) * 31 + i) % dimensions]! += 1;
  const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0)) || 1;
  return vector.map((x) => x / norm);
}
