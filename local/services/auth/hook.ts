// The Custom Access Token Hook: a Postgres function named in config.toml that sees the
// claims of every access token before it is signed and may change them (Support Hub adds
// `user_role`). Called as supabase_auth_admin with the event GoTrue sends.
import type postgres from 'postgres';
import { z } from 'zod';
import { AuthHttpError } from './errors.ts';
import type { CustomAccessTokenHookSettings } from './settings.ts';

export type AuthenticationMethod = 'password' | 'token_refresh';

export interface CustomAccessTokenHook {
  /** Returns the claims to sign: the hook's output, or the input when no hook is configured. */
  run(event: { userId: string; claims: Record<string, unknown>; authenticationMethod: AuthenticationMethod }): Promise<Record<string, unknown>>;
}

const pgFunctionUri = /^pg-functions:\/\/[^/]+\/([A-Za-z_][A-Za-z0-9_$]*)\/([A-Za-z_][A-Za-z0-9_$]*)$/;

const hookOutputSchema = z.union([
  z.object({ error: z.object({ http_code: z.number().int().optional(), message: z.string() }) }).passthrough(),
  z.object({ claims: z.record(z.string(), z.unknown()) }).passthrough(),
]);

/** Claims GoTrue insists the hook's output keeps. */
const requiredClaims = ['aud', 'exp', 'iat', 'sub', 'role', 'aal', 'session_id', 'is_anonymous'] as const;

/** GoTrue's hook timeout. */
const HOOK_TIMEOUT = '2s';

export function createCustomAccessTokenHook(sql: postgres.Sql, settings: CustomAccessTokenHookSettings): CustomAccessTokenHook {
  if (!settings.enabled) return { run: async ({ claims }) => claims };
  const match = pgFunctionUri.exec(settings.uri ?? '');
  if (!match) {
    throw new Error(`[auth.hook.custom_access_token] uri must look like pg-functions://postgres/<schema>/<function>, got ${settings.uri ?? '(none)'}`);
  }
  const [, schema, name] = match as unknown as [string, string, string];
  const hookFailed = () => new AuthHttpError(500, 'unexpected_failure', `Error running hook URI: ${settings.uri}`);

  return {
    async run({ userId, claims, authenticationMethod }) {
      const event = { user_id: userId, claims, authentication_method: authenticationMethod };
      let output: unknown;
      try {
        output = await sql.begin(async (tx) => {
          await tx.unsafe(`set local statement_timeout = '${HOOK_TIMEOUT}'`);
          const [row] = await tx`select ${tx(schema)}.${tx(name)}(${tx.json(event as postgres.JSONValue)}::jsonb) as result`;
          return row?.result as unknown;
        });
      } catch (error) {
        console.error(`[auth] custom access token hook ${schema}.${name} failed: ${(error as Error).message}`);
        throw hookFailed();
      }
      const parsed = hookOutputSchema.safeParse(output);
      if (!parsed.success) throw new AuthHttpError(500, 'unexpected_failure', 'Invalid output from the custom access token hook: expected an object with claims');
      if ('error' in parsed.data) {
        const { http_code, message } = parsed.data.error as { http_code?: number; message: string };
        const status = http_code && http_code >= 400 && http_code < 600 ? http_code : 500;
        throw new AuthHttpError(status, status === 500 ? 'unexpected_failure' : 'unknown', message);
      }
      const out = (parsed.data as { claims: Record<string, unknown> }).claims;
      if (requiredClaims.some((claim) => !(claim in out))) {
        throw new AuthHttpError(500, 'unexpected_failure', 'output claims do not conform to the expected schema');
      }
      return out;
    },
  };
}
