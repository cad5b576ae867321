// auth.sessions and auth.refresh_tokens: a session per sign-in, a chain of refresh tokens per
// session. Each refresh revokes the token used and issues its child (rotation), as GoTrue does.
import { randomBytes, randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { badRequest } from './errors.ts';

export interface SessionRow {
  id: string;
  user_id: string;
  created_at: Date;
  aal: string | null;
  not_after: Date | null;
}

export interface RefreshTokenRow {
  id: string;
  token: string;
  user_id: string;
  revoked: boolean;
  created_at: Date;
  updated_at: Date;
  parent: string | null;
  session_id: string;
}

export type LogoutScope = 'global' | 'local' | 'others';

/** GoTrue's refresh tokens are short random strings; they are only ever looked up, never parsed. */
const newRefreshTokenValue = () => randomBytes(9).toString('base64url');

export function createSessionsRepository(sql: postgres.Sql) {
  async function insertToken(tx: postgres.TransactionSql | postgres.Sql, userId: string, sessionId: string, parent: string | null) {
    const [token] = await tx<RefreshTokenRow[]>`
      insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
      values ('00000000-0000-0000-0000-000000000000', ${newRefreshTokenValue()}, ${userId}, false, now(), now(), ${parent}, ${sessionId})
      returning id::text, token, user_id, revoked, created_at, updated_at, parent, session_id`;
    return token as RefreshTokenRow;
  }

  return {
    async start(userId: string, userAgent: string | undefined, ip: string | undefined): Promise<{ session: SessionRow; refreshToken: RefreshTokenRow }> {
      return (await sql.begin(async (tx) => {
        const [session] = await tx<SessionRow[]>`
          insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent, ip)
          values (${randomUUID()}, ${userId}, now(), now(), 'aal1', ${userAgent ?? null}, ${ip ?? null}::inet)
          returning id, user_id, created_at, aal, not_after`;
        const refreshToken = await insertToken(tx, userId, (session as SessionRow).id, null);
        return { session, refreshToken };
      })) as { session: SessionRow; refreshToken: RefreshTokenRow };
    },

    async findSession(id: string): Promise<SessionRow | undefined> {
      const [session] = await sql<SessionRow[]>`select id, user_id, created_at, aal, not_after from auth.sessions where id = ${id}::uuid`;
      return session;
    },

    /**
     * Exchanges a refresh token for the next one. A revoked token is refused once the reuse
     * interval since its rotation has passed (and its whole session is then revoked, since a
     * stolen token may be in play); inside the interval the session's active token is returned,
     * so two tabs refreshing at once both end up with a working session.
     */
    async rotate(tokenValue: string, options: { rotation: boolean; reuseIntervalSeconds: number }): Promise<{ session: SessionRow; refreshToken: RefreshTokenRow }> {
      type Outcome = { session: SessionRow; refreshToken: RefreshTokenRow } | { reusedTooLate: true };
      const outcome = (await sql.begin(async (tx): Promise<Outcome> => {
        const [token] = await tx<RefreshTokenRow[]>`
          select id::text, token, user_id, revoked, created_at, updated_at, parent, session_id
          from auth.refresh_tokens where token = ${tokenValue} for update`;
        if (!token) throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
        const [session] = await tx<SessionRow[]>`
          select id, user_id, created_at, aal, not_after from auth.sessions where id = ${token.session_id}::uuid for update`;
        if (!session) throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
        if (session.not_after && session.not_after.getTime() < Date.now()) {
          throw badRequest('session_expired', 'Invalid Refresh Token: Session Expired');
        }
        await tx`update auth.sessions set refreshed_at = now() at time zone 'utc', updated_at = now() where id = ${session.id}::uuid`;
        if (!token.revoked) {
          if (!options.rotation) return { session, refreshToken: token };
          await tx`update auth.refresh_tokens set revoked = true, updated_at = now() where id = ${token.id}::bigint`;
          return { session, refreshToken: await insertToken(tx, token.user_id, session.id, token.token) };
        }
        const reuseUntil = token.updated_at.getTime() + options.reuseIntervalSeconds * 1000;
        const [active] = await tx<RefreshTokenRow[]>`
          select id::text, token, user_id, revoked, created_at, updated_at, parent, session_id
          from auth.refresh_tokens where session_id = ${session.id}::uuid and revoked = false
          order by id desc limit 1`;
        if (Date.now() <= reuseUntil && active) return { session, refreshToken: active };
        // Returned rather than thrown so the revocation of the whole family commits.
        await tx`update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = ${session.id}::uuid and revoked = false`;
        return { reusedTooLate: true };
      })) as Outcome;
      if ('reusedTooLate' in outcome) throw badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used');
      return outcome;
    },

    async end(userId: string, sessionId: string, scope: LogoutScope): Promise<void> {
      if (scope === 'global') await sql`delete from auth.sessions where user_id = ${userId}::uuid`;
      else if (scope === 'local') await sql`delete from auth.sessions where id = ${sessionId}::uuid`;
      else await sql`delete from auth.sessions where user_id = ${userId}::uuid and id <> ${sessionId}::uuid`;
    },

    async endAllOf(userId: string): Promise<void> {
      await sql`delete from auth.sessions where user_id = ${userId}::uuid`;
    },
  };
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
