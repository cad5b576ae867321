// `npm test`: the whole suite on a throw-away stack of its own (ports 55321/55322 by default,
// so it can run while `npm start` runs). Suites run one after another; each reports how many
// checks passed and failed, and the last line sums them: `N passed, N failed`.
//
//   npm test                      every suite
//   npm test -- vitest tests/x    one suite, with arguments passed to it
import { runCommand as runChild } from '../child-process.ts';
import postgres from 'postgres';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { projectRoot } from '../config.ts';
import { bold, fail, ok, step } from '../log.ts';
import { startStack, type RunningStack } from '../stack.ts';
import { startApp, type RunningApp } from '../app.ts';
import { ensurePackages, testPackages } from '../system.ts';
import { waitForEmbeddedKnowledgeBase } from './knowledge-base.ts';
import { dumpProjectSchema } from './schema-dump.ts';
import { startOpenAiStub, type OpenAiStub } from './openai-stub.ts';

export interface SuiteResult {
  suite: string;
  passed: number;
  failed: number;
  /** Why the suite could not run at all (counted as one failure). */
  error?: string;
  /** One line per failed check (name and first line of the reason), repeated in the summary
   * so the tail of a long CI log says what failed. */
  failures?: string[];
}

interface SuiteContext {
  stack: RunningStack;
  env: NodeJS.ProcessEnv;
  args: string[];
  artifacts: string;
  startApp(): Promise<RunningApp>;
}

type Suite = { name: string; description: string; run(context: SuiteContext): Promise<SuiteResult> };

const bin = (name: string) => join(projectRoot, 'node_modules', '.bin', name);

/** Runs a command in the project, streaming its output unless quiet, and returns the output for counting. */
async function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv, options: { quiet?: boolean } = {}): Promise<{ code: number; output: string }> {
  const result = await runChild(command, args, { cwd: projectRoot, env, echo: !options.quiet });
  if (result.error) return { code: 127, output: `${result.output}\n${result.error.message}` };
  return { code: result.status ?? 1, output: result.output };
}

/** The `not ok` lines of TAP output, with the file pg_prove was running when it printed them. */
export function tapFailures(output: string): string[] {
  const failures: string[] = [];
  let file = '';
  for (const line of output.split('\n')) {
    const fileHeader = /^(\S+\.sql) \.+/.exec(line);
    if (fileHeader) file = fileHeader[1] ?? '';
    if (/^\s*not ok \d+/.test(line)) failures.push(`${file ? `${file}: ` : ''}${line.trim()}`);
  }
  return failures;
}

/** Counts TAP lines (`ok N`, `not ok N`) at any indentation. */
export function countTap(output: string): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  for (const line of output.split('\n')) {
    if (/^\s*ok \d+/.test(line)) passed++;
    else if (/^\s*not ok \d+/.test(line)) failed++;
  }
  return { passed, failed };
}

const sqlTestFiles = () =>
  existsSync(join(projectRoot, 'supabase', 'tests'))
    ? readdirSync(join(projectRoot, 'supabase', 'tests')).filter((file) => file.endsWith('.sql')).sort()
    : [];

/** Everything written for Deno: the functions, the tools that build their data, the host's fixture functions. */
const denoTestFolders = ['supabase/functions', 'supabase/tools', 'local/test/fixtures/functions'];

/**
 * A file generated from the migrated database and committed (types/database.types.ts, supabase/schema.sql) must
 * equal what the database gives now; `<updateVariable>=1 npm test -- <suite>` rewrites it instead of failing.
 */
