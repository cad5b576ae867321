// The routes a signed-in (or signing-in) user calls: /signup, /token, /user, /logout.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { sendJson } from '../http.ts';
import type { StackKeys } from '../keys.ts';
import { apiVersionHeaders, AuthHttpError, badRequest, unprocessable } from './errors.ts';
import type { PasswordVerificationHook } from './hook.ts';
import type { RateLimiter } from './rate-limit.ts';
import { clientIp as clientIpBy, readJson, requireCaller, type ApiKeyKind } from './request.ts';
import type { SessionsRepository } from './sessions.ts';
import type { AuthSettings } from './settings.ts';
import type { TokenIssuer } from './tokens.ts';
import { isBanned, passwordMatches, type UsersRepository } from './users.ts';
import { checkPasswordStrength, validEmail } from './validation.ts';
import { allowedRedirect, sendEmailToken, type EmailTokenDeps } from './email-tokens.ts';
import type { AuthenticationMethod } from './hook.ts';
import type { UserRow } from './users.ts';

export interface UserRouteDeps extends EmailTokenDeps {
  keys: StackKeys;
  settings: AuthSettings;
  users: UsersRepository;
  sessions: SessionsRepository;
  tokens: TokenIssuer;
  signInLimiter: RateLimiter;
  refreshLimiter: RateLimiter;
  /** `[auth.rate_limit] token_verifications`: /verify calls per client address. */
  verifyLimiter: RateLimiter;
  passwordVerificationHook: PasswordVerificationHook;
  /** The API key this request came with (known once the apikey gate has passed; the open routes have none). */
  apiKey?: ApiKeyKind;
}

function clientIp(request: IncomingMessage, deps: UserRouteDeps): string {
  return clientIpBy(request, { apiKey: deps.apiKey ?? 'anon', sbForwardedForEnabled: deps.settings.sbForwardedForEnabled });
}

const metadataSchema = z.record(z.string(), z.unknown());

const signUpSchema = z
  .object({ email: z.string().optional(), password: z.string().optional(), data: metadataSchema.nullish(), phone: z.string().optional() })
  .passthrough();
const passwordGrantSchema = z.object({ email: z.string().optional(), phone: z.string().optional(), password: z.string().optional() }).passthrough();
const refreshGrantSchema = z.object({ refresh_token: z.string().optional() }).passthrough();
const updateUserSchema = z
  .object({ email: z.string().optional(), password: z.string().optional(), data: metadataSchema.nullish(), phone: z.string().optional() })
  .passthrough();

const logoutScopeSchema = z.enum(['global', 'local', 'others']);

export const rateLimited = () => new AuthHttpError(429, 'over_request_rate_limit', 'Request rate limit reached');

const send = (response: ServerResponse, status: number, body: unknown) => sendJson(response, status, body, apiVersionHeaders);

function userAgentOf(request: IncomingMessage): string | undefined {
  return request.headers['user-agent'];
}

export async function signUp(request: IncomingMessage, response: ServerResponse, query: URLSearchParams, deps: UserRouteDeps): Promise<void> {
  if (!deps.signInLimiter.allow(clientIp(request, deps))) throw rateLimited();
  const body = await readJson(request, signUpSchema);
  // GoTrue's order: no email and no phone at all is an anonymous sign-in, refused while they are off (422), before
  // anything else; then a phone sign-up meets the disabled phone provider (400).
  if (!body.email && !body.phone) {
    const reason = deps.settings.anonymousSignInsEnabled ? 'Anonymous sign-ins are not served by the local Auth' : 'Anonymous sign-ins are disabled';
    throw unprocessable('anonymous_provider_disabled', reason);
  }
  if (!deps.settings.signupEnabled) throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
  if (body.phone && !body.email) throw badRequest('phone_provider_disabled', 'Phone signups are disabled');
  const email = validEmail(body.email, 'To signup, please provide your email');
  if (!body.password) throw unprocessable('validation_failed', 'Signup requires a valid password');
  checkPasswordStrength(body.password, deps.settings.minimumPasswordLength);
  const existing = await deps.users.findByEmail(email);
  if (existing?.email_confirmed_at && !deps.settings.autoconfirm) {
    // With confirmations on, signing up with a confirmed account's email answers exactly as a new sign-up does (a
    // user, no session) and mails nothing, as GoTrue does: the answer must not tell anyone the account exists.
    send(response, 200, unknownLookingUser(email, body.data ?? {}));
    return;
  }
  if (existing && (existing.email_confirmed_at || deps.settings.autoconfirm)) throw unprocessable('user_already_exists', 'User already registered');
  const redirectTo = allowedRedirect(query.get('redirect_to'), request, deps.settings);
  if (existing) {
    // Signing up again before confirming sends the confirmation again, as GoTrue does.
    const resent = await sendEmailToken(deps, existing, 'confirmation', redirectTo);
    send(response, 200, await deps.users.toJson(resent));
    return;
  }
  const user = await deps.users.create({
    email,
    password: body.password,
    emailConfirmed: deps.settings.autoconfirm,
    userMetadata: body.data ?? {},
  });
  if (!deps.settings.autoconfirm) {
    // With confirmations on the user gets a link and no session until they follow it.
    const mailed = await sendEmailToken(deps, user, 'confirmation', redirectTo);
    send(response, 200, await deps.users.toJson(mailed));
    return;
  }
  send(response, 200, await signIn(request, deps, user, 'password'));
}

/**
 * What a sign-up with a confirmed account's email answers while confirmations are on: the shape of a fresh,
 * unconfirmed user (a new random id, no identities, nothing confirmed, the metadata the caller sent), so it cannot
 * be told apart from a real new sign-up. Nothing is stored under that id.
 */
