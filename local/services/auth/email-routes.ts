// The routes that work by mail, with GoTrue's request and response shapes and errors: /recover, /otp (magic link
// and email code), /verify (GET follows a mailed link and redirects with the session in the fragment; POST takes a
// token_hash, or an email and its code), /resend, and for admins /invite and /admin/generate_link.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { sendJson } from '../http.ts';
import { apiVersionHeaders, AuthHttpError, badRequest, forbidden, notFound, unprocessable } from './errors.ts';
import { allowedRedirect, emailTokenHash, newEmailOtp, sendEmailToken, verifyLink } from './email-tokens.ts';
import { clientIp, readJson, requireAdmin } from './request.ts';
import { rateLimited, signIn, type UserRouteDeps } from './user-routes.ts';
import { isBanned, type EmailTokenKind, type UserRow } from './users.ts';
import { checkPasswordStrength, validEmail } from './validation.ts';

const metadataSchema = z.record(z.string(), z.unknown());
const pkceFields = { code_challenge: z.string().nullish(), code_challenge_method: z.string().nullish() };
const recoverSchema = z.object({ email: z.string().optional(), ...pkceFields }).passthrough();
const otpSchema = z
  .object({ email: z.string().optional(), phone: z.string().optional(), create_user: z.boolean().default(true), data: metadataSchema.nullish(), channel: z.string().nullish(), ...pkceFields })
  .passthrough();
const verifySchema = z
  .object({ type: z.string().optional(), token: z.string().optional(), token_hash: z.string().optional(), email: z.string().optional(), phone: z.string().optional(), redirect_to: z.string().optional() })
  .passthrough();
const resendSchema = z.object({ type: z.string().optional(), email: z.string().optional(), phone: z.string().optional(), ...pkceFields }).passthrough();
const inviteSchema = z.object({ email: z.string().optional(), data: metadataSchema.nullish() }).passthrough();
const generateLinkSchema = z
  .object({ type: z.string().optional(), email: z.string().optional(), new_email: z.string().optional(), password: z.string().optional(), data: metadataSchema.nullish(), redirect_to: z.string().optional() })
  .passthrough();

/** The /verify types that use a mailed token, and which stored token each may match. */
const verifyTypes: Record<string, EmailTokenKind[]> = {
  signup: ['confirmation'],
  invite: ['confirmation'],
  recovery: ['recovery'],
  magiclink: ['recovery'],
  // A code typed in (signInWithOtp's email code) is whichever of the two was mailed last.
  email: ['confirmation', 'recovery'],
};

const send = (response: ServerResponse, status: number, body: unknown) => sendJson(response, status, body, apiVersionHeaders);

/** A password nobody knows, for users created by a magic link or an invitation (they never type one in). */
const randomPassword = () => randomBytes(33).toString('base64url');

/** Per-route, per-address limits of the mail-sending routes (GoTrue keeps one limiter per route at this rate). */
function checkMailRouteLimit(route: string, request: IncomingMessage, deps: UserRouteDeps): void {
  if (!deps.signInLimiter.allow(`${route}:${ipOf(request, deps)}`)) throw rateLimited();
}

const ipOf = (request: IncomingMessage, deps: UserRouteDeps) =>
  clientIp(request, { apiKey: deps.apiKey ?? 'anon', sbForwardedForEnabled: deps.settings.sbForwardedForEnabled });

export async function handleEmailRoute(request: IncomingMessage, response: ServerResponse, route: string, query: URLSearchParams, deps: UserRouteDeps): Promise<boolean> {
  const method = request.method ?? 'GET';
  if (route === '/recover' && method === 'POST') await recover(request, response, query, deps);
  else if (route === '/otp' && method === 'POST') await otp(request, response, query, deps);
  else if (route === '/verify' && method === 'GET') await verifyByLink(request, response, query, deps);
  else if (route === '/verify' && method === 'POST') await verifyByPost(request, response, deps);
  else if (route === '/resend' && method === 'POST') await resend(request, response, query, deps);
  else if (route === '/invite' && method === 'POST') await invite(request, response, query, deps);
  else if (route === '/admin/generate_link' && method === 'POST') await generateLink(request, response, query, deps);
  else return false;
  return true;
}

