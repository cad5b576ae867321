// The Auth settings the service runs with: read from supabase/config.toml and, for the one project setting
// config.toml has no key for, supabase/auth-settings.json; with the few overrides a test or the stack may need
// (a tighter rate limit, a throw-away hook).
import { z } from 'zod';
import { projectRoot, readProjectSettingsFile, StackError, type ProjectConfig } from '../../config.ts';

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

export type EmailTemplateType = 'invite' | 'confirmation' | 'recovery' | 'magic_link' | 'email_change' | 'reauthentication';

export interface EmailSettings {
  /** The least time between two mails of one kind to one user (GoTrue's `max_frequency`). */
  maxFrequencyMs: number;
  otpLength: number;
  otpExpirySeconds: number;
  /** `[auth.email.template.<type>]` as config.toml gives them (paths relative to the project root). */
  templates: Partial<Record<EmailTemplateType, { subject?: string; contentPath?: string }>>;
  /** Where Auth sends mail: `[auth.email.smtp]` when enabled, else the stack's mail catcher. */
  smtp: { host: string; port: number; user?: string; pass?: string; adminEmail: string; senderName?: string };
  /** Mails per hour for the whole project, counted only while confirmations are on (as GoTrue does). */
  sentPerHour: number;
}

export interface AuthSettings {
  siteUrl: string;
  additionalRedirectUrls: string[];
  anonymousSignInsEnabled: boolean;
  email: EmailSettings;
  jwtExpirySeconds: number;
  refreshTokenRotation: boolean;
  refreshTokenReuseIntervalSeconds: number;
  signupEnabled: boolean;
  autoconfirm: boolean;
  minimumPasswordLength: number;
  signInRateLimit: RateLimitSettings;
  tokenRefreshRateLimit: RateLimitSettings;
  verifyRateLimit: RateLimitSettings;
  customAccessTokenHook: CustomAccessTokenHookSettings;
  /** `[auth.hook.password_verification_attempt]`: called on every password check with `{ user_id, valid }`. */
  passwordVerificationHook: PgFunctionHookSettings;
  /**
   * Supabase's "IP address forwarding" (`security_sb_forwarded_for_enabled`): when on, a request made with the
   * secret API key is counted under the address in its `Sb-Forwarded-For` header instead of the socket's.
   */
  sbForwardedForEnabled: boolean;
}

export type AuthSettingsOverrides = Partial<AuthSettings> & {
  /** Replaces `email.sentPerHour` alone (the rest of the email settings still come from config.toml). */
  mailPerHour?: number;
};

/** config.toml's rate limits count per 5 minutes, as on Supabase. */
const RATE_LIMIT_WINDOW_MS = 5 * 60 * 1000;

/** The catcher's SMTP address and sender when config.toml names no SMTP server (the Supabase CLI's defaults). */
export interface LocalSmtp {
  host: string;
  port: number;
}

const templateTypes: EmailTemplateType[] = ['invite', 'confirmation', 'recovery', 'magic_link', 'email_change', 'reauthentication'];

/** A Go duration as config.toml writes it ("1s", "60s", "1m30s", "1h"). */
export function parseGoDuration(text: string): number {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== text) {
    throw new StackError(`supabase/config.toml: "${text}" is not a duration (use e.g. "1s", "60s" or "1m0s")`);
  }
  const unitMs = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 } as const;
  return parts.reduce((sum, part) => sum + Number(part[1]) * unitMs[part[2] as keyof typeof unitMs], 0);
}

export function authSettings(config: ProjectConfig, allOverrides: AuthSettingsOverrides = {}, localSmtp?: LocalSmtp): AuthSettings {
  const { mailPerHour, ...overrides } = allOverrides;
  const auth = config.auth;
  const smtpConfig = auth.email.smtp?.enabled ? auth.email.smtp : undefined;
  const templates: EmailSettings['templates'] = {};
  for (const type of templateTypes) {
    const template = auth.email.template[type];
    if (template) templates[type] = { subject: template.subject, contentPath: template.content_path };
  }
  return {
    siteUrl: auth.site_url,
    additionalRedirectUrls: auth.additional_redirect_urls,
    anonymousSignInsEnabled: auth.enable_anonymous_sign_ins,
    email: {
      maxFrequencyMs: parseGoDuration(auth.email.max_frequency),
      otpLength: auth.email.otp_length,
      otpExpirySeconds: auth.email.otp_expiry,
      templates,
      smtp: smtpConfig
        ? { host: smtpConfig.host, port: smtpConfig.port, user: smtpConfig.user, pass: smtpConfig.pass, adminEmail: smtpConfig.admin_email, senderName: smtpConfig.sender_name }
        : {
            host: localSmtp?.host ?? '127.0.0.1',
            port: localSmtp?.port ?? config.local_smtp.smtp_port,
            adminEmail: config.local_smtp.admin_email,
            senderName: config.local_smtp.sender_name,
          },
      sentPerHour: mailPerHour ?? auth.rate_limit.email_sent,
    },
    jwtExpirySeconds: auth.jwt_expiry,
    refreshTokenRotation: auth.enable_refresh_token_rotation,
    refreshTokenReuseIntervalSeconds: auth.refresh_token_reuse_interval,
    signupEnabled: auth.enable_signup,
    autoconfirm: !auth.email.enable_confirmations,
    minimumPasswordLength: auth.minimum_password_length,
    signInRateLimit: { limit: auth.rate_limit.sign_in_sign_ups, windowMs: RATE_LIMIT_WINDOW_MS },
    tokenRefreshRateLimit: { limit: auth.rate_limit.token_refresh, windowMs: RATE_LIMIT_WINDOW_MS },
    verifyRateLimit: { limit: auth.rate_limit.token_verifications, windowMs: RATE_LIMIT_WINDOW_MS },
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
  // A test run signs up dozens of customers, each confirming by mail.
  mailPerHour: 100_000,
  signInRateLimit: { limit: 100_000, windowMs: RATE_LIMIT_WINDOW_MS },
  tokenRefreshRateLimit: { limit: 100_000, windowMs: RATE_LIMIT_WINDOW_MS },
  verifyRateLimit: { limit: 100_000, windowMs: RATE_LIMIT_WINDOW_MS },
};

/**
 * The site a throw-away stack's mail links to: its own app (on the profile's port), as `site_url` names the app
 * of `npm start`. Templates build their links from {{ .SiteURL }}, so this is what lets a test follow one.
 */
export function throwAwayStackSite(appUrl: string): AuthSettingsOverrides {
  return { siteUrl: appUrl };
}
