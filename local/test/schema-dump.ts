// supabase/schema.sql: the project's database as it stands after every migration, in one file, so a reader finds
// the current definition of any table, trigger, function or policy without replaying the migrations that
// redefined it. The `schema` suite of `npm test` regenerates it on the fresh test stack and fails when the
// committed file differs (`UPDATE_SCHEMA=1 npm test -- schema` rewrites it), as the `types` suite does for
// types/database.types.ts.
//
// Why pg_dump and not `supabase db dump`: the CLI runs pg_dump inside a Docker container of the Postgres image,
// and this project's stack is Docker-free. Its schema dump is `pg_dump --schema-only --quote-all-identifier
// --role postgres --exclude-schema <auth, storage, realtime, extensions, cron, net, vault, …>` piped through sed
// (meta commands, supabase_admin's default privileges, event triggers and extension comments commented out).
// Ours differs on purpose: identifiers unquoted and no `ALTER … OWNER TO postgres` lines (every object here is
// postgres's), and it also keeps what the migrations add to platform tables, which the CLI's schema exclusion
// drops: the trigger on auth.users and the policies on realtime.messages (and, from issue 17, storage.objects).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { PG_BIN } from '../system.ts';

/** The schemas the migrations create or fill; everything else belongs to the platform (local/postgres/bootstrap). */
const projectSchemas = new Set(['public', 'private']);

/**
 * Object kinds the migrations put on platform tables (auth.users, realtime.messages, storage.objects). The bootstrap
 * adds triggers of its own there (storage's protect_delete, updated_at …): those are told apart by their function,
 * which lives in a platform schema (see platformTriggerKeys).
 */
const kindsOnPlatformTables = new Set(['TRIGGER', 'POLICY']);

