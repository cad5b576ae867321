import { handler } from './index.ts';

Deno.test('hello greets by name', async () => {
  const response = await handler(new Request('http://localhost/hello?name=Ada'));
  if (response.status !== 200) throw new Error(`status ${response.status}`);
  const body = await response.json();
  if (body.message !== 'Hello Ada!') throw new Error(`unexpected ${JSON.stringify(body)}`);
});

Deno.test('hello refuses an over-long name with 400', async () => {
  const response = await handler(new Request(`http://localhost/hello?name=${'x'.repeat(101)}`));
  await response.body?.cancel();
  if (response.status !== 400) throw new Error(`status ${response.status}`);
});
