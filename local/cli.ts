// The local stack's command line: `start`, `status`, `test`, `bench`. Reached through
// `npm start`, `npm run status`, `npm test` and `npm run bench` (local/bin/run.mjs).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stackProfile, StackError } from './config.ts';
import { bold, fail, ok, step } from './log.ts';
import { startStack, stackInfo, type StackInfo } from './stack.ts';
import { startApp } from './app.ts';
import { isPortFree } from './ports.ts';

function printStatus(info: StackInfo, format: 'pretty' | 'env'): void {
  const values: Array<[string, string, string]> = [
    ['API_URL', 'API URL', info.apiUrl],
    ['GRAPHQL_URL', 'GraphQL URL', `${info.apiUrl}/graphql/v1 (not served locally)`],
    ['FUNCTIONS_URL', 'Functions URL', info.functionsUrl],
    ['STORAGE_URL', 'Storage URL', info.storageUrl],
    ['DB_URL', 'Database URL', info.dbUrl],
    ['APP_URL', 'App URL', info.appUrl],
    ['JWKS_URL', 'JWKS URL', info.jwksUrl],
    // The Supabase CLI's name for the mail catcher (Mailpit's web UI and API), and its SMTP port beside it.
    ['MAILPIT_URL', 'Mailpit URL', info.mailUrl],
    ['SMTP_PORT', 'SMTP port', String(info.profile.smtpPort)],
    ['JWT_SECRET', 'JWT secret', info.keys.jwtSecret],
    ['ANON_KEY', 'anon key', info.keys.anonKey],
    ['SERVICE_ROLE_KEY', 'service_role key', info.keys.serviceRoleKey],
    // The Supabase CLI's name for the secret API key (sb_secret_…).
    ['SECRET_KEY', 'Secret key', info.keys.secretKey],
  ];
  if (format === 'env') {
    for (const [key, , value] of values) if (!value.includes(' ')) console.log(`${key}="${value}"`);
    return;
  }
  const width = Math.max(...values.map(([, label]) => label.length));
  for (const [, label, value] of values) console.log(`${label.padStart(width)}: ${value}`);
}

async function status(args: string[]): Promise<void> {
  const outputIndex = args.findIndex((arg) => arg === '-o' || arg === '--output');
  const format = outputIndex >= 0 && args[outputIndex + 1] === 'env' ? 'env' : 'pretty';
  const profile = stackProfile(args.includes('--test') ? 'test' : 'dev');
  if (!existsSync(join(profile.stateDir, 'keys.json'))) {
    throw new StackError('The local stack has never been started here. Run `npm start` first.');
  }
  const running = !(await isPortFree(profile.apiPort));
  const info = await stackInfo(profile);
  if (format === 'pretty') console.log(running ? `${bold('supabase local development setup is running.')}\n` : 'The local stack is stopped (values below are for when it runs).\n');
  printStatus(info, format);
}

async function start(): Promise<void> {
  const stack = await startStack('dev', { watch: true });
  const app = await startApp(stack, { mode: 'production' });
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    step('Stopping…');
    await app.stop();
    await stack.stop();
    ok('Stopped. Your data is kept in .stack/dev; the next `npm start` picks it up.');
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  console.log('');
  ok(`${bold('Support Hub is running')} at ${bold(stack.appUrl.replace('127.0.0.1', 'localhost'))}`);
  console.log('');
  printStatus(stack, 'pretty');
  const logins = join(stack.profile.stateDir, '..', '..', 'supabase', 'demo-logins.txt');
  if (existsSync(logins)) {
    console.log(`\n${bold('Demo logins')} (local only):\n${readFileSync(logins, 'utf8').trimEnd()}`);
  }
  console.log('\nPress Ctrl-C to stop.');
}

async function main(): Promise<void> {
  const [command = 'start', ...args] = process.argv.slice(2);
  switch (command) {
    case 'start':
      return start();
    case 'status':
      return status(args);
    case 'test': {
      const { runTests } = await import('./test/runner.ts');
      // Exit once the summary is printed: a handle some test leaked must not keep a CI run waiting.
      process.exit(await runTests(args));
    }
    case 'bench': {
      const { runBenchmarks } = await import('./bench/index.ts');
      process.exitCode = await runBenchmarks(args);
      return;
    }
    default:
      throw new StackError(`Unknown command "${command}". Use start, status, test or bench.`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof StackError) {
    fail(error.message);
    if (error.detail) console.error(error.detail.replace(/^/gm, '    '));
  } else {
    fail(`Unexpected error: ${(error as Error)?.message ?? String(error)}`);
    if (process.env.DEBUG) console.error(error);
  }
  process.exit(1);
});
