// Edge functions host: every supabase/functions/<name>/index.ts served at /functions/v1/<name>
// by real Deno, one process per function (the edge runtime's one worker per function),
// started on first request, with Supabase's environment and JWT verification per
// config.toml `[functions.<name>] verify_jwt` (on when a function has no section).
// The test stack also serves the fixture functions of local/test/fixtures/functions.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, type WriteStream } from 'node:fs';
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { projectRoot, readProjectConfig } from '../config.ts';
import { corsHeaders, sendJson, type MountedService } from './http.ts';
import { bearerToken, InvalidTokenError, type StackKeys } from './keys.ts';

const functionsDir = join(projectRoot, 'supabase', 'functions');
/**
 * Functions that exist only to test the host itself (e.g. `hello`: the gateway, JWT verification, supabase-js invoke).
 * They live outside supabase/functions so that `supabase functions deploy` never ships them.
 */
const fixtureFunctionsDir = join(projectRoot, 'local', 'test', 'fixtures', 'functions');
const denoBinary = join(projectRoot, 'node_modules', '.bin', 'deno');

/** The folder holding function `name`'s index.ts: the project's own functions first, then the given fixtures. */
function functionFolder(name: string, folders: readonly string[]): string | undefined {
  if (name.startsWith('_')) return undefined; // _shared and the like are code for the functions, not functions
  return folders.map((folder) => join(folder, name)).find((folder) => existsSync(join(folder, 'index.ts')));
}

