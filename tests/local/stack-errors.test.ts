// Bad configuration gets a clear message, never a stack trace: a taken port, PostgreSQL failing
// to start (with the log's last lines), a migration failing (naming the file and the error).
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, StackError, stackProfile, type StackProfile } from '../../local/config.ts';
import { startCluster, stopCluster } from '../../local/postgres/cluster.ts';
import { pushMigrations } from '../../local/postgres/migrate.ts';
import { requirePortFree } from '../../local/ports.ts';
import { sql } from '../support/db.ts';
import { testStack } from '../support/stack.ts';

async function caught(work: () => unknown): Promise<StackError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof StackError) return error;
    throw error;
  }
  throw new Error('expected a StackError');
}

describe('clear errors from the local stack', () => {
  it('names a taken port and how to find its owner', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const error = await caught(() => requirePortFree(port, 'PostgreSQL'));
      expect(error.message).toContain(`Port ${port} (PostgreSQL) is already in use`);
      expect(error.message).toContain(`ss -ltnp 'sport = :${port}'`);
    } finally {
      server.close();
    }
  });

  it('shows the end of the PostgreSQL log when the server does not start', async () => {
    const base = stackProfile('test');
    const stateDir = mkdtempSync(join(tmpdir(), 'support-hub-broken-cluster-'));
    // A data folder that claims another major version: the server refuses it and says why in its log.
    mkdirSync(join(stateDir, 'pgdata'), { recursive: true });
    writeFileSync(join(stateDir, 'pgdata', 'PG_VERSION'), '9.6\n');
    const broken: StackProfile = { ...base, stateDir, dbPort: base.dbPort + 77 };
    try {
      const error = await caught(() => startCluster(broken, { fresh: false }));
      expect(error.message).toContain(`PostgreSQL did not start (port ${broken.dbPort})`);
      expect(error.detail ?? '').not.toBe('');
    } finally {
      await stopCluster(broken);
      rmSync(stateDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('names the migration file that failed and the database error', async () => {
    const database = `migration_probe_${Date.now()}`;
    await sql.unsafe(`create database ${database}`);
    const workdir = mkdtempSync(join(tmpdir(), 'support-hub-broken-migration-'));
    mkdirSync(join(workdir, 'supabase', 'migrations'), { recursive: true });
    copyFileSync(join(projectRoot, 'supabase', 'config.toml'), join(workdir, 'supabase', 'config.toml'));
    // The CLI checks that config.toml's email templates exist before anything else.
    cpSync(join(projectRoot, 'supabase', 'templates'), join(workdir, 'supabase', 'templates'), { recursive: true });
    writeFileSync(join(workdir, 'supabase', 'migrations', '20200101000000_create_widgets.sql'), 'create table widgets (id int primary key);\n');
    writeFileSync(join(workdir, 'supabase', 'migrations', '20200102000000_broken_widgets.sql'), 'alter table widgets add column;\n');
    try {
      const dbUrl = testStack.SUPABASE_DB_URL.replace(/\/postgres$/, `/${database}`);
      const error = await caught(() => pushMigrations(stackProfile('test'), { seed: false, workdir, dbUrl, quiet: true }));
      expect(error.message).toBe('A migration failed (supabase db push):');
      expect(error.detail).toContain('20200102000000_broken_widgets.sql');
      expect(error.detail).toMatch(/syntax error/);
    } finally {
      rmSync(workdir, { recursive: true, force: true });
      await sql.unsafe(`drop database if exists ${database} with (force)`);
    }
  }, 60_000);
});
