// Who a socket or channel acts as, and whether they may use a private channel. Tokens are
// verified by the one shared module (keys.verify) so Realtime accepts exactly what the rest
// of the stack accepts; private channels are decided by the project's RLS policies on
// realtime.messages, evaluated with the subscriber's role and claims and realtime.topic().
import type postgres from 'postgres';
import { InvalidTokenError, type JwtClaims, type StackKeys } from '../keys.ts';

export interface Subscriber {
  token: string;
  claims: JwtClaims;
}

export async function authenticate(keys: StackKeys, token: string): Promise<Subscriber> {
  const claims = await keys.verify(token);
  return { token, claims };
}

export function tokenErrorMessage(error: unknown): string {
  return error instanceof InvalidTokenError ? error.message : 'invalid JWT';
}

export type TopicAction = 'read' | 'write';

/** Seconds until the token expires, or undefined when it carries no `exp`. */
export function secondsUntilExpiry(claims: JwtClaims): number | undefined {
  return claims.exp === undefined ? undefined : claims.exp - Math.floor(Date.now() / 1000);
}

const ROLLBACK = Symbol('rollback');

/**
 * Runs the check inside a transaction that is always rolled back: a probe row is written as
 * the superuser, then read (join) or inserted (send) as the subscriber, as Supabase does.
 */
export async function canUseTopic(
  sql: postgres.Sql,
  subscriber: Subscriber,
  topic: string,
  extension: 'broadcast' | 'presence',
  action: TopicAction,
): Promise<boolean> {
  if (subscriber.claims.role === 'service_role') return true;
  let allowed = false;
  try {
    await sql.begin(async (tx) => {
      const [probe] = await tx<{ id: string }[]>`
        insert into realtime.messages (topic, extension, private, event) values (${topic}, ${extension}, true, 'authorization_probe') returning id`;
      await tx`select set_config('role', ${subscriber.claims.role}, true),
                      set_config('request.jwt.claims', ${JSON.stringify(subscriber.claims)}, true),
                      set_config('realtime.topic', ${topic}, true)`;
      if (action === 'read') {
        const rows = await tx`select 1 from realtime.messages where id = ${probe!.id}`;
        allowed = rows.length === 1;
      } else {
        try {
          await tx.savepoint((sp) => sp`insert into realtime.messages (topic, extension, private, event) values (${topic}, ${extension}, true, 'authorization_probe')`);
          allowed = true;
        } catch {
          allowed = false;
        }
      }
      throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  return allowed;
}
