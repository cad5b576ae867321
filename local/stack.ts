// Starts and stops the whole local stack for one profile: PostgreSQL with the platform
// bootstrap and the project's migrations, the gateway with Auth, Realtime, Storage and the
// edge functions host behind it, the pg_net worker, and the mail catcher.
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { databaseUrl, readProjectConfig, stackProfile, type ProfileName, type StackProfile } from './config.ts';
import { startCluster, stopCluster } from './postgres/cluster.ts';
import { applyBootstrap, pushMigrations } from './postgres/migrate.ts';
import { writeEdgeFunctionSecrets } from './postgres/vault-secrets.ts';
import { requirePortFree } from './ports.ts';
import { startGateway, type Gateway } from './services/gateway.ts';
import { createFunctionsHost } from './services/functions.ts';
import { loadStackKeys, type StackKeys } from './services/keys.ts';
import { createAuthService } from './services/auth/index.ts';
import { throwAwayStackOverrides, throwAwayStackSite } from './services/auth/settings.ts';
import { startMailCatcher } from './services/mail/catcher.ts';
import { createRealtimeService } from './services/realtime/index.ts';
import { createStorageService } from './services/storage/index.ts';
import { startNetWorker, type NetWorker } from './services/net-worker.ts';
import { ensureSystem } from './system.ts';
import { step } from './log.ts';

export interface StackInfo {
  profile: StackProfile;
  apiUrl: string;
  dbUrl: string;
  appUrl: string;
  functionsUrl: string;
  storageUrl: string;
  jwksUrl: string;
  /** The mail catcher's web UI and Mailpit API (config.toml [local_smtp]); its SMTP port is profile.smtpPort. */
  mailUrl: string;
  keys: StackKeys;
}

export interface RunningStack extends StackInfo {
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Reload edge functions when their files change (npm start). */
  watch?: boolean;
  /** Extra environment for edge functions (tests point OpenAI at a stub server). */
  functionEnv?: Record<string, string>;
  /** Skip supabase/seed.sql (benchmarks generate their own data). */
  seed?: boolean;
  /** Keep an ephemeral profile's cluster instead of starting from scratch (warm-start benchmark). */
  keepData?: boolean;
}

export async function stackInfo(profile: StackProfile): Promise<StackInfo> {
  const apiUrl = `http://127.0.0.1:${profile.apiPort}`;
  return {
    profile,
    apiUrl,
    dbUrl: databaseUrl(profile),
    appUrl: `http://127.0.0.1:${profile.appPort}`,
    functionsUrl: `${apiUrl}/functions/v1`,
    storageUrl: `${apiUrl}/storage/v1`,
    jwksUrl: `${apiUrl}/auth/v1/.well-known/jwks.json`,
    mailUrl: `http://127.0.0.1:${profile.mailPort}`,
    keys: await loadStackKeys(profile.stateDir),
  };
}

export async function startStack(name: ProfileName, options: StartOptions = {}): Promise<RunningStack> {
  const config = readProjectConfig();
  const profile = stackProfile(name, config);
  ensureSystem();
  const freshCluster = profile.ephemeral && !options.keepData;
  if (freshCluster) {
    rmSync(join(profile.stateDir, 'keys.json'), { force: true });
    // Storage's files belong to the rows of the cluster being thrown away.
    rmSync(join(profile.stateDir, 'storage'), { recursive: true, force: true });
  }
  mkdirSync(profile.stateDir, { recursive: true });
  await requirePortFree(profile.apiPort, 'API gateway');
  const mailEnabled = config.local_smtp.enabled;
  if (mailEnabled) {
    await requirePortFree(profile.mailPort, 'mail catcher web UI');
    await requirePortFree(profile.smtpPort, 'mail catcher SMTP');
  }
  await startCluster(profile, { fresh: freshCluster });
  const stopAll: Array<() => Promise<void> | void> = [() => stopCluster(profile)];
  const stop = async () => {
    for (const action of stopAll.reverse()) await action();
  };
  try {
    applyBootstrap(profile);
    await pushMigrations(profile, { seed: options.seed ?? true });
    if (freshCluster) step('Fresh database ready');
    const info = await stackInfo(profile);
    const dbUrl = info.dbUrl;
    writeEdgeFunctionSecrets(dbUrl, { projectUrl: info.apiUrl, serviceRoleKey: info.keys.serviceRoleKey });
    const netWorker: NetWorker = await startNetWorker({ dbUrl });
    stopAll.push(() => netWorker.stop());
    const functions = createFunctionsHost({
      keys: info.keys,
      apiUrl: info.apiUrl,
      dbUrl,
      logFile: join(profile.stateDir, 'functions.log'),
      watch: options.watch ?? false,
      env: options.functionEnv,
      // The host's own test fixtures (hello) are served by the test stack only, never by npm start or a benchmark.
      fixtureFunctions: profile.name === 'test',
    });
    if (mailEnabled) {
      const catcher = await startMailCatcher({ smtpPort: profile.smtpPort, httpPort: profile.mailPort });
      stopAll.push(() => catcher.close());
    }
    const auth = createAuthService({
      keys: info.keys,
      dbUrl,
      config,
      apiUrl: info.apiUrl,
      overrides: profile.ephemeral ? { ...throwAwayStackOverrides, ...throwAwayStackSite(info.appUrl) } : undefined,
      localSmtp: { host: '127.0.0.1', port: profile.smtpPort },
    });
    const realtime = createRealtimeService({ keys: info.keys, dbUrl, profile });
    const storage = createStorageService({ keys: info.keys, dbUrl, config, stateDir: profile.stateDir });
    const gateway: Gateway = await startGateway(profile.apiPort, [auth, realtime, storage, functions]);
    stopAll.push(() => gateway.close());
    // The embed worker reports its embedding model on every run (private.sync_embedding_model), which re-queues the
    // articles embedded with another one. Waking it once here re-embeds an existing database at `npm start` after
    // the local embedder was retrained (decision 0021), instead of at the next hourly model check.
    if (options.seed ?? true) await wakeEmbedWorker(dbUrl);
    writeFileSync(join(profile.stateDir, 'running.json'), JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
    return { ...info, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function wakeEmbedWorker(dbUrl: string): Promise<void> {
  const sql = postgres(dbUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`select private.wake_embed_worker()`;
  } finally {
    await sql.end();
  }
}