async function recover(request: IncomingMessage, response: ServerResponse, query: URLSearchParams, deps: UserRouteDeps): Promise<void> {
  checkMailRouteLimit('recover', request, deps);
  const body = await readJson(request, recoverSchema);
  const email = validEmail(body.email, 'Password recovery requires an email');
  const user = await deps.users.findByEmail(email);
  // An unknown address gets the same answer, so the route cannot tell who has an account.
  if (user) await sendEmailToken(deps, user, 'recovery', allowedRedirect(query.get('redirect_to'), request, deps.settings));
  send(response, 200, {});
}

async function otp(request: IncomingMessage, response: ServerResponse, query: URLSearchParams, deps: UserRouteDeps): Promise<void> {
  checkMailRouteLimit('otp', request, deps);
  const body = await readJson(request, otpSchema);
  if (body.email && body.phone) throw badRequest('validation_failed', 'Only an email address or phone number should be provided');
  if (body.email && body.channel) throw badRequest('validation_failed', 'Channel should only be specified with Phone OTP');
  if (!body.email && body.phone) throw badRequest('phone_provider_disabled', 'Unsupported phone provider');
  if (!body.email) throw badRequest('validation_failed', 'One of email or phone must be set');
  const email = validEmail(body.email, 'Password recovery requires an email');
  const redirectTo = allowedRedirect(query.get('redirect_to'), request, deps.settings);
  let user = await deps.users.findByEmail(email);
  if (!user && !body.create_user) throw unprocessable('otp_disabled', 'Signups not allowed for otp');
  if (!user || !user.email_confirmed_at) {
    // A new (or not yet confirmed) address signs up first, as GoTrue's magic link does.
    if (!user) {
      if (!deps.settings.signupEnabled) throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
      user = await deps.users.create({ email, password: randomPassword(), emailConfirmed: deps.settings.autoconfirm, userMetadata: body.data ?? {} });
    }
    if (!deps.settings.autoconfirm) {
      await sendEmailToken(deps, user, 'confirmation', redirectTo);
      send(response, 200, {});
      return;
    }
  }
  await sendEmailToken(deps, user, 'magic_link', redirectTo);
  send(response, 200, {});
}

interface VerifiedToken {
  user: UserRow;
  /** The type as verified; `email` becomes `signup` or `magiclink` by which token matched. */
  type: string;
}

/** Finds and uses up the token: GoTrue's verifyTokenHash and the confirmation or recovery that follows. */
async function useToken(type: string, tokenHash: string, deps: UserRouteDeps, invalid: () => AuthHttpError): Promise<VerifiedToken> {
  const kinds = verifyTypes[type];
  if (!kinds) {
    if (type === 'email_change' || type === 'sms' || type === 'phone_change') throw invalid();
    throw badRequest('validation_failed', 'Invalid email verification type');
  }
  const found = await deps.users.findByEmailToken(tokenHash, kinds);
  if (!found) throw invalid();
  const { user, kind } = found;
  if (isBanned(user)) throw forbidden('user_banned', 'User is banned');
  const sentAt = kind === 'recovery' ? user.recovery_sent_at : user.confirmation_sent_at;
  if (!sentAt || sentAt.getTime() + deps.settings.email.otpExpirySeconds * 1000 < Date.now()) throw invalid();
  // An invited user has no password yet: GoTrue gives them a random one and the app asks them to choose theirs.
  const needsPassword = kind === 'confirmation' && user.invited_at !== null && !user.encrypted_password;
  const used = await deps.users.consumeEmailToken(user.id, kind, needsPassword ? { randomPassword: randomPassword() } : {});
  const verifiedType = type === 'email' ? (kind === 'recovery' ? 'magiclink' : 'signup') : type;
  return { user: used, type: verifiedType };
}

const linkInvalid = () => forbidden('otp_expired', 'Email link is invalid or has expired');
const codeInvalid = () => forbidden('otp_expired', 'Token has expired or is invalid');

