// Input rules shared by the user and admin routes, with GoTrue's messages.
import { badRequest, weakPassword } from './errors.ts';

// The format GoTrue checks (the HTML living standard's "valid e-mail address", which GoTrue's email check library
// implements): no quoted or bracketed parts, a domain of dot-separated labels with no dot required, so
// `user@localhost` passes and `xx:;x@x.x` does not. Domains are not resolved, as GoTrue does not resolve them either.
const emailFormat =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

export function validEmail(email: string | undefined, missingMessage: string): string {
  const trimmed = email?.trim() ?? '';
  if (trimmed === '') throw badRequest('validation_failed', missingMessage);
  if (trimmed.length > 255) throw badRequest('validation_failed', 'An email address is too long');
  if (!emailFormat.test(trimmed)) throw badRequest('validation_failed', 'Unable to validate email address: invalid format');
  return trimmed.toLowerCase();
}

export function checkPasswordStrength(password: string, minimumLength: number): void {
  // GoTrue counts characters, not bytes.
  if ([...password].length < minimumLength) throw weakPassword(minimumLength);
}

/** `ban_duration` as GoTrue takes it: "none" lifts a ban, otherwise a duration like "24h" or "90m". */
export function banUntil(duration: string): Date | null {
  if (duration === 'none') return null;
  const match = /^(\d+(?:\.\d+)?)(h|m|s|ms)$/.exec(duration);
  if (!match) throw badRequest('validation_failed', 'invalid format for ban duration: use "none" or a duration such as "24h"');
  const unitMs = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 }[match[2] as 'h' | 'm' | 's' | 'ms'];
  return new Date(Date.now() + Number(match[1]) * unitMs);
}
