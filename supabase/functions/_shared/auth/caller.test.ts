// The one reader of the caller's token: which tokens each guard lets through, what it answers the rest, and that
// asCaller hands the claims to Postgres (auth.uid(), auth.role(), current_user) for the transaction only.
// The database tests need the test stack (npm test -- deno sets SUPABASE_DB_URL).
import assert from 'node:assert/strict';
import { databaseTest } from '../db/testing/test-database.ts';
import { HttpError } from '../http/responses.ts';
import { asCaller, requireAnonOrUser, requireServiceRole, requireUser } from './caller.ts';
import { bearerWithClaims, serviceRoleBearer } from './testing/bearer.ts';

const userId = crypto.randomUUID();
const userClaims = { role: 'authenticated', sub: userId, exp: 4102444800, email: 'ada@example.com', app_metadata: { role: 'customer' } };
const anonBearer = bearerWithClaims({ role: 'anon', iss: 'supabase' });
const userBearer = bearerWithClaims(userClaims);

const requestWith = (authorization?: string) =>
  new Request('http://localhost/fn', { method: 'POST', headers: authorization === undefined ? {} : { Authorization: authorization } });

/** The HttpError a guard throws for this request (fails the test when it lets the request through). */
function refusal(guard: (request: Request) => unknown, authorization?: string): { status: number; code: string; message: string } {
  try {
    guard(requestWith(authorization));
  } catch (error) {
    assert.ok(error instanceof HttpError, `expected an HttpError, got ${error}`);
    return { status: error.status, code: error.code, message: error.message };
  }
  assert.fail('the guard let the request through');
}

const guards = { requireUser, requireServiceRole, requireAnonOrUser };

Deno.test('every guard answers a request without a token (or not a Bearer one) with 401 no_authorization', () => {
  for (const [name, guard] of Object.entries(guards)) {
    for (const authorization of [undefined, '', 'Bearer', 'Basic dXNlcjpwYXNz']) {
      const { status, code } = refusal(guard, authorization);
      assert.deepEqual({ status, code }, { status: 401, code: 'no_authorization' }, `${name} with ${JSON.stringify(authorization)}`);
    }
  }
});

Deno.test('every guard answers a malformed token, or one without a role, with 401 bad_jwt', () => {
  const noRole = bearerWithClaims({ sub: userId });
  for (const [name, guard] of Object.entries(guards)) {
    for (const authorization of ['Bearer not-a-jwt', 'Bearer a.%%%.c', `Bearer a.${btoa('not json')}.c`, noRole]) {
      const { status, code } = refusal(guard, authorization);
      assert.deepEqual({ status, code }, { status: 401, code: 'bad_jwt' }, `${name} with ${authorization}`);
    }
  }
});

Deno.test('requireUser takes a signed-in user with every claim kept, and refuses the keys and an incomplete user token with 401', () => {
  assert.deepEqual(requireUser(requestWith(userBearer)), userClaims);
  assert.deepEqual(refusal(requireUser, anonBearer), { status: 401, code: 'bad_jwt', message: 'This function needs a signed-in user.' });
  assert.equal(refusal(requireUser, serviceRoleBearer).status, 401);
  assert.equal(refusal(requireUser, bearerWithClaims({ role: 'authenticated', sub: 'not-a-uuid', exp: 4102444800 })).code, 'bad_jwt');
  assert.equal(refusal(requireUser, bearerWithClaims({ role: 'authenticated', exp: 4102444800 })).status, 401);
});

Deno.test('requireServiceRole takes the service-role key and refuses anon and users with 403 service_role_only', () => {
  assert.deepEqual(requireServiceRole(requestWith(serviceRoleBearer)), { role: 'service_role', iss: 'supabase' });
  for (const authorization of [anonBearer, userBearer, bearerWithClaims({ role: 'supabase_admin' })]) {
    const { status, code, message } = refusal(requireServiceRole, authorization);
    assert.deepEqual({ status, code }, { status: 403, code: 'service_role_only' });
    assert.match(message, /service role/);
  }
});

Deno.test('requireAnonOrUser takes a visitor or a user and refuses the service role (search must run under RLS) with 403 wrong_role', () => {
  assert.deepEqual(requireAnonOrUser(requestWith(anonBearer)), { role: 'anon', iss: 'supabase' });
  const user = requireAnonOrUser(requestWith(userBearer));
  assert.equal(user.role, 'authenticated');
  assert.equal(user.role === 'authenticated' ? user.sub : null, userId);
  for (const authorization of [serviceRoleBearer, bearerWithClaims({ role: 'supabase_admin' })]) {
    const { status, code } = refusal(requireAnonOrUser, authorization);
    assert.deepEqual({ status, code }, { status: 403, code: 'wrong_role' });
  }
});

databaseTest("asCaller runs the work as the caller's role with its claims, for that transaction only", async (sql) => {
  const user = requireUser(requestWith(userBearer));
  const [asUser] = await asCaller(user, (tx) => tx`
    select auth.uid()::text as uid, auth.role() as role, auth.jwt() ->> 'email' as email, current_user::text as db_role,
      current_setting('request.jwt.claims', true)::jsonb -> 'app_metadata' ->> 'role' as app_role`);
  assert.deepEqual({ ...asUser }, { uid: userId, role: 'authenticated', email: 'ada@example.com', db_role: 'authenticated', app_role: 'customer' });

  const [asAnon] = await asCaller(requireAnonOrUser(requestWith(anonBearer)), (tx) => tx`
    select auth.uid() as uid, auth.role() as role, current_user::text as db_role`);
  assert.deepEqual({ ...asAnon }, { uid: null, role: 'anon', db_role: 'anon' });

  // RLS applies: anon may not read auth.users at all.
  await assert.rejects(asCaller({ role: 'anon' }, (tx) => tx`select 1 from auth.users limit 1`), /permission denied/);

  // Both settings are transaction-local: the next statement on the pool runs as the pool's own role again.
  const [after] = await sql`select current_user::text as db_role, coalesce(current_setting('request.jwt.claims', true), '') as claims`;
  assert.deepEqual({ ...after }, { db_role: 'postgres', claims: '' });
});
