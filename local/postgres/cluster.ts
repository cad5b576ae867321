// The project's own PostgreSQL 15 cluster: created in .stack/<profile>/pgdata, configured
// like Supabase's image for what we use (pg_cron, logical decoding for Realtime), started
// and stopped with pg_ctl. PostgreSQL refuses to run as root, so as root we act as `postgres`.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DB_PASSWORD, DB_SUPERUSER, StackError, type StackProfile } from '../config.ts';
import { runCommand } from '../child-process.ts';
import { requirePortFree } from '../ports.ts';
import { PG_BIN } from '../system.ts';
import { step } from '../log.ts';

const isRoot = process.getuid?.() === 0;

export interface ClusterPaths {
  dataDir: string;
  socketDir: string;
  logFile: string;
}

export function clusterPaths(profile: StackProfile): ClusterPaths {
  return {
    dataDir: join(profile.stateDir, 'pgdata'),
    socketDir: join(profile.stateDir, 'run'),
    logFile: join(profile.stateDir, 'postgres.log'),
  };
}

function postgresUser(): { uid: number; gid: number } {
  const result = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (result.status !== 0) throw new StackError('The `postgres` system user is missing (it comes with the postgresql-15 package).');
  return { uid: Number(result.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Runs a PostgreSQL server binary, as the `postgres` user when we are root (asynchronously: see child-process.ts). */
async function pgExec(binary: string, args: string[]): Promise<{ status: number | null; output: string }> {
  const command = join(PG_BIN, binary);
  const result = isRoot ? await runCommand('runuser', ['-u', 'postgres', '--', command, ...args]) : await runCommand(command, args);
  return { status: result.status, output: `${result.stdout}${result.stderr}${result.error ? result.error.message : ''}` };
}

function ownForPostgres(path: string): void {
  if (!isRoot) return;
  const { uid, gid } = postgresUser();
  chownSync(path, uid, gid);
}

/**
 * As root we run the server as `postgres`, which must be able to reach the state folder: every
 * folder above it gets the traverse bit (o+x, not read) if it lacks it, e.g. a clone in a private
 * temporary folder.
 */
function makeTraversableForPostgres(folder: string): void {
  for (let current = folder; current !== dirname(current); current = dirname(current)) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(current, mode | 0o001);
      if (current !== folder && !current.endsWith('.stack')) step(`Made ${current} traversable (o+x) for the postgres user`);
    }
  }
}

function settings(profile: StackProfile, paths: ClusterPaths): string {
  const lines = [
    `listen_addresses = '127.0.0.1'`,
    `port = ${profile.dbPort}`,
    `unix_socket_directories = '${paths.socketDir}'`,
    `max_connections = 300`,
    `shared_buffers = '512MB'`,
    `work_mem = '16MB'`,
    `maintenance_work_mem = '512MB'`,
    // pg_cron runs in the postgres database, as on Supabase; pg_stat_statements is preloaded there too (the
    // bootstrap creates the extension), so `npm run bench -- load --db-stats` can say where the database time goes.
    `shared_preload_libraries = 'pg_cron, plpgsql_check, pg_stat_statements'`,
    `cron.database_name = 'postgres'`,
    `cron.use_background_workers = on`,
    `max_worker_processes = 32`,
    // Realtime reads changes from a wal2json logical slot.
    `wal_level = logical`,
    `max_replication_slots = 20`,
    `max_wal_senders = 20`,
    `output_plugin_libraries = 'wal2json, pgoutput, test_decoding'`,
    `password_encryption = 'scram-sha-256'`,
    `timezone = 'UTC'`,
    `log_timezone = 'UTC'`,
    `log_min_messages = warning`,
    `log_min_error_statement = panic`,
    `log_line_prefix = '%m [%p] %q%u@%d '`,
  ];
  // Throw-away clusters (tests, benchmarks) trade crash safety for speed.
  if (profile.ephemeral) lines.push('fsync = off', 'synchronous_commit = off', 'full_page_writes = off');
  return `# Written by local/postgres/cluster.ts on every start; edit that file, not this one.\n${lines.join('\n')}\n`;
}

export function logTail(paths: ClusterPaths, lines = 20): string {
  if (!existsSync(paths.logFile)) return '(no log written)';
  return readFileSync(paths.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

async function initCluster(profile: StackProfile, paths: ClusterPaths): Promise<void> {
  step(`Creating the ${profile.name} database cluster in ${paths.dataDir}`);
  mkdirSync(paths.dataDir, { recursive: true });
  ownForPostgres(paths.dataDir);
  const passwordFile = join(profile.stateDir, '.pwfile');
  writeFileSync(passwordFile, `${DB_PASSWORD}\n`, { mode: 0o600 });
  ownForPostgres(passwordFile);
  const result = await pgExec('initdb', [
    '-D', paths.dataDir,
    '-U', DB_SUPERUSER,
    `--pwfile=${passwordFile}`,
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
  ]);
  rmSync(passwordFile, { force: true });
  if (result.status !== 0) throw new StackError('initdb failed', result.output.split('\n').slice(-15).join('\n'));
}

async function clusterIsRunning(paths: ClusterPaths): Promise<boolean> {
  return (await pgExec('pg_ctl', ['status', '-D', paths.dataDir])).status === 0;
}

export async function startCluster(profile: StackProfile, options: { fresh: boolean }): Promise<ClusterPaths> {
  const paths = clusterPaths(profile);
  mkdirSync(profile.stateDir, { recursive: true });
  if (isRoot) makeTraversableForPostgres(profile.stateDir);
  if (options.fresh && existsSync(paths.dataDir)) {
    if (await clusterIsRunning(paths)) await pgExec('pg_ctl', ['stop', '-D', paths.dataDir, '-m', 'immediate']);
    rmSync(paths.dataDir, { recursive: true, force: true });
  }
  if (!existsSync(join(paths.dataDir, 'PG_VERSION'))) await initCluster(profile, paths);
  if (await clusterIsRunning(paths)) {
    step(`PostgreSQL is already running on 127.0.0.1:${profile.dbPort}`);
    return paths;
  }
  await requirePortFree(profile.dbPort, 'PostgreSQL');
  mkdirSync(paths.socketDir, { recursive: true });
  ownForPostgres(paths.socketDir);
  writeFileSync(join(paths.dataDir, 'postgresql.auto.conf'), settings(profile, paths));
  ownForPostgres(join(paths.dataDir, 'postgresql.auto.conf'));
  writeFileSync(paths.logFile, '');
  ownForPostgres(paths.logFile);
  step(`Starting PostgreSQL 15 on 127.0.0.1:${profile.dbPort}`);
  const result = await pgExec('pg_ctl', ['start', '-D', paths.dataDir, '-l', paths.logFile, '-w', '-t', '60', '-s']);
  if (result.status !== 0) {
    throw new StackError(
      `PostgreSQL did not start (port ${profile.dbPort}). Last lines of ${paths.logFile}:`,
      logTail(paths),
    );
  }
  return paths;
}

export async function stopCluster(profile: StackProfile): Promise<void> {
  const paths = clusterPaths(profile);
  if (!existsSync(join(paths.dataDir, 'PG_VERSION')) || !(await clusterIsRunning(paths))) return;
  await pgExec('pg_ctl', ['stop', '-D', paths.dataDir, '-m', 'fast', '-w', '-t', '30', '-s']);
}

/** Restarts the server (used by tests proving that Realtime survives a restart). */
export async function restartCluster(profile: StackProfile): Promise<void> {
  const paths = clusterPaths(profile);
  const result = await pgExec('pg_ctl', ['restart', '-D', paths.dataDir, '-m', 'fast', '-l', paths.logFile, '-w', '-t', '60', '-s']);
  if (result.status !== 0) throw new StackError('PostgreSQL did not restart', logTail(paths));
}

/**
 * Kills the postmaster with SIGKILL, as a crash would (used by the fault tests), and waits until it is gone. Its
 * backends notice and exit on their own; startAfterCrash waits for them.
 */
export async function killCluster(profile: StackProfile): Promise<void> {
  const paths = clusterPaths(profile);
  const pidFile = join(paths.dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) throw new StackError('PostgreSQL is not running (no postmaster.pid)');
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) throw new StackError(`postmaster.pid does not start with a PID: ${pidFile}`);
  process.kill(pid, 'SIGKILL');
  const deadline = Date.now() + 30_000;
  while (processExists(pid)) {
    if (Date.now() > deadline) throw new StackError(`PostgreSQL (PID ${pid}) outlived SIGKILL by 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Starts a cluster that killCluster left behind: PostgreSQL runs crash recovery from the WAL before it accepts
 * connections. It refuses to start while a dead postmaster's backends still hold its shared memory, so it retries
 * until they have exited.
 */
export async function startAfterCrash(profile: StackProfile): Promise<void> {
  const paths = clusterPaths(profile);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const result = await pgExec('pg_ctl', ['start', '-D', paths.dataDir, '-l', paths.logFile, '-w', '-t', '60', '-s']);
    if (result.status === 0) return;
    if (Date.now() > deadline) throw new StackError('PostgreSQL did not start after the crash', `${result.output}\n${logTail(paths)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
