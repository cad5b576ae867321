// The Auth settings the service runs with: read from supabase/config.toml and, for the one project setting
// config.toml has no key for, supabase/auth-settings.json; with the few overrides a test or the stack may need
// (a tighter rate limit, a throw-away hook).
import { z } from 'zod';
import { projectRoot, readProjectSettingsFile, type ProjectConfig } from '../../config.ts';

export interface RateLimitSettings {
  /** Requests allowed per window and client IP address. */
  limit: number;
  windowMs: number;
}

export interface PgFunctionHookSettings {
  enabled: boolean;
  /** `pg-functions://postgres/<schema>/<function>`, as in config.toml. */
  uri?: string;
}
export type CustomAccessTokenHookSettings = PgFunctionHookSettings;

export interface AuthSettings {
  jwtExpirySeconds: number;
  refreshTokenRotation: boolean;
  refreshTokenReuseIntervalSeconds: number;
  signupEnabled: boolean;
  autoconfirm: boolean;
  minimumPasswordLength: number;
  signInRateLimit: RateLimitSettings;
  tokenRefreshRateLimit: RateLimitSettings;
  customAccessTokenHook: CustomAccessTokenHookSettings;
  /** `[auth.hook.password_verification_attempt]`: called on every password check with `{ user_id, valid }`. */
  passwordVerificationHook: PgFunctionHookSettings;
  /**
   * Supabase's "IP address forwarding" (`security_sb_forwarded_for_enabled`): when on, a request made with the
   * secret API key is counted under the address in its `Sb-Forwarded-For` header instead of the socket's.
   */
  sbForwardedForEnabled: boolean;
}

export type AuthSettingsOverrides = Partial<AuthSettings>;

/** config.toml's rate limits count per 5 minutes, as on Supabase. */
const RATE_LIMIT_WINDOW_MS = 5 * 60 * 1000;

export function authSettings(config: ProjectConfig, overrides: AuthSettingsOverrides = {}): AuthSettings {
  const auth = config.auth;
  return {
    jwtExpirySeconds: auth.jwt_expiry,
    refreshTokenRotation: auth.enable_refresh_token_rotation,
    refreshTokenReuseIntervalSeconds: auth.refresh_token_reuse_interval,
    signupEnabled: auth.enable_signup,
    autoconfirm: !auth.email.enable_confirmations,
    minimumPasswordLength: auth.minimum_password_length,
    signInRateLimit: { limit: auth.rate_limit.sign_in_sign_ups, windowMs: RATE_LIMIT_WINDOW_MS },
    tokenRefreshRateLimit: { limit: auth.rate_limit.token_refresh, windowMs: RATE_LIMIT_WINDOW_MS },
    customAccessTokenHook: {
      enabled: auth.hook.custom_access_token?.enabled ?? false,
      uri: auth.hook.custom_access_token?.uri,
    },
    passwordVerificationHook: {
      enabled: auth.hook.password_verification_attempt?.enabled ?? false,
      uri: auth.hook.password_verification_attempt?.uri,
    },
    sbForwardedForEnabled: readProjectAuthSettings().security_sb_forwarded_for_enabled,
    ...overrides,
  };
}

/**
 * Auth settings a hosted project keeps outside config.toml (the dashboard, or the Management API's
 * `PATCH /v1/projects/{ref}/config/auth`, whose field names these are). The Supabase CLI's config.toml has no key
 * for them and warns about unknown keys, so they live in supabase/auth-settings.json, as Realtime's do in
 * supabase/realtime-settings.json.
 */
const projectAuthSettingsSchema = z
  .object({
    /** Authentication → Rate Limits → IP address forwarding. */
    security_sb_forwarded_for_enabled: z.boolean(),
  })
  .strict();
export type ProjectAuthSettings = z.infer<typeof projectAuthSettingsSchema>;

export function readProjectAuthSettings(root = projectRoot): ProjectAuthSettings {
  return readProjectSettingsFile('auth-settings', projectAuthSettingsSchema, root);
}

/**
 * Throw-away stacks (npm test, npm run bench) send every client from 127.0.0.1, so config.toml's
 * per-IP limit of a few dozen sign-ins would fail unrelated suites and the 50-client benchmark.
 * They get a limit no honest run reaches; the rate-limit tests build their own service with a small one.
 */
export const throwAwayStackOverrides: AuthSettingsOverrides = {
  signInRateLimit: { limit: 100_000, windowMs: RATE_LIMIT_WINDOW_MS },
  tokenRefreshRateLimit: { limit: 100_000, windowMs: RATE_LIMIT_WINDOW_MS },
};