/** GoTrue's OAuth error names by status, used in the fragment of a failed link's redirect. */
const oauthErrors: Record<number, string> = { 400: 'invalid_request', 401: 'unauthorized_client', 403: 'access_denied', 429: 'access_denied', 500: 'server_error', 503: 'temporarily_unavailable' };

async function verifyByLink(request: IncomingMessage, response: ServerResponse, query: URLSearchParams, deps: UserRouteDeps): Promise<void> {
  if (!deps.verifyLimiter.allow(ipOf(request, deps))) throw rateLimited();
  const type = query.get('type') ?? '';
  const token = query.get('token') ?? '';
  if (!type) throw badRequest('validation_failed', 'Verify requires a verification type');
  if (!token) throw badRequest('validation_failed', 'Verify requires a token or a token hash');
  const redirectTo = allowedRedirect(query.get('redirect_to'), request, deps.settings);
  const target = new URL(redirectTo);
  let fragment: URLSearchParams;
  try {
    const { user } = await useToken(type, token, deps, linkInvalid);
    const session = await signIn(request, deps, user, 'otp');
    fragment = new URLSearchParams({
      access_token: String(session.access_token),
      expires_at: String(session.expires_at),
      expires_in: String(session.expires_in),
      refresh_token: String(session.refresh_token),
      token_type: 'bearer',
      type,
    });
  } catch (error) {
    if (!(error instanceof AuthHttpError)) throw error;
    // A failed link still goes back to the site, with the reason in the fragment, as GoTrue's does.
    fragment = new URLSearchParams();
    const name = oauthErrors[error.status];
    if (name) fragment.set('error', name);
    fragment.set('error_code', error.code);
    fragment.set('error_description', error.message);
    fragment.set('sb', '');
  }
  target.hash = fragment.toString();
  response.writeHead(303, { ...apiVersionHeaders, location: target.toString() }).end();
}

async function verifyByPost(request: IncomingMessage, response: ServerResponse, deps: UserRouteDeps): Promise<void> {
  if (!deps.verifyLimiter.allow(ipOf(request, deps))) throw rateLimited();
  const body = await readJson(request, verifySchema);
  if (!body.type) throw badRequest('validation_failed', 'Verify requires a verification type');
  if (Boolean(body.token) === Boolean(body.token_hash)) throw badRequest('validation_failed', 'Verify requires either a token or a token hash');
  let verified: VerifiedToken;
  if (body.token_hash) {
    if (body.email || body.phone || body.redirect_to) throw badRequest('validation_failed', 'Only the token_hash and type should be provided');
    verified = await useToken(body.type, body.token_hash, deps, linkInvalid);
  } else {
    if (body.phone || body.type === 'sms' || body.type === 'phone_change') throw codeInvalid();
    if (!body.email) throw badRequest('validation_failed', 'Only an email address or phone number should be provided on verify');
    let email: string;
    try {
      email = validEmail(body.email, 'An email address is required');
    } catch {
      throw unprocessable('validation_failed', 'Invalid email format');
    }
    const user = await deps.users.findByEmail(email);
    if (!user) throw codeInvalid();
    verified = await useToken(body.type, emailTokenHash(user.email ?? email, body.token ?? ''), deps, codeInvalid);
    if (verified.user.id !== user.id) throw codeInvalid();
  }
  send(response, 200, await signIn(request, deps, verified.user, 'otp'));
}

