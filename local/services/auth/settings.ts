// The Auth settings the service runs with: read from supabase/config.toml, with the few
// overrides a test or the stack may need (a tighter rate limit, a throw-away hook).
import type { ProjectConfig } from '../../config.ts';

export interface RateLimitSettings {
  /** Requests allowed per window and client IP address. */
  limit: number;
  windowMs: number;
}

export interface CustomAccessTokenHookSettings {
  enabled: boolean;
  /** `pg-functions://postgres/<schema>/<function>`, as in config.toml. */
  uri?: string;
}

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
    ...overrides,
  };
}

/**
 * Throw-away stacks (npm test, npm run bench) send every client from 127.0.0.1, so config.toml's
 * per-IP limit of a few dozen sign-ins would fail unrelated suites and the 50-client benchmark.
 * They get a limit no honest run reaches; the rate-limit test builds its own service with a tiny one.
 */
export const throwAwayStackOverrides: AuthSettingsOverrides = {
  signInRateLimit: { limit: 100_000, windowMs: RATE_LIMIT_WINDOW_MS },
  tokenRefreshRateLimit: { limit: 100_000, windowMs: RATE_LIMIT_WINDOW_MS },
};