function unknownLookingUser(email: string, userMetadata: Record<string, unknown>): Record<string, unknown> {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    aud: 'authenticated',
    role: '',
    email,
    phone: '',
    confirmation_sent_at: now,
    app_metadata: { provider: 'email', providers: ['email'] },
    user_metadata: userMetadata,
    identities: [],
    created_at: now,
    updated_at: now,
    is_anonymous: false,
  };
}

/** Starts a session for a user who just proved who they are, and returns GoTrue's session response. */
export async function signIn(request: IncomingMessage, deps: UserRouteDeps, user: UserRow, method: AuthenticationMethod): Promise<Record<string, unknown>> {
  await deps.users.recordSignIn(user.id);
  const signedIn = (await deps.users.findById(user.id)) ?? user;
  const { session, refreshToken } = await deps.sessions.start(user.id, userAgentOf(request), clientIp(request, deps));
  return deps.tokens.issue(signedIn, session, refreshToken, method);
}

export async function token(request: IncomingMessage, response: ServerResponse, query: URLSearchParams, deps: UserRouteDeps): Promise<void> {
  const grantType = query.get('grant_type');
  if (grantType === 'password') return passwordGrant(request, response, deps);
  if (grantType === 'refresh_token') return refreshGrant(request, response, deps);
  // GoTrue's answer to a grant type it does not know (pkce, id_token and web3 are not served locally either).
  throw badRequest('invalid_credentials', 'unsupported_grant_type');
}

async function passwordGrant(request: IncomingMessage, response: ServerResponse, deps: UserRouteDeps): Promise<void> {
  if (!deps.signInLimiter.allow(clientIp(request, deps))) throw rateLimited();
  const body = await readJson(request, passwordGrantSchema);
  if (!body.email && body.phone) throw unprocessable('phone_provider_disabled', 'Phone logins are disabled');
  const invalidCredentials = badRequest('invalid_credentials', 'Invalid login credentials');
  if (!body.email || !body.password) throw invalidCredentials;
  const user = await deps.users.findByEmail(body.email.trim());
  if (!user) throw invalidCredentials;
  const valid = await passwordMatches(body.password, user.encrypted_password);
  // As in GoTrue: the hook hears about every password check of an existing user, right or wrong, and its
  // refusal wins over the password being right.
  await deps.passwordVerificationHook.check({ userId: user.id, valid });
  if (!valid) throw invalidCredentials;
  if (!user.email_confirmed_at) throw badRequest('email_not_confirmed', 'Email not confirmed');
  if (isBanned(user)) throw badRequest('user_banned', 'User is banned');
  send(response, 200, await signIn(request, deps, user, 'password'));
}

async function refreshGrant(request: IncomingMessage, response: ServerResponse, deps: UserRouteDeps): Promise<void> {
  if (!deps.refreshLimiter.allow(clientIp(request, deps))) throw rateLimited();
  const body = await readJson(request, refreshGrantSchema);
  if (!body.refresh_token) throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
  const { session, refreshToken } = await deps.sessions.rotate(body.refresh_token, {
    rotation: deps.settings.refreshTokenRotation,
    reuseIntervalSeconds: deps.settings.refreshTokenReuseIntervalSeconds,
  });
  const user = await deps.users.findById(session.user_id);
  if (!user) throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
  if (isBanned(user)) throw badRequest('user_banned', 'User is banned');
  send(response, 200, await deps.tokens.issue(user, session, refreshToken, 'token_refresh'));
}

export async function getUser(request: IncomingMessage, response: ServerResponse, deps: UserRouteDeps): Promise<void> {
  const { user } = await requireCaller(request, deps);
  send(response, 200, await deps.users.toJson(user));
}

export async function updateUser(request: IncomingMessage, response: ServerResponse, deps: UserRouteDeps): Promise<void> {
  const { user } = await requireCaller(request, deps);
  const body = await readJson(request, updateUserSchema);
  if (body.phone) throw unprocessable('phone_provider_disabled', 'Phone changes are disabled locally');
  const changes: Parameters<UsersRepository['update']>[1] = {};
  if (body.email !== undefined) {
    const email = validEmail(body.email, 'An email address is required');
    const owner = await deps.users.findByEmail(email);
    if (owner && owner.id !== user.id) throw unprocessable('email_exists', 'A user with this email address has already been registered');
    // With confirmations off (the local default) GoTrue changes the address at once.
    if (email !== user.email) changes.email = email;
  }
  if (body.password !== undefined) {
    checkPasswordStrength(body.password, deps.settings.minimumPasswordLength);
    if (await passwordMatches(body.password, user.encrypted_password)) {
      throw unprocessable('same_password', 'New password should be different from the old password.');
    }
    changes.password = body.password;
  }
  if (body.data) changes.userMetadata = body.data;
  const updated = await deps.users.update(user.id, changes);
  send(response, 200, await deps.users.toJson(updated));
}

export async function logout(request: IncomingMessage, response: ServerResponse, query: URLSearchParams, deps: UserRouteDeps): Promise<void> {
  const scope = logoutScopeSchema.safeParse(query.get('scope') ?? 'global');
  if (!scope.success) throw badRequest('validation_failed', 'Unsupported logout scope: use global, local or others');
  const { user, session } = await requireCaller(request, deps);
  await deps.sessions.end(user.id, session.id, scope.data);
  response.writeHead(204, apiVersionHeaders).end();
}

export function settingsResponse(settings: AuthSettings): Record<string, unknown> {
  return {
    external: { email: true, phone: false, anonymous_users: settings.anonymousSignInsEnabled },
    disable_signup: !settings.signupEnabled,
    mailer_autoconfirm: settings.autoconfirm,
    phone_autoconfirm: false,
    sms_provider: '',
    saml_enabled: false,
  };
}