/** `<schema> <table> <trigger>` of every trigger whose function is platform code (not in public or private). */
async function platformTriggerKeys(dbUrl: string): Promise<Set<string>> {
  const sql = postgres(dbUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ key: string }[]>`
      select tn.nspname || ' ' || c.relname || ' ' || t.tgname as key
      from pg_catalog.pg_trigger t
      join pg_catalog.pg_class c on c.oid = t.tgrelid
      join pg_catalog.pg_namespace tn on tn.oid = c.relnamespace
      join pg_catalog.pg_proc p on p.oid = t.tgfoid
      join pg_catalog.pg_namespace pn on pn.oid = p.pronamespace
      where not t.tgisinternal and pn.nspname <> all (${[...projectSchemas]})`;
    return new Set(rows.map((row) => row.key));
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Extensions the test suites install for themselves; a fresh project database does not have them. */
const testOnlyExtensions = new Set(['pgtap', 'plpgsql_check']);

/** Entry kinds of `pg_restore --list`, longest first so "FK CONSTRAINT" is not read as "CONSTRAINT" of "FK". */
const entryKinds = [
  'PUBLICATION TABLES IN SCHEMA', 'PUBLICATION TABLE', 'SEQUENCE OWNED BY', 'SEQUENCE SET', 'DEFAULT ACL', 'FK CONSTRAINT',
  'ROW SECURITY', 'MATERIALIZED VIEW DATA', 'TABLE DATA', 'EVENT TRIGGER', 'FOREIGN TABLE', 'SHELL TYPE',
  'ACL', 'AGGREGATE', 'CAST', 'COLLATION', 'COMMENT', 'CONSTRAINT', 'CONVERSION', 'DEFAULT', 'DOMAIN', 'EXTENSION',
  'FUNCTION', 'INDEX', 'MATERIALIZED VIEW', 'OPERATOR', 'OPERATOR CLASS', 'OPERATOR FAMILY', 'POLICY', 'PROCEDURE',
  'PUBLICATION', 'RULE', 'SCHEMA', 'SEQUENCE', 'STATISTICS', 'TABLE', 'TRIGGER', 'TYPE', 'VIEW',
].sort((a, b) => b.length - a.length);

export interface TocEntry {
  line: string;
  kind: string;
  /** `null` for objects outside any schema (schemas, extensions, global default privileges). */
  namespace: string | null;
  /** Name and owner as pg_restore prints them, e.g. `SCHEMA private postgres`, `users on_auth_user_created …`. */
  rest: string;
  owner: string;
}

/** One line of `pg_restore --list` (`id; catalog oid KIND namespace tag owner`), or null for comments. */
export function parseTocLine(line: string): TocEntry | null {
  const head = /^\d+; \d+ \d+ (.*)$/.exec(line);
  if (!head) return null;
  const body = head[1]!;
  const kind = entryKinds.find((candidate) => body.startsWith(`${candidate} `));
  if (!kind) throw new Error(`pg_restore --list printed an entry of a kind this script does not know: ${line}`);
  const [namespace = '', ...restWords] = body.slice(kind.length + 1).split(' ');
  return { line, kind, namespace: namespace === '-' ? null : namespace, rest: restWords.join(' '), owner: restWords.at(-1) ?? '' };
}

/** Whether an entry of a full schema-only dump belongs in supabase/schema.sql. */
export function isProjectEntry(entry: TocEntry, platformTriggers: ReadonlySet<string> = new Set()): boolean {
  if (entry.kind === 'DEFAULT ACL') {
    // The migrations set postgres's default privileges; supabase_admin's come with the platform.
    return entry.owner === 'postgres' && (entry.namespace === null || projectSchemas.has(entry.namespace));
  }
  if (entry.namespace !== null) {
    if (projectSchemas.has(entry.namespace)) return true;
    // A TRIGGER entry's rest is `<table> <trigger> <owner>`.
    if (entry.kind === 'TRIGGER' && platformTriggers.has(`${entry.namespace} ${entry.rest.split(' ').slice(0, 2).join(' ')}`)) return false;
    return kindsOnPlatformTables.has(entry.kind) || (entry.kind === 'COMMENT' && /^(TRIGGER|POLICY) /.test(entry.rest));
  }
  // Outside any schema: the project's schemas themselves (their comment and grants) and the extensions it uses.
  const [objectKind, name] = entry.kind === 'SCHEMA' ? ['SCHEMA', entry.rest.split(' ')[0]] : entry.rest.split(' ');
  if (objectKind === 'SCHEMA') return projectSchemas.has(name ?? '');
  if (entry.kind === 'EXTENSION') return !testOnlyExtensions.has(entry.rest.trim());
  return false;
}

/** Lines pg_dump writes that differ between pg_dump builds or runs and say nothing about the schema. */
function isVolatileLine(line: string): boolean {
  return (
    // "-- Dumped from database version 15.20 (Debian …)", "-- Dumped by pg_dump version 15.20 …"
    /^-- Dumped (from database|by pg_dump) version /.test(line) ||
    // psql's \restrict guard (PostgreSQL 15.14 and later) carries a random key on every run.
    /^\\(un)?restrict /.test(line)
  );
}

const header = `-- supabase/schema.sql — GENERATED, do not edit. The project's database (schemas public and private, plus the
-- trigger and policies the migrations put on auth.users and realtime.messages) as it stands after every migration
-- in supabase/migrations: read this file for the current definition of anything. Migrations are the history;
-- this is the state. Regenerate after a migration with:
--
--   UPDATE_SCHEMA=1 npm test -- schema
--
-- \`npm test\` fails when this file and the migrations disagree. Produced by pg_dump --schema-only --no-owner
-- (every object here is owned by postgres, so security definer functions run as postgres); see
-- local/test/schema-dump.ts for what is kept and why.

`;

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`))));
  });
}

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * The pg_cron jobs the migrations schedule. They are rows of cron.job, so a schema-only dump leaves them out, yet
 * they are part of how the database behaves. Job ids are left out: they come from a sequence.
 */
async function cronJobs(dbUrl: string): Promise<string> {
  const sql = postgres(dbUrl, { max: 1, onnotice: () => {} });
  try {
    const jobs = await sql<Array<{ jobname: string; schedule: string; command: string; active: boolean }>>`
      select jobname, schedule, command, active from cron.job order by jobname, schedule, command`;
    const lines = jobs.map((job) => `SELECT cron.schedule(${literal(job.jobname)}, ${literal(job.schedule)}, ${literal(job.command)});${job.active ? '' : ' -- inactive'}`);
    return `--\n-- pg_cron jobs (rows of cron.job, scheduled by the migrations)\n--\n\n${lines.join('\n')}\n`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Dumps the database at `dbUrl` (a superuser connection) the way supabase/schema.sql holds it. The whole schema is
 * dumped once into an archive, its table of contents is filtered to the project's entries, and pg_restore prints
 * those in pg_dump's own order (by kind, then name), so the output is the same on every fresh stack.
 */
export async function dumpProjectSchema(dbUrl: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const workDir = mkdtempSync(join(tmpdir(), 'support-hub-schema-'));
  try {
    const archive = join(workDir, 'schema.dump');
    const list = join(workDir, 'schema.list');
    // The binaries of the server's own installation, so dump and server are the same major version.
    await run(join(PG_BIN, 'pg_dump'), ['--schema-only', '--format=custom', '--no-tablespaces', `--file=${archive}`, dbUrl], env);
    const toc = await run(join(PG_BIN, 'pg_restore'), ['--list', archive], env);
    const platformTriggers = await platformTriggerKeys(dbUrl);
    const kept = toc.split('\n').flatMap((line) => {
      const entry = parseTocLine(line);
      return entry && isProjectEntry(entry, platformTriggers) ? [line] : [];
    });
    writeFileSync(list, `${kept.join('\n')}\n`);
    const sql = await run(join(PG_BIN, 'pg_restore'), ['--schema-only', '--no-owner', `--use-list=${list}`, '--file=-', archive], env);
    const body = sql
      .split('\n')
      .filter((line) => !isVolatileLine(line))
      .join('\n')
      .replace(/--\n-- PostgreSQL database dump complete\n--\s*$/, '');
    return `${header}${body.replace(/\n{3,}/g, '\n\n').trim()}\n\n${await cronJobs(dbUrl)}`;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