async function resend(request: IncomingMessage, response: ServerResponse, query: URLSearchParams, deps: UserRouteDeps): Promise<void> {
  checkMailRouteLimit('resend', request, deps);
  const body = await readJson(request, resendSchema);
  const type = body.type ?? '';
  if (!['signup', 'email_change', 'sms', 'phone_change'].includes(type)) {
    throw badRequest('validation_failed', 'Missing one of these types: signup, email_change, sms, phone_change');
  }
  if (!body.email && type === 'signup') throw badRequest('validation_failed', 'Type provided requires an email address');
  if (!body.phone && type === 'sms') throw badRequest('validation_failed', 'Type provided requires a phone number');
  if (body.email && body.phone) throw badRequest('validation_failed', 'Only an email address or phone number should be provided.');
  if (body.phone) throw badRequest('phone_provider_disabled', 'Phone logins are disabled');
  if (!body.email) throw badRequest('validation_failed', 'Missing email address or phone number');
  const email = validEmail(body.email, 'An email address is required');
  const user = await deps.users.findByEmail(email);
  // Nothing to resend (no such user, already confirmed, no pending email change) answers the same as a resend.
  if (user && type === 'signup' && !user.email_confirmed_at) {
    await sendEmailToken(deps, user, 'confirmation', allowedRedirect(query.get('redirect_to'), request, deps.settings));
  }
  send(response, 200, {});
}

async function invite(request: IncomingMessage, response: ServerResponse, query: URLSearchParams, deps: UserRouteDeps): Promise<void> {
  await requireAdmin(request, deps.keys);
  const body = await readJson(request, inviteSchema);
  const email = validEmail(body.email, 'An email address is required');
  let user = await deps.users.findByEmail(email);
  if (user?.email_confirmed_at) throw unprocessable('email_exists', 'A user with this email address has already been registered');
  user ??= await deps.users.create({ email, emailConfirmed: false, userMetadata: body.data ?? {} });
  const invited = await sendEmailToken(deps, user, 'invite', allowedRedirect(query.get('redirect_to'), request, deps.settings));
  send(response, 200, await deps.users.toJson(invited));
}

/** The link and code Auth would mail, returned instead of mailed (for an app that sends its own mail). */
async function generateLink(request: IncomingMessage, response: ServerResponse, query: URLSearchParams, deps: UserRouteDeps): Promise<void> {
  await requireAdmin(request, deps.keys);
  const body = await readJson(request, generateLinkSchema);
  const email = validEmail(body.email, 'An email address is required');
  const redirectTo = allowedRedirect(body.redirect_to ?? query.get('redirect_to'), request, deps.settings);
  let type = body.type ?? '';
  let user = await deps.users.findByEmail(email);
  let password = body.password;
  if (!user && type === 'magiclink') {
    // A magic link for an unknown address signs them up, as GoTrue's does.
    type = 'signup';
    password = randomPassword();
  }
  if (!user && (type === 'recovery' || type === 'email_change_current' || type === 'email_change_new')) {
    throw notFound('user_not_found', 'User with this email not found');
  }
  let kind: EmailTokenKind;
  if (type === 'magiclink' || type === 'recovery') {
    kind = 'recovery';
  } else if (type === 'invite' || type === 'signup') {
    kind = 'confirmation';
    if (user?.email_confirmed_at) throw unprocessable('email_exists', 'A user with this email address has already been registered');
    if (!user) {
      if (type === 'signup') {
        if (!password) throw unprocessable('validation_failed', 'Signup requires a valid password');
        checkPasswordStrength(password, deps.settings.minimumPasswordLength);
      }
      user = await deps.users.create({ email, password: type === 'signup' ? password : undefined, emailConfirmed: false, userMetadata: body.data ?? {} });
    } else if (body.data) {
      user = await deps.users.update(user.id, { userMetadata: body.data });
    }
  } else if (type === 'email_change_current' || type === 'email_change_new') {
    throw badRequest('validation_failed', 'Email change links are not served by the local Auth');
  } else {
    throw badRequest('validation_failed', `Invalid email action link type requested: ${type}`);
  }
  if (!user) throw notFound('user_not_found', 'User with this email not found');
  const emailOtp = newEmailOtp(deps.settings.email.otpLength);
  const hashedToken = emailTokenHash(user.email ?? email, emailOtp);
  const stored = await deps.users.storeEmailToken(user.id, kind, hashedToken, { invited: type === 'invite' });
  send(response, 200, {
    ...(await deps.users.toJson(stored)),
    action_link: verifyLink(deps.externalUrl, hashedToken, type, redirectTo),
    email_otp: emailOtp,
    hashed_token: hashedToken,
    verification_type: type,
    redirect_to: redirectTo,
  });
}
