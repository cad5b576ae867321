// Local Auth service, mounted at /auth/v1: the part of the Supabase Auth (GoTrue) HTTP API
// that @supabase/supabase-js uses with email + password and with mailed links and codes, backed by the real
// auth.* tables.
import type { IncomingMessage, ServerResponse } from 'node:http';
import postgres from 'postgres';
import { databaseUrlAs, type ProjectConfig } from '../../config.ts';
import { corsHeaders, sendJson, type MountedService } from '../http.ts';
import type { StackKeys } from '../keys.ts';
import { handleAdmin } from './admin-routes.ts';
import { apiVersionHeaders, AuthHttpError, notFound, sendApiKeyError, sendAuthError } from './errors.ts';
import { createCustomAccessTokenHook, createPasswordVerificationHook } from './hook.ts';
import { createRateLimiter } from './rate-limit.ts';
import { ApiKeyError, requireApiKey } from './request.ts';
import { createSessionsRepository } from './sessions.ts';
import { authSettings, type AuthSettingsOverrides, type LocalSmtp } from './settings.ts';
import { createMailer } from './mailer.ts';
import { handleEmailRoute } from './email-routes.ts';
import { createTokenIssuer } from './tokens.ts';
import { getUser, logout, settingsResponse, signUp, token, updateUser, type UserRouteDeps } from './user-routes.ts';
import { createUsersRepository } from './users.ts';

export interface AuthServiceOptions {
  keys: StackKeys;
  /** Any superuser URL of the stack's database; Auth connects to it as supabase_auth_admin. */
  dbUrl: string;
  config: ProjectConfig;
  apiUrl: string;
  /** Overrides of config.toml's auth settings (tests: a tiny rate limit, a throw-away hook). */
  overrides?: AuthSettingsOverrides;
  /** The stack's mail catcher, where mail goes unless config.toml names an SMTP server ([auth.email.smtp]). */
  localSmtp?: LocalSmtp;
}

/** Routes the Supabase gateway serves without an API key. */
const OPEN_ROUTES = new Set(['/.well-known/jwks.json', '/health']);

export function createAuthService(options: AuthServiceOptions): MountedService {
  const settings = authSettings(options.config, options.overrides, options.localSmtp);
  // GoTrue's own database role; its search_path is auth, every query here is qualified anyway.
  const sql = postgres(databaseUrlAs(options.dbUrl, 'supabase_auth_admin'), { max: 8, onnotice: () => {}, connection: { application_name: 'local-auth' } });
  const users = createUsersRepository(sql);
  const sessions = createSessionsRepository(sql);
  const hook = createCustomAccessTokenHook(sql, settings.customAccessTokenHook);
  const sharedDeps: UserRouteDeps = {
    keys: options.keys,
    settings,
    users,
    sessions,
    tokens: createTokenIssuer({ keys: options.keys, issuer: `${options.apiUrl}/auth/v1`, expirySeconds: settings.jwtExpirySeconds, hook, users }),
    signInLimiter: createRateLimiter(settings.signInRateLimit),
    refreshLimiter: createRateLimiter(settings.tokenRefreshRateLimit),
    verifyLimiter: createRateLimiter(settings.verifyRateLimit),
    mailer: createMailer(settings.email),
    emailSentLimiter: createRateLimiter({ limit: settings.email.sentPerHour, windowMs: 60 * 60 * 1000 }),
    externalUrl: `${options.apiUrl}/auth/v1`,
    passwordVerificationHook: createPasswordVerificationHook(sql, settings.passwordVerificationHook, (userId) => sessions.endAllOf(userId)),
  };

  async function route(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const url = new URL(path, 'http://local');
    const routePath = url.pathname.replace(/\/+$/, '') || '/';
    const method = request.method ?? 'GET';
    if (routePath === '/.well-known/jwks.json') return sendJson(response, 200, options.keys.jwks, corsHeaders);
    if (routePath === '/health') return sendJson(response, 200, { version: 'local', name: 'GoTrue', description: 'Support Hub local auth' }, apiVersionHeaders);
    // A mailed link is opened by a browser that has no API key: Supabase's gateway lets GET /verify through without one.
    const mailedLink = routePath === '/verify' && method === 'GET';
    const deps: UserRouteDeps = { ...sharedDeps, apiKey: mailedLink ? undefined : await requireApiKey(request, url.searchParams, options.keys) };

    if (routePath === '/settings' && method === 'GET') return sendJson(response, 200, settingsResponse(settings), apiVersionHeaders);
    if (routePath === '/signup' && method === 'POST') return signUp(request, response, url.searchParams, deps);
    if (routePath === '/token' && method === 'POST') return token(request, response, url.searchParams, deps);
    if (routePath === '/user' && method === 'GET') return getUser(request, response, deps);
    if (routePath === '/user' && method === 'PUT') return updateUser(request, response, deps);
    if (routePath === '/logout' && method === 'POST') return logout(request, response, url.searchParams, deps);
    if (await handleEmailRoute(request, response, routePath, url.searchParams, deps)) return;
    if (await handleAdmin(request, response, routePath, url.searchParams, deps)) return;
    throw notFound('not_found', `${method} ${routePath} is not served by the local Auth`);
  }

  return {
    prefix: '/auth/v1',
    async handle(request, response, path) {
      try {
        await route(request, response, path);
      } catch (error) {
        if (error instanceof ApiKeyError) return sendApiKeyError(response, error.message);
        if (error instanceof AuthHttpError) return sendAuthError(response, error);
        console.error(`[auth] ${request.method} ${path}:`, error);
        sendAuthError(response, new AuthHttpError(500, 'unexpected_failure', 'Unexpected failure in the local Auth service'));
      }
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
