// The server's environment, validated once so a missing variable fails with a clear message at
// the first request instead of as an obscure error deep inside a client library.
import { z } from 'zod';
import type { BrowserEnv } from '~/lib/shared/browser-env';

const serverEnvSchema = z.object({
  SUPABASE_URL: z.string().url(),
  SUPABASE_ANON_KEY: z.string().min(20),
  // Server only (never in browserEnv): the secret API key, used for nothing but the sign-in and sign-up calls, so
  // Auth trusts the client address they carry in Sb-Forwarded-For (decision 0013). Without it every sign-in
  // counts under the app server's one address.
  SUPABASE_SECRET_KEY: z.string().startsWith('sb_secret_', 'must be a secret API key (sb_secret_…)').optional(),
  // How many proxies in front of the app append to X-Forwarded-For and are trusted to (decision 0013). 0: none, the
  // app is reached directly, and the client is the connection's peer (server.ts passes it in the load context).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string'),
  // Local HTTP has no TLS, so the auth cookies cannot be `Secure` there; everywhere else they are.
  SESSION_COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

let cachedEnv: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (cachedEnv) return cachedEnv;
  const parsed = serverEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`The app's environment is incomplete (${problems}). See appEnvironment in local/app.ts.`);
  }
  cachedEnv = parsed.data;
  return cachedEnv;
}

export function browserEnv(): BrowserEnv {
  const { SUPABASE_URL, SUPABASE_ANON_KEY } = serverEnv();
  return { SUPABASE_URL, SUPABASE_ANON_KEY };
}
