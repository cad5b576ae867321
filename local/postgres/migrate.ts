// Brings a cluster to the project's schema: the platform bootstrap (local only), then
// supabase/migrations through the real Supabase CLI (`db push`), then supabase/seed.sql.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '../child-process.ts';
import { databaseUrl, projectRoot, StackError, type StackProfile } from '../config.ts';
import { step } from '../log.ts';

const supabaseCli = join(projectRoot, 'node_modules', '.bin', 'supabase');

/** Runs a SQL file with psql, stopping at the first error and naming the file. */
export function runSqlFile(url: string, file: string): void {
  const result = spawnSync('psql', [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', file], {
    encoding: 'utf8',
    env: { ...process.env, PGOPTIONS: '--client-min-messages=warning' },
  });
  if (result.status !== 0) {
    throw new StackError(`${file.replace(projectRoot + '/', '')} failed:`, (result.stderr || result.stdout).trim());
  }
}

/** local/postgres/bootstrap/*.sql in name order: platform first, then each service's schema. */
export function applyBootstrap(profile: StackProfile): void {
  const folder = join(projectRoot, 'local', 'postgres', 'bootstrap');
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.sql')).sort()) {
    runSqlFile(databaseUrl(profile), join(folder, file));
  }
}

/** The CLI's own output names the migration file that failed; we pass it on verbatim. */
export async function pushMigrations(
  profile: StackProfile,
  options: { seed: boolean; workdir?: string; dbUrl?: string; quiet?: boolean },
): Promise<void> {
  const workdir = options.workdir ?? projectRoot;
  const migrations = existsSync(join(workdir, 'supabase', 'migrations'))
    ? readdirSync(join(workdir, 'supabase', 'migrations')).filter((name) => name.endsWith('.sql'))
    : [];
  if (!options.quiet) step(`Applying ${migrations.length} migration(s) with the Supabase CLI (db push)`);
  const args = ['db', 'push', `--remote=${options.dbUrl ?? databaseUrl(profile)}`, '--yes', '--include-all', '--skip-vault', `--workdir=${workdir}`];
  if (options.seed) args.push('--include-seed');
  const result = await runCommand(supabaseCli, args, {
    cwd: workdir,
    env: { ...process.env, SUPABASE_YES: '1', DO_NOT_TRACK: '1', SUPABASE_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) {
    const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-25).join('\n');
    throw new StackError('A migration failed (supabase db push):', output);
  }
}
