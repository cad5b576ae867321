// Where each part of the local stack lives: ports, folders and connection strings.
// Two profiles exist: `dev` (npm start, Supabase's own ports, data kept between runs)
// and `test` (npm test, its own ports and a throw-away cluster, so the suite never
// touches the data of a running `npm start`).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseToml } from 'smol-toml';
import { z } from 'zod';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** An `[auth.hook.*]` table: a pg-functions:// URI and whether Auth calls it. */
const hookConfigSchema = z.object({ enabled: z.boolean().default(false), uri: z.string().optional() });

/** An `[auth.email.template.<type>]` table: the subject and the file with the HTML body (relative to the project root). */
const emailTemplateConfigSchema = z.object({ subject: z.string().optional(), content_path: z.string().optional() }).passthrough();

/** `[auth.email.smtp]`: the project's own SMTP server; without it (or disabled) Auth's mail goes to the local catcher. */
const smtpConfigSchema = z
  .object({
    enabled: z.boolean().default(true),
    host: z.string(),
    port: z.number().int(),
    user: z.string().optional(),
    pass: z.string().optional(),
    admin_email: z.string(),
    sender_name: z.string().optional(),
  })
  .passthrough();

const functionConfigSchema = z.object({ verify_jwt: z.boolean().default(true) }).passthrough();

/** A size as the Supabase CLI reads it in config.toml ("50MiB", "5MB", 1048576): powers of 1024. */
const configSizeSchema = z.union([z.string(), z.number().int().nonnegative()]);

/** A `[storage.buckets.<name>]` table. */
const bucketConfigSchema = z
  .object({
    public: z.boolean().default(false),
    file_size_limit: configSizeSchema.optional(),
    allowed_mime_types: z.array(z.string()).optional(),
    objects_path: z.string().optional(),
  })
  .passthrough();

const projectConfigSchema = z
  .object({
    api: z.object({ port: z.number().int().default(54321) }).passthrough().default({ port: 54321 }),
    db: z.object({ port: z.number().int().default(54322) }).passthrough().default({ port: 54322 }),
    // The Supabase CLI's mail catcher (Mailpit): the web UI and API port, SMTP, and the sender of Auth's mail there.
    local_smtp: z
      .object({
        enabled: z.boolean().default(true),
        port: z.number().int().default(54324),
        smtp_port: z.number().int().default(54325),
        admin_email: z.string().default('admin@email.com'),
        sender_name: z.string().default('Admin'),
      })
      .passthrough()
      .default({ enabled: true, port: 54324, smtp_port: 54325, admin_email: 'admin@email.com', sender_name: 'Admin' }),
    auth: z
      .object({
        site_url: z.string().default('http://127.0.0.1:3000'),
        jwt_expiry: z.number().int().positive().default(3600),
        enable_refresh_token_rotation: z.boolean().default(true),
        refresh_token_reuse_interval: z.number().int().nonnegative().default(10),
        enable_signup: z.boolean().default(true),
        minimum_password_length: z.number().int().min(6).default(6),
        rate_limit: z
          .object({
            sign_in_sign_ups: z.number().int().positive().default(30),
            token_refresh: z.number().int().positive().default(150),
            /** /verify calls (mailed links and codes) per 5 minutes per IP address. */
            token_verifications: z.number().int().positive().default(30),
            /** Mails Auth may send per hour (the whole project, as on Supabase); counted only when confirmations are on. */
            email_sent: z.number().int().nonnegative().default(2),
          })
          .passthrough()
          .default({ sign_in_sign_ups: 30, token_refresh: 150, token_verifications: 30, email_sent: 2 }),
        additional_redirect_urls: z.array(z.string()).default([]),
        enable_anonymous_sign_ins: z.boolean().default(false),
        email: z
          .object({
            enable_confirmations: z.boolean().default(false),
            /** Go duration, as the CLI writes it ("1s", "60s", "1m0s"): the least time between two mails to one user. */
            max_frequency: z.string().default('1s'),
            otp_length: z.number().int().min(6).max(10).default(6),
            /** Seconds an emailed link or code stays valid. */
            otp_expiry: z.number().int().positive().max(86_400).default(3600),
            template: z.record(z.string(), emailTemplateConfigSchema).default({}),
            smtp: smtpConfigSchema.optional(),
          })
          .passthrough()
          .default({ enable_confirmations: false, max_frequency: '1s', otp_length: 6, otp_expiry: 3600, template: {} }),
        hook: z
          .object({
            custom_access_token: hookConfigSchema.optional(),
            password_verification_attempt: hookConfigSchema.optional(),
          })
          .passthrough()
          .default({}),
      })
      .passthrough(),
    functions: z.record(z.string(), functionConfigSchema).default({}),
    storage: z
      .object({
        enabled: z.boolean().default(true),
        file_size_limit: configSizeSchema.default('50MiB'),
        buckets: z.record(z.string(), bucketConfigSchema).default({}),
      })
      .passthrough()
      .default({ enabled: true, file_size_limit: '50MiB', buckets: {} }),
  })
  .passthrough();