/** KEY=value lines of supabase/functions/.env, which `supabase functions serve` also reads. */
function functionsDotEnv(): Record<string, string> {
  const file = join(functionsDir, '.env');
  if (!existsSync(file)) return {};
  const env: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/.exec(line);
    if (match?.[1]) env[match[1]] = (match[2] ?? '').replace(/^(['"])(.*)\1$/, '$2');
  }
  return env;
}

/** The last lines a function wrote, so a function that fails to boot says why in the HTTP answer. */
function tailOfLog(logFile: string, name: string, lines = 8): string {
  try {
    const prefix = `[${name}] `;
    return readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith(prefix))
      .slice(-lines)
      .map((line) => line.slice(prefix.length))
      .join('\n');
  } catch {
    return '';
  }
}

interface RunningFunction {
  process: ChildProcess;
  /** The port the function announced; it changes when `--watch` restarts the function. */
  port: number;
  /** Resolves when the function listens; rejects if its process exits first. Settled once, awaited by every request. */
  ready: Promise<void>;
}

export interface FunctionsHostOptions {
  keys: StackKeys;
  apiUrl: string;
  dbUrl: string;
  logFile: string;
  /** Restart a function when its files change (npm start). */
  watch: boolean;
  /** Extra environment for every function (tests point OPENAI_BASE_URL at a stub). */
  env?: Record<string, string>;
  /** Also serve local/test/fixtures/functions (the test stack only). */
  fixtureFunctions?: boolean;
}

export function createFunctionsHost(options: FunctionsHostOptions): MountedService & { warm(name: string): Promise<void> } {
  const running = new Map<string, RunningFunction>();
  const folders = options.fixtureFunctions ? [functionsDir, fixtureFunctionsDir] : [functionsDir];
  const log: WriteStream = createWriteStream(options.logFile, { flags: 'a' });
  // Set by close(): a request that arrives while the stack stops (a pg_net wake-up, say) must not start a function
  // after the running ones were stopped, or its process outlives the stack and keeps `npm test` from exiting.
  let closing = false;

  const passThrough = ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_MODEL', 'SUPPORT_HUB_AI_PROVIDER', 'NO_COLOR'];

  function start(name: string, folder: string): RunningFunction {
    // Only what the edge runtime provides (plus PATH/HOME for Deno itself): the functions must not lean on our env.
    const env: Record<string, string | undefined> = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DENO_DIR: process.env.DENO_DIR,
      ...Object.fromEntries(passThrough.filter((key) => process.env[key]).map((key) => [key, process.env[key]])),
      ...functionsDotEnv(),
      ...options.env,
      SUPABASE_URL: options.apiUrl,
      SUPABASE_ANON_KEY: options.keys.anonKey,
      SUPABASE_SERVICE_ROLE_KEY: options.keys.serviceRoleKey,
      SUPABASE_DB_URL: options.dbUrl,
      SB_EXECUTION_ID: name,
    };
    const args = [
      'run',
      '--allow-all',
      '--no-prompt',
      `--preload=${join(projectRoot, 'local', 'functions-host', 'preload.ts')}`,
      ...(options.watch ? ['--watch', '--no-clear-screen'] : []),
      join(folder, 'index.ts'),
    ];
    // (A type augmentation elsewhere makes NODE_ENV required in ProcessEnv; the functions deliberately get none.)
    const child = spawn(denoBinary, args, { cwd: projectRoot, env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    const prefix = `[${name}] `;
    let announceListening: () => void = () => {};
    const listening = new Promise<void>((resolve) => (announceListening = resolve));
    const entry: RunningFunction = { process: child, port: 0, ready: Promise.resolve() };
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        const announced = /^SUPPORT_HUB_FUNCTION_LISTENING (\d+)$/.exec(line.trim());
        if (announced) {
          entry.port = Number(announced[1]);
          announceListening();
        } else if (line) log.write(prefix + line + '\n');
      }
    };
    child.stdout?.on('data', forward);
    child.stderr?.on('data', forward);
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`function ${name} exited with code ${code}`))),
    );
    // The first start compiles the function; allow for a slow machine.
    const timedOut = new Promise<never>((_, reject) => {
      const timer = setTimeout(() => reject(new Error(`function ${name} did not start listening within 120 s`)), 120_000);
      timer.unref();
      void listening.then(() => clearTimeout(timer));
    });
    entry.ready = Promise.race([listening, exited, timedOut]);
    entry.ready.catch(() => {});
    child.on('exit', () => {
      if (running.get(name) === entry) running.delete(name);
    });
    running.set(name, entry);
    return entry;
  }

  async function ensureRunning(name: string, folder: string): Promise<RunningFunction> {
    if (closing) throw new Error('the local stack is stopping');
    const entry = running.get(name) ?? start(name, folder);
    await entry.ready;
    return entry;
  }

  async function authorize(name: string, request: IncomingMessage): Promise<string | undefined> {
    const verifyJwt = readProjectConfig().functions[name]?.verify_jwt ?? true;
    if (!verifyJwt || request.method === 'OPTIONS') return undefined;
    const token = bearerToken(request.headers.authorization);
    if (!token) return 'Missing authorization header';
    try {
      await options.keys.verify(token);
      return undefined;
    } catch (error) {
      return error instanceof InvalidTokenError ? 'Invalid JWT' : 'Invalid JWT';
    }
  }

  return {
    prefix: '/functions/v1',
    async handle(request: IncomingMessage, response: ServerResponse, path: string) {
      const name = /^\/([A-Za-z0-9_-]+)/.exec(path)?.[1];
      const folder = name ? functionFolder(name, folders) : undefined;
      if (!name || !folder) {
        sendJson(response, 404, { code: 'NOT_FOUND', message: 'Requested function was not found' }, corsHeaders);
        return;
      }
      const denied = await authorize(name, request);
      if (denied) {
        sendJson(response, 401, { code: 401, message: denied }, corsHeaders);
        return;
      }
      let target: RunningFunction;
      try {
        target = await ensureRunning(name, folder);
      } catch (error) {
        const tail = tailOfLog(options.logFile, name);
        sendJson(response, 503, { code: 'BOOT_ERROR', message: `Function ${name} failed to start: ${(error as Error).message}. See ${options.logFile}.${tail ? `\n${tail}` : ''}` });
        return;
      }
      const upstream = httpRequest(
        { host: '127.0.0.1', port: target.port, method: request.method, path, headers: { ...request.headers, host: `127.0.0.1:${target.port}` } },
        (upstreamResponse) => {
          response.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
          // Server-sent events must reach the browser as they are written.
          response.flushHeaders();
          upstreamResponse.pipe(response);
        },
      );
      upstream.on('error', (error) => {
        sendJson(response, 502, { code: 'WORKER_ERROR', message: `Function ${name} did not answer: ${error.message}` });
      });
      response.on('close', () => upstream.destroy());
      request.pipe(upstream);
    },
    async warm(name: string) {
      const folder = functionFolder(name, folders);
      if (!folder) throw new Error(`there is no function ${name}`);
      await ensureRunning(name, folder);
    },
    async close() {
      closing = true;
      const exits = [...running.values()].map(
        (entry) =>
          new Promise<void>((resolve) => {
            if (entry.process.exitCode !== null) return resolve();
            entry.process.once('exit', () => resolve());
            entry.process.kill('SIGTERM');
            setTimeout(() => entry.process.kill('SIGKILL'), 3000).unref();
          }),
      );
      await Promise.all(exits);
      running.clear();
      log.end();
    },
  };
}
