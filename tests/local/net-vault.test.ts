// The pg_net and supabase_vault stand-ins: migrations can create them as on Supabase, queued
// requests reach a real HTTP server through the stack's worker and leave pg_net's response
// rows, and vault secrets round-trip while the API roles cannot read them.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNetWorker } from '../../local/services/net-worker.ts';
import { asRole, sql } from '../support/db.ts';
import { testStack } from '../support/stack.ts';

interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const received: ReceivedRequest[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (request.url?.startsWith('/slow')) {
        setTimeout(() => response.end('too late'), 3_000).unref();
        return;
      }
      response.writeHead(201, { 'Content-Type': 'application/json', 'X-Reply': 'yes' });
      response.end(JSON.stringify({ echoed: request.url }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await sql`create extension if not exists pg_net with schema extensions`;
  // Hosted Supabase pre-installs vault; locally the control file's `schema = vault` creates the schema.
  await sql`create extension if not exists supabase_vault`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function responseFor(id: number | string, withinMs = 10_000) {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const [row] = await sql`select * from net._http_response where id = ${id}`;
    if (row) return row;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no response row for request ${id} within ${withinMs} ms`);
}

describe('pg_net stand-in', () => {
  it('is created idempotently with pg_net 0.14.0 signatures and defaults', async () => {
    await sql`create extension if not exists pg_net with schema extensions`;
    const [extension] = await sql`select extversion from pg_extension where extname = 'pg_net'`;
    expect(extension?.extversion).toBe('0.14.0');
    const functions = await sql`
      select p.proname as name, pg_get_function_arguments(p.oid) as args, pg_get_function_result(p.oid) as result
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'net' and p.proname in ('http_get', 'http_post', 'http_delete')
      order by 1`;
    expect(functions).toEqual([
      { name: 'http_delete', args: "url text, params jsonb DEFAULT '{}'::jsonb, headers jsonb DEFAULT '{}'::jsonb, timeout_milliseconds integer DEFAULT 5000", result: 'bigint' },
      { name: 'http_get', args: "url text, params jsonb DEFAULT '{}'::jsonb, headers jsonb DEFAULT '{}'::jsonb, timeout_milliseconds integer DEFAULT 5000", result: 'bigint' },
      {
        name: 'http_post',
        args: "url text, body jsonb DEFAULT '{}'::jsonb, params jsonb DEFAULT '{}'::jsonb, headers jsonb DEFAULT '{\"Content-Type\": \"application/json\"}'::jsonb, timeout_milliseconds integer DEFAULT 5000",
        result: 'bigint',
      },
    ]);
  });

  it('delivers a queued http_post to a local server and records the response under the request id', async () => {
    const [queued] = await sql`select net.http_post(${`${baseUrl}/hook`}, ${sql.json({ ticket: 42, text: 'héllo' })}, headers => '{"X-Probe": "abc"}'::jsonb) as id`;
    const response = await responseFor(queued!.id);
    expect(response).toMatchObject({ status_code: 201, content_type: 'application/json', timed_out: false, error_msg: null });
    expect(JSON.parse(response.content)).toEqual({ echoed: '/hook' });
    expect(response.headers).toMatchObject({ 'x-reply': 'yes' });
    const request = received.find((r) => r.url === '/hook');
    expect(request?.method).toBe('POST');
    // pg_net adds the JSON content type back when custom headers leave it out.
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['x-probe']).toBe('abc');
    expect(JSON.parse(request!.body)).toEqual({ ticket: 42, text: 'héllo' });
    const [left] = await sql`select count(*)::int as n from net.http_request_queue where id = ${queued!.id}`;
    expect(left?.n).toBe(0);
  });

  it('refuses a non-JSON content type as pg_net does', async () => {
    await expect(sql`select net.http_post(${baseUrl}, headers => '{"Content-Type": "text/plain"}'::jsonb)`).rejects.toThrow('Content-Type header must be "application/json"');
  });

  it('url-encodes http_get params and sends a GET', async () => {
    const [queued] = await sql`select net.http_get(${`${baseUrl}/search?lang=en`}, params => ${sql.json({ q: 'brake pads & rotors', page: '2' })}) as id`;
    const response = await responseFor(queued!.id);
    expect(response.status_code).toBe(201);
    const request = received.find((r) => r.url.startsWith('/search'));
    expect(request?.method).toBe('GET');
    const query = new URL(request!.url, baseUrl).searchParams;
    expect(request?.url).toContain('q=brake%20pads%20%26%20rotors');
    expect(query.get('lang')).toBe('en');
    expect(query.get('page')).toBe('2');
  });

  it('sends http_delete as DELETE', async () => {
    const [queued] = await sql`select net.http_delete(${`${baseUrl}/things/7`}) as id`;
    expect((await responseFor(queued!.id)).status_code).toBe(201);
    expect(received.find((r) => r.url === '/things/7')?.method).toBe('DELETE');
  });

  it('records a timeout as timed_out with an error message', async () => {
    const [queued] = await sql`select net.http_get(${`${baseUrl}/slow`}, timeout_milliseconds => 200) as id`;
    const response = await responseFor(queued!.id);
    expect(response).toMatchObject({ status_code: null, content: null, timed_out: true });
    expect(response.error_msg).toMatch(/^Timeout of 200 ms reached/);
  });

  it('records a refused connection and a bad URL without stopping the worker', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const [refused] = await sql`select net.http_get(${`http://127.0.0.1:${closedPort}/`}) as id`;
    const [badUrl] = await sql`select net.http_get('not a url') as id`;
    expect(await responseFor(refused!.id)).toMatchObject({ status_code: null, timed_out: false, error_msg: "Couldn't connect to server" });
    expect(await responseFor(badUrl!.id)).toMatchObject({ status_code: null, error_msg: 'URL using bad/illegal format or missing URL' });

    const [after] = await sql`select net.http_get(${`${baseUrl}/after-errors`}) as id`;
    expect((await responseFor(after!.id)).status_code).toBe(201);
  });

  it('lets authenticated callers queue requests (Supabase grants execute to the API roles)', async () => {
    const id = await asRole('authenticated', { sub: '00000000-0000-4000-8000-000000000001' }, async (tx) => {
      const [row] = await tx`select net.http_post(${`${baseUrl}/from-user`}) as id`;
      return row!.id as string;
    });
    expect((await responseFor(id)).status_code).toBe(201);
  });

  it('collects a response with net.http_collect_response', async () => {
    const [queued] = await sql`select net.http_get(${`${baseUrl}/collect`}) as id`;
    await responseFor(queued!.id);
    const [collected] = await sql`select (r).status::text as status, ((r).response).status_code as status_code from (select net._http_collect_response(${queued!.id}) as r) s`;
    expect(collected).toEqual({ status: 'SUCCESS', status_code: 201 });
  });

  // Speed is the benchmark's business (timed assertions flake on a busy machine); this proves none is lost.
  it('drains a burst of queued requests, answering every one', async () => {
    const count = 500;
    const ids = await sql`select net.http_get(${`${baseUrl}/burst`}, params => jsonb_build_object('n', n::text)) as id from generate_series(1, ${count}) n`;
    const lastId = ids.at(-1)!.id;
    await responseFor(lastId, 40_000);
    const deadline = Date.now() + 40_000;
    let done = 0;
    while (Date.now() < deadline) {
      [{ done }] = (await sql`select count(*)::int as done from net._http_response where id = any(${ids.map((r) => r.id)}::bigint[])`) as unknown as [{ done: number }];
      if (done === count) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(done).toBe(count);
  }, 60_000);
});

describe('pg_net delivery worker', () => {
  it('stops promptly while idle, and a second worker shares the queue without double delivery', async () => {
    const second = await startNetWorker({ dbUrl: testStack.SUPABASE_DB_URL });
    try {
      const ids = await sql`select net.http_get(${`${baseUrl}/shared`}, params => jsonb_build_object('n', n::text)) as id from generate_series(1, 50) n`;
      for (const { id } of ids) await responseFor(id);
      expect(received.filter((r) => r.url.startsWith('/shared'))).toHaveLength(50);
    } finally {
      const startedAt = Date.now();
      await second.stop();
      expect(Date.now() - startedAt).toBeLessThan(3_000);
    }
  });
});

describe('supabase_vault stand-in', () => {
  it('creates a secret that vault.decrypted_secrets returns, and updates it', async () => {
    const name = `probe_${Date.now()}`;
    const [created] = await sql`select vault.create_secret('s3cr3t', ${name}, 'probe secret') as id`;
    const [read] = await sql`select name, description, decrypted_secret from vault.decrypted_secrets where id = ${created!.id}`;
    expect(read).toEqual({ name, description: 'probe secret', decrypted_secret: 's3cr3t' });

    await sql`select vault.update_secret(${created!.id}, new_secret => 'rotated')`;
    const [updated] = await sql`select name, description, decrypted_secret from vault.decrypted_secrets where id = ${created!.id}`;
    expect(updated).toEqual({ name, description: 'probe secret', decrypted_secret: 'rotated' });
  });

  it('refuses duplicate names like Supabase Vault', async () => {
    const name = `dup_${Date.now()}`;
    await sql`select vault.create_secret('a', ${name})`;
    await expect(sql`select vault.create_secret('b', ${name})`).rejects.toThrow(/duplicate key/);
  });

  it('lets service_role read decrypted secrets', async () => {
    const [created] = await sql`select vault.create_secret('for-service') as id`;
    const rows = await asRole('service_role', {}, (tx) => tx`select decrypted_secret from vault.decrypted_secrets where id = ${created!.id}`);
    expect(rows.map((r) => r.decrypted_secret)).toEqual(['for-service']);
  });

  it.each(['anon', 'authenticated'] as const)('refuses %s access to vault.decrypted_secrets and create_secret', async (role) => {
    await expect(asRole(role, {}, (tx) => tx`select * from vault.decrypted_secrets`)).rejects.toThrow(/permission denied/);
    await expect(asRole(role, {}, (tx) => tx`select vault.create_secret('x')`)).rejects.toThrow(/permission denied/);
  });
});
