// The one translator from database errors to people's messages (app/lib/server/db-errors.server.ts): one case per
// code it knows, with errors shaped as postgres.js raises them, then the same codes raised by the real database
// through withRls — so a changed Postgres wording or code shows up here, not as a 500 on a page.
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { testStack } from '../support/stack.ts';

process.env.DATABASE_URL = testStack.SUPABASE_DB_URL;
const { withRls, anonClaims, closeDatabasePool } = await import('../../app/lib/server/db.server.ts');
const errors = await import('../../app/lib/server/db-errors.server.ts');
const { translateDatabaseError, rethrowAsRefusal, DatabaseRefusal, isDatabaseUnavailable } = errors;

/** An error as postgres.js builds it from the server's ErrorResponse. */
const pgError = (fields: { code: string; message: string; hint?: string; constraint_name?: string }) => new postgres.PostgresError(fields as never);
/** A socket-level failure as Node and postgres.js report it (no SQLSTATE: the question never reached Postgres). */
const connectionError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code });

afterAll(async () => {
  await closeDatabasePool();
});

describe('translateDatabaseError, one code at a time', () => {
  it('42501 raised by our functions keeps their words; Postgres\'s own RLS and grant refusals become plain words', () => {
    expect(translateDatabaseError(pgError({ code: '42501', message: 'TCK-000001 is claimed by Ada, not by you' }))).toEqual({
      code: '42501',
      status: 403,
      message: 'TCK-000001 is claimed by Ada, not by you',
    });
    const rls = translateDatabaseError(pgError({ code: '42501', message: 'new row violates row-level security policy for table "tickets"' }));
    expect(rls).toMatchObject({ status: 403, message: errors.notAllowedMessage });
    expect(rls?.message).not.toContain('row-level security');
    const grant = translateDatabaseError(pgError({ code: '42501', message: 'permission denied for table solution_areas' }));
    expect(grant).toMatchObject({ status: 403, message: errors.notAllowedMessage });
  });

  it('23514 from a lifecycle trigger is shown with its hint; a raw check constraint is not', () => {
    expect(
      translateDatabaseError(pgError({ code: '23514', message: 'A ticket cannot move from resolved to in_progress', hint: 'Reopen it first' })),
    ).toMatchObject({ status: 409, message: 'A ticket cannot move from resolved to in_progress. Reopen it first' });
    const raw = translateDatabaseError(pgError({ code: '23514', message: 'new row for relation "work_orders" violates check constraint "work_orders_hours_check"', constraint_name: 'work_orders_hours_check' }));
    expect(raw).toMatchObject({ status: 400, message: errors.invalidStateMessage });
  });

  it('P0001 (a plain raise) keeps its message', () => {
    expect(translateDatabaseError(pgError({ code: 'P0001', message: 'Finish or cancel the open work orders first' }))).toMatchObject({
      status: 409,
      message: 'Finish or cancel the open work orders first',
    });
  });

  it('P0002 is a 404 with the schema\'s words, or the page\'s own', () => {
    const notFound = pgError({ code: 'P0002', message: 'ticket not found' });
    expect(translateDatabaseError(notFound)).toMatchObject({ status: 404, message: 'ticket not found' });
    expect(translateDatabaseError(notFound, { wording: { P0002: 'This ticket no longer exists.' } })).toMatchObject({ status: 404, message: 'This ticket no longer exists.' });
  });

  it('22023 (a refused argument) is a 409 with its message', () => {
    expect(translateDatabaseError(pgError({ code: '22023', message: 'TCK-000002 did not fail triage' }))).toMatchObject({ status: 409, message: 'TCK-000002 did not fail triage' });
  });

  it('23505: a constraint named in `fields` goes next to its field; otherwise no constraint name is shown', () => {
    const taken = pgError({ code: '23505', message: 'duplicate key value violates unique constraint "kb_articles_slug_key"', constraint_name: 'kb_articles_slug_key' });
    expect(translateDatabaseError(taken, { fields: { kb_articles_slug_key: { field: 'slug', message: 'Another article already uses this slug. Choose another.' } } })).toEqual({
      code: '23505',
      status: 400,
      field: 'slug',
      message: 'Another article already uses this slug. Choose another.',
    });
    expect(translateDatabaseError(taken)).toMatchObject({ status: 409, message: errors.duplicateMessage });
  });

  it('23503: the foreign key of a form field goes next to it; otherwise a plain message', () => {
    const unknownArea = pgError({
      code: '23503',
      message: 'insert or update on table "conversations" violates foreign key constraint "conversations_solution_area_fkey"',
      constraint_name: 'conversations_solution_area_fkey',
    });
    expect(translateDatabaseError(unknownArea, { fields: { conversations_solution_area_fkey: { field: 'solutionArea', message: 'Choose one of the listed topics.' } } })).toMatchObject({
      status: 400,
      field: 'solutionArea',
      message: 'Choose one of the listed topics.',
    });
    expect(translateDatabaseError(unknownArea)).toMatchObject({ status: 409, message: errors.missingReferenceMessage });
  });

  it('22021 (a NUL byte in text) asks to remove the unusual character', () => {
    expect(translateDatabaseError(pgError({ code: '22021', message: 'invalid byte sequence for encoding "UTF8": 0x00' }))).toMatchObject({
      status: 400,
      message: errors.unusualCharacterMessage,
    });
    expect(errors.unusualCharacterMessage).toMatch(/^Remove the unusual character/);
  });

  it('22003 (numeric value out of range) asks for a smaller value', () => {
    expect(translateDatabaseError(pgError({ code: '22003', message: 'numeric field overflow' }))).toMatchObject({ status: 400, message: errors.numberOutOfRangeMessage });
  });

  it('22P02 (a value in the wrong format) says so without the cast', () => {
    expect(translateDatabaseError(pgError({ code: '22P02', message: 'invalid input syntax for type uuid: "x"' }))).toMatchObject({ status: 400, message: errors.invalidValueMessage });
  });

  it('an unreachable database is a 503 "cannot reach", in the page\'s words when it has them', () => {
    expect(isDatabaseUnavailable(connectionError('ECONNREFUSED'))).toBe(true);
    expect(isDatabaseUnavailable(pgError({ code: '57P01', message: 'terminating connection due to administrator command' }))).toBe(true);
    expect(translateDatabaseError(connectionError('ECONNREFUSED'))).toEqual({ code: 'unavailable', status: 503, message: errors.unavailableMessage });
    expect(errors.unavailableMessage).toContain('cannot reach our servers');
    expect(translateDatabaseError(connectionError('CONNECT_TIMEOUT'), { wording: { unavailable: 'Your progress was not saved.' } })?.message).toBe('Your progress was not saved.');
  });

  it('anything else is not a refusal: no message, the caller re-throws', () => {
    expect(translateDatabaseError(new Error('boom'))).toBeNull();
    expect(translateDatabaseError(pgError({ code: '42P01', message: 'relation "nope" does not exist' }))).toBeNull();
    expect(translateDatabaseError('not an error')).toBeNull();
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
  });

  it('rethrowAsRefusal raises a DatabaseRefusal (or the subclass asked for) and leaves outages and bugs alone', () => {
    class DeskRefusal extends DatabaseRefusal {}
    const refused = (() => {
      try {
        rethrowAsRefusal(pgError({ code: 'P0002', message: 'ticket not found' }), { wording: { P0002: 'Gone.' } }, DeskRefusal);
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(DeskRefusal);
    expect(refused).toMatchObject({ status: 404, code: 'P0002', message: 'Gone.' });
    // A refusal passes through a second translation unchanged (a model raised it, a route shows it).
    expect(translateDatabaseError(refused)).toEqual({ code: 'P0002', status: 404, message: 'Gone.' });
    const outage = connectionError('ECONNRESET');
    expect(() => rethrowAsRefusal(outage)).toThrow(outage);
    const bug = new TypeError('undefined is not a function');
    expect(() => rethrowAsRefusal(bug)).toThrow(bug);
  });
});

describe('the real database raises what the translator expects', () => {
  const translate = async (work: Parameters<typeof withRls>[1]) => {
    const error = await withRls(anonClaims, work).then(
      () => null,
      (caught: unknown) => caught,
    );
    return translateDatabaseError(error);
  };

  it('a NUL byte in a parameter is 22021', async () => {
    await expect(translate((tx) => tx`select ${'before\u0000after'}::text`)).resolves.toMatchObject({ code: '22021', message: errors.unusualCharacterMessage });
  });

  it('a number too large for its column type is 22003', async () => {
    await expect(translate((tx) => tx`select ${'123456'}::numeric(4, 2)`)).resolves.toMatchObject({ code: '22003', message: errors.numberOutOfRangeMessage });
  });

  it('text that is not a uuid is 22P02', async () => {
    await expect(translate((tx) => tx`select ${'not-a-uuid'}::uuid`)).resolves.toMatchObject({ code: '22P02', message: errors.invalidValueMessage });
  });

  it('a write RLS or the grants refuse is 42501 in plain words', async () => {
    const refusal = await translate((tx) => tx`insert into public.solution_areas (slug, name, description) values ('anon-area', 'Anon', 'refused')`);
    expect(refusal).toMatchObject({ code: '42501', status: 403, message: errors.notAllowedMessage });
  });
});
