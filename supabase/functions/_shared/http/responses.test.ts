import { z } from 'npm:zod@4';
import { handleRequests, HttpError, jsonResponse, parseJsonBody } from './responses.ts';

const assertEquals = (actual: unknown, expected: unknown) => {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
};

const echo = handleRequests(['POST'], async (request) => {
  const body = await parseJsonBody(request, z.object({ query: z.string().min(1, 'Type something to search for.') }));
  if (body.query === 'boom') throw new Error('secret detail');
  if (body.query === 'teapot') throw new HttpError(418, 'I am a teapot', 'teapot');
  return jsonResponse({ query: body.query });
});

const post = (body: string) => new Request('http://localhost/x', { method: 'POST', body });

Deno.test('answers a CORS preflight', async () => {
  const response = await echo(new Request('http://localhost/x', { method: 'OPTIONS' }));
  await response.body?.cancel();
  assertEquals(response.headers.get('Access-Control-Allow-Origin'), '*');
});

Deno.test('malformed JSON is a 400 bad_json', async () => {
  const response = await echo(post('{nope'));
  assertEquals([response.status, (await response.json()).error.code], [400, 'bad_json']);
});

Deno.test('an invalid field is a 400 naming the field', async () => {
  const response = await echo(post('{"query":""}'));
  assertEquals([response.status, (await response.json()).error.message], [400, 'query: Type something to search for.']);
});

Deno.test('a wrong method is a 405', async () => {
  const response = await echo(new Request('http://localhost/x'));
  await response.body?.cancel();
  assertEquals(response.status, 405);
});

Deno.test('an HttpError keeps its status; an unexpected error hides its detail', async () => {
  const teapot = await echo(post('{"query":"teapot"}'));
  assertEquals([teapot.status, (await teapot.json()).error.code], [418, 'teapot']);
  const originalError = console.error;
  console.error = () => {};
  try {
    const boom = await echo(post('{"query":"boom"}'));
    const text = await boom.text();
    assertEquals([boom.status, text.includes('secret detail')], [500, false]);
  } finally {
    console.error = originalError;
  }
});
