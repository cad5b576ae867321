// Builds and serves the Remix app against a running stack.
import { spawn, spawnSync } from 'node:child_process';
import { openSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, StackError } from './config.ts';
import { requirePortFree, waitForPort } from './ports.ts';
import { step } from './log.ts';
import type { StackInfo } from './stack.ts';

export interface RunningApp {
  url: string;
  stop(): Promise<void>;
}

/** What the Remix app reads from its environment; the same names are set on a hosted deploy. */
export function appEnvironment(stack: StackInfo): Record<string, string> {
  return {
    SUPABASE_URL: stack.apiUrl,
    SUPABASE_ANON_KEY: stack.keys.anonKey,
    // Server only: the sign-in and sign-up calls, so Auth trusts the client address they pass (decision 0013).
    SUPABASE_SECRET_KEY: stack.keys.secretKey,
    DATABASE_URL: stack.dbUrl,
    SESSION_COOKIE_SECURE: 'false',
  };
}

/**
 * The dev profile builds where a deploy would (build/, public/build/); throw-away profiles build into their own
 * state folder, so two test stacks on one machine never serve each other's half-written build.
 */
function buildRoot(stack: StackInfo): string | undefined {
  return stack.profile.ephemeral ? join(stack.profile.stateDir, 'remix') : undefined;
}

function buildEnvironment(stack: StackInfo): NodeJS.ProcessEnv {
  const root = buildRoot(stack);
  return root ? { ...process.env, REMIX_BUILD_ROOT: root } : { ...process.env };
}

export function buildApp(stack: StackInfo): void {
  step('Building the Remix app');
  const result = spawnSync(join(projectRoot, 'node_modules', '.bin', 'remix'), ['build'], { cwd: projectRoot, encoding: 'utf8', env: buildEnvironment(stack) });
  if (result.status !== 0) throw new StackError('The Remix build failed:', `${result.stdout}\n${result.stderr}`.trim());
}

export async function startApp(
  stack: StackInfo,
  options: {
    mode: 'production';
    build?: boolean;
    /** Extra Node flags on the command line (the load benchmark's `--cpu-prof`). */
    nodeOptions?: string[];
    /** Where the app's output goes instead of this terminal (the load benchmark's request log). */
    logFile?: string;
  },
): Promise<RunningApp> {
  if (options.build ?? true) buildApp(stack);
  const root = buildRoot(stack);
  await requirePortFree(stack.profile.appPort, 'the Remix app');
  const log = options.logFile ? openSync(options.logFile, 'a') : undefined;
  const child = spawn(
    process.execPath,
    // Extra flags go on the command line: --cpu-prof is not allowed in NODE_OPTIONS.
    [...(options.nodeOptions ?? []), root ? join(root, 'build', 'index.js') : join(projectRoot, 'build', 'index.js')],
    {
      cwd: projectRoot,
      env: {
        ...buildEnvironment(stack),
        ...appEnvironment(stack),
        PORT: String(stack.profile.appPort),
        HOST: '127.0.0.1',
        NODE_ENV: options.mode,
        // supabase-js needs a global WebSocket; Node 20 ships undici's behind this flag.
        NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-websocket'].filter(Boolean).join(' '),
      },
      stdio: ['ignore', log ?? 'inherit', log ?? 'inherit'],
    },
  );
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new StackError(`The Remix app exited with code ${code} while starting.`))),
  );
  await Promise.race([waitForPort(stack.profile.appPort, 30_000), exited]);
  exited.catch(() => {});
  return {
    url: stack.appUrl,
    stop: () =>
      new Promise((resolve) => {
        // Already gone: exited with a code, or ended by a signal (then exitCode stays null).
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
