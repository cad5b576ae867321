// Auth hooks backed by Postgres functions named in config.toml, called as supabase_auth_admin with
// the event GoTrue sends:
// - the Custom Access Token Hook sees the claims of every access token before it is signed and may
//   change them (Support Hub adds `user_role`);
// - the Password Verification Attempt Hook sees every password check (`{ user_id, valid }`) and may
//   refuse the sign-in (Support Hub's per-account limit, decision 0013).
import type postgres from 'postgres';
import { z } from 'zod';
import { AuthHttpError } from './errors.ts';
import type { CustomAccessTokenHookSettings, PgFunctionHookSettings } from './settings.ts';

/** GoTrue's names for how a session began (`otp` covers every mailed link and code, as in GoTrue's /verify). */
export type AuthenticationMethod = 'password' | 'otp' | 'token_refresh';

export interface CustomAccessTokenHook {
  /** Returns the claims to sign: the hook's output, or the input when no hook is configured. */
  run(event: { userId: string; claims: Record<string, unknown>; authenticationMethod: AuthenticationMethod }): Promise<Record<string, unknown>>;
}

const pgFunctionUri = /^pg-functions:\/\/[^/]+\/([A-Za-z_][A-Za-z0-9_$]*)\/([A-Za-z_][A-Za-z0-9_$]*)$/;

/** A hook's `{ error: { http_code, message } }` output, which GoTrue turns into an error response for every hook. */
const hookErrorSchema = z.object({ error: z.object({ http_code: z.number().int().optional(), message: z.string() }) }).passthrough();

const hookOutputSchema = z.union([
  hookErrorSchema,
  z.object({ claims: z.record(z.string(), z.unknown()) }).passthrough(),
]);

/** Claims GoTrue insists the hook's output keeps. */
const requiredClaims = ['aud', 'exp', 'iat', 'sub', 'role', 'aal', 'session_id', 'is_anonymous'] as const;

/** GoTrue's hook timeout. */
const HOOK_TIMEOUT = '2s';

function hookErrorResponse({ http_code, message }: { http_code?: number; message: string }): AuthHttpError {
  const status = http_code && http_code >= 400 && http_code < 600 ? http_code : 500;
  return new AuthHttpError(status, status === 500 ? 'unexpected_failure' : 'unknown', message);
}

/** Calls the Postgres function a hook's `pg-functions://` URI names with the event, as GoTrue does (2 s timeout). */
function pgFunctionHook(sql: postgres.Sql, settings: PgFunctionHookSettings, configKey: string): (event: Record<string, unknown>) => Promise<unknown> {
  const match = pgFunctionUri.exec(settings.uri ?? '');
  if (!match) {
    throw new Error(`[auth.hook.${configKey}] uri must look like pg-functions://postgres/<schema>/<function>, got ${settings.uri ?? '(none)'}`);
  }
  const [, schema, name] = match as unknown as [string, string, string];
  return async (event) => {
    try {
      return await sql.begin(async (tx) => {
        await tx.unsafe(`set local statement_timeout = '${HOOK_TIMEOUT}'`);
        const [row] = await tx`select ${tx(schema)}.${tx(name)}(${tx.json(event as postgres.JSONValue)}::jsonb) as result`;
        return row?.result as unknown;
      });
    } catch (error) {
      console.error(`[auth] ${configKey} hook ${schema}.${name} failed: ${(error as Error).message}`);
      throw new AuthHttpError(500, 'unexpected_failure', `Error running hook URI: ${settings.uri}`);
    }
  };
}

export function createCustomAccessTokenHook(sql: postgres.Sql, settings: CustomAccessTokenHookSettings): CustomAccessTokenHook {
  if (!settings.enabled) return { run: async ({ claims }) => claims };
  const call = pgFunctionHook(sql, settings, 'custom_access_token');

  return {
    async run({ userId, claims, authenticationMethod }) {
      const output = await call({ user_id: userId, claims, authentication_method: authenticationMethod });
      const parsed = hookOutputSchema.safeParse(output);
      if (!parsed.success) throw new AuthHttpError(500, 'unexpected_failure', 'Invalid output from the custom access token hook: expected an object with claims');
      if ('error' in parsed.data) throw hookErrorResponse(parsed.data.error as { http_code?: number; message: string });
      const out = (parsed.data as { claims: Record<string, unknown> }).claims;
      if (requiredClaims.some((claim) => !(claim in out))) {
        throw new AuthHttpError(500, 'unexpected_failure', 'output claims do not conform to the expected schema');
      }
      return out;
    },
  };
}

export interface PasswordVerificationHook {
  /**
   * Tells the hook about one password check. Resolves when the sign-in may go on as usual; throws the refusal
   * (400 invalid_credentials with the hook's message) when the hook decides `reject`, after ending every session
   * of the user if it asked for that.
   */
  check(event: { userId: string; valid: boolean }): Promise<void>;
}

/** GoTrue's message when a hook rejects without one. */
const DEFAULT_REJECTION_MESSAGE = 'Further password verification attempts will be rejected.';

const passwordHookOutputSchema = z.union([
  hookErrorSchema,
  z.object({ decision: z.enum(['continue', 'reject']), message: z.string().optional(), should_logout_user: z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]).optional() }).passthrough(),
]);

export function createPasswordVerificationHook(
  sql: postgres.Sql,
  settings: PgFunctionHookSettings,
  endAllSessionsOf: (userId: string) => Promise<void>,
): PasswordVerificationHook {
  if (!settings.enabled) return { check: async () => {} };
  const call = pgFunctionHook(sql, settings, 'password_verification_attempt');
  return {
    async check({ userId, valid }) {
      const parsed = passwordHookOutputSchema.safeParse(await call({ user_id: userId, valid }));
      if (!parsed.success) throw new AuthHttpError(500, 'unexpected_failure', 'Invalid output from the password verification hook: expected a decision');
      if ('error' in parsed.data) throw hookErrorResponse(parsed.data.error as { http_code?: number; message: string });
      const output = parsed.data as { decision: 'continue' | 'reject'; message?: string; should_logout_user?: boolean };
      if (output.decision !== 'reject') return;
      if (output.should_logout_user) await endAllSessionsOf(userId);
      throw new AuthHttpError(400, 'invalid_credentials', output.message || DEFAULT_REJECTION_MESSAGE);
    },
  };
}
