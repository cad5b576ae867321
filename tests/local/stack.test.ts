// The local stack behaves like Supabase for what Support Hub uses: auth helpers reading
// request.jwt.claims, pg_cron, pgvector with HNSW, and the edge functions host with
// JWT verification through the gateway.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { createFunctionsHost } from '../../local/services/functions.ts';
import { startGateway } from '../../local/services/gateway.ts';
import { loadStackKeys } from '../../local/services/keys.ts';
import { asRole, sql } from '../support/db.ts';
import { testStack } from '../support/stack.ts';

describe('platform bootstrap', () => {
  it('auth.uid(), auth.role(), auth.email() and auth.jwt() read request.jwt.claims', async () => {
    const sub = randomUUID();
    const [row] = await asRole('authenticated', { sub, email: 'a@example.com' }, (tx) =>
      tx`select auth.uid() as uid, auth.role() as role, auth.email() as email, auth.jwt() ->> 'sub' as jwt_sub, current_user`,
    );
    expect(row).toEqual({ uid: sub, role: 'authenticated', email: 'a@example.com', jwt_sub: sub, current_user: 'authenticated' });
  });

  it('auth.uid() is null without claims', async () => {
    const [row] = await sql`select auth.uid() as uid`;
    expect(row?.uid).toBeNull();
  });

  it('has the API roles and the empty supabase_realtime publication', async () => {
    const roles = await sql`select rolname from pg_roles where rolname in ('anon','authenticated','service_role','authenticator','supabase_admin','supabase_auth_admin') order by 1`;
    expect(roles.map((r) => r.rolname)).toEqual(['anon', 'authenticated', 'authenticator', 'service_role', 'supabase_admin', 'supabase_auth_admin']);
    const [publication] = await sql`select puballtables from pg_publication where pubname = 'supabase_realtime'`;
    expect(publication?.puballtables).toBe(false);
  });

  it('refuses the anon role access to auth.users', async () => {
    await expect(asRole('anon', {}, (tx) => tx`select * from auth.users`)).rejects.toThrow(/permission denied/);
  });
});

describe('extensions', () => {
  it('runs a pg_cron job', async () => {
    await sql`create extension if not exists pg_cron`;
    const marker = `cron-${randomUUID()}`;
    await sql`create table if not exists public.cron_probe (marker text, ran_at timestamptz default now())`;
    await sql`alter table public.cron_probe enable row level security`;
    const [job] = await sql`select cron.schedule(${marker}, '* * * * *', ${`insert into public.cron_probe (marker) values ('${marker}')`}) as id`;
    try {
      // pg_cron 1.4 schedules by the minute; wait for the next minute boundary to pass.
      const deadline = Date.now() + 75_000;
      let ran = false;
      while (!ran && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        ran = (await sql`select 1 from public.cron_probe where marker = ${marker}`).length > 0;
      }
      expect(ran).toBe(true);
      // The job's row is visible as soon as its command commits; pg_cron records the outcome a moment later.
      let status: string | undefined;
      while (Date.now() < deadline + 15_000) {
        [{ status } = { status: undefined }] = await sql<{ status: string }[]>`
          select status from cron.job_run_details where jobid = ${job!.id} order by start_time desc limit 1`;
        if (status !== 'starting' && status !== 'running') break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(status).toBe('succeeded');
    } finally {
      await sql`select cron.unschedule(${job!.id}::bigint)`;
      await sql`drop table if exists public.cron_probe`;
    }
  }, 90_000);

  it("answers pgvector's <=> through an HNSW index", async () => {
    await sql`create extension if not exists vector with schema extensions`;
    await sql`create temporary table probe_vectors (id int primary key, embedding extensions.vector(3))`;
    await sql`insert into probe_vectors select i, array[cos(i::float), sin(i::float), (i % 7)::float / 7]::extensions.vector from generate_series(1, 2000) i`;
    await sql`create index on probe_vectors using hnsw (embedding extensions.vector_cosine_ops)`;
    const rows = await sql.begin(async (tx) => {
      await tx`set local enable_seqscan = off`;
      await tx`set local search_path = public, extensions`;
      const plan = await tx`explain select id from probe_vectors order by embedding <=> '[1,0,0]' limit 5`;
      const result = await tx`select id, (embedding <=> '[1,0,0]')::float8 as distance from probe_vectors order by embedding <=> '[1,0,0]' limit 5`;
      return { plan: plan.map((r) => Object.values(r)[0]).join('\n'), result };
    });
    expect(rows.plan).toMatch(/Index Scan using probe_vectors_embedding_idx/);
    expect(rows.result).toHaveLength(5);
    expect(rows.result[0]!.distance).toBeLessThan(0.05);
  });
});

describe('edge functions host', () => {
  const hello = `${testStack.SUPABASE_URL}/functions/v1/hello`;

  it('serves the hello fixture function (local/test/fixtures/functions) through the gateway with a valid JWT', async () => {
    const response = await fetch(`${hello}?name=Ada`, { headers: { Authorization: `Bearer ${testStack.SUPABASE_ANON_KEY}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ message: 'Hello Ada!' });
  });

  it('is invoked by supabase-js functions.invoke', async () => {
    const supabase = createClient(testStack.SUPABASE_URL, testStack.SUPABASE_ANON_KEY);
    const { data, error } = await supabase.functions.invoke('hello', { method: 'GET' });
    expect(error).toBeNull();
    expect(data).toMatchObject({ message: 'Hello world!' });
  });

  it('rejects a missing JWT with 401 when verify_jwt is on', async () => {
    const response = await fetch(hello);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: 'Missing authorization header' });
  });

  it('rejects a forged JWT and alg none with 401', async () => {
    const [header, payload] = testStack.SUPABASE_SERVICE_ROLE_KEY.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    for (const token of [forged, none]) {
      const response = await fetch(hello, { headers: { Authorization: `Bearer ${token}` } });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ message: 'Invalid JWT' });
    }
  });

  it('serves the hello fixture to the test stack only: a host without fixtures (npm start, benchmarks) answers 404', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'functions-host-'));
    const host = createFunctionsHost({
      keys: await loadStackKeys(stateDir),
      apiUrl: testStack.SUPABASE_URL,
      dbUrl: testStack.SUPABASE_DB_URL,
      logFile: join(stateDir, 'functions.log'),
      watch: false,
    });
    const gateway = await startGateway(0, [host]);
    try {
      const { port } = gateway.server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/functions/v1/hello`, { headers: { Authorization: `Bearer ${testStack.SUPABASE_ANON_KEY}` } });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await gateway.close();
      rmSync(stateDir, { recursive: true, force: true });
    }
  });

  it('answers an unknown function with 404', async () => {
    const response = await fetch(`${testStack.SUPABASE_URL}/functions/v1/no-such-function`, { headers: { Authorization: `Bearer ${testStack.SUPABASE_ANON_KEY}` } });
    expect(response.status).toBe(404);
  });
});

describe('gateway', () => {
  it('answers /rest/v1 with a clear 501', async () => {
    const response = await fetch(`${testStack.SUPABASE_URL}/rest/v1/tickets`);
    expect(response.status).toBe(501);
    expect((await response.json()).message).toMatch(/does not serve PostgREST/);
  });
});
