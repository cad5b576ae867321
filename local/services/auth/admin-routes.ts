// The admin API (service-role key): /admin/users and /admin/users/<id>.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { sendJson } from '../http.ts';
import type { StackKeys } from '../keys.ts';
import { apiVersionHeaders, AuthHttpError, badRequest, notFound, unprocessable } from './errors.ts';
import { readJson, requireAdmin } from './request.ts';
import type { SessionsRepository } from './sessions.ts';
import type { AuthSettings } from './settings.ts';
import type { UserChanges, UsersRepository } from './users.ts';
import { banUntil, checkPasswordStrength, validEmail } from './validation.ts';

export interface AdminRouteDeps {
  keys: StackKeys;
  settings: AuthSettings;
  users: UsersRepository;
  sessions: SessionsRepository;
}

const metadataSchema = z.record(z.string(), z.unknown());
const adminUserSchema = z
  .object({
    email: z.string().optional(),
    password: z.string().optional(),
    email_confirm: z.boolean().optional(),
    user_metadata: metadataSchema.nullish(),
    app_metadata: metadataSchema.nullish(),
    role: z.string().optional(),
    ban_duration: z.string().optional(),
    phone: z.string().optional(),
  })
  .passthrough();
const deleteSchema = z.object({ should_soft_delete: z.boolean().optional() }).passthrough();
const positiveInt = (fallback: number) =>
  z.preprocess((value) => (value === null || value === '' ? undefined : value), z.coerce.number().int().positive().default(fallback));
const pageSchema = z.object({ page: positiveInt(1), per_page: positiveInt(50).pipe(z.number().max(1000)) });

const send = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  sendJson(response, status, body, { ...apiVersionHeaders, ...headers });

const uuidFormat = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function loadUser(id: string, users: UsersRepository) {
  if (!uuidFormat.test(id)) throw notFound('validation_failed', 'user_id must be an UUID');
  const user = await users.findById(id);
  if (!user) throw notFound('user_not_found', 'User not found');
  return user;
}

export async function handleAdmin(
  request: IncomingMessage,
  response: ServerResponse,
  route: string,
  query: URLSearchParams,
  deps: AdminRouteDeps,
): Promise<boolean> {
  const match = /^\/admin\/users(?:\/([^/]+))?\/?$/.exec(route);
  if (!match) return false;
  await requireAdmin(request, deps.keys);
  const id = match[1];
  const method = request.method ?? 'GET';

  if (!id && method === 'GET') {
    const parsed = pageSchema.safeParse({ page: query.get('page'), per_page: query.get('per_page') });
    if (!parsed.success) throw badRequest('validation_failed', 'page and per_page must be positive whole numbers (per_page at most 1000)');
    const { page, per_page: perPage } = parsed.data;
    const { users, total } = await deps.users.list(page, perPage);
    send(response, 200, { users: await deps.users.toJsonList(users), aud: 'authenticated' }, paginationHeaders(route, page, perPage, total));
    return true;
  }
  if (!id && method === 'POST') {
    const body = await readJson(request, adminUserSchema);
    if (body.phone && !body.email) throw unprocessable('phone_provider_disabled', 'Phone users are not supported locally');
    const email = validEmail(body.email, 'Unable to validate email address: invalid format');
    if (body.password !== undefined) checkPasswordStrength(body.password, deps.settings.minimumPasswordLength);
    if (await deps.users.findByEmail(email)) throw unprocessable('email_exists', 'A user with this email address has already been registered');
    let user = await deps.users.create({
      email,
      password: body.password,
      emailConfirmed: body.email_confirm ?? false,
      userMetadata: body.user_metadata ?? {},
      appMetadata: body.app_metadata ?? {},
      role: body.role,
    });
    if (body.ban_duration) user = await deps.users.update(user.id, { bannedUntil: banUntil(body.ban_duration) });
    send(response, 200, await deps.users.toJson(user));
    return true;
  }
  if (id && method === 'GET') {
    send(response, 200, await deps.users.toJson(await loadUser(id, deps.users)));
    return true;
  }
  if (id && method === 'PUT') {
    const user = await loadUser(id, deps.users);
    const body = await readJson(request, adminUserSchema);
    const changes: UserChanges = {};
    if (body.email !== undefined) {
      const email = validEmail(body.email, 'Unable to validate email address: invalid format');
      const owner = await deps.users.findByEmail(email);
      if (owner && owner.id !== user.id) throw unprocessable('email_exists', 'A user with this email address has already been registered');
      changes.email = email;
    }
    if (body.password !== undefined) {
      checkPasswordStrength(body.password, deps.settings.minimumPasswordLength);
      changes.password = body.password;
    }
    if (body.email_confirm) changes.emailConfirmed = true;
    if (body.user_metadata) changes.userMetadata = body.user_metadata;
    if (body.app_metadata) changes.appMetadata = body.app_metadata;
    if (body.role) changes.role = body.role;
    if (body.ban_duration) changes.bannedUntil = banUntil(body.ban_duration);
    const updated = await deps.users.update(user.id, changes);
    // A banned user loses their sessions at once, as on Supabase.
    if (changes.bannedUntil) await deps.sessions.endAllOf(user.id);
    send(response, 200, await deps.users.toJson(updated));
    return true;
  }
  if (id && method === 'DELETE') {
    const user = await loadUser(id, deps.users);
    const body = await readJson(request, deleteSchema);
    await deps.users.remove(user.id, body.should_soft_delete ?? false);
    send(response, 200, {});
    return true;
  }
  throw new AuthHttpError(405, 'method_not_allowed', `${method} is not allowed on ${route}`);
}

/** GoTrue's pagination headers, which auth-js's listUsers parses into nextPage / lastPage / total. */
function paginationHeaders(route: string, page: number, perPage: number, total: number): Record<string, string> {
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const links: string[] = [];
  if (page < lastPage) links.push(`<${route}?page=${page + 1}&per_page=${perPage}>; rel="next"`);
  links.push(`<${route}?page=${lastPage}&per_page=${perPage}>; rel="last"`);
  return {
    'x-total-count': String(total),
    link: links.join(', '),
    'access-control-expose-headers': 'x-supabase-api-version, x-total-count, link',
  };
}
