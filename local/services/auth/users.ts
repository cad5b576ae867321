// auth.users and auth.identities, read and written as GoTrue does (connected as
// supabase_auth_admin), and the user object GoTrue returns to clients.
import { randomUUID } from 'node:crypto';
import { bcryptCompare, bcryptHash } from './password-hashing.ts';
import type postgres from 'postgres';

/** GoTrue's bcrypt cost. */
const BCRYPT_COST = 10;

export interface UserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  confirmed_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  phone: string | null;
  phone_confirmed_at: Date | null;
  banned_until: Date | null;
  created_at: Date | null;
  updated_at: Date | null;
  is_anonymous: boolean;
  invited_at: Date | null;
  confirmation_token: string | null;
  confirmation_sent_at: Date | null;
  recovery_token: string | null;
  recovery_sent_at: Date | null;
}

/** Which emailed token a row holds: GoTrue keeps the hash of each in its own column of auth.users. */
export type EmailTokenKind = 'confirmation' | 'recovery';

interface IdentityRow {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: Record<string, unknown>;
  provider: string;
  email: string | null;
  last_sign_in_at: Date | null;
  created_at: Date | null;
  updated_at: Date | null;
}

export interface NewUser {
  email: string;
  password?: string;
  emailConfirmed: boolean;
  userMetadata: Record<string, unknown>;
  appMetadata?: Record<string, unknown>;
  role?: string;
}

export interface UserChanges {
  email?: string;
  password?: string;
  emailConfirmed?: boolean;
  userMetadata?: Record<string, unknown>;
  appMetadata?: Record<string, unknown>;
  role?: string;
  bannedUntil?: Date | null;
}

export function hashPassword(password: string): Promise<string> {
  return bcryptHash(password, BCRYPT_COST);
}

/** Also accepts `$2a$` hashes made by pgcrypto's crypt(…, gen_salt('bf')), as seed data uses. */
export async function passwordMatches(password: string, hash: string | null): Promise<boolean> {
  if (!hash || !/^\$2[abxy]\$/.test(hash)) return false;
  return bcryptCompare(password, hash);
}

/** Metadata updates merge into the stored object; a key set to null is removed (GoTrue's rule). */
export function mergeMetadata(current: Record<string, unknown> | null, changes: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...(current ?? {}) };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

const iso = (value: Date | null) => (value ? value.toISOString() : undefined);

export function isBanned(user: UserRow): boolean {
  return user.banned_until !== null && user.banned_until.getTime() > Date.now();
}