export type ProjectConfig = z.infer<typeof projectConfigSchema>;

/** Reads supabase/config.toml; a malformed file is reported with the offending key. */
export function readProjectConfig(root = projectRoot): ProjectConfig {
  const path = join(root, 'supabase', 'config.toml');
  let raw: unknown;
  try {
    raw = parseToml(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new StackError(`supabase/config.toml could not be read: ${(error as Error).message}`);
  }
  const parsed = projectConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StackError(`supabase/config.toml: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

/**
 * Reads a project setting file beside config.toml (supabase/<name>.json) for settings a hosted project keeps in
 * its dashboard and the CLI's config.toml has no key for; a malformed file is reported with the offending key.
 */
export function readProjectSettingsFile<Schema extends z.ZodTypeAny>(name: string, schema: Schema, root = projectRoot): z.infer<Schema> {
  const file = `supabase/${name}.json`;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(root, file), 'utf8'));
  } catch (error) {
    throw new StackError(`${file} could not be read: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StackError(`${file}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return parsed.data;
}

export type ProfileName = 'dev' | 'test' | 'bench';

export interface StackProfile {
  name: ProfileName;
  /** Folder of this profile's cluster, logs and keys (git-ignored). */
  stateDir: string;
  apiPort: number;
  dbPort: number;
  appPort: number;
  /** The mail catcher's web UI and Mailpit API, and its SMTP port (config.toml [local_smtp]). */
  mailPort: number;
  smtpPort: number;
  /** Whether the cluster is wiped before start (tests and benchmarks start clean). */
  ephemeral: boolean;
}

export function stackProfile(name: ProfileName, config = readProjectConfig()): StackProfile {
  const stateDir = join(projectRoot, '.stack', name);
  if (name === 'dev') {
    return {
      name,
      stateDir,
      apiPort: config.api.port,
      dbPort: config.db.port,
      appPort: Number(process.env.PORT ?? 3000),
      mailPort: config.local_smtp.port,
      smtpPort: config.local_smtp.smtp_port,
      ephemeral: false,
    };
  }
  // Test and bench stacks sit 1000 / 2000 ports above the dev stack so all can run at once.
  // SUPPORT_HUB_TEST_SLOT (0-9) gives parallel test and bench stacks their own ports and folder.
  const slot = testSlot();
  const offset = (name === 'test' ? 1000 : 2000) + slot * 100;
  return {
    name,
    stateDir: slot === 0 ? stateDir : `${stateDir}-${slot}`,
    apiPort: config.api.port + offset,
    dbPort: config.db.port + offset,
    appPort: 3000 + offset,
    mailPort: config.local_smtp.port + offset,
    smtpPort: config.local_smtp.smtp_port + offset,
    ephemeral: true,
  };
}

function testSlot(): number {
  const slot = Number(process.env.SUPPORT_HUB_TEST_SLOT ?? 0);
  if (!Number.isInteger(slot) || slot < 0 || slot > 9) {
    throw new StackError('SUPPORT_HUB_TEST_SLOT must be a whole number from 0 to 9.');
  }
  return slot;
}

export const DB_SUPERUSER = 'postgres';
export const DB_PASSWORD = 'postgres';

export function databaseUrl(profile: StackProfile, database = 'postgres', user = DB_SUPERUSER): string {
  return `postgresql://${user}:${DB_PASSWORD}@127.0.0.1:${profile.dbPort}/${database}`;
}

/** The same database as another of the stack's login roles (supabase_auth_admin, supabase_storage_admin), whose local password is the superuser's. */
export function databaseUrlAs(dbUrl: string, user: string): string {
  const url = new URL(dbUrl);
  url.username = user;
  url.password = DB_PASSWORD;
  return url.toString();
}

/** An error meant for people: printed as one clear message, never with a stack trace. */
export class StackError extends Error {
  constructor(message: string, readonly detail?: string) {
    super(message);
    this.name = 'StackError';
  }
}