async function checkGeneratedFile(check: { suite: string; path: string; generated: string; updateVariable: string; compare: 'exact' | 'trimmed'; env: NodeJS.ProcessEnv }): Promise<SuiteResult> {
  const file = join(projectRoot, check.path);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const same = check.compare === 'exact' ? current === check.generated : current.trim() === check.generated.trim();
  if (same) return { suite: check.suite, passed: 1, failed: 0 };
  if (process.env[check.updateVariable] === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, check.generated);
    console.log(`  ${check.path} regenerated (${check.updateVariable}=1)`);
    return { suite: check.suite, passed: 1, failed: 0 };
  }
  // Show what drifted: a unified diff of the committed file against the database's version (first 80 lines).
  const scratch = mkdtempSync(join(tmpdir(), `support-hub-${check.suite}-`));
  try {
    const fromDatabase = join(scratch, 'generated');
    writeFileSync(fromDatabase, check.generated);
    const { output } = await runCommand('diff', ['-u', '--label', `${check.path} (committed)`, '--label', `${check.path} (from the database)`, existsSync(file) ? file : '/dev/null', fromDatabase], check.env, { quiet: true });
    const lines = output.trimEnd().split('\n');
    console.log(lines.slice(0, 80).map((line) => `    ${line}`).join('\n'));
    if (lines.length > 80) console.log(`    … ${lines.length - 80} more diff line(s)`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const command = `${check.updateVariable}=1 npm test -- ${check.suite}`;
  console.log(`  ${check.path} is out of date: run \`${command}\` and commit it.`);
  return { suite: check.suite, passed: 0, failed: 1, failures: [`${check.path} is out of date: run \`${command}\``] };
}

const suites: Suite[] = [
  {
    name: 'typecheck',
    description: 'tsc --noEmit over the app, the local stack and the tests (strict)',
    async run({ env }) {
      const { code, output } = await runCommand(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json', '--pretty', 'false'], env, { quiet: true });
      const errors = output.split('\n').filter((line) => /error TS\d+/.test(line));
      for (const error of errors) console.log(`  ✖ ${error}`);
      if (code !== 0 && errors.length === 0) {
        console.log(output);
        return { suite: 'typecheck', passed: 0, failed: 1, error: 'tsc failed without reporting type errors' };
      }
      console.log(`  ${errors.length} type error(s)`);
      return { suite: 'typecheck', passed: errors.length === 0 ? 1 : 0, failed: errors.length };
    },
  },
  {
    // Before any other suite touches the database (vitest creates probe tables), so this is the migrations alone.
    name: 'schema',
    description: 'supabase/schema.sql matches a schema-only pg_dump of the migrated database',
    async run({ stack, env }) {
      const generated = await dumpProjectSchema(stack.dbUrl, env);
      return checkGeneratedFile({ suite: 'schema', path: join('supabase', 'schema.sql'), generated, updateVariable: 'UPDATE_SCHEMA', compare: 'exact', env });
    },
  },
  {
    name: 'pgtap',
    description: 'pgTAP database tests (pg_prove over supabase/tests)',
    async run({ stack, env, args }) {
      const files = args.length > 0 ? args : sqlTestFiles().map((file) => join('supabase', 'tests', file));
      if (files.length === 0) return { suite: 'pgtap', passed: 0, failed: 1, error: 'no pgTAP files in supabase/tests' };
      // As `supabase test db` does, pgTAP is installed before the files run (each may also say so).
      await runCommand('psql', [stack.dbUrl, '-qX', '-c', 'create extension if not exists pgtap with schema extensions'], env, { quiet: true });
      // pgTAP files see other sessions' commits between statements: start once the seed's chunks are written.
      const sql = postgres(stack.dbUrl, { max: 1, onnotice: () => {} });
      try {
        const settled = await waitForEmbeddedKnowledgeBase({ sql, apiUrl: stack.apiUrl, serviceRoleKey: stack.keys.serviceRoleKey });
        if (!settled) console.log('  ! the seeded knowledge base was still being embedded after 120 s');
      } finally {
        await sql.end({ timeout: 5 });
      }
      const { code, output } = await runCommand('pg_prove', ['--verbose', '--failures', '-d', stack.dbUrl, ...files], env, { quiet: true });
      const counts = countTap(output);
      const failures = tapFailures(output);
      for (const line of output.split('\n')) {
        if (/^\s*not ok/.test(line) || /^\s*#\s+(Failed|got|expected|     )/.test(line) || /Dubious|Parse errors|ERROR/.test(line)) console.log(line);
      }
      console.log(output.split('\n').filter((line) => /^(Files=|Result:)/.test(line)).join('\n'));
      if (code !== 0 && counts.failed === 0) {
        console.log(output.split('\n').slice(-30).join('\n'));
        return { suite: 'pgtap', ...counts, failed: 1, error: 'pg_prove failed (a plan mismatch or SQL error; see above)', failures };
      }
      return { suite: 'pgtap', ...counts, failures };
    },
  },
  {
    name: 'advisors',
    description: "Supabase's security and performance advisors (no ERROR, no WARN)",
    async run({ stack, env }) {
      const { output } = await runCommand(bin('supabase'), ['db', 'advisors', `--remote=${stack.dbUrl}`, '--output-format', 'json'], env, { quiet: true });
      const json = output.slice(output.indexOf('{'));
      let results: Array<{ name: string; level: string; categories: string[]; detail: string }>;
      try {
        results = JSON.parse(json).results ?? [];
      } catch {
        console.log(output);
        return { suite: 'advisors', passed: 0, failed: 1, error: 'advisors output was not JSON' };
      }
      // Every warning blocks, performance ones too (multiple permissive policies reached 0 in 20261205000300 and must
      // stay there); INFO findings are listed only.
      const blocking = results.filter((r) => r.level === 'ERROR' || r.level === 'WARN');
      for (const r of results) console.log(`  ${blocking.includes(r) ? '✖' : '·'} ${r.level} ${r.name}: ${r.detail}`);
      console.log(`  ${results.length} finding(s), ${blocking.length} blocking`);
      return { suite: 'advisors', passed: blocking.length === 0 ? 1 : 0, failed: blocking.length };
    },
  },
  {
    name: 'lint',
    description: 'supabase db lint (plpgsql_check), no errors',
    async run({ stack, env }) {
      const { output } = await runCommand(bin('supabase'), ['db', 'lint', `--remote=${stack.dbUrl}`, '--schema', 'public,private', '--level', 'error', '--output-format', 'json'], env, { quiet: true });
      const json = output.slice(output.indexOf('{'));
      let results: Array<{ function: string; issues: Array<{ level: string; message: string }> }>;
      try {
        results = JSON.parse(json).results ?? [];
      } catch {
        console.log(output);
        return { suite: 'lint', passed: 0, failed: 1, error: 'lint output was not JSON' };
      }
      const errors = results.flatMap((r) => r.issues.filter((i) => i.level === 'error').map((i) => `${r.function}: ${i.message}`));
      for (const error of errors) console.log(`  ✖ ${error}`);
      console.log(`  ${errors.length} error(s)`);
      return { suite: 'lint', passed: errors.length === 0 ? 1 : 0, failed: errors.length };
    },
  },
  {
    name: 'types',
    description: 'types/database.types.ts matches `supabase gen types`',
    async run({ stack, env }) {
      const { code, output } = await runCommand(bin('supabase'), ['gen', 'types', `--remote=${stack.dbUrl}`, '--lang', 'typescript', '--schema', 'public'], env, { quiet: true });
      const generated = output.slice(output.indexOf('export type Json'));
      if (code !== 0 || !generated.startsWith('export type Json')) {
        console.log(output);
        return { suite: 'types', passed: 0, failed: 1, error: 'supabase gen types failed' };
      }
      return checkGeneratedFile({ suite: 'types', path: join('types', 'database.types.ts'), generated, updateVariable: 'UPDATE_TYPES', compare: 'trimmed', env });
    },
  },
  {
    name: 'deno',
    description: 'deno test for supabase/functions, its dev-time tools and the functions-host fixtures',
    async run({ env, args }) {
      const { code, output } = await runCommand(bin('deno'), ['test', '--allow-all', '--no-prompt', '--reporter=tap', ...(args.length ? args : denoTestFolders)], env);
      const counts = countTap(output);
      const failures = tapFailures(output);
      if (code !== 0 && counts.failed === 0) return { suite: 'deno', ...counts, failed: 1, error: 'deno test failed before running its tests', failures };
      return { suite: 'deno', ...counts, failures };
    },
  },
  {
    name: 'vitest',
    description: 'vitest: app, local stack and integration tests',
    async run(context) {
      // Only serial files named (e.g. `npm test -- vitest tests/local/faults.serial.test.ts`): the parallel config would
      // find none of them and fail with "No test files found", so it is skipped.
      const onlySerialFiles = context.args.length > 0 && context.args.every((arg) => arg.includes('.serial.'));
      const serial = () => runVitest('vitest-serial', join('tests', 'vitest.serial.config.ts'), context);
      if (onlySerialFiles) return { ...(await serial()), suite: 'vitest' };
      const parallel = await runVitest('vitest', join('tests', 'vitest.config.ts'), context);
      if (context.args.length > 0 && !context.args.some((arg) => arg.includes('serial'))) return parallel;
      const serialResult = await serial();
      return {
        suite: 'vitest',
        passed: parallel.passed + serialResult.passed,
        failed: parallel.failed + serialResult.failed,
        error: parallel.error ?? serialResult.error,
        failures: [...(parallel.failures ?? []), ...(serialResult.failures ?? [])],
      };
    },
  },
  {
    name: 'browser',
    description: 'browser tests (Debian Chromium via playwright-core) against the built app',
    async run(context) {
      ensurePackages(testPackages);
      const app = await context.startApp();
      try {
        return await runVitest('browser', join('tests', 'vitest.browser.config.ts'), context);
      } finally {
        await app.stop();
      }
    },
  },
];


async function runVitest(suite: string, config: string, { env, args, artifacts }: SuiteContext): Promise<SuiteResult> {
  const report = join(artifacts, `${suite}.json`);
  const { code, output } = await runCommand(bin('vitest'), ['run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args], env);
  if (!existsSync(report)) return { suite, passed: 0, failed: 1, error: 'vitest wrote no report' };
  const summary = JSON.parse(readFileSync(report, 'utf8')) as VitestJsonReport;
  // A file can fail with every test passed (a hook threw: a deadlock in afterAll's clean-up did once); it counts, named.
  const failedOutsideTests = (file: VitestJsonReport['testResults'][number]) =>
    file.status === 'failed' && (Boolean(file.message) || !(file.assertionResults ?? []).some((test) => test.status === 'failed'));
  const failedFiles = summary.testResults.filter(failedOutsideTests).length;
  const firstLine = (text: string | undefined) => (text ?? '').split('\n').find((line) => line.trim() !== '')?.trim().slice(0, 240) ?? '';
  const failures = summary.testResults.flatMap((file) => {
    const where = relative(projectRoot, file.name);
    const tests = (file.assertionResults ?? [])
      .filter((test) => test.status !== 'passed')
      .map((test) => `${where} > ${test.fullName} [${test.status}]: ${firstLine(test.failureMessages?.[0])}`);
    return failedOutsideTests(file) ? [`${where}: ${firstLine(file.message) || 'failed outside its tests (a hook threw); see its block above'}`, ...tests] : tests;
  });
  // Skipped or todo tests are not allowed in this project: they count as failures.
  const failed = summary.numFailedTests + summary.numPendingTests + summary.numTodoTests + failedFiles;
  if (code !== 0 && failed === 0) {
    return { suite, passed: summary.numPassedTests, failed: 1, error: 'vitest exited with an error', failures: [...failures, ...unhandledErrors(output)] };
  }
  return { suite, passed: summary.numPassedTests, failed, failures };
}

/**
 * Vitest exits non-zero with every test passed when something threw outside a test (an unhandled rejection, an
 * 'error' event nobody listens to). Its JSON report does not carry those, and on CI only the end of the output is
 * kept, so the summary repeats the head of each block: which error, and which test file it came from.
 */
export function unhandledErrors(output: string): string[] {
  // Colour codes would hide the markers.
  const lines = output.replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((line) => line.trim());
  const first = lines.findIndex((line) => /Unhandled (Errors?|Rejection)/.test(line));
  if (first === -1) return ['no unhandled-error block in the output: see the vitest output above'];
  // Each error's first line (the line after its "⎯ Unhandled Rejection ⎯" rule) and where vitest says it came from.
  const block = lines.slice(first, first + 200);
  const kept = block.filter((line, index) =>
    /^⎯+ Unhandled (Error|Rejection) ⎯+$/.test(block[index - 1] ?? '') || /^(This error originated in|The latest test that)/.test(line));
  return kept.slice(0, 12).map((line) => line.slice(0, 300));
}

interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: Array<{
    name: string;
    status: string;
    message?: string;
    assertionResults?: Array<{ fullName: string; status: string; failureMessages?: string[] }>;
  }>;
}

export async function runTests(argv: string[]): Promise<number> {
  const started = Date.now();
  const [first, ...rest] = argv;
  const selected = first && suites.some((suite) => suite.name === first) ? suites.filter((suite) => suite.name === first) : suites;
  const suiteArgs = selected.length === 1 && first === selected[0]?.name ? rest : [];

  step(`npm test: ${selected.map((suite) => suite.name).join(', ')}`);
  const openAiStub: OpenAiStub = await startOpenAiStub();
  const stack = await startStack('test', { functionEnv: { OPENAI_STUB_URL: openAiStub.url } });
  const artifacts = join(projectRoot, 'tests', '.artifacts');
  mkdirSync(artifacts, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGSSLMODE: 'disable',
    // supabase-js constructs a realtime client, which needs a WebSocket: Node 20 has
    // undici's behind this flag (Node 22 has it by default).
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-websocket'].filter(Boolean).join(' '),
    DO_NOT_TRACK: '1',
    SUPABASE_URL: stack.apiUrl,
    SUPABASE_ANON_KEY: stack.keys.anonKey,
    SUPABASE_SERVICE_ROLE_KEY: stack.keys.serviceRoleKey,
    SUPABASE_SECRET_KEY: stack.keys.secretKey,
    SUPABASE_JWT_SECRET: stack.keys.jwtSecret,
    SUPABASE_DB_URL: stack.dbUrl,
    APP_URL: stack.appUrl,
    MAILPIT_URL: stack.mailUrl,
    SMTP_PORT: String(stack.profile.smtpPort),
    OPENAI_STUB_URL: openAiStub.url,
    SUPPORT_HUB_STATE_DIR: stack.profile.stateDir,
    SUPPORT_HUB_TEST_ARTIFACTS: artifacts,
  };
  let app: RunningApp | undefined;
  const context: SuiteContext = {
    stack,
    env,
    args: suiteArgs,
    artifacts,
    startApp: async () => (app ??= await startApp(stack, { mode: 'production' })),
  };

  const results: SuiteResult[] = [];
  try {
    for (const suite of selected) {
      console.log(`\n${bold(`── ${suite.name}`)} — ${suite.description}`);
      const suiteStarted = Date.now();
      let result: SuiteResult;
      try {
        result = await suite.run(context);
      } catch (error) {
        result = { suite: suite.name, passed: 0, failed: 1, error: (error as Error).message };
      }
      if (result.error) fail(`${suite.name}: ${result.error}`);
      results.push(result);
      const seconds = ((Date.now() - suiteStarted) / 1000).toFixed(1);
      (result.failed === 0 ? ok : fail)(`${suite.name}: ${result.passed} passed, ${result.failed} failed (${seconds} s)`);
    }
  } finally {
    await app?.stop();
    await stack.stop();
    await openAiStub.close();
  }

  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  console.log(`\n${bold('Summary')} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  for (const r of results) console.log(`  ${r.failed === 0 ? '✔' : '✖'} ${r.suite.padEnd(9)} ${r.passed} passed, ${r.failed} failed`);
  const failureLines = results.flatMap((r) => [...(r.error ? [`${r.suite}: ${r.error}`] : []), ...(r.failures ?? []).map((line) => `${r.suite}: ${line}`)]);
  if (failureLines.length > 0) {
    console.log(bold('Failed'));
    for (const line of failureLines) console.log(`  ✖ ${line}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

export const testSuiteNames = suites.map((suite) => suite.name);
export const relativeToRoot = (path: string) => relative(projectRoot, path);