export function createUsersRepository(sql: postgres.Sql) {
  const identitiesOf = (userIds: string[]) =>
    userIds.length === 0
      ? Promise.resolve([] as IdentityRow[])
      : sql<IdentityRow[]>`select * from auth.identities where user_id = any(${userIds}::uuid[]) order by created_at`;

  /** The user as GoTrue serialises it (identities included). */
  async function toJson(users: UserRow[]): Promise<Array<Record<string, unknown>>> {
    const identities = await identitiesOf(users.map((user) => user.id));
    return users.map((user) => ({
      id: user.id,
      aud: user.aud ?? 'authenticated',
      role: user.role ?? 'authenticated',
      email: user.email ?? '',
      email_confirmed_at: iso(user.email_confirmed_at),
      phone: user.phone ?? '',
      phone_confirmed_at: iso(user.phone_confirmed_at),
      confirmed_at: iso(user.confirmed_at),
      confirmation_sent_at: iso(user.confirmation_sent_at),
      recovery_sent_at: iso(user.recovery_sent_at),
      invited_at: iso(user.invited_at),
      last_sign_in_at: iso(user.last_sign_in_at),
      app_metadata: user.raw_app_meta_data ?? {},
      user_metadata: user.raw_user_meta_data ?? {},
      identities: identities
        .filter((identity) => identity.user_id === user.id)
        .map((identity) => ({
          identity_id: identity.id,
          id: identity.provider_id,
          user_id: identity.user_id,
          identity_data: identity.identity_data,
          provider: identity.provider,
          last_sign_in_at: iso(identity.last_sign_in_at),
          created_at: iso(identity.created_at),
          updated_at: iso(identity.updated_at),
          email: identity.email ?? undefined,
        })),
      created_at: iso(user.created_at),
      updated_at: iso(user.updated_at),
      banned_until: iso(user.banned_until),
      is_anonymous: user.is_anonymous,
    }));
  }

  return {
    toJson: async (user: UserRow) => (await toJson([user]))[0] as Record<string, unknown>,
    toJsonList: toJson,

    async findById(id: string): Promise<UserRow | undefined> {
      const [user] = await sql<UserRow[]>`select * from auth.users where id = ${id}::uuid and deleted_at is null`;
      return user;
    },

    async findByEmail(email: string): Promise<UserRow | undefined> {
      const [user] = await sql<UserRow[]>`
        select * from auth.users where lower(email) = lower(${email}) and is_sso_user = false and deleted_at is null`;
      return user;
    },

    async list(page: number, perPage: number): Promise<{ users: UserRow[]; total: number }> {
      const [{ total } = { total: 0 }] = await sql<Array<{ total: number }>>`
        select count(*)::int as total from auth.users where deleted_at is null`;
      const users = await sql<UserRow[]>`
        select * from auth.users where deleted_at is null
        order by created_at desc, id limit ${perPage} offset ${(page - 1) * perPage}`;
      return { users, total };
    },

    /** Creates the user and its `email` identity in one transaction. */
    async create(newUser: NewUser): Promise<UserRow> {
      const id = randomUUID();
      const encryptedPassword = newUser.password ? await hashPassword(newUser.password) : '';
      const appMetadata = { provider: 'email', providers: ['email'], ...(newUser.appMetadata ?? {}) };
      const email = newUser.email.toLowerCase();
      return (await sql.begin(async (tx) => {
        const [user] = await tx<UserRow[]>`
          insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                                  raw_app_meta_data, raw_user_meta_data, created_at, updated_at, is_anonymous)
          values ('00000000-0000-0000-0000-000000000000', ${id}, 'authenticated', ${newUser.role ?? 'authenticated'},
                  ${email}, ${encryptedPassword}, ${newUser.emailConfirmed ? sql`now()` : null},
                  ${tx.json(appMetadata as postgres.JSONValue)}, ${tx.json(newUser.userMetadata as postgres.JSONValue)},
                  now(), now(), false)
          returning *`;
        const identityData = { sub: id, email, email_verified: newUser.emailConfirmed, phone_verified: false };
        await tx`
          insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
          values (${id}, ${id}, ${tx.json(identityData)}, 'email', now(), now())`;
        return user;
      })) as UserRow;
    },

    async update(id: string, changes: UserChanges): Promise<UserRow> {
      const current = await this.findById(id);
      if (!current) throw new Error(`user ${id} vanished during an update`);
      const encryptedPassword = changes.password ? await hashPassword(changes.password) : current.encrypted_password;
      const email = changes.email?.toLowerCase() ?? current.email;
      const appMetadata = changes.appMetadata ? mergeMetadata(current.raw_app_meta_data, changes.appMetadata) : current.raw_app_meta_data;
      const userMetadata = changes.userMetadata ? mergeMetadata(current.raw_user_meta_data, changes.userMetadata) : current.raw_user_meta_data;
      const emailConfirmedAt = changes.emailConfirmed === true ? current.email_confirmed_at ?? new Date() : current.email_confirmed_at;
      const bannedUntil = changes.bannedUntil === undefined ? current.banned_until : changes.bannedUntil;
      return (await sql.begin(async (tx) => {
        const [user] = await tx<UserRow[]>`
          update auth.users set
            email = ${email}, encrypted_password = ${encryptedPassword}, email_confirmed_at = ${emailConfirmedAt},
            raw_app_meta_data = ${tx.json((appMetadata ?? {}) as postgres.JSONValue)},
            raw_user_meta_data = ${tx.json((userMetadata ?? {}) as postgres.JSONValue)},
            role = ${changes.role ?? current.role}, banned_until = ${bannedUntil}, updated_at = now()
          where id = ${id}::uuid returning *`;
        if (changes.email && email !== current.email) {
          await tx`
            update auth.identities
            set identity_data = identity_data || ${tx.json({ email })}, updated_at = now()
            where user_id = ${id}::uuid and provider = 'email'`;
        }
        return user;
      })) as UserRow;
    },

    /** Stores the hash of a freshly mailed token (GoTrue: `confirmation_token` / `recovery_token` and their `*_sent_at`). */
    async storeEmailToken(id: string, kind: EmailTokenKind, tokenHash: string, options: { invited?: boolean } = {}): Promise<UserRow> {
      const [user] =
        kind === 'recovery'
          ? await sql<UserRow[]>`
              update auth.users set recovery_token = ${tokenHash}, recovery_sent_at = now(), updated_at = now()
              where id = ${id}::uuid returning *`
          : await sql<UserRow[]>`
              update auth.users set confirmation_token = ${tokenHash}, confirmation_sent_at = now(),
                invited_at = case when ${options.invited ?? false} then now() else invited_at end, updated_at = now()
              where id = ${id}::uuid returning *`;
      if (!user) throw new Error(`user ${id} vanished while a token was stored`);
      return user;
    },

    /** The user whose mailed token has this hash, and which of the two tokens it is. */
    async findByEmailToken(tokenHash: string, kinds: EmailTokenKind[]): Promise<{ user: UserRow; kind: EmailTokenKind } | undefined> {
      if (tokenHash === '') return undefined;
      const [user] = await sql<UserRow[]>`
        select * from auth.users
        where deleted_at is null
          and ((${kinds.includes('confirmation')} and confirmation_token = ${tokenHash})
            or (${kinds.includes('recovery')} and recovery_token = ${tokenHash}))
        limit 1`;
      if (!user) return undefined;
      return { user, kind: kinds.includes('confirmation') && user.confirmation_token === tokenHash ? 'confirmation' : 'recovery' };
    },

    /**
     * Uses up a mailed token: it can work once. A confirmation (sign-up, invite) or a first use of a recovery or
     * magic link confirms the address, as GoTrue does; an invited user without a password gets a random one, so
     * the app must let them choose theirs.
     */
    async consumeEmailToken(id: string, kind: EmailTokenKind, options: { randomPassword?: string } = {}): Promise<UserRow> {
      const encryptedPassword = options.randomPassword ? await hashPassword(options.randomPassword) : null;
      return (await sql.begin(async (tx) => {
        const [user] = await tx<UserRow[]>`
          update auth.users set
            confirmation_token = case when ${kind === 'confirmation'} then '' else confirmation_token end,
            recovery_token = case when ${kind === 'recovery'} then '' else recovery_token end,
            encrypted_password = coalesce(${encryptedPassword}, encrypted_password),
            email_confirmed_at = coalesce(email_confirmed_at, now()),
            updated_at = now()
          where id = ${id}::uuid returning *`;
        await tx`
          update auth.identities set identity_data = identity_data || '{"email_verified": true}'::jsonb, updated_at = now()
          where user_id = ${id}::uuid and provider = 'email'`;
        return user;
      })) as UserRow;
    },

    async recordSignIn(id: string): Promise<void> {
      await sql`update auth.users set last_sign_in_at = now(), updated_at = now() where id = ${id}::uuid`;
      await sql`update auth.identities set last_sign_in_at = now() where user_id = ${id}::uuid and provider = 'email'`;
    },

    async remove(id: string, soft: boolean): Promise<void> {
      if (soft) {
        // GoTrue's soft delete keeps the row but frees the email and ends every session.
        await sql.begin(async (tx) => {
          await tx`delete from auth.sessions where user_id = ${id}::uuid`;
          await tx`delete from auth.identities where user_id = ${id}::uuid`;
          await tx`
            update auth.users set deleted_at = now(), email = null, encrypted_password = '', phone = null,
              raw_user_meta_data = '{}', updated_at = now()
            where id = ${id}::uuid`;
        });
        return;
      }
      await sql`delete from auth.users where id = ${id}::uuid`;
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
