// The one way Auth mails a token (sign-up confirmation, invitation, recovery, magic link) and the rules around
// it, as GoTrue has them: a numeric code of `otp_length` digits whose SHA-224 hash (over email + code) is stored
// and put in the link, the least time between two mails of a kind to one user (`max_frequency`), the project's
// hourly mail limit while confirmations are on (`email_sent`), and where the link may send the user afterwards.
import { createHash, randomInt } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AuthHttpError } from './errors.ts';
import type { Mailer } from './mailer.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { AuthSettings, EmailTemplateType } from './settings.ts';
import type { EmailTokenKind, UserRow, UsersRepository } from './users.ts';

/** What a mailed token is for: the template it goes out with, the column it is kept in, its `type` in /verify. */
export type EmailAction = 'confirmation' | 'invite' | 'recovery' | 'magic_link';

const actions: Record<EmailAction, { template: EmailTemplateType; kind: EmailTokenKind; verifyType: string; what: string }> = {
  confirmation: { template: 'confirmation', kind: 'confirmation', verifyType: 'signup', what: 'confirmation' },
  invite: { template: 'invite', kind: 'confirmation', verifyType: 'invite', what: 'invite' },
  recovery: { template: 'recovery', kind: 'recovery', verifyType: 'recovery', what: 'recovery' },
  magic_link: { template: 'magic_link', kind: 'recovery', verifyType: 'magiclink', what: 'magic link' },
};

export interface EmailTokenDeps {
  settings: AuthSettings;
  users: UsersRepository;
  mailer: Mailer;
  /** The project's hourly mail limit (`[auth.rate_limit] email_sent`). */
  emailSentLimiter: RateLimiter;
  /** Auth's public URL (…/auth/v1), which the links in mail point to. */
  externalUrl: string;
}

export function newEmailOtp(length: number): string {
  let otp = '';
  for (let index = 0; index < length; index++) otp += String(randomInt(10));
  return otp;
}

export function emailTokenHash(email: string, otp: string): string {
  return createHash('sha224').update(email + otp).digest('hex');
}

/** GoTrue's verify link: `token` is the hash; `redirect_to` is kept as given when it is already encoded. */
export function verifyLink(externalUrl: string, tokenHash: string, verifyType: string, redirectTo: string): string {
  const redirect = /[&=#]/.test(redirectTo) ? encodeURIComponent(redirectTo) : redirectTo;
  return `${externalUrl}/verify?token=${encodeURIComponent(tokenHash)}&type=${encodeURIComponent(verifyType)}&redirect_to=${redirect}`;
}

export const emailRateLimitExceeded = () => new AuthHttpError(429, 'over_email_send_rate_limit', 'email rate limit exceeded');

function checkSendFrequency(sentAt: Date | null, settings: AuthSettings): void {
  if (!sentAt) return;
  const waitMs = sentAt.getTime() + settings.email.maxFrequencyMs - Date.now();
  if (waitMs > 0) {
    throw new AuthHttpError(429, 'over_email_send_rate_limit', `For security purposes, you can only request this after ${Math.floor(waitMs / 1000)} seconds.`);
  }
}

/** Mails a fresh token for `action` to the user and stores its hash; the previous token of that kind stops working. */
export async function sendEmailToken(deps: EmailTokenDeps, user: UserRow, action: EmailAction, redirectTo: string): Promise<UserRow> {
  const { template, kind, verifyType, what } = actions[action];
  // An invitation may be sent again at once (an admin's deliberate act); everything else waits max_frequency.
  if (action !== 'invite') checkSendFrequency(kind === 'recovery' ? user.recovery_sent_at : user.confirmation_sent_at, deps.settings);
  if (deps.settings.email.sentPerHour === 0) throw emailRateLimitExceeded();
  if (!deps.settings.autoconfirm && !deps.emailSentLimiter.allow('project')) throw emailRateLimitExceeded();
  const email = user.email ?? '';
  const otp = newEmailOtp(deps.settings.email.otpLength);
  const tokenHash = emailTokenHash(email, otp);
  try {
    await deps.mailer.send(template, email, {
      ConfirmationURL: verifyLink(deps.externalUrl, tokenHash, verifyType, redirectTo),
      Token: otp,
      TokenHash: tokenHash,
      SiteURL: deps.settings.siteUrl,
      RedirectTo: redirectTo,
      Email: email,
      Data: user.raw_user_meta_data ?? {},
    });
  } catch (error) {
    console.error(`[auth] sending the ${what} mail failed:`, error);
    throw new AuthHttpError(500, 'unexpected_failure', `Error sending ${what} email`);
  }
  return deps.users.storeEmailToken(user.id, kind, tokenHash, { invited: action === 'invite' });
}

/** Whether `url` matches an `additional_redirect_urls` entry: `*` within a host label or path segment, `**` across them. */
function matchesAllowedPattern(url: string, pattern: string): boolean {
  const source = pattern
    .split('**')
    .map((part) => part.split('*').map((text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^./]*'))
    .join('.*');
  return new RegExp(`^${source}$`).test(url);
}

/**
 * Where a mailed link may send the user afterwards (GoTrue's "referrer"): the `redirect_to` asked for when its host
 * is the site's or it matches `additional_redirect_urls`, else the Referer header under the same rule, else the site
 * URL. Anything else is dropped silently, as GoTrue does, so a link can never be made to redirect elsewhere.
 */
export function allowedRedirect(candidate: string | null | undefined, request: IncomingMessage, settings: AuthSettings): string {
  const allowed = (url: string | null | undefined): url is string => {
    if (!url) return false;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (parsed.hostname === new URL(settings.siteUrl).hostname) return true;
    return settings.additionalRedirectUrls.some((pattern) => matchesAllowedPattern(url, pattern));
  };
  if (allowed(candidate)) return candidate;
  const referer = request.headers.referer;
  if (allowed(referer)) return referer;
  return settings.siteUrl;
}
