// withRls: the app's one data-access helper must bind every query by RLS as the user of the
// verified claims — or as anon for a visitor without one — and roll back on error.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../support/db.ts';
import { testStack } from '../support/stack.ts';

process.env.DATABASE_URL = testStack.SUPABASE_DB_URL;
const { withRls, anonClaims, claimsOrAnon, closeDatabasePool } = await import('../../app/lib/server/db.server.ts');

// A table of its own per run, so parallel test files never see each other's probe.
const probeTable = `rls_probe_${randomUUID().replaceAll('-', '')}`;
const alice = randomUUID();
const bob = randomUUID();
const claimsFor = (sub: string) => ({ sub, role: 'authenticated' as const, user_role: 'customer', aud: 'authenticated' });

describe('withRls', () => {
  beforeAll(async () => {
    await sql.unsafe(`
      create table public.${probeTable} (id bigint generated always as identity primary key, owner_id uuid not null, note text not null, is_public boolean not null default false);
      alter table public.${probeTable} enable row level security;
      create policy "owners read their rows" on public.${probeTable} for select to authenticated using (owner_id = (select auth.uid()));
      create policy "owners add their rows" on public.${probeTable} for insert to authenticated with check (owner_id = (select auth.uid()));
      create policy "anyone reads public rows" on public.${probeTable} for select to anon using (is_public);
      grant select, insert on public.${probeTable} to authenticated;
      grant select, insert on public.${probeTable} to anon;
    `);
    await sql`insert into ${sql('public')}.${sql(probeTable)} ${sql([
      { owner_id: alice, note: 'alice 1' },
      { owner_id: alice, note: 'alice 2' },
      { owner_id: bob, note: 'bob 1' },
    ])}`;
    await sql`insert into ${sql('public')}.${sql(probeTable)} ${sql([{ owner_id: bob, note: 'bob public', is_public: true }])}`;
  });

  afterAll(async () => {
    await sql.unsafe(`drop table if exists public.${probeTable}`);
    await closeDatabasePool();
  });

  it('runs as authenticated with auth.uid() equal to the claims sub', async () => {
    const identity = await withRls(claimsFor(alice), async (tx) => {
      const [row] = await tx<{ role: string; uid: string; user_role: string }[]>`
        select current_user as role, auth.uid() as uid, auth.jwt() ->> 'user_role' as user_role`;
      return row;
    });
    expect(identity).toEqual({ role: 'authenticated', uid: alice, user_role: 'customer' });
  });

  it("shows a customer only their own rows of a table with an RLS policy", async () => {
    const notes = await withRls(claimsFor(alice), (tx) => tx<{ note: string }[]>`select note from ${tx(probeTable)} order by note`);
    expect(notes.map((row) => row.note)).toEqual(['alice 1', 'alice 2']);
    const bobsNotes = await withRls(claimsFor(bob), (tx) => tx<{ note: string }[]>`select note from ${tx(probeTable)} order by note`);
    expect(bobsNotes.map((row) => row.note)).toEqual(['bob 1', 'bob public']);
  });

  it('refuses to write a row the policy does not allow', async () => {
    await expect(
      withRls(claimsFor(alice), (tx) => tx`insert into ${tx(probeTable)} (owner_id, note) values (${bob}, 'forged')`),
    ).rejects.toThrow(/row-level security/);
  });

  it('rolls the whole transaction back when the work throws', async () => {
    const note = `rolled back ${randomUUID()}`;
    await expect(
      withRls(claimsFor(alice), async (tx) => {
        await tx`insert into ${tx(probeTable)} (owner_id, note) values (${alice}, ${note})`;
        throw new Error('loader failed after writing');
      }),
    ).rejects.toThrow('loader failed after writing');
    const [{ count }] = (await sql`select count(*)::int as count from ${sql(probeTable)} where note = ${note}`) as unknown as [{ count: number }];
    expect(count).toBe(0);
  });

  it('leaves the pooled connection clean for the next query (settings are transaction-local)', async () => {
    await withRls(claimsFor(alice), (tx) => tx`select 1`);
    const rows = await withRls(claimsFor(bob), (tx) => tx<{ uid: string }[]>`select auth.uid() as uid`);
    expect(rows[0]?.uid).toBe(bob);
  });

  it('rejects claims that are not an authenticated user', async () => {
    await expect(withRls({ sub: 'not-a-uuid', role: 'authenticated' }, (tx) => tx`select 1`)).rejects.toThrow();
    await expect(withRls({ sub: alice, role: 'service_role' } as never, (tx) => tx`select 1`)).rejects.toThrow();
  });

  it('runs a request without a user as anon, with anon claims and no auth.uid()', async () => {
    const identity = await withRls(claimsOrAnon(null), async (tx) => {
      const [row] = await tx<{ role: string; uid: string | null; jwt_role: string; claims: unknown }[]>`
        select current_user as role, auth.uid() as uid, auth.role() as jwt_role, auth.jwt() as claims`;
      return row;
    });
    expect(identity).toEqual({ role: 'anon', uid: null, jwt_role: 'anon', claims: { role: 'anon' } });
  });

  it('shows anon only the rows a policy grants to anon, and refuses its writes', async () => {
    const notes = await withRls(anonClaims, (tx) => tx<{ note: string }[]>`select note from ${tx(probeTable)} order by note`);
    expect(notes.map((row) => row.note)).toEqual(['bob public']);
    await expect(
      withRls(anonClaims, (tx) => tx`insert into ${tx(probeTable)} (owner_id, note, is_public) values (${bob}, 'anonymous', true)`),
    ).rejects.toThrow(/row-level security/);
  });

  it('keeps anon and signed-in transactions apart on the same pool', async () => {
    const [asAnon, asAlice] = await Promise.all([
      withRls(anonClaims, (tx) => tx<{ role: string }[]>`select current_user as role`),
      withRls(claimsOrAnon(claimsFor(alice)), (tx) => tx<{ role: string; uid: string }[]>`select current_user as role, auth.uid() as uid`),
    ]);
    expect(asAnon[0]?.role).toBe('anon');
    expect(asAlice[0]).toEqual({ role: 'authenticated', uid: alice });
    const afterwards = await withRls(anonClaims, (tx) => tx<{ uid: string | null }[]>`select auth.uid() as uid`);
    expect(afterwards[0]?.uid).toBeNull();
  });

  it('refuses anon claims that carry anything else (a sub would pretend to be a user)', async () => {
    await expect(withRls({ role: 'anon', sub: alice } as never, (tx) => tx`select 1`)).rejects.toThrow();
    await expect(withRls({ role: 'postgres' } as never, (tx) => tx`select 1`)).rejects.toThrow();
  });
});
